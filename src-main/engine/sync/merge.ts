/**
 * Applying received changes (docs/team-sync.md "Merge"). Deterministic, so that vaults that
 * received the same changes, in any order, with duplicates, hold the same records and the same
 * open conflicts:
 *
 * - A change is identified by (origin, origin_seq); one already here is skipped.
 * - Record kinds, per field: the value is the one written by the change with the highest clock
 *   (hlc, then origin id) among the changes of that field here, whatever the order they came in.
 *   Two updates of one field made from the same previous value with different new values are
 *   concurrent edits: a conflict is recorded with both values, who (origin) and when (clock),
 *   identified by the hash of the field and the two change ids, so every vault that holds both
 *   records the same conflict. The field shows the clock winner until a person resolves it.
 * - A deleted record stays deleted: an edit of it that arrives later is dropped.
 * - Consents are append-only: only new versions travel (inserted when absent).
 * - Side-table rows (tags, team, roles, names) exist or not by the latest change of that row.
 * - A change whose record (or the record it points to) is not here yet is kept 'held' and
 *   applied when it arrives; an evidence record stays held until evidence files travel.
 *
 * Applying runs with capture muted: the change is stored as received (its own origin and clock),
 * and the local edit counter (`version`) of an edited record moves on, so an edit form open here
 * on the old values is refused (CONFLICT) instead of overwriting what arrived.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../../../shared/canonical-json.js';
import { VaultError } from '../../../shared/errors.js';
import { all, get, run, sql, type WritableDB } from '../db/sql.js';
import { SqlFragment } from '../db/sql.js';
import {
  ERASURE_KIND,
  type ErasedKind,
  PURGED_KIND,
  QUIET_COLUMNS,
  SYNC_KINDS,
  type SideKind,
  TABLE_OF_ERASED,
} from './kinds.js';

/** Runs a received erasure through the erasure service (sync-service.ts supplies it). */
export type Eraser = (kind: ErasedKind, id: string) => void;

/** What a purged change becomes: its place in its origin's sequence, without values. */
export const BLANK_CHANGE = `kind = '${PURGED_KIND}', record_id = '-', op = 'delete', fields = '{}', previous = '{}', resolves = NULL, state = 'applied'`;

/** Columns that point to an erasable record: a change of a row under an erased case or person is dropped. */
const POINTERS: ReadonlyArray<[string, string]> = [
  ['case_id', 'cases'],
  ['person_id', 'people'],
];

/** Whether the change is of (or under) a record erased here: then it is dropped (stored blank). */
export function isOfErased(db: WritableDB, c: SyncChange): boolean {
  if (c.kind === ERASURE_KIND || c.kind === PURGED_KIND) return false;
  const erased = (kind: string, id: FieldValue | undefined) =>
    typeof id === 'string' &&
    get(db, sql`SELECT 1 AS x FROM sync_erased WHERE kind = ${kind} AND record_id = ${id}`) !== undefined;
  if (erased(c.kind, c.recordId)) return true;
  for (const [col, kind] of POINTERS) if (erased(kind, c.fields[col]) || erased(kind, c.previous[col])) return true;
  return false;
}

/**
 * A received erasure: the record is erased here through the erasure service (which purges what
 * the change log holds of it), and whatever is still logged or held of it goes too.
 */
function applyErasure(db: WritableDB, c: SyncChange, eraser: Eraser | undefined): void {
  const kind = c.fields.kind as ErasedKind;
  const table = TABLE_OF_ERASED[kind];
  if (!eraser) throw new TypeError('applyErasure: no eraser');
  eraser(kind, c.recordId);
  blankChangesOf(db, table, c.recordId);
  // held changes of rows under it (a note of a case that never arrived here)
  for (const [col, parent] of POINTERS) {
    if (parent !== table) continue;
    const under = `kind != '${ERASURE_KIND}' AND (json_extract(fields, '$.${col}') = ? OR json_extract(previous, '$.${col}') = ?)`;
    for (const r of all<{ kind: string; record_id: string }>(
      db,
      frag(`SELECT DISTINCT kind, record_id FROM sync_changes WHERE ${under}`, [c.recordId, c.recordId]),
    ))
      if (SYNC_KINDS.get(r.kind)?.shape === 'record')
        run(db, sql`INSERT OR IGNORE INTO sync_erased (kind, record_id) VALUES (${r.kind}, ${r.record_id})`);
    run(db, frag(`UPDATE sync_changes SET ${BLANK_CHANGE} WHERE ${under}`, [c.recordId, c.recordId]));
  }
  run(db, sql`INSERT OR IGNORE INTO sync_erased (kind, record_id) VALUES (${table}, ${c.recordId})`);
}

