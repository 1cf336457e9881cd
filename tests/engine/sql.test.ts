import Database from '@signalapp/sqlcipher';
import { describe, expect, it } from 'vitest';
import { all, get, run, sql, sqlIn, sqlJoin, type WritableDB } from '../../src-main/engine/db/sql.js';

function memDb(): WritableDB {
  const db = new Database(':memory:') as WritableDB;
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, data BLOB)');
  return db;
}

describe('sql tagged template', () => {
  it('binds every value as a parameter', () => {
    const q = sql`SELECT * FROM t WHERE name = ${"x' OR 1=1 --"} AND id > ${3}`;
    expect(q.text).toBe('SELECT * FROM t WHERE name = ? AND id > ?');
    expect(q.values).toEqual(["x' OR 1=1 --", 3]);
  });

  it('keeps injection attempts as data', () => {
    const db = memDb();
    run(db, sql`INSERT INTO t (name) VALUES (${'a'}), (${'b'})`);
    expect(all(db, sql`SELECT * FROM t WHERE name = ${"a' OR '1'='1"}`)).toEqual([]);
    run(db, sql`INSERT INTO t (name) VALUES (${"Robert'); DROP TABLE t;--"})`);
    expect(get<{ n: number }>(db, sql`SELECT count(*) AS n FROM t`)?.n).toBe(3);
  });

  it('composes fragments with their parameters in order', () => {
    const where = sqlJoin([sql`id > ${1}`, sql`name IN ${sqlIn(['a', 'b'])}`], ' AND ');
    const q = sql`SELECT id FROM t WHERE ${where} LIMIT ${10}`;
    expect(q.text).toBe('SELECT id FROM t WHERE id > ? AND name IN (?, ?) LIMIT ?');
    expect(q.values).toEqual([1, 'a', 'b', 10]);
  });

  it('an empty IN list matches nothing', () => {
    const db = memDb();
    run(db, sql`INSERT INTO t (name) VALUES (${'a'})`);
    expect(all(db, sql`SELECT * FROM t WHERE name IN ${sqlIn([])}`)).toEqual([]);
  });

  it('refuses values it cannot bind faithfully', () => {
    expect(() => sql`SELECT ${true as unknown as string}`).toThrow(/unsupported/);
    expect(() => sql`SELECT ${undefined as unknown as string}`).toThrow(/unsupported/);
    expect(() => sql`SELECT ${{} as unknown as string}`).toThrow(/unsupported/);
  });

  it('round-trips blobs', () => {
    const db = memDb();
    const bytes = Buffer.from([0, 1, 2, 255]);
    run(db, sql`INSERT INTO t (data) VALUES (${bytes})`);
    const row = get<{ data: Uint8Array }>(db, sql`SELECT data FROM t`);
    expect(Buffer.from(row!.data).equals(bytes)).toBe(true);
  });
});
