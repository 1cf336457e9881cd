/**
 * Erasure (docs/erasure.md): evidence erase, person erase, case purge.
 *
 *   eraseEvidence(ctx, { id, reason })      the item and its working copies: key rows destroyed,
 *                                           files removed, custody closed by the tombstone
 *   erasePerson(ctx, { id, reason })        every personal field, names, roles, consents, the
 *                                           enquiries' copies of the person's names
 *   purgeCase(ctx, { id, reason })          the case and everything under it; people in this
 *                                           case only are erased with it, others keep their record
 *
 * Each runs in one transaction with its audit entries (`evidence.erased`, `person.erased`,
 * `case.purged`: ids, hashes and counts, never the reason — a reason is typed by a person and
 * may name someone) and its tombstones (`erasures`, `erased_consents`, migration 0009). Then,
 * still inside the transaction, the full-text indexes that held the text are merged
 * ('optimize'), so no segment keeps a deleted token; after the commit the WAL is checkpointed
 * (TRUNCATE) so the freed pages — zeroed by secure_delete (db/database.ts) — reach the main file
 * and the WAL is empty; last, the encrypted files whose key row went are removed. A crash after
 * the commit leaves at most files no key opens (doctor --repair removes them).
 *
 * What is found is what the record layer marks `personal` (records/*.ts) plus every place that
 * copies it: person_names and their match keys (names/), people_fts, the import bookkeeping
 * (received_records, import_conflicts, restricted_records, proposed_additions), conflict-check
 * matches and names stored on enquiries. Free text that merely mentions a person (a note, an
 * enquiry's summary) is not scanned: erase or edit it where it is.
 */
import { createHash } from 'node:crypto';
import fsp from 'node:fs/promises';
import { canonicalJson, type JsonValue } from '../../../shared/canonical-json.js';
import {
  type CasePurge,
  type CasePurgeCounts,
  EraseEvidenceInput,
  ErasePersonInput,
  type ErasurePartner,
  type EvidenceErasure,
  type PersonErasure,
  PurgeCaseInput,
} from '../../../shared/domain/erasure.js';
import { VaultError } from '../../../shared/errors.js';
import { LOCAL_ACTOR } from '../audit/audit-log.js';
import { carriedTo } from '../bundles/recall/send.js';
import { requireCase } from '../cases/case-service.js';
import { all, get, pluck, run, SqlFragment, sql } from '../db/sql.js';
import { mergeSearchIndexes } from '../search/merge-indexes.js';
import { appendErasureTombstones, changeLogHead, purgeErasedSince } from '../sync/sync-service.js';
import { type AuditNote, type DomainContext, mutate, nowIso, parseInput } from '../domain/context.js';
import { custodyGenesis, custodyHash } from '../evidence/custody-log.js';
import { requireEvidence } from '../evidence/evidence-service.js';
import { nameKey } from '../names/store.js';
import { requirePartner } from '../partners/partner-service.js';
import { requirePerson } from '../people/person-service.js';
import { CONSENTS } from '../records/consents.js';

type Audit = (note: AuditNote) => void;

/** What an erasure leaves to do after its transaction: files to remove. */
interface Leftovers {
  files: string[];
}

/** A reference this vault numbered itself carries nothing about the case; any other may (a docket number). */
const OWN_REFERENCE = /^CV-\d{4}-\d{6}$/;

/** The replacement for a name of an erased person where a record must keep some text. */
export const ERASED_TEXT = '[erased]';

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * One erasure's transaction (mutate, with its audit entries): what the team-sync change log
 * recorded of the rows it deletes or rewrites goes with them (sync/sync-service.ts).
 */
function erasing<T>(ctx: DomainContext, fn: (audit: Audit) => T): T {
  return mutate(ctx, (audit) => {
    const head = changeLogHead(ctx.db);
    const erasedHead = pluck<number>(ctx.db, sql`SELECT coalesce(max(seq), 0) FROM erasures`) ?? 0;
    const value = fn(audit);
    purgeErasedSince(ctx.db, head);
    appendErasureTombstones(ctx, erasedHead);
    return value;
  });
}

