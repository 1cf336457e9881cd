/**
 * Text for the PDF report in any script the shipped fonts cover: the font chosen per run of text,
 * lines broken and ordered by the bidirectional algorithm, aligned to the paragraph's direction.
 *
 * pdfkit draws one string at a point, left to right, in one font; fontkit (inside pdfkit) shapes
 * it with the font's OpenType tables (Arabic joining forms and ligatures, Thai mark placement)
 * and, for a run of a right-to-left script, returns the glyphs right to left. So each line here is
 * cut into visual runs of one embedding level and one font (bidi.ts), each drawn as one string at
 * its own x: a right-to-left run is given in logical order and fontkit reverses it; a run at a
 * right-to-left level with no right-to-left letter (a bracket, a space) is reversed and mirrored
 * here; a number keeps its left-to-right order inside a right-to-left line.
 *
 * Fonts (assets/fonts, SIL Open Font License): Noto Sans for Latin, Greek and Cyrillic, Noto
 * Naskh Arabic, Noto Sans Thai, each regular and bold. A character no font has is refused
 * (REPORT_SCRIPT_UNSUPPORTED) rather than drawn as an empty box: CJK has no font shipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VaultError } from '../../../shared/errors.js';
import { type Direction, firstStrongDirection, lineLevels, mirror, resolveLevels, visualOrder } from './bidi.js';

type Doc = PDFKit.PDFDocument;
export type Weight = 'regular' | 'bold';
export type Align = 'start' | 'end' | 'left' | 'right' | 'center';

/** The part of pdfkit's embedded font (and the fontkit font in it) that coverage and metrics need. */
interface LoadedFont {
  ascender: number;
  descender: number;
  font: { hasGlyphForCodePoint(cp: number): boolean };
}

interface Face {
  name: string;
  font: LoadedFont;
}

/** The fallback chain, in order: the first font that has a character draws it. */
const FAMILIES = [
  { id: 'sans', regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' },
  { id: 'arabic', regular: 'NotoNaskhArabic-Regular.ttf', bold: 'NotoNaskhArabic-Bold.ttf' },
  { id: 'thai', regular: 'NotoSansThai-Regular.ttf', bold: 'NotoSansThai-Bold.ttf' },
] as const;

/** Find assets/fonts next to package.json from wherever this module was loaded (source, bundle, asar). */
export function fontsDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'assets', 'fonts');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('assets/fonts folder not found next to package.json');
    dir = parent;
  }
}

/**
 * The fonts as fontkit parsed them, kept for the next PDF: fontkit reads a font's tables
 * lazily and keeps them, and pdfkit accepts a parsed font in place of the file, so only the
 * first PDF of a process pays for reading and parsing (each PDF still makes its own subsets).
 */
const parsedFonts = new Map<string, LoadedFont['font']>();

/** Scripts named in the refusal of a character no font has (the character itself is not named). */
const SCRIPT_NAMES: readonly (readonly [RegExp, string])[] = [
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u, 'Chinese or Japanese'],
  [/\p{Script=Hangul}/u, 'Korean'],
  [/\p{Script=Hebrew}/u, 'Hebrew'],
  [/\p{Script=Devanagari}/u, 'Devanagari'],
  [/\p{Script=Bengali}/u, 'Bengali'],
  [/\p{Script=Tamil}/u, 'Tamil'],
  [/\p{Script=Ethiopic}/u, 'Ethiopic'],
  [/\p{Script=Myanmar}/u, 'Myanmar'],
  [/\p{Script=Khmer}/u, 'Khmer'],
  [/\p{Script=Georgian}/u, 'Georgian'],
  [/\p{Script=Armenian}/u, 'Armenian'],
  [/\p{Extended_Pictographic}/u, 'emoji'],
];

