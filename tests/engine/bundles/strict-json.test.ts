// The strict JSON parser for what arrives from outside (manifests, records, receipts, cards):
// the test vectors in tests/fixtures/json (y_ accepted as JSON.parse reads them, n_ refused),
// the refusals JSON.parse does not make, messages that never repeat content, and properties
// against JSON.parse on random documents.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, parseStrictJson } from '../../../src-main/engine/bundles/strict-json.js';

const VECTORS = path.resolve('tests/fixtures/json');
const files = fs
  .readdirSync(VECTORS)
  .filter((f) => f.endsWith('.json'))
  .sort();
const accepted = files.filter((f) => f.startsWith('y_'));
const refused = files.filter((f) => f.startsWith('n_'));

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** No lone surrogate (String.prototype.isWellFormed, which the TypeScript lib here lacks). */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

function problemOf(input: string | Uint8Array): string {
  const r = parseStrictJson(typeof input === 'string' ? utf8(input) : input);
  if (r.ok) throw new Error('expected a refusal');
  return r.problem;
}

/** What JSON.parse says about the same bytes (a lenient decode, as a program reading a file would). */
function jsonParse(bytes: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) as unknown };
  } catch {
    return { ok: false };
  }
}

describe('parseStrictJson: test vectors', () => {
  it('has vectors of both kinds', () => {
    expect(accepted.length).toBeGreaterThanOrEqual(15);
    expect(refused.length).toBeGreaterThanOrEqual(70);
  });

  it.each(accepted)('accepts %s, with the value JSON.parse gives', (name) => {
    const bytes = fs.readFileSync(path.join(VECTORS, name));
    const r = parseStrictJson(bytes);
    expect(r, r.ok ? '' : r.problem).toMatchObject({ ok: true });
    const expected = jsonParse(bytes);
    expect(expected.ok).toBe(true);
    expect(r.ok && r.value).toStrictEqual(expected.ok && expected.value);
    // -0 stays -0, as with JSON.parse
    if (name === 'y_numbers.json') expect(Object.is((r as { value: number[] }).value[1], -0)).toBe(true);
  });

  it.each(refused)('refuses %s', (name) => {
    const r = parseStrictJson(fs.readFileSync(path.join(VECTORS, name)));
    expect(r.ok).toBe(false);
    expect((r as { problem: string }).problem).toMatch(/^it /);
  });

  it('refuses, among them, what JSON.parse would accept (the reason for a parser of our own)', () => {
    const lenient = refused.filter((f) => jsonParse(fs.readFileSync(path.join(VECTORS, f))).ok);
    expect(lenient).toEqual(
      expect.arrayContaining([
        'n_bom.json',
        'n_duplicate_key.json',
        'n_duplicate_key_nested.json',
        'n_lone_high_surrogate.json',
        'n_lone_low_surrogate.json',
        'n_proto_key.json',
        'n_constructor_deep.json',
        'n_depth_65.json',
        'n_number_overflow.json',
        'n_utf8_overlong.json',
      ]),
    );
  });
});

