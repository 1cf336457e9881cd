/**
 * Sync bundles (`.cvsync`, docs/team-sync.md "Sync bundles"): built like a recall notice — an
 * age v1 file (age/) to the member's verified key, holding a strict ustar archive (tar/tar.ts)
 * of exactly two entries, `sync.json` (canonical JSON) and `sync.sig` (64 bytes: XEdDSA by the
 * sender's vault identity over signatureDigest('sync', sync.json)). The entry names and the
 * signature domain are its own, so a sync bundle is never read as a partner bundle or a recall
 * notice, and neither of those as a sync bundle.
 *
 * Reading checks, in order, each with its own code; the whole file is read and authenticated
 * before anything is applied:
 *
 *   age (AGE_* codes; no stanza of ours → BUNDLE_NOT_FOR_US); the strict archive
 *   (BUNDLE_TAR_INVALID); entry 1 is sync.json ≤ 64 MiB, entry 2 sync.sig, nothing else
 *   (SYNC_BUNDLE_INVALID / BUNDLE_UNSIGNED / BUNDLE_ENTRY_UNEXPECTED); strict JSON and the
 *   strict schema (SYNC_BUNDLE_INVALID); the sender card self-signed and sync.sig valid
 *   (BUNDLE_SIGNATURE_INVALID); addressed to this vault (BUNDLE_NOT_LISTED); not from this
 *   vault (BUNDLE_FROM_SELF); the signer an active, verified team member with that very key
 *   (SYNC_MEMBER_UNKNOWN / SYNC_MEMBER_REMOVED / SYNC_MEMBER_NOT_VERIFIED); every change of a
 *   kind, operation and fields team sync carries (SYNC_CHANGE_REFUSED); then, in
 *   sync-service.ts, every change of another origin signed by that origin (SYNC_ORIGIN_MISMATCH,
 *   docs/team-sync.md "Relaying").
 */
import fsp from 'node:fs/promises';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/canonical-json.js';
import { ManifestRecipient } from '../../../shared/domain/bundles.js';
import { ContactCard } from '../../../shared/domain/identity.js';
import { Id } from '../../../shared/domain/common.js';
import { VaultError, isVaultError } from '../../../shared/errors.js';
import { constantTimeEqual } from '../crypto/secure-memory.js';
import type { DomainContext } from '../domain/context.js';
import { cardPublicKey, parseContactCard } from '../identity/contact-card.js';
import { SIGNATURE_BYTES, verifySignature } from '../identity/vault-identity.js';
import { writeNewFile } from '../util/new-file.js';
import { type AgeRecipient, decryptAge, encryptAge } from '../age/index.js';
import { parseStrictJson } from '../bundles/strict-json.js';
import { TarReader, writeTar } from '../tar/tar.js';
import { RECORD_DESCRIPTIONS } from '../records/index.js';
import { ERASED_KINDS, ERASURE_KIND, PURGED_KIND, SYNC_KINDS, columnsOf } from './kinds.js';
import type { SyncChange } from './merge.js';

export const SYNC_FORMAT = 'case-vault/team-sync';
export const SYNC_FORMAT_VERSION = 1;
export const SYNC_ENTRY = 'sync.json';
export const SYNC_SIG_ENTRY = 'sync.sig';
export const SYNC_EXTENSION = '.cvsync';
export const SYNC_LIMITS = {
  documentBytes: 64 * 1024 * 1024,
  changes: 200_000,
  acks: 10_000,
  fieldChars: 1_000_000,
  recordIdChars: 2_000,
} as const;

const Value = z.union([z.string().max(SYNC_LIMITS.fieldChars), z.number().int().safe(), z.null()]);
const Fields = z.record(
  z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(64),
  Value,
);
export const Hlc = z.string().regex(/^\d{15}\.\d{6}$/, 'must be a clock value');

const Change = z.strictObject({
  origin: Id,
  originSeq: z.number().int().min(1).safe(),
  hlc: Hlc,
  kind: z.string().max(64),
  recordId: z.string().min(1).max(SYNC_LIMITS.recordIdChars),
  op: z.enum(['insert', 'update', 'delete']),
  fields: Fields,
  previous: Fields,
  resolves: z
    .array(z.string().regex(/^[0-9a-f]{64}$/))
    .min(1)
    .max(100)
    .optional(),
  sig: z
    .string()
    .regex(/^[A-Za-z0-9+/]{86}==$/, 'must be a signature')
    .optional(),
});

export const SyncDocument = z.strictObject({
  format: z.literal(SYNC_FORMAT),
  formatVersion: z.literal(SYNC_FORMAT_VERSION),
  bundleId: Id,
  createdAt: z.iso.datetime(),
  sender: ContactCard,
  recipients: z.array(ManifestRecipient).min(1).max(16),
  /** per origin, the sender holds every change up to `through` */
  acks: z.array(z.strictObject({ origin: Id, through: z.number().int().min(0).safe() })).max(SYNC_LIMITS.acks),
  changes: z.array(Change).max(SYNC_LIMITS.changes),
});
export type SyncDocument = z.infer<typeof SyncDocument>;

