/**
 * Reading a bundle: one streaming pass that decrypts, checks everything in a fixed order, and
 * hands each verified record and each file's bytes to the caller. verifyBundle (verify.ts)
 * discards the content; importBundle (import.ts) keeps the records and streams the files into
 * the evidence store. Every check has its own code; the first failure stops the pass.
 *
 *   1. age: header, stanzas, MAC, payload chunks, truncation, trailing data  → AGE_* codes
 *      (age/age.ts); no stanza of ours                                      → BUNDLE_NOT_FOR_US
 *      sealed with a passphrase and none given                              → BUNDLE_PASSPHRASE_REQUIRED
 *      a passphrase given: not exactly one scrypt stanza                    → BUNDLE_NOT_PASSPHRASE
 *      a passphrase given that does not open it                             → BUNDLE_PASSPHRASE_WRONG
 *   2. the archive is the strict ustar subset (tar/tar.ts)                  → BUNDLE_TAR_INVALID
 *   3. entry 1 is manifest.json, at most 1 MiB                              → BUNDLE_MANIFEST_INVALID
 *      entry 2 is manifest.sig                                              → BUNDLE_UNSIGNED
 *   4. manifest: strict JSON (strict-json.ts: no BOM, UTF-8, no duplicate key, no lone
 *      surrogate, no __proto__/constructor/prototype key)                   → BUNDLE_MANIFEST_INVALID
 *      a newer major format version                                         → BUNDLE_FORMAT_TOO_NEW
 *      strict schema (a newer minor: unknown members left out and reported,
 *      format-version.ts), expiresAt at most 3650 days after createdAt      → BUNDLE_MANIFEST_INVALID
 *   5. signature: the sender card is self-signed, its key is one of the manifest's recipients,
 *      and manifest.sig (64 bytes) verifies with that key over signatureDigest('manifest',
 *      the manifest's exact bytes)                                          → BUNDLE_SIGNATURE_INVALID
 *   6. our vault id and key are among the recipients                        → BUNDLE_NOT_LISTED
 *      (opened with a passphrase: the recipients must be the sender alone, which is how a
 *      passphrase bundle is addressed to whoever holds the passphrase)
 *   7. not made in the future (createdAt ≤ now + 24 h)                       → BUNDLE_NOT_YET_VALID
 *      not expired (now < expiresAt)                                        → BUNDLE_EXPIRED
 *   8. the sender is not this vault                                         → BUNDLE_FROM_SELF
 *   9. the manifest's entries: names of the two exact forms                 → BUNDLE_ENTRY_NAME
 *      sizes within the caps (also: all records ≤ 256 MiB together)         → BUNDLE_ENTRY_TOO_LARGE
 *      a file's name is its SHA-256                                         → BUNDLE_ENTRY_HASH
 *      records before files                                                 → BUNDLE_MANIFEST_INVALID
 *  10. the archive's entries, in the manifest's order (streamed):
 *      a name of neither form                                               → BUNDLE_ENTRY_NAME
 *      a name the manifest does not list (or lists once, seen twice)        → BUNDLE_ENTRY_UNEXPECTED
 *      a listed name at another position                                    → BUNDLE_ENTRY_ORDER
 *      fewer entries than listed                                            → BUNDLE_ENTRY_MISSING
 *      larger than the cap                                                  → BUNDLE_ENTRY_TOO_LARGE
 *      size or SHA-256 other than listed                                    → BUNDLE_ENTRY_HASH
 *      a record: strict JSON, its kind's strict schema (loosened as the
 *      manifest's for a newer minor), its id = its name's                   → BUNDLE_RECORD_INVALID
 *      a file no evidence record names (by SHA-256 and size)                → BUNDLE_RECORD_INVALID
 *      more entries than listed                                             → BUNDLE_ENTRY_UNEXPECTED
 *
 * `beforeEntries` runs after step 9 (the manifest is trusted and addressed to us), before any
 * entry is read: the importer uses it to stop early for a bundle it already imported.
 */
