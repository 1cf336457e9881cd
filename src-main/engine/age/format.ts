/**
 * The age v1 header: parse (strictly) and serialize. Spec text is quoted from c2sp.org/age.
 *
 *   An age file is composed of two parts: a textual header that carries the file key, and a
 *   binary payload encrypted with it.
 *
 *   The textual file header wraps the file key for one or more recipients, so that it can be
 *   unwrapped by one of the corresponding identities. It starts with a version line, followed
 *   by one or more recipient stanzas, and ends with a MAC.
 *
 *       age-encryption.org/v1
 *       -> X25519 XEl0dJ6y3C7KZkgmgWUicg63EyXJiwBJW8PdYJ/cYBE
 *       qRS0AMjdjPvZ/WT08U2KL4G+PIooA3hy38SvLpvaC1E
 *       --- HK2NmOBN9Dpq0Gw6xMCuhFcQlQLvZ/wQUi/2scLG75s
 *
 *   ABNF definition of file header:
 *
 *       header = v1-line 1*stanza end
 *       v1-line = %s"age-encryption.org/v1" LF
 *       end = "--- " 43base64char LF
 *       base64char = ALPHA / DIGIT / "+" / "/"
 *       stanza = arg-line *full-line final-line
 *       arg-line = "-> " argument *(SP argument) LF
 *       argument = 1*VCHAR
 *       full-line = 64base64char LF
 *       final-line = *63base64char LF
 *
 * Every way a header can be malformed is AGE_HEADER_INVALID, except a version other than v1
 * (AGE_UNSUPPORTED_VERSION), a header beyond our size cap (AGE_HEADER_TOO_LARGE) and an scrypt
 * stanza that is not alone (AGE_SCRYPT_NOT_ALONE). What a stanza's arguments and body must be
 * is up to its recipient type (x25519.ts, scrypt.ts), which reports AGE_STANZA_INVALID.
 */
import { VaultError } from '../../../shared/errors.js';
import { decodeRaw, encodeRaw } from './base64.js';
import type { ByteReader } from './byte-reader.js';
import { hkdf32, hmacSha256 } from './primitives.js';
import { wipe } from '../crypto/secure-memory.js';

export const VERSION_PREFIX = 'age-encryption.org/';
export const V1_LINE = 'age-encryption.org/v1\n';
export const MAC_BYTES = 32;
/** Columns of a full stanza body line, and the bytes each one carries. */
export const COLUMNS_PER_LINE = 64;
export const BYTES_PER_LINE = 48;
/**
 * Our cap on the whole header. The format sets none; an X25519 stanza takes ~100 bytes and a
 * post-quantum one ~1.6 KB, so 1 MiB is thousands of recipients, while a hostile file cannot
 * make us buffer without end before its MAC can be checked.
 */
export const MAX_HEADER_BYTES = 1024 * 1024;

export interface AgeStanza {
  /** The first argument: the recipient type (`X25519`, `scrypt`, or anything for grease). */
  readonly type: string;
  /** The arguments after the type. */
  readonly args: readonly string[];
  readonly body: Buffer;
}

export interface AgeHeader {
  readonly stanzas: readonly AgeStanza[];
  /** The header MAC from the `---` line. */
  readonly mac: Buffer;
  /** The header bytes the MAC covers: everything up to and including `---`. */
  readonly macInput: Buffer;
}

function headerInvalid(detail: string): VaultError {
  return new VaultError('AGE_HEADER_INVALID', `This is not a valid age file: ${detail}.`);
}

