/**
 * Retention (docs/erasure.md, "Retention"): the organisation sets how many years after closure
 * a closed case comes up for review; `case retention-review` lists the closed cases past it.
 * Nothing is deleted automatically: a person decides, case by case, and purges (erasure-service).
 */
import { type RetentionPolicy, type RetentionReview, SetRetentionInput } from '../../../shared/domain/erasure.js';
import { all, get, run, sql } from '../db/sql.js';
import { type DomainContext, mutate, nowIso, parseInput, today } from '../domain/context.js';

export function getRetention(ctx: DomainContext): RetentionPolicy {
  const r = get<{ retention_years: number | null; retention_updated_at: string | null }>(
    ctx.db,
    sql`SELECT retention_years, retention_updated_at FROM org_policy WHERE id = 1`,
  );
  return {
    retentionYears: r?.retention_years === null || r === undefined ? null : Number(r.retention_years),
    updatedAt: r?.retention_updated_at ?? null,
  };
}

/** Set (or clear, with null) the retention period. Audited `policy.retention-changed`; the same value again changes nothing. */
export function setRetention(ctx: DomainContext, input: SetRetentionInput): RetentionPolicy {
  const p = parseInput(SetRetentionInput, input);
  return mutate(ctx, (audit) => {
    const before = getRetention(ctx);
    if (before.retentionYears === p.retentionYears) return before;
    const at = nowIso(ctx);
    run(
      ctx.db,
      sql`INSERT INTO org_policy (id, require_due_diligence, require_agreement, retention_years, retention_updated_at) VALUES (1, 1, 1, ${p.retentionYears}, ${at})
          ON CONFLICT (id) DO UPDATE SET retention_years = excluded.retention_years, retention_updated_at = excluded.retention_updated_at`,
    );
    audit({
      action: 'policy.retention-changed',
      subject: { kind: 'policy', id: 'retention' },
      details: { retentionYears: p.retentionYears, was: before.retentionYears },
    });
    return getRetention(ctx);
  });
}

/** The day `years` years before `day` (29 February → 28 February in a common year). */
export function yearsBefore(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) - years;
  const md = day.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

function wholeYearsBetween(from: string, to: string): number {
  let n = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (to.slice(5) < from.slice(5)) n--;
  return Math.max(0, n);
}

/** Closed cases closed on or before today minus the retention period, oldest closure first. */
export function retentionReview(ctx: DomainContext): RetentionReview {
  const { retentionYears } = getRetention(ctx);
  if (retentionYears === null) return { retentionYears: null, closedOnOrBefore: null, cases: [] };
  const now = today(ctx);
  const cutoff = yearsBefore(now, retentionYears);
  const rows = all<{ id: string; reference: string; title: string; closed_on: string }>(
    ctx.db,
    sql`SELECT id, reference, title, closed_on FROM cases
         WHERE status = 'closed' AND closed_on IS NOT NULL AND closed_on <= ${cutoff}
         ORDER BY closed_on, reference`,
  );
  return {
    retentionYears,
    closedOnOrBefore: cutoff,
    cases: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      closedOn: r.closed_on,
      yearsClosed: wholeYearsBetween(r.closed_on, now),
    })),
  };
}
