/**
 * The content-addressed object store of a vault's backup folder (format.ts): writing files
 * into it cut into parts, and reading them back with every byte hashed.
 *
 * Writing: each part goes to an unguessable name under tmp/, hashed on the way. flush() fsyncs
 * them all (many at once: one fsync after each small file made a backup of many evidence files
 * several times slower), only then renames each to objects/<ab>/<sha256>, and fsyncs the
 * folders. So a file under objects/ is always durable, and the manifest (written after flush,
 * create.ts) never names an object that a power cut could take back. An object that is already
 * there is kept and the new copy dropped.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { VaultError } from '../../../shared/errors.js';
import { fsyncDir } from '../util/durable-fs.js';
import { type ObjectRef, OBJECTS_DIR, TMP_DIR, driveIoError, objectPath } from './format.js';

/** Reads and writes in pieces of this size: large enough that the drive, not the calls, sets the pace. */
export const IO_BYTES = 4 * 1024 * 1024;

/** Remove whatever an interrupted run left in tmp/ (nothing there is named by a manifest). */
export async function cleanTmp(vaultDir: string): Promise<number> {
  const dir = path.join(vaultDir, TMP_DIR);
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw driveIoError('The backup folder could not be read', e);
  }
  for (const n of names) await fsp.rm(path.join(dir, n), { force: true, recursive: true });
  return names.length;
}

export function tmpName(vaultDir: string, ext = 'part'): string {
  return path.join(vaultDir, TMP_DIR, `${randomBytes(16).toString('hex')}.${ext}`);
}

/** Size of the object on the drive, or null when it is not there. */
export function objectSize(vaultDir: string, sha256: string): number | null {
  try {
    const st = fs.lstatSync(objectPath(vaultDir, sha256));
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

/** fsync every file (or folder), SYNC_CONCURRENCY at a time: the file system batches their journal commits. */
export async function syncAll(paths: readonly string[], folders = false): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const p = paths[next++]!;
      if (folders) {
        await fsyncDir(p);
        continue;
      }
      const fh = await fsp.open(p, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SYNC_CONCURRENCY, paths.length) }, worker));
}

const SYNC_CONCURRENCY = 32;

export class ObjectWriter {
  /** written but not yet durable: temp file → its object name (by hash), renamed by flush() */
  readonly #pending = new Map<string, { tmp: string; size: number }>();
  bytesWritten = 0;
  filesWritten = 0;

  constructor(
    readonly vaultDir: string,
    readonly partBytes: number,
  ) {}

  /** Take a finished temp file as the object `sha256` (dropped when the object exists or is pending). */
  async adopt(tmp: string, sha256: string, size: number): Promise<ObjectRef> {
    if (this.#pending.has(sha256) || objectSize(this.vaultDir, sha256) === size) {
      await fsp.rm(tmp, { force: true });
      return { sha256, size };
    }
    // a damaged object of the same name (wrong size) is replaced by the good copy in flush()
    this.#pending.set(sha256, { tmp, size });
    this.bytesWritten += size;
    this.filesWritten++;
    return { sha256, size };
  }

