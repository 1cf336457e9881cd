/**
 * A table description: every column of a record kind's table, with its stored type and
 * nullability (a zod schema), and what may become of it when the record is shared:
 *
 *   shareable     a sharing-profile field lets it through (`share('title', …)`)
 *   structural    identity, links, origin, version, computed columns: never chosen by a profile
 *                 (the bundle record keeps ids and origin whatever the profile says)
 *   never-shared  stays in this vault, with the reason written next to it
 *
 * and whether it holds personal data (what erasure and backup must find). Fields the domain
 * record carries that live in other tables (tags, roles, aliases…) are declared as `extras`.
 *
 * Everything else is derived from it, once:
 *   parse(row)          the row checked against the description (rows are parsed, not cast)
 *   toFields(row)       the row in the domain record's keys (snake_case → camelCase)
 *   fromFields(fields)  and back (a key without a column is refused, never dropped)
 *   insert(values)      INSERT of the columns given (the others take their SQL default)
 *   update(id, values)  UPDATE … SET of the columns given
 *   changes(before, next)  the columns whose value differs, for an update of changed fields only
 *   sharingFields / fieldKeys  the profile fields and the record keys each lets through
 *
 * Column names are written in the descriptions, in code, and checked against a plain
 * identifier pattern: no identifier ever comes from input.
 */
import { z } from 'zod';
import { VaultError } from '../../../shared/errors.js';
import { SqlFragment, type SqlValue, sql, sqlJoin } from '../db/sql.js';

export type Sharing = { readonly shareable: string } | 'structural' | { readonly neverShared: string };

export interface ColumnSpec<T extends z.ZodType = z.ZodType> {
  readonly type: T;
  readonly sharing: Sharing;
  readonly personal: boolean;
}

/** A column a sharing-profile field lets through. */
export function share<T extends z.ZodType>(field: string, type: T, opts: { personal?: boolean } = {}): ColumnSpec<T> {
  return { type, sharing: { shareable: field }, personal: opts.personal ?? false };
}

/** A column every copy of the record keeps: identity, links, origin, version. */
export function structural<T extends z.ZodType>(type: T, opts: { personal?: boolean } = {}): ColumnSpec<T> {
  return { type, sharing: 'structural', personal: opts.personal ?? false };
}

/** A column that never leaves this vault; `why` says why. */
export function neverShared<T extends z.ZodType>(
  why: string,
  type: T,
  opts: { personal?: boolean } = {},
): ColumnSpec<T> {
  return { type, sharing: { neverShared: why }, personal: opts.personal ?? false };
}

/** A key of the domain record that is not a column of the table (kept in another table, or derived). */
export interface ExtraSpec {
  readonly sharing: Sharing;
  readonly personal: boolean;
}

export function extra(sharing: Sharing, opts: { personal?: boolean } = {}): ExtraSpec {
  return { sharing, personal: opts.personal ?? false };
}

/** Stored types: SQLite hands back TEXT as string and INTEGER as number. */
export const Text = z.string();
export const Int = z.number().int();
/** 0/1 flags */
export const Flag = z.union([z.literal(0), z.literal(1)]);

type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;

export type Columns = Readonly<Record<string, ColumnSpec>>;
export type RowOf<C extends Columns> = { -readonly [K in keyof C]: z.output<C[K]['type']> };
export type FieldsOf<C extends Columns> = { -readonly [K in keyof C & string as Camel<K>]: z.output<C[K]['type']> };