import { createHash } from 'node:crypto';
import fsp from 'node:fs/promises';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_MINOR,
  BUNDLE_FORMAT_VERSION,
  BUNDLE_LIMITS,
  BUNDLE_RECORD_SCHEMAS,
  type KindCounts,
  MANIFEST_ENTRY,
  Manifest,
  SIGNATURE_BYTES,
  SIGNATURE_ENTRY,
  parseEntryName,
  zeroCounts,
} from '../../../shared/domain/bundles.js';
import type { ContactCard } from '../../../shared/domain/identity.js';
import { VaultError, isVaultError } from '../../../shared/errors.js';
import { constantTimeEqual } from '../crypto/secure-memory.js';
import type { DomainContext } from '../domain/context.js';
import { cardPublicKey, parseContactCard } from '../identity/contact-card.js';
import { verifySignature } from '../identity/vault-identity.js';
import { type AgeIdentity, type AgeStanza, ScryptIdentity, decryptAge } from '../age/index.js';
import type { AnyRecord } from './apply.js';
import { UnknownFields, documentVersion, formatTooNew, parseVersioned } from './format-version.js';
import { HashThread, type StreamHash, localSha256, parallelHashTuning } from './parallel-hash.js';
import { parseStrictJson } from './strict-json.js';
import { TarReader } from '../tar/tar.js';

/**
 * The bytes of a bundle, from the start each time it is called. Its pieces may be lent: each is
 * valid only until the next is pulled (every consumer here uses a piece before pulling more).
 */
export type BundleSource = () => AsyncIterable<Uint8Array>;

/** Bytes per read of a bundle file. */
const READ_BYTES = 4 * 1024 * 1024;

/**
 * A bundle file as a source: 4 MiB reads into two buffers, the next read running while the
 * piece just read is decrypted; the pieces are lent from those buffers (no allocation per
 * piece), so a gigabyte costs a few hundred reads and no garbage.
 */
export function fileSource(file: string): BundleSource {
  return () => readFileLent(file);
}

async function* readFileLent(file: string): AsyncGenerator<Buffer, void, undefined> {
  const fh = await fsp.open(file, 'r');
  const buffers = [Buffer.allocUnsafe(READ_BYTES), Buffer.allocUnsafe(READ_BYTES)];
  let current = 0;
  let position = 0;
  const readInto = (buf: Buffer, at: number) => {
    const p = fh.read(buf, 0, buf.length, at);
    p.catch(() => {}); // awaited below; never an unhandled rejection meanwhile
    return p;
  };
  let reading: Promise<{ bytesRead: number }> | null = readInto(buffers[current]!, position);
  try {
    for (;;) {
      const { bytesRead } = await reading;
      reading = null;
      if (bytesRead === 0) return;
      const piece = buffers[current]!.subarray(0, bytesRead);
      position += bytesRead;
      // read ahead into the other buffer: it holds the piece lent before, which the consumer
      // has pulled past (this code runs only when it asks for the next piece)
      current ^= 1;
      reading = readInto(buffers[current]!, position);
      yield piece;
    }
  } finally {
    await reading?.catch(() => {});
    await fh.close();
  }
}

export interface TrustedManifest {
  manifest: Manifest;
  manifestBytes: Buffer;
  manifestSha256: string;
  card: ContactCard;
  senderKey: Buffer;
  /** the manifest's minor (0 when it names none): its records are read under the same policy */
  formatMinor: number;
  /** members of a newer minor this version does not know, in the manifest and (as read) its records */
  unknownFields: UnknownFields;
}

export interface ReadHandlers {
  /** after the manifest checks; 'stop' ends the pass there (nothing more is read) */
  beforeEntries?(m: TrustedManifest): Promise<'continue' | 'stop'> | 'continue' | 'stop';
  /** each record, after its checks */
  onRecord?(item: AnyRecord): void;
  /**
   * each file's content; the pass checks size and SHA-256 as the consumer reads and throws
   * BUNDLE_ENTRY_HASH at the end of a mismatching file — a consumer must not keep what it
   * read unless the whole pass succeeds. The pieces are lent: each is valid until the next is
   * pulled. `newHash` gives a SHA-256 of the consumer's own, computed where the pass computes
   * its (on a second thread for large bundles).
   */
  onFile?(
    entry: { sha256: string; size: number },
    content: AsyncIterable<Buffer>,
    newHash: () => StreamHash,
  ): Promise<void>;
  onProgress?(bytesRead: number): void;
  /** the moment the expiry is judged at (default now): a quarantined bundle is judged as of its arrival */
  expiryAt?: Date;
  /** open a passphrase bundle (one scrypt stanza) with this passphrase instead of our key */
  passphrase?: string;
}

