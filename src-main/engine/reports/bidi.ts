/**
 * The Unicode bidirectional algorithm (UAX #9) for the PDF renderer's lines: the resolved level
 * of every character of a paragraph (rules W1–W7, N1–N2, I1–I2) and the visual order of a line
 * (L1–L2). pdfkit draws glyphs left to right; without this an Arabic line comes out with its words
 * in the wrong order and the digits of a number reversed.
 *
 * Scope: the implicit rules only. Explicit embeddings, overrides and isolates (U+202A–202E,
 * U+2066–2069) are not honoured: a report's text is our catalogue and scrubbed story text, and a
 * story's formatting characters are treated as boundary neutrals (BN), so hostile text can change
 * at most the order of its own words, never hide or move text outside its paragraph. Bracket pairs
 * (N0) are not paired; a bracket takes the direction of its neighbours (N1–N2), and is mirrored
 * when drawn right to left (`mirror`).
 *
 * Character classes come from the JavaScript engine's Unicode tables (general category and
 * script), which give the Bidi_Class of every character a report holds: letters of the
 * right-to-left scripts are R or AL, other letters L, the digit, separator and terminator classes
 * are listed, marks are NSM.
 */

export type BidiClass = 'L' | 'R' | 'AL' | 'EN' | 'ES' | 'ET' | 'AN' | 'CS' | 'NSM' | 'B' | 'S' | 'WS' | 'ON' | 'BN';

export type Direction = 'ltr' | 'rtl';

const HEBREW_LIKE =
  /[\u0590-\u05FF\u07C0-\u085F\uFB1D-\uFB4F\u{10800}-\u{10CFF}\u{10D40}-\u{10EBF}\u{10F00}-\u{10F2F}\u{10F70}-\u{10FFF}\u{1E800}-\u{1EDFF}]/u;
const ARABIC_LIKE =
  /[\u0600-\u07BF\u0860-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u{10D00}-\u{10D3F}\u{10EC0}-\u{10EFF}\u{10F30}-\u{10F6F}\u{1EC70}-\u{1ECBF}\u{1ED00}-\u{1ED4F}\u{1EE00}-\u{1EEFF}]/u;
const EUROPEAN_DIGIT =
  /[0-9\u00B2\u00B3\u00B9\u06F0-\u06F9\u2070\u2074-\u2079\u2080-\u2089\u2488-\u249B\uFF10-\uFF19\u{1D7CE}-\u{1D7FF}]/u;
