/**
 * The evidence store: originals encrypted at rest, streamed in and out with flat memory.
 *
 *   write(source)  → PendingBlob   file written, fsynced, renamed into place; no row yet
 *   commit(db, p)                  inserts the key row (call inside the caller's transaction)
 *   put(source)    → StoredBlob    write + commit + audit entry, for callers with nothing else to commit
 *   get(id)        → AsyncIterable<Buffer> of authenticated plaintext
 *   erase(id)                      deletes the key row (crypto-erase), then the file
 *
 * Ordering is what makes crashes harmless: the file is durable before the row that names it
 * commits, so a committed row always has its file; a crash in between leaves at most an orphan
 * file (no row, no key: unreadable noise) that `doctor --repair` removes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import sodium from 'sodium-native';
import { VaultError } from '../../../shared/errors.js';
import { type SecretBuffer, secureAlloc, secureRandom, wipe } from '../crypto/secure-memory.js';
import { get, run, sql, type ReadableDB, type WritableDB } from '../db/sql.js';
import { appendAudit } from '../audit/audit-log.js';
import { BLOB_ID_RE, isoNow, newBlobId } from '../util/ids.js';
import { fsyncDir } from '../util/durable-fs.js';
import {
  ABYTES,
  BLOB_MAGIC,
  CHUNK_BYTES,
  HEADER_BYTES,
  KEY_BYTES,
  PREFIX_BYTES,
  SEALED_CHUNK_BYTES,
  STATE_BYTES,
  TAG_FINAL,
  TAG_MESSAGE,
  expectedFileSize,
} from './blob-format.js';

export type BlobSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface StoredBlob {
  blobId: string;
  sha256: string;
  size: number;
}

export interface PendingBlob extends StoredBlob {
  /** the file's key, in secure memory until commit() or discard() */
  key: SecretBuffer;
  file: string;
  /**
   * The folder created for this pending write (its fan-out folder blobs/xx/, or blobs/ itself
   * if that was missing too), or null when the folder existed before: an uncommitted blob's
   * release removes it again once empty, so that a refused import leaves the vault folder
   * exactly as it was.
   */
  createdDir?: string | null;
}

export interface ByteProgress {
  (bytesDone: number): void;
}

/**
 * A SHA-256 fed in order and read once at the end, possibly computed on another thread (the
 * bundle import's, engine/bundles/parallel-hash.ts). update() may keep a reference to its bytes
 * only until the promise it returns (if any) settles.
 */
export interface StreamHash {
  update(bytes: Uint8Array): void | Promise<void>;
  /** the hex digest */
  digest(): string | Promise<string>;
}

interface BlobRow {
  id: string;
  key: Uint8Array;
  sha256: string;
  size: number;
  created_at: string;
}

/**
 * How many sealed chunks are gathered before one write() call (1 MiB). Two batches: one is
 * written on libuv's pool while the next is encrypted (one write in flight). Larger batches
 * (4 MiB) were no faster.
 */
const WRITE_BATCH_CHUNKS = 16;
/**
 * How many sealed chunks one read() of get() takes (4 MiB). The next block is read while this
 * one is decrypted; a 64 KiB read per chunk made reading cost a thread-pool round trip per chunk.
 */
const READ_BLOCK_CHUNKS = 64;
/**
 * Chunks per piece that get() hands out as a new Buffer (1 MiB). Larger fresh pieces were
 * faster to hand out but left more garbage for V8 to collect late (RSS); a lent piece is a
 * whole block.
 */
const PIECE_CHUNKS = 16;
/**
 * Start flushing written data to the disk every this many bytes, in the background, while the
 * next chunks are encrypted. Without it, a 1 GiB intake ends with one fsync of 1 GiB (~3 s
 * here) after all the CPU work; with it, the final fsync only has the last stretch to flush
 * (16 MiB: the bundle import ran ~10 % faster than with 64 MiB, docs/performance.md).
 */
const BACKGROUND_SYNC_BYTES = 16 * 1024 * 1024;

export class BlobStore {
  /**
   * Fan-out folders created by writes not yet committed, with how many such writes are in
   * each: the last of them to be abandoned removes the folder again (a refused import leaves
   * the vault folder exactly as it was); a commit into it takes it off this list for good.
   */
  readonly #fresh = new Map<string, number>();

  constructor(
    private readonly db: WritableDB,
    private readonly vaultId: string,
    readonly dir: string,
  ) {}

  pathFor(blobId: string): string {
    if (!BLOB_ID_RE.test(blobId)) throw new VaultError('INVALID_INPUT', 'That is not a valid evidence file id.');
    return path.join(this.dir, blobId.slice(0, 2), blobId);
  }

