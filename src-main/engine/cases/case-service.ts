/**
 * Cases: create, read, update (with field-by-field history), status transitions, and the
 * filtered, paged case list that must stay fast at 100 000 cases (bench/case-list.ts).
 */
import {
  type ListCasesQuery as ListCasesQueryT,
  CASE_TRANSITIONS,
  type Case,
  type CaseHistoryEntry,
  type CaseList,
  type CaseStatus,
  type CaseSummary,
  CreateCaseInput,
  ListCasesQuery,
  type TeamMember,
  TransitionCaseInput,
  UpdateCaseInput,
} from '../../../shared/domain/cases.js';
import type { CaseRecord } from '../../../shared/domain/bundles.js';
import { VaultError } from '../../../shared/errors.js';
import { LOCAL_ACTOR } from '../audit/audit-log.js';
import { all, get, pluck, run, sql, sqlIn, sqlJoin, type ReadableDB, type SqlFragment } from '../db/sql.js';
import {
  changedFields,
  checkVersion,
  type DomainContext,
  mutate,
  notFound,
  nowIso,
  parseInput,
  today,
} from '../domain/context.js';
import { CASES, type CaseRow } from '../records/cases.js';
import { NOT_SHARED, type ReceivedWrite, receivedValues } from '../records/received.js';
import { toFtsQuery } from '../search/fts-query.js';
import { uuidv7 } from '../util/ids.js';

function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.toLowerCase()))].sort();
}

function loadTags(db: ReadableDB, ids: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  for (const r of all<{ case_id: string; tag: string }>(
    db,
    sql`SELECT case_id, tag FROM case_tags WHERE case_id IN ${sqlIn(ids)} ORDER BY tag`,
  )) {
    const list = out.get(r.case_id) ?? [];
    list.push(r.tag);
    out.set(r.case_id, list);
  }
  return out;
}

function toCase(db: ReadableDB, r: CaseRow): Case {
  const { seq: _seq, nextDeadlineOn: _next, ...fields } = CASES.toFields(r);
  const team = all<TeamMember>(db, sql`SELECT member, role FROM case_team WHERE case_id = ${r.id} ORDER BY member`);
  return { ...fields, tags: loadTags(db, [r.id]).get(r.id) ?? [], team };
}

/** The case row, or NOT_FOUND. Other services call this before touching a case. */
export function requireCase(db: ReadableDB, id: string): CaseRow {
  const r = get(db, sql`SELECT * FROM cases WHERE id = ${id}`);
  if (!r) throw notFound('case', id);
  return CASES.parse(r);
}

export function getCase(ctx: DomainContext, id: string): Case {
  return toCase(ctx.db, requireCase(ctx.db, id));
}

/**
 * CV-YYYY-NNNNNN: the number after the highest of the year of exactly that form (six digits keep
 * the index order right), skipping any that is taken. A reference of another form (typed by a
 * person, like "CV-2026-000009x") never stops the numbering; received cases never have this
 * form (receivedReference below).
 */
function nextReference(db: ReadableDB, year: string): string {
  const prefix = `CV-${year}-`;
  const last = pluck<string>(
    db,
    sql`SELECT reference FROM cases WHERE reference GLOB ${`${prefix}[0-9][0-9][0-9][0-9][0-9][0-9]`} ORDER BY reference DESC LIMIT 1`,
  );
  // a purged case's reference stays in its tombstone (docs/erasure.md): never given out again
  const taken = (ref: string) =>
    pluck(db, sql`SELECT 1 FROM cases WHERE reference = ${ref}`) !== undefined ||
    pluck(db, sql`SELECT 1 FROM erasures WHERE kind = 'case' AND json_extract(facts, '$.reference') = ${ref}`) !==
      undefined;
  for (let n = last ? Number(last.slice(prefix.length)) + 1 : 1; ; n++) {
    const ref = `${prefix}${String(n).padStart(6, '0')}`;
    if (!taken(ref)) return ref;
  }
}

