/** Enquiries: intake before a case exists, the conflict check, and the decision. */
import { z } from 'zod';
import { Day, Id, LongText, pageOf, RecordMeta, ShortText, text } from './common.js';
import { CreateCaseInput } from './cases.js';
import { CaseRole, Role, ROLES } from './people.js';

export const CHANNELS = ['phone', 'email', 'in-person', 'letter', 'messaging', 'referral', 'other'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** open → accepted (opens a case) | referred (to a partner) | declined. Decisions are final. */
export const ENQUIRY_STATUSES = ['open', 'accepted', 'referred', 'declined'] as const;
export const EnquiryStatus = z.enum(ENQUIRY_STATUSES);
export type EnquiryStatus = z.infer<typeof EnquiryStatus>;

/** A name mentioned in an enquiry, with the role the enquiry gives that person (e.g. alleged perpetrator). */
export const NamedPersonInput = z.strictObject({ name: ShortText, role: Role });

export const CreateEnquiryInput = z.strictObject({
  receivedOn: Day.optional(),
  channel: Channel,
  summary: LongText.pipe(z.string().min(1, 'must not be empty')),
  /** who made contact */
  enquirerName: ShortText,
  enquirerContact: text(2000).default(''),
  /**
   * other people named (survivor, family, alleged perpetrators): all go through the conflict
   * check, and later enquiries are checked against them. A name alone, or with the role the
   * enquiry gives that person.
   */
  namesMentioned: z
    .array(z.union([ShortText, NamedPersonInput]))
    .max(50)
    .default([]),
});
export type CreateEnquiryInput = z.input<typeof CreateEnquiryInput>;

export const DECISIONS = ['accept', 'refer', 'decline'] as const;

/**
 * The case an accepted enquiry opens starts in this status: the decision to take it on is the
 * acceptance itself, so the case is under way at once (CASE_TRANSITIONS: active → closed).
 */
export const ACCEPTED_CASE_STATUS = 'active' as const;

/** What becomes of a name the enquiry mentions when it is accepted. */
export const NAMED_PERSON_ACTIONS = ['create', 'link', 'skip'] as const;
export type NamedPersonAction = (typeof NAMED_PERSON_ACTIONS)[number];

/**
 * One name of the enquiry (`index` into namesMentioned / namedPeople, from 0) on acceptance:
 * create — a new person with that name and a role in the new case (the role the enquiry gave the
 * name when `role` is absent); link — an existing person the conflict check matched for that
 * name gets the role instead; skip — nobody is recorded. Names without a choice are skipped.
 */
export const NamedPersonChoice = z.discriminatedUnion('action', [
  z.strictObject({ index: z.number().int().min(0).max(49), action: z.literal('create'), role: Role.optional() }),
  z.strictObject({
    index: z.number().int().min(0).max(49),
    action: z.literal('link'),
    personId: Id,
    role: Role.optional(),
  }),
  z.strictObject({ index: z.number().int().min(0).max(49), action: z.literal('skip') }),
]);
export type NamedPersonChoice = z.input<typeof NamedPersonChoice>;

export const DecideEnquiryInput = z.discriminatedUnion('decision', [
  z.strictObject({
    id: Id,
    decision: z.literal('accept'),
    reason: text(2000).optional(),
    /**
     * the case to open; its title defaults to "Enquiry of <date>", its summary to the enquiry's
     * summary; it opens in ACCEPTED_CASE_STATUS
     */
    case: CreateCaseInput.omit({ status: true }).partial({ title: true }).optional(),
    /** also record the enquirer as a person with this role in the new case */
    enquirerRole: Role.optional(),
    /** per name mentioned: create a person, link a matched person, or skip (the default) */
    namedPeople: z.array(NamedPersonChoice).max(50).default([]),
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

/** How a name matched (docs/names.md): exact, partial (every word of the shorter name in the longer), transliteration, similar. */
export const MATCH_KINDS = ['exact', 'partial', 'transliteration', 'similar'] as const;
export const MatchKind = z.enum(MATCH_KINDS);
export type MatchKind = z.infer<typeof MatchKind>;

/**
 * A name of the enquiry that matches someone already in the vault (the conflict check): a person
 * (by name or alias), or a name given in an earlier enquiry (who made contact, or a name it
 * mentioned with the role it gave them), whatever was decided on that enquiry.
 */
export const ConflictMatch = z.strictObject({
  /** the name that was checked */
  query: z.string(),
  /** the person matched; null when the match is a name in an earlier enquiry */
  personId: z.string().nullable(),
  /** the name or alias it matched */
  matchedName: z.string(),
  /** name / alias of a person; enquirer / named: who made contact with, or a name mentioned in, an earlier enquiry */
  matchedKind: z.enum(['name', 'alias', 'enquirer', 'named']),
  match: MatchKind,
  /** 1 for exact, lower for looser matches; results are sorted by match kind, then score */
  score: z.number(),
  /** in words (English, for the CLI and logs): "similar: Ouazani ~ Ouazzani" */
  reason: z.string(),
  /** the words that differ between the two names, as written */
  pairs: z.array(z.strictObject({ query: z.string(), matched: z.string() })),
  /** the person's roles in cases (none for an enquiry's name) */
  roles: z.array(CaseRole),
  /** the earlier enquiry, when the match is one of its names */
  enquiry: z
    .strictObject({
      id: z.string(),
      receivedOn: z.string(),
      status: EnquiryStatus,
      /** the role that enquiry gave the person it named, if any */
      role: z.enum(ROLES).nullable(),
    })
    .nullable(),
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
  /** the names mentioned with the role the enquiry gives each (null: none given), in the same order */
  namedPeople: z.array(z.strictObject({ name: z.string(), role: z.enum(ROLES).nullable() })),
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