export function syncInvalid(why: string): VaultError {
  return new VaultError('SYNC_BUNDLE_INVALID', `This is not a valid team sync bundle: ${why}. Nothing was changed.`);
}

/** Write the signed document, age-encrypted to `recipients`, to the NEW file `out`. */
export async function writeSyncFile<T>(
  ctx: DomainContext,
  out: string,
  doc: SyncDocument,
  recipients: readonly AgeRecipient[],
  commit: (publish: () => void, bytes: number) => T | Promise<T>,
): Promise<T> {
  const bytes = Buffer.from(canonicalJson(SyncDocument.parse(doc)), 'utf8');
  if (bytes.length > SYNC_LIMITS.documentBytes)
    throw new VaultError(
      'SYNC_BUNDLE_INVALID',
      `This sync bundle would be larger than ${SYNC_LIMITS.documentBytes} bytes; nothing was written.`,
    );
  const signature = ctx.identity.sign('sync', bytes);
  let written = 0;
  return writeNewFile(
    out,
    async (fh) => {
      const archive = writeTar([
        { name: SYNC_ENTRY, size: bytes.length, data: bytes },
        { name: SYNC_SIG_ENTRY, size: signature.length, data: signature },
      ]);
      for await (const piece of encryptAge(archive, recipients)) {
        let off = 0;
        while (off < piece.length) off += (await fh.write(piece, off, piece.length - off)).bytesWritten;
        written += piece.length;
      }
    },
    (publish) => commit(publish, written),
  );
}

