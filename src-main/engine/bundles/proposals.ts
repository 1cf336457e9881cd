/**
 * Proposed additions (docs/bundle-format.md, "Authority"): a partner's note, deadline, outcome
 * or evidence item on a case that the partner did not create — one of ours, or a third vault's
 * that we hold — never enters that case by itself. The import keeps it here, attributed to the
 * partner and the bundle it came in; it enters the case (and so donor reports, deadlines, the
 * case's evidence) only when a person accepts it. Rejecting it drops its content and
 * crypto-erases a file it brought.
 *
 *   a new record, or a later version of one   → a pending proposal; a pending proposal of an
 *                                                earlier version is 'superseded' (its file, the
 *                                                same by authority.ts, passes to the new one)
 *   a version already proposed                 → unchanged; but the file of a pending evidence
 *                                                proposal that lacked it is attached, and the
 *                                                file of an accepted description comes as a new
 *                                                proposal (the person sees the file first)
 *   accept                                     → written as a record of the partner's origin
 *                                                (as any received record), custody 'received'
 *   reject                                     → status 'rejected', content gone, file erased
 */
import fsp from 'node:fs/promises';
import { canonicalJson } from '../../../shared/canonical-json.js';
import {
  type AdditionKind,
  DecideProposalInput,
  ListProposalsQuery,
  type ProposalPreview,
  type ProposedAddition,
  type ProposalStatus,
} from '../../../shared/domain/bundles.js';
import { VaultError } from '../../../shared/errors.js';
import { all, get, pluck, run, sql } from '../db/sql.js';
import { type DomainContext, mutate, notFound, nowIso, parseInput } from '../domain/context.js';
import type { PendingBlob } from '../evidence-store/blob-store.js';
import { uuidv7 } from '../util/ids.js';
import {
  type AnyRecord,
  type ApplyContext,
  type StagedFile,
  localVersion,
  recordOrigin,
  writeRecord,
} from './apply.js';

/** Who decided, when the caller does not say. */
const DEFAULT_DECIDER = 'Vault owner';

export type AdditionRecord = Extract<AnyRecord, { kind: AdditionKind }>;

interface ProposalRow {
  id: string;
  kind: AdditionKind;
  record_id: string;
  version: number | bigint;
  case_id: string;
  from_vault: string;
  partner_id: string | null;
  bundle_id: string;
  record: string;
  blob_id: string | null;
  status: ProposalStatus;
  received_at: string;
  decided_at: string | null;
  decided_by: string | null;
}

export type ProposeResult =
  { result: 'proposed'; id: string } | { result: 'unchanged' } | { result: 'file-attached'; id: string };

function stagedFor(a: ApplyContext, item: AdditionRecord): StagedFile | undefined {
  if (item.kind !== 'evidence' || item.record.sha256 === undefined) return undefined;
  return a.files.get(item.record.sha256);
}

/** Take a staged file into the store for a proposal (inside the import's transaction). */
function takeFile(a: ApplyContext, file: StagedFile): string {
  if (!file.used) {
    a.ctx.blobs.commit(a.ctx.db, file.pending, a.at);
    file.used = true;
  }
  return file.pending.blobId;
}

/**
 * Keep an addition of the signer to a case it did not create as a proposal (inside the import's
 * transaction; authority.ts has already checked the record may be the signer's).
 */
export function proposeAddition(a: ApplyContext, item: AdditionRecord): ProposeResult {
  const { ctx } = a;
  const r = item.record;
  const pending = get<ProposalRow>(
    ctx.db,
    sql`SELECT * FROM proposed_additions WHERE record_id = ${r.id} AND status = 'pending'`,
  );
  const lastProposed = Number(
    pluck<number | bigint | null>(ctx.db, sql`SELECT max(version) FROM proposed_additions WHERE record_id = ${r.id}`) ??
      0,
  );
  const staged = stagedFor(a, item);

  if (r.version <= lastProposed) {
    if (!staged) return { result: 'unchanged' };
    if (pending && Number(pending.version) === r.version && pending.blob_id === null) {
      // the file of a described item, arriving after its description: it waits with it
      run(ctx.db, sql`UPDATE proposed_additions SET blob_id = ${takeFile(a, staged)} WHERE id = ${pending.id}`);
      return { result: 'file-attached', id: pending.id };
    }
    const waitingDescription =
      pluck(ctx.db, sql`SELECT 1 FROM received_evidence_metadata WHERE id = ${r.id}`) !== undefined;
    const inEvidence = pluck(ctx.db, sql`SELECT 1 FROM evidence WHERE id = ${r.id}`) !== undefined;
    if (pending || inEvidence || !waitingDescription) return { result: 'unchanged' };
    // an accepted description whose file comes now: the person sees the file before it enters
  }

  let blobId: string | null = null;
  if (pending) {
    // the earlier proposal is replaced; a file it held is the same file (authority.ts) and passes on
    blobId = pending.blob_id;
    run(
      ctx.db,
      sql`UPDATE proposed_additions SET status = 'superseded', record = '{}', blob_id = NULL, decided_at = ${a.at}, decided_by = NULL WHERE id = ${pending.id}`,
    );
  }
  if (blobId === null && staged) blobId = takeFile(a, staged);
  const id = uuidv7(ctx.now().getTime());
  run(
    ctx.db,
    sql`INSERT INTO proposed_additions (id, kind, record_id, version, case_id, from_vault, partner_id, bundle_id, record, blob_id, status, received_at)
        VALUES (${id}, ${item.kind}, ${r.id}, ${r.version}, ${r.caseId}, ${a.senderVault}, ${a.senderPartner}, ${a.bundleId}, ${canonicalJson(r)}, ${blobId}, 'pending', ${a.at})`,
  );
  return { result: 'proposed', id };
}

