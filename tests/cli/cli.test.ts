// The CLI contract, exercised through ./bin/case-vault as a user or a script would.
import { loadMigrations } from '../../src-main/engine/db/migrations.js';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../helpers.js';

const BIN = path.resolve('bin/case-vault');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cv(args: string[], env: Record<string, string | undefined> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CASE_VAULT_PASSPHRASE: undefined, CASE_VAULT_DIR: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function setup() {
  const base = tempDir('cv-cli-');
  const vault = path.join(base, 'vault');
  const pw = path.join(base, 'pw.txt');
  fs.writeFileSync(pw, PASSPHRASE + '\n');
  return { base, vault, pw };
}

function expectError(r: Run, code: string, exit = 1): void {
  expect(r.status).toBe(exit);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^error: ${code}: \\S.*`));
}

function init() {
  const s = setup();
  const r = cv(['init', '--vault', s.vault, '--passphrase-file', s.pw, '--json']);
  expect(r.status).toBe(0);
  const out = JSON.parse(r.stdout) as { vaultId: string; recoveryKey: string; path: string };
  const rk = path.join(s.base, 'recovery.txt');
  fs.writeFileSync(rk, out.recoveryKey + '\n');
  return { ...s, ...out, rk };
}

describe('case-vault CLI', () => {
  it('init --json prints one JSON document with the recovery key, and nothing on stderr', () => {
    const s = init();
    expect(s.vaultId).toMatch(/^[0-9a-f-]{36}$/);
    expect(s.recoveryKey).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
    expect(fs.readdirSync(s.vault).sort()).toEqual(['blobs', 'vault.db', 'vault.json']);
  });

  it('init prints the recovery key in groups for paper', () => {
    const s = setup();
    const r = cv(['init', '--vault', s.vault, '--passphrase-file', s.pw]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/RECOVERY KEY/);
    expect(r.stdout).toMatch(/^ {4}[0-9A-Z]{4} {2}[0-9A-Z]{4} {2}[0-9A-Z]{4} {2}[0-9A-Z]{4}$/m);
    expect(r.stderr).toBe('');
  });

  it('init on an existing vault refuses and changes nothing', () => {
    const s = init();
    const before = fs.readFileSync(path.join(s.vault, 'vault.json'));
    expectError(cv(['init', '--vault', s.vault, '--passphrase-file', s.pw]), 'VAULT_EXISTS');
    expect(fs.readFileSync(path.join(s.vault, 'vault.json')).equals(before)).toBe(true);
  });

  it('status unlocks with a passphrase file, the environment, or the recovery key', () => {
    const s = init();
    for (const [args, env] of [
      [['--passphrase-file', s.pw], {}],
      [[], { CASE_VAULT_PASSPHRASE: PASSPHRASE }],
      [['--recovery-key-file', s.rk], {}],
    ] as const) {
      const r = cv(['status', '--vault', s.vault, '--json', ...args], env);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      const st = JSON.parse(r.stdout);
      expect(st).toMatchObject({
        vaultId: s.vaultId,
        formatVersion: 1,
        schemaVersion: loadMigrations().length,
        counts: { blobs: 0, auditEntries: 3 },
      });
    }
    const human = cv(['status', '--vault', s.vault, '--passphrase-file', s.pw]);
    expect(human.stdout).toContain(s.vaultId);
    expect(human.stdout).toMatch(/Argon2id, 64 MiB × 1 passes/);
  });

  it('uses $CASE_VAULT_DIR when --vault is absent', () => {
    const s = init();
    const r = cv(['status', '--json', '--passphrase-file', s.pw], { CASE_VAULT_DIR: s.vault });
    expect(JSON.parse(r.stdout).vaultId).toBe(s.vaultId);
  });

  it('failures: one stderr line with a stable code, exit 1', () => {
    const s = init();
    const bad = path.join(s.base, 'bad.txt');
    fs.writeFileSync(bad, 'not the right passphrase\n');
    expectError(cv(['status', '--vault', s.vault, '--passphrase-file', bad]), 'BAD_PASSPHRASE');
    expectError(cv(['status', '--vault', path.join(s.base, 'missing'), '--passphrase-file', s.pw]), 'VAULT_NOT_FOUND');
    expectError(cv(['status', '--vault', s.vault]), 'PASSPHRASE_REQUIRED');
    expectError(
      cv(['status', '--vault', s.vault, '--passphrase-file', path.join(s.base, 'nope.txt')]),
      'INVALID_INPUT',
    );
    const short = path.join(s.base, 'short.txt');
    fs.writeFileSync(short, 'short\n');
    expectError(cv(['init', '--vault', path.join(s.base, 'v2'), '--passphrase-file', short]), 'WEAK_PASSPHRASE');
    expect(fs.existsSync(path.join(s.base, 'v2'))).toBe(false);
    fs.writeFileSync(path.join(s.vault, 'vault.json'), '{"format":');
    expectError(cv(['status', '--vault', s.vault, '--passphrase-file', s.pw]), 'VAULT_CORRUPT');
  });

  it('--json failures keep stdout empty', () => {
    const s = setup();
    const r = cv(['status', '--vault', s.vault, '--passphrase-file', s.pw, '--json']);
    expect(r.stdout).toBe('');
    expectError(r, 'VAULT_NOT_FOUND');
  });

  it('usage errors exit 2', () => {
    const s = init();
    expectError(cv(['frobnicate']), 'USAGE', 2);
    expectError(cv(['status', '--vault', s.vault, '--bogus']), 'USAGE', 2);
    expectError(cv(['status', 'extra', '--vault', s.vault]), 'USAGE', 2);
    expectError(cv(['passphrase']), 'USAGE', 2);
    expectError(cv(['status', '--vault']), 'USAGE', 2);
    expect(cv([]).status).toBe(2);
  });

  it('--help and help COMMAND describe the commands', () => {
    const r = cv(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['init', 'status', 'doctor', 'passphrase change']) expect(r.stdout).toContain(c);
    const d = cv(['help', 'doctor']);
    expect(d.stdout).toMatch(/--deep/);
    expect(cv(['doctor', '--help']).stdout).toMatch(/--repair/);
  });

  it('doctor reports, fails on damage with DOCTOR_FAILED, and --repair removes strays', () => {
    const s = init();
    const ok = cv(['doctor', '--deep', '--vault', s.vault, '--passphrase-file', s.pw, '--json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, deep: true });

    fs.mkdirSync(path.join(s.vault, 'blobs', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(s.vault, 'blobs', 'ab', 'ab' + '0'.repeat(30)), 'orphan');
    const warn = cv(['doctor', '--vault', s.vault, '--passphrase-file', s.pw]);
    expect(warn.status).toBe(0);
    expect(warn.stdout).toMatch(/WARN {2}orphans/);
    const fixed = cv(['doctor', '--repair', '--vault', s.vault, '--passphrase-file', s.pw, '--json']);
    expect(JSON.parse(fixed.stdout).repaired.orphansRemoved).toBe(1);

    // Damage a page of the database in the middle.
    const db = path.join(s.vault, 'vault.db');
    const bytes = fs.readFileSync(db);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    fs.writeFileSync(db, bytes);
    const bad = cv(['doctor', '--vault', s.vault, '--passphrase-file', s.pw, '--json']);
    expect(JSON.parse(bad.stdout).ok).toBe(false);
    expectError(bad, 'DOCTOR_FAILED');
  });

  it('passphrase change rewraps the key; the old passphrase stops working, the recovery key still works', () => {
    const s = init();
    const next = path.join(s.base, 'next.txt');
    fs.writeFileSync(next, 'the new and longer passphrase\n');
    const r = cv([
      'passphrase',
      'change',
      '--vault',
      s.vault,
      '--passphrase-file',
      s.pw,
      '--new-passphrase-file',
      next,
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ changed: true });
    expectError(cv(['status', '--vault', s.vault, '--passphrase-file', s.pw]), 'BAD_PASSPHRASE');
    expect(cv(['status', '--vault', s.vault, '--passphrase-file', next]).status).toBe(0);
    expect(cv(['status', '--vault', s.vault, '--recovery-key-file', s.rk]).status).toBe(0);
    // A forgotten passphrase: the recovery key unlocks, and a new passphrase is set.
    const third = path.join(s.base, 'third.txt');
    fs.writeFileSync(third, 'a third passphrase, remembered\n');
    expect(
      cv(['passphrase', 'change', '--vault', s.vault, '--recovery-key-file', s.rk, '--new-passphrase-file', third])
        .status,
    ).toBe(0);
    expect(cv(['status', '--vault', s.vault, '--passphrase-file', third]).status).toBe(0);
    expectError(cv(['passphrase', 'change', '--vault', s.vault, '--passphrase-file', third]), 'PASSPHRASE_REQUIRED');
  });
});

describe('case-vault CLI argument order', () => {
  it('accepts global options before the command', () => {
    const s = init();
    const r = cv(['--vault', s.vault, '--json', 'status', '--passphrase-file', s.pw]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).vaultId).toBe(s.vaultId);
    const pc = cv(['--vault', s.vault, 'passphrase', '--passphrase-file', s.pw, 'change']);
    expectError(pc, 'PASSPHRASE_REQUIRED'); // reached the command: no new passphrase given
  });

  it('reads a secret from a pipe', () => {
    const s = init();
    const r = spawnSync(
      'bash',
      [
        '-c',
        `printf '%s\\n' "$PW" | "${process.execPath}" "${BIN}" status --json --vault "${s.vault}" --passphrase-file /dev/stdin`,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, PW: PASSPHRASE },
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).vaultId).toBe(s.vaultId);
  });
});
