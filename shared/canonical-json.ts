/**
 * Canonical JSON: the one byte form of a value that gets hashed, MACed or signed.
 *
 * - object keys sorted by UTF-16 code unit order (as JSON.stringify sees them), recursively;
 * - no whitespace; strings escaped exactly as JSON.stringify escapes them;
 * - numbers must be finite (integers in practice); `undefined`, functions, symbols, bigint
 *   and non-plain objects are refused rather than silently dropped, because a value that
 *   hashes the same as a different value would defeat the point.
 *
 * It is the subset of RFC 8785 (JCS) that our data uses: we never hash non-integer numbers.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  return encode(value, '$');
}

function encode(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number at ${path}`);
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return '[' + value.map((v, i) => encode(v, `${path}[${i}]`)).join(',') + ']';
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`canonicalJson: not a plain object at ${path}`);
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).sort();
      const parts: string[] = [];
      for (const k of keys) {
        const v = obj[k];
        if (v === undefined) throw new TypeError(`canonicalJson: undefined at ${path}.${k}`);
        parts.push(JSON.stringify(k) + ':' + encode(v, `${path}.${k}`));
      }
      return '{' + parts.join(',') + '}';
    }
    default:
      throw new TypeError(`canonicalJson: unsupported ${typeof value} at ${path}`);
  }
}
