/** People and their roles in cases: schemas of engine/people and its IPC calls. */
import { z } from 'zod';
import { CountryCode, Day, ExpectedVersion, Id, LongText, pageOf, RecordMeta, ShortText, text } from './common.js';

/** "survivor/client" is one role; `client` is accepted as a synonym and stored as survivor. */
export const ROLES = ['survivor', 'witness', 'family', 'alleged-perpetrator', 'lawyer', 'expert'] as const;
export const Role = z.preprocess((v) => (v === 'client' ? 'survivor' : v), z.enum(ROLES));
export type Role = (typeof ROLES)[number];

export const GENDERS = ['female', 'male', 'non-binary', 'other', 'undisclosed'] as const;
export const Gender = z.enum(GENDERS);
export type Gender = z.infer<typeof Gender>;

/** Flags that change how the team works with a person (interviews, contact, security). */
export const VULNERABILITIES = [
  'minor',
  'disability',
  'detained',
  'displaced',
  'trauma',
  'reprisal-risk',
  'health',
  'language-barrier',
  'other',
] as const;
export const Vulnerability = z.enum(VULNERABILITIES);
export type Vulnerability = z.infer<typeof Vulnerability>;

/** A birth date as precise as it is known: YYYY, YYYY-MM or YYYY-MM-DD. */
export const BirthDate = z.union([
  Day,
  z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
]);

const Aliases = z.array(ShortText).max(50);

export const CreatePersonInput = z.strictObject({
  fullName: ShortText,
  aliases: Aliases.default([]),
  pseudonym: text(100).optional(),
  gender: Gender.optional(),
  birthDate: BirthDate.optional(),
  country: CountryCode.optional(),
  contact: LongText.default(''),
  safetyNotes: LongText.default(''),
  vulnerabilities: z.array(Vulnerability).max(VULNERABILITIES.length).default([]),
  notes: LongText.default(''),
});
export type CreatePersonInput = z.input<typeof CreatePersonInput>;

export const UpdatePersonInput = z.strictObject({
  id: Id,
  expectedVersion: ExpectedVersion,
  fullName: ShortText.optional(),
  aliases: Aliases.optional(),
  pseudonym: text(100).nullable().optional(),
  gender: Gender.nullable().optional(),
  birthDate: BirthDate.nullable().optional(),
  country: CountryCode.nullable().optional(),
  contact: LongText.optional(),
  safetyNotes: LongText.optional(),
  vulnerabilities: z.array(Vulnerability).max(VULNERABILITIES.length).optional(),
  notes: LongText.optional(),
});
export type UpdatePersonInput = z.input<typeof UpdatePersonInput>;

/** A name about to be given to a new person (and its aliases): who in the vault may be the same person. */
export const PossibleDuplicatesInput = z.strictObject({
  fullName: ShortText,
  aliases: Aliases.default([]),
});
export type PossibleDuplicatesInput = z.input<typeof PossibleDuplicatesInput>;

export const LinkPersonInput = z.strictObject({ personId: Id, caseId: Id, role: Role });
export type LinkPersonInput = z.input<typeof LinkPersonInput>;

export const ListPeopleQuery = z.strictObject({
  caseId: Id.optional(),
  role: Role.optional(),
  /** part of a name, alias or pseudonym (case- and accent-insensitive) */
  name: text(200).optional(),
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).default(0),
});
export type ListPeopleQuery = z.input<typeof ListPeopleQuery>;

export const CaseRole = z.strictObject({
  caseId: z.string(),
  caseReference: z.string(),
  role: z.enum(ROLES),
  addedAt: z.string(),
});
export type CaseRole = z.infer<typeof CaseRole>;

export const Person = RecordMeta.extend({
  fullName: z.string(),
  aliases: z.array(z.string()),
  pseudonym: z.string().nullable(),
  gender: Gender.nullable(),
  birthDate: z.string().nullable(),
  country: z.string().nullable(),
  contact: z.string(),
  safetyNotes: z.string(),
  vulnerabilities: z.array(Vulnerability),
  notes: z.string(),
  roles: z.array(CaseRole),
  /**
   * present (true) when the partner this person's record came from recalled it after a consent
   * withdrawal (a recall notice, action restrict): it is never shared again nor reported
   */
  restricted: z.literal(true).optional(),
}).strict();
export type Person = z.infer<typeof Person>;

/** One person in a list; contact and safety notes stay on the detail view. */
export const PersonSummary = Person.pick({
  id: true,
  fullName: true,
  aliases: true,
  pseudonym: true,
  gender: true,
  country: true,
  vulnerabilities: true,
  roles: true,
  version: true,
  updatedAt: true,
  restricted: true,
}).strict();
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PersonList = pageOf(PersonSummary);
export type PersonList = z.infer<typeof PersonList>;