/** After the commit: the freed pages reach the main file, the WAL is emptied, then the files go. */
async function finish(ctx: DomainContext, left: Leftovers): Promise<void> {
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  for (const f of left.files) await fsp.rm(f, { force: true });
}

function insertTombstone(
  ctx: DomainContext,
  t: {
    kind: 'evidence' | 'person' | 'case';
    recordId: string;
    caseId: string | null;
    at: string;
    reason: string | null;
    reasonSha256: string;
    partOf: number | null;
    facts: { [key: string]: JsonValue };
  },
): number {
  const res = run(
    ctx.db,
    sql`INSERT INTO erasures (kind, record_id, case_id, erased_at, actor, reason, reason_sha256, part_of, facts)
        VALUES (${t.kind}, ${t.recordId}, ${t.caseId}, ${t.at}, ${LOCAL_ACTOR}, ${t.reason}, ${t.reasonSha256}, ${t.partOf}, ${canonicalJson(t.facts)})`,
  );
  return Number(res.lastInsertRowid);
}

// ---------------------------------------------------------------------------------------------
// Evidence

interface EvidenceTreeResult {
  erased: string[];
  filesErased: number;
  filesKept: number;
  rootCustodyHash: string;
}

/** The item and every copy derived from it (transitively), copies first. */
function derivationTree(ctx: DomainContext, rootId: string): string[] {
  const order: string[] = [];
  const visit = (id: string) => {
    for (const c of all<{ id: string }>(ctx.db, sql`SELECT id FROM evidence WHERE derived_from = ${id} ORDER BY seq`))
      visit(c.id);
    order.push(id);
  };
  visit(rootId);
  return order;
}

/** Whether anything still names this blob (one file serves identical items; a bundle in quarantine). */
function blobInUse(ctx: DomainContext, blobId: string): boolean {
  return (
    pluck(ctx.db, sql`SELECT 1 FROM evidence WHERE blob_id = ${blobId}`) !== undefined ||
    pluck(ctx.db, sql`SELECT 1 FROM proposed_additions WHERE blob_id = ${blobId}`) !== undefined ||
    pluck(ctx.db, sql`SELECT 1 FROM bundles WHERE quarantine_blob = ${blobId}`) !== undefined
  );
}

/** Destroy the key row of a blob nothing else uses; its file is removed after the commit. */
function eraseBlobIfUnused(ctx: DomainContext, blobId: string, left: Leftovers): boolean {
  if (blobInUse(ctx, blobId)) return false;
  if (run(ctx.db, sql`DELETE FROM blobs WHERE id = ${blobId}`).changes > 0) {
    left.files.push(ctx.blobs.pathFor(blobId));
    return true;
  }
  return false;
}

/** Proposals that carried this record (accepted ones keep the record as received). */
function dropProposals(ctx: DomainContext, where: 'record' | 'case', id: string, left: Leftovers): number {
  const rows = all<{ id: string; blob_id: string | null }>(
    ctx.db,
    where === 'record'
      ? sql`SELECT id, blob_id FROM proposed_additions WHERE record_id = ${id}`
      : sql`SELECT id, blob_id FROM proposed_additions WHERE case_id = ${id}`,
  );
  for (const r of rows) run(ctx.db, sql`DELETE FROM proposed_additions WHERE id = ${r.id}`);
  for (const r of rows) if (r.blob_id !== null) eraseBlobIfUnused(ctx, r.blob_id, left);
  return rows.length;
}

function dropBookkeeping(ctx: DomainContext, kind: string, id: string): void {
  run(ctx.db, sql`DELETE FROM received_records WHERE kind = ${kind} AND record_id = ${id}`);
  run(ctx.db, sql`DELETE FROM import_conflicts WHERE kind = ${kind} AND record_id = ${id}`);
  if (kind === 'people' || kind === 'consents')
    run(ctx.db, sql`DELETE FROM restricted_records WHERE kind = ${kind} AND record_id = ${id}`);
}

/**
 * Erase one evidence item and its copies inside the caller's transaction. The tombstone of each
 * is the closing link of its custody chain: the 'erased' event is hashed onto the chain's head
 * like any custody event, and the head, the hash and the event's details are kept in the
 * tombstone's facts, so a custody log exported earlier can still be checked against it.
 */
