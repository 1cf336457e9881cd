// A bundle from a vault the recipient has never heard of: quarantined; the user adds its sender
// from the card the bundle carries (unverified), compares the safety number, then accepts.
import { describe, expect, it } from 'vitest';
import { codeOf } from '../../helpers.js';
import { codeOfSync } from '../domain-helpers.js';
import { get, sql } from '../../../src-main/engine/db/sql.js';
import {
  acceptQuarantined,
  adoptQuarantinedSender,
  exportBundle,
  importBundle,
} from '../../../src-main/engine/bundles/index.js';
import { cardFileText, contactCardOf } from '../../../src-main/engine/identity/contact-card.js';
import { safetyNumberDigits } from '../../../src-main/engine/identity/safety-number.js';
import { importContactCard, verifyPartnerKey } from '../../../src-main/engine/partners/partner-keys.js';
import { getPartner } from '../../../src-main/engine/partners/partner-service.js';
import { clearPartner, outPath, seedCase, twoVaults, type Side } from './bundle-helpers.js';

/** `stranger` learns `recipient`'s card and verifies it; `recipient` knows nothing of `stranger`. */
async function strangerAndRecipient(): Promise<{ stranger: Side; recipient: Side }> {
  const { sender: stranger } = await twoVaults();
  const { recipient } = await twoVaults();
  const known = importContactCard(stranger.ctx, { card: cardFileText(contactCardOf(recipient.ctx)), kind: 'ngo' });
  const digits = safetyNumberDigits(
    { vaultId: stranger.ctx.vaultId, publicKey: stranger.ctx.identity.publicKey },
    { vaultId: recipient.ctx.vaultId, publicKey: recipient.ctx.identity.publicKey },
  ).digits;
  verifyPartnerKey(stranger.ctx, { keyId: known.key.id, safetyNumber: digits, verifiedBy: 'S', how: 'in-person' });
  clearPartner(stranger.ctx, known.partner.id);
  stranger.partnerId = known.partner.id;
  return { stranger, recipient };
}

describe('adding the sender of a quarantined bundle', () => {
  it('adds the card the bundle carries as an unverified key; after verification the bundle can be accepted', async () => {
    const { stranger, recipient } = await strangerAndRecipient();
    const seed = await seedCase(stranger);
    const ex = await exportBundle(stranger.ctx, {
      partnerId: stranger.partnerId,
      caseIds: [seed.caseId],
      purpose: 'Referral',
      onMissingConsent: 'leave-out',
      out: outPath(),
    });
    const q = await importBundle(recipient.ctx, ex.path);
    expect(q.result).toBe('quarantined');
    const partnersBefore = get<{ n: number }>(recipient.ctx.db, sql`SELECT count(*) AS n FROM partners`)!.n;

    const added = adoptQuarantinedSender(recipient.ctx, { bundleId: ex.bundleId });
    expect(added.change).toBe('new-partner');
    expect(added.key).toMatchObject({
      status: 'unverified',
      vaultId: stranger.ctx.vaultId,
      publicKey: stranger.ctx.identity.publicKey.toString('base64'),
    });
    expect(get<{ n: number }>(recipient.ctx.db, sql`SELECT count(*) AS n FROM partners`)!.n).toBe(partnersBefore + 1);
    // still not trusted: adding is not verifying
    expect(await codeOf(acceptQuarantined(recipient.ctx, ex.bundleId))).toBe('BUNDLE_SENDER_NOT_VERIFIED');
    // a second time: the same key, nothing new
    expect(adoptQuarantinedSender(recipient.ctx, { bundleId: ex.bundleId }).change).toBe('unchanged');

    const digits = safetyNumberDigits(
      { vaultId: recipient.ctx.vaultId, publicKey: recipient.ctx.identity.publicKey },
      { vaultId: stranger.ctx.vaultId, publicKey: stranger.ctx.identity.publicKey },
    ).digits;
    verifyPartnerKey(recipient.ctx, { keyId: added.key.id, safetyNumber: digits, verifiedBy: 'R', how: 'read-aloud' });
    const a = await acceptQuarantined(recipient.ctx, ex.bundleId);
    expect(a.result).toBe('imported');
    expect(getPartner(recipient.ctx, added.partner.id).keyState).toBe('verified');
  });

  it('can attach the key to an existing partner; refuses bundles that are not quarantined or not found', async () => {
    const { stranger, recipient } = await strangerAndRecipient();
    const seed = await seedCase(stranger);
    const ex = await exportBundle(stranger.ctx, {
      partnerId: stranger.partnerId,
      caseIds: [seed.caseId],
      purpose: 'Referral',
      onMissingConsent: 'leave-out',
      out: outPath(),
    });
    await importBundle(recipient.ctx, ex.path);
    // recipient.partnerId is the partner of its own pair; attach the stranger's key there
    const existing = recipient.partnerId;
    const keysBefore = get<{ n: number }>(recipient.ctx.db, sql`SELECT count(*) AS n FROM partner_keys`)!.n;
    expect(
      codeOfSync(() => adoptQuarantinedSender(recipient.ctx, { bundleId: '01900000-0000-7000-8000-000000000000' })),
    ).toBe('NOT_FOUND');
    expect(codeOfSync(() => adoptQuarantinedSender(recipient.ctx, { bundleId: 'not-an-id' }))).toBe('INVALID_INPUT');
    expect(get<{ n: number }>(recipient.ctx.db, sql`SELECT count(*) AS n FROM partner_keys`)!.n).toBe(keysBefore);
    const added = adoptQuarantinedSender(recipient.ctx, { bundleId: ex.bundleId, partnerId: existing });
    expect(added).toMatchObject({ change: 'new-key', partner: { id: existing } });

    // a bundle that was imported (not quarantined) has nothing to adopt
    const { sender, recipient: r2 } = await twoVaults();
    const s2 = await seedCase(sender);
    const ex2 = await exportBundle(sender.ctx, {
      partnerId: sender.partnerId,
      caseIds: [s2.caseId],
      purpose: 'Referral',
      onMissingConsent: 'leave-out',
      out: outPath(),
    });
    expect((await importBundle(r2.ctx, ex2.path)).result).toBe('imported');
    expect(codeOfSync(() => adoptQuarantinedSender(r2.ctx, { bundleId: ex2.bundleId }))).toBe('INVALID_TRANSITION');
  });
});
