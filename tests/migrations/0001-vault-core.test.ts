// One test file per migration: it runs the migrations up to this one on a real SQLCipher file
// and checks what this one promises.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openKeyedDatabase } from '../../src-main/engine/db/database.js';
import { loadMigrations, migrate, schemaVersion } from '../../src-main/engine/db/migrations.js';
import { tempDir } from '../helpers.js';

describe('migration 0001-vault-core', () => {
  const upTo = loadMigrations().slice(0, 1);

  function freshDb() {
    const db = openKeyedDatabase(path.join(tempDir(), 'v.db'), randomBytes(32));
    migrate(db, upTo);
    return db;
  }

  it('creates vault_meta, audit_log (with append-only triggers) and blobs, STRICT', () => {
    const db = freshDb();
    try {
      expect(schemaVersion(db)).toBe(1);
      const objects = db
        .prepare("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
        .all();
      expect(objects).toEqual([
        { type: 'table', name: 'audit_log' },
        { type: 'table', name: 'blobs' },
        { type: 'table', name: 'vault_meta' },
        { type: 'trigger', name: 'audit_log_no_delete' },
        { type: 'trigger', name: 'audit_log_no_update' },
      ]);
      expect(() => db.prepare("INSERT INTO blobs VALUES ('short', x'00', 'aa', 1, 'now')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO vault_meta VALUES ('k', x'01')").run()).toThrow(
        /cannot store BLOB value in TEXT column/,
      );
    } finally {
      db.close();
    }
  });
});