const ARABIC_NUMBER = /[\u0600-\u0605\u0660-\u0669\u066B\u066C\u06DD\u0890\u0891\u08E2\u{10E60}-\u{10E7E}]/u;
const EUROPEAN_SEPARATOR = /[+\-\u207A\u207B\u208A\u208B\u2212\uFB29\uFE62\uFE63\uFF0B\uFF0D]/u;
const EUROPEAN_TERMINATOR =
  /[#$%\u00A2-\u00A5\u00B0\u00B1\u0609\u060A\u066A\u09F2\u09F3\u0AF1\u0BF9\u0E3F\u17DB\u2030-\u2034\u20A0-\u20CF\u212E\u2213\uFE5F\uFE69\uFE6A\uFF03-\uFF05\uFFE0\uFFE1\uFFE5\uFFE6]/u;
const COMMON_SEPARATOR = /[,./:\u00A0\u060C\u202F\u2044\uFE50\uFE52\uFE55\uFF0C\uFF0E\uFF0F\uFF1A]/u;
const PARAGRAPH_SEPARATOR = /[\n\r\u001C-\u001E\u0085\u2029]/u;
const SEGMENT_SEPARATOR = /[\t\u000B\u001F]/u;
const WHITESPACE = /[\f \u1680\u2000-\u200A\u2028\u205F\u3000]/u;
const MARK = /[\p{Mn}\p{Me}]/u;
const BOUNDARY_NEUTRAL = /[\p{Cc}\p{Cf}]/u;
const STRONG_LTR = /[\p{L}\p{Mc}\p{Nl}]/u;

/** The Bidi_Class of one character (a string of one code point). */
export function bidiClass(ch: string): BidiClass {
  if (PARAGRAPH_SEPARATOR.test(ch)) return 'B';
  if (SEGMENT_SEPARATOR.test(ch)) return 'S';
  if (WHITESPACE.test(ch)) return 'WS';
  if (EUROPEAN_DIGIT.test(ch)) return 'EN';
  if (ARABIC_NUMBER.test(ch)) return 'AN';
  if (EUROPEAN_SEPARATOR.test(ch)) return 'ES';
  if (EUROPEAN_TERMINATOR.test(ch)) return 'ET';
  if (COMMON_SEPARATOR.test(ch)) return 'CS';
  if (MARK.test(ch)) return 'NSM';
  if (BOUNDARY_NEUTRAL.test(ch)) return 'BN';
  if (HEBREW_LIKE.test(ch) && /\p{L}/u.test(ch)) return 'R';
  if (ARABIC_LIKE.test(ch) && /[\p{L}\p{Mc}]/u.test(ch)) return 'AL';
  if (STRONG_LTR.test(ch)) return 'L';
  return 'ON';
}

/** P2–P3: the direction of the first strong character, or `fallback` when there is none. */
export function firstStrongDirection(text: string, fallback: Direction): Direction {
  for (const ch of text) {
    const c = bidiClass(ch);
    if (c === 'L') return 'ltr';
    if (c === 'R' || c === 'AL') return 'rtl';
  }
  return fallback;
}

const isStrong = (c: BidiClass) => c === 'L' || c === 'R' || c === 'AL';
const isNeutral = (c: BidiClass) => c === 'B' || c === 'S' || c === 'WS' || c === 'ON';

/**
 * The embedding level of each code point of one paragraph (no line breaks in it), by the implicit
 * rules, with `base` as the paragraph direction. Index i is the i-th code point, not UTF-16 unit.
 */
export function resolveLevels(codePoints: readonly string[], base: Direction): number[] {
  const baseLevel = base === 'rtl' ? 1 : 0;
  const sos: BidiClass = base === 'rtl' ? 'R' : 'L';
  const n = codePoints.length;
  const original = codePoints.map(bidiClass);
  const t = [...original];

  // W1: a mark (and a boundary neutral, which X9 would remove) takes the class before it
  for (let i = 0; i < n; i++) if (t[i] === 'NSM' || t[i] === 'BN') t[i] = i === 0 ? sos : t[i - 1]!;
  // W2: European digits after Arabic letters are Arabic numbers; W3: AL becomes R
  let lastStrong: BidiClass = sos;
  for (let i = 0; i < n; i++) {
    const c = t[i]!;
    if (isStrong(c)) lastStrong = c;
    else if (c === 'EN' && lastStrong === 'AL') t[i] = 'AN';
  }
  for (let i = 0; i < n; i++) if (t[i] === 'AL') t[i] = 'R';
  // W4: one separator between two numbers of the same kind joins them
  for (let i = 1; i < n - 1; i++) {
    const p = t[i - 1]!;
    const q = t[i + 1]!;
    if (t[i] === 'ES' && p === 'EN' && q === 'EN') t[i] = 'EN';
    else if (t[i] === 'CS' && p === q && (p === 'EN' || p === 'AN')) t[i] = p;
  }
  // W5: terminators next to European digits belong to the number
  for (let i = 0; i < n; i++) {
    if (t[i] !== 'ET') continue;
    let j = i;
    while (j < n && t[j] === 'ET') j++;
    if ((i > 0 && t[i - 1] === 'EN') || (j < n && t[j] === 'EN')) for (let k = i; k < j; k++) t[k] = 'EN';
    i = j - 1;
  }
  // W6: other separators and terminators are neutral
  for (let i = 0; i < n; i++) if (t[i] === 'ES' || t[i] === 'ET' || t[i] === 'CS') t[i] = 'ON';
  // W7: European digits after a left-to-right letter are left to right
  lastStrong = sos;
  for (let i = 0; i < n; i++) {
    const c = t[i]!;
    if (c === 'L' || c === 'R') lastStrong = c;
    else if (c === 'EN' && lastStrong === 'L') t[i] = 'L';
  }
  // N1–N2: a run of neutrals between two sides of the same direction takes it, else the paragraph's
  const strongDir = (c: BidiClass): 'L' | 'R' => (c === 'L' ? 'L' : 'R');
  for (let i = 0; i < n; i++) {
    if (!isNeutral(t[i]!)) continue;
    let j = i;
    while (j < n && isNeutral(t[j]!)) j++;
    const before = i === 0 ? sos : strongDir(t[i - 1]!);
    const after = j === n ? sos : strongDir(t[j]!);
    const dir = before === after ? before : sos;
    for (let k = i; k < j; k++) t[k] = dir;
    i = j - 1;
  }
  // I1–I2
  const levels = t.map((c) => {
    if (baseLevel === 0) return c === 'R' ? 1 : c === 'AN' || c === 'EN' ? 2 : 0;
    return c === 'L' || c === 'EN' || c === 'AN' ? 2 : 1;
  });
  // L1 (the part that does not depend on line breaks): separators and the whitespace before them
  for (let i = 0; i < n; i++) {
    if (original[i] !== 'S' && original[i] !== 'B') continue;
    levels[i] = baseLevel;
    for (let k = i - 1; k >= 0 && (original[k] === 'WS' || original[k] === 'BN'); k--) levels[k] = baseLevel;
  }
  return levels;
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

const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
  '‹': '›',
  '›': '‹',
  '⁅': '⁆',
  '⁆': '⁅',
  '≤': '≥',
  '≥': '≤',
};

/** The mirrored form of a character drawn right to left (brackets, guillemets), else itself. */
export function mirror(ch: string): string {
  return MIRRORED[ch] ?? ch;
}
