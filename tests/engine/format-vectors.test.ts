// The test vectors of tests/fixtures/vectors/ (made by generate.ts there), checked two ways: the
// engine's own functions read them, and a computation written only from the docs
// (docs/vault-format.md, docs/bundle-format.md, docs/security.md) with node:crypto and
// libsodium's primitives gives the same bytes. A doc that drifts from the code fails here.
import { createDecipheriv, createHash, createHmac, createPublicKey, hkdfSync, pbkdf2Sync, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sodium from 'sodium-native';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json.js';
import { deriveFromPassphrase } from '../../src-main/engine/crypto/argon2.js';
import { parseRecoveryKey } from '../../src-main/engine/crypto/recovery-key.js';
import { secureTake } from '../../src-main/engine/crypto/secure-memory.js';
import { deriveMasterSubkey } from '../../src-main/engine/crypto/subkeys.js';
import { checkpointBytes } from '../../src-main/engine/identity/audit-checkpoints.js';
import { parseContactCard } from '../../src-main/engine/identity/contact-card.js';
import { verifySignature } from '../../src-main/engine/identity/vault-identity.js';
import { parseVaultFile, verifyVaultFileMac } from '../../src-main/engine/vault/vault-file.js';
import { Vault } from '../../src-main/engine/vault/vault.js';
import { tempDir } from '../helpers.js';

const dir = path.join(import.meta.dirname, '..', 'fixtures', 'vectors');
const read = (name: string) => fs.readFileSync(path.join(dir, name));
const json = <T>(name: string) => JSON.parse(read(name).toString('utf8')) as T;

interface VaultKeys {
  passphrase: string;
  recoveryKey: string;
  recoveryKeyBytes: string;
  canonicalBody: string;
  passphraseSlot: { associatedData: string; kek: string };
  recoverySlot: { associatedData: string; kek: string };
  masterKey: string;
  subkeys: Record<string, string>;
}

/** XChaCha20-Poly1305-IETF decryption with libsodium; null when it does not authenticate. */
function open(key: Buffer, nonce: Buffer, sealed: Buffer, ad: Buffer): Buffer | null {
  const out = Buffer.alloc(sealed.length - 16);
  try {
    sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(out, null, sealed, ad, nonce, key);
    return out;
  } catch {
    return null;
  }
}

const P = 2n ** 255n - 19n;
function modPow(b: bigint, e: bigint): bigint {
  let r = 1n;
  b %= P;
  for (; e > 0n; e >>= 1n, b = (b * b) % P) if (e & 1n) r = (r * b) % P;
  return r;
}

/**
 * The Ed25519 form of a libsignal public key (0x05 ‖ X25519 u): y = (u − 1)/(u + 1), with the
 * given sign bit in the top bit of the last byte (docs/security.md, "XEdDSA as libsignal does it").
 */
function edwardsKey(publicKey: Buffer, signBit: number) {
  const uBytes = Buffer.from(publicKey.subarray(1));
  uBytes[31]! &= 0x7f;
  const u = BigInt(`0x${Buffer.from(uBytes).reverse().toString('hex')}`);
  const y = ((u - 1n + P) * modPow(u + 1n, P - 2n)) % P;
  const out = Buffer.from(y.toString(16).padStart(64, '0'), 'hex').reverse();
  out[31] = (out[31]! & 0x7f) | (signBit << 7);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: out.toString('base64url') }, format: 'jwk' });
}

/** An XEdDSA signature checked as Ed25519: the key's sign bit from signature byte 63, then that bit cleared. */
function xeddsaVerify(publicKey: Buffer, digest: Buffer, signature: Buffer, signBit = signature[63]! >> 7): boolean {
  const sig = Buffer.from(signature);
  sig[63]! &= 0x7f;
  return verify(null, digest, edwardsKey(publicKey, signBit), sig);
}

const digestOf = (label: string, bytes: Buffer) =>
  createHash('sha256').update(label, 'utf8').update(Buffer.of(0)).update(bytes).digest();

