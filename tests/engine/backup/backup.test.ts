// Backups to a drive folder: create, list, verify, restore, on real vaults and real files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backup, domainContext } from '../../../src-main/engine/index.js';
import { readAgenda } from '../../../src-main/engine/agenda/agenda-service.js';
import { PASSPHRASE, codeOf, collect, newVault, openVault, tempDir } from '../../helpers.js';

const { createBackup, listBackups, restoreBackup, verifyBackup, vaultBackupDir } = backup;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

async function vaultWithEvidence(n = 3, size = 150_000) {
  const made = await newVault();
  const blobs = [];
  for (let i = 0; i < n; i++) blobs.push(await made.vault.blobs.put([Buffer.alloc(size + i, 7 + i)]));
  return { ...made, blobs };
}

describe('backup create / list / verify / restore', () => {
  it('writes a snapshot that verifies, lists and restores; a second run copies no evidence again', async () => {
    const { vault, blobs, recoveryKey } = await vaultWithEvidence();
    const drive = tempDir('cv-drive-');
    const first = await createBackup(vault, drive, { partBytes: 100_000 });
    expect(first.blobs).toBe(3);
    expect(first.blobsReused).toBe(0);
    // the blobs are cut into parts of at most 100 000 bytes
    const vdir = vaultBackupDir(drive, vault.id);
    const sizes = filesUnder(path.join(vdir, 'objects')).map((f) => fs.statSync(path.join(vdir, 'objects', f)).size);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100_000);

    await vault.blobs.put([Buffer.alloc(10, 1)]);
    const second = await createBackup(vault, drive, { partBytes: 100_000 });
    expect(second.blobsReused).toBe(3);
    expect(second.blobs).toBe(4);
    // the new evidence file (one part), the database, the manifest; vault.json is shared
    expect(second.filesWritten).toBeLessThanOrEqual(2 + Math.ceil(second.bytesWritten / 100_000) + 1);
    expect(second.bytesWritten).toBeLessThan(first.bytesWritten);
    expect(filesUnder(path.join(vdir, 'tmp'))).toEqual([]);

    const listed = await listBackups(drive, { vault });
    expect(listed.map((s) => s.snapshotId)).toEqual([first.snapshotId, second.snapshotId]);
    expect(listed.every((s) => s.readable && s.ownKey === true && s.erasuresAfter === 0)).toBe(true);

    const verified = await verifyBackup(drive, { vault });
    expect(verified.map((v) => v.mac)).toEqual(['vault-key', 'vault-key']);
    // without a key: signature and hashes only
    expect((await verifyBackup(drive, { snapshotId: first.snapshotId })).map((v) => v.mac)).toEqual(['not-checked']);
    vault.lock();

    const target = path.join(tempDir(), 'restored');
    // what a restore killed earlier left beside the target goes
    const stale = path.join(path.dirname(target), '.restored.restoring-0123456789ab');
    fs.mkdirSync(stale);
    fs.writeFileSync(path.join(stale, 'vault.db'), 'half');
    const restored = await restoreBackup(drive, target, {
      credential: { recoveryKey },
      snapshotId: first.snapshotId,
    });
    expect(restored.doctor.ok).toBe(true);
    expect(restored.blobs).toBe(3);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['restored']);
    const back = await openVault(target);
    expect(back.id).toBe(vault.id);
    for (const b of blobs) expect((await collect(back.blobs.get(b.blobId))).length).toBe(b.size);
    back.lock();
  });

  it('the database copy on the drive is encrypted, and nothing of the evidence is readable', async () => {
    const { vault } = await newVault();
    const marker = 'PLAINTEXT-MARKER-backup-7f3a';
    await vault.blobs.put([Buffer.from(marker.repeat(100))]);
    vault.audit('test.marker', { note: marker });
    const drive = tempDir('cv-drive-');
    await createBackup(vault, drive);
    const vdir = vaultBackupDir(drive, vault.id);
    for (const f of filesUnder(path.join(vdir, 'objects'))) {
      const bytes = fs.readFileSync(path.join(vdir, 'objects', f));
      expect(bytes.includes(marker)).toBe(false);
      expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    }
  });

  it('refuses to restore over an existing folder, and with a wrong passphrase leaves nothing behind', async () => {
    const { vault, dir } = await vaultWithEvidence(1);
    const drive = tempDir('cv-drive-');
    await createBackup(vault, drive);
    vault.lock();
    expect(await codeOf(restoreBackup(drive, dir, { credential: { passphrase: PASSPHRASE } }))).toBe(
      'BACKUP_RESTORE_TARGET_EXISTS',
    );
    const parent = tempDir();
    expect(
      await codeOf(
        restoreBackup(drive, path.join(parent, 'x'), { credential: { passphrase: 'not the passphrase at all' } }),
      ),
    ).toBe('BAD_PASSPHRASE');
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it('records the last backup in the vault and says when the next is due', async () => {
    const { vault } = await newVault();
    const db = vault.db;
    expect(backup.backupStatus(db)).toMatchObject({ lastBackupAt: null, reminderDays: 7, due: true });
    const drive = tempDir('cv-drive-');
    const made = await createBackup(vault, drive);
    const now = new Date(Date.parse(made.createdAt) + 3 * 86400_000);
    expect(backup.backupStatus(db, now)).toMatchObject({
      lastBackupAt: made.createdAt,
      lastSnapshotId: made.snapshotId,
      due: false,
      daysSinceLast: 3,
    });
    // the home screen's agenda carries the same status
    expect(readAgenda(domainContext(vault, () => now)).backup).toMatchObject({ due: false, daysSinceLast: 3 });
    expect(backup.setBackupReminder(db, vault.id, 2, now)).toMatchObject({ reminderDays: 2, due: true });
    expect(() => backup.setBackupReminder(db, vault.id, 0)).toThrow(/whole number/);
  });
});