export interface ReadSummary extends TrustedManifest {
  contents: KindCounts;
  files: number;
  /** plaintext bytes of records and files */
  bytes: number;
  stopped: boolean;
}

export function bundleError(code: ConstructorParameters<typeof VaultError>[0], message: string): VaultError {
  return new VaultError(code, message);
}

/** How far a bundle's `createdAt` may lie ahead of the moment it is judged at (clocks drift). */
const MANIFEST_FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;
/** The longest a bundle may be valid: `expiresAt` at most this long after `createdAt` (docs, "Limits"). */
export const MAX_BUNDLE_VALIDITY_DAYS = 3650;

/** The manifest checks (steps 4–9): bytes and signature → a manifest we may act on. */
export function checkManifest(
  ctx: DomainContext,
  manifestBytes: Buffer,
  signature: Buffer,
  expiryAt: Date = ctx.now(),
  openedByPassphrase = false,
): TrustedManifest {
  const invalid = (why: string) =>
    bundleError('BUNDLE_MANIFEST_INVALID', `This bundle's manifest is not valid: ${why}. Nothing was imported.`);
  const json = parseStrictJson(manifestBytes);
  if (!json.ok) throw invalid(json.problem);
  const version = documentVersion(json.value, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION);
  if (version.tooNew) throw formatTooNew('bundle', version.major, BUNDLE_FORMAT_VERSION, 'Nothing was imported.');
  const unknownFields = new UnknownFields();
  const parsed = parseVersioned(Manifest, json.value, {
    minor: version.minor,
    readerMinor: BUNDLE_FORMAT_MINOR,
    kind: 'manifest',
    exact: ['sender'],
    unknown: unknownFields,
  });
  if (!parsed.ok) throw invalid(parsed.problem);
  const manifest = parsed.data;
  const createdAt = Date.parse(manifest.createdAt);
  if (Date.parse(manifest.expiresAt) - createdAt > MAX_BUNDLE_VALIDITY_DAYS * 86_400_000) {
    throw invalid(
      `its expiresAt is more than ${MAX_BUNDLE_VALIDITY_DAYS} days after its createdAt, longer than a bundle may be valid`,
    );
  }

  let card: ContactCard;
  try {
    card = parseContactCard(manifest.sender);
  } catch (e) {
    if (isVaultError(e) && e.code === 'CARD_SIGNATURE_INVALID')
      throw bundleError(
        'BUNDLE_SIGNATURE_INVALID',
        "The sender's contact card in this bundle is not validly signed; the bundle cannot be trusted. Nothing was imported.",
      );
    if (isVaultError(e) && e.code.startsWith('CARD_')) throw invalid(`its sender card is not valid (${e.code})`);
    throw e;
  }
  const senderKey = cardPublicKey(card);
  const senderListed = manifest.recipients.some((r) => r.vaultId === card.vaultId && r.publicKey === card.publicKey);
  if (!senderListed)
    throw bundleError(
      'BUNDLE_SIGNATURE_INVALID',
      "This bundle's sender does not list its own key among the recipients, as every bundle must; it cannot be trusted. Nothing was imported.",
    );
  if (!verifySignature(senderKey, 'manifest', manifestBytes, signature)) {
    throw bundleError(
      'BUNDLE_SIGNATURE_INVALID',
      "This bundle's signature does not verify with the key of the sender it names: it was changed after it was signed, or signed by someone else. Nothing was imported.",
    );
  }

  const ourKey = ctx.identity.publicKey.toString('base64');
  // A passphrase bundle names no recipient but its sender: it is addressed to whoever holds the
  // passphrase. That holds only for a file that was opened with a passphrase; a bundle sealed
  // to keys always lists its partner's keys beside the sender's, so it is never taken for one.
  const passphraseAddressed = openedByPassphrase && manifest.recipients.length === 1;
  if (!passphraseAddressed && !manifest.recipients.some((r) => r.vaultId === ctx.vaultId && r.publicKey === ourKey)) {
    throw bundleError(
      'BUNDLE_NOT_LISTED',
      "This bundle's signed manifest does not name this vault as a recipient, so it was not meant for it. Nothing was imported.",
    );
  }
  if (createdAt - expiryAt.getTime() > MANIFEST_FUTURE_TOLERANCE_MS) {
    throw bundleError(
      'BUNDLE_NOT_YET_VALID',
      `This bundle says it was made on ${manifest.createdAt}, more than a day after ${expiryAt.toISOString()}: it was made in the future. Check this computer's clock and the sender's. Nothing was imported.`,
    );
  }
  if (expiryAt.getTime() >= Date.parse(manifest.expiresAt)) {
    throw bundleError(
      'BUNDLE_EXPIRED',
      `This bundle expired on ${manifest.expiresAt}. Ask the sender for a new one. Nothing was imported.`,
    );
  }
  if (card.vaultId === ctx.vaultId || constantTimeEqual(senderKey, ctx.identity.publicKey)) {
    throw bundleError(
      'BUNDLE_FROM_SELF',
      'This bundle was made by this vault; there is nothing to import from it. Its copy is in the ledger (bundle list).',
    );
  }

  let seenFile = false;
  let recordBytes = 0;
  for (const e of manifest.entries) {
    const parsedName = parseEntryName(e.name);
    if (!parsedName) throw entryNameError(e.name);
    if (parsedName.type === 'record') {
      if (seenFile) throw invalid('it lists a record after a file (records come first)');
      if (e.size > BUNDLE_LIMITS.recordBytes) throw tooLarge(e.name, BUNDLE_LIMITS.recordBytes);
      recordBytes += e.size;
      if (recordBytes > BUNDLE_LIMITS.recordsTotalBytes) {
        throw bundleError(
          'BUNDLE_ENTRY_TOO_LARGE',
          `This bundle's records come to more than ${BUNDLE_LIMITS.recordsTotalBytes} bytes, the most one bundle may carry. Nothing was imported.`,
        );
      }
    } else {
      seenFile = true;
      if (e.size > BUNDLE_LIMITS.fileBytes) throw tooLarge(e.name, BUNDLE_LIMITS.fileBytes);
      if (parsedName.sha256 !== e.sha256)
        throw bundleError(
          'BUNDLE_ENTRY_HASH',
          `The manifest lists the file entry ${e.name} with a different SHA-256 than its name. Nothing was imported.`,
        );
    }
  }
  return {
    manifest,
    manifestBytes,
    manifestSha256: createHash('sha256').update(manifestBytes).digest('hex'),
    card,
    senderKey,
    formatMinor: version.minor,
    unknownFields,
  };
}

