/**
 * The recall notice file (`.cvrecall`, docs/bundle-format.md "Recall notices"): an age v1 file
 * (age/, to the partner's verified keys and our own) holding a strict ustar archive (tar/tar.ts)
 * of exactly two entries, `notice.json` (canonical JSON, at most 1 MiB) and `notice.sig` (64
 * bytes: XEdDSA by the sender's vault identity over signatureDigest('recall', notice.json)).
 *
 * Reading a notice (readNoticeFile) checks, in order, each with its own code; the whole file is
 * read and authenticated before anything is acted on (a notice is small):
 *
 *   1. age: header, stanzas, MAC, payload, truncation, trailing data      → AGE_* codes
 *      no stanza of ours                                                  → BUNDLE_NOT_FOR_US
 *   2. the archive is the strict ustar subset                             → BUNDLE_TAR_INVALID
 *   3. entry 1 is notice.json, at most 1 MiB                              → RECALL_INVALID
 *      entry 2 is notice.sig                                              → BUNDLE_UNSIGNED
 *      notice.sig is 64 bytes                                             → BUNDLE_SIGNATURE_INVALID
 *      no third entry                                                     → BUNDLE_ENTRY_UNEXPECTED
 *   4. notice.json: strict JSON (parseStrictJson)                         → RECALL_INVALID
 *      a newer major format version                                       → BUNDLE_FORMAT_TOO_NEW
 *      the strict schema (a newer minor: unknown members left out and
 *      reported, format-version.ts)                                       → RECALL_INVALID
 *   5. the sender card is self-signed, the sender's key and vault id are
 *      among the recipients, notice.sig verifies                          → BUNDLE_SIGNATURE_INVALID
 *   6. this vault (id and key) is among the recipients                    → BUNDLE_NOT_LISTED
 *   7. not made in the future (createdAt ≤ now + 24 h)                    → BUNDLE_NOT_YET_VALID
 *      now is before expiresAt (when there is one)                        → BUNDLE_EXPIRED
 *   8. the sender is not this vault                                       → BUNDLE_FROM_SELF
 *
 * Who may act through a notice (a verified partner key) and on what (records the signer
 * originated) is decided by receive.ts.
 */
import { createHash } from 'node:crypto';
import fsp from 'node:fs/promises';
import { canonicalJson } from '../../../../shared/canonical-json.js';
import type { ContactCard } from '../../../../shared/domain/identity.js';
import type { UnknownField } from '../../../../shared/domain/bundles.js';
import {
  NOTICE_ENTRY,
  NOTICE_SIG_ENTRY,
  RECALL_FORMAT,
  RECALL_FORMAT_MINOR,
  RECALL_FORMAT_VERSION,
  RECALL_LIMITS,
  RecallNotice,
} from '../../../../shared/domain/recall.js';
import { VaultError, isVaultError } from '../../../../shared/errors.js';
import { constantTimeEqual } from '../../crypto/secure-memory.js';
import type { DomainContext } from '../../domain/context.js';
import { cardPublicKey, parseContactCard } from '../../identity/contact-card.js';
import { SIGNATURE_BYTES, verifySignature } from '../../identity/vault-identity.js';
import { writeNewFile } from '../../util/new-file.js';
import { type AgeRecipient, decryptAge, encryptAge } from '../../age/index.js';
import { UnknownFields, documentVersion, formatTooNew, parseVersioned } from '../format-version.js';
import { parseStrictJson } from '../strict-json.js';
import { TarReader, writeTar } from '../../tar/tar.js';

