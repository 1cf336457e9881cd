/**
 * Writing received records into this vault (inside the import's one transaction).
 *
 * Authority comes first (authority.ts, checked before the transaction opens): every record is
 * the signer's own, and the signer changes only records it created. So every local row met
 * here was created by the signer.
 *
 * Origin: a received record keeps its id, its origin vault (the signer) and the version it was
 * sent with; received_records remembers which bundle last wrote it, the version received
 * (received_version) and the local row's version right after that write (local_version).
 *
 * For each incoming record (version v):
 *   a note, deadline, outcome or evidence item on a case the signer did not create
 *                                         → a proposed addition (proposals.ts), not written
 *   no local row                          → created (when what it hangs on is here, see below)
 *   local row, written by an earlier bundle:
 *     v ≤ received_version                → unchanged (an older or the same version)
 *     local version = local_version       → updated: fields the record carries overwrite the
 *                                           local ones, fields it lacks are kept; version := v
 *     otherwise (edited here since)       → conflict: an import_conflicts row keeps the incoming
 *                                           record, the local row is untouched
 *   local row never written by a bundle   → conflict
 *   consents are versioned: each version is its own record and is never updated.
 *   evidence known only by its description whose file this bundle brings → moved into
 *   evidence with its file, whatever the version.
 *
 * What a record hangs on must be in the vault (received in this bundle or before), else it is
 * skipped and listed in the result: a consent needs its person and case; evidence, notes,
 * deadlines and outcomes need their case; a role needs its case. Records missing a field that
 * no placeholder can stand for are skipped too: a consent without purpose, state, method or
 * given-at; a deadline without its due date; an outcome without its kind. A record erased here
 * (a tombstone in erasures or erased_consents, docs/erasure.md) is skipped: erasure is final.
 *
 * Writing a record is its area's business: each service has the writer of its received records
 * (applyReceivedCase, applyReceivedPerson, applyReceivedConsent, applyReceivedEvidence,
 * applyReceivedNote, applyReceivedDeadline, applyReceivedOutcome), which fills the fields the
 * sender's profile removed with the placeholders of docs/bundle-format.md and keeps the area's
 * rules (name keys, tags, the custody log) in one place. This file keeps the orchestration.
 * Evidence whose file did not come (metadata only) waits in received_evidence_metadata until
 * a bundle brings the file.
 */
import { canonicalJson } from '../../../shared/canonical-json.js';
import {
  type BundleRecordOf,
  type EvidenceRecord,
  type ImportResult,
  type KindCounts,
  zeroCounts,
} from '../../../shared/domain/bundles.js';
import { SHARING_KINDS, type SharingKind } from '../../../shared/domain/partners.js';
import { get, pluck, run, sql } from '../db/sql.js';
import type { DomainContext } from '../domain/context.js';
import { applyReceivedCase } from '../cases/case-service.js';
import { applyReceivedNote } from '../notes/note-service.js';
import { applyReceivedPerson } from '../people/person-service.js';
import { applyReceivedConsent } from '../consents/consent-service.js';
import { applyReceivedDeadline } from '../deadlines/deadline-service.js';
import { applyReceivedOutcome } from '../outcomes/outcome-service.js';
import { type StagedFile, applyReceivedEvidence } from '../evidence/evidence-service.js';
import type { ReceivedWrite } from '../records/received.js';
import { uuidv7 } from '../util/ids.js';
import type { AuditNote } from '../domain/context.js';
import { isAdditionKind, isForeignCase } from './authority.js';
import { RECORD_TABLE } from './record-tables.js';
import { type AdditionRecord, proposeAddition } from './proposals.js';

function isAddition(item: AnyRecord): item is AdditionRecord {
  return isAdditionKind(item.kind);
}

export type AnyRecord = { [K in SharingKind]: { kind: K; record: BundleRecordOf[K] } }[SharingKind];

export type { StagedFile };

export interface ApplyContext {
  ctx: DomainContext;
  bundleId: string;
  /** the signer: the origin of every record of the bundle (read.ts checked each record says so) */
  senderVault: string;
  /** the signer's partner here (a verified key's partner) */
  senderPartner: string | null;
  at: string;
  audit: (note: AuditNote) => void;
  /** staged blobs by SHA-256 */
  files: Map<string, StagedFile>;
}

export interface ApplyOutcome {
  created: KindCounts;
  updated: KindCounts;
  unchanged: KindCounts;
  skipped: KindCounts;
  skippedList: ImportResult['skipped'];
  conflicts: ImportResult['conflicts'];
  /** additions to cases the sender did not create, waiting for a person (proposals.ts) */
  proposed: ImportResult['proposed'];
  /** evidence files newly stored */
  files: number;
}

function emptyOutcome(): ApplyOutcome {
  return {
    created: zeroCounts(),
    updated: zeroCounts(),
    unchanged: zeroCounts(),
    skipped: zeroCounts(),
    skippedList: [],
    conflicts: [],
    proposed: [],
    files: 0,
  };
}

