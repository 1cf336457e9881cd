/**
 * Team sync: exporting and importing sync bundles, the conflicts, and the erasure hook
 * (docs/team-sync.md).
 *
 *   exportSync   every change made here that the member has not acknowledged, with this
 *                vault's acknowledgements, to a NEW file encrypted to the member's verified key
 *   importSync   a member's bundle: checked (bundle.ts), its acknowledgements recorded, its
 *                changes merged (merge.ts), in one transaction with the audit entry
 *   listConflicts / resolveConflict
 *   purgeChangesFor  the hook erasure calls: the change-log rows that hold a record's values
 */
import { z } from 'zod';
import { VaultError } from '../../../shared/errors.js';
import { all, get, run, sql, type WritableDB } from '../db/sql.js';
import { SqlFragment } from '../db/sql.js';
import { type DomainContext, mutate, nowIso, parseInput } from '../domain/context.js';
import { contactCardOf } from '../identity/contact-card.js';
import { verifySignature } from '../identity/vault-identity.js';
import { X25519Recipient } from '../age/index.js';
import { uuidv7 } from '../util/ids.js';
import { checkNewFileTarget } from '../util/new-file.js';
import {
  checkChanges,
  readSyncFile,
  SYNC_FORMAT,
  SYNC_FORMAT_VERSION,
  type SyncDocument,
  writeSyncFile,
} from './bundle.js';
import { HLC_SQL, TICK, muted, unmuted } from './capture.js';
import { afterErasures, eraseForTeamSync } from '../erasure/erasure-service.js';
import { ERASURE_KIND, PURGED_KIND, SYNC_KINDS, columnsOf } from './kinds.js';
import {
  BLANK_CHANGE,
  blankChangesOf,
  type FieldMap,
  type FieldValue,
  type MergeCounts,
  type SyncChange,
  changeBytes,
  changeOf,
  clockOrder,
  type Eraser,
  mergeChanges,
} from './merge.js';
import { requireActiveMember } from './members.js';

const PathText = z
  .string()
  .min(1)
  .max(4096)
  .refine((s) => !s.includes('\0'), 'must not contain a NUL character');

const ExportInput = z.strictObject({ to: z.string().min(1).max(100), out: PathText });

export interface SyncExportResult {
  bundleId: string;
  memberId: string;
  file: string;
  changes: number;
  bytes: number;
}

function memberByIdOrVault(ctx: DomainContext, to: string): string {
  const r = get<{ vault_id: string }>(
    ctx.db,
    sql`SELECT vault_id FROM team_members WHERE partner_id = ${to} OR vault_id = ${to}`,
  );
  if (!r) throw new VaultError('SYNC_MEMBER_UNKNOWN', `No team member with id ${to} in this vault (team list).`);
  return r.vault_id;
}

interface ChangeRowLite {
  origin: string;
  origin_seq: number;
  hlc: string;
  kind: string;
  record_id: string;
  op: 'insert' | 'update' | 'delete';
  fields: string;
  previous: string;
  resolves: string | null;
  sig: string | null;
}

/**
 * Sign every change made here that is not signed yet (new ones, and the blank placeholders an
 * erasure leaves): the origin's signature lets members relay it (docs/team-sync.md "Relaying").
 */
function signOwnChanges(ctx: DomainContext): void {
  const unsigned = all<ChangeRowLite & { seq: number }>(
    ctx.db,
    sql`SELECT c.seq, origin, origin_seq, hlc, kind, record_id, op, fields, previous, resolves, NULL AS sig
          FROM sync_changes c LEFT JOIN sync_change_sigs s ON s.seq = c.seq
         WHERE origin = ${ctx.vaultId} AND s.seq IS NULL ORDER BY c.seq`,
  );
  if (unsigned.length === 0) return;
  mutate(ctx, () => {
    for (const r of unsigned) {
      const sig = ctx.identity.sign('syncChange', changeBytes(changeOf({ ...r, state: 'applied' }))).toString('base64');
      run(ctx.db, sql`INSERT INTO sync_change_sigs (seq, sig) VALUES (${r.seq}, ${sig})`);
    }
    return [];
  });
}

/**
 * The changes of a bundle that this vault may store: the signer's own (a signature, when there
 * is one, must be the signer's), and changes the signer relays, each signed by its origin — a
 * verified member here, with a key verified here (the current one, or one it replaced). A relayed
 * change without a valid signature is a forgery: the whole bundle is refused. A relayed change of
 * a vault that is not a verified member here, or of this vault itself, is left out (counted).
 */
