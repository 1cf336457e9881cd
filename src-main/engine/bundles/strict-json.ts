/**
 * JSON from another machine (manifests, records, receipts, contact cards): a strict RFC 8259
 * parser of our own, written to refuse rather than to be lenient. JSON.parse is not used: it
 * cannot see duplicate keys (the last one silently wins, so two programs can read one signed
 * document two ways), it accepts escaped lone surrogates, and TextDecoder strips a byte-order
 * mark before anything could see it.
 *
 * Refused, each with its own sentence (the caller turns it into BUNDLE_MANIFEST_INVALID,
 * BUNDLE_RECORD_INVALID, RECEIPT_INVALID, CARD_INVALID):
 *
 *   - a UTF-8 byte-order mark (the raw bytes EF BB BF at the start; RFC 8259 §8.1);
 *   - bytes that are not UTF-8 (overlong forms, encoded surrogates, code points past U+10FFFF,
 *     truncated sequences);
 *   - anything that is not exactly one JSON text: the RFC grammar and nothing more — no
 *     comments, no trailing commas, no single quotes, no leading zeros, no `+1`, `.5`, `1.`,
 *     `NaN` or `Infinity`, no control characters (U+0000–U+001F) in strings, only the eight
 *     escapes of §7, whitespace only of the four kinds of §2, nothing after the value;
 *   - a number whose value is not finite (`1e400`);
 *   - a `\u` escape of half a surrogate pair (a high surrogate not followed by a low one, or a
 *     low one alone): such a string is not Unicode text and encodes differently everywhere;
 *   - the same key twice in one object, at any depth;
 *   - a key `__proto__`, `constructor` or `prototype`, at any depth (any later spread, merge
 *     or assignment of the value could turn it into a prototype change);
 *   - arrays and objects nested deeper than MAX_DEPTH.
 *
 * What it accepts it returns exactly as JSON.parse would (tested against JSON.parse on random
 * documents): plain objects (Object.prototype, so that zod and the rest treat them as usual;
 * a forbidden key is refused before any assignment), arrays, strings, numbers, booleans, null.
 *
 * A message says what was wrong and where (a character offset), and never repeats content.
 */
export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; problem: string };

/** Arrays and objects inside one another, at most (a manifest needs 4). */
export const MAX_DEPTH = 64;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// fatal: invalid UTF-8 throws; ignoreBOM: a BOM is kept as U+FEFF (we refuse it on the raw bytes anyway)
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

class Refusal {
  constructor(readonly problem: string) {}
}

export function parseStrictJson(bytes: Uint8Array): StrictJsonResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: false, problem: 'it starts with a byte-order mark, which JSON does not allow' };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, problem: 'it is not valid UTF-8' };
  }
  try {
    return { ok: true, value: new Parser(text).document() };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, problem: e.problem };
    // a RangeError (stack) cannot happen with the depth bound; anything else is a bug
    throw e;
  }
}

// character codes
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const UPPER_E = 0x45;
const LBRACKET = 0x5b;
const BACKSLASH = 0x5c;
const RBRACKET = 0x5d;
const LOWER_E = 0x65;
const LBRACE = 0x7b;
const RBRACE = 0x7d;

const SIMPLE_ESCAPES: Record<number, string> = {
  [QUOTE]: '"',
  [BACKSLASH]: '\\',
  [SLASH]: '/',
  0x62: '\b',
  0x66: '\f',
  0x6e: '\n',
  0x72: '\r',
  0x74: '\t',
};

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

