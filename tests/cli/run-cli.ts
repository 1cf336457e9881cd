// Spawning ./bin/case-vault as a script would, for the CLI tests of every area.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, expect } from 'vitest';
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

/** A vault made by `init` in `base` (its folder `vault`, its passphrase file `pw.txt`). */
function initVault(base: string): void {
  const pw = path.join(base, 'pw.txt');
  fs.writeFileSync(pw, PASSPHRASE + '\n');
  const init = runCli(['init', '--vault', path.join(base, 'vault'), '--passphrase-file', pw, '--json']);
  if (init.status !== 0) throw new Error(init.stderr);
}

/** The commands of the vault in `base`: `raw` returns the run, `json` adds --json and parses stdout. */
function vaultAt(base: string) {
  const vault = path.join(base, 'vault');
  const pw = path.join(base, 'pw.txt');
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

/*
 * Prepared vaults. Each CLI run costs a process start and an unlock; `init` and the card
 * exchange of a pair cost many. So a test file makes each starting state once, through the CLI
 * as before, and every test gets a fresh copy of it: the files of a locked vault are the whole
 * vault. The copies of one state are the same vault (same id and keys), so the n-th
 * `cliVault()` of a test copies the n-th prepared vault: two vaults in one test are two.
 */
const preparedRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-cli-prepared-'));
const prepared = new Map<string, string>();
let vaultsThisTest = 0;

beforeEach(() => {
  vaultsThisTest = 0;
});
afterAll(() => {
  fs.rmSync(preparedRoot, { recursive: true, force: true });
});

/** The folder holding the state `name`, made by `make` (into an empty folder) the first time it is asked for. */
function preparedState(name: string, make: (dir: string) => void): string {
  let dir = prepared.get(name);
  if (dir === undefined) {
    dir = path.join(preparedRoot, name);
    fs.mkdirSync(dir);
    make(dir);
    prepared.set(name, dir);
  }
  return dir;
}

/** A fresh copy of a prepared folder, removed after the test like any temp folder. */
function copyOf(dir: string): string {
  const base = tempDir('cv-cli-');
  fs.cpSync(dir, base, { recursive: true });
  return base;
}

/**
 * A fresh vault and a `cv(...args)` that runs commands against it with --json and parses the
 * output (throws with stderr if the command failed; use `cv.raw` to look at a failure).
 */
export function cliVault() {
  const n = vaultsThisTest++;
  return vaultAt(copyOf(preparedState(`vault-${n}`, initVault)));
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

interface PairIds {
  bInA: string;
  aInB: string;
  digits: string;
}

/**
 * The states of a pair, each made from the one before it by copying and going on through the
 * CLI: the card exchange with A's check of B's safety number ("exchanged"); then B's check of
 * A's ("verified"); then each clearing the other ("cleared"), from either.
 */
const pairIds = new Map<string, PairIds>();

function pairState(opts: { verifyRecipient: boolean; clear: boolean }): string {
  const name = `pair-${opts.verifyRecipient ? 'verified' : 'exchanged'}${opts.clear ? '-cleared' : ''}`;
  return preparedState(name, (dir) => {
    const a = vaultAt(path.join(dir, 'a'));
    const b = vaultAt(path.join(dir, 'b'));
    if (!opts.verifyRecipient && !opts.clear) {
      fs.mkdirSync(a.base);
      fs.mkdirSync(b.base);
      initVault(a.base);
      initVault(b.base);
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
      pairIds.set(name, { bInA, aInB, digits });
      return;
    }
    const from = opts.clear ? { ...opts, clear: false } : { verifyRecipient: false, clear: false };
    fs.cpSync(pairState(from), dir, { recursive: true });
    const ids = pairIds.get(`pair-${from.verifyRecipient ? 'verified' : 'exchanged'}`)!;
    if (opts.clear) {
      clearCliPartner(a, ids.bInA);
      clearCliPartner(b, ids.aInB);
    } else b.json('partner', 'verify', ids.aInB, '--safety-number', ids.digits, '--by', 'Tomás');
    pairIds.set(name, ids);
  });
}

/**
 * Two CLI vaults as two organisations: each exported its card and added the other's; A verified
 * B's key (and B A's, unless told otherwise) by the safety number; each cleared the other under
 * the partner policy unless told otherwise.
 */
export function cliPair(opts: { verifyRecipient?: boolean; clear?: boolean } = {}) {
  const state = { verifyRecipient: opts.verifyRecipient !== false, clear: opts.clear !== false };
  const dir = pairState(state);
  const ids = pairIds.get(path.basename(dir))!;
  const base = copyOf(dir);
  return { a: vaultAt(path.join(base, 'a')), b: vaultAt(path.join(base, 'b')), ...ids };
}
