/**
 * Sub-keys of the master key, by HKDF-SHA256 (node:crypto) with a distinct label each.
 * The salt is the vault id, so two vaults never share a sub-key even under one master key.
 *
 * Adding a label is how a new key purpose is introduced; never reuse one for two purposes.
 */
import { hkdfSync } from 'node:crypto';
import { type SecretBuffer, secureTake } from './secure-memory.js';

export const SUBKEY_LABELS = {
  /** raw 256-bit SQLCipher key for vault.db */
  database: 'case-vault/v1/sqlcipher-key',
  /** HMAC-SHA256 key that authenticates vault.json */
  vaultFileMac: 'case-vault/v1/vault-file-mac',
  /** XChaCha20-Poly1305 key that seals the vault identity's private key (engine/identity/) */
  identity: 'case-vault/v1/identity-key-seal',
  /** XChaCha20-Poly1305 key that seals the vault's post-quantum (ML-KEM) key seed (engine/identity/pq-key.ts) */
  pqKey: 'case-vault/v1/pq-key-seal',
  /** HMAC-SHA256 key that authenticates a backup snapshot's manifest (engine/backup/, docs/backup.md) */
  backupManifestMac: 'case-vault/v1/backup-manifest-mac',
} as const;

export type SubkeyPurpose = keyof typeof SUBKEY_LABELS;

export function deriveSubkey(ikm: Uint8Array, salt: string | Uint8Array, info: string, length = 32): SecretBuffer {
  const out = hkdfSync('sha256', ikm, salt, info, length);
  return secureTake(new Uint8Array(out));
}

export function deriveMasterSubkey(masterKey: SecretBuffer, vaultId: string, purpose: SubkeyPurpose): SecretBuffer {
  return deriveSubkey(masterKey, vaultId, SUBKEY_LABELS[purpose]);
}
