import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openKeyedDatabase } from '../../src-main/engine/db/database.js';
import { loadMigrations, migrate, schemaVersion } from '../../src-main/engine/db/migrations.js';
import { Vault } from '../../src-main/engine/index.js';
import { VaultError } from '../../shared/errors.js';
import { PASSPHRASE, expectSameSnapshot, newVault, snapshot, tempDir } from '../helpers.js';

function writeMigrations(dir: string, files: Record<string, string>): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('migration runner', () => {
  it('the shipped migrations are numbered from 0001 without gaps', () => {
    const ms = loadMigrations();
    expect(ms.length).toBeGreaterThan(0);
    ms.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('refuses gaps, bad names and self-managed transactions', () => {
    const base = tempDir();
    expect(() =>
      loadMigrations(writeMigrations(path.join(base, 'a'), { '0001-a.sql': 'SELECT 1;', '0003-c.sql': 'SELECT 1;' })),
    ).toThrow(/out of sequence/);
    expect(() => loadMigrations(writeMigrations(path.join(base, 'b'), { '1-a.sql': 'SELECT 1;' }))).toThrow(
      /NNNN-slug/,
    );
    expect(() =>
      loadMigrations(writeMigrations(path.join(base, 'c'), { '0001-a.sql': 'BEGIN;\nCREATE TABLE x(a);\nCOMMIT;' })),
    ).toThrow(/own transaction/);
  });

  it('applies pending migrations in one transaction: a failing one leaves the database as it was', () => {
    const base = tempDir();
    const dir = writeMigrations(path.join(base, 'm'), {
      '0001-one.sql': 'CREATE TABLE one (a INTEGER);',
      '0002-two.sql': 'CREATE TABLE two (a INTEGER);\nINSERT INTO nonexistent VALUES (1);',
    });
    const db = openKeyedDatabase(path.join(base, 'x.db'), randomBytes(32));
    try {
      expect(() => migrate(db, loadMigrations(dir))).toThrow();
      expect(schemaVersion(db)).toBe(0);
      expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all()).toEqual([]);
      fs.writeFileSync(path.join(dir, '0002-two.sql'), 'CREATE TABLE two (a INTEGER);');
      expect(migrate(db, loadMigrations(dir))).toEqual({ from: 0, to: 2, applied: ['0001-one', '0002-two'] });
      expect(schemaVersion(db)).toBe(2);
      expect(migrate(db, loadMigrations(dir)).applied).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('a vault whose schema is newer than the app is refused with VAULT_TOO_NEW and left byte-for-byte untouched', async () => {
    const { vault, dir } = await newVault();
    vault.db.pragma('user_version = 999');
    vault.lock();
    const before = snapshot(dir);
    const err = await Vault.open(dir, { passphrase: PASSPHRASE }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VaultError);
    expect((err as VaultError).code).toBe('VAULT_TOO_NEW');
    expect((err as VaultError).message).toMatch(/schema version 999/);
    expectSameSnapshot(before, snapshot(dir));
  });

  it('opening a vault made by an older build applies the new migrations and audits it', async () => {
    const shipped = loadMigrations();
    const base = tempDir();
    const dir = path.join(base, 'v');
    const { vault } = await Vault.create(dir, {
      passphrase: PASSPHRASE,
      kdf: { opsLimit: 1, memLimitBytes: 64 << 20 },
      migrations: shipped,
    });
    vault.lock();
    const next = [
      ...shipped,
      { version: shipped.length + 1, name: 'future', sql: 'CREATE TABLE future_feature (id TEXT PRIMARY KEY) STRICT;' },
    ];
    const v = await Vault.open(dir, { passphrase: PASSPHRASE }, { migrations: next });
    try {
      expect(schemaVersion(v.db)).toBe(next.length);
      const { listAudit } = await import('../../src-main/engine/audit/audit-log.js');
      expect(listAudit(v.db).at(-1)).toMatchObject({
        action: 'vault.migrated',
        details: { from: shipped.length, to: next.length },
      });
    } finally {
      v.lock();
    }
  });
});