/** An entry name, quoted safely for a message (control characters replaced, length bounded). */
function shown(name: string): string {
  return JSON.stringify(name.replace(/[\u0000-\u001F\u007F-\u009F]/g, '?').slice(0, 120));
}

function entryNameError(name: string): VaultError {
  return bundleError(
    'BUNDLE_ENTRY_NAME',
    `This bundle has an entry named ${shown(name)}, which is not of the form records/<kind>/<id>.json or files/<sha256>; such a name could reach outside its folder. Nothing was imported.`,
  );
}

function tooLarge(name: string, cap: number): VaultError {
  return bundleError(
    'BUNDLE_ENTRY_TOO_LARGE',
    `The bundle entry ${shown(name)} is larger than ${cap} bytes, the most such an entry may be. Nothing was imported.`,
  );
}

function recordInvalid(name: string, why: string): VaultError {
  return bundleError(
    'BUNDLE_RECORD_INVALID',
    `The record ${shown(name)} in this bundle is not valid: ${why}. Nothing was imported.`,
  );
}

/** Classify an archive entry found where `expected` should be. */
async function misplaced(
  tar: TarReader,
  found: string,
  expected: string,
  listed: readonly string[],
  index: number,
): Promise<VaultError> {
  if (!parseEntryName(found)) return entryNameError(found);
  const at = listed.indexOf(found);
  if (at < 0 || at < index)
    return bundleError(
      'BUNDLE_ENTRY_UNEXPECTED',
      `This bundle contains an entry its manifest does not list (or lists once): ${shown(found)}. Nothing was imported.`,
    );
  // a later entry came early: the expected one is either further on (reordered) or absent
  for (let e = await tar.next(); e; e = await tar.next()) {
    if (e.name === expected)
      return bundleError(
        'BUNDLE_ENTRY_ORDER',
        `The entries of this bundle are not in the order its manifest lists: ${shown(expected)} comes after ${shown(found)}. Nothing was imported.`,
      );
  }
  return bundleError(
    'BUNDLE_ENTRY_MISSING',
    `This bundle lacks the entry ${shown(expected)} that its manifest lists. Nothing was imported.`,
  );
}

