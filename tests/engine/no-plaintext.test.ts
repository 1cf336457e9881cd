// "No plaintext of anything stored is ever in any file of the vault": plant a marker in every
// place the core stores data, then search every byte of the vault folder for it — while the
// vault is open (WAL in use) and after it is locked.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../src-main/engine/index.js';
import { deriveMasterSubkey } from '../../src-main/engine/crypto/subkeys.js';
import { unwrapKey } from '../../src-main/engine/crypto/aead.js';
import { deriveFromPassphrase } from '../../src-main/engine/crypto/argon2.js';
import { type PassphraseSlot, readVaultFile, slotAssociatedData } from '../../src-main/engine/vault/vault-file.js';
import { PASSPHRASE, newVault, snapshot } from '../helpers.js';

const MARKER = 'SURVIVOR-MARKER-7f3a9c-Zahra-al-Khatib';

function forms(s: string): Buffer[] {
  const utf8 = Buffer.from(s, 'utf8');
  return [
    utf8,
    Buffer.from(s, 'utf16le'),
    Buffer.from(utf8.toString('base64').slice(0, 24)),
    Buffer.from(utf8.toString('hex')),
  ];
}

function assertAbsent(dir: string, needles: Buffer[], label: string): void {
  for (const [file, bytes] of snapshot(dir)) {
    for (const n of needles) {
      if (bytes.includes(n)) throw new Error(`${label}: found in ${file}`);
    }
  }
}

describe('nothing stored is on disk in clear', () => {
  it('a marker in evidence content and in audit details is in no file, open or locked', async () => {
    const { vault, dir } = await newVault();
    const content = Buffer.from(`${MARKER}\n`.repeat(5000));
    await vault.blobs.put([content]);
    await vault.blobs.put([Buffer.from(MARKER)]); // a tiny file: one final chunk
    vault.audit('test.marker', { note: MARKER });
    vault.db.exec(`CREATE TEMP TABLE scratch AS SELECT '${MARKER}' AS x`); // temp_store=MEMORY: never a temp file
    const needles = forms(MARKER);
    assertAbsent(dir, needles, 'while open');
    vault.lock();
    assertAbsent(dir, needles, 'after lock');
  });

  it('vault.db does not start with the SQLite header', async () => {
    const { vault, dir } = await newVault();
    vault.lock();
    const head = fs.readFileSync(path.join(dir, 'vault.db')).subarray(0, 16);
    expect(head.toString('latin1')).not.toBe('SQLite format 3\0');
  });

  it('neither the master key, nor the database key, nor the recovery key is in any file', async () => {
    const { vault, dir, recoveryKey } = await newVault();
    vault.lock();
    // Unwrap the master key by hand, as documented in docs/vault-format.md.
    const doc = await readVaultFile(dir);
    const slot = doc.slots.find((s): s is PassphraseSlot => s.kind === 'passphrase')!;
    const kek = await deriveFromPassphrase(PASSPHRASE, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
    const master = unwrapKey(
      kek,
      Buffer.from(slot.nonce, 'base64'),
      Buffer.from(slot.wrappedKey, 'base64'),
      slotAssociatedData(doc, slot),
    )!;
    expect(master).not.toBeNull();
    const dbKey = deriveMasterSubkey(master, doc.vaultId, 'database');
    const needles = [master, dbKey].flatMap((k) => [
      Buffer.from(k),
      Buffer.from(k.toString('hex')),
      Buffer.from(k.toString('base64')),
    ]);
    needles.push(Buffer.from(recoveryKey), Buffer.from(recoveryKey.replace(/-/g, '')));
    const v = await Vault.open(dir, { passphrase: PASSPHRASE });
    v.audit('touch');
    assertAbsent(dir, needles, 'key material while open');
    v.lock();
    assertAbsent(dir, needles, 'key material after lock');
  });
});
