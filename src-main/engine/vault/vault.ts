/**
 * A vault: create, unlock, lock, change the passphrase.
 *
 *   <vault>/vault.json   key slots (see vault-file.ts)
 *   <vault>/vault.db     SQLCipher, keyed with HKDF(master, "…/sqlcipher-key")
 *   <vault>/blobs/ab/id  encrypted evidence (see evidence-store/)
 *
 * The master key is 32 random bytes in sodium_malloc memory for as long as the vault is
 * unlocked; lock() closes the database and zeroes it and every sub-key. The vault's identity
 * key pair (engine/identity/vault-identity.ts) is opened on unlock and zeroed on lock too.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { VaultError, isVaultError } from '../../../shared/errors.js';
import { unwrapKey, wrapKey } from '../crypto/aead.js';
import {
  type Argon2Params,
  type Calibration,
  DEFAULT_TARGET_MS,
  FAST_TEST_PARAMS,
  SALT_BYTES,
  atLeastFloor,
  calibrate,
  deriveFromPassphrase,
  insecureKdfAllowed,
} from '../crypto/argon2.js';
import { generateRecoveryKey, parseRecoveryKey } from '../crypto/recovery-key.js';
import { type SecretBuffer, randomBytes, secureRandom, wipe } from '../crypto/secure-memory.js';
import { type SubkeyPurpose, deriveMasterSubkey, deriveSubkey } from '../crypto/subkeys.js';
import { closeDatabase, openKeyedDatabase } from '../db/database.js';
import { installSyncCapture } from '../sync/capture.js';
import { type Migration, type MigrationResult, loadMigrations, migrate, schemaVersion } from '../db/migrations.js';
import { type MigrationVault, createVaultIdentityStep } from '../db/migration-steps.js';
import { get, pluck, run, sql, type WritableDB } from '../db/sql.js';
import { type AuditInput, appendAudit, countAudit } from '../audit/audit-log.js';
import { BlobStore } from '../evidence-store/blob-store.js';
import { type VaultIdentityKeys, hasIdentityTable, loadIdentity } from '../identity/vault-identity.js';
import { writeCheckpoint } from '../identity/audit-checkpoints.js';
import { isoNow, uuidv7 } from '../util/ids.js';
import { fsyncDir } from '../util/durable-fs.js';
import {
  type KeySlot,
  type PassphraseSlot,
  type RecoverySlot,
  type VaultFileBody,
  type VaultFileDoc,
  VAULT_FILE_NAME,
  VAULT_FORMAT,
  VAULT_FORMAT_VERSION,
  MAX_WIPE_AFTER_FAILED_UNLOCKS,
  MIN_WIPE_AFTER_FAILED_UNLOCKS,
  readVaultFile,
  removeStaleVaultFiles,
  sealVaultFile,
  slotAssociatedData,
  splitDoc,
  stageVaultFile,
  verifyVaultFileMac,
  writeVaultFile,
} from './vault-file.js';
import { beginUnlockAttempt } from './unlock-guard.js';

export const DB_FILE_NAME = 'vault.db';
export const BLOBS_DIR_NAME = 'blobs';
export const MIN_PASSPHRASE_CHARS = 12;
const RECOVERY_INFO = 'case-vault/v1/recovery-slot-kek';

export type Credential = { passphrase: string } | { recoveryKey: string };

export type UnlockPhase = 'calibrating' | 'reading' | 'deriving-key' | 'opening-database' | 'migrating' | 'ready';
export interface UnlockProgress {
  phase: UnlockPhase;
  /** for 'deriving-key': how long the KDF is expected to take, so a UI can animate honestly */
  expectedMs?: number;
}

export interface CreateOptions {
  passphrase: string;
  /** 'calibrate' (default) measures this machine; tests pass fixed parameters */
  kdf?: 'calibrate' | Argon2Params;
  migrations?: Migration[];
  onProgress?: (p: UnlockProgress) => void;
}

export interface OpenOptions {
  migrations?: Migration[];
  onProgress?: (p: UnlockProgress) => void;
}

export interface VaultStatus {
  vaultId: string;
  path: string;
  formatVersion: number;
  schemaVersion: number;
  appSchemaVersion: number;
  createdAt: string;
  slots: Array<{ id: string; kind: KeySlot['kind']; createdAt: string; kdf: Record<string, unknown> }>;
  counts: { blobs: number; blobBytes: number; auditEntries: number };
}