function writeTagsAndTeam(
  ctx: DomainContext,
  caseId: string,
  tags?: readonly string[],
  team?: readonly TeamMember[],
): void {
  if (tags) {
    run(ctx.db, sql`DELETE FROM case_tags WHERE case_id = ${caseId}`);
    for (const t of normaliseTags(tags))
      run(ctx.db, sql`INSERT INTO case_tags (case_id, tag) VALUES (${caseId}, ${t})`);
  }
  if (team) {
    run(ctx.db, sql`DELETE FROM case_team WHERE case_id = ${caseId}`);
    const seen = new Set<string>();
    for (const m of team) {
      if (seen.has(m.member)) throw new VaultError('INVALID_INPUT', `team: "${m.member}" is listed twice.`);
      seen.add(m.member);
      run(ctx.db, sql`INSERT INTO case_team (case_id, member, role) VALUES (${caseId}, ${m.member}, ${m.role})`);
    }
  }
}

function recordHistory(
  ctx: DomainContext,
  caseId: string,
  version: number,
  at: string,
  changes: Record<string, { from: unknown; to: unknown }>,
): void {
  run(
    ctx.db,
    sql`INSERT INTO case_history (case_id, version, at, actor, changes) VALUES (${caseId}, ${version}, ${at}, ${LOCAL_ACTOR}, ${JSON.stringify(changes)})`,
  );
}

/**
 * Create a case. `extra.enquiryId` links it to the enquiry it came from (enquiry service);
 * nested inside that service's transaction.
 */
export function createCase(ctx: DomainContext, input: CreateCaseInput, extra: { enquiryId?: string } = {}): Case {
  const p = parseInput(CreateCaseInput, input);
  return mutate(ctx, (audit) => {
    const at = nowIso(ctx);
    const id = uuidv7(ctx.now().getTime());
    const reference = p.reference ?? nextReference(ctx.db, at.slice(0, 4));
    if (p.reference && pluck(ctx.db, sql`SELECT 1 FROM cases WHERE reference = ${p.reference}`)) {
      throw new VaultError(
        'DUPLICATE',
        `A case with reference ${p.reference} already exists; choose another reference.`,
      );
    }
    const openedOn = p.openedOn ?? today(ctx);
    const { tags, team, reference: _r, openedOn: _o, ...fields } = p;
    run(
      ctx.db,
      CASES.insert({
        ...CASES.fromFields(fields),
        id,
        reference,
        opened_on: openedOn,
        enquiry_id: extra.enquiryId ?? null,
        created_at: at,
        updated_at: at,
        version: 1,
        origin_vault: ctx.vaultId,
      }),
    );
    writeTagsAndTeam(ctx, id, tags, team);
    recordHistory(ctx, id, 1, at, { status: { from: null, to: p.status } });
    audit({ action: 'case.created', subject: { kind: 'case', id }, details: { status: p.status } });
    return getCase(ctx, id);
  });
}

export function updateCase(ctx: DomainContext, input: UpdateCaseInput): Case {
  const p = parseInput(UpdateCaseInput, input);
  return mutate(ctx, (audit) => {
    const before = getCase(ctx, p.id);
    checkVersion(before.version, p.expectedVersion, 'case');
    const { id, expectedVersion: _v, ...fields } = p;
    if (fields.tags) fields.tags = normaliseTags(fields.tags);
    const changed = changedFields(before, fields);
    if (changed.length === 0) return before;
    const at = nowIso(ctx);
    const version = before.version + 1;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const f of changed) changes[f] = { from: before[f], to: fields[f as keyof typeof fields] };
    const {
      tags: _t,
      team: _m,
      ...columns
    } = Object.fromEntries(changed.map((f) => [f, fields[f as keyof typeof fields]]));
    run(ctx.db, CASES.update(id, { ...CASES.fromFields(columns), updated_at: at, version })!);
    writeTagsAndTeam(
      ctx,
      id,
      changed.includes('tags') ? fields.tags : undefined,
      changed.includes('team') ? fields.team : undefined,
    );
    recordHistory(ctx, id, version, at, changes);
    audit({ action: 'case.updated', subject: { kind: 'case', id }, details: { fields: changed, version } });
    return getCase(ctx, id);
  });
}

const NEEDS_REASON: ReadonlySet<CaseStatus> = new Set(['closed', 'referred', 'declined']);

