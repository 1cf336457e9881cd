// Faults around the vault's own files and its passphrase: two inits racing for one folder,
// a blobs folder replaced by a file, passphrases that are not valid UTF-8 text, the Argon2id
// floor (RFC 9106: 64 MiB × 3 passes) that no production path may go below, and what a
// passphrase change interrupted by a kill leaves beside vault.json.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Vault, runDoctor } from '../../../src-main/engine/index.js';
import { calibrate, insecureKdfAllowed } from '../../../src-main/engine/crypto/argon2.js';
import { FAST_KDF, PASSPHRASE, codeOf, newVault, openVault, tempDir } from '../../helpers.js';

const MiB = 1024 * 1024;

describe('init', () => {
  it('two inits racing for one folder: one vault, the loser gets VAULT_EXISTS and leaves nothing behind', async () => {
    const parent = tempDir();
    const target = path.join(parent, 'vault');
    const results = await Promise.allSettled([
      Vault.create(target, { passphrase: PASSPHRASE, kdf: FAST_KDF }),
      Vault.create(target, { passphrase: 'another passphrase entirely', kdf: FAST_KDF }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'VAULT_EXISTS' });
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof Vault.create>>>).value.vault;
    const winnerId = winner.id;
    winner.lock();
    expect(fs.readdirSync(parent)).toEqual(['vault']);
    const passphrase = results[0]!.status === 'fulfilled' ? PASSPHRASE : 'another passphrase entirely';
    expect((await openVault(target, { passphrase })).id).toBe(winnerId);
  });

  it('into an existing empty folder (a file dialog made it) still works', async () => {
    const target = path.join(tempDir(), 'vault');
    fs.mkdirSync(target);
    const { vault } = await Vault.create(target, { passphrase: PASSPHRASE, kdf: FAST_KDF });
    vault.lock();
    expect(fs.readdirSync(target).sort()).toEqual(['blobs', 'vault.db', 'vault.json']);
  });
});

describe('damaged vault folder', () => {
  it('blobs replaced by a file: VAULT_CORRUPT with a sentence, not INTERNAL (EEXIST)', async () => {
    const { vault, dir } = await newVault();
    vault.lock();
    fs.rmSync(path.join(dir, 'blobs'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'blobs'), 'not a folder');
    await expect(Vault.open(dir, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'VAULT_CORRUPT',
      message: expect.stringMatching(/evidence folder \(blobs\)/),
    });
  });

  it('what a kill in the middle of a passphrase change leaves beside vault.json is removed at the next unlock', async () => {
    const { vault, dir } = await newVault();
    vault.lock();
    // the previous vault.json, kept by a hard link until the change commits, still opens with
    // the old passphrase: it must not outlive the change
    fs.linkSync(path.join(dir, 'vault.json'), path.join(dir, '.vault.json.0123456789ab.old'));
    fs.writeFileSync(path.join(dir, '.vault.json.ba9876543210.tmp'), '{');
    fs.writeFileSync(path.join(dir, '.vault.json.not-ours.old'), 'kept');
    (await openVault(dir)).lock();
    expect(fs.readdirSync(dir).sort()).toEqual(['.vault.json.not-ours.old', 'blobs', 'vault.db', 'vault.json']);
  });
});

describe('passphrases that are not valid UTF-8 text', () => {
  // What a lenient decoder makes of bytes that are not UTF-8: U+FFFD for each. Every passphrase
  // of that shape would stretch to the same key.
  const DECODED_BINARY = 'abc\uFFFD\uFFFDdefghijklmn';
  const LONE_SURROGATE = 'abcdefghijkl\uD800mn';

  it('a new vault refuses them: PASSPHRASE_NOT_UTF8, nothing created', async () => {
    const parent = tempDir();
    for (const passphrase of [DECODED_BINARY, LONE_SURROGATE]) {
      expect(await codeOf(Vault.create(path.join(parent, 'v'), { passphrase, kdf: FAST_KDF }))).toBe(
        'PASSPHRASE_NOT_UTF8',
      );
    }
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it('a passphrase change refuses them and leaves vault.json as it was; unlock refuses broken UTF-16', async () => {
    const { vault, dir } = await newVault();
    const before = fs.readFileSync(path.join(dir, 'vault.json'));
    for (const next of [DECODED_BINARY, LONE_SURROGATE])
      expect(await codeOf(vault.changePassphrase(next, { kdf: FAST_KDF }))).toBe('PASSPHRASE_NOT_UTF8');
    expect(fs.readFileSync(path.join(dir, 'vault.json')).equals(before)).toBe(true);
    vault.lock();
    expect(await codeOf(Vault.open(dir, { passphrase: LONE_SURROGATE }))).toBe('PASSPHRASE_NOT_UTF8');
  });
});

describe('the Argon2id floor (64 MiB × 3 passes)', () => {
  /** Run `fn` as production runs: outside the test runner, where the fast test parameters are refused. */
  async function asProduction<T>(fn: () => Promise<T>): Promise<T> {
    const vitest = process.env.VITEST;
    delete process.env.VITEST;
    try {
      expect(insecureKdfAllowed()).toBe(false);
      return await fn();
    } finally {
      process.env.VITEST = vitest;
    }
  }

  it('calibration on a machine too slow for the time budget still gives the floor', async () => {
    // a budget of 1 ms is what a very slow machine looks like to calibration
    const c = await calibrate(1);
    expect(c.opsLimit).toBe(3);
    expect(c.memLimitBytes).toBe(64 * MiB);
  });

  it('outside the test runner, parameters below the floor (even CASE_VAULT_INSECURE_FAST_KDF=1) are raised to it', async () => {
    expect(process.env.CASE_VAULT_INSECURE_FAST_KDF).toBe('1');
    const dir = path.join(tempDir(), 'vault');
    const { vault } = await asProduction(() =>
      Vault.create(dir, { passphrase: PASSPHRASE, kdf: { opsLimit: 1, memLimitBytes: 8 * MiB } }),
    );
    try {
      expect(vault.status().slots.find((s) => s.kind === 'passphrase')!.kdf).toMatchObject({
        opsLimit: 3,
        memLimitBytes: 64 * MiB,
      });
    } finally {
      vault.lock();
    }
  });

  it('doctor warns about a slot below the floor, and a passphrase change upgrades it', async () => {
    const { vault } = await newVault(); // FAST_KDF: 64 MiB × 1, as slow calibration once chose
    const level = async () => (await runDoctor(vault)).findings.find((f) => f.check === 'key-file')!.level;
    expect(await level()).toBe('warn');
    await asProduction(() => vault.changePassphrase('a new passphrase, long enough', { kdf: FAST_KDF }));
    expect(vault.file.slots.find((s) => s.kind === 'passphrase')!.kdf).toMatchObject({ opsLimit: 3 });
    expect(await level()).toBe('ok');
  });
});

afterEach(() => {
  expect(process.env.VITEST).toBeTruthy();
});