function eraseEvidenceTree(
  ctx: DomainContext,
  rootId: string,
  why: { reason: string | null; reasonSha256: string; partOf: number | null; erasedWith?: 'person' | 'case' },
  audit: Audit,
  left: Leftovers,
): EvidenceTreeResult {
  const out: EvidenceTreeResult = { erased: [], filesErased: 0, filesKept: 0, rootCustodyHash: '' };
  for (const id of derivationTree(ctx, rootId)) {
    const row = requireEvidence(ctx.db, id);
    const at = nowIso(ctx);
    const head = get<{ hash: Uint8Array; n: number }>(
      ctx.db,
      sql`SELECT hash, (SELECT count(*) FROM custody_events WHERE evidence_id = ${id}) AS n FROM custody_events WHERE evidence_id = ${id} ORDER BY seq DESC LIMIT 1`,
    );
    const prev = head ? Buffer.from(head.hash) : custodyGenesis(id);
    const details: Record<string, string | number> = {
      sha256: row.sha256,
      size: row.size,
      custodyEvents: head ? Number(head.n) : 0,
    };
    if (why.reason !== null) details.reason = why.reason;
    if (why.erasedWith) details.erasedWith = why.erasedWith;
    if (id !== rootId) details.erasedWith = 'original';
    const hash = custodyHash(prev, { evidenceId: id, at, actor: LOCAL_ACTOR, action: 'erased', details }).toString(
      'hex',
    );
    const seq = insertTombstone(ctx, {
      kind: 'evidence',
      recordId: id,
      caseId: row.case_id,
      at,
      reason: why.reason,
      reasonSha256: why.reasonSha256,
      partOf: why.partOf,
      facts: {
        type: row.type,
        mediaType: row.media_type,
        derivedFrom: row.derived_from,
        originVault: row.origin_vault,
        receivedAt: row.received_at,
        custodyHead: prev.toString('hex'),
        custodyHash: hash,
        details,
      },
    });

    run(ctx.db, sql`INSERT INTO erasure_in_progress (kind, record_id) VALUES ('custody_events', ${id})`);
    run(ctx.db, sql`DELETE FROM custody_events WHERE evidence_id = ${id}`);
    run(ctx.db, sql`DELETE FROM erasure_in_progress WHERE kind = 'custody_events' AND record_id = ${id}`);
    dropBookkeeping(ctx, 'evidence', id);
    dropProposals(ctx, 'record', id, left);
    run(ctx.db, sql`DELETE FROM received_evidence_metadata WHERE id = ${id}`);
    run(ctx.db, sql`DELETE FROM evidence WHERE id = ${id}`);
    const fileErased = eraseBlobIfUnused(ctx, row.blob_id, left);
    if (fileErased) out.filesErased++;
    else out.filesKept++;
    out.erased.push(id);
    if (id === rootId) out.rootCustodyHash = hash;
    audit({
      action: 'evidence.erased',
      subject: { kind: 'evidence', id },
      details: {
        caseId: row.case_id,
        sha256: row.sha256,
        size: row.size,
        derivedFrom: row.derived_from,
        // not `custodyHash`: that key names an event the item's chain must still hold (custody-log.ts)
        closingCustodyHash: hash,
        fileErased,
        tombstone: seq,
        partOf: why.partOf,
      },
    });
  }
  return out;
}

/** Crypto-erase an evidence item and the working copies made from it. */
export async function eraseEvidence(ctx: DomainContext, input: EraseEvidenceInput): Promise<EvidenceErasure> {
  const p = parseInput(EraseEvidenceInput, input);
  const left: Leftovers = { files: [] };
  const result = erasing(ctx, (audit) => eraseEvidenceRows(ctx, p, audit, left));
  await finish(ctx, left);
  return result;
}

