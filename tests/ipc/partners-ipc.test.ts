import { afterEach, describe, expect, it } from 'vitest';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import type { Partner, PartnerAgreement, PartnerDetail } from '../../shared/domain/partners.js';

const NOW = new Date('2026-03-10T09:00:00.000Z');
let v: IpcVault | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
});

async function auditTotal(vault: IpcVault): Promise<number> {
  return (await vault.ok<{ total: number }>('audit.list', { limit: 1 })).total;
}

describe('partners.* through the router', () => {
  it('adds, lists, reads, updates, keeps agreements and sets the sharing profile', async () => {
    v = await ipcVault({ now: () => NOW });
    const p = await v.ok<Partner>('partners.add', {
      name: 'Legal Aid Network',
      kind: 'ngo',
      country: 'ke',
      ddAmountGbp: 5000,
      ddReviewOn: '2026-03-01',
    });
    expect(p).toEqual({
      id: expect.any(String),
      name: 'Legal Aid Network',
      country: 'KE',
      kind: 'ngo',
      contact: null,
      notes: '',
      ddTier: 'medium',
      ddAmountGbp: 5000,
      ddReviewOn: '2026-03-01',
      ddOutcome: 'pending',
      ddNotes: '',
      ddReviewOverdue: true,
      sharingProfile: {},
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
      version: 1,
      originVault: expect.any(String),
    });
    const b = await v.ok<Partner>('partners.add', { name: 'Bar association', kind: 'lawyer' });
    expect((await v.ok<Partner[]>('partners.list', {})).map((x) => x.id)).toEqual([b.id, p.id]);
    expect((await v.ok<Partner[]>('partners.list', { tier: 'medium' })).map((x) => x.id)).toEqual([p.id]);

    const updated = await v.ok<Partner>('partners.update', {
      id: p.id,
      expectedVersion: 1,
      ddOutcome: 'approved',
      ddReviewOn: '2027-03-01',
    });
    expect(updated).toMatchObject({ version: 2, ddOutcome: 'approved', ddReviewOverdue: false });

    const draft = await v.ok<PartnerAgreement>('partners.addAgreement', { partnerId: p.id, kind: 'data-sharing' });
    expect(draft).toEqual({
      id: expect.any(String),
      partnerId: p.id,
      kind: 'data-sharing',
      signedOn: null,
      expiresOn: null,
      notes: '',
      state: 'not-signed',
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
      version: 1,
      originVault: expect.any(String),
    });
    const signed = await v.ok<PartnerAgreement>('partners.updateAgreement', {
      id: draft.id,
      expectedVersion: 1,
      signedOn: '2026-03-09',
      expiresOn: '2027-03-09',
    });
    expect(signed).toMatchObject({ state: 'active', version: 2, signedOn: '2026-03-09' });

    const shared = await v.ok<Partner>('partners.setSharingProfile', {
      partnerId: p.id,
      expectedVersion: 2,
      allow: [{ kind: 'cases', fields: ['reference', 'title'] }, { kind: 'notes' }],
    });
    expect(shared.sharingProfile).toEqual({ cases: ['reference', 'title'], notes: ['body'] });
    expect(shared.version).toBe(3);

    expect(await v.ok<PartnerDetail>('partners.get', { id: p.id })).toEqual({
      ...shared,
      agreements: [signed],
      keys: [],
      keyState: 'none',
    });
  });

  it('refuses a tier that contradicts the amount, a signature in the future and a stale profile, writing nothing', async () => {
    v = await ipcVault({ now: () => NOW });
    const p = await v.ok<Partner>('partners.add', { name: 'N', kind: 'nhri' });
    const before = await auditTotal(v);

    expect(await v.call('partners.add', { name: 'M', kind: 'ngo', ddTier: 'small', ddAmountGbp: 20000 })).toMatchObject(
      { ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^ddTier: /) } },
    );
    expect(
      await v.call('partners.addAgreement', { partnerId: p.id, kind: 'mou', signedOn: '2026-03-11' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^signedOn: /) } });
    expect(
      await v.call('partners.setSharingProfile', { partnerId: p.id, expectedVersion: 2, allow: [{ kind: 'people' }] }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      await v.call('partners.setSharingProfile', {
        partnerId: p.id,
        allow: [{ kind: 'cases', fields: ['passwords'] }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    expect(await v.ok<Partner[]>('partners.list', {})).toEqual([p]);
    expect(await v.ok<PartnerDetail>('partners.get', { id: p.id })).toEqual({
      ...p,
      agreements: [],
      keys: [],
      keyState: 'none',
    });
    expect(await auditTotal(v)).toBe(before);
  });
});
