/**
 * `backup list` and `backup verify`: what a drive holds, and whether a snapshot is whole and
 * authentic (docs/backup.md, "Verification").
 *
 * Which checks run when:
 * - always: the manifest parses strictly (no path can come out of it), names the vault of the
 *   folder it is in, its signature holds under the identity key it records, and every object
 *   it names is there with its size and SHA-256 (every byte is read);
 * - with the vault unlocked (the app, `backup create`, `backup list`): the recorded identity key
 *   must be this vault's, and the MAC is checked with the vault's master key. A snapshot made
 *   before a re-key (`backup restore --rekey`) is signed by a key the audit log names as the
 *   vault's earlier one: it is reported as such (its MAC needs the old key); any other key is
 *   BACKUP_MAC_INVALID;
 * - with the passphrase or recovery key of the snapshot's time (`backup verify` given a
 *   credential, and always in `backup restore`): the snapshot's own vault.json is unwrapped,
 *   its MAC checked, and the manifest's MAC with the master key it holds.
 * Without either, the signature proves only that the manifest is whole: whoever wrote a forged
 * snapshot could sign it with a key of their own. The MAC is what binds it to the vault's key.
 */
import { VaultError, isVaultError } from '../../../shared/errors.js';
import { type SecretBuffer, wipe } from '../crypto/secure-memory.js';
import { deriveMasterSubkey } from '../crypto/subkeys.js';
import { all, sql, type ReadableDB } from '../db/sql.js';
import { keyFingerprint } from '../identity/vault-identity.js';
import { parseVaultFile, verifyVaultFileMac } from '../vault/vault-file.js';
import { type Credential, type Vault, unwrapWithCredential } from '../vault/vault.js';
import {
  type Manifest,
  macMatches,
  manifestBytesTotal,
  objectsOf,
  readManifest,
  requireFolder,
  signatureMatches,
  snapshotIds,
  vaultBackupDir,
  vaultIdsIn,
} from './format.js';
import { checkObject, readSmallObject } from './objects.js';

export interface SnapshotInfo {
  snapshotId: string;
  vaultId: string;
  /** null when the manifest cannot be read */
  createdAt: string | null;
  /** evidence files in the snapshot */
  blobs: number;
  /** files on the drive the snapshot needs (shared with other snapshots) */
  files: number;
  /** bytes the snapshot stands for */
  bytes: number;
  /** the manifest parses and its signature holds (its objects are not read by list) */
  readable: boolean;
  /** the error code when it does not */
  problem: string | null;
  /** the vault's own key signed it (null when no vault is unlocked) */
  ownKey: boolean | null;
  /**
   * erasures recorded in the vault's audit log after the snapshot was taken (actions ending in
   * `.erased` or `.purged`): the snapshot may still hold what they erased. null without the vault.
   */
  erasuresAfter: number | null;
}

/** Erasure moments recorded in the audit log (docs/backup.md, "Backups and erasure"). */
function erasureTimes(db: ReadableDB): string[] {
  return all<{ at: string }>(
    db,
    sql`SELECT at FROM audit_log WHERE action LIKE '%.erased' OR action LIKE '%.purged' ORDER BY at`,
  ).map((r) => r.at);
}

/**
 * Fingerprints of the identity keys this vault had before a re-key (restore.ts audits
 * `vault.rekeyed` with `oldFingerprint`, inside the hash-chained log): a snapshot signed by one
 * of them is this vault's, made before the re-key; one signed by any other key is not.
 */
export function earlierKeys(db: ReadableDB): Set<string> {
  const out = new Set<string>();
  for (const r of all<{ details: string }>(db, sql`SELECT details FROM audit_log WHERE action = 'vault.rekeyed'`)) {
    try {
      const f = (JSON.parse(r.details) as { oldFingerprint?: unknown }).oldFingerprint;
      if (typeof f === 'string') out.add(f);
    } catch {
      /* an entry that does not parse names no key */
    }
  }
  return out;
}

function foreignKey(id: string): VaultError {
  return new VaultError(
    'BACKUP_MAC_INVALID',
    `Snapshot ${id} names this vault but is signed by a key this vault never had: it was not written by this vault.`,
  );
}

/** Whether the manifest's key is the vault's own, one it had before a re-key, or neither (thrown). */
export function keyOf(m: Manifest, own: string, earlier: Set<string>): 'own' | 'earlier' {
  if (m.identityKey === own) return 'own';
  if (earlier.has(keyFingerprint(Buffer.from(m.identityKey, 'base64')))) return 'earlier';
  throw foreignKey(m.snapshotId);
}

