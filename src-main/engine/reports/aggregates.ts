/**
 * The true counts behind a donor report, before suppression (suppression.ts) and labels
 * (donor-report.ts). Nothing here leaves the engine as is: every number goes through
 * suppressCount / suppressLine, every sum through the "at least k cases" rule.
 *
 * Which data each count may use (scope.ts has the consent rule):
 * - case counts, forum, stage, outcomes, reparations, indicators and deadlines: reportable
 *   cases only (every survivor consented);
 * - people supported (gender, age band, country): consented survivors of the active cases;
 * - enquiries: counts of contacts, nothing about the enquirer; only in a report on every case
 *   (an enquiry belongs to no project until accepted).
 */
import { FORUMS, STAGES } from '../../../shared/domain/cases.js';
import {
  DIMENSIONS,
  type Dimension,
  indicatorProgress,
  OUTCOME_CATEGORIES,
  OUTCOME_CATEGORY_OF,
  type OutcomeCategory,
  type OutcomeKind,
} from '../../../shared/domain/outcomes.js';
import { GENDERS } from '../../../shared/domain/people.js';
import { all, sql, type ReadableDB } from '../db/sql.js';
import { type CaseConsent, idsIn, inPeriod, type ScopeCase } from './scope.js';

export const AGE_BANDS = ['0-17', '18-25', '26-40', '41-60', '61+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * The age band of a birth date (YYYY, YYYY-MM or YYYY-MM-DD) on `day`. A year alone counts as
 * born on 1 July, a month alone on its 15th (the middle: the band is right more often than with
 * either end). A birth after `day`, or anything else, is null ("not recorded").
 */
export function ageBand(birth: string | null, day: string): AgeBand | null {
  if (!birth) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(birth);
  if (!m) return null;
  const by = Number(m[1]);
  const bm = m[2] ? Number(m[2]) : 7;
  const bd = m[3] ? Number(m[3]) : m[2] ? 15 : 1;
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (mo < bm || (mo === bm && d < bd)) age--;
  if (age < 0) return null;
  if (age <= 17) return '0-17';
  if (age <= 25) return '18-25';
  if (age <= 40) return '26-40';
  if (age <= 60) return '41-60';
  return '61+';
}

/** How the period is cut for "over time": months up to 3 months, quarters up to 5 years, then years. */
export type Granularity = 'month' | 'quarter' | 'year';

export function granularityOf(from: string, to: string): Granularity {
  const months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7))) + 1;
  if (months <= 3) return 'month';
  if (months <= 60) return 'quarter';
  return 'year';
}

/** The bucket of a day: "2026-03", "2026-Q1" or "2026". */
export function bucketOf(day: string, g: Granularity): string {
  const y = day.slice(0, 4);
  if (g === 'year') return y;
  if (g === 'month') return day.slice(0, 7);
  return `${y}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Every bucket from `from` to `to`, in order. */
export function bucketsOf(from: string, to: string, g: Granularity): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endKey = bucketOf(to, g);
  for (;;) {
    const key = bucketOf(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`, g);
    if (out[out.length - 1] !== key) out.push(key);
    if (key === endKey) return out;
    m += g === 'month' ? 1 : g === 'quarter' ? 3 : 12;
    if (g === 'quarter') m = Math.floor((m - 1) / 3) * 3 + 1;
    while (m > 12) {
      m -= 12;
      y++;
    }
  }
}

export interface RawReparation {
  currency: string;
  /** cases with an amount awarded or paid */
  cases: number;
  awardedCases: number;
  awardedMinor: bigint;
  paidCases: number;
  paidMinor: bigint;
}

export interface RawIndicators {
  dimension: Dimension;
  cases: number;
  indicators: number;
  atTarget: number;
  /** progress of each indicator that has one */
  progress: number[];
}

