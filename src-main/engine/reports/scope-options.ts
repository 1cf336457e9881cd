/**
 * The values a donor report's scope can be chosen from (the desktop app's pickers): the tags,
 * projects and donor codes that cases carry, each sorted and distinct. Reads only. These are the
 * organisation's own labels, shown to the officer inside it; a report file never carries a tag
 * (the model says only that cases were selected by tag) — see docs/reports.md.
 */
import { all, sql, type ReadableDB } from '../db/sql.js';

export interface ScopeOptions {
  tags: string[];
  projects: string[];
  donorCodes: string[];
}

/** At most `limit` values of each kind (the first ones in sort order). */
export function scopeOptions(db: ReadableDB, limit = 500): ScopeOptions {
  const values = (rows: Array<{ v: string }>) => rows.map((r) => r.v);
  return {
    tags: values(all<{ v: string }>(db, sql`SELECT DISTINCT tag AS v FROM case_tags ORDER BY tag LIMIT ${limit}`)),
    projects: values(
      all<{ v: string }>(
        db,
        sql`SELECT DISTINCT project AS v FROM cases WHERE project IS NOT NULL AND project <> '' ORDER BY project LIMIT ${limit}`,
      ),
    ),
    donorCodes: values(
      all<{ v: string }>(
        db,
        sql`SELECT DISTINCT donor_code AS v FROM cases WHERE donor_code IS NOT NULL AND donor_code <> '' ORDER BY donor_code LIMIT ${limit}`,
      ),
    ),
  };
}
