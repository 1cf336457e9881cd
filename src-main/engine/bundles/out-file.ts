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

/** Flush the file to the disk in the background every this many bytes (see WriteBehind). */
const BACKGROUND_SYNC_BYTES = 16 * 1024 * 1024;

/** The promise, marked as handled: it is awaited later, and a failure must not crash the process before that. */
function handled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

/**
 * Sequential writes to a file, one in flight: write(piece) waits for the previous write to
 * end, starts writing this piece and returns, so the next piece is produced while this one is
 * written. The piece is written from the caller's buffer, not copied: it must stay unchanged
 * until the next write() or end() has returned (an age stream lending from two buffers in
 * turn gives exactly that). Every BACKGROUND_SYNC_BYTES a datasync starts in the background
 * (at most one in flight), so that the final fsync only has the last stretch left to flush —
 * the same trick as the blob store's intake. end() waits for everything; the caller still
 * fsyncs (writeNewFile does). After a failure, call settle() before closing the file.
 */
export class WriteBehind {
  private position = 0;
  private unsynced = 0;
  private writing: Promise<unknown> = Promise.resolve();
  private syncing: Promise<unknown> = Promise.resolve();
  /** Bytes written (or being written) so far. */
  bytes = 0;

  constructor(private readonly fh: fsp.FileHandle) {}

  async write(piece: Uint8Array): Promise<void> {
    await this.writing; // the previous piece is written: its buffer may be reused from now on
    if (piece.length === 0) return;
    this.writing = handled(this.writeAll(piece, this.position));
    this.position += piece.length;
    this.bytes += piece.length;
    this.unsynced += piece.length;
    if (this.unsynced >= BACKGROUND_SYNC_BYTES) {
      await this.syncing; // at most one background flush in flight
      this.syncing = handled(this.writing.then(() => this.fh.datasync()));
      this.unsynced = 0;
    }
  }

  /** fh.write may write less than asked (it is one write(2)): loop until all of it is written. */
  private async writeAll(buf: Uint8Array, position: number): Promise<void> {
    let off = 0;
    while (off < buf.length) {
      const { bytesWritten } = await this.fh.write(buf, off, buf.length - off, position + off);
      off += bytesWritten;
    }
  }

  /** Waits for every write and flush started. */
  async end(): Promise<void> {
    await this.writing;
    await this.syncing;
  }

  /** Waits for whatever is still running on the file, ignoring failures (before closing it after an error). */
  async settle(): Promise<void> {
    await this.writing.catch(() => {});
    await this.syncing.catch(() => {});
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
