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
 * given-at; a deadline without its due date; an outcome without its kind.
 *
 * Placeholders for NOT NULL columns whose field the sender's profile removed (docs/bundle-format.md):
 *   cases      reference: the sender's if free here and not of our form ("CV-…"), else
 *              "<last 8 of origin vault>-<reference>" (a number suffix if that is taken too);
 *              absent: "<origin8>-<case id>";
 *              title "Not shared"; status 'active'; sensitivity 'extreme' (unknown sensitivity
 *              is treated with the most care); opened_on the day of the import
 *   people     full_name: the pseudonym, else "Not shared" (no name row for the conflict check)
 *   consents   recipient: a partner id of the sender's vault means nothing here and is not
 *              stored (the consent then covers no recipient in this vault: it can never allow
 *              sharing onwards); a refusal/withdrawal reason "Not shared"; a withdrawal without
 *              its time is taken as of the time the consent was given (the earliest it can be)
 *   evidence   title: the file name, else "Not shared"; type 'other'; file_name "not-shared";
 *              media_type application/octet-stream; received_at the sender's, else the import
 *              time; derivedFrom only when that item is in this vault's evidence
 *   deadlines  kind 'other'; title "Not shared"; status 'open'
 *   outcomes   description "Not shared"; amounts only with their currency
 *   notes      body and author empty
 * Evidence whose file did not come (metadata only) waits in received_evidence_metadata until
 * a bundle brings the file.
 */
import { canonicalJson } from '../../../shared/canonical-json.js';
import {
  type BundleRecordOf,
  type CaseRecord,
  type ConsentRecord,
  type DeadlineRecord,
  type EvidenceRecord,
  type ImportResult,
  type KindCounts,
  type NoteRecord,
  type OutcomeRecord,
  type PersonRecord,
  zeroCounts,
} from '../../../shared/domain/bundles.js';
import { SHARING_KINDS, type SharingKind } from '../../../shared/domain/partners.js';
import { get, pluck, run, sql } from '../db/sql.js';
import type { DomainContext } from '../domain/context.js';
import { appendCustodyEvent } from '../evidence/custody-log.js';
import type { PendingBlob } from '../evidence-store/blob-store.js';
import { insertPersonName } from '../names/store.js';
import { uuidv7 } from '../util/ids.js';
import type { AuditNote } from '../domain/context.js';
import { isAdditionKind, isForeignCase } from './authority.js';
import { RECORD_TABLE } from './record-tables.js';
import { type AdditionRecord, proposeAddition } from './proposals.js';

function isAddition(item: AnyRecord): item is AdditionRecord {
  return isAdditionKind(item.kind);
}

export const NOT_SHARED = 'Not shared';

export type AnyRecord = { [K in SharingKind]: { kind: K; record: BundleRecordOf[K] } }[SharingKind];

