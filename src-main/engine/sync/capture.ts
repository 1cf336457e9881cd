/**
 * Change capture: at every unlock (after the migrations) the engine creates TEMP triggers on
 * every synced table (kinds.ts), generated from the record descriptions. Temp triggers live in
 * the connection only, so they always match the schema of the build that opened the vault, and
 * they write in the same transaction as the change (and so as its audit entry).
 *
 * Each trigger advances this vault's counter and hybrid logical clock (sync_clock) and appends
 * one row to sync_changes: an insert with every synced column, an update with the columns whose
 * value changed and their previous values, a delete with the previous values. A side-table row
 * that changes is a delete of the old row and an insert of the new one.
 *
 * Applying a received change (merge.ts) mutes the triggers (temp.sync_mute) and stores the
 * received change itself, with its own origin and clock.
 */
import type { WritableDB } from '../db/sql.js';
import { SYNC_KINDS, type SyncKind, columnsOf } from './kinds.js';

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;
const VAULT_ID = /^[0-9a-f-]{36}$/;

function ident(name: string): string {
  if (!IDENTIFIER.test(name)) throw new TypeError(`sync: "${name}" is not a plain identifier`);
  return name;
}

/** now in ms since the epoch, in SQL */
const NOW_MS = "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)";
export const HLC_SQL = "printf('%015d.%06d', wall, counter)";

/**
 * Advance the counter and the clock by one local event. The counter has six digits: when it is
 * full (a clock pinned ahead by many events in one millisecond), the wall moves on by one ms.
 */
export const TICK = `UPDATE sync_clock SET last_seq = last_seq + 1,
    counter = CASE WHEN ${NOW_MS} > wall OR counter >= 999999 THEN 0 ELSE counter + 1 END,
    wall = CASE WHEN ${NOW_MS} > wall THEN ${NOW_MS} WHEN counter >= 999999 THEN wall + 1 ELSE wall END
  WHERE id = 1;`;

const NOT_MUTED = 'NOT EXISTS (SELECT 1 FROM temp.sync_mute)';

function jsonObject(row: 'NEW' | 'OLD', cols: readonly string[]): string {
  return `json_object(${cols.map((c) => `'${c}', ${row}.${c}`).join(', ')})`;
}

function append(origin: string, kind: string, recordId: string, op: string, fields: string, previous: string): string {
  return `${TICK}
  INSERT INTO sync_changes (origin, origin_seq, hlc, kind, record_id, op, fields, previous)
    SELECT '${origin}', last_seq, ${HLC_SQL}, '${kind}', ${recordId}, '${op}', ${fields}, ${previous} FROM sync_clock WHERE id = 1;`;
}

function triggersFor(k: SyncKind, origin: string): string[] {
  const t = ident(k.name);
  const cols = columnsOf(k).map(ident);
  const name = (op: string) => `sync_capture_${t}_${op}`;
  if (k.shape === 'record') {
    const changed = cols.filter((c) => c !== 'id');
    const diff = (row: 'NEW' | 'OLD') =>
      `(SELECT json_group_object(k, v) FROM (${changed
        .map((c) => `SELECT '${c}' AS k, ${row}.${c} AS v WHERE OLD.${c} IS NOT NEW.${c}`)
        .join(' UNION ALL ')}))`;
    return [
      `CREATE TEMP TRIGGER ${name('ai')} AFTER INSERT ON main.${t} WHEN ${NOT_MUTED} BEGIN
  ${append(origin, t, 'NEW.id', 'insert', jsonObject('NEW', cols), "'{}'")}
END;`,
      `CREATE TEMP TRIGGER ${name('au')} AFTER UPDATE ON main.${t} WHEN ${NOT_MUTED} AND (${changed
        .map((c) => `OLD.${c} IS NOT NEW.${c}`)
        .join(' OR ')}) BEGIN
  ${append(origin, t, 'NEW.id', 'update', diff('NEW'), diff('OLD'))}
END;`,
      `CREATE TEMP TRIGGER ${name('ad')} AFTER DELETE ON main.${t} WHEN ${NOT_MUTED} BEGIN
  ${append(origin, t, 'OLD.id', 'delete', "'{}'", jsonObject('OLD', cols))}
END;`,
    ];
  }
  const keyOf = (row: 'NEW' | 'OLD') => `json_array(${k.key.map((c) => `${row}.${ident(c)}`).join(', ')})`;
  const insert = append(origin, t, keyOf('NEW'), 'insert', jsonObject('NEW', cols), "'{}'");
  const remove = append(origin, t, keyOf('OLD'), 'delete', "'{}'", jsonObject('OLD', cols));
  return [
    `CREATE TEMP TRIGGER ${name('ai')} AFTER INSERT ON main.${t} WHEN ${NOT_MUTED} BEGIN
  ${insert}
END;`,
    `CREATE TEMP TRIGGER ${name('au')} AFTER UPDATE ON main.${t} WHEN ${NOT_MUTED} AND (${cols
      .map((c) => `OLD.${c} IS NOT NEW.${c}`)
      .join(' OR ')}) BEGIN
  ${remove}
  ${insert}
END;`,
    `CREATE TEMP TRIGGER ${name('ad')} AFTER DELETE ON main.${t} WHEN ${NOT_MUTED} BEGIN
  ${remove}
END;`,
  ];
}

/** The SQL that installs capture on a connection for the vault `origin` (exported for tests and the bench). */
export function captureSql(origin: string): string {
  if (!VAULT_ID.test(origin)) throw new TypeError('sync: the vault id is not a uuid');
  const parts = ['CREATE TEMP TABLE IF NOT EXISTS sync_mute (on_ INTEGER) STRICT;'];
  for (const k of SYNC_KINDS.values()) parts.push(...triggersFor(k, origin));
  return parts.join('\n');
}

function hasSyncTables(db: WritableDB): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sync_changes'").get() !== undefined;
}

/**
 * Install change capture on an open vault's connection. Does nothing on a database without the
 * sync tables (a test migrating to an older schema).
 */
export function installSyncCapture(db: WritableDB, vaultId: string): void {
  if (!hasSyncTables(db)) return;
  db.exec(captureSql(vaultId));
}

/** Run `fn` with capture muted (applying received changes); call it inside the applying transaction. */
export function muted<T>(db: WritableDB, fn: () => T): T {
  db.exec('INSERT INTO temp.sync_mute (on_) VALUES (1)');
  try {
    return fn();
  } finally {
    db.exec('DELETE FROM temp.sync_mute');
  }
}

/**
 * Run `fn` with capture on again inside a muted apply: a received erasure runs through the
 * erasure service, whose own deletes must be logged so that they are purged with it.
 */
export function unmuted<T>(db: WritableDB, fn: () => T): T {
  db.exec('DELETE FROM temp.sync_mute');
  try {
    return fn();
  } finally {
    db.exec('INSERT INTO temp.sync_mute (on_) VALUES (1)');
  }
}
