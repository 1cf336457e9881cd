// A process killed with SIGKILL in the middle of writes leaves a vault that opens, passes
// doctor, and holds every write that was acknowledged before the kill.
import { spawn } from 'node:child_process';
import { createHash, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runDoctor, listAudit } from '../../src-main/engine/index.js';
import { PASSPHRASE, newVault, openVault } from '../helpers.js';

function runUntilKilled(dir: string, killAfterAcks: number): Promise<{ blobs: Map<string, string>; audits: number[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/crash-writer.ts', dir, PASSPHRASE], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const blobs = new Map<string, string>();
    const audits: number[] = [];
    let buf = '';
    let acks = 0;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const [kind, a, b] = line.split(' ');
        if (kind === 'blob') blobs.set(a!, b!);
        else if (kind === 'audit') audits.push(Number(a));
        else continue;
        if (++acks === killAfterAcks) {
          // Let it get into the next write (mid-chunk, mid-fsync or mid-commit), then kill.
          setTimeout(() => child.kill('SIGKILL'), randomInt(15));
        }
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ blobs, audits });
      else reject(new Error(`writer exited on its own (${code}): ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  it('SIGKILL mid-write: the vault opens, doctor passes, every acknowledged write is there', async () => {
    const { vault, dir } = await newVault();
    vault.lock();
    const acked = new Map<string, string>();
    const ackedAudits: number[] = [];
    for (const killAfter of [5, 17, 31, 12]) {
      const { blobs, audits } = await runUntilKilled(dir, killAfter);
      for (const [k, v] of blobs) acked.set(k, v);
      ackedAudits.push(...audits);

      const v = await openVault(dir);
      const report = await runDoctor(v, { deep: true });
      expect(report.findings.filter((f) => f.level === 'fail')).toEqual([]);
      for (const [blobId, sha] of acked) {
        const h = createHash('sha256');
        for await (const c of v.blobs.get(blobId)) h.update(c);
        expect(h.digest('hex')).toBe(sha);
      }
      const ticks = new Set<number>();
      let after = 0;
      for (;;) {
        const page = listAudit(v.db, { afterSeq: after, limit: 1000 });
        if (page.length === 0) break;
        for (const e of page) if (e.action === 'crash-test.tick') ticks.add(Number(e.details.i));
        after = page.at(-1)!.seq;
      }
      for (const i of audits) expect(ticks.has(i)).toBe(true);
      // Clean up what the kill left (an orphan file at most), as a user would.
      await runDoctor(v, { repair: true });
      v.lock();
    }
    expect(acked.size).toBeGreaterThan(10);
  }, 120_000);
});
