/**
 * Restricted records: received records whose origin sent us a recall notice with action
 * `restrict` (table restricted_records, migrations/0006). Such a record stays in the vault —
 * the litigator may still need to know it existed — but it never leaves it again:
 *
 * - never exported in a bundle: the bundle plan (plan.ts) must leave out a restricted person
 *   (their record and roles) and every restricted consent, as if the consent gate denied them;
 * - never in a donor report (reports/scope.ts counts a restricted person as not consenting);
 * - marked where the person is shown (people.get: `restricted: true`).
 *
 * The functions read only; they work on any schema from 0006 on.
 */
import type { RecallRecordKind } from '../../../../shared/domain/recall.js';
import { all, pluck, sql, type ReadableDB } from '../../db/sql.js';
import type { DomainContext } from '../../domain/context.js';

type Db = Pick<DomainContext, 'db'> | { db: ReadableDB };

/** A database older than 0006 (only tests build those) has no restrictions. */
function orNone<T>(read: () => T, none: T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof Error && /no such table: restricted_records/.test(e.message)) return none;
    throw e;
  }
}

/** Whether the record of this kind and id is restricted by a recall notice. */
export function isRestricted(ctx: Db, kind: RecallRecordKind | string, id: string): boolean {
  return orNone(
    () =>
      pluck<number>(ctx.db, sql`SELECT 1 FROM restricted_records WHERE kind = ${kind} AND record_id = ${id}`) !==
      undefined,
    false,
  );
}

/** The ids of every restricted record of `kind` (a Set, for filtering a plan in memory). */
export function restrictedIds(ctx: Db, kind: RecallRecordKind | string): Set<string> {
  return orNone(
    () =>
      new Set(
        all<{ record_id: string }>(ctx.db, sql`SELECT record_id FROM restricted_records WHERE kind = ${kind}`).map(
          (r) => r.record_id,
        ),
      ),
    new Set<string>(),
  );
}

/** Every restricted record, by kind: `{ people: Set, consents: Set }`. */
export function restrictedRecords(ctx: Db): { people: Set<string>; consents: Set<string> } {
  return { people: restrictedIds(ctx, 'people'), consents: restrictedIds(ctx, 'consents') };
}
