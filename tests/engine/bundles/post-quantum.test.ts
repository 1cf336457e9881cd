// Bundles with post-quantum stanzas: used when every recipient's card carries a post-quantum
// key, never mixed with X25519, the sender card written in the lowest version the partner
// reads; a second implementation (typage) opens such a bundle with the exported key.
import * as typage from 'age-encryption';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAgeHeader, decryptAge } from '../../../src-main/engine/age/index.js';
import { exportBundle, importBundle } from '../../../src-main/engine/bundles/index.js';
import { exportAgeKey } from '../../../src-main/engine/identity/age-key-export.js';
import { cardFileText, contactCardOf } from '../../../src-main/engine/identity/contact-card.js';
import { importContactCard, verifyPartnerKey } from '../../../src-main/engine/partners/partner-keys.js';
import { safetyNumberDigits } from '../../../src-main/engine/identity/safety-number.js';
import { TarReader } from '../../../src-main/engine/tar/tar.js';
import { tempDir } from '../../helpers.js';
import { type Side, dumpTables, outPath, seedCase, side, twoVaults } from './bundle-helpers.js';
import path from 'node:path';

const exportInput = (s: Side, caseId: string) => ({
  partnerId: s.partnerId,
  caseIds: [caseId],
  purpose: 'Referral to the regional commission',
  onMissingConsent: 'leave-out',
  out: outPath(),
});

async function stanzaTypes(file: string): Promise<string[]> {
  return (await readAgeHeader(fs.createReadStream(file))).stanzas.map((s) => s.type);
}

/** The manifest of a bundle, opened with `s`'s keys. */
async function manifestOf(file: string, s: Side): Promise<{ sender: { version: number; pqPublicKey?: string } }> {
  const id = s.ctx.identity.bundleIdentity();
  const tar = new TarReader(decryptAge(fs.createReadStream(file), [id]));
  try {
    const first = await tar.next();
    expect(first?.name).toBe('manifest.json');
    return JSON.parse((await tar.readAll()).toString('utf8')) as { sender: { version: number } };
  } finally {
    await tar.close();
    id.dispose();
  }
}

describe('post-quantum bundles', () => {
  it('to a partner whose card has a post-quantum key: every stanza is mlkem768x25519, and typage opens it', async () => {
    const { sender, recipient } = await twoVaults();
    const seed = await seedCase(sender, 1000);
    const ex = await exportBundle(sender.ctx, exportInput(sender, seed.caseId));
    expect(ex.postQuantum).toBe(true);
    // the partner's key and our own, both hybrid
    expect(await stanzaTypes(ex.path)).toEqual(['mlkem768x25519', 'mlkem768x25519']);
    const manifest = await manifestOf(ex.path, sender);
    expect(manifest.sender.version).toBe(2);
    expect(manifest.sender.pqPublicKey).toBe(sender.ctx.identity.postQuantumPublicKey!.toString('base64'));
    expect((await importBundle(recipient.ctx, ex.path)).bundleId).toBe(ex.bundleId);

    // the escape hatch: the exported post-quantum key opens it with another implementation
    const keyFile = path.join(tempDir(), 'pq-key.txt');
    const exported = exportAgeKey(recipient.ctx, { out: keyFile, postQuantum: true });
    expect(exported.recipient).toMatch(/^age1pq1/);
    const secret = fs
      .readFileSync(keyFile, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('AGE-SECRET-KEY-PQ-1'))!;
    const d = new typage.Decrypter();
    d.addIdentity(secret);
    const tar = Buffer.from(await d.decrypt(fs.readFileSync(ex.path)));
    expect(tar.subarray(0, 13).toString('latin1')).toBe('manifest.json');
  });

  it('to a partner whose card has none (an older Case Vault): X25519 stanzas and a version 1 sender card', async () => {
    const { sender, recipient } = await twoVaults({ classic: true });
    const seed = await seedCase(sender, 1000);
    const ex = await exportBundle(sender.ctx, exportInput(sender, seed.caseId));
    expect(ex.postQuantum).toBe(false);
    expect(await stanzaTypes(ex.path)).toEqual(['X25519', 'X25519']);
    expect((await manifestOf(ex.path, recipient)).sender).not.toHaveProperty('pqPublicKey');
    expect((await manifestOf(ex.path, recipient)).sender.version).toBe(1);
    expect((await importBundle(recipient.ctx, ex.path)).bundleId).toBe(ex.bundleId);
  });

  it('a file that mixes post-quantum and X25519 stanzas (typage writes one) is refused on import, nothing written', async () => {
    const { recipient } = await twoVaults();
    const e = new typage.Encrypter();
    e.addRecipient(recipient.ctx.identity.hybridRecipient()!.toString());
    e.addRecipient(recipient.ctx.identity.ageRecipient().toString());
    const file = path.join(tempDir(), 'mixed.cvbundle');
    fs.writeFileSync(file, await e.encrypt(Buffer.from('not even a tar')));
    const before = dumpTables(recipient.ctx);
    await expect(importBundle(recipient.ctx, file)).rejects.toMatchObject({ code: 'AGE_MIXED_PQ_RECIPIENTS' });
    expect(dumpTables(recipient.ctx)).toEqual(before);
  });

  it('a partner with two vaults, one without a post-quantum key: X25519 for every recipient, never a mix', async () => {
    const { sender } = await twoVaults();
    const older = await side('Tomás Ruiz', 'Partner Legal Aid', false);
    const k = importContactCard(sender.ctx, {
      card: cardFileText(contactCardOf(older.ctx, { postQuantum: false })),
      partnerId: sender.partnerId,
    });
    const digits = safetyNumberDigits(
      { vaultId: sender.ctx.vaultId, publicKey: sender.ctx.identity.publicKey },
      { vaultId: older.ctx.vaultId, publicKey: older.ctx.identity.publicKey },
    ).digits;
    verifyPartnerKey(sender.ctx, { keyId: k.key.id, safetyNumber: digits, verifiedBy: 'Asha', how: 'in-person' });
    const seed = await seedCase(sender, 1000);
    const ex = await exportBundle(sender.ctx, exportInput(sender, seed.caseId));
    expect(ex.postQuantum).toBe(false);
    expect(await stanzaTypes(ex.path)).toEqual(['X25519', 'X25519', 'X25519']);
  });
});