async function readChecked(vdir: string, id: string, vaultId: string): Promise<Manifest> {
  const m = await readManifest(vdir, id, vaultId);
  if (!signatureMatches(m))
    throw new VaultError(
      'BACKUP_SIGNATURE_INVALID',
      `The manifest of snapshot ${id} does not carry a valid signature: it was altered after it was written.`,
    );
  return m;
}

/** Every snapshot on the drive: of the unlocked vault only, or of every vault when none is given. */
export async function listBackups(root: string, opts: { vault?: Vault } = {}): Promise<SnapshotInfo[]> {
  const drive = requireFolder(root);
  const vault = opts.vault;
  const vaultIds = vault ? [vault.id] : await vaultIdsIn(drive);
  const erasures = vault ? erasureTimes(vault.db) : null;
  const ownKey = vault?.identity.publicKey.toString('base64');
  const earlier = vault ? earlierKeys(vault.db) : new Set<string>();
  const out: SnapshotInfo[] = [];
  for (const vaultId of vaultIds) {
    const vdir = vaultBackupDir(drive, vaultId);
    for (const id of await snapshotIds(vdir)) {
      try {
        const m = await readChecked(vdir, id, vaultId);
        if (ownKey !== undefined) keyOf(m, ownKey, earlier);
        out.push({
          snapshotId: id,
          vaultId,
          createdAt: m.createdAt,
          blobs: m.blobs.length,
          files: objectsOf(m).length,
          bytes: manifestBytesTotal(m),
          readable: true,
          problem: null,
          ownKey: ownKey === undefined ? null : m.identityKey === ownKey,
          erasuresAfter: erasures ? erasures.filter((at) => at > m.createdAt).length : null,
        });
      } catch (e) {
        if (!isVaultError(e)) throw e;
        if (e.code === 'IO_ERROR' || e.code === 'BACKUP_DRIVE_FULL') throw e;
        out.push({
          snapshotId: id,
          vaultId,
          createdAt: null,
          blobs: 0,
          files: 0,
          bytes: 0,
          readable: false,
          problem: e.code,
          ownKey: null,
          erasuresAfter: null,
        });
      }
    }
  }
  return out;
}

export type MacCheck = 'vault-key' | 'credential' | 'not-checked' | 'earlier-key';

export interface SnapshotVerification {
  snapshotId: string;
  vaultId: string;
  createdAt: string;
  files: number;
  bytes: number;
  /** how the MAC was checked, or why not (see the header of this file) */
  mac: MacCheck;
}

export interface VerifyOptions {
  snapshotId?: string;
  /** the unlocked vault: the snapshots must be its own, MAC checked with its master key */
  vault?: Vault;
  /** the passphrase or recovery key of the snapshots' time: MAC checked through their vault.json */
  credential?: Credential;
  onProgress?: (p: { phase: 'verifying'; done: number; total: number }) => void;
}

/** Where a snapshot is: in the unlocked vault's folder, or in any vault folder of the drive. */
async function locate(drive: string, opts: VerifyOptions): Promise<Array<{ vaultId: string; ids: string[] }>> {
  const vaultIds = opts.vault ? [opts.vault.id] : await vaultIdsIn(drive);
  const found: Array<{ vaultId: string; ids: string[] }> = [];
  for (const vaultId of vaultIds) {
    const ids = await snapshotIds(vaultBackupDir(drive, vaultId));
    const chosen = opts.snapshotId ? ids.filter((i) => i === opts.snapshotId) : ids;
    if (chosen.length > 0) found.push({ vaultId, ids: chosen });
  }
  if (found.length === 0 && opts.snapshotId && opts.vault) {
    for (const other of await vaultIdsIn(drive)) {
      if ((await snapshotIds(vaultBackupDir(drive, other))).includes(opts.snapshotId))
        throw new VaultError(
          'BACKUP_OTHER_VAULT',
          `Snapshot ${opts.snapshotId} on this drive belongs to another vault, not to the one that is open.`,
        );
    }
  }
  if (found.length === 0)
    throw new VaultError(
      'BACKUP_NOT_FOUND',
      opts.snapshotId
        ? `There is no snapshot ${opts.snapshotId} in this backup folder.`
        : 'There is no Case Vault backup in this folder.',
    );
  return found;
}

/**
 * The master key of the snapshot's time, from its own vault.json (hash-checked) and the
 * credential; the vault.json MAC is checked with it. The caller wipes the key.
 */
