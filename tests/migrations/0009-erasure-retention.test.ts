// Migration 0009: erasure tombstones (append-only), consent rows kept content-free, custody
// events that only an erasure may delete, and the retention period on the org policy.
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../src-main/engine/db/migrations.js';
import { freshDb } from './migration-helpers.js';

const HASH = `x'${'ab'.repeat(32)}'`;
const SHA = 'a'.repeat(64);

function seed(db: ReturnType<typeof freshDb>) {
  db.exec(`
    INSERT INTO cases (id, reference, title, status, sensitivity, opened_on, created_at, updated_at, origin_vault) VALUES ('c1', 'CV-1', 'T', 'active', 'high', '2026-01-01', 't', 't', 'v');
    INSERT INTO people (id, full_name, created_at, updated_at, origin_vault) VALUES ('p1', 'A', 't', 't', 'v');
    INSERT INTO consents (id, series_id, version, person_id, case_id, purpose, state, told_nature, told_purpose, told_use, told_consequences, told_right_to_refuse, told_right_to_withdraw, method, given_at, created_at, updated_at, origin_vault)
      VALUES ('k1', 'k1', 1, 'p1', 'c1', 'sharing', 'given', 1, 1, 1, 1, 1, 1, 'written', '2026-01-01', 't', 't', 'v');
    INSERT INTO blobs (id, key, sha256, size, created_at) VALUES ('${'b'.repeat(32)}', zeroblob(32), '${SHA}', 1, 't');
    INSERT INTO evidence (id, case_id, blob_id, title, type, file_name, media_type, size, sha256, received_at, created_at, updated_at, origin_vault)
      VALUES ('e1', 'c1', '${'b'.repeat(32)}', 'E', 'document', 'f.txt', 'text/plain', 1, '${SHA}', 't', 't', 't', 'v');
    INSERT INTO custody_events (evidence_id, at, actor, action, details, prev_hash, hash) VALUES ('e1', 't', 'me', 'received', '{}', ${HASH}, ${HASH});
  `);
}

describe('migration 0009-erasure-retention', () => {
  const at = loadMigrations().findIndex((m) => m.name === 'erasure-retention') + 1;

  it('is migration number 9', () => {
    expect(at).toBe(9);
  });

  it('upgrades a vault at version 8: consents and custody events stay, still undeletable, the policy keeps its rules', () => {
    const db = freshDb(8);
    try {
      seed(db);
      db.exec('UPDATE org_policy SET require_agreement = 0');
      expect(migrate(db, loadMigrations().slice(0, 9))).toMatchObject({ from: 8, to: 9 });
      expect(schemaVersion(db)).toBe(9);
      expect(db.prepare('SELECT id FROM consents').all()).toEqual([{ id: 'k1' }]);
      expect(() => db.prepare("DELETE FROM consents WHERE id = 'k1'").run()).toThrow(/never deleted/);
      expect(() => db.prepare("DELETE FROM custody_events WHERE evidence_id = 'e1'").run()).toThrow(/append-only/);
      expect(
        db.prepare('SELECT require_due_diligence, require_agreement, retention_years FROM org_policy').get(),
      ).toEqual({ require_due_diligence: 1, require_agreement: 0, retention_years: null });
    } finally {
      db.close();
    }
  });

  it('lets an erasure delete exactly the custody events and consents it lists, in its transaction', () => {
    const db = freshDb(9);
    try {
      seed(db);
      db.transaction(() => {
        db.prepare("INSERT INTO erasure_in_progress (kind, record_id) VALUES ('custody_events', 'e1')").run();
        db.prepare("INSERT INTO erasure_in_progress (kind, record_id) VALUES ('consents', 'k1')").run();
        expect(db.prepare("DELETE FROM custody_events WHERE evidence_id = 'e1'").run().changes).toBe(1);
        expect(db.prepare("DELETE FROM consents WHERE id = 'k1'").run().changes).toBe(1);
        db.prepare('DELETE FROM erasure_in_progress').run();
      })();
      expect(db.prepare('SELECT count(*) AS n FROM custody_events').get()).toEqual({ n: 0 });
      expect(() =>
        db.prepare("INSERT INTO erasure_in_progress (kind, record_id) VALUES ('people', 'p1')").run(),
      ).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });

  it('keeps tombstones append-only, with a reason text on evidence tombstones only', () => {
    const db = freshDb(9);
    try {
      const insert = (kind: string, id: string, reason: string | null) =>
        db
          .prepare(
            'INSERT INTO erasures (kind, record_id, case_id, erased_at, actor, reason, reason_sha256, facts) VALUES (?, ?, NULL, ?, ?, ?, ?, ?)',
          )
          .run([kind, id, 't', 'me', reason, SHA, '{}']);
      insert('evidence', 'e1', 'wrong case');
      insert('person', 'p1', null);
      expect(() => insert('person', 'p2', 'named reason')).toThrow(/CHECK/);
      expect(() => insert('case', 'c1', null)).not.toThrow();
      expect(() => insert('case', 'c1', null)).toThrow(/UNIQUE/);
      expect(() => insert('blob', 'x', null)).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE erasures SET actor = 'x'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM erasures').run()).toThrow(/append-only/);
      db.prepare(
        `INSERT INTO erased_consents (id, series_id, version, person_id, case_id, purpose, state, told, method, given_at, origin_vault, record_sha256, erasure_seq)
         VALUES ('k1', 'k1', 1, 'p1', 'c1', 'sharing', 'given', '{}', 'written', '2026-01-01', 'v', ?, 2)`,
      ).run([SHA]);
      expect(() => db.prepare('DELETE FROM erased_consents').run()).toThrow(/append-only/);
      expect(() => db.prepare("UPDATE erased_consents SET state = 'x'").run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('takes a retention period of 1 to 100 years or none', () => {
    const db = freshDb(9);
    try {
      db.prepare('UPDATE org_policy SET retention_years = 7').run();
      expect(() => db.prepare('UPDATE org_policy SET retention_years = 0').run()).toThrow(/CHECK/);
      expect(() => db.prepare('UPDATE org_policy SET retention_years = 101').run()).toThrow(/CHECK/);
      db.prepare('UPDATE org_policy SET retention_years = NULL').run();
    } finally {
      db.close();
    }
  });
});
