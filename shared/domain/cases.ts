/** Cases: the schemas of the case service (engine/cases) and of its IPC calls. */
import { z } from 'zod';
import { CountryCode, Day, ExpectedVersion, Id, LongText, ShortText, Tag, pageOf, RecordMeta, text } from './common.js';

/**
 * Status workflow (docs/domain-model.md, "Cases"): enquiry → assessment → accepted | referred | declined →
 * active → closed. A closed case can be reopened (back to active) with a reason.
 */
export const CASE_STATUSES = ['enquiry', 'assessment', 'accepted', 'referred', 'declined', 'active', 'closed'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  enquiry: ['assessment', 'accepted', 'referred', 'declined'],
  assessment: ['accepted', 'referred', 'declined'],
  accepted: ['active', 'closed'],
  referred: ['closed'],
  declined: ['closed'],
  active: ['closed'],
  closed: ['active'],
};

/** The statuses a case may be created in (`case add`); later ones come by transition. */
export const INITIAL_CASE_STATUSES = ['enquiry', 'assessment', 'accepted', 'active'] as const;

export const FORUMS = [
  'domestic-court',
  'regional-commission',
  'regional-court',
  'un-treaty-body',
  'un-special-procedure',
  'other',
] as const;
export const Forum = z.enum(FORUMS);
export type Forum = z.infer<typeof Forum>;

export const STAGES = [
  'preparation',
  'filed',
  'admissibility',
  'merits',
  'judgment',
  'implementation',
  'follow-up',
] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

export const SENSITIVITIES = ['standard', 'high', 'extreme'] as const;
export const Sensitivity = z.enum(SENSITIVITIES);
export type Sensitivity = z.infer<typeof Sensitivity>;

export const TeamMember = z.strictObject({ member: ShortText, role: text(100).default('') });
export type TeamMember = z.infer<typeof TeamMember>;

const Reference = text(40, 1).pipe(
  z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u, 'may hold letters, digits and . _ / - only'),
);

export const CreateCaseInput = z.strictObject({
  title: ShortText,
  /** generated as CV-YYYY-NNNNN when absent */
  reference: Reference.optional(),
  status: z.enum(INITIAL_CASE_STATUSES).default('active'),
  forum: Forum.optional(),
  country: CountryCode.optional(),
  jurisdiction: text(200).optional(),
  stage: Stage.optional(),
  sensitivity: Sensitivity.default('high'),
  summary: LongText.default(''),
  strategy: LongText.default(''),
  project: text(100).optional(),
  /** the donor code (grant, funding agreement) the case is reported under: donor reports select by it */
  donorCode: text(100, 1).optional(),
  openedOn: Day.optional(),
  tags: z.array(Tag).max(50).default([]),
  team: z.array(TeamMember).max(50).default([]),
});
export type CreateCaseInput = z.input<typeof CreateCaseInput>;

/** Fields an update may change; status changes go through `transition`. */
export const UpdateCaseInput = z.strictObject({
  id: Id,
  expectedVersion: ExpectedVersion,
  title: ShortText.optional(),
  forum: Forum.nullable().optional(),
  country: CountryCode.nullable().optional(),
  jurisdiction: text(200).nullable().optional(),
  stage: Stage.nullable().optional(),
  sensitivity: Sensitivity.optional(),
  summary: LongText.optional(),
  strategy: LongText.optional(),
  project: text(100).nullable().optional(),
  donorCode: text(100, 1).nullable().optional(),
  tags: z.array(Tag).max(50).optional(),
  team: z.array(TeamMember).max(50).optional(),
});
export type UpdateCaseInput = z.input<typeof UpdateCaseInput>;

export const TransitionCaseInput = z.strictObject({
  id: Id,
  to: CaseStatus,
  /** required to close, to reopen, to refer and to decline */
  reason: text(2000).optional(),
  expectedVersion: ExpectedVersion,
});
export type TransitionCaseInput = z.input<typeof TransitionCaseInput>;

export const CASE_SORTS = ['updated', 'opened', 'reference'] as const;

export const ListCasesQuery = z.strictObject({
  status: z.array(CaseStatus).max(CASE_STATUSES.length).optional(),
  forum: Forum.optional(),
  country: CountryCode.optional(),
  tag: Tag.optional(),
  /** cases reported under this donor code (exact match) */
  donorCode: text(100, 1).optional(),
  /** cases with an open deadline due on or before this day (overdue ones included) */
  deadlineDueBy: Day.optional(),
  /** words to find in the title, summary or strategy (full-text, accent-insensitive) */
  text: text(200).optional(),
  sort: z.enum(CASE_SORTS).default('updated'),
  limit: z.number().int().min(1).max(1000).default(50),
  offset: z.number().int().min(0).default(0),
});
export type ListCasesQuery = z.input<typeof ListCasesQuery>;

export const Case = RecordMeta.extend({
  reference: z.string(),
  title: z.string(),
  status: CaseStatus,
  forum: Forum.nullable(),
  country: z.string().nullable(),
  jurisdiction: z.string().nullable(),
  stage: Stage.nullable(),
  sensitivity: Sensitivity,
  summary: z.string(),
  strategy: z.string(),
  project: z.string().nullable(),
  donorCode: z.string().nullable(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  closureReason: z.string().nullable(),
  enquiryId: z.string().nullable(),
  tags: z.array(z.string()),
  team: z.array(z.strictObject({ member: z.string(), role: z.string() })),
}).strict();
export type Case = z.infer<typeof Case>;

/** A row of the case list: what the list screen shows, without the long texts. */
export const CaseSummary = Case.pick({
  id: true,
  reference: true,
  title: true,
  status: true,
  forum: true,
  country: true,
  stage: true,
  sensitivity: true,
  openedOn: true,
  updatedAt: true,
  version: true,
  tags: true,
})
  .extend({
    /** the earliest open deadline, if any */
    nextDeadline: z.string().nullable(),
  })
  .strict();
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseList = pageOf(CaseSummary);
export type CaseList = z.infer<typeof CaseList>;

export const CaseHistoryEntry = z.strictObject({
  version: z.number().int(),
  at: z.string(),
  actor: z.string(),
  /** field → its value before and after (JSON values: the history is stored as JSON) */
  changes: z.record(z.string(), z.strictObject({ from: z.json(), to: z.json() })),
});
export type CaseHistoryEntry = z.infer<typeof CaseHistoryEntry>;