/** The version of a record here (for evidence: also a description waiting for its file), or undefined. */
export function localVersion(ctx: DomainContext, kind: SharingKind, id: string): number | undefined {
  const q =
    kind === 'evidence'
      ? sql`SELECT coalesce((SELECT version FROM evidence WHERE id = ${id}), (SELECT version FROM received_evidence_metadata WHERE id = ${id}))`
      : sql`SELECT version FROM ${RECORD_TABLE[kind]} WHERE id = ${id}`;
  const v = pluck<number | bigint | null>(ctx.db, q);
  return v === undefined || v === null ? undefined : Number(v);
}

const exists = {
  case: (ctx: DomainContext, id: string) => pluck(ctx.db, sql`SELECT 1 FROM cases WHERE id = ${id}`) !== undefined,
  person: (ctx: DomainContext, id: string) => pluck(ctx.db, sql`SELECT 1 FROM people WHERE id = ${id}`) !== undefined,
  evidence: (ctx: DomainContext, id: string) =>
    pluck(ctx.db, sql`SELECT 1 FROM evidence WHERE id = ${id}`) !== undefined,
};

/** A new row, or an overwrite of the local row as this version (records/received.ts). */
export type Mode = ReceivedWrite;

/** An evidence item known here only by its description, whose file this bundle brings. */
function fileArrives(a: ApplyContext, rec: EvidenceRecord): boolean {
  if (rec.sha256 === undefined || !a.files.has(rec.sha256)) return false;
  if (exists.evidence(a.ctx, rec.id)) return false;
  return pluck(a.ctx.db, sql`SELECT 1 FROM received_evidence_metadata WHERE id = ${rec.id}`) !== undefined;
}

/** Why a record cannot be stored here (missing link or essential field), or null. */
function unstorable(ctx: DomainContext, item: AnyRecord): string | null {
  if (erasedHere(ctx, item.kind, item.record.id)) return 'it was erased in this vault (docs/erasure.md)';
  switch (item.kind) {
    case 'cases':
    case 'people':
      return null;
    case 'consents': {
      const r = item.record;
      if (!exists.person(ctx, r.personId)) return 'the person it belongs to is not in this vault';
      if (!exists.case(ctx, r.caseId)) return 'the case it belongs to is not in this vault';
      const missing = (['purpose', 'state', 'method', 'givenAt'] as const).filter((k) => r[k] === undefined);
      return missing.length > 0 ? `the sender did not share its ${missing.join(', ')}` : null;
    }
    case 'deadlines':
      if (!exists.case(ctx, item.record.caseId)) return 'the case it belongs to is not in this vault';
      return item.record.dueOn === undefined ? 'the sender did not share its due date' : null;
    case 'outcomes':
      if (!exists.case(ctx, item.record.caseId)) return 'the case it belongs to is not in this vault';
      return item.record.kind === undefined ? 'the sender did not share its kind' : null;
    case 'evidence':
    case 'notes':
      return exists.case(ctx, item.record.caseId) ? null : 'the case it belongs to is not in this vault';
  }
}

/**
 * An erasure here is final: a record with an erasure's tombstone (an evidence item, a person, a
 * case, a consent row; migration 0009) is not brought back by a later bundle.
 */
function erasedHere(ctx: DomainContext, kind: SharingKind, id: string): boolean {
  if (kind === 'consents') return pluck(ctx.db, sql`SELECT 1 FROM erased_consents WHERE id = ${id}`) !== undefined;
  const tombstone = kind === 'cases' ? 'case' : kind === 'people' ? 'person' : kind === 'evidence' ? 'evidence' : null;
  if (tombstone === null) return false;
  return pluck(ctx.db, sql`SELECT 1 FROM erasures WHERE kind = ${tombstone} AND record_id = ${id}`) !== undefined;
}

/**
 * Write one record (insert, or overwrite the fields it carries) with its area's writer of
 * received records; exported for accepting a proposal.
 */
export function writeRecord(a: ApplyContext, item: AnyRecord, mode: Mode, out: ApplyOutcome = emptyOutcome()): void {
  switch (item.kind) {
    case 'cases':
      return applyReceivedCase(a.ctx, item.record, mode, a.at);
    case 'people': {
      const missing = applyReceivedPerson(a.ctx, item.record, mode, a.at);
      for (const caseId of missing)
        out.skippedList.push({
          kind: 'people',
          id: item.record.id,
          reason: `its role in case ${caseId}: that case is not in this vault`,
        });
      return;
    }
    case 'consents':
      return applyReceivedConsent(a.ctx, item.record, a.at);
    case 'evidence': {
      const staged = item.record.sha256 !== undefined ? a.files.get(item.record.sha256) : undefined;
      const arrival = { at: a.at, bundleId: a.bundleId, senderVault: a.senderVault, senderPartner: a.senderPartner };
      if (applyReceivedEvidence(a.ctx, item.record, mode, arrival, staged, a.audit)) out.files++;
      return;
    }
    case 'notes':
      return applyReceivedNote(a.ctx, item.record, mode, a.at);
    case 'deadlines':
      return applyReceivedDeadline(a.ctx, item.record, mode, a.at);
    case 'outcomes':
      return applyReceivedOutcome(a.ctx, item.record, mode, a.at);
  }
}

