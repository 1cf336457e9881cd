/**
 * Which cases a donor report covers, and whose consent lets each of them in.
 *
 * Selection (docs/reports.md, "Scope"): with no filter, every case of the vault. Each kind of
 * filter given (tags, projects, donor codes) narrows the selection; within a kind, a case
 * matches when it matches any of the values. Tags compare in lower case (as stored); project
 * and donor codes exactly.
 *
 * In the period [from, to] a case is
 * - *taken on* when it ever was accepted or active (its history says so; a case received
 *   without history counts when its status is accepted, active or closed): enquiries still
 *   under assessment, and cases referred or declined, are not the organisation's cases;
 * - *active* when taken on, opened on or before `to` and not closed before `from`;
 * - *opened* / *closed* when taken on and its opening / closing day falls in the period.
 *
 * Consent (docs/consents.md, "The gate"), read at the moment the report is made — a consent
 * withdrawn yesterday keeps a person out of today's report, whatever the period:
 * - a case is *reportable* (counted at all) when at least one survivor is linked to it and the
 *   gate allows donor reporting (purpose donor-reporting, recipient class donor) for every
 *   survivor linked to it;
 * - a person counts among the people supported when they are a survivor in an active case of
 *   the scope and the gate allows donor reporting for them in at least one such case;
 * - a case's story may be told when the case is reportable, not marked extreme sensitivity, and
 *   the gate allows donor reporting for EVERY person linked to it, whatever their role.
 */
import type { ConsentDenialReason } from '../../../shared/domain/consents.js';
import type { Forum, Sensitivity, Stage } from '../../../shared/domain/cases.js';
import type { LeftOutReason } from '../../../shared/domain/reports.js';
import type { Role } from '../../../shared/domain/people.js';
import { all, sql, sqlIn, sqlJoin, type ReadableDB, type SqlFragment } from '../db/sql.js';
import { type ConsentFactRow, decideConsent, factFromRow } from '../consents/consent-gate.js';
import { restrictedIds } from '../bundles/recall/restricted.js';

export interface ScopeFilters {
  tags: readonly string[];
  projects: readonly string[];
  donorCodes: readonly string[];
}

export interface ScopeCase {
  id: string;
  reference: string;
  status: string;
  forum: Forum | null;
  country: string | null;
  stage: Stage | null;
  sensitivity: Sensitivity;
  openedOn: string;
  closedOn: string | null;
  takenOn: boolean;
}

/**
 * `IN` over a list of ids of any length, as ONE bound parameter (a JSON array read by json_each):
 * a report may cover more cases than SQLite allows parameters in one statement (32 766).
 */
export function idsIn(ids: readonly string[]): SqlFragment {
  return sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

export function hasFilters(f: ScopeFilters): boolean {
  return f.tags.length + f.projects.length + f.donorCodes.length > 0;
}

interface CaseRow {
  id: string;
  reference: string;
  status: string;
  forum: Forum | null;
  country: string | null;
  stage: Stage | null;
  sensitivity: Sensitivity;
  opened_on: string;
  closed_on: string | null;
}

const TAKEN_ON = new Set(['accepted', 'active']);

/** The cases the filters select (any period). */
export function selectCases(db: ReadableDB, f: ScopeFilters): ScopeCase[] {
  const where: SqlFragment[] = [];
  if (f.tags.length)
    where.push(sql`id IN (SELECT case_id FROM case_tags WHERE tag IN ${sqlIn(f.tags.map((t) => t.toLowerCase()))})`);
  if (f.projects.length) where.push(sql`project IN ${sqlIn([...f.projects])}`);
  if (f.donorCodes.length) where.push(sql`donor_code IN ${sqlIn([...f.donorCodes])}`);
  const rows = all<CaseRow>(
    db,
    sql`SELECT id, reference, status, forum, country, stage, sensitivity, opened_on, closed_on FROM cases${where.length ? sql` WHERE ${sqlJoin(where, ' AND ')}` : sql``} ORDER BY opened_on, reference`,
  );
  const history = new Map<string, boolean>();
  const everTakenOn = new Set<string>();
  for (const h of all<{ case_id: string; changes: string }>(
    db,
    sql`SELECT case_id, changes FROM case_history WHERE case_id IN ${idsIn(rows.map((r) => r.id))}`,
  )) {
    history.set(h.case_id, true);
    const to = (JSON.parse(h.changes) as { status?: { to?: unknown } }).status?.to;
    if (typeof to === 'string' && TAKEN_ON.has(to)) everTakenOn.add(h.case_id);
  }
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    status: r.status,
    forum: r.forum,
    country: r.country,
    stage: r.stage,
    sensitivity: r.sensitivity,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    takenOn: history.has(r.id) ? everTakenOn.has(r.id) : TAKEN_ON.has(r.status) || r.status === 'closed',
  }));
}

/** Open at some moment of [from, to] (days compare as text: YYYY-MM-DD). */
export function overlaps(c: ScopeCase, from: string, to: string): boolean {
  return c.openedOn <= to && (c.closedOn === null || c.closedOn >= from);
}

