/**
 * The handful of primitives age v1 is built from, each from a vetted library:
 *
 *   X25519, ChaCha20-Poly1305 (IETF, RFC 7539)   sodium-native (libsodium)
 *   HKDF-SHA-256, HMAC-SHA-256, scrypt, CSPRNG   node:crypto
 *
 * Nothing here implements a primitive; these are thin wrappers that put keys in libsodium's
 * guarded heap (sodium_malloc) and wipe what they can. node:crypto returns HKDF output in
 * ordinary memory: it is copied into secure memory and the copy it returned is zeroed at once.
 * HMAC and scrypt keep private copies inside OpenSSL that JavaScript cannot reach; that is
 * the limit of what can be done from Node (docs/security.md says so for the vault too).
 */
import { createHmac, hkdfSync, scrypt as nodeScrypt } from 'node:crypto';
import sodium from 'sodium-native';
import { VaultError } from '../../../shared/errors.js';
import { type SecretBuffer, secureAlloc, secureTake, wipe } from '../crypto/secure-memory.js';

export const AEAD_KEY_BYTES = sodium.crypto_aead_chacha20poly1305_ietf_KEYBYTES; // 32
export const AEAD_NONCE_BYTES = sodium.crypto_aead_chacha20poly1305_ietf_NPUBBYTES; // 12
export const AEAD_TAG_BYTES = sodium.crypto_aead_chacha20poly1305_ietf_ABYTES; // 16
export const X25519_BYTES = sodium.crypto_scalarmult_BYTES; // 32
export const X25519_SCALAR_BYTES = sodium.crypto_scalarmult_SCALARBYTES; // 32

/** HKDF-SHA-256 with a 32-byte output (age always uses 32), returned in secure memory. */
export function hkdf32(ikm: Uint8Array, salt: Uint8Array | string, info: string): SecretBuffer {
  return secureTake(new Uint8Array(hkdfSync('sha256', ikm, salt, info, 32)));
}

export function hmacSha256(key: Uint8Array, data: Uint8Array): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** ChaCha20-Poly1305 (IETF) seal; `out` must be plaintext.length + 16 bytes. */
export function aeadSeal(out: Uint8Array, plaintext: Uint8Array, nonce: Uint8Array, key: Uint8Array): void {
  sodium.crypto_aead_chacha20poly1305_ietf_encrypt(out, plaintext, null, null, nonce, key);
}

/**
 * ChaCha20-Poly1305 (IETF) open into `out` (ciphertext.length - 16 bytes). Returns false, and
 * writes nothing readable into `out` (libsodium zeroes it), when the tag does not verify.
 */
export function aeadOpen(out: Uint8Array, ciphertext: Uint8Array, nonce: Uint8Array, key: Uint8Array): boolean {
  try {
    sodium.crypto_aead_chacha20poly1305_ietf_decrypt(out, null, ciphertext, null, nonce, key);
    return true;
  } catch {
    return false;
  }
}

/** X25519(scalar, basepoint): the public key of a secret scalar. */
export function x25519Base(scalar: Uint8Array): Buffer {
  const out = Buffer.alloc(X25519_BYTES);
  sodium.crypto_scalarmult_base(out, scalar);
  return out;
}

/**
 * X25519(scalar, point) into secure memory, or null when the result is all zeroes. libsodium
 * refuses (returns -1, which sodium-native turns into a throw) exactly when the output would be
 * the all-zero value: it checks the input against the known low-order points and the output
 * for zero. Callers have already checked that both inputs are 32 bytes, so a throw means that.
 */
export function x25519(scalar: Uint8Array, point: Uint8Array): SecretBuffer | null {
  const out = secureAlloc(X25519_BYTES);
  try {
    sodium.crypto_scalarmult(out, scalar, point);
  } catch {
    wipe(out);
    return null;
  }
  if (isAllZero(out)) {
    wipe(out);
    return null;
  }
  return out;
}

function isAllZero(bytes: Uint8Array): boolean {
  let acc = 0;
  for (const b of bytes) acc |= b;
  return acc === 0;
}

/**
 * scrypt(N = 2^logN, r = 8, p = 1, dkLen = 32) into secure memory, from node:crypto, which runs
 * it on the libuv thread pool so the event loop stays responsive.
 *
 * Why not libsodium: crypto_pwhash_scryptsalsa208sha256 takes a salt of exactly
 * crypto_pwhash_scryptsalsa208sha256_SALTBYTES (32) bytes, and sodium-native asserts that
 * length. age's scrypt salt is "age-encryption.org/v1/scrypt" || 16 random bytes = 44 bytes, and
 * scrypt feeds the whole salt to its first PBKDF2 pass, so no 32-byte salt gives the same key.
 * sodium-native does not expose the low-level crypto_pwhash_scryptsalsa208sha256_ll (explicit
 * N, r, p, any salt length) either. (Its opslimit/memlimit picker would otherwise give
 * N = 2^logN for opslimit = 2^(logN+5) with memlimit > 32·opslimit, but only for logN >= 10,
 * since it raises opslimit to at least 32768.) node:crypto.scrypt is RFC 7914 scrypt with an
 * explicit N, r, p and any salt, so nothing needs mapping and every logN can be computed.
 */
export async function scrypt32(passphrase: Uint8Array, salt: Uint8Array, logN: number): Promise<SecretBuffer> {
  const N = 2 ** logN;
  const r = 8;
  // scrypt's big array is 128·r·N bytes; OpenSSL also wants room for its small buffers.
  const maxmem = 128 * r * N + 16 * 1024 * 1024;
  const derived = await new Promise<Buffer>((resolve, reject) => {
    nodeScrypt(passphrase, salt, 32, { N, r, p: 1, maxmem }, (err, key) =>
      err
        ? // the parameters are checked before; what fails here is memory (2^22 needs 4 GiB)
          reject(
            new VaultError(
              'AGE_SCRYPT_WORK_FACTOR',
              `The passphrase's scrypt work factor 2^${logN} could not be computed on this computer (${N * 128 * r >= 2 ** 30 ? `${(N * 128 * r) / 2 ** 30} GiB` : `${(N * 128 * r) / 2 ** 20} MiB`} of memory are needed).`,
              { cause: err },
            ),
          )
        : resolve(key),
    );
  });
  return secureTake(derived);
}
