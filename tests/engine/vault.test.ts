import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../src-main/engine/index.js';
import { VaultError } from '../../shared/errors.js';
import {
  FAST_KDF,
  PASSPHRASE,
  codeOf,
  expectSameSnapshot,
  newVault,
  openVault,
  snapshot,
  tempDir,
} from '../helpers.js';

describe('create / open / lock', () => {
  it('creates vault.json, vault.db and blobs/, and nothing else', async () => {
    const { vault, dir } = await newVault();
    vault.lock();
    expect(fs.readdirSync(dir).sort()).toEqual(['blobs', 'vault.db', 'vault.json']);
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(dir, 'vault.db')).mode & 0o077).toBe(0);
      expect(fs.statSync(path.join(dir, 'vault.json')).mode & 0o077).toBe(0);
    }
    // no staging folder left beside it
    expect(fs.readdirSync(path.dirname(dir))).toEqual(['vault']);
  });

  it('unlocks with the passphrase and with the recovery key, to the same vault', async () => {
    const { vault, dir, recoveryKey } = await newVault();
    const id = vault.id;
    vault.lock();
    const a = await openVault(dir);
    expect(a.id).toBe(id);
    a.lock();
    const b = await openVault(dir, { recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' ') });
    expect(b.id).toBe(id);
    expect(b.status().counts.auditEntries).toBe(3); // vault.created, identity.created, identity.pq-key-created
  });

  it('lock zeroes the keys and closes the database', async () => {
    const { vault } = await newVault();
    vault.lock();
    expect(vault.isUnlocked).toBe(false);
    expect(() => vault.db).toThrow(VaultError);
    expect(() => vault.status()).toThrow(/locked/);
    vault.lock(); // idempotent
  });

  it('reports progress phases while unlocking', async () => {
    const { vault, dir } = await newVault();
    vault.lock();
    const phases: string[] = [];
    const v = await Vault.open(dir, { passphrase: PASSPHRASE }, { onProgress: (p) => phases.push(p.phase) });
    v.lock();
    expect(phases).toEqual(['reading', 'deriving-key', 'opening-database', 'migrating', 'ready']);
  });

  it('a second opener gets VAULT_BUSY while the vault is open', async () => {
    const { dir } = await newVault();
    expect(await codeOf(Vault.open(dir, { passphrase: PASSPHRASE }))).toBe('VAULT_BUSY');
  });

  it('status reports ids, versions, slots and counts', async () => {
    const { vault } = await newVault();
    const s = vault.status();
    expect(s.formatVersion).toBe(1);
    expect(s.schemaVersion).toBe(s.appSchemaVersion);
    expect(s.slots.map((x) => x.kind)).toEqual(['passphrase', 'recovery']);
    expect(s.slots[0]!.kdf).toMatchObject({ name: 'argon2id13', opsLimit: 1, memLimitBytes: 64 * 1024 * 1024 });
    expect(s.counts).toEqual({ blobs: 0, blobBytes: 0, auditEntries: 3 });
  });
});

