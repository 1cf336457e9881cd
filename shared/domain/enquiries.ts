/** Enquiries: intake before a case exists, the conflict check, and the decision. */
import { z } from 'zod';
import { Day, Id, LongText, pageOf, RecordMeta, ShortText, text } from './common.js';
import { CreateCaseInput } from './cases.js';
import { CaseRole, Role } from './people.js';

export const CHANNELS = ['phone', 'email', 'in-person', 'letter', 'messaging', 'referral', 'other'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** open → accepted (opens a case) | referred (to a partner) | declined. Decisions are final. */
export const ENQUIRY_STATUSES = ['open', 'accepted', 'referred', 'declined'] as const;
export const EnquiryStatus = z.enum(ENQUIRY_STATUSES);
export type EnquiryStatus = z.infer<typeof EnquiryStatus>;

export const CreateEnquiryInput = z.strictObject({
  receivedOn: Day.optional(),
  channel: Channel,
  summary: LongText.pipe(z.string().min(1, 'must not be empty')),
  /** who made contact */
  enquirerName: ShortText,
  enquirerContact: text(2000).default(''),
  /** other people named (survivor, family, alleged perpetrators): all go through the conflict check */
  namesMentioned: z.array(ShortText).max(50).default([]),
});
export type CreateEnquiryInput = z.input<typeof CreateEnquiryInput>;

export const DECISIONS = ['accept', 'refer', 'decline'] as const;

export const DecideEnquiryInput = z.discriminatedUnion('decision', [
  z.strictObject({
    id: Id,
    decision: z.literal('accept'),
    reason: text(2000).optional(),
    /** the case to open; its title defaults to "Enquiry of <date>" */
    case: CreateCaseInput.omit({ status: true }).partial({ title: true }).optional(),
    /** also record the enquirer as a person with this role in the new case */
    enquirerRole: Role.optional(),
    /** required when the last conflict check found matches: the user has looked at them */
    acknowledgeConflicts: z.boolean().default(false),
  }),
  z.strictObject({ id: Id, decision: z.literal('refer'), partnerId: Id, reason: text(2000, 1) }),
  z.strictObject({ id: Id, decision: z.literal('decline'), reason: text(2000, 1) }),
]);
export type DecideEnquiryInput = z.input<typeof DecideEnquiryInput>;

export const ListEnquiriesQuery = z.strictObject({
  status: z.enum(ENQUIRY_STATUSES).optional(),
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).default(0),
});
export type ListEnquiriesQuery = z.input<typeof ListEnquiriesQuery>;

/** A name of the enquiry that matches someone already in the vault (the conflict check). */
export const ConflictMatch = z.strictObject({
  /** the name that was checked */
  query: z.string(),
  personId: z.string(),
  /** the name or alias it matched */
  matchedName: z.string(),
  matchedKind: z.enum(['name', 'alias']),
  match: z.enum(['exact', 'partial']),
  roles: z.array(CaseRole),
});
export type ConflictMatch = z.infer<typeof ConflictMatch>;

/** An enquiry; `conflicts` is the result of its latest conflict check (conflictCheckedAt). */
export const Enquiry = RecordMeta.extend({
  receivedOn: z.string(),
  channel: Channel,
  summary: z.string(),
  enquirerName: z.string(),
  enquirerContact: z.string(),
  namesMentioned: z.array(z.string()),
  status: EnquiryStatus,
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  caseId: z.string().nullable(),
  referredPartnerId: z.string().nullable(),
  conflictCheckedAt: z.string().nullable(),
  conflicts: z.array(ConflictMatch),
}).strict();
export type Enquiry = z.infer<typeof Enquiry>;

export const EnquiryList = pageOf(Enquiry);
export type EnquiryList = z.infer<typeof EnquiryList>;
