// The failed-unlock counter and the destruction of the key slots (engine/vault/unlock-guard.ts):
// the setting in vault.json (bounds, MAC'd, old files still read), the count (before the key
// derivation, reset by a success, not fooled by a malformed recovery key), the wipe at N, and
// what a destroyed vault says afterwards.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../src-main/engine/index.js';
import { listAudit } from '../../src-main/engine/audit/audit-log.js';
import { canonicalJson } from '../../shared/canonical-json.js';
import {
  UNLOCK_ATTEMPTS_FILE_NAME,
  destroyKeySlots,
  readFailedUnlocks,
} from '../../src-main/engine/vault/unlock-guard.js';
import { VaultError } from '../../shared/errors.js';
import { PASSPHRASE, codeOf, newVault, openVault } from '../helpers.js';

const WRONG = 'not the passphrase at all';

function vaultJson(dir: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(dir, 'vault.json'), 'utf8')) as Record<string, unknown>;
}

/** Rewrite vault.json with a changed body and a checksum that matches it (the MAC is left as it was). */
function editVaultJson(dir: string, edit: (body: Record<string, unknown>) => void): void {
  const { mac, checksum: _checksum, ...body } = vaultJson(dir);
  edit(body);
  const checksum = createHash('sha256').update(canonicalJson(body)).digest('hex');
  fs.writeFileSync(path.join(dir, 'vault.json'), JSON.stringify({ ...body, mac, checksum }));
}

async function failureOf(p: Promise<unknown>): Promise<VaultError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof VaultError) return e;
    throw e;
  }
  throw new Error('expected a VaultError');
}

describe('the setting in vault.json', () => {
  it('is absent by default, set within 5..20 (MAC’d, audited), and removed again by off', async () => {
    const { vault, dir } = await newVault();
    expect(vaultJson(dir)).not.toHaveProperty('wipeAfterFailedUnlocks');
    for (const bad of [4, 21, 5.5, 0, -1]) {
      expect(await codeOf(vault.setWipeAfterFailedUnlocks(bad))).toBe('INVALID_INPUT');
    }
    await vault.setWipeAfterFailedUnlocks(5);
    await vault.setWipeAfterFailedUnlocks(20);
    await vault.setWipeAfterFailedUnlocks(20); // already so: nothing written, nothing audited
    expect(vaultJson(dir).wipeAfterFailedUnlocks).toBe(20);
    vault.lock();
    const again = await openVault(dir); // the MAC covers the new field
    expect(again.file.wipeAfterFailedUnlocks).toBe(20);
    await again.setWipeAfterFailedUnlocks(null);
    expect(vaultJson(dir)).not.toHaveProperty('wipeAfterFailedUnlocks');
    const changes = listAudit(again.db).filter((e) => e.action === 'vault.unlock-policy-changed');
    expect(changes.map((e) => e.details)).toEqual([
      { wipeAfterFailedUnlocks: 5, was: null },
      { wipeAfterFailedUnlocks: 20, was: 5 },
      { wipeAfterFailedUnlocks: null, was: 20 },
    ]);
    again.lock();
    (await openVault(dir)).lock();
  });

  it('is read strictly: out of bounds or not a number is VAULT_CORRUPT; removing it breaks the MAC', async () => {
    const { vault, dir } = await newVault();
    await vault.setWipeAfterFailedUnlocks(7);
    vault.lock();
    const original = fs.readFileSync(path.join(dir, 'vault.json'));
    for (const value of [4, 21, '7', null]) {
      editVaultJson(dir, (b) => (b.wipeAfterFailedUnlocks = value));
      expect(await codeOf(Vault.open(dir, { passphrase: PASSPHRASE }))).toBe('VAULT_CORRUPT');
      fs.writeFileSync(path.join(dir, 'vault.json'), original);
    }
    // Someone with the disk can delete the setting, but not without the MAC saying so at unlock.
    editVaultJson(dir, (b) => delete b.wipeAfterFailedUnlocks);
    const e = await failureOf(Vault.open(dir, { passphrase: PASSPHRASE }));
    expect(e.code).toBe('VAULT_CORRUPT');
    expect(e.message).toMatch(/changed by something other than Case Vault/);
  });
});