describe('bad input changes nothing', () => {
  it('init on an existing vault refuses', async () => {
    const { vault, dir } = await newVault();
    vault.lock();
    const before = snapshot(dir);
    expect(await codeOf(Vault.create(dir, { passphrase: PASSPHRASE, kdf: FAST_KDF }))).toBe('VAULT_EXISTS');
    expectSameSnapshot(before, snapshot(dir));
  });

  it('init into a folder with other files refuses', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    expect(await codeOf(Vault.create(dir, { passphrase: PASSPHRASE, kdf: FAST_KDF }))).toBe('VAULT_DIR_NOT_EMPTY');
    expect(fs.readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('init into an existing empty folder works', async () => {
    const dir = tempDir();
    const { vault } = await Vault.create(dir, { passphrase: PASSPHRASE, kdf: FAST_KDF });
    vault.lock();
    expect(fs.existsSync(path.join(dir, 'vault.json'))).toBe(true);
  });

  it('a short passphrase is refused before anything is written', async () => {
    const dir = path.join(tempDir(), 'v');
    expect(await codeOf(Vault.create(dir, { passphrase: 'short', kdf: FAST_KDF }))).toBe('WEAK_PASSPHRASE');
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('a wrong passphrase or recovery key: BAD_PASSPHRASE', async () => {
    const { vault, dir } = await newVault();
    vault.lock();
    const before = snapshot(dir);
    expect(await codeOf(Vault.open(dir, { passphrase: 'not the passphrase at all' }))).toBe('BAD_PASSPHRASE');
    const { generateRecoveryKey } = await import('../../src-main/engine/crypto/recovery-key.js');
    expect(await codeOf(Vault.open(dir, { recoveryKey: generateRecoveryKey().text }))).toBe('BAD_PASSPHRASE');
    expect(await codeOf(Vault.open(dir, { recoveryKey: 'ABCD' }))).toBe('RECOVERY_KEY_MALFORMED');
    expectSameSnapshot(before, snapshot(dir));
  });

  it('a missing folder: VAULT_NOT_FOUND; a folder without vault.json: VAULT_NOT_FOUND', async () => {
    expect(await codeOf(Vault.open(path.join(tempDir(), 'nope'), { passphrase: PASSPHRASE }))).toBe('VAULT_NOT_FOUND');
    expect(await codeOf(Vault.open(tempDir(), { passphrase: PASSPHRASE }))).toBe('VAULT_NOT_FOUND');
  });

  describe('a truncated or edited vault.json: VAULT_CORRUPT, vault untouched', async () => {
    const edits: Array<[string, (text: string) => string]> = [
      ['truncated', (t) => t.slice(0, Math.floor(t.length / 2))],
      ['empty', () => ''],
      ['not JSON', () => 'hello'],
      ['a KDF parameter lowered', (t) => t.replace(/"opsLimit": \d+/, '"opsLimit": 2')],
      [
        'the vault id changed',
        (t) => t.replace(/"vaultId": "([0-9a-f])/, (_m, c: string) => `"vaultId": "${c === '0' ? '1' : '0'}`),
      ],
      ['an unknown field added', (t) => t.replace('{', '{"extra": 1,')],
      [
        'a slot removed',
        (t) => {
          const d = JSON.parse(t);
          d.slots.pop();
          return JSON.stringify(d);
        },
      ],
      ['a __proto__ key', (t) => t.replace('{', '{"__proto__": {"polluted": true},')],
    ];
    for (const [name, edit] of edits) {
      it(name, async () => {
        const { vault, dir } = await newVault();
        vault.lock();
        const file = path.join(dir, 'vault.json');
        fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
        const before = snapshot(dir);
        expect(await codeOf(Vault.open(dir, { passphrase: PASSPHRASE }))).toBe('VAULT_CORRUPT');
        expectSameSnapshot(before, snapshot(dir));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      });
    }
  });

  it('an edit whose checksum was also recomputed is caught by the slot binding or the MAC', async () => {
    const { vault, dir } = await newVault();
    vault.lock();
    const file = path.join(dir, 'vault.json');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    doc.updatedAt = '2020-01-01T00:00:00.000Z';
    const { canonicalJson } = await import('../../shared/canonical-json.js');
    const { createHash } = await import('node:crypto');
    const { mac: _m, checksum: _c, ...body } = doc;
    doc.checksum = createHash('sha256').update(canonicalJson(body)).digest('hex');
    fs.writeFileSync(file, JSON.stringify(doc));
    expect(await codeOf(Vault.open(dir, { passphrase: PASSPHRASE }))).toBe('VAULT_CORRUPT');
  });

  it('a newer key-file format: VAULT_TOO_NEW', async () => {
    const { vault, dir } = await newVault();
    vault.lock();
    const file = path.join(dir, 'vault.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"formatVersion": 1', '"formatVersion": 2'));
    expect(await codeOf(Vault.open(dir, { passphrase: PASSPHRASE }))).toBe('VAULT_TOO_NEW');
  });

  it('a vault.db from another vault is refused', async () => {
    const a = await newVault();
    const b = await newVault();
    a.vault.lock();
    b.vault.lock();
    fs.copyFileSync(path.join(b.dir, 'vault.db'), path.join(a.dir, 'vault.db'));
    expect(await codeOf(Vault.open(a.dir, { passphrase: PASSPHRASE }))).toBe('VAULT_CORRUPT');
  });
});

describe('passphrase change', () => {
  it('rewraps the passphrase slot only: database and recovery slot untouched', async () => {
    const { vault, dir, recoveryKey } = await newVault();
    const before = JSON.parse(fs.readFileSync(path.join(dir, 'vault.json'), 'utf8'));
    await vault.changePassphrase('a whole new passphrase here', { kdf: FAST_KDF });
    const after = JSON.parse(fs.readFileSync(path.join(dir, 'vault.json'), 'utf8'));
    expect(after.slots.find((s: { kind: string }) => s.kind === 'recovery')).toEqual(
      before.slots.find((s: { kind: string }) => s.kind === 'recovery'),
    );
    expect(after.slots[0].wrappedKey).not.toBe(before.slots[0].wrappedKey);
    expect(after.slots[0].kdf.salt).not.toBe(before.slots[0].kdf.salt);
    vault.lock();
    expect(await codeOf(Vault.open(dir, { passphrase: PASSPHRASE }))).toBe('BAD_PASSPHRASE');
    (await openVault(dir, { passphrase: 'a whole new passphrase here' })).lock();
    const v = await openVault(dir, { recoveryKey });
    expect(v.status().counts.auditEntries).toBe(4); // vault.created, identity.created, identity.pq-key-created, vault.passphrase-changed
  });

  it('forgotten passphrase: unlock with the recovery key, then set a new one', async () => {
    const { vault, dir, recoveryKey } = await newVault();
    vault.lock();
    const v = await openVault(dir, { recoveryKey });
    await v.changePassphrase('remembered this time, truly', { kdf: FAST_KDF });
    v.lock();
    (await openVault(dir, { passphrase: 'remembered this time, truly' })).lock();
  });

  it('a weak new passphrase is refused and vault.json is unchanged', async () => {
    const { vault, dir } = await newVault();
    const before = fs.readFileSync(path.join(dir, 'vault.json'));
    expect(await codeOf(vault.changePassphrase('short'))).toBe('WEAK_PASSPHRASE');
    expect(fs.readFileSync(path.join(dir, 'vault.json')).equals(before)).toBe(true);
  });

  it('passphrases are Unicode-normalised (NFC), so a decomposed é still unlocks', async () => {
    const dir = path.join(tempDir(), 'v');
    const composed = 'détenu libéré 2026';
    const { vault } = await Vault.create(dir, { passphrase: composed, kdf: FAST_KDF });
    vault.lock();
    (await openVault(dir, { passphrase: composed.normalize('NFD') })).lock();
  });
});

describe('calibration', () => {
  it('chooses at least 64 MiB × 3 passes (the floor) and about half a second', async () => {
    const { calibrate } = await import('../../src-main/engine/crypto/argon2.js');
    const c = await calibrate();
    expect(c.memLimitBytes).toBeGreaterThanOrEqual(64 * 1024 * 1024);
    expect(c.opsLimit).toBeGreaterThanOrEqual(3);
    expect(c.expectedMs).toBeGreaterThan(100);
    expect(c.expectedMs).toBeLessThan(1500);
  });
});
