// Migration 0010: saved column mappings (by name, per kind, a JSON object of header names) and
// the imported files' SHA-256 with what each run did.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../src-main/engine/db/migrations.js';
import { freshDb } from './migration-helpers.js';

const refused = (fn: () => unknown) => expect(fn).toThrow(/constraint/i);

describe('migration 0010-spreadsheet-import', () => {
  it('migrates a vault of 0009 with its cases untouched', () => {
    const db = freshDb(9);
    db.prepare(
      "INSERT INTO cases (id, reference, title, status, sensitivity, opened_on, created_at, updated_at, origin_vault) VALUES ('c1', 'CV-2026-000001', 'A case', 'active', 'high', '2026-01-01', 't', 't', 'v')",
    ).run();
    migrate(db);
    expect(schemaVersion(db)).toBe(loadMigrations().length);
    expect(db.prepare('SELECT title FROM cases').get()).toEqual({ title: 'A case' });
    expect(db.prepare('SELECT count(*) AS n FROM import_mappings').get()).toEqual({ n: 0 });
    db.close();
  });

  it('import_mappings: one per name, a known kind, a JSON object', () => {
    const db = freshDb(10);
    const put = (name: string, kind: string, mapping: string) =>
      db
        .prepare("INSERT INTO import_mappings (name, kind, mapping, created_at, updated_at) VALUES (?, ?, ?, 't', 't')")
        .run([name, kind, mapping]);
    put('Tracker 2019', 'cases', '{"title":"Titre"}');
    refused(() => put('Tracker 2019', 'people', '{}'));
    refused(() => put('x', 'evidence', '{}'));
    refused(() => put('y', 'cases', '["title"]'));
    refused(() => put('z', 'cases', 'not json'));
    refused(() => put('', 'cases', '{}'));
    db.close();
  });

  it('imported_files: a 32-byte hash, counts, and finished exactly when not running; found by hash', () => {
    const db = freshDb(10);
    const add = (id: string, hash: Uint8Array<ArrayBuffer>, status: string, finished: string | null) =>
      db
        .prepare(
          "INSERT INTO imported_files (id, sha256, kind, bytes, started_at, finished_at, status) VALUES (?, ?, 'cases', 10, 't', ?, ?)",
        )
        .run([id, hash, finished, status]);
    const h = new Uint8Array(randomBytes(32));
    add('i1', h, 'running', null);
    add('i2', h, 'complete', 't2');
    refused(() => add('i3', new Uint8Array(randomBytes(31)), 'complete', 't'));
    refused(() => add('i4', h, 'running', 't'));
    refused(() => add('i5', h, 'complete', null));
    refused(() => add('i6', h, 'failed', 't'));
    refused(() => db.prepare("UPDATE imported_files SET created = -1 WHERE id = 'i1'").run());
    expect(db.prepare('SELECT id FROM imported_files WHERE sha256 = ? ORDER BY id').all([h])).toEqual([
      { id: 'i1' },
      { id: 'i2' },
    ]);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM imported_files WHERE sha256 = ?').all([h]) as Array<{
      detail: string;
    }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/imported_files_hash/);
    db.close();
  });
});