export function recordOrigin(a: ApplyContext, item: AnyRecord, localVer: number): void {
  const r = item.record;
  run(
    a.ctx.db,
    sql`INSERT INTO received_records (kind, record_id, origin_vault, bundle_id, received_version, local_version, received_at)
        VALUES (${item.kind}, ${r.id}, ${r.originVault}, ${a.bundleId}, ${r.version}, ${localVer}, ${a.at})
        ON CONFLICT (kind, record_id) DO UPDATE SET origin_vault = excluded.origin_vault, bundle_id = excluded.bundle_id,
          received_version = excluded.received_version, local_version = excluded.local_version, received_at = excluded.received_at`,
  );
}

/** Apply every record, in order. Runs inside the caller's transaction. */
export function applyRecords(a: ApplyContext, items: readonly AnyRecord[]): ApplyOutcome {
  const { ctx } = a;
  const out = emptyOutcome();
  // what a record hangs on first (cases, people, then the rest), whatever order the bundle lists
  const order = (k: SharingKind) => SHARING_KINDS.indexOf(k);
  const sorted = [...items].sort((x, y) => order(x.kind) - order(y.kind));
  for (const item of sorted) {
    const r = item.record;
    const why = unstorable(ctx, item);
    if (why) {
      out.skipped[item.kind]++;
      out.skippedList.push({ kind: item.kind, id: r.id, reason: why });
      continue;
    }
    if (isAddition(item) && isForeignCase(ctx, item.record.caseId, a.senderVault)) {
      // on a case the sender did not create: waits for a person's decision (proposals.ts)
      const p = proposeAddition(a, item);
      if (p.result === 'unchanged') out.unchanged[item.kind]++;
      else
        out.proposed.push({
          id: p.id,
          kind: item.kind,
          recordId: r.id,
          caseId: item.record.caseId,
          version: r.version,
        });
      continue;
    }
    const local = localVersion(ctx, item.kind, r.id);
    if (local === undefined) {
      writeRecord(a, item, { insert: true }, out);
      recordOrigin(a, item, r.version);
      out.created[item.kind]++;
      continue;
    }
    const rr = get<{ received_version: number; local_version: number }>(
      ctx.db,
      sql`SELECT received_version, local_version FROM received_records WHERE kind = ${item.kind} AND record_id = ${r.id}`,
    );
    if (item.kind === 'evidence' && fileArrives(a, item.record)) {
      // described before without its file; the file is here now (whatever the version): it
      // moves into evidence, described by what this bundle says
      const version = Math.max(local, r.version);
      writeRecord(a, item, { insert: false, version }, out);
      if (!rr || r.version >= Number(rr.received_version)) recordOrigin(a, item, version);
      out.updated[item.kind]++;
      continue;
    }
    if (item.kind === 'consents') {
      out.unchanged[item.kind]++; // a consent version never changes
      continue;
    }
    if (rr) {
      if (r.version <= Number(rr.received_version)) {
        out.unchanged[item.kind]++;
        continue;
      }
      if (local === Number(rr.local_version)) {
        writeRecord(a, item, { insert: false, version: r.version }, out);
        recordOrigin(a, item, r.version);
        out.updated[item.kind]++;
        continue;
      }
    }
    // the same incoming version already waits for a decision: not a second conflict
    const open = pluck(
      ctx.db,
      sql`SELECT 1 FROM import_conflicts WHERE kind = ${item.kind} AND record_id = ${r.id} AND incoming_version >= ${r.version} AND resolved_at IS NULL`,
    );
    if (open !== undefined) {
      out.unchanged[item.kind]++;
      continue;
    }
    const id = uuidv7(ctx.now().getTime());
    run(
      ctx.db,
      sql`INSERT INTO import_conflicts (id, kind, record_id, bundle_id, incoming_version, local_version, incoming, detected_at)
          VALUES (${id}, ${item.kind}, ${r.id}, ${a.bundleId}, ${r.version}, ${local}, ${canonicalJson(r)}, ${a.at})`,
    );
    out.conflicts.push({ id, kind: item.kind, recordId: r.id, incomingVersion: r.version, localVersion: local });
  }
  return out;
}

/**
 * Take the incoming side of a conflict: the record is written over the local row (fields it
 * does not carry are kept), as a new local version; the origin now points at this version.
 */
export function applyIncoming(a: ApplyContext, item: AnyRecord, localVer: number): number {
  const next = localVer + 1;
  writeRecord(a, item, { insert: false, version: next });
  run(
    a.ctx.db,
    sql`INSERT INTO received_records (kind, record_id, origin_vault, bundle_id, received_version, local_version, received_at)
        VALUES (${item.kind}, ${item.record.id}, ${item.record.originVault}, ${a.bundleId}, ${item.record.version}, ${next}, ${a.at})
        ON CONFLICT (kind, record_id) DO UPDATE SET bundle_id = excluded.bundle_id, received_version = excluded.received_version,
          local_version = excluded.local_version, received_at = excluded.received_at`,
  );
  return next;
}
