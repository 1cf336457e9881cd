// Shared set-up of the migration tests: a bare SQLCipher database (no vault around it) at a
// given schema version, built with the shipped migrations.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { openKeyedDatabase } from '../../src-main/engine/db/database.js';
import { loadMigrations, migrate } from '../../src-main/engine/db/migrations.js';
import type { WritableDB } from '../../src-main/engine/db/sql.js';
import { tempDir } from '../helpers.js';

/** A new database with a random key, migrated to `upTo` (every shipped migration when absent). */
export function freshDb(upTo?: number): WritableDB {
  const db = openKeyedDatabase(path.join(tempDir(), 'v.db'), randomBytes(32));
  migrate(db, upTo === undefined ? loadMigrations() : loadMigrations().slice(0, upTo));
  return db;
}
