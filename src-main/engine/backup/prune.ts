/**
 * `backup prune --keep N`: remove the oldest snapshots of the unlocked vault from a drive, and
 * every object no remaining snapshot names (docs/backup.md, "Prune").
 *
 * Crash-safe by its order: the manifests go first (a snapshot is gone once its manifest is;
 * the folder is fsynced), then the objects no remaining manifest names. A run cut short leaves
 * only objects nobody names, which the next prune removes. An object is removed only when
 * every remaining manifest could be read: a manifest that cannot be parsed might name it, so
 * nothing is collected then (the manifests themselves are still pruned).
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { VaultError, isVaultError } from '../../../shared/errors.js';
import { appendAudit } from '../audit/audit-log.js';
import { fsyncDir } from '../util/durable-fs.js';
import type { Vault } from '../vault/vault.js';
import {
  type Manifest,
  OBJECTS_DIR,
  SNAPSHOTS_DIR,
  driveIoError,
  manifestPath,
  objectsOf,
  readManifest,
  requireFolder,
  signatureMatches,
  snapshotIds,
  vaultBackupDir,
} from './format.js';
import { cleanTmp } from './objects.js';
import { earlierKeys, keyOf } from './verify.js';

export interface BackupPruned {
  /** snapshot ids removed, oldest first */
  removed: string[];
  kept: number;
  objectsRemoved: number;
  bytesFreed: number;
  /** false when a remaining manifest could not be read, so no object was removed */
  collected: boolean;
}

const SHA_NAME = /^[0-9a-f]{64}$/;

export async function pruneBackups(vault: Vault, root: string, keep: number): Promise<BackupPruned> {
  if (!Number.isInteger(keep) || keep < 1 || keep > 100000)
    throw new VaultError('INVALID_INPUT', 'Keep at least one snapshot: --keep takes a whole number from 1.');
  const drive = requireFolder(root);
  const vdir = vaultBackupDir(drive, vault.id);
  const ids = await snapshotIds(vdir);
  // Only this vault's own, readable snapshots count toward N and can be pruned: an unreadable
  // manifest, or one signed by a key this vault never had, is never deleted on a guess (and a
  // planted "newest" snapshot cannot push a real one out).
  const readable: Manifest[] = [];
  let unreadable = 0;
  const ownKey = vault.identity.publicKey.toString('base64');
  const earlier = earlierKeys(vault.db);
  for (const id of ids) {
    try {
      const m = await readManifest(vdir, id, vault.id);
      if (!signatureMatches(m)) throw new VaultError('BACKUP_SIGNATURE_INVALID', 'bad signature');
      keyOf(m, ownKey, earlier);
      readable.push(m);
    } catch (e) {
      if (!isVaultError(e) || e.code === 'IO_ERROR') throw e;
      unreadable++;
    }
  }
  readable.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  const doomed = readable.slice(0, Math.max(0, readable.length - keep));
  const remaining = readable.slice(doomed.length);
  try {
    for (const m of doomed) await fsp.rm(manifestPath(vdir, m.snapshotId), { force: true });
    if (doomed.length > 0) await fsyncDir(path.join(vdir, SNAPSHOTS_DIR));
  } catch (e) {
    throw driveIoError('A snapshot could not be removed from the drive', e);
  }

  let objectsRemoved = 0;
  let bytesFreed = 0;
  const collected = unreadable === 0;
  if (collected) {
    const named = new Set<string>();
    for (const m of remaining) for (const o of objectsOf(m)) named.add(o.sha256);
    const objects = path.join(vdir, OBJECTS_DIR);
    let shards: string[] = [];
    try {
      shards = await fsp.readdir(objects);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw driveIoError('The backup folder could not be read', e);
    }
    try {
      for (const shard of shards) {
        if (!/^[0-9a-f]{2}$/.test(shard)) continue;
        const dir = path.join(objects, shard);
        let removedHere = 0;
        const names = await fsp.readdir(dir);
        for (const name of names) {
          if (!SHA_NAME.test(name) || named.has(name) || name.slice(0, 2) !== shard) continue;
          const file = path.join(dir, name);
          const st = await fsp.lstat(file);
          if (!st.isFile()) continue;
          await fsp.rm(file, { force: true });
          bytesFreed += st.size;
          objectsRemoved++;
          removedHere++;
        }
        if (removedHere === names.length) await fsp.rmdir(dir).catch(() => {});
        else if (removedHere > 0) await fsyncDir(dir);
      }
    } catch (e) {
      throw driveIoError('A file could not be removed from the drive', e);
    }
    await cleanTmp(vdir);
  }
  vault.db.transaction(() =>
    appendAudit(vault.db, vault.id, {
      action: 'backup.pruned',
      details: { removed: doomed.length, kept: remaining.length, objectsRemoved, bytesFreed },
    }),
  )();
  return { removed: doomed.map((m) => m.snapshotId), kept: remaining.length, objectsRemoved, bytesFreed, collected };
}