/** The notice's bytes and signature, ready to be written. */
export interface SignedNotice {
  notice: RecallNotice;
  bytes: Buffer;
  sha256: string;
  signature: Buffer;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Serialise (canonical JSON) and sign a notice with this vault's identity. */
export function signNotice(ctx: DomainContext, notice: RecallNotice): SignedNotice {
  const checked = RecallNotice.parse(notice); // never write what a partner would refuse
  const bytes = Buffer.from(canonicalJson(checked), 'utf8');
  if (bytes.length > RECALL_LIMITS.noticeBytes)
    throw new VaultError(
      'RECALL_INVALID',
      `This recall notice would be larger than ${RECALL_LIMITS.noticeBytes} bytes; recall fewer bundles at a time.`,
    );
  return { notice: checked, bytes, sha256: sha256Hex(bytes), signature: ctx.identity.sign('recall', bytes) };
}

/** The plaintext archive of a notice: notice.json then notice.sig. */
export function noticeArchive(bytes: Buffer, signature: Buffer): AsyncGenerator<Buffer> {
  return writeTar([
    { name: NOTICE_ENTRY, size: bytes.length, data: bytes },
    { name: NOTICE_SIG_ENTRY, size: signature.length, data: signature },
  ]);
}

/**
 * Write a signed notice, age-encrypted to `recipients`, to a NEW file `out` (util/new-file.ts:
 * temp name, fsync, never over an existing file). `commit` runs once the data is durable, with
 * the function that gives the file its name: call it inside the transaction that records it.
 */
export async function writeNoticeFile<T>(
  out: string,
  signed: SignedNotice,
  recipients: readonly AgeRecipient[],
  commit: (publish: () => void, bytes: number) => T | Promise<T>,
): Promise<T> {
  let bytes = 0;
  return writeNewFile(
    out,
    async (fh) => {
      for await (const piece of encryptAge(noticeArchive(signed.bytes, signed.signature), recipients)) {
        let off = 0;
        while (off < piece.length) off += (await fh.write(piece, off, piece.length - off)).bytesWritten;
        bytes += piece.length;
      }
    },
    (publish) => commit(publish, bytes),
  );
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A notice made more than this after now is refused (clocks differ; a day is generous). */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export function recallInvalid(why: string): VaultError {
  return new VaultError('RECALL_INVALID', `This is not a valid recall notice: ${why}. Nothing was changed.`);
}

/** A notice that passed checks 1–8. */
export interface CheckedNotice {
  notice: RecallNotice;
  bytes: Buffer;
  sha256: string;
  card: ContactCard;
  senderKey: Buffer;
  /** a notice of a newer minor: the members this version does not know (left out) */
  unknownFields: UnknownField[];
}

async function readSmall(tar: TarReader): Promise<Buffer> {
  return tar.readAll();
}

/**
 * Steps 1–3: decrypt the whole file with this vault's key and return the two entries. The
 * source is read to its end (the tar end marker and the age final chunk are checked).
 */
export async function readNoticeEntries(
  ctx: DomainContext,
  source: () => AsyncIterable<Uint8Array>,
): Promise<{ bytes: Buffer; signature: Buffer }> {
  const identity = ctx.identity.bundleIdentity();
  let tar: TarReader | null = null;
  try {
    const plaintext = (async function* () {
      try {
        yield* decryptAge(source(), [identity]);
      } catch (e) {
        if (isVaultError(e) && e.code === 'AGE_NO_IDENTITY_MATCHED') {
          throw new VaultError(
            'BUNDLE_NOT_FOR_US',
            'This recall notice is not addressed to this vault: none of its recipients is this vault’s key. Nothing was read.',
          );
        }
        throw e;
      }
    })();
    tar = new TarReader(plaintext);
    const first = await tar.next();
    if (!first || first.name !== NOTICE_ENTRY) throw recallInvalid(`it does not begin with ${NOTICE_ENTRY}`);
    if (first.size > RECALL_LIMITS.noticeBytes)
      throw recallInvalid(`its ${NOTICE_ENTRY} is larger than ${RECALL_LIMITS.noticeBytes} bytes`);
    const bytes = await readSmall(tar);
    const second = await tar.next();
    if (!second || second.name !== NOTICE_SIG_ENTRY)
      throw new VaultError(
        'BUNDLE_UNSIGNED',
        `This recall notice is not signed: ${NOTICE_SIG_ENTRY} does not follow ${NOTICE_ENTRY}. Unsigned notices are never applied.`,
      );
    if (second.size !== SIGNATURE_BYTES)
      throw new VaultError(
        'BUNDLE_SIGNATURE_INVALID',
        `This recall notice's signature is ${second.size} bytes, not ${SIGNATURE_BYTES}; it cannot be valid. Nothing was changed.`,
      );
    const signature = await readSmall(tar);
    const third = await tar.next();
    if (third)
      throw new VaultError(
        'BUNDLE_ENTRY_UNEXPECTED',
        `This recall notice holds more than ${NOTICE_ENTRY} and ${NOTICE_SIG_ENTRY}; a notice has exactly those two entries. Nothing was changed.`,
      );
    return { bytes, signature };
  } finally {
    identity.dispose();
    await tar?.close().catch(() => {});
  }
}

/** Steps 4–8: the notice's bytes and signature → a notice addressed to us by its signer. */
export function checkNotice(ctx: DomainContext, bytes: Buffer, signature: Buffer, at: Date = ctx.now()): CheckedNotice {
  const json = parseStrictJson(bytes);
  if (!json.ok) throw recallInvalid(`${NOTICE_ENTRY}: ${json.problem}`);
  const version = documentVersion(json.value, RECALL_FORMAT, RECALL_FORMAT_VERSION);
  if (version.tooNew) throw formatTooNew('recall notice', version.major, RECALL_FORMAT_VERSION, 'Nothing was changed.');
  const unknownFields = new UnknownFields();
  const parsed = parseVersioned(RecallNotice, json.value, {
    minor: version.minor,
    readerMinor: RECALL_FORMAT_MINOR,
    kind: 'notice',
    exact: ['sender'],
    unknown: unknownFields,
  });
  if (!parsed.ok) throw recallInvalid(parsed.problem);
  const notice = parsed.data;

  let card: ContactCard;
  try {
    card = parseContactCard(notice.sender);
  } catch (e) {
    if (isVaultError(e) && e.code === 'CARD_SIGNATURE_INVALID')
      throw new VaultError(
        'BUNDLE_SIGNATURE_INVALID',
        "The sender's contact card in this recall notice is not validly signed; the notice cannot be trusted. Nothing was changed.",
      );
    if (isVaultError(e) && e.code.startsWith('CARD_')) throw recallInvalid(`its sender card is not valid (${e.code})`);
    throw e;
  }
  const senderKey = cardPublicKey(card);
  if (!notice.recipients.some((r) => r.vaultId === card.vaultId && r.publicKey === card.publicKey)) {
    throw new VaultError(
      'BUNDLE_SIGNATURE_INVALID',
      "This recall notice's sender does not list its own key among the recipients, as every notice must; it cannot be trusted. Nothing was changed.",
    );
  }
  if (!verifySignature(senderKey, 'recall', bytes, signature)) {
    throw new VaultError(
      'BUNDLE_SIGNATURE_INVALID',
      "This recall notice's signature does not verify with the key of the sender it names: it was changed after it was signed, or signed by someone else. Nothing was changed.",
    );
  }
  const ourKey = ctx.identity.publicKey.toString('base64');
  if (!notice.recipients.some((r) => r.vaultId === ctx.vaultId && r.publicKey === ourKey)) {
    throw new VaultError(
      'BUNDLE_NOT_LISTED',
      "This recall notice's signed recipients do not include this vault, so it was not meant for it. Nothing was changed.",
    );
  }
  if (Date.parse(notice.createdAt) - at.getTime() > FUTURE_TOLERANCE_MS) {
    throw new VaultError(
      'BUNDLE_NOT_YET_VALID',
      `This recall notice says it was made on ${notice.createdAt}, more than a day after ${at.toISOString()}: it was made in the future. Check this computer's clock and the sender's. Nothing was changed.`,
    );
  }
  if (notice.expiresAt !== undefined && at.getTime() >= Date.parse(notice.expiresAt)) {
    throw new VaultError(
      'BUNDLE_EXPIRED',
      `This recall notice expired on ${notice.expiresAt}. Ask the sender for a new one. Nothing was changed.`,
    );
  }
  if (card.vaultId === ctx.vaultId || constantTimeEqual(senderKey, ctx.identity.publicKey)) {
    throw new VaultError(
      'BUNDLE_FROM_SELF',
      'This recall notice was written by this vault; it is for the partner it names, not for this vault. Its copy is in the recall ledger (bundle recalls).',
    );
  }
  return { notice, bytes, sha256: sha256Hex(bytes), card, senderKey, unknownFields: unknownFields.list };
}

/** A notice file on disk: checks 1–8. */
export async function readNoticeFile(ctx: DomainContext, file: string): Promise<CheckedNotice> {
  const { bytes, signature } = await readNoticeEntries(ctx, () => readFileSource(file));
  return checkNotice(ctx, bytes, signature);
}

async function* readFileSource(file: string): AsyncGenerator<Buffer> {
  const fh = await fsp.open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(256 * 1024);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) return;
      yield Buffer.from(buf.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
}
