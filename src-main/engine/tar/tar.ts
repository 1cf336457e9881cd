/**
 * The strict POSIX ustar subset inside a Case Vault bundle: a writer that produces exactly one
 * byte form for a list of (name, size, bytes), and a streaming reader that accepts only that
 * form. Reading it back is the attack surface (a bundle comes from another machine), so the
 * reader is deliberately narrower than any general tar reader: anything our writer would not
 * have produced is refused with BUNDLE_TAR_INVALID, naming the entry and the field.
 *
 * The format (POSIX.1-1988 "ustar", IEEE Std 1003.1 pax/ustar interchange format), as used here:
 *
 *   archive   = *( header content padding ) end
 *   header    = one 512-byte block, fields below
 *   content   = `size` bytes
 *   padding   = NUL bytes up to the next multiple of 512 (none when size is a multiple)
 *   end       = two 512-byte blocks of NUL bytes, and NOTHING after them
 *
 *   offset len  field      what we write (and the only thing the reader accepts)
 *   0      100  name       the entry name, 1…100 bytes of UTF-8, NUL-padded (no NUL when 100)
 *   100    8    mode       "0000600\0"  (regular file, read/write by the owner only)
 *   108    8    uid        "0000000\0"
 *   116    8    gid        "0000000\0"
 *   124    12   size       11 octal digits + NUL; 12 octal digits, no NUL, above 8 GiB − 1
 *   136    12   mtime      "00000000000\0" (time 0: the same input gives the same bytes)
 *   148    8    chksum     6 octal digits, NUL, space: the unsigned sum of all 512 header
 *                          bytes, counting the chksum field itself as 8 spaces
 *   156    1    typeflag   "0" (regular file); no links, directories, pax ('x','g') or GNU
 *                          long names ('L','K') — those are how tar archives escape a folder
 *   157    100  linkname   NUL
 *   257    6    magic      "ustar\0"
 *   263    2    version    "00"
 *   265    32   uname      NUL
 *   297    32   gname      NUL
 *   329    8    devmajor   NUL
 *   337    8    devminor   NUL
 *   345    155  prefix     NUL (names never use the prefix field)
 *   500    12   (pad)      NUL
 *
 * The size field holds at most 12 octal digits, so an entry is at most 8^12 − 1 bytes
 * (64 GiB − 1); the bundle layer sets its own, smaller or equal caps per kind of entry.
 *
 * The reader checks, per header: all-zero block (end) or: checksum, magic and version, type,
 * name, mode, uid, gid, size, mtime and every NUL field — then, as a last guard, that the
 * header is byte for byte what the writer makes for that name and size. Content padding must
 * be NUL. The end must be exactly two zero blocks followed by the end of the stream.
 */
import { VaultError } from '../../../shared/errors.js';
import { ByteReader, type ByteSource } from '../age/byte-reader.js';

export const TAR_BLOCK = 512;
/** 8^12 − 1: the largest size a 12-digit octal field holds. */
export const TAR_MAX_ENTRY_BYTES = 8 ** 12 - 1;
/** 100 bytes: the name field, without the prefix field. */
export const TAR_MAX_NAME_BYTES = 100;

const MODE = '0000600\0';
const ID_ZERO = '0000000\0';
const MTIME_ZERO = '00000000000\0';
const MAGIC = 'ustar\0';
const VERSION = '00';
const TYPE_REGULAR = 0x30; // '0'

const ZERO_BLOCK = Buffer.alloc(TAR_BLOCK);
/** The end of an archive: two zero blocks. */
export const TAR_END = Buffer.alloc(2 * TAR_BLOCK);

function tarError(message: string): VaultError {
  return new VaultError('BUNDLE_TAR_INVALID', `The bundle's contents are not a valid bundle archive: ${message}.`);
}

/** NUL-padded bytes of a name (the reader's and writer's one rule for names). */
function nameBytes(name: string): Buffer {
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length === 0 || bytes.length > TAR_MAX_NAME_BYTES)
    throw new VaultError('INVALID_INPUT', `A tar entry name must be 1 to ${TAR_MAX_NAME_BYTES} bytes.`);
  if (bytes.includes(0)) throw new VaultError('INVALID_INPUT', 'A tar entry name must not contain a NUL byte.');
  return bytes;
}

function sizeField(size: number): string {
  if (!Number.isSafeInteger(size) || size < 0 || size > TAR_MAX_ENTRY_BYTES)
    throw new VaultError('INVALID_INPUT', `A tar entry must be 0 to ${TAR_MAX_ENTRY_BYTES} bytes.`);
  const octal = size.toString(8);
  return octal.length <= 11 ? `${octal.padStart(11, '0')}\0` : octal.padStart(12, '0');
}