function scriptName(ch: string): string {
  for (const [re, name] of SCRIPT_NAMES) if (re.test(ch)) return `${name} characters`;
  return `the character U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\p{Mn}\p{Me}]/u;
const WHITESPACE = /\s/u;
/** Characters that belong to no one script (digits, punctuation, spaces): they stay in the font around them. */
const COMMON = /[\p{Script=Common}\p{Script=Inherited}]/u;
/** Scripts written without spaces between words: a line may break between any two of their words. */
const NO_SPACES =
  /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** The right-to-left scripts fontkit reverses by itself (the first non-common letter decides). */
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u;
const SCRIPTED = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

function fontkitReverses(s: string): boolean {
  const m = SCRIPTED.exec(s);
  return m !== null && RTL_SCRIPT.test(m[0]);
}

/** One paragraph made ready: its code points, their fonts and levels, and where a line may break. */
interface Paragraph {
  dir: Direction;
  cps: string[];
  face: number[];
  levels: number[];
}

/** A stretch between two break opportunities: where it ends, its width, the width of its trailing spaces. */
interface Piece {
  end: number;
  width: number;
  trailingSpace: number;
}

export interface Line {
  start: number;
  end: number;
  width: number;
}

export interface DrawOptions {
  weight?: Weight;
  size?: number;
  color?: string;
  /** the width to wrap (or cut) in and align within; none: one line from x */
  width?: number;
  align?: Align;
  /** the paragraph direction: 'auto' takes it from the first strong letter (else the document's) */
  dir?: Direction | 'auto';
  /** one line only, cut with an ellipsis when too long */
  ellipsis?: boolean;
  /** extra space between lines, in points */
  lineGap?: number;
}

export class PdfText {
  private readonly faces: Record<Weight, Face[]>;
  private readonly widths = new Map<string, number>();
  private readonly segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

  constructor(
    private readonly doc: Doc,
    /** the paragraph direction of every text drawn */
    readonly dir: Direction,
  ) {
    const faces = { regular: [] as Face[], bold: [] as Face[] };
    for (const family of FAMILIES) {
      for (const weight of ['regular', 'bold'] as const) {
        const name = `${family.id}-${weight}`;
        const file = family[weight];
        doc.registerFont(name, (parsedFonts.get(file) ?? fs.readFileSync(path.join(fontsDir(), file))) as Buffer);
        doc.font(name);
        const loaded = (doc as unknown as { _font: LoadedFont })._font;
        parsedFonts.set(file, loaded.font);
        faces[weight].push({ name, font: loaded });
      }
    }
    this.faces = faces;
  }

  /** The height of one line at `size`: the tallest ascender to the deepest descender of the chain. */
  lineHeight(size: number, weight: Weight = 'regular'): number {
    const asc = Math.max(...this.faces[weight].map((f) => f.font.ascender));
    const desc = Math.min(...this.faces[weight].map((f) => f.font.descender));
    return ((asc - desc) / 1000) * size;
  }

  private ascent(size: number, weight: Weight): number {
    return (Math.max(...this.faces[weight].map((f) => f.font.ascender)) / 1000) * size;
  }

  /** The font of each code point: the first in the chain that has it; common characters keep the font around them. */
  private assignFaces(cps: readonly string[], weight: Weight): number[] {
    const faces = this.faces[weight];
    const has = (i: number, ch: string) => faces[i]!.font.font.hasGlyphForCodePoint(ch.codePointAt(0)!);
    const out: number[] = new Array<number>(cps.length).fill(-1);
    for (let k = 0; k < cps.length; k++) {
      const ch = cps[k]!;
      const prev = k > 0 ? out[k - 1]! : -1;
      if (IGNORABLE.test(ch) && prev >= 0) {
        out[k] = prev;
        continue;
      }
      if ((COMMON.test(ch) || WHITESPACE.test(ch)) && prev >= 0 && has(prev, ch)) {
        out[k] = prev;
        continue;
      }
      const i = faces.findIndex((_, n) => has(n, ch));
      if (i >= 0) out[k] = i;
      else if (IGNORABLE.test(ch) || WHITESPACE.test(ch)) out[k] = Math.max(prev, 0);
      else
        throw new VaultError(
          'REPORT_SCRIPT_UNSUPPORTED',
          `This report's text has ${scriptName(ch)}, which the PDF fonts of Case Vault cannot show. Write the report as HTML or CSV.`,
        );
    }
    return out;
  }

  /** Width of a string in one face, cached per face and text (pdfkit shapes it word by word, as it draws it). */
  private measure(s: string, face: Face, size: number): number {
    const key = `${face.name}\u0000${s}`;
    let perPoint = this.widths.get(key);
    if (perPoint === undefined) {
      this.doc.font(face.name).fontSize(1000);
      perPoint = this.doc.widthOfString(s) / 1000;
      this.widths.set(key, perPoint);
    }
    return perPoint * size;
  }

  private rangeWidth(p: Paragraph, start: number, end: number, weight: Weight, size: number): number {
    let w = 0;
    let k = start;
    while (k < end) {
      let j = k + 1;
      while (j < end && p.face[j] === p.face[k]) j++;
      w += this.measure(p.cps.slice(k, j).join(''), this.faces[weight][p.face[k]!]!, size);
      k = j;
    }
    return w;
  }

  private prepare(text: string, weight: Weight, dir: Direction): Paragraph {
    const cps = [...text.replace(/\t/g, ' ')];
    return { dir, cps, face: this.assignFaces(cps, weight), levels: resolveLevels(cps, dir) };
  }

  /** The pieces between break opportunities: after a run of spaces, and between two words of a script without spaces. */
  private pieces(p: Paragraph, weight: Weight, size: number): Piece[] {
    const { cps } = p;
    const ends: number[] = [];
    let cpIndex = 0;
    let prevNoSpace = false;
    for (const seg of this.segmenter.segment(cps.join(''))) {
      const noSpace = NO_SPACES.test(seg.segment);
      if (cpIndex > 0 && noSpace && prevNoSpace && ends.at(-1) !== cpIndex) ends.push(cpIndex);
      cpIndex += [...seg.segment].length;
      if (/^\s+$/u.test(seg.segment)) ends.push(cpIndex);
      prevNoSpace = noSpace;
    }
    if (ends.at(-1) !== cps.length) ends.push(cps.length);
    const pieces: Piece[] = [];
    let start = 0;
    for (const end of ends) {
      if (end <= start) continue;
      const textEnd = trimEnd(cps, start, end);
      const trailingSpace = this.rangeWidth(p, textEnd, end, weight, size);
      pieces.push({ end, width: this.rangeWidth(p, start, textEnd, weight, size) + trailingSpace, trailingSpace });
      start = end;
    }
    return pieces;
  }

  /** Greedy lines: as many pieces as fit; a piece wider than the line is cut between characters. */
  private breakLines(p: Paragraph, width: number, weight: Weight, size: number): Line[] {
    const lines: Line[] = [];
    let start = 0;
    let w = 0;
    let pieceStart = 0;
    for (const piece of this.pieces(p, weight, size)) {
      if (w > 0 && w + piece.width - piece.trailingSpace > width) {
        lines.push({ start, end: pieceStart, width: w });
        start = pieceStart;
        w = 0;
      }
      if (w === 0 && piece.width - piece.trailingSpace > width) {
        // one word longer than the line: cut it where it fills the line
        let k = start;
        while (k < piece.end) {
          // the longest k..j that fits (at least one character), by bisection
          let lo = k + 1;
          let hi = piece.end;
          while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (this.rangeWidth(p, k, mid, weight, size) <= width) lo = mid;
            else hi = mid - 1;
          }
          const j = lo;
          if (j < piece.end) {
            lines.push({ start: k, end: j, width: this.rangeWidth(p, k, j, weight, size) });
            k = j;
          } else {
            start = k;
            w = this.rangeWidth(p, k, piece.end, weight, size);
            k = piece.end;
          }
        }
      } else w += piece.width;
      pieceStart = piece.end;
    }
    if (start < p.cps.length || lines.length === 0) lines.push({ start, end: p.cps.length, width: w });
    return lines.map((l) => ({
      ...l,
      width: this.rangeWidth(p, l.start, trimEnd(p.cps, l.start, l.end), weight, size),
    }));
  }

  private direction(text: string, dir: Direction | 'auto' | undefined): Direction {
    return dir === undefined ? this.dir : dir === 'auto' ? firstStrongDirection(text, this.dir) : dir;
  }

  /** `text` cut into the lines it takes at `width` (each paragraph at least one line). */
  wrap(text: string, width: number, opts: Pick<DrawOptions, 'weight' | 'size' | 'dir'> = {}): string[] {
    const { weight = 'regular', size = 10 } = opts;
    const out: string[] = [];
    for (const para of paragraphs(text)) {
      const p = this.prepare(para, weight, this.direction(para, opts.dir));
      for (const l of this.breakLines(p, width, weight, size)) out.push(p.cps.slice(l.start, l.end).join(''));
    }
    return out;
  }

  /** The height `text` takes when drawn with these options. */
  heightOf(text: string, opts: DrawOptions = {}): number {
    const { weight = 'regular', size = 10, width, ellipsis = false, lineGap = 0 } = opts;
    let n = 0;
    for (const para of paragraphs(text)) {
      if (width === undefined || ellipsis) n += 1;
      else n += this.breakLines(this.prepare(para, weight, this.direction(para, opts.dir)), width, weight, size).length;
    }
    return n * (this.lineHeight(size, weight) + lineGap);
  }

  /** The width of `text` on one line. */
  widthOf(text: string, opts: Pick<DrawOptions, 'weight' | 'size'> = {}): number {
    const { weight = 'regular', size = 10 } = opts;
    const p = this.prepare(text, weight, this.dir);
    return this.rangeWidth(p, 0, trimEnd(p.cps, 0, p.cps.length), weight, size);
  }

  /** Draw `text` with its top at y; returns the y below the last line. */
  draw(text: string, x: number, y: number, opts: DrawOptions = {}): number {
    const { weight = 'regular', size = 10, color = '#000000', width, ellipsis = false, lineGap = 0 } = opts;
    const align = opts.align ?? 'start';
    const lh = this.lineHeight(size, weight);
    let top = y;
    for (const para of paragraphs(text)) {
      const dir = this.direction(para, opts.dir);
      let p = this.prepare(para, weight, dir);
      let lines: Line[];
      if (width !== undefined && ellipsis) p = this.fitWithEllipsis(p, width, weight, size);
      if (width === undefined || ellipsis) {
        const end = trimEnd(p.cps, 0, p.cps.length);
        lines = [{ start: 0, end: p.cps.length, width: this.rangeWidth(p, 0, end, weight, size) }];
      } else lines = this.breakLines(p, width, weight, size);
      for (const line of lines) {
        this.drawLine(p, line, x, top + this.ascent(size, weight), width ?? line.width, align, weight, size, color);
        top += lh + lineGap;
      }
    }
    return top;
  }

  private fitWithEllipsis(full: Paragraph, width: number, weight: Weight, size: number): Paragraph {
    if (this.rangeWidth(full, 0, trimEnd(full.cps, 0, full.cps.length), weight, size) <= width) return full;
    const cut = (n: number) => this.prepare(`${full.cps.slice(0, n).join('').trimEnd()}…`, weight, full.dir);
    let lo = 0;
    let hi = full.cps.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const p = cut(mid);
      if (this.rangeWidth(p, 0, p.cps.length, weight, size) <= width) lo = mid;
      else hi = mid - 1;
    }
    return cut(lo);
  }

  private drawLine(
    p: Paragraph,
    line: Line,
    x: number,
    baseline: number,
    boxWidth: number,
    align: Align,
    weight: Weight,
    size: number,
    color: string,
  ): void {
    const order = visualOrder(p.cps, p.levels, line.start, line.end, p.dir);
    const lv = lineLevels(p.cps, p.levels, line.start, line.end, p.dir);
    // visual runs of one level and one font; trailing spaces of the line are not drawn
    const drawnEnd = trimEnd(p.cps, line.start, line.end);
    const runs: { idx: number[]; level: number; face: number }[] = [];
    for (const i of order) {
      if (i >= drawnEnd) continue;
      const level = lv[i - line.start]!;
      const last = runs.at(-1);
      if (last && last.level === level && last.face === p.face[i]) last.idx.push(i);
      else runs.push({ idx: [i], level, face: p.face[i]! });
    }
    // Each run is drawn word by word (pdfkit then caches the shaping of each word): the words of a
    // right-to-left run from right to left, each given to fontkit in the order that makes it come
    // out right (fontkit reverses a word of a right-to-left script by itself, nothing else).
    const pieces: { s: string; face: Face; width: number }[] = [];
    for (const r of runs) {
      const face = this.faces[weight][r.face]!;
      const rtl = r.level % 2 === 1;
      const logical = (rtl ? [...r.idx].reverse() : r.idx).map((i) => (rtl ? mirror(p.cps[i]!) : p.cps[i]!)).join('');
      const words = logical.split(/(\s+)/u).filter((w) => w.length > 0);
      for (const w of rtl ? words.reverse() : words) {
        const s = rtl === fontkitReverses(w) ? w : [...w].reverse().join('');
        pieces.push({ s, face, width: this.measure(s, face, size) });
      }
    }
    const total = pieces.reduce((a, q) => a + q.width, 0);
    const side =
      align === 'center'
        ? 'center'
        : align === 'left' || align === 'right'
          ? align
          : (align === 'start') === (p.dir === 'ltr')
            ? 'left'
            : 'right';
    let cx = side === 'left' ? x : side === 'right' ? x + boxWidth - total : x + (boxWidth - total) / 2;
    for (const q of pieces) {
      this.doc
        .font(q.face.name)
        .fontSize(size)
        .fillColor(color)
        .text(q.s, cx, baseline, { lineBreak: false, baseline: 'alphabetic' });
      cx += q.width;
    }
  }
}

function trimEnd(cps: readonly string[], start: number, end: number): number {
  while (end > start && WHITESPACE.test(cps[end - 1]!)) end--;
  return end;
}

function paragraphs(text: string): string[] {
  return text.split(/\r\n|[\n\r\u2029]/);
}
