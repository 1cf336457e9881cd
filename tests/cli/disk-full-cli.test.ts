// The real CLI on a full disk: every command that writes answers `error: DISK_FULL: sentence`
// (exit 1) rather than INTERNAL, leaves no temp file in the user's folder, and the vault opens
// afterwards with everything it held. One small tmpfs for the file (skipped, with the reason,
// where it cannot be mounted), filled to a few KiB free before each command.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../helpers.js';
import { type SmallDisk, mountSmallDisk } from '../engine/faults/small-disk.js';
import { cliVault, expectCliError, runCli } from './run-cli.js';
import { twoVaults } from '../engine/bundles/bundle-helpers.js';
import { setSharingProfile } from '../../src-main/engine/partners/partner-service.js';
import { createCase } from '../../src-main/engine/cases/case-service.js';

const disk = mountSmallDisk(8);
const skip = typeof disk === 'string' ? disk : '';
const small = disk as SmallDisk;

afterEach(() => {
  if (!skip) small.clear();
});
afterAll(() => {
  if (!skip) small.unmount();
});

/** A copy of the vault `v.vault` on the small disk, with a runner for it (passphrase file `v.pw`). */
function onDisk(v: { vault: string; pw: string }) {
  const vault = path.join(small.folder('v'), 'vault');
  fs.cpSync(v.vault, vault, { recursive: true });
  const raw = (...args: string[]) => runCli([...args, '--vault', vault, '--passphrase-file', v.pw]);
  return { vault, raw };
}

/** Run `fn` with the disk filled to `bytesFree`, emptied again afterwards. */
function whileFull<T>(bytesFree: number, fn: () => T): T {
  small.fill(bytesFree);
  try {
    return fn();
  } finally {
    small.unfill();
  }
}

const DISK_FULL_SENTENCE = /^error: DISK_FULL: .*no space is left on the disk/i;

function expectDiskFull(r: { status: number | null; stdout: string; stderr: string }): void {
  expectCliError(r, 'DISK_FULL');
  expect(r.stderr).toMatch(DISK_FULL_SENTENCE);
}

