/**
 * The chain of custody of each evidence item: append-only, hash-chained per item.
 *
 * Chain:   hash_n = SHA-256(prev_hash_n || canonical_n),   prev_hash_n = hash_{n-1}
 * Genesis: prev_hash_1 = SHA-256("case-vault/custody/v1\0" || evidence id), so that an item's
 *          log cannot be passed off as another item's.
 * canonical_n is canonicalJson({ evidenceId, at, actor, action, details }) in UTF-8.
 *
 * Triggers refuse UPDATE and DELETE on custody_events. The chain catches an event edited or
 * removed from the middle with the key in hand; removing the *last* events leaves a shorter but
 * valid chain, so each custody event the evidence service appends also puts its hash into the
 * audit-log entry written in the same transaction (details.custodyHash), and verification
 * checks that every hash the audit log names is still in the item's chain.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../../../shared/canonical-json.js';
import type { CustodyAction, CustodyChainVerdict, CustodyEvent } from '../../../shared/domain/evidence.js';
import { LOCAL_ACTOR } from '../audit/audit-log.js';
import { all, get, run, sql, type ReadableDB } from '../db/sql.js';
import { type DomainContext, nowIso } from '../domain/context.js';

export type CustodyDetails = { [key: string]: JsonValue };

export function custodyGenesis(evidenceId: string): Buffer {
  return createHash('sha256').update(`case-vault/custody/v1\0${evidenceId}`, 'utf8').digest();
}

export function custodyHash(
  prevHash: Uint8Array,
  e: { evidenceId: string; at: string; actor: string; action: string; details: CustodyDetails },
): Buffer {
  const canonical = canonicalJson({
    evidenceId: e.evidenceId,
    at: e.at,
    actor: e.actor,
    action: e.action,
    details: e.details,
  });
  return createHash('sha256').update(prevHash).update(canonical, 'utf8').digest();
}

interface CustodyRow {
  seq: number;
  evidence_id: string;
  at: string;
  actor: string;
  action: CustodyAction;
  details: string;
  prev_hash: Uint8Array;
  hash: Uint8Array;
}

function toEvent(r: CustodyRow): CustodyEvent {
  return {
    seq: r.seq,
    evidenceId: r.evidence_id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    details: JSON.parse(r.details) as CustodyDetails,
    prevHash: Buffer.from(r.prev_hash).toString('hex'),
    hash: Buffer.from(r.hash).toString('hex'),
  };
}

/**
 * Append one custody event to an item's chain and return it. Call it inside the transaction of
 * the action it records (bundle export and import do: action 'shared'); on its own it still
 * runs in a transaction of its own (a savepoint when nested) so the chain is never forked.
 * Details are part of the legal record; keep them to ids, hashes, sizes, codes and short reasons.
 * The actor is the vault owner, except for an item's arrival from a partner, which names the
 * sender.
 */
export function appendCustodyEvent(
  ctx: DomainContext,
  evidenceId: string,
  action: CustodyAction,
  details: CustodyDetails = {},
  actor: string = LOCAL_ACTOR,
): CustodyEvent {
  const db = ctx.db;
  return db.transaction(() => {
    const last = get<{ hash: Uint8Array }>(
      db,
      sql`SELECT hash FROM custody_events WHERE evidence_id = ${evidenceId} ORDER BY seq DESC LIMIT 1`,
    );
    const prev = last ? Buffer.from(last.hash) : custodyGenesis(evidenceId);
    const at = nowIso(ctx);
    const hash = custodyHash(prev, { evidenceId, at, actor, action, details });
    const res = run(
      db,
      sql`INSERT INTO custody_events (evidence_id, at, actor, action, details, prev_hash, hash)
          VALUES (${evidenceId}, ${at}, ${actor}, ${action}, ${canonicalJson(details)}, ${prev}, ${hash})`,
    );
    return {
      seq: Number(res.lastInsertRowid),
      evidenceId,
      at,
      actor,
      action,
      details,
      prevHash: prev.toString('hex'),
      hash: hash.toString('hex'),
    };
  })();
}

export function listCustodyEvents(db: ReadableDB, evidenceId: string): CustodyEvent[] {
  return all<CustodyRow>(db, sql`SELECT * FROM custody_events WHERE evidence_id = ${evidenceId} ORDER BY seq`).map(
    toEvent,
  );
}

/**
 * Recompute an item's chain from its genesis and name the first event at which it breaks;
 * then check that every custody hash the audit log recorded for the item is still in it
 * (which catches events removed from the end).
 */
export function verifyCustodyChain(db: ReadableDB, evidenceId: string): CustodyChainVerdict {
  const rows = all<CustodyRow>(db, sql`SELECT * FROM custody_events WHERE evidence_id = ${evidenceId} ORDER BY seq`);
  let prev = custodyGenesis(evidenceId);
  const seen = new Set<string>();
  let count = 0;
  for (const r of rows) {
    const fail = (reason: string): CustodyChainVerdict => ({ ok: false, events: count, brokenAt: r.seq, reason });
    if (!Buffer.from(r.prev_hash).equals(prev))
      return fail(
        `custody event ${r.seq} does not follow the event before it (an event was removed, reordered or inserted)`,
      );
    let details: CustodyDetails;
    try {
      details = JSON.parse(r.details) as CustodyDetails;
    } catch {
      return fail(`custody event ${r.seq} has unreadable details`);
    }
    const h = custodyHash(prev, { evidenceId: r.evidence_id, at: r.at, actor: r.actor, action: r.action, details });
    if (!h.equals(Buffer.from(r.hash)))
      return fail(`custody event ${r.seq} was altered after it was written (its hash does not match)`);
    prev = h;
    seen.add(h.toString('hex'));
    count++;
  }
  // The audit log has no index on its subject; this scan is the price of catching a cut tail.
  const audited = all<{ seq: number; details: string }>(
    db,
    sql`SELECT seq, details FROM audit_log WHERE subject_kind = 'evidence' AND subject_id = ${evidenceId} ORDER BY seq`,
  );
  for (const a of audited) {
    let recorded: unknown;
    try {
      recorded = (JSON.parse(a.details) as { custodyHash?: unknown }).custodyHash;
    } catch {
      continue; // the audit chain check (doctor) reports unreadable audit entries
    }
    if (typeof recorded === 'string' && !seen.has(recorded)) {
      return {
        ok: false,
        events: count,
        brokenAt: null,
        reason: `a custody event recorded in audit entry ${a.seq} is missing from the custody log (events were removed)`,
      };
    }
  }
  return { ok: true, events: count };
}
