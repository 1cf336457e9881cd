/**
 * One spreadsheet row into the vault, through the services a typed-in record goes through
 * (createCase, updatePerson, addEnquiry, …), so that validation, name keys, the conflict check,
 * case history and audit apply exactly as in the app. The caller runs each row in a savepoint:
 * a row that fails leaves nothing behind (a person created and then refused a link, say).
 */
import { Id } from '../../../shared/domain/common.js';
import type { ErrorCode } from '../../../shared/errors.js';
import { VaultError } from '../../../shared/errors.js';
import { createCase, updateCase } from '../cases/case-service.js';
import { addDeadline } from '../deadlines/deadline-service.js';
import { get, pluck, sql, type SqlFragment } from '../db/sql.js';
import type { DomainContext } from '../domain/context.js';
import { addEnquiry } from '../enquiries/enquiry-service.js';
import { addPartner, updatePartner } from '../partners/partner-service.js';
import { createPerson, findPossibleDuplicatesOfName, linkPerson, updatePerson } from '../people/person-service.js';
import type { ImportKind } from './fields.js';

export type RowAction = 'create' | 'update' | 'unchanged';

export interface AppliedRow {
  action: RowAction;
  id: string;
  /** a case's reference */
  reference?: string;
  /** an enquiry's possible conflicts, for the user to review */
  conflicts?: number;
}

type Values = Record<string, string | string[] | number>;

function rowError(code: ErrorCode, message: string): VaultError {
  return new VaultError(code, message);
}

type Table = 'cases' | 'people' | 'partners' | 'enquiries' | 'deadlines';

/** Table names come from here, never from a row. */
const EXISTS: Record<Table, (id: string) => SqlFragment> = {
  cases: (id) => sql`SELECT 1 FROM cases WHERE id = ${id}`,
  people: (id) => sql`SELECT 1 FROM people WHERE id = ${id}`,
  partners: (id) => sql`SELECT 1 FROM partners WHERE id = ${id}`,
  enquiries: (id) => sql`SELECT 1 FROM enquiries WHERE id = ${id}`,
  deadlines: (id) => sql`SELECT 1 FROM deadlines WHERE id = ${id}`,
};

/** The record of `table` with this id; a value that is no id, or an id this vault lacks, is IMPORT_UNKNOWN_ID. */
function knownId(ctx: DomainContext, table: Table, id: string): string {
  const what = { cases: 'case', people: 'person', partners: 'partner', enquiries: 'enquiry', deadlines: 'deadline' }[
    table
  ];
  if (!Id.safeParse(id).success || pluck(ctx.db, EXISTS[table](id)) === undefined)
    throw rowError(
      'IMPORT_UNKNOWN_ID',
      `The id column names no ${what} in this vault; an import updates records it holds and never creates one under a given id (leave the id empty to create a new ${what}).`,
    );
  return id;
}

function caseIdByReference(ctx: DomainContext, reference: string): string {
  const id = pluck<string>(ctx.db, sql`SELECT id FROM cases WHERE reference = ${reference}`);
  if (id === undefined)
    throw rowError(
      'IMPORT_UNKNOWN_CASE',
      `No case in this vault has the reference given in this row; import or create the case first.`,
    );
  return id;
}

function without(values: Values, ...keys: string[]): Values {
  const out = { ...values };
  for (const k of keys) delete out[k];
  return out;
}

function notUpdatable(field: string, why: string): VaultError {
  return rowError('IMPORT_NOT_UPDATABLE', `${field}: ${why}`);
}

function applyCase(ctx: DomainContext, v: Values): AppliedRow {
  const reference = v.reference as string | undefined;
  let existing: { id: string; reference: string; status: string; opened_on: string; version: number } | undefined;
  if (v.id !== undefined) {
    const id = knownId(ctx, 'cases', v.id as string);
    existing = get(ctx.db, sql`SELECT id, reference, status, opened_on, version FROM cases WHERE id = ${id}`);
    if (reference !== undefined && reference !== existing!.reference)
      throw notUpdatable('reference', 'a case keeps its reference; this row gives the case another one.');
  } else if (reference !== undefined) {
    existing = get(
      ctx.db,
      sql`SELECT id, reference, status, opened_on, version FROM cases WHERE reference = ${reference}`,
    );
  }
  if (!existing) {
    const c = createCase(ctx, without(v, 'id') as never);
    return { action: 'create', id: c.id, reference: c.reference };
  }
  if (v.status !== undefined && v.status !== existing.status)
    throw notUpdatable(
      'status',
      `a case's status changes by a transition (case transition, or the case page), not by an import; this row would change it from ${existing.status}.`,
    );
  if (v.openedOn !== undefined && v.openedOn !== existing.opened_on)
    throw notUpdatable('openedOn', 'the day a case was opened is not changed by an import.');
  const c = updateCase(ctx, {
    ...(without(v, 'id', 'reference', 'status', 'openedOn') as object),
    id: existing.id,
  } as never);
  return { action: c.version === existing.version ? 'unchanged' : 'update', id: c.id, reference: c.reference };
}