function admitted(ctx: DomainContext, signer: { vaultId: string; key: Uint8Array }, changes: readonly SyncChange[]) {
  const keysOf = new Map<string, Buffer[] | null>();
  const keys = (origin: string): Buffer[] | null => {
    if (!keysOf.has(origin)) {
      const m = get<{ partner_id: string; removed_at: string | null }>(
        ctx.db,
        sql`SELECT partner_id, removed_at FROM team_members WHERE vault_id = ${origin}`,
      );
      const ks =
        m && !m.removed_at
          ? all<{ public_key: Uint8Array }>(
              ctx.db,
              sql`SELECT public_key FROM partner_keys WHERE partner_id = ${m.partner_id} AND vault_id = ${origin}
                   AND (status = 'verified' OR (status = 'replaced' AND verified_at IS NOT NULL))`,
            ).map((k) => Buffer.from(k.public_key))
          : [];
      keysOf.set(origin, ks.length > 0 ? ks : null);
    }
    return keysOf.get(origin)!;
  };
  const kept: SyncChange[] = [];
  let skipped = 0;
  for (const c of changes) {
    const bytes = () => changeBytes(c);
    if (c.origin === signer.vaultId) {
      if (c.sig !== undefined && !verifySignature(signer.key, 'syncChange', bytes(), Buffer.from(c.sig, 'base64')))
        throw forged(c.origin);
      kept.push(c);
      continue;
    }
    const ks = c.origin === ctx.vaultId ? null : keys(c.origin);
    if (ks === null) {
      skipped++;
      continue;
    }
    if (
      c.sig === undefined ||
      !ks.some((k) => verifySignature(k, 'syncChange', bytes(), Buffer.from(c.sig!, 'base64')))
    )
      throw forged(c.origin);
    kept.push(c);
  }
  return { kept, skipped };
}

function forged(origin: string): VaultError {
  return new VaultError(
    'SYNC_ORIGIN_MISMATCH',
    `This sync bundle carries a change said to be made by vault ${origin} that is not signed by that vault's verified key: it was forged or altered. Nothing was changed.`,
  );
}

/** Write a sync bundle for a member (see the top). */
export async function exportSync(ctx: DomainContext, input: unknown): Promise<SyncExportResult> {
  const p = parseInput(ExportInput, input);
  const vaultId = memberByIdOrVault(ctx, p.to);
  const member = requireActiveMember(ctx, vaultId);
  const ackRow = get<{ through_seq: number }>(
    ctx.db,
    sql`SELECT through_seq FROM sync_acks WHERE member_vault = ${vaultId} AND origin = ${ctx.vaultId}`,
  );
  if (!ackRow) appendSnapshot(ctx, vaultId, member.row.partner_id);
  signOwnChanges(ctx);
  // this vault's changes above the member's acknowledgement, and those of every other origin
  // (relayed, with their origin's signature), but never the member's own
  const rows = all<ChangeRowLite>(
    ctx.db,
    sql`SELECT c.origin, c.origin_seq, c.hlc, c.kind, c.record_id, c.op, c.fields, c.previous, c.resolves, s.sig
          FROM sync_changes c JOIN sync_change_sigs s ON s.seq = c.seq
          LEFT JOIN sync_acks a ON a.member_vault = ${vaultId} AND a.origin = c.origin
         WHERE c.origin != ${vaultId} AND c.origin_seq > coalesce(a.through_seq, 0)
         ORDER BY c.origin = ${ctx.vaultId} DESC, c.origin, c.origin_seq`,
  );
  const changes = rows.map((r) => changeOf({ ...r, seq: 0, state: 'applied' }));
  const acks = all<{ origin: string; through_seq: number }>(
    ctx.db,
    sql`SELECT origin, through_seq FROM sync_applied ORDER BY origin`,
  ).map((a) => ({ origin: a.origin, through: a.through_seq }));
  const createdAt = ctx.now();
  const doc: SyncDocument = {
    format: SYNC_FORMAT,
    formatVersion: SYNC_FORMAT_VERSION,
    bundleId: uuidv7(createdAt.getTime()),
    createdAt: createdAt.toISOString(),
    sender: contactCardOf(ctx),
    recipients: [{ vaultId, publicKey: member.publicKey.toString('base64') }],
    acks,
    changes,
  };
  const out = checkNewFileTarget(p.out);
  return writeSyncFile(ctx, out, doc, [X25519Recipient.fromLibsignal(member.publicKey)], (publish, bytes) =>
    mutate(ctx, (audit) => {
      audit({
        action: 'sync.exported',
        subject: { kind: 'team-member', id: member.row.partner_id },
        details: { bundleId: doc.bundleId, changes: changes.length, acks: acks.length, bytes },
      });
      publish();
      return { bundleId: doc.bundleId, memberId: member.row.partner_id, file: out, changes: changes.length, bytes };
    }),
  );
}

