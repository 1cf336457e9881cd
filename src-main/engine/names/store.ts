/**
 * Names in the database: writing a person's names and an enquiry's names with their index keys,
 * computing keys that are missing, and the conflict check's search — candidates from the key
 * index (migration 0007), then scored one by one (compare.ts). Never a scan of every name.
 */
import type { ConflictMatch } from '../../../shared/domain/enquiries.js';
import type { CaseRole, Role } from '../../../shared/domain/people.js';
import { all, get, run, sql, type ReadableDB, type WritableDB } from '../db/sql.js';
import { analyseName, type NameForm, nameIndexKeys, queryKeys } from './analyse.js';
import { compareForms, matchRank, type NameComparison } from './compare.js';

/**
 * The plain matching key of a name, kept in person_names.name_key (the people list's name
 * filter): compatibility-decomposed, combining marks removed (é → e, Arabic harakat dropped),
 * lower case, anything but letters and digits turned into single spaces.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const FORM_CACHE_SIZE = 50_000;
const forms = new Map<string, NameForm>();

/** analyseName, remembered for the names the conflict check reads again and again. */
export function formOf(name: string): NameForm {
  let f = forms.get(name);
  if (f) return f;
  f = analyseName(name);
  if (forms.size >= FORM_CACHE_SIZE) forms.delete(forms.keys().next().value!);
  forms.set(name, f);
  return f;
}

/** The JSON array stored in match_keys. */
export function matchKeysJson(name: string): string {
  return JSON.stringify(nameIndexKeys(formOf(name)));
}

/** One row of person_names with its keys (the bundle importer writes names through this too). */
export function insertPersonName(db: WritableDB, personId: string, kind: 'name' | 'alias', name: string): void {
  run(
    db,
    sql`INSERT INTO person_names (person_id, kind, name, name_key, match_keys) VALUES (${personId}, ${kind}, ${name}, ${nameKey(name)}, ${matchKeysJson(name)})`,
  );
}

/** Replace a person's names: the full name and each alias (an alias equal to the name is not repeated). */
export function writePersonNames(db: WritableDB, personId: string, fullName: string, aliases: readonly string[]): void {
  run(db, sql`DELETE FROM person_names WHERE person_id = ${personId}`);
  insertPersonName(db, personId, 'name', fullName);
  for (const a of new Set(aliases)) if (a !== fullName) insertPersonName(db, personId, 'alias', a);
}

export interface EnquiryName {
  name: string;
  role: Role | null;
}

/** An enquiry's names: position 0 is who made contact, then the names mentioned in order. */
export function writeEnquiryNames(
  db: WritableDB,
  enquiryId: string,
  enquirer: string,
  named: readonly EnquiryName[],
): void {
  run(db, sql`DELETE FROM enquiry_names WHERE enquiry_id = ${enquiryId}`);
  const rows: Array<[number, string, Role | null]> = [
    [0, enquirer, null],
    ...named.map((n, i): [number, string, Role | null] => [i + 1, n.name, n.role]),
  ];
  for (const [position, name, role] of rows) {
    run(
      db,
      sql`INSERT INTO enquiry_names (enquiry_id, position, name, role, match_keys) VALUES (${enquiryId}, ${position}, ${name}, ${role}, ${matchKeysJson(name)})`,
    );
  }
}

/** The roles an enquiry gave the names it mentions, in order (null where it gave none). */
export function enquiryNameRoles(db: ReadableDB, enquiryId: string): Array<{ position: number; role: Role | null }> {
  return all<{ position: number; role: Role | null }>(
    db,
    sql`SELECT position, role FROM enquiry_names WHERE enquiry_id = ${enquiryId} AND position > 0 ORDER BY position`,
  );
}

/**
 * Compute the keys of names written without them (before migration 0007, or by code that does not
 * compute them). Cheap when there are none: one look-up in a partial index.
 */