/**
 * Blank every change-log row that holds values of the record `kind`/`id` (its own changes and
 * the side-table rows that name it) and drop its conflicts; remember it as erased. Returns how
 * many rows were blanked.
 */
export function blankChangesOf(db: WritableDB, kind: string, id: string): number {
  let removed = Number(
    run(db, frag(`UPDATE sync_changes SET ${BLANK_CHANGE} WHERE kind = ? AND record_id = ?`, [kind, id])).changes,
  );
  for (const k of SYNC_KINDS.values()) {
    if (k.shape !== 'side') continue;
    const keyIndex = k.key.findIndex((col) => {
      if (col === k.parent.column) return k.parent.kind === kind;
      return col === 'person_id' && kind === 'people';
    });
    if (keyIndex < 0) continue;
    removed += Number(
      run(
        db,
        frag(
          `UPDATE sync_changes SET ${BLANK_CHANGE} WHERE kind = ? AND json_valid(record_id) AND json_extract(record_id, ?) = ?`,
          [k.name, `$[${keyIndex}]`, id],
        ),
      ).changes,
    );
  }
  run(db, sql`DELETE FROM sync_conflicts WHERE kind = ${kind} AND record_id = ${id}`);
  if (SYNC_KINDS.get(kind)?.shape === 'record')
    run(db, sql`INSERT OR IGNORE INTO sync_erased (kind, record_id) VALUES (${kind}, ${id})`);
  return removed;
}

export type FieldValue = string | number | null;
export type FieldMap = Record<string, FieldValue>;

export interface SyncChange {
  origin: string;
  originSeq: number;
  hlc: string;
  kind: string;
  recordId: string;
  op: 'insert' | 'update' | 'delete';
  fields: FieldMap;
  previous: FieldMap;
  resolves?: string[];
  /** the origin's signature over changeBytes (base64), so that members can relay the change */
  sig?: string;
}

/** The bytes an origin signs: the change without its signature, as canonical JSON. */
export function changeBytes(c: SyncChange): Buffer {
  const { sig: _sig, ...rest } = c;
  return Buffer.from(canonicalJson(rest as unknown as JsonValue), 'utf8');
}

interface ChangeRow {
  seq: number;
  origin: string;
  origin_seq: number;
  hlc: string;
  kind: string;
  record_id: string;
  op: 'insert' | 'update' | 'delete';
  fields: string;
  previous: string;
  resolves: string | null;
  state: 'applied' | 'held';
  sig?: string | null;
}

function frag(text: string, values: Array<string | number | null> = []): SqlFragment {
  return new SqlFragment(text, values);
}

export function changeOf(r: ChangeRow): SyncChange {
  return {
    origin: r.origin,
    originSeq: r.origin_seq,
    hlc: r.hlc,
    kind: r.kind,
    recordId: r.record_id,
    op: r.op,
    fields: JSON.parse(r.fields) as FieldMap,
    previous: JSON.parse(r.previous) as FieldMap,
    ...(r.resolves !== null ? { resolves: JSON.parse(r.resolves) as string[] } : {}),
    ...(r.sig ? { sig: r.sig } : {}),
  };
}

/** (hlc, origin) order: positive when a is later */
export function clockOrder(a: Pick<SyncChange, 'hlc' | 'origin'>, b: Pick<SyncChange, 'hlc' | 'origin'>): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0;
}

export const changeId = (c: Pick<SyncChange, 'origin' | 'originSeq'>): string => `${c.origin}:${c.originSeq}`;

export function conflictId(kind: string, recordId: string, field: string, a: string, b: string): string {
  const [x, y] = a < b ? [a, b] : [b, a];
  return createHash('sha256').update([kind, recordId, field, x, y].join('\0')).digest('hex');
}

