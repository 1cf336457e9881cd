/**
 * A file name proposed from text Case Vault does not control — an evidence item's file name
 * (a partner's, when it came in a bundle), a partner's or a case's name in a suggested export
 * name — made safe to propose in a save dialog or to create on any system:
 *
 *   - control characters (C0, DEL, C1) and line/paragraph separators become spaces; bidi
 *     controls and every other invisible format character (Unicode Cf: U+202E could make
 *     "photo<U+202E>gpj.exe" read "photoexe.jpg"; zero-width characters could make two names look
 *     the same) and lone surrogates are removed;
 *   - path separators and the characters Windows refuses (`/ \ : * ? " < > |`) become "_",
 *     so that the result is always one bare name, never a folder;
 *   - runs of white space become one space; leading dots and spaces go (no hidden file, no
 *     "..") and so do trailing dots and spaces (Windows drops them silently);
 *   - a Windows device name (CON, PRN, AUX, NUL, COM0–9, LPT0–9, also with superscript digits,
 *     any case, with or without an extension: "con.txt") gets a "_" in front;
 *   - at most `maxLength` characters and `maxBytes` bytes of UTF-8, cut in the name and not in
 *     its extension (an extension of up to 16 letters and digits is kept whole);
 *   - nothing left: `fallback`.
 *
 * Letters of every script are kept (NFC): "شهادة.pdf" stays "شهادة.pdf".
 */

export interface SafeFileNameOptions {
  /** characters (code points), default 120 */
  maxLength?: number;
  /** UTF-8 bytes, default 240 (file systems allow 255) */
  maxBytes?: number;
  /** when nothing usable is left, default "file" */
  fallback?: string;
}

const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;
const INVISIBLE = /\p{Cf}|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
const RESERVED_CHARS = /[/\\:*?"<>|]/g;
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const EXTENSION = /^[\p{L}\p{N}]{1,16}$/u;

export function safeFileName(name: string, opts: SafeFileNameOptions = {}): string {
  const maxLength = opts.maxLength ?? 120;
  const maxBytes = opts.maxBytes ?? 240;
  const fallback = opts.fallback ?? 'file';
  const s = name
    .replace(INVISIBLE, '') // before NFC: normalising cannot mend a lone surrogate
    .normalize('NFC')
    .replace(CONTROLS, ' ')
    .replace(RESERVED_CHARS, '_')
    .replace(/\s+/gu, ' ')
    .replace(/^[.\s]+/u, '')
    .replace(/[.\s]+$/u, '');
  if (s === '') return fallback;

  // bound the length, keeping the extension; then a Windows device name gets its "_"
  const lastDot = s.lastIndexOf('.');
  const ext = lastDot > 0 && EXTENSION.test(s.slice(lastDot + 1)) ? s.slice(lastDot) : '';
  const stem = ext ? s.slice(0, lastDot) : s;
  const fit = (reserve: number): string => {
    const room = { chars: maxLength - reserve - [...ext].length, bytes: maxBytes - reserve - utf8Length(ext) };
    if (room.chars < 1 || room.bytes < 1)
      return cut(s, maxLength - reserve, maxBytes - reserve).replace(/[.\s]+$/u, '');
    const cutStem = cut(stem, room.chars, room.bytes).replace(/[.\s]+$/u, '');
    return cutStem ? cutStem + ext : '';
  };
  let out = fit(0);
  if (isDeviceName(out)) out = `_${fit(1)}`;
  return out === '' || out === '_' ? fallback : out;
}

/** CON, con.txt, "nul .tar.gz": the part before the first dot is a Windows device name. */
function isDeviceName(s: string): boolean {
  const firstDot = s.indexOf('.');
  return DEVICE_NAME.test((firstDot < 0 ? s : s.slice(0, firstDot)).trimEnd());
}

/** At most `chars` code points and `bytes` UTF-8 bytes of `s`, never splitting a code point. */
function cut(s: string, chars: number, bytes: number): string {
  let out = '';
  let n = 0;
  let b = 0;
  for (const cp of s) {
    const len = utf8Length(cp);
    if (n + 1 > chars || b + len > bytes) break;
    out += cp;
    n++;
    b += len;
  }
  return out;
}

function utf8Length(s: string): number {
  let n = 0;
  for (const cp of s) {
    const c = cp.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