export interface StagedFile {
  pending: PendingBlob;
  /** set once an evidence row names the blob (it is then committed with the transaction) */
  used: boolean;
}

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

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
/** The incoming value when the record carries the field, else the current value, else the fallback. */
function pick<T>(rec: object, key: string, current: T | undefined, fallback: T): T {
  if (has(rec, key)) return (rec as Record<string, unknown>)[key] as T;
  return current !== undefined ? current : fallback;
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

// ---------------------------------------------------------------------------------------------
// Per kind: write (insert or overwrite) the row from the record and the current row.

export type Mode = { insert: true } | { insert: false; version: number };

/**
 * A received case's reference never takes a place in this vault's own numbering
 * (CV-YYYY-NNNNNN, case-service nextReference): one that could be mistaken for ours (any
 * reference starting "CV-", in any case) or that is taken here is stored with the last 8
 * characters of the origin vault id before it, and then a number if need be.
 */
function caseReference(ctx: DomainContext, rec: CaseRecord, current: { reference: string } | undefined): string {
  // the last 8 characters: a UUIDv7 begins with its creation time, which vaults made the same
  // day share; it ends in random bits
  const origin8 = rec.originVault.slice(-8);
  if (rec.reference === undefined) return current?.reference ?? `${origin8}-${rec.id}`;
  if (current && current.reference === rec.reference) return current.reference;
  const free = (ref: string) =>
    pluck(ctx.db, sql`SELECT 1 FROM cases WHERE reference = ${ref} AND id != ${rec.id}`) === undefined;
  const looksOurs = /^cv-/i.test(rec.reference);
  if (!looksOurs && free(rec.reference)) return rec.reference;
  if (current && current.reference.endsWith(rec.reference)) return current.reference;
  const base = `${origin8}-${rec.reference}`;
  if (free(base)) return base;
  for (let n = 2; ; n++) if (free(`${base}-${n}`)) return `${base}-${n}`;
}

function writeCase(a: ApplyContext, rec: CaseRecord, mode: Mode): void {
  const { ctx } = a;
  const cur = mode.insert
    ? undefined
    : get<Record<string, unknown>>(ctx.db, sql`SELECT * FROM cases WHERE id = ${rec.id}`);
  const c = (k: string) => (cur ? (cur[k] as never) : undefined);
  const reference = caseReference(ctx, rec, cur as { reference: string } | undefined);
  const v = {
    title: pick(rec, 'title', c('title'), NOT_SHARED),
    status: pick(rec, 'status', c('status'), 'active'),
    forum: pick(rec, 'forum', c('forum'), null),
    country: pick(rec, 'country', c('country'), null),
    jurisdiction: pick(rec, 'jurisdiction', c('jurisdiction'), null),
    stage: pick(rec, 'stage', c('stage'), null),
    sensitivity: pick(rec, 'sensitivity', c('sensitivity'), 'extreme'),
    summary: pick(rec, 'summary', c('summary'), ''),
    strategy: pick(rec, 'strategy', c('strategy'), ''),
    project: pick(rec, 'project', c('project'), null),
    openedOn: pick(rec, 'openedOn', c('opened_on'), a.at.slice(0, 10)),
    closedOn: pick(rec, 'closedOn', c('closed_on'), null),
    closureReason: pick(rec, 'closureReason', c('closure_reason'), null),
    createdAt: pick(rec, 'createdAt', c('created_at'), a.at),
    updatedAt: pick(rec, 'updatedAt', undefined, a.at),
  };
  if (mode.insert) {
    run(
      ctx.db,
      sql`INSERT INTO cases (id, reference, title, status, forum, country, jurisdiction, stage, sensitivity, summary, strategy, project, opened_on, closed_on, closure_reason, created_at, updated_at, version, origin_vault)
          VALUES (${rec.id}, ${reference}, ${v.title}, ${v.status}, ${v.forum}, ${v.country}, ${v.jurisdiction}, ${v.stage}, ${v.sensitivity}, ${v.summary}, ${v.strategy}, ${v.project},
                  ${v.openedOn}, ${v.closedOn}, ${v.closureReason}, ${v.createdAt}, ${v.updatedAt}, ${rec.version}, ${rec.originVault})`,
    );
  } else {
    run(
      ctx.db,
      sql`UPDATE cases SET reference = ${reference}, title = ${v.title}, status = ${v.status}, forum = ${v.forum}, country = ${v.country}, jurisdiction = ${v.jurisdiction}, stage = ${v.stage},
          sensitivity = ${v.sensitivity}, summary = ${v.summary}, strategy = ${v.strategy}, project = ${v.project}, opened_on = ${v.openedOn}, closed_on = ${v.closedOn},
          closure_reason = ${v.closureReason}, updated_at = ${v.updatedAt}, version = ${mode.version} WHERE id = ${rec.id}`,
    );
  }
  if (rec.tags) {
    run(ctx.db, sql`DELETE FROM case_tags WHERE case_id = ${rec.id}`);
    for (const t of new Set(rec.tags)) run(ctx.db, sql`INSERT INTO case_tags (case_id, tag) VALUES (${rec.id}, ${t})`);
  }
  if (rec.team) {
    run(ctx.db, sql`DELETE FROM case_team WHERE case_id = ${rec.id}`);
    const seen = new Set<string>();
    for (const m of rec.team) {
      if (seen.has(m.member)) continue;
      seen.add(m.member);
      run(ctx.db, sql`INSERT INTO case_team (case_id, member, role) VALUES (${rec.id}, ${m.member}, ${m.role})`);
    }
  }
}

function writePerson(a: ApplyContext, rec: PersonRecord, mode: Mode): string[] {
  const { ctx } = a;
  const cur = mode.insert
    ? undefined
    : get<Record<string, unknown>>(ctx.db, sql`SELECT * FROM people WHERE id = ${rec.id}`);
  const c = (k: string) => (cur ? (cur[k] as never) : undefined);
  const pseudonym = pick<string | null>(rec, 'pseudonym', c('pseudonym'), null);
  const v = {
    fullName: pick(rec, 'fullName', c('full_name'), pseudonym ?? NOT_SHARED),
    pseudonym,
    gender: pick(rec, 'gender', c('gender'), null),
    // a birth year alone is not a date: it is not stored as one
    birthDate: pick(rec, 'birthDate', c('birth_date'), null),
    country: pick(rec, 'country', c('country'), null),
    contact: pick(rec, 'contact', c('contact'), ''),
    safetyNotes: pick(rec, 'safetyNotes', c('safety_notes'), ''),
    vulnerabilities: rec.vulnerabilities
      ? JSON.stringify([...new Set(rec.vulnerabilities)].sort())
      : (c('vulnerabilities') ?? '[]'),
    notes: pick(rec, 'notes', c('notes'), ''),
    createdAt: pick(rec, 'createdAt', c('created_at'), a.at),
    updatedAt: pick(rec, 'updatedAt', undefined, a.at),
  };
  if (mode.insert) {
    run(
      ctx.db,
      sql`INSERT INTO people (id, full_name, pseudonym, gender, birth_date, country, contact, safety_notes, vulnerabilities, notes, created_at, updated_at, version, origin_vault)
          VALUES (${rec.id}, ${v.fullName}, ${v.pseudonym}, ${v.gender}, ${v.birthDate}, ${v.country}, ${v.contact}, ${v.safetyNotes}, ${v.vulnerabilities}, ${v.notes},
                  ${v.createdAt}, ${v.updatedAt}, ${rec.version}, ${rec.originVault})`,
    );
  } else {
    run(
      ctx.db,
      sql`UPDATE people SET full_name = ${v.fullName}, pseudonym = ${v.pseudonym}, gender = ${v.gender}, birth_date = ${v.birthDate}, country = ${v.country}, contact = ${v.contact},
          safety_notes = ${v.safetyNotes}, vulnerabilities = ${v.vulnerabilities}, notes = ${v.notes}, updated_at = ${v.updatedAt}, version = ${mode.version} WHERE id = ${rec.id}`,
    );
  }
  // names for the enquiry conflict check: the real name and aliases, never a placeholder
  if (rec.fullName !== undefined) {
    run(ctx.db, sql`DELETE FROM person_names WHERE person_id = ${rec.id} AND kind = 'name'`);
    insertPersonName(ctx.db, rec.id, 'name', rec.fullName);
  }
  if (rec.aliases) {
    run(ctx.db, sql`DELETE FROM person_names WHERE person_id = ${rec.id} AND kind = 'alias'`);
    for (const alias of new Set(rec.aliases)) {
      if (alias === rec.fullName) continue;
      insertPersonName(ctx.db, rec.id, 'alias', alias);
    }
  }
  // roles: links to cases that are here; others are reported
  const missing: string[] = [];
  for (const r of rec.roles ?? []) {
    if (!exists.case(ctx, r.caseId)) {
      missing.push(r.caseId);
      continue;
    }
    run(
      ctx.db,
      sql`INSERT OR IGNORE INTO case_people (case_id, person_id, role, added_at) VALUES (${r.caseId}, ${rec.id}, ${r.role}, ${a.at})`,
    );
  }
  return missing;
}

function writeConsent(a: ApplyContext, rec: ConsentRecord): void {
  const told = new Set(rec.told ?? []);
  const flag = (e: string) => (told.has(e as never) ? 1 : 0);
  const state = rec.state!;
  const refusalReason = state === 'refused' ? (rec.refusalReason ?? NOT_SHARED) : null;
  const withdrawnAt = state === 'withdrawn' ? (rec.withdrawnAt ?? rec.givenAt!) : null;
  const withdrawalReason = state === 'withdrawn' ? (rec.withdrawalReason ?? NOT_SHARED) : null;
  run(
    a.ctx.db,
    sql`INSERT INTO consents (id, series_id, version, person_id, case_id, purpose, recipient_partner_id, recipient_class, state,
          told_nature, told_purpose, told_use, told_consequences, told_right_to_refuse, told_right_to_withdraw,
          method, language, witness, given_at, expires_at, refusal_reason, withdrawn_at, withdrawal_reason, notes, created_at, updated_at, origin_vault)
        VALUES (${rec.id}, ${rec.seriesId}, ${rec.version}, ${rec.personId}, ${rec.caseId}, ${rec.purpose!}, NULL, ${rec.recipientClass ?? null}, ${state},
          ${flag('nature')}, ${flag('purpose')}, ${flag('use')}, ${flag('consequences')}, ${flag('right-to-refuse')}, ${flag('right-to-withdraw')},
          ${rec.method!}, ${rec.language ?? null}, ${rec.witness ?? null}, ${rec.givenAt!}, ${rec.expiresAt ?? null}, ${refusalReason}, ${withdrawnAt}, ${withdrawalReason},
          ${rec.notes ?? ''}, ${rec.createdAt ?? a.at}, ${rec.updatedAt ?? a.at}, ${rec.originVault})`,
  );
}

function writeNote(a: ApplyContext, rec: NoteRecord, mode: Mode): void {
  const { ctx } = a;
  const cur = mode.insert
    ? undefined
    : get<Record<string, unknown>>(ctx.db, sql`SELECT * FROM notes WHERE id = ${rec.id}`);
  const c = (k: string) => (cur ? (cur[k] as never) : undefined);
  const body = pick(rec, 'body', c('body'), '');
  const author = pick(rec, 'author', c('author'), '');
  if (mode.insert) {
    run(
      ctx.db,
      sql`INSERT INTO notes (id, case_id, body, author, created_at, updated_at, version, origin_vault)
          VALUES (${rec.id}, ${rec.caseId}, ${body}, ${author}, ${rec.createdAt ?? a.at}, ${rec.updatedAt ?? a.at}, ${rec.version}, ${rec.originVault})`,
    );
  } else {
    run(
      ctx.db,
      sql`UPDATE notes SET body = ${body}, author = ${author}, updated_at = ${rec.updatedAt ?? a.at}, version = ${mode.version} WHERE id = ${rec.id}`,
    );
  }
}

function writeDeadline(a: ApplyContext, rec: DeadlineRecord, mode: Mode): void {
  const { ctx } = a;
  const cur = mode.insert
    ? undefined
    : get<Record<string, unknown>>(ctx.db, sql`SELECT * FROM deadlines WHERE id = ${rec.id}`);
  const c = (k: string) => (cur ? (cur[k] as never) : undefined);
  const v = {
    kind: pick(rec, 'kind', c('kind'), 'other'),
    title: pick(rec, 'title', c('title'), NOT_SHARED),
    dueOn: pick(rec, 'dueOn', c('due_on'), ''),
    status: pick(rec, 'status', c('status'), 'open'),
    completedOn: pick(rec, 'completedOn', c('completed_on'), null),
    notes: pick(rec, 'notes', c('notes'), ''),
  };
  if (mode.insert) {
    run(
      ctx.db,
      sql`INSERT INTO deadlines (id, case_id, kind, title, due_on, notes, status, completed_on, created_at, updated_at, version, origin_vault)
          VALUES (${rec.id}, ${rec.caseId}, ${v.kind}, ${v.title}, ${v.dueOn}, ${v.notes}, ${v.status}, ${v.completedOn}, ${rec.createdAt ?? a.at}, ${rec.updatedAt ?? a.at}, ${rec.version}, ${rec.originVault})`,
    );
  } else {
    run(
      ctx.db,
      sql`UPDATE deadlines SET kind = ${v.kind}, title = ${v.title}, due_on = ${v.dueOn}, notes = ${v.notes}, status = ${v.status}, completed_on = ${v.completedOn},
          updated_at = ${rec.updatedAt ?? a.at}, version = ${mode.version} WHERE id = ${rec.id}`,
    );
  }
}

function writeOutcome(a: ApplyContext, rec: OutcomeRecord, mode: Mode): void {
  const { ctx } = a;
  const cur = mode.insert
    ? undefined
    : get<Record<string, unknown>>(ctx.db, sql`SELECT * FROM outcomes WHERE id = ${rec.id}`);
  const c = (k: string) => (cur ? (cur[k] as never) : undefined);
  const currency = pick<string | null>(rec, 'currency', c('currency'), null);
  const v = {
    kind: pick(rec, 'kind', c('kind'), ''),
    description: pick(rec, 'description', c('description'), NOT_SHARED),
    achievedOn: pick(rec, 'achievedOn', c('achieved_on'), null),
    currency,
    awarded: currency === null ? null : pick(rec, 'amountAwardedMinor', c('amount_awarded_minor'), null),
    paid: currency === null ? null : pick(rec, 'amountPaidMinor', c('amount_paid_minor'), null),
  };
  if (mode.insert) {
    run(
      ctx.db,
      sql`INSERT INTO outcomes (id, case_id, kind, description, achieved_on, currency, amount_awarded_minor, amount_paid_minor, created_at, updated_at, version, origin_vault)
          VALUES (${rec.id}, ${rec.caseId}, ${v.kind}, ${v.description}, ${v.achievedOn}, ${v.currency}, ${v.awarded}, ${v.paid}, ${rec.createdAt ?? a.at}, ${rec.updatedAt ?? a.at}, ${rec.version}, ${rec.originVault})`,
    );
  } else {
    run(
      ctx.db,
      sql`UPDATE outcomes SET kind = ${v.kind}, description = ${v.description}, achieved_on = ${v.achievedOn}, currency = ${v.currency}, amount_awarded_minor = ${v.awarded},
          amount_paid_minor = ${v.paid}, updated_at = ${rec.updatedAt ?? a.at}, version = ${mode.version} WHERE id = ${rec.id}`,
    );
  }
}

/**
 * Evidence: into the evidence table when its file is here (staged now, or stored before), else
 * into received_evidence_metadata. Returns true when a file was newly stored for it.
 */
function writeEvidence(a: ApplyContext, rec: EvidenceRecord, mode: Mode): boolean {
  const { ctx } = a;
  const cur = get<Record<string, unknown>>(ctx.db, sql`SELECT * FROM evidence WHERE id = ${rec.id}`);
  const meta = cur
    ? undefined
    : get<{ record: string }>(ctx.db, sql`SELECT record FROM received_evidence_metadata WHERE id = ${rec.id}`);
  const version = mode.insert ? rec.version : mode.version;
  const staged = rec.sha256 !== undefined ? a.files.get(rec.sha256) : undefined;
  if (!cur && !staged) {
    // metadata only: merge over what was received before, keep it as received
    const previous = meta ? (JSON.parse(meta.record) as Record<string, unknown>) : {};
    const merged = canonicalJson({ ...previous, ...rec, version });
    run(ctx.db, sql`DELETE FROM received_evidence_metadata WHERE id = ${rec.id}`);
    run(
      ctx.db,
      sql`INSERT INTO received_evidence_metadata (id, case_id, record, version, origin_vault, received_at) VALUES (${rec.id}, ${rec.caseId}, ${merged}, ${version}, ${rec.originVault}, ${a.at})`,
    );
    return false;
  }
  const previous: Record<string, unknown> = cur ? {} : meta ? (JSON.parse(meta.record) as Record<string, unknown>) : {};
  const r = { ...previous, ...rec } as EvidenceRecord;
  const c = (k: string) => (cur ? (cur[k] as never) : undefined);
  const derivedFrom = pick<string | null>(r, 'derivedFrom', c('derived_from'), null);
  const derived = derivedFrom !== null && derivedFrom !== rec.id && exists.evidence(ctx, derivedFrom);
  const v = {
    title: pick(r, 'title', c('title'), r.fileName ?? NOT_SHARED),
    description: pick(r, 'description', c('description'), ''),
    type: pick(r, 'type', c('type'), 'other'),
    fileName: pick(r, 'fileName', c('file_name'), 'not-shared'),
    mediaType: pick(r, 'mediaType', c('media_type'), 'application/octet-stream'),
    source: pick(r, 'source', c('source'), ''),
    collector: pick(r, 'collector', c('collector'), ''),
    method: pick(r, 'method', c('method'), ''),
    collectedAt: pick(r, 'collectedAt', c('collected_at'), null),
    place: pick(r, 'place', c('place'), ''),
    receivedAt: pick(r, 'receivedAt', c('received_at'), a.at),
    derivedFrom: derived ? derivedFrom : null,
    derivationReason: derived
      ? (pick<string | null>(r, 'derivationReason', c('derivation_reason'), null) ?? NOT_SHARED)
      : null,
  };
  if (cur) {
    run(
      ctx.db,
      sql`UPDATE evidence SET title = ${v.title}, description = ${v.description}, type = ${v.type}, file_name = ${v.fileName}, media_type = ${v.mediaType}, source = ${v.source},
          collector = ${v.collector}, method = ${v.method}, collected_at = ${v.collectedAt}, place = ${v.place}, received_at = ${v.receivedAt},
          derived_from = ${v.derivedFrom}, derivation_reason = ${v.derivationReason}, updated_at = ${r.updatedAt ?? a.at}, version = ${version} WHERE id = ${rec.id}`,
    );
    return false;
  }
  const file = staged!;
  if (!file.used) {
    ctx.blobs.commit(ctx.db, file.pending, a.at);
    file.used = true;
  }
  run(ctx.db, sql`DELETE FROM received_evidence_metadata WHERE id = ${rec.id}`);
  run(
    ctx.db,
    sql`INSERT INTO evidence (id, case_id, blob_id, derived_from, derivation_reason, title, description, type, file_name, media_type, size, sha256,
                              source, collector, method, collected_at, place, received_at, last_verified_at, created_at, updated_at, version, origin_vault)
        VALUES (${rec.id}, ${rec.caseId}, ${file.pending.blobId}, ${v.derivedFrom}, ${v.derivationReason}, ${v.title}, ${v.description}, ${v.type}, ${v.fileName},
                ${v.mediaType}, ${file.pending.size}, ${file.pending.sha256}, ${v.source}, ${v.collector}, ${v.method}, ${v.collectedAt}, ${v.place}, ${v.receivedAt},
                NULL, ${r.createdAt ?? a.at}, ${r.updatedAt ?? a.at}, ${version}, ${rec.originVault})`,
  );
  const event = appendCustodyEvent(ctx, rec.id, 'received', {
    bundleId: a.bundleId,
    fromVault: a.senderVault,
    sha256: file.pending.sha256,
    size: file.pending.size,
  });
  a.audit({
    action: 'evidence.received',
    subject: { kind: 'evidence', id: rec.id },
    details: {
      bundleId: a.bundleId,
      fromVault: a.senderVault,
      sha256: file.pending.sha256,
      size: file.pending.size,
      custodyHash: event.hash,
    },
  });
  return true;
}

/** An evidence item known here only by its description, whose file this bundle brings. */
function fileArrives(a: ApplyContext, rec: EvidenceRecord): boolean {
  if (rec.sha256 === undefined || !a.files.has(rec.sha256)) return false;
  if (exists.evidence(a.ctx, rec.id)) return false;
  return pluck(a.ctx.db, sql`SELECT 1 FROM received_evidence_metadata WHERE id = ${rec.id}`) !== undefined;
}

/** Why a record cannot be stored here (missing link or essential field), or null. */
function unstorable(ctx: DomainContext, item: AnyRecord): string | null {
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

/** Write one record (insert, or overwrite the fields it carries); exported for accepting a proposal. */
export function writeRecord(a: ApplyContext, item: AnyRecord, mode: Mode, out: ApplyOutcome = emptyOutcome()): void {
  switch (item.kind) {
    case 'cases':
      return writeCase(a, item.record, mode);
    case 'people': {
      const missing = writePerson(a, item.record, mode);
      for (const caseId of missing)
        out.skippedList.push({
          kind: 'people',
          id: item.record.id,
          reason: `its role in case ${caseId}: that case is not in this vault`,
        });
      return;
    }
    case 'consents':
      return writeConsent(a, item.record);
    case 'evidence':
      if (writeEvidence(a, item.record, mode)) out.files++;
      return;
    case 'notes':
      return writeNote(a, item.record, mode);
    case 'deadlines':
      return writeDeadline(a, item.record, mode);
    case 'outcomes':
      return writeOutcome(a, item.record, mode);
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
