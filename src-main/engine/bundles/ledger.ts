/**
 * The bundle ledger (table bundles): every bundle this vault sent or received, with the exact
 * signed manifest, its SHA-256, the status, and the receipt (sent: the partner's signed receipt;
 * received: the receipt we issued). Also the import conflicts: received versions of records that
 * were edited here too, kept until the user chooses.
 */
import { z } from 'zod';
import { Id } from '../../../shared/domain/common.js';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_MINOR,
  BUNDLE_RECORD_SCHEMAS,
  type BundleDetail,
  type BundleLedgerEntry,
  type BundleStatus,
  type ImportConflict,
  ListBundlesQuery,
  type ListBundlesQuery as ListBundlesQueryT,
  Manifest,
  RECEIPT_FORMAT,
  RECEIPT_FORMAT_MINOR,
  ReceiptFile,
  ResolveImportConflictInput,
  type ResolveImportConflictInput as ResolveImportConflictInputT,
} from '../../../shared/domain/bundles.js';
import type { SharingKind } from '../../../shared/domain/partners.js';
import { VaultError } from '../../../shared/errors.js';
import { all, get, run, sql, type SqlFragment, sqlJoin } from '../db/sql.js';
import { type DomainContext, mutate, notFound, nowIso, parseInput } from '../domain/context.js';
import { type AnyRecord, applyIncoming } from './apply.js';
import { parseStored } from './format-version.js';
import { RECORD_TABLE } from './record-tables.js';

export interface LedgerRowInput {
  id: string;
  direction: 'sent' | 'received';
  partnerId: string | null;
  senderVault: string;
  senderKey: Uint8Array;
  manifestSha256: string;
  manifestText: string;
  purpose: string;
  createdAt: string;
  expiresAt: string;
  status: BundleStatus;
  entries: number;
  bytes: number;
  recordedAt: string;
  receipt: string | null;
  quarantineBlob: string | null;
}

export interface LedgerRow {
  id: string;
  direction: 'sent' | 'received';
  partner_id: string | null;
  sender_vault: string;
  sender_key: Uint8Array;
  manifest_hash: Uint8Array;
  manifest: string;
  purpose: string;
  created_at: string;
  expires_at: string;
  status: BundleStatus;
  entries: number;
  bytes: number;
  recorded_at: string;
  updated_at: string;
  receipt: string | null;
  quarantine_blob: string | null;
}

/** Insert a ledger row (inside the caller's transaction). */
export function insertLedgerRow(ctx: DomainContext, r: LedgerRowInput): void {
  run(
    ctx.db,
    sql`INSERT INTO bundles (id, direction, partner_id, sender_vault, sender_key, manifest_hash, manifest, purpose, created_at, expires_at, status, entries, bytes, recorded_at, updated_at, receipt, quarantine_blob)
        VALUES (${r.id}, ${r.direction}, ${r.partnerId}, ${r.senderVault}, ${Buffer.from(r.senderKey)}, ${Buffer.from(r.manifestSha256, 'hex')}, ${r.manifestText}, ${r.purpose},
                ${r.createdAt}, ${r.expiresAt}, ${r.status}, ${r.entries}, ${r.bytes}, ${r.recordedAt}, ${r.recordedAt}, ${r.receipt}, ${r.quarantineBlob})`,
  );
}

export function ledgerRow(ctx: DomainContext, id: string): LedgerRow | undefined {
  return get<LedgerRow>(ctx.db, sql`SELECT * FROM bundles WHERE id = ${id}`);
}

function toEntry(r: LedgerRow): BundleLedgerEntry {
  return {
    id: r.id,
    direction: r.direction,
    partnerId: r.partner_id,
    senderVault: r.sender_vault,
    senderKey: Buffer.from(r.sender_key).toString('base64'),
    manifestSha256: Buffer.from(r.manifest_hash).toString('hex'),
    purpose: r.purpose,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    status: r.status,
    entries: Number(r.entries),
    bytes: Number(r.bytes),
    recordedAt: r.recorded_at,
    updatedAt: r.updated_at,
    hasReceipt: r.receipt !== null,
  };
}

/** The ledger, newest first; filtered by direction and/or status. */
export function listBundles(ctx: DomainContext, query: ListBundlesQueryT = {}): BundleLedgerEntry[] {
  const q = parseInput(ListBundlesQuery, query);
  const where: SqlFragment[] = [];
  if (q.direction) where.push(sql`direction = ${q.direction}`);
  if (q.status) where.push(sql`status = ${q.status}`);
  const whereSql = where.length ? sql` WHERE ${sqlJoin(where, ' AND ')}` : sql``;
  return all<LedgerRow>(ctx.db, sql`SELECT * FROM bundles${whereSql} ORDER BY recorded_at DESC, id DESC`).map(toEntry);
}

const IdArg = z.strictObject({ id: Id });

