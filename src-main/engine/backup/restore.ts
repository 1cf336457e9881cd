/**
 * `backup restore`: a snapshot from a drive into a NEW vault folder, checked before and after
 * (docs/backup.md, "Restore").
 *
 *   1. the target must not exist, or be an empty folder (BACKUP_RESTORE_TARGET_EXISTS): a
 *      restore never replaces a vault;
 *   2. the manifest is read strictly and its signature checked; the snapshot's own vault.json
 *      (hash-checked) is unwrapped with the credential of the snapshot's time, its MAC checked,
 *      and the manifest's MAC checked with that master key. Nothing else is read before;
 *   3. the database and every evidence file are copied into a hidden staging folder beside the
 *      target, every byte hashed against the manifest on the way, each file fsynced;
 *   4. with `rekey`, the staged vault gets a new master key, passphrase, recovery key and
 *      identity key (below) before it ever appears under its name;
 *   5. the staging folder is renamed to the target, the vault is opened and `doctor --deep`
 *      runs on it (BACKUP_RESTORE_CHECK_FAILED when it finds a problem).
 *
 * Re-keying (the day after a seizure): the database is re-encrypted in place under the new
 * master key's database key (PRAGMA rekey, which rewrites every page); the evidence files keep
 * their per-file keys, which now live only in the re-encrypted database; the identity key pair
 * is replaced (audited `identity.created`, reason `rekey`) and the signed audit checkpoints are
 * signed again with it after the old signatures were checked; vault.json gets new passphrase
 * and recovery slots for the new master key. The vault id stays (the audit chain and the
 * database key's salt are bound to it).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { VaultError, isVaultError } from '../../../shared/errors.js';
import type { Argon2Params } from '../crypto/argon2.js';
import { type SecretBuffer, secureRandom, wipe } from '../crypto/secure-memory.js';
import { deriveMasterSubkey } from '../crypto/subkeys.js';
import { appendAudit } from '../audit/audit-log.js';
import { closeDatabase, openKeyedDatabase } from '../db/database.js';
import { all, get, run, sql } from '../db/sql.js';
import { runDoctor, type DoctorReport } from '../doctor/doctor.js';
import { checkpointBytes, verifyCheckpoints, writeCheckpoint } from '../identity/audit-checkpoints.js';
import { createIdentity, keyFingerprint, loadIdentity } from '../identity/vault-identity.js';
import { createPqKey, hasPqKeyTable, pqKeyFingerprint } from '../identity/pq-key.js';
import { fsyncDir } from '../util/durable-fs.js';
import { isoNow } from '../util/ids.js';
import { type VaultFileBody, parseVaultFile, sealVaultFile, splitDoc, writeVaultFile } from '../vault/vault-file.js';
import {
  BLOBS_DIR_NAME,
  type Credential,
  DB_FILE_NAME,
  Vault,
  checkPassphraseStrength,
  defaultKdf,
  makePassphraseSlot,
  makeRecoverySlot,
} from '../vault/vault.js';
import { VAULT_FILE_NAME } from '../vault/vault-file.js';
import {
  type Manifest,
  type PartedFile,
  manifestBytesTotal,
  readManifest,
  requireFolder,
  signatureMatches,
  snapshotIds,
  vaultBackupDir,
  vaultIdsIn,
} from './format.js';
import { readObject, syncAll } from './objects.js';

const RESTORE_CONCURRENCY = 4;
import { checkMacWithMaster, snapshotMasterKey } from './verify.js';

export interface RestoreOptions {
  /** the passphrase or recovery key of the snapshot's time */
  credential: Credential;
  /** the snapshot to restore; the newest one by default (required when the drive holds several vaults) */
  snapshotId?: string;
  /** a new master key, passphrase, recovery key and identity key (docs/backup.md, "Re-keying") */
  rekey?: { passphrase: string; kdf?: 'calibrate' | Argon2Params };
  onProgress?: (p: { phase: 'restoring' | 'checking'; done: number; total: number }) => void;
}

export interface BackupRestored {
  snapshotId: string;
  vaultId: string;
  createdAt: string;
  /** the folder of the restored vault */
  path: string;
  blobs: number;
  bytes: number;
  rekeyed: boolean;
  /** with rekey: the new recovery key, shown once */
  recoveryKey: string | null;
  /** with rekey: the new identity key's fingerprint (partners will see a key change) */
  identityFingerprint: string;
  doctor: DoctorReport;
}

