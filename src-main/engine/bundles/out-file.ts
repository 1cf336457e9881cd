/**
 * Writing a bundle out fast: a write-behind over the file util/new-file.ts writeNewFile opens
 * (temp name beside the target, fsync, publish without ever replacing a file, nothing left
 * behind on failure).
 */
import type fsp from 'node:fs/promises';

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