async function readSmall(tar: TarReader, size: number): Promise<Buffer> {
  return tar.readAll().then((b) => {
    if (b.length !== size) throw new VaultError('INTERNAL', 'tar entry read short');
    return b;
  });
}

const SCRYPT = 'scrypt';

/**
 * Our vault key, telling a passphrase bundle apart: a file whose only stanza is scrypt cannot be
 * for our key, and saying that it wants a passphrase is more use than "not for this vault".
 */
function keyOnly(ctx: DomainContext): AgeIdentity & { dispose(): void } {
  const key = ctx.identity.bundleIdentity();
  return {
    unwrap(stanzas: readonly AgeStanza[]) {
      if (stanzas.length === 1 && stanzas[0]!.type === SCRYPT)
        throw bundleError(
          'BUNDLE_PASSPHRASE_REQUIRED',
          'This bundle is sealed with a passphrase, not to this vault’s key: import it with the passphrase its sender gave you. Nothing was read.',
        );
      return key.unwrap(stanzas);
    },
    dispose: () => key.dispose(),
  };
}

/**
 * A passphrase, and only for a file sealed with a passphrase alone: exactly one stanza, of type
 * scrypt (age already refuses scrypt beside anything else). Its work factor is checked against
 * SCRYPT_MAX_READ_LOG_N (2^22) before any scrypt runs, so a hostile file cannot cost more.
 */
function passphraseOnly(passphrase: string): AgeIdentity & { dispose(): void } {
  const scrypt = new ScryptIdentity(passphrase);
  return {
    unwrap(stanzas: readonly AgeStanza[]) {
      if (stanzas.length !== 1 || stanzas[0]!.type !== SCRYPT)
        throw bundleError(
          'BUNDLE_NOT_PASSPHRASE',
          'This bundle is not sealed with a passphrase alone: it is sealed to vault keys. Import it without a passphrase, in the vault it was made for. Nothing was read.',
        );
      return scrypt.unwrap(stanzas);
    },
    dispose: () => scrypt.dispose(),
  };
}