function eraseEvidenceRows(
  ctx: DomainContext,
  p: { id: string; reason: string },
  audit: Audit,
  left: Leftovers,
): EvidenceErasure {
  const row = requireEvidence(ctx.db, p.id);
  const r = eraseEvidenceTree(
    ctx,
    p.id,
    { reason: p.reason, reasonSha256: sha256Hex(p.reason), partOf: null },
    audit,
    left,
  );
  mergeSearchIndexes(ctx.db);
  return {
    evidenceId: p.id,
    caseId: row.case_id,
    sha256: row.sha256,
    erasedAt: nowIso(ctx),
    erased: r.erased,
    filesErased: r.filesErased,
    filesKept: r.filesKept,
    custodyHash: r.rootCustodyHash,
  };
}

// ---------------------------------------------------------------------------------------------
// People

/** Partners that received the person, and whether a recall notice went to each. */
function partnersOf(ctx: DomainContext, personIds: readonly string[]): ErasurePartner[] {
  const byPartner = new Map<string, { bundles: Set<string>; recallSent: boolean }>();
  for (const personId of personIds) {
    for (const c of carriedTo(ctx, personId)) {
      const sent =
        pluck(
          ctx.db,
          sql`SELECT 1 FROM recall_notices WHERE direction = 'sent' AND person_id = ${personId} AND partner_id = ${c.partnerId}`,
        ) !== undefined;
      const e = byPartner.get(c.partnerId) ?? { bundles: new Set<string>(), recallSent: true };
      for (const b of c.bundles) e.bundles.add(b);
      e.recallSent &&= sent;
      byPartner.set(c.partnerId, e);
    }
  }
  return [...byPartner].map(([partnerId, e]) => ({
    partnerId,
    name: requirePartner(ctx.db, partnerId).name,
    bundles: [...e.bundles].sort(),
    recallSent: e.recallSent,
  }));
}

function requireRecalled(partners: readonly ErasurePartner[], withoutRecall: boolean | undefined): void {
  const pending = partners.filter((x) => !x.recallSent);
  if (pending.length === 0 || withoutRecall) return;
  throw new VaultError(
    'ERASURE_RECALL_PENDING',
    `Partners received this person's records and no recall notice was sent to them: ${pending
      .map((x) => `${x.name} (${x.partnerId})`)
      .join(
        ', ',
      )}. Withdraw the consent and send recall notices first (a notice cannot be written once the consents are erased), or erase without recall if you will tell them another way. Nothing was erased.`,
  );
}

/** Tombstone and delete consent rows (the triggers let only a listed row go). */
function eraseConsents(ctx: DomainContext, ids: readonly string[], erasureSeq: number): number {
  for (const id of ids) {
    const row = CONSENTS.parse(get(ctx.db, sql`SELECT * FROM consents WHERE id = ${id}`));
    const told = {
      nature: row.told_nature === 1,
      purpose: row.told_purpose === 1,
      use: row.told_use === 1,
      consequences: row.told_consequences === 1,
      rightToRefuse: row.told_right_to_refuse === 1,
      rightToWithdraw: row.told_right_to_withdraw === 1,
    };
    const recordSha256 = sha256Hex(canonicalJson(CONSENTS.toFields(row) as unknown as JsonValue));
    run(
      ctx.db,
      sql`INSERT INTO erased_consents (id, series_id, version, person_id, case_id, purpose, recipient_partner_id, recipient_class, state, told, method, given_at, expires_at, withdrawn_at, origin_vault, record_sha256, erasure_seq)
          VALUES (${row.id}, ${row.series_id}, ${row.version}, ${row.person_id}, ${row.case_id}, ${row.purpose}, ${row.recipient_partner_id}, ${row.recipient_class}, ${row.state}, ${JSON.stringify(told)}, ${row.method}, ${row.given_at}, ${row.expires_at}, ${row.withdrawn_at}, ${row.origin_vault}, ${recordSha256}, ${erasureSeq})`,
    );
    dropBookkeeping(ctx, 'consents', id);
    run(ctx.db, sql`INSERT INTO erasure_in_progress (kind, record_id) VALUES ('consents', ${id})`);
    run(ctx.db, sql`DELETE FROM consents WHERE id = ${id}`);
    run(ctx.db, sql`DELETE FROM erasure_in_progress WHERE kind = 'consents' AND record_id = ${id}`);
  }
  return ids.length;
}

interface StoredMatch {
  personId?: string;
  query?: string;
  matchedName?: string;
}

