// Migration 0012: team members, the change log with its clock, applied changes,
// acknowledgements and conflicts.
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../src-main/engine/db/migrations.js';
import { captureSql } from '../../src-main/engine/sync/capture.js';
import { freshDb } from './migration-helpers.js';

const ORIGIN = '0190a0b1-0000-7000-8000-000000000001';

describe('migration 0012-team-sync', () => {
  it('adds the sync tables to a vault at 11, with the clock at zero, and keeps its records', () => {
    const db = freshDb(11);
    db.prepare(
      "INSERT INTO partners (id, name, kind, dd_tier, created_at, updated_at, origin_vault) VALUES ('p1', 'Laptop 2', 'other', 'small', 't', 't', 'v')",
    ).run();
    migrate(db);
    expect(schemaVersion(db)).toBe(loadMigrations().length);
    expect(db.prepare('SELECT last_seq, wall, counter FROM sync_clock').get()).toEqual({
      last_seq: 0,
      wall: 0,
      counter: 0,
    });
    db.prepare("INSERT INTO team_members (partner_id, vault_id, added_at) VALUES ('p1', ?, 't')").run([ORIGIN]);
    // a member is a partner: the reference holds
    expect(() =>
      db.prepare("INSERT INTO team_members (partner_id, vault_id, added_at) VALUES ('nope', 'x', 't')").run(),
    ).toThrow(/FOREIGN KEY/);
    // one change per (origin, origin_seq); the clock text has its fixed width
    const insert = db.prepare(
      "INSERT INTO sync_changes (origin, origin_seq, hlc, kind, record_id, op, fields, previous) VALUES (?, 1, ?, 'cases', 'c', 'update', '{}', '{}')",
    );
    insert.run([ORIGIN, '000000000000001.000000']);
    expect(() => insert.run([ORIGIN, '000000000000001.000000'])).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO sync_changes (origin, origin_seq, hlc, kind, record_id, op, fields, previous) VALUES ('o', 1, '1', 'cases', 'c', 'update', '{}', '{}')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('capture triggers log an insert, the changed fields of an update with their previous values, and a delete', () => {
    const db = freshDb();
    db.exec(captureSql(ORIGIN));
    db.prepare(
      "INSERT INTO cases (id, reference, title, status, sensitivity, opened_on, created_at, updated_at, origin_vault) VALUES ('c1', 'R-1', 'Old', 'active', 'high', '2026-01-01', 't', 't', 'v')",
    ).run();
    db.prepare("UPDATE cases SET title = 'New', version = version + 1 WHERE id = 'c1'").run();
    db.prepare("UPDATE cases SET next_deadline_on = '2026-02-02' WHERE id = 'c1'").run(); // local column: not logged
    db.prepare("INSERT INTO case_tags (case_id, tag) VALUES ('c1', 'x')").run();
    db.prepare("DELETE FROM case_tags WHERE case_id = 'c1'").run();
    const rows = db
      .prepare('SELECT origin, origin_seq, kind, record_id, op, fields, previous FROM sync_changes ORDER BY seq')
      .all() as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.origin_seq, r.kind, r.op])).toEqual([
      [1, 'cases', 'insert'],
      [2, 'cases', 'update'],
      [3, 'case_tags', 'insert'],
      [4, 'case_tags', 'delete'],
    ]);
    expect(JSON.parse(rows[1]!.fields as string)).toEqual({ title: 'New' });
    expect(JSON.parse(rows[1]!.previous as string)).toEqual({ title: 'Old' });
    expect(JSON.parse(rows[0]!.fields as string)).not.toHaveProperty('version');
    expect(rows[2]!.record_id).toBe('["c1","x"]');
    const clock = db.prepare('SELECT last_seq, wall FROM sync_clock').get() as { last_seq: number; wall: number };
    expect(clock.last_seq).toBe(4);
    expect(clock.wall).toBeGreaterThan(Date.parse('2026-01-01'));
    db.close();
  });
});

describe('the change clock', () => {
  it('a full counter moves the wall on instead of growing past six digits', () => {
    const db = freshDb();
    db.exec(captureSql(ORIGIN));
    const ahead = Date.now() + 3_600_000;
    db.prepare('UPDATE sync_clock SET wall = ?, counter = 999998').run([ahead]);
    for (let i = 0; i < 3; i++)
      db.prepare(
        `INSERT INTO cases (id, reference, title, status, sensitivity, opened_on, created_at, updated_at, origin_vault) VALUES ('c${i}', 'R-${i}', 'T', 'active', 'high', '2026-01-01', 't', 't', 'v')`,
      ).run();
    const hlcs = (db.prepare('SELECT hlc FROM sync_changes ORDER BY seq').all() as Array<{ hlc: string }>).map(
      (r) => r.hlc,
    );
    expect(hlcs).toEqual([
      `${String(ahead).padStart(15, '0')}.999999`,
      `${String(ahead + 1).padStart(15, '0')}.000000`,
      `${String(ahead + 1).padStart(15, '0')}.000001`,
    ]);
    db.close();
  });
});