describe('counting failed unlocks', () => {
  it('with the setting off, nothing is counted and no file is written', async () => {
    const { vault, dir } = await newVault();
    vault.lock();
    const e = await failureOf(Vault.open(dir, { passphrase: WRONG }));
    expect(e.code).toBe('BAD_PASSPHRASE');
    expect(e.message).toBe('That passphrase does not unlock this vault.');
    expect(fs.existsSync(path.join(dir, UNLOCK_ATTEMPTS_FILE_NAME))).toBe(false);
  });

  it('counts each attempt before the key is derived, says what remains, and a success resets the count', async () => {
    const { vault, dir } = await newVault();
    await vault.setWipeAfterFailedUnlocks(5);
    vault.lock();
    const seen: number[] = [];
    const failure = await failureOf(
      Vault.open(
        dir,
        { passphrase: WRONG },
        {
          onProgress: (p) => {
            if (p.phase === 'deriving-key')
              seen.push(fs.readFileSync(path.join(dir, UNLOCK_ATTEMPTS_FILE_NAME), 'utf8').split('\n').length - 1);
          },
        },
      ),
    );
    expect(seen).toEqual([1]); // on disk while the key was being derived
    expect(failure.code).toBe('BAD_PASSPHRASE');
    expect(failure.message).toMatch(/4 more failed attempts destroy this vault's keys/);
    for (let i = 2; i <= 4; i++) await codeOf(Vault.open(dir, { passphrase: WRONG }));
    expect(await readFailedUnlocks(dir, vault.id)).toBe(4);
    // recovery-key attempts count too; a malformed recovery key is a typing mistake and does not
    expect(await codeOf(Vault.open(dir, { recoveryKey: 'ABCD-EFGH' }))).toBe('RECOVERY_KEY_MALFORMED');
    expect(await readFailedUnlocks(dir, vault.id)).toBe(4);
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(dir, UNLOCK_ATTEMPTS_FILE_NAME)).mode & 0o077).toBe(0);
    }
    // the fifth attempt is the right one: the vault opens and the count is gone
    (await openVault(dir)).lock();
    expect(fs.existsSync(path.join(dir, UNLOCK_ATTEMPTS_FILE_NAME))).toBe(false);
    const last = await failureOf(Vault.open(dir, { passphrase: WRONG }));
    expect(last.message).toMatch(/4 more failed attempts/);
  });

  it('counts only its own vault’s lines in the counter, and reads no more than 4 KiB of it', async () => {
    const { vault, dir } = await newVault();
    await vault.setWipeAfterFailedUnlocks(5);
    vault.lock();
    const counter = path.join(dir, UNLOCK_ATTEMPTS_FILE_NAME);
    const other = '0190a000-0000-7000-8000-000000000000';
    for (const [text, n] of [
      ['{not json', 0],
      [`${other}\n${other}\n`, 0],
      [`${vault.id}\nnoise\n${vault.id} \n${vault.id}\n`, 2],
      ['x'.repeat(5000) + `\n${vault.id}\n`, 0],
    ] as const) {
      fs.writeFileSync(counter, text);
      expect(await readFailedUnlocks(dir, vault.id)).toBe(n);
    }
    fs.rmSync(counter);
    const e = await failureOf(Vault.open(dir, { passphrase: WRONG }));
    expect(e.message).toMatch(/4 more failed attempts/);
  });

  it('attempts made at the same moment each count (no count is lost to a race)', async () => {
    const { vault, dir } = await newVault();
    await vault.setWipeAfterFailedUnlocks(5);
    vault.lock();
    fs.writeFileSync(path.join(dir, UNLOCK_ATTEMPTS_FILE_NAME), `${vault.id}\n`.repeat(3));
    const codes = await Promise.all([
      codeOf(Vault.open(dir, { passphrase: WRONG })),
      codeOf(Vault.open(dir, { passphrase: WRONG + '!' })),
    ]);
    expect(codes).toContain('VAULT_KEYS_DESTROYED');
    expect(await codeOf(Vault.open(dir, { passphrase: PASSPHRASE }))).toBe('VAULT_KEYS_DESTROYED');
  });
});

