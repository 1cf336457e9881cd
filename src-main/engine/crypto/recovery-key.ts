/**
 * The recovery key: 240 random bits, written for paper.
 *
 *   XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-CCCC
 *
 * 48 characters of Crockford base32 (no I, L, O, U: nothing to confuse with 1, 0 or V),
 * then a 4-character checksum (the first 20 bits of SHA-256 of the key bytes) that catches a
 * mistyped or swapped character before any key derivation is attempted. Parsing is forgiving
 * in the ways people are (case, spaces, hyphens, O for 0, I/L for 1) and strict about length
 * and checksum.
 *
 * 240 bits cannot be guessed, so the key-encryption key is HKDF-SHA256 of it (no Argon2).
 */
import { createHash } from 'node:crypto';
import { VaultError } from '../../../shared/errors.js';
import { type SecretBuffer, secureAlloc, secureRandom, wipe } from './secure-memory.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_KEY_BYTES = 30;
const BODY_CHARS = 48;
const CHECK_CHARS = 4;

export function generateRecoveryKey(): { raw: SecretBuffer; text: string } {
  const raw = secureRandom(RECOVERY_KEY_BYTES);
  return { raw, text: formatRecoveryKey(raw) };
}

function encodeBits(bytes: Uint8Array, chars: number): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += ALPHABET[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  return out;
}

function checksum(raw: Uint8Array): string {
  const digest = createHash('sha256').update(raw).digest();
  return encodeBits(digest.subarray(0, 3), CHECK_CHARS);
}

export function formatRecoveryKey(raw: Uint8Array): string {
  const text = encodeBits(raw, BODY_CHARS) + checksum(raw);
  return text.match(/.{4}/g)!.join('-');
}

export function parseRecoveryKey(input: string): SecretBuffer {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const malformed = (why: string) =>
    new VaultError(
      'RECOVERY_KEY_MALFORMED',
      `That recovery key is not valid: ${why}. Check each group against the paper copy.`,
    );
  if (cleaned.length !== BODY_CHARS + CHECK_CHARS) {
    throw malformed(`it has ${cleaned.length} characters where ${BODY_CHARS + CHECK_CHARS} are expected`);
  }
  const raw = secureAlloc(RECOVERY_KEY_BYTES);
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (const ch of cleaned.slice(0, BODY_CHARS)) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) {
      wipe(raw);
      throw malformed(`it contains the character "${ch}", which recovery keys never use`);
    }
    acc = ((acc << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      raw[n++] = (acc >> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  if (checksum(raw) !== cleaned.slice(BODY_CHARS)) {
    wipe(raw);
    throw malformed('its last group (the checksum) does not match; one of the characters is probably mistyped');
  }
  return raw;
}