/** One ledger entry with its manifest and receipt. */
export function getBundle(ctx: DomainContext, id: string): BundleDetail {
  const bundleId = parseInput(IdArg, { id }).id;
  const r = ledgerRow(ctx, bundleId);
  if (!r) throw notFound('bundle', bundleId);
  // both are kept exactly as signed; a newer minor's members are left out of the answer
  const receiptJson = r.receipt === null ? null : (JSON.parse(r.receipt) as { receipt?: unknown });
  const receipt =
    receiptJson === null
      ? null
      : parseStored(ReceiptFile, receiptJson, {
          of: receiptJson.receipt,
          format: RECEIPT_FORMAT,
          readerMinor: RECEIPT_FORMAT_MINOR,
        });
  const manifestJson = JSON.parse(r.manifest) as unknown;
  const manifest = parseStored(Manifest, manifestJson, {
    of: manifestJson,
    format: BUNDLE_FORMAT,
    readerMinor: BUNDLE_FORMAT_MINOR,
  });
  return {
    ...toEntry(r),
    manifest: manifest.ok ? manifest.data : manifestJson,
    receipt: receipt?.ok ? receipt.data : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Import conflicts

interface ConflictRow {
  id: string;
  kind: SharingKind;
  record_id: string;
  bundle_id: string;
  incoming_version: number;
  local_version: number;
  incoming: string;
  detected_at: string;
  resolved_at: string | null;
  resolution: 'kept-local' | 'took-incoming' | null;
}

function toConflict(r: ConflictRow): ImportConflict {
  return {
    id: r.id,
    kind: r.kind,
    recordId: r.record_id,
    bundleId: r.bundle_id,
    incomingVersion: Number(r.incoming_version),
    localVersion: Number(r.local_version),
    detectedAt: r.detected_at,
    resolvedAt: r.resolved_at,
    resolution: r.resolution,
  };
}

/** Conflicts waiting for a decision (oldest first); with `all`, resolved ones too. */
export function listImportConflicts(ctx: DomainContext, opts: { all?: boolean } = {}): ImportConflict[] {
  const rows = opts.all
    ? all<ConflictRow>(ctx.db, sql`SELECT * FROM import_conflicts ORDER BY detected_at, id`)
    : all<ConflictRow>(ctx.db, sql`SELECT * FROM import_conflicts WHERE resolved_at IS NULL ORDER BY detected_at, id`);
  return rows.map(toConflict);
}

function currentVersion(ctx: DomainContext, kind: SharingKind, id: string): number | undefined {
  const q = sql`SELECT version FROM ${RECORD_TABLE[kind]} WHERE id = ${id}`;
  const v = get<{ version: number }>(ctx.db, q)?.version;
  return v === undefined ? undefined : Number(v);
}

/**
 * Decide a conflict. kept-local: the local row stays; the incoming version counts as seen (a
 * later bundle with a newer version is compared again). took-incoming: the incoming record is
 * written over the local row as a new local version. If the local row changed again since the
 * conflict was found, taking the incoming side is refused (CONFLICT): look at it again.
 */
export function resolveImportConflict(ctx: DomainContext, input: ResolveImportConflictInputT): ImportConflict {
  const p = parseInput(ResolveImportConflictInput, input);
  return mutate(ctx, (audit) => {
    const row = get<ConflictRow>(ctx.db, sql`SELECT * FROM import_conflicts WHERE id = ${p.id}`);
    if (!row) throw notFound('import conflict', p.id);
    if (row.resolved_at !== null)
      throw new VaultError(
        'INVALID_TRANSITION',
        `This conflict was already resolved (${row.resolution ?? ''}, ${row.resolved_at}).`,
      );
    const at = nowIso(ctx);
    const local = currentVersion(ctx, row.kind, row.record_id);
    if (local === undefined) throw notFound(`${row.kind} record`, row.record_id);
    if (p.resolution === 'took-incoming') {
      if (local !== Number(row.local_version)) {
        throw new VaultError(
          'CONFLICT',
          `The local record changed again since this conflict was found (version ${local}, was ${Number(row.local_version)}). Look at it again before taking the incoming version.`,
        );
      }
      const record = BUNDLE_RECORD_SCHEMAS[row.kind].parse(JSON.parse(row.incoming)) as AnyRecord['record'];
      const sender = get<{ sender_vault: string; partner_id: string | null }>(
        ctx.db,
        sql`SELECT sender_vault, partner_id FROM bundles WHERE id = ${row.bundle_id}`,
      );
      applyIncoming(
        {
          ctx,
          bundleId: row.bundle_id,
          senderVault: sender?.sender_vault ?? '',
          senderPartner: sender?.partner_id ?? null,
          at,
          audit,
          files: new Map(),
        },
        { kind: row.kind, record } as AnyRecord,
        local,
      );
    } else {
      run(
        ctx.db,
        sql`UPDATE received_records SET received_version = max(received_version, ${Number(row.incoming_version)}) WHERE kind = ${row.kind} AND record_id = ${row.record_id}`,
      );
    }
    run(
      ctx.db,
      sql`UPDATE import_conflicts SET resolved_at = ${at}, resolution = ${p.resolution} WHERE id = ${row.id}`,
    );
    audit({
      action: 'bundle.conflict-resolved',
      subject: { kind: row.kind, id: row.record_id },
      details: { conflictId: row.id, bundleId: row.bundle_id, resolution: p.resolution },
    });
    return toConflict(get<ConflictRow>(ctx.db, sql`SELECT * FROM import_conflicts WHERE id = ${row.id}`)!);
  });
}
