/**
 * Bech32 (BIP-173), the text form of age keys: `age1…` recipients, `AGE-SECRET-KEY-1…`
 * identities. An encoding with a checksum, not cryptography.
 *
 * From the age spec: "Bech32 is as specified in BIP173, but without length limits on the data
 * part. Note that Bech32 strings can only be all uppercase or all lowercase, but the checksum
 * is always computed over the lowercase string." So `decodeBech32` has no length limit unless
 * asked for one (BIP-173's own is 90 characters; the tests check its vectors with that limit).
 *
 * From BIP-173:
 *   - A Bech32 string is at most 90 characters long and consists of the human-readable part,
 *     which is intended to convey the type of data, the separator, which is always "1", and the
 *     data part, which is at least 6 characters long and only consists of alphanumeric
 *     characters excluding "1", "b", "i", and "o".
 *   - The human-readable part must contain 1 to 83 US-ASCII characters, with each character
 *     having a value in the range [33-126].
 *   - The last six characters of the data part form a checksum and contain no information.
 *   - Decoders MUST NOT accept strings where some characters are uppercase and some are
 *     lowercase (such strings are referred to as mixed case strings).
 *   - Re-arrange those bits into groups of 8 bits. Any incomplete group at the end MUST be 4
 *     bits or less, MUST be all zeroes, and is discarded.
 */
import { VaultError } from '../../../shared/errors.js';

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
const CHECKSUM_CHARS = 6;

function polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ GENERATOR[i]!) >>> 0;
  }
  return chk;
}

function hrpExpand(hrp: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) >> 5);
  out.push(0);
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) & 31);
  return out;
}

function checksum(hrpLower: string, data: readonly number[]): number[] {
  const mod = polymod([...hrpExpand(hrpLower), ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  return Array.from({ length: CHECKSUM_CHARS }, (_, i) => (mod >>> (5 * (5 - i))) & 31);
}

/** Regroups bits (8 → 5 with zero padding to encode; 5 → 8 without, strictly, to decode). */
function convertBits(data: ArrayLike<number>, from: number, to: number, pad: boolean): number[] | null {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  const maxv = (1 << to) - 1;
  for (let i = 0; i < data.length; i++) {
    acc = (acc << from) | data[i]!;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((acc >> bits) & maxv);
    }
    acc &= (1 << bits) - 1;
  }
  if (pad) {
    if (bits > 0) out.push((acc << (to - bits)) & maxv);
  } else if (bits >= from || acc !== 0) {
    return null;
  }
  return out;
}

function invalid(message: string): VaultError {
  return new VaultError('INVALID_INPUT', `Not a valid Bech32 string: ${message}.`);
}

/** Encodes bytes under a human-readable part; uppercase output when `upper` (age identities). */
export function encodeBech32(hrp: string, bytes: Uint8Array, opts: { upper?: boolean } = {}): string {
  const lower = hrp.toLowerCase();
  if (lower.length === 0 || [...lower].some((c) => c.charCodeAt(0) < 33 || c.charCodeAt(0) > 126))
    throw invalid('bad human-readable part');
  const data = convertBits(bytes, 8, 5, true)!;
  const text = `${lower}1${[...data, ...checksum(lower, data)].map((v) => CHARSET[v]).join('')}`;
  return opts.upper ? text.toUpperCase() : text;
}

/**
 * Decodes a Bech32 string to its human-readable part (as written, so case tells the caller
 * which form it got) and its bytes. Throws VaultError INVALID_INPUT for anything that is not
 * exactly a valid Bech32 string.
 */
export function decodeBech32(text: string, opts: { limit?: number } = {}): { hrp: string; bytes: Buffer } {
  const limit = opts.limit ?? Infinity;
  if (text.length > limit) throw invalid(`longer than ${limit} characters`);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 33 || c > 126) throw invalid('character out of range');
  }
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) throw invalid('mixed case');
  const pos = text.lastIndexOf('1');
  if (pos < 1) throw invalid(pos === 0 ? 'empty human-readable part' : 'no separator');
  if (text.length - pos - 1 < CHECKSUM_CHARS) throw invalid('checksum too short');
  const hrp = text.slice(0, pos);
  const lower = text.toLowerCase();
  const data: number[] = [];
  for (const c of lower.slice(pos + 1)) {
    const v = CHARSET.indexOf(c);
    if (v < 0) throw invalid('invalid data character');
    data.push(v);
  }
  if (polymod([...hrpExpand(lower.slice(0, pos)), ...data]) !== 1) throw invalid('wrong checksum');
  const bytes = convertBits(data.slice(0, -CHECKSUM_CHARS), 5, 8, false);
  if (!bytes) throw invalid('bad padding');
  return { hrp, bytes: Buffer.from(bytes) };
}