export function checkPassphraseStrength(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_CHARS) {
    throw new VaultError(
      'WEAK_PASSPHRASE',
      `A vault passphrase needs at least ${MIN_PASSPHRASE_CHARS} characters; a few unrelated words make a good one.`,
    );
  }
}

/**
 * A passphrase that is not well-formed text: a lone surrogate (an app or script handing over
 * broken UTF-16) or, for a new passphrase, U+FFFD, the mark a decoder leaves where bytes were
 * not UTF-8. Such bytes would be stretched as U+FFFD, so that every passphrase of the same
 * shape would open the vault. (The CLI refuses undecodable files and terminal input itself.)
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function checkPassphraseText(passphrase: string, isNew: boolean): void {
  if (LONE_SURROGATE.test(passphrase) || (isNew && passphrase.includes('\uFFFD'))) {
    throw new VaultError(
      'PASSPHRASE_NOT_UTF8',
      'That passphrase is not valid UTF-8 text (it holds bytes or characters that are not text). Nothing was changed; use a passphrase of ordinary characters.',
    );
  }
}

export function defaultKdf(): 'calibrate' | Argon2Params {
  return insecureKdfAllowed() ? FAST_TEST_PARAMS : 'calibrate';
}

/** A passphrase key slot wrapping `master` (also used by a re-keying restore, engine/backup/). */
export async function makePassphraseSlot(
  vaultId: string,
  master: SecretBuffer,
  passphrase: string,
  kdf: 'calibrate' | Argon2Params,
  onProgress?: (p: UnlockProgress) => void,
): Promise<PassphraseSlot> {
  if (kdf === 'calibrate') onProgress?.({ phase: 'calibrating', expectedMs: 2 * DEFAULT_TARGET_MS });
  const chosen: Calibration = kdf === 'calibrate' ? await calibrate() : { ...kdf, expectedMs: 0 };
  // The floor holds whatever a caller asked for; only the test runner may go below it.
  const params: Calibration = insecureKdfAllowed() ? chosen : { ...chosen, ...atLeastFloor(chosen) };
  const salt = randomBytes(SALT_BYTES);
  const slotHead = {
    id: uuidv7(),
    kind: 'passphrase' as const,
    kdf: {
      name: 'argon2id13' as const,
      opsLimit: params.opsLimit,
      memLimitBytes: params.memLimitBytes,
      salt: salt.toString('base64'),
    },
  };
  onProgress?.({ phase: 'deriving-key', expectedMs: params.expectedMs });
  const kek = await deriveFromPassphrase(passphrase, salt, params);
  try {
    const { nonce, wrapped } = wrapKey(kek, master, slotAssociatedData({ vaultId }, slotHead));
    return {
      ...slotHead,
      createdAt: isoNow(),
      nonce: nonce.toString('base64'),
      wrappedKey: wrapped.toString('base64'),
    };
  } finally {
    wipe(kek);
  }
}

/** A recovery key slot wrapping `master`, and the recovery key's text (shown once). */
export function makeRecoverySlot(vaultId: string, master: SecretBuffer): { slot: RecoverySlot; recoveryKey: string } {
  const { raw, text } = generateRecoveryKey();
  const salt = randomBytes(16);
  const head = {
    id: uuidv7(),
    kind: 'recovery' as const,
    kdf: { name: 'hkdf-sha256' as const, salt: salt.toString('base64') },
  };
  const kek = deriveSubkey(raw, salt, RECOVERY_INFO);
  wipe(raw);
  try {
    const { nonce, wrapped } = wrapKey(kek, master, slotAssociatedData({ vaultId }, head));
    return {
      slot: { ...head, createdAt: isoNow(), nonce: nonce.toString('base64'), wrappedKey: wrapped.toString('base64') },
      recoveryKey: text,
    };
  } finally {
    wipe(kek);
  }
}

