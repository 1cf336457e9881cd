/**
 * Schema migrations: `migrations/NNNN-slug.sql`, numbered from 0001 without gaps.
 *
 * - The schema version is `PRAGMA user_version` (= the number of the last migration applied).
 * - All pending migrations run in ONE transaction with the user_version update, so a crash or
 *   a failing statement leaves the database exactly at its previous version.
 * - A database whose user_version is higher than the newest migration this build knows was
 *   written by a newer Case Vault: it is refused (VAULT_TOO_NEW) before anything is written.
 * - A migration may have a data step in code (migration-steps.ts), run right after its SQL in
 *   the same transaction: a step that throws undoes the whole run like a failing statement.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VaultError } from '../../../shared/errors.js';
import { MIGRATION_STEPS, type MigrationStep, type MigrationVault } from './migration-steps.js';
import type { WritableDB, ReadableDB } from './sql.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** the data step in code, run after `sql` in the same transaction */
  step?: MigrationStep;
}

const FILE_RE = /^(\d{4})-([a-z0-9][a-z0-9-]*)\.sql$/;

/** Find the project's migrations/ folder from wherever this module was loaded (source, bundle, asar). */
export function defaultMigrationsDir(): string {
  const override = process.env.CASE_VAULT_MIGRATIONS_DIR;
  if (override) return override;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'migrations');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('migrations/ folder not found next to package.json');
    dir = parent;
  }
}

let shipped: Migration[] | null = null;

/**
 * The migrations this build ships (read once) with their data steps, or those of another
 * folder (tests) with the steps given.
 */
export function loadMigrations(dir?: string, steps: ReadonlyMap<number, MigrationStep> = new Map()): Migration[] {
  if (dir === undefined) return (shipped ??= readMigrations(defaultMigrationsDir(), MIGRATION_STEPS));
  return readMigrations(dir, steps);
}

function readMigrations(dir: string, steps: ReadonlyMap<number, MigrationStep>): Migration[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const m = FILE_RE.exec(file);
    if (!m) throw new Error(`migration file name ${file} is not of the form NNNN-slug.sql`);
    const version = Number(m[1]);
    if (version !== migrations.length + 1) {
      throw new Error(
        `migration ${file} is out of sequence: expected number ${String(migrations.length + 1).padStart(4, '0')}`,
      );
    }
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    if (/^\s*(BEGIN|COMMIT|ROLLBACK|END)\b/im.test(text.replace(/CREATE\s+TRIGGER[\s\S]*?\bEND\s*;/gi, ''))) {
      throw new Error(`migration ${file} manages its own transaction; the runner does that`);
    }
    const step = steps.get(version);
    migrations.push({ version, name: m[2]!, sql: text, ...(step ? { step } : {}) });
  }
  for (const version of steps.keys()) {
    if (version < 1 || version > migrations.length)
      throw new Error(`a data step is registered for migration ${version}, which has no NNNN-slug.sql file`);
  }
  return migrations;
}

export function schemaVersion(db: ReadableDB): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Throws VAULT_TOO_NEW when the database is newer than these migrations; never writes. */
export function assertNotTooNew(db: ReadableDB, migrations: readonly Migration[]): number {
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) {
    throw new VaultError(
      'VAULT_TOO_NEW',
      `This vault's database is at schema version ${current}, newer than this version of Case Vault supports (${latest}). Update Case Vault; the vault was not touched.`,
    );
  }
  return current;
}

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
}

/**
 * Apply the pending migrations. `vault` is the vault the database belongs to (its data steps
 * need it); without it (a bare database in a schema test) steps that need a vault do nothing.
 */
export function migrate(
  db: WritableDB,
  migrations: readonly Migration[] = loadMigrations(),
  vault?: MigrationVault,
): MigrationResult {
  const from = assertNotTooNew(db, migrations);
  const pending = migrations.slice(from);
  if (pending.length === 0) return { from, to: from, applied: [] };
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      m.step?.({ db, ...(vault ? { vault } : {}) });
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return {
    from,
    to: migrations.length,
    applied: pending.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}`),
  };
}
