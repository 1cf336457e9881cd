/**
 * A small buffered reader over an async (or sync) iterable of byte pieces — a Readable, a
 * generator, an array — for parsing age files as a stream with bounded memory: it holds only
 * what the caller asked for plus at most one piece of the source.
 *
 * Pieces are referenced, not copied, until a read spans two of them; so a source must not
 * change a piece after yielding it (Node streams never do) — unless the reader is told that the
 * source lends its pieces (`lent`: each is valid only until the next is pulled). Then, before
 * pulling, the reader copies what is left of the last piece (few bytes: it pulls only when it
 * holds fewer than were asked for), and what take(), read() and readLine() return is in turn
 * valid only until the next call that may pull.
 */
import { VaultError } from '../../../shared/errors.js';

export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export function toBuffer(piece: unknown): Buffer {
  if (Buffer.isBuffer(piece)) return piece;
  if (piece instanceof Uint8Array) return Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
  throw new VaultError('INVALID_INPUT', 'The data to encrypt or decrypt must be a stream of bytes, not text.');
}

/** The source as Buffers (no copies), refusing anything that is not bytes. */
export async function* buffersOf(source: ByteSource): AsyncGenerator<Buffer, void, undefined> {
  for await (const piece of source as AsyncIterable<unknown>) yield toBuffer(piece);
}

export class ByteReader {
  private readonly iterator: AsyncIterator<unknown> | Iterator<unknown>;
  private readonly pieces: Buffer[] = [];
  private offset = 0; // into pieces[0]
  private buffered = 0;
  private ended = false;
  /** Total bytes handed out so far (for error messages and tests). */
  position = 0;
  private readonly lent: boolean;
  /** The last piece pulled is still the source's (lent), not a copy of ours. */
  private tailLent = false;

  constructor(source: ByteSource, opts: { lent?: boolean } = {}) {
    const asyncIt = (source as AsyncIterable<unknown>)[Symbol.asyncIterator];
    this.iterator = asyncIt ? asyncIt.call(source) : (source as Iterable<unknown>)[Symbol.iterator]();
    this.lent = opts.lent === true;
  }

  /**
   * Replaces what is left of the last (lent) piece by a copy of our own. Only the last piece
   * can be lent: every earlier one was copied before the pull that followed it, so a byte is
   * copied once — or again when many small pieces are merged into one.
   */
  private keepRest(): void {
    const last = this.pieces.length - 1;
    if (!this.tailLent || last < 0) return;
    this.tailLent = false;
    if (last >= 8) {
      // many small pieces (a source that lends a few bytes at a time): one buffer instead
      const rest = Buffer.allocUnsafe(this.buffered);
      let at = 0;
      for (let i = 0; i <= last; i++) at += this.pieces[i]!.copy(rest, at, i === 0 ? this.offset : 0);
      this.pieces.length = 0;
      this.pieces.push(rest);
      this.offset = 0;
      return;
    }
    const start = last === 0 ? this.offset : 0;
    this.pieces[last] = Buffer.from(this.pieces[last]!.subarray(start));
    if (last === 0) this.offset = 0;
  }

  /** Pulls one more non-empty piece; false at the end of the source. */
  private async pull(): Promise<boolean> {
    if (this.lent && this.buffered > 0 && !this.ended) this.keepRest();
    this.tailLent = false;
    while (!this.ended) {
      const next = await this.iterator.next();
      if (next.done) {
        this.ended = true;
        return false;
      }
      const piece = toBuffer(next.value);
      if (piece.length === 0) continue;
      this.pieces.push(piece);
      this.buffered += piece.length;
      this.tailLent = this.lent;
      return true;
    }
    return false;
  }

  /** Bytes buffered now, readable without waiting for the source. */
  get available(): number {
    return this.buffered;
  }

  /** Buffers until at least `n` bytes are available or the source ends; returns what is buffered. */
  async fill(n: number): Promise<number> {
    while (this.buffered < n && (await this.pull()));
    return this.buffered;
  }

  /** True when every byte of the source has been consumed. */
  async atEnd(): Promise<boolean> {
    return (await this.fill(1)) === 0;
  }

  /** The byte at `index` among the buffered ones (call fill first). */
  peekByte(index: number): number | undefined {
    let i = index + this.offset;
    for (const p of this.pieces) {
      if (i < p.length) return p[i];
      i -= p.length;
    }
    return undefined;
  }

  /**
   * Takes `n` buffered bytes (n ≤ what fill returned): zero-copy when they lie in one piece,
   * otherwise copied into `scratch` when given (valid until the caller reuses it) or into a
   * new buffer.
   */
  take(n: number, scratch?: Buffer): Buffer {
    if (n > this.buffered) throw new Error(`ByteReader.take(${n}) with only ${this.buffered} buffered`);
    this.buffered -= n;
    this.position += n;
    const first = this.pieces[0];
    if (first && first.length - this.offset >= n) {
      const out = first.subarray(this.offset, this.offset + n);
      this.offset += n;
      if (this.offset === first.length) {
        this.pieces.shift();
        this.offset = 0;
      }
      return out;
    }
    const out = scratch && scratch.length >= n ? scratch.subarray(0, n) : Buffer.allocUnsafe(n);
    let done = 0;
    while (done < n) {
      const p = this.pieces[0]!;
      const k = Math.min(n - done, p.length - this.offset);
      p.copy(out, done, this.offset, this.offset + k);
      done += k;
      this.offset += k;
      if (this.offset === p.length) {
        this.pieces.shift();
        this.offset = 0;
      }
    }
    return out;
  }

  /** Up to `n` bytes; fewer only at the end of the source. */
  async read(n: number): Promise<Buffer> {
    const have = await this.fill(n);
    return this.take(Math.min(n, have));
  }

  /**
   * The next line including its LF, or what is left (without LF) at the end of the source.
   * Returns null when a line would exceed `maxBytes` (LF included) without ending.
   */
  async readLine(maxBytes: number): Promise<Buffer | null> {
    let scanned = 0;
    for (;;) {
      const lf = this.indexOfLf(scanned, maxBytes);
      if (lf >= 0) return this.take(lf + 1);
      scanned = this.buffered;
      if (scanned >= maxBytes) return null;
      if (!(await this.pull())) return this.take(this.buffered);
    }
  }

  private indexOfLf(from: number, limit: number): number {
    let base = -this.offset;
    for (const p of this.pieces) {
      const start = Math.max(0, from - base);
      if (start < p.length) {
        const i = p.indexOf(0x0a, start);
        if (i >= 0) {
          const at = base + i;
          return at < limit ? at : -1;
        }
      }
      base += p.length;
    }
    return -1;
  }

  /** Stops the source early (e.g. after reading only a header), letting a stream close its file. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.iterator.return?.();
  }
}