describe('destroying the key slots', () => {
  it('the N-th failed unlock in a row destroys them: VAULT_KEYS_DESTROYED for every credential afterwards', async () => {
    const { vault, dir, recoveryKey } = await newVault();
    await vault.setWipeAfterFailedUnlocks(5);
    const id = vault.id;
    vault.lock();
    const sizeBefore = fs.statSync(path.join(dir, 'vault.json')).size;
    for (let i = 1; i <= 3; i++) expect(await codeOf(Vault.open(dir, { passphrase: WRONG }))).toBe('BAD_PASSPHRASE');
    const fourth = await failureOf(Vault.open(dir, { passphrase: WRONG }));
    expect(fourth.message).toMatch(/One more failed attempt destroys this vault's keys/);
    const fifth = await failureOf(Vault.open(dir, { passphrase: WRONG }));
    expect(fifth.code).toBe('VAULT_KEYS_DESTROYED');
    expect(fifth.message).toMatch(/after too many failed unlock attempts.*Restore the vault from a backup/);

    const file = vaultJson(dir);
    expect(file).toEqual({
      format: 'case-vault/vault',
      formatVersion: 1,
      vaultId: id,
      keysDestroyed: true,
      destroyedAt: expect.stringMatching(/Z$/) as string,
      reason: 'failed-unlocks',
    });
    const raw = fs.readFileSync(path.join(dir, 'vault.json'), 'utf8');
    expect(raw).not.toMatch(/wrappedKey|slots|salt/);
    expect(raw.length).toBeLessThan(sizeBefore);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    expect(await codeOf(Vault.open(dir, { passphrase: PASSPHRASE }))).toBe('VAULT_KEYS_DESTROYED');
    expect(await codeOf(Vault.open(dir, { recoveryKey }))).toBe('VAULT_KEYS_DESTROYED');
    // the data is still there, and useless
    expect(fs.existsSync(path.join(dir, 'vault.db'))).toBe(true);
  });

  it('on request (panic): no credential needed, idempotent, and refused for no vault or a damaged key file', async () => {
    const { vault, dir } = await newVault();
    const id = vault.id;
    vault.lock();
    fs.writeFileSync(path.join(dir, '.vault.json.abcdef012345.tmp'), 'a crashed write');
    expect(await destroyKeySlots(dir, 'panic')).toEqual({ vaultId: id, alreadyDestroyed: false });
    expect(fs.existsSync(path.join(dir, '.vault.json.abcdef012345.tmp'))).toBe(false);
    expect(vaultJson(dir)).toMatchObject({ keysDestroyed: true, reason: 'panic' });
    const e = await failureOf(Vault.open(dir, { passphrase: PASSPHRASE }));
    expect(e.code).toBe('VAULT_KEYS_DESTROYED');
    expect(e.message).toMatch(/on request/);
    expect(await destroyKeySlots(dir, 'panic')).toEqual({ vaultId: id, alreadyDestroyed: true });

    // a destroyed file in a form we do not write is damage, not a destroyed vault
    fs.writeFileSync(path.join(dir, 'vault.json'), JSON.stringify({ ...vaultJson(dir), slots: [] }));
    expect(await codeOf(Vault.open(dir, { passphrase: PASSPHRASE }))).toBe('VAULT_CORRUPT');
    expect(await codeOf(destroyKeySlots(dir, 'panic'))).toBe('VAULT_CORRUPT');
    expect(await codeOf(destroyKeySlots(path.join(dir, 'nowhere'), 'panic'))).toBe('VAULT_NOT_FOUND');
  });

  it('an open vault whose keys were destroyed meanwhile does not write its slots back', async () => {
    const { vault, dir } = await newVault();
    await destroyKeySlots(dir, 'panic');
    expect(await codeOf(vault.changePassphrase('another long passphrase for this'))).toBe('VAULT_KEYS_DESTROYED');
    expect(await codeOf(vault.setWipeAfterFailedUnlocks(7))).toBe('VAULT_KEYS_DESTROYED');
    expect(vaultJson(dir)).toMatchObject({ keysDestroyed: true });
    vault.lock();
  });
});