/**
 * Enquiries keep the names they were given (who made contact, who was mentioned: that is how a
 * person is often created, enquiry acceptance) and the conflict-check matches found for them.
 * A name whose matching key is one of the person's becomes "[erased]" (with the contact of who
 * made contact, when that was the person); matches naming the person or one of their names go.
 */
function scrubEnquiries(ctx: DomainContext, personId: string, keys: ReadonlySet<string>, at: string): number {
  const hit = (name: unknown) => typeof name === 'string' && keys.has(nameKey(name));
  let changed = 0;
  const rows = all<{ id: string; enquirer_name: string; names_mentioned: string; conflict_matches: string }>(
    ctx.db,
    sql`SELECT id, enquirer_name, names_mentioned, conflict_matches FROM enquiries`,
  );
  for (const r of rows) {
    const mentioned = JSON.parse(r.names_mentioned) as unknown[];
    const matches = JSON.parse(r.conflict_matches) as StoredMatch[];
    const enquirerHit = hit(r.enquirer_name);
    const mentionedHit = mentioned.some(hit);
    const keptMatches = matches.filter((m) => m.personId !== personId && !hit(m.query) && !hit(m.matchedName));
    if (!enquirerHit && !mentionedHit && keptMatches.length === matches.length) continue;
    const nextMentioned = mentioned.map((n) => (hit(n) ? ERASED_TEXT : n));
    if (enquirerHit) {
      run(ctx.db, sql`UPDATE enquiries SET enquirer_name = ${ERASED_TEXT}, enquirer_contact = '' WHERE id = ${r.id}`);
    }
    run(
      ctx.db,
      sql`UPDATE enquiries SET names_mentioned = ${JSON.stringify(nextMentioned)}, conflict_matches = ${JSON.stringify(keptMatches)},
          updated_at = ${at}, version = version + 1 WHERE id = ${r.id}`,
    );
    for (const n of all<{ seq: number; name: string }>(
      ctx.db,
      sql`SELECT seq, name FROM enquiry_names WHERE enquiry_id = ${r.id}`,
    )) {
      if (hit(n.name))
        run(ctx.db, sql`UPDATE enquiry_names SET name = ${ERASED_TEXT}, match_keys = '[]' WHERE seq = ${n.seq}`);
    }
    changed++;
  }
  return changed;
}

interface PersonErased {
  consents: number;
  roles: number;
  enquiries: number;
}

/** Erase one person inside the caller's transaction; the tombstone comes first (the consent tombstones name it). */
function erasePersonRows(
  ctx: DomainContext,
  personId: string,
  why: { reasonSha256: string; partOf: number | null; partners: readonly ErasurePartner[] },
  audit: Audit,
): PersonErased {
  const person = requirePerson(ctx.db, personId);
  const at = nowIso(ctx);
  const consentIds = all<{ id: string }>(
    ctx.db,
    sql`SELECT id FROM consents WHERE person_id = ${personId} ORDER BY series_id, version`,
  ).map((r) => r.id);
  const roles = all<{ case_id: string; role: string }>(
    ctx.db,
    sql`SELECT case_id, role FROM case_people WHERE person_id = ${personId} ORDER BY case_id, role`,
  );
  const seq = insertTombstone(ctx, {
    kind: 'person',
    recordId: personId,
    caseId: null,
    at,
    reason: null,
    reasonSha256: why.reasonSha256,
    partOf: why.partOf,
    facts: {
      originVault: person.origin_vault,
      createdAt: person.created_at,
      version: person.version,
      roles: roles.map((r) => ({ caseId: r.case_id, role: r.role })),
      consents: consentIds,
      partners: why.partners.map((x) => x.partnerId),
    },
  });
  const consents = eraseConsents(ctx, consentIds, seq);

  const keys = new Set(
    all<{ name: string }>(ctx.db, sql`SELECT name FROM person_names WHERE person_id = ${personId}`).map((r) =>
      nameKey(r.name),
    ),
  );
  keys.add(nameKey(person.full_name));
  if (person.pseudonym) keys.add(nameKey(person.pseudonym));
  keys.delete('');
  const enquiries = scrubEnquiries(ctx, personId, keys, at);

  dropBookkeeping(ctx, 'people', personId);
  run(ctx.db, sql`DELETE FROM case_people WHERE person_id = ${personId}`);
  // the triggers take the match keys (person_name_keys) and the people_fts row with them
  run(ctx.db, sql`DELETE FROM person_names WHERE person_id = ${personId}`);
  run(ctx.db, sql`DELETE FROM people WHERE id = ${personId}`);
  audit({
    action: 'person.erased',
    subject: { kind: 'person', id: personId },
    details: {
      consents,
      roles: roles.length,
      cases: [...new Set(roles.map((r) => r.case_id))],
      enquiries,
      partners: why.partners.map((x) => x.partnerId),
      recallPending: why.partners.filter((x) => !x.recallSent).map((x) => x.partnerId),
      tombstone: seq,
      partOf: why.partOf,
    },
  });
  return { consents, roles: roles.length, enquiries };
}

