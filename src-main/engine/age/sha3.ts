/**
 * SHA3-256 and SHAKE256 (FIPS 202), which the hybrid recipient type needs (mlkem768x25519.ts).
 *
 * From node:crypto (OpenSSL) where it has them: the CLI and the tests run on Node, whose
 * OpenSSL does. The desktop app's engine runs inside Electron, whose Node is built on
 * BoringSSL, which has no SHA-3 digest ("Digest method not supported", electron/electron
 * #30530): there the same functions come from @noble/hashes, the SHA-3 code that
 * @noble/post-quantum's ML-KEM already runs on. Both give the same bytes (tested); which one
 * is used is decided once.
 */
import { createHash, getHashes } from 'node:crypto';
import { sha3_256 as nobleSha3, shake256 as nobleShake } from '@noble/hashes/sha3.js';
import { type SecretBuffer, secureTake } from '../crypto/secure-memory.js';

const nodeHasSha3 = ((): boolean => {
  const names = new Set(getHashes());
  if (!names.has('sha3-256') || !names.has('shake256')) return false;
  try {
    createHash('shake256', { outputLength: 32 }).update('').digest();
    return true;
  } catch {
    return false;
  }
})();

/** Whether node:crypto computes SHA-3 here (false inside Electron). */
export function sha3FromNode(): boolean {
  return nodeHasSha3;
}

/** SHA3-256 of the concatenation of `parts`, in secure memory (it is a shared secret). */
export function sha3_256(parts: readonly Uint8Array[], useNode = nodeHasSha3): SecretBuffer {
  if (useNode) {
    const h = createHash('sha3-256');
    for (const p of parts) h.update(p);
    return secureTake(h.digest());
  }
  const joined = Buffer.concat(parts);
  try {
    return secureTake(nobleSha3(joined));
  } finally {
    joined.fill(0);
  }
}

/** SHAKE256(input) with `length` bytes of output, in secure memory (it expands a secret seed). */
export function shake256(input: Uint8Array, length: number, useNode = nodeHasSha3): SecretBuffer {
  if (useNode) return secureTake(createHash('shake256', { outputLength: length }).update(input).digest());
  return secureTake(nobleShake(input, { dkLen: length }));
}