/** The lowest clock: a value no real write is older than (a snapshot's base values). */
export const BASE_HLC = '000000000000000.000000';

/**
 * A full first bundle: before the first export to a member that has acknowledged nothing from
 * this vault, every record and side-table row held here is appended to the change log as
 * changes made here (this vault's origin), generated from the record descriptions (kinds.ts).
 * Records that existed before the change log (migration 0012), or that came from a member the
 * new laptop cannot reach, so reach it.
 *
 * The snapshot must not outvote an edit made elsewhere that this vault has not seen: so it
 * carries each field's own clock, not a new one. A record is an insert at the lowest clock
 * (BASE_HLC: it creates the record where absent and beats no real write), then, per clock, an
 * update of the fields whose latest write here carried that clock (no previous values, so it
 * records no conflict). A side-table row is an insert at the clock of its latest change here.
 * Where a field was last written before the log existed, the base value stands until a real
 * write. Applied anywhere, the snapshot changes nothing the merge would not have chosen.
 *
 * The member is marked as having acknowledged nothing (a sync_acks row at 0), so the snapshot is
 * taken once per member; until it acknowledges, each bundle to it carries the log from the start.
 */
export function appendSnapshot(ctx: DomainContext, memberVault: string, memberId: string): number {
  return mutate(ctx, (audit) => {
    let n = 0;
    const append = (c: Omit<SyncChange, 'origin' | 'originSeq' | 'hlc'>, hlc: string) => {
      recordLocalChange(ctx, c, hlc);
      n++;
    };
    for (const k of SYNC_KINDS.values()) {
      const cols = columnsOf(k);
      // the latest clock of each field (record kinds) or row (side tables) in the log here
      const written = new Map<string, Map<string, { hlc: string; origin: string }>>();
      const logged = all<{ record_id: string; hlc: string; origin: string; fields: string }>(
        ctx.db,
        sql`SELECT record_id, hlc, origin, fields FROM sync_changes WHERE kind = ${k.name} AND state = 'applied' AND op != 'delete'`,
      );
      for (const r of logged) {
        const perField = written.get(r.record_id) ?? new Map<string, { hlc: string; origin: string }>();
        const names = k.shape === 'record' ? Object.keys(JSON.parse(r.fields) as FieldMap) : [''];
        for (const f of names) {
          const prior = perField.get(f);
          if (!prior || clockOrder(r, prior) > 0) perField.set(f, { hlc: r.hlc, origin: r.origin });
        }
        written.set(r.record_id, perField);
      }
      const rows = all<FieldMap>(
        ctx.db,
        new SqlFragment(`SELECT ${cols.join(', ')} FROM ${k.name} ORDER BY ${cols.join(', ')}`, []),
      );
      for (const fields of rows) {
        if (k.shape === 'side') {
          const recordId = JSON.stringify(k.key.map((c) => fields[c] ?? null));
          append(
            { kind: k.name, recordId, op: 'insert', fields, previous: {} },
            written.get(recordId)?.get('')?.hlc ?? BASE_HLC,
          );
          continue;
        }
        const recordId = String(fields.id);
        append({ kind: k.name, recordId, op: 'insert', fields, previous: {} }, BASE_HLC);
        if (k.appendOnly) continue;
        const groups = new Map<string, FieldMap>();
        for (const [f, w] of written.get(recordId) ?? []) {
          if (f === 'id' || !(f in fields)) continue;
          const g = groups.get(w.hlc) ?? {};
          g[f] = fields[f]!;
          groups.set(w.hlc, g);
        }
        for (const hlc of [...groups.keys()].sort())
          append({ kind: k.name, recordId, op: 'update', fields: groups.get(hlc)!, previous: {} }, hlc);
      }
    }
    run(
      ctx.db,
      sql`INSERT INTO sync_acks (member_vault, origin, through_seq, updated_at) VALUES (${memberVault}, ${ctx.vaultId}, 0, ${nowIso(ctx)})
          ON CONFLICT (member_vault, origin) DO NOTHING`,
    );
    audit({ action: 'sync.snapshot', subject: { kind: 'team-member', id: memberId }, details: { changes: n } });
    return n;
  });
}

