/**
 * Reads about a person across the vault that the person page and the safety notices need: the
 * cases a person is in (with their titles and status), and the safety notes of the people of
 * some cases (engine/people/person-queries.ts).
 */
import { z } from 'zod';
import { CaseStatus } from './cases.js';
import { Id } from './common.js';
import { ROLES } from './people.js';

export const PersonCasesQuery = z.strictObject({ id: Id });
export type PersonCasesQuery = z.input<typeof PersonCasesQuery>;

/** One case a person is in, with every role they hold in it (earliest first). */
export const PersonCase = z.strictObject({
  caseId: z.string(),
  reference: z.string(),
  title: z.string(),
  status: CaseStatus,
  roles: z.array(z.strictObject({ role: z.enum(ROLES), addedAt: z.string() })),
});
export type PersonCase = z.infer<typeof PersonCase>;

/** The cases whose people's safety notes are wanted (a share may hold several). */
export const SafetyNotesQuery = z.strictObject({ caseIds: z.array(Id).min(1).max(1000) });
export type SafetyNotesQuery = z.input<typeof SafetyNotesQuery>;

/** A person of those cases whose safety notes are not empty, and which of the cases they are in (in the query's order). */
export const PersonSafetyNote = z.strictObject({
  personId: z.string(),
  fullName: z.string(),
  pseudonym: z.string().nullable(),
  safetyNotes: z.string(),
  caseIds: z.array(z.string()),
});
export type PersonSafetyNote = z.infer<typeof PersonSafetyNote>;