/** Move a case along the status workflow; anything else is INVALID_TRANSITION. */
export function transitionCase(ctx: DomainContext, input: TransitionCaseInput): Case {
  const p = parseInput(TransitionCaseInput, input);
  return mutate(ctx, (audit) => {
    const before = requireCase(ctx.db, p.id);
    checkVersion(before.version, p.expectedVersion, 'case');
    const allowed = CASE_TRANSITIONS[before.status];
    if (!allowed.includes(p.to)) {
      throw new VaultError(
        'INVALID_TRANSITION',
        `A case that is ${before.status} cannot become ${p.to}${allowed.length ? ` (it can become: ${allowed.join(', ')})` : ''}.`,
      );
    }
    const reopening = before.status === 'closed';
    if ((NEEDS_REASON.has(p.to) || reopening) && !p.reason) {
      throw new VaultError('INVALID_INPUT', `reason: say why the case is ${reopening ? 'reopened' : p.to}.`);
    }
    const at = nowIso(ctx);
    const version = before.version + 1;
    const closedOn = p.to === 'closed' ? today(ctx) : null;
    const closureReason = p.to === 'closed' ? p.reason! : null;
    run(
      ctx.db,
      CASES.update(p.id, {
        status: p.to,
        closed_on: closedOn,
        closure_reason: closureReason,
        updated_at: at,
        version,
      })!,
    );
    const changes: Record<string, { from: unknown; to: unknown }> = { status: { from: before.status, to: p.to } };
    if (p.reason) changes.reason = { from: null, to: p.reason };
    recordHistory(ctx, p.id, version, at, changes);
    audit({
      action: 'case.status-changed',
      subject: { kind: 'case', id: p.id },
      details: { from: before.status, to: p.to, version },
    });
    return getCase(ctx, p.id);
  });
}

export function closeCase(ctx: DomainContext, id: string, reason: string): Case {
  return transitionCase(ctx, { id, to: 'closed', reason });
}

export function caseHistory(ctx: DomainContext, id: string): CaseHistoryEntry[] {
  requireCase(ctx.db, id);
  return all<{ version: number; at: string; actor: string; changes: string }>(
    ctx.db,
    sql`SELECT version, at, actor, changes FROM case_history WHERE case_id = ${id} ORDER BY version`,
  ).map((r) => ({
    version: r.version,
    at: r.at,
    actor: r.actor,
    changes: JSON.parse(r.changes) as CaseHistoryEntry['changes'],
  }));
}

/** Matches above which a page is found by walking the sort index (see listCases). */
const PROBE_ABOVE = 2000;

/**
 * The case list. Every filter is an indexed condition (status, forum, country, donor code: their
 * own indexes; tag: case_tags(tag); deadline: cases(next_deadline_on); text: the FTS index), and
 * the page is cut before the per-row extras (tags) are looked up.
 */
export function listCases(ctx: DomainContext, query: ListCasesQueryT = {}): CaseList {
  const q = parseInput(ListCasesQuery, query);
  const plain: SqlFragment[] = [];
  if (q.status?.length) plain.push(sql`status IN ${sqlIn(q.status)}`);
  if (q.forum) plain.push(sql`forum = ${q.forum}`);
  if (q.country) plain.push(sql`country = ${q.country}`);
  if (q.tag) plain.push(sql`id IN (SELECT case_id FROM case_tags WHERE tag = ${q.tag.toLowerCase()})`);
  if (q.donorCode) plain.push(sql`donor_code = ${q.donorCode}`);
  // next_deadline_on is the earliest open deadline (kept by triggers on deadlines)
  if (q.deadlineDueBy) plain.push(sql`next_deadline_on <= ${q.deadlineDueBy}`);
  // Filters whose IN lists can be large (thousands of cases).
  const large: SqlFragment[] = [];
  if (q.text) large.push(sql`seq IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ${toFtsQuery(q.text)})`);
  const whereOf = (conditions: SqlFragment[]) =>
    conditions.length ? sql` WHERE ${sqlJoin(conditions, ' AND ')}` : sql``;
  const whereSql = whereOf([...plain, ...large]);
  const order =
    q.sort === 'reference' ? sql`reference` : q.sort === 'opened' ? sql`opened_on DESC, id` : sql`updated_at DESC, id`;
  const total = pluck<number>(ctx.db, sql`SELECT count(*) FROM cases${whereSql}`) ?? 0;
  // For a page of a large match, a unary `+` keeps the planner from starting at the big IN
  // lists (reading and sorting every matching row): it walks the sort order's index instead and
  // probes the lists. For a small match, starting at the list is cheaper; the count tells which.
  const pageWhere =
    total > PROBE_ABOVE && large.length > 0 ? whereOf([...plain, ...large.map((f) => sql`+${f}`)]) : whereSql;
  // Two steps: the page's row numbers (sorting narrow rows only), then those rows in full.
  const pageSeqs = all<{ seq: number }>(
    ctx.db,
    sql`SELECT seq FROM cases${pageWhere} ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}`,
  ).map((r) => r.seq);
  const bySeq = new Map(
    CASES.parseAll(all(ctx.db, sql`SELECT * FROM cases WHERE seq IN ${sqlIn(pageSeqs)}`)).map((r) => [r.seq, r]),
  );
  const rows = pageSeqs.map((s) => bySeq.get(s)!);
  const tags = loadTags(
    ctx.db,
    rows.map((r) => r.id),
  );
  const items: CaseSummary[] = rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    title: r.title,
    status: r.status,
    forum: r.forum,
    country: r.country,
    stage: r.stage,
    sensitivity: r.sensitivity,
    openedOn: r.opened_on,
    updatedAt: r.updated_at,
    version: r.version,
    tags: tags.get(r.id) ?? [],
    nextDeadline: r.next_deadline_on,
  }));
  return { items, total, limit: q.limit, offset: q.offset };
}