export interface SyncImportResult extends MergeCounts {
  bundleId: string;
  memberId: string;
  /** conflicts open in this vault after the import */
  openConflicts: number;
  /** records erased here because a member erased them */
  erased: number;
  /** relayed changes left out: their origin is not a verified member here (or is this vault) */
  notFromMembers: number;
}

/** Import a member's sync bundle (see the top and merge.ts). */
export async function importSync(ctx: DomainContext, file: string): Promise<SyncImportResult> {
  const path = parseInput(PathText, file);
  const { doc, senderKey } = await readSyncFile(ctx, path);
  const member = requireActiveMember(ctx, doc.sender.vaultId, senderKey);
  // clocks are real wall time (the capture triggers read SQLite's 'now'), not the context's
  checkChanges(doc.changes as SyncChange[], new Date());
  const { kept: changes, skipped: notFromMembers } = admitted(
    ctx,
    { vaultId: doc.sender.vaultId, key: senderKey },
    doc.changes as SyncChange[],
  );
  const files: string[] = [];
  let erased = 0;
  const eraser: Eraser = (kind, id) =>
    unmuted(ctx.db, () => {
      if (eraseForTeamSync(ctx, kind, id, files)) erased++;
    });
  const result = mutate(ctx, (audit) => {
    const at = nowIso(ctx);
    for (const a of doc.acks) {
      run(
        ctx.db,
        sql`INSERT INTO sync_acks (member_vault, origin, through_seq, updated_at) VALUES (${doc.sender.vaultId}, ${a.origin}, ${a.through}, ${at})
            ON CONFLICT (member_vault, origin) DO UPDATE SET through_seq = max(through_seq, excluded.through_seq), updated_at = excluded.updated_at`,
      );
    }
    // a member holding more of this vault's changes than this vault ever made: this vault is a
    // restored backup (docs/team-sync.md "Restored backups"); new changes must not reuse numbers
    // the member would skip as already received
    const ours = doc.acks.find((a) => a.origin === ctx.vaultId);
    if (ours) run(ctx.db, sql`UPDATE sync_clock SET last_seq = max(last_seq, ${ours.through}) WHERE id = 1`);
    const counts = muted(ctx.db, () => mergeChanges(ctx.db, at, changes, eraser));
    const openConflicts = Number(
      get<{ n: number }>(ctx.db, sql`SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL`)?.n ?? 0,
    );
    audit({
      action: 'sync.imported',
      subject: { kind: 'team-member', id: member.row.partner_id },
      details: { bundleId: doc.bundleId, ...counts, openConflicts, erased, notFromMembers },
    });
    return {
      bundleId: doc.bundleId,
      memberId: member.row.partner_id,
      ...counts,
      openConflicts,
      erased,
      notFromMembers,
    };
  });
  // as after an erasure here: freed pages reach the main file, the WAL is emptied, files go
  if (result.erased > 0) await afterErasures(ctx, files);
  return result;
}

export interface SyncConflict {
  id: string;
  kind: string;
  recordId: string;
  field: string;
  /** the value each side wrote, who (origin vault) and when (clock) */
  sides: Array<{ origin: string | null; hlc: string | null; value: FieldValue; local: boolean }>;
  shown: FieldValue;
  detectedAt: string;
  resolvedAt: string | null;
}

interface ConflictRow {
  id: string;
  kind: string;
  record_id: string;
  field: string;
  a_origin: string | null;
  a_seq: number | null;
  a_hlc: string | null;
  a_value: string | null;
  b_origin: string | null;
  b_seq: number | null;
  b_hlc: string | null;
  b_value: string | null;
  detected_at: string;
  resolved_at: string | null;
}

function currentValue(db: WritableDB, kind: string, recordId: string, field: string): FieldValue {
  const k = SYNC_KINDS.get(kind);
  if (!k || k.shape !== 'record' || !k.columns.includes(field)) return null;
  const row = get<Record<string, FieldValue>>(
    db,
    new SqlFragment(`SELECT ${field} AS v FROM ${k.name} WHERE id = ?`, [recordId]),
  );
  return row ? (row.v ?? null) : null;
}

