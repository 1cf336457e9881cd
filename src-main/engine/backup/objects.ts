/**
 * The content-addressed object store of a vault's backup folder (format.ts): writing files
 * into it cut into parts, and reading them back with every byte hashed.
 *
 * Writing: each part goes to an unguessable name under tmp/, is hashed on the way, fsynced, and
 * only then renamed to objects/<ab>/<sha256>; an object that is already there is kept and the
 * copy dropped. The folders that received objects are fsynced before the manifest that names
 * them is written (create.ts), so a manifest on the drive never names an object that a power
 * cut could take back.
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

export class ObjectWriter {
  /** fan-out folders that received a new object, fsynced by flush() */
  readonly #touched = new Set<string>();
  bytesWritten = 0;
  filesWritten = 0;

  constructor(
    readonly vaultDir: string,
    readonly partBytes: number,
  ) {}

  /** Move a finished, fsynced temp file into place under its hash (or drop it when the object exists). */
  async adopt(tmp: string, sha256: string, size: number): Promise<ObjectRef> {
    const dest = objectPath(this.vaultDir, sha256);
    if (objectSize(this.vaultDir, sha256) === size) {
      await fsp.rm(tmp, { force: true });
      return { sha256, size };
    }
    try {
      await fsp.mkdir(path.dirname(dest), { recursive: true });
      // a damaged object of the same name (wrong size) is replaced by the good copy
      await fsp.rename(tmp, dest);
    } catch (e) {
      await fsp.rm(tmp, { force: true });
      throw driveIoError('A file could not be written to the drive', e);
    }
    this.#touched.add(path.dirname(dest));
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
      const fh = await fsp.open(tmp, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
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
      await h.sync();
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

  /** Make every new object durable (the folders' entries), before a manifest names them. */
  async flush(): Promise<void> {
    try {
      for (const d of this.#touched) await fsyncDir(d);
      if (this.#touched.size > 0) await fsyncDir(path.join(this.vaultDir, OBJECTS_DIR));
    } catch (e) {
      throw driveIoError('The drive could not confirm the files written to it', e);
    }
    this.#touched.clear();
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
    const buf = Buffer.allocUnsafe(IO_BYTES);
    for (;;) {
      // one byte more than expected may be read, so that an over-long file is noticed
      const want = Math.min(buf.length, ref.size + 1 - size);
      const { bytesRead } = await fh.read(buf, 0, want, size);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > ref.size) break;
      hash.update(buf.subarray(0, bytesRead));
      yield Buffer.from(buf.subarray(0, bytesRead));
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
  for await (const piece of readObject(vaultDir, ref, snapshotId)) pieces.push(piece);
  return Buffer.concat(pieces);
}
