/**
 * policy.* and partners.clearance through the real router: the partner policy on by default,
 * changed (audited, without the name), a refused change that writes nothing; a partner's
 * clearance as the share wizard asks for it, each rule on and off; and the export the gate
 * refuses (PARTNER_NOT_CLEARED) or that has nothing in it (BUNDLE_EMPTY), with no file written.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BundlePlan } from '../../shared/domain/bundles.js';
import type { OrgPolicy, PartnerClearance } from '../../shared/domain/policy.js';
import type { Partner } from '../../shared/domain/partners.js';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import { auditActions, auditTotal, pair, saveHandle, type Pair } from './exchange-ipc-helpers.js';

const open: IpcVault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.cleanup();
});

describe('policy.* through the router', () => {
  it('shows the default, changes it (audited without the name), and refuses a change that says nothing', async () => {
    const v = await ipcVault();
    open.push(v);
    expect(await v.ok<OrgPolicy>('policy.show')).toEqual({
      requireDueDiligence: true,
      requireAgreement: true,
      updatedAt: null,
      updatedBy: null,
    });

    const total = await auditTotal(v);
    expect(await v.call('policy.set', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await v.call('policy.set', { requireAgreement: 'off' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await v.call('policy.set', { requireAgreement: false, who: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await auditTotal(v)).toBe(total);
    expect((await v.ok<OrgPolicy>('policy.show')).updatedAt).toBeNull();

    const changed = await v.ok<OrgPolicy>('policy.set', { requireAgreement: false, updatedBy: 'Programme director' });
    expect(changed).toEqual({
      requireDueDiligence: true,
      requireAgreement: false,
      updatedAt: expect.stringMatching(/Z$/) as string,
      updatedBy: 'Programme director',
    });
    expect(await v.ok<OrgPolicy>('policy.show')).toEqual(changed);
    expect(await auditActions(v, 1)).toEqual(['policy.changed']);
    const entry = (await v.ok<{ items: Array<{ details: unknown }> }>('audit.list', { limit: 1 })).items[0]!;
    expect(entry.details).toEqual({
      changed: ['requireAgreement'],
      requireDueDiligence: true,
      requireAgreement: false,
      was: { requireDueDiligence: true, requireAgreement: true },
    });
    // the same again: nothing written
    expect(await v.ok<OrgPolicy>('policy.set', { requireAgreement: false })).toEqual(changed);
    expect(await auditTotal(v)).toBe(total + 1);
    // locked: refused before the engine
    await v.ok('session.lock');
    expect(await v.call('policy.show')).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });
});

describe('partners.clearance and the gate on bundles.*', () => {
  async function uncleared(): Promise<Pair> {
    const p = await pair({ clear: false });
    open.push(p.a, p.b);
    return p;
  }

  it('answers the wizard: reasons while not cleared, cleared once due diligence and agreement are recorded; each rule can be off', async () => {
    const { a, aSeesB } = await uncleared();
    const id = aSeesB.partner.id;
    const first = await a.ok<PartnerClearance>('partners.clearance', { partnerId: id });
    expect(first).toMatchObject({
      partnerId: id,
      cleared: false,
      policy: { requireDueDiligence: true, requireAgreement: true },
    });
    expect(first.reasons.map((r) => r.reason)).toEqual(['due-diligence-pending', 'agreement-missing']);
    expect(first.reasons[0]!.message).toContain('Partners → Partner Legal Aid → Edit the partner → Due diligence');

    await a.ok('policy.set', { requireDueDiligence: false, requireAgreement: false });
    expect(await a.ok<PartnerClearance>('partners.clearance', { partnerId: id })).toEqual({
      partnerId: id,
      cleared: true,
      policy: { requireDueDiligence: false, requireAgreement: false },
      reasons: [],
    });
    await a.ok('policy.set', { requireDueDiligence: true, requireAgreement: true });

    const partner = await a.ok<Partner>('partners.get', { id });
    await a.ok('partners.update', { id, expectedVersion: partner.version, ddOutcome: 'approved-with-conditions' });
    expect(
      (await a.ok<PartnerClearance>('partners.clearance', { partnerId: id })).reasons.map((r) => r.reason),
    ).toEqual(['due-diligence-conditions', 'agreement-missing']);
    await a.ok('partners.update', { id, expectedVersion: partner.version + 1, ddOutcome: 'approved' });
    await a.ok('partners.addAgreement', { partnerId: id, kind: 'data-sharing', signedOn: '2025-06-01' });
    expect(await a.ok<PartnerClearance>('partners.clearance', { partnerId: id })).toMatchObject({
      cleared: true,
      reasons: [],
    });

    expect(await a.call('partners.clearance', { partnerId: '01900000-0000-7000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await a.call('partners.clearance', { partnerId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('refuses the export to a partner not cleared, then one with nothing in it; no file, no ledger row', async () => {
    const p = await uncleared();
    const { a, aSeesB } = p;
    const c = await a.ok<{ id: string }>('cases.create', { title: 'Detention at Kilima station' });
    const share = { partnerId: aSeesB.partner.id, caseIds: [c.id], purpose: 'Referral', onMissingConsent: 'refuse' };
    const plan = await a.ok<BundlePlan>('bundles.plan', share);
    expect(plan.blockers.map((b) => b.code)).toEqual(['PARTNER_NOT_CLEARED', 'BUNDLE_EMPTY']);

    const target = join(p.dir, 'case.cvbundle');
    const total = await auditTotal(a);
    const refused = await a.call('bundles.export', { ...share, target: await saveHandle(a, target, 'bundle') });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'PARTNER_NOT_CLEARED', message: expect.stringContaining('Partner Legal Aid') as string },
    });
    expect(existsSync(target)).toBe(false);

    const partner = await a.ok<Partner>('partners.get', { id: aSeesB.partner.id });
    await a.ok('partners.update', { id: partner.id, expectedVersion: partner.version, ddOutcome: 'approved' });
    await a.ok('partners.addAgreement', { partnerId: partner.id, kind: 'confidentiality', signedOn: '2025-06-01' });
    const empty = await a.call('bundles.export', { ...share, target: await saveHandle(a, target, 'bundle') });
    expect(empty).toMatchObject({
      ok: false,
      error: {
        code: 'BUNDLE_EMPTY',
        message: expect.stringContaining(`case-vault partner profile ${partner.id} --allow`) as string,
      },
    });
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(p.dir).filter((f) => f.endsWith('.cvbundle'))).toEqual([]);
    expect(await a.ok('bundles.list', {})).toEqual([]);
    // only the partner changes were audited: nothing for the refused exports
    expect(await auditActions(a, 3)).toEqual(['partner.agreement-added', 'partner.updated', expect.any(String)]);
    expect(await auditTotal(a)).toBe(total + 2);
  });
});