// ---------------------------------------------------------------------------------------------
// The inbox: list, accept, reject

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

function previewOf(row: ProposalRow): ProposalPreview | null {
  if (row.status !== 'pending' && row.status !== 'accepted') return null;
  const r = JSON.parse(row.record) as Record<string, unknown>;
  const base = {
    title: str(r.title),
    text: null,
    subtype: null,
    day: null,
    fileName: null,
    size: null,
    hasFile: row.blob_id !== null,
    currency: null,
    amountAwardedMinor: null,
  };
  switch (row.kind) {
    case 'notes':
      return { ...base, text: str(r.body), title: str(r.author) };
    case 'deadlines':
      return { ...base, subtype: str(r.kind), day: str(r.dueOn), text: str(r.notes) };
    case 'outcomes':
      return {
        ...base,
        subtype: str(r.kind),
        day: str(r.achievedOn),
        text: str(r.description),
        currency: str(r.currency),
        amountAwardedMinor: num(r.amountAwardedMinor),
      };
    case 'evidence':
      return {
        ...base,
        subtype: str(r.type),
        day: str(r.collectedAt),
        text: str(r.description),
        fileName: str(r.fileName),
        size: num(r.size),
      };
  }
}

function isUpdate(ctx: DomainContext, row: ProposalRow): boolean {
  return localVersion(ctx, row.kind, row.record_id) !== undefined;
}

function toProposal(ctx: DomainContext, row: ProposalRow): ProposedAddition {
  const c = get<{ reference: string; title: string }>(
    ctx.db,
    sql`SELECT reference, title FROM cases WHERE id = ${row.case_id}`,
  );
  const partner = row.partner_id
    ? get<{ id: string; name: string }>(ctx.db, sql`SELECT id, name FROM partners WHERE id = ${row.partner_id}`)
    : undefined;
  return {
    id: row.id,
    kind: row.kind,
    recordId: row.record_id,
    version: Number(row.version),
    caseId: row.case_id,
    caseReference: c?.reference ?? '',
    caseTitle: c?.title ?? '',
    fromVault: row.from_vault,
    partner: partner ?? null,
    bundleId: row.bundle_id,
    status: row.status,
    receivedAt: row.received_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    isUpdate: isUpdate(ctx, row),
    preview: previewOf(row),
  };
}

/** Proposals, newest first (default: those waiting for a decision). */
export function listProposals(ctx: DomainContext, query: ListProposalsQuery = {}): ProposedAddition[] {
  const q = parseInput(ListProposalsQuery, query);
  const status = q.status ?? 'pending';
  const rows = q.caseId
    ? all<ProposalRow>(
        ctx.db,
        sql`SELECT * FROM proposed_additions WHERE status = ${status} AND case_id = ${q.caseId} ORDER BY received_at DESC, id DESC`,
      )
    : all<ProposalRow>(
        ctx.db,
        sql`SELECT * FROM proposed_additions WHERE status = ${status} ORDER BY received_at DESC, id DESC`,
      );
  return rows.map((r) => toProposal(ctx, r));
}

export function getProposal(ctx: DomainContext, id: string): ProposedAddition {
  const row = get<ProposalRow>(ctx.db, sql`SELECT * FROM proposed_additions WHERE id = ${id}`);
  if (!row) throw notFound('proposed addition', id);
  return toProposal(ctx, row);
}

