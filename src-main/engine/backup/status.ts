/**
 * When the vault was last backed up, and how often the user wants to be reminded. Both live in
 * the vault (vault_meta), so that the reminder follows the vault and not the computer:
 *
 *   backup_last_at           ISO instant of the last snapshot written by `createBackup`
 *   backup_last_snapshot     its snapshot id
 *   backup_reminder_days     1 … 365; absent means DEFAULT_REMINDER_DAYS
 */
import { VaultError } from '../../../shared/errors.js';
import { appendAudit } from '../audit/audit-log.js';
import { get, run, sql, type ReadableDB, type WritableDB } from '../db/sql.js';

export const META_LAST_AT = 'backup_last_at';
export const META_LAST_SNAPSHOT = 'backup_last_snapshot';
export const META_REMINDER_DAYS = 'backup_reminder_days';
export const DEFAULT_REMINDER_DAYS = 7;
export const MAX_REMINDER_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupStatus {
  lastBackupAt: string | null;
  lastSnapshotId: string | null;
  reminderDays: number;
  /** no backup yet, or the last one is reminderDays old or older */
  due: boolean;
  /** whole days since the last backup (null without one) */
  daysSinceLast: number | null;
}

function meta(db: ReadableDB, key: string): string | null {
  return get<{ value: string }>(db, sql`SELECT value FROM vault_meta WHERE key = ${key}`)?.value ?? null;
}

export function backupStatus(db: ReadableDB, now: Date = new Date()): BackupStatus {
  const lastBackupAt = meta(db, META_LAST_AT);
  const stored = Number(meta(db, META_REMINDER_DAYS));
  const reminderDays =
    Number.isInteger(stored) && stored >= 1 && stored <= MAX_REMINDER_DAYS ? stored : DEFAULT_REMINDER_DAYS;
  const last = lastBackupAt === null ? NaN : Date.parse(lastBackupAt);
  const ageMs = Number.isNaN(last) ? null : Math.max(0, now.getTime() - last);
  return {
    lastBackupAt,
    lastSnapshotId: meta(db, META_LAST_SNAPSHOT),
    reminderDays,
    due: ageMs === null || ageMs >= reminderDays * DAY_MS,
    daysSinceLast: ageMs === null ? null : Math.floor(ageMs / DAY_MS),
  };
}

/** Set the reminder interval (audited `backup.reminder-set`). */
export function setBackupReminder(db: WritableDB, vaultId: string, days: number, now: Date = new Date()): BackupStatus {
  if (!Number.isInteger(days) || days < 1 || days > MAX_REMINDER_DAYS)
    throw new VaultError(
      'INVALID_INPUT',
      `The backup reminder must be a whole number of days from 1 to ${MAX_REMINDER_DAYS}.`,
    );
  db.transaction(() => {
    run(
      db,
      sql`INSERT INTO vault_meta (key, value) VALUES (${META_REMINDER_DAYS}, ${String(days)})
          ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
    appendAudit(db, vaultId, { action: 'backup.reminder-set', details: { days } });
  })();
  return backupStatus(db, now);
}
