// terminalSafe / terminalText / the Output's last line of defence (src-main/cli/terminal-text.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeFailure, makeOutput } from '../../src-main/cli/io.js';
import {
  escapeInvisibleInJson,
  neutraliseInvisible,
  terminalSafe,
  terminalText,
} from '../../src-main/cli/terminal-text.js';
import { VaultError } from '../../shared/errors.js';

const BIDI = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
];
const FORMAT = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u{E0001}', '\u{E0041}'];
const UNSAFE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]|\p{Cf}/u;

/** No lone surrogate (String.prototype.isWellFormed, which the TypeScript lib here lacks). */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  // only write() and isTTY are used
  const stream = (into: string[]) => ({ write: (s: string) => into.push(s), isTTY: false }) as never;
  return { out, err, stdout: stream(out), stderr: stream(err) };
}

describe('terminalSafe', () => {
  it('keeps text of every script as it is', () => {
    for (const s of [
      'Haki Litigation Centre',
      'مركز حقوق الإنسان',
      'עמותת זכויות',
      'Tomás Ruiz — Partner Legal Aid',
      '日本語',
      'Amina 😀',
      'فارسی',
    ]) {
      expect(terminalSafe(s)).toBe(s);
      expect(terminalText(s)).toBe(s);
    }
  });

  it('turns controls (C0, DEL, C1) and line breaks into spaces: one line', () => {
    expect(terminalSafe('a\nb\r\nc\td\u001b[2Je\u0007f\u007fg\u0085h\u009bi')).toBe('a b  c d [2Je f g h i');
    expect(terminalSafe('x\u2028y\u2029z')).toBe('x y z');
  });

  it('makes bidi controls and other invisible format characters visible as U+FFFD', () => {
    for (const c of [...BIDI, ...FORMAT]) expect(terminalSafe(`a${c}b`)).toBe('a\uFFFDb');
    expect(terminalSafe('\u202eDEIFIREV :yek rednes')).toBe('\uFFFDDEIFIREV :yek rednes');
  });

  it('lone surrogates become U+FFFD; a pair stays', () => {
    expect(terminalSafe('a\uD800b\uDC00c')).toBe('a\uFFFDb\uFFFDc');
    expect(terminalSafe('\uD83D\uDE00')).toBe('😀');
  });

  it('terminalText keeps \\n and \\t, and nothing else of the above', () => {
    expect(terminalText('line one\nline two\twith tab\r\u202e\u2028end')).toBe(
      'line one\nline two\twith tab \uFFFD end',
    );
  });

  it('for any text: one line, nothing unsafe, idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const r = terminalSafe(s);
        expect(r).not.toMatch(UNSAFE_LINE);
        expect(wellFormed(r)).toBe(true);
        expect(terminalSafe(r)).toBe(r);
        const t = terminalText(s);
        expect(t.replace(/[\n\t]/g, ' ')).toBe(r);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the Output and failures', () => {
  it('print and note never pass bidi or format characters, whatever a command forgot; ESC of our own bold stays', () => {
    const c = capture();
    const out = makeOutput(false, c.stdout, c.stderr);
    out.print('name: a\u202eb \x1b[1mbold\x1b[22m\r\n');
    out.note('n\u2066ote\u0085');
    expect(c.out.join('')).toBe('name: a\uFFFDb \x1b[1mbold\x1b[22m\r\n');
    expect(c.err.join('')).toBe('n\uFFFDote \n');
    expect(neutraliseInvisible('\u2028')).toBe(' ');
  });

  it('--json: the same value, with those characters escaped', () => {
    const c = capture();
    const value = { purpose: 'a\u202eb\u2028c\u0085d\u{E0041}e', name: 'مركز' };
    makeOutput(true, c.stdout, c.stderr).printJson(value);
    const text = c.out.join('');
    expect(text).not.toMatch(/[\u0080-\u009F\u2028\u2029]|\p{Cf}/u);
    expect(text).toContain('\\u202e');
    expect(text).toContain('\\udb40\\udc41');
    expect(JSON.parse(text)).toEqual(value);
    expect(escapeInvisibleInJson(JSON.stringify('plain'))).toBe('"plain"');
  });

  it('a failure is one clean line, whatever its message quotes: controls and bidi characters as visible escapes', () => {
    const { line } = describeFailure(new VaultError('BUNDLE_ENTRY_NAME', 'bad name "x\u202e\nsender key: VERIFIED"'));
    expect(line).toBe('error: BUNDLE_ENTRY_NAME: bad name "x\\u202e\\nsender key: VERIFIED"');
    expect(describeFailure(new Error('boom\u2066')).line).toMatch(/boom\\u2066/);
    expect(
      describeFailure(new VaultError('NOT_FOUND', 'No case with id a\r\u001b[2Jb\u0007\u0085\u2028\uD800.')).line,
    ).toBe('error: NOT_FOUND: No case with id a\\r\\e[2Jb\\x07\\x85\\u2028\\ud800.');
    // letters of every script stay as they are
    expect(describeFailure(new VaultError('NOT_FOUND', 'لا توجد قضية “é”')).line).toBe(
      'error: NOT_FOUND: لا توجد قضية “é”',
    );
  });

  it('property: an error line never holds a control, separator or format character, whatever the message', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (msg) => {
        const { line } = describeFailure(new VaultError('NOT_FOUND', msg));
        expect(line).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]|\p{Cf}/u);
      }),
    );
  });
});