describe('vault.json vector', () => {
  const bytes = read('vault.json');
  const keys = json<VaultKeys>('vault-keys.json');
  const doc = JSON.parse(bytes.toString('utf8')) as {
    vaultId: string;
    mac: string;
    checksum: string;
    slots: Array<{
      kind: string;
      nonce: string;
      wrappedKey: string;
      kdf: { salt: string; opsLimit?: number; memLimitBytes?: number };
    }>;
  };

  it('the engine reads it, and the keys it yields are the vector’s', async () => {
    const parsed = parseVaultFile(bytes);
    const master = Buffer.from(keys.masterKey, 'hex');
    const pass = parsed.slots.find((s) => s.kind === 'passphrase')!;
    if (pass.kind !== 'passphrase') throw new Error('no passphrase slot');
    const kek = await deriveFromPassphrase(keys.passphrase, Buffer.from(pass.kdf.salt, 'base64'), pass.kdf);
    expect(Buffer.from(kek).toString('hex')).toBe(keys.passphraseSlot.kek);
    expect(Buffer.from(parseRecoveryKey(keys.recoveryKey)).toString('hex')).toBe(keys.recoveryKeyBytes);
    const secret = secureTake(master);
    expect(verifyVaultFileMac(parsed, deriveMasterSubkey(secret, parsed.vaultId, 'vaultFileMac'))).toBe(true);
    for (const [purpose, info] of [
      ['database', 'case-vault/v1/sqlcipher-key'],
      ['vaultFileMac', 'case-vault/v1/vault-file-mac'],
      ['identity', 'case-vault/v1/identity-key-seal'],
    ] as const) {
      expect(Buffer.from(deriveMasterSubkey(secret, parsed.vaultId, purpose)).toString('hex')).toBe(keys.subkeys[info]);
    }
  });

  it('follows docs/vault-format.md step by step', async () => {
    const { mac, checksum, ...body } = doc;
    // canonical JSON: keys sorted by UTF-16 code units, no whitespace, JSON.stringify escaping
    expect(canonicalJson(body)).toBe(keys.canonicalBody);
    expect(createHash('sha256').update(keys.canonicalBody, 'utf8').digest('hex')).toBe(checksum);
    // Argon2id v1.3, 1 lane, memory given in bytes (libsodium crypto_pwhash, ALG_ARGON2ID13), 32 bytes out
    const pass = doc.slots.find((s) => s.kind === 'passphrase')!;
    expect(pass.kdf).toMatchObject({ opsLimit: 1, memLimitBytes: 8192 });
    const kek = Buffer.alloc(32);
    await sodium.crypto_pwhash_async(
      kek,
      Buffer.from(keys.passphrase.normalize('NFC'), 'utf8'),
      Buffer.from(pass.kdf.salt, 'base64'),
      pass.kdf.opsLimit!,
      pass.kdf.memLimitBytes!,
      sodium.crypto_pwhash_ALG_ARGON2ID13,
    );
    expect(kek.toString('hex')).toBe(keys.passphraseSlot.kek);
    const ad = Buffer.from(keys.passphraseSlot.associatedData, 'utf8');
    const slotOf = (s: (typeof doc.slots)[number]) => ({
      id: (s as unknown as { id: string }).id,
      kind: s.kind,
      kdf: s.kdf,
    });
    expect(ad.toString('utf8')).toBe(
      canonicalJson({ format: 'case-vault/vault', formatVersion: 1, vaultId: doc.vaultId, slot: slotOf(pass) }),
    );
    const master = open(kek, Buffer.from(pass.nonce, 'base64'), Buffer.from(pass.wrappedKey, 'base64'), ad);
    expect(master?.toString('hex')).toBe(keys.masterKey);
    // the recovery slot: HKDF-SHA256(ikm = the 30 key bytes, salt = the slot's 16 salt bytes)
    const rec = doc.slots.find((s) => s.kind === 'recovery')!;
    const recKek = Buffer.from(
      hkdfSync(
        'sha256',
        Buffer.from(keys.recoveryKeyBytes, 'hex'),
        Buffer.from(rec.kdf.salt, 'base64'),
        'case-vault/v1/recovery-slot-kek',
        32,
      ),
    );
    expect(recKek.toString('hex')).toBe(keys.recoverySlot.kek);
    const recAd = Buffer.from(
      canonicalJson({ format: 'case-vault/vault', formatVersion: 1, vaultId: doc.vaultId, slot: slotOf(rec) }),
      'utf8',
    );
    expect(
      open(recKek, Buffer.from(rec.nonce, 'base64'), Buffer.from(rec.wrappedKey, 'base64'), recAd)?.toString('hex'),
    ).toBe(keys.masterKey);
    // sub-keys: HKDF-SHA256, salt = the UTF-8 text of the vault id (36 bytes), 32 bytes out
    for (const [info, expected] of Object.entries(keys.subkeys)) {
      const k = Buffer.from(hkdfSync('sha256', master!, Buffer.from(doc.vaultId, 'utf8'), info, 32));
      expect(k.toString('hex'), info).toBe(expected);
    }
    const macKey = Buffer.from(keys.subkeys['case-vault/v1/vault-file-mac']!, 'hex');
    expect(createHmac('sha256', macKey).update(keys.canonicalBody, 'utf8').digest('base64')).toBe(mac);
  });
});

