// The organisation's partner policy and the partner gate (docs/partners.md, "The partner
// policy"): the default, every reason a partner is not cleared, the policy on and off, and the
// refusal of a share (PARTNER_NOT_CLEARED) that writes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OrgPolicy, PartnerClearance } from '../../../shared/domain/policy.js';
import { listAudit } from '../../../src-main/engine/audit/audit-log.js';
import { exportBundle, planBundle } from '../../../src-main/engine/bundles/index.js';
import {
  addAgreement,
  addPartner,
  getPartner,
  updateAgreement,
  updatePartner,
} from '../../../src-main/engine/partners/partner-service.js';
import { getPolicy, partnerClearance, setPolicy } from '../../../src-main/engine/policy/policy-service.js';
import { codeOf } from '../../helpers.js';
import { type Side, dumpTables, outPath, seedCase, twoVaults } from '../bundles/bundle-helpers.js';

function reasons(s: Side, partnerId = s.partnerId) {
  return partnerClearance(s.ctx, partnerId).reasons.map((r) => r.reason);
}

function setOutcome(
  s: Side,
  ddOutcome: 'pending' | 'approved' | 'approved-with-conditions' | 'rejected',
  partnerId = s.partnerId,
) {
  updatePartner(s.ctx, { id: partnerId, expectedVersion: getPartner(s.ctx, partnerId).version, ddOutcome });
}

