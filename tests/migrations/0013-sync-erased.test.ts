// Migration 0013: the ids of records erased here, so that team sync drops their later changes.
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../src-main/engine/db/migrations.js';
import { freshDb } from './migration-helpers.js';

describe('migration 0013-sync-erased', () => {
  it('adds sync_erased to a vault at 12: one row per (kind, record id)', () => {
    const db = freshDb(12);
    migrate(db);
    expect(schemaVersion(db)).toBe(loadMigrations().length);
    const insert = db.prepare("INSERT INTO sync_erased (kind, record_id) VALUES ('people', ?)");
    insert.run(['p1']);
    expect(() => insert.run(['p1'])).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare('INSERT INTO sync_erased (kind, record_id) VALUES (NULL, 1)').run()).toThrow(
      /NOT NULL|cannot store/,
    );
    db.close();
  });
});
