// Migration 0008: people_fts, one row per person (full name, aliases, pseudonym), Arabic folded,
// filled from the people already in the vault and kept in step by triggers.
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../src-main/engine/db/migrations.js';
import { freshDb } from './migration-helpers.js';

const found = (db: ReturnType<typeof freshDb>, match: string) =>
  (
    db
      .prepare(
        'SELECT p.id FROM people_fts f JOIN people p ON p.rowid = f.rowid WHERE people_fts MATCH ? ORDER BY p.id',
      )
      .all([match]) as Array<{ id: string }>
  ).map((r) => r.id);

describe('migration 0008-search-people', () => {
  it('indexes the people already in the vault, Arabic folded', () => {
    const db = freshDb(7);
    db.prepare(
      "INSERT INTO people (id, full_name, pseudonym, created_at, updated_at, origin_vault) VALUES ('p1', 'يُوسُف العَمْرَانِي', 'Witness K', 't', 't', 'v'), ('p2', 'Hassan Ouazzani', NULL, 't', 't', 'v')",
    ).run();
    db.prepare(
      "INSERT INTO person_names (person_id, kind, name, name_key) VALUES ('p1', 'name', 'يُوسُف العَمْرَانِي', 'k'), ('p1', 'alias', 'Abou Youssef', 'k'), ('p2', 'name', 'Hassan Ouazzani', 'k')",
    ).run();
    migrate(db);
    expect(schemaVersion(db)).toBe(loadMigrations().length);
    expect(found(db, 'يوسف')).toEqual(['p1']);
    expect(found(db, 'العمراني')).toEqual(['p1']);
    expect(found(db, 'youssef')).toEqual(['p1']);
    expect(found(db, '"witness k"')).toEqual(['p1']);
    expect(found(db, 'ouazzani')).toEqual(['p2']);
    db.close();
  });

  it('follows inserts, renames, a changed pseudonym and deletions', () => {
    const db = freshDb(8);
    db.prepare(
      "INSERT INTO people (id, full_name, created_at, updated_at, origin_vault) VALUES ('p1', 'Amina Yusuf', 't', 't', 'v')",
    ).run();
    const seq = Number(
      db
        .prepare("INSERT INTO person_names (person_id, kind, name, name_key) VALUES ('p1', 'name', 'Amina Yusuf', 'k')")
        .run().lastInsertRowid,
    );
    db.prepare(
      "INSERT INTO person_names (person_id, kind, name, name_key) VALUES ('p1', 'alias', 'Umm Ali', 'k')",
    ).run();
    expect(found(db, 'yusuf')).toEqual(['p1']);
    expect(found(db, 'ali')).toEqual(['p1']);
    db.prepare('UPDATE person_names SET name = ? WHERE seq = ?').run(['Amina Benali', seq]);
    expect(found(db, 'yusuf')).toEqual([]);
    expect(found(db, 'benali')).toEqual(['p1']);
    db.prepare("DELETE FROM person_names WHERE kind = 'alias'").run();
    expect(found(db, '"umm ali"')).toEqual([]);
    db.prepare("UPDATE people SET pseudonym = 'Client B' WHERE id = 'p1'").run();
    expect(found(db, 'client')).toEqual(['p1']);
    db.prepare("UPDATE people SET pseudonym = NULL WHERE id = 'p1'").run();
    expect(found(db, 'client')).toEqual([]);
    expect(found(db, 'benali')).toEqual(['p1']);
    db.prepare("DELETE FROM people WHERE id = 'p1'").run();
    expect(found(db, 'benali')).toEqual([]);
    expect((db.prepare('SELECT count(*) AS n FROM people_fts').get() as { n: number }).n).toBe(0);
    db.close();
  });
});
