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
  setBackupReminder,
  verifyBackup,
} from '../../backup/index.js';
import type { EngineImplementation } from '../dispatch.js';

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
};
