// backup.* through the router: the folder arrives as a file handle, progress and change
// events go out, a refused call writes nothing.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type IpcVault, ipcVault } from './ipc-helpers.js';

let v: IpcVault | undefined;
let drive: string | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
  if (drive) rmSync(drive, { recursive: true, force: true });
  drive = undefined;
});

async function driveHandle(vault: IpcVault, folder: string): Promise<string> {
  vault.host.saveQueue.push(folder);
  const t = await vault.ok<{ handle: string } | null>('files.chooseSaveTarget', {
    suggestedName: 'backup',
    kind: 'evidence',
  });
  return t!.handle;
}

describe('backup.* through the router', () => {
  it('status, create with progress, list, verify, prune, setReminder', async () => {
    v = await ipcVault();
    drive = mkdtempSync(join(tmpdir(), 'cv-ipc-drive-'));
    expect(await v.ok('backup.status')).toMatchObject({ lastBackupAt: null, reminderDays: 7, due: true });
    const handle = await driveHandle(v, drive);
    const made = await v.ok<{ snapshotId: string; filesWritten: number }>('backup.create', { drive: handle });
    expect(made.filesWritten).toBe(3); // database, vault.json, manifest
    const progress = v.host.events
      .filter((e) => e.name === 'progress')
      .map((e) => e.payload as { channel: string; phase: string })
      .filter((p) => p.channel === 'backup.create');
    expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(['database', 'copying', 'manifest']));
    expect(v.host.events.filter((e) => e.name === 'changed').map((e) => e.payload)).toContainEqual(
      expect.objectContaining({ areas: ['backup'] }),
    );
    expect(await v.ok('backup.status')).toMatchObject({ lastSnapshotId: made.snapshotId, due: false });
    expect(await v.ok('backup.list', { drive: handle })).toEqual([
      expect.objectContaining({ snapshotId: made.snapshotId, readable: true, ownKey: true, erasuresAfter: 0 }),
    ]);
    expect(await v.ok('backup.verify', { drive: handle, snapshotId: made.snapshotId })).toEqual([
      expect.objectContaining({ snapshotId: made.snapshotId, mac: 'vault-key' }),
    ]);
    await v.ok('backup.create', { drive: handle });
    expect(await v.ok('backup.prune', { drive: handle, keep: 1 })).toMatchObject({
      removed: [made.snapshotId],
      kept: 1,
    });
    expect(await v.ok('backup.setReminder', { days: 14 })).toMatchObject({ reminderDays: 14 });
  });

  it('refuses a path in place of a handle, a bad keep and a bad reminder, writing nothing', async () => {
    v = await ipcVault();
    drive = mkdtempSync(join(tmpdir(), 'cv-ipc-drive-'));
    const r = await v.call('backup.create', { drive });
    expect(r.ok ? null : r.error.code).toBe('INVALID_INPUT');
    const handle = await driveHandle(v, drive);
    const keep = await v.call('backup.prune', { drive: handle, keep: 0 });
    expect(keep.ok ? null : keep.error.code).toBe('INVALID_INPUT');
    const days = await v.call('backup.setReminder', { days: 400 });
    expect(days.ok ? null : days.error.code).toBe('INVALID_INPUT');
    expect(readdirSync(drive)).toEqual([]);
    expect(await v.ok('backup.status')).toMatchObject({ reminderDays: 7 });
  });

  it('files.chooseBackupFolder gives a save handle for a folder, refuses a file, and answers null when cancelled', async () => {
    v = await ipcVault();
    drive = mkdtempSync(join(tmpdir(), 'cv-ipc-drive-'));
    v.host.folderQueue.push(drive);
    const chosen = await v.ok<{ handle: string; name: string } | null>('files.chooseBackupFolder');
    expect(chosen!.handle).toMatch(/^fh_[0-9a-f]{32}$/);
    expect(JSON.stringify(chosen)).not.toContain(tmpdir());
    const made = await v.ok<{ snapshotId: string }>('backup.create', { drive: chosen!.handle });
    expect(await v.ok('backup.list', { drive: chosen!.handle })).toEqual([
      expect.objectContaining({ snapshotId: made.snapshotId }),
    ]);
    // a folder handle is for writing into: it cannot be read in as evidence
    expect(
      await v.call('evidence.add', { caseId: '00000000-0000-7000-8000-000000000000', file: chosen!.handle }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FILE_HANDLE_INVALID' },
    });
    v.host.folderQueue.push(join(drive, 'case-vault-backup', 'not-there'));
    expect(await v.call('files.chooseBackupFolder', {})).toMatchObject({
      ok: false,
      error: { code: 'FILE_UNREADABLE' },
    });
    v.host.folderQueue.push(null);
    expect(await v.ok('files.chooseBackupFolder')).toBeNull();
  });

  it('files.chooseBackupFolder is refused while the vault is locked', async () => {
    v = await ipcVault();
    await v.ok('session.lock');
    drive = mkdtempSync(join(tmpdir(), 'cv-ipc-drive-'));
    v.host.folderQueue.push(drive);
    expect(await v.call('files.chooseBackupFolder', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });

  it('restores from the start screen: a folder while no vault exists, its snapshots, a restore, then unlock', async () => {
    const source = await ipcVault();
    drive = mkdtempSync(join(tmpdir(), 'cv-ipc-drive-'));
    try {
      const handle = await driveHandle(source, drive);
      const made = await source.ok<{ snapshotId: string }>('backup.create', { drive: handle });

      v = await ipcVault({ unlocked: false });
      // nothing of the unlocked vault's calls is open
      expect(await v.call('files.chooseBackupFolder', {})).toMatchObject({
        ok: false,
        error: { code: 'VAULT_LOCKED' },
      });
      v.host.folderQueue.push(drive);
      const chosen = await v.ok<{ handle: string }>('files.chooseRestoreFolder');
      expect(await v.ok('backup.listOnDrive', { drive: chosen.handle })).toEqual([
        expect.objectContaining({ snapshotId: made.snapshotId, readable: true, ownKey: null, erasuresAfter: null }),
      ]);
      expect(
        await v.call('backup.restore', {
          drive: chosen.handle,
          snapshotId: made.snapshotId,
          passphrase: 'correct horse battery staple',
          recoveryKey: 'x',
        }),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(
        await v.call('backup.restore', {
          drive: chosen.handle,
          snapshotId: made.snapshotId,
          passphrase: 'wrong passphrase!',
        }),
      ).toMatchObject({ ok: false, error: { code: 'BAD_PASSPHRASE' } });
      expect(existsSync(join(v.dir, 'vault.json'))).toBe(false);
      const restored = await v.ok<{ snapshotId: string; doctorOk: boolean; recoveryKey: string | null }>(
        'backup.restore',
        { drive: chosen.handle, snapshotId: made.snapshotId, passphrase: 'correct horse battery staple' },
      );
      expect(restored).toMatchObject({ snapshotId: made.snapshotId, doctorOk: true, recoveryKey: null });
      expect(
        v.host.events.some(
          (e) => e.name === 'progress' && (e.payload as { channel: string }).channel === 'backup.restore',
        ),
      ).toBe(true);
      // the restored vault is locked, and a second restore (or folder) is refused
      expect(await v.ok('vault.status')).toMatchObject({ state: 'locked' });
      await expect(v.call('files.chooseRestoreFolder', {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'BACKUP_RESTORE_TARGET_EXISTS' },
      });
      expect(
        await v.call('backup.restore', {
          drive: chosen.handle,
          snapshotId: made.snapshotId,
          passphrase: 'correct horse battery staple',
        }),
      ).toMatchObject({ ok: false, error: { code: 'BACKUP_RESTORE_TARGET_EXISTS' } });
      await v.ok('vault.unlock', { passphrase: 'correct horse battery staple' });
      const sourceInfo = await source.ok<{ vaultId: string }>('vault.info');
      expect(await v.ok('vault.info')).toMatchObject({ vaultId: sourceInfo.vaultId });
    } finally {
      source.cleanup();
    }
  });

  it('re-keys on restore: a new recovery key, shown once, and the new passphrase unlocks', async () => {
    const source = await ipcVault();
    drive = mkdtempSync(join(tmpdir(), 'cv-ipc-drive-'));
    try {
      const made = await source.ok<{ snapshotId: string }>('backup.create', {
        drive: await driveHandle(source, drive),
      });
      v = await ipcVault({ unlocked: false });
      v.host.folderQueue.push(drive);
      const chosen = await v.ok<{ handle: string }>('files.chooseRestoreFolder');
      const restored = await v.ok<{ rekeyed: boolean; recoveryKey: string | null }>('backup.restore', {
        drive: chosen.handle,
        snapshotId: made.snapshotId,
        passphrase: 'correct horse battery staple',
        newPassphrase: 'a brand new passphrase after the seizure',
      });
      expect(restored.rekeyed).toBe(true);
      expect(restored.recoveryKey).toMatch(/\w/);
      expect(await v.call('vault.unlock', { passphrase: 'correct horse battery staple' })).toMatchObject({
        ok: false,
        error: { code: 'BAD_PASSPHRASE' },
      });
      await v.ok('vault.unlock', { passphrase: 'a brand new passphrase after the seizure' });
    } finally {
      source.cleanup();
    }
  });
});