export function inPeriod(day: string | null, from: string, to: string): boolean {
  return day !== null && day >= from && day <= to;
}

export interface PersonLink {
  personId: string;
  roles: Role[];
  allowed: boolean;
  /** why the gate said no */
  denial: ConsentDenialReason | null;
}

export interface CaseConsent {
  caseId: string;
  people: PersonLink[];
  /** counted at all: a survivor, and every survivor allowed */
  reportable: boolean;
  /** its story may be told: reportable, not extreme, everyone allowed */
  storyAllowed: boolean;
  /** why it is left out (of the report, or of the stories), and how many people lack consent */
  leftOut: { from: 'report' | 'vignettes'; reason: LeftOutReason; people: number } | null;
}

const DENIAL_TO_REASON: Readonly<Record<ConsentDenialReason, LeftOutReason>> = {
  'person-not-in-case': 'consent-absent',
  absent: 'consent-absent',
  withdrawn: 'consent-withdrawn',
  refused: 'consent-refused',
  expired: 'consent-expired',
  'not-informed': 'consent-not-informed',
};

/** The most telling reason among several denials (a withdrawal says more than an absence). */
const REASON_ORDER: readonly LeftOutReason[] = [
  'consent-withdrawn',
  'consent-refused',
  'consent-expired',
  'consent-not-informed',
  'consent-absent',
];

function firstReason(denials: readonly ConsentDenialReason[]): LeftOutReason {
  const reasons = new Set(denials.map((d) => DENIAL_TO_REASON[d]));
  return REASON_ORDER.find((r) => reasons.has(r)) ?? 'consent-absent';
}

/**
 * Ask the consent gate about every person linked to each case, for donor reporting at `at`.
 * The facts are read in two queries for all the cases; the decision is the gate's own pure
 * function (decideConsent), the one every other use of personal data goes through. As there, only
 * consents recorded in this vault decide (a partner's received consent never does).
 */
export function consentOfCases(db: ReadableDB, cases: readonly ScopeCase[], at: string): Map<string, CaseConsent> {
  const ids = cases.map((c) => c.id);
  const links = new Map<string, Map<string, Role[]>>();
  for (const r of all<{ case_id: string; person_id: string; role: Role }>(
    db,
    sql`SELECT case_id, person_id, role FROM case_people WHERE case_id IN ${idsIn(ids)} ORDER BY added_at, person_id`,
  )) {
    const people = links.get(r.case_id) ?? new Map<string, Role[]>();
    people.set(r.person_id, [...(people.get(r.person_id) ?? []), r.role]);
    links.set(r.case_id, people);
  }
  const facts = new Map<string, ReturnType<typeof factFromRow>[]>();
  for (const r of all<ConsentFactRow>(
    db,
    sql`SELECT * FROM consents WHERE case_id IN ${idsIn(ids)} AND purpose = 'donor-reporting'
                AND origin_vault = (SELECT value FROM vault_meta WHERE key = 'vault_id') ORDER BY series_id, version`,
  )) {
    const key = `${r.case_id}\u0000${r.person_id}`;
    facts.set(key, [...(facts.get(key) ?? []), factFromRow(r)]);
  }
  const restricted = restrictedIds({ db }, 'people');
  const out = new Map<string, CaseConsent>();
  for (const c of cases) {
    const people: PersonLink[] = [...(links.get(c.id) ?? new Map<string, Role[]>())].map(([personId, roles]) => {
      // a person whose origin recalled them (recall notice, restrict) is never reported: as if withdrawn
      if (restricted.has(personId)) return { personId, roles, allowed: false, denial: 'withdrawn' as const };
      const decision = decideConsent(
        { personInCase: true, consents: facts.get(`${c.id}\u0000${personId}`) ?? [] },
        { personId, caseId: c.id, purpose: 'donor-reporting', recipient: { class: 'donor' }, at },
      );
      return { personId, roles, allowed: decision.allowed, denial: decision.allowed ? null : decision.reason };
    });
    const survivors = people.filter((p) => p.roles.includes('survivor'));
    const deniedSurvivors = survivors.filter((p) => !p.allowed);
    const denied = people.filter((p) => !p.allowed);
    const reportable = survivors.length > 0 && deniedSurvivors.length === 0;
    const storyAllowed = reportable && denied.length === 0 && c.sensitivity !== 'extreme';
    let leftOut: CaseConsent['leftOut'] = null;
    if (survivors.length === 0) leftOut = { from: 'report', reason: 'no-survivor', people: 0 };
    else if (!reportable)
      leftOut = {
        from: 'report',
        reason: firstReason(deniedSurvivors.map((p) => p.denial!)),
        people: deniedSurvivors.length,
      };
    else if (denied.length > 0)
      leftOut = { from: 'vignettes', reason: firstReason(denied.map((p) => p.denial!)), people: denied.length };
    else if (c.sensitivity === 'extreme') leftOut = { from: 'vignettes', reason: 'extreme-sensitivity', people: 0 };
    out.set(c.id, { caseId: c.id, people, reportable, storyAllowed, leftOut });
  }
  return out;
}
