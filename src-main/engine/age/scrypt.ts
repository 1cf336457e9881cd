/**
 * The scrypt (passphrase) recipient type (c2sp.org/age, "The scrypt recipient type"):
 *
 *   The scrypt recipient and identity implementations encrypt and decrypt the file key with a
 *   provided passphrase.
 *
 *   An scrypt recipient stanza has three arguments.
 *       -> scrypt ajMFur+EJLGaohv/dLRGnw 18
 *       8SHBz/ldWnjyGFQqfjat6uNBarWqqEMDS7W8X7+Xq5Q
 *   The first is the string `scrypt`, the second is a base64-encoded salt computed by the
 *   recipient implementation as 16 bytes from a CSPRNG, and the third is the base-two logarithm
 *   of the scrypt work factor in decimal.
 *   A new salt MUST be generated for each stanza and each file.
 *   The body is computed as
 *       wrap key = scrypt(N = work factor, r = 8, p = 1, dkLen = 32,
 *           S = "age-encryption.org/v1/scrypt" || salt, P = passphrase)
 *       body = ChaCha20-Poly1305(key = wrap key, plaintext = file key)
 *   where the ChaCha20-Poly1305 nonce is fixed as 12 0x00 bytes and scrypt is from RFC 7914.
 *
 * scrypt itself comes from node:crypto; primitives.ts explains why libsodium's cannot be used.
 */
import { VaultError } from '../../../shared/errors.js';
import { type SecretBuffer, randomBytes, secureAlloc, secureTake, wipe } from '../crypto/secure-memory.js';
import { decodeRaw, encodeRaw } from './base64.js';
import { type AgeStanza, checkScryptAlone } from './format.js';
import { AEAD_TAG_BYTES, aeadOpen, aeadSeal, scrypt32 } from './primitives.js';
import {
  type AgeIdentity,
  type AgeRecipient,
  FILE_KEY_BYTES,
  WRAPPED_FILE_KEY_BYTES,
  ZERO_NONCE,
} from './recipients.js';

export const SCRYPT_STANZA_TYPE = 'scrypt';
const SCRYPT_LABEL = 'age-encryption.org/v1/scrypt';
const SALT_BYTES = 16;
/** What we write: 2^18, age's own default (256 MiB, about a second). */
export const SCRYPT_WRITE_LOG_N = 18;
/** The least we agree to write: below 2^10 a passphrase is barely stretched. */
export const SCRYPT_MIN_WRITE_LOG_N = 10;
/** The most we agree to compute when reading: 2^22 needs 4 GiB and several seconds. */
export const SCRYPT_MAX_READ_LOG_N = 22;

function passphraseBytes(passphrase: string | Uint8Array): SecretBuffer {
  const bytes = typeof passphrase === 'string' ? Buffer.from(passphrase, 'utf8') : Buffer.from(passphrase);
  if (bytes.length === 0) throw new VaultError('INVALID_INPUT', 'The passphrase is empty.');
  // A copy either way (Buffer.from copies), so wiping it leaves the caller's bytes alone.
  return secureTake(bytes);
}

function scryptSalt(salt: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(SCRYPT_LABEL, 'latin1'), salt]);
}

export class ScryptRecipient implements AgeRecipient {
  readonly mustBeAlone = true;
  readonly logN: number;
  private passphrase: SecretBuffer | null;

  constructor(passphrase: string | Uint8Array, opts: { logN?: number } = {}) {
    const logN = opts.logN ?? SCRYPT_WRITE_LOG_N;
    if (!Number.isInteger(logN) || logN < SCRYPT_MIN_WRITE_LOG_N || logN > SCRYPT_MAX_READ_LOG_N) {
      throw new VaultError(
        'AGE_SCRYPT_WORK_FACTOR',
        `The scrypt work factor must be between 2^${SCRYPT_MIN_WRITE_LOG_N} and 2^${SCRYPT_MAX_READ_LOG_N}.`,
      );
    }
    this.logN = logN;
    this.passphrase = passphraseBytes(passphrase);
  }

  dispose(): void {
    wipe(this.passphrase);
    this.passphrase = null;
  }

