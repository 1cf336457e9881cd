/**
 * The recall ledger (table recall_notices, migrations/0006): notices this vault sent (status
 * 'sent', then 'delivered' when the partner's receipt came back) and notices it received and
 * applied ('applied'), newest first.
 */
import {
  ListRecallsQuery,
  RecallCounts,
  type RecallLedgerEntry,
  RecallReceiptFile,
  type RecallStatus,
} from '../../../../shared/domain/recall.js';
import { VaultError } from '../../../../shared/errors.js';
import { all, get, sql } from '../../db/sql.js';
import { type DomainContext, notFound, parseInput } from '../../domain/context.js';

interface Row {
  id: string;
  direction: 'sent' | 'received';
  partner_id: string | null;
  sender_vault: string;
  action: 'restrict' | 'erase';
  person_id: string;
  consent_id: string;
  bundles: number;
  records: number;
  status: RecallStatus;
  created_at: string;
  recorded_at: string;
  updated_at: string;
  receipt: string | null;
  counts: string | null;
}

function toEntry(r: Row): RecallLedgerEntry {
  return {
    id: r.id,
    direction: r.direction,
    partnerId: r.partner_id,
    senderVault: r.sender_vault,
    action: r.action,
    personId: r.person_id,
    consentId: r.consent_id,
    bundles: Number(r.bundles),
    records: Number(r.records),
    status: r.status,
    createdAt: r.created_at,
    recordedAt: r.recorded_at,
    updatedAt: r.updated_at,
    counts: r.counts === null ? null : RecallCounts.parse(JSON.parse(r.counts)),
  };
}

/** Sent and received recall notices, newest first; `direction` to see one side only. */
export function listRecalls(ctx: DomainContext, query: unknown = {}): RecallLedgerEntry[] {
  const q = parseInput(ListRecallsQuery, query);
  const rows = q.direction
    ? all<Row>(
        ctx.db,
        sql`SELECT * FROM recall_notices WHERE direction = ${q.direction} ORDER BY recorded_at DESC, id DESC`,
      )
    : all<Row>(ctx.db, sql`SELECT * FROM recall_notices ORDER BY recorded_at DESC, id DESC`);
  return rows.map(toEntry);
}

/** Our signed receipt for a notice we received and applied (to write out again for the sender). */
export function ourRecallReceipt(ctx: DomainContext, noticeId: string): RecallReceiptFile {
  const r = get<Row>(ctx.db, sql`SELECT * FROM recall_notices WHERE id = ${noticeId}`);
  if (!r) throw notFound('recall notice', noticeId);
  if (r.direction !== 'received' || r.receipt === null) {
    throw new VaultError(
      'NOT_FOUND',
      'This vault holds no receipt of its own for that recall notice: receipts are written for notices received here.',
    );
  }
  return RecallReceiptFile.parse(JSON.parse(r.receipt));
}
