/**
 * The audit log: every mutation of the vault appends one entry, in the same transaction as the
 * mutation, so that there is never a change without its entry or an entry without its change.
 *
 * Chain:   hash_n = SHA-256(prev_hash_n || canonical_n),   prev_hash_n = hash_{n-1}
 * Genesis: prev_hash_1 = SHA-256("case-vault/audit/v1\0" || vault id), binding the chain to
 *          its vault so that a log cannot be transplanted from another one.
 * canonical_n is canonicalJson({ seq, at, actor, action, subject: {kind, id} | null, details })
 * in UTF-8. seq starts at 1 and has no gaps. Triggers refuse UPDATE and DELETE; the chain is
 * what catches someone who edits the file with the key in hand.
 *
 * Details must carry identifiers and field names, never record contents: the log is inside
 * the encrypted database, but it is shown to auditors who need not read survivors' data.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../../../shared/canonical-json.js';
import { all, get, run, sql, type ReadableDB, type WritableDB } from '../db/sql.js';
import { isoNow } from '../util/ids.js';

export interface AuditInput {
  action: string;
  subject?: { kind: string; id: string } | null;
  details?: { [key: string]: JsonValue };
  actor?: string;
  at?: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: { kind: string; id: string } | null;
  details: { [key: string]: JsonValue };
  prevHash: string;
  hash: string;
}

/** The local owner of the vault. Multi-user vaults would name the user here. */
export const LOCAL_ACTOR = 'vault-owner';

export function genesisHash(vaultId: string): Buffer {
  return createHash('sha256').update(`case-vault/audit/v1\0${vaultId}`, 'utf8').digest();
}

function canonicalEntry(e: Pick<AuditEntry, 'seq' | 'at' | 'actor' | 'action' | 'subject' | 'details'>): string {
  return canonicalJson({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    details: e.details,
  });
}

export function chainHash(
  prevHash: Uint8Array,
  e: Pick<AuditEntry, 'seq' | 'at' | 'actor' | 'action' | 'subject' | 'details'>,
): Buffer {
  return createHash('sha256').update(prevHash).update(canonicalEntry(e), 'utf8').digest();
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject_kind: string | null;
  subject_id: string | null;
  details: string;
  prev_hash: Uint8Array;
  hash: Uint8Array;
}

/** Append one entry. Call it inside the transaction of the mutation it records. */
export function appendAudit(db: WritableDB, vaultId: string, input: AuditInput): AuditEntry {
  const last = get<{ seq: number; hash: Uint8Array }>(
    db,
    sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`,
  );
  const prev = last ? Buffer.from(last.hash) : genesisHash(vaultId);
  const entry = {
    seq: (last?.seq ?? 0) + 1,
    at: input.at ?? isoNow(),
    actor: input.actor ?? LOCAL_ACTOR,
    action: input.action,
    subject: input.subject ?? null,
    details: input.details ?? {},
  };
  const hash = chainHash(prev, entry);
  run(
    db,
    sql`INSERT INTO audit_log (seq, at, actor, action, subject_kind, subject_id, details, prev_hash, hash)
        VALUES (${entry.seq}, ${entry.at}, ${entry.actor}, ${entry.action}, ${entry.subject?.kind ?? null},
                ${entry.subject?.id ?? null}, ${canonicalJson(entry.details)}, ${prev}, ${hash})`,
  );
  return { ...entry, prevHash: prev.toString('hex'), hash: hash.toString('hex') };
}

function rowToEntry(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    subject: r.subject_kind !== null && r.subject_id !== null ? { kind: r.subject_kind, id: r.subject_id } : null,
    details: JSON.parse(r.details) as AuditEntry['details'],
    prevHash: Buffer.from(r.prev_hash).toString('hex'),
    hash: Buffer.from(r.hash).toString('hex'),
  };
}

export function listAudit(db: ReadableDB, opts: { afterSeq?: number; limit?: number } = {}): AuditEntry[] {
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 1000);
  return all<AuditRow>(
    db,
    sql`SELECT * FROM audit_log WHERE seq > ${opts.afterSeq ?? 0} ORDER BY seq LIMIT ${limit}`,
  ).map(rowToEntry);
}

/** Newest first, a page at a time, optionally for one subject (the audit viewer). */
export function listAuditPage(
  db: ReadableDB,
  opts: { limit: number; offset: number; subject?: { kind: string; id: string } },
): { items: AuditEntry[]; total: number; limit: number; offset: number } {
  const { limit, offset, subject } = opts;
  const rows = subject
    ? all<AuditRow>(
        db,
        sql`SELECT * FROM audit_log WHERE subject_kind = ${subject.kind} AND subject_id = ${subject.id} ORDER BY seq DESC LIMIT ${limit} OFFSET ${offset}`,
      )
    : all<AuditRow>(db, sql`SELECT * FROM audit_log ORDER BY seq DESC LIMIT ${limit} OFFSET ${offset}`);
  const total = subject
    ? Number(
        get<{ n: number }>(
          db,
          sql`SELECT count(*) AS n FROM audit_log WHERE subject_kind = ${subject.kind} AND subject_id = ${subject.id}`,
        )?.n ?? 0,
      )
    : countAudit(db);
  return { items: rows.map(rowToEntry), total, limit, offset };
}

export function countAudit(db: ReadableDB): number {
  return Number(get<{ n: number }>(db, sql`SELECT count(*) AS n FROM audit_log`)?.n ?? 0);
}

export type ChainVerdict =
  | { ok: true; entries: number; headHash: string | null }
  | { ok: false; entries: number; firstBrokenSeq: number; reason: string };

/**
 * Recompute the chain from the genesis. Reads in pages so that a long log needs flat memory.
 * Names the first entry at which the chain breaks and why.
 */
export function verifyAuditChain(db: ReadableDB, vaultId: string, onProgress?: (done: number) => void): ChainVerdict {
  let prev = genesisHash(vaultId);
  let expectedSeq = 1;
  const PAGE = 5000;
  for (;;) {
    const rows = all<AuditRow>(db, sql`SELECT * FROM audit_log WHERE seq >= ${expectedSeq} ORDER BY seq LIMIT ${PAGE}`);
    for (const r of rows) {
      const fail = (reason: string): ChainVerdict => ({
        ok: false,
        entries: expectedSeq - 1,
        firstBrokenSeq: expectedSeq,
        reason,
      });
      if (r.seq !== expectedSeq) return fail(`entry ${expectedSeq} is missing (the next one is ${r.seq})`);
      if (!Buffer.from(r.prev_hash).equals(prev)) return fail(`entry ${r.seq} does not link to the entry before it`);
      let details: AuditEntry['details'];
      try {
        details = JSON.parse(r.details) as AuditEntry['details'];
      } catch {
        return fail(`entry ${r.seq} has unreadable details`);
      }
      const subject =
        r.subject_kind !== null && r.subject_id !== null ? { kind: r.subject_kind, id: r.subject_id } : null;
      const h = chainHash(prev, { seq: r.seq, at: r.at, actor: r.actor, action: r.action, subject, details });
      if (!h.equals(Buffer.from(r.hash)))
        return fail(`entry ${r.seq} was altered after it was written (its hash does not match)`);
      prev = h;
      expectedSeq++;
    }
    onProgress?.(expectedSeq - 1);
    if (rows.length < PAGE) break;
  }
  const entries = expectedSeq - 1;
  return { ok: true, entries, headHash: entries > 0 ? prev.toString('hex') : null };
}
