import { afterEach, describe, expect, it } from 'vitest';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import type { Case } from '../../shared/domain/cases.js';
import type { Risk } from '../../shared/domain/risks.js';

const NOW = new Date('2026-03-10T09:00:00.000Z');
let v: IpcVault | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
});

async function auditTotal(vault: IpcVault): Promise<number> {
  return (await vault.ok<{ total: number }>('audit.list', { limit: 1 })).total;
}

describe('risks.* through the router', () => {
  it('adds, lists highest score first, reads and updates', async () => {
    v = await ipcVault({ now: () => NOW });
    const c = await v.ok<Case>('cases.create', { title: 'Case' });
    const phone = await v.ok<Risk>('risks.add', {
      threat: 'Seized phones',
      category: 'device',
      likelihood: 4,
      impact: 5,
      owner: 'IT lead',
      reviewOn: '2026-03-01',
      caseId: c.id,
    });
    expect(phone).toEqual({
      id: expect.any(String),
      threat: 'Seized phones',
      description: '',
      category: 'device',
      likelihood: 4,
      impact: 5,
      score: 20,
      level: 'critical',
      mitigations: '',
      owner: 'IT lead',
      reviewOn: '2026-03-01',
      status: 'open',
      caseId: c.id,
      reviewOverdue: true,
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
      version: 1,
      originVault: expect.any(String),
    });
    const mail = await v.ok<Risk>('risks.add', {
      threat: 'Phishing',
      category: 'communications',
      likelihood: 3,
      impact: 2,
      owner: 'All',
      reviewOn: '2026-06-01',
    });
    expect(mail).toMatchObject({ score: 6, level: 'medium', reviewOverdue: false, caseId: null });

    expect((await v.ok<Risk[]>('risks.list', {})).map((r) => r.id)).toEqual([phone.id, mail.id]);
    expect((await v.ok<Risk[]>('risks.list', { reviewDue: true })).map((r) => r.id)).toEqual([phone.id]);
    expect(await v.ok<Risk>('risks.get', { id: phone.id })).toEqual(phone);

    const mitigated = await v.ok<Risk>('risks.update', {
      id: phone.id,
      expectedVersion: 1,
      likelihood: 2,
      status: 'mitigated',
      mitigations: 'Full-disk encryption.',
      reviewOn: '2026-09-01',
    });
    expect(mitigated).toMatchObject({
      version: 2,
      score: 10,
      level: 'high',
      status: 'mitigated',
      reviewOverdue: false,
    });
  });

  it('refuses a stale edit, a rating out of range and an unknown case, writing nothing', async () => {
    v = await ipcVault({ now: () => NOW });
    const r = await v.ok<Risk>('risks.add', {
      threat: 'T',
      category: 'data',
      likelihood: 1,
      impact: 1,
      owner: 'O',
      reviewOn: '2026-04-01',
    });
    await v.ok('risks.update', { id: r.id, owner: 'P' });
    const before = await auditTotal(v);

    expect(await v.call('risks.update', { id: r.id, expectedVersion: 1, owner: 'Q' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      await v.call('risks.add', {
        threat: 'T',
        category: 'data',
        likelihood: 6,
        impact: 1,
        owner: 'O',
        reviewOn: '2026-04-01',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^likelihood: /) } });
    expect(
      await v.call('risks.add', {
        threat: 'T',
        category: 'data',
        likelihood: 2,
        impact: 1,
        owner: 'O',
        reviewOn: '2026-04-01',
        caseId: '01900000-0000-7000-8000-000000000000',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    expect(await v.ok<Risk[]>('risks.list', {})).toEqual([{ ...r, owner: 'P', version: 2 }]);
    expect(await auditTotal(v)).toBe(before);
  });
});
