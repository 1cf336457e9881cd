// Migration 0011: the vault's post-quantum key (an age mlkem768x25519 identity seed), sealed like
// the identity key, made by the migration's data step for a new vault and for an older vault on
// the unlock that applies it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPostQuantumKeyStep } from '../../src-main/engine/db/migration-steps.js';
import { loadMigrations, schemaVersion } from '../../src-main/engine/db/migrations.js';
import { all, sql } from '../../src-main/engine/db/sql.js';
import { decodeBech32, decryptAge, encryptAge } from '../../src-main/engine/age/index.js';
import { Vault } from '../../src-main/engine/vault/vault.js';
import { FAST_KDF, PASSPHRASE, codeOf, collect, openVault, tempDir } from '../helpers.js';
import { freshDb } from './migration-helpers.js';

async function roundTrip(v: Vault): Promise<string> {
  const recipient = v.identity.hybridRecipient();
  expect(recipient).not.toBeNull();
  const file = await collect(encryptAge([Buffer.from('testimony')], [recipient!]));
  const identity = v.identity.bundleIdentity();
  try {
    return (await collect(decryptAge([file], [identity]))).toString();
  } finally {
    identity.dispose();
  }
}

describe('migration 0011-post-quantum-key', () => {
  it('carries the step; a bare database (no vault) gets no key; the row has the right sizes', () => {
    expect(loadMigrations()[10]).toMatchObject({ name: 'post-quantum-key', step: createPostQuantumKeyStep });
    const db = freshDb();
    expect(all(db, sql`SELECT count(*) AS n FROM vault_pq_key`)).toEqual([{ n: 0 }]);
    const insert = (pk: number, nonce: number, sealed: number, id = 1) =>
      db
        .prepare(
          `INSERT INTO vault_pq_key (id, public_key, seed_nonce, seed_sealed, created_at) VALUES (${id}, zeroblob(${pk}), zeroblob(${nonce}), zeroblob(${sealed}), 'now')`,
        )
        .run();
    expect(() => insert(1215, 24, 48)).toThrow(/CHECK/);
    expect(() => insert(1216, 12, 48)).toThrow(/CHECK/);
    expect(() => insert(1216, 24, 32)).toThrow(/CHECK/);
    insert(1216, 24, 48);
    expect(() => insert(1216, 24, 48, 2)).toThrow(/CHECK/);
    db.close();
  });

  it('a new vault is born with the key (audited, reason init) and opens what is sent to it', async () => {
    const { vault } = await Vault.create(path.join(tempDir(), 'v'), { passphrase: PASSPHRASE, kdf: FAST_KDF });
    expect(vault.identity.postQuantumPublicKey).toHaveLength(1216);
    const audit = all<{ action: string; details: string }>(
      vault.db,
      sql`SELECT action, details FROM audit_log WHERE action = 'identity.pq-key-created'`,
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ reason: 'init' });
    expect(await roundTrip(vault)).toBe('testimony');
    vault.lock();
  });

  it('an older vault gets it on the unlock that applies 0011, keeps its identity key, and keeps the same key after', async () => {
    const dir = path.join(tempDir(), 'v');
    const { vault } = await Vault.create(dir, {
      passphrase: PASSPHRASE,
      kdf: FAST_KDF,
      migrations: loadMigrations().slice(0, 10),
    });
    const identityKey = Buffer.from(vault.identity.publicKey);
    expect(vault.identity.postQuantumPublicKey).toBeNull();
    expect(vault.identity.hybridRecipient()).toBeNull();
    vault.lock();

    const v = await openVault(dir);
    expect(schemaVersion(v.db)).toBe(loadMigrations().length);
    expect(v.identity.publicKey.equals(identityKey)).toBe(true);
    const pq = Buffer.from(v.identity.postQuantumPublicKey!);
    expect(pq).toHaveLength(1216);
    const actions = all<{ action: string; details: string }>(
      v.db,
      sql`SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT 2`,
    ).reverse();
    expect(actions.map((a) => a.action)).toEqual(['vault.migrated', 'identity.pq-key-created']);
    expect(JSON.parse(actions[1]!.details)).toMatchObject({ reason: 'migration' });
    expect(await roundTrip(v)).toBe('testimony');
    v.lock();

    const again = await openVault(dir);
    expect(again.identity.postQuantumPublicKey!.equals(pq)).toBe(true);
    again.lock();
  });

  it('the seed is never in the database in clear; lock wipes it', async () => {
    const { vault } = await Vault.create(path.join(tempDir(), 'v'), { passphrase: PASSPHRASE, kdf: FAST_KDF });
    const identity = vault.identity.pqIdentityForExport()!;
    const seed = decodeBech32(identity.toString()).bytes;
    identity.dispose();
    expect(seed).toHaveLength(32);
    const forms = [seed, Buffer.from(seed.toString('hex')), Buffer.from(seed.toString('base64'))];
    const tables = all<{ name: string }>(vault.db, sql`SELECT name FROM sqlite_master WHERE type = 'table'`);
    let cells = 0;
    for (const { name } of tables) {
      for (const r of vault.db.prepare(`SELECT * FROM "${name}"`).all() as Array<Record<string, unknown>>) {
        for (const v of Object.values(r)) {
          const bytes = v instanceof Uint8Array ? Buffer.from(v) : Buffer.from(String(v));
          cells++;
          for (const f of forms) expect(bytes.includes(f), `${name} holds the seed`).toBe(false);
        }
      }
    }
    expect(cells).toBeGreaterThan(10);
    const keys = vault.identity;
    vault.lock();
    expect(() => keys.pqIdentityForExport()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
    expect(() => keys.bundleIdentity()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
  });

  it('a public key swapped under the sealed seed is VAULT_CORRUPT on unlock', async () => {
    const dir = path.join(tempDir(), 'v');
    const { vault } = await Vault.create(dir, { passphrase: PASSPHRASE, kdf: FAST_KDF });
    const other = await Vault.create(path.join(tempDir(), 'w'), { passphrase: PASSPHRASE, kdf: FAST_KDF });
    const foreign = Buffer.from(other.vault.identity.postQuantumPublicKey!);
    other.vault.lock();
    vault.db.prepare('UPDATE vault_pq_key SET public_key = ? WHERE id = 1').run([foreign]);
    vault.lock();
    expect(await codeOf(openVault(dir))).toBe('VAULT_CORRUPT');
  });
});
