/**
 * age v1 (c2sp.org/age), streaming, on sodium-native and node:crypto: the outer layer of a
 * Case Vault bundle, so that any partner can open a bundle with the stock `age` tool.
 *
 *   encryptAge(plaintext, recipients)   → ciphertext pieces (binary, or armored on request)
 *   decryptAge(ciphertext, identities)  → plaintext, in batches of authenticated 64 KiB chunks
 *   readAgeHeader(ciphertext)           → the parsed header, reading nothing past it
 *   isAgeAddressedTo(header, identities) → whether we can open it (and its MAC is right)
 *
 * Memory stays flat: at most one batch of chunks (4 MiB, stream.ts) plus the source's own
 * piece is held at a time, whatever the file size. Keys (file key, payload key, wrap keys) live
 * in sodium_malloc memory and are zeroed as soon as they are no longer needed, including when
 * a consumer stops early.
 *
 * How a file is opened, in the order of the spec and of the reference implementation:
 *   1. parse the header strictly (format.ts);
 *   2. reject an scrypt stanza that is not alone, and post-quantum stanzas mixed with
 *      classical ones (mlkem768x25519.ts, checkPostQuantumNotMixed);
 *   3. try each identity on the stanzas, skipping types it does not know (grease): the first
 *      that unwraps the file key wins; none → AGE_NO_IDENTITY_MATCHED;
 *   4. check the header MAC with that file key → AGE_HEADER_MAC_INVALID;
 *   5. read the payload nonce and decrypt the chunks (stream.ts).
 */
import { timingSafeEqual } from 'node:crypto';
import { VaultError } from '../../../shared/errors.js';
import { type SecretBuffer, randomBytes, secureRandom, wipe } from '../crypto/secure-memory.js';
import { decodeArmor, encodeArmor, looksArmored } from './armor.js';
import { ByteReader, type ByteSource, buffersOf } from './byte-reader.js';
import { type AgeHeader, checkScryptAlone, encodeHeader, headerMac, readHeader } from './format.js';
import { checkPostQuantumNotMixed } from './mlkem768x25519.js';
import { type AgeIdentity, type AgeRecipient, FILE_KEY_BYTES } from './recipients.js';
import { PAYLOAD_NONCE_BYTES, decryptChunks, encryptChunks, payloadKey } from './stream.js';

export type AgeSource = ByteSource;

export interface AgeEncryptOptions {
  /** Write the ASCII-armored form (PEM, "AGE ENCRYPTED FILE"). Default: binary. */
  armor?: boolean;
  /**
   * Lend the payload's batches from two buffers in turn (binary only): a yielded piece is then
   * valid while the next is pulled, until the one after it is pulled. For a consumer that
   * writes one piece while the next is sealed (one write in flight).
   */
  reuseBuffer?: boolean;
}