async function* fileSource(file: string): AsyncGenerator<Buffer> {
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

async function readEntries(ctx: DomainContext, file: string): Promise<{ bytes: Buffer; signature: Buffer }> {
  const identity = ctx.identity.ageIdentity();
  let tar: TarReader | null = null;
  try {
    const plaintext = (async function* () {
      try {
        yield* decryptAge(fileSource(file), [identity]);
      } catch (e) {
        if (isVaultError(e) && e.code === 'AGE_NO_IDENTITY_MATCHED')
          throw new VaultError(
            'BUNDLE_NOT_FOR_US',
            'This sync bundle is not addressed to this vault: none of its recipients is this vault’s key. Nothing was read.',
          );
        throw e;
      }
    })();
    tar = new TarReader(plaintext);
    const first = await tar.next();
    if (!first || first.name !== SYNC_ENTRY)
      throw syncInvalid(
        first?.name === 'manifest.json'
          ? 'it is a partner bundle (import it with "bundle import")'
          : first?.name === 'notice.json'
            ? 'it is a recall notice (import it with "bundle import")'
            : `it does not begin with ${SYNC_ENTRY}`,
      );
    if (first.size > SYNC_LIMITS.documentBytes)
      throw syncInvalid(`its ${SYNC_ENTRY} is larger than ${SYNC_LIMITS.documentBytes} bytes`);
    const bytes = await tar.readAll();
    const second = await tar.next();
    if (!second || second.name !== SYNC_SIG_ENTRY)
      throw new VaultError(
        'BUNDLE_UNSIGNED',
        `This sync bundle is not signed: ${SYNC_SIG_ENTRY} does not follow ${SYNC_ENTRY}. Unsigned bundles are never applied.`,
      );
    if (second.size !== SIGNATURE_BYTES)
      throw new VaultError(
        'BUNDLE_SIGNATURE_INVALID',
        `This sync bundle's signature is ${second.size} bytes, not ${SIGNATURE_BYTES}; it cannot be valid. Nothing was changed.`,
      );
    const signature = await tar.readAll();
    if (await tar.next())
      throw new VaultError(
        'BUNDLE_ENTRY_UNEXPECTED',
        `This sync bundle holds more than ${SYNC_ENTRY} and ${SYNC_SIG_ENTRY}. Nothing was changed.`,
      );
    return { bytes, signature };
  } finally {
    identity.dispose();
    await tar?.close().catch(() => {});
  }
}

export interface CheckedSync {
  doc: SyncDocument;
  senderKey: Buffer;
}

/** Read and authenticate a sync bundle file (the checks at the top, up to the member check). */
export async function readSyncFile(ctx: DomainContext, file: string): Promise<CheckedSync> {
  try {
    const st = await fsp.stat(file);
    if (!st.isFile()) throw new VaultError('IO_ERROR', 'That is not a file.');
  } catch (e) {
    if (isVaultError(e)) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new VaultError('NOT_FOUND', 'There is no file at that path.');
    throw new VaultError('IO_ERROR', 'The sync bundle cannot be read.', { cause: e });
  }
  const { bytes, signature } = await readEntries(ctx, file);
  const json = parseStrictJson(bytes);
  if (!json.ok) throw syncInvalid(`${SYNC_ENTRY}: ${json.problem}`);
  const parsed = SyncDocument.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw syncInvalid(`${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  const doc = parsed.data;
  let card;
  try {
    card = parseContactCard(doc.sender);
  } catch (e) {
    if (isVaultError(e) && e.code.startsWith('CARD_'))
      throw new VaultError(
        'BUNDLE_SIGNATURE_INVALID',
        "The sender's contact card in this sync bundle is not valid; it cannot be trusted. Nothing was changed.",
      );
    throw e;
  }
  const senderKey = cardPublicKey(card);
  if (!verifySignature(senderKey, 'sync', bytes, signature))
    throw new VaultError(
      'BUNDLE_SIGNATURE_INVALID',
      "This sync bundle's signature does not verify with the key of the sender it names: it was changed after it was signed, or signed by someone else. Nothing was changed.",
    );
  const ourKey = ctx.identity.publicKey.toString('base64');
  if (!doc.recipients.some((r) => r.vaultId === ctx.vaultId && r.publicKey === ourKey))
    throw new VaultError(
      'BUNDLE_NOT_LISTED',
      "This sync bundle's signed recipients do not include this vault, so it was not meant for it. Nothing was changed.",
    );
  if (card.vaultId === ctx.vaultId || constantTimeEqual(senderKey, ctx.identity.publicKey))
    throw new VaultError(
      'BUNDLE_FROM_SELF',
      'This sync bundle was written by this vault; it is for the member it names.',
    );
  return { doc, senderKey };
}

function refused(why: string): VaultError {
  return new VaultError(
    'SYNC_CHANGE_REFUSED',
    `This sync bundle carries a change team sync does not accept (${why}); the whole bundle was refused. Nothing was changed.`,
  );
}

/** A clock more than this ahead of now is refused: it would pin every later change behind it. */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** Each change: made by the signer, of a carried kind, operation and fields, with a sane clock. */
export function checkChanges(changes: readonly SyncChange[], now: Date): void {
  for (const c of changes) {
    if (Number(c.hlc.slice(0, 15)) > now.getTime() + CLOCK_SKEW_MS)
      throw new VaultError(
        'SYNC_CHANGE_REFUSED',
        `This sync bundle carries a change dated more than a day after ${now.toISOString()} (its clock is wrong, or it was forged); the whole bundle was refused. Check the sender's clock. Nothing was changed.`,
      );
    if (c.kind === ERASURE_KIND) {
      const keys = Object.keys(c.fields);
      if (
        c.op !== 'delete' ||
        !/^[0-9a-f-]{36}$/.test(c.recordId) ||
        keys.length !== 1 ||
        !ERASED_KINDS.includes(c.fields.kind as never) ||
        Object.keys(c.previous).length !== 0
      )
        throw refused('an erasure of the wrong form');
      continue;
    }
    if (c.kind === PURGED_KIND) {
      if (
        c.op !== 'delete' ||
        c.recordId !== '-' ||
        Object.keys(c.fields).length + Object.keys(c.previous).length !== 0
      )
        throw refused('a purged change that still carries values');
      continue;
    }
    const kind = SYNC_KINDS.get(c.kind);
    if (!kind) throw refused(`record kind "${c.kind}"`);
    const columns = new Set(columnsOf(kind));
    for (const f of [...Object.keys(c.fields), ...Object.keys(c.previous)])
      if (!columns.has(f)) throw refused(`field "${f}" of ${c.kind}`);
    if (kind.shape === 'record') {
      if (!/^[0-9a-f-]{36}$/.test(c.recordId)) throw refused(`record id of ${c.kind}`);
      const described = RECORD_DESCRIPTIONS[kind.name as keyof typeof RECORD_DESCRIPTIONS].columns as Record<
        string,
        { type: z.ZodType }
      >;
      for (const [f, v] of Object.entries(c.fields))
        if (!described[f]!.type.safeParse(v).success) throw refused(`a value of ${c.kind}.${f} of the wrong form`);
      if (kind.appendOnly && c.op !== 'insert') throw refused(`${c.op} of a consent: consents are append-only`);
      if (c.op === 'insert' && c.fields.id !== c.recordId) throw refused('an insert whose id is not its record id');
      if (c.op === 'update' && ('id' in c.fields || Object.keys(c.fields).length === 0))
        throw refused('an update without fields, or of the id');
      if (c.op === 'update' && Object.keys(c.previous).some((f) => !(f in c.fields)))
        throw refused('an update whose previous values name other fields');
    } else {
      if (c.op === 'update') throw refused(`an update of a ${c.kind} row (rows are added or removed)`);
      const values = c.op === 'insert' ? c.fields : c.previous;
      let key: unknown;
      try {
        key = JSON.parse(c.recordId);
      } catch {
        throw refused(`record id of ${c.kind}`);
      }
      if (JSON.stringify(key) !== JSON.stringify(kind.key.map((k) => values[k] ?? null)))
        throw refused(`a ${c.kind} row whose id is not its key`);
      for (const col of columnsOf(kind)) if (!(col in values)) throw refused(`a ${c.kind} row without ${col}`);
    }
  }
}
