/**
 * backup.* — snapshots on a removable drive (engine/backup, docs/backup.md).
 *
 * `drive` arrives as a path (main swapped the folder dialog's handle for it); answers leave
 * paths out. create and verify relay byte progress, about one report per percent.
 */
import {
  backupStatus,
  createBackup,
  listBackups,
  pruneBackups,
  restoreBackup,
  setBackupReminder,
  verifyBackup,
} from '../../backup/index.js';
import type { EngineImplementation } from '../dispatch.js';
import { VaultError } from '../../../../shared/errors.js';
import type { Credential } from '../../vault/vault.js';

export const backupHandlers: EngineImplementation['backup'] = {
  status: (_input, { session }) => backupStatus(session.vault.db, session.ctx.now()),
  setReminder: ({ days }, { session }) =>
    setBackupReminder(session.vault.db, session.vault.id, days, session.ctx.now()),
  create: ({ drive }, cx) =>
    createBackup(cx.session.vault, drive, {
      now: () => cx.session.ctx.now(),
      onProgress: (p) => cx.progress(p),
    }),
  list: ({ drive }, { session }) => listBackups(drive, { vault: session.vault }),
  verify: ({ drive, snapshotId }, cx) =>
    verifyBackup(drive, {
      vault: cx.session.vault,
      ...(snapshotId ? { snapshotId } : {}),
      onProgress: (p) => cx.progress(p),
    }),
  prune: ({ drive, keep }, { session }) => pruneBackups(session.vault, drive, keep),
  listOnDrive: ({ drive }) => listBackups(drive),
  restore: async ({ drive, snapshotId, passphrase, recoveryKey, newPassphrase }, cx) => {
    if ((passphrase === undefined) === (recoveryKey === undefined))
      throw new VaultError('INVALID_INPUT', 'Give either the passphrase or the recovery key of the backup, not both.');
    // a restore never replaces a vault, open or not (restoreBackup checks the folder as well)
    if (cx.session.state() !== 'absent')
      throw new VaultError(
        'BACKUP_RESTORE_TARGET_EXISTS',
        'A vault already exists in the app’s vault folder; a restore never replaces a vault. Nothing was changed.',
      );
    const credential: Credential = passphrase !== undefined ? { passphrase } : { recoveryKey: recoveryKey! };
    const restored = await restoreBackup(drive, cx.session.vaultDir, {
      credential,
      snapshotId,
      ...(newPassphrase !== undefined ? { rekey: { passphrase: newPassphrase } } : {}),
      onProgress: (p) => cx.progress(p),
    });
    return {
      snapshotId: restored.snapshotId,
      vaultId: restored.vaultId,
      createdAt: restored.createdAt,
      blobs: restored.blobs,
      bytes: restored.bytes,
      rekeyed: restored.rekeyed,
      recoveryKey: restored.recoveryKey,
      identityFingerprint: restored.identityFingerprint,
      doctorOk: restored.doctor.ok,
    };
  },
};