export function camelOf(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

function identifier(name: string): SqlFragment {
  if (!IDENTIFIER.test(name)) throw new TypeError(`records: "${name}" is not a plain identifier`);
  return new SqlFragment(name, []);
}

export interface TableDescription<C extends Columns = Columns> {
  readonly name: string;
  /** the table, as a fragment for queries written elsewhere */
  readonly table: SqlFragment;
  readonly columns: C;
  readonly extras: Readonly<Record<string, ExtraSpec>>;
  /**
   * profile fields whose keys are not simply copied: computed when shared (people's
   * `birth-year`), the evidence file itself (`file`), or kept for stored profiles while the key
   * travels anyway (cases' `sensitivity`, structural)
   */
  readonly derivedFields: readonly string[];
  readonly rowSchema: z.ZodType<RowOf<C>>;
  parse(row: unknown): RowOf<C>;
  parseAll(rows: readonly unknown[]): Array<RowOf<C>>;
  toFields(row: RowOf<C>): FieldsOf<C>;
  /** domain record keys → columns; a key with no column is a programming error (refused) */
  fromFields(fields: Readonly<Record<string, unknown>>): Partial<RowOf<C>>;
  insert(values: Partial<RowOf<C>>): SqlFragment;
  update(id: string, values: Partial<RowOf<C>>): SqlFragment | null;
  /** the columns of `next` whose value differs from `before` */
  changes(before: RowOf<C>, next: Partial<RowOf<C>>): Partial<RowOf<C>>;
  /** the column of a domain record key, if it has one */
  columnOf(key: string): (keyof C & string) | undefined;
  /** profile fields, in declaration order */
  readonly sharingFields: readonly string[];
  /** the record keys each profile field lets through */
  readonly fieldKeys: Readonly<Record<string, readonly string[]>>;
  /** record keys every shared copy keeps, whatever the profile */
  readonly structuralKeys: readonly string[];
  /** record keys (columns and extras) that hold personal data */
  readonly personalKeys: readonly string[];
}

export function describeTable<const C extends Columns>(
  name: string,
  columns: C,
  more: { extras?: Record<string, ExtraSpec>; derivedFields?: readonly string[] } = {},
): TableDescription<C> {
  const table = identifier(name);
  const names = Object.keys(columns) as Array<keyof C & string>;
  const fragments = new Map(names.map((n) => [n, identifier(n)]));
  const byKey = new Map(names.map((n) => [camelOf(n), n]));
  const extras = more.extras ?? {};
  const rowSchema = z.object(Object.fromEntries(names.map((n) => [n, columns[n]!.type]))) as unknown as z.ZodType<
    RowOf<C>
  >;

  const checked = (values: Partial<RowOf<C>>): Array<[keyof C & string, SqlValue]> => {
    const out: Array<[keyof C & string, SqlValue]> = [];
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) continue;
      const spec = columns[k];
      if (!spec) throw new TypeError(`records: ${name} has no column "${k}"`);
      const ok = spec.type.safeParse(v);
      if (!ok.success) {
        throw new VaultError(
          'INTERNAL',
          `A value for ${name}.${k} does not have the stored form (${ok.error.issues[0]?.message ?? 'invalid'}); nothing was written.`,
        );
      }
      out.push([k, v as SqlValue]);
    }
    return out;
  };

  const parse = (row: unknown): RowOf<C> => {
    const r = rowSchema.safeParse(row);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new VaultError(
        'VAULT_CORRUPT',
        `A stored ${name} row does not have the form this version expects (${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}).`,
      );
    }
    return r.data;
  };

  const sharingFields: string[] = [];
  const fieldKeys: Record<string, string[]> = {};
  const personalKeys: string[] = [];
  const structuralKeys: string[] = [];
  const declare = (key: string, spec: { sharing: Sharing; personal: boolean }) => {
    if (spec.personal) personalKeys.push(key);
    if (spec.sharing === 'structural') structuralKeys.push(key);
    if (typeof spec.sharing === 'object' && 'shareable' in spec.sharing) {
      const f = spec.sharing.shareable;
      if (!fieldKeys[f]) {
        fieldKeys[f] = [];
        sharingFields.push(f);
      }
      fieldKeys[f].push(key);
    }
  };
  for (const n of names) declare(camelOf(n), columns[n]!);
  for (const [k, spec] of Object.entries(extras)) declare(k, spec);
  for (const f of more.derivedFields ?? []) {
    if (!fieldKeys[f]) {
      fieldKeys[f] = [];
      sharingFields.push(f);
    }
  }

  return {
    name,
    table,
    columns,
    extras,
    derivedFields: more.derivedFields ?? [],
    rowSchema,
    parse,
    parseAll: (rows) => rows.map(parse),
    toFields: (row) =>
      Object.fromEntries(names.map((n) => [camelOf(n), (row as Record<string, unknown>)[n]])) as FieldsOf<C>,
    fromFields(fields) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(fields)) {
        const column = byKey.get(k);
        if (!column) throw new TypeError(`records: ${name} has no column for "${k}"`);
        out[column] = v;
      }
      return out as Partial<RowOf<C>>;
    },
    insert(values) {
      const cols = checked(values);
      return sql`INSERT INTO ${table} (${sqlJoin(cols.map(([k]) => fragments.get(k)!))}) VALUES (${sqlJoin(
        cols.map(([, v]) => sql`${v}`),
      )})`;
    },
    update(id, values) {
      const cols = checked(values);
      if (cols.length === 0) return null;
      return sql`UPDATE ${table} SET ${sqlJoin(cols.map(([k, v]) => sql`${fragments.get(k)!} = ${v}`))} WHERE id = ${id}`;
    },
    changes(before, next) {
      const out: Partial<RowOf<C>> = {};
      for (const [k, v] of Object.entries(next) as Array<[keyof C & string, unknown]>) {
        if (v !== undefined && (before as Record<string, unknown>)[k] !== v) (out as Record<string, unknown>)[k] = v;
      }
      return out;
    },
    columnOf: (key) => byKey.get(key),
    sharingFields,
    fieldKeys,
    structuralKeys,
    personalKeys,
  };
}
