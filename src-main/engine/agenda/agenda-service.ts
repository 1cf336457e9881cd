/**
 * The agenda: everything due across cases in one read (shared/ipc/areas/agenda.ts). Each query
 * walks an index (deadlines_due, risks_review, enquiries_status, bundles_status,
 * import_conflicts_open, proposed_additions_open, recall_notices_list), except two: partners are
 * few, and consents have no index on their expiry, so that scan filters on the row's own columns
 * before it looks at the rest of the series (tests/engine/agenda measures it at 100 000 cases).
 */
import {
  Agenda,
  AgendaQuery,
  type AgendaConsent,
  type AgendaDeadline,
  type AgendaReview,
} from '../../../shared/ipc/areas/agenda.js';
import { addDays, daysBetween, type DeadlineKind } from '../../../shared/domain/deadlines.js';
import type { ConsentPurpose } from '../../../shared/domain/consents.js';
import { all, pluck, sql, type ReadableDB, type SqlFragment } from '../db/sql.js';
import { type DomainContext, nowIso, parseInput, today } from '../domain/context.js';
import { isExpired } from '../consents/consent-gate.js';
import { backupStatus } from '../backup/status.js';

/** How far back a received recall notice still shows on the agenda. */
export const RECENT_RECALL_DAYS = 30;

function count(db: ReadableDB, q: SqlFragment): number {
  return Number(pluck<number | bigint>(db, q) ?? 0);
}

export function readAgenda(ctx: DomainContext, query: AgendaQuery = {}): Agenda {
  const q = parseInput(AgendaQuery, query);
  const db = ctx.db;
  const day = today(ctx);
  const now = nowIso(ctx);

  // Open deadlines due by the horizon; the overdue ones come first because they are earliest.
  const deadlineHorizon = addDays(day, q.deadlineDays);
  const deadlines: AgendaDeadline[] = all<{
    id: string;
    case_id: string;
    kind: DeadlineKind;
    title: string;
    due_on: string;
    reference: string;
    case_title: string;
  }>(
    db,
    sql`SELECT d.id, d.case_id, d.kind, d.title, d.due_on, c.reference, c.title AS case_title
        FROM deadlines d JOIN cases c ON c.id = d.case_id
        WHERE d.status = 'open' AND d.due_on <= ${deadlineHorizon}
        ORDER BY d.due_on, c.reference, d.id LIMIT ${q.limit}`,
  ).map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseReference: r.reference,
    caseTitle: r.case_title,
    kind: r.kind,
    title: r.title,
    dueOn: r.due_on,
    daysUntilDue: daysBetween(day, r.due_on),
    overdue: r.due_on < day,
  }));
  const overdueDeadlines = count(db, sql`SELECT count(*) FROM deadlines WHERE status = 'open' AND due_on < ${day}`);
  const upcomingDeadlines = count(
    db,
    sql`SELECT count(*) FROM deadlines WHERE status = 'open' AND due_on >= ${day} AND due_on <= ${deadlineHorizon}`,
  );

  // Consents recorded here whose series' current version is a given consent expiring by the
  // horizon (a day or an instant: its first ten characters are its day). A received consent
  // decides nothing here and cannot be renewed here; a closed case needs no renewal.
  const consentHorizon = addDays(day, q.consentDays);
  const consentsFrom = sql`FROM consents k JOIN cases c ON c.id = k.case_id`;
  const consentsDue = sql`WHERE k.state = 'given' AND k.expires_at IS NOT NULL
          AND substr(k.expires_at, 1, 10) <= ${consentHorizon}
          AND k.origin_vault = ${ctx.vaultId} AND c.status <> 'closed'
          AND NOT EXISTS (SELECT 1 FROM consents n WHERE n.series_id = k.series_id AND n.version > k.version)`;
  const consents: AgendaConsent[] = all<{
    id: string;
    case_id: string;
    reference: string;
    person_id: string;
    person_name: string;
    purpose: ConsentPurpose;
    expires_at: string;
  }>(
    db,
    sql`SELECT k.id, k.case_id, c.reference, k.person_id, coalesce(p.pseudonym, p.full_name) AS person_name,
          k.purpose, k.expires_at
        ${consentsFrom} JOIN people p ON p.id = k.person_id ${consentsDue}
        ORDER BY substr(k.expires_at, 1, 10), c.reference, k.id LIMIT ${q.limit}`,
  ).map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseReference: r.reference,
    personId: r.person_id,
    personName: r.person_name,
    purpose: r.purpose,
    expiresAt: r.expires_at,
    expired: isExpired(r.expires_at, now),
  }));
  const consentsToRenew = count(db, sql`SELECT count(*) ${consentsFrom} ${consentsDue}`);

  // Reviews due by the horizon: open risks of the register, and partners' due diligence.
  const reviewHorizon = addDays(day, q.reviewDays);
  const riskWhere = sql`FROM risks WHERE status <> 'closed' AND review_on <= ${reviewHorizon}`;
  const partnerWhere = sql`FROM partners WHERE dd_review_on IS NOT NULL AND dd_review_on <= ${reviewHorizon}`;
  const reviews: AgendaReview[] = [
    ...all<{ id: string; threat: string; case_id: string | null; review_on: string }>(
      db,
      sql`SELECT id, threat, case_id, review_on ${riskWhere} ORDER BY review_on, id LIMIT ${q.limit}`,
    ).map((r): AgendaReview => ({
      kind: 'risk',
      id: r.id,
      title: r.threat,
      caseId: r.case_id,
      reviewOn: r.review_on,
      overdue: r.review_on < day,
    })),
    ...all<{ id: string; name: string; dd_review_on: string }>(
      db,
      sql`SELECT id, name, dd_review_on ${partnerWhere} ORDER BY dd_review_on, id LIMIT ${q.limit}`,
    ).map((r): AgendaReview => ({
      kind: 'due-diligence',
      id: r.id,
      title: r.name,
      reviewOn: r.dd_review_on,
      overdue: r.dd_review_on < day,
    })),
  ]
    .sort((a, b) => (a.reviewOn < b.reviewOn ? -1 : a.reviewOn > b.reviewOn ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, q.limit);
  const reviewsDue = count(db, sql`SELECT count(*) ${riskWhere}`) + count(db, sql`SELECT count(*) ${partnerWhere}`);

  const quarantinedBundles = count(
    db,
    sql`SELECT count(*) FROM bundles WHERE direction = 'received' AND status = 'quarantined'`,
  );
  const importConflicts = count(db, sql`SELECT count(*) FROM import_conflicts WHERE resolved_at IS NULL`);
  const proposedAdditions = count(db, sql`SELECT count(*) FROM proposed_additions WHERE status = 'pending'`);
  const recallSince = new Date(ctx.now().getTime() - RECENT_RECALL_DAYS * 86_400_000).toISOString();
  const recentRecallNotices = count(
    db,
    sql`SELECT count(*) FROM recall_notices WHERE direction = 'received' AND recorded_at >= ${recallSince}`,
  );

  return {
    today: day,
    deadlines,
    consents,
    reviews,
    counts: {
      overdueDeadlines,
      upcomingDeadlines,
      consentsToRenew,
      reviewsDue,
      openEnquiries: count(db, sql`SELECT count(*) FROM enquiries WHERE status = 'open'`),
      quarantinedBundles,
      importConflicts,
      proposedAdditions,
      recentRecallNotices,
      inboxNeedsAction: quarantinedBundles + importConflicts + proposedAdditions,
    },
    backup: backupStatus(db, ctx.now()),
  };
}
