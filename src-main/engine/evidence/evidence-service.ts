/**
 * Evidence: intake of files into the encrypted evidence store, working copies, verification,
 * reading for the viewer, export of decrypted copies, and each item's chain of custody.
 *
 * Intake streams the file through the blob store (flat memory whatever its size), which
 * encrypts it and computes the SHA-256 of the unaltered original on the way. The blob file is
 * durable before the transaction that names it commits: key row, evidence row, 'received'
 * custody event and audit entry, all in one mutate(). A failure before that commit removes the
 * blob file again (release(pending, false)), so nothing is left behind.
 *
 * Every custody event written here also records its hash in the audit entry of the same
 * transaction (details.custodyHash): see custody-log.ts for why.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { canonicalJson, type JsonValue } from '../../../shared/canonical-json.js';
import { csvLine } from '../util/csv.js';
import { Id, startOf } from '../../../shared/domain/common.js';
import {
  AddDerivedCopyInput,
  AddEvidenceFromSourceInput,
  type AddEvidenceFromSourceInput as AddEvidenceFromSourceInputT,
  AddEvidenceInput,
  type AddDerivedCopyInput as AddDerivedCopyInputT,
  type AddEvidenceInput as AddEvidenceInputT,
  type CustodyLog,
  CustodyLogFormat,
  type CustodyLogFormat as CustodyLogFormatT,
  type Evidence,
  type EvidenceExport,
  type EvidenceVerification,
  ExportEvidenceInput,
  FilePath,
  type ExportEvidenceInput as ExportEvidenceInputT,
  ListEvidenceQuery,
  type ListEvidenceQuery as ListEvidenceQueryT,
  ReadEvidenceOptions,
  type ReadEvidenceOptions as ReadEvidenceOptionsT,
} from '../../../shared/domain/evidence.js';
import { VaultError, isVaultError } from '../../../shared/errors.js';
import { requireCase } from '../cases/case-service.js';
import { all, get, run, sql, sqlJoin, type ReadableDB, type SqlFragment } from '../db/sql.js';
import { type AuditNote, type DomainContext, mutate, notFound, nowIso, parseInput } from '../domain/context.js';
import type { EvidenceRecord } from '../../../shared/domain/bundles.js';
import { EVIDENCE, type EvidenceRow } from '../records/evidence.js';
import { NOT_SHARED, type ReceivedWrite, pick, receivedValues } from '../records/received.js';
import type { BlobSource, PendingBlob } from '../evidence-store/blob-store.js';
import { uuidv7 } from '../util/ids.js';
import { appendCustodyEvent, listCustodyEvents, verifyCustodyChain } from './custody-log.js';
import { HEAD_BYTES, detectMediaType } from './media-type.js';
import { writeNewFile } from '../util/new-file.js';

/** Progress of a long read or write: bytes done of the total. */
export type EvidenceProgress = (done: number, total: number) => void;

/** How much of the source file one read takes: fewer, larger reads are faster. */
const READ_BYTES = 1024 * 1024;

function toEvidence(r: EvidenceRow): Evidence {
  const { seq: _seq, ...fields } = EVIDENCE.toFields(r);
  return fields;
}

const IdArg = z.strictObject({ id: Id });

function parseId(id: unknown): string {
  return parseInput(IdArg, { id }).id;
}

/** The evidence row, or NOT_FOUND. Other services (bundles) call this before touching an item. */
export function requireEvidence(db: ReadableDB, id: string): EvidenceRow {
  const r = get(db, sql`SELECT * FROM evidence WHERE id = ${id}`);
  if (!r) throw notFound('evidence item', id);
  return EVIDENCE.parse(r);
}

export function getEvidence(ctx: DomainContext, id: string): Evidence {
  return toEvidence(requireEvidence(ctx.db, parseId(id)));
}

export function listEvidence(ctx: DomainContext, query: ListEvidenceQueryT): Evidence[] {
  const q = parseInput(ListEvidenceQuery, query);
  requireCase(ctx.db, q.caseId);
  const where: SqlFragment[] = [sql`case_id = ${q.caseId}`];
  if (q.type) where.push(sql`type = ${q.type}`);
  if (!q.includeCopies) where.push(sql`derived_from IS NULL`);
  return EVIDENCE.parseAll(
    all(ctx.db, sql`SELECT * FROM evidence WHERE ${sqlJoin(where, ' AND ')} ORDER BY received_at, seq`),
  ).map(toEvidence);
}

