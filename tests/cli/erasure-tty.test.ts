// At a terminal an erasure asks for the record's id before anything happens: a wrong id erases
// nothing (USAGE), the right one goes on. Run in a pseudo-terminal (python3's pty module).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliVault } from './run-cli.js';

const BIN = path.resolve('bin/case-vault');

function inPty(answers: Array<[string, string]>, args: string[]) {
  const r = spawnSync(
    'python3',
    ['tests/fixtures/pty_run.py', JSON.stringify(answers), process.execPath, BIN, ...args],
    { encoding: 'utf8', env: { ...process.env, CASE_VAULT_PASSPHRASE: '' } },
  );
  return { status: r.status, out: r.stdout };
}

describe('erasure at a terminal', () => {
  it('asks to type the id: a wrong one erases nothing, the right one erases', () => {
    const v = cliVault();
    const p = v.json('person', 'add', '--name', 'Amina Yusuf');
    const args = ['person', 'erase', p.id, '--reason', 'she asked', '--vault', v.vault, '--passphrase-file', v.pw];
    const wrong = inPty([['to go on: ', 'not-the-id']], args);
    expect(wrong.status, wrong.out).toBe(2);
    expect(wrong.out).toMatch(/error: USAGE: the id typed does not match\. Nothing was erased\./);
    expect(v.json('person', 'show', p.id).id).toBe(p.id);
    const right = inPty([['to go on: ', p.id]], args);
    expect(right.status, right.out).toBe(0);
    expect(right.out).toContain(`erased:    ${p.id}`);
    expect(v.raw('person', 'show', p.id).status).toBe(1);
  });
});
