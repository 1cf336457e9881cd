/**
 * JSON from another machine (manifests, records, receipts): UTF-8 that decodes without a
 * replacement character, JSON.parse, and no key that could reach an object's prototype
 * (`__proto__`, `constructor`, `prototype`) at any depth — JSON.parse itself makes
 * `__proto__` an own property, but any later spread, merge or assignment of the value could
 * turn it into a prototype change, so such a document is refused outright.
 *
 * The caller turns a failure into its own code (BUNDLE_MANIFEST_INVALID, BUNDLE_RECORD_INVALID,
 * RECEIPT_INVALID); the message says what was wrong and never repeats the content.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; problem: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function parseStrictJson(bytes: Uint8Array): StrictJsonResult {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, problem: 'it is not valid UTF-8' };
  }
  // a byte-order mark is not JSON (RFC 8259 §8.1: implementations MUST NOT add one)
  if (text.charCodeAt(0) === 0xfeff) return { ok: false, problem: 'it starts with a byte-order mark' };
  let forbidden: string | null = null;
  let value: unknown;
  try {
    value = JSON.parse(text, function (key: string, v: unknown) {
      if (FORBIDDEN_KEYS.has(key) && !Array.isArray(this)) forbidden ??= key;
      return v;
    });
  } catch {
    return { ok: false, problem: 'it is not valid JSON' };
  }
  if (forbidden !== null) return { ok: false, problem: `it contains the key "${forbidden}", which is never allowed` };
  return { ok: true, value };
}
