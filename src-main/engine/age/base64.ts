/**
 * Strict base64 for age.
 *
 * From the spec (c2sp.org/age, "Conventions used in this document"):
 *
 *   The base64 encoding used throughout is the standard Base 64 encoding specified in
 *   RFC 4648, Section 4, without `=` padding characters (sometimes referred to as "raw" or
 *   "unpadded" base64). Encoders MUST generate canonical base64 according to RFC 4648,
 *   Section 3.5, and decoders MUST reject non-canonical encodings and encodings ending with
 *   `=` padding characters.
 *
 * and, for the ASCII armor only, "this encoding employs base64 with `=` padding characters".
 *
 * Buffer.from(s, 'base64') is lenient (it skips invalid characters and ignores non-zero
 * trailing bits), so both decoders check the alphabet and length themselves and then require
 * that re-encoding the bytes gives back exactly the input: that is what "canonical" means.
 */

const RAW_ALPHABET = /^[A-Za-z0-9+/]*$/;

export function encodeRaw(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64').replace(/=+$/, '');
}

/** Canonical unpadded base64 → bytes, or null when `text` is not exactly that. */
export function decodeRaw(text: string): Buffer | null {
  if (!RAW_ALPHABET.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64');
  return encodeRaw(bytes) === text ? bytes : null;
}

/** Canonical padded base64 (RFC 4648 §4 with `=`) → bytes, or null. */
export function decodePadded(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}
