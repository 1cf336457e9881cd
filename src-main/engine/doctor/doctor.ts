/**
 * doctor: checks that a vault is whole, and says precisely what is not.
 *
 * Checks, in order (each yields one finding: ok | warn | fail):
 *   key-file       vault.json parses, checksum and MAC hold (done by unlocking), KDF strength
 *   cipher         PRAGMA cipher_integrity_check: every page's HMAC (SQLCipher)
 *   sqlite         PRAGMA integrity_check and foreign_key_check
 *   schema         user_version equals the migrations this build knows
 *   audit-chain    the hash chain from genesis to head; names the first broken entry; then
 *                  the signed checkpoints (engine/identity/audit-checkpoints.ts)
 *   blobs          every row's file exists and has the length its size implies;
 *                  with deep: decrypts every file and compares SHA-256 and size
 *   orphans        files under blobs/ that no row names (a crash between file and row, an
 *                  erase interrupted, stray files); removed with repair, which is safe because
 *                  an open vault holds an exclusive lock: no other process is mid-write
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { isVaultError } from '../../../shared/errors.js';
import { isWeak } from '../crypto/argon2.js';
import { all, sql } from '../db/sql.js';
import { loadMigrations, schemaVersion } from '../db/migrations.js';
import { appendAudit } from '../audit/audit-log.js';
import { verifyAuditLog } from '../identity/audit-checkpoints.js';
import { expectedFileSize } from '../evidence-store/blob-format.js';
import type { Vault } from '../vault/vault.js';

export type FindingLevel = 'ok' | 'warn' | 'fail';
export interface Finding {
  check: string;
  level: FindingLevel;
  message: string;
  /** machine-readable specifics (ids, counts), never record contents */
  details?: Record<string, unknown>;
}

export interface DoctorReport {
  ok: boolean;
  deep: boolean;
  repaired: { orphansRemoved: number };
  findings: Finding[];
}

export interface DoctorOptions {
  deep?: boolean;
  repair?: boolean;
  onProgress?: (p: { check: string; done: number; total: number }) => void;
}

export async function runDoctor(vault: Vault, opts: DoctorOptions = {}): Promise<DoctorReport> {
  const db = vault.db;
  const findings: Finding[] = [];
  const add = (f: Finding) => findings.push(f);

  // key-file: parsing, checksum and MAC were verified when the vault was unlocked.
  const weak = vault.file.slots.filter(
    (s) => s.kind === 'passphrase' && isWeak({ opsLimit: s.kdf.opsLimit, memLimitBytes: s.kdf.memLimitBytes }),
  );
  add(
    weak.length > 0
      ? {
          check: 'key-file',
          level: 'warn',
          message:
            'The passphrase slot uses weaker key-stretching than Case Vault requires; change the passphrase to re-calibrate it.',
        }
      : { check: 'key-file', level: 'ok', message: 'vault.json is intact and authenticated by the master key.' },
  );

  await guard('cipher', add, () => {
    const cipherErrors = db.pragma('cipher_integrity_check') as Array<Record<string, unknown>>;
    add(
      cipherErrors.length === 0
        ? { check: 'cipher', level: 'ok', message: 'Every database page authenticates (SQLCipher HMAC).' }
        : {
            check: 'cipher',
            level: 'fail',
            message: `${cipherErrors.length} database page(s) fail authentication: the file was damaged or altered.`,
            details: { errors: cipherErrors.slice(0, 10).map((r) => Object.values(r).join(' ')) },
          },
    );
  });

  await guard('sqlite', add, () => {
    const integrity = (db.pragma('integrity_check') as Array<Record<string, unknown>>).map((r) =>
      String(Object.values(r)[0]),
    );
    const fkErrors = db.pragma('foreign_key_check') as unknown[];
    add(
      integrity.length === 1 && integrity[0] === 'ok' && fkErrors.length === 0
        ? { check: 'sqlite', level: 'ok', message: 'The database structure is sound (integrity and foreign keys).' }
        : {
            check: 'sqlite',
            level: 'fail',
            message: 'The database structure is damaged.',
            details: { integrity: integrity.slice(0, 10), foreignKeyErrors: fkErrors.length },
          },
    );
  });

  await guard('schema', add, () => {
    const known = loadMigrations().length;
    const current = schemaVersion(db);
    add(
      current === known
        ? { check: 'schema', level: 'ok', message: `Schema version ${current} is current.` }
        : { check: 'schema', level: 'fail', message: `Schema version ${current} differs from this build's ${known}.` },
    );
  });

  await guard('audit-chain', add, () => {
    const chain = verifyAuditLog(db, vault.id, vault.identity.publicKey, (done) =>
      opts.onProgress?.({ check: 'audit-chain', done, total: 0 }),
    );
    const checkpoints = {
      count: chain.checkpoints.count,
      lastSeq: chain.checkpoints.lastSeq,
      problems: chain.checkpoints.problems.slice(0, 10).map(({ seq, problem }) => ({ seq, problem })),
    };
    add(
      chain.ok
        ? {
            check: 'audit-chain',
            level: 'ok',
            message: `The audit log's ${chain.entries} entries form an unbroken chain.`,
            details: { entries: chain.entries, headHash: chain.headHash, checkpoints },
          }
        : {
            check: 'audit-chain',
            level: 'fail',
            message: `The audit log is broken at entry ${chain.firstBrokenSeq}: ${chain.reason}.`,
            details: { firstBrokenSeq: chain.firstBrokenSeq, checkpoints },
          },
    );
  });

  let removed = 0;
  await guard('blobs', add, async () => {
    removed = await checkBlobs(vault, opts, add);
  });

  return {
    ok: findings.every((f) => f.level !== 'fail'),
    deep: !!opts.deep,
    repaired: { orphansRemoved: removed },
    findings,
  };
}

