// The vault identity: created with the vault (or on the unlock that applies 0003), sealed with a
// sub-key of the master key, opened on unlock, zeroed on lock; domain-separated signatures.
import path from 'node:path';
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PrivateKey, PublicKey } from '@signalapp/libsignal-client';
import { all, get, run, sql } from '../../../src-main/engine/db/sql.js';
import { loadMigrations } from '../../../src-main/engine/db/migrations.js';
import { Vault } from '../../../src-main/engine/vault/vault.js';
import { secureRandom } from '../../../src-main/engine/crypto/secure-memory.js';
import {
  SIGNATURE_DOMAINS,
  VaultIdentityKeys,
  keyFingerprint,
  signatureDigest,
  verifySignature,
} from '../../../src-main/engine/identity/vault-identity.js';
import { getIdentity, updateIdentity } from '../../../src-main/engine/identity/identity-service.js';
import { domainContext } from '../../../src-main/engine/domain/context.js';
import { FAST_KDF, PASSPHRASE, codeOf, newVault, openVault, tempDir } from '../../helpers.js';
import { codeOfSync, newDomain } from '../domain-helpers.js';

describe('vault identity', () => {
  it('is created with the vault, audited, and the same key comes back on the next unlock', async () => {
    const { vault, dir } = await newVault();
    const pk = Buffer.from(vault.identity.publicKey);
    expect(pk.length).toBe(33);
    expect(pk[0]).toBe(5);
    const audit = all<{ seq: number; action: string; subject_kind: string; subject_id: string; details: string }>(
      vault.db,
      sql`SELECT * FROM audit_log ORDER BY seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['vault.created', 'identity.created', 'identity.pq-key-created']);
    expect(audit[1]).toMatchObject({ subject_kind: 'vault-identity', subject_id: vault.id });
    expect(JSON.parse(audit[1]!.details)).toEqual({ reason: 'init', fingerprint: keyFingerprint(pk) });
    const row = get<{
      public_key: Uint8Array;
      private_key_nonce: Uint8Array;
      private_key_sealed: Uint8Array;
      name: string;
      organisation: string;
    }>(vault.db, sql`SELECT * FROM vault_identity`);
    expect(Buffer.from(row!.public_key).equals(pk)).toBe(true);
    expect([row!.private_key_nonce.length, row!.private_key_sealed.length, row!.name, row!.organisation]).toEqual([
      24,
      48,
      '',
      '',
    ]);
    vault.lock();
    const again = await openVault(dir);
    expect(again.identity.publicKey.equals(pk)).toBe(true);
    // no second identity.created (the lock added one signed checkpoint, no audit entry)
    expect(all(again.db, sql`SELECT action FROM audit_log`)).toHaveLength(3);
    expect(all(again.db, sql`SELECT * FROM vault_identity`)).toHaveLength(1);
  });

  it('the private key is never in the database in clear', async () => {
    const { vault, dir } = await newVault();
    updateIdentity(domainContext(vault), { name: 'Amina' });
    const secret = Buffer.from(vault.identity.privateKeyForExport());
    expect(secret.length).toBe(32);
    // libsignal derives the stored public key from it
    expect(
      Buffer.from(PrivateKey.deserialize(new Uint8Array(secret)).getPublicKey().serialize()).equals(
        vault.identity.publicKey,
      ),
    ).toBe(true);
    const forms = [
      secret,
      Buffer.from(secret.toString('hex')),
      Buffer.from(secret.toString('hex').toUpperCase()),
      Buffer.from(secret.toString('base64')),
    ];
    const tables = all<{ name: string }>(vault.db, sql`SELECT name FROM sqlite_master WHERE type = 'table'`).map(
      (t) => t.name,
    );
    let cells = 0;
    for (const t of tables) {
      for (const r of vault.db.prepare(`SELECT * FROM "${t}"`).all() as Array<Record<string, unknown>>) {
        for (const v of Object.values(r)) {
          const bytes = v instanceof Uint8Array ? Buffer.from(v) : Buffer.from(String(v));
          cells++;
          for (const f of forms) expect(bytes.includes(f), `${t} holds the private key`).toBe(false);
        }
      }
    }
    expect(cells).toBeGreaterThan(10);
    vault.lock();
    for (const file of ['vault.db', 'vault.json']) {
      const bytes = fs.readFileSync(path.join(dir, file));
      for (const f of forms) expect(bytes.includes(f)).toBe(false);
    }
  });

  it('is wiped on lock: every use after it is VAULT_LOCKED', async () => {
    const { vault } = await newVault();
    const keys = vault.identity;
    expect(keys.isWiped).toBe(false);
    vault.lock();
    expect(keys.isWiped).toBe(true);
    expect(codeOfSync(() => keys.sign('card', Buffer.from('x')))).toBe('VAULT_LOCKED');
    expect(codeOfSync(() => keys.ageIdentity())).toBe('VAULT_LOCKED');
    expect(codeOfSync(() => keys.privateKeyForExport())).toBe('VAULT_LOCKED');
    expect(codeOfSync(() => vault.identity)).toBe('VAULT_LOCKED');
    // the public half stays readable (it is not secret)
    expect(keys.publicKey.length).toBe(33);
  });

  it('wipe() zeroes the secure buffer it owns', () => {
    const pair = PrivateKey.generate();
    const secret = secureRandom(32);
    secret.set(pair.serialize());
    const keys = new VaultIdentityKeys('v', pair.getPublicKey().serialize(), secret);
    expect(secret.some((b) => b !== 0)).toBe(true);
    keys.wipe();
    expect(secret.every((b) => b === 0)).toBe(true);
    keys.wipe();
  });

  it('a sealed key that does not open, or a public key swapped under it: VAULT_CORRUPT', async () => {
    for (const tamper of ['sealed', 'public'] as const) {
      const { vault, dir } = await newVault();
      const db = vault.db;
      if (tamper === 'sealed') {
        const row = get<{ private_key_sealed: Uint8Array }>(db, sql`SELECT private_key_sealed FROM vault_identity`)!;
        const flipped = Buffer.from(row.private_key_sealed);
        flipped[3]! ^= 1;
        run(db, sql`UPDATE vault_identity SET private_key_sealed = ${flipped}`);
      } else {
        run(
          db,
          sql`UPDATE vault_identity SET public_key = ${Buffer.from(PrivateKey.generate().getPublicKey().serialize())}`,
        );
      }
      vault.lock();
      expect(await codeOf(Vault.open(dir, { passphrase: PASSPHRASE }))).toBe('VAULT_CORRUPT');
    }
  });

  it('signs with domain separation; verifySignature never throws', async () => {
    const { vault } = await newVault();
    const msg = Buffer.from('{"a":1}');
    const sig = vault.identity.sign('card', msg);
    expect(sig.length).toBe(64);
    expect(verifySignature(vault.identity.publicKey, 'card', msg, sig)).toBe(true);
    // a card signature is not a manifest, receipt or checkpoint signature
    for (const other of ['manifest', 'receipt', 'auditCheckpoint'] as const)
      expect(verifySignature(vault.identity.publicKey, other, msg, sig)).toBe(false);
    expect(verifySignature(vault.identity.publicKey, 'card', Buffer.from('{"a":2}'), sig)).toBe(false);
    // the digest is SHA-256(label ‖ 0x00 ‖ bytes) and the signature is plain libsignal XEdDSA over it
    const digest = createHash('sha256')
      .update(Buffer.concat([Buffer.from('case-vault/contact-card/v1'), Buffer.of(0), msg]))
      .digest();
    expect(SIGNATURE_DOMAINS.card).toBe('case-vault/contact-card/v1');
    expect(signatureDigest('card', msg).equals(digest)).toBe(true);
    expect(signatureDigest('manifest', msg).equals(digest)).toBe(false);
    expect(
      PublicKey.deserialize(new Uint8Array(vault.identity.publicKey)).verify(
        new Uint8Array(digest),
        new Uint8Array(sig),
      ),
    ).toBe(true);
    // the raw bytes themselves were not what was signed
    expect(
      PublicKey.deserialize(new Uint8Array(vault.identity.publicKey)).verify(new Uint8Array(msg), new Uint8Array(sig)),
    ).toBe(false);
    const flipped = Buffer.from(sig);
    flipped[10]! ^= 0x40;
    expect(verifySignature(vault.identity.publicKey, 'card', msg, flipped)).toBe(false);
    expect(verifySignature(Buffer.alloc(33), 'card', msg, sig)).toBe(false);
    expect(verifySignature(Buffer.concat([Buffer.of(6), vault.identity.publicKey.subarray(1)]), 'card', msg, sig)).toBe(
      false,
    );
    expect(verifySignature(vault.identity.publicKey.subarray(1), 'card', msg, sig)).toBe(false);
    expect(verifySignature(vault.identity.publicKey, 'card', msg, sig.subarray(1))).toBe(false);
    expect(verifySignature(vault.identity.publicKey, 'card', msg, Buffer.alloc(0))).toBe(false);
    expect(verifySignature(PrivateKey.generate().getPublicKey().serialize(), 'card', msg, sig)).toBe(false);
  });

  it('its age identity and recipient are the same key', async () => {
    const { vault } = await newVault();
    const id = vault.identity.ageIdentity();
    try {
      expect(id.recipient().toString()).toBe(vault.identity.ageRecipient().toString());
      expect(id.publicKey.equals(vault.identity.publicKey.subarray(1))).toBe(true);
    } finally {
      id.dispose();
    }
  });

  it('gives a profile and updates it, audited with field names only', async () => {
    const d = await newDomain();
    const p0 = getIdentity(d.ctx);
    expect(p0).toEqual({
      vaultId: d.ctx.vaultId,
      name: '',
      organisation: '',
      publicKey: d.ctx.identity.publicKey.toString('base64'),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      fingerprint: keyFingerprint(d.ctx.identity.publicKey),
      ageRecipient: d.ctx.identity.ageRecipient().toString(),
      postQuantum: true,
      agePqRecipient: expect.stringMatching(/^age1pq1[0-9a-z]+$/),
    });
    expect(p0.fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    expect(p0.fingerprint.replace(/ /g, '')).toBe(
      createHash('sha256').update(d.ctx.identity.publicKey).digest('hex').slice(0, 32),
    );
    const before = d.auditCount();
    const p1 = updateIdentity(d.ctx, { name: '  Amina  ', organisation: 'Legal Aid Nairobi' });
    expect(p1).toMatchObject({ name: 'Amina', organisation: 'Legal Aid Nairobi', publicKey: p0.publicKey });
    expect(d.auditCount()).toBe(before + 1);
    const last = get<{ action: string; details: string }>(
      d.ctx.db,
      sql`SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT 1`,
    )!;
    expect(last.action).toBe('identity.updated');
    expect(JSON.parse(last.details)).toEqual({ fields: ['name', 'organisation'] });
    updateIdentity(d.ctx, { name: 'Amina' });
    expect(d.auditCount()).toBe(before + 1);
    expect(codeOfSync(() => updateIdentity(d.ctx, { name: 'x'.repeat(201) }))).toBe('INVALID_INPUT');
    expect(codeOfSync(() => updateIdentity(d.ctx, { publicKey: 'x' } as never))).toBe('INVALID_INPUT');
    expect(getIdentity(d.ctx)).toMatchObject({ name: 'Amina', organisation: 'Legal Aid Nairobi' });
    expect(d.auditCount()).toBe(before + 1);
  });

  it('a vault made at schema 2 gets its identity on the unlock that applies 0003', async () => {
    const dir = path.join(tempDir(), 'v');
    const { vault } = await Vault.create(dir, {
      passphrase: PASSPHRASE,
      kdf: FAST_KDF,
      migrations: loadMigrations().slice(0, 2),
    });
    expect(codeOfSync(() => vault.identity)).toBe('IDENTITY_MISSING');
    expect(all(vault.db, sql`SELECT action FROM audit_log`)).toEqual([{ action: 'vault.created' }]);
    vault.lock();
    const v = await openVault(dir);
    expect(v.identity.publicKey.length).toBe(33);
    const entries = all<{ action: string; details: string }>(
      v.db,
      sql`SELECT action, details FROM audit_log ORDER BY seq`,
    );
    expect(entries.map((e) => e.action)).toEqual([
      'vault.created',
      'vault.migrated',
      'identity.created',
      'identity.pq-key-created',
    ]);
    expect(JSON.parse(entries[2]!.details)).toEqual({
      reason: 'migration',
      fingerprint: keyFingerprint(v.identity.publicKey),
    });
    const pk = Buffer.from(v.identity.publicKey);
    v.lock();
    const v2 = await openVault(dir);
    expect(v2.identity.publicKey.equals(pk)).toBe(true);
    expect(all(v2.db, sql`SELECT action FROM audit_log WHERE action = 'identity.created'`)).toHaveLength(1);
  });
});
