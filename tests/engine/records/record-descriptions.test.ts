// The table descriptions against the real schema (a migrated SQLCipher vault), the sharing
// profile, and the bundle wire format; and the fragments derived from a description.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BUNDLE_RECORD_SCHEMAS } from '../../../shared/domain/bundles.js';
import { SHARING_FIELDS, SHARING_KINDS } from '../../../shared/domain/partners.js';
import { all, get, run, sql } from '../../../src-main/engine/db/sql.js';
import { RECORD_DESCRIPTIONS } from '../../../src-main/engine/records/index.js';
import { shareableCopy } from '../../../src-main/engine/records/sharing.js';
import {
  Int,
  Text,
  camelOf,
  describeTable,
  neverShared,
  share,
  structural,
} from '../../../src-main/engine/records/table.js';
import { newDomain } from '../domain-helpers.js';

const wireKeys = (kind: (typeof SHARING_KINDS)[number]) => Object.keys(BUNDLE_RECORD_SCHEMAS[kind].shape);

describe('every column of every record kind says whether it is shared', () => {
  it('the descriptions name exactly the columns of a migrated vault', async () => {
    const d = await newDomain();
    for (const kind of SHARING_KINDS) {
      const desc = RECORD_DESCRIPTIONS[kind];
      const columns = all<{ name: string; notnull: number; type: string }>(
        d.ctx.db,
        sql`SELECT name, "notnull", type FROM pragma_table_info(${desc.name})`,
      );
      expect(columns.length, `${desc.name} exists`).toBeGreaterThan(0);
      const undeclared = columns.map((c) => c.name).filter((n) => !(n in desc.columns));
      expect(undeclared, `columns of ${desc.name} without a declaration in engine/records`).toEqual([]);
      expect(Object.keys(desc.columns).sort(), `declared columns of ${desc.name} that do not exist`).toEqual(
        columns.map((c) => c.name).sort(),
      );
      for (const c of columns) {
        const spec = desc.columns[c.name as keyof typeof desc.columns] as { type: z.ZodType };
        // a NOT NULL column is declared non-nullable, a nullable one nullable (seq: INTEGER PRIMARY KEY)
        const acceptsNull = spec.type.safeParse(null).success;
        if (c.name !== 'seq') expect(acceptsNull, `${desc.name}.${c.name} nullability`).toBe(c.notnull === 0);
        const wrongType = c.type === 'INTEGER' ? 'x' : 1;
        expect(spec.type.safeParse(wrongType).success, `${desc.name}.${c.name} is ${c.type}`).toBe(false);
      }
    }
  });

  it('the profile fields derived from the descriptions are the ones a profile may name', () => {
    for (const kind of SHARING_KINDS) {
      expect([...RECORD_DESCRIPTIONS[kind].sharingFields].sort(), kind).toEqual([...SHARING_FIELDS[kind]].sort());
    }
  });

  it('each shareable key goes out when its profile field is allowed, and only then', () => {
    for (const kind of SHARING_KINDS) {
      const desc = RECORD_DESCRIPTIONS[kind];
      const record = Object.fromEntries(
        [...Object.keys(desc.columns).map(camelOf), ...Object.keys(desc.extras)].map((k) => [k, `value of ${k}`]),
      );
      const none = shareableCopy({ [kind]: [] }, kind, record)!;
      for (const [field, keys] of Object.entries(desc.fieldKeys)) {
        if (desc.derivedFields.includes(field)) continue; // computed when shared (birth-year)
        const one = shareableCopy({ [kind]: [field] }, kind, record)!;
        for (const key of keys) {
          if (!wireKeys(kind).includes(key)) continue; // a stored form (e.g. told_nature) of a wire key
          expect(one[key], `${kind}.${key} with ${field}`).toBe(record[key]);
          expect(none[key], `${kind}.${key} without ${field}`).toBeUndefined();
        }
      }
      // without any field: the structural keys the wire format carries, nothing else
      expect(Object.keys(none).sort(), kind).toEqual(
        desc.structuralKeys.filter((k) => wireKeys(kind).includes(k)).sort(),
      );
      // never-shared keys stay out even with every field allowed
      const every = shareableCopy({ [kind]: [...SHARING_FIELDS[kind]] }, kind, record)!;
      const never = Object.entries(desc.columns)
        .filter(([, s]) => typeof s.sharing === 'object' && 'neverShared' in s.sharing)
        .map(([c]) => camelOf(c));
      for (const k of never) expect(every[k], `${kind}.${k}`).toBeUndefined();
    }
  });
});

