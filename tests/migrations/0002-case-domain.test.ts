// Migration 0002: the case-domain tables. Checks the upgrade of a vault made at 0001, that the
// CHECK lists of the schema are exactly the enums of shared/domain (one source of truth drifting
// from the other would make valid input fail at insert time), and the FTS triggers.
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, FORUMS, SENSITIVITIES, STAGES } from '../../shared/domain/cases.js';
import { CHANNELS, ENQUIRY_STATUSES } from '../../shared/domain/enquiries.js';
import { GENDERS, ROLES } from '../../shared/domain/people.js';
import { loadMigrations, migrate, schemaVersion } from '../../src-main/engine/db/migrations.js';
import { ENUM_COLUMNS } from './enum-columns.js';
import { freshDb } from './migration-helpers.js';

/** The values of `CHECK (col IN (...))` for a column of a table, read back from the schema. */
function checkValues(tableSql: string, column: string): string[] | null {
  const re = new RegExp(
    `\\b${column}\\s+(?:TEXT|INTEGER)[^\\n]*?CHECK \\((?:${column} IS NULL OR )?${column} IN \\(([^)]*)\\)\\)`,
  );
  const m = re.exec(tableSql);
  return m ? m[1]!.split(',').map((s) => s.trim().replace(/^'|'$/g, '')) : null;
}