// ---------------------------------------------------------------------------------------------
// Intake

/** Why a file could not be read, in words, from the system error code. */
function unreadableReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'there is no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of its path is not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission to read it was refused';
    case 'ELOOP':
      return 'it is a loop of symbolic links';
    case 'ENAMETOOLONG':
      return 'its path is too long';
    case 'EIO':
      return 'the disk reported a read error';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'ENXIO':
    case 'ENODEV':
      return 'it is a device, not a file';
    default:
      return code ? `it could not be read (${code})` : 'it could not be read';
  }
}

/** A file name quoted for a message: control characters escaped, so an error stays one line. */
function quoted(fileName: string): string {
  return JSON.stringify(fileName);
}

/** EVIDENCE_UNREADABLE naming the file by its base name only, never its folders. */
function unreadable(fileName: string, reason: string, cause?: unknown): VaultError {
  const shown = fileName.length > 0 ? quoted(fileName) : 'That file';
  return new VaultError(
    'EVIDENCE_UNREADABLE',
    `${shown} cannot be taken in: ${reason}. Nothing was added.`,
    cause === undefined ? undefined : { cause },
  );
}

function ioError(what: string, e: unknown): VaultError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return new VaultError('IO_ERROR', `${what}${code ? ` (${code})` : ''}.`, { cause: e });
}

interface Intake {
  pending: PendingBlob;
  fileName: string;
  mediaType: string;
}

/** Keeps the first HEAD_BYTES of a stream for media-type detection, and counts its bytes. */
class HeadTap {
  private readonly parts: Buffer[] = [];
  private headBytes = 0;
  bytes = 0;
  take(chunk: Uint8Array): Buffer {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.bytes += buf.length;
    if (this.headBytes < HEAD_BYTES) {
      const part = buf.subarray(0, HEAD_BYTES - this.headBytes);
      this.parts.push(Buffer.from(part));
      this.headBytes += part.length;
    }
    return buf;
  }
  mediaType(fileName: string): string {
    return detectMediaType(Buffer.concat(this.parts), fileName, this.bytes <= HEAD_BYTES);
  }
}

/**
 * Stream a file from disk into a pending blob. The file must be a regular file, and must not
 * change while it is read (same size before and after, same modification time): otherwise the
 * recorded hash would describe something that was never the file.
 */
async function takeIn(
  ctx: DomainContext,
  filePath: string,
  mediaType: string | undefined,
  onProgress?: EvidenceProgress,
): Promise<Intake> {
  const absolute = path.resolve(filePath);
  const fileName = path.basename(absolute);
  let fh: fsp.FileHandle;
  try {
    // O_NONBLOCK: opening a named pipe must not hang waiting for a writer.
    fh = await fsp.open(absolute, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw unreadable(fileName, unreadableReason(e), e);
  }
  try {
    let before: fs.Stats;
    try {
      before = await fh.stat();
    } catch (e) {
      throw unreadable(fileName, unreadableReason(e), e);
    }
    if (before.isDirectory()) throw unreadable(fileName, 'it is a folder, not a file');
    if (!before.isFile()) throw unreadable(fileName, 'it is not a regular file (a device, pipe or socket)');
    const total = before.size;
    const stream = fs.createReadStream(absolute, { fd: fh, autoClose: false, start: 0, highWaterMark: READ_BYTES });
    const tap = new HeadTap();
    async function* source(): AsyncGenerator<Buffer> {
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) yield tap.take(chunk);
      } catch (e) {
        throw unreadable(fileName, unreadableReason(e), e);
      }
      let after: fs.Stats;
      try {
        after = await fh.stat();
      } catch (e) {
        throw unreadable(fileName, unreadableReason(e), e);
      }
      if (tap.bytes !== total || after.size !== total || after.mtimeMs !== before.mtimeMs) {
        throw unreadable(
          fileName,
          'it changed while it was being read (copy it somewhere it is not being written to, then try again)',
        );
      }
    }
    let pending: PendingBlob;
    try {
      pending = await ctx.blobs.write(source(), onProgress ? (done) => onProgress(done, total) : undefined);
    } catch (e) {
      if (isVaultError(e)) throw e;
      throw ioError('The file could not be written into the vault folder', e);
    } finally {
      stream.destroy();
    }
    return { pending, fileName, mediaType: mediaType ?? tap.mediaType(fileName) };
  } finally {
    await fh.close().catch(() => {});
  }
}

