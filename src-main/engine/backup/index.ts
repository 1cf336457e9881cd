/** Encrypted backups to removable drives (docs/backup.md). */
export { createBackup, type BackupCreated, type BackupProgress, type CreateBackupOptions } from './create.js';
export { listBackups, verifyBackup, type SnapshotInfo, type SnapshotVerification, type MacCheck } from './verify.js';
export { restoreBackup, type BackupRestored, type RestoreOptions } from './restore.js';
export { pruneBackups, type BackupPruned } from './prune.js';
export {
  backupStatus,
  setBackupReminder,
  type BackupStatus,
  DEFAULT_REMINDER_DAYS,
  MAX_REMINDER_DAYS,
} from './status.js';
export { BACKUP_ROOT_NAME, PART_BYTES, vaultBackupDir } from './format.js';