describe('parseStrictJson: what each refusal says', () => {
  it('a byte-order mark, checked on the raw bytes (TextDecoder would strip it)', () => {
    expect(problemOf(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe(
      'it starts with a byte-order mark, which JSON does not allow',
    );
    expect(problemOf(Buffer.from([0xef, 0xbb, 0xbf]))).toMatch(/byte-order mark/);
    // U+FEFF inside a string is text, as any other character
    expect(parseStrictJson(utf8('["\ufeff"]'))).toEqual({ ok: true, value: ['\ufeff'] });
  });

  it('invalid UTF-8', () => {
    expect(problemOf(Buffer.from([0x5b, 0x22, 0xc0, 0xaf, 0x22, 0x5d]))).toBe('it is not valid UTF-8');
  });

  it('duplicate keys, at any depth, even written differently', () => {
    expect(problemOf('{"a":1,"a":1}')).toMatch(/a key that appears twice in one object at character 7/);
    expect(problemOf('{"x":{"y":[{"b":1,"b":2}]}}')).toMatch(/twice/);
    expect(problemOf('{"a":1,"\\u0061":2}')).toMatch(/twice/);
    // the same key in different objects is fine
    expect(parseStrictJson(utf8('[{"a":1},{"a":2}]'))).toEqual({ ok: true, value: [{ a: 1 }, { a: 2 }] });
  });

  it('lone surrogates, high or low, and a pair the wrong way round', () => {
    for (const doc of [
      '"\\ud800"',
      '"\\ud800x"',
      '"\\udbff\\ud800"',
      '"\\udc00"',
      '"\\ude00\\ud83d"',
      '{"\\udfff":1}',
    ]) {
      expect(problemOf(doc)).toMatch(/lone surrogate/);
    }
    expect(parseStrictJson(utf8('"\\ud83d\\ude00"'))).toEqual({ ok: true, value: '😀' });
  });

  it('the forbidden keys, at any depth, and never as a prototype', () => {
    expect(problemOf('{"__proto__":{"polluted":true}}')).toBe(
      'it contains the key "__proto__", which is never allowed',
    );
    expect(problemOf('{"a":[{"constructor":1}]}')).toBe('it contains the key "constructor", which is never allowed');
    expect(problemOf('{"a":{"b":{"prototype":{}}}}')).toBe('it contains the key "prototype", which is never allowed');
    expect(problemOf('{"\\u005f_proto__":{}}')).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // as values they are ordinary strings
    expect(parseStrictJson(utf8('{"k":"__proto__"}'))).toEqual({ ok: true, value: { k: '__proto__' } });
  });

  it(`nesting: ${MAX_DEPTH} levels are fine, one more is refused`, () => {
    expect(parseStrictJson(utf8('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH))).ok).toBe(true);
    expect(problemOf('['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1))).toBe(
      `it is nested more than ${MAX_DEPTH} levels deep`,
    );
    // far deeper: refused at the bound, long before the stack could run out
    expect(problemOf('['.repeat(1_000_000))).toMatch(/nested more than/);
  });

  it('numbers that do not fit, and the forms JSON does not have', () => {
    expect(problemOf('[1e400]')).toBe('it has a number too large to represent at character 1');
    expect(problemOf('-1e309')).toMatch(/too large/);
    expect(problemOf('[01]')).toMatch(/leading zero/);
    expect(problemOf('[1.]')).toMatch(/after its decimal point/);
    expect(problemOf('[1e+]')).toMatch(/exponent/);
    expect(problemOf('[-]')).toMatch(/without digits/);
    expect(problemOf('[+1]')).toMatch(/unexpected character at character 1/);
    // underflow is zero, as JSON.parse has it
    expect(parseStrictJson(utf8('[1e-400]'))).toEqual({ ok: true, value: [0] });
  });

  it('structure', () => {
    expect(problemOf('')).toBe('it is empty (no JSON value)');
    expect(problemOf('{"a":1,}')).toMatch(/a comma before the end of an object/);
    expect(problemOf('[1,]')).toMatch(/a comma before the end of an array/);
    expect(problemOf('{} {}')).toMatch(/more follows the JSON value at character 3/);
    expect(problemOf('["a\tb"]')).toMatch(/a control character inside a string/);
    expect(problemOf('["\\x"]')).toMatch(/an escape that JSON does not have/);
    expect(problemOf('[1')).toMatch(/it ends too early|never closed/);
    expect(problemOf('["abc')).toMatch(/a string that is never closed/);
  });

  it('never repeats the content it refuses', () => {
    const secret = 'Amina-Bekele-SECRET';
    const docs = [
      `{"${secret}":1,"${secret}":2}`,
      `{"a":"${secret}\\ud800"}`,
      `{"a":"${secret}\\q"}`,
      `{"a":"${secret}\u0001"}`,
      `{"a":"${secret}"} ${secret}`,
      `{"${secret}":${secret}}`,
      `[1e999${secret}]`,
    ];
    for (const d of docs) {
      const p = problemOf(d);
      expect(p).not.toContain('SECRET');
      expect(p).not.toContain('Amina');
    }
  });

  it('gives plain objects (Object.prototype, own data properties), so schemas read them as usual', () => {
    const r = parseStrictJson(utf8('{"a":{"b":[{"c":1}]},"toString":"x","hasOwnProperty":2}'));
    expect(r.ok).toBe(true);
    const v = (r as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.getPrototypeOf((v.a as { b: unknown[] }).b[0])).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(v, 'toString')).toEqual({
      value: 'x',
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect(Object.keys(v)).toEqual(['a', 'toString', 'hasOwnProperty']);
  });

  it('keeps key order as JSON.parse does (integer-like keys first)', () => {
    const text = '{"b":1,"2":2,"a":3,"1":4}';
    const r = parseStrictJson(utf8(text));
    expect(Object.keys((r as { value: object }).value)).toEqual(Object.keys(JSON.parse(text) as object));
  });

  it('reads a 1 MiB document in reasonable time', () => {
    const doc = JSON.stringify({
      entries: Array.from({ length: 8000 }, (_, i) => ({
        name: `records/notes/${i}.json`,
        size: i,
        sha256: 'ab'.repeat(32),
        text: 'é\\"\n'.repeat(5),
      })),
    });
    expect(doc.length).toBeGreaterThan(1_000_000);
    const t0 = performance.now();
    const r = parseStrictJson(utf8(doc));
    const ms = performance.now() - t0;
    expect(r.ok && r.value).toStrictEqual(JSON.parse(doc));
    expect(ms).toBeLessThan(1000);
  });
});

describe('parseStrictJson: properties against JSON.parse', () => {
  const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
  const hasForbiddenKey = (v: unknown): boolean =>
    Array.isArray(v)
      ? v.some(hasForbiddenKey)
      : v !== null && typeof v === 'object'
        ? Object.entries(v).some(([k, x]) => FORBIDDEN.has(k) || hasForbiddenKey(x))
        : false;
  const hasLoneSurrogate = (v: unknown): boolean =>
    typeof v === 'string'
      ? !wellFormed(v)
      : Array.isArray(v)
        ? v.some(hasLoneSurrogate)
        : v !== null && typeof v === 'object'
          ? Object.entries(v).some(([k, x]) => !wellFormed(k) || hasLoneSurrogate(x))
          : false;

  it('agrees with JSON.parse on JSON.stringify of any value (Unicode text, any spacing)', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 12 }),
        fc.constantFrom(undefined, 0, 1, 2, '\t', ' \r\n'),
        (value, space) => {
          fc.pre(!hasForbiddenKey(value));
          const text = JSON.stringify(value, null, space as never);
          const r = parseStrictJson(utf8(text));
          expect(r.ok).toBe(true);
          expect(r.ok && r.value).toStrictEqual(JSON.parse(text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('with arbitrary UTF-16 strings: agrees, or refuses exactly when a string holds a lone surrogate', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary', maxDepth: 6 }), (value) => {
        fc.pre(!hasForbiddenKey(value));
        const text = JSON.stringify(value); // escapes lone surrogates as \udXXX
        const r = parseStrictJson(utf8(text));
        if (hasLoneSurrogate(value)) {
          expect(r.ok).toBe(false);
          expect((r as { problem: string }).problem).toMatch(/lone surrogate/);
        } else {
          expect(r.ok && r.value).toStrictEqual(JSON.parse(text));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never accepts what JSON.parse refuses, and never reads anything differently (random near-JSON text)', () => {
    const piece = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      '\\',
      'u',
      'd8',
      '00',
      'e',
      'E',
      '-',
      '+',
      '.',
      '0',
      '1',
      '9',
      'true',
      'false',
      'null',
      ' ',
      '\n',
      '\t',
      'a',
      '"a"',
      '"b"',
      '\u00e9',
      '\u0001',
      '/',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const r = parseStrictJson(utf8(text));
        if (!r.ok) return;
        const reference = jsonParse(utf8(text));
        expect(reference.ok).toBe(true);
        expect(r.value).toStrictEqual(reference.ok && reference.value);
      }),
      { numRuns: 3000 },
    );
  });
});
