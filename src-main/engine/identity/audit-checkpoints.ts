/**
 * Signed audit checkpoints. The audit log's hash chain (engine/audit/audit-log.ts) shows that
 * no entry was changed in place; it cannot show that the whole chain was not recomputed by
 * someone holding the database key. A checkpoint closes that gap: the vault's identity key
 * (sealed with the master key, never in the database in clear) signs the hash of the newest
 * entry, so a rewritten or truncated chain no longer matches a signature its author could not
 * make again.
 *
 * Row (table audit_checkpoints, append-only): seq, hash (32 bytes, the entry's chain hash), at,
 * public_key (33 bytes), signature (64 bytes) where
 *
 *   signature = XEdDSA_sign(identity key, SHA-256("case-vault/audit-checkpoint/v1" ‖ 0x00 ‖
 *                 canonicalJson({"hash": "<hex of the entry hash>", "seq": <seq>, "vaultId": "<vault id>"})))
 *
 * When: on lock (before the database closes), and inside a mutation's transaction once
 * CHECKPOINT_INTERVAL entries or more were appended since the last checkpoint. Each costs one
 * signature (~0.1 ms) and one row.
 *
 * What it does not do: a checkpoint cannot stop the LAST entries after the newest checkpoint
 * (or whole checkpoints) from being deleted by someone with the database key; it makes the
 * deletion of anything older visible. docs/security.md says so.
 */
import { canonicalJson } from '../../../shared/canonical-json.js';
import { verifyAuditChain, type ChainVerdict } from '../audit/audit-log.js';
import { all, get, pluck, run, sql, type ReadableDB, type WritableDB } from '../db/sql.js';
import { isoNow } from '../util/ids.js';
import { type VaultIdentityKeys, verifySignature } from './vault-identity.js';

/** A mutation checkpoints the log once this many entries have been added since the last one. */
export const CHECKPOINT_INTERVAL = 100;

export function checkpointBytes(vaultId: string, seq: number, hash: Uint8Array): Buffer {
  return Buffer.from(canonicalJson({ vaultId, seq, hash: Buffer.from(hash).toString('hex') }), 'utf8');
}

const tableKnown = new WeakMap<object, boolean>();

/** Whether the database has audit_checkpoints (schema 3 and later); cached per handle. */
function hasCheckpointTable(db: ReadableDB): boolean {
  let known = tableKnown.get(db);
  if (known === undefined) {
    known =
      pluck<number>(db, sql`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_checkpoints'`) ===
      1;
    // Only a positive answer is cached: an older database gains the table when it is migrated.
    if (known) tableKnown.set(db, known);
  }
  return known;
}

export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  publicKey: string;
  signature: string;
}

/**
 * Sign the newest audit entry when it is newer than the last checkpoint. Returns the new
 * checkpoint, or null when there was nothing to sign. Runs in its own transaction (or as a
 * savepoint of the caller's).
 */