  async wrap(fileKey: SecretBuffer): Promise<AgeStanza[]> {
    if (!this.passphrase) throw new Error('ScryptRecipient used after dispose()');
    const salt = randomBytes(SALT_BYTES);
    const wrapKey = await scrypt32(this.passphrase, scryptSalt(salt), this.logN);
    try {
      const body = Buffer.alloc(FILE_KEY_BYTES + AEAD_TAG_BYTES);
      aeadSeal(body, fileKey, ZERO_NONCE, wrapKey);
      return [{ type: SCRYPT_STANZA_TYPE, args: [encodeRaw(salt), String(this.logN)], body }];
    } finally {
      wipe(wrapKey);
    }
  }
}

export class ScryptIdentity implements AgeIdentity {
  private passphrase: SecretBuffer | null;
  readonly maxLogN: number;

  constructor(passphrase: string | Uint8Array, opts: { maxLogN?: number } = {}) {
    const maxLogN = opts.maxLogN ?? SCRYPT_MAX_READ_LOG_N;
    if (!Number.isInteger(maxLogN) || maxLogN < 1 || maxLogN > SCRYPT_MAX_READ_LOG_N) {
      throw new VaultError(
        'AGE_SCRYPT_WORK_FACTOR',
        `The scrypt work factor cap must be between 2^1 and 2^${SCRYPT_MAX_READ_LOG_N}.`,
      );
    }
    this.maxLogN = maxLogN;
    this.passphrase = passphraseBytes(passphrase);
  }

  dispose(): void {
    wipe(this.passphrase);
    this.passphrase = null;
  }

  async unwrap(stanzas: readonly AgeStanza[]): Promise<SecretBuffer | null> {
    checkScryptAlone(stanzas);
    for (const stanza of stanzas) {
      if (stanza.type !== SCRYPT_STANZA_TYPE) continue;
      return this.unwrapOne(stanza);
    }
    return null;
  }

  /**
   * "The identity implementation MUST reject any scrypt stanza that has more or less than
   *  three arguments, where the second argument is not a canonical base64 encoding of a
   *  16-byte value, or where the third argument is not a decimal number composed of only
   *  digits with no leading zeroes (`%x31-39 *DIGIT` in ABNF or `^[1-9][0-9]*$` in regular
   *  expression). The identity implementation SHOULD apply an upper limit to the work factor,
   *  and it MUST check that the body length is exactly 32 bytes before attempting to decrypt
   *  it, to mitigate partitioning oracle attacks."
   */
  private async unwrapOne(stanza: AgeStanza): Promise<SecretBuffer | null> {
    if (!this.passphrase) throw new Error('ScryptIdentity used after dispose()');
    if (stanza.args.length !== 2)
      throw new VaultError(
        'AGE_STANZA_INVALID',
        'The passphrase (scrypt) stanza in this age file has the wrong number of arguments.',
      );
    const salt = decodeRaw(stanza.args[0]!);
    if (!salt || salt.length !== SALT_BYTES)
      throw new VaultError(
        'AGE_STANZA_INVALID',
        'The passphrase (scrypt) stanza in this age file has a salt that is not 16 bytes of canonical base64.',
      );
    const workFactor = stanza.args[1]!;
    if (!/^[1-9][0-9]*$/.test(workFactor))
      throw new VaultError(
        'AGE_STANZA_INVALID',
        'The passphrase (scrypt) stanza in this age file has a malformed work factor.',
      );
    // A string of digits: compared as a number it may be huge (or Infinity), which is fine here.
    const logN = Number(workFactor);
    if (logN > this.maxLogN) {
      throw new VaultError(
        'AGE_SCRYPT_WORK_FACTOR',
        `This age file asks for scrypt work factor 2^${workFactor.length > 6 ? `${workFactor.slice(0, 6)}…` : workFactor}; Case Vault computes at most 2^${this.maxLogN}.`,
      );
    }
    if (stanza.body.length !== WRAPPED_FILE_KEY_BYTES)
      throw new VaultError(
        'AGE_STANZA_INVALID',
        'The passphrase (scrypt) stanza in this age file has a body of the wrong length.',
      );
    const wrapKey = await scrypt32(this.passphrase, scryptSalt(salt), logN);
    try {
      const fileKey = secureAlloc(FILE_KEY_BYTES);
      if (aeadOpen(fileKey, stanza.body, ZERO_NONCE, wrapKey)) return fileKey;
      wipe(fileKey);
      return null;
    } finally {
      wipe(wrapKey);
    }
  }
}
