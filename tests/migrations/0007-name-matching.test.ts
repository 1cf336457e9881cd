// Migration 0007: person_names with an integer key and index keys (match_keys), the key index
// kept by triggers, enquiry_names filled from the existing enquiries.
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../src-main/engine/db/migrations.js';
import { ensureNameKeys, findNameMatches, insertPersonName } from '../../src-main/engine/names/store.js';
import {
  ARABIC_SEARCH_REMOVED,
  ARABIC_SEARCH_REPLACED,
  foldArabicSearch,
} from '../../src-main/engine/names/normalise.js';
import { ROLES } from '../../shared/domain/people.js';
import { freshDb } from './migration-helpers.js';

const count = (db: ReturnType<typeof freshDb>, q: string) => (db.prepare(q).get() as { n: number }).n;

describe('migration 0007-name-matching', () => {
  it('keeps the names written before it, fills enquiry_names, and computes the keys before the next check', () => {
    const db = freshDb(6);
    db.prepare(
      "INSERT INTO people (id, full_name, created_at, updated_at, origin_vault) VALUES ('p1', 'Youssef El-Amrani', 't', 't', 'v')",
    ).run();
    db.prepare(
      "INSERT INTO person_names (person_id, kind, name, name_key) VALUES ('p1', 'name', 'Youssef El-Amrani', 'youssef el amrani'), ('p1', 'alias', 'Abou Youssef', 'abou youssef')",
    ).run();
    db.prepare(
      `INSERT INTO enquiries (id, received_on, channel, summary, enquirer_name, names_mentioned, status, created_at, updated_at, origin_vault)
       VALUES ('e1', '2026-01-01', 'phone', 's', 'Amina Yusuf', '["Omar Ali","Hassan Ouazzani"]', 'declined', 't', 't', 'v')`,
    ).run();
    migrate(db);
    expect(schemaVersion(db)).toBe(loadMigrations().length);
    expect(
      db.prepare('SELECT seq, person_id, kind, name, name_key, match_keys FROM person_names ORDER BY seq').all(),
    ).toEqual([
      { seq: 1, person_id: 'p1', kind: 'alias', name: 'Abou Youssef', name_key: 'abou youssef', match_keys: null },
      {
        seq: 2,
        person_id: 'p1',
        kind: 'name',
        name: 'Youssef El-Amrani',
        name_key: 'youssef el amrani',
        match_keys: null,
      },
    ]);
    expect(
      db.prepare('SELECT enquiry_id, position, name, role, match_keys FROM enquiry_names ORDER BY position').all(),
    ).toEqual([
      { enquiry_id: 'e1', position: 0, name: 'Amina Yusuf', role: null, match_keys: null },
      { enquiry_id: 'e1', position: 1, name: 'Omar Ali', role: null, match_keys: null },
      { enquiry_id: 'e1', position: 2, name: 'Hassan Ouazzani', role: null, match_keys: null },
    ]);
    expect(count(db, 'SELECT count(*) AS n FROM person_name_keys')).toBe(0);
    db.transaction(() => expect(ensureNameKeys(db)).toBe(5))();
    expect(count(db, 'SELECT count(*) AS n FROM person_names WHERE match_keys IS NULL')).toBe(0);
    expect(count(db, 'SELECT count(*) AS n FROM person_name_keys')).toBeGreaterThan(0);
    expect(
      findNameMatches(db, ['يوسف العمراني', 'Hasan Wazzani']).map((m) => [
        m.query,
        m.personId ?? m.enquiry?.id,
        m.match,
      ]),
    ).toEqual([
      ['يوسف العمراني', 'p1', 'transliteration'],
      ['Hasan Wazzani', 'e1', 'transliteration'],
    ]);
    db.close();
  });

  it('keeps the key index in step with person_names: insert, update, delete, a deleted person', () => {
    const db = freshDb(7);
    db.prepare(
      "INSERT INTO people (id, full_name, created_at, updated_at, origin_vault) VALUES ('p1', 'A', 't', 't', 'v')",
    ).run();
    insertPersonName(db, 'p1', 'name', 'Hassan Ouazzani');
    const keys = count(db, 'SELECT count(*) AS n FROM person_name_keys');
    expect(keys).toBeGreaterThan(0);
    db.prepare("UPDATE person_names SET match_keys = '[\"x\"]' WHERE person_id = 'p1'").run();
    expect(db.prepare('SELECT key FROM person_name_keys').all()).toEqual([{ key: 'x' }]);
    db.prepare("DELETE FROM person_names WHERE person_id = 'p1'").run();
    expect(count(db, 'SELECT count(*) AS n FROM person_name_keys')).toBe(0);
    insertPersonName(db, 'p1', 'name', 'Hassan Ouazzani');
    db.prepare("DELETE FROM people WHERE id = 'p1'").run();
    expect(count(db, 'SELECT count(*) AS n FROM person_names')).toBe(0);
    expect(count(db, 'SELECT count(*) AS n FROM person_name_keys')).toBe(0);
    expect(() =>
      db
        .prepare(
          "INSERT INTO person_names (person_id, kind, name, name_key, match_keys) VALUES ('p1', 'name', 'x', 'x', 'not json')",
        )
        .run(),
    ).toThrow();
    expect(() =>
      db
        .prepare("INSERT INTO enquiry_names (enquiry_id, position, name, role) VALUES ('e', 1, 'x', 'bystander')")
        .run(),
    ).toThrow();
    // the roles the column allows are those of the schema
    const tableSql = (db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'enquiry_names'").get() as { sql: string })
      .sql;
    expect(
      /role IN \(([^)]*)\)/
        .exec(tableSql)![1]!
        .split(',')
        .map((x) => x.trim().replace(/'/g, '')),
    ).toEqual([...ROLES]);
    db.close();
  });

  it('folds Arabic in the full-text indexes, old rows included, as the query is folded; evidence sources are indexed', () => {
    const db = freshDb(6);
    db.prepare(
      "INSERT INTO cases (seq, id, reference, title, status, sensitivity, opened_on, created_at, updated_at, origin_vault) VALUES (1, 'c1', 'R', 'قَضِيَّة التَّعْذِيب', 'active', 'high', '2026-01-01', 't', 't', 'v')",
    ).run();
    db.prepare(
      "INSERT INTO notes (seq, id, case_id, body, created_at, updated_at, origin_vault) VALUES (1, 'n1', 'c1', 'وَأُجبِرَ على التوقيع', 't', 't', 'v'), (2, 'n2', 'c1', 'plain text', 't', 't', 'v')",
    ).run();
    db.prepare(
      `INSERT INTO blobs (id, key, sha256, size, created_at) VALUES ('${'b'.repeat(32)}', x'${'00'.repeat(32)}', '${'a'.repeat(64)}', 1, 't')`,
    ).run();
    db.prepare(
      `INSERT INTO evidence (seq, id, case_id, blob_id, title, type, file_name, media_type, size, sha256, source, received_at, created_at, updated_at, origin_vault)
                VALUES (1, 'e1', 'c1', '${'b'.repeat(32)}', 'Photo', 'photo', 'p.jpg', 'image/jpeg', 1, '${'a'.repeat(64)}', 'Dr. Nyirabahire', 't', 't', 't', 'v')`,
    ).run();
    const hits = (table: string, q: string) =>
      (db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).all([q]) as Array<{ rowid: number }>).map(
        (r) => r.rowid,
      );
    expect(hits('notes_fts', '"واجبر"')).toEqual([]);
    migrate(db);
    expect(hits('notes_fts', '"واجبر"')).toEqual([1]);
    expect(hits('notes_fts', '"plain"')).toEqual([2]);
    expect(hits('cases_fts', '"التعذيب"')).toEqual([1]);
    expect(hits('evidence_fts', '"nyirabahire"')).toEqual([1]);
    // new and changed rows go through the triggers
    db.prepare("UPDATE notes SET body = 'مُعْتَقَل' WHERE seq = 2").run();
    expect(hits('notes_fts', '"معتقل"')).toEqual([2]);
    expect(hits('notes_fts', '"plain"')).toEqual([]);
    db.prepare("UPDATE evidence SET source = 'Amnesty' WHERE seq = 1").run();
    expect(hits('evidence_fts', '"nyirabahire"')).toEqual([]);
    expect(hits('evidence_fts', '"amnesty"')).toEqual([1]);
    db.close();
  });

  it('folds every character as foldArabicSearch does', () => {
    const db = freshDb(7);
    db.prepare(
      "INSERT INTO cases (seq, id, reference, title, status, sensitivity, opened_on, created_at, updated_at, origin_vault) VALUES (1, 'c1', 'R', 'T', 'active', 'high', '2026-01-01', 't', 't', 'v')",
    ).run();
    const words = [...ARABIC_SEARCH_REMOVED.map((c) => `ب${c}ت`), ...ARABIC_SEARCH_REPLACED.map(([c]) => `ب${c}ت`)];
    words.forEach((w, i) =>
      db
        .prepare(
          "INSERT INTO notes (seq, id, case_id, body, created_at, updated_at, origin_vault) VALUES (?, ?, 'c1', ?, 't', 't', 'v')",
        )
        .run([i + 1, `n${i}`, w]),
    );
    db.exec("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, notes_fts, 'instance')");
    const indexed = db.prepare('SELECT doc, term FROM temp.v ORDER BY doc').all() as Array<{
      doc: number;
      term: string;
    }>;
    expect(indexed.map((r) => r.term)).toEqual(words.map((w) => db.signalTokenize(foldArabicSearch(w)).join(' ')));
    db.close();
  });
});
