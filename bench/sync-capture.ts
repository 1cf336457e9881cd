/**
 * Team sync change capture: what the temp triggers cost on writes, and the bytes one change
 * takes in the log. Two keyed databases with the same schema and the same workload (insert
 * `n` cases, then update a field of each, then update two fields of each), one without capture
 * and one with it. Run: npx tsx bench/sync-capture.ts [n]
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openKeyedDatabase } from '../src-main/engine/db/database.js';
import { migrate } from '../src-main/engine/db/migrations.js';
import type { WritableDB } from '../src-main/engine/db/sql.js';
import { captureSql, muted } from '../src-main/engine/sync/capture.js';
import { type SyncChange, mergeChanges } from '../src-main/engine/sync/merge.js';

const n = Number(process.argv[2] ?? 5000);

function workload(db: WritableDB): { insert: number; update1: number; update2: number } {
  const ins = db.prepare(
    "INSERT INTO cases (id, reference, title, status, sensitivity, summary, opened_on, created_at, updated_at, origin_vault) VALUES (?, ?, ?, 'active', 'high', ?, '2026-01-01', 't', 't', 'v')",
  );
  const up1 = db.prepare('UPDATE cases SET title = ?, version = version + 1 WHERE id = ?');
  const up2 = db.prepare('UPDATE cases SET summary = ?, strategy = ?, version = version + 1 WHERE id = ?');
  const ids = Array.from({ length: n }, (_, i) => `0190a0b1-0000-7000-8000-${String(i).padStart(12, '0')}`);
  const time = (fn: () => void) => {
    const t = performance.now();
    db.transaction(fn)();
    return performance.now() - t;
  };
  return {
    insert: time(() =>
      ids.forEach((id, i) => ins.run([id, `R-${i}`, `Case ${i}`, 'A summary of some length '.repeat(8)])),
    ),
    update1: time(() => ids.forEach((id, i) => up1.run([`Case ${i} renamed`, id]))),
    update2: time(() => ids.forEach((id, i) => up2.run([`Summary ${i}`, `Strategy ${i}`, id]))),
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-sync-bench-'));
try {
  const results: Record<string, ReturnType<typeof workload>> = {};
  for (const capture of [false, true]) {
    const db = openKeyedDatabase(path.join(dir, `${capture}.db`), randomBytes(32));
    migrate(db);
    if (capture) db.exec(captureSql('0190a0b1-0000-7000-8000-00000000000a'));
    results[capture ? 'capture' : 'plain'] = workload(db);
    if (capture) {
      const bytes = db
        .prepare(
          'SELECT avg(length(fields) + length(previous) + length(hlc) + length(origin) + length(record_id) + 40) AS b, count(*) AS n FROM sync_changes',
        )
        .get() as { b: number; n: number };
      console.log(`changes logged: ${bytes.n}, about ${Math.round(bytes.b)} bytes each (row payload)`);
    }
    db.close();
  }
  for (const k of ['insert', 'update1', 'update2'] as const) {
    const p = results.plain![k];
    const c = results.capture![k];
    console.log(
      `${k.padEnd(8)} ${n} rows: plain ${p.toFixed(0)} ms, with capture ${c.toFixed(0)} ms (+${(((c - p) / n) * 1000).toFixed(0)} µs per row, ×${(c / p).toFixed(2)})`,
    );
  }
  // applying 10 000 changes from one member (updates of 1 000 cases, 10 each)
  {
    const db = openKeyedDatabase(path.join(dir, 'apply.db'), randomBytes(32));
    migrate(db);
    db.exec(captureSql('0190a0b1-0000-7000-8000-00000000000b'));
    const origin = '0190a0b1-0000-7000-8000-00000000000c';
    const ids = Array.from({ length: 1000 }, (_, i) => `0190a0b1-0000-7000-8000-${String(i).padStart(12, '0')}`);
    const changes: SyncChange[] = ids.map((id, i) => ({
      origin,
      originSeq: i + 1,
      hlc: `${String(1_800_000_000_000 + i).padStart(15, '0')}.000000`,
      kind: 'cases',
      recordId: id,
      op: 'insert',
      fields: {
        id,
        reference: `R-${i}`,
        title: `Case ${i}`,
        status: 'active',
        sensitivity: 'high',
        opened_on: '2026-01-01',
        created_at: 't',
        updated_at: 't',
        origin_vault: origin,
      },
      previous: {},
    }));
    for (let k = 0; k < 9; k++)
      ids.forEach((id, i) =>
        changes.push({
          origin,
          originSeq: changes.length + 1,
          hlc: `${String(1_800_000_100_000 + changes.length).padStart(15, '0')}.000000`,
          kind: 'cases',
          recordId: id,
          op: 'update',
          fields: { title: `Case ${i} v${k + 1}` },
          previous: { title: k === 0 ? `Case ${i}` : `Case ${i} v${k}` },
        }),
      );
    const t = performance.now();
    const counts = db.transaction(() => muted(db, () => mergeChanges(db, 't', changes)))();
    const ms = performance.now() - t;
    console.log(
      `apply    ${changes.length} changes from one member: ${ms.toFixed(0)} ms (${counts.applied} applied, ${counts.held} held)`,
    );
    db.close();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
