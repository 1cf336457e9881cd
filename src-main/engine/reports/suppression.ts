/**
 * Small-cell suppression for donor reports (docs/reports.md, "Small numbers").
 *
 * A standalone count (cases opened, enquiries received, …) is shown when it is 0 or at least k,
 * and as "< k" ("small") when it is 1 … k − 1.
 *
 * A one-way table publishes its rows and their total. Hiding the small rows is not enough: the
 * total minus the published rows gives the hidden sum, and what the reader knows about each
 * hidden cell — a "< k" cell is between 1 and k − 1, a "hidden" cell is at least k (else it
 * would have been "< k"), a shown 0 is 0 — can pin a cell down. Example with k = 5:
 * rows 1 and 5, total 6, shown as "< 5", "hidden", 6 — the hidden sum is 6 and the hidden cell
 * is at least 5, so the small one is 1.
 *
 * The rule here is FULL PROTECTION against that reader: after suppression, for each "< k"
 * cell, every value from 1 to k − 1 must still fit the published numbers (the reader learns
 * nothing beyond "< k"), and each "hidden" cell must have at least two possible values. For a
 * line of hidden cells H with known hidden sum S, cell i can take the value v exactly when the
 * others can make up S − v within their bounds (lo_j … hi_j: 1 … k − 1 for small cells,
 * k … ∞ for hidden ones), which for integer intervals is
 *
 *     Σ_{j≠i} lo_j  ≤  S − v  ≤  Σ_{j≠i} hi_j .
 *
 * How: hide the small cells; then, while the rule fails, add the smallest shown non-zero cell
 * that makes it hold, or if none does, the largest (it adds the most slack), and try again. A
 * zero is never used to hide another cell (a hidden cell is known to be at least k, so a hidden
 * zero would mislead rather than protect). When the rule cannot be met with every non-zero cell
 * hidden, the table's breakdown is withheld ("unprotectable"): only its total is shown. A table
 * whose total is itself 1 … k − 1 shows no breakdown either ("small-total"): its total is
 * "< k", and cells of a total that small cannot be protected.
 *
 * The true values of small and hidden cells never leave this module: the model only says
 * "small" or "hidden". tests/engine/reports/suppression.test.ts checks the rule against a
 * brute-force reader on random tables.
 */
import type { ReportCell } from '../../../shared/domain/reports.js';

export function valueCell(value: number): ReportCell {
  return { state: 'value', value };
}

/** A standalone count: 0 and k or more as they are, 1 … k − 1 as "small". */
export function suppressCount(n: number, k: number): ReportCell {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('a count is a whole number ≥ 0');
  return n >= 1 && n < k ? { state: 'small' } : valueCell(n);
}

export interface SuppressedLine {
  /** one per input value, in order; empty when withheld */
  cells: ReportCell[];
  total: ReportCell;
  withheld: 'small-total' | 'unprotectable' | null;
}

/** What the reader knows about each hidden cell: its lowest and highest possible value. */
interface Bounds {
  lo: number;
  hi: number;
}

/** The range of values cell i can take given the others' bounds and the hidden sum. */
export function feasibleRange(bounds: readonly Bounds[], i: number, hiddenSum: number): Bounds {
  let loOthers = 0;
  let hiOthers = 0;
  bounds.forEach((b, j) => {
    if (j === i) return;
    loOthers += b.lo;
    hiOthers += b.hi;
  });
  const own = bounds[i]!;
  return { lo: Math.max(own.lo, hiddenSum - hiOthers), hi: Math.min(own.hi, hiddenSum - loOthers) };
}

/** Does hiding the cells `hidden` (indexes into values) protect every small cell of the line? */
export function lineProtected(values: readonly number[], hidden: ReadonlySet<number>, k: number): boolean {
  const idx = [...hidden];
  const bounds: Bounds[] = idx.map((i) => (values[i]! < k ? { lo: 1, hi: k - 1 } : { lo: k, hi: Infinity }));
  const sum = idx.reduce((s, i) => s + values[i]!, 0);
  return idx.every((i, n) => {
    const r = feasibleRange(bounds, n, sum);
    // small: every value 1 … k − 1 must remain possible; hidden: at least two values
    return values[i]! < k ? r.lo <= 1 && r.hi >= k - 1 : r.hi - r.lo >= 1;
  });
}

/**
 * Suppress one line of a one-way table whose total is published. `values` are the true counts
 * (whole numbers ≥ 0); the total is their sum.
 */
export function suppressLine(values: readonly number[], k: number): SuppressedLine {
  if (!Number.isInteger(k) || k < 2) throw new RangeError('k must be a whole number ≥ 2');
  for (const v of values) if (!Number.isInteger(v) || v < 0) throw new RangeError('a count is a whole number ≥ 0');
  const total = values.reduce((s, v) => s + v, 0);
  if (total >= 1 && total < k) return { cells: [], total: { state: 'small' }, withheld: 'small-total' };
  const hidden = new Set<number>();
  values.forEach((v, i) => {
    if (v >= 1 && v < k) hidden.add(i);
  });
  if (hidden.size > 0) {
    // candidates to hide with them: shown, non-zero, smallest first (ties: first row first)
    const candidates = values
      .map((v, i) => ({ v, i }))
      .filter((c) => c.v >= k)
      .sort((a, b) => a.v - b.v || a.i - b.i);
    while (!lineProtected(values, hidden, k)) {
      if (candidates.length === 0) return { cells: [], total: valueCell(total), withheld: 'unprotectable' };
      const enough = candidates.findIndex((c) => lineProtected(values, new Set([...hidden, c.i]), k));
      const pick = enough >= 0 ? enough : candidates.length - 1;
      hidden.add(candidates[pick]!.i);
      candidates.splice(pick, 1);
    }
  }
  return {
    cells: values.map((v, i) => (!hidden.has(i) ? valueCell(v) : v < k ? { state: 'small' } : { state: 'hidden' })),
    total: valueCell(total),
    withheld: null,
  };
}
