/**
 * Writing a new file outside the vault (a bundle, a receipt): into a temp file in the same
 * folder, fsynced, then published under its final name without ever replacing an existing
 * file — the same rules as evidence export (engine/evidence/evidence-service.ts, writeNewFile).
 * On any failure nothing is left behind.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { VaultError, isVaultError } from '../../../shared/errors.js';
import { fsyncDir } from '../util/durable-fs.js';

function ioError(message: string, cause: unknown): VaultError {
  return new VaultError('IO_ERROR', `${message}.`, { cause });
}

function targetExists(dest: string): VaultError {
  return new VaultError('EXPORT_TARGET_EXISTS', `“${path.basename(dest)}” already exists in that folder; choose a new file name (Case Vault never overwrites a file it writes out).`);
}

export interface NewFile {
  dest: string;
  dir: string;
  tmp: string;
}

/** Check the target (absent, its folder present) and choose an unguessable temp name beside it. */
export async function prepareNewFile(destPath: string): Promise<NewFile> {
  const dest = path.resolve(destPath);
  const dir = path.dirname(dest);
  try {
    await fsp.lstat(dest);
    throw targetExists(dest);
  } catch (e) {
    if (isVaultError(e)) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError(`“${path.basename(dest)}” cannot be written`, e);
  }
  let st: fs.Stats;
  try {
    st = await fsp.stat(dir);
  } catch (e) {
    throw ioError(`The folder to write “${path.basename(dest)}” into does not exist or cannot be read`, e);
  }
  if (!st.isDirectory()) throw new VaultError('IO_ERROR', `The folder to write “${path.basename(dest)}” into is not a folder.`);
  return { dest, dir, tmp: path.join(dir, `.case-vault-${randomBytes(16).toString('hex')}.part`) };
}

/**
 * Give the finished temp file its final name, refusing if that name exists. A hard link is
 * atomic and never replaces a file; file systems without hard links (FAT and exFAT USB sticks)
 * fall back to a check and a rename. Synchronous, so that it can run inside a transaction.
 */
export function publishNewFile(t: NewFile): void {
  try {
    fs.linkSync(t.tmp, t.dest);
    fs.rmSync(t.tmp, { force: true });
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw targetExists(t.dest);
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV', 'EINVAL'].includes(code ?? '')) throw ioError(`“${path.basename(t.dest)}” could not be written`, e);
  }
  if (fs.existsSync(t.dest)) throw targetExists(t.dest);
  try {
    fs.renameSync(t.tmp, t.dest);
  } catch (e) {
    throw ioError(`“${path.basename(t.dest)}” could not be written`, e);
  }
}

/**
 * Write a new file: `fill` writes into the open temp file; once it is durable, `commit` runs
 * with a function that publishes the file (call it inside the transaction that records the
 * file, so the two succeed or fail together). Returns commit's value.
 */
export async function writeNewFile<T>(destPath: string, fill: (fh: fsp.FileHandle) => Promise<void>, commit: (publish: () => void) => T | Promise<T>): Promise<T> {
  const t = await prepareNewFile(destPath);
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(t.tmp, 'wx', 0o600);
  } catch (e) {
    throw ioError(`“${path.basename(t.dest)}” cannot be written into that folder`, e);
  }
  let closed = false;
  let published = false;
  let done = false;
  try {
    await fill(fh);
    try {
      await fh.sync();
      await fh.close();
      closed = true;
    } catch (e) {
      throw ioError(`“${path.basename(t.dest)}” could not be written`, e);
    }
    const value = await commit(() => {
      publishNewFile(t);
      published = true;
    });
    done = true;
    return value;
  } finally {
    if (!closed) await fh.close().catch(() => {});
    if (published && !done) await fsp.rm(t.dest, { force: true }).catch(() => {});
    await fsp.rm(t.tmp, { force: true }).catch(() => {});
    if (published) await fsyncDir(t.dir).catch(() => {});
  }
}
