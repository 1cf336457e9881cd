// Data steps of migrations in code (src-main/engine/db/migration-steps.ts): a step runs right
// after its migration's SQL, in the one transaction of the run, so that a step that throws
// undoes the whole run; migration 0003's step gives a vault its identity.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type MigrationStep, createVaultIdentityStep } from '../../src-main/engine/db/migration-steps.js';
import { loadMigrations, migrate, schemaVersion } from '../../src-main/engine/db/migrations.js';
import { all, sql } from '../../src-main/engine/db/sql.js';
import { Vault } from '../../src-main/engine/vault/vault.js';
import { FAST_KDF, PASSPHRASE, openVault, tempDir } from '../helpers.js';
import { freshDb } from './migration-helpers.js';

function migrationsWithSteps(steps: ReadonlyMap<number, MigrationStep>) {
  const dir = path.join(tempDir(), 'migrations');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, '0001-one.sql'), 'CREATE TABLE one (a INTEGER);');
  fs.writeFileSync(path.join(dir, '0002-two.sql'), 'CREATE TABLE two (b INTEGER);');
  return loadMigrations(dir, steps);
}

const tables = (db: ReturnType<typeof freshDb>) =>
  all<{ name: string }>(db, sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('one', 'two')`).map(
    (t) => t.name,
  );

describe('migration data steps', () => {
  it('a step runs after its SQL, in the same transaction, and sees the schema of its migration', () => {
    const migrations = migrationsWithSteps(new Map([[2, ({ db }) => db.exec('INSERT INTO two (b) VALUES (2)')]]));
    const db = freshDb(0);
    expect(migrate(db, migrations)).toEqual({ from: 0, to: 2, applied: ['0001-one', '0002-two'] });
    expect(db.prepare('SELECT b FROM two').all()).toEqual([{ b: 2 }]);
    db.close();
  });

  it('a step that throws undoes the whole run: its writes, its SQL and the migrations before it', () => {
    const failing: MigrationStep = ({ db }) => {
      db.exec('INSERT INTO two (b) VALUES (2)');
      throw new Error('the step failed');
    };
    const migrations = migrationsWithSteps(new Map([[2, failing]]));
    const db = freshDb(0);
    expect(() => migrate(db, migrations)).toThrow('the step failed');
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    // from version 1: the database stays at 1, without the table of 0002
    migrate(db, migrations.slice(0, 1));
    expect(() => migrate(db, migrations)).toThrow('the step failed');
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['one']);
    db.close();
  });

  it('a step registered for a migration that has no SQL file is refused when the migrations are read', () => {
    expect(() => migrationsWithSteps(new Map([[3, () => {}]]))).toThrow(/no NNNN-slug.sql file/);
  });

  it('0003 carries the identity step; a bare database (no vault) gets no identity', () => {
    expect(loadMigrations()[2]).toMatchObject({ name: 'partner-exchange', step: createVaultIdentityStep });
    const db = freshDb();
    expect(db.prepare('SELECT count(*) AS n FROM vault_identity').get()).toEqual({ n: 0 });
    db.close();
  });

  it('an upgrade whose identity step fails leaves the vault at schema 2; the next unlock creates it', async () => {
    const dir = path.join(tempDir(), 'v');
    const { vault } = await Vault.create(dir, {
      passphrase: PASSPHRASE,
      kdf: FAST_KDF,
      migrations: loadMigrations().slice(0, 2),
    });
    const auditBefore = all(vault.db, sql`SELECT seq, hash FROM audit_log ORDER BY seq`);
    vault.lock();

    const breaking = loadMigrations().map((m) =>
      m.version === 3
        ? {
            ...m,
            step: (ctx: Parameters<MigrationStep>[0]) => {
              createVaultIdentityStep(ctx);
              throw new Error('interrupted after the key was sealed');
            },
          }
        : m,
    );
    await expect(Vault.open(dir, { passphrase: PASSPHRASE }, { migrations: breaking })).rejects.toThrow(
      'interrupted after the key was sealed',
    );
    const old = await Vault.open(dir, { passphrase: PASSPHRASE }, { migrations: loadMigrations().slice(0, 2) });
    expect(schemaVersion(old.db)).toBe(2);
    expect(all(old.db, sql`SELECT name FROM sqlite_master WHERE name = 'vault_identity'`)).toEqual([]);
    expect(all(old.db, sql`SELECT seq, hash FROM audit_log ORDER BY seq`)).toEqual(auditBefore);
    old.lock();

    const v = await openVault(dir);
    expect(schemaVersion(v.db)).toBe(loadMigrations().length);
    const created = all<{ action: string; details: string }>(
      v.db,
      sql`SELECT action, details FROM audit_log WHERE seq > ${auditBefore.length} ORDER BY seq`,
    );
    expect(created.map((a) => a.action)).toEqual(['vault.migrated', 'identity.created', 'identity.pq-key-created']);
    expect(JSON.parse(created[1]!.details)).toMatchObject({ reason: 'migration' });
    expect(v.identity.publicKey).toHaveLength(33);
  });
});
