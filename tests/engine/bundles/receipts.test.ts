// Receipts: what the sender refuses, with nothing written; a quarantined receipt, then the imported one.
import fs from 'node:fs';
import path from 'node:path';
import { PrivateKey } from '@signalapp/libsignal-client';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/canonical-json.js';
import type { ReceiptFile } from '../../../shared/domain/bundles.js';
import {
  exportBundle,
  getBundle,
  importBundle,
  importReceipt,
  makeReceipt,
  receiptText,
  writeReceipt,
} from '../../../src-main/engine/bundles/index.js';
import { signatureDigest } from '../../../src-main/engine/identity/vault-identity.js';
import { codeOf } from '../../helpers.js';
import { type Side, dumpTables, outPath, seedCase, twoVaults, verifyPartner } from './bundle-helpers.js';

async function sent(verifyRecipient = true) {
  const { sender, recipient } = await twoVaults({ verify: { recipient: verifyRecipient } });
  const seed = await seedCase(sender);
  const ex = await exportBundle(sender.ctx, {
    partnerId: sender.partnerId,
    caseIds: [seed.caseId],
    purpose: 'Referral',
    onMissingConsent: 'leave-out',
    out: outPath(),
  });
  return { sender, recipient, ex };
}

function write(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

/** importReceipt must fail with `code` and leave the sender's tables as they were. */
async function refusedOn(sender: Side, file: string): Promise<string> {
  const before = dumpTables(sender.ctx);
  const code = await codeOf(importReceipt(sender.ctx, file));
  expect(dumpTables(sender.ctx)).toEqual(before);
  return code;
}

describe('receipts', () => {
  it('refuses what is not a receipt for a bundle this vault sent, signed by its recipient', async () => {
    const { sender, recipient, ex } = await sent();
    const r = await importBundle(recipient.ctx, ex.path);
    const dir = path.dirname(ex.path);
    const good = r.receipt;

    expect(await refusedOn(sender, write(dir, 'a.json', '{"receipt":'))).toBe('RECEIPT_INVALID');
    expect(await refusedOn(sender, write(dir, 'b.json', `{"__proto__":{"x":1},${receiptText(good).slice(1)}`))).toBe(
      'RECEIPT_INVALID',
    );
    expect(await refusedOn(sender, write(dir, 'c.json', { ...good, extra: 1 }))).toBe('RECEIPT_INVALID');
    expect(await refusedOn(sender, write(dir, 'big.json', ' '.repeat(70_000)))).toBe('RECEIPT_INVALID');

    // a bundle this vault never sent
    const other = makeReceipt(recipient.ctx, {
      ...good.receipt,
      bundleId: '01900000-0000-7000-8000-000000000000',
      result: 'imported',
      records: good.receipt.counts.records,
      files: 0,
    });
    expect(await refusedOn(sender, write(dir, 'd.json', other))).toBe('RECEIPT_UNKNOWN_BUNDLE');
    // the right id, another manifest
    const mismatch = makeReceipt(recipient.ctx, {
      bundleId: ex.bundleId,
      manifestSha256: '0'.repeat(64),
      result: 'imported',
      records: good.receipt.counts.records,
      files: 0,
    });
    expect(await refusedOn(sender, write(dir, 'e.json', mismatch))).toBe('RECEIPT_MISMATCH');
    // changed after signing
    const changed: ReceiptFile = {
      ...good,
      receipt: { ...good.receipt, counts: { ...good.receipt.counts, files: 7 } },
    };
    expect(await refusedOn(sender, write(dir, 'f.json', changed))).toBe('RECEIPT_SIGNATURE_INVALID');
    // signed by the sender itself (a key the bundle went to, but not a recipient's)
    const self = makeReceipt(sender.ctx, {
      bundleId: ex.bundleId,
      manifestSha256: ex.manifestSha256,
      result: 'imported',
      records: good.receipt.counts.records,
      files: 0,
    });
    expect(await refusedOn(sender, write(dir, 'g.json', self))).toBe('RECEIPT_SIGNATURE_INVALID');
    // a stranger's key: the card's self-signature and the receipt's signature both by a key the bundle did not go to
    const stranger = PrivateKey.generate();
    const card = {
      ...good.receipt.recipient,
      publicKey: Buffer.from(stranger.getPublicKey().serialize()).toString('base64'),
    };
    const { signature: _s, ...body } = card;
    card.signature = Buffer.from(
      stranger.sign(new Uint8Array(signatureDigest('card', Buffer.from(canonicalJson(body))))),
    ).toString('base64');
    const receipt = { ...good.receipt, recipient: card };
    const forged = {
      receipt,
      signature: Buffer.from(
        stranger.sign(new Uint8Array(signatureDigest('receipt', Buffer.from(canonicalJson(receipt))))),
      ).toString('base64'),
    };
    expect(await refusedOn(sender, write(dir, 'h.json', forged))).toBe('RECEIPT_SIGNATURE_INVALID');

    // and the genuine one is accepted
    const file = path.join(dir, 'good.json');
    expect(await writeReceipt(good, file)).toBe(file);
    expect(await writeReceipt(good, file)).toBe(file); // the same receipt again: fine
    expect(await codeOf(writeReceipt(other, file))).toBe('EXPORT_TARGET_EXISTS');
    expect((await importReceipt(sender.ctx, file)).status).toBe('delivered');
  });

  it('a quarantined receipt is stored, the bundle stays sent; the imported receipt then delivers it', async () => {
    const { sender, recipient, ex } = await sent(false);
    const dir = path.dirname(ex.path);
    const q = await importBundle(recipient.ctx, ex.path);
    expect(q.result).toBe('quarantined');
    const qFile = path.join(dir, 'q.json');
    await writeReceipt(q.receipt, qFile);
    expect(await importReceipt(sender.ctx, qFile)).toEqual({
      bundleId: ex.bundleId,
      status: 'sent',
      changed: true,
      custodyEvents: 0,
    });
    expect(getBundle(sender.ctx, ex.bundleId)).toMatchObject({
      status: 'sent',
      hasReceipt: true,
      receipt: { receipt: { result: 'quarantined' } },
    });

    verifyPartner(recipient, sender);
    const { acceptQuarantined } = await import('../../../src-main/engine/bundles/index.js');
    const a = await acceptQuarantined(recipient.ctx, ex.bundleId);
    const aFile = path.join(dir, 'a.json');
    await writeReceipt(a.receipt, aFile);
    expect(await importReceipt(sender.ctx, aFile)).toEqual({
      bundleId: ex.bundleId,
      status: 'delivered',
      changed: true,
      custodyEvents: 2,
    });
    // the older, quarantined receipt later changes nothing
    expect(await importReceipt(sender.ctx, qFile)).toEqual({
      bundleId: ex.bundleId,
      status: 'delivered',
      changed: false,
      custodyEvents: 0,
    });
  });
});
