/**
 * Writing a NEW file outside the vault — an evidence export, a bundle, a receipt, a contact
 * card or its QR code, an exported age key, a donor report. One set of rules for all of them:
 *
 * - The target must not exist and its folder must (checked before any work is done).
 * - The data goes to an unguessable temp name in the same folder (`.case-vault-<hex>.part`,
 *   mode 0600), is fsynced, and only then appears under its final name.
 * - Publishing never replaces a file: a hard link is atomic and fails on an existing name.
 *   File systems without hard links (FAT and exFAT USB sticks) fall back to a check and a
 *   rename, which leaves a moment in which a file created by another program could be replaced.
 * - `publishNewFile` is synchronous so that it can run inside the transaction that records the
 *   export (audit entry, custody event, ledger row): the two succeed or fail together, and a
 *   file published by a transaction that then failed is removed again (`unpublish`).
 * - On any failure nothing is left behind: the caller removes the temp file in a `finally`.
 *
 * - A temp file that a killed or crashed run left behind (hidden, so never seen in the user's
 *   folder, and as large as the export) is removed by the next write into that folder: only
 *   names of exactly our pattern, only regular files, only those last written before this
 *   process started (a run still writing keeps touching its own). What was removed is reported
 *   (takeRemovedTempFiles): the CLI says so on stderr or in its JSON.
 *
 * Streaming writers (evidence export, bundles) use prepareNewFile + their own writes +
 * publishNewFile; data already in memory uses stageNewFile.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { VaultError, isVaultError } from '../../../shared/errors.js';
import { fsyncDir } from './durable-fs.js';
import { ioFailure } from './system-errors.js';

/** A file being written: its final name, its folder, and the temp name beside it. */
export interface NewFile {
  readonly dest: string;
  readonly dir: string;
  readonly tmp: string;
}

/** A file name for a message: quoted, control characters replaced, never a folder path. */
export function quotedName(dest: string): string {
  return `“${path.basename(dest).replace(/[\u0000-\u001F\u007F-\u009F]/g, '?')}”`;
}

function targetExists(dest: string): VaultError {
  return new VaultError(
    'EXPORT_TARGET_EXISTS',
    `${quotedName(dest)} already exists in that folder; choose a new file name (Case Vault never overwrites a file it writes out).`,
  );
}

/** IO_ERROR naming the system code, or DISK_FULL when the disk is full. */
export function newFileIoError(what: string, e: unknown): VaultError {
  return ioFailure(what, e);
}

function tempBeside(dest: string): NewFile {
  const dir = path.dirname(dest);
  return { dest, dir, tmp: path.join(dir, `.case-vault-${randomBytes(16).toString('hex')}.part`) };
}

/** The temp names tempBeside makes, and nothing else. */
const TEMP_NAME = /^\.case-vault-[0-9a-f]{32}\.part$/;

/** Temp files removed from a folder the user writes into (see the header). */
export interface RemovedTempFiles {
  folder: string;
  names: string[];
}

const removedTempFiles: RemovedTempFiles[] = [];

/** What stale temp files were removed since the last call (and forget them). */
export function takeRemovedTempFiles(): RemovedTempFiles[] {
  return removedTempFiles.splice(0);
}

/**
 * Remove our temp files left in `dir` by a run that was killed or crashed: names of exactly
 * our pattern, regular files, last modified before this process started. Never fails: a file
 * that cannot be removed stays, and the write goes on.
 */
export function removeStaleTempFiles(dir: string): string[] {
  const startedAt = Date.now() - process.uptime() * 1000;
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!TEMP_NAME.test(name)) continue;
    const file = path.join(dir, name);
    try {
      const st = fs.lstatSync(file);
      if (!st.isFile() || st.mtimeMs >= startedAt) continue;
      fs.unlinkSync(file);
      removed.push(name);
    } catch {
      // gone meanwhile, or not ours to remove: leave it
    }
  }
  if (removed.length > 0) removedTempFiles.push({ folder: dir, names: removed });
  return removed;
}

