// Migration 0004: cases.donor_code (nullable, 1–100 characters) and the indexes that select
// cases by donor code and by project for donor reports.
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../src-main/engine/db/migrations.js';
import { freshDb } from './migration-helpers.js';

const insertCase = (id: string) =>
  `INSERT INTO cases (id, reference, title, status, sensitivity, project, opened_on, created_at, updated_at, origin_vault) VALUES ('${id}', 'R-${id}', 't', 'active', 'high', 'P1', '2026-01-01', 't', 't', 'v')`;

describe('migration 0004-donor-reporting', () => {
  const at = loadMigrations().findIndex((m) => m.name === 'donor-reporting') + 1;

  it('is migration number 4', () => {
    expect(at).toBe(4);
  });

  it('upgrades a vault at version 3: existing cases keep their rows, with no donor code', () => {
    const db = freshDb(3);
    try {
      db.prepare(insertCase('c1')).run();
      expect(migrate(db, loadMigrations().slice(0, 4))).toMatchObject({ from: 3, to: 4 });
      expect(schemaVersion(db)).toBe(4);
      expect(db.prepare('SELECT id, project, donor_code FROM cases').all()).toEqual([
        { id: 'c1', project: 'P1', donor_code: null },
      ]);
      // the full-text index of cases still works after the new column
      db.prepare("UPDATE cases SET title = 'Detention at the border' WHERE id = 'c1'").run();
      expect(db.prepare("SELECT count(*) AS n FROM cases_fts WHERE cases_fts MATCH 'border'").get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it('holds a donor code of 1 to 100 characters, or none', () => {
    const db = freshDb(4);
    try {
      db.prepare(insertCase('c1')).run();
      db.prepare("UPDATE cases SET donor_code = 'EU-2026-ACT' WHERE id = 'c1'").run();
      db.prepare(`UPDATE cases SET donor_code = '${'x'.repeat(100)}' WHERE id = 'c1'`).run();
      expect(() => db.prepare(`UPDATE cases SET donor_code = '${'x'.repeat(101)}' WHERE id = 'c1'`).run()).toThrow(
        /CHECK/,
      );
      expect(() => db.prepare("UPDATE cases SET donor_code = '' WHERE id = 'c1'").run()).toThrow(/CHECK/);
      db.prepare("UPDATE cases SET donor_code = NULL WHERE id = 'c1'").run();
    } finally {
      db.close();
    }
  });

  it('selects by donor code and by project through their indexes', () => {
    const db = freshDb(4);
    try {
      const indexes = db
        .prepare(
          "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'cases' AND name IN ('cases_donor_code', 'cases_project') ORDER BY name",
        )
        .all();
      expect(indexes).toEqual([
        { name: 'cases_donor_code', sql: 'CREATE INDEX cases_donor_code ON cases(donor_code, updated_at DESC, id)' },
        { name: 'cases_project', sql: 'CREATE INDEX cases_project ON cases(project, updated_at DESC, id)' },
      ]);
      const plan = (q: string) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ');
      expect(plan("SELECT id FROM cases WHERE donor_code IN ('A', 'B')")).toMatch(
        /USING (COVERING )?INDEX cases_donor_code/,
      );
      expect(plan("SELECT id FROM cases WHERE project IN ('P1')")).toMatch(/USING (COVERING )?INDEX cases_project/);
    } finally {
      db.close();
    }
  });
});
