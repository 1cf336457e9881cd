// A backup killed (SIGKILL) at any moment: the drive holds no snapshot that verifies but is
// incomplete, the next run completes and clears the temp files, and the vault is untouched.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backup, runDoctor } from '../../../src-main/engine/index.js';
import { PASSPHRASE, newVault, openVault, tempDir } from '../../helpers.js';

/** Runs the writer until it has sent `killAfter` lines, kills it, and returns the snapshots it finished. */
function runUntilKilled(dir: string, drive: string, killAfter: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/fixtures/backup-crash-writer.ts', dir, PASSPHRASE, drive],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const finished: string[] = [];
    let lines = 0;
    let buf = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith('snapshot ')) finished.push(line.slice(9));
        if (line !== 'ready' && ++lines === killAfter) child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(finished);
      else reject(new Error(`backup writer exited on its own (${code}): ${stderr}`));
    });
  });
}

describe('backup crash safety', () => {
  it('SIGKILL mid-backup: every snapshot on the drive verifies, the next run completes, the vault passes doctor', async () => {
    const { vault, dir } = await newVault();
    vault.lock();
    const drive = tempDir('cv-drive-');
    const finished: string[] = [];
    // kill points: inside the first run, and inside a later one
    for (const killAfter of [12, 45]) {
      finished.push(...(await runUntilKilled(dir, drive, killAfter)));
      // whatever is on the drive verifies: a snapshot is there whole or not at all
      const ids = fs.existsSync(path.join(drive, 'case-vault-backup'))
        ? (await backup.listBackups(drive)).map((s) => s.snapshotId)
        : [];
      for (const id of finished) expect(ids).toContain(id);
      if (ids.length > 0) {
        const verified = await backup.verifyBackup(drive, { credential: { passphrase: PASSPHRASE } });
        expect(verified.map((s) => s.snapshotId)).toEqual(ids);
      }
    }
    expect(finished.length).toBeGreaterThan(0);
    const v = await openVault(dir);
    const report = await runDoctor(v, { deep: true, repair: true });
    expect(report.findings.filter((f) => f.level === 'fail')).toEqual([]);
    const again = await backup.createBackup(v, drive);
    expect((await backup.verifyBackup(drive, { vault: v, snapshotId: again.snapshotId }))[0]!.mac).toBe('vault-key');
    expect(fs.readdirSync(path.join(backup.vaultBackupDir(drive, v.id), 'tmp'))).toEqual([]);
    // objects left by the killed runs are named by no manifest; prune collects them
    const pruned = await backup.pruneBackups(v, drive, 100);
    expect(pruned.collected).toBe(true);
    expect(await backup.verifyBackup(drive, { vault: v })).toHaveLength(finished.length + 1);
    v.lock();
  }, 120_000);
});
