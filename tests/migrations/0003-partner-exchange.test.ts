// Migration 0003: partner exchange. The upgrade from 2 keeps custody events and their hashes
// (the table is rebuilt to add 'delivered'), the new CHECK lists equal the shared/domain enums,
// the append-only triggers hold, and the identity arrives on the unlock that applies it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_DIRECTIONS, BUNDLE_STATUSES, CONFLICT_RESOLUTIONS } from '../../shared/domain/bundles.js';
import { CUSTODY_ACTIONS } from '../../shared/domain/evidence.js';
import { KEY_VERIFICATION_METHODS, PARTNER_KEY_STATUSES, SHARING_KINDS } from '../../shared/domain/partners.js';
import { loadMigrations, schemaVersion } from '../../src-main/engine/db/migrations.js';
import { all, run, sql } from '../../src-main/engine/db/sql.js';
import {
  appendCustodyEvent,
  custodyGenesis,
  custodyHash,
  verifyCustodyChain,
} from '../../src-main/engine/evidence/custody-log.js';
import { domainContext } from '../../src-main/engine/domain/context.js';
import { Vault } from '../../src-main/engine/vault/vault.js';
import { FAST_KDF, PASSPHRASE, openVault, tempDir } from '../helpers.js';
import { freshDb } from './migration-helpers.js';

/** The values of `CHECK (col IN (...))` (or `col IS NULL OR col IN (...)`) for a column. */
function checkValues(tableSql: string, column: string): string[] | null {
  const re = new RegExp(
    `\\b${column}\\s+(?:TEXT|INTEGER)[^\\n]*?CHECK \\((?:${column} IS NULL OR )?${column} IN \\(([^)]*)\\)\\)`,
  );
  const m = re.exec(tableSql);
  return m ? m[1]!.split(',').map((s) => s.trim().replace(/^'|'$/g, '')) : null;
}

