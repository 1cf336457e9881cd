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

  it('typed bytes that are not UTF-8 (a terminal set to Latin-1): PASSPHRASE_NOT_UTF8; UTF-8 letters and backspace are fine', () => {
    const vault = path.join(tempDir(), 'v');
    // "stäple" with ä as the single Latin-1 byte 0xE4 (written \udce4 for pty_run.py)
    const latin1 = 'correct horse battery st\udce4ple';
    const r = inPty(
      [
        ['New passphrase: ', latin1],
        ['Repeat it: ', latin1],
      ],
      ['init', '--vault', vault],
    );
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/error: PASSPHRASE_NOT_UTF8: /);
    expect(fs.existsSync(vault)).toBe(false);

    // "stäplé" in UTF-8, typed with a mistake erased by backspace (DEL) over a two-byte letter
    const utf8 = 'correct horse battery stäpl\u00e9\u00e9\u007f';
    const ok = inPty(
      [
        ['New passphrase: ', utf8],
        ['Repeat it: ', 'correct horse battery stäplé'],
      ],
      ['init', '--vault', vault, '--json'],
    );
    expect(ok.status).toBe(0);
  });
});
