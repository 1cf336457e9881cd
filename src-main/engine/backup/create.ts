/**
 * `backup create`: one snapshot of the unlocked vault onto a drive folder (docs/backup.md).
 *
 * Order, which is what makes an interrupted run harmless:
 *   1. stale temp files of an earlier, interrupted run are removed;
 *   2. the database is copied with VACUUM INTO (a consistent, still encrypted copy: SQLCipher
 *      writes it under the vault's own key; the copy is checked not to be a plain SQLite file)
 *      into tmp/ on the drive, and the list of evidence files is read in the same moment;
 *   3. vault.json, the database copy and every evidence file the drive does not hold yet become
 *      objects (fsynced, renamed into place), then their folders are fsynced;
 *   4. the manifest, signed with the vault's identity key and MAC'd with a key derived from the
 *      master key, is written last by the new-file rule (util/new-file.ts).
 * A snapshot exists only once its manifest does; until then the drive holds at most objects no
 * manifest names (removed by `backup prune`) and temp files (removed by the next run). The
 * vault is only read — until the very end, when the time of the last backup is recorded in
 * vault_meta with an audit entry.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { VaultError, isVaultError } from '../../../shared/errors.js';
import { wipe } from '../crypto/secure-memory.js';
import { appendAudit } from '../audit/audit-log.js';
import { all, run, sql } from '../db/sql.js';
import { schemaVersion } from '../db/migrations.js';
import { expectedFileSize } from '../evidence-store/blob-format.js';
import { isoNow, uuidv7 } from '../util/ids.js';
import { stageNewFile } from '../util/new-file.js';
import { VAULT_FILE_NAME, parseVaultFile } from '../vault/vault-file.js';
import type { Vault } from '../vault/vault.js';
import {
  type Manifest,
  type ManifestBody,
  type PartedFile,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  OBJECTS_DIR,
  PART_BYTES,
  SNAPSHOTS_DIR,
  TMP_DIR,
  driveIoError,
  macMatches,
  manifestBodyBytes,
  manifestMac,
  manifestPath,
  readManifest,
  requireFolder,
  signatureMatches,
  snapshotIds,
  vaultBackupDir,
} from './format.js';
import { IO_BYTES, ObjectWriter, cleanTmp, objectSize, tmpName } from './objects.js';
import { META_LAST_AT, META_LAST_SNAPSHOT } from './status.js';

export interface BackupProgress {
  phase: 'database' | 'copying' | 'manifest';
  done: number;
  total: number;
}

export interface CreateBackupOptions {
  onProgress?: (p: BackupProgress) => void;
  /** largest object (tests use a small one to exercise splitting); PART_BYTES by default */
  partBytes?: number;
  now?: () => Date;
}

export interface BackupCreated {
  snapshotId: string;
  vaultId: string;
  createdAt: string;
  /** bytes written to the drive by this run (new objects and the manifest) */
  bytesWritten: number;
  /** files written to the drive by this run (new objects and the manifest) */
  filesWritten: number;
  /** evidence files the drive already held from an earlier snapshot */
  blobsReused: number;
  /** evidence files in the snapshot */
  blobs: number;
  /** bytes the snapshot stands for (database, vault.json, evidence) */
  bytesTotal: number;
}

const PLAIN_SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

/**
 * The evidence files of earlier snapshots on this drive, by blob id — only from manifests this
 * vault wrote (its identity key, its MAC), so that a planted manifest cannot make us skip a
 * file. An object is reused when it is there with its recorded size; `backup verify` is what
 * hashes every byte.
 */
async function knownBlobs(vault: Vault, vdir: string): Promise<Map<string, PartedFile>> {
  const known = new Map<string, PartedFile>();
  const macKey = vault.subkey('backupManifestMac');
  try {
    const ownKey = vault.identity.publicKey.toString('base64');
    for (const id of (await snapshotIds(vdir)).reverse()) {
      let m: Manifest;
      try {
        m = await readManifest(vdir, id, vault.id);
      } catch (e) {
        if (isVaultError(e)) continue;
        throw e;
      }
      if (m.identityKey !== ownKey || !signatureMatches(m) || !macMatches(m, macKey)) continue;
      for (const b of m.blobs) if (!known.has(b.blobId)) known.set(b.blobId, { size: b.size, parts: b.parts });
    }
  } finally {
    wipe(macKey);
  }
  return known;
}

function onDrive(vdir: string, f: PartedFile): boolean {
  return f.parts.every((p) => objectSize(vdir, p.sha256) === p.size);
}

async function* fileChunks(file: string): AsyncGenerator<Buffer> {
  for await (const chunk of fs.createReadStream(file, { highWaterMark: IO_BYTES })) yield chunk as Buffer;
}

