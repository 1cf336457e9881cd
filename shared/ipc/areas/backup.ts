/**
 * Backups to a removable drive (docs/backup.md): snapshots of the vault in a folder the user
 * chose — the database as it is encrypted, the key file, and every evidence file, with a signed
 * and MAC'd manifest. `drive` is a FileHandle for that folder, issued by main's folder dialog
 * as a 'save' handle (a place to write into, never a file to read in as evidence); answers
 * leave paths out.
 *
 * `status` is what the home screen shows (last backup, reminder, due); `create` writes a
 * snapshot (progress: 'database', then 'copying' in bytes, then 'manifest'); `list` says per
 * snapshot how many erasures happened after it (it may still hold what they erased); `verify`
 * reads every byte (progress 'verifying', bytes); `prune` keeps the newest N snapshots.
 * Restoring makes a new vault in another folder and is done from the CLI (`backup restore`)
 * or the start screen, not from inside an unlocked vault: `listOnDrive` and `restore` are the
 * two calls allowed while no vault is open (the drive from `files.chooseRestoreFolder`, which
 * main offers only while the app's vault folder holds no vault); `restore` writes into that
 * folder and leaves the vault locked, to be unlocked as usual.
 */
import { z } from 'zod';
import { engineCall, NoInput } from '../kit.js';
import { FileHandle } from './app.js';

const Count = z.number().int().nonnegative();
const SnapshotId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a snapshot id');

export const BackupStatus = z.strictObject({
  lastBackupAt: z.string().nullable(),
  lastSnapshotId: z.string().nullable(),
  /** remind after this many days without a backup (1 … 365, 7 by default) */
  reminderDays: z.number().int(),
  /** no backup yet, or the last one is reminderDays old or older */
  due: z.boolean(),
  daysSinceLast: z.number().int().nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const SetBackupReminderInput = z.strictObject({
  days: z
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(365, 'must be at most 365 days'),
});

export const BackupCreated = z.strictObject({
  snapshotId: z.string(),
  vaultId: z.string(),
  createdAt: z.string(),
  bytesWritten: Count,
  filesWritten: Count,
  blobsReused: Count,
  blobs: Count,
  bytesTotal: Count,
});
export type BackupCreated = z.infer<typeof BackupCreated>;

export const BackupSnapshot = z.strictObject({
  snapshotId: z.string(),
  vaultId: z.string(),
  createdAt: z.string().nullable(),
  blobs: Count,
  files: Count,
  bytes: Count,
  readable: z.boolean(),
  /** the BACKUP_* code when the manifest cannot be read or its signature does not hold */
  problem: z.string().nullable(),
  ownKey: z.boolean().nullable(),
  /** erasures recorded after the snapshot was taken: it may still hold what they erased */
  erasuresAfter: Count.nullable(),
});
export type BackupSnapshot = z.infer<typeof BackupSnapshot>;

export const BackupVerification = z.strictObject({
  snapshotId: z.string(),
  vaultId: z.string(),
  createdAt: z.string(),
  files: Count,
  bytes: Count,
  /** 'vault-key': MAC checked; 'earlier-key': made before a re-key, signature and hashes only */
  mac: z.enum(['vault-key', 'credential', 'not-checked', 'earlier-key']),
});
export type BackupVerification = z.infer<typeof BackupVerification>;

export const BackupPruned = z.strictObject({
  removed: z.array(z.string()),
  kept: Count,
  objectsRemoved: Count,
  bytesFreed: Count,
  collected: z.boolean(),
});
export type BackupPruned = z.infer<typeof BackupPruned>;

export const BackupRestored = z.strictObject({
  snapshotId: z.string(),
  vaultId: z.string(),
  createdAt: z.string(),
  blobs: Count,
  bytes: Count,
  rekeyed: z.boolean(),
  /** with a re-key: the new recovery key, shown once */
  recoveryKey: z.string().nullable(),
  /** the identity key's fingerprint (new after a re-key: partners will see a key change) */
  identityFingerprint: z.string(),
  /** doctor --deep passed on the restored vault (a failure is BACKUP_RESTORE_CHECK_FAILED) */
  doctorOk: z.boolean(),
});
export type BackupRestored = z.infer<typeof BackupRestored>;

const OnDrive = z.strictObject({ drive: FileHandle });

const RestoreSecret = z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters');
export const RestoreBackupInput = z.strictObject({
  drive: FileHandle,
  snapshotId: SnapshotId,
  /** the passphrase or the recovery key of the snapshot's time: exactly one */
  passphrase: RestoreSecret.optional(),
  recoveryKey: RestoreSecret.optional(),
  /** re-key: a new master key, passphrase, recovery key and identity key (docs/backup.md) */
  newPassphrase: RestoreSecret.optional(),
});

export const backupArea = {
  /** last backup, reminder interval and whether one is due (the home screen) */
  status: engineCall(NoInput, BackupStatus),
  /** how many days without a backup before the reminder shows; audited */
  setReminder: engineCall(SetBackupReminderInput, BackupStatus),
  /** write a snapshot to the chosen drive folder; progress 'database', 'copying' (bytes), 'manifest' */
  create: engineCall(OnDrive, BackupCreated, { progress: true, fileFields: { drive: 'save' } }),
  /** the vault's snapshots on the drive, oldest first, with erasures since each */
  list: engineCall(OnDrive, z.array(BackupSnapshot), { fileFields: { drive: 'save' } }),
  /** hash every byte of one or every snapshot, check signature and MAC; progress 'verifying' (bytes) */
  verify: engineCall(OnDrive.extend({ snapshotId: SnapshotId.optional() }), z.array(BackupVerification), {
    progress: true,
    fileFields: { drive: 'save' },
  }),
  /** keep the newest `keep` snapshots; remove the others and the files only they used */
  prune: engineCall(OnDrive.extend({ keep: z.number().int().min(1).max(100000) }), BackupPruned, {
    fileFields: { drive: 'save' },
  }),
  /** the snapshots of every vault on the drive, without a vault open (the start screen's restore) */
  listOnDrive: engineCall(OnDrive, z.array(BackupSnapshot), { unlocked: false, fileFields: { drive: 'save' } }),
  /** restore a snapshot into the app's vault folder, which must hold no vault; progress 'restoring' (bytes), 'checking' */
  restore: engineCall(RestoreBackupInput, BackupRestored, {
    unlocked: false,
    progress: true,
    fileFields: { drive: 'save' },
  }),
} as const;