/** A title from a file name: NFC, trimmed, at most 200 characters (ShortText). */
function titleFrom(fileName: string): string {
  const t = [...fileName.normalize('NFC').trim()].slice(0, 200).join('').trim();
  return t.length > 0 ? t : 'Untitled';
}

/**
 * collectedAt may not lie in the future. A day is allowed up to 14 hours ahead of UTC (the
 * widest time zone: "today" where the user is), a time up to five minutes (clock drift).
 */
function checkCollectedAt(ctx: DomainContext, collectedAt: string | undefined): void {
  if (collectedAt === undefined) return;
  const slack = collectedAt.length === 10 ? 14 * 3_600_000 : 5 * 60_000;
  if (startOf(collectedAt) > ctx.now().getTime() + slack) {
    throw new VaultError('INVALID_INPUT', 'collectedAt: is in the future.');
  }
}

const PROVENANCE_FIELDS = ['description', 'source', 'collector', 'method', 'collectedAt', 'place'] as const;

/**
 * Take a file in as evidence of a case. The file is streamed (never read whole into memory);
 * the SHA-256 recorded is that of the bytes read, which the store computes while encrypting.
 */
export async function addEvidence(
  ctx: DomainContext,
  input: AddEvidenceInputT,
  opts: { onProgress?: EvidenceProgress } = {},
): Promise<Evidence> {
  const p = parseInput(AddEvidenceInput, input);
  requireCase(ctx.db, p.caseId);
  checkCollectedAt(ctx, p.collectedAt);
  return commitIntake(ctx, p, await takeIn(ctx, p.filePath, p.mediaType, opts.onProgress));
}

/**
 * Take in evidence from a stream of bytes rather than a file (demo data; bundle import). The
 * same rules as addEvidence; errors of the source pass through as they are.
 */
export async function addEvidenceFromSource(
  ctx: DomainContext,
  input: AddEvidenceFromSourceInputT,
  source: BlobSource,
  opts: { onProgress?: (done: number) => void } = {},
): Promise<Evidence> {
  const p = parseInput(AddEvidenceFromSourceInput, input);
  requireCase(ctx.db, p.caseId);
  checkCollectedAt(ctx, p.collectedAt);
  const tap = new HeadTap();
  async function* tapped(): AsyncGenerator<Buffer> {
    for await (const chunk of source) yield tap.take(chunk);
  }
  const pending = await ctx.blobs.write(tapped(), opts.onProgress);
  return commitIntake(ctx, p, { pending, fileName: p.fileName, mediaType: p.mediaType ?? tap.mediaType(p.fileName) });
}

type IntakeFields = Omit<z.output<typeof AddEvidenceInput>, 'filePath'>;

/** One transaction: the key row, the evidence row, 'received' and the audit entry; then release. */
async function commitIntake(ctx: DomainContext, p: IntakeFields, intake: Intake): Promise<Evidence> {
  const { pending } = intake;
  let committed = false;
  try {
    const evidence = mutate(ctx, (audit) => {
      requireCase(ctx.db, p.caseId);
      const at = nowIso(ctx);
      const id = uuidv7(ctx.now().getTime());
      ctx.blobs.commit(ctx.db, pending, at);
      run(
        ctx.db,
        EVIDENCE.insert({
          id,
          case_id: p.caseId,
          blob_id: pending.blobId,
          derived_from: null,
          derivation_reason: null,
          title: p.title ?? titleFrom(intake.fileName),
          description: p.description,
          type: p.type,
          file_name: intake.fileName,
          media_type: intake.mediaType,
          size: pending.size,
          sha256: pending.sha256,
          source: p.source,
          collector: p.collector,
          method: p.method,
          collected_at: p.collectedAt ?? null,
          place: p.place,
          received_at: at,
          last_verified_at: null,
          created_at: at,
          updated_at: at,
          version: 1,
          origin_vault: ctx.vaultId,
        }),
      );
      const fields = PROVENANCE_FIELDS.filter((f) => p[f] !== undefined && p[f] !== '');
      const event = appendCustodyEvent(ctx, id, 'received', {
        sha256: pending.sha256,
        size: pending.size,
        mediaType: intake.mediaType,
        fields: [...fields],
      });
      audit({
        action: 'evidence.added',
        subject: { kind: 'evidence', id },
        details: {
          caseId: p.caseId,
          type: p.type,
          mediaType: intake.mediaType,
          size: pending.size,
          sha256: pending.sha256,
          fields: [...fields],
          custodyHash: event.hash,
        },
      });
      return toEvidence(requireEvidence(ctx.db, id));
    });
    committed = true;
    return evidence;
  } finally {
    await ctx.blobs.release(pending, committed);
  }
}