describe('migration 0003-partner-exchange', () => {
  it('upgrades a vault made at 2: custody events and their hashes unchanged, identity created on unlock', async () => {
    const dir = path.join(tempDir(), 'v');
    const { vault } = await Vault.create(dir, {
      passphrase: PASSPHRASE,
      kdf: FAST_KDF,
      migrations: loadMigrations().slice(0, 2),
    });
    const db = vault.db;
    // Rows as version 2 wrote them (raw SQL: today's services expect today's schema).
    const evidenceId = '01937a4e-0000-7000-8000-0000000000e1';
    db.prepare(
      "INSERT INTO cases (id, reference, title, status, sensitivity, opened_on, created_at, updated_at, origin_vault) VALUES ('c1', 'CV-1', 'T', 'active', 'high', '2026-01-01', 'now', 'now', 'v')",
    ).run();
    db.prepare(
      "INSERT INTO blobs VALUES ('" + 'a'.repeat(32) + "', zeroblob(32), '" + 'b'.repeat(64) + "', 10, 'now')",
    ).run();
    db.prepare(
      `INSERT INTO evidence (id, case_id, blob_id, title, type, file_name, media_type, size, sha256, received_at, created_at, updated_at, origin_vault) VALUES ('${evidenceId}', 'c1', '${'a'.repeat(32)}', 'R', 'medical-report', 'r.pdf', 'application/pdf', 10, '${'b'.repeat(64)}', 'now', 'now', 'now', 'v')`,
    ).run();
    let prev = custodyGenesis(evidenceId);
    for (const [i, action] of (['received', 'viewed', 'shared', 'verification-failed'] as const).entries()) {
      const e = { evidenceId, at: `2026-01-0${i + 1}T00:00:00.000Z`, actor: 'vault-owner', action, details: { n: i } };
      const hash = custodyHash(prev, e);
      run(
        db,
        sql`INSERT INTO custody_events (evidence_id, at, actor, action, details, prev_hash, hash) VALUES (${evidenceId}, ${e.at}, ${e.actor}, ${action}, ${JSON.stringify(e.details)}, ${prev}, ${hash})`,
      );
      prev = hash;
    }
    const before = all(db, sql`SELECT * FROM custody_events ORDER BY seq`);
    expect(before).toHaveLength(4);
    expect(verifyCustodyChain(db, evidenceId)).toMatchObject({ ok: true });
    const auditBefore = all(db, sql`SELECT seq, hash FROM audit_log ORDER BY seq`);
    expect(schemaVersion(db)).toBe(2);
    vault.lock();

    const v = await openVault(dir);
    expect(schemaVersion(v.db)).toBe(loadMigrations().length);
    expect(all(v.db, sql`SELECT * FROM custody_events ORDER BY seq`)).toEqual(before);
    expect(verifyCustodyChain(v.db, evidenceId)).toMatchObject({ ok: true });
    // the audit log is kept as it was, then: vault.migrated, identity.created (and 0011's key)
    const audit = all<{ seq: number; hash: Uint8Array; action: string }>(
      v.db,
      sql`SELECT seq, hash, action FROM audit_log ORDER BY seq`,
    );
    expect(audit.slice(0, auditBefore.length).map(({ seq, hash }) => ({ seq, hash }))).toEqual(auditBefore);
    expect(audit.slice(auditBefore.length).map((a) => a.action)).toEqual([
      'vault.migrated',
      'identity.created',
      'identity.pq-key-created',
    ]);
    expect(all(v.db, sql`SELECT count(*) AS n FROM vault_identity`)).toEqual([{ n: 1 }]);
    // the rebuilt table takes the new action, keeps its chain and is still append-only
    appendCustodyEvent(domainContext(v), evidenceId, 'delivered', { bundleId: 'b1' });
    expect(verifyCustodyChain(v.db, evidenceId)).toMatchObject({ ok: true });
    expect(() => run(v.db, sql`UPDATE custody_events SET actor = 'x' WHERE seq = 1`)).toThrow(/append-only/);
    expect(() => run(v.db, sql`DELETE FROM custody_events WHERE seq = 1`)).toThrow(/append-only/);
  });

  it('creates the exchange tables, STRICT, with their indexes', () => {
    const db = freshDb(3);
    try {
      const tables = db
        .prepare(
          "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name IN ('vault_identity', 'partner_keys', 'audit_checkpoints', 'bundles', 'received_records', 'import_conflicts', 'custody_events') ORDER BY name",
        )
        .all() as Array<{ name: string; sql: string }>;
      expect(tables.map((t) => t.name)).toEqual([
        'audit_checkpoints',
        'bundles',
        'custody_events',
        'import_conflicts',
        'partner_keys',
        'received_records',
        'vault_identity',
      ]);
      for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT(, WITHOUT ROWID)?$/);
      const indexes = db
        .prepare(
          "SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%' AND tbl_name IN ('partner_keys', 'bundles', 'import_conflicts', 'custody_events') ORDER BY name",
        )
        .all()
        .map((r) => (r as { name: string }).name);
      expect(indexes).toEqual([
        'bundles_partner',
        'bundles_status',
        'custody_events_item',
        'import_conflicts_open',
        'import_conflicts_record',
        'partner_keys_partner',
        'partner_keys_vault',
      ]);
    } finally {
      db.close();
    }
  });

  const ENUMS: Array<[string, string, readonly string[]]> = [
    ['partner_keys', 'status', PARTNER_KEY_STATUSES],
    ['partner_keys', 'verified_how', KEY_VERIFICATION_METHODS],
    ['bundles', 'direction', BUNDLE_DIRECTIONS],
    ['bundles', 'status', BUNDLE_STATUSES],
    ['received_records', 'kind', SHARING_KINDS],
    ['import_conflicts', 'kind', SHARING_KINDS],
    ['import_conflicts', 'resolution', CONFLICT_RESOLUTIONS],
    ['custody_events', 'action', CUSTODY_ACTIONS],
  ];
  it('its CHECK lists are exactly the shared/domain enums', () => {
    const db = freshDb(3);
    try {
      for (const [table, column, values] of ENUMS) {
        const tableSql = (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get([table]) as { sql: string })
          .sql;
        expect(checkValues(tableSql, column), `${table}.${column}`).toEqual([...values]);
      }
    } finally {
      db.close();
    }
  });

  it('vault_identity holds one row of the right sizes; partner_keys ties verification to status', () => {
    const db = freshDb(3);
    try {
      const ok =
        "INSERT INTO vault_identity (id, public_key, private_key_nonce, private_key_sealed, created_at) VALUES (1, zeroblob(33), zeroblob(24), zeroblob(48), 'now')";
      expect(() => db.prepare(ok.replace('(1,', '(2,')).run()).toThrow(/CHECK/);
      expect(() => db.prepare(ok.replace('zeroblob(33)', 'zeroblob(32)')).run()).toThrow(/CHECK/);
      expect(() => db.prepare(ok.replace('zeroblob(48)', 'zeroblob(32)')).run()).toThrow(/CHECK/);
      db.prepare(ok).run();
      expect(() => db.prepare(ok).run()).toThrow(/UNIQUE|PRIMARY/);

      db.prepare(
        "INSERT INTO partners (id, name, kind, notes, dd_tier, dd_outcome, dd_notes, sharing_profile, created_at, updated_at, version, origin_vault) VALUES ('p', 'P', 'ngo', '', 'small', 'pending', '', '{}', 'now', 'now', 1, 'v')",
      ).run();
      const key = (id: string, status: string, extra = 'NULL, NULL, NULL') =>
        db
          .prepare(
            `INSERT INTO partner_keys (id, partner_id, vault_id, public_key, name, organisation, card_created_at, card, status, added_at, verified_at, verified_by, verified_how) VALUES ('${id}', 'p', 'v2', randomblob(33), '', '', 'now', '{}', '${status}', 'now', ${extra})`,
          )
          .run();
      key('k1', 'unverified');
      expect(() => key('k2', 'verified')).toThrow(/CHECK/);
      expect(() => key('k3', 'unverified', "'now', 'me', 'read-aloud'")).toThrow(/CHECK/);
      expect(() => key('k4', 'verified', "'now', 'me', 'by-fax'")).toThrow(/CHECK/);
      key('k5', 'verified', "'now', 'me', 'scanned'");
      key('k6', 'replaced', "'now', 'me', 'scanned'");
      expect(() =>
        db
          .prepare(
            "INSERT INTO partner_keys (id, partner_id, vault_id, public_key, name, organisation, card_created_at, card, status, added_at) VALUES ('k7', 'p', 'v', randomblob(33), '', '', 'now', 'not json', 'unverified', 'now')",
          )
          .run(),
      ).toThrow(/CHECK/);
      expect(() =>
        db
          .prepare(
            "INSERT INTO partner_keys (id, partner_id, vault_id, public_key, name, organisation, card_created_at, card, status, added_at) VALUES ('k8', 'nobody', 'v', randomblob(33), '', '', 'now', '{}', 'unverified', 'now')",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });

  it('audit checkpoints and custody events are append-only', () => {
    const db = freshDb(3);
    try {
      const triggers = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name GLOB '*_no_*' ORDER BY name")
        .all()
        .map((t) => (t as { name: string }).name);
      expect(triggers).toEqual(
        expect.arrayContaining([
          'audit_checkpoints_no_delete',
          'audit_checkpoints_no_update',
          'custody_events_no_delete',
          'custody_events_no_update',
        ]),
      );
      db.prepare("INSERT INTO audit_checkpoints VALUES (1, zeroblob(32), 'now', zeroblob(33), zeroblob(64))").run();
      expect(() => db.prepare("UPDATE audit_checkpoints SET at = 'later'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_checkpoints').run()).toThrow(/append-only/);
      expect(() =>
        db.prepare("INSERT INTO audit_checkpoints VALUES (2, zeroblob(31), 'now', zeroblob(33), zeroblob(64))").run(),
      ).toThrow(/CHECK/);
      expect(() =>
        db.prepare("INSERT INTO audit_checkpoints VALUES (2, zeroblob(32), 'now', zeroblob(33), zeroblob(63))").run(),
      ).toThrow(/CHECK/);
      // custody_events after the rebuild: the triggers were re-created on the new table
      db.prepare(
        "INSERT INTO blobs VALUES ('" + 'a'.repeat(32) + "', zeroblob(32), '" + 'b'.repeat(64) + "', 10, 'now')",
      ).run();
      expect(() => db.prepare('UPDATE custody_events SET actor = 1').run()).not.toThrow(); // no rows: nothing fires
      expect(() =>
        db
          .prepare(
            "INSERT INTO custody_events (evidence_id, at, actor, action, details, prev_hash, hash) VALUES ('missing', 'now', 'a', 'delivered', '{}', zeroblob(32), zeroblob(32))",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });
});
