// Migration 0013: the ids of records erased here, so that team sync drops their later changes;
// each change's origin signature, so that members can relay it.
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../src-main/engine/db/migrations.js';
import { freshDb } from './migration-helpers.js';

describe('migration 0013-sync-erased', () => {
  it('adds sync_erased (one row per kind and record id) and the change signatures to a vault at 12', () => {
    const db = freshDb(12);
    migrate(db);
    expect(schemaVersion(db)).toBe(loadMigrations().length);
    const insert = db.prepare("INSERT INTO sync_erased (kind, record_id) VALUES ('people', ?)");
    insert.run(['p1']);
    expect(() => insert.run(['p1'])).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare('INSERT INTO sync_erased (kind, record_id) VALUES (NULL, 1)').run()).toThrow(
      /NOT NULL|cannot store/,
    );
    // a change's signature goes when an erasure blanks the change
    db.prepare(
      "INSERT INTO sync_changes (seq, origin, origin_seq, hlc, kind, record_id, op, fields, previous) VALUES (7, 'o', 1, '000000000000001.000000', 'cases', 'c', 'update', '{}', '{}')",
    ).run();
    db.prepare('INSERT INTO sync_change_sigs (seq, sig) VALUES (7, ?)').run(['A'.repeat(86) + '==']);
    expect(() => db.prepare("INSERT INTO sync_change_sigs (seq, sig) VALUES (8, 'short')").run()).toThrow(/CHECK/);
    db.prepare("UPDATE sync_changes SET kind = 'purged', record_id = '-' WHERE seq = 7").run();
    expect(db.prepare('SELECT count(*) AS n FROM sync_change_sigs').get()).toEqual({ n: 0 });
    db.close();
  });
});
