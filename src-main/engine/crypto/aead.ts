/**
 * Key wrapping: XChaCha20-Poly1305-IETF from libsodium, with a random 192-bit nonce (safe to
 * pick at random, unlike the 96-bit one) and associated data that binds the wrapped key to the
 * slot that holds it, so that no field of a key slot can be edited without the unwrap failing.
 */
import sodium from 'sodium-native';
import { type SecretBuffer, randomBytes, secureAlloc } from './secure-memory.js';

export const WRAP_NONCE_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES; // 24
export const WRAP_TAG_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES; // 16

export function wrapKey(kek: SecretBuffer, secret: SecretBuffer, ad: Uint8Array): { nonce: Buffer; wrapped: Buffer } {
  const nonce = randomBytes(WRAP_NONCE_BYTES);
  const wrapped = Buffer.alloc(secret.length + WRAP_TAG_BYTES);
  sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(wrapped, secret, Buffer.from(ad), null, nonce, kek);
  return { nonce, wrapped };
}

/** Returns the unwrapped key in secure memory, or null when the KEK or any bound data is wrong. */
export function unwrapKey(
  kek: SecretBuffer,
  nonce: Uint8Array,
  wrapped: Uint8Array,
  ad: Uint8Array,
): SecretBuffer | null {
  if (nonce.length !== WRAP_NONCE_BYTES || wrapped.length <= WRAP_TAG_BYTES) return null;
  const out = secureAlloc(wrapped.length - WRAP_TAG_BYTES);
  try {
    sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      out,
      null,
      Buffer.from(wrapped),
      Buffer.from(ad),
      Buffer.from(nonce),
      kek,
    );
    return out;
  } catch {
    sodium.sodium_memzero(out);
    return null;
  }
}
