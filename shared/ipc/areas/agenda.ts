/**
 * Agenda: what needs attention across every case, in one read for the home screen and the
 * navigation's badges — deadlines overdue and coming up, consents that expire and need renewing,
 * risk and due-diligence reviews that are due, open enquiries and what waits in the exchange
 * inbox. Each item carries the ids the app needs to open the place where it is handled.
 */
import { z } from 'zod';
import { DeadlineKind } from '../../domain/deadlines.js';
import { ConsentPurpose } from '../../domain/consents.js';
import { engineCall } from '../kit.js';
import { BackupStatus } from './backup.js';

const days = (max: number, fallback: number) =>
  z
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(max, `must be at most ${max} days`)
    .default(fallback);

export const AgendaQuery = z.strictObject({
  /** deadlines due from today up to today + N days (overdue ones always) */
  deadlineDays: days(366, 14),
  /** consents expiring up to today + N days (expired ones not yet renewed always) */
  consentDays: days(366, 30),
  /** risk and due-diligence reviews due up to today + N days (overdue ones always) */
  reviewDays: days(366, 14),
  /** at most this many items of each kind (the counts are always whole) */
  limit: z.number().int().min(1).max(500).default(50),
});
export type AgendaQuery = z.input<typeof AgendaQuery>;

export const AgendaDeadline = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  caseTitle: z.string(),
  kind: DeadlineKind,
  title: z.string(),
  dueOn: z.string(),
  /** negative when past */
  daysUntilDue: z.number().int(),
  overdue: z.boolean(),
});
export type AgendaDeadline = z.infer<typeof AgendaDeadline>;

/** The current version of a consent series recorded here, given, whose expiry is near or past. */
export const AgendaConsent = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  personId: z.string(),
  personName: z.string(),
  purpose: ConsentPurpose,
  expiresAt: z.string(),
  expired: z.boolean(),
});
export type AgendaConsent = z.infer<typeof AgendaConsent>;

export const AgendaReview = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('risk'),
    id: z.string(),
    title: z.string(),
    caseId: z.string().nullable(),
    reviewOn: z.string(),
    overdue: z.boolean(),
  }),
  z.strictObject({
    kind: z.literal('due-diligence'),
    id: z.string(),
    title: z.string(),
    reviewOn: z.string(),
    overdue: z.boolean(),
  }),
]);
export type AgendaReview = z.infer<typeof AgendaReview>;

const Count = z.number().int().nonnegative();

export const Agenda = z.strictObject({
  /** the day the agenda was read for (the vault's clock) */
  today: z.string(),
  /** overdue first, then soonest */
  deadlines: z.array(AgendaDeadline),
  /** soonest expiry first */
  consents: z.array(AgendaConsent),
  /** earliest review first */
  reviews: z.array(AgendaReview),
  counts: z.strictObject({
    overdueDeadlines: Count,
    upcomingDeadlines: Count,
    consentsToRenew: Count,
    reviewsDue: Count,
    /** enquiries not yet decided */
    openEnquiries: Count,
    /** received bundles held in quarantine (from an unknown or unverified sender) */
    quarantinedBundles: Count,
    /** received versions of records also edited here, waiting for a choice */
    importConflicts: Count,
    /** partners' additions to our cases waiting for a decision */
    proposedAdditions: Count,
    /** recall notices received in the last 30 days (already applied; shown so they are seen) */
    recentRecallNotices: Count,
    /** quarantined bundles + import conflicts + proposed additions */
    inboxNeedsAction: Count,
  }),
  /** the last backup and whether one is due (docs/backup.md, "Reminder") */
  backup: BackupStatus,
});
export type Agenda = z.infer<typeof Agenda>;

export const agendaArea = {
  /** one read of everything due, with whole counts (quick at 100 000 cases) */
  get: engineCall(AgendaQuery, Agenda),
} as const;