/**
 * Take in a working copy of an item (e.g. a redacted copy) as an item of its own, linked to the
 * item it was made from (`derivedFrom` is the id given, whether that is an original or itself
 * a copy). The copy belongs to the same case and has the same type; the reason is kept in the
 * copy's record. Custody: 'received' on the copy, 'derived' (naming the copy) on the item.
 */
export async function addDerivedCopy(
  ctx: DomainContext,
  input: AddDerivedCopyInputT,
  opts: { onProgress?: EvidenceProgress } = {},
): Promise<Evidence> {
  const p = parseInput(AddDerivedCopyInput, input);
  requireEvidence(ctx.db, p.originalId);
  const intake = await takeIn(ctx, p.filePath, p.mediaType, opts.onProgress);
  const { pending } = intake;
  let committed = false;
  try {
    const copy = mutate(ctx, (audit) => {
      const original = requireEvidence(ctx.db, p.originalId);
      const at = nowIso(ctx);
      const id = uuidv7(ctx.now().getTime());
      ctx.blobs.commit(ctx.db, pending, at);
      run(
        ctx.db,
        EVIDENCE.insert({
          id,
          case_id: original.case_id,
          blob_id: pending.blobId,
          derived_from: original.id,
          derivation_reason: p.reason,
          title: p.title ?? titleFrom(intake.fileName),
          description: p.description,
          type: original.type,
          file_name: intake.fileName,
          media_type: intake.mediaType,
          size: pending.size,
          sha256: pending.sha256,
          source: '',
          collector: '',
          method: '',
          collected_at: null,
          place: '',
          received_at: at,
          last_verified_at: null,
          created_at: at,
          updated_at: at,
          version: 1,
          origin_vault: ctx.vaultId,
        }),
      );
      const received = appendCustodyEvent(ctx, id, 'received', {
        sha256: pending.sha256,
        size: pending.size,
        mediaType: intake.mediaType,
        derivedFrom: original.id,
      });
      const derived = appendCustodyEvent(ctx, original.id, 'derived', { copyId: id, sha256: pending.sha256 });
      audit({
        action: 'evidence.copy-added',
        subject: { kind: 'evidence', id },
        details: {
          caseId: original.case_id,
          derivedFrom: original.id,
          type: original.type,
          mediaType: intake.mediaType,
          size: pending.size,
          sha256: pending.sha256,
          custodyHash: received.hash,
        },
      });
      audit({
        action: 'evidence.derived',
        subject: { kind: 'evidence', id: original.id },
        details: { copyId: id, custodyHash: derived.hash },
      });
      return toEvidence(requireEvidence(ctx.db, id));
    });
    committed = true;
    return copy;
  } finally {
    await ctx.blobs.release(pending, committed);
  }
}

// ---------------------------------------------------------------------------------------------
// Verification and reading

const STORE_FAILURES: ReadonlySet<string> = new Set([
  'BLOB_TAMPERED',
  'BLOB_TRUNCATED',
  'BLOB_MISSING',
  'BLOB_NOT_FOUND',
  'BLOB_HASH_MISMATCH',
  'EVIDENCE_HASH_MISMATCH',
]);