export async function snapshotMasterKey(
  vdir: string,
  m: Manifest,
  credential: Credential,
): Promise<{ master: SecretBuffer; vaultFileBytes: Buffer }> {
  const vaultFileBytes = await readSmallObject(vdir, m.vaultFile, m.snapshotId);
  let doc;
  try {
    doc = parseVaultFile(vaultFileBytes);
  } catch (e) {
    if (isVaultError(e) && e.code === 'VAULT_TOO_NEW') throw e;
    throw new VaultError(
      'BACKUP_MANIFEST_INVALID',
      `The key file (vault.json) of snapshot ${m.snapshotId} cannot be read, although its hash matches: the snapshot was made from a damaged vault.`,
    );
  }
  if (doc.vaultId !== m.vaultId)
    throw new VaultError(
      'BACKUP_OTHER_VAULT',
      `The key file of snapshot ${m.snapshotId} belongs to another vault than its manifest.`,
    );
  const master = await unwrapWithCredential(doc, credential);
  const fileMac = deriveMasterSubkey(master, doc.vaultId, 'vaultFileMac');
  const ok = verifyVaultFileMac(doc, fileMac);
  wipe(fileMac);
  if (!ok) {
    wipe(master);
    throw new VaultError(
      'BACKUP_MAC_INVALID',
      `The key file of snapshot ${m.snapshotId} does not authenticate under its own master key: it was altered.`,
    );
  }
  return { master, vaultFileBytes };
}

function macInvalid(id: string): VaultError {
  return new VaultError(
    'BACKUP_MAC_INVALID',
    `The manifest of snapshot ${id} does not authenticate under the vault's key: it was not written by this vault, or it was altered.`,
  );
}

/** Check the MAC of `m` with the master key `master` (of m's vault). */
export function checkMacWithMaster(m: Manifest, master: SecretBuffer): void {
  const key = deriveMasterSubkey(master, m.vaultId, 'backupManifestMac');
  const ok = macMatches(m, key);
  wipe(key);
  if (!ok) throw macInvalid(m.snapshotId);
}

/** Check one or every snapshot; the first problem is thrown as its BACKUP_* error. */
export async function verifyBackup(root: string, opts: VerifyOptions = {}): Promise<SnapshotVerification[]> {
  const drive = requireFolder(root);
  const located = await locate(drive, opts);
  const ownKey = opts.vault?.identity.publicKey.toString('base64');
  const earlier = opts.vault ? earlierKeys(opts.vault.db) : new Set<string>();
  const manifests: Array<{ vdir: string; m: Manifest; mac: MacCheck }> = [];
  for (const { vaultId, ids } of located) {
    const vdir = vaultBackupDir(drive, vaultId);
    for (const id of ids) {
      const m = await readChecked(vdir, id, vaultId);
      let mac: MacCheck = 'not-checked';
      if (opts.vault && ownKey !== undefined) {
        if (keyOf(m, ownKey, earlier) === 'own') {
          const key = opts.vault.subkey('backupManifestMac');
          const ok = macMatches(m, key);
          wipe(key);
          if (!ok) throw macInvalid(id);
          mac = 'vault-key';
        } else mac = 'earlier-key';
      }
      if (opts.credential && mac !== 'vault-key') {
        const { master } = await snapshotMasterKey(vdir, m, opts.credential);
        try {
          checkMacWithMaster(m, master);
        } finally {
          wipe(master);
        }
        mac = 'credential';
      }
      manifests.push({ vdir, m, mac });
    }
  }
  const total = manifests.reduce((n, { m }) => n + objectsOf(m).reduce((k, o) => k + o.size, 0), 0);
  let done = 0;
  let last = 0;
  const checked = new Set<string>();
  const out: SnapshotVerification[] = [];
  for (const { vdir, m, mac } of manifests) {
    const objects = objectsOf(m);
    for (const o of objects) {
      const key = `${vdir}\0${o.sha256}`;
      if (checked.has(key)) {
        done += o.size;
        continue;
      }
      await checkObject(vdir, o, m.snapshotId, (n) => {
        done += n;
        if (done - last >= total / 100) {
          last = done;
          opts.onProgress?.({ phase: 'verifying', done, total });
        }
      });
      checked.add(key);
    }
    out.push({
      snapshotId: m.snapshotId,
      vaultId: m.vaultId,
      createdAt: m.createdAt,
      files: objects.length,
      bytes: manifestBytesTotal(m),
      mac,
    });
  }
  opts.onProgress?.({ phase: 'verifying', done: total, total });
  return out;
}
