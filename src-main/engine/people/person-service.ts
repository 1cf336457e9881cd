/**
 * People and their roles in cases.
 *
 * A person exists once in the vault and may hold several roles in several cases (a witness in
 * one case, a survivor in another). Every name a person is known by — full name and aliases —
 * is kept in person_names with its index keys (engine/names/), so that a new enquiry can be
 * checked against everyone already in the vault, including alleged perpetrators, however the
 * name is written.
 */
import {
  type CaseRole,
  CreatePersonInput,
  LinkPersonInput,
  ListPeopleQuery,
  type ListPeopleQuery as ListPeopleQueryT,
  type Person,
  type PersonSummary,
  PossibleDuplicatesInput,
  type PossibleDuplicatesInput as PossibleDuplicatesInputT,
  type Role,
  UpdatePersonInput,
} from '../../../shared/domain/people.js';
import type { Page } from '../../../shared/domain/common.js';
import type { PersonRecord } from '../../../shared/domain/bundles.js';
import { VaultError } from '../../../shared/errors.js';
import { all, get, pluck, run, sql, sqlIn, sqlJoin, type ReadableDB, type SqlFragment } from '../db/sql.js';
import { requireCase } from '../cases/case-service.js';
import {
  changedFields,
  checkVersion,
  type DomainContext,
  jsonArray,
  mutate,
  notFound,
  nowIso,
  parseInput,
} from '../domain/context.js';
import { uuidv7 } from '../util/ids.js';
import { isRestricted, restrictedIds } from '../bundles/recall/restricted.js';
import { ensureNameKeys, findNameMatches, insertPersonName, nameKey, writePersonNames } from '../names/store.js';
import { PEOPLE, type PersonRow } from '../records/people.js';
import { NOT_SHARED, type ReceivedWrite, pick, receivedValues } from '../records/received.js';

export { findNameMatches, nameKey };
import type { ConflictMatch as NameMatch } from '../../../shared/domain/enquiries.js';
export type { NameMatch };

export function requirePerson(db: ReadableDB, id: string): PersonRow {
  const r = get(db, sql`SELECT * FROM people WHERE id = ${id}`);
  if (!r) throw notFound('person', id);
  return PEOPLE.parse(r);
}

function rolesOf(db: ReadableDB, ids: readonly string[]): Map<string, CaseRole[]> {
  const out = new Map<string, CaseRole[]>();
  if (ids.length === 0) return out;
  const rows = all<{ person_id: string; case_id: string; reference: string; role: Role; added_at: string }>(
    db,
    sql`SELECT cp.person_id, cp.case_id, c.reference, cp.role, cp.added_at FROM case_people cp JOIN cases c ON c.id = cp.case_id
        WHERE cp.person_id IN ${sqlIn(ids)} ORDER BY cp.added_at, c.reference`,
  );
  for (const r of rows) {
    const list = out.get(r.person_id) ?? [];
    list.push({ caseId: r.case_id, caseReference: r.reference, role: r.role, addedAt: r.added_at });
    out.set(r.person_id, list);
  }
  return out;
}

function aliasesOf(db: ReadableDB, ids: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  for (const r of all<{ person_id: string; name: string }>(
    db,
    sql`SELECT person_id, name FROM person_names WHERE kind = 'alias' AND person_id IN ${sqlIn(ids)} ORDER BY name`,
  )) {
    const list = out.get(r.person_id) ?? [];
    list.push(r.name);
    out.set(r.person_id, list);
  }
  return out;
}

function toPerson(db: ReadableDB, r: PersonRow): Person {
  return {
    id: r.id,
    fullName: r.full_name,
    aliases: aliasesOf(db, [r.id]).get(r.id) ?? [],
    pseudonym: r.pseudonym,
    gender: r.gender,
    birthDate: r.birth_date,
    country: r.country,
    contact: r.contact,
    safetyNotes: r.safety_notes,
    vulnerabilities: jsonArray(r.vulnerabilities),
    notes: r.notes,
    roles: rolesOf(db, [r.id]).get(r.id) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    originVault: r.origin_vault,
    ...(isRestricted({ db }, 'people', r.id) ? { restricted: true as const } : {}),
  };
}

export function getPerson(ctx: DomainContext, id: string): Person {
  return toPerson(ctx.db, requirePerson(ctx.db, id));
}

export function createPerson(ctx: DomainContext, input: CreatePersonInput): Person {
  const p = parseInput(CreatePersonInput, input);
  return mutate(ctx, (audit) => {
    const at = nowIso(ctx);
    const id = uuidv7(ctx.now().getTime());
    run(
      ctx.db,
      sql`INSERT INTO people (id, full_name, pseudonym, gender, birth_date, country, contact, safety_notes, vulnerabilities, notes, created_at, updated_at, version, origin_vault)
          VALUES (${id}, ${p.fullName}, ${p.pseudonym ?? null}, ${p.gender ?? null}, ${p.birthDate ?? null}, ${p.country ?? null}, ${p.contact}, ${p.safetyNotes},
                  ${JSON.stringify([...new Set(p.vulnerabilities)].sort())}, ${p.notes}, ${at}, ${at}, 1, ${ctx.vaultId})`,
    );
    writePersonNames(ctx.db, id, p.fullName, p.aliases);
    audit({
      action: 'person.added',
      subject: { kind: 'person', id },
      details: { aliases: p.aliases.length, vulnerabilities: p.vulnerabilities.length },
    });
    return getPerson(ctx, id);
  });
}