  /**
   * Encrypt a stream into a new blob file. Nothing in the database changes. Each piece of the
   * source is used (hashed, encrypted, its tail copied) before the next is pulled, so a source
   * may lend its pieces from one buffer. `opts.hash` computes the SHA-256 of the plaintext
   * elsewhere (another thread); by default node:crypto does it here.
   */
  async write(source: BlobSource, onProgress?: ByteProgress, opts: { hash?: StreamHash } = {}): Promise<PendingBlob> {
    const blobId = newBlobId();
    const file = this.pathFor(blobId);
    const shard = path.dirname(file);
    const tmp = `${file}.tmp`;
    const { fh, createdDir } = await this.openInShard(shard, tmp);
    const key = secureRandom(KEY_BYTES);
    const state = secureAlloc(STATE_BYTES);
    const node = opts.hash ? null : createHash('sha256');
    const hash: StreamHash = opts.hash ?? { update: (b) => void node!.update(b), digest: () => node!.digest('hex') };
    let sha256 = '';
    const pending = Buffer.alloc(CHUNK_BYTES); // plaintext waiting to fill a chunk
    // Two batches of sealed chunks: one is being written while the other fills. A batch is
    // only refilled after the write that read it has completed (see flush).
    const batches = [
      Buffer.allocUnsafe(WRITE_BATCH_CHUNKS * SEALED_CHUNK_BYTES),
      Buffer.allocUnsafe(WRITE_BATCH_CHUNKS * SEALED_CHUNK_BYTES),
    ];
    let writing: Promise<unknown> = Promise.resolve();
    let syncing: Promise<void> = Promise.resolve();
    let size = 0;
    try {
      const header = Buffer.alloc(HEADER_BYTES);
      sodium.crypto_secretstream_xchacha20poly1305_init_push(state, header, key);
      await writeAll(fh, Buffer.concat([BLOB_MAGIC, header]), 0);

      let current = 0;
      let batch = batches[current]!;
      let batchUsed = 0;
      let pendingUsed = 0;
      let unsynced = 0;
      let position = PREFIX_BYTES;
      /** Starts writing the current batch (after the previous write ended) and switches to the other. */
      const flush = async () => {
        await writing; // the other batch's write: done before that batch is refilled
        if (batchUsed > 0) {
          writing = handled(writeAll(fh, batch.subarray(0, batchUsed), position));
          position += batchUsed;
          unsynced += batchUsed;
        }
        current ^= 1;
        batch = batches[current]!;
        batchUsed = 0;
        if (unsynced >= BACKGROUND_SYNC_BYTES) {
          await syncing; // at most one background flush in flight
          syncing = handled(writing.then(() => fh.datasync()));
          unsynced = 0;
        }
      };
      /** Seals one chunk into the batch; true when the batch is full (the caller flushes it). */
      const seal = (plain: Buffer, tag: number): boolean => {
        sodium.crypto_secretstream_xchacha20poly1305_push(
          state,
          batch.subarray(batchUsed, batchUsed + plain.length + ABYTES),
          plain,
          null,
          tag,
        );
        batchUsed += plain.length + ABYTES;
        return batchUsed + SEALED_CHUNK_BYTES > batch.length;
      };

      for await (const piece of source) {
        const buf = Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
        const hashing = hash.update(buf);
        if (hashing) await hashing;
        size += buf.length;
        let off = 0;
        if (pendingUsed > 0) {
          const n = Math.min(CHUNK_BYTES - pendingUsed, buf.length);
          buf.copy(pending, pendingUsed, 0, n);
          pendingUsed += n;
          off = n;
          if (pendingUsed === CHUNK_BYTES) {
            if (seal(pending, TAG_MESSAGE)) await flush();
            pendingUsed = 0;
          }
        }
        // Whole chunks straight from the input, without a copy.
        while (buf.length - off >= CHUNK_BYTES) {
          if (seal(buf.subarray(off, off + CHUNK_BYTES), TAG_MESSAGE)) await flush();
          off += CHUNK_BYTES;
        }
        if (off < buf.length) {
          buf.copy(pending, 0, off);
          pendingUsed = buf.length - off;
        }
        onProgress?.(size);
      }
      seal(pending.subarray(0, pendingUsed), TAG_FINAL);
      await flush();
      await writing;
      await syncing;
      await fh.sync();
      sha256 = await hash.digest();
    } catch (e) {
      // never close (or remove) the file under a write or flush still running
      await writing.catch(() => {});
      await syncing.catch(() => {});
      await fh.close().catch(() => {});
      await fsp.rm(tmp, { force: true });
      await this.abandonDirs(shard, createdDir);
      wipe(key);
      throw e;
    } finally {
      wipe(state);
      wipe(pending);
    }
    await fh.close();
    await fsp.rename(tmp, file);
    await fsyncDir(shard);
    return { blobId, sha256, size, key, file, createdDir };
  }

