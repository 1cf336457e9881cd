/**
 * The table that holds each kind of record a bundle carries, as an SQL fragment (table names are
 * written here in code, never taken from input), so that a per-kind lookup is one query shape
 * instead of a switch of seven.
 */
import type { SharingKind } from '../../../shared/domain/partners.js';
import { type SqlFragment, sql } from '../db/sql.js';

export const RECORD_TABLE: Readonly<Record<SharingKind, SqlFragment>> = {
  cases: sql`cases`,
  people: sql`people`,
  consents: sql`consents`,
  evidence: sql`evidence`,
  notes: sql`notes`,
  deadlines: sql`deadlines`,
  outcomes: sql`outcomes`,
};
