/**
 * Reads about people that span cases: the cases one person is in (for the person page), and the
 * safety notes of everyone in some cases (the case banner and the share wizard's warning before
 * anything leaves). Nothing is written and nothing is audited, like people.get.
 */
import {
  PersonCasesQuery,
  type PersonCasesQuery as PersonCasesQueryT,
  type PersonCase,
  type PersonSafetyNote,
  SafetyNotesQuery,
  type SafetyNotesQuery as SafetyNotesQueryT,
} from '../../../shared/domain/person-queries.js';
import type { Role } from '../../../shared/domain/people.js';
import type { CaseStatus } from '../../../shared/domain/cases.js';
import { all, sql, sqlIn } from '../db/sql.js';
import { requireCase } from '../cases/case-service.js';
import { type DomainContext, parseInput } from '../domain/context.js';
import { requirePerson } from './person-service.js';

/** The cases a person is in, in the order they were first added to each, with all their roles there. */
export function listCasesOfPerson(ctx: DomainContext, query: PersonCasesQueryT): PersonCase[] {
  const q = parseInput(PersonCasesQuery, query);
  requirePerson(ctx.db, q.id);
  const rows = all<{
    case_id: string;
    reference: string;
    title: string;
    status: CaseStatus;
    role: Role;
    added_at: string;
  }>(
    ctx.db,
    sql`SELECT cp.case_id, c.reference, c.title, c.status, cp.role, cp.added_at
        FROM case_people cp JOIN cases c ON c.id = cp.case_id
        WHERE cp.person_id = ${q.id} ORDER BY cp.added_at, c.reference, cp.role`,
  );
  const byCase = new Map<string, PersonCase>();
  for (const r of rows) {
    const entry = byCase.get(r.case_id) ?? {
      caseId: r.case_id,
      reference: r.reference,
      title: r.title,
      status: r.status,
      roles: [],
    };
    entry.roles.push({ role: r.role, addedAt: r.added_at });
    byCase.set(r.case_id, entry);
  }
  return [...byCase.values()];
}

/**
 * The people of these cases who have safety notes, each once (with the cases of the query they
 * are in, in the query's order), by name. An unknown case is NOT_FOUND: a warning about safety must not silently cover
 * fewer cases than asked.
 */
export function listSafetyNotesOfCases(ctx: DomainContext, query: SafetyNotesQueryT): PersonSafetyNote[] {
  const q = parseInput(SafetyNotesQuery, query);
  const caseIds = [...new Set(q.caseIds)];
  for (const id of caseIds) requireCase(ctx.db, id);
  const rows = all<{ id: string; full_name: string; pseudonym: string | null; safety_notes: string; case_id: string }>(
    ctx.db,
    sql`SELECT p.id, p.full_name, p.pseudonym, p.safety_notes, cp.case_id
        FROM people p JOIN case_people cp ON cp.person_id = p.id
        WHERE cp.case_id IN ${sqlIn(caseIds)} AND trim(p.safety_notes) <> ''
        ORDER BY p.full_name COLLATE NOCASE, p.id`,
  );
  const byPerson = new Map<string, PersonSafetyNote>();
  for (const r of rows) {
    const entry = byPerson.get(r.id) ?? {
      personId: r.id,
      fullName: r.full_name,
      pseudonym: r.pseudonym,
      safetyNotes: r.safety_notes,
      caseIds: [],
    };
    if (!entry.caseIds.includes(r.case_id)) entry.caseIds.push(r.case_id);
    byPerson.set(r.id, entry);
  }
  const order = (id: string) => caseIds.indexOf(id);
  return [...byPerson.values()].map((n) => ({ ...n, caseIds: n.caseIds.sort((x, y) => order(x) - order(y)) }));
}
