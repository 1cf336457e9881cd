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
import { toFtsQuery } from '../search/fts-query.js';
import { uuidv7 } from '../util/ids.js';

interface CaseRow {
  id: string;
  reference: string;
  title: string;
  status: CaseStatus;
  forum: Case['forum'];
  country: string | null;
  jurisdiction: string | null;
  stage: Case['stage'];
  sensitivity: Case['sensitivity'];
  summary: string;
  strategy: string;
  project: string | null;
  donor_code: string | null;
  opened_on: string;
  closed_on: string | null;
  closure_reason: string | null;
  enquiry_id: string | null;
  next_deadline_on: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  origin_vault: string;
}

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
  const team = all<TeamMember>(db, sql`SELECT member, role FROM case_team WHERE case_id = ${r.id} ORDER BY member`);
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    status: r.status,
    forum: r.forum,
    country: r.country,
    jurisdiction: r.jurisdiction,
    stage: r.stage,
    sensitivity: r.sensitivity,
    summary: r.summary,
    strategy: r.strategy,
    project: r.project,
    donorCode: r.donor_code,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    closureReason: r.closure_reason,
    enquiryId: r.enquiry_id,
    tags: loadTags(db, [r.id]).get(r.id) ?? [],
    team,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    originVault: r.origin_vault,
  };
}

/** The case row, or NOT_FOUND. Other services call this before touching a case. */
export function requireCase(db: ReadableDB, id: string): CaseRow {
  const r = get<CaseRow>(db, sql`SELECT * FROM cases WHERE id = ${id}`);
  if (!r) throw notFound('case', id);
  return r;
}

export function getCase(ctx: DomainContext, id: string): Case {
  return toCase(ctx.db, requireCase(ctx.db, id));
}

/**
 * CV-YYYY-NNNNNN: the number after the highest of the year of exactly that form (six digits keep
 * the index order right), skipping any that is taken. A reference of another form (typed by a
 * person, like "CV-2026-000009x") never stops the numbering; received cases never have this
 * form (bundles/apply.ts caseReference).
 */
function nextReference(db: ReadableDB, year: string): string {
  const prefix = `CV-${year}-`;
  const last = pluck<string>(
    db,
    sql`SELECT reference FROM cases WHERE reference GLOB ${`${prefix}[0-9][0-9][0-9][0-9][0-9][0-9]`} ORDER BY reference DESC LIMIT 1`,
  );
  const taken = (ref: string) => pluck(db, sql`SELECT 1 FROM cases WHERE reference = ${ref}`) !== undefined;
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
    run(
      ctx.db,
      sql`INSERT INTO cases (id, reference, title, status, forum, country, jurisdiction, stage, sensitivity, summary, strategy, project, donor_code, opened_on, enquiry_id, created_at, updated_at, version, origin_vault)
          VALUES (${id}, ${reference}, ${p.title}, ${p.status}, ${p.forum ?? null}, ${p.country ?? null}, ${p.jurisdiction ?? null}, ${p.stage ?? null}, ${p.sensitivity}, ${p.summary}, ${p.strategy}, ${p.project ?? null}, ${p.donorCode ?? null}, ${openedOn}, ${extra.enquiryId ?? null}, ${at}, ${at}, 1, ${ctx.vaultId})`,
    );
    writeTagsAndTeam(ctx, id, p.tags, p.team);
    recordHistory(ctx, id, 1, at, { status: { from: null, to: p.status } });
    audit({ action: 'case.created', subject: { kind: 'case', id }, details: { status: p.status } });
    return getCase(ctx, id);
  });
}

/**
 * The SET clause of each plain column an update may change. Column names are written here in
 * code, never taken from input; tags and team live in their own tables.
 */
const SET_COLUMN: Readonly<Record<string, (v: string | null) => SqlFragment>> = {
  title: (v) => sql`title = ${v}`,
  forum: (v) => sql`forum = ${v}`,
  country: (v) => sql`country = ${v}`,
  jurisdiction: (v) => sql`jurisdiction = ${v}`,
  stage: (v) => sql`stage = ${v}`,
  sensitivity: (v) => sql`sensitivity = ${v}`,
  summary: (v) => sql`summary = ${v}`,
  strategy: (v) => sql`strategy = ${v}`,
  project: (v) => sql`project = ${v}`,
  donorCode: (v) => sql`donor_code = ${v}`,
};

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
    const sets: SqlFragment[] = [];
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const f of changed) {
      changes[f] = { from: before[f], to: fields[f as keyof typeof fields] };
      const set = SET_COLUMN[f];
      if (set) sets.push(set(fields[f as keyof typeof fields] as string | null));
    }
    sets.push(sql`updated_at = ${at}`, sql`version = ${version}`);
    run(ctx.db, sql`UPDATE cases SET ${sqlJoin(sets)} WHERE id = ${id}`);
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
      sql`UPDATE cases SET status = ${p.to}, closed_on = ${closedOn}, closure_reason = ${closureReason}, updated_at = ${at}, version = ${version} WHERE id = ${p.id}`,
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
    all<CaseRow & { seq: number }>(ctx.db, sql`SELECT * FROM cases WHERE seq IN ${sqlIn(pageSeqs)}`).map((r) => [
      r.seq,
      r,
    ]),
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
