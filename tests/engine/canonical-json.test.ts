import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys recursively and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}',
    );
  });
  it('gives one form for objects built in any key order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
  it('escapes strings as JSON does, including non-ASCII untouched', () => {
    expect(canonicalJson({ s: 'é"\n\u2028' })).toBe('{"s":"é\\"\\n\u2028"}');
  });
  it('refuses values that would hash ambiguously', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(/undefined/);
    expect(() => canonicalJson({ a: NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ a: new Date() })).toThrow(/plain object/);
    expect(() => canonicalJson({ a: 1n })).toThrow(/bigint/);
  });
  it('treats a "__proto__" key as data, not as a prototype', () => {
    const parsed = JSON.parse('{"__proto__":{"x":1},"a":2}') as unknown;
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"x":1},"a":2}');
  });
});