/** The master key a credential unwraps from `doc`'s slots (BAD_PASSPHRASE otherwise); the caller wipes it. */
export async function unwrapWithCredential(
  doc: VaultFileDoc,
  credential: Credential,
  onProgress?: (p: UnlockProgress) => void,
): Promise<SecretBuffer> {
  if ('passphrase' in credential) checkPassphraseText(credential.passphrase, false);
  const bad = () =>
    new VaultError(
      'BAD_PASSPHRASE',
      'passphrase' in credential
        ? 'That passphrase does not unlock this vault.'
        : 'That recovery key does not unlock this vault.',
    );
  if ('passphrase' in credential) {
    for (const slot of doc.slots) {
      if (slot.kind !== 'passphrase') continue;
      const params = { opsLimit: slot.kdf.opsLimit, memLimitBytes: slot.kdf.memLimitBytes };
      onProgress?.({ phase: 'deriving-key', expectedMs: estimateMs(params) });
      const kek = await deriveFromPassphrase(credential.passphrase, Buffer.from(slot.kdf.salt, 'base64'), params);
      const master = unwrapKey(
        kek,
        Buffer.from(slot.nonce, 'base64'),
        Buffer.from(slot.wrappedKey, 'base64'),
        slotAssociatedData(doc, slot),
      );
      wipe(kek);
      if (master) return master;
    }
    throw bad();
  }
  const raw = parseRecoveryKey(credential.recoveryKey);
  try {
    for (const slot of doc.slots) {
      if (slot.kind !== 'recovery') continue;
      const kek = deriveSubkey(raw, Buffer.from(slot.kdf.salt, 'base64'), RECOVERY_INFO);
      const master = unwrapKey(
        kek,
        Buffer.from(slot.nonce, 'base64'),
        Buffer.from(slot.wrappedKey, 'base64'),
        slotAssociatedData(doc, slot),
      );
      wipe(kek);
      if (master) return master;
    }
  } finally {
    wipe(raw);
  }
  throw bad();
}

/**
 * How long the KDF should take, for an honest progress display: calibration aimed at
 * DEFAULT_TARGET_MS on the machine that made the slot, so that is the best guess here too.
 */
function estimateMs(p: Argon2Params): number {
  const atOrBelowTestParams =
    p.memLimitBytes <= FAST_TEST_PARAMS.memLimitBytes && p.opsLimit <= FAST_TEST_PARAMS.opsLimit;
  return atOrBelowTestParams ? FAST_TEST_PARAMS.expectedMs : DEFAULT_TARGET_MS;
}

export class Vault {
  #master: SecretBuffer | null;
  #db: WritableDB | null;
  #doc: VaultFileDoc;
  #blobs: BlobStore | null;
  #identity: VaultIdentityKeys | null;

  private constructor(
    readonly dir: string,
    doc: VaultFileDoc,
    master: SecretBuffer,
    db: WritableDB,
    identity: VaultIdentityKeys | null,
  ) {
    this.#doc = doc;
    this.#master = master;
    this.#db = db;
    this.#identity = identity;
    this.#blobs = new BlobStore(db, doc.vaultId, path.join(dir, BLOBS_DIR_NAME));
  }

  get id(): string {
    return this.#doc.vaultId;
  }

  get isUnlocked(): boolean {
    return this.#master !== null;
  }

