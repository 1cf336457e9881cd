// backup create | list | verify | prune | restore | status | remind, through ./bin/case-vault.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { cliVault, expectCliError, runCli } from './run-cli.js';

function withBackup() {
  const v = cliVault();
  const file = path.join(v.base, 'statement.pdf');
  fs.writeFileSync(file, Buffer.alloc(70_000, 3));
  const c = v.json<{ id: string }>('case', 'add', '--title', 'Detention case');
  v.json('evidence', 'add', file, '--case', c.id, '--title', 'Statement', '--type', 'document');
  const drive = tempDir('cv-drive-');
  const made = v.json<{ snapshotId: string; bytesWritten: number; filesWritten: number }>(
    'backup',
    'create',
    '--to',
    drive,
  );
  return { ...v, drive, made };
}

describe('backup CLI', () => {
  it('create, list, verify, restore into a new folder (never over a vault), status', () => {
    const v = withBackup();
    expect(v.made.snapshotId).toMatch(/^[0-9a-f-]{36}$/);
    expect(v.made.filesWritten).toBe(4); // database, vault.json, one evidence file, manifest
    expect(v.made.bytesWritten).toBeGreaterThan(70_000);

    const list = v.json<Array<{ snapshotId: string; createdAt: string; blobs: number; erasuresAfter: number }>>(
      'backup',
      'list',
      v.drive,
    );
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ snapshotId: v.made.snapshotId, blobs: 1, erasuresAfter: 0 });

    const verified = runCli(['backup', 'verify', v.drive, '--json']);
    expect(verified.status, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout)[0]).toMatchObject({ snapshotId: v.made.snapshotId, mac: 'not-checked' });
    const withKey = runCli(['backup', 'verify', v.drive, '--passphrase-file', v.pw, '--json']);
    expect(JSON.parse(withKey.stdout)[0].mac).toBe('credential');

    const target = path.join(tempDir(), 'restored');
    const restored = runCli(['backup', 'restore', v.drive, '--vault', target, '--passphrase-file', v.pw, '--json']);
    expect(restored.status, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ snapshotId: v.made.snapshotId, doctorOk: true, blobs: 1 });
    const status = runCli(['status', '--vault', target, '--passphrase-file', v.pw, '--json']);
    expect(JSON.parse(status.stdout).counts.blobs).toBe(1);

    expectCliError(
      runCli(['backup', 'restore', v.drive, '--vault', v.vault, '--passphrase-file', v.pw]),
      'BACKUP_RESTORE_TARGET_EXISTS',
    );
    const backupStatus = v.json<{ lastSnapshotId: string; due: boolean; reminderDays: number }>('backup', 'status');
    expect(backupStatus).toMatchObject({ lastSnapshotId: v.made.snapshotId, due: false, reminderDays: 7 });
    expect(v.json('backup', 'remind', '--days', '1')).toMatchObject({ reminderDays: 1 });
  });

  it('a tampered manifest or a swapped file fails verify with one error line and exit 1', () => {
    const v = withBackup();
    const vdir = path.join(v.drive, 'case-vault-backup', fs.readdirSync(path.join(v.drive, 'case-vault-backup'))[0]!);
    const manifestFile = path.join(vdir, 'snapshots', `${v.made.snapshotId}.json`);
    const original = fs.readFileSync(manifestFile, 'utf8');
    fs.writeFileSync(manifestFile, original.replace(/"createdAt":"\d{4}/, '"createdAt":"2001'));
    expectCliError(runCli(['backup', 'verify', v.drive]), 'BACKUP_SIGNATURE_INVALID');
    fs.writeFileSync(manifestFile, original);

    const manifest = JSON.parse(original) as { blobs: Array<{ parts: Array<{ sha256: string }> }> };
    const sha = manifest.blobs[0]!.parts[0]!.sha256;
    const object = path.join(vdir, 'objects', sha.slice(0, 2), sha);
    const bytes = fs.readFileSync(object);
    bytes[100] = bytes[100]! ^ 1;
    fs.writeFileSync(object, bytes);
    expectCliError(runCli(['backup', 'verify', v.drive]), 'BACKUP_FILE_MISMATCH');
    const target = path.join(tempDir(), 'restored');
    expectCliError(
      runCli(['backup', 'restore', v.drive, '--vault', target, '--passphrase-file', v.pw]),
      'BACKUP_FILE_MISMATCH',
    );
    expect(fs.existsSync(target)).toBe(false);
  });

  it('restore --rekey: the old passphrase opens nothing, the new one and the new recovery key do', () => {
    const v = withBackup();
    const newPw = path.join(v.base, 'new-pw.txt');
    fs.writeFileSync(newPw, 'a brand new passphrase after the raid\n');
    const target = path.join(tempDir(), 'rekeyed');
    const r = runCli([
      'backup',
      'restore',
      v.drive,
      '--vault',
      target,
      '--passphrase-file',
      v.pw,
      '--rekey',
      '--new-passphrase-file',
      newPw,
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { rekeyed: boolean; recoveryKey: string; doctorOk: boolean };
    expect(out).toMatchObject({ rekeyed: true, doctorOk: true });
    expectCliError(runCli(['status', '--vault', target, '--passphrase-file', v.pw]), 'BAD_PASSPHRASE');
    const rk = path.join(v.base, 'rk.txt');
    fs.writeFileSync(rk, out.recoveryKey + '\n');
    const doctor = runCli(['doctor', '--deep', '--vault', target, '--recovery-key-file', rk, '--json']);
    expect(doctor.status, doctor.stderr).toBe(0);
    const oldCard = v.json<{ fingerprint: string }>('identity', 'show');
    const newCard = JSON.parse(
      runCli(['identity', 'show', '--vault', target, '--passphrase-file', newPw, '--json']).stdout,
    );
    expect(newCard.fingerprint).not.toBe(oldCard.fingerprint);
  });

  it('prune --keep 1 removes the older snapshot and the files only it used', () => {
    const v = withBackup();
    const second = v.json<{ snapshotId: string }>('backup', 'create', '--to', v.drive);
    const pruned = v.json<{ removed: string[]; kept: number; objectsRemoved: number }>(
      'backup',
      'prune',
      v.drive,
      '--keep',
      '1',
    );
    expect(pruned).toMatchObject({ removed: [v.made.snapshotId], kept: 1 });
    // the first snapshot's database copy only
    expect(pruned.objectsRemoved).toBe(1);
    const left = v.json<Array<{ snapshotId: string }>>('backup', 'list', v.drive);
    expect(left.map((s) => s.snapshotId)).toEqual([second.snapshotId]);
    expect(runCli(['backup', 'verify', v.drive]).status).toBe(0);
    expectCliError(runCli(['backup', 'prune', v.drive, '--keep', 'x', '--vault', v.vault]), 'USAGE', 2);
  });
});
