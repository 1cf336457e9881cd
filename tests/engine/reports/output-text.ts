// Every way to read a report file back, for the leak tests: the raw bytes, the HTML without its
// markup, the PDF's streams inflated, the strings in its content streams decoded, and the text
// that a real tool (pdftotext, poppler-utils) extracts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { tempDir } from '../../helpers.js';

export const PDFTOTEXT = '/usr/bin/pdftotext';

/** pdftotext's text of a PDF; fails the test (never skips it) when the tool is missing. */
export function pdfToText(pdf: Buffer): string {
  if (!fs.existsSync(PDFTOTEXT))
    throw new Error(
      `${PDFTOTEXT} is missing: apt-get install poppler-utils (the PDF leak tests need a real text extractor)`,
    );
  const file = path.join(tempDir('cv-pdf-'), 'r.pdf');
  fs.writeFileSync(file, pdf);
  const r = spawnSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** The decoded content of every stream of a PDF (FlateDecode inflated). */
export function pdfStreams(pdf: Buffer): string[] {
  const s = pdf.toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (s.slice(Math.max(0, m.index - 3), m.index) === 'end') continue;
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    if (end < 0) break;
    const dict = s.slice(s.lastIndexOf('obj', m.index), m.index);
    let data = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(dict)) data = zlib.inflateSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    out.push(data.toString('latin1'));
    re.lastIndex = end;
  }
  return out;
}

/**
 * The ToUnicode map of every embedded font, by the name content streams give it (/F1 …): glyph id
 * → text. The report's fonts are embedded subsets whose strings are glyph ids, not characters.
 */
export function pdfFontMaps(pdf: Buffer): Map<string, Map<number, string>> {
  const s = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; data: Buffer | null }>();
  const re = /(\d+) 0 obj\s*/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index + m[0].length;
    const streamAt = s.indexOf('stream', start);
    const endobj = s.indexOf('endobj', start);
    if (streamAt >= 0 && streamAt < endobj) {
      const dataStart = s.indexOf('\n', streamAt) + 1;
      const dataEnd = s.indexOf('endstream', dataStart);
      let data = pdf.subarray(dataStart, dataEnd);
      const dict = s.slice(start, streamAt);
      if (/\/FlateDecode/.test(dict)) data = zlib.inflateSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
      objects.set(Number(m[1]), { dict, data });
      re.lastIndex = s.indexOf('endobj', dataEnd);
    } else objects.set(Number(m[1]), { dict: s.slice(start, endobj), data: null });
  }
  const maps = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    const fonts = /\/Font\s*<<([^>]*)>>/.exec(dict);
    if (!fonts) continue;
    for (const [, name, ref] of fonts[1]!.matchAll(/\/([A-Za-z0-9]+)\s+(\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(Number(ref))?.dict ?? '');
      const cmap = toUnicode ? objects.get(Number(toUnicode[1]))?.data : null;
      if (!cmap) continue;
      const map = new Map<number, string>();
      for (const [, from, , list] of cmap.toString('latin1').matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
        let gid = parseInt(from!, 16);
        for (const [, hex] of list!.matchAll(/<([^>]*)>/g)) {
          map.set(
            gid++,
            String.fromCharCode(
              ...hex!
                .split(/\s+/)
                .filter(Boolean)
                .map((h) => parseInt(h, 16)),
            ),
          );
        }
      }
      maps.set(name!, map);
    }
  }
  return maps;
}

/**
 * The strings drawn by a content stream: <hex> and (literal) operands, the pieces of a TJ array
 * joined; glyph ids of an embedded font decoded through its ToUnicode map (`fonts`).
 */
export function pdfStrings(content: string, fonts: Map<string, Map<number, string>> = new Map()): string {
  const parts: string[] = [];
  let font: Map<number, string> | undefined;
  const re = /\/([A-Za-z0-9]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>|\(((?:\\.|[^\\)])*)\)|(TJ|Tj|ET)/g;
  for (let m = re.exec(content); m; m = re.exec(content)) {
    if (m[1] !== undefined) font = fonts.get(m[1]);
    else if (m[2] !== undefined) {
      const hex = m[2].replace(/\s/g, '');
      if (font) {
        for (let i = 0; i + 4 <= hex.length; i += 4) parts.push(font.get(parseInt(hex.slice(i, i + 4), 16)) ?? '');
      } else parts.push(Buffer.from(hex, 'hex').toString('latin1'));
    } else if (m[3] !== undefined) parts.push(m[3].replace(/\\([()\\])/g, '$1'));
    else parts.push(m[4] === 'ET' ? '\n' : '');
  }
  return parts.join('');
}

/** Every reading of a file, as text: what a leak search must look through. */
export function readings(bytes: Buffer, format: 'pdf' | 'csv' | 'html'): Record<string, string> {
  const out: Record<string, string> = { latin1: bytes.toString('latin1'), utf8: bytes.toString('utf8') };
  if (format === 'html') {
    out.text = out
      .utf8!.replace(/<[^>]*>/g, ' ')
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&(amp|lt|gt|quot);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e]!);
  }
  if (format === 'pdf') {
    const streams = pdfStreams(bytes);
    out.streams = streams.join('\n');
    const fonts = pdfFontMaps(bytes);
    out.strings = streams.map((c) => pdfStrings(c, fonts)).join('\n');
    out.pdftotext = pdfToText(bytes);
  }
  return out;
}

/** Lower case, accents removed, every run of non-letters/digits one space: "José  O'Neil" → "jose o neil". */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
}

/** Lower case, accents removed, whitespace collapsed, punctuation kept: for numeric dates. */
export function foldPunct(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/**
 * Which of `needles` occur in any reading. Compared folded, as whole words; `glued` also finds a
 * needle glued to other letters or with its spaces removed (names), and `punct` compares with
 * punctuation kept (numeric dates: 14/03/1987).
 */
export function findLeaks(
  texts: Record<string, string>,
  needles: readonly string[],
  opts: { glued?: boolean; punct?: boolean } = {},
): string[] {
  const found = new Set<string>();
  for (const [name, text] of Object.entries(texts)) {
    const f = ` ${fold(text)} `;
    const fp = foldPunct(text);
    for (const n of needles) {
      const fn = fold(n).trim();
      if (fn.length === 0) continue;
      const hit =
        f.includes(` ${fn} `) ||
        (opts.glued === true && f.includes(fn.replace(/ /g, ''))) ||
        (opts.punct === true && fp.includes(foldPunct(n)));
      if (hit) found.add(`${n} (in ${name})`);
    }
  }
  return [...found];
}