  /**
   * Create the fan-out folder (if need be) and the temp file in it. The clean-up of another
   * abandoned write may remove the folder between the two, when it was empty for a moment:
   * then it is created again and the open retried (the temp file, once there, keeps the folder
   * from being removed). Returns the folder this write may remove again if it is abandoned (see
   * #fresh), or null.
   */
  private async openInShard(shard: string, tmp: string): Promise<{ fh: fsp.FileHandle; createdDir: string | null }> {
    let createdDir: string | null = null;
    for (let attempt = 0; ; attempt++) {
      const made = await fsp.mkdir(shard, { recursive: true, mode: 0o700 });
      // no await between the mkdir and this bookkeeping: a clean-up sees this write counted
      if (createdDir === null && (made !== undefined || this.#fresh.has(shard))) {
        this.#fresh.set(shard, (this.#fresh.get(shard) ?? 0) + 1);
        createdDir = made ?? shard;
      }
      try {
        return { fh: await fsp.open(tmp, 'wx', 0o600), createdDir };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 8) {
          await this.abandonDirs(shard, createdDir);
          throw e;
        }
      }
    }
  }

  /**
   * An abandoned write's folders: when it was the last pending write in a folder created for
   * pending writes (and none of them committed), remove that folder and those above it up to
   * `createdDir`, each only if empty (ENOTEMPTY, ENOENT and any other failure leave it: a
   * folder left behind is harmless). Folders that existed before are never touched.
   */
  private async abandonDirs(shard: string, createdDir: string | null | undefined): Promise<void> {
    if (!createdDir) return;
    const left = (this.#fresh.get(shard) ?? 0) - 1;
    if (left > 0) {
      this.#fresh.set(shard, left);
      return;
    }
    if (!this.#fresh.delete(shard)) return; // a blob was committed into it meanwhile
    const stop = path.resolve(createdDir);
    for (let dir = path.resolve(shard); ; dir = path.dirname(dir)) {
      if (dir !== stop && !dir.startsWith(stop + path.sep)) return; // never above what was created
      try {
        await fsp.rmdir(dir);
      } catch {
        return;
      }
      if (dir === stop) return;
    }
  }

  /** Insert the key row of a written blob. Must run inside a transaction of the caller's. */
  commit(db: WritableDB, blob: PendingBlob, at = isoNow()): void {
    run(
      db,
      sql`INSERT INTO blobs (id, key, sha256, size, created_at) VALUES (${blob.blobId}, ${blob.key}, ${blob.sha256}, ${blob.size}, ${at})`,
    );
  }

  /**
   * After commit (or on abandoning a write): zero the key; remove the file if it was never
   * committed, and with it the folders its write created, if they are now empty.
   */
  async release(blob: PendingBlob, committed: boolean): Promise<void> {
    wipe(blob.key);
    if (committed) {
      if (blob.createdDir) this.#fresh.delete(path.dirname(blob.file)); // it holds a committed blob now: never removed
      return;
    }
    await fsp.rm(blob.file, { force: true });
    await this.abandonDirs(path.dirname(blob.file), blob.createdDir);
  }

  async put(source: BlobSource, onProgress?: ByteProgress): Promise<StoredBlob> {
    const pending = await this.write(source, onProgress);
    let committed = false;
    try {
      this.db.transaction(() => {
        this.commit(this.db, pending);
        appendAudit(this.db, this.vaultId, {
          action: 'blob.stored',
          subject: { kind: 'blob', id: pending.blobId },
          details: { size: pending.size, sha256: pending.sha256 },
        });
      })();
      committed = true;
    } finally {
      await this.release(pending, committed);
    }
    return { blobId: pending.blobId, sha256: pending.sha256, size: pending.size };
  }

  info(blobId: string, db: ReadableDB = this.db): StoredBlob & { createdAt: string } {
    const row = get<BlobRow>(db, sql`SELECT id, sha256, size, created_at FROM blobs WHERE id = ${blobId}`);
    if (!row) throw new VaultError('BLOB_NOT_FOUND', 'No evidence file with that id is stored in this vault.');
    return { blobId: row.id, sha256: row.sha256, size: Number(row.size), createdAt: row.created_at };
  }

  /**
   * Stream the plaintext of a blob. Every chunk is authenticated before it is yielded; a
   * tampered chunk throws BLOB_TAMPERED, a cut file BLOB_TRUNCATED, and — because the plaintext
   * is hashed on the way — a stored hash that no longer matches throws BLOB_HASH_MISMATCH at the
   * end. A consumer must treat the whole stream as failed on any throw.
   *
   * By default each piece is a new Buffer of up to 1 MiB the consumer may keep. With
   * `reuseBuffer`, every piece (up to 4 MiB) is lent from one buffer: it is valid only until
   * the next piece is pulled (then overwritten), and is zeroed when the stream ends — for
   * consumers that use each piece at once (hash, encrypt), which then allocate nothing per piece.
   */
  async *get(
    blobId: string,
    opts: { verifyHash?: boolean; onProgress?: ByteProgress; reuseBuffer?: boolean } = {},
  ): AsyncGenerator<Buffer, void, undefined> {
    const row = get<BlobRow>(this.db, sql`SELECT * FROM blobs WHERE id = ${blobId}`);
    if (!row) throw new VaultError('BLOB_NOT_FOUND', 'No evidence file with that id is stored in this vault.');
    const file = this.pathFor(blobId);
    const size = Number(row.size);
    const tampered = (why: string) =>
      new VaultError(
        'BLOB_TAMPERED',
        `The stored evidence file ${blobId} has been altered (${why}); it cannot be trusted.`,
      );
    const truncated = () =>
      new VaultError('BLOB_TRUNCATED', `The stored evidence file ${blobId} is incomplete: it was cut short.`);

    let fh: fsp.FileHandle;
    try {
      fh = await fsp.open(file, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT')
        throw new VaultError(
          'BLOB_MISSING',
          `The encrypted file of evidence ${blobId} is missing from the vault folder.`,
        );
      throw new VaultError('IO_ERROR', `The encrypted file of evidence ${blobId} could not be read.`);
    }
    const key = secureAlloc(KEY_BYTES);
    Buffer.from(row.key).copy(key);
    const state = secureAlloc(STATE_BYTES);
    /** The read of the next block, in flight while the current one is decrypted. */
    let reading: Promise<number> | null = null;
    /** The one plaintext buffer, with reuseBuffer. */
    let lent: Buffer | null = null;
    try {
      const actual = (await fh.stat()).size;
      const expected = expectedFileSize(size);
      if (actual < expected) throw truncated();
      if (actual > expected) throw tampered('it has bytes appended');

      const prefix = Buffer.alloc(PREFIX_BYTES);
      await readExactly(fh, prefix, 0);
      if (!prefix.subarray(0, BLOB_MAGIC.length).equals(BLOB_MAGIC))
        throw tampered('its header is not that of a Case Vault blob');
      try {
        sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, prefix.subarray(BLOB_MAGIC.length), key);
      } catch {
        throw tampered('its header is invalid');
      }
      const hash = opts.verifyHash === false ? null : createHash('sha256');
      // Ciphertext blocks (whole sealed chunks), read alternately: block k+1 is read into one
      // while block k is decrypted from the other. They never leave this function.
      const blocks = [
        Buffer.allocUnsafe(READ_BLOCK_CHUNKS * SEALED_CHUNK_BYTES),
        Buffer.allocUnsafe(READ_BLOCK_CHUNKS * SEALED_CHUNK_BYTES),
      ];
      const readBlock = (buf: Buffer, at: number): Promise<number> => {
        const n = Math.min(buf.length, actual - at);
        return handled(readExactly(fh, buf.subarray(0, n), at).then(() => n));
      };
      const newPiece = () =>
        opts.reuseBuffer
          ? (lent ??= Buffer.allocUnsafe(READ_BLOCK_CHUNKS * CHUNK_BYTES))
          : Buffer.allocUnsafe(PIECE_CHUNKS * CHUNK_BYTES);
      const tag = Buffer.alloc(1);
      let pos = PREFIX_BYTES;
      let current = 0;
      let done = 0;
      reading = readBlock(blocks[current]!, pos);
      for (let finished = false; !finished;) {
        const blockStart = pos;
        const blockBytes: number = await reading!;
        const block = blocks[current]!;
        const blockEnd: number = blockStart + blockBytes;
        current ^= 1;
        reading = blockEnd < actual ? readBlock(blocks[current]!, blockEnd) : null;
        // A fresh buffer for each piece of plaintext (the consumer may keep what it was given),
        // or the lent one. Only its decrypted (authenticated) part is ever handed out.
        let plain = newPiece();
        let used = 0;
        let inBlock = 0;
        while (inBlock < blockBytes) {
          const at = blockStart + inBlock;
          const want = Math.min(SEALED_CHUNK_BYTES, actual - at);
          if (want < ABYTES) throw truncated();
          if (used + want - ABYTES > plain.length) {
            // the piece is full (fresh pieces hold PIECE_CHUNKS chunks): hand it over
            const piece = plain.subarray(0, used);
            hash?.update(piece);
            yield piece;
            plain = newPiece();
            used = 0;
          }
          const sealed = block.subarray(inBlock, inBlock + want);
          inBlock += want;
          pos = at + want;
          const out = plain.subarray(used, used + want - ABYTES);
          try {
            sodium.crypto_secretstream_xchacha20poly1305_pull(state, out, tag, sealed, null);
          } catch {
            throw tampered(`chunk at byte ${at} fails authentication`);
          }
          const isFinal = tag[0] === TAG_FINAL;
          if (!isFinal && tag[0] !== TAG_MESSAGE) throw tampered('a chunk carries an unexpected tag');
          if (isFinal && pos !== actual) throw tampered('data follows the end of the stream');
          if (!isFinal && want < SEALED_CHUNK_BYTES) throw truncated();
          used += out.length;
          done += out.length;
          opts.onProgress?.(done);
          if (isFinal) {
            finished = true;
            break;
          }
          if (pos >= actual) throw truncated();
        }
        if (used > 0) {
          const piece = plain.subarray(0, used);
          hash?.update(piece);
          yield piece;
        }
      }
      if (done !== size) throw tampered('its length differs from the recorded size');
      if (hash && hash.digest('hex') !== row.sha256) {
        throw new VaultError(
          'BLOB_HASH_MISMATCH',
          `Evidence ${blobId} decrypts, but its SHA-256 differs from the hash recorded at intake.`,
        );
      }
    } finally {
      wipe(key);
      wipe(state);
      wipe(lent);
      // never close the file under a read still running (a consumer that stopped early, a throw)
      await reading?.catch(() => {});
      await fh.close();
    }
  }

  /**
   * Crypto-erase: the key row goes first (with its audit entry), then the WAL is checkpointed
   * so the freed page (zeroed by secure_delete) reaches the main file, then the file is removed.
   * A crash after the commit leaves an orphan file that no key can open.
   */
  async erase(blobId: string, reason: string): Promise<void> {
    const file = this.pathFor(blobId);
    this.db.transaction(() => {
      const res = run(this.db, sql`DELETE FROM blobs WHERE id = ${blobId}`);
      if (res.changes === 0)
        throw new VaultError('BLOB_NOT_FOUND', 'No evidence file with that id is stored in this vault.');
      appendAudit(this.db, this.vaultId, {
        action: 'blob.erased',
        subject: { kind: 'blob', id: blobId },
        details: { reason },
      });
    })();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    await fsp.rm(file, { force: true });
  }

  /** Every file under blobs/ with its id (null when the name is not a blob id, e.g. a .tmp). */
  async *listFiles(): AsyncGenerator<{ file: string; blobId: string | null }> {
    let shards: string[];
    try {
      shards = await fsp.readdir(this.dir);
    } catch {
      return;
    }
    for (const shard of shards.sort()) {
      const shardDir = path.join(this.dir, shard);
      const st = await fsp.lstat(shardDir);
      if (!st.isDirectory()) {
        yield { file: shardDir, blobId: null };
        continue;
      }
      for (const name of (await fsp.readdir(shardDir)).sort()) {
        const ok = BLOB_ID_RE.test(name) && name.startsWith(shard);
        yield { file: path.join(shardDir, name), blobId: ok ? name : null };
      }
    }
  }

  fileSize(blobId: string): number | null {
    try {
      return fs.statSync(this.pathFor(blobId)).size;
    } catch {
      return null;
    }
  }
}

/** The promise, marked as handled: it is awaited later, and a failure must not crash the process before that. */
function handled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

/** fh.write may write less than asked (it is one write(2)): loop until all of it is written. */
async function writeAll(fh: fsp.FileHandle, buf: Buffer, position: number): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await fh.write(buf, off, buf.length - off, position + off);
    off += bytesWritten;
  }
}

async function readExactly(fh: fsp.FileHandle, buf: Buffer, position: number): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesRead } = await fh.read(buf, off, buf.length - off, position + off);
    if (bytesRead === 0)
      throw new VaultError('BLOB_TRUNCATED', 'An encrypted evidence file ended early while it was being read.');
    off += bytesRead;
  }
}