async function chooseSnapshot(drive: string, snapshotId?: string): Promise<{ vaultId: string; snapshotId: string }> {
  const vaultIds = await vaultIdsIn(drive);
  if (snapshotId) {
    for (const vaultId of vaultIds)
      if ((await snapshotIds(vaultBackupDir(drive, vaultId))).includes(snapshotId)) return { vaultId, snapshotId };
    throw new VaultError('BACKUP_NOT_FOUND', `There is no snapshot ${snapshotId} in this backup folder.`);
  }
  const withSnapshots: Array<{ vaultId: string; newest: string }> = [];
  for (const vaultId of vaultIds) {
    const ids = await snapshotIds(vaultBackupDir(drive, vaultId));
    if (ids.length > 0) withSnapshots.push({ vaultId, newest: ids[ids.length - 1]! });
  }
  if (withSnapshots.length === 0)
    throw new VaultError('BACKUP_NOT_FOUND', 'There is no Case Vault backup in this folder.');
  if (withSnapshots.length > 1)
    throw new VaultError(
      'INVALID_INPUT',
      'This drive holds backups of several vaults; choose the snapshot to restore (backup list shows them).',
    );
  return { vaultId: withSnapshots[0]!.vaultId, snapshotId: withSnapshots[0]!.newest };
}

function checkTarget(target: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    throw new VaultError(
      'BACKUP_RESTORE_TARGET_EXISTS',
      'Something other than an empty folder is already at the place chosen for the restored vault; choose a new folder. Nothing was changed.',
    );
  }
  if (entries.length > 0)
    throw new VaultError(
      'BACKUP_RESTORE_TARGET_EXISTS',
      entries.includes(VAULT_FILE_NAME)
        ? 'A vault already exists in the folder chosen for the restore; a restore never replaces a vault. Choose a new folder. Nothing was changed.'
        : 'The folder chosen for the restored vault is not empty; choose a new or empty folder. Nothing was changed.',
    );
}

/**
 * Write the parts of a file into `dest` (new, owner-only), every byte checked. Not fsynced
 * here: syncAll does it for every file at the end, many at once (one fsync after each small
 * file made a restore of many evidence files ten times slower than a plain copy).
 */
async function assemble(
  vdir: string,
  m: Manifest,
  file: PartedFile,
  dest: string,
  onBytes: (n: number) => void,
): Promise<void> {
  const fh = await fsp.open(dest, 'wx', 0o600);
  try {
    let position = 0;
    for (const part of file.parts) {
      for await (const piece of readObject(vdir, part, m.snapshotId)) {
        let off = 0;
        while (off < piece.length) {
          const { bytesWritten } = await fh.write(piece, off, piece.length - off, position);
          off += bytesWritten;
          position += bytesWritten;
        }
        onBytes(piece.length);
      }
    }
  } finally {
    await fh.close();
  }
}

