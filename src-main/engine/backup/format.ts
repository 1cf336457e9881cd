/**
 * The backup folder on a removable drive, format version 1 (docs/backup.md has the whole
 * description; this file is its code).
 *
 *   <drive folder>/case-vault-backup/<vaultId>/
 *     snapshots/<snapshotId>.json   one manifest per snapshot, written last
 *     objects/<ab>/<sha256>         every file a snapshot needs, named by the SHA-256 of its bytes
 *     tmp/                          files being written; whatever is there when a run starts is stale
 *
 * An object is a copy, byte for byte, of something already encrypted: the snapshot's SQLCipher
 * database (VACUUM INTO keeps the vault's key), its vault.json (key slots only), and the
 * evidence blobs (encrypted under per-blob keys held in the database). A file larger than
 * PART_BYTES is cut into parts, each an object of its own, so that no file on the drive reaches
 * FAT32's 4 GiB limit. Objects are shared by every snapshot that names them: an evidence file
 * is copied to a drive once.
 *
 * Nothing read from the drive is trusted before it is checked: the manifest is parsed strictly
 * (sizes capped, ids and hashes by pattern, so a name in it can never become a path outside the
 * folder), then its signature and, where a key is at hand, its MAC are checked, and every
 * object is hashed before use.
 */
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/canonical-json.js';
import { VaultError } from '../../../shared/errors.js';
import { type SecretBuffer, constantTimeEqual } from '../crypto/secure-memory.js';
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES, verifySignature } from '../identity/vault-identity.js';
import { BLOB_ID_RE, UUID_RE } from '../util/ids.js';

export const BACKUP_FORMAT = 'case-vault/backup';
export const BACKUP_FORMAT_VERSION = 1;
/** The folder Case Vault makes in the chosen drive folder; one sub-folder per vault. */
export const BACKUP_ROOT_NAME = 'case-vault-backup';
export const SNAPSHOTS_DIR = 'snapshots';
export const OBJECTS_DIR = 'objects';
export const TMP_DIR = 'tmp';
/**
 * Largest object: 1 GiB, well under FAT32's 4 GiB − 1 byte per file, and small enough that a
 * pulled drive loses little work.
 */
export const PART_BYTES = 1024 * 1024 * 1024;
/** A manifest lists every evidence file (~250 bytes each): 128 MiB is about 500 000 of them. */
export const MAX_MANIFEST_BYTES = 128 * 1024 * 1024;
/** Objects larger than this were not written by Case Vault (4 GiB − 1, FAT32's limit). */
const MAX_OBJECT_BYTES = 4 * 1024 * 1024 * 1024 - 1;

const SHA256_RE = /^[0-9a-f]{64}$/;
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const b64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((s) => Buffer.from(s, 'base64').length === bytes, { message: `must encode ${bytes} bytes` });
const Size = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const ObjectRef = z.strictObject({
  sha256: z.string().regex(SHA256_RE),
  size: z.number().int().min(0).max(MAX_OBJECT_BYTES),
});
export type ObjectRef = z.infer<typeof ObjectRef>;

/** A file of the snapshot: its whole size and its parts, in order. */
const PartedFile = z.strictObject({ size: Size, parts: z.array(ObjectRef).max(1 << 20) });
export type PartedFile = z.infer<typeof PartedFile>;

export const ManifestBody = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  vaultId: z.string().regex(UUID_RE),
  snapshotId: z.string().regex(UUID_RE),
  createdAt: z.string().regex(ISO_RE),
  /** PRAGMA user_version of the snapshot's database */
  schemaVersion: z.number().int().min(1).max(100000),
  /** the vault identity's public key (libsignal, 33 bytes) that signed this manifest */
  identityKey: b64(PUBLIC_KEY_BYTES),
  vaultFile: ObjectRef,
  database: PartedFile,
  blobs: z.array(PartedFile.extend({ blobId: z.string().regex(BLOB_ID_RE) }).strict()).max(10_000_000),
});
export type ManifestBody = z.infer<typeof ManifestBody>;

export const Manifest = ManifestBody.extend({ mac: b64(32), signature: b64(SIGNATURE_BYTES) }).strict();
export type Manifest = z.infer<typeof Manifest>;

export function manifestBodyBytes(body: ManifestBody): Buffer {
  return Buffer.from(canonicalJson(body), 'utf8');
}

export function splitManifest(m: Manifest): ManifestBody {
  const { mac: _mac, signature: _signature, ...body } = m;
  return body;
}

export function manifestMac(macKey: SecretBuffer, body: ManifestBody): Buffer {
  return createHmac('sha256', macKey).update(manifestBodyBytes(body)).digest();
}

export function macMatches(m: Manifest, macKey: SecretBuffer): boolean {
  return constantTimeEqual(manifestMac(macKey, splitManifest(m)), Buffer.from(m.mac, 'base64'));
}

export function signatureMatches(m: Manifest): boolean {
  return verifySignature(
    Buffer.from(m.identityKey, 'base64'),
    'backupManifest',
    manifestBodyBytes(splitManifest(m)),
    Buffer.from(m.signature, 'base64'),
  );
}

/** Every object a manifest names, each once, in a stable order. */
export function objectsOf(m: ManifestBody): ObjectRef[] {
  const seen = new Map<string, ObjectRef>();
  const add = (o: ObjectRef) => {
    if (!seen.has(o.sha256)) seen.set(o.sha256, o);
  };
  add(m.vaultFile);
  m.database.parts.forEach(add);
  for (const b of m.blobs) b.parts.forEach(add);
  return [...seen.values()];
}

