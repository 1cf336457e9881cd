// `case-vault policy set --wipe-after-failed-unlocks` and `case-vault panic --destroy-keys`
// through the real CLI binary: the bounds, the count of failed unlocks across separate runs,
// the wipe at N, and the panic's confirmation (typed in a terminal, --yes in a script).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliVault, expectCliError, runCli } from './run-cli.js';

const BIN = path.resolve('bin/case-vault');

function inPty(answers: Array<[string, string]>, args: string[]) {
  const r = spawnSync(
    'python3',
    ['tests/fixtures/pty_run.py', JSON.stringify(answers), process.execPath, BIN, ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, CASE_VAULT_PASSPHRASE: '' },
    },
  );
  return { status: r.status, out: r.stdout };
}

describe('case-vault policy set --wipe-after-failed-unlocks', () => {
  it('takes 5..20 or off, shows it, and the fifth failed unlock in a row destroys the keys', () => {
    const v = cliVault();
    for (const bad of ['4', '21', 'ten']) {
      expectCliError(v.raw('policy', 'set', '--wipe-after-failed-unlocks', bad), 'USAGE', 2);
    }
    expect(v.json('policy', 'set', '--wipe-after-failed-unlocks', '5')).toMatchObject({
      requireDueDiligence: true,
      wipeAfterFailedUnlocks: 5,
    });
    expect(v.raw('policy', 'show').stdout).toMatch(/^destroy keys after failed unlocks:\s+5 in a row \(/m);

    const wrong = path.join(v.base, 'wrong.txt');
    fs.writeFileSync(wrong, 'not the passphrase at all\n');
    const attempt = () => runCli(['status', '--vault', v.vault, '--passphrase-file', wrong]);
    const first = attempt();
    expectCliError(first, 'BAD_PASSPHRASE');
    expect(first.stderr).toContain('4 more failed attempts');
    const counter = path.join(v.vault, 'unlock-attempts');
    // three more failures, as the counter records them (each costs a process start and a KDF)
    const vaultId = (JSON.parse(fs.readFileSync(path.join(v.vault, 'vault.json'), 'utf8')) as { vaultId: string })
      .vaultId;
    expect(fs.readFileSync(counter, 'utf8')).toBe(`${vaultId}\n`);
    fs.writeFileSync(counter, `${vaultId}\n`.repeat(4));
    const last = attempt();
    expectCliError(last, 'VAULT_KEYS_DESTROYED');
    expect(last.stderr).toMatch(/restore the vault from a backup/i);
    expectCliError(v.raw('status'), 'VAULT_KEYS_DESTROYED');
  });

  it('off turns it back off', () => {
    const v = cliVault();
    v.json('policy', 'set', '--wipe-after-failed-unlocks', '20');
    expect(v.json('policy', 'set', '--wipe-after-failed-unlocks', 'off')).toMatchObject({
      wipeAfterFailedUnlocks: null,
    });
    expect(v.raw('policy', 'show').stdout).toMatch(/^destroy keys after failed unlocks:\s+off$/m);
  });
});

describe('case-vault panic --destroy-keys', () => {
  it('needs --destroy-keys, and --yes outside a terminal; then destroys the keys without a passphrase', () => {
    const v = cliVault();
    const before = fs.readFileSync(path.join(v.vault, 'vault.json'));
    expectCliError(runCli(['panic', '--vault', v.vault]), 'USAGE', 2);
    expectCliError(runCli(['panic', '--destroy-keys', '--vault', v.vault]), 'USAGE', 2);
    expect(fs.readFileSync(path.join(v.vault, 'vault.json'))).toEqual(before);

    const r = runCli(['panic', '--destroy-keys', '--yes', '--json', '--vault', v.vault]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      vaultId: expect.any(String) as string,
      keysDestroyed: true,
      alreadyDestroyed: false,
    });
    expectCliError(v.raw('status'), 'VAULT_KEYS_DESTROYED');
    const again = runCli(['panic', '--destroy-keys', '--yes', '--vault', v.vault]);
    expect(again.stdout).toMatch(/were already destroyed/);
    expectCliError(
      runCli(['panic', '--destroy-keys', '--yes', '--vault', path.join(v.base, 'none')]),
      'VAULT_NOT_FOUND',
    );
  });

  it('in a terminal, asks to type DESTROY; anything else changes nothing', () => {
    const v = cliVault();
    const before = fs.readFileSync(path.join(v.vault, 'vault.json'));
    const no = inPty([['Type DESTROY to go on: ', 'destroy']], ['panic', '--destroy-keys', '--vault', v.vault]);
    expect(no.status).toBe(2);
    expect(no.out).toMatch(/cancelled/);
    expect(fs.readFileSync(path.join(v.vault, 'vault.json'))).toEqual(before);
    const yes = inPty([['Type DESTROY to go on: ', 'DESTROY']], ['panic', '--destroy-keys', '--vault', v.vault]);
    expect(yes.status, yes.out).toBe(0);
    expect(yes.out).toMatch(/only a backup restores it/);
    expectCliError(v.raw('status'), 'VAULT_KEYS_DESTROYED');
  });
});