export async function restoreBackup(root: string, targetDir: string, opts: RestoreOptions): Promise<BackupRestored> {
  const drive = requireFolder(root);
  const target = path.resolve(targetDir);
  checkTarget(target);
  if (opts.rekey) checkPassphraseStrength(opts.rekey.passphrase);
  const chosen = await chooseSnapshot(drive, opts.snapshotId);
  const vdir = vaultBackupDir(drive, chosen.vaultId);
  const m = await readManifest(vdir, chosen.snapshotId, chosen.vaultId);
  if (!signatureMatches(m))
    throw new VaultError(
      'BACKUP_SIGNATURE_INVALID',
      `The manifest of snapshot ${m.snapshotId} does not carry a valid signature: it was altered after it was written. Nothing was restored.`,
    );
  const { master, vaultFileBytes } = await snapshotMasterKey(vdir, m, opts.credential);
  let newMaster: SecretBuffer | null = null;
  const parent = path.dirname(target);
  let staging: string | null = null;
  let recoveryKey: string | null = null;
  let fingerprint = keyFingerprint(Buffer.from(m.identityKey, 'base64'));
  try {
    checkMacWithMaster(m, master);
    // from here on the manifest is the vault's own: its hashes are the truth for every byte
    await fsp.mkdir(parent, { recursive: true, mode: 0o700 });
    await removeStaleStaging(parent, path.basename(target));
    staging = path.join(parent, `.${path.basename(target)}.restoring-${randomBytes(6).toString('hex')}`);
    await fsp.mkdir(staging, { mode: 0o700 });
    await fsp.mkdir(path.join(staging, BLOBS_DIR_NAME), { mode: 0o700 });
    const total = manifestBytesTotal(m);
    let done = 0;
    let last = 0;
    const onBytes = (n: number) => {
      done += n;
      if (done - last >= total / 100) {
        last = done;
        opts.onProgress?.({ phase: 'restoring', done, total });
      }
    };
    await fsp.writeFile(path.join(staging, VAULT_FILE_NAME), vaultFileBytes, { mode: 0o600, flag: 'wx' });
    onBytes(vaultFileBytes.length);
    const written = [path.join(staging, VAULT_FILE_NAME), path.join(staging, DB_FILE_NAME)];
    await assemble(vdir, m, m.database, written[1]!, onBytes);
    const shards = new Set(m.blobs.map((b) => path.join(staging!, BLOBS_DIR_NAME, b.blobId.slice(0, 2))));
    for (const shard of shards) await fsp.mkdir(shard, { mode: 0o700 });
    // a few files at a time: with many small evidence files, the time is in each file's
    // round trips (open, read, write, close), which overlap
    let next = 0;
    const worker = async () => {
      while (next < m.blobs.length) {
        const b = m.blobs[next++]!;
        const dest = path.join(staging!, BLOBS_DIR_NAME, b.blobId.slice(0, 2), b.blobId);
        await assemble(vdir, m, b, dest, onBytes);
        written.push(dest);
      }
    };
    await Promise.all(Array.from({ length: Math.min(RESTORE_CONCURRENCY, m.blobs.length) }, worker));
    await syncAll(written);
    await syncAll([...shards], true);
    await fsyncDir(path.join(staging, BLOBS_DIR_NAME));

    if (opts.rekey) {
      newMaster = secureRandom(32);
      const keyed = await rekeyStaged(staging, m, master, newMaster, opts.rekey);
      recoveryKey = keyed.recoveryKey;
      fingerprint = keyed.fingerprint;
    }
    await fsyncDir(staging);
    checkTarget(target);
    if (fs.existsSync(target)) await fsp.rmdir(target);
    await fsp.rename(staging, target);
    staging = null;
    await fsyncDir(parent);
  } catch (e) {
    if (staging) await fsp.rm(staging, { recursive: true, force: true }).catch(() => {});
    if (!isVaultError(e) && (e as NodeJS.ErrnoException).code === 'ENOSPC')
      throw new VaultError(
        'IO_ERROR',
        'The disk is full: the vault could not be restored there. Nothing was left behind.',
      );
    throw e;
  } finally {
    wipe(master);
    wipe(newMaster);
  }

  // 5. open it as the user will, and check it whole
  opts.onProgress?.({ phase: 'checking', done: 0, total: 1 });
  const vault = await Vault.open(target, opts.rekey ? { passphrase: opts.rekey.passphrase } : opts.credential);
  let doctor: DoctorReport;
  try {
    doctor = await runDoctor(vault, { deep: true });
    if (doctor.ok)
      vault.audit(
        'backup.restored',
        { rekeyed: !!opts.rekey, blobs: m.blobs.length },
        { kind: 'backup-snapshot', id: m.snapshotId },
      );
  } finally {
    vault.lock();
  }
  opts.onProgress?.({ phase: 'checking', done: 1, total: 1 });
  if (!doctor.ok) {
    const failed = doctor.findings.filter((f) => f.level === 'fail').map((f) => f.check);
    throw new VaultError(
      'BACKUP_RESTORE_CHECK_FAILED',
      `The restored vault (left in place for inspection) fails the deep check: ${failed.join(', ')}. Try an earlier snapshot.`,
    );
  }
  return {
    snapshotId: m.snapshotId,
    vaultId: m.vaultId,
    createdAt: m.createdAt,
    path: target,
    blobs: m.blobs.length,
    bytes: manifestBytesTotal(m),
    rekeyed: !!opts.rekey,
    recoveryKey,
    identityFingerprint: fingerprint,
    doctor,
  };
}

/**
 * A restore into the same folder that was killed (power cut, kill -9) left its hidden staging
 * folder: never a vault anyone uses (it gets its name only when complete), so it goes.
 */
async function removeStaleStaging(parent: string, name: string): Promise<void> {
  const prefix = `.${name}.restoring-`;
  const stale = (n: string) => n.startsWith(prefix) && /^[0-9a-f]{12}$/.test(n.slice(prefix.length));
  for (const entry of await fsp.readdir(parent, { withFileTypes: true })) {
    if (entry.isDirectory() && stale(entry.name))
      await fsp.rm(path.join(parent, entry.name), { recursive: true, force: true });
  }
}