export interface RawAggregates {
  casesOpened: number;
  casesActive: number;
  casesClosed: number;
  peopleSupported: number;
  enquiries: { received: number; accepted: number; referred: number; declined: number } | null;
  /** ordered rows: key → count */
  peopleByGender: Array<[string, number]>;
  peopleByAge: Array<[string, number]>;
  /** by country code; countries with fewer than k people are added up as "other" */
  peopleByCountry: Array<[string, number]>;
  casesByForum: Array<[string, number]>;
  casesByStage: Array<[string, number]>;
  outcomesByCategory: Array<[OutcomeCategory, number]>;
  outcomesOverTime: Array<[string, number]>;
  granularity: Granularity;
  deadlines: Array<[string, number]>;
  reparations: RawReparation[];
  indicators: RawIndicators[];
}

function countBy<T>(items: readonly T[], keys: readonly string[], keyOf: (t: T) => string): Array<[string, number]> {
  const m = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const it of items) {
    const k = keyOf(it);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m];
}

export interface AggregateInput {
  from: string;
  to: string;
  k: number;
  /** the active cases of the scope (taken on, open in the period) */
  active: readonly ScopeCase[];
  consent: ReadonlyMap<string, CaseConsent>;
  /** count enquiries (a report on every case) */
  withEnquiries: boolean;
  /** country code → name in the report's language, to order the country rows */
  countryOrder: (code: string) => string;
}