export interface AgeDecryptOptions {
  /** Whether the input is armored; 'auto' (the default) looks at its first bytes. */
  armor?: boolean | 'auto';
  /**
   * Lend the plaintext batches from one buffer: each yielded piece is then valid only until the
   * next is pulled. For a consumer that uses every piece at once.
   */
  reuseBuffer?: boolean;
  /**
   * The source lends its pieces (each valid only until the next is pulled): what must outlive
   * a pull is copied (ByteReader, `lent`).
   */
  lentSource?: boolean;
  /**
   * Open a file that mixes post-quantum (mlkem768x25519) and classical stanzas, as age does.
   * Default false: such a file is refused (AGE_MIXED_PQ_RECIPIENTS). Only the conformance
   * tests set it, to run the spec's vector for that case.
   */
  allowMixedPostQuantum?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Encrypting

/**
 * Encrypts `source` to every recipient: one file key, wrapped once per recipient, so any of
 * them can open the file. Several X25519 (or several post-quantum) recipients are fine, the two kinds
 * never together (AGE_MIXED_PQ_RECIPIENTS); a passphrase (scrypt) recipient
 * must be the only one.
 */
export async function* encryptAge(
  source: AgeSource,
  recipients: readonly AgeRecipient[],
  opts: AgeEncryptOptions = {},
): AsyncGenerator<Buffer, void, undefined> {
  if (recipients.length === 0) throw new VaultError('INVALID_INPUT', 'An age file needs at least one recipient.');
  if (recipients.length > 1 && recipients.some((r) => r.mustBeAlone)) {
    throw new VaultError('AGE_SCRYPT_NOT_ALONE', 'A passphrase-protected age file can have no other recipient.');
  }
  if (opts.armor) yield* encodeArmor(encryptBinary(source, recipients, false));
  else yield* encryptBinary(source, recipients, opts.reuseBuffer === true);
}

async function* encryptBinary(
  source: AgeSource,
  recipients: readonly AgeRecipient[],
  reuseBuffer: boolean,
): AsyncGenerator<Buffer, void, undefined> {
  // "The file key MUST be generated as 16 bytes of CSPRNG output. It MUST NOT be reused across
  // multiple files."
  const fileKey = secureRandom(FILE_KEY_BYTES);
  let key: SecretBuffer | null = null;
  try {
    const stanzas = [];
    for (const recipient of recipients) stanzas.push(...(await recipient.wrap(fileKey)));
    checkScryptAlone(stanzas);
    checkPostQuantumNotMixed(stanzas, true);
    const header = encodeHeader(stanzas, fileKey);
    // "It begins with a 16-byte nonce generated by the sender from a CSPRNG. A new nonce MUST
    // be generated for each file."
    const nonce = randomBytes(PAYLOAD_NONCE_BYTES);
    key = payloadKey(fileKey, nonce);
    wipe(fileKey);
    yield Buffer.concat([header, nonce]);
    yield* encryptChunks(buffersOf(source), key, reuseBuffer);
  } finally {
    wipe(fileKey);
    wipe(key);
  }
}

// ---------------------------------------------------------------------------------------------
// Decrypting

interface Input {
  reader: ByteReader;
  close(): Promise<void>;
}

async function openInput(source: AgeSource, armor: boolean | 'auto' = 'auto', lent = false): Promise<Input> {
  const raw = new ByteReader(source, { lent });
  try {
    const armored = armor === 'auto' ? await looksArmored(raw) : armor;
    if (!armored) return { reader: raw, close: () => raw.close() };
    const decoded = new ByteReader(decodeArmor(raw));
    return {
      reader: decoded,
      close: async () => {
        await decoded.close();
        await raw.close();
      },
    };
  } catch (e) {
    await raw.close();
    throw e;
  }
}

/** Unwraps the file key with the first identity that can (the caller wipes it). */
function requireIdentities(identities: readonly AgeIdentity[]): void {
  if (identities.length === 0)
    throw new VaultError('INVALID_INPUT', 'Opening an age file needs at least one identity or passphrase.');
}

async function unwrapFileKey(
  header: AgeHeader,
  identities: readonly AgeIdentity[],
  allowMixedPostQuantum = false,
): Promise<SecretBuffer> {
  requireIdentities(identities);
  checkScryptAlone(header.stanzas);
  if (!allowMixedPostQuantum) checkPostQuantumNotMixed(header.stanzas);
  for (const identity of identities) {
    const fileKey = await identity.unwrap(header.stanzas);
    if (fileKey) return fileKey;
  }
  throw new VaultError(
    'AGE_NO_IDENTITY_MATCHED',
    'This age file is not addressed to any of the keys or passphrases given.',
  );
}

function verifyMac(header: AgeHeader, fileKey: SecretBuffer): void {
  const expected = headerMac(fileKey, header.macInput);
  if (!timingSafeEqual(expected, header.mac)) {
    throw new VaultError('AGE_HEADER_MAC_INVALID', "This age file's header was altered: its MAC does not match.");
  }
}

/**
 * Decrypts `source` with the first of `identities` that the file is addressed to. Yields the
 * plaintext chunk by chunk, each only after it has authenticated; any failure — including a
 * truncated file or bytes after its end — is a VaultError thrown from the iteration, never a
 * silently short output. A consumer that stops early leaves no key behind.
 */
export async function* decryptAge(
  source: AgeSource,
  identities: readonly AgeIdentity[],
  opts: AgeDecryptOptions = {},
): AsyncGenerator<Buffer, void, undefined> {
  requireIdentities(identities);
  const input = await openInput(source, opts.armor, opts.lentSource === true);
  let fileKey: SecretBuffer | null = null;
  let key: SecretBuffer | null = null;
  try {
    const header = await readHeader(input.reader);
    fileKey = await unwrapFileKey(header, identities, opts.allowMixedPostQuantum === true);
    verifyMac(header, fileKey);
    const nonce = await input.reader.read(PAYLOAD_NONCE_BYTES);
    if (nonce.length < PAYLOAD_NONCE_BYTES) {
      throw new VaultError('AGE_TRUNCATED', 'This age file is truncated: it ends before its payload begins.');
    }
    key = payloadKey(fileKey, nonce);
    wipe(fileKey);
    yield* decryptChunks(input.reader, key, opts.reuseBuffer === true);
  } finally {
    wipe(fileKey);
    wipe(key);
    await input.close();
  }
}

/**
 * Reads and parses just the header of an age file, then stops reading (a file stream is
 * closed). Malformed headers throw as decryptAge would; the MAC can only be checked with a
 * file key, by isAgeAddressedTo.
 */
export async function readAgeHeader(source: AgeSource, opts: AgeDecryptOptions = {}): Promise<AgeHeader> {
  const input = await openInput(source, opts.armor, opts.lentSource === true);
  try {
    const header = await readHeader(input.reader);
    checkScryptAlone(header.stanzas);
    if (opts.allowMixedPostQuantum !== true) checkPostQuantumNotMixed(header.stanzas);
    return header;
  } finally {
    await input.close();
  }
}

/**
 * True when one of `identities` opens this header and its MAC is right; false when none is
 * addressed (AGE_NO_IDENTITY_MATCHED is the only failure turned into false). A stanza of ours
 * that is malformed, or a MAC that does not match, still throws: that file was tampered with.
 */
export async function isAgeAddressedTo(header: AgeHeader, identities: readonly AgeIdentity[]): Promise<boolean> {
  let fileKey: SecretBuffer | null = null;
  try {
    fileKey = await unwrapFileKey(header, identities);
  } catch (e) {
    if (e instanceof VaultError && e.code === 'AGE_NO_IDENTITY_MATCHED') return false;
    throw e;
  }
  try {
    verifyMac(header, fileKey);
    return true;
  } finally {
    wipe(fileKey);
  }
}