export function manifestBytesTotal(m: ManifestBody): number {
  return m.vaultFile.size + m.database.size + m.blobs.reduce((n, b) => n + b.size, 0);
}

// ---- paths: every one is built from a pattern-checked id or hash, never from drive text ----

export function vaultBackupDir(root: string, vaultId: string): string {
  if (!UUID_RE.test(vaultId)) throw new TypeError('vaultBackupDir: not a vault id');
  return path.join(path.resolve(root), BACKUP_ROOT_NAME, vaultId);
}

export function objectPath(vaultDir: string, sha256: string): string {
  if (!SHA256_RE.test(sha256)) throw new TypeError('objectPath: not a SHA-256');
  return path.join(vaultDir, OBJECTS_DIR, sha256.slice(0, 2), sha256);
}

export function manifestPath(vaultDir: string, snapshotId: string): string {
  if (!UUID_RE.test(snapshotId)) throw new TypeError('manifestPath: not a snapshot id');
  return path.join(vaultDir, SNAPSHOTS_DIR, `${snapshotId}.json`);
}

// ---- reading manifests ----

const invalid = (snapshotId: string, why: string) =>
  new VaultError(
    'BACKUP_MANIFEST_INVALID',
    `The manifest of snapshot ${snapshotId} on the drive is damaged or was altered (${why}); nothing of it was used.`,
  );

/**
 * Read and strictly parse one manifest. The file name must be the snapshot id it holds, in the
 * folder of the vault it names. Neither signature nor MAC is checked here (see verify.ts).
 */
export async function readManifest(vaultDir: string, snapshotId: string, vaultId: string): Promise<Manifest> {
  const file = manifestPath(vaultDir, snapshotId);
  let bytes: Buffer;
  try {
    const st = await fsp.lstat(file);
    if (!st.isFile()) throw invalid(snapshotId, 'it is not a plain file');
    if (st.size > MAX_MANIFEST_BYTES) throw invalid(snapshotId, 'it is far larger than a manifest can be');
    bytes = await fsp.readFile(file);
  } catch (e) {
    if (e instanceof VaultError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new VaultError('BACKUP_NOT_FOUND', `There is no snapshot ${snapshotId} in this backup folder.`);
    throw driveIoError('The manifest could not be read from the drive', e);
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid(snapshotId, 'it is not valid JSON (cut short?)');
  }
  if (typeof json === 'object' && json !== null && 'formatVersion' in json) {
    const v = (json as { formatVersion: unknown }).formatVersion;
    if (typeof v === 'number' && v > BACKUP_FORMAT_VERSION)
      throw new VaultError(
        'BACKUP_FORMAT_TOO_NEW',
        `Snapshot ${snapshotId} was written by a newer version of Case Vault (backup format ${v}); update Case Vault to read it.`,
      );
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(snapshotId, `field "${issue?.path.join('.') || '(top)'}" ${issue?.message ?? 'is invalid'}`);
  }
  const m = parsed.data;
  if (m.snapshotId !== snapshotId) throw invalid(snapshotId, 'it names another snapshot than its file name');
  if (m.vaultId !== vaultId)
    throw new VaultError(
      'BACKUP_OTHER_VAULT',
      `Snapshot ${snapshotId} belongs to another vault than the folder it was found in; it was not used.`,
    );
  const ids = new Set(m.blobs.map((b) => b.blobId));
  if (ids.size !== m.blobs.length) throw invalid(snapshotId, 'it lists an evidence file twice');
  for (const f of [m.database, ...m.blobs]) {
    if (f.parts.reduce((n, p) => n + p.size, 0) !== f.size)
      throw invalid(snapshotId, 'the parts of a file do not add up to its size');
  }
  return m;
}

/** The snapshot ids in a vault's backup folder (their manifests are not read). */
export async function snapshotIds(vaultDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fsp.readdir(path.join(vaultDir, SNAPSHOTS_DIR));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw driveIoError('The backup folder could not be read', e);
  }
  // UUIDv7 ids sort by time
  return names
    .filter((n) => n.endsWith('.json') && UUID_RE.test(n.slice(0, -5)))
    .map((n) => n.slice(0, -5))
    .sort();
}

/** The vault folders under <root>/case-vault-backup/. */
export async function vaultIdsIn(root: string): Promise<string[]> {
  const base = path.join(path.resolve(root), BACKUP_ROOT_NAME);
  try {
    return (await fsp.readdir(base)).filter((n) => UUID_RE.test(n)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw driveIoError('The backup folder could not be read', e);
  }
}

export function driveIoError(what: string, e: unknown): VaultError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EFBIG')
    return new VaultError(
      'BACKUP_DRIVE_FULL',
      'The drive is full (or its file system refuses a file this large). Nothing of this snapshot counts until it completes; free some space (backup prune) or use a larger drive.',
      { cause: e },
    );
  return new VaultError('IO_ERROR', `${what} (${code ?? 'I/O error'}).`, { cause: e });
}

/** Whether the drive folder exists and is a folder (checked before anything is written). */
export function requireFolder(root: string): string {
  const dir = path.resolve(root);
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new VaultError('BACKUP_NOT_FOUND', 'The backup folder does not exist (is the drive plugged in?).');
    throw driveIoError('The backup folder cannot be read', e);
  }
  if (!st.isDirectory()) throw new VaultError('BACKUP_NOT_FOUND', 'The backup location is a file, not a folder.');
  return dir;
}