/** argument = 1*VCHAR (VCHAR = %x21-7E) */
export function isValidArgument(arg: string): boolean {
  if (arg.length === 0) return false;
  for (let i = 0; i < arg.length; i++) {
    const c = arg.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

function text(line: Buffer): string {
  // latin1 maps each byte to one code unit, so non-ASCII bytes stay visible as non-VCHAR.
  return line.toString('latin1');
}

/**
 * Reads one header from the reader, leaving it positioned at the first payload byte.
 */
export async function readHeader(reader: ByteReader): Promise<AgeHeader> {
  const parts: Buffer[] = [];
  let size = 0;
  const nextLine = async (what: string): Promise<string> => {
    const line = await reader.readLine(MAX_HEADER_BYTES - size + 1);
    if (line === null)
      throw new VaultError(
        'AGE_HEADER_TOO_LARGE',
        `This age file's header is larger than ${MAX_HEADER_BYTES / 1024} KiB, more than Case Vault accepts.`,
      );
    if (line.length === 0 || line[line.length - 1] !== 0x0a) {
      throw headerInvalid(
        line.length === 0 && size === 0 ? 'the file is empty' : `it ends inside the header, in ${what}`,
      );
    }
    size += line.length;
    if (size > MAX_HEADER_BYTES)
      throw new VaultError(
        'AGE_HEADER_TOO_LARGE',
        `This age file's header is larger than ${MAX_HEADER_BYTES / 1024} KiB, more than Case Vault accepts.`,
      );
    parts.push(Buffer.from(line)); // a copy: the reader may lend its pieces (ByteReader, `lent`)
    return text(line.subarray(0, line.length - 1));
  };

  // Version line: 'The version line always starts with "age-encryption.org/", is followed by an
  // arbitrary version string, and ends with a line feed (0x0A).'
  //   version-line = %s"age-encryption.org/" version LF
  //   version = 1*VCHAR
  // 'This document only specifies the v1 format.'
  const versionLine = await nextLine('the version line');
  if (!versionLine.startsWith(VERSION_PREFIX)) throw headerInvalid('it does not start with the age version line');
  const version = versionLine.slice(VERSION_PREFIX.length);
  if (!isValidArgument(version)) throw headerInvalid('the version line is malformed');
  if (version !== 'v1') {
    throw new VaultError(
      'AGE_UNSUPPORTED_VERSION',
      `This age file uses format version "${version}"; Case Vault reads only age v1.`,
    );
  }

  // "Note that each section of the header can be parsed by looking at its first three
  // characters, and it ends either at the next newline (for version and MAC lines) or at the
  // first line shorter than 64 columns (for stanzas)."
  const stanzas: AgeStanza[] = [];
  for (;;) {
    const line = await nextLine(stanzas.length === 0 ? 'the first recipient stanza' : 'the header');
    if (line.startsWith('---')) {
      // "The final header line starts with `---` and is followed after a space by the
      // base64-encoded MAC of the header."   end = "--- " 43base64char LF
      if (stanzas.length === 0) throw headerInvalid('the header has no recipient stanza');
      if (!line.startsWith('--- ')) throw headerInvalid('the MAC line is malformed');
      const mac = decodeRaw(line.slice(4));
      if (!mac || mac.length !== MAC_BYTES) throw headerInvalid('the header MAC is not 32 bytes of canonical base64');
      const all = Buffer.concat(parts, size);
      // "The MAC is computed ... over the whole header up to and including the `---` mark
      // (excluding the space following it)."
      const macInput = all.subarray(0, size - line.length - 1 + 3);
      return { stanzas, mac, macInput };
    }
    stanzas.push(await readStanza(line, nextLine));
  }
}

/**
 * "A recipient stanza starts with `->`, followed after a space by one or more space-separated
 * arguments, and a base64-encoded body wrapped at 64 columns. The body MUST end with a line
 * shorter than 64 characters, which MAY be empty."
 */
async function readStanza(argLine: string, nextLine: (what: string) => Promise<string>): Promise<AgeStanza> {
  //   arg-line = "-> " argument *(SP argument) LF
  if (!argLine.startsWith('-> ')) throw headerInvalid('a line where a recipient stanza should start is malformed');
  const args = argLine.slice(3).split(' ');
  if (!args.every(isValidArgument)) throw headerInvalid('a recipient stanza has an empty or non-printable argument');
  //   stanza = arg-line *full-line final-line
  //   full-line = 64base64char LF
  //   final-line = *63base64char LF
  const body: Buffer[] = [];
  for (;;) {
    const line = await nextLine('a recipient stanza body');
    if (line.length > COLUMNS_PER_LINE) throw headerInvalid('a recipient stanza body line is longer than 64 columns');
    const bytes = decodeRaw(line);
    if (!bytes) throw headerInvalid('a recipient stanza body is not canonical unpadded base64');
    body.push(bytes);
    if (line.length < COLUMNS_PER_LINE) break;
  }
  const [type, ...rest] = args as [string, ...string[]];
  return { type, args: rest, body: Buffer.concat(body) };
}

/**
 * "An scrypt stanza, if present, MUST be the only stanza in the header. ... The identity
 * implementation MUST reject headers where an scrypt stanza is present alongside any other
 * stanza." Checked for every header we read, whatever identities we hold.
 */
export function checkScryptAlone(stanzas: readonly AgeStanza[]): void {
  if (stanzas.length > 1 && stanzas.some((s) => s.type === 'scrypt')) {
    throw new VaultError(
      'AGE_SCRYPT_NOT_ALONE',
      'This age file mixes a passphrase (scrypt) recipient with other recipients, which age forbids.',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

function encodeStanza(s: AgeStanza): string {
  const args = [s.type, ...s.args];
  if (!args.every(isValidArgument)) throw new Error(`invalid stanza argument in ${JSON.stringify(args)}`);
  const b64 = encodeRaw(s.body);
  let out = `-> ${args.join(' ')}\n`;
  // Wrapped at 64 columns; the last line is always shorter than 64, empty if need be.
  for (let i = 0; i <= b64.length; i += COLUMNS_PER_LINE) out += `${b64.slice(i, i + COLUMNS_PER_LINE)}\n`;
  return out;
}

/** The bytes of the header up to and including `---` (what the MAC covers). */
export function encodeMacInput(stanzas: readonly AgeStanza[]): Buffer {
  if (stanzas.length === 0) throw new Error('a header needs at least one stanza');
  return Buffer.from(`${V1_LINE}${stanzas.map(encodeStanza).join('')}---`, 'latin1');
}

/**
 * "The HMAC key is computed as follows:
 *      HMAC key = HKDF-SHA-256(ikm = file key, salt = empty, info = "header")"
 * and the MAC is HMAC-SHA-256 over the header up to and including `---`.
 */
export function headerMac(fileKey: Uint8Array, macInput: Uint8Array): Buffer {
  const hmacKey = hkdf32(fileKey, Buffer.alloc(0), 'header');
  try {
    return hmacSha256(hmacKey, macInput);
  } finally {
    wipe(hmacKey);
  }
}

/** The full header (MAC line included) for these stanzas under this file key. */
export function encodeHeader(stanzas: readonly AgeStanza[], fileKey: Uint8Array): Buffer {
  const macInput = encodeMacInput(stanzas);
  const mac = headerMac(fileKey, macInput);
  return Buffer.concat([macInput, Buffer.from(` ${encodeRaw(mac)}\n`, 'latin1')]);
}

/** Re-serializes a parsed header byte for byte (tests use it to check parse ∘ encode). */
export function reencodeHeader(header: AgeHeader): Buffer {
  return Buffer.concat([encodeMacInput(header.stanzas), Buffer.from(` ${encodeRaw(header.mac)}\n`, 'latin1')]);
}
