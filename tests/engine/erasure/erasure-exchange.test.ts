// Erasure meets partner exchange: the sender is told which partner received the person and is
// refused until a recall notice went there; on the recipient, an erased person or purged case
// is not brought back by the next bundle.
import { afterAll, describe, expect, it } from 'vitest';
import { exportBundle, importBundle } from '../../../src-main/engine/bundles/index.js';
import { writeRecalls } from '../../../src-main/engine/bundles/recall/index.js';
import { withdrawConsent } from '../../../src-main/engine/consents/consent-service.js';
import { erasePerson, purgeCase } from '../../../src-main/engine/erasure/erasure-service.js';
import { codeOf, tempDir } from '../../helpers.js';
import { closePersistent, outPath, seedCase, twoVaults } from '../bundles/bundle-helpers.js';

afterAll(() => closePersistent());

describe('erasure and partners', () => {
  it('names the partner that received the person, refuses until a recall notice went there, then erases', async () => {
    const { sender } = await twoVaults();
    const seed = await seedCase(sender);
    const ex = await exportBundle(sender.ctx, {
      partnerId: sender.partnerId,
      caseIds: [seed.caseId],
      purpose: 'Referral',
      onMissingConsent: 'leave-out',
      out: outPath(),
    });
    expect(await codeOf(erasePerson(sender.ctx, { id: seed.survivorId, reason: 'asked' }))).toBe(
      'ERASURE_RECALL_PENDING',
    );
    expect(await codeOf(purgeCase(sender.ctx, { id: seed.caseId, reason: 'asked' }))).toBe('ERASURE_RECALL_PENDING');
    withdrawConsent(sender.ctx, { id: seed.survivorConsentId, reason: 'Fears reprisals' });
    await writeRecalls(sender.ctx, { consentId: seed.survivorConsentId, outDir: tempDir(), action: 'erase' });
    const r = await erasePerson(sender.ctx, { id: seed.survivorId, reason: 'asked' });
    expect(r.partners).toEqual([
      { partnerId: sender.partnerId, name: expect.any(String) as string, bundles: [ex.bundleId], recallSent: true },
    ]);
  });

  it('does not bring back, with a later bundle, a person erased or a case purged on the recipient', async () => {
    const { sender, recipient } = await twoVaults();
    const seed = await seedCase(sender);
    const send = async (name: string) =>
      (
        await exportBundle(sender.ctx, {
          partnerId: sender.partnerId,
          caseIds: [seed.caseId],
          purpose: 'Referral',
          onMissingConsent: 'leave-out',
          out: outPath(name),
        })
      ).path;
    await importBundle(recipient.ctx, await send('first.cvbundle'));
    await erasePerson(recipient.ctx, { id: seed.survivorId, reason: 'asked' });
    sender.setNow('2026-11-22T12:00:00.000Z');
    recipient.setNow('2026-11-22T12:00:00.000Z');
    const again = await importBundle(recipient.ctx, await send('second.cvbundle'));
    expect(again.skipped).toContainEqual({
      kind: 'people',
      id: seed.survivorId,
      reason: 'it was erased in this vault (docs/erasure.md)',
    });
    expect(recipient.ctx.db.prepare('SELECT count(*) AS n FROM people WHERE id = ?').get([seed.survivorId])).toEqual({
      n: 0,
    });

    await purgeCase(recipient.ctx, { id: seed.caseId, reason: 'retention' });
    sender.setNow('2026-11-23T12:00:00.000Z');
    recipient.setNow('2026-11-23T12:00:00.000Z');
    const third = await importBundle(recipient.ctx, await send('third.cvbundle'));
    expect(third.skipped).toContainEqual({
      kind: 'cases',
      id: seed.caseId,
      reason: 'it was erased in this vault (docs/erasure.md)',
    });
    expect(recipient.ctx.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
    expect(recipient.ctx.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });
  });
});
