/** Deadlines of a case: limitation periods, filing dates, hearings, responses. */
import { z } from 'zod';
import { Day, ExpectedVersion, Id, LongText, RecordMeta, ShortText } from './common.js';

export const DEADLINE_KINDS = ['limitation', 'filing', 'hearing', 'response', 'other'] as const;
export const DeadlineKind = z.enum(DEADLINE_KINDS);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

/** open → met | missed | cancelled; a completed deadline stays completed. */
export const DEADLINE_STATUSES = ['open', 'met', 'missed', 'cancelled'] as const;
export const DeadlineStatus = z.enum(DEADLINE_STATUSES);
export type DeadlineStatus = z.infer<typeof DeadlineStatus>;

export const COMPLETED_DEADLINE_STATUSES = ['met', 'missed', 'cancelled'] as const;

export const AddDeadlineInput = z.strictObject({
  caseId: Id,
  kind: DeadlineKind,
  title: ShortText,
  dueOn: Day,
  notes: LongText.default(''),
});
export type AddDeadlineInput = z.input<typeof AddDeadlineInput>;

export const CompleteDeadlineInput = z.strictObject({
  id: Id,
  status: z.enum(COMPLETED_DEADLINE_STATUSES).default('met'),
  /** defaults to today; may not lie in the future */
  completedOn: Day.optional(),
  expectedVersion: ExpectedVersion,
});
export type CompleteDeadlineInput = z.input<typeof CompleteDeadlineInput>;

/**
 * upcomingDays: open deadlines due from today up to today + N days. overdue: open deadlines due
 * before today. Both together: either. They concern open deadlines only, so they cannot be
 * combined with another status.
 */
export const ListDeadlinesQuery = z.strictObject({
  caseId: Id.optional(),
  upcomingDays: z
    .number({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a whole number of days') })
    .int('must be a whole number of days')
    .min(0, 'must not be negative')
    .max(3660, 'must be at most 3660 days')
    .optional(),
  overdue: z.boolean().optional(),
  status: DeadlineStatus.optional(),
});
export type ListDeadlinesQuery = z.input<typeof ListDeadlinesQuery>;

export const Deadline = RecordMeta.extend({
  caseId: z.string(),
  kind: DeadlineKind,
  title: z.string(),
  dueOn: z.string(),
  notes: z.string(),
  status: DeadlineStatus,
  completedOn: z.string().nullable(),
}).strict();
export type Deadline = z.infer<typeof Deadline>;

/** A deadline in a list, with its case and how far away it is (negative: past). */
export const DeadlineItem = Deadline.extend({
  caseReference: z.string(),
  caseTitle: z.string(),
  daysUntilDue: z.number().int(),
  /** open and due before today */
  overdue: z.boolean(),
}).strict();
export type DeadlineItem = z.infer<typeof DeadlineItem>;

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / 86_400_000);
}

/** The day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
