// Migration 0005: authority over what arrives and what leaves. This file checks the part about
// what LEAVES: `org_policy`, the organisation's partner gate — one row, ON by default, on an
// upgrade from 4 as on a new vault, and its CHECKs (one row only, booleans only).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../src-main/engine/db/migrations.js';
import { domainContext } from '../../src-main/engine/domain/context.js';
import { getPolicy } from '../../src-main/engine/policy/policy-service.js';
import { Vault } from '../../src-main/engine/vault/vault.js';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers.js';
import { freshDb } from './migration-helpers.js';

describe('migration 0005-authority: the partner policy (org_policy)', () => {
  const at = loadMigrations().findIndex((m) => m.name === 'authority') + 1;

  it('is migration number 5', () => {
    expect(at).toBe(5);
  });

  it('upgrades a vault at version 4 with the policy on: due diligence and agreement required, never changed', () => {
    const db = freshDb(4);
    try {
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'org_policy'").get()).toEqual({ n: 0 });
      expect(migrate(db, loadMigrations().slice(0, 5))).toMatchObject({ from: 4, to: 5 });
      expect(schemaVersion(db)).toBe(5);
      expect(db.prepare('SELECT * FROM org_policy').all()).toEqual([
        { id: 1, require_due_diligence: 1, require_agreement: 1, updated_at: null, updated_by: null },
      ]);
    } finally {
      db.close();
    }
  });

  it('holds one row only, and only 0 or 1 in each rule', () => {
    const db = freshDb(5);
    try {
      expect(() =>
        db.prepare('INSERT INTO org_policy (id, require_due_diligence, require_agreement) VALUES (2, 1, 1)').run(),
      ).toThrow(/CHECK/);
      expect(() =>
        db.prepare('INSERT INTO org_policy (id, require_due_diligence, require_agreement) VALUES (1, 0, 0)').run(),
      ).toThrow(/UNIQUE|PRIMARY KEY/);
      expect(() => db.prepare('UPDATE org_policy SET require_due_diligence = 2').run()).toThrow(/CHECK/);
      expect(() => db.prepare('UPDATE org_policy SET require_agreement = -1').run()).toThrow(/CHECK/);
      expect(() => db.prepare('UPDATE org_policy SET require_agreement = NULL').run()).toThrow(/NOT NULL/);
      expect(() => db.prepare("UPDATE org_policy SET require_due_diligence = 'yes'").run()).toThrow(
        /CHECK|cannot store TEXT/,
      );
      db.prepare(
        "UPDATE org_policy SET require_due_diligence = 0, updated_at = '2026-11-21T12:00:00.000Z', updated_by = 'AN'",
      ).run();
      expect(db.prepare('SELECT require_due_diligence, require_agreement FROM org_policy').get()).toEqual({
        require_due_diligence: 0,
        require_agreement: 1,
      });
    } finally {
      db.close();
    }
  });

  it('a new vault reads the policy as on', async () => {
    const { vault } = await Vault.create(path.join(tempDir(), 'v'), { passphrase: PASSPHRASE, kdf: FAST_KDF });
    try {
      expect(getPolicy(domainContext(vault))).toEqual({
        requireDueDiligence: true,
        requireAgreement: true,
        updatedAt: null,
        updatedBy: null,
      });
    } finally {
      vault.lock();
    }
  });
});
