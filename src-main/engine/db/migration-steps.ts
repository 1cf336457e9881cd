/**
 * Data steps of migrations, in code: `migrations/NNNN-slug.sql` says what the schema becomes,
 * and a step registered here under the same number does what SQL cannot (generate and seal a
 * key, for one). The migrations folder ships as plain files next to the app, while the engine
 * is bundled by esbuild, so a step is code of the engine, not a file loaded at run time.
 *
 * A step runs right after its migration's SQL, inside the one transaction of the whole
 * migration run (migrations.ts): if it throws, nothing of the run is kept and the database
 * stays at its previous version. It sees the schema as of its own migration (later ones have
 * not run yet), so it must touch only what exists at that version.
 */
import type { AuditInput } from '../audit/audit-log.js';
import { type SecretBuffer, wipe } from '../crypto/secure-memory.js';
import { createPqKey, pqKeyFingerprint } from '../identity/pq-key.js';
import { createIdentity, keyFingerprint } from '../identity/vault-identity.js';
import { pluck, sql, type WritableDB } from './sql.js';

/** The vault whose database is being migrated: what a step needs to seal and to audit. */
export interface MigrationVault {
  vaultId: string;
  /** the vault's master key (sub-keys are derived from it; never stored, never copied) */
  master: SecretBuffer;
  /** 'init': the vault is being created; 'migration': an existing vault is being upgraded */
  reason: 'init' | 'migration';
  /** the moment of this migration run (rows a step writes and its audit entries carry it) */
  at: string;
  /**
   * Record an audit entry. The caller appends it after its own vault.created / vault.migrated
   * entry, in the same transaction as the migration.
   */
  audit(entry: AuditInput): void;
}

export interface MigrationStepContext {
  db: WritableDB;
  /** absent for a bare database that belongs to no vault (schema tests): a step that needs the vault does nothing */
  vault?: MigrationVault;
}

export type MigrationStep = (ctx: MigrationStepContext) => void;

/**
 * 0003-partner-exchange: the vault's identity key pair (vault-identity.ts), sealed under a
 * sub-key of the master key, audited `identity.created` with the reason of the run. A vault
 * gets it when it is created, or on the unlock that brings an older vault to schema 3.
 */
export function createVaultIdentityStep({ db, vault }: MigrationStepContext): void {
  if (!vault) return;
  if ((pluck<number>(db, sql`SELECT count(*) FROM vault_identity`) ?? 0) > 0) return;
  const keys = createIdentity(db, vault.master, vault.vaultId, vault.at);
  try {
    vault.audit({
      action: 'identity.created',
      at: vault.at,
      subject: { kind: 'vault-identity', id: vault.vaultId },
      details: { reason: vault.reason, fingerprint: keyFingerprint(keys.publicKey) },
    });
  } finally {
    keys.wipe();
  }
}

/**
 * 0011-post-quantum-key: the vault's post-quantum key (identity/pq-key.ts), sealed under its
 * own sub-key of the master key, audited `identity.pq-key-created` with the reason of the run.
 * A vault gets it when it is created, or on the unlock that brings an older vault to schema 11.
 */
export function createPostQuantumKeyStep({ db, vault }: MigrationStepContext): void {
  if (!vault) return;
  if ((pluck<number>(db, sql`SELECT count(*) FROM vault_pq_key`) ?? 0) > 0) return;
  const key = createPqKey(db, vault.master, vault.vaultId, vault.at);
  try {
    vault.audit({
      action: 'identity.pq-key-created',
      at: vault.at,
      subject: { kind: 'vault-identity', id: vault.vaultId },
      details: { reason: vault.reason, fingerprint: pqKeyFingerprint(key.publicKey) },
    });
  } finally {
    wipe(key.seed);
  }
}

/** The shipped migrations' data steps, by migration number. */
export const MIGRATION_STEPS: ReadonlyMap<number, MigrationStep> = new Map([
  [3, createVaultIdentityStep],
  [11, createPostQuantumKeyStep],
]);
