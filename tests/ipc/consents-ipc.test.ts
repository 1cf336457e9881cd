import { afterEach, describe, expect, it } from 'vitest';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import type { Case } from '../../shared/domain/cases.js';
import { TOLD_ELEMENTS, type ConsentGateResult, type ConsentWithStatus } from '../../shared/domain/consents.js';
import type { Person } from '../../shared/domain/people.js';
import type { Partner } from '../../shared/domain/partners.js';

const NOW = new Date('2026-03-10T09:00:00.000Z');
let v: IpcVault | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
});

async function auditTotal(vault: IpcVault): Promise<number> {
  return (await vault.ok<{ total: number }>('audit.list', { limit: 1 })).total;
}

async function caseWithPerson(vault: IpcVault): Promise<{ c: Case; p: Person }> {
  const c = await vault.ok<Case>('cases.create', { title: 'Case' });
  const p = await vault.ok<Person>('people.create', { fullName: 'Amina Yusuf' });
  await vault.ok('people.link', { personId: p.id, caseId: c.id, role: 'survivor' });
  return { c, p };
}

describe('consents.* through the router', () => {
  it('records consents (no recipient, implied class, a partner), lists, reads, asks the gate, withdraws and renews', async () => {
    v = await ipcVault({ now: () => NOW });
    const { c, p } = await caseWithPerson(v);
    const partner = await v.ok<Partner>('partners.add', { name: 'Legal Aid Network', kind: 'ngo' });

    // representation takes no recipient: main resolves it to null, the engine must still accept it
    const rep = await v.ok<ConsentWithStatus>('consents.add', {
      personId: p.id,
      caseId: c.id,
      purpose: 'representation',
      told: [...TOLD_ELEMENTS].reverse(),
      method: 'written',
      language: 'so',
      givenAt: '2026-03-01',
      expiresAt: '2027-03-01',
    });
    expect(rep).toEqual({
      id: expect.any(String),
      seriesId: rep.id,
      personId: p.id,
      caseId: c.id,
      purpose: 'representation',
      recipient: null,
      state: 'given',
      told: [...TOLD_ELEMENTS],
      method: 'written',
      language: 'so',
      witness: null,
      givenAt: '2026-03-01',
      expiresAt: '2027-03-01',
      refusalReason: null,
      withdrawnAt: null,
      withdrawalReason: null,
      notes: '',
      status: 'given',
      current: true,
      received: false,
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
      version: 1,
      originVault: expect.any(String),
    });
    const donor = await v.ok<ConsentWithStatus>('consents.add', {
      personId: p.id,
      caseId: c.id,
      purpose: 'donor-reporting',
      told: [...TOLD_ELEMENTS],
      method: 'oral-witnessed',
      witness: 'MK',
      givenAt: '2026-03-02',
    });
    expect(donor.recipient).toEqual({ class: 'donor' });
    const sharing = await v.ok<ConsentWithStatus>('consents.add', {
      personId: p.id,
      caseId: c.id,
      purpose: 'sharing',
      recipient: { partnerId: partner.id },
      told: [...TOLD_ELEMENTS],
      method: 'written',
      givenAt: '2026-03-03',
    });
    expect(sharing.recipient).toEqual({ partnerId: partner.id });
    const refused = await v.ok<ConsentWithStatus>('consents.add', {
      personId: p.id,
      caseId: c.id,
      purpose: 'media',
      decision: 'refused',
      refusalReason: 'Fears reprisals.',
      told: [...TOLD_ELEMENTS],
      method: 'written',
      givenAt: '2026-03-04',
    });
    expect(refused).toMatchObject({
      state: 'refused',
      status: 'refused',
      recipient: { class: 'media' },
      refusalReason: 'Fears reprisals.',
    });

    const listed = await v.ok<ConsentWithStatus[]>('consents.list', { caseId: c.id });
    expect(listed.map((x) => x.purpose)).toEqual(['representation', 'donor-reporting', 'sharing', 'media']);
    expect(await v.ok<ConsentWithStatus>('consents.get', { id: rep.id })).toEqual(rep);

    expect(
      await v.ok<ConsentGateResult>('consents.check', {
        personId: p.id,
        caseId: c.id,
        purpose: 'sharing',
        recipient: { partnerId: partner.id },
      }),
    ).toEqual({
      allowed: true,
      consentId: sharing.id,
      seriesId: sharing.id,
      expiresAt: null,
      message: expect.any(String),
    });
    expect(
      await v.ok<ConsentGateResult>('consents.check', { personId: p.id, caseId: c.id, purpose: 'processing' }),
    ).toEqual({ allowed: false, reason: 'absent', message: expect.any(String) });

    const withdrawn = await v.ok<ConsentWithStatus>('consents.withdraw', {
      id: sharing.id,
      reason: 'Changed her mind.',
      at: '2026-03-09',
    });
    expect(withdrawn).toMatchObject({
      seriesId: sharing.id,
      version: 2,
      state: 'withdrawn',
      status: 'withdrawn',
      withdrawnAt: '2026-03-09',
      withdrawalReason: 'Changed her mind.',
      current: true,
    });
    expect(
      await v.ok<ConsentGateResult>('consents.check', {
        personId: p.id,
        caseId: c.id,
        purpose: 'sharing',
        recipient: { partnerId: partner.id },
      }),
    ).toEqual({
      allowed: false,
      reason: 'withdrawn',
      consentId: withdrawn.id,
      seriesId: sharing.id,
      message: expect.any(String),
    });
    const history = await v.ok<ConsentWithStatus[]>('consents.history', { id: withdrawn.id });
    expect(history.map((x) => [x.version, x.state, x.status, x.current])).toEqual([
      [1, 'given', 'withdrawn', false],
      [2, 'withdrawn', 'withdrawn', true],
    ]);

    const renewed = await v.ok<ConsentWithStatus>('consents.renew', {
      id: rep.id,
      expiresAt: '2028-03-01',
      at: '2026-03-10',
    });
    expect(renewed).toMatchObject({
      seriesId: rep.id,
      version: 2,
      state: 'given',
      status: 'given',
      givenAt: '2026-03-10',
      expiresAt: '2028-03-01',
    });
    expect(await v.ok<ConsentWithStatus[]>('consents.list', { personId: p.id, allVersions: true })).toHaveLength(6);
  });

  it('refuses a consent for a person not in the case, a second withdrawal and a refusal to withdraw, writing nothing', async () => {
    v = await ipcVault({ now: () => NOW });
    const { c, p } = await caseWithPerson(v);
    const stranger = await v.ok<Person>('people.create', { fullName: 'Not Linked' });
    const refused = await v.ok<ConsentWithStatus>('consents.add', {
      personId: p.id,
      caseId: c.id,
      purpose: 'publication',
      decision: 'refused',
      refusalReason: 'No.',
      told: [...TOLD_ELEMENTS],
      method: 'written',
      givenAt: '2026-03-01',
    });
    const before = await auditTotal(v);

    expect(
      await v.call('consents.add', {
        personId: stranger.id,
        caseId: c.id,
        purpose: 'processing',
        told: [...TOLD_ELEMENTS],
        method: 'written',
        givenAt: '2026-03-01',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'PERSON_NOT_IN_CASE' },
    });
    expect(await v.call('consents.withdraw', { id: refused.id, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'CONSENT_REFUSED_CANNOT_WITHDRAW' },
    });
    // main refuses a recipient for a purpose that takes none, naming the field
    expect(
      await v.call('consents.add', {
        personId: stranger.id,
        caseId: c.id,
        purpose: 'processing',
        recipient: { class: 'court' },
        told: [],
        method: 'written',
        givenAt: '2026-03-01',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^recipient: /) },
    });
    expect(await v.ok<ConsentWithStatus[]>('consents.list', { caseId: c.id, allVersions: true })).toEqual([refused]);
    expect(await v.ok<ConsentWithStatus[]>('consents.list', { personId: stranger.id })).toEqual([]);
    expect(await auditTotal(v)).toBe(before);
  });

  it('refuses to withdraw twice', async () => {
    v = await ipcVault({ now: () => NOW });
    const { c, p } = await caseWithPerson(v);
    const given = await v.ok<ConsentWithStatus>('consents.add', {
      personId: p.id,
      caseId: c.id,
      purpose: 'processing',
      told: [...TOLD_ELEMENTS],
      method: 'recorded',
      givenAt: '2026-03-01',
    });
    await v.ok('consents.withdraw', { id: given.id, reason: 'Withdrawn by phone.' });
    const before = await auditTotal(v);
    expect(await v.call('consents.withdraw', { id: given.id, reason: 'Again.' })).toMatchObject({
      ok: false,
      error: { code: 'CONSENT_ALREADY_WITHDRAWN' },
    });
    expect(await v.ok<ConsentWithStatus[]>('consents.history', { id: given.id })).toHaveLength(2);
    expect(await auditTotal(v)).toBe(before);
  });
});
