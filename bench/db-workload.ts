/**
 * db-workload: the cost of SQLCipher. One synthetic notes workload (inserts with an FTS5 index,
 * point queries, full-text searches, full scans) on
 *   keyed    a database opened exactly as the vault opens vault.db (openKeyedDatabase), and
 *   unkeyed  a plain SQLite database (same library, same pragmas, no key).
 * Budget (docs/performance.md, "Budgets"): keyed ≤ 1.3 × unkeyed time.
 *
 * The machine is small and noisy, so the variants are interleaved (keyed, unkeyed, unkeyed,
 * keyed, …) and the best time of each variant is kept, per phase and for the total.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from '@signalapp/sqlcipher';
import {
  CACHE_SIZE_KIB,
  applyConnectionSettings,
  closeDatabase,
  openKeyedDatabase,
} from '../src-main/engine/db/database.js';
import { all, get, pluck, run, sql, transaction, type WritableDB } from '../src-main/engine/db/sql.js';
import { type Note, makeFtsQueries, makeLikePatterns, makeNotes, makePointIds } from './corpus.js';
import { type Bench, type BenchContext, MIB, atMost, min, removeTempDir, timedSync } from './lib.js';

const RATIO_TARGET = atMost(1.3);

const PHASES = ['insert', 'point_query', 'fts_query', 'full_scan'] as const;
type Phase = (typeof PHASES)[number];
type Variant = 'keyed' | 'unkeyed';

interface Sizes {
  notes: number;
  batch: number;
  pointQueries: number;
  ftsQueries: number;
  fullScans: number;
  /** runs of each variant */
  repeats: number;
}

const FULL: Sizes = { notes: 100_000, batch: 1000, pointQueries: 10_000, ftsQueries: 200, fullScans: 50, repeats: 2 };
const QUICK: Sizes = { notes: 10_000, batch: 1000, pointQueries: 1000, ftsQueries: 50, fullScans: 10, repeats: 1 };

interface Workload {
  notes: Note[];
  batch: number;
  pointIds: number[];
  ftsQueries: string[];
  likePatterns: string[];
}

interface RunOutcome {
  ms: Record<Phase, number>;
  total: number;
  /** what the queries returned, to check both variants did the same work */
  digest: string;
  pragmas: Record<string, string>;
  fileBytes: number;
}

/** Pragmas whose effective values must be identical in both variants. */
const COMPARED_PRAGMAS = [
  'journal_mode',
  'synchronous',
  'temp_store',
  'cache_size',
  'locking_mode',
  'secure_delete',
  'foreign_keys',
  'page_size',
];

const SCHEMA = `
  CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    case_id    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL
  ) STRICT;
  CREATE INDEX notes_by_case ON notes (case_id, created_at);
  CREATE VIRTUAL TABLE notes_fts USING fts5(title, body, content='notes', content_rowid='id', tokenize='signal_tokenizer');
  CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
  END;
`;

/**
 * The unkeyed twin of openKeyedDatabase: the same pragmas in the same order, and the same
 * statement cache (`cacheStatements: true`, without which every `sql` helper call would
 * re-prepare and the comparison would measure that instead of encryption).
 */
function openUnkeyedDatabase(file: string): WritableDB {
  const db = new Database(file, { cacheStatements: true });
  applyConnectionSettings(db);
  return db as WritableDB;
}

function effectivePragmas(db: WritableDB): Record<string, string> {
  return Object.fromEntries(COMPARED_PRAGMAS.map((name) => [name, String(db.pragma(name, { simple: true }))]));
}

function runPhases(db: WritableDB, w: Workload): { ms: Record<Phase, number>; digest: string } {
  const insert = timedSync(() => {
    for (let i = 0; i < w.notes.length; i += w.batch) {
      const batch = w.notes.slice(i, i + w.batch);
      transaction(db, () => {
        for (const n of batch) {
          run(
            db,
            sql`INSERT INTO notes (id, case_id, created_at, title, body) VALUES (${n.id}, ${n.caseId}, ${n.createdAt}, ${n.title}, ${n.body})`,
          );
        }
      });
    }
  });

  const point = timedSync(() => {
    let chars = 0;
    for (const id of w.pointIds) {
      const row = get<{ id: number; body: string }>(
        db,
        sql`SELECT id, case_id, created_at, title, body FROM notes WHERE id = ${id}`,
      );
      if (!row) throw new Error(`note ${id} not found`);
      chars += row.body.length;
    }
    return chars;
  });

  const fts = timedSync(() => {
    let hits = 0;
    for (const q of w.ftsQueries) {
      const rows = all<{ id: number; title: string; snippet: string }>(
        db,
        sql`SELECT notes.id, notes.title, snippet(notes_fts, 1, '[', ']', '…', 12) AS snippet
            FROM notes_fts JOIN notes ON notes.id = notes_fts.rowid
            WHERE notes_fts MATCH ${q} ORDER BY rank LIMIT 20`,
      );
      hits += rows.length;
    }
    return hits;
  });

  const scan = timedSync(() => {
    let matches = 0;
    for (const pattern of w.likePatterns)
      matches += Number(pluck<number>(db, sql`SELECT count(*) FROM notes WHERE body LIKE ${pattern}`) ?? 0);
    return matches;
  });

  return {
    ms: { insert: insert.ms, point_query: point.ms, fts_query: fts.ms, full_scan: scan.ms },
    digest: JSON.stringify({ pointChars: point.result, ftsHits: fts.result, likeMatches: scan.result }),
  };
}