export function ensureNameKeys(db: WritableDB): number {
  let done = 0;
  for (const table of ['person_names', 'enquiry_names'] as const) {
    for (;;) {
      const rows =
        table === 'person_names'
          ? all<{ seq: number; name: string }>(
              db,
              sql`SELECT seq, name FROM person_names WHERE match_keys IS NULL LIMIT 2000`,
            )
          : all<{ seq: number; name: string }>(
              db,
              sql`SELECT seq, name FROM enquiry_names WHERE match_keys IS NULL LIMIT 2000`,
            );
      if (rows.length === 0) break;
      for (const r of rows) {
        const keys = matchKeysJson(r.name);
        if (table === 'person_names') run(db, sql`UPDATE person_names SET match_keys = ${keys} WHERE seq = ${r.seq}`);
        else run(db, sql`UPDATE enquiry_names SET match_keys = ${keys} WHERE seq = ${r.seq}`);
      }
      done += rows.length;
    }
  }
  return done;
}

/** A key found in more names than this is common: it does not bring candidates on its own. */
const RARE = 250;
/** At most this many candidates per name checked. */
const CANDIDATE_CAP = 5000;

/**
 * The names worth scoring for a query, from the key index (never a scan):
 *  - a name of one word: names of one word sharing a key;
 *  - otherwise, names sharing a pair key (two words of the query: finds Mohamed Ali among
 *    thousands of Mohameds), and names sharing a key of a word whose key is not common (the rare
 *    surname brings every name that has it; scoring checks the other words). A one-consonant-less
 *    key (a typo) counts only when it is not common either.
 * What is lost: a typo in a name whose every word is common (Mohaned Ali) — its keys are too
 * common to read — unless a pair key still matches. docs/names.md.
 */
function candidates(db: ReadableDB, table: 'person' | 'enquiry', form: NameForm): number[] {
  const q = queryKeys(form);
  if (q.tokens.length === 0) return [];
  const count = (key: string): number =>
    (table === 'person'
      ? get<{ n: number }>(
          db,
          sql`SELECT count(*) AS n FROM (SELECT 1 FROM person_name_keys WHERE key = ${key} LIMIT ${RARE + 1})`,
        )
      : get<{ n: number }>(
          db,
          sql`SELECT count(*) AS n FROM (SELECT 1 FROM enquiry_name_keys WHERE key = ${key} LIMIT ${RARE + 1})`,
        ))!.n;
  const use = new Set<string>(q.pairs);
  const single = q.tokens.length === 1;
  for (const t of q.tokens) {
    const rare = t.primary.filter((k) => count(k) <= RARE);
    if (single || rare.length > 0) for (const k of single ? t.primary : rare) use.add(k);
    for (const k of t.deletions) if (count(k) <= RARE) use.add(k);
  }
  if (use.size === 0) return [];
  const keys = [...use];
  const rows =
    table === 'person'
      ? all<{ seq: number }>(
          db,
          sql`SELECT DISTINCT seq FROM person_name_keys WHERE key IN (SELECT value FROM json_each(${JSON.stringify(keys)})) LIMIT ${CANDIDATE_CAP}`,
        )
      : all<{ seq: number }>(
          db,
          sql`SELECT DISTINCT seq FROM enquiry_name_keys WHERE key IN (SELECT value FROM json_each(${JSON.stringify(keys)})) LIMIT ${CANDIDATE_CAP}`,
        );
  return rows.map((r) => r.seq);
}

function rolesOf(db: ReadableDB, ids: readonly string[]): Map<string, CaseRole[]> {
  const out = new Map<string, CaseRole[]>();
  if (ids.length === 0) return out;
  const rows = all<{ person_id: string; case_id: string; reference: string; role: Role; added_at: string }>(
    db,
    sql`SELECT cp.person_id, cp.case_id, c.reference, cp.role, cp.added_at FROM case_people cp JOIN cases c ON c.id = cp.case_id
        WHERE cp.person_id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) ORDER BY cp.added_at, c.reference`,
  );
  for (const r of rows) {
    const list = out.get(r.person_id) ?? [];
    list.push({ caseId: r.case_id, caseReference: r.reference, role: r.role, addedAt: r.added_at });
    out.set(r.person_id, list);
  }
  return out;
}

const CHUNK = 500;
function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

export interface FindMatchesOptions {
  /** also look in the names of earlier enquiries (default true) */
  enquiries?: boolean;
  /** leave this enquiry's own names out */
  excludeEnquiryId?: string;
}

function better(a: NameComparison, b: NameComparison): boolean {
  return matchRank(a.match) < matchRank(b.match) || (matchRank(a.match) === matchRank(b.match) && a.score > b.score);
}