/** The error a failed check of a stored item becomes: same code (hash mismatches: EVIDENCE_HASH_MISMATCH), a sentence about the item. */
function integrityError(id: string, e: VaultError): VaultError {
  switch (e.code) {
    case 'BLOB_HASH_MISMATCH':
    case 'EVIDENCE_HASH_MISMATCH':
      return new VaultError(
        'EVIDENCE_HASH_MISMATCH',
        `Evidence ${id} does not match the SHA-256 recorded when it was taken in: the stored copy has changed and must not be relied on. Restore it from a backup or a partner's copy.`,
        { cause: e },
      );
    case 'BLOB_MISSING':
      return new VaultError(
        'BLOB_MISSING',
        `Evidence ${id} failed verification: its encrypted file is missing from the vault folder. Restore it from a backup.`,
        { cause: e },
      );
    case 'BLOB_NOT_FOUND':
      return new VaultError(
        'BLOB_NOT_FOUND',
        `Evidence ${id} failed verification: the key of its encrypted file is no longer in the vault, so it cannot be read.`,
        { cause: e },
      );
    case 'BLOB_TRUNCATED':
      return new VaultError(
        'BLOB_TRUNCATED',
        `Evidence ${id} failed verification: its encrypted file has been cut short and cannot be trusted. Restore it from a backup.`,
        { cause: e },
      );
    case 'BLOB_TAMPERED':
      return new VaultError(
        'BLOB_TAMPERED',
        `Evidence ${id} failed verification: ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)} Restore it from a backup.`,
        { cause: e },
      );
    default:
      return e;
  }
}

/**
 * Record a failed check of an item in its own committed transaction, then return the error to
 * throw. If even the record cannot be written, the integrity error is still what is reported.
 */
function recordFailure(
  ctx: DomainContext,
  id: string,
  e: VaultError,
  during: 'verify' | 'read' | 'export',
): VaultError {
  const err = integrityError(id, e);
  try {
    mutate(ctx, (audit) => {
      const event = appendCustodyEvent(ctx, id, 'verification-failed', { code: err.code, during });
      audit({
        action: 'evidence.verification-failed',
        subject: { kind: 'evidence', id },
        details: { code: err.code, during, custodyHash: event.hash },
      });
    });
  } catch {
    // the database refused too; the integrity error below is the news that matters
  }
  return err;
}

function isStoreFailure(e: unknown): e is VaultError {
  return isVaultError(e) && STORE_FAILURES.has(e.code);
}

/**
 * Re-read the stored item (every chunk authenticated) and compare its SHA-256 with the one
 * recorded at intake. A match is recorded ('verified', last_verified_at); a failure is
 * recorded ('verification-failed' with the error code) in a transaction of its own and thrown.
 */
export async function verifyEvidence(
  ctx: DomainContext,
  id: string,
  opts: { onProgress?: EvidenceProgress } = {},
): Promise<EvidenceVerification> {
  const evidenceId = parseId(id);
  const row = requireEvidence(ctx.db, evidenceId);
  const size = Number(row.size);
  const hash = createHash('sha256');
  let done = 0;
  try {
    for await (const chunk of ctx.blobs.get(row.blob_id, {
      verifyHash: true,
      onProgress: opts.onProgress ? (n) => opts.onProgress!(n, size) : undefined,
    })) {
      hash.update(chunk);
      done += chunk.length;
    }
  } catch (e) {
    if (isStoreFailure(e)) throw recordFailure(ctx, evidenceId, e, 'verify');
    throw e;
  }
  const sha256 = hash.digest('hex');
  if (sha256 !== row.sha256 || done !== size) {
    throw recordFailure(ctx, evidenceId, new VaultError('EVIDENCE_HASH_MISMATCH', 'hash differs'), 'verify');
  }
  return mutate(ctx, (audit) => {
    const at = nowIso(ctx);
    run(ctx.db, EVIDENCE.update(evidenceId, { last_verified_at: at })!);
    const event = appendCustodyEvent(ctx, evidenceId, 'verified', { sha256, result: 'match' });
    audit({
      action: 'evidence.verified',
      subject: { kind: 'evidence', id: evidenceId },
      details: { result: 'match', custodyHash: event.hash },
    });
    return { id: evidenceId, result: 'match' as const, sha256, size: done, verifiedAt: at };
  });
}