/** One pass over a bundle (see the list at the top). */
export async function readBundle(
  ctx: DomainContext,
  source: BundleSource,
  handlers: ReadHandlers = {},
): Promise<ReadSummary> {
  const identity = handlers.passphrase !== undefined ? passphraseOnly(handlers.passphrase) : keyOnly(ctx);
  let tar: TarReader | null = null;
  let thread: HashThread | null = null;
  let bytesRead = 0;
  try {
    // progress counts the bytes of the file read so far (its size is the total)
    const counted = (async function* () {
      for await (const piece of source()) {
        bytesRead += piece.length;
        handlers.onProgress?.(bytesRead);
        yield piece;
      }
    })();
    const plaintext = (async function* () {
      try {
        // batches lent from one buffer: the tar reader and the consumers of entries use
        // every piece before pulling the next (what must outlive a pull is copied)
        yield* decryptAge(counted, [identity], { reuseBuffer: true, lentSource: true });
      } catch (e) {
        if (isVaultError(e) && e.code === 'AGE_NO_IDENTITY_MATCHED' && handlers.passphrase !== undefined) {
          throw bundleError(
            'BUNDLE_PASSPHRASE_WRONG',
            'That passphrase does not open this bundle (a typing mistake, or another bundle’s passphrase). Nothing was read.',
          );
        }
        if (isVaultError(e) && e.code === 'AGE_NO_IDENTITY_MATCHED') {
          throw bundleError(
            'BUNDLE_NOT_FOR_US',
            'This bundle is not addressed to this vault: none of its recipients is this vault’s key. Nothing was read.',
          );
        }
        throw e;
      }
    })();
    tar = new TarReader(plaintext, { lent: true });

    const first = await tar.next();
    if (!first || first.name !== MANIFEST_ENTRY)
      throw bundleError(
        'BUNDLE_MANIFEST_INVALID',
        `This bundle does not begin with its manifest (${MANIFEST_ENTRY}); it is not a Case Vault bundle. Nothing was imported.`,
      );
    if (first.size > BUNDLE_LIMITS.manifestBytes)
      throw bundleError(
        'BUNDLE_MANIFEST_INVALID',
        `This bundle's manifest is larger than ${BUNDLE_LIMITS.manifestBytes} bytes, the most a manifest may be. Nothing was imported.`,
      );
    const manifestBytes = await readSmall(tar, first.size);
    const second = await tar.next();
    if (!second || second.name !== SIGNATURE_ENTRY)
      throw bundleError(
        'BUNDLE_UNSIGNED',
        `This bundle is not signed: ${SIGNATURE_ENTRY} does not follow its manifest. Unsigned bundles are never imported.`,
      );
    if (second.size !== SIGNATURE_BYTES)
      throw bundleError(
        'BUNDLE_SIGNATURE_INVALID',
        `This bundle's signature is ${second.size} bytes, not ${SIGNATURE_BYTES}; it cannot be valid. Nothing was imported.`,
      );
    const signature = await readSmall(tar, second.size);

    const trusted = checkManifest(ctx, manifestBytes, signature, handlers.expiryAt, handlers.passphrase !== undefined);
    const summary: ReadSummary = { ...trusted, contents: zeroCounts(), files: 0, bytes: 0, stopped: false };
    if (handlers.beforeEntries && (await handlers.beforeEntries(trusted)) === 'stop') {
      summary.stopped = true;
      return summary;
    }

    // large files are hashed on a second thread (parallel-hash.ts): the same digest, checked here
    const fileBytes = trusted.manifest.entries.reduce((n, e) => n + (e.name.startsWith('files/') ? e.size : 0), 0);
    if (fileBytes >= parallelHashTuning.minBytes) thread = new HashThread();
    const newHash = (): StreamHash => (thread ? thread.sha256() : localSha256());
    const listed = trusted.manifest.entries.map((e) => e.name);
    // evidence records by the file they name: a file entry must belong to one of them
    const claimed = new Map<string, number>();
    for (let i = 0; i < trusted.manifest.entries.length; i++) {
      const want = trusted.manifest.entries[i]!;
      const e = await tar.next();
      if (!e)
        throw bundleError(
          'BUNDLE_ENTRY_MISSING',
          `This bundle ends before the entry ${shown(want.name)} that its manifest lists. Nothing was imported.`,
        );
      if (e.name !== want.name) throw await misplaced(tar, e.name, want.name, listed, i);
      const name = parseEntryName(e.name)!;
      const cap = name.type === 'record' ? BUNDLE_LIMITS.recordBytes : BUNDLE_LIMITS.fileBytes;
      if (e.size > cap) throw tooLarge(e.name, cap);
      if (e.size !== want.size)
        throw bundleError(
          'BUNDLE_ENTRY_HASH',
          `The bundle entry ${shown(e.name)} is ${e.size} bytes, not the ${want.size} its manifest lists. Nothing was imported.`,
        );

      if (name.type === 'record') {
        const bytes = await readSmall(tar, e.size);
        if (createHash('sha256').update(bytes).digest('hex') !== want.sha256) throw hashError(e.name);
        const json = parseStrictJson(bytes);
        if (!json.ok) throw recordInvalid(e.name, json.problem);
        const parsed = parseVersioned<AnyRecord['record']>(BUNDLE_RECORD_SCHEMAS[name.kind], json.value, {
          minor: trusted.formatMinor,
          readerMinor: BUNDLE_FORMAT_MINOR,
          kind: name.kind,
          unknown: trusted.unknownFields,
        });
        if (!parsed.ok) throw recordInvalid(e.name, parsed.problem);
        if (parsed.data.id !== name.id) throw recordInvalid(e.name, 'its id is not the one in its name');
        const item = { kind: name.kind, record: parsed.data } as AnyRecord;
        checkRecordClaims(trusted, e.name, item);
        if (item.kind === 'evidence' && item.record.sha256 !== undefined)
          claimed.set(item.record.sha256, item.record.size ?? -1);
        summary.contents[name.kind]++;
        summary.bytes += e.size;
        handlers.onRecord?.(item);
      } else {
        const claimedSize = claimed.get(name.sha256);
        if (claimedSize === undefined) throw recordInvalid(e.name, 'no evidence record in the bundle names this file');
        if (claimedSize !== e.size)
          throw recordInvalid(e.name, 'the evidence record that names this file gives another size');
        const hash = newHash();
        let got = 0;
        // pieces are lent (valid until the next is pulled): hashed, then used by the consumer
        const content = (async function* () {
          for await (const piece of tar.content()) {
            await hash.update(piece);
            got += piece.length;
            yield piece;
          }
          if (got !== e.size || (await hash.digest()) !== want.sha256) throw hashError(e.name);
        })();
        if (handlers.onFile) await handlers.onFile({ sha256: name.sha256, size: e.size }, content, newHash);
        else for await (const piece of content) void piece;
        if (got !== e.size) throw hashError(e.name); // a consumer that stopped early
        summary.files++;
        summary.bytes += e.size;
      }
    }
    const extra = await tar.next();
    if (extra) {
      if (!parseEntryName(extra.name)) throw entryNameError(extra.name);
      throw bundleError(
        'BUNDLE_ENTRY_UNEXPECTED',
        `This bundle contains an entry its manifest does not list: ${shown(extra.name)}. Nothing was imported.`,
      );
    }
    return summary;
  } finally {
    identity.dispose();
    await tar?.close().catch(() => {});
    await thread?.close();
  }
}

