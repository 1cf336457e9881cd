/**
 * Encrypted blob file format, version 1 (blobs/ab/<id>, one file per stored original).
 *
 *   magic   8 bytes   "CVBLOB\x00\x01"
 *   header 24 bytes   crypto_secretstream_xchacha20poly1305 header
 *   chunks            each = secretstream_push(plaintext chunk) = plaintext + 17 bytes
 *
 * Plaintext is cut into chunks of exactly CHUNK_BYTES (64 KiB), tagged TAG_MESSAGE, followed by
 * one final chunk tagged TAG_FINAL holding the remainder (0 … CHUNK_BYTES-1 bytes; an empty final
 * chunk when the size is a multiple of the chunk size). So the file's length is a function of
 * the plaintext size recorded in the row, which lets doctor spot truncation without decrypting.
 *
 * Each file has its own random 256-bit key, kept only in its `blobs` row.
 * Secretstream authenticates each chunk, its position (reordering fails) and the end of the
 * stream (a file cut at a chunk boundary lacks TAG_FINAL).
 */
import sodium from 'sodium-native';

export const BLOB_MAGIC = Buffer.from('CVBLOB\x00\x01', 'latin1');
export const HEADER_BYTES = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES; // 24
export const ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES; // 17
export const KEY_BYTES = sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES; // 32
export const STATE_BYTES = sodium.crypto_secretstream_xchacha20poly1305_STATEBYTES;
export const CHUNK_BYTES = 64 * 1024;
export const SEALED_CHUNK_BYTES = CHUNK_BYTES + ABYTES;
export const PREFIX_BYTES = BLOB_MAGIC.length + HEADER_BYTES;
export const TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
export const TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;

export function expectedFileSize(plaintextSize: number): number {
  const full = Math.floor(plaintextSize / CHUNK_BYTES);
  const rem = plaintextSize - full * CHUNK_BYTES;
  return PREFIX_BYTES + full * SEALED_CHUNK_BYTES + rem + ABYTES;
}