export function writeCheckpoint(db: WritableDB, identity: VaultIdentityKeys): Checkpoint | null {
  if (!hasCheckpointTable(db)) return null;
  return db.transaction(() => {
    const head = get<{ seq: number; hash: Uint8Array }>(
      db,
      sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`,
    );
    if (!head) return null;
    const last = pluck<number | null>(db, sql`SELECT max(seq) FROM audit_checkpoints`) ?? 0;
    if (head.seq <= last) return null;
    const signature = identity.sign('auditCheckpoint', checkpointBytes(identity.vaultId, head.seq, head.hash));
    const at = isoNow();
    run(
      db,
      sql`INSERT INTO audit_checkpoints (seq, hash, at, public_key, signature) VALUES (${head.seq}, ${Buffer.from(head.hash)}, ${at}, ${identity.publicKey}, ${signature})`,
    );
    return {
      seq: head.seq,
      hash: Buffer.from(head.hash).toString('hex'),
      at,
      publicKey: identity.publicKey.toString('base64'),
      signature: signature.toString('base64'),
    };
  })();
}

/**
 * The mutation hook: a checkpoint when CHECKPOINT_INTERVAL entries or more are unsigned. Two
 * primary-key lookups when nothing is due. `identity` is asked for only then.
 */
export function checkpointIfDue(db: WritableDB, identity: () => VaultIdentityKeys | null): Checkpoint | null {
  if (!hasCheckpointTable(db)) return null;
  const head = pluck<number | null>(db, sql`SELECT max(seq) FROM audit_log`) ?? 0;
  const last = pluck<number | null>(db, sql`SELECT max(seq) FROM audit_checkpoints`) ?? 0;
  if (head - last < CHECKPOINT_INTERVAL) return null;
  const keys = identity();
  return keys ? writeCheckpoint(db, keys) : null;
}

export const CHECKPOINT_PROBLEMS = ['foreign-key', 'bad-signature', 'missing-entry', 'hash-mismatch'] as const;
export type CheckpointProblemKind = (typeof CHECKPOINT_PROBLEMS)[number];

export interface CheckpointProblem {
  seq: number;
  problem: CheckpointProblemKind;
  message: string;
}

export interface CheckpointReport {
  /** how many checkpoints there are */
  count: number;
  /** the newest checkpointed entry, or null */
  lastSeq: number | null;
  problems: CheckpointProblem[];
}

/**
 * Check every checkpoint: signed by `publicKey` (this vault's key, which the unlock has
 * authenticated), the signature valid, and the entry it names still there with the same hash.
 */
export function verifyCheckpoints(db: ReadableDB, vaultId: string, publicKey: Uint8Array): CheckpointReport {
  if (!hasCheckpointTable(db)) return { count: 0, lastSeq: null, problems: [] };
  const key = Buffer.from(publicKey);
  const problems: CheckpointProblem[] = [];
  let count = 0;
  let lastSeq: number | null = null;
  const PAGE = 5000;
  let after = 0;
  for (;;) {
    const rows = all<{
      seq: number;
      hash: Uint8Array;
      public_key: Uint8Array;
      signature: Uint8Array;
      entry_hash: Uint8Array | null;
    }>(
      db,
      sql`SELECT c.seq, c.hash, c.public_key, c.signature, a.hash AS entry_hash
          FROM audit_checkpoints c LEFT JOIN audit_log a ON a.seq = c.seq
          WHERE c.seq > ${after} ORDER BY c.seq LIMIT ${PAGE}`,
    );
    for (const r of rows) {
      count++;
      lastSeq = r.seq;
      after = r.seq;
      if (!key.equals(Buffer.from(r.public_key))) {
        problems.push({
          seq: r.seq,
          problem: 'foreign-key',
          message: `the checkpoint at entry ${r.seq} was signed by a key other than this vault's`,
        });
      } else if (!verifySignature(key, 'auditCheckpoint', checkpointBytes(vaultId, r.seq, r.hash), r.signature)) {
        problems.push({
          seq: r.seq,
          problem: 'bad-signature',
          message: `the checkpoint at entry ${r.seq} has a signature that does not verify`,
        });
      } else if (r.entry_hash === null) {
        problems.push({
          seq: r.seq,
          problem: 'missing-entry',
          message: `entry ${r.seq}, which a signed checkpoint covers, is missing`,
        });
      } else if (!Buffer.from(r.entry_hash).equals(Buffer.from(r.hash))) {
        problems.push({
          seq: r.seq,
          problem: 'hash-mismatch',
          message: `entry ${r.seq} no longer has the hash its signed checkpoint records (the log was rewritten)`,
        });
      }
    }
    if (rows.length < PAGE) break;
  }
  return { count, lastSeq, problems };
}

export type CheckedChainVerdict = ChainVerdict & { checkpoints: CheckpointReport };

/**
 * The audit chain from its genesis, then its signed checkpoints. A chain that holds together
 * but contradicts a checkpoint is broken at the first such checkpoint.
 */
export function verifyAuditLog(
  db: ReadableDB,
  vaultId: string,
  publicKey: Uint8Array | null,
  onProgress?: (done: number) => void,
): CheckedChainVerdict {
  const chain = verifyAuditChain(db, vaultId, onProgress);
  const checkpoints = publicKey ? verifyCheckpoints(db, vaultId, publicKey) : { count: 0, lastSeq: null, problems: [] };
  if (chain.ok && checkpoints.problems.length > 0) {
    const first = checkpoints.problems[0]!;
    return { ok: false, entries: chain.entries, firstBrokenSeq: first.seq, reason: first.message, checkpoints };
  }
  return { ...chain, checkpoints };
}