/**
 * A received case's reference never takes a place in this vault's own numbering
 * (CV-YYYY-NNNNNN, nextReference): one that could be mistaken for ours (any reference starting
 * "CV-", in any case) or that is taken here is stored with the last 8 characters of the origin
 * vault id before it, and then a number if need be.
 */
function receivedReference(db: ReadableDB, rec: CaseRecord, current: CaseRow | undefined): string {
  // the last 8 characters: a UUIDv7 begins with its creation time, which vaults made the same
  // day share; it ends in random bits
  const origin8 = rec.originVault.slice(-8);
  if (rec.reference === undefined) return current?.reference ?? `${origin8}-${rec.id}`;
  if (current && current.reference === rec.reference) return current.reference;
  const free = (ref: string) =>
    pluck(db, sql`SELECT 1 FROM cases WHERE reference = ${ref} AND id != ${rec.id}`) === undefined;
  const looksOurs = /^cv-/i.test(rec.reference);
  if (!looksOurs && free(rec.reference)) return rec.reference;
  if (current && current.reference.endsWith(rec.reference)) return current.reference;
  const base = `${origin8}-${rec.reference}`;
  if (free(base)) return base;
  for (let n = 2; ; n++) if (free(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Write a case received in a bundle (inside the import's transaction; bundles/apply.ts decides
 * whether it is created or overwritten). Fields the record lacks keep their current value, or
 * take a placeholder (docs/bundle-format.md): title "Not shared", status active, sensitivity
 * extreme (unknown sensitivity is treated with the most care), opened on the day of the import.
 */
export function applyReceivedCase(ctx: DomainContext, rec: CaseRecord, mode: ReceivedWrite, at: string): void {
  const current = mode.insert ? undefined : requireCase(ctx.db, rec.id);
  const values = {
    ...receivedValues(CASES, 'cases', rec, current, {
      title: NOT_SHARED,
      status: 'active',
      sensitivity: 'extreme',
      opened_on: at.slice(0, 10),
      created_at: at,
    }),
    reference: receivedReference(ctx.db, rec, current),
    updated_at: rec.updatedAt ?? at,
  };
  if (mode.insert) {
    run(ctx.db, CASES.insert({ ...values, id: rec.id, version: rec.version, origin_vault: rec.originVault }));
  } else {
    const { created_at: _kept, ...changed } = values;
    run(ctx.db, CASES.update(rec.id, { ...changed, version: mode.version })!);
  }
  writeTagsAndTeam(ctx, rec.id, rec.tags, rec.team && uniqueMembers(rec.team));
}

/** A received team keeps the first entry of a member listed twice (a local edit refuses it). */
function uniqueMembers(team: readonly TeamMember[]): TeamMember[] {
  const seen = new Set<string>();
  return team.filter((m) => !seen.has(m.member) && seen.add(m.member));
}
