/** age v1: the public surface for the bundle layer (see age.ts). */
export {
  type AgeDecryptOptions,
  type AgeEncryptOptions,
  type AgeSource,
  decryptAge,
  encryptAge,
  isAgeAddressedTo,
  readAgeHeader,
} from './age.js';
export { ARMOR_BEGIN, ARMOR_END } from './armor.js';
export {
  HYBRID_RECIPIENT_BYTES,
  HYBRID_SEED_BYTES,
  HybridIdentity,
  HybridRecipient,
  checkPostQuantumNotMixed,
} from './mlkem768x25519.js';
export { decodeBech32, encodeBech32 } from './bech32.js';
export { type AgeHeader, type AgeStanza, MAX_HEADER_BYTES } from './format.js';
export { type AgeIdentity, type AgeRecipient } from './recipients.js';
export {
  SCRYPT_MAX_READ_LOG_N,
  SCRYPT_MIN_WRITE_LOG_N,
  SCRYPT_WRITE_LOG_N,
  ScryptIdentity,
  ScryptRecipient,
} from './scrypt.js';
export { CHUNK_BYTES, payloadSize } from './stream.js';
export { type LibsignalKey, X25519Identity, X25519Recipient } from './x25519.js';