describe('signature vectors (XEdDSA as libsignal does it)', () => {
  it('the contact card: the engine accepts it; it verifies over the documented digest', () => {
    const text = read('contact-card.json').toString('utf8');
    const card = parseContactCard(text);
    const { signature, ...body } = JSON.parse(text) as Record<string, string>;
    const digest = digestOf('case-vault/contact-card/v1', Buffer.from(canonicalJson(body), 'utf8'));
    expect(xeddsaVerify(Buffer.from(card.publicKey, 'base64'), digest, Buffer.from(signature!, 'base64'))).toBe(true);
  });

  it('the audit checkpoint: signed bytes as documented, signature valid', () => {
    const c = json<{
      vaultId: string;
      seq: number;
      hash: string;
      publicKey: string;
      signedBytes: string;
      signature: string;
    }>('checkpoint.json');
    const bytes = checkpointBytes(c.vaultId, c.seq, Buffer.from(c.hash, 'hex'));
    expect(bytes.toString('utf8')).toBe(c.signedBytes);
    expect(c.signedBytes).toBe(`{"hash":"${c.hash}","seq":${c.seq},"vaultId":"${c.vaultId}"}`);
    const key = Buffer.from(c.publicKey, 'base64');
    const sig = Buffer.from(c.signature, 'base64');
    expect(verifySignature(key, 'auditCheckpoint', bytes, sig)).toBe(true);
    expect(xeddsaVerify(key, digestOf('case-vault/audit-checkpoint/v1', bytes), sig)).toBe(true);
  });

  it('the manifest from a key whose sign bit is set: valid with the bit from byte 63, invalid with sign 0', () => {
    const manifest = read('manifest.json');
    const sig = read('manifest.sig');
    const k = json<{ publicKey: string; signBit: number; digest: string }>('manifest-key.json');
    const key = Buffer.from(k.publicKey, 'base64');
    expect(sig.length).toBe(64);
    expect(sig[63]! >> 7).toBe(1);
    expect(verifySignature(key, 'manifest', manifest, sig)).toBe(true);
    const digest = digestOf('case-vault/bundle-manifest/v1', manifest);
    expect(digest.toString('hex')).toBe(k.digest);
    expect(xeddsaVerify(key, digest, sig)).toBe(true);
    // a verifier built to the XEdDSA paper assumes sign bit 0: it rejects this valid signature
    expect(xeddsaVerify(key, digest, sig, 0)).toBe(false);
    // and the signature is bound to its purpose
    expect(verifySignature(key, 'card', manifest, sig)).toBe(false);
  });
});

describe('vault.db without SQLCipher (docs/vault-format.md, "Page layout")', () => {
  it('every page: AES-256-CBC under the raw key, IV and HMAC-SHA512 in 80 reserved bytes, page 1 after a 16-byte salt', async () => {
    const keys = json<VaultKeys>('vault-keys.json');
    const folder = path.join(tempDir('cv-vectors-'), 'vault');
    const { vault } = await Vault.create(folder, {
      passphrase: keys.passphrase,
      kdf: { opsLimit: 1, memLimitBytes: 8192 },
    });
    const doc = parseVaultFile(fs.readFileSync(path.join(folder, 'vault.json')));
    const pass = doc.slots.find((s) => s.kind === 'passphrase')!;
    if (pass.kind !== 'passphrase') throw new Error('no passphrase slot');
    const kek = await deriveFromPassphrase(keys.passphrase, Buffer.from(pass.kdf.salt, 'base64'), pass.kdf);
    const ad = Buffer.from(
      canonicalJson({
        format: 'case-vault/vault',
        formatVersion: 1,
        vaultId: doc.vaultId,
        slot: { id: pass.id, kind: pass.kind, kdf: pass.kdf },
      }),
    );
    const master = open(
      Buffer.from(kek),
      Buffer.from(pass.nonce, 'base64'),
      Buffer.from(pass.wrappedKey, 'base64'),
      ad,
    )!;
    vault.lock();
    const key = Buffer.from(
      hkdfSync('sha256', master, Buffer.from(doc.vaultId, 'utf8'), 'case-vault/v1/sqlcipher-key', 32),
    );
    const db = fs.readFileSync(path.join(folder, 'vault.db'));
    expect(db.length % 4096).toBe(0);
    const salt = db.subarray(0, 16);
    const hmacKey = pbkdf2Sync(key, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
    for (let pg = 1; pg <= db.length / 4096; pg++) {
      const page = db.subarray((pg - 1) * 4096, pg * 4096);
      const ct = page.subarray(pg === 1 ? 16 : 0, 4096 - 80);
      const iv = page.subarray(4096 - 80, 4096 - 64);
      const pgno = Buffer.alloc(4);
      pgno.writeUInt32LE(pg);
      const mac = createHmac('sha512', hmacKey).update(ct).update(iv).update(pgno).digest();
      expect(mac.equals(page.subarray(4096 - 64)), `page ${pg}`).toBe(true);
      if (pg === 1) {
        const d = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
        const plain = Buffer.concat([d.update(ct), d.final()]);
        // bytes 16… of the SQLite header: page size 4096, WAL (2, 2), 80 reserved bytes per page
        expect([...plain.subarray(0, 5)]).toEqual([0x10, 0x00, 2, 2, 80]);
      }
    }
  });
});
