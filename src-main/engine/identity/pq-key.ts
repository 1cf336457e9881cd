/**
 * The vault's post-quantum key: the seed of an age `mlkem768x25519` identity (ML-KEM-768 +
 * X25519, engine/age/mlkem768x25519.ts). Partners encrypt bundles to its public half, which the
 * contact card carries (version 2, contact-card.ts), signed by the identity key.
 *
 * Storage (table vault_pq_key, one row, migrations/0011-post-quantum-key.sql):
 *
 *   public_key   1216 bytes: ML-KEM-768 encapsulation key ‖ X25519 key, derived from the seed
 *   seed_nonce   24 random bytes
 *   seed_sealed  XChaCha20-Poly1305-IETF(key = HKDF(master, salt = vault id,
 *                info = "case-vault/v1/pq-key-seal"), nonce, plaintext = the 32-byte seed,
 *                associated data = UTF-8(vault id) ‖ public_key)                   = 32 + 16 bytes
 *
 * as the identity key is sealed (vault-identity.ts), under a sub-key of its own. On unlock the
 * public key is derived again from the opened seed and compared with the stored one: a
 * mismatch, or a seal that does not open, is VAULT_CORRUPT.
 *
 * Why a second key rather than the identity key: the identity key is a libsignal Curve25519
 * key pair, which a quantum computer breaks; ML-KEM keys cannot sign, so the identity key
 * stays what partners verify (the safety number), and it signs the card that carries this one.
 */
import { createHash } from 'node:crypto';
import { VaultError } from '../../../shared/errors.js';
import { HYBRID_RECIPIENT_BYTES, HYBRID_SEED_BYTES, HybridIdentity } from '../age/index.js';
import { unwrapKey, wrapKey } from '../crypto/aead.js';
import { type SecretBuffer, constantTimeEqual, secureRandom, wipe } from '../crypto/secure-memory.js';
import { deriveMasterSubkey } from '../crypto/subkeys.js';
import { get, pluck, run, sql, type ReadableDB, type WritableDB } from '../db/sql.js';

/** The opened key: its public half and its seed (secure memory; the holder wipes it). */
export interface PostQuantumKey {
  publicKey: Buffer;
  seed: SecretBuffer;
}

function sealAd(vaultId: string, publicKey: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(vaultId, 'utf8'), publicKey]);
}

function corrupt(): VaultError {
  return new VaultError(
    'VAULT_CORRUPT',
    "The vault's post-quantum key cannot be opened or does not match its public key; the database was changed by something other than Case Vault. Nothing was changed; restore it from a backup.",
  );
}

/** A short value for logs and audit entries: the first 16 bytes of SHA-256(1216-byte public key), hex in groups of 4. */
export function pqKeyFingerprint(publicKey: Uint8Array): string {
  const hex = createHash('sha256').update(publicKey).digest().subarray(0, 16).toString('hex');
  return hex.match(/.{4}/g)!.join(' ');
}

/** Whether this database has the vault_pq_key table (schema 11 and later). */
export function hasPqKeyTable(db: ReadableDB): boolean {
  return (
    pluck<number>(db, sql`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'vault_pq_key'`) === 1
  );
}

function publicKeyOf(seed: SecretBuffer): Buffer {
  const identity = HybridIdentity.fromBytes(seed);
  try {
    return identity.publicKey;
  } finally {
    identity.dispose();
  }
}

/**
 * Generate the seed and insert the row. Call inside a transaction (with its audit entry);
 * refuses when a row exists (CHECK (id = 1)).
 */
export function createPqKey(db: WritableDB, master: SecretBuffer, vaultId: string, at: string): PostQuantumKey {
  const seed = secureRandom(HYBRID_SEED_BYTES);
  const kek = deriveMasterSubkey(master, vaultId, 'pqKey');
  try {
    const publicKey = publicKeyOf(seed);
    const { nonce, wrapped } = wrapKey(kek, seed, sealAd(vaultId, publicKey));
    run(
      db,
      sql`INSERT INTO vault_pq_key (id, public_key, seed_nonce, seed_sealed, created_at) VALUES (1, ${publicKey}, ${nonce}, ${wrapped}, ${at})`,
    );
    return { publicKey, seed };
  } catch (e) {
    wipe(seed);
    throw e;
  } finally {
    wipe(kek);
  }
}

/** Open the sealed seed; null when the vault has none (a schema before 11). VAULT_CORRUPT when it does not open or match. */
export function loadPqKey(db: ReadableDB, master: SecretBuffer, vaultId: string): PostQuantumKey | null {
  if (!hasPqKeyTable(db)) return null;
  const row = get<{ public_key: Uint8Array; seed_nonce: Uint8Array; seed_sealed: Uint8Array }>(
    db,
    sql`SELECT public_key, seed_nonce, seed_sealed FROM vault_pq_key WHERE id = 1`,
  );
  if (!row) return null;
  const publicKey = Buffer.from(row.public_key);
  if (publicKey.length !== HYBRID_RECIPIENT_BYTES) throw corrupt();
  const kek = deriveMasterSubkey(master, vaultId, 'pqKey');
  const seed = unwrapKey(kek, row.seed_nonce, row.seed_sealed, sealAd(vaultId, publicKey));
  wipe(kek);
  if (!seed) throw corrupt();
  if (seed.length !== HYBRID_SEED_BYTES || !constantTimeEqual(publicKeyOf(seed), publicKey)) {
    wipe(seed);
    throw corrupt();
  }
  return { publicKey, seed };
}
