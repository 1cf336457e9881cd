// Spawning ./bin/case-vault as a script would, for the CLI tests of every area.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { PASSPHRASE, tempDir } from '../helpers.js';

const BIN = path.resolve('bin/case-vault');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string | undefined> = {}, input?: string): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CASE_VAULT_PASSPHRASE: undefined, CASE_VAULT_DIR: undefined, ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    ...(input === undefined ? {} : { input }),
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function expectCliError(r: Run, code: string, exit = 1): void {
  expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(new RegExp(`^error: ${code}: \\S.*`));
  expect(r.status).toBe(exit);
}

/**
 * A fresh vault and a `cv(...args)` that runs commands against it with --json and parses the
 * output (throws with stderr if the command failed; use `cv.raw` to look at a failure).
 */
export function cliVault() {
  const base = tempDir('cv-cli-');
  const vault = path.join(base, 'vault');
  const pw = path.join(base, 'pw.txt');
  fs.writeFileSync(pw, PASSPHRASE + '\n');
  const init = runCli(['init', '--vault', vault, '--passphrase-file', pw, '--json']);
  if (init.status !== 0) throw new Error(init.stderr);
  const raw = (...args: string[]) => runCli([...args, '--vault', vault, '--passphrase-file', pw]);
  // Test convenience: CLI JSON is read field by field in assertions, which check the shapes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json = <T = any>(...args: string[]): T => {
    const r = raw(...args, '--json');
    if (r.status !== 0) throw new Error(`case-vault ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    return JSON.parse(r.stdout) as T;
  };
  return { base, vault, pw, raw, json };
}

type CliVault = ReturnType<typeof cliVault>;

/**
 * Clear a partner under the default partner policy (docs/partners.md): due diligence approved,
 * a signed confidentiality agreement.
 */
export function clearCliPartner(v: CliVault, partnerId: string): void {
  v.json('partner', 'update', partnerId, '--dd-outcome', 'approved');
  v.json('partner', 'agreement', 'add', partnerId, '--kind', 'confidentiality', '--signed-on', '2025-01-05');
}

/**
 * Two CLI vaults as two organisations: each exported its card and added the other's; A verified
 * B's key (and B A's, unless told otherwise) by the safety number; each cleared the other under
 * the partner policy unless told otherwise.
 */
export function cliPair(opts: { verifyRecipient?: boolean; clear?: boolean } = {}) {
  const a = cliVault();
  const b = cliVault();
  a.json('identity', 'set', '--organisation', 'Haki Litigation Centre');
  b.json('identity', 'set', '--organisation', 'Partner Legal Aid');
  const aCard = path.join(a.base, 'a.cvcard');
  const bCard = path.join(b.base, 'b.cvcard');
  a.json('identity', 'export-card', '--out', aCard);
  b.json('identity', 'export-card', '--out', bCard);
  const bInA = a.json('partner', 'add', '--card', bCard).partner.id as string;
  const aInB = b.json('partner', 'add', '--card', aCard).partner.id as string;
  const digits = a.json('partner', 'safety-number', bInA).digits as string;
  a.json('partner', 'verify', bInA, '--safety-number', digits.replace(/(\d{5})/g, '$1 '), '--by', 'Asha');
  if (opts.verifyRecipient !== false) b.json('partner', 'verify', aInB, '--safety-number', digits, '--by', 'Tomás');
  if (opts.clear !== false) {
    clearCliPartner(a, bInA);
    clearCliPartner(b, aInB);
  }
  return { a, b, bInA, aInB, digits };
}
