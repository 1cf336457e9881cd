import { afterEach, describe, expect, it } from 'vitest';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import type { Case, CaseList } from '../../shared/domain/cases.js';
import type { Enquiry, EnquiryList } from '../../shared/domain/enquiries.js';
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

describe('enquiries.* through the router', () => {
  it('records an enquiry with its conflict check, lists, reads, checks again and decides', async () => {
    v = await ipcVault({ now: () => NOW });
    const c = await v.ok<Case>('cases.create', { title: 'Earlier case', reference: 'R-1' });
    const officer = await v.ok<Person>('people.create', { fullName: 'John Kamau' });
    await v.ok('people.link', { personId: officer.id, caseId: c.id, role: 'alleged-perpetrator' });

    const e = await v.ok<Enquiry>('enquiries.add', {
      channel: 'phone',
      summary: 'Arrested at a protest.',
      enquirerName: 'Grace Wanjiru',
      enquirerContact: 'via the clinic',
      namesMentioned: ['john kamau', { name: 'Hassan Ouazzani', role: 'witness' }],
    });
    expect(e).toEqual({
      id: expect.any(String),
      receivedOn: '2026-03-10',
      channel: 'phone',
      summary: 'Arrested at a protest.',
      enquirerName: 'Grace Wanjiru',
      enquirerContact: 'via the clinic',
      namesMentioned: ['john kamau', 'Hassan Ouazzani'],
      namedPeople: [
        { name: 'john kamau', role: null },
        { name: 'Hassan Ouazzani', role: 'witness' },
      ],
      status: 'open',
      decisionReason: null,
      decidedAt: null,
      caseId: null,
      referredPartnerId: null,
      conflictCheckedAt: '2026-03-10T09:00:00.000Z',
      conflicts: [
        {
          query: 'john kamau',
          personId: officer.id,
          matchedName: 'John Kamau',
          matchedKind: 'name',
          match: 'exact',
          score: 1,
          reason: 'exact',
          pairs: [],
          roles: [
            { caseId: c.id, caseReference: 'R-1', role: 'alleged-perpetrator', addedAt: '2026-03-10T09:00:00.000Z' },
          ],
          enquiry: null,
        },
      ],
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
      version: 1,
      originVault: expect.any(String),
    });
    const other = await v.ok<Enquiry>('enquiries.add', {
      channel: 'email',
      summary: 'Eviction.',
      enquirerName: 'Peter Ochieng',
      receivedOn: '2026-03-01',
      namesMentioned: ['Hassan Ouazani'],
    });
    // a name the first enquiry mentioned, with the role it gave
    expect(other.conflicts).toEqual([
      {
        query: 'Hassan Ouazani',
        personId: null,
        matchedName: 'Hassan Ouazzani',
        matchedKind: 'named',
        match: 'similar',
        score: 0.98,
        reason: 'similar: Ouazani ~ Ouazzani',
        pairs: [{ query: 'Ouazani', matched: 'Ouazzani' }],
        roles: [],
        enquiry: { id: e.id, receivedOn: '2026-03-10', status: 'open', role: 'witness' },
      },
    ]);

    const page = await v.ok<EnquiryList>('enquiries.list', {});
    expect(page).toMatchObject({ total: 2, limit: 100, offset: 0 });
    expect(page.items.map((x) => x.id)).toEqual([e.id, other.id]);
    expect((await v.ok<EnquiryList>('enquiries.list', { status: 'declined' })).total).toBe(0);
    expect(await v.ok<Enquiry>('enquiries.get', { id: e.id })).toEqual(e);

    const rechecked = await v.ok<Enquiry>('enquiries.checkConflicts', { id: e.id });
    expect(rechecked.version).toBe(2);
    // now also the other enquiry's name
    expect(rechecked.conflicts).toEqual([
      ...e.conflicts,
      expect.objectContaining({
        query: 'Hassan Ouazzani',
        matchedName: 'Hassan Ouazani',
        matchedKind: 'named',
        match: 'similar',
        enquiry: expect.objectContaining({ id: other.id, role: null }),
      }),
    ]);

    const accepted = await v.ok<Enquiry>('enquiries.decide', {
      id: e.id,
      decision: 'accept',
      acknowledgeConflicts: true,
      case: { title: 'Protest arrests' },
      enquirerRole: 'survivor',
      namedPeople: [
        { index: 0, action: 'link', personId: officer.id, role: 'alleged-perpetrator' },
        { index: 1, action: 'create' },
      ],
    });
    expect(accepted).toMatchObject({
      status: 'accepted',
      decidedAt: '2026-03-10T09:00:00.000Z',
      caseId: expect.any(String),
    });
    const opened = await v.ok<Case>('cases.get', { id: accepted.caseId });
    expect(opened).toMatchObject({
      title: 'Protest arrests',
      status: 'active',
      enquiryId: e.id,
      summary: 'Arrested at a protest.',
    });
    const inCase = await v.ok<{ items: Array<{ fullName: string; roles: Array<{ caseId: string; role: string }> }> }>(
      'people.list',
      { caseId: opened.id },
    );
    expect(
      inCase.items.map((p) => [p.fullName, p.roles.filter((r) => r.caseId === opened.id).map((r) => r.role)]).sort(),
    ).toEqual([
      ['Grace Wanjiru', ['survivor']],
      ['Hassan Ouazzani', ['witness']],
      ['John Kamau', ['alleged-perpetrator']],
    ]);

    const declined = await v.ok<Enquiry>('enquiries.decide', {
      id: other.id,
      decision: 'decline',
      reason: 'Outside our mandate.',
    });
    expect(declined).toMatchObject({ status: 'declined', decisionReason: 'Outside our mandate.', caseId: null });
  });

  it('refers to a partner', async () => {
    v = await ipcVault({ now: () => NOW });
    const partner = await v.ok<Partner>('partners.add', { name: 'Legal Aid Network', kind: 'ngo' });
    const e = await v.ok<Enquiry>('enquiries.add', {
      channel: 'letter',
      summary: 'Land dispute.',
      enquirerName: 'Ruth Akinyi',
    });
    const referred = await v.ok<Enquiry>('enquiries.decide', {
      id: e.id,
      decision: 'refer',
      partnerId: partner.id,
      reason: 'They cover land cases.',
    });
    expect(referred).toMatchObject({
      status: 'referred',
      referredPartnerId: partner.id,
      decisionReason: 'They cover land cases.',
    });
  });

  it('refuses to accept over unacknowledged conflicts, and to decide twice, writing nothing', async () => {
    v = await ipcVault({ now: () => NOW });
    await v.ok<Person>('people.create', { fullName: 'John Kamau' });
    const e = await v.ok<Enquiry>('enquiries.add', { channel: 'phone', summary: 'S.', enquirerName: 'John Kamau' });
    expect(e.conflicts).toHaveLength(1);
    const before = await auditTotal(v);

    expect(await v.call('enquiries.decide', { id: e.id, decision: 'accept' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT_CHECK_UNRESOLVED' },
    });
    expect(await v.ok<Enquiry>('enquiries.get', { id: e.id })).toEqual(e);
    expect((await v.ok<CaseList>('cases.list')).total).toBe(0);
    expect(await auditTotal(v)).toBe(before);

    await v.ok('enquiries.decide', { id: e.id, decision: 'decline', reason: 'No capacity.' });
    const after = await auditTotal(v);
    expect(await v.call('enquiries.decide', { id: e.id, decision: 'decline', reason: 'Again.' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    expect(await v.call('enquiries.decide', { id: e.id, decision: 'refer', reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await auditTotal(v)).toBe(after);
  });
});