/**
 * The plaintext of an item, as a stream of authenticated chunks (for the desktop viewer, which
 * serves it from memory; never a decrypted temp file). The 'viewed' or 'copied' custody event is
 * recorded before the first byte is returned. If the stored file turns out to be altered, the
 * stream throws and a 'verification-failed' event is recorded: the consumer must discard what
 * it received.
 */
export function readEvidence(ctx: DomainContext, id: string, opts: ReadEvidenceOptionsT): AsyncIterable<Buffer> {
  const evidenceId = parseId(id);
  const o = parseInput(ReadEvidenceOptions, opts);
  const row = requireEvidence(ctx.db, evidenceId);
  mutate(ctx, (audit) => {
    const action = o.purpose === 'view' ? 'viewed' : 'copied';
    const event = appendCustodyEvent(ctx, evidenceId, action, {});
    audit({
      action: `evidence.${action}`,
      subject: { kind: 'evidence', id: evidenceId },
      details: { custodyHash: event.hash },
    });
  });
  const blobId = row.blob_id;
  return (async function* () {
    try {
      yield* ctx.blobs.get(blobId, { verifyHash: true });
    } catch (e) {
      if (isStoreFailure(e)) throw recordFailure(ctx, evidenceId, e, 'read');
      throw e;
    }
  })();
}

/**
 * Write a decrypted copy of an item to a file the user chose. The copy is checked against the
 * recorded SHA-256 while it is written; it appears under its name only when complete, never
 * replaces an existing file, and the 'exported' custody event commits with it.
 */
export async function exportEvidence(
  ctx: DomainContext,
  id: string,
  destPath: string,
  opts: { reason: string; onProgress?: EvidenceProgress },
): Promise<EvidenceExport> {
  const p = parseInput(ExportEvidenceInput, { id, destPath, reason: opts.reason } satisfies ExportEvidenceInputT);
  const row = requireEvidence(ctx.db, p.id);
  const size = Number(row.size);
  const hash = createHash('sha256');
  let written = 0;
  let sha256 = '';
  return writeNewFile(
    p.destPath,
    async (fh) => {
      try {
        for await (const chunk of ctx.blobs.get(row.blob_id, {
          verifyHash: true,
          onProgress: opts.onProgress ? (n) => opts.onProgress!(n, size) : undefined,
        })) {
          hash.update(chunk);
          try {
            // one write(2) may write less than asked (a disk filling up): the rest, until it
            // is all written or the disk says why not
            for (let off = 0; off < chunk.length;) off += (await fh.write(chunk, off, chunk.length - off)).bytesWritten;
          } catch (e) {
            throw ioError(`${quoted(path.basename(p.destPath))} could not be written`, e);
          }
          written += chunk.length;
        }
      } catch (e) {
        if (isStoreFailure(e)) throw recordFailure(ctx, p.id, e, 'export');
        throw e;
      }
      sha256 = hash.digest('hex');
      if (written !== size || sha256 !== row.sha256) {
        throw recordFailure(ctx, p.id, new VaultError('EVIDENCE_HASH_MISMATCH', 'hash differs'), 'export');
      }
    },
    (publishNow) =>
      mutate(ctx, (audit) => {
        const event = appendCustodyEvent(ctx, p.id, 'exported', { sha256, size: written, reason: p.reason });
        audit({
          action: 'evidence.exported',
          subject: { kind: 'evidence', id: p.id },
          details: { sha256, size: written, custodyHash: event.hash },
        });
        publishNow();
        return { id: p.id, path: path.resolve(p.destPath), sha256, size: written, exportedAt: event.at };
      }),
  );
}

// ---------------------------------------------------------------------------------------------
// The custody log

export function custodyLog(ctx: DomainContext, id: string): CustodyLog {
  const evidenceId = parseId(id);
  const r = requireEvidence(ctx.db, evidenceId);
  return {
    evidence: {
      id: r.id,
      caseId: r.case_id,
      type: r.type,
      title: r.title,
      fileName: r.file_name,
      mediaType: r.media_type,
      size: Number(r.size),
      sha256: r.sha256,
      derivedFrom: r.derived_from,
      receivedAt: r.received_at,
    },
    events: listCustodyEvents(ctx.db, evidenceId),
    chain: verifyCustodyChain(ctx.db, evidenceId),
  };
}