  /** The database handle, for engine services. Throws VAULT_LOCKED after lock(). */
  get db(): WritableDB {
    if (!this.#db) throw lockedError();
    return this.#db;
  }

  get blobs(): BlobStore {
    if (!this.#blobs) throw lockedError();
    return this.#blobs;
  }

  /**
   * The vault's identity key pair (signing, age). VAULT_LOCKED after lock(); IDENTITY_MISSING
   * only for a database older than schema 3, which tests build on purpose.
   */
  get identity(): VaultIdentityKeys {
    if (!this.#db) throw lockedError();
    if (!this.#identity)
      throw new VaultError(
        'IDENTITY_MISSING',
        'This vault has no identity key yet; unlock it with this version of Case Vault to create one.',
      );
    return this.#identity;
  }

  get file(): VaultFileDoc {
    return this.#doc;
  }

  /** A sub-key of the master key (crypto/subkeys.ts), in secure memory: the caller wipes it. */
  subkey(purpose: SubkeyPurpose): SecretBuffer {
    if (!this.#master) throw lockedError();
    return deriveMasterSubkey(this.#master, this.id, purpose);
  }

  /** Append an audit entry in its own transaction (services that mutate use their own). */
  audit(
    action: string,
    details: Record<string, string | number | boolean | null> = {},
    subject: { kind: string; id: string } | null = null,
  ): void {
    const db = this.db;
    db.transaction(() => appendAudit(db, this.id, { action, details, subject }))();
  }

  /**
   * Create a new vault in `dir` (which must not exist, or be empty). The vault is assembled in a
   * hidden sibling folder and renamed into place at the end, so a failure or a crash never
   * leaves a half-made vault where one is expected.
   */
  static async create(dir: string, opts: CreateOptions): Promise<{ vault: Vault; recoveryKey: string }> {
    const target = path.resolve(dir);
    checkPassphraseText(opts.passphrase, true);
    checkPassphraseStrength(opts.passphrase);
    await assertCreatable(target);
    const parent = path.dirname(target);
    await fsp.mkdir(parent, { recursive: true, mode: 0o700 });
    const staging = await fsp.mkdtemp(path.join(parent, `.${path.basename(target)}.creating-`));
    const vaultId = uuidv7();
    const master = secureRandom(32);
    let recoveryKey: string;
    try {
      const passphraseSlot = await makePassphraseSlot(
        vaultId,
        master,
        opts.passphrase,
        opts.kdf ?? defaultKdf(),
        opts.onProgress,
      );
      const recovery = makeRecoverySlot(vaultId, master);
      recoveryKey = recovery.recoveryKey;
      const now = isoNow();
      const body: VaultFileBody = {
        format: VAULT_FORMAT,
        formatVersion: VAULT_FORMAT_VERSION,
        vaultId,
        createdAt: now,
        updatedAt: now,
        slots: [passphraseSlot, recovery.slot],
      };
      await fsp.mkdir(path.join(staging, BLOBS_DIR_NAME), { mode: 0o700 });
      // Made empty and owner-only first: SQLite gives its -wal file the database file's mode.
      await (await fsp.open(path.join(staging, DB_FILE_NAME), 'wx', 0o600)).close();
      const dbKey = deriveMasterSubkey(master, vaultId, 'database');
      const db = openKeyedDatabase(path.join(staging, DB_FILE_NAME), dbKey);
      wipe(dbKey);
      try {
        // One transaction: the schema, the data steps (the identity is born with the vault,
        // migration 0003's step: audited identity.created, reason 'init', after vault.created)
        const stepAudit: AuditInput[] = [];
        const migrating = migrationVault(vaultId, master, 'init', now, stepAudit);
        db.transaction(() => {
          migrate(db, opts.migrations ?? loadMigrations(), migrating);
          run(db, sql`INSERT INTO vault_meta (key, value) VALUES ('vault_id', ${vaultId}), ('created_at', ${now})`);
          appendAudit(db, vaultId, {
            action: 'vault.created',
            at: now,
            subject: { kind: 'vault', id: vaultId },
            details: { schemaVersion: schemaVersion(db) },
          });
          for (const entry of stepAudit) appendAudit(db, vaultId, entry);
        })();
      } finally {
        closeDatabase(db);
      }
      const macKey = deriveMasterSubkey(master, vaultId, 'vaultFileMac');
      await writeVaultFile(staging, sealVaultFile(body, macKey));
      wipe(macKey);
      await fsyncDir(staging);
      await publishVaultFolder(staging, target);
      await fsyncDir(parent);
    } catch (e) {
      wipe(master);
      await fsp.rm(staging, { recursive: true, force: true });
      throw e;
    }
    const vault = await Vault.#openWithMaster(target, master, opts);
    return { vault, recoveryKey };
  }

  /** Unlock an existing vault with its passphrase or its recovery key. */
  static async open(dir: string, credential: Credential, opts: OpenOptions = {}): Promise<Vault> {
    const target = path.resolve(dir);
    opts.onProgress?.({ phase: 'reading' });
    if (!fs.existsSync(target))
      throw new VaultError('VAULT_NOT_FOUND', 'No vault was found at this location (the folder does not exist).');
    const doc = await readVaultFile(target);
    // A malformed recovery key is a typing mistake, not a guess: refused before it is counted.
    if ('recoveryKey' in credential) wipe(parseRecoveryKey(credential.recoveryKey));
    const attempt = await beginUnlockAttempt(target, doc);
    let master: SecretBuffer;
    try {
      master = await unwrapWithCredential(doc, credential, opts.onProgress);
    } catch (e) {
      if (isVaultError(e) && e.code === 'BAD_PASSPHRASE') return attempt.failed(e);
      throw e;
    }
    try {
      await attempt.succeeded();
    } catch (e) {
      wipe(master);
      throw e;
    }
    return Vault.#openWithMaster(target, master, opts, doc);
  }

  static async #openWithMaster(
    dir: string,
    master: SecretBuffer,
    opts: OpenOptions,
    knownDoc?: VaultFileDoc,
  ): Promise<Vault> {
    try {
      const doc = knownDoc ?? (await readVaultFile(dir));
      const macKey = deriveMasterSubkey(master, doc.vaultId, 'vaultFileMac');
      const macOk = verifyVaultFileMac(doc, macKey);
      wipe(macKey);
      if (!macOk) {
        throw new VaultError(
          'VAULT_CORRUPT',
          'The vault key file (vault.json) was changed by something other than Case Vault. Nothing was changed; restore it from a backup.',
        );
      }
      const dbFile = path.join(dir, DB_FILE_NAME);
      if (!fs.existsSync(dbFile))
        throw new VaultError(
          'VAULT_CORRUPT',
          'The vault database (vault.db) is missing. Nothing was changed; restore it from a backup.',
        );
      opts.onProgress?.({ phase: 'opening-database' });
      const dbKey = deriveMasterSubkey(master, doc.vaultId, 'database');
      const db = openKeyedDatabase(dbFile, dbKey);
      wipe(dbKey);
      let identity: VaultIdentityKeys | null = null;
      try {
        opts.onProgress?.({ phase: 'migrating' });
        // One transaction: the pending migrations with their data steps (a vault made before
        // schema 3 gets its identity from 0003's step, audited identity.created, reason
        // 'migration'), the check that the database is this vault's, and the audit entries:
        // vault.migrated, then the steps' own.
        const at = isoNow();
        const stepAudit: AuditInput[] = [];
        const migrating = migrationVault(doc.vaultId, master, 'migration', at, stepAudit);
        db.transaction(() => {
          const result: MigrationResult = migrate(db, opts.migrations ?? loadMigrations(), migrating);
          const storedId = get<{ value: string }>(db, sql`SELECT value FROM vault_meta WHERE key = 'vault_id'`)?.value;
          if (storedId !== doc.vaultId) {
            throw new VaultError(
              'VAULT_CORRUPT',
              'The vault database belongs to a different vault than its key file. Nothing was changed.',
            );
          }
          if (result.applied.length > 0)
            appendAudit(db, doc.vaultId, {
              action: 'vault.migrated',
              at,
              details: { from: result.from, to: result.to },
            });
          for (const entry of stepAudit) appendAudit(db, doc.vaultId, entry);
        })();
        identity = openIdentity(db, migrating);
        // team sync's change capture lives in the connection (temp triggers): installed on every unlock
        installSyncCapture(db, doc.vaultId);
      } catch (e) {
        identity?.wipe();
        db.close();
        throw e;
      }
      try {
        ensureBlobsFolder(path.join(dir, BLOBS_DIR_NAME));
        removeStaleVaultFiles(dir);
      } catch (e) {
        identity?.wipe();
        db.close();
        throw e;
      }
      opts.onProgress?.({ phase: 'ready' });
      return new Vault(dir, doc, master, db, identity);
    } catch (e) {
      wipe(master);
      throw e;
    }
  }

  /** Close the database and zero every key held in memory. Idempotent. */
  lock(): void {
    if (this.#db && this.#identity) {
      // Sign the audit log's head (engine/identity/audit-checkpoints.ts). Locking must always
      // succeed (it is what zeroes the keys), so a failure here is not allowed to stop it; the
      // next lock or mutation signs the head instead.
      try {
        writeCheckpoint(this.#db, this.#identity);
      } catch {
        // nothing to do: see above
      }
    }
    this.#identity?.wipe();
    this.#identity = null;
    if (this.#db) {
      try {
        closeDatabase(this.#db);
      } finally {
        this.#db = null;
      }
    }
    this.#blobs = null;
    wipe(this.#master);
    this.#master = null;
  }

  /**
   * Rewrap the master key under a new passphrase. Only the passphrase slot changes: the
   * database, the blobs and the recovery key stay as they are. Argon2 is re-calibrated, since
   * the machine may have changed since the vault was made (a slot below the floor is upgraded).
   *
   * All or nothing: the new vault.json is written in full beside the old one first (where a
   * full disk fails, with the old one untouched), then swapped in inside the transaction that
   * records the change; if that transaction fails to commit, the old file is put back. So a
   * refused change leaves the old passphrase working, and a change that returned is on disk.
   */
  async changePassphrase(newPassphrase: string, opts: { kdf?: 'calibrate' | Argon2Params } = {}): Promise<void> {
    const master = this.#master;
    if (!master) throw lockedError();
    checkPassphraseText(newPassphrase, true);
    checkPassphraseStrength(newPassphrase);
    await this.#refuseIfKeysDestroyed();
    const slot = await makePassphraseSlot(this.id, master, newPassphrase, opts.kdf ?? defaultKdf());
    const body = splitDoc(this.#doc);
    const slots = [slot, ...body.slots.filter((s) => s.kind !== 'passphrase')];
    const macKey = deriveMasterSubkey(master, this.id, 'vaultFileMac');
    const doc = sealVaultFile({ ...body, slots, updatedAt: isoNow() }, macKey);
    wipe(macKey);
    const db = this.db;
    const staged = await stageVaultFile(this.dir, doc, this.#doc);
    try {
      db.transaction(() => {
        appendAudit(db, this.id, {
          action: 'vault.passphrase-changed',
          details: { opsLimit: slot.kdf.opsLimit, memLimitBytes: slot.kdf.memLimitBytes },
          subject: { kind: 'key-slot', id: slot.id },
        });
        staged.swapIn();
      })();
    } catch (e) {
      staged.putBack();
      throw e;
    } finally {
      staged.cleanUp();
    }
    this.#doc = doc;
  }

  /**
   * vault.json is rewritten from the copy read at unlock: if its keys were destroyed since (the
   * CLI's `panic --destroy-keys`, or too many failed unlocks elsewhere), writing it again would
   * bring the slots back. Read what is on disk first; a destroyed file is VAULT_KEYS_DESTROYED.
   */
  async #refuseIfKeysDestroyed(): Promise<void> {
    await readVaultFile(this.dir);
  }

  /**
   * Check a credential against this vault's key slots without reopening it (the database is
   * held exclusively): the desktop app asks for the current passphrase before changing it.
   * Throws BAD_PASSPHRASE when it does not unwrap the master key.
   */
  async verifyCredential(credential: Credential, onProgress?: (p: UnlockProgress) => void): Promise<void> {
    if (!this.#master) throw lockedError();
    const master = await unwrapWithCredential(this.#doc, credential, onProgress);
    wipe(master);
  }

  /**
   * Turn on (5..20) or off (null) the destruction of the key slots after that many failed
   * unlocks in a row (unlock-guard.ts). Kept in vault.json, where it can be read before
   * unlocking, under the file's MAC. Audited. Setting what is already set writes nothing.
   */
  async setWipeAfterFailedUnlocks(attempts: number | null): Promise<void> {
    const master = this.#master;
    if (!master) throw lockedError();
    if (
      attempts !== null &&
      (!Number.isInteger(attempts) ||
        attempts < MIN_WIPE_AFTER_FAILED_UNLOCKS ||
        attempts > MAX_WIPE_AFTER_FAILED_UNLOCKS)
    )
      throw new VaultError(
        'INVALID_INPUT',
        `The number of failed unlocks before the keys are destroyed must be a whole number from ${MIN_WIPE_AFTER_FAILED_UNLOCKS} to ${MAX_WIPE_AFTER_FAILED_UNLOCKS}, or off.`,
      );
    await this.#refuseIfKeysDestroyed();
    const { wipeAfterFailedUnlocks: was, ...rest } = splitDoc(this.#doc);
    if ((was ?? null) === attempts) return;
    const body: VaultFileBody = attempts === null ? rest : { ...rest, wipeAfterFailedUnlocks: attempts };
    const macKey = deriveMasterSubkey(master, this.id, 'vaultFileMac');
    const doc = sealVaultFile({ ...body, updatedAt: isoNow() }, macKey);
    wipe(macKey);
    await writeVaultFile(this.dir, doc);
    this.#doc = doc;
    this.audit('vault.unlock-policy-changed', { wipeAfterFailedUnlocks: attempts, was: was ?? null });
  }

  status(): VaultStatus {
    const db = this.db;
    const blobs = get<{ n: number; bytes: number | null }>(
      db,
      sql`SELECT count(*) AS n, sum(size) AS bytes FROM blobs`,
    );
    return {
      vaultId: this.id,
      path: this.dir,
      formatVersion: this.#doc.formatVersion,
      schemaVersion: schemaVersion(db),
      appSchemaVersion: loadMigrations().length,
      createdAt: this.#doc.createdAt,
      slots: this.#doc.slots.map((s) => ({
        id: s.id,
        kind: s.kind,
        createdAt: s.createdAt,
        kdf:
          s.kind === 'passphrase'
            ? { name: s.kdf.name, opsLimit: s.kdf.opsLimit, memLimitBytes: s.kdf.memLimitBytes }
            : { name: s.kdf.name },
      })),
      counts: { blobs: Number(blobs?.n ?? 0), blobBytes: Number(blobs?.bytes ?? 0), auditEntries: countAudit(db) },
    };
  }
}

/** What the data steps of a migration run need from the vault (db/migration-steps.ts). */
function migrationVault(
  vaultId: string,
  master: SecretBuffer,
  reason: MigrationVault['reason'],
  at: string,
  audit: AuditInput[],
): MigrationVault {
  return { vaultId, master, reason, at, audit: (entry) => audit.push(entry) };
}

/**
 * The unlocked vault's identity key pair; null only for a database older than schema 3 (tests
 * that build old vaults). A vault that reached schema 3 under an earlier build, which created
 * the identity in a transaction of its own after the migration, may lack it if that build was
 * stopped in between: 0003's step makes it now, as that build would have.
 */
function openIdentity(db: WritableDB, migrating: MigrationVault): VaultIdentityKeys | null {
  if (!hasIdentityTable(db)) return null;
  if (pluck<number>(db, sql`SELECT count(*) FROM vault_identity`) === 0) {
    db.transaction(() =>
      createVaultIdentityStep({
        db,
        vault: { ...migrating, audit: (entry) => appendAudit(db, migrating.vaultId, entry) },
      }),
    )();
  }
  return loadIdentity(db, migrating.master, migrating.vaultId);
}

function lockedError(): VaultError {
  return new VaultError('VAULT_LOCKED', 'The vault is locked. Unlock it with its passphrase or recovery key.');
}

async function assertCreatable(target: string): Promise<void> {
  let entries: string[];
  try {
    entries = await fsp.readdir(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR')
      throw new VaultError(
        'VAULT_DIR_NOT_EMPTY',
        'A file (not a folder) already exists where the vault should go; nothing was changed.',
      );
    throw new VaultError('IO_ERROR', `The vault folder cannot be read (${code ?? 'I/O error'}).`);
  }
  if (entries.includes(VAULT_FILE_NAME))
    throw new VaultError('VAULT_EXISTS', 'A vault already exists in this folder; nothing was changed.');
  if (entries.length > 0)
    throw new VaultError(
      'VAULT_DIR_NOT_EMPTY',
      'This folder already holds other files; choose an empty or new folder for the vault. Nothing was changed.',
    );
}

/**
 * Put the finished vault folder `staging` at `target` (absent, or an empty folder, e.g. one a
 * file dialog made). rename(2) replaces an empty folder but fails on one with files in it, and
 * does so atomically: of two `init`s racing for the same folder one wins and the other gets
 * VAULT_EXISTS, never a mix of the two vaults.
 */
async function publishVaultFolder(staging: string, target: string): Promise<void> {
  const taken = async (): Promise<VaultError> => {
    const entries = await fsp.readdir(target).catch(() => [] as string[]);
    return entries.includes(VAULT_FILE_NAME)
      ? new VaultError('VAULT_EXISTS', 'A vault already exists in this folder; nothing was changed.')
      : new VaultError(
          'VAULT_DIR_NOT_EMPTY',
          'This folder already holds other files; choose an empty or new folder for the vault. Nothing was changed.',
        );
  };
  try {
    await fsp.rename(staging, target);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') throw await taken();
    // Windows renames no folder onto another, even an empty one: remove it first (rmdir
    // refuses a folder that another process has filled meanwhile).
    if (code !== 'EPERM' && code !== 'EACCES' && code !== 'EISDIR') throw e;
  }
  try {
    await fsp.rmdir(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') throw await taken();
    if (code !== 'ENOENT') throw e;
  }
  try {
    await fsp.rename(staging, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM') throw await taken();
    throw e;
  }
}

/** The blobs folder, made if missing; VAULT_CORRUPT when something else stands in its place. */
function ensureBlobsFolder(blobs: string): void {
  try {
    fs.mkdirSync(blobs, { recursive: true, mode: 0o700 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR')
      throw new VaultError(
        'VAULT_CORRUPT',
        "The vault's evidence folder (blobs) has been replaced by a file. Nothing was changed; restore the vault folder from a backup.",
      );
    throw e;
  }
}