function toConflict(ctx: DomainContext, r: ConflictRow): SyncConflict {
  const side = (origin: string | null, hlc: string | null, value: string | null) => ({
    origin,
    hlc,
    value: value === null ? null : (JSON.parse(value) as FieldValue),
    local: origin === ctx.vaultId,
  });
  return {
    id: r.id,
    kind: r.kind,
    recordId: r.record_id,
    field: r.field,
    sides: [side(r.a_origin, r.a_hlc, r.a_value), side(r.b_origin, r.b_hlc, r.b_value)],
    shown: currentValue(ctx.db, r.kind, r.record_id, r.field),
    detectedAt: r.detected_at,
    resolvedAt: r.resolved_at,
  };
}

/** Open conflicts (or every one with `all`), oldest first. */
export function listConflicts(ctx: DomainContext, opts: { all?: boolean } = {}): SyncConflict[] {
  const rows = opts.all
    ? all<ConflictRow>(ctx.db, sql`SELECT * FROM sync_conflicts ORDER BY detected_at, id`)
    : all<ConflictRow>(ctx.db, sql`SELECT * FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY detected_at, id`);
  return rows.map((r) => toConflict(ctx, r));
}

const ResolveInput = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{64}$/, 'must be a conflict id'),
  keep: z.enum(['local', 'incoming']),
});

/**
 * Settle a conflict: `local` keeps the value written here (or, when neither side was written
 * here, the value shown now), `incoming` the other. Written as an ordinary change of the field
 * that names the conflict it settles, so every member settles it the same way.
 */
export function resolveConflict(ctx: DomainContext, input: unknown): SyncConflict {
  const p = parseInput(ResolveInput, input);
  const r = get<ConflictRow>(ctx.db, sql`SELECT * FROM sync_conflicts WHERE id = ${p.id}`);
  if (!r) throw new VaultError('NOT_FOUND', `No conflict with id ${p.id} in this vault (sync conflicts).`);
  if (r.resolved_at !== null)
    throw new VaultError('INVALID_TRANSITION', `This conflict was already settled on ${r.resolved_at}.`);
  const c = toConflict(ctx, r);
  const [a, b] = c.sides as [SyncConflict['sides'][0], SyncConflict['sides'][0]];
  let local: typeof a;
  if (a.local) local = a;
  else if (b.local) local = b;
  else {
    // neither side was written here: "local" is what this vault shows (the clock winner)
    local =
      clockOrder({ hlc: a.hlc ?? '', origin: a.origin ?? '' }, { hlc: b.hlc ?? '', origin: b.origin ?? '' }) > 0
        ? a
        : b;
  }
  const chosen = p.keep === 'local' ? local : local === a ? b : a;
  const kind = SYNC_KINDS.get(r.kind);
  if (!kind || kind.shape !== 'record')
    throw new VaultError('INVALID_INPUT', 'This conflict is not on a record field; it cannot be settled here.');
  return mutate(ctx, (audit) => {
    const at = nowIso(ctx);
    const exists = get(ctx.db, new SqlFragment(`SELECT 1 AS x FROM ${kind.name} WHERE id = ?`, [r.record_id]));
    if (!exists) throw new VaultError('NOT_FOUND', `The ${r.kind} record of this conflict is no longer in this vault.`);
    const current = currentValue(ctx.db, r.kind, r.record_id, r.field);
    const seq = recordLocalChange(ctx, {
      kind: r.kind,
      recordId: r.record_id,
      op: 'update',
      fields: { [r.field]: chosen.value },
      previous: { [r.field]: current },
      resolves: [r.id],
    });
    muted(ctx.db, () =>
      run(
        ctx.db,
        new SqlFragment(
          `UPDATE ${kind.name} SET ${r.field} = ?${kind.name === 'consents' ? '' : ', version = version + 1'} WHERE id = ?`,
          [chosen.value, r.record_id],
        ),
      ),
    );
    run(
      ctx.db,
      sql`UPDATE sync_conflicts SET resolved_at = ${at}, resolved_by_origin = ${ctx.vaultId}, resolved_by_seq = ${seq} WHERE id = ${r.id}`,
    );
    audit({
      action: 'sync.conflict-resolved',
      subject: { kind: r.kind, id: r.record_id },
      details: { conflictId: r.id, field: r.field, kept: p.keep },
    });
    return toConflict(ctx, get<ConflictRow>(ctx.db, sql`SELECT * FROM sync_conflicts WHERE id = ${r.id}`)!);
  });
}

