// safeFileName (shared/file-name.ts): the one function that makes a proposed file name out of
// text from outside (an evidence item's file name from a partner's bundle, names in suggested
// export names) before it reaches a save dialog.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../shared/file-name.js';

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/** No lone surrogate (String.prototype.isWellFormed, which the TypeScript lib here lacks). */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('safeFileName', () => {
  it('keeps an ordinary name as it is, in any script', () => {
    expect(safeFileName('statement.pdf')).toBe('statement.pdf');
    expect(safeFileName('Photo of cell 3 (2026).jpeg')).toBe('Photo of cell 3 (2026).jpeg');
    expect(safeFileName('شهادة الشاهد.pdf')).toBe('شهادة الشاهد.pdf');
    expect(safeFileName('עדות.docx')).toBe('עדות.docx');
    expect(safeFileName('Свидетель.txt')).toBe('Свидетель.txt');
    expect(safeFileName('e\u0301te\u0301.txt')).toBe('été.txt'); // NFC
  });

  it('removes bidi controls, so a name cannot disguise its extension', () => {
    expect(safeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(safeFileName('\u2066report\u2069\u200E\u200F\u061C.pdf')).toBe('report.pdf');
    expect(safeFileName('a\u202Ab\u202Bc\u202Cd\u202De\u2067f\u2068g.txt')).toBe('abcdefg.txt');
  });

  it('removes other invisible format characters and lone surrogates', () => {
    expect(safeFileName('sta\u200Bte\u200Cme\u200Dnt\u2060\uFEFF\u00AD.pdf')).toBe('statement.pdf');
    expect(safeFileName('x\uD800y\uDC00z.txt')).toBe('xyz.txt');
    expect(safeFileName('flag\u{E0067}\u{E007F}.png')).toBe('flag.png'); // tag characters
  });

  it('turns control characters and line breaks into single spaces', () => {
    expect(safeFileName('line one\nline two\r\n\ttab.txt')).toBe('line one line two tab.txt');
    expect(safeFileName('esc\u001b[31mred\u0007.txt')).toBe('esc [31mred.txt');
    expect(safeFileName('c1\u0085\u009bx\u2028y\u2029.txt')).toBe('c1 x y.txt');
  });

  it('never names a folder: separators and the characters Windows refuses become "_"', () => {
    expect(safeFileName('../../../home/user/.bashrc')).toBe('_.._.._home_user_.bashrc');
    expect(safeFileName('..\\..\\Windows\\System32\\evil.dll')).toBe('_.._Windows_System32_evil.dll');
    expect(safeFileName('C:\\x.txt')).toBe('C__x.txt');
    expect(safeFileName('a<b>c:d"e|f?g*h.txt')).toBe('a_b_c_d_e_f_g_h.txt');
    expect(safeFileName('/etc/passwd')).toBe('_etc_passwd');
  });

  it('drops leading dots and spaces (no hidden file, no ".."), and trailing ones', () => {
    expect(safeFileName('.bashrc')).toBe('bashrc');
    expect(safeFileName('  ...hidden.txt')).toBe('hidden.txt');
    expect(safeFileName('name.txt. . ')).toBe('name.txt');
    expect(safeFileName('..')).toBe('file');
    expect(safeFileName('.')).toBe('file');
  });

  it('puts "_" before a Windows device name, with or without an extension, in any case', () => {
    for (const n of [
      'CON',
      'con',
      'Prn.txt',
      'aux.tar.gz',
      'NUL',
      'com1.log',
      'COM9',
      'lpt1',
      'LPT9.pdf',
      'com¹.txt',
    ]) {
      expect(safeFileName(n)).toBe(`_${n}`);
    }
    expect(safeFileName('nul .txt')).toBe('_nul.txt'); // a space before the extension goes too
    for (const n of ['console.txt', 'com10', 'lpt', 'connect.pdf', 'auxiliary.doc', 'my con.txt'])
      expect(safeFileName(n)).toBe(n);
  });

  it('bounds the length, in characters and UTF-8 bytes, keeping the extension', () => {
    const long = 'x'.repeat(500) + '.pdf';
    expect(safeFileName(long)).toBe('x'.repeat(116) + '.pdf');
    expect(safeFileName(long, { maxLength: 20 })).toBe('x'.repeat(16) + '.pdf');
    const arabic = 'ش'.repeat(200) + '.docx'; // 2 bytes each
    const r = safeFileName(arabic, { maxLength: 500, maxBytes: 100 });
    expect(r.endsWith('.docx')).toBe(true);
    expect(utf8Bytes(r)).toBeLessThanOrEqual(100);
    expect(r).toBe('ش'.repeat(47) + '.docx');
    // never splits a character made of two UTF-16 units
    const emoji = safeFileName('😀'.repeat(100) + '.png', { maxLength: 10 });
    expect(emoji).toBe('😀'.repeat(6) + '.png');
    expect(wellFormed(emoji)).toBe(true);
    // what looks like an extension but is not one (too long, or not letters and digits) is cut like the rest
    expect(safeFileName('a'.repeat(50) + '.this-is-not-an-extension', { maxLength: 30 })).toBe('a'.repeat(30));
  });

  it('a device name that the cut would make is still marked', () => {
    expect(safeFileName('CONSTANTINOPLE.txt', { maxLength: 7 })).toBe('_CO.txt');
    expect(safeFileName('CONSTANTINOPLE.txt', { maxLength: 7 }).length).toBeLessThanOrEqual(7);
  });

  it('nothing usable left: the fallback', () => {
    expect(safeFileName('')).toBe('file');
    expect(safeFileName('\u202E\u200B')).toBe('file');
    expect(safeFileName(' . ', { fallback: 'evidence' })).toBe('evidence');
  });

  it('for any text: one bare, bounded, clean name', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.integer({ min: 8, max: 200 }),
        (text, maxLength) => {
          const r = safeFileName(text, { maxLength });
          expect(r.length).toBeGreaterThan(0);
          expect([...r].length).toBeLessThanOrEqual(maxLength);
          expect(utf8Bytes(r)).toBeLessThanOrEqual(240);
          expect(r).not.toMatch(/[/\\:*?"<>|\u0000-\u001F\u007F-\u009F\u2028\u2029]/);
          expect(r).not.toMatch(/\p{Cf}/u);
          expect(wellFormed(r)).toBe(true);
          expect(r).not.toMatch(/^[.\s]|[.\s]$/u);
          expect(r.split('.')[0]!.trimEnd()).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i);
          expect(safeFileName(r, { maxLength })).toBe(r); // stable
        },
      ),
      { numRuns: 1000 },
    );
  });
});
