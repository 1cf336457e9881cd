// A passphrase that is not valid UTF-8 is refused, old and new, from a file, from stdin and
// from the environment: decoded leniently, every invalid byte became U+FFFD, so that any
// invalid passphrase of the same shape unlocked the vault and any binary file was taken as a
// new passphrase.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../helpers.js';
import { cliVault, expectCliError, runCli } from './run-cli.js';

/** Latin-1 "correct horse battery stäple": one byte 0xE4 where UTF-8 needs two. */
const LATIN1 = Buffer.from('correct horse battery st\u00e4ple\n', 'latin1');
/** the same shape with another invalid byte: a lenient decoder makes both the same text */
const LATIN1_OTHER = Buffer.from('correct horse battery st\u00fcple\n', 'latin1');

describe('passphrases that are not valid UTF-8', () => {
  it('init with a binary or Latin-1 passphrase file: PASSPHRASE_NOT_UTF8, no vault made', () => {
    const base = tempDir();
    for (const bytes of [LATIN1, Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x90, 0xc3, 0x28, 0x0a])]) {
      const pw = path.join(base, 'pw.bin');
      fs.writeFileSync(pw, bytes);
      expectCliError(
        runCli(['init', '--vault', path.join(base, 'vault'), '--passphrase-file', pw]),
        'PASSPHRASE_NOT_UTF8',
      );
    }
    expect(fs.readdirSync(base)).toEqual(['pw.bin']);
  });

  it('unlock, passphrase change, stdin and the environment refuse them; the vault keeps its passphrase', () => {
    const v = cliVault();
    const bad = path.join(v.base, 'bad.txt');
    fs.writeFileSync(bad, LATIN1_OTHER);
    expectCliError(runCli(['status', '--vault', v.vault, '--passphrase-file', bad]), 'PASSPHRASE_NOT_UTF8');

    expectCliError(v.raw('passphrase', 'change', '--new-passphrase-file', bad), 'PASSPHRASE_NOT_UTF8');
    expectCliError(
      runCli(['passphrase', 'change', '--vault', v.vault, '--passphrase-file', v.pw], {
        CASE_VAULT_NEW_PASSPHRASE: 'correct horse battery st\uFFFDple',
      }),
      'PASSPHRASE_NOT_UTF8',
    );

    // through a shell pipe, as `pass show vault | case-vault … --passphrase-file /dev/stdin` would
    const latin1 = path.join(v.base, 'latin1.txt');
    fs.writeFileSync(latin1, LATIN1);
    const stdin = spawnSync(
      'sh',
      [
        '-c',
        'cat "$1" | "$2" bin/case-vault status --vault "$3" --passphrase-file /dev/stdin',
        'sh',
        latin1,
        process.execPath,
        v.vault,
      ],
      { encoding: 'utf8', env: { ...process.env, CASE_VAULT_PASSPHRASE: undefined } },
    );
    expectCliError({ status: stdin.status, stdout: stdin.stdout, stderr: stdin.stderr }, 'PASSPHRASE_NOT_UTF8');

    expect(runCli(['status', '--vault', v.vault], { CASE_VAULT_PASSPHRASE: PASSPHRASE }).status).toBe(0);
  });
});
