/**
 * What the Team screen and the home screen show of team sync: per member, when a bundle was last
 * received from it and written for it (from the audit log: sync.imported / sync.exported), how
 * many changes made here it has not acknowledged; the open conflicts, and the cases they touch
 * (a conflict on a case, or on a record of a case: a note, a deadline, an outcome…).
 */
import { all, get, sql } from '../db/sql.js';
import type { DomainContext } from '../domain/context.js';
import { SYNC_KINDS } from './kinds.js';
import { listTeamMembers } from './members.js';
import { SqlFragment } from '../db/sql.js';

export interface SyncMemberStatus {
  id: string;
  name: string;
  /** the name the member's contact card gives (a person or laptop: every member shares the organisation's name) */
  cardName: string | null;
  vaultId: string;
  keyStatus: 'unverified' | 'verified' | 'replaced' | null;
  removedAt: string | null;
  lastReceivedAt: string | null;
  lastSentAt: string | null;
  /** changes made here the member has not acknowledged */
  pending: number;
}

export interface SyncStatus {
  members: SyncMemberStatus[];
  /** the latest bundle received or written, with any member */
  lastSyncAt: string | null;
  openConflicts: number;
  /** cases with an open conflict on the case or one of its records */
  conflictCaseIds: string[];
}

function lastAudit(ctx: DomainContext, action: string, memberId: string): string | null {
  return (
    get<{ at: string | null }>(
      ctx.db,
      sql`SELECT max(at) AS at FROM audit_log WHERE action = ${action} AND subject_kind = 'team-member' AND subject_id = ${memberId}`,
    )?.at ?? null
  );
}

/** The case an open conflict is on: the record itself, or its case_id. */
function caseOf(ctx: DomainContext, kind: string, recordId: string): string | null {
  if (kind === 'cases') return recordId;
  const k = SYNC_KINDS.get(kind);
  if (!k || k.shape !== 'record' || !k.columns.includes('case_id')) return null;
  return (
    get<{ case_id: string | null }>(ctx.db, new SqlFragment(`SELECT case_id FROM ${k.name} WHERE id = ?`, [recordId]))
      ?.case_id ?? null
  );
}

export function syncStatus(ctx: DomainContext): SyncStatus {
  const members = listTeamMembers(ctx).map((m) => {
    const pending = Number(
      get<{ n: number }>(
        ctx.db,
        sql`SELECT count(*) AS n FROM sync_changes WHERE origin = ${ctx.vaultId} AND origin_seq > ${m.acknowledged}`,
      )?.n ?? 0,
    );
    const cardName =
      get<{ name: string }>(
        ctx.db,
        sql`SELECT name FROM partner_keys WHERE partner_id = ${m.id} AND vault_id = ${m.vaultId} ORDER BY added_at DESC LIMIT 1`,
      )?.name ?? null;
    return {
      id: m.id,
      name: m.name,
      cardName,
      vaultId: m.vaultId,
      keyStatus: m.keyStatus,
      removedAt: m.removedAt,
      lastReceivedAt: lastAudit(ctx, 'sync.imported', m.id),
      lastSentAt: lastAudit(ctx, 'sync.exported', m.id),
      pending: m.removedAt ? 0 : pending,
    };
  });
  const open = all<{ kind: string; record_id: string }>(
    ctx.db,
    sql`SELECT kind, record_id FROM sync_conflicts WHERE resolved_at IS NULL`,
  );
  const cases = new Set<string>();
  for (const c of open) {
    const id = caseOf(ctx, c.kind, c.record_id);
    if (id) cases.add(id);
  }
  const times = members.flatMap((m) => [m.lastReceivedAt, m.lastSentAt]).filter((t): t is string => t !== null);
  return {
    members,
    lastSyncAt: times.length > 0 ? times.sort().at(-1)! : null,
    openConflicts: open.length,
    conflictCaseIds: [...cases].sort(),
  };
}