/**
 * Everyone in the vault — people by name and alias, and the names given in earlier enquiries —
 * whose name matches one of `names`: exact, partial, transliteration or similar (compare.ts),
 * best first, each person with their roles in cases. Matching is deliberately generous (a missed
 * conflict is worse than a false alarm) and the user decides.
 */
export function findNameMatches(
  db: ReadableDB,
  names: readonly string[],
  opts: FindMatchesOptions = {},
): ConflictMatch[] {
  const found = new Map<string, ConflictMatch>();
  for (const query of new Set(names)) {
    const form = formOf(query);
    if (form.tokens.length === 0) continue;
    for (const part of chunks(candidates(db, 'person', form))) {
      const rows = all<{ person_id: string; kind: 'name' | 'alias'; name: string }>(
        db,
        sql`SELECT person_id, kind, name FROM person_names WHERE seq IN (SELECT value FROM json_each(${JSON.stringify(part)}))`,
      );
      for (const r of rows) {
        const c = compareForms(form, formOf(r.name));
        if (!c) continue;
        const m: ConflictMatch = {
          query,
          personId: r.person_id,
          matchedName: r.name,
          matchedKind: r.kind,
          ...c,
          roles: [],
          enquiry: null,
        };
        const k = `p\0${query}\0${r.person_id}`;
        const prev = found.get(k);
        // the best match per person; on a tie the full name rather than an alias
        if (!prev || better(c, prev) || (!better(prev, c) && prev.matchedKind === 'alias' && r.kind === 'name'))
          found.set(k, m);
      }
    }
    if (opts.enquiries === false) continue;
    for (const part of chunks(candidates(db, 'enquiry', form))) {
      const rows = all<{
        enquiry_id: string;
        position: number;
        name: string;
        role: Role | null;
        received_on: string;
        status: 'open' | 'accepted' | 'referred' | 'declined';
      }>(
        db,
        sql`SELECT n.enquiry_id, n.position, n.name, n.role, e.received_on, e.status FROM enquiry_names n JOIN enquiries e ON e.id = n.enquiry_id WHERE n.seq IN (SELECT value FROM json_each(${JSON.stringify(part)}))`,
      );
      for (const r of rows) {
        if (r.enquiry_id === opts.excludeEnquiryId) continue;
        const c = compareForms(form, formOf(r.name));
        if (!c) continue;
        found.set(`e\0${query}\0${r.enquiry_id}\0${r.position}`, {
          query,
          personId: null,
          matchedName: r.name,
          matchedKind: r.position === 0 ? 'enquirer' : 'named',
          ...c,
          roles: [],
          enquiry: { id: r.enquiry_id, receivedOn: r.received_on, status: r.status, role: r.role },
        });
      }
    }
  }
  // the best MAX_PER_NAME of each name checked
  const perQuery = new Map<string, ConflictMatch[]>();
  for (const m of found.values()) perQuery.set(m.query, [...(perQuery.get(m.query) ?? []), m]);
  const matches = [...perQuery.values()].flatMap((list) => list.sort(bestFirst).slice(0, MAX_PER_NAME));
  const roles = rolesOf(db, [...new Set(matches.flatMap((m) => (m.personId ? [m.personId] : [])))]);
  for (const m of matches) if (m.personId) m.roles = roles.get(m.personId) ?? [];
  return matches.sort(bestFirst);
}

/** At most this many matches are kept for one name checked, the best ones (a very common name matches hundreds of people partly). */
export const MAX_PER_NAME = 100;

const KIND_ORDER = { name: 0, alias: 1, named: 2, enquirer: 3 } as const;

/** exact, partial, transliteration, similar; a person's name before an alias before an earlier enquiry's names; then by score. */
function bestFirst(a: ConflictMatch, b: ConflictMatch): number {
  return (
    matchRank(a.match) - matchRank(b.match) ||
    KIND_ORDER[a.matchedKind] - KIND_ORDER[b.matchedKind] ||
    b.score - a.score ||
    a.matchedName.localeCompare(b.matchedName) ||
    a.query.localeCompare(b.query) ||
    (a.personId ?? a.enquiry?.id ?? '').localeCompare(b.personId ?? b.enquiry?.id ?? '')
  );
}
