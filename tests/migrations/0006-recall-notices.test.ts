// Migration 0006: the recall ledger, restricted records, and consent rows that only an erasure
// (listing them in erasure_in_progress inside its transaction) may delete.
import { describe, expect, it } from 'vitest';
import { RECALL_ACTIONS, RECALL_DIRECTIONS, RECALL_RECORD_KINDS, RECALL_STATUSES } from '../../shared/domain/recall.js';
import { loadMigrations, migrate, schemaVersion } from '../../src-main/engine/db/migrations.js';
import { freshDb } from './migration-helpers.js';

/** The values of `CHECK (col IN (...))` for a column. */
function checkValues(tableSql: string, column: string): string[] | null {
  const re = new RegExp(`\\b${column}\\s+TEXT[^\\n]*?CHECK \\(${column} IN \\(([^)]*)\\)\\)`);
  const m = re.exec(tableSql);
  return m ? m[1]!.split(',').map((s) => s.trim().replace(/^'|'$/g, '')) : null;
}

const KEY = `x'${'05'.repeat(33)}'`;
const HASH = `x'${'ab'.repeat(32)}'`;

function seed(db: ReturnType<typeof freshDb>) {
  db.prepare(
    "INSERT INTO cases (id, reference, title, status, sensitivity, opened_on, created_at, updated_at, origin_vault) VALUES ('c1', 'CV-1', 'T', 'active', 'high', '2026-01-01', 't', 't', 'v')",
  ).run();
  db.prepare(
    "INSERT INTO people (id, full_name, created_at, updated_at, origin_vault) VALUES ('p1', 'A', 't', 't', 'other')",
  ).run();
  db.prepare(
    `INSERT INTO consents (id, series_id, version, person_id, case_id, purpose, state, told_nature, told_purpose, told_use, told_consequences, told_right_to_refuse, told_right_to_withdraw, method, given_at, created_at, updated_at, origin_vault)
     VALUES ('k1', 'k1', 1, 'p1', 'c1', 'sharing', 'given', 1, 1, 1, 1, 1, 1, 'written', '2026-01-01', 't', 't', 'other')`,
  ).run();
}

const insertNotice = (id: string, direction: string, status: string, receipt: string | null = null) =>
  `INSERT INTO recall_notices (id, direction, partner_id, sender_vault, sender_key, notice_hash, notice, action, person_id, consent_id, bundles, records, created_at, status, recorded_at, updated_at, receipt, counts)
   VALUES ('${id}', '${direction}', NULL, 'v', ${KEY}, ${HASH}, '{}', 'restrict', 'p1', 'k1', 1, 1, 't', '${status}', 't', 't', ${receipt === null ? 'NULL' : `'${receipt}'`}, ${receipt === null ? 'NULL' : "'{}'"})`;

