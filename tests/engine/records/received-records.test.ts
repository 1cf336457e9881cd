// The writers of received records (each in its area's service), end to end through a real
// bundle between two vaults: what the recipient's rows, custody log and counts say.
import { describe, expect, it } from 'vitest';
import { get, sql } from '../../../src-main/engine/db/sql.js';
import { exportBundle, importBundle, planBundle } from '../../../src-main/engine/bundles/index.js';
import { listCustodyEvents, verifyCustodyChain } from '../../../src-main/engine/evidence/custody-log.js';
import { addConsent, listConsents, withdrawConsent } from '../../../src-main/engine/consents/consent-service.js';
import { getPartner, setSharingProfile } from '../../../src-main/engine/partners/partner-service.js';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import { outPath, seedCase, twoVaults } from '../bundles/bundle-helpers.js';

const TOLD = ['nature', 'purpose', 'use', 'consequences', 'right-to-refuse', 'right-to-withdraw'] as const;

describe('received records', () => {
  it('the custody log of a received item starts with its sender and the bundle', async () => {
    const { sender, recipient } = await twoVaults();
    const seed = await seedCase(sender);
    const ex = await exportBundle(sender.ctx, {
      partnerId: sender.partnerId,
      caseIds: [seed.caseId],
      purpose: 'Referral',
      onMissingConsent: 'leave-out',
      evidenceIds: [seed.evidenceId],
      out: outPath(),
    });
    await importBundle(recipient.ctx, ex.path);
    const events = listCustodyEvents(recipient.ctx.db, seed.evidenceId);
    const partnerName = getPartner(recipient.ctx, recipient.partnerId).name;
    expect(events[0]).toMatchObject({
      action: 'received',
      actor: `${partnerName} (partner vault ${sender.ctx.vaultId})`,
      details: {
        bundleId: ex.bundleId,
        fromVault: sender.ctx.vaultId,
        partnerId: recipient.partnerId,
        partnerName,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
        size: seed.fileBytes.length,
      },
    });
    expect(events[0]!.actor).not.toBe('vault-owner');
    expect(verifyCustodyChain(recipient.ctx.db, seed.evidenceId)).toMatchObject({ ok: true });
  });

  it("a case's sensitivity travels even when the profile does not name it", async () => {
    const { sender, recipient } = await twoVaults();
    const seed = await seedCase(sender);
    const c = createCase(sender.ctx, { title: 'Second', sensitivity: 'high' });
    void seed;
    const p = getPartner(sender.ctx, sender.partnerId);
    setSharingProfile(sender.ctx, {
      partnerId: sender.partnerId,
      expectedVersion: p.version,
      allow: [{ kind: 'cases' }],
    });
    const ex = await exportBundle(sender.ctx, {
      partnerId: sender.partnerId,
      caseIds: [c.id],
      purpose: 'Referral',
      onMissingConsent: 'leave-out',
      out: outPath(),
    });
    await importBundle(recipient.ctx, ex.path);
    expect(get(recipient.ctx.db, sql`SELECT sensitivity FROM cases WHERE id = ${c.id}`)).toEqual({
      sensitivity: 'high',
    });
  });

  it('the consents a plan counts are the consents that arrive', async () => {
    const { sender, recipient } = await twoVaults();
    const seed = await seedCase(sender);
    const add = (purpose: 'representation' | 'processing', givenAt: string) =>
      addConsent(sender.ctx, {
        personId: seed.survivorId,
        caseId: seed.caseId,
        purpose,
        told: [...TOLD],
        method: 'written',
        givenAt,
      });
    add('representation', '2026-01-12');
    const processing = add('processing', '2026-01-13');
    withdrawConsent(sender.ctx, { id: processing.id, reason: 'Changed their mind', at: '2026-02-01' });
    const input = {
      partnerId: sender.partnerId,
      caseIds: [seed.caseId],
      purpose: 'Referral',
      onMissingConsent: 'leave-out' as const,
      out: outPath(),
    };
    const plan = planBundle(sender.ctx, input);
    const ex = await exportBundle(sender.ctx, input);
    const r = await importBundle(recipient.ctx, ex.path);
    // three consents (sharing, representation, processing — the last withdrawn: two versions)
    expect(listConsents(sender.ctx, { personId: seed.survivorId })).toHaveLength(3);
    expect(plan.included.consents).toBe(3);
    expect(listConsents(recipient.ctx, { personId: seed.survivorId })).toHaveLength(3);
    // every version travels, so the history of the withdrawal is kept
    expect(r.counts.created.consents).toBe(4);
    const states = listConsents(recipient.ctx, { personId: seed.survivorId, allVersions: true }).map((c) => c.state);
    expect(states.sort()).toEqual(['given', 'given', 'given', 'withdrawn']);
  });
});