export async function createBackup(vault: Vault, root: string, opts: CreateBackupOptions = {}): Promise<BackupCreated> {
  const drive = requireFolder(root);
  const vdir = vaultBackupDir(drive, vault.id);
  const partBytes = opts.partBytes ?? PART_BYTES;
  try {
    for (const d of [SNAPSHOTS_DIR, OBJECTS_DIR, TMP_DIR]) await fsp.mkdir(path.join(vdir, d), { recursive: true });
  } catch (e) {
    throw driveIoError('The backup folder could not be made on the drive', e);
  }
  await cleanTmp(vdir);
  const known = await knownBlobs(vault, vdir);
  const writer = new ObjectWriter(vdir, partBytes);
  const now = opts.now?.() ?? new Date();
  const snapshotId = uuidv7(now.getTime());
  const createdAt = isoNow(now);
  const db = vault.db;

  // 2. the database and the list of its evidence files, in one synchronous stretch: nothing
  // can write in between (the engine runs one call's synchronous code at a time)
  opts.onProgress?.({ phase: 'database', done: 0, total: 1 });
  const dbTmp = tmpName(vdir, 'db');
  let rows: Array<{ id: string; size: number }>;
  let schema: number;
  try {
    db.prepare('VACUUM INTO ?').run([dbTmp]);
    rows = all<{ id: string; size: number }>(db, sql`SELECT id, size FROM blobs ORDER BY id`);
    schema = schemaVersion(db);
  } catch (e) {
    await fsp.rm(dbTmp, { force: true });
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_FULL') throw driveIoError('', Object.assign(new Error('full'), { code: 'ENOSPC' }));
    throw driveIoError('The database could not be copied to the drive', e);
  }
  const head = Buffer.alloc(16);
  const fd = fs.openSync(dbTmp, 'r');
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.equals(PLAIN_SQLITE_HEADER)) {
    // never leave a readable copy behind: this would be a bug of the SQLCipher build
    await fsp.rm(dbTmp, { force: true });
    throw new Error('the database copy is not encrypted');
  }
  const dbSize = fs.statSync(dbTmp).size;
  const vaultFileBytes = await fsp.readFile(path.join(vault.dir, VAULT_FILE_NAME));
  parseVaultFile(vaultFileBytes);

  // 3. the objects
  const toCopy = rows.filter((r) => {
    const k = known.get(r.id);
    return !(k && k.size === expectedFileSize(Number(r.size)) && onDrive(vdir, k));
  });
  const total = dbSize + vaultFileBytes.length + toCopy.reduce((n, r) => n + expectedFileSize(Number(r.size)), 0);
  let done = 0;
  let lastReport = 0;
  const progress = (n: number) => {
    done += n;
    if (done - lastReport >= total / 100 || done === total) {
      lastReport = done;
      opts.onProgress?.({ phase: 'copying', done, total });
    }
  };
  const database: PartedFile = {
    size: dbSize,
    parts:
      dbSize <= partBytes
        ? [await writer.adoptFile(dbTmp, progress)]
        : await (async () => {
            try {
              return await writer.write(fileChunks(dbTmp), progress);
            } finally {
              await fsp.rm(dbTmp, { force: true });
            }
          })(),
  };
  const vaultFile = (await writer.write([vaultFileBytes], progress))[0]!;
  const blobs: ManifestBody['blobs'] = [];
  let reused = 0;
  const copyNow = new Set(toCopy.map((r) => r.id));
  for (const r of rows) {
    const size = expectedFileSize(Number(r.size));
    if (!copyNow.has(r.id)) {
      blobs.push({ blobId: r.id, ...known.get(r.id)! });
      reused++;
      continue;
    }
    const file = vault.blobs.pathFor(r.id);
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      throw new VaultError(
        'BLOB_MISSING',
        'An evidence file disappeared from the vault while the backup ran (erased meanwhile?). Run the backup again; run doctor if it happens again.',
      );
    }
    if (st.size !== size)
      throw new VaultError(
        'BLOB_TAMPERED',
        'An evidence file in the vault does not have the length its record implies; run doctor before backing up.',
      );
    blobs.push({ blobId: r.id, size, parts: await writer.write(fileChunks(file), progress) });
  }
  await writer.flush();

  // 4. the manifest, last
  opts.onProgress?.({ phase: 'manifest', done: 0, total: 1 });
  const body: ManifestBody = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    vaultId: vault.id,
    snapshotId,
    createdAt,
    schemaVersion: schema,
    identityKey: vault.identity.publicKey.toString('base64'),
    vaultFile,
    database,
    blobs,
  };
  const macKey = vault.subkey('backupManifestMac');
  let manifest: Manifest;
  try {
    manifest = {
      ...body,
      mac: manifestMac(macKey, body).toString('base64'),
      signature: vault.identity.sign('backupManifest', manifestBodyBytes(body)).toString('base64'),
    };
  } finally {
    wipe(macKey);
  }
  const text = JSON.stringify(manifest) + '\n';
  let staged;
  try {
    staged = stageNewFile(manifestPath(vdir, snapshotId), text, 0o600);
  } catch (e) {
    throw isVaultError(e) && e.code === 'IO_ERROR' ? driveIoError('The manifest could not be written', e.cause) : e;
  }
  try {
    staged.publish();
  } finally {
    staged.discard();
  }
  const written = {
    bytesWritten: writer.bytesWritten + Buffer.byteLength(text),
    filesWritten: writer.filesWritten + 1,
  };
  const bytesTotal = dbSize + vaultFileBytes.length + blobs.reduce((n, b) => n + b.size, 0);
  db.transaction(() => {
    run(
      db,
      sql`INSERT INTO vault_meta (key, value) VALUES (${META_LAST_AT}, ${createdAt}), (${META_LAST_SNAPSHOT}, ${snapshotId})
          ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
    appendAudit(db, vault.id, {
      action: 'backup.created',
      subject: { kind: 'backup-snapshot', id: snapshotId },
      details: { blobs: blobs.length, blobsReused: reused, ...written, bytesTotal },
    });
  })();
  opts.onProgress?.({ phase: 'manifest', done: 1, total: 1 });
  return { snapshotId, vaultId: vault.id, createdAt, ...written, blobsReused: reused, blobs: blobs.length, bytesTotal };
}