function requirePending(ctx: DomainContext, id: string): ProposalRow {
  const row = get<ProposalRow>(ctx.db, sql`SELECT * FROM proposed_additions WHERE id = ${id}`);
  if (!row) throw notFound('proposed addition', id);
  if (row.status !== 'pending')
    throw new VaultError('INVALID_TRANSITION', `This proposed addition was already decided (it is ${row.status}).`);
  return row;
}

/** Accept: the record enters the case as a record of the partner's origin. */
export function acceptProposal(ctx: DomainContext, input: DecideProposalInput): ProposedAddition {
  const p = parseInput(DecideProposalInput, input);
  return mutate(ctx, (audit) => {
    const row = requirePending(ctx, p.id);
    const at = nowIso(ctx);
    const record = JSON.parse(row.record) as AdditionRecord['record'];
    const item = { kind: row.kind, record } as AdditionRecord;
    const files = new Map<string, StagedFile>();
    if (row.blob_id !== null && item.kind === 'evidence' && item.record.sha256 !== undefined) {
      // the file is in the store already (committed with the proposal): lent to the writer as used
      const blob = ctx.blobs.info(row.blob_id);
      files.set(item.record.sha256, {
        pending: { blobId: row.blob_id, sha256: blob.sha256, size: blob.size } as PendingBlob,
        used: true,
      });
    }
    const a: ApplyContext = {
      ctx,
      bundleId: row.bundle_id,
      senderVault: row.from_vault,
      senderPartner: row.partner_id,
      at,
      audit,
      files,
    };
    const local = localVersion(ctx, row.kind, row.record_id);
    const version = local === undefined ? record.version : Math.max(local + 1, record.version);
    writeRecord(a, item, local === undefined ? { insert: true } : { insert: false, version });
    recordOrigin(a, item, local === undefined ? record.version : version);
    const decidedBy = p.decidedBy ?? DEFAULT_DECIDER;
    run(
      ctx.db,
      sql`UPDATE proposed_additions SET status = 'accepted', blob_id = NULL, decided_at = ${at}, decided_by = ${decidedBy} WHERE id = ${row.id}`,
    );
    audit({
      action: 'bundle.proposal-accepted',
      subject: {
        kind: row.kind === 'evidence' ? 'evidence' : 'case',
        id: row.kind === 'evidence' ? row.record_id : row.case_id,
      },
      details: {
        proposalId: row.id,
        kind: row.kind,
        recordId: row.record_id,
        caseId: row.case_id,
        bundleId: row.bundle_id,
        fromVault: row.from_vault,
        file: row.blob_id !== null,
      },
    });
    return toProposal(ctx, get<ProposalRow>(ctx.db, sql`SELECT * FROM proposed_additions WHERE id = ${row.id}`)!);
  });
}

/** Reject: the content is dropped and a file it brought is crypto-erased. */
export async function rejectProposal(ctx: DomainContext, input: DecideProposalInput): Promise<ProposedAddition> {
  const p = parseInput(DecideProposalInput, input);
  let erased: string | null = null;
  const result = mutate(ctx, (audit) => {
    const row = requirePending(ctx, p.id);
    const at = nowIso(ctx);
    run(
      ctx.db,
      sql`UPDATE proposed_additions SET status = 'rejected', record = '{}', blob_id = NULL, decided_at = ${at}, decided_by = ${p.decidedBy ?? DEFAULT_DECIDER} WHERE id = ${row.id}`,
    );
    // the file is erased unless another item holds the same bytes (one blob serves identical files)
    const sharedFile =
      row.blob_id !== null &&
      (pluck(ctx.db, sql`SELECT 1 FROM evidence WHERE blob_id = ${row.blob_id}`) !== undefined ||
        pluck(ctx.db, sql`SELECT 1 FROM proposed_additions WHERE blob_id = ${row.blob_id} AND id != ${row.id}`) !==
          undefined);
    if (row.blob_id !== null && !sharedFile) {
      run(ctx.db, sql`DELETE FROM blobs WHERE id = ${row.blob_id}`);
      erased = row.blob_id;
    }
    audit({
      action: 'bundle.proposal-rejected',
      subject: { kind: 'case', id: row.case_id },
      details: {
        proposalId: row.id,
        kind: row.kind,
        recordId: row.record_id,
        bundleId: row.bundle_id,
        fromVault: row.from_vault,
        fileErased: erased !== null,
      },
    });
    return toProposal(ctx, get<ProposalRow>(ctx.db, sql`SELECT * FROM proposed_additions WHERE id = ${row.id}`)!);
  });
  if (erased !== null) {
    // as BlobStore.erase: the freed key page reaches the main file, then the file goes
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    await fsp.rm(ctx.blobs.pathFor(erased), { force: true });
  }
  return result;
}
