/**
 * Evidence a partner described without sending its file (docs/bundle-format.md, "Evidence
 * without its file"): the bundle import keeps each such description, as received, in
 * received_evidence_metadata until a later bundle brings the file. This module only READS them,
 * for the CLI (`evidence received`) and the app (evidence.receivedDescriptions); nothing here
 * changes a row.
 *
 * The stored record is the sender's evidence record after their sharing profile (merged over
 * earlier descriptions of the same item by bundles/apply.ts). It is parsed again, strictly,
 * with the bundle wire schema (EvidenceRecord: unknown keys refused, every value of an exact
 * type, every field but the structural ones optional because the profile may have removed it),
 * and its structural keys must agree with the row's columns. A row that fails is VAULT_CORRUPT:
 * it is never shown raw, and the message names the item's id and the failing field, never a
 * value.
 */
import { EvidenceRecord } from '../../../shared/domain/bundles.js';
import {
  ListReceivedDescriptionsQuery,
  type ListReceivedDescriptionsQuery as ListReceivedDescriptionsQueryT,
  type ReceivedEvidenceDescription,
} from '../../../shared/domain/evidence.js';
import { VaultError } from '../../../shared/errors.js';
import { parseStrictJson } from '../bundles/strict-json.js';
import { requireCase } from '../cases/case-service.js';
import { all, type ReadableDB, sql, sqlIn } from '../db/sql.js';
import { type DomainContext, parseInput } from '../domain/context.js';

interface DescriptionRow {
  id: string;
  case_id: string;
  record: string;
  version: number | bigint;
  origin_vault: string;
  received_at: string;
}

interface PartnerByVault {
  vault_id: string;
  partner_id: string;
  name: string;
}

// Every key a received evidence record may carry has its place in the answer (the sender's
// `receivedAt` under `senderReceivedAt`): a key added to the wire schema but not to the answer
// fails to compile here.
type Unmapped = Exclude<keyof EvidenceRecord, keyof ReceivedEvidenceDescription>;
const _everyKeyMapped: [Unmapped] extends [never] ? true : { missing: Unmapped } = true;
void _everyKeyMapped;

function corrupt(id: string, why: string): VaultError {
  return new VaultError(
    'VAULT_CORRUPT',
    `The description of evidence item ${id} received from a partner is damaged (${why}); the database was changed by something other than Case Vault. It is not shown; restore the vault from a backup.`,
  );
}

/** The field a schema failure is about, by its path (never the value). */
function failingField(issues: ReadonlyArray<{ code: string; path: PropertyKey[] }>): string {
  const first = issues[0];
  if (!first) return 'its record does not match the evidence schema';
  if (first.code === 'unrecognized_keys') return 'its record has a field no bundle carries';
  return first.path.length > 0
    ? `its field ${first.path.map(String).join('.')} is not valid`
    : 'its record does not match the evidence schema';
}

/** The stored record, parsed strictly and checked against its row; VAULT_CORRUPT otherwise. */
function parseRow(row: DescriptionRow): EvidenceRecord {
  const json = parseStrictJson(new TextEncoder().encode(row.record));
  if (!json.ok) throw corrupt(row.id, `its record: ${json.problem}`);
  const parsed = EvidenceRecord.safeParse(json.value);
  if (!parsed.success) throw corrupt(row.id, failingField(parsed.error.issues));
  const rec = parsed.data;
  if (rec.id !== row.id) throw corrupt(row.id, 'its record names another item');
  if (rec.caseId !== row.case_id) throw corrupt(row.id, 'its record names another case');
  if (rec.originVault !== row.origin_vault) throw corrupt(row.id, 'its record names another origin');
  if (rec.version !== Number(row.version)) throw corrupt(row.id, 'its record has another version');
  return rec;
}

/**
 * The partner each origin vault belongs to: a partner one of whose keys names that vault
 * (a current key before a replaced one, then the most recently added).
 */
function partnersByVault(db: ReadableDB, vaults: readonly string[]): Map<string, { id: string; name: string }> {
  const out = new Map<string, { id: string; name: string }>();
  if (vaults.length === 0) return out;
  const rows = all<PartnerByVault>(
    db,
    sql`SELECT k.vault_id, p.id AS partner_id, p.name FROM partner_keys k JOIN partners p ON p.id = k.partner_id
        WHERE k.vault_id IN ${sqlIn(vaults)} ORDER BY k.vault_id, (k.status = 'replaced'), k.added_at DESC, k.id`,
  );
  for (const r of rows) if (!out.has(r.vault_id)) out.set(r.vault_id, { id: r.partner_id, name: r.name });
  return out;
}

function toDescription(
  row: DescriptionRow,
  rec: EvidenceRecord,
  partner: { id: string; name: string } | undefined,
): ReceivedEvidenceDescription {
  const { id, caseId, originVault, version, receivedAt: senderReceivedAt, ...shared } = rec;
  return {
    id,
    caseId,
    originVault,
    originPartner: partner ?? null,
    version,
    receivedAt: row.received_at,
    ...shared,
    ...(senderReceivedAt !== undefined ? { senderReceivedAt } : {}),
  };
}

/**
 * The descriptions of evidence received without its file, for one case, oldest arrival first.
 * NOT_FOUND when the case is not in this vault.
 */
export function listReceivedDescriptions(
  ctx: DomainContext,
  query: ListReceivedDescriptionsQueryT,
): ReceivedEvidenceDescription[] {
  const q = parseInput(ListReceivedDescriptionsQuery, query);
  requireCase(ctx.db, q.caseId);
  const rows = all<DescriptionRow>(
    ctx.db,
    sql`SELECT id, case_id, record, version, origin_vault, received_at FROM received_evidence_metadata WHERE case_id = ${q.caseId} ORDER BY received_at, id`,
  );
  const records = rows.map(parseRow);
  const partners = partnersByVault(ctx.db, [...new Set(rows.map((r) => r.origin_vault))]);
  return rows.map((row, i) => toDescription(row, records[i]!, partners.get(row.origin_vault)));
}