function linkToCase(ctx: DomainContext, personId: string, v: Values): boolean {
  if (v.caseReference === undefined) {
    if (v.role !== undefined)
      throw rowError('INVALID_INPUT', 'caseReference: is required with a role (the case the person has that role in).');
    return false;
  }
  if (v.role === undefined) throw rowError('INVALID_INPUT', 'role: is required with a case reference.');
  const caseId = caseIdByReference(ctx, v.caseReference as string);
  const role = v.role === 'client' ? 'survivor' : (v.role as string);
  if (
    pluck(
      ctx.db,
      sql`SELECT 1 FROM case_people WHERE case_id = ${caseId} AND person_id = ${personId} AND role = ${role}`,
    )
  )
    return false;
  linkPerson(ctx, { personId, caseId, role: v.role as never });
  return true;
}

/** Matches strong enough that a second person of that name would most likely be the same one. */
const LIKELY_SAME = new Set(['exact', 'transliteration']);

function applyPerson(ctx: DomainContext, v: Values): AppliedRow {
  const fields = without(v, 'id', 'caseReference', 'role');
  if (v.id !== undefined) {
    const id = knownId(ctx, 'people', v.id as string);
    const before = pluck<number>(ctx.db, sql`SELECT version FROM people WHERE id = ${id}`)!;
    const p = updatePerson(ctx, { ...fields, id } as never);
    const linked = linkToCase(ctx, id, v);
    return { action: p.version === before && !linked ? 'unchanged' : 'update', id };
  }
  if (typeof v.fullName === 'string') {
    const aliases = Array.isArray(v.aliases) ? v.aliases : [];
    const likely = findPossibleDuplicatesOfName(ctx, { fullName: v.fullName, aliases }).find((m) =>
      LIKELY_SAME.has(m.match),
    );
    if (likely)
      throw rowError(
        'IMPORT_LIKELY_DUPLICATE',
        `This person is likely already in the vault (person ${likely.personId}, ${likely.match} match of the name): not added twice. To update that person, put the id in an id column; if it is someone else, add them in the app, where the match is shown.`,
      );
  }
  const p = createPerson(ctx, fields as never);
  linkToCase(ctx, p.id, v);
  return { action: 'create', id: p.id };
}

function refuseUpdate(ctx: DomainContext, table: 'enquiries' | 'deadlines', id: string): never {
  knownId(ctx, table, id);
  throw notUpdatable(
    'id',
    `an import adds ${table} but does not change one already in the vault; leave the id empty to add this row as a new one.`,
  );
}

function applyEnquiry(ctx: DomainContext, v: Values): AppliedRow {
  if (v.id !== undefined) refuseUpdate(ctx, 'enquiries', v.id as string);
  const e = addEnquiry(ctx, without(v, 'id') as never);
  return { action: 'create', id: e.id, conflicts: e.conflicts.length };
}

function applyDeadline(ctx: DomainContext, v: Values): AppliedRow {
  if (v.id !== undefined) refuseUpdate(ctx, 'deadlines', v.id as string);
  if (v.caseReference === undefined)
    throw rowError('INVALID_INPUT', 'caseReference: is required (the case the deadline belongs to).');
  const caseId = caseIdByReference(ctx, v.caseReference as string);
  const d = addDeadline(ctx, { ...(without(v, 'id', 'caseReference') as object), caseId } as never);
  return { action: 'create', id: d.id };
}

function applyPartner(ctx: DomainContext, v: Values): AppliedRow {
  if (v.id !== undefined) {
    const id = knownId(ctx, 'partners', v.id as string);
    const before = pluck<number>(ctx.db, sql`SELECT version FROM partners WHERE id = ${id}`)!;
    const p = updatePartner(ctx, { ...(without(v, 'id') as object), id } as never);
    return { action: p.version === before ? 'unchanged' : 'update', id };
  }
  if (typeof v.name === 'string') {
    const same = pluck<string>(
      ctx.db,
      sql`SELECT id FROM partners WHERE lower(name) = lower(${v.name.normalize('NFC').trim()})`,
    );
    if (same)
      throw rowError(
        'IMPORT_LIKELY_DUPLICATE',
        `A partner of this name is already in the vault (partner ${same}): not added twice. To update it, put its id in an id column.`,
      );
  }
  const p = addPartner(ctx, v as never);
  return { action: 'create', id: p.id };
}

export function applyRow(ctx: DomainContext, kind: ImportKind, values: Values): AppliedRow {
  switch (kind) {
    case 'cases':
      return applyCase(ctx, values);
    case 'people':
      return applyPerson(ctx, values);
    case 'enquiries':
      return applyEnquiry(ctx, values);
    case 'deadlines':
      return applyDeadline(ctx, values);
    case 'partners':
      return applyPartner(ctx, values);
  }
}