/**
 * Append a change made here from code (not through a capture trigger): the same counter and, but
 * for a snapshot's change that keeps the clock of the write it copies (`hlc`), the same clock.
 */
function recordLocalChange(
  ctx: DomainContext,
  c: Omit<SyncChange, 'origin' | 'originSeq' | 'hlc'>,
  hlc?: string,
): number {
  ctx.db.exec(TICK);
  const clock = get<{ last_seq: number; hlc: string }>(
    ctx.db,
    new SqlFragment(`SELECT last_seq, ${HLC_SQL} AS hlc FROM sync_clock WHERE id = 1`, []),
  )!;
  if (hlc !== undefined) clock.hlc = hlc;
  run(
    ctx.db,
    sql`INSERT INTO sync_changes (origin, origin_seq, hlc, kind, record_id, op, fields, previous, resolves)
        VALUES (${ctx.vaultId}, ${clock.last_seq}, ${clock.hlc}, ${c.kind}, ${c.recordId}, ${c.op}, ${JSON.stringify(c.fields)},
                ${JSON.stringify(c.previous)}, ${c.resolves ? JSON.stringify(c.resolves) : null})`,
  );
  return clock.last_seq;
}

/**
 * The erasure hook: blank every change-log row that holds values of the record `kind`/`id` (its
 * own changes, and the side-table rows that name it: tags, team, roles, names) — the row keeps
 * its place in its origin's sequence (kind 'purged', no values), so members see no gap — drop
 * its conflicts, and remember the record as erased (sync_erased), so that a change of it that
 * arrives later is dropped. Call it in the erasure's transaction, after the record's rows are
 * deleted. Returns the number of change rows blanked.
 */
export function purgeChangesFor(db: WritableDB, kind: string, id: string): number {
  // changes of records that point to it (a case's notes, deadlines…) keep their own values and
  // go with those records' own erasure; consents of an erased person are the caller's to purge
  return blankChangesOf(db, kind, id);
}

/** The change log's last row: what an erasure notes before it deletes anything. */
export function changeLogHead(db: WritableDB): number {
  return get<{ seq: number }>(db, sql`SELECT coalesce(max(seq), 0) AS seq FROM sync_changes`)!.seq;
}

/**
 * After an erasure's deletes, in its transaction: the capture triggers logged each deleted row
 * with the values it held, and each row the erasure rewrote (an enquiry's name replaced by
 * "[erased]") with its previous value. Every record deleted since `head` loses its change-log
 * rows (purgeChangesFor), and the rows logged since `head` are blanked too.
 */
export function purgeErasedSince(db: WritableDB, head: number): number {
  const deleted = all<{ kind: string; record_id: string }>(
    db,
    sql`SELECT DISTINCT kind, record_id FROM sync_changes WHERE seq > ${head} AND op = 'delete' AND kind != ${PURGED_KIND}`,
  );
  let removed = 0;
  for (const d of deleted) removed += purgeChangesFor(db, d.kind, d.record_id);
  return (
    removed +
    Number(
      run(
        db,
        new SqlFragment(`UPDATE sync_changes SET ${BLANK_CHANGE} WHERE seq > ? AND kind NOT IN (?, ?)`, [
          head,
          PURGED_KIND,
          ERASURE_KIND,
        ]),
      ).changes,
    )
  );
}

/**
 * After an erasure here (local, or received from a member and run here): each erasure tombstone
 * written since `erasuresHead` travels to the members as an erasure change (kind and id only),
 * so the record is erased on every laptop (docs/team-sync.md "Erasure travels").
 */
export function appendErasureTombstones(ctx: DomainContext, erasuresHead: number): number {
  if (get(ctx.db, sql`SELECT 1 AS x FROM sqlite_schema WHERE name = 'sync_erased'`) === undefined) return 0;
  const rows = all<{ kind: string; record_id: string }>(
    ctx.db,
    sql`SELECT kind, record_id FROM erasures WHERE seq > ${erasuresHead} ORDER BY seq`,
  );
  for (const r of rows)
    recordLocalChange(ctx, {
      kind: ERASURE_KIND,
      recordId: r.record_id,
      op: 'delete',
      fields: { kind: r.kind },
      previous: {},
    });
  return rows.length;
}