describe.skipIf(skip)(`case-vault on a full disk${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('note add and passphrase change: DISK_FULL; the vault opens with the old passphrase and holds its notes', () => {
    const v = cliVault();
    const c = v.json('case', 'add', '--title', 'Detention at Kilima');
    v.json('note', 'add', '--case', c.id, '--text', 'First interview.');
    const d = onDisk(v);
    whileFull(4 * 1024, () =>
      expectDiskFull(d.raw('note', 'add', '--case', c.id, '--text', 'x'.repeat(20_000), '--json')),
    );
    const next = path.join(v.base, 'next.txt');
    fs.writeFileSync(next, 'a new passphrase, long enough\n');
    for (const free of [0, 6 * 1024])
      whileFull(free, () => expectDiskFull(d.raw('passphrase', 'change', '--new-passphrase-file', next)));
    const notes = JSON.parse(d.raw('note', 'list', '--case', c.id, '--json').stdout);
    expect(notes.map((n: { body: string }) => n.body)).toEqual(['First interview.']);
    expect(fs.readdirSync(d.vault).sort()).toEqual(['blobs', 'vault.db', 'vault.json']);
  });

  it('init: DISK_FULL and no half-made vault', () => {
    const parent = small.folder('init');
    const pw = path.join(tempDir(), 'pw.txt');
    fs.writeFileSync(pw, PASSPHRASE + '\n');
    whileFull(64 * 1024, () =>
      expectDiskFull(runCli(['init', '--vault', path.join(parent, 'vault'), '--passphrase-file', pw, '--json'])),
    );
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it('evidence export, identity export-card and export-age-key into a full folder: DISK_FULL, nothing left there', () => {
    const v = cliVault();
    const c = v.json('case', 'add', '--title', 'Detention at Kilima');
    const file = path.join(v.base, 'statement.txt');
    fs.writeFileSync(file, 'The statement.\n'.repeat(2000));
    const e = v.json('evidence', 'add', file, '--case', c.id, '--type', 'testimony');
    const out = small.folder('out');
    whileFull(4 * 1024, () => {
      expectDiskFull(v.raw('evidence', 'export', e.id, '--out', path.join(out, 'copy.txt'), '--reason', 'court'));
    });
    whileFull(0, () => {
      expectDiskFull(v.raw('identity', 'export-card', '--out', path.join(out, 'me.cvcard')));
      const age = v.raw('identity', 'export-age-key', '--out', path.join(out, 'key.txt'), '--json');
      // the warning about the private key goes to stderr first, whatever happens after
      expect(age.status).toBe(1);
      expect(age.stderr.trimEnd().split('\n').at(-1)).toMatch(DISK_FULL_SENTENCE);
    });
    expect(fs.readdirSync(out)).toEqual([]);
    const log = v.json('evidence', 'custody', e.id);
    expect(log.events.map((ev: { action: string }) => ev.action)).not.toContain('exported');
  });

  it('bundle export into a full folder and bundle import into a vault on a full disk: DISK_FULL, both vaults intact', async () => {
    // two vaults that verified and cleared each other, made in process (cheaper than by the CLI)
    const { sender, recipient } = await twoVaults();
    setSharingProfile(sender.ctx, { partnerId: sender.partnerId, allow: [{ kind: 'cases' }] });
    const caseId = createCase(sender.ctx, { title: 'Detention at Kilima' }).id;
    sender.vault.lock();
    recipient.vault.lock();
    const pw = path.join(tempDir(), 'pw.txt');
    fs.writeFileSync(pw, PASSPHRASE + '\n');
    const exportTo = (out: string) =>
      runCli([
        'bundle',
        'export',
        '--to',
        sender.partnerId,
        '--case',
        caseId,
        '--purpose',
        'Referral',
        '--out',
        out,
        '--vault',
        sender.dir,
        '--passphrase-file',
        pw,
      ]);

    const out = small.folder('out');
    whileFull(0, () => expectDiskFull(exportTo(path.join(out, 'case.cvbundle'))));
    expect(fs.readdirSync(out)).toEqual([]);

    const bundle = path.join(tempDir(), 'case.cvbundle');
    expect(exportTo(bundle).status).toBe(0);
    const d = onDisk({ vault: recipient.dir, pw });
    whileFull(4 * 1024, () => expectDiskFull(d.raw('bundle', 'import', bundle)));
    expect(JSON.parse(d.raw('case', 'list', '--json').stdout)).toEqual([]);
    // with room again the same bundle goes in: the refused import left nothing half-done
    expect(d.raw('bundle', 'import', bundle, '--json').status).toBe(0);
    expect(JSON.parse(d.raw('case', 'list', '--json').stdout)).toHaveLength(1);

    // the receipt is written after the import committed: if it cannot be, the error says the
    // import is done and how to get the receipt
    const receipt = path.join(small.folder('receipt'), 'case.receipt.json');
    const importInto = (vault: string) =>
      runCli([
        'bundle',
        'import',
        bundle,
        '--receipt-out',
        receipt,
        '--vault',
        vault,
        '--passphrase-file',
        pw,
        '--json',
      ]);
    const refused = whileFull(0, () => importInto(recipient.dir));
    expectDiskFull(refused);
    expect(refused.stderr).toMatch(
      /The import is done; only its receipt could not be written: .*Import the same file again/,
    );
    const again = importInto(recipient.dir);
    expect(JSON.parse(again.stdout)).toMatchObject({ result: 'already-imported', receiptPath: receipt });
    expect(fs.readdirSync(path.dirname(receipt))).toEqual(['case.receipt.json']);
  });
});

describe('init', () => {
  it('two inits racing for one folder: one makes the vault, the other answers VAULT_EXISTS', async () => {
    const base = tempDir();
    const pw = path.join(base, 'pw.txt');
    fs.writeFileSync(pw, PASSPHRASE + '\n');
    const vault = path.join(base, 'vault');
    const initOnce = () =>
      new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          ['bin/case-vault', 'init', '--vault', vault, '--passphrase-file', pw, '--json'],
          {
            stdio: ['ignore', 'ignore', 'pipe'],
          },
        );
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (status) => resolve({ status, stderr }));
      });
    const runs = await Promise.all([initOnce(), initOnce()]);
    expect(runs.map((r) => r.status).sort()).toEqual([0, 1]);
    const loser = runs.find((r) => r.status === 1)!;
    expect(loser.stderr).toMatch(/^error: VAULT_EXISTS: /);
    expect(fs.readdirSync(base).sort()).toEqual(['pw.txt', 'vault']);
    expect(runCli(['status', '--vault', vault, '--passphrase-file', pw]).status).toBe(0);
  });
});