function hexValue(c: number): number {
  if (c >= ZERO && c <= NINE) return c - ZERO;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10; // A-F
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10; // a-f
  return -1;
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly s: string) {}

  private fail(what: string, at = this.pos): never {
    throw new Refusal(`it is not valid JSON: ${what} at character ${at}`);
  }

  private unexpected(): never {
    if (this.pos >= this.s.length) throw new Refusal('it is not valid JSON: it ends too early');
    this.fail('an unexpected character');
  }

  private skipWhitespace(): void {
    const s = this.s;
    let p = this.pos;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === SPACE || c === LF || c === CR || c === TAB) p++;
      else break;
    }
    this.pos = p;
  }

  document(): unknown {
    this.skipWhitespace();
    if (this.pos >= this.s.length) throw new Refusal('it is empty (no JSON value)');
    const value = this.value();
    this.skipWhitespace();
    if (this.pos < this.s.length) this.fail('more follows the JSON value');
    return value;
  }

  private value(): unknown {
    const c = this.s.charCodeAt(this.pos);
    switch (c) {
      case LBRACE:
        return this.object();
      case LBRACKET:
        return this.array();
      case QUOTE:
        return this.string();
      case 0x74: // t
        return this.literal('true', true);
      case 0x66: // f
        return this.literal('false', false);
      case 0x6e: // n
        return this.literal('null', null);
      default:
        if (c === MINUS || isDigit(c)) return this.number();
        return this.unexpected();
    }
  }

  private literal<T>(word: string, value: T): T {
    if (this.s.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    return this.unexpected();
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new Refusal(`it is nested more than ${MAX_DEPTH} levels deep`);
  }

  private object(): Record<string, unknown> {
    this.enter();
    const start = this.pos;
    this.pos++; // {
    const obj: Record<string, unknown> = {};
    this.skipWhitespace();
    if (this.s.charCodeAt(this.pos) === RBRACE) {
      this.pos++;
      this.depth--;
      return obj;
    }
    for (;;) {
      if (this.s.charCodeAt(this.pos) !== QUOTE) {
        if (this.s.charCodeAt(this.pos) === RBRACE) this.fail('a comma before the end of an object');
        this.unexpected();
      }
      const keyAt = this.pos;
      const key = this.string();
      if (FORBIDDEN_KEYS.has(key)) throw new Refusal(`it contains the key "${key}", which is never allowed`);
      if (Object.prototype.hasOwnProperty.call(obj, key)) this.fail('a key that appears twice in one object', keyAt);
      this.skipWhitespace();
      if (this.s.charCodeAt(this.pos) !== COLON) this.unexpected();
      this.pos++;
      this.skipWhitespace();
      // never __proto__ (refused above), so this is an ordinary own data property
      obj[key] = this.value();
      this.skipWhitespace();
      const c = this.s.charCodeAt(this.pos);
      if (c === COMMA) {
        this.pos++;
        this.skipWhitespace();
        continue;
      }
      if (c === RBRACE) {
        this.pos++;
        this.depth--;
        return obj;
      }
      if (this.pos >= this.s.length) this.fail('an object that is never closed', start);
      this.unexpected();
    }
  }

  private array(): unknown[] {
    this.enter();
    const start = this.pos;
    this.pos++; // [
    const arr: unknown[] = [];
    this.skipWhitespace();
    if (this.s.charCodeAt(this.pos) === RBRACKET) {
      this.pos++;
      this.depth--;
      return arr;
    }
    for (;;) {
      if (this.s.charCodeAt(this.pos) === RBRACKET) this.fail('a comma before the end of an array');
      arr.push(this.value());
      this.skipWhitespace();
      const c = this.s.charCodeAt(this.pos);
      if (c === COMMA) {
        this.pos++;
        this.skipWhitespace();
        continue;
      }
      if (c === RBRACKET) {
        this.pos++;
        this.depth--;
        return arr;
      }
      if (this.pos >= this.s.length) this.fail('an array that is never closed', start);
      this.unexpected();
    }
  }

  private string(): string {
    const s = this.s;
    const start = this.pos;
    let p = this.pos + 1; // after the opening quote
    let out = '';
    let run = p; // start of the current run of plain characters
    for (;;) {
      if (p >= s.length) this.fail('a string that is never closed', start);
      const c = s.charCodeAt(p);
      if (c === QUOTE) {
        out += s.slice(run, p);
        this.pos = p + 1;
        return out;
      }
      if (c < 0x20) this.fail('a control character inside a string (it must be escaped)', p);
      if (c !== BACKSLASH) {
        // a raw surrogate cannot occur: the text came from strict UTF-8
        p++;
        continue;
      }
      out += s.slice(run, p);
      const e = s.charCodeAt(p + 1);
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        p += 2;
      } else if (e === 0x75) {
        // \uXXXX, and a surrogate pair as two escapes
        const unit = this.hex4(p);
        p += 6;
        if (unit >= 0xd800 && unit <= 0xdbff) {
          if (s.charCodeAt(p) !== BACKSLASH || s.charCodeAt(p + 1) !== 0x75) this.loneSurrogate(p - 6);
          const low = this.hex4(p);
          if (low < 0xdc00 || low > 0xdfff) this.loneSurrogate(p - 6);
          out += String.fromCharCode(unit, low);
          p += 6;
        } else if (unit >= 0xdc00 && unit <= 0xdfff) {
          this.loneSurrogate(p - 6);
        } else {
          out += String.fromCharCode(unit);
        }
      } else {
        if (p + 1 >= s.length) this.fail('a string that is never closed', start);
        this.fail('an escape that JSON does not have', p);
      }
      run = p;
    }
  }

  private hex4(at: number): number {
    // at: the backslash of \uXXXX
    let v = 0;
    for (let i = 2; i < 6; i++) {
      const h = hexValue(this.s.charCodeAt(at + i));
      if (h < 0) this.fail('a \\u escape without four hexadecimal digits', at);
      v = v * 16 + h;
    }
    return v;
  }

  private loneSurrogate(at: number): never {
    throw new Refusal(
      `it is not valid JSON text: a \\u escape of half a surrogate pair (a lone surrogate, not a character) at character ${at}`,
    );
  }

  private number(): number {
    const s = this.s;
    const start = this.pos;
    let p = start;
    if (s.charCodeAt(p) === MINUS) p++;
    const first = s.charCodeAt(p);
    if (first === ZERO) {
      p++;
      if (isDigit(s.charCodeAt(p))) this.fail('a number with a leading zero', start);
    } else if (isDigit(first)) {
      while (isDigit(s.charCodeAt(p))) p++;
    } else {
      this.fail('a number without digits', start);
    }
    if (s.charCodeAt(p) === DOT) {
      p++;
      if (!isDigit(s.charCodeAt(p))) this.fail('a number without digits after its decimal point', start);
      while (isDigit(s.charCodeAt(p))) p++;
    }
    const e = s.charCodeAt(p);
    if (e === LOWER_E || e === UPPER_E) {
      p++;
      const sign = s.charCodeAt(p);
      if (sign === PLUS || sign === MINUS) p++;
      if (!isDigit(s.charCodeAt(p))) this.fail('a number without digits in its exponent', start);
      while (isDigit(s.charCodeAt(p))) p++;
    }
    const value = Number(s.slice(start, p));
    if (!Number.isFinite(value)) throw new Refusal(`it has a number too large to represent at character ${start}`);
    this.pos = p;
    return value;
  }
}
