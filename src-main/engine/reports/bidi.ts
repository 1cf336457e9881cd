/**
 * The Unicode bidirectional algorithm (UAX #9) for the PDF renderer's lines. pdfkit draws glyphs
 * left to right; without this an Arabic line comes out with its words in the wrong order and the
 * digits of a number reversed. The algorithm itself — character classes, the explicit and
 * implicit rules, bracket pairs, mirrored glyphs — is bidi-js's (the full UAX #9 with the Unicode
 * data tables); this module adapts it to the renderer, which works on code points (bidi-js on
 * UTF-16 units) and breaks a paragraph into lines itself before ordering each (L1–L2 below).
 */
import bidiModule, { type Bidi } from 'bidi-js';

// bidi-js ships CommonJS whose module.exports is the factory; its types describe an ES default
// export, which TypeScript's node resolution reads as the module object.
const bidi = (bidiModule as unknown as () => Bidi)();

export type BidiClass = 'L' | 'R' | 'AL' | 'EN' | 'ES' | 'ET' | 'AN' | 'CS' | 'NSM' | 'B' | 'S' | 'WS' | 'ON' | 'BN';

export type Direction = 'ltr' | 'rtl';

const IMPLICIT_CLASSES: ReadonlySet<string> = new Set<BidiClass>([
  'L',
  'R',
  'AL',
  'EN',
  'ES',
  'ET',
  'AN',
  'CS',
  'NSM',
  'B',
  'S',
  'WS',
  'ON',
  'BN',
]);

/**
 * The Bidi_Class of one character (a string of one code point). The explicit formatting
 * characters (embeddings, overrides, isolates) read as boundary neutrals here: they matter to the
 * levels (resolveLevels) but are never drawn.
 */
export function bidiClass(ch: string): BidiClass {
  const c = bidi.getBidiCharTypeName(ch);
  return IMPLICIT_CLASSES.has(c) ? (c as BidiClass) : 'BN';
}

export function firstStrongDirection(text: string, fallback: Direction): Direction {
  for (const ch of text) {
    const c = bidiClass(ch);
    if (c === 'L') return 'ltr';
    if (c === 'R' || c === 'AL') return 'rtl';
  }
  return fallback;
}

/**
 * The embedding level of each code point of one paragraph (no line breaks in it), with `base` as
 * the paragraph direction. Index i is the i-th code point, not UTF-16 unit.
 */
export function resolveLevels(codePoints: readonly string[], base: Direction): number[] {
  const { levels } = bidi.getEmbeddingLevels(codePoints.join(''), base);
  const out: number[] = [];
  let unit = 0;
  for (const cp of codePoints) {
    out.push(levels[unit]!);
    unit += cp.length;
  }
  return out;
}

/**
 * L1–L2 for one line: the line's code point indexes (start..end of the paragraph) in visual order,
 * left to right. Whitespace at the end of the line goes to the paragraph level first.
 */
export function visualOrder(
  codePoints: readonly string[],
  levels: readonly number[],
  start: number,
  end: number,
  base: Direction,
): number[] {
  const lv = lineLevels(codePoints, levels, start, end, base);
  const order = lv.map((_, k) => start + k);
  if (lv.length === 0) return order;
  const highest = Math.max(...lv);
  const lowestOdd = Math.min(...lv.filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < lv.length; i++) {
      if (lv[i]! < level) continue;
      let j = i;
      while (j < lv.length && lv[j]! >= level) j++;
      order.splice(i, j - i, ...order.slice(i, j).reverse());
      lv.splice(i, j - i, ...lv.slice(i, j).reverse());
      i = j;
    }
  }
  return order;
}

/** The levels of one line (start..end) after L1: whitespace at its end takes the paragraph level. */
export function lineLevels(
  codePoints: readonly string[],
  levels: readonly number[],
  start: number,
  end: number,
  base: Direction,
): number[] {
  const baseLevel = base === 'rtl' ? 1 : 0;
  const lv = levels.slice(start, end);
  for (let k = lv.length - 1; k >= 0; k--) {
    const c = bidiClass(codePoints[start + k]!);
    if (c !== 'WS' && c !== 'BN' && c !== 'S') break;
    lv[k] = baseLevel;
  }
  return lv;
}

/** The mirrored form of a character drawn right to left (brackets, guillemets, ≤), else itself. */
export function mirror(ch: string): string {
  return bidi.getMirroredCharacter(ch) ?? ch;
}