  /** Hash a file already written under tmp/ (the database snapshot), fsync it, and adopt it as one object. */
  async adoptFile(tmp: string, onBytes?: (n: number) => void): Promise<ObjectRef> {
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of fs.createReadStream(tmp, { highWaterMark: IO_BYTES })) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
        onBytes?.((chunk as Buffer).length);
      }
    } catch (e) {
      await fsp.rm(tmp, { force: true });
      throw driveIoError('A file could not be written to the drive', e);
    }
    return this.adopt(tmp, hash.digest('hex'), size);
  }

  /** Copy a stream into objects of at most partBytes each; returns the parts in order. */
  async write(source: AsyncIterable<Buffer> | Iterable<Buffer>, onBytes?: (n: number) => void): Promise<ObjectRef[]> {
    const parts: ObjectRef[] = [];
    let fh: fsp.FileHandle | null = null;
    let tmp = '';
    let hash = createHash('sha256');
    let used = 0;
    const open = async () => {
      tmp = tmpName(this.vaultDir);
      fh = await fsp.open(tmp, 'wx', 0o600);
      hash = createHash('sha256');
      used = 0;
    };
    const close = async () => {
      const h = fh!;
      fh = null;
      await h.close();
      parts.push(await this.adopt(tmp, hash.digest('hex'), used));
    };
    try {
      await open();
      for await (const chunk of source) {
        let off = 0;
        while (off < chunk.length) {
          if (used === this.partBytes) {
            await close();
            await open();
          }
          const n = Math.min(chunk.length - off, this.partBytes - used);
          const piece = chunk.subarray(off, off + n);
          hash.update(piece);
          await writeAll(fh!, piece);
          used += n;
          off += n;
          onBytes?.(n);
        }
      }
      await close();
      return parts;
    } catch (e) {
      if (fh) await (fh as fsp.FileHandle).close().catch(() => {});
      await fsp.rm(tmp, { force: true }).catch(() => {});
      if (e instanceof VaultError) throw e;
      throw driveIoError('A file could not be written to the drive', e);
    }
  }

  /** Make every new object durable and give it its name, before a manifest names it. */
  async flush(): Promise<void> {
    const pending = [...this.#pending];
    const touched = new Set<string>();
    try {
      await syncAll(pending.map(([, p]) => p.tmp));
      for (const [sha256, { tmp }] of pending) {
        const dest = objectPath(this.vaultDir, sha256);
        if (!touched.has(path.dirname(dest))) await fsp.mkdir(path.dirname(dest), { recursive: true });
        await fsp.rename(tmp, dest);
        touched.add(path.dirname(dest));
      }
      await syncAll([...touched], true);
      if (touched.size > 0) await fsyncDir(path.join(this.vaultDir, OBJECTS_DIR));
    } catch (e) {
      throw driveIoError('The drive could not confirm the files written to it', e);
    }
    this.#pending.clear();
  }
}

async function writeAll(fh: fsp.FileHandle, buf: Buffer): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await fh.write(buf, off, buf.length - off);
    off += bytesWritten;
  }
}

/**
 * The bytes of an object, checked: a missing object, a short one, a long one and one whose
 * SHA-256 differs are each their own error, raised before the caller uses the last piece (the
 * caller must treat what it received as unconfirmed until the iteration ends without error).
 * Pieces are lent from one buffer: each is valid until the next is asked for.
 */
export async function* readObject(vaultDir: string, ref: ObjectRef, snapshotId: string): AsyncGenerator<Buffer> {
  const file = objectPath(vaultDir, ref.sha256);
  let fh: fsp.FileHandle;
  try {
    const st = await fsp.lstat(file);
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
    fh = await fsp.open(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new VaultError(
        'BACKUP_FILE_MISSING',
        `A file of snapshot ${snapshotId} is missing from the drive (${ref.sha256.slice(0, 16)}…); this snapshot cannot be restored in full.`,
      );
    throw driveIoError('A file could not be read from the drive', e);
  }
  const hash = createHash('sha256');
  let size = 0;
  try {
    // no larger than the object (one byte more, to notice a longer file): many are small
    const buf = Buffer.allocUnsafe(Math.min(IO_BYTES, ref.size + 1));
    for (;;) {
      // one byte more than expected may be read, so that an over-long file is noticed
      const want = Math.min(buf.length, ref.size + 1 - size);
      const { bytesRead } = await fh.read(buf, 0, want, size);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > ref.size) break;
      hash.update(buf.subarray(0, bytesRead));
      yield buf.subarray(0, bytesRead);
    }
  } catch (e) {
    throw driveIoError('A file could not be read from the drive', e);
  } finally {
    await fh.close();
  }
  if (size < ref.size)
    throw new VaultError(
      'BACKUP_FILE_TRUNCATED',
      `A file of snapshot ${snapshotId} on the drive is cut short (${ref.sha256.slice(0, 16)}…: ${size} of ${ref.size} bytes).`,
    );
  if (size > ref.size || hash.digest('hex') !== ref.sha256)
    throw new VaultError(
      'BACKUP_FILE_MISMATCH',
      `A file of snapshot ${snapshotId} on the drive is not the one its manifest names (${ref.sha256.slice(0, 16)}…): it was altered or swapped.`,
    );
}

/** Read an object to its end, checking it; returns its bytes only when asked (small files). */
export async function checkObject(
  vaultDir: string,
  ref: ObjectRef,
  snapshotId: string,
  onBytes?: (n: number) => void,
): Promise<void> {
  for await (const piece of readObject(vaultDir, ref, snapshotId)) onBytes?.(piece.length);
}

export async function readSmallObject(vaultDir: string, ref: ObjectRef, snapshotId: string): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of readObject(vaultDir, ref, snapshotId)) pieces.push(Buffer.from(piece));
  return Buffer.concat(pieces);
}