/** Refuse early (before any work) when the destination exists (even as a dangling link) or its folder does not. */
export function checkNewFileTarget(destPath: string): string {
  const dest = path.resolve(destPath);
  try {
    fs.lstatSync(dest);
    throw targetExists(dest);
  } catch (e) {
    if (isVaultError(e)) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw newFileIoError(`${quotedName(dest)} cannot be written`, e);
  }
  let st: fs.Stats;
  try {
    st = fs.statSync(path.dirname(dest));
  } catch (e) {
    throw newFileIoError(`The folder to write ${quotedName(dest)} into does not exist or cannot be read`, e);
  }
  if (!st.isDirectory())
    throw new VaultError('IO_ERROR', `The folder to write ${quotedName(dest)} into is not a folder.`);
  removeStaleTempFiles(path.dirname(dest));
  return dest;
}

/** Check the target and choose the temp name beside it (nothing is created yet). */
export async function prepareNewFile(destPath: string): Promise<NewFile> {
  return tempBeside(checkNewFileTarget(destPath));
}

/** Open the temp file for writing (exclusive create, owner-only). */
async function openNewFile(t: NewFile): Promise<fsp.FileHandle> {
  try {
    return await fsp.open(t.tmp, 'wx', 0o600);
  } catch (e) {
    throw newFileIoError(`${quotedName(t.dest)} cannot be written into that folder`, e);
  }
}

/** Give the finished, fsynced temp file its final name; EXPORT_TARGET_EXISTS if the name is taken. */
export function publishNewFile(t: NewFile): void {
  try {
    fs.linkSync(t.tmp, t.dest);
    fs.rmSync(t.tmp, { force: true });
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw targetExists(t.dest);
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV', 'EINVAL'].includes(code ?? ''))
      throw newFileIoError(`${quotedName(t.dest)} could not be written`, e);
  }
  if (fs.existsSync(t.dest)) throw targetExists(t.dest);
  try {
    fs.renameSync(t.tmp, t.dest);
  } catch (e) {
    throw newFileIoError(`${quotedName(t.dest)} could not be written`, e);
  }
}

/**
 * Write `fill`'s output to a new file at destPath: nothing appears under the final name until it
 * is complete and fsynced, an existing file is never replaced, and on any failure nothing is
 * left behind. `commit` runs once the data is durable, with a function that publishes the file:
 * call it inside the transaction that records the export, so the two succeed or fail together.
 * Returns commit's value.
 */
export async function writeNewFile<T>(
  destPath: string,
  fill: (fh: fsp.FileHandle) => Promise<void>,
  commit: (publish: () => void) => T | Promise<T>,
): Promise<T> {
  const t = await prepareNewFile(destPath);
  const fh = await openNewFile(t);
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
      throw newFileIoError(`${quotedName(t.dest)} could not be written`, e);
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

/** Remove a published file again (when the transaction around publishNewFile failed to commit). */
export function unpublish(dest: string): void {
  fs.rmSync(dest, { force: true });
}

function fsyncDirSync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface StagedFile {
  readonly dest: string;
  /** give the file its final name; EXPORT_TARGET_EXISTS if that name is taken */
  publish(): void;
  /** remove the temp file (idempotent; after publish it only removes the temp name) */
  discard(): void;
}

/** Write `data` (already in memory) to a temp file beside `destPath` (mode `mode`, fsynced), ready to publish. */
export function stageNewFile(destPath: string, data: string | Uint8Array, mode = 0o600): StagedFile {
  const t = tempBeside(checkNewFileTarget(destPath));
  let fd: number;
  try {
    fd = fs.openSync(t.tmp, 'wx', mode);
  } catch (e) {
    throw newFileIoError(`${quotedName(t.dest)} cannot be written`, e);
  }
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(t.tmp, { force: true });
    throw newFileIoError(`${quotedName(t.dest)} could not be written`, e);
  }
  fs.closeSync(fd);
  const discard = () => fs.rmSync(t.tmp, { force: true });
  return {
    dest: t.dest,
    discard,
    publish() {
      try {
        publishNewFile(t);
      } finally {
        discard();
      }
      try {
        fsyncDirSync(t.dir);
      } catch {
        // The file is in place; a folder that cannot be fsynced (some USB file systems) is
        // not a reason to report failure.
      }
    },
  };
}