export const CUSTODY_CSV_HEADER = [
  'evidence_id',
  'seq',
  'at',
  'actor',
  'action',
  'details',
  'prev_hash',
  'hash',
] as const;

/**
 * The custody log as a document: JSON (pretty, with the item summary and the chain verdict;
 * every event carries prevHash and hash so anyone can recompute the chain) or CSV (one row per
 * event, a header row, written by util/csv.ts; details as canonical JSON).
 */
export function exportCustodyLog(ctx: DomainContext, id: string, format: CustodyLogFormatT): string {
  const f = parseInput(z.strictObject({ format: CustodyLogFormat }), { format }).format;
  const log = custodyLog(ctx, id);
  if (f === 'json') {
    const doc: { [key: string]: JsonValue } = {
      format: 'case-vault/custody-log/v1',
      exportedAt: nowIso(ctx),
      evidence: log.evidence,
      chain: log.chain as unknown as JsonValue,
      events: log.events as unknown as JsonValue,
    };
    return JSON.stringify(doc, null, 2) + '\n';
  }
  let out = csvLine(CUSTODY_CSV_HEADER);
  for (const e of log.events)
    out += csvLine([
      e.evidenceId,
      String(e.seq),
      e.at,
      e.actor,
      e.action,
      canonicalJson(e.details),
      e.prevHash,
      e.hash,
    ]);
  return out;
}

/**
 * Write the custody log to a new file (atomically; an existing file is refused). Reading the
 * log is not an access to the evidence itself, so no custody event is recorded.
 */
export async function exportCustodyLogToFile(
  ctx: DomainContext,
  id: string,
  format: CustodyLogFormatT,
  destPath: string,
): Promise<{ path: string; format: CustodyLogFormatT; bytes: number }> {
  const out = parseInput(z.strictObject({ destPath: FilePath }), { destPath }).destPath;
  const text = exportCustodyLog(ctx, id, format);
  const bytes = Buffer.from(text, 'utf8');
  return writeNewFile(
    out,
    async (fh) => {
      try {
        await fh.writeFile(bytes);
      } catch (e) {
        throw ioError(`${quoted(path.basename(out))} could not be written`, e);
      }
    },
    (publishNow) => {
      publishNow();
      return { path: path.resolve(out), format, bytes: bytes.length };
    },
  );
}

/** An evidence file of a bundle, staged in the blob store while the bundle is read. */
export interface StagedFile {
  pending: PendingBlob;
  /** set once an evidence row names the blob (it is then committed with the transaction) */
  used: boolean;
}

/** Where a received item came from: the bundle and its signer. */
export interface Arrival {
  at: string;
  bundleId: string;
  senderVault: string;
  /** the signer's partner here */
  senderPartner: string | null;
}

/**
 * The custody log of a received item starts with who sent it: the partner (name and id) and
 * their vault as actor and details, the bundle, and the file's hash and size. A bundle does not
 * carry the sender's own custody chain (its head hash), so the log cannot link to it; the
 * sender's log records the matching 'shared' event with this bundle id.
 */
function arrivalActor(ctx: DomainContext, a: Arrival): { actor: string; partnerName: string | null } {
  const partnerName =
    a.senderPartner === null
      ? null
      : (get<{ name: string }>(ctx.db, sql`SELECT name FROM partners WHERE id = ${a.senderPartner}`)?.name ?? null);
  return {
    actor: partnerName ? `${partnerName} (partner vault ${a.senderVault})` : `partner vault ${a.senderVault}`,
    partnerName,
  };
}

/**
 * Write an evidence item received in a bundle (inside the import's transaction; bundles/apply.ts
 * decides whether it is new or overwrites). Into the evidence table when its file is here
 * (staged now, or stored before), else into received_evidence_metadata until a bundle brings
 * the file. Placeholders (docs/bundle-format.md): title the file name, else "Not shared"; type
 * other; file name "not-shared"; media type application/octet-stream; received at the sender's
 * time, else the import's; a derivation only when the item it names is in this vault.
 * Returns true when a file was newly stored for it.
 */