function checksumOf(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < TAR_BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum;
}

/** The one header block our writer makes for (name, size). */
export function tarHeader(name: string, size: number): Buffer {
  const h = Buffer.alloc(TAR_BLOCK);
  nameBytes(name).copy(h, 0);
  h.write(MODE, 100, 'latin1');
  h.write(ID_ZERO, 108, 'latin1');
  h.write(ID_ZERO, 116, 'latin1');
  h.write(sizeField(size), 124, 'latin1');
  h.write(MTIME_ZERO, 136, 'latin1');
  h[156] = TYPE_REGULAR;
  h.write(MAGIC, 257, 'latin1');
  h.write(VERSION, 263, 'latin1');
  const sum = checksumOf(h);
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

/** NUL bytes that complete an entry of `size` bytes to a whole block. */
export function tarPadding(size: number): Buffer {
  const rest = size % TAR_BLOCK;
  return rest === 0 ? Buffer.alloc(0) : ZERO_BLOCK.subarray(0, TAR_BLOCK - rest);
}

export interface TarEntrySource {
  name: string;
  size: number;
  /** exactly `size` bytes, in pieces */
  data: Buffer | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/**
 * Writes an archive of `entries` in order. Each entry's data must be exactly its declared size
 * (the header is written first); a mismatch throws INTERNAL rather than write a wrong archive.
 */
export async function* writeTar(
  entries: AsyncIterable<TarEntrySource> | Iterable<TarEntrySource>,
): AsyncGenerator<Buffer, void, undefined> {
  for await (const e of entries) {
    yield tarHeader(e.name, e.size);
    let written = 0;
    const pieces = Buffer.isBuffer(e.data) ? [e.data] : e.data;
    for await (const piece of pieces) {
      const buf = Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      written += buf.length;
      if (written > e.size)
        throw new VaultError(
          'INTERNAL',
          `A bundle entry grew beyond its declared size while it was written (${e.name}).`,
        );
      if (buf.length > 0) yield buf;
    }
    if (written !== e.size)
      throw new VaultError(
        'INTERNAL',
        `A bundle entry was shorter than its declared size while it was written (${e.name}).`,
      );
    const pad = tarPadding(e.size);
    if (pad.length > 0) yield pad;
  }
  yield TAR_END;
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface TarEntryHeader {
  name: string;
  size: number;
  /** 0, 1, 2 …: the entry's position in the archive */
  index: number;
}

function fieldIs(h: Buffer, offset: number, expected: string): boolean {
  return h.toString('latin1', offset, offset + expected.length) === expected;
}

function allZero(h: Buffer, offset: number, length: number): boolean {
  for (let i = offset; i < offset + length; i++) if (h[i] !== 0) return false;
  return true;
}

function parseSize(h: Buffer, where: string): number {
  const field = h.toString('latin1', 124, 136);
  const m = /^([0-7]{11})\0$/.exec(field) ?? /^([0-7]{12})$/.exec(field);
  if (!m) throw tarError(`${where} has a size field that is not 11 octal digits and a NUL (or 12 octal digits)`);
  const size = parseInt(m[1]!, 8);
  // a 12-digit form is only used when 11 digits do not suffice: one byte form per size
  if (m[1]!.length === 12 && size <= 8 ** 11 - 1) throw tarError(`${where} has a size written in a non-canonical form`);
  return size;
}

function parseName(h: Buffer, where: string): string {
  const end = h.indexOf(0, 0);
  const len = end < 0 || end > TAR_MAX_NAME_BYTES ? TAR_MAX_NAME_BYTES : end;
  if (len === 0) throw tarError(`${where} has an empty name`);
  if (!allZero(h, len, TAR_MAX_NAME_BYTES - len)) throw tarError(`${where} has bytes after the end of its name`);
  const raw = h.subarray(0, len);
  const name = raw.toString('utf8');
  if (!Buffer.from(name, 'utf8').equals(raw)) throw tarError(`${where} has a name that is not valid UTF-8`);
  return name;
}

/**
 * Reads an archive entry by entry, streaming each entry's content. Usage:
 *
 *   for (let e = await r.next(); e; e = await r.next()) { for await (const piece of r.content()) … }
 *
 * `next()` skips whatever the caller left unread of the previous entry (checking its padding);
 * it returns null at the end, after checking that exactly two zero blocks end the stream.
 */
export class TarReader {
  private readonly reader: ByteReader;
  private current: { header: TarEntryHeader; remaining: number } | null = null;
  private index = 0;
  private finished = false;

  /**
   * `lent`: the source lends its pieces (each valid only until the next is pulled, like the
   * pieces content() yields); the reader copies what it must keep across a pull.
   */
  constructor(source: ByteSource, opts: { lent?: boolean } = {}) {
    this.reader = new ByteReader(source, opts);
  }

  private async block(what: string): Promise<Buffer> {
    const have = await this.reader.fill(TAR_BLOCK);
    if (have < TAR_BLOCK) throw tarError(`it ends in the middle of ${what}`);
    return Buffer.from(this.reader.take(TAR_BLOCK)); // a copy: the header outlives the source's piece
  }

  async next(): Promise<TarEntryHeader | null> {
    if (this.finished) return null;
    if (this.current) await this.finishEntry();
    const h = await this.block(`the header of entry ${this.index + 1}`);
    const where = `entry ${this.index + 1}`;
    if (h.equals(ZERO_BLOCK)) {
      const second = await this.block('the end-of-archive marker');
      if (!second.equals(ZERO_BLOCK)) throw tarError('the end-of-archive marker is not two blocks of zero bytes');
      if (!(await this.reader.atEnd())) throw tarError('data follows the end-of-archive marker');
      this.finished = true;
      return null;
    }
    const stored = h.toString('latin1', 148, 156);
    const m = /^([0-7]{6})\0 $/.exec(stored);
    if (!m) throw tarError(`${where} has a malformed checksum field`);
    if (parseInt(m[1]!, 8) !== checksumOf(h)) throw tarError(`${where} has a header checksum that does not match`);
    if (!fieldIs(h, 257, MAGIC) || !fieldIs(h, 263, VERSION))
      throw tarError(`${where} is not in the POSIX ustar format`);
    if (h[156] !== TYPE_REGULAR)
      throw tarError(`${where} is not a regular file (links, folders and extended headers are refused)`);
    if (!allZero(h, 345, 155)) throw tarError(`${where} uses the name prefix field`);
    if (!allZero(h, 157, 100)) throw tarError(`${where} has a link name`);
    const name = parseName(h, where);
    if (!fieldIs(h, 100, MODE)) throw tarError(`${where} does not have mode 0600`);
    if (!fieldIs(h, 108, ID_ZERO) || !fieldIs(h, 116, ID_ZERO))
      throw tarError(`${where} does not have owner and group 0`);
    const size = parseSize(h, where);
    if (!fieldIs(h, 136, MTIME_ZERO)) throw tarError(`${where} does not have modification time 0`);
    if (!allZero(h, 265, 80) || !allZero(h, 500, 12)) throw tarError(`${where} has data in an unused header field`);
    // last guard: exactly the writer's bytes (catches anything the checks above do not name)
    if (!h.equals(tarHeader(name, size))) throw tarError(`${where} has a header in a non-canonical form`);
    const header = { name, size, index: this.index++ };
    this.current = { header, remaining: size };
    return header;
  }

  /** The current entry's content, piece by piece (each piece valid until the next is pulled). */
  async *content(): AsyncGenerator<Buffer, void, undefined> {
    const cur = this.current;
    if (!cur) throw new Error('TarReader.content() without a current entry');
    while (cur.remaining > 0) {
      const have = await this.reader.fill(1);
      if (have === 0) throw tarError(`it ends in the middle of entry ${cur.header.index + 1}`);
      const n = Math.min(have, cur.remaining);
      const piece = this.reader.take(n);
      cur.remaining -= n;
      yield piece;
    }
  }

  /** The whole content of the current entry, which must be at most `max` bytes (the caller checked the size). */
  async readAll(): Promise<Buffer> {
    const cur = this.current;
    if (!cur) throw new Error('TarReader.readAll() without a current entry');
    const out = Buffer.alloc(cur.remaining);
    let off = 0;
    for await (const piece of this.content()) {
      piece.copy(out, off);
      off += piece.length;
    }
    return out;
  }

  private async finishEntry(): Promise<void> {
    const cur = this.current!;
    for await (const piece of this.content()) void piece; // discard what the caller did not read
    const pad = cur.header.size % TAR_BLOCK === 0 ? 0 : TAR_BLOCK - (cur.header.size % TAR_BLOCK);
    if (pad > 0) {
      const have = await this.reader.fill(pad);
      if (have < pad) throw tarError(`it ends in the padding of entry ${cur.header.index + 1}`);
      const bytes = this.reader.take(pad);
      if (!allZero(bytes, 0, pad)) throw tarError(`the padding after entry ${cur.header.index + 1} is not zero bytes`);
    }
    this.current = null;
  }

  /** Stop reading early: lets the source (a decrypting stream) release its file and keys. */
  async close(): Promise<void> {
    await this.reader.close();
  }
}
