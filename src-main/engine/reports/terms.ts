/**
 * Everything the vault knows that names, locates or reaches someone, as scrubbing terms
 * (scrub.ts). Vault-wide, not only the case of a story: a name from another case in a story's
 * text is as much a leak as one from its own.
 *
 * | source                                   | kind          | keys                          |
 * |------------------------------------------|---------------|-------------------------------|
 * | person_names (full names and aliases)    | person        | whole name and each word      |
 * | people.pseudonym                         | person        | whole pseudonym               |
 * | people.contact                           | contact       | free-text keys                |
 * | case_team.member                         | other-person  | whole name and each word      |
 * | enquiries: enquirer, names mentioned     | other-person  | whole name and each word      |
 * | enquiries.enquirer_contact               | contact       | free-text keys                |
 * | consents.witness                         | other-person  | whole name and each word      |
 * | evidence.source, evidence.collector      | other-person  | free-text keys                |
 * | evidence.place, cases.jurisdiction       | place         | free-text keys                |
 * | cases.reference, cases.title             | case-text     | whole text                    |
 * | partners.name                            | partner       | whole name                    |
 * | partners.contact                         | contact       | free-text keys                |
 * | partner_keys: name on a contact card     | other-person  | whole name and each word      |
 * | partner_keys: organisation on a card     | partner       | whole name                    |
 *
 * ("free-text keys": the whole text, its comma/line parts and its distinctive words; see
 * freeTextKeys.)
 */
import { all, sql, type ReadableDB } from '../db/sql.js';
import { jsonArray } from '../domain/context.js';
import { foldKey, freeTextKeys, nameKeys, type Term, TermIndex, type TermKind } from './scrub.js';

function* termsOf(kind: TermKind, personId: string | null, keys: Iterable<string>): Generator<Term> {
  for (const key of keys) yield { kind, personId, key };
}

function* vaultTerms(db: ReadableDB): Generator<Term> {
  for (const r of all<{ person_id: string; name: string }>(db, sql`SELECT person_id, name FROM person_names`)) {
    yield* termsOf('person', r.person_id, nameKeys(r.name));
  }
  for (const r of all<{ id: string; pseudonym: string | null; contact: string }>(
    db,
    sql`SELECT id, pseudonym, contact FROM people`,
  )) {
    if (r.pseudonym) yield* termsOf('person', r.id, [foldKey(r.pseudonym)]);
    if (r.contact) yield* termsOf('contact', null, freeTextKeys(r.contact));
  }
  for (const r of all<{ member: string }>(db, sql`SELECT DISTINCT member FROM case_team`))
    yield* termsOf('other-person', null, nameKeys(r.member));
  for (const r of all<{ enquirer_name: string; enquirer_contact: string; names_mentioned: string }>(
    db,
    sql`SELECT enquirer_name, enquirer_contact, names_mentioned FROM enquiries`,
  )) {
    yield* termsOf('other-person', null, nameKeys(r.enquirer_name));
    for (const n of jsonArray(r.names_mentioned)) yield* termsOf('other-person', null, nameKeys(n));
    if (r.enquirer_contact) yield* termsOf('contact', null, freeTextKeys(r.enquirer_contact));
  }
  for (const r of all<{ witness: string }>(
    db,
    sql`SELECT DISTINCT witness FROM consents WHERE witness IS NOT NULL AND witness <> ''`,
  ))
    yield* termsOf('other-person', null, nameKeys(r.witness));
  for (const r of all<{ source: string; collector: string; place: string }>(
    db,
    sql`SELECT source, collector, place FROM evidence`,
  )) {
    if (r.source) yield* termsOf('other-person', null, freeTextKeys(r.source));
    if (r.collector) yield* termsOf('other-person', null, freeTextKeys(r.collector));
    if (r.place) yield* termsOf('place', null, freeTextKeys(r.place));
  }
  for (const r of all<{ reference: string; title: string; jurisdiction: string | null }>(
    db,
    sql`SELECT reference, title, jurisdiction FROM cases`,
  )) {
    yield* termsOf('case-text', null, [foldKey(r.reference), foldKey(r.title)]);
    if (r.jurisdiction) yield* termsOf('place', null, freeTextKeys(r.jurisdiction));
  }
  for (const r of all<{ name: string; contact: string | null }>(db, sql`SELECT name, contact FROM partners`)) {
    yield* termsOf('partner', null, [foldKey(r.name)]);
    if (r.contact) yield* termsOf('contact', null, freeTextKeys(r.contact));
  }
  for (const r of all<{ name: string; organisation: string }>(db, sql`SELECT name, organisation FROM partner_keys`)) {
    if (r.name) yield* termsOf('other-person', null, nameKeys(r.name));
    if (r.organisation) yield* termsOf('partner', null, [foldKey(r.organisation)]);
  }
}

/** The vault's scrubbing index (read once per report). */
export function loadTermIndex(db: ReadableDB): TermIndex {
  return new TermIndex(vaultTerms(db));
}