/** Erase a person: every personal field and every copy of it (see the top of this file). */
export async function erasePerson(ctx: DomainContext, input: ErasePersonInput): Promise<PersonErasure> {
  const p = parseInput(ErasePersonInput, input);
  const result = erasing(ctx, (audit) => erasePersonWhole(ctx, p, audit));
  await finish(ctx, { files: [] });
  return result;
}

function erasePersonWhole(
  ctx: DomainContext,
  p: { id: string; reason: string; withoutRecall?: boolean | undefined },
  audit: Audit,
): PersonErasure {
  requirePerson(ctx.db, p.id);
  const partners = partnersOf(ctx, [p.id]);
  requireRecalled(partners, p.withoutRecall);
  const r = erasePersonRows(ctx, p.id, { reasonSha256: sha256Hex(p.reason), partOf: null, partners }, audit);
  mergeSearchIndexes(ctx.db);
  return { personId: p.id, erasedAt: nowIso(ctx), ...r, partners };
}

// ---------------------------------------------------------------------------------------------
// Cases

/** Partners that received the case record itself (a sent bundle listing records/cases/<id>.json). */
function caseReceivers(ctx: DomainContext, caseId: string): Map<string, Set<string>> {
  const rows = all<{ bundle_id: string; partner_id: string | null }>(
    ctx.db,
    sql`SELECT b.id AS bundle_id, b.partner_id FROM bundles b, json_each(b.manifest, '$.entries') e
         WHERE b.direction = 'sent' AND json_extract(e.value, '$.name') = ${`records/cases/${caseId}.json`}`,
  );
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.partner_id === null) continue;
    const s = out.get(r.partner_id) ?? new Set<string>();
    s.add(r.bundle_id);
    out.set(r.partner_id, s);
  }
  return out;
}

function count(ctx: DomainContext, q: ReturnType<typeof sql>): number {
  return Number(pluck<number>(ctx.db, q) ?? 0);
}

/**
 * Purge a case and everything under it: notes, deadlines, outcomes and indicators, the
 * evaluation, risks filed under it, evidence (crypto-erased, with copies), consents (tombstoned),
 * roles, the enquiry it came from, proposals and received descriptions waiting on it. People who
 * are in this case only (no role and no consent in another case) are erased with it; others
 * keep their record and lose their role here.
 */
export async function purgeCase(ctx: DomainContext, input: PurgeCaseInput): Promise<CasePurge> {
  const p = parseInput(PurgeCaseInput, input);
  const left: Leftovers = { files: [] };
  const result = erasing(ctx, (audit) => purgeCaseRows(ctx, p, audit, left));
  await finish(ctx, left);
  return result;
}