export function applyReceivedEvidence(
  ctx: DomainContext,
  rec: EvidenceRecord,
  mode: ReceivedWrite,
  arrival: Arrival,
  staged: StagedFile | undefined,
  audit: (note: AuditNote) => void,
): boolean {
  const { at } = arrival;
  const found = get(ctx.db, sql`SELECT * FROM evidence WHERE id = ${rec.id}`);
  const cur = found ? EVIDENCE.parse(found) : undefined;
  const meta = cur
    ? undefined
    : get<{ record: string }>(ctx.db, sql`SELECT record FROM received_evidence_metadata WHERE id = ${rec.id}`);
  const version = mode.insert ? rec.version : mode.version;
  if (!cur && !staged) {
    // metadata only: merge over what was received before, keep it as received
    const previous = meta ? (JSON.parse(meta.record) as Record<string, unknown>) : {};
    const merged = canonicalJson({ ...previous, ...rec, version });
    run(ctx.db, sql`DELETE FROM received_evidence_metadata WHERE id = ${rec.id}`);
    run(
      ctx.db,
      sql`INSERT INTO received_evidence_metadata (id, case_id, record, version, origin_vault, received_at) VALUES (${rec.id}, ${rec.caseId}, ${merged}, ${version}, ${rec.originVault}, ${at})`,
    );
    return false;
  }
  const previous: Record<string, unknown> = cur ? {} : meta ? (JSON.parse(meta.record) as Record<string, unknown>) : {};
  const r = { ...previous, ...rec } as EvidenceRecord;
  const derivedFrom = pick<string | null>(r, 'derivedFrom', cur?.derived_from, null);
  const derived =
    derivedFrom !== null &&
    derivedFrom !== rec.id &&
    get(ctx.db, sql`SELECT 1 AS one FROM evidence WHERE id = ${derivedFrom}`) !== undefined;
  const values = {
    ...receivedValues(EVIDENCE, 'evidence', r, cur, {
      title: r.fileName ?? NOT_SHARED,
      type: 'other',
      file_name: 'not-shared',
      media_type: 'application/octet-stream',
      received_at: at,
      created_at: at,
    }),
    derived_from: derived ? derivedFrom : null,
    derivation_reason: derived
      ? (pick<string | null>(r, 'derivationReason', cur?.derivation_reason, null) ?? NOT_SHARED)
      : null,
    updated_at: r.updatedAt ?? at,
  };
  // the file's hash, size and last verification are this vault's facts about the stored file
  const { sha256: _h, size: _s, last_verified_at: _v, created_at: createdAt, ...described } = values;
  if (cur) {
    run(ctx.db, EVIDENCE.update(rec.id, { ...described, version })!);
    return false;
  }
  const file = staged!;
  if (!file.used) {
    ctx.blobs.commit(ctx.db, file.pending, at);
    file.used = true;
  }
  run(ctx.db, sql`DELETE FROM received_evidence_metadata WHERE id = ${rec.id}`);
  run(
    ctx.db,
    EVIDENCE.insert({
      ...described,
      id: rec.id,
      case_id: rec.caseId,
      blob_id: file.pending.blobId,
      size: file.pending.size,
      sha256: file.pending.sha256,
      last_verified_at: null,
      created_at: createdAt ?? at,
      version,
      origin_vault: rec.originVault,
    }),
  );
  const { actor, partnerName } = arrivalActor(ctx, arrival);
  const details = {
    bundleId: arrival.bundleId,
    fromVault: arrival.senderVault,
    ...(arrival.senderPartner ? { partnerId: arrival.senderPartner } : {}),
    ...(partnerName ? { partnerName } : {}),
    sha256: file.pending.sha256,
    size: file.pending.size,
  };
  const event = appendCustodyEvent(ctx, rec.id, 'received', details, actor);
  audit({
    action: 'evidence.received',
    subject: { kind: 'evidence', id: rec.id },
    details: {
      bundleId: arrival.bundleId,
      fromVault: arrival.senderVault,
      sha256: file.pending.sha256,
      size: file.pending.size,
      custodyHash: event.hash,
    },
  });
  return true;
}