/**
 * A check that cannot even run (a page so damaged that the query fails) is itself a failure
 * to report, not a reason to stop: the other checks still tell the user what is intact.
 */
async function guard(check: string, add: (f: Finding) => void, fn: () => void | Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    const code = isVaultError(e) ? e.code : ((e as { code?: string }).code ?? 'ERROR');
    add({ check, level: 'fail', message: `This check could not run: the data it reads is damaged (${code}).` });
  }
}

async function checkBlobs(vault: Vault, opts: DoctorOptions, add: (f: Finding) => void): Promise<number> {
  const db = vault.db;
  const rows = all<{ id: string; size: number }>(db, sql`SELECT id, size FROM blobs ORDER BY id`);
  const named = new Set(rows.map((r) => r.id));
  const missing: string[] = [];
  const wrongSize: string[] = [];
  const unreadable: Array<{ blobId: string; code: string }> = [];
  let done = 0;
  for (const r of rows) {
    const actual = vault.blobs.fileSize(r.id);
    if (actual === null) missing.push(r.id);
    else if (actual !== expectedFileSize(Number(r.size))) wrongSize.push(r.id);
    else if (opts.deep) {
      try {
        for await (const _chunk of vault.blobs.get(r.id, { verifyHash: true })) {
          /* decrypting and hashing is the check */
        }
      } catch (e) {
        unreadable.push({ blobId: r.id, code: isVaultError(e) ? e.code : 'IO_ERROR' });
      }
    }
    opts.onProgress?.({ check: 'blobs', done: ++done, total: rows.length });
  }
  const blobProblems = missing.length + wrongSize.length + unreadable.length;
  add(
    blobProblems === 0
      ? {
          check: 'blobs',
          level: 'ok',
          message: opts.deep
            ? `All ${rows.length} evidence files decrypt and match their recorded SHA-256.`
            : `All ${rows.length} evidence files are present with the expected length.`,
        }
      : {
          check: 'blobs',
          level: 'fail',
          message: `${blobProblems} of ${rows.length} evidence files are missing, cut short or altered.`,
          details: { missing, wrongSize, unreadable },
        },
  );

  // orphans
  const orphans: string[] = [];
  for await (const f of vault.blobs.listFiles()) {
    if (f.blobId === null || !named.has(f.blobId)) orphans.push(path.relative(vault.dir, f.file));
  }
  let removed = 0;
  if (orphans.length > 0 && opts.repair) {
    for (const rel of orphans) {
      await fsp.rm(path.join(vault.dir, rel), { force: true, recursive: true });
      removed++;
    }
    db.transaction(() =>
      appendAudit(db, vault.id, { action: 'doctor.repaired', details: { orphansRemoved: removed } }),
    )();
  }
  add(
    orphans.length === 0
      ? { check: 'orphans', level: 'ok', message: 'No stray files under blobs/.' }
      : opts.repair
        ? {
            check: 'orphans',
            level: 'ok',
            message: `Removed ${removed} stray file(s) under blobs/ that no record named.`,
            details: { removed: orphans },
          }
        : {
            check: 'orphans',
            level: 'warn',
            message: `${orphans.length} stray file(s) under blobs/ are named by no record (left by an interrupted write). Run doctor --repair to remove them.`,
            details: { orphans },
          },
  );
  return removed;
}
