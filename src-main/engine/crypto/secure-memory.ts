/**
 * Secret key material lives in libsodium's guarded heap (sodium_malloc: mlock'ed, guard
 * pages, canary) and is zeroed with sodium_memzero as soon as it is no longer needed.
 *
 * JavaScript cannot promise that no copy of a secret ever exists elsewhere (a passphrase
 * arrives as a JS string; SQLCipher's `PRAGMA key` takes a string); we keep such copies
 * short-lived and say so in docs/security.md.
 */
import sodium from 'sodium-native';

export type SecretBuffer = Buffer & { readonly __secret: unique symbol };

export function secureAlloc(length: number): SecretBuffer {
  return sodium.sodium_malloc(length) as Buffer as SecretBuffer;
}

export function secureRandom(length: number): SecretBuffer {
  const buf = secureAlloc(length);
  sodium.randombytes_buf(buf);
  return buf;
}

/** Copy bytes into secure memory and wipe the source, which was ordinary heap memory. */
export function secureTake(source: Uint8Array): SecretBuffer {
  const buf = secureAlloc(source.length);
  Buffer.from(source.buffer, source.byteOffset, source.byteLength).copy(buf);
  wipe(source);
  return buf;
}

export function wipe(buf: Uint8Array | null | undefined): void {
  if (buf && buf.byteLength > 0) {
    sodium.sodium_memzero(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength));
  }
}

export function randomBytes(length: number): Buffer {
  const buf = Buffer.alloc(length);
  sodium.randombytes_buf(buf);
  return buf;
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  return sodium.sodium_memcmp(Buffer.from(a), Buffer.from(b));
}
