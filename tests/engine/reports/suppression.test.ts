// Small-cell suppression (src-main/engine/reports/suppression.ts): worked examples, and a
// property test against a brute-force reader who knows the published numbers, the total, that a
// "< k" cell is 1 … k − 1 and that a "hidden" cell is at least k (else it would be "< k").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportCell } from '../../../shared/domain/reports.js';
import { suppressCount, suppressLine } from '../../../src-main/engine/reports/suppression.js';

const show = (c: ReportCell) => (c.state === 'value' ? c.value : c.state === 'small' ? '<k' : 'x');

/**
 * Every value each suppressed cell can take, for a reader who knows the published cells, the
 * total and the marks. Dynamic programming over reachable sums — an independent computation from
 * the engine's interval rule.
 */
function possibleValues(values: readonly number[], cells: readonly ReportCell[], k: number): Map<number, Set<number>> {
  const total = values.reduce((s, v) => s + v, 0);
  const published = cells.reduce((s, c) => s + (c.state === 'value' ? c.value : 0), 0);
  const hiddenSum = total - published;
  const hidden = cells.map((c, i) => ({ c, i })).filter((x) => x.c.state !== 'value');
  const range = (c: ReportCell): [number, number] => (c.state === 'small' ? [1, k - 1] : [k, hiddenSum]);
  const out = new Map<number, Set<number>>();
  hidden.forEach((h, n) => {
    // sums the other hidden cells can make
    let reach = new Set<number>([0]);
    hidden.forEach((o, m) => {
      if (m === n) return;
      const [lo, hi] = range(o.c);
      const next = new Set<number>();
      for (const s of reach) for (let v = lo; v <= hi && s + v <= hiddenSum; v++) next.add(s + v);
      reach = next;
    });
    const [lo, hi] = range(h.c);
    const possible = new Set<number>();
    for (let v = lo; v <= hi; v++) if (reach.has(hiddenSum - v)) possible.add(v);
    out.set(h.i, possible);
  });
  return out;
}

describe('suppressCount', () => {
  it.each([
    [0, 5, { state: 'value', value: 0 }],
    [1, 5, { state: 'small' }],
    [4, 5, { state: 'small' }],
    [5, 5, { state: 'value', value: 5 }],
    [9, 10, { state: 'small' }],
    [10, 10, { state: 'value', value: 10 }],
  ])('%i with k = %i → %j', (n, k, cell) => {
    expect(suppressCount(n, k)).toEqual(cell);
  });

  it('refuses what is not a count', () => {
    expect(() => suppressCount(-1, 5)).toThrow(RangeError);
    expect(() => suppressCount(1.5, 5)).toThrow(RangeError);
  });
});

describe('suppressLine', () => {
  it('shows a line without small numbers as it is', () => {
    expect(suppressLine([12, 0, 7], 5)).toEqual({
      cells: [
        { state: 'value', value: 12 },
        { state: 'value', value: 0 },
        { state: 'value', value: 7 },
      ],
      total: { state: 'value', value: 19 },
      withheld: null,
    });
  });

  it('hides the next smallest cell with a single small one (3 would be 15 − 12)', () => {
    const s = suppressLine([3, 12, 20], 5);
    expect(s.cells.map(show)).toEqual(['<k', 'x', 20]);
    expect(s.total).toEqual({ state: 'value', value: 35 });
  });

  it('skips a complement that would still pin the small cell down, and never uses a zero', () => {
    // hiding 5 next to 1 gives hidden sum 6 = 1 + 5 with "hidden ≥ 5": the 1 would be known
    const s = suppressLine([1, 5, 0, 9], 5);
    expect(s.cells.map(show)).toEqual(['<k', 5, 0, 'x']);
  });

  it('hides two small cells that protect each other only when every value stays possible', () => {
    // 2 + 3 = 5 hidden, each 1 … 4: both fully open → nothing else to hide
    expect(suppressLine([2, 3, 10], 5).cells.map(show)).toEqual(['<k', '<k', 10]);
    // 1 + 1 = 2 hidden: both would be 1 → a complement is needed
    expect(suppressLine([1, 1, 10], 5).cells.map(show)).toEqual(['<k', '<k', 'x']);
  });

  it('withholds the breakdown when the total itself is small', () => {
    expect(suppressLine([2, 1, 0], 5)).toEqual({ cells: [], total: { state: 'small' }, withheld: 'small-total' });
  });

  it('withholds the breakdown when no choice of hidden cells protects the small one', () => {
    // 1 and 5, total 6: "< 5" + hidden (≥ 5) = 6 can only be 1 + 5
    expect(suppressLine([1, 5], 5)).toEqual({
      cells: [],
      total: { state: 'value', value: 6 },
      withheld: 'unprotectable',
    });
  });

  it('keeps an all-zero line', () => {
    expect(suppressLine([0, 0], 5)).toEqual({
      cells: [
        { state: 'value', value: 0 },
        { state: 'value', value: 0 },
      ],
      total: { state: 'value', value: 0 },
      withheld: null,
    });
  });

  it('property: no suppressed cell of a random table can be worked out from the published cells and the total', () => {
    const cellValue = fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 12 }) },
      { weight: 1, arbitrary: fc.integer({ min: 13, max: 40 }) },
    );
    fc.assert(
      fc.property(fc.array(cellValue, { minLength: 1, maxLength: 7 }), fc.constantFrom(5, 6, 7, 10), (values, k) => {
        const s = suppressLine(values, k);
        const total = values.reduce((a, b) => a + b, 0);
        if (s.withheld === 'small-total') {
          expect(total >= 1 && total < k).toBe(true);
          expect(s.cells).toEqual([]);
          expect(s.total).toEqual({ state: 'small' });
          return;
        }
        expect(s.total).toEqual({ state: 'value', value: total });
        if (s.withheld === 'unprotectable') {
          expect(s.cells).toEqual([]);
          return;
        }
        expect(s.cells).toHaveLength(values.length);
        s.cells.forEach((c, i) => {
          const v = values[i]!;
          // every count 1 … k − 1 is "small"; a shown value is the true one; "hidden" is ≥ k
          if (v >= 1 && v < k) expect(c).toEqual({ state: 'small' });
          else if (c.state === 'value') expect(c.value).toBe(v);
          else expect(c.state === 'hidden' && v >= k).toBe(true);
        });
        for (const [i, possible] of possibleValues(values, s.cells, k)) {
          expect(possible.has(values[i]!), 'the truth is among the possibilities').toBe(true);
          if (s.cells[i]!.state === 'small') {
            // the reader learns nothing beyond "< k": every value 1 … k − 1 still fits
            for (let v = 1; v < k; v++)
              expect(possible.has(v), `cell ${i} = ${v} in ${JSON.stringify(values)}`).toBe(true);
          } else {
            expect(possible.size, `hidden cell ${i} in ${JSON.stringify(values)}`).toBeGreaterThanOrEqual(2);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('property: the reader of a withheld ("unprotectable") table could indeed have pinned a cell down', () => {
    // withholding is the last resort: with every non-zero cell hidden the rule still fails
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 5 }), (values) => {
        const k = 5;
        const s = suppressLine(values, k);
        if (s.withheld !== 'unprotectable') return;
        const all: ReportCell[] = values.map((v) =>
          v === 0 ? { state: 'value', value: 0 } : v < k ? { state: 'small' } : { state: 'hidden' },
        );
        const possible = possibleValues(values, all, k);
        const someExposed = [...possible].some(([i, set]) =>
          all[i]!.state === 'small' ? [1, 2, 3, 4].some((v) => !set.has(v)) : set.size < 2,
        );
        expect(someExposed).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