function purgeCaseRows(
  ctx: DomainContext,
  p: { id: string; reason: string; withoutRecall?: boolean | undefined },
  audit: Audit,
  left: Leftovers,
): CasePurge {
  const c = requireCase(ctx.db, p.id);
  const at = nowIso(ctx);
  const reasonSha256 = sha256Hex(p.reason);
  const peopleHere = all<{ person_id: string }>(
    ctx.db,
    sql`SELECT DISTINCT person_id FROM case_people WHERE case_id = ${p.id}
          UNION SELECT DISTINCT person_id FROM consents WHERE case_id = ${p.id} ORDER BY person_id`,
  ).map((r) => r.person_id);
  const elsewhere = (personId: string) =>
    pluck(ctx.db, sql`SELECT 1 FROM case_people WHERE person_id = ${personId} AND case_id != ${p.id}`) !== undefined ||
    pluck(ctx.db, sql`SELECT 1 FROM consents WHERE person_id = ${personId} AND case_id != ${p.id}`) !== undefined;
  const peopleErased = peopleHere.filter((id) => !elsewhere(id));
  const peopleKept = peopleHere.filter((id) => elsewhere(id));

  const personPartners = partnersOf(ctx, peopleErased);
  requireRecalled(personPartners, p.withoutRecall);
  const partners = new Map(personPartners.map((x) => [x.partnerId, x]));
  for (const [partnerId, bundles] of caseReceivers(ctx, p.id)) {
    const e = partners.get(partnerId) ?? {
      partnerId,
      name: requirePartner(ctx.db, partnerId).name,
      bundles: [],
      recallSent: true,
    };
    partners.set(partnerId, { ...e, bundles: [...new Set([...e.bundles, ...bundles])].sort() });
  }

  const counts: CasePurgeCounts = {
    notes: count(ctx, sql`SELECT count(*) FROM notes WHERE case_id = ${p.id}`),
    deadlines: count(ctx, sql`SELECT count(*) FROM deadlines WHERE case_id = ${p.id}`),
    outcomes: count(ctx, sql`SELECT count(*) FROM outcomes WHERE case_id = ${p.id}`),
    indicators: count(ctx, sql`SELECT count(*) FROM indicators WHERE case_id = ${p.id}`),
    evidence: count(ctx, sql`SELECT count(*) FROM evidence WHERE case_id = ${p.id}`),
    filesErased: 0,
    consents: count(ctx, sql`SELECT count(*) FROM consents WHERE case_id = ${p.id}`),
    enquiries: count(ctx, sql`SELECT count(*) FROM enquiries WHERE case_id = ${p.id}`),
    risks: count(ctx, sql`SELECT count(*) FROM risks WHERE case_id = ${p.id}`),
    proposals: count(ctx, sql`SELECT count(*) FROM proposed_additions WHERE case_id = ${p.id}`),
  };
  const ownReference = OWN_REFERENCE.test(c.reference);
  const seq = insertTombstone(ctx, {
    kind: 'case',
    recordId: p.id,
    caseId: p.id,
    at,
    reason: null,
    reasonSha256,
    partOf: null,
    facts: {
      reference: ownReference ? c.reference : null,
      referenceSha256: sha256Hex(c.reference),
      status: c.status,
      sensitivity: c.sensitivity,
      openedOn: c.opened_on,
      closedOn: c.closed_on,
      originVault: c.origin_vault,
      createdAt: c.created_at,
      counts: { ...counts },
      peopleErased,
      peopleKept,
      partners: [...partners.keys()],
    },
  });

  // evidence: originals with their copies, then any copy of an item in another case
  for (;;) {
    const next = pluck<string>(
      ctx.db,
      sql`SELECT id FROM evidence WHERE case_id = ${p.id} ORDER BY (derived_from IS NOT NULL), seq LIMIT 1`,
    );
    if (next === undefined) break;
    const r = eraseEvidenceTree(
      ctx,
      next,
      { reason: null, reasonSha256, partOf: seq, erasedWith: 'case' },
      audit,
      left,
    );
    counts.filesErased += r.filesErased;
  }

  for (const personId of peopleErased) {
    erasePersonRows(ctx, personId, { reasonSha256, partOf: seq, partners: partnersOf(ctx, [personId]) }, audit);
  }
  const consentIds = all<{ id: string }>(ctx.db, sql`SELECT id FROM consents WHERE case_id = ${p.id}`).map((r) => r.id);
  eraseConsents(ctx, consentIds, seq);

  const children = {
    notes: sql`SELECT id FROM notes WHERE case_id = ${p.id}`,
    deadlines: sql`SELECT id FROM deadlines WHERE case_id = ${p.id}`,
    outcomes: sql`SELECT id FROM outcomes WHERE case_id = ${p.id}`,
  };
  for (const [kind, ids] of Object.entries(children)) {
    run(ctx.db, sql`DELETE FROM received_records WHERE kind = ${kind} AND record_id IN (${ids})`);
    run(ctx.db, sql`DELETE FROM import_conflicts WHERE kind = ${kind} AND record_id IN (${ids})`);
  }
  dropBookkeeping(ctx, 'cases', p.id);
  dropProposals(ctx, 'case', p.id, left);
  run(ctx.db, sql`DELETE FROM received_evidence_metadata WHERE case_id = ${p.id}`);
  run(ctx.db, sql`DELETE FROM notes WHERE case_id = ${p.id}`);
  run(ctx.db, sql`DELETE FROM deadlines WHERE case_id = ${p.id}`);
  run(
    ctx.db,
    sql`DELETE FROM indicator_observations WHERE indicator_id IN (SELECT id FROM indicators WHERE case_id = ${p.id})`,
  );
  run(ctx.db, sql`DELETE FROM indicators WHERE case_id = ${p.id}`);
  run(ctx.db, sql`DELETE FROM outcomes WHERE case_id = ${p.id}`);
  run(ctx.db, sql`DELETE FROM case_evaluations WHERE case_id = ${p.id}`);
  run(ctx.db, sql`DELETE FROM risks WHERE case_id = ${p.id}`);
  run(ctx.db, sql`DELETE FROM enquiry_names WHERE enquiry_id IN (SELECT id FROM enquiries WHERE case_id = ${p.id})`);
  run(ctx.db, sql`DELETE FROM enquiries WHERE case_id = ${p.id}`);
  run(ctx.db, sql`DELETE FROM case_people WHERE case_id = ${p.id}`);
  run(ctx.db, sql`DELETE FROM case_tags WHERE case_id = ${p.id}`);
  run(ctx.db, sql`DELETE FROM case_team WHERE case_id = ${p.id}`);
  run(ctx.db, sql`DELETE FROM case_history WHERE case_id = ${p.id}`);
  run(ctx.db, sql`DELETE FROM cases WHERE id = ${p.id}`);
  audit({
    action: 'case.purged',
    subject: { kind: 'case', id: p.id },
    details: {
      reference: ownReference ? c.reference : null,
      ...counts,
      peopleErased,
      peopleKept,
      partners: [...partners.keys()],
      tombstone: seq,
    },
  });
  mergeSearchIndexes(ctx.db);
  return {
    caseId: p.id,
    reference: ownReference ? c.reference : null,
    erasedAt: at,
    counts,
    peopleErased,
    peopleKept,
    partners: [...partners.values()],
  };
}