describe('migration 0006-recall-notices', () => {
  const at = loadMigrations().findIndex((m) => m.name === 'recall-notices') + 1;

  it('is migration number 6', () => {
    expect(at).toBe(6);
  });

  it('upgrades a vault at version 5: people and consents stay, consents still cannot be deleted', () => {
    const db = freshDb(5);
    try {
      seed(db);
      expect(migrate(db, loadMigrations().slice(0, 6))).toMatchObject({ from: 5, to: 6 });
      expect(schemaVersion(db)).toBe(6);
      expect(db.prepare('SELECT id, person_id FROM consents').all()).toEqual([{ id: 'k1', person_id: 'p1' }]);
      expect(() => db.prepare("DELETE FROM consents WHERE id = 'k1'").run()).toThrow(
        /consents are versioned: they are never deleted/,
      );
      expect(() => db.prepare("UPDATE consents SET notes = 'x' WHERE id = 'k1'").run()).toThrow(/versioned/);
    } finally {
      db.close();
    }
  });

  it('lets an erasure delete exactly the consent rows it lists, in its transaction', () => {
    const db = freshDb(6);
    try {
      seed(db);
      db.prepare(
        `INSERT INTO consents (id, series_id, version, person_id, case_id, purpose, state, told_nature, told_purpose, told_use, told_consequences, told_right_to_refuse, told_right_to_withdraw, method, given_at, created_at, updated_at, origin_vault)
         VALUES ('k2', 'k2', 1, 'p1', 'c1', 'processing', 'given', 1, 1, 1, 1, 1, 1, 'written', '2026-01-01', 't', 't', 'v')`,
      ).run();
      db.transaction(() => {
        db.prepare("INSERT INTO erasure_in_progress (kind, record_id) VALUES ('consents', 'k1')").run();
        expect(db.prepare("DELETE FROM consents WHERE id = 'k1'").run().changes).toBe(1);
        expect(() => db.prepare("DELETE FROM consents WHERE id = 'k2'").run()).toThrow(/never deleted/);
        db.prepare('DELETE FROM erasure_in_progress').run();
      })();
      expect(db.prepare('SELECT id FROM consents').all()).toEqual([{ id: 'k2' }]);
      expect(() =>
        db.prepare("INSERT INTO erasure_in_progress (kind, record_id) VALUES ('people', 'p1')").run(),
      ).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });

  it('creates the recall tables, STRICT, with CHECK lists equal to the shared/domain enums', () => {
    const db = freshDb(6);
    try {
      const tables = db
        .prepare(
          "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name IN ('recall_notices', 'restricted_records', 'erasure_in_progress') ORDER BY name",
        )
        .all() as Array<{ name: string; sql: string }>;
      expect(tables.map((t) => t.name)).toEqual(['erasure_in_progress', 'recall_notices', 'restricted_records']);
      for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT(, WITHOUT ROWID)?$/);
      const sqlOf = (n: string) => tables.find((t) => t.name === n)!.sql;
      expect(checkValues(sqlOf('recall_notices'), 'direction')).toEqual([...RECALL_DIRECTIONS]);
      expect(checkValues(sqlOf('recall_notices'), 'status')).toEqual([...RECALL_STATUSES]);
      expect(checkValues(sqlOf('recall_notices'), 'action')).toEqual([...RECALL_ACTIONS]);
      expect(checkValues(sqlOf('restricted_records'), 'kind')).toEqual([...RECALL_RECORD_KINDS]);
      const indexes = db
        .prepare(
          "SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%' AND tbl_name = 'recall_notices' ORDER BY name",
        )
        .all();
      expect(indexes).toEqual([{ name: 'recall_notices_list' }, { name: 'recall_notices_person' }]);
    } finally {
      db.close();
    }
  });

  it('keeps a sent notice sent or delivered, a received one applied, and a receipt with every delivered or applied one', () => {
    const db = freshDb(6);
    try {
      db.prepare(insertNotice('n1', 'sent', 'sent')).run();
      db.prepare(insertNotice('n2', 'sent', 'delivered', '{}')).run();
      db.prepare(insertNotice('n3', 'received', 'applied', '{}')).run();
      expect(() => db.prepare(insertNotice('n4', 'sent', 'applied', '{}')).run()).toThrow(/CHECK/);
      expect(() => db.prepare(insertNotice('n5', 'received', 'sent')).run()).toThrow(/CHECK/);
      expect(() => db.prepare(insertNotice('n6', 'sent', 'delivered')).run()).toThrow(/CHECK/);
      expect(() => db.prepare(insertNotice('n7', 'received', 'applied')).run()).toThrow(/CHECK/);
      // a restriction names the notice that asked for it
      db.prepare(
        "INSERT INTO restricted_records (kind, record_id, origin_vault, notice_id, restricted_at) VALUES ('people', 'p1', 'v', 'n3', 't')",
      ).run();
      expect(() =>
        db
          .prepare(
            "INSERT INTO restricted_records (kind, record_id, origin_vault, notice_id, restricted_at) VALUES ('consents', 'k1', 'v', 'nope', 't')",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
      expect(() =>
        db
          .prepare(
            "INSERT INTO restricted_records (kind, record_id, origin_vault, notice_id, restricted_at) VALUES ('notes', 'x', 'v', 'n3', 't')",
          )
          .run(),
      ).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
