/**
 * After text is erased: merge every segment of the full-text indexes. A deleted row leaves its
 * tokens in the old segments (FTS5 only records a delete marker) until a merge rewrites them;
 * 'optimize' merges all segments into one without the deleted entries, and secure_delete zeroes
 * the pages freed (docs/erasure.md). Run it inside the transaction that deletes the rows.
 */
import { run, sql, type WritableDB } from '../db/sql.js';

export function mergeSearchIndexes(db: WritableDB): void {
  run(db, sql`INSERT INTO notes_fts(notes_fts) VALUES ('optimize')`);
  run(db, sql`INSERT INTO cases_fts(cases_fts) VALUES ('optimize')`);
  run(db, sql`INSERT INTO evidence_fts(evidence_fts) VALUES ('optimize')`);
  run(db, sql`INSERT INTO people_fts(people_fts) VALUES ('optimize')`);
}