async function runOnce(ctx: BenchContext, variant: Variant, w: Workload): Promise<RunOutcome> {
  const dir = await ctx.tempDir(`db-${variant}`);
  try {
    const file = path.join(dir, 'bench.db');
    let db: WritableDB;
    if (variant === 'keyed') {
      const key = randomBytes(32);
      db = openKeyedDatabase(file, key);
      key.fill(0);
    } else {
      db = openUnkeyedDatabase(file);
    }
    let outcome: { ms: Record<Phase, number>; digest: string };
    let pragmas: Record<string, string>;
    try {
      db.initTokenizer();
      db.exec(SCHEMA);
      pragmas = effectivePragmas(db);
      outcome = runPhases(db, w);
    } finally {
      closeDatabase(db);
    }
    const header = fs.readFileSync(file).subarray(0, 16).toString('latin1');
    const plain = header === 'SQLite format 3\0';
    if (plain !== (variant === 'unkeyed'))
      throw new Error(`the ${variant} database file ${plain ? 'is' : 'is not'} plaintext SQLite`);
    const total = PHASES.reduce((sum, p) => sum + outcome.ms[p], 0);
    return { ...outcome, total, pragmas, fileBytes: fs.statSync(file).size };
  } finally {
    await removeTempDir(dir);
  }
}

export const dbWorkloadBench: Bench = {
  name: 'db-workload',
  summary: 'SQLCipher keyed vs unkeyed: inserts + FTS5, point queries, MATCH, full scans',
  async run(ctx: BenchContext) {
    const s = ctx.quick ? QUICK : FULL;
    const t0 = performance.now();
    const w: Workload = {
      notes: makeNotes(s.notes, 0xc0ffee),
      batch: s.batch,
      pointIds: makePointIds(s.pointQueries, s.notes, 0xbeef),
      ftsQueries: makeFtsQueries(s.ftsQueries, 0xf75),
      likePatterns: makeLikePatterns(s.fullScans, 0x11ce),
    };
    const avgChars = w.notes.reduce((sum, n) => sum + n.body.length, 0) / w.notes.length;
    ctx.log(
      `generated ${s.notes} notes (mean body ${avgChars.toFixed(0)} chars) in ${(performance.now() - t0).toFixed(0)} ms`,
    );

    const runs: Record<Variant, RunOutcome[]> = { keyed: [], unkeyed: [] };
    for (let r = 0; r < s.repeats; r++) {
      const order: Variant[] = r % 2 === 0 ? ['keyed', 'unkeyed'] : ['unkeyed', 'keyed'];
      for (const variant of order) {
        const outcome = await runOnce(ctx, variant, w);
        runs[variant].push(outcome);
        const phases = PHASES.map((p) => `${p} ${outcome.ms[p].toFixed(0)}`).join(', ');
        ctx.log(`run ${r + 1}/${s.repeats} ${variant.padEnd(7)}: total ${outcome.total.toFixed(0)} ms (${phases})`);
      }
    }

    // Same work, same settings: otherwise the ratio means nothing.
    const everyRun = [...runs.keyed, ...runs.unkeyed];
    const first = everyRun[0]!;
    for (const o of everyRun) {
      if (o.digest !== first.digest)
        throw new Error(`the variants returned different results: ${o.digest} vs ${first.digest}`);
      if (JSON.stringify(o.pragmas) !== JSON.stringify(first.pragmas)) {
        throw new Error(
          `the variants run with different pragmas: ${JSON.stringify(o.pragmas)} vs ${JSON.stringify(first.pragmas)}`,
        );
      }
    }
    if (first.pragmas.cache_size !== String(-CACHE_SIZE_KIB))
      throw new Error(`cache_size in effect is ${first.pragmas.cache_size}, expected -${CACHE_SIZE_KIB}`);
    ctx.log(`pragmas in effect (both variants): ${JSON.stringify(first.pragmas)}; results ${first.digest}`);

    ctx.report('cache_size_kib', CACHE_SIZE_KIB, 'KiB');
    ctx.report('notes', s.notes, 'rows');
    ctx.report('db_size_keyed', runs.keyed[0]!.fileBytes / MIB, 'MiB');
    ctx.report('db_size_unkeyed', runs.unkeyed[0]!.fileBytes / MIB, 'MiB');
    for (const phase of PHASES) {
      const keyed = min(runs.keyed.map((o) => o.ms[phase]));
      const unkeyed = min(runs.unkeyed.map((o) => o.ms[phase]));
      ctx.report(`${phase}_keyed_ms`, keyed, 'ms');
      ctx.report(`${phase}_unkeyed_ms`, unkeyed, 'ms');
      ctx.report(`${phase}_ratio`, keyed / unkeyed, 'x');
    }
    const keyedTotal = min(runs.keyed.map((o) => o.total));
    const unkeyedTotal = min(runs.unkeyed.map((o) => o.total));
    ctx.report('total_keyed_ms', keyedTotal, 'ms');
    ctx.report('total_unkeyed_ms', unkeyedTotal, 'ms');
    ctx.report('total_ratio', keyedTotal / unkeyedTotal, 'x', RATIO_TARGET);
  },
};
