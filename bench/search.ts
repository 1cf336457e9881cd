/**
 * search: full-text search (search() in src-main/engine/search/search-service.ts) over
 * 1 000 000 notes (--quick: 100 000) on about 10 000 cases, with case summaries and evidence
 * descriptions indexed too, in a real vault.
 * Budget (DESIGN.md, "Budgets"): search over 1 M notes, p95 ≤ 30 ms.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { run, sql, transaction, type WritableDB } from '../src-main/engine/db/sql.js';
import { Vault } from '../src-main/engine/vault/vault.js';
import { BENCH_KDF, BENCH_PASSPHRASE, type SyntheticCase, insertSyntheticCases, syntheticId } from './case-list.js';
import { makeNotes } from './corpus.js';
import { SeededRng } from './lib.js';

/**
 * Rare words, each planted in about one note in RARE_EVERY: names and places a litigator would
 * look up, which the generated vocabulary never contains.
 */
export const RARE_WORDS = ['Nyirabahire', 'Zhanaozen', 'Tindouf', 'Okonkwo', 'Bakhtiyar', 'Kasaï', 'Ouagadougou', 'Hrushevsky', 'Sūrya', 'Quetzaltenango'] as const;
const RARE_EVERY = 20_000;

export interface SearchCorpus {
  cases: SyntheticCase[];
  notes: number;
  evidence: number;
}

/**
 * Fills a vault's tables with plain SQL in large transactions: cases (with summaries), notes
 * spread over them, and evidence rows (with the minimal blob rows they reference). The FTS
 * triggers of migration 0002 index everything as it goes in.
 */
export function populateSearchCorpus(db: WritableDB, vaultId: string, sizes: { cases: number; notes: number; evidence: number }, onProgress?: (done: number) => void): SearchCorpus {
  const today = '2026-11-21';
  const cases = insertSyntheticCases(db, vaultId, sizes.cases, 0x5ea4c4, today);
  const rng = new SeededRng(0xa07e5);
  const insertNote = db.prepare(`INSERT INTO notes (seq, id, case_id, body, author, created_at, updated_at, version, origin_vault) VALUES (?, ?, ?, ?, '', ?, ?, 1, ?)`);
  const chunk = 25_000;
  const start = Date.parse('2020-01-01T00:00:00.000Z');
  const span = Date.parse(`${today}T00:00:00.000Z`) - start;
  for (let first = 1; first <= sizes.notes; first += chunk) {
    const n = Math.min(chunk, sizes.notes - first + 1);
    const generated = makeNotes(n, 0x2077e5 + first);
    transaction(db, () => {
      for (let i = 0; i < n; i++) {
        const seq = first + i;
        let body = generated[i]!.body;
        if (rng.int(1, RARE_EVERY) === 1) body = `${body} ${rng.pick(RARE_WORDS)}`;
        // Notes arrive in time order, as in use: seq and created_at grow together.
        const at = new Date(start + Math.floor((span * seq) / sizes.notes)).toISOString();
        insertNote.run([seq, syntheticId(3, seq), rng.pick(cases).id, body, at, at, vaultId]);
      }
    });
    onProgress?.(first + n - 1);
  }
  const insertBlob = db.prepare('INSERT INTO blobs (id, key, sha256, size, created_at) VALUES (?, ?, ?, ?, ?)');
  const insertEvidence = db.prepare(
    `INSERT INTO evidence (seq, id, case_id, blob_id, title, description, type, file_name, media_type, size, sha256, received_at, created_at, updated_at, version, origin_vault)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'application/pdf', 1000, ?, ?, ?, ?, 1, ?)`,
  );
  const types = ['testimony', 'medical-report', 'photo', 'video', 'audio', 'document', 'court-filing', 'other'] as const;
  const texts = makeNotes(sizes.evidence, 0xe51de);
  transaction(db, () => {
    for (let i = 0; i < sizes.evidence; i++) {
      const seq = i + 1;
      const blobId = randomBytes(16).toString('hex');
      const sha = randomBytes(32).toString('hex');
      const at = new Date(start + Math.floor((span * seq) / sizes.evidence)).toISOString();
      insertBlob.run([blobId, randomBytes(32), sha, 1000, at]);
      insertEvidence.run([seq, syntheticId(4, seq), rng.pick(cases).id, blobId, texts[i]!.title, texts[i]!.body.slice(0, 200), rng.pick(types), `item-${seq}.pdf`, sha, at, at, at, vaultId]);
    }
  });
  run(db, sql`ANALYZE`);
  return { cases, notes: sizes.notes, evidence: sizes.evidence };
}

export async function createSearchVault(dir: string): Promise<Vault> {
  const { vault } = await Vault.create(path.join(dir, 'vault'), { passphrase: BENCH_PASSPHRASE, kdf: BENCH_KDF });
  return vault;
}