/** The re-key of a staged vault (see the header). */
async function rekeyStaged(
  staging: string,
  m: Manifest,
  oldMaster: SecretBuffer,
  newMaster: SecretBuffer,
  rekey: NonNullable<RestoreOptions['rekey']>,
): Promise<{ recoveryKey: string; fingerprint: string }> {
  const vaultId = m.vaultId;
  const dbFile = path.join(staging, DB_FILE_NAME);
  const oldKey = deriveMasterSubkey(oldMaster, vaultId, 'database');
  const newKey = deriveMasterSubkey(newMaster, vaultId, 'database');
  let db;
  try {
    db = openKeyedDatabase(dbFile, oldKey);
  } finally {
    wipe(oldKey);
  }
  try {
    // rekey rewrites every page; it needs the rollback journal, not WAL
    db.pragma('journal_mode = DELETE');
    // The hex form of the key exists briefly as a JS string, as with PRAGMA key (database.ts).
    db.pragma(`rekey = "x'${Buffer.from(newKey).toString('hex')}'"`);
  } finally {
    db.close();
  }
  db = openKeyedDatabase(dbFile, newKey);
  wipe(newKey);
  let fingerprint: string;
  try {
    const at = isoNow();
    const old = loadIdentity(db, oldMaster, vaultId);
    const oldFingerprint = keyFingerprint(old.publicKey);
    const report = verifyCheckpoints(db, vaultId, old.publicKey);
    old.wipe();
    if (report.problems.length > 0)
      throw new VaultError(
        'BACKUP_RESTORE_CHECK_FAILED',
        `The audit log of snapshot ${m.snapshotId} has signed checkpoints that do not hold (${report.problems[0]!.message}); it was not re-keyed. Restore it without re-keying and run doctor.`,
      );
    const keys = db.transaction(() => {
      run(db, sql`DELETE FROM vault_identity`);
      const fresh = createIdentity(db, newMaster, vaultId, at);
      // The checkpoints are append-only (a trigger refuses UPDATE). Re-signing attests the very
      // hashes the old key signed (checked above) with the new key: the trigger is lifted for
      // this one statement, in this transaction, and put back with its own stored text.
      const trigger = get<{ sql: string }>(
        db,
        sql`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_checkpoints_no_update'`,
      );
      if (trigger) run(db, sql`DROP TRIGGER audit_checkpoints_no_update`);
      for (const c of all<{ seq: number; hash: Uint8Array }>(db, sql`SELECT seq, hash FROM audit_checkpoints`)) {
        const signature = fresh.sign('auditCheckpoint', checkpointBytes(vaultId, c.seq, c.hash));
        run(
          db,
          sql`UPDATE audit_checkpoints SET public_key = ${fresh.publicKey}, signature = ${signature} WHERE seq = ${c.seq}`,
        );
      }
      if (trigger) db.exec(trigger.sql);
      appendAudit(db, vaultId, {
        action: 'vault.rekeyed',
        at,
        subject: { kind: 'vault', id: vaultId },
        details: { snapshotId: m.snapshotId, checkpointsResigned: report.count, oldFingerprint },
      });
      appendAudit(db, vaultId, {
        action: 'identity.created',
        at,
        subject: { kind: 'vault-identity', id: vaultId },
        details: { reason: 'rekey', fingerprint: keyFingerprint(fresh.publicKey) },
      });
      // the post-quantum key was sealed under the old master key, and whoever forced the old
      // passphrase out may hold its seed: a new one, sealed under the new master key
      if (hasPqKeyTable(db)) {
        run(db, sql`DELETE FROM vault_pq_key`);
        const pq = createPqKey(db, newMaster, vaultId, at);
        try {
          appendAudit(db, vaultId, {
            action: 'identity.pq-key-created',
            at,
            subject: { kind: 'vault-identity', id: vaultId },
            details: { reason: 'rekey', fingerprint: pqKeyFingerprint(pq.publicKey) },
          });
        } finally {
          wipe(pq.seed);
        }
      }
      return fresh;
    })();
    fingerprint = keyFingerprint(keys.publicKey);
    writeCheckpoint(db, keys);
    keys.wipe();
  } finally {
    closeDatabase(db);
  }
  // a WAL file was made by the open; closeDatabase checkpointed it into the main file
  fs.rmSync(`${dbFile}-wal`, { force: true });
  fs.rmSync(`${dbFile}-shm`, { force: true });

  const oldDoc = parseVaultFile(fs.readFileSync(path.join(staging, VAULT_FILE_NAME)));
  const passphraseSlot = await makePassphraseSlot(vaultId, newMaster, rekey.passphrase, rekey.kdf ?? defaultKdf());
  const recovery = makeRecoverySlot(vaultId, newMaster);
  const now = isoNow();
  const body: VaultFileBody = { ...splitDoc(oldDoc), updatedAt: now, slots: [passphraseSlot, recovery.slot] };
  const macKey = deriveMasterSubkey(newMaster, vaultId, 'vaultFileMac');
  try {
    fs.rmSync(path.join(staging, VAULT_FILE_NAME));
    await writeVaultFile(staging, sealVaultFile(body, macKey));
  } finally {
    wipe(macKey);
  }
  return { recoveryKey: recovery.recoveryKey, fingerprint };
}