export function updatePerson(ctx: DomainContext, input: UpdatePersonInput): Person {
  const p = parseInput(UpdatePersonInput, input);
  return mutate(ctx, (audit) => {
    const before = getPerson(ctx, p.id);
    checkVersion(before.version, p.expectedVersion, "person's record");
    const { id, expectedVersion: _v, ...fields } = p;
    if (fields.vulnerabilities) fields.vulnerabilities = [...new Set(fields.vulnerabilities)].sort();
    const changed = changedFields(before, fields);
    if (changed.length === 0) return before;
    const next = {
      ...before,
      ...Object.fromEntries(changed.map((k) => [k, fields[k as keyof typeof fields]])),
    } as Person;
    const at = nowIso(ctx);
    run(
      ctx.db,
      sql`UPDATE people SET full_name = ${next.fullName}, pseudonym = ${next.pseudonym}, gender = ${next.gender}, birth_date = ${next.birthDate}, country = ${next.country},
          contact = ${next.contact}, safety_notes = ${next.safetyNotes}, vulnerabilities = ${JSON.stringify(next.vulnerabilities)}, notes = ${next.notes},
          updated_at = ${at}, version = ${before.version + 1} WHERE id = ${id}`,
    );
    if (changed.includes('fullName') || changed.includes('aliases'))
      writePersonNames(ctx.db, id, next.fullName, next.aliases);
    audit({
      action: 'person.updated',
      subject: { kind: 'person', id },
      details: { fields: changed, version: before.version + 1 },
    });
    return getPerson(ctx, id);
  });
}

/** Give a person a role in a case. The same role twice is DUPLICATE; several roles are fine. */
export function linkPerson(ctx: DomainContext, input: LinkPersonInput): Person {
  const p = parseInput(LinkPersonInput, input);
  return mutate(ctx, (audit) => {
    requirePerson(ctx.db, p.personId);
    requireCase(ctx.db, p.caseId);
    if (
      pluck(
        ctx.db,
        sql`SELECT 1 FROM case_people WHERE case_id = ${p.caseId} AND person_id = ${p.personId} AND role = ${p.role}`,
      )
    ) {
      throw new VaultError('DUPLICATE', `This person already has the role ${p.role} in this case.`);
    }
    run(
      ctx.db,
      sql`INSERT INTO case_people (case_id, person_id, role, added_at) VALUES (${p.caseId}, ${p.personId}, ${p.role}, ${nowIso(ctx)})`,
    );
    audit({
      action: 'person.linked',
      subject: { kind: 'person', id: p.personId },
      details: { caseId: p.caseId, role: p.role },
    });
    return getPerson(ctx, p.personId);
  });
}

/**
 * Remove a role. Consents given in the case stay (they are history and never deleted), but the
 * consent gate denies once the person no longer belongs to the case.
 */
export function unlinkPerson(ctx: DomainContext, input: LinkPersonInput): Person {
  const p = parseInput(LinkPersonInput, input);
  return mutate(ctx, (audit) => {
    requirePerson(ctx.db, p.personId);
    requireCase(ctx.db, p.caseId);
    const r = run(
      ctx.db,
      sql`DELETE FROM case_people WHERE case_id = ${p.caseId} AND person_id = ${p.personId} AND role = ${p.role}`,
    );
    if (r.changes === 0) throw new VaultError('NOT_FOUND', `This person has no role ${p.role} in this case.`);
    audit({
      action: 'person.unlinked',
      subject: { kind: 'person', id: p.personId },
      details: { caseId: p.caseId, role: p.role },
    });
    return getPerson(ctx, p.personId);
  });
}

export function listPeople(ctx: DomainContext, query: ListPeopleQueryT = {}): Page<PersonSummary> {
  const q = parseInput(ListPeopleQuery, query);
  const where: SqlFragment[] = [];
  if (q.caseId) {
    requireCase(ctx.db, q.caseId);
    where.push(
      q.role
        ? sql`id IN (SELECT person_id FROM case_people WHERE case_id = ${q.caseId} AND role = ${q.role})`
        : sql`id IN (SELECT person_id FROM case_people WHERE case_id = ${q.caseId})`,
    );
  } else if (q.role) {
    where.push(sql`id IN (SELECT person_id FROM case_people WHERE role = ${q.role})`);
  }
  if (q.name) {
    const key = nameKey(q.name);
    if (key)
      where.push(
        sql`(id IN (SELECT person_id FROM person_names WHERE instr(name_key, ${key}) > 0) OR instr(lower(coalesce(pseudonym, '')), ${q.name.toLowerCase()}) > 0)`,
      );
  }
  const whereSql = where.length ? sql` WHERE ${sqlJoin(where, ' AND ')}` : sql``;
  const total = pluck<number>(ctx.db, sql`SELECT count(*) FROM people${whereSql}`) ?? 0;
  const rows = all<PersonRow>(
    ctx.db,
    sql`SELECT * FROM people${whereSql} ORDER BY full_name COLLATE NOCASE, id LIMIT ${q.limit} OFFSET ${q.offset}`,
  );
  const ids = rows.map((r) => r.id);
  const roles = rolesOf(ctx.db, ids);
  const aliases = aliasesOf(ctx.db, ids);
  const restricted = rows.length > 0 ? restrictedIds(ctx, 'people') : new Set<string>();
  return {
    items: rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      aliases: aliases.get(r.id) ?? [],
      pseudonym: r.pseudonym,
      gender: r.gender,
      country: r.country,
      vulnerabilities: jsonArray(r.vulnerabilities),
      roles: roles.get(r.id) ?? [],
      version: r.version,
      updatedAt: r.updated_at,
      ...(restricted.has(r.id) ? { restricted: true as const } : {}),
    })),
    total,
    limit: q.limit,
    offset: q.offset,
  };
}