describe('migration 0002-case-domain', () => {
  it('upgrades a vault at version 1 without touching its audit log or blobs', () => {
    const db = freshDb(1);
    try {
      db.prepare(
        "INSERT INTO blobs VALUES ('" + 'a'.repeat(32) + "', zeroblob(32), '" + 'b'.repeat(64) + "', 10, 'now')",
      ).run();
      const r = migrate(db, loadMigrations().slice(0, 2));
      expect(r).toMatchObject({ from: 1, to: 2 });
      expect(schemaVersion(db)).toBe(2);
      expect(db.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 1 });
      const tables = db
        .prepare(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts_%' ORDER BY name",
        )
        .all()
        .map((t) => (t as { name: string }).name);
      expect(tables).toEqual(
        expect.arrayContaining([
          'cases',
          'case_tags',
          'case_team',
          'case_history',
          'people',
          'person_names',
          'case_people',
          'enquiries',
          'consents',
          'evidence',
          'custody_events',
          'notes',
          'notes_fts',
          'cases_fts',
          'evidence_fts',
          'deadlines',
          'outcomes',
          'indicators',
          'indicator_observations',
          'case_evaluations',
          'partners',
          'partner_agreements',
          'risks',
        ]),
      );
    } finally {
      db.close();
    }
  });

  it('every table is STRICT (or a virtual FTS table)', () => {
    const db = freshDb(2);
    try {
      const rows = db
        .prepare(
          "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%_fts_%'",
        )
        .all() as Array<{ name: string; sql: string }>;
      for (const r of rows) expect(r.sql, r.name).toMatch(/\)\s*STRICT(, WITHOUT ROWID)?$/);
    } finally {
      db.close();
    }
  });

  const local: Array<[string, string, readonly string[]]> = [
    ['cases', 'status', CASE_STATUSES],
    ['cases', 'forum', FORUMS],
    ['cases', 'stage', STAGES],
    ['cases', 'sensitivity', SENSITIVITIES],
    ['people', 'gender', GENDERS],
    ['case_people', 'role', ROLES],
    ['enquiries', 'channel', CHANNELS],
    ['enquiries', 'status', ENQUIRY_STATUSES],
  ];
  it.each([...local, ...ENUM_COLUMNS])(
    '%s.%s allows exactly the values of the shared enum',
    (table, column, values) => {
      const db = freshDb(2);
      try {
        const tableSql = (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get([table]) as { sql: string })
          .sql;
        expect(checkValues(tableSql, column)).toEqual([...values]);
      } finally {
        db.close();
      }
    },
  );

  it('keeps the full-text indexes in step with notes, cases and evidence', () => {
    const db = freshDb(2);
    try {
      db.prepare(
        "INSERT INTO cases (id, reference, title, status, sensitivity, summary, opened_on, created_at, updated_at, origin_vault) VALUES ('c1', 'R1', 'Torture in detention', 'active', 'high', 'Le détenu', '2026-01-01', 't', 't', 'v')",
      ).run();
      db.prepare(
        "INSERT INTO notes (id, case_id, body, created_at, updated_at, origin_vault) VALUES ('n1', 'c1', 'first hearing in Nairobi', 't', 't', 'v')",
      ).run();
      const count = (table: string, q: string) =>
        (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${table} MATCH ?`).get([q]) as { n: number }).n;
      expect(count('notes_fts', 'nairobi')).toBe(1);
      expect(count('cases_fts', 'detenu')).toBe(1);
      db.prepare("UPDATE notes SET body = 'second hearing in Mombasa' WHERE id = 'n1'").run();
      expect(count('notes_fts', 'nairobi')).toBe(0);
      expect(count('notes_fts', 'mombasa')).toBe(1);
      db.prepare("UPDATE cases SET summary = 'autre' WHERE id = 'c1'").run();
      expect(count('cases_fts', 'detenu')).toBe(0);
      db.prepare("DELETE FROM notes WHERE id = 'n1'").run();
      expect(count('notes_fts', 'mombasa')).toBe(0);
      db.prepare("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')").run();
      db.prepare("INSERT INTO cases_fts(cases_fts) VALUES ('integrity-check')").run();
    } finally {
      db.close();
    }
  });

  it('keeps cases.next_deadline_on at the earliest open deadline through insert, update, move and delete', () => {
    const db = freshDb(2);
    try {
      for (const id of ['c1', 'c2']) {
        db.prepare(
          `INSERT INTO cases (id, reference, title, status, sensitivity, opened_on, created_at, updated_at, origin_vault) VALUES ('${id}', 'R-${id}', 't', 'active', 'high', '2026-01-01', 't', 't', 'v')`,
        ).run();
      }
      const next = (id: string) =>
        (db.prepare('SELECT next_deadline_on AS d FROM cases WHERE id = ?').get([id]) as { d: string | null }).d;
      const add = (id: string, caseId: string, due: string) =>
        db
          .prepare(
            "INSERT INTO deadlines (id, case_id, kind, title, due_on, status, created_at, updated_at, origin_vault) VALUES (?, ?, 'filing', 'x', ?, 'open', 't', 't', 'v')",
          )
          .run([id, caseId, due]);
      expect(next('c1')).toBeNull();
      add('d1', 'c1', '2026-12-01');
      add('d2', 'c1', '2026-11-25');
      expect(next('c1')).toBe('2026-11-25');
      db.prepare("UPDATE deadlines SET status = 'met' WHERE id = 'd2'").run();
      expect(next('c1')).toBe('2026-12-01');
      db.prepare("UPDATE deadlines SET due_on = '2026-11-30' WHERE id = 'd1'").run();
      expect(next('c1')).toBe('2026-11-30');
      db.prepare("UPDATE deadlines SET case_id = 'c2' WHERE id = 'd1'").run();
      expect([next('c1'), next('c2')]).toEqual([null, '2026-11-30']);
      db.prepare("DELETE FROM deadlines WHERE id = 'd1'").run();
      expect(next('c2')).toBeNull();
    } finally {
      db.close();
    }
  });

  it('has append-only triggers on consents and custody events (their services test them in use)', () => {
    const db = freshDb(2);
    try {
      const triggers = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name GLOB '*_no_*' ORDER BY name")
        .all()
        .map((t) => (t as { name: string }).name);
      expect(triggers).toEqual([
        'audit_log_no_delete',
        'audit_log_no_update',
        'consents_no_delete',
        'consents_no_update',
        'custody_events_no_delete',
        'custody_events_no_update',
      ]);
    } finally {
      db.close();
    }
  });
});