describe('the partner policy', () => {
  it('is on by default, with no one named as having changed it', async () => {
    const { sender } = await twoVaults({ clear: false });
    const policy = getPolicy(sender.ctx);
    expect(OrgPolicy.parse(policy)).toEqual({
      requireDueDiligence: true,
      requireAgreement: true,
      updatedAt: null,
      updatedBy: null,
    });
  });

  it('is changed by setPolicy, audited without personal data; the same values again change nothing', async () => {
    const { sender } = await twoVaults({ clear: false });
    sender.setNow('2026-12-01T09:00:00.000Z');
    const before = listAudit(sender.ctx.db).length;
    const off = setPolicy(sender.ctx, { requireAgreement: false });
    expect(off).toEqual({
      requireDueDiligence: true,
      requireAgreement: false,
      updatedAt: '2026-12-01T09:00:00.000Z',
      updatedBy: 'Asha Njeri',
    });
    expect(getPolicy(sender.ctx)).toEqual(off);
    const entries = listAudit(sender.ctx.db).slice(before);
    expect(entries.map((e) => e.action)).toEqual(['policy.changed']);
    expect(entries[0]!.subject).toEqual({ kind: 'policy', id: 'partner-gate' });
    expect(entries[0]!.details).toEqual({
      changed: ['requireAgreement'],
      requireDueDiligence: true,
      requireAgreement: false,
      was: { requireDueDiligence: true, requireAgreement: true },
    });
    expect(JSON.stringify(entries[0]!.details)).not.toContain('Asha');

    // the same value again: nothing written
    const tables = dumpTables(sender.ctx);
    expect(setPolicy(sender.ctx, { requireAgreement: false, updatedBy: 'Someone else' })).toEqual(off);
    expect(dumpTables(sender.ctx)).toEqual(tables);

    // a name given is kept; both rules at once
    const both = setPolicy(sender.ctx, {
      requireDueDiligence: false,
      requireAgreement: true,
      updatedBy: 'Board decision 2026-14',
    });
    expect(both).toMatchObject({
      requireDueDiligence: false,
      requireAgreement: true,
      updatedBy: 'Board decision 2026-14',
    });
    expect(listAudit(sender.ctx.db).at(-1)!.details).toMatchObject({
      changed: ['requireDueDiligence', 'requireAgreement'],
    });
  });

  it('refuses a change that says nothing, or says it wrongly, and writes nothing', async () => {
    const { sender } = await twoVaults({ clear: false });
    const tables = dumpTables(sender.ctx);
    expect(await codeOf(Promise.resolve().then(() => setPolicy(sender.ctx, {})))).toBe('INVALID_INPUT');
    expect(
      await codeOf(
        Promise.resolve().then(() => setPolicy(sender.ctx, { requireAgreement: 'no' as unknown as boolean })),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await codeOf(Promise.resolve().then(() => setPolicy(sender.ctx, { requireAgreement: false, extra: 1 } as never))),
    ).toBe('INVALID_INPUT');
    expect(dumpTables(sender.ctx)).toEqual(tables);
  });
});

describe('the partner gate (partnerClearance)', () => {
  it('clears a partner with an approved due diligence and a signed confidentiality or data-sharing agreement in force', async () => {
    const { sender } = await twoVaults();
    const c = partnerClearance(sender.ctx, sender.partnerId);
    expect(PartnerClearance.parse(c)).toEqual({
      partnerId: sender.partnerId,
      cleared: true,
      policy: { requireDueDiligence: true, requireAgreement: true },
      reasons: [],
    });
  });

  it('names each due-diligence reason, with where to fix it', async () => {
    const { sender } = await twoVaults({ clear: false });
    addAgreement(sender.ctx, { partnerId: sender.partnerId, kind: 'data-sharing', signedOn: '2026-02-01' });
    const partner = getPartner(sender.ctx, sender.partnerId);

    expect(reasons(sender)).toEqual(['due-diligence-pending']);
    const pending = partnerClearance(sender.ctx, sender.partnerId).reasons[0]!;
    expect(pending.message).toContain(`“${partner.name}”`);
    expect(pending.message).toContain(`case-vault partner update ${partner.id} --dd-outcome approved`);
    expect(pending.message).toContain(`Partners → ${partner.name} → Edit the partner → Due diligence`);

    setOutcome(sender, 'approved-with-conditions');
    const conditions = partnerClearance(sender.ctx, sender.partnerId);
    expect(conditions.cleared).toBe(false);
    expect(conditions.reasons.map((r) => r.reason)).toEqual(['due-diligence-conditions']);
    expect(conditions.reasons[0]!.message).toMatch(/conditions must be cleared first/);

    setOutcome(sender, 'rejected');
    expect(reasons(sender)).toEqual(['due-diligence-rejected']);

    setOutcome(sender, 'approved');
    expect(partnerClearance(sender.ctx, sender.partnerId).cleared).toBe(true);
  });

  it('refuses a due diligence whose review date has passed (the review day itself is still fine)', async () => {
    const { sender } = await twoVaults();
    updatePartner(sender.ctx, {
      id: sender.partnerId,
      expectedVersion: getPartner(sender.ctx, sender.partnerId).version,
      ddReviewOn: '2026-12-31',
    });
    sender.setNow('2026-12-31');
    expect(partnerClearance(sender.ctx, sender.partnerId).cleared).toBe(true);
    sender.setNow('2027-01-01');
    const c = partnerClearance(sender.ctx, sender.partnerId);
    expect(c.reasons).toEqual([
      {
        reason: 'due-diligence-review-overdue',
        day: '2026-12-31',
        message: expect.stringContaining('was due on 2026-12-31 and is overdue') as string,
      },
    ]);
    expect(c.reasons[0]!.message).toContain('--review-on');
  });

  it('names each agreement reason: none, only an MoU, not signed, signed later than today, expired', async () => {
    const { sender } = await twoVaults({ clear: false });
    setOutcome(sender, 'approved');
    expect(reasons(sender)).toEqual(['agreement-missing']);
    expect(partnerClearance(sender.ctx, sender.partnerId).reasons[0]!.message).toContain(
      `case-vault partner agreement add ${sender.partnerId} --kind confidentiality`,
    );

    // an MoU is not a confidentiality or data-sharing agreement
    addAgreement(sender.ctx, { partnerId: sender.partnerId, kind: 'mou', signedOn: '2026-01-01' });
    expect(reasons(sender)).toEqual(['agreement-missing']);

    const draft = addAgreement(sender.ctx, { partnerId: sender.partnerId, kind: 'confidentiality' });
    expect(reasons(sender)).toEqual(['agreement-not-signed']);
    expect(partnerClearance(sender.ctx, sender.partnerId).reasons[0]!.message).toContain(
      `case-vault partner agreement update ${draft.id} --signed-on`,
    );

    const signed = updateAgreement(sender.ctx, { id: draft.id, signedOn: '2026-11-20', expiresOn: '2026-12-31' });
    expect(partnerClearance(sender.ctx, sender.partnerId).cleared).toBe(true);
    // seen from a day before the signature: not signed yet
    sender.setNow('2026-11-19');
    expect(reasons(sender)).toEqual(['agreement-not-signed']);
    // in force through its expiry day, expired the day after
    sender.setNow('2026-12-31');
    expect(partnerClearance(sender.ctx, sender.partnerId).cleared).toBe(true);
    sender.setNow('2027-01-01');
    const expired = partnerClearance(sender.ctx, sender.partnerId);
    expect(expired.reasons).toEqual([
      {
        reason: 'agreement-expired',
        day: '2026-12-31',
        message: expect.stringContaining('expired on 2026-12-31') as string,
      },
    ]);
    expect(expired.reasons[0]!.message).toContain(`case-vault partner agreement update ${signed.id} --expires-on`);
    // a new data-sharing agreement clears again
    addAgreement(sender.ctx, { partnerId: sender.partnerId, kind: 'data-sharing', signedOn: '2027-01-01' });
    expect(partnerClearance(sender.ctx, sender.partnerId).cleared).toBe(true);
  });

  it('lists every reason at once, and each rule can be turned off', async () => {
    const { sender } = await twoVaults({ clear: false });
    updatePartner(sender.ctx, {
      id: sender.partnerId,
      expectedVersion: getPartner(sender.ctx, sender.partnerId).version,
      ddReviewOn: '2026-06-01',
    });
    expect(reasons(sender)).toEqual(['due-diligence-pending', 'due-diligence-review-overdue', 'agreement-missing']);
    setPolicy(sender.ctx, { requireDueDiligence: false });
    expect(partnerClearance(sender.ctx, sender.partnerId)).toMatchObject({
      cleared: false,
      policy: { requireDueDiligence: false, requireAgreement: true },
    });
    expect(reasons(sender)).toEqual(['agreement-missing']);
    setPolicy(sender.ctx, { requireAgreement: false });
    expect(partnerClearance(sender.ctx, sender.partnerId)).toEqual({
      partnerId: sender.partnerId,
      cleared: true,
      policy: { requireDueDiligence: false, requireAgreement: false },
      reasons: [],
    });
    setPolicy(sender.ctx, { requireDueDiligence: true });
    expect(reasons(sender)).toEqual(['due-diligence-pending', 'due-diligence-review-overdue']);
  });

  it('NOT_FOUND for a partner that does not exist', async () => {
    const { sender } = await twoVaults();
    expect(
      await codeOf(Promise.resolve().then(() => partnerClearance(sender.ctx, '01900000-0000-7000-8000-000000000000'))),
    ).toBe('NOT_FOUND');
  });
});

describe('a share to a partner who is not cleared', () => {
  it('is a blocker of the plan and refused by the export with PARTNER_NOT_CLEARED; no file, no row', async () => {
    const { sender } = await twoVaults({ clear: false });
    const seed = await seedCase(sender);
    setOutcome(sender, 'approved-with-conditions');
    const input = {
      partnerId: sender.partnerId,
      caseIds: [seed.caseId],
      purpose: 'Referral',
      onMissingConsent: 'leave-out',
      out: outPath(),
    };
    const plan = planBundle(sender.ctx, input);
    expect(plan.blockers.map((b) => b.code)).toEqual(['PARTNER_NOT_CLEARED']);
    expect(plan.clearance.reasons.map((r) => r.reason)).toEqual(['due-diligence-conditions', 'agreement-missing']);
    const message = plan.blockers[0]!.message;
    expect(message).toContain('partner policy does not allow sharing with “Partner Legal Aid”');
    expect(message).toMatch(/conditions must be cleared first/);
    expect(message).toContain('case-vault policy show');
    expect(message).toContain('Settings → Partner policy');
    // the plan still says what would go, so the user sees what is at stake
    expect(plan.included.cases).toBe(1);

    const tables = dumpTables(sender.ctx);
    let refused: { code?: string; message?: string } = {};
    try {
      await exportBundle(sender.ctx, input);
    } catch (e) {
      refused = e as { code: string; message: string };
    }
    expect(refused.code).toBe('PARTNER_NOT_CLEARED');
    expect(refused.message).toBe(message);
    expect(fs.readdirSync(path.dirname(input.out))).toEqual([]);
    expect(dumpTables(sender.ctx)).toEqual(tables);

    // cleared: the same export goes through
    setOutcome(sender, 'approved');
    addAgreement(sender.ctx, { partnerId: sender.partnerId, kind: 'confidentiality', signedOn: '2026-03-01' });
    const ex = await exportBundle(sender.ctx, input);
    expect(fs.existsSync(ex.path)).toBe(true);
  });

  it('a partner added by hand (no key, pending due diligence, empty profile) gets every blocker, the gate first', async () => {
    const { sender } = await twoVaults();
    const seed = await seedCase(sender);
    const p = addPartner(sender.ctx, { name: 'Unvetted NGO', kind: 'ngo' });
    const plan = planBundle(sender.ctx, {
      partnerId: p.id,
      caseIds: [seed.caseId],
      purpose: 'Referral',
      onMissingConsent: 'leave-out',
    });
    expect(plan.blockers.map((b) => b.code)).toEqual([
      'PARTNER_NOT_CLEARED',
      'BUNDLE_PARTNER_NOT_VERIFIED',
      'BUNDLE_EMPTY',
    ]);
  });
});