export function aggregate(db: ReadableDB, a: AggregateInput): RawAggregates {
  const { from, to } = a;
  const reported = a.active.filter((c) => a.consent.get(c.id)?.reportable);
  const reportedIds = reported.map((c) => c.id);

  // people supported: consented survivors of any active case
  const supported = new Set<string>();
  for (const c of a.active) {
    for (const p of a.consent.get(c.id)?.people ?? [])
      if (p.allowed && p.roles.includes('survivor')) supported.add(p.personId);
  }
  const people = all<{ id: string; gender: string | null; birth_date: string | null; country: string | null }>(
    db,
    sql`SELECT id, gender, birth_date, country FROM people WHERE id IN ${idsIn([...supported])}`,
  );
  const byCountry = countBy(people, [], (p) => p.country ?? 'unknown');
  const named = byCountry
    .filter(([code, n]) => code !== 'unknown' && n >= a.k)
    .sort((x, y) => a.countryOrder(x[0]).localeCompare(a.countryOrder(y[0])) || x[0].localeCompare(y[0]));
  const other = byCountry.filter(([code, n]) => code !== 'unknown' && n < a.k).reduce((s, [, n]) => s + n, 0);
  const unknownCountry = byCountry.find(([code]) => code === 'unknown')?.[1] ?? 0;

  // outcomes achieved in the period, of reported cases
  const outcomes = all<{
    case_id: string;
    kind: OutcomeKind;
    achieved_on: string;
    currency: string | null;
    amount_awarded_minor: number | null;
    amount_paid_minor: number | null;
  }>(
    db,
    sql`SELECT case_id, kind, achieved_on, currency, amount_awarded_minor, amount_paid_minor FROM outcomes WHERE case_id IN ${idsIn(reportedIds)} AND achieved_on >= ${from} AND achieved_on <= ${to}`,
  );
  const granularity = granularityOf(from, to);
  const reparations = new Map<
    string,
    { cases: Set<string>; awarded: Set<string>; paid: Set<string>; awardedMinor: bigint; paidMinor: bigint }
  >();
  for (const o of outcomes) {
    if (!o.currency || (o.amount_awarded_minor === null && o.amount_paid_minor === null)) continue;
    const r = reparations.get(o.currency) ?? {
      cases: new Set(),
      awarded: new Set(),
      paid: new Set(),
      awardedMinor: 0n,
      paidMinor: 0n,
    };
    r.cases.add(o.case_id);
    if (o.amount_awarded_minor !== null) {
      r.awarded.add(o.case_id);
      r.awardedMinor += BigInt(o.amount_awarded_minor);
    }
    if (o.amount_paid_minor !== null) {
      r.paid.add(o.case_id);
      r.paidMinor += BigInt(o.amount_paid_minor);
    }
    reparations.set(o.currency, r);
  }

  // deadlines met or missed in the period, of reported cases
  const deadlines = all<{ status: string }>(
    db,
    sql`SELECT status FROM deadlines WHERE case_id IN ${idsIn(reportedIds)} AND status IN ('met', 'missed') AND coalesce(completed_on, due_on) >= ${from} AND coalesce(completed_on, due_on) <= ${to}`,
  );

  // indicators of reported cases: the latest value observed by the end of the period
  const indicators = all<{
    id: string;
    case_id: string;
    dimension: Dimension;
    baseline: number;
    target: number;
    latest: number | null;
  }>(
    db,
    sql`SELECT i.id, i.case_id, i.dimension, i.baseline, i.target,
          (SELECT o.value FROM indicator_observations o WHERE o.indicator_id = i.id AND o.observed_on <= ${to} ORDER BY o.observed_on DESC, o.created_at DESC, o.id DESC LIMIT 1) AS latest
        FROM indicators i WHERE i.case_id IN ${idsIn(reportedIds)}`,
  );

  return {
    casesOpened: reported.filter((c) => inPeriod(c.openedOn, from, to)).length,
    casesActive: reported.length,
    casesClosed: reported.filter((c) => inPeriod(c.closedOn, from, to)).length,
    peopleSupported: people.length,
    enquiries: a.withEnquiries ? countEnquiries(db, from, to) : null,
    peopleByGender: countBy(people, [...GENDERS, 'unknown'], (p) => p.gender ?? 'unknown'),
    peopleByAge: countBy(people, [...AGE_BANDS, 'unknown'], (p) => ageBand(p.birth_date, to) ?? 'unknown'),
    peopleByCountry: [...named, ['other', other], ['unknown', unknownCountry]],
    casesByForum: countBy(reported, [...FORUMS, 'none'], (c) => c.forum ?? 'none'),
    casesByStage: countBy(reported, [...STAGES, 'none'], (c) => c.stage ?? 'none'),
    outcomesByCategory: countBy(outcomes, OUTCOME_CATEGORIES, (o) => OUTCOME_CATEGORY_OF[o.kind]) as Array<
      [OutcomeCategory, number]
    >,
    outcomesOverTime: countBy(outcomes, bucketsOf(from, to, granularity), (o) => bucketOf(o.achieved_on, granularity)),
    granularity,
    deadlines: countBy(deadlines, ['met', 'missed'], (d) => d.status),
    reparations: [...reparations]
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([currency, r]) => ({
        currency,
        cases: r.cases.size,
        awardedCases: r.awarded.size,
        awardedMinor: r.awardedMinor,
        paidCases: r.paid.size,
        paidMinor: r.paidMinor,
      })),
    indicators: DIMENSIONS.map((dimension) => {
      const of = indicators.filter((i) => i.dimension === dimension);
      const progress = of
        .map((i) => indicatorProgress(i.baseline, i.target, i.latest))
        .filter((p): p is number => p !== null);
      return {
        dimension,
        cases: new Set(of.map((i) => i.case_id)).size,
        indicators: of.length,
        atTarget: progress.filter((p) => p >= 1).length,
        progress,
      };
    }),
  };
}

function countEnquiries(
  db: ReadableDB,
  from: string,
  to: string,
): { received: number; accepted: number; referred: number; declined: number } {
  const received =
    all<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM enquiries WHERE received_on >= ${from} AND received_on <= ${to}`,
    )[0]?.n ?? 0;
  // decided_at is an instant; its day (UTC) is what falls in the period
  const decided = all<{ status: string; n: number }>(
    db,
    sql`SELECT status, count(*) AS n FROM enquiries WHERE status IN ('accepted', 'referred', 'declined') AND substr(decided_at, 1, 10) >= ${from} AND substr(decided_at, 1, 10) <= ${to} GROUP BY status`,
  );
  const n = (s: string) => decided.find((d) => d.status === s)?.n ?? 0;
  return { received, accepted: n('accepted'), referred: n('referred'), declined: n('declined') };
}

/** Is there anything at all in the period (before consent), so that a report makes sense? */
export function enquiriesInPeriod(db: ReadableDB, from: string, to: string): number {
  const e = countEnquiries(db, from, to);
  return e.received + e.accepted + e.referred + e.declined;
}