describe('the descriptions agree with the bundle wire format', () => {
  it('every key a bundle record may carry is declared shareable or structural', () => {
    for (const kind of SHARING_KINDS) {
      const desc = RECORD_DESCRIPTIONS[kind];
      const declared = new Map<string, unknown>([
        ...Object.entries(desc.columns).map(([c, s]) => [camelOf(c), s.sharing] as const),
        ...Object.entries(desc.extras).map(([k, s]) => [k, s.sharing] as const),
      ]);
      for (const key of wireKeys(kind)) {
        const sharing = declared.get(key);
        expect(sharing, `${kind}.${key} is declared`).toBeDefined();
        expect(typeof sharing === 'object' && sharing !== null && 'neverShared' in sharing, `${kind}.${key}`).toBe(
          false,
        );
      }
    }
  });

  it('every profile field lets through at least one key of the wire record, or is derived', () => {
    for (const kind of SHARING_KINDS) {
      const desc = RECORD_DESCRIPTIONS[kind];
      for (const [field, keys] of Object.entries(desc.fieldKeys)) {
        if (desc.derivedFields.includes(field)) continue;
        expect(
          keys.some((k) => wireKeys(kind).includes(k)),
          `${kind}: ${field}`,
        ).toBe(true);
      }
    }
  });
});

describe('fragments derived from a description', () => {
  const T = describeTable('things', {
    id: structural(Text),
    title: share('title', Text),
    note: share('note', Text.nullable()),
    count: neverShared('local', Int),
  });

  it('INSERT names the columns given, in order, with bound values', () => {
    const q = T.insert({ id: 'a', title: "x'); DROP TABLE things;--", count: 2 });
    expect(q.text).toBe('INSERT INTO things (id, title, count) VALUES (?, ?, ?)');
    expect(q.values).toEqual(['a', "x'); DROP TABLE things;--", 2]);
  });

  it('UPDATE sets the columns given; nothing to set gives no statement', () => {
    const q = T.update('a', { note: null, title: 'y' })!;
    expect(q.text).toBe('UPDATE things SET note = ?, title = ? WHERE id = ?');
    expect(q.values).toEqual([null, 'y', 'a']);
    expect(T.update('a', {})).toBeNull();
  });

  it('changes() keeps only the columns whose value differs', () => {
    const before = { id: 'a', title: 't', note: null, count: 1 };
    expect(T.changes(before, { title: 't', note: 'n', count: 1 })).toEqual({ note: 'n' });
  });

  it('a value that does not have the stored form is refused before any SQL runs', () => {
    expect(() => T.insert({ id: 'a', title: null as unknown as string })).toThrow(/things\.title/);
    expect(() => T.update('a', { count: 'many' as unknown as number })).toThrow(/things\.count/);
  });

  it('rows are parsed, not cast: a wrong type is VAULT_CORRUPT naming the column', () => {
    expect(T.parse({ id: 'a', title: 't', note: null, count: 1 })).toEqual({
      id: 'a',
      title: 't',
      note: null,
      count: 1,
    });
    expect(() => T.parse({ id: 'a', title: 't', note: 3, count: 1 })).toThrow(/things row .*note/);
  });

  it('profile fields and their keys are derived; identifiers are checked', () => {
    expect(T.sharingFields).toEqual(['title', 'note']);
    expect(T.fieldKeys).toEqual({ title: ['title'], note: ['note'] });
    expect(T.structuralKeys).toEqual(['id']);
    expect(() => describeTable('x; DROP', { id: structural(Text) })).toThrow(/identifier/);
  });

  it('against a real vault: insert, parse, update of the cases table', async () => {
    const d = await newDomain();
    const { CASES } = await import('../../../src-main/engine/records/cases.js');
    const row = {
      id: 'c1',
      reference: 'R-1',
      title: 'Title',
      status: 'active' as const,
      sensitivity: 'high' as const,
      opened_on: '2026-01-01',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
      origin_vault: d.ctx.vaultId,
    };
    run(d.ctx.db, CASES.insert(row));
    const stored = CASES.parse(get(d.ctx.db, sql`SELECT * FROM cases WHERE id = 'c1'`));
    expect(stored).toMatchObject({ ...row, summary: '', forum: null, version: 1, donor_code: null });
    run(d.ctx.db, CASES.update('c1', CASES.changes(stored, { title: 'Title', project: 'P' }))!);
    expect(CASES.toFields(CASES.parse(get(d.ctx.db, sql`SELECT * FROM cases WHERE id = 'c1'`)))).toMatchObject({
      title: 'Title',
      project: 'P',
      openedOn: '2026-01-01',
    });
  });
});
