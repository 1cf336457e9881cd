/**
 * The `sql` tagged template: every interpolated value becomes a bound parameter, never text.
 *
 *   all(db, sql`SELECT * FROM blobs WHERE id = ${id}`)
 *
 * Fragments compose (an interpolated SqlFragment is spliced in with its own parameters), which
 * is how optional WHERE clauses are built. There is deliberately no way to splice a raw string:
 * identifiers come from code, written in the template itself.
 */
import type Database from '@signalapp/sqlcipher';
import type { RunResult } from '@signalapp/sqlcipher';

export type SqlValue = string | number | bigint | null | Uint8Array;

export class SqlFragment {
  constructor(
    readonly text: string,
    readonly values: readonly SqlValue[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: ReadonlyArray<SqlValue | SqlFragment>): SqlFragment {
  let text = strings[0]!;
  const out: SqlValue[] = [];
  values.forEach((v, i) => {
    if (v instanceof SqlFragment) {
      text += v.text;
      out.push(...v.values);
    } else {
      if (
        typeof v === 'boolean' ||
        v === undefined ||
        (typeof v === 'object' && v !== null && !(v instanceof Uint8Array))
      ) {
        throw new TypeError(`sql: unsupported value of type ${typeof v} at position ${i}`);
      }
      text += '?';
      out.push(v);
    }
    text += strings[i + 1]!;
  });
  return new SqlFragment(text, out);
}

export function sqlJoin(fragments: readonly SqlFragment[], separator = ', '): SqlFragment {
  return new SqlFragment(
    fragments.map((f) => f.text).join(separator),
    fragments.flatMap((f) => f.values),
  );
}

/** `IN (…)` with one bound parameter per element; an empty list matches nothing. */
export function sqlIn(values: readonly SqlValue[]): SqlFragment {
  if (values.length === 0) return new SqlFragment('(NULL)', []);
  return new SqlFragment(`(${values.map(() => '?').join(', ')})`, values);
}

/**
 * Database handles are branded by what they may do, as in Signal-Desktop: a function that only
 * reads takes a ReadableDB, one that writes takes a WritableDB, and the type checker keeps a
 * read path from writing by accident.
 */
export type ReadableDB = Database & { readonly __readable: unique symbol };
export type WritableDB = ReadableDB & { readonly __writable: unique symbol };

type Params = Parameters<ReturnType<Database['prepare']>['run']>[0];

export function all<Row = Record<string, unknown>>(db: ReadableDB, q: SqlFragment): Row[] {
  return db.prepare(q.text).all(q.values as unknown as Params) as Row[];
}

export function get<Row = Record<string, unknown>>(db: ReadableDB, q: SqlFragment): Row | undefined {
  return db.prepare(q.text).get(q.values as unknown as Params) as Row | undefined;
}

export function pluck<T = unknown>(db: ReadableDB, q: SqlFragment): T | undefined {
  return db.prepare(q.text, { pluck: true }).get(q.values as unknown as Params) as T | undefined;
}

export function run(db: WritableDB, q: SqlFragment): RunResult {
  return db.prepare(q.text).run(q.values as unknown as Params);
}

/** Runs fn in one transaction (BEGIN … COMMIT, ROLLBACK on throw) and returns its value. */
export function transaction<T>(db: WritableDB, fn: () => T): T {
  return db.transaction(fn)();
}