/** How far a record's own times may run ahead of the bundle's: clocks of air-gapped laptops drift. */
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/**
 * What a record may claim, judged from the bundle alone (so `bundle verify` finds it too): its
 * origin is the signer — a record never speaks for another vault — and it was not written after
 * the bundle that carries it. Authority over records already in the vault is apply.ts's.
 */
function checkRecordClaims(t: TrustedManifest, name: string, item: AnyRecord): void {
  const r = item.record;
  if (r.originVault !== t.card.vaultId) {
    throw bundleError(
      'BUNDLE_ORIGIN_MISMATCH',
      `The record ${shown(name)} in this bundle claims to come from another vault than the one that signed the bundle. A partner may only send records it created itself. Nothing was imported.`,
    );
  }
  const latest = Date.parse(t.manifest.createdAt) + CLOCK_SKEW_MS;
  for (const key of ['createdAt', 'updatedAt'] as const) {
    const v = r[key];
    if (v !== undefined && Date.parse(v) > latest)
      throw recordInvalid(name, `its ${key} is later than the bundle itself was made`);
  }
}

function hashError(name: string): VaultError {
  return bundleError(
    'BUNDLE_ENTRY_HASH',
    `The bundle entry ${shown(name)} does not match the SHA-256 its signed manifest lists: it was changed. Nothing was imported.`,
  );
}