function history(db: WritableDB, c: SyncChange): SyncChange[] {
  return all<ChangeRow>(
    db,
    sql`SELECT * FROM sync_changes WHERE kind = ${c.kind} AND record_id = ${c.recordId} AND state = 'applied' AND NOT (origin = ${c.origin} AND origin_seq = ${c.originSeq})`,
  ).map(changeOf);
}

function isForeignKeyFailure(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return (
    code === 'SQLITE_CONSTRAINT_FOREIGNKEY' ||
    (code.startsWith('SQLITE_CONSTRAINT') && /FOREIGN KEY/i.test(String((e as Error).message)))
  );
}

/** `fn` in a savepoint; a foreign key failure (the record pointed to is not here yet) → false. */
function tryWrite(db: WritableDB, fn: () => void): boolean {
  try {
    db.transaction(fn)();
    return true;
  } catch (e) {
    if (isForeignKeyFailure(e)) return false;
    // a unique value taken here by another record (two laptops numbered a case alike): the
    // change waits, counted as held, instead of blocking every later bundle of the member
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
    if (((e as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT'))
      throw new VaultError(
        'SYNC_CHANGE_REFUSED',
        'This sync bundle carries a change this vault cannot store (it breaks a rule of the record); the whole bundle was refused. Nothing was changed.',
      );
    throw e;
  }
}

function same(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return a === b;
}

export function recordConflict(db: WritableDB, at: string, c: SyncChange, other: SyncChange, field: string): void {
  const [a, b] = changeId(c) < changeId(other) ? [c, other] : [other, c];
  const id = conflictId(c.kind, c.recordId, field, changeId(a), changeId(b));
  run(
    db,
    sql`INSERT INTO sync_conflicts (id, kind, record_id, field, a_origin, a_seq, a_hlc, a_value, b_origin, b_seq, b_hlc, b_value, detected_at)
        VALUES (${id}, ${c.kind}, ${c.recordId}, ${field}, ${a.origin}, ${a.originSeq}, ${a.hlc}, ${JSON.stringify(a.fields[field] ?? null)},
                ${b.origin}, ${b.originSeq}, ${b.hlc}, ${JSON.stringify(b.fields[field] ?? null)}, ${at})
        ON CONFLICT (id) DO UPDATE SET a_origin = excluded.a_origin, a_seq = excluded.a_seq, a_hlc = excluded.a_hlc, a_value = excluded.a_value,
          b_origin = excluded.b_origin, b_seq = excluded.b_seq, b_hlc = excluded.b_hlc, b_value = excluded.b_value`,
  );
}

/** Mark the conflicts a resolution settles (also those not seen here yet: they arrive resolved). */
export function markResolved(db: WritableDB, at: string, c: SyncChange): void {
  const field = Object.keys(c.fields).find((f) => !QUIET_COLUMNS.has(f)) ?? '';
  for (const id of c.resolves ?? []) {
    run(
      db,
      sql`INSERT INTO sync_conflicts (id, kind, record_id, field, detected_at, resolved_at, resolved_by_origin, resolved_by_seq)
          VALUES (${id}, ${c.kind}, ${c.recordId}, ${field}, ${at}, ${at}, ${c.origin}, ${c.originSeq})
          ON CONFLICT (id) DO UPDATE SET resolved_at = coalesce(resolved_at, excluded.resolved_at),
            resolved_by_origin = coalesce(resolved_by_origin, excluded.resolved_by_origin),
            resolved_by_seq = coalesce(resolved_by_seq, excluded.resolved_by_seq)`,
    );
  }
}

function setColumns(db: WritableDB, table: string, id: string, values: FieldMap, bumpVersion: boolean): void {
  const cols = Object.keys(values);
  if (cols.length === 0) return;
  const sets = cols.map((c) => `${c} = ?`).concat(bumpVersion ? ['version = version + 1'] : []);
  run(db, frag(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = ?`, [...cols.map((c) => values[c]!), id]));
}

function insertRow(db: WritableDB, table: string, values: FieldMap, orIgnore = false): void {
  const cols = Object.keys(values);
  run(
    db,
    frag(
      `INSERT ${orIgnore ? 'OR IGNORE ' : ''}INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      cols.map((c) => values[c]!),
    ),
  );
}

function applyRecord(db: WritableDB, at: string, c: SyncChange): 'applied' | 'held' {
  const kind = SYNC_KINDS.get(c.kind)!;
  if (kind.shape !== 'record') throw new TypeError('applyRecord: not a record kind');
  const table = kind.name;
  const exists = get(db, frag(`SELECT 1 AS x FROM ${table} WHERE id = ?`, [c.recordId])) !== undefined;
  const past = history(db, c);
  const deleted = past.some((h) => h.op === 'delete');
  const hasVersion = table !== 'consents';
  if (c.op === 'delete') {
    if (!exists) return 'applied';
    return tryWrite(db, () => run(db, frag(`DELETE FROM ${table} WHERE id = ?`, [c.recordId]))) ? 'applied' : 'held';
  }
  if (!exists) {
    if (deleted) return 'applied';
    if (c.op === 'update') return 'held';
    // evidence metadata waits for its file (evidence files do not travel yet)
    if (table === 'evidence') return 'held';
    return tryWrite(db, () => insertRow(db, table, c.fields, kind.appendOnly)) ? 'applied' : 'held';
  }
  if (kind.appendOnly) return 'applied';
  // per field: the latest writer by clock wins
  const win: FieldMap = {};
  for (const [f, v] of Object.entries(c.fields)) {
    if (f === 'id') continue;
    const later = past.some((h) => f in h.fields && clockOrder(h, c) > 0);
    if (!later) win[f] = v;
  }
  if (!tryWrite(db, () => setColumns(db, table, c.recordId, win, hasVersion))) return 'held';
  if (c.op === 'update') {
    for (const f of Object.keys(c.fields)) {
      if (QUIET_COLUMNS.has(f) || !(f in c.previous)) continue;
      for (const h of past) {
        if (h.op !== 'update' || !(f in h.previous) || !(f in h.fields)) continue;
        if (same(h.previous[f], c.previous[f]) && !same(h.fields[f], c.fields[f])) recordConflict(db, at, c, h, f);
      }
    }
  }
  return 'applied';
}

function sideWhere(k: SideKind, key: FieldValue[]): { text: string; values: FieldValue[] } {
  return { text: k.key.map((c) => `${c} IS ?`).join(' AND '), values: key };
}

function applySide(db: WritableDB, c: SyncChange): 'applied' | 'held' {
  const k = SYNC_KINDS.get(c.kind) as SideKind;
  const past = history(db, c);
  if (past.some((h) => clockOrder(h, c) > 0)) return 'applied'; // a later change of this row decided
  const key = JSON.parse(c.recordId) as FieldValue[];
  const w = sideWhere(k, key);
  if (c.op === 'delete') {
    run(db, frag(`DELETE FROM ${k.name} WHERE ${w.text}`, w.values));
    return 'applied';
  }
  return tryWrite(db, () => {
    run(db, frag(`DELETE FROM ${k.name} WHERE ${w.text}`, w.values));
    insertRow(db, k.name, c.fields);
  })
    ? 'applied'
    : 'held';
}

export function applyOne(db: WritableDB, at: string, c: SyncChange, eraser?: Eraser): 'applied' | 'held' {
  if (c.kind === PURGED_KIND) return 'applied';
  if (c.kind === ERASURE_KIND) {
    applyErasure(db, c, eraser);
    return 'applied';
  }
  const kind = SYNC_KINDS.get(c.kind);
  if (!kind) throw new VaultError('SYNC_CHANGE_REFUSED', `A change of an unknown record kind (${c.kind}).`);
  const result = kind.shape === 'record' ? applyRecord(db, at, c) : applySide(db, c);
  if (result === 'applied') markResolved(db, at, c);
  return result;
}

/** Move this vault's clock past a received change's (hybrid logical clock receive rule). */
export function observeClock(db: WritableDB, hlc: string): void {
  const [wallText, counterText] = hlc.split('.');
  const wall = Number(wallText);
  const counter = Number(counterText);
  run(
    db,
    sql`UPDATE sync_clock SET counter = CASE WHEN ${wall} > wall THEN ${counter} WHEN ${wall} = wall THEN max(counter, ${counter}) ELSE counter END,
        wall = max(wall, ${wall}) WHERE id = 1`,
  );
}

export interface MergeCounts {
  received: number;
  duplicates: number;
  applied: number;
  held: number;
}

/**
 * Store and apply `changes` (already checked: kinds, fields, origin). Call inside the import's
 * transaction with capture muted.
 */
export function mergeChanges(db: WritableDB, at: string, changes: readonly SyncChange[], eraser?: Eraser): MergeCounts {
  const counts: MergeCounts = { received: changes.length, duplicates: 0, applied: 0, held: 0 };
  const sorted = [...changes].sort((a, b) =>
    a.origin === b.origin ? a.originSeq - b.originSeq : a.origin < b.origin ? -1 : 1,
  );
  const touched = new Set<string>();
  for (const c of sorted) {
    const through =
      get<{ through_seq: number }>(db, sql`SELECT through_seq FROM sync_applied WHERE origin = ${c.origin}`)
        ?.through_seq ?? 0;
    const known = get(
      db,
      sql`SELECT 1 AS x FROM sync_changes WHERE origin = ${c.origin} AND origin_seq = ${c.originSeq}`,
    );
    if (known || c.originSeq <= through) {
      counts.duplicates++;
      continue;
    }
    run(
      db,
      sql`INSERT INTO sync_changes (origin, origin_seq, hlc, kind, record_id, op, fields, previous, resolves, state)
          VALUES (${c.origin}, ${c.originSeq}, ${c.hlc}, ${c.kind}, ${c.recordId}, ${c.op}, ${JSON.stringify(c.fields)},
                  ${JSON.stringify(c.previous)}, ${c.resolves ? JSON.stringify(c.resolves) : null}, 'held')`,
    );
    if (c.sig !== undefined)
      run(db, sql`INSERT INTO sync_change_sigs (seq, sig) VALUES (last_insert_rowid(), ${c.sig})`);
    observeClock(db, c.hlc);
    touched.add(c.origin);
    if (isOfErased(db, c)) {
      // an edit, insert or snapshot of a record erased here: it never brings it (or its values) back
      run(
        db,
        frag(`UPDATE sync_changes SET ${BLANK_CHANGE} WHERE origin = ? AND origin_seq = ?`, [c.origin, c.originSeq]),
      );
      counts.applied++;
      continue;
    }
    if (applyOne(db, at, c, eraser) === 'applied') {
      run(
        db,
        sql`UPDATE sync_changes SET state = 'applied' WHERE origin = ${c.origin} AND origin_seq = ${c.originSeq}`,
      );
      counts.applied++;
    }
  }
  counts.held = retryHeld(db, at);
  for (const origin of touched) advanceApplied(db, origin);
  return counts;
}

/** Apply held changes whose record has arrived, until nothing more moves; returns how many stay held. */
export function retryHeld(db: WritableDB, at: string): number {
  for (;;) {
    const held = all<ChangeRow>(db, sql`SELECT * FROM sync_changes WHERE state = 'held' ORDER BY hlc, origin`);
    let moved = 0;
    for (const r of held) {
      if (applyOne(db, at, changeOf(r)) === 'applied') {
        run(db, sql`UPDATE sync_changes SET state = 'applied' WHERE seq = ${r.seq}`);
        moved++;
      }
    }
    if (moved === 0) return held.length;
  }
}

function advanceApplied(db: WritableDB, origin: string): void {
  let through =
    get<{ through_seq: number }>(db, sql`SELECT through_seq FROM sync_applied WHERE origin = ${origin}`)?.through_seq ??
    0;
  const seqs = all<{ origin_seq: number }>(
    db,
    sql`SELECT origin_seq FROM sync_changes WHERE origin = ${origin} AND origin_seq > ${through} ORDER BY origin_seq`,
  );
  for (const s of seqs) {
    if (s.origin_seq !== through + 1) break;
    through = s.origin_seq;
  }
  run(
    db,
    sql`INSERT INTO sync_applied (origin, through_seq) VALUES (${origin}, ${through})
        ON CONFLICT (origin) DO UPDATE SET through_seq = max(through_seq, excluded.through_seq)`,
  );
}