/** The reason recorded (as its hash; the text only for evidence) when an erasure arrives by team sync. */
const TEAM_SYNC_REASON = 'erased on another laptop of the team (team sync)';

/**
 * An erasure received from a team member (sync/merge.ts): the same erasure as here, in the
 * import's transaction (a savepoint), without asking for recall notices — the laptop that
 * erased asked. Returns whether the record was here; the files to remove go to `files`, removed
 * by afterErasures once the import has committed.
 */
export function eraseForTeamSync(
  ctx: DomainContext,
  kind: 'person' | 'case' | 'evidence',
  id: string,
  files: string[],
): boolean {
  const table = kind === 'person' ? 'people' : kind === 'case' ? 'cases' : 'evidence';
  const here = pluck(ctx.db, new SqlFragment(`SELECT 1 FROM ${table} WHERE id = ?`, [id])) !== undefined;
  if (!here) return false;
  const left: Leftovers = { files };
  const p = { id, reason: TEAM_SYNC_REASON, withoutRecall: true };
  erasing(ctx, (audit) => {
    if (kind === 'person') erasePersonWhole(ctx, p, audit);
    else if (kind === 'case') purgeCaseRows(ctx, p, audit, left);
    else eraseEvidenceRows(ctx, p, audit, left);
  });
  return true;
}

/** After an import that erased records has committed: the same clean-up as a local erasure. */
export async function afterErasures(ctx: DomainContext, files: readonly string[]): Promise<void> {
  await finish(ctx, { files: [...files] });
}