/**
 * Duplicate detection: other people whose name or alias matches this person's name or one of its
 * aliases (the conflict check's matching, docs/names.md), best first. Earlier enquiries are not
 * looked at here.
 */
export function findPossibleDuplicates(ctx: DomainContext, personId: string): NameMatch[] {
  ctx.db.transaction(() => ensureNameKeys(ctx.db))();
  const names = all<{ name: string }>(
    ctx.db,
    sql`SELECT name FROM person_names WHERE person_id = ${personId} ORDER BY kind DESC, name`,
  ).map((r) => r.name);
  if (names.length === 0) requirePerson(ctx.db, personId);
  return findNameMatches(ctx.db, names, { enquiries: false }).filter((m) => m.personId !== personId);
}

/**
 * Before adding a person: the people already in the vault whose name or alias matches the name or
 * one of the aliases about to be given (the conflict check's matching, docs/names.md), the best
 * match of each person, best first. Earlier enquiries are not looked at here.
 */
export function findPossibleDuplicatesOfName(ctx: DomainContext, input: PossibleDuplicatesInputT): NameMatch[] {
  const p = parseInput(PossibleDuplicatesInput, input);
  ctx.db.transaction(() => ensureNameKeys(ctx.db))();
  const seen = new Set<string>();
  return findNameMatches(ctx.db, [p.fullName, ...p.aliases], { enquiries: false }).filter((m) => {
    if (m.personId === null || seen.has(m.personId)) return false;
    seen.add(m.personId);
    return true;
  });
}

/**
 * Write a person received in a bundle (inside the import's transaction; bundles/apply.ts decides
 * whether it is new or overwrites). A full name the sender did not share is the pseudonym, else
 * "Not shared" — and then no name goes into the conflict check's index: it holds real names and
 * aliases, never a placeholder. Roles link to cases that are in this vault; the ids of the
 * others are returned.
 */
export function applyReceivedPerson(ctx: DomainContext, rec: PersonRecord, mode: ReceivedWrite, at: string): string[] {
  const current = mode.insert ? undefined : requirePerson(ctx.db, rec.id);
  const pseudonym = pick<string | null>(rec, 'pseudonym', current?.pseudonym, null);
  const values = {
    ...receivedValues(PEOPLE, 'people', rec, current, {
      full_name: pseudonym ?? NOT_SHARED,
      contact: '',
      safety_notes: '',
      notes: '',
      created_at: at,
    }),
    vulnerabilities: rec.vulnerabilities
      ? JSON.stringify([...new Set(rec.vulnerabilities)].sort())
      : (current?.vulnerabilities ?? '[]'),
    updated_at: rec.updatedAt ?? at,
  };
  if (mode.insert) {
    run(ctx.db, PEOPLE.insert({ ...values, id: rec.id, version: rec.version, origin_vault: rec.originVault }));
  } else {
    const { created_at: _kept, ...changed } = values;
    run(ctx.db, PEOPLE.update(rec.id, { ...changed, version: mode.version })!);
  }
  if (rec.fullName !== undefined) {
    writePersonNames(ctx.db, rec.id, rec.fullName, rec.aliases ?? aliasesOf(ctx.db, [rec.id]).get(rec.id) ?? []);
  } else if (rec.aliases) {
    run(ctx.db, sql`DELETE FROM person_names WHERE person_id = ${rec.id} AND kind = 'alias'`);
    for (const alias of new Set(rec.aliases)) insertPersonName(ctx.db, rec.id, 'alias', alias);
  }
  const missing: string[] = [];
  for (const r of rec.roles ?? []) {
    if (pluck(ctx.db, sql`SELECT 1 FROM cases WHERE id = ${r.caseId}`) === undefined) {
      missing.push(r.caseId);
      continue;
    }
    run(
      ctx.db,
      sql`INSERT OR IGNORE INTO case_people (case_id, person_id, role, added_at) VALUES (${r.caseId}, ${rec.id}, ${r.role}, ${at})`,
    );
  }
  return missing;
}
