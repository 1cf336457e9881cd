/**
 * ASCII armor (c2sp.org/age, "ASCII armor"):
 *
 *   age files that need to be transmitted as 7-bit ASCII SHOULD be encoded according to the
 *   strict PEM encoding specified in RFC 7468, Section 3 (Figure 3), with case-sensitive label
 *   "AGE ENCRYPTED FILE". Note that this encoding employs base64 with `=` padding characters,
 *   unlike the rest of this document.
 *
 *   Note that ASCII armored files are malleable unless care is taken to reject any data before
 *   and after the PEM encoding, a strict PEM parser is used, and canonical base64 is enforced.
 *   age implementations SHOULD reject non-canonical ASCII armor encodings except for whitespace
 *   before and after the PEM block, and MAY choose to accept both LF and CRLF line endings.
 *
 * What we accept, exactly: optional whitespace (space, tab, CR, LF; at most 1 KiB); the line
 * `-----BEGIN AGE ENCRYPTED FILE-----`; zero or more lines of base64, every one but the last
 * exactly 64 characters and the last 1 to 64, canonical, with `=` padding only at the very end;
 * the line `-----END AGE ENCRYPTED FILE-----`; optional whitespace (at most 1 KiB). Every line
 * ends in LF or CRLF (the last one may end at the end of the file). No headers, no checksum,
 * no blank lines, no spaces inside or around a line. Anything else is AGE_ARMOR_INVALID.
 */
import { VaultError } from '../../../shared/errors.js';
import { decodePadded } from './base64.js';
import type { ByteReader } from './byte-reader.js';

export const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
export const ARMOR_END = '-----END AGE ENCRYPTED FILE-----';
const COLUMNS = 64;
const BYTES_PER_LINE = 48;
const MAX_WHITESPACE = 1024;
/** The longest line we ever need to look at: 64 columns (longer than BEGIN) plus CRLF. */
const MAX_LINE = COLUMNS + 2;

function armorInvalid(detail: string): VaultError {
  return new VaultError('AGE_ARMOR_INVALID', `This armored age file is malformed: ${detail}.`);
}

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a;

/** True when the reader's next non-whitespace byte starts an armor BEGIN line (peeks only). */
export async function looksArmored(reader: ByteReader): Promise<boolean> {
  const have = await reader.fill(MAX_WHITESPACE + 1);
  for (let i = 0; i < have; i++) {
    const b = reader.peekByte(i);
    if (!isSpace(b)) return b === 0x2d; // '-'
  }
  return false;
}

/** A line without its LF / CRLF; `ended` when it was cut by the end of the input instead. */
async function nextLine(reader: ByteReader): Promise<{ line: string; ended: boolean } | null> {
  const raw = await reader.readLine(MAX_LINE);
  if (raw === null) throw armorInvalid('a line is too long');
  if (raw.length === 0) return null;
  const ended = raw[raw.length - 1] !== 0x0a;
  let end = ended ? raw.length : raw.length - 1;
  if (!ended && end > 0 && raw[end - 1] === 0x0d) end--;
  return { line: raw.toString('latin1', 0, end), ended };
}

async function skipWhitespace(reader: ByteReader, where: string): Promise<void> {
  let skipped = 0;
  for (;;) {
    const have = await reader.fill(1);
    if (have === 0) return;
    if (!isSpace(reader.peekByte(0))) return;
    reader.take(1);
    if (++skipped > MAX_WHITESPACE) throw armorInvalid(`too much whitespace ${where}`);
  }
}

/** Decodes the armor from the reader, yielding the binary age file in pieces of 48 bytes or so. */
export async function* decodeArmor(reader: ByteReader): AsyncGenerator<Buffer, void, undefined> {
  await skipWhitespace(reader, 'before the armor');
  const begin = await nextLine(reader);
  if (!begin || begin.line !== ARMOR_BEGIN)
    throw armorInvalid('it does not start with "-----BEGIN AGE ENCRYPTED FILE-----"');
  if (begin.ended) throw armorInvalid('it ends after its first line');
  const batch: Buffer[] = [];
  let batched = 0;
  for (;;) {
    const next = await nextLine(reader);
    if (!next) throw armorInvalid('it ends without "-----END AGE ENCRYPTED FILE-----"');
    const { line, ended } = next;
    if (line === ARMOR_END) break;
    if (ended) throw armorInvalid('it ends without "-----END AGE ENCRYPTED FILE-----"');
    if (line.length > COLUMNS) throw armorInvalid('a line is longer than 64 columns');
    if (line.length === 0) throw armorInvalid('it has an empty line');
    const bytes = decodePadded(line);
    if (!bytes) throw armorInvalid('a line is not canonical base64');
    batch.push(bytes);
    batched += bytes.length;
    if (line.length < COLUMNS || bytes.length < BYTES_PER_LINE) {
      // The short (or padded) line is the last one: the END line must follow.
      const end = await nextLine(reader);
      if (!end || end.line !== ARMOR_END)
        throw armorInvalid('a short line is not followed by "-----END AGE ENCRYPTED FILE-----"');
      break;
    }
    if (batched >= 16 * 1024) {
      yield Buffer.concat(batch, batched);
      batch.length = 0;
      batched = 0;
    }
  }
  await skipWhitespace(reader, 'after the armor');
  if (!(await reader.atEnd())) throw armorInvalid('there is data after "-----END AGE ENCRYPTED FILE-----"');
  if (batched > 0) yield Buffer.concat(batch, batched);
}

/** Armors a binary age file: PEM with the age label, 64 columns, LF line endings. */
export async function* encodeArmor(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer, void, undefined> {
  yield Buffer.from(`${ARMOR_BEGIN}\n`, 'latin1');
  let carry = Buffer.alloc(0);
  for await (const piece of source) {
    const data = carry.length > 0 ? Buffer.concat([carry, piece]) : piece;
    const whole = data.length - (data.length % BYTES_PER_LINE);
    if (whole > 0) {
      const b64 = data.subarray(0, whole).toString('base64');
      let out = '';
      for (let i = 0; i < b64.length; i += COLUMNS) out += `${b64.slice(i, i + COLUMNS)}\n`;
      yield Buffer.from(out, 'latin1');
    }
    carry = Buffer.from(data.subarray(whole));
  }
  const tail = carry.length > 0 ? `${carry.toString('base64')}\n` : '';
  yield Buffer.from(`${tail}${ARMOR_END}\n`, 'latin1');
}
