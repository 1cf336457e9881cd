// The hidden prompt and the progress bar need a terminal: run the CLI in a pseudo-terminal
// (python3's pty module) and answer its prompts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../helpers.js';

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

describe('CLI in a terminal', () => {
  it('asks for a new passphrase twice at init, then for the passphrase, never echoing it', () => {
    const vault = path.join(tempDir(), 'v');
    const init = inPty(
      [
        ['New passphrase: ', PASSPHRASE],
        ['Repeat it: ', PASSPHRASE],
      ],
      ['init', '--vault', vault],
    );
    expect(init.status, init.out).toBe(0);
    expect(init.out).toMatch(/RECOVERY KEY/);
    expect(init.out).not.toContain(PASSPHRASE);
    const status = inPty([['Vault passphrase: ', PASSPHRASE]], ['status', '--vault', vault]);
    expect(status.status, status.out).toBe(0);
    expect(status.out).toMatch(/Unlocking/); // the progress line, shown only on a terminal
    expect(status.out).toMatch(/audit entries {3}3/); // vault.created, identity.created, identity.pq-key-created
    expect(status.out).not.toContain(PASSPHRASE);
  });

  it('two different passphrases at init: PASSPHRASE_MISMATCH, nothing created', () => {
    const vault = path.join(tempDir(), 'v');
    const r = inPty(
      [
        ['New passphrase: ', PASSPHRASE],
        ['Repeat it: ', PASSPHRASE + '!'],
      ],
      ['init', '--vault', vault],
    );
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/error: PASSPHRASE_MISMATCH: /);
    expect(fs.existsSync(vault)).toBe(false);
  });
});
