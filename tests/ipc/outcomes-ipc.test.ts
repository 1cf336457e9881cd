import { afterEach, describe, expect, it } from 'vitest';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import type { Case } from '../../shared/domain/cases.js';
import type { CaseEvaluation, Indicator, IndicatorDetail, Outcome, OutcomeItem } from '../../shared/domain/outcomes.js';

const NOW = new Date('2026-03-10T09:00:00.000Z');
let v: IpcVault | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
});

async function auditTotal(vault: IpcVault): Promise<number> {
  return (await vault.ok<{ total: number }>('audit.list', { limit: 1 })).total;
}

describe('outcomes.* through the router', () => {
  it('records outcomes with exact amounts, lists, reads and updates them', async () => {
    v = await ipcVault({ now: () => NOW });
    const c = await v.ok<Case>('cases.create', { title: 'Case', reference: 'R-1' });
    const o = await v.ok<Outcome>('outcomes.add', {
      caseId: c.id,
      kind: 'compensation',
      description: 'Damages ordered.',
      achievedOn: '2026-02-01',
      currency: 'kes',
      amountAwarded: '1500000.50',
    });
    expect(o).toEqual({
      id: expect.any(String),
      caseId: c.id,
      kind: 'compensation',
      category: 'material',
      description: 'Damages ordered.',
      achievedOn: '2026-02-01',
      currency: 'KES',
      amountAwardedMinor: 150000050,
      amountPaidMinor: null,
      amountAwarded: '1500000.50',
      amountPaid: null,
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
      version: 1,
      originVault: expect.any(String),
    });
    const d = await v.ok<Outcome>('outcomes.add', {
      caseId: c.id,
      kind: 'declaratory',
      description: 'Violation found.',
    });

    const list = await v.ok<OutcomeItem[]>('outcomes.list', { caseId: c.id });
    expect(list).toEqual([
      { ...o, caseReference: 'R-1' },
      { ...d, caseReference: 'R-1' },
    ]);
    expect((await v.ok<OutcomeItem[]>('outcomes.list', { category: 'material' })).map((x) => x.id)).toEqual([o.id]);
    expect(await v.ok<Outcome>('outcomes.get', { id: o.id })).toEqual(o);

    const paid = await v.ok<Outcome>('outcomes.update', { id: o.id, expectedVersion: 1, amountPaid: 500000 });
    expect(paid).toMatchObject({
      version: 2,
      amountPaidMinor: 50000000,
      amountPaid: '500000.00',
      amountAwarded: '1500000.50',
    });
  });

  it('keeps indicators with their observations, and one evaluation per case', async () => {
    v = await ipcVault({ now: () => NOW });
    const c = await v.ok<Case>('cases.create', { title: 'Case' });
    const o = await v.ok<Outcome>('outcomes.add', {
      caseId: c.id,
      kind: 'non-repetition',
      description: 'Training of police.',
    });
    const ind = await v.ok<Indicator>('outcomes.addIndicator', {
      caseId: c.id,
      outcomeId: o.id,
      name: 'Officers trained',
      dimension: 'policy',
      unit: 'officers',
      baseline: 0,
      target: 200,
    });
    expect(ind).toEqual({
      id: expect.any(String),
      caseId: c.id,
      outcomeId: o.id,
      name: 'Officers trained',
      dimension: 'policy',
      unit: 'officers',
      baseline: 0,
      target: 200,
      latestValue: null,
      latestObservedOn: null,
      progress: null,
      observationCount: 0,
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
      version: 1,
      originVault: expect.any(String),
    });
    await v.ok<IndicatorDetail>('outcomes.observeIndicator', {
      indicatorId: ind.id,
      observedOn: '2026-01-15',
      value: 20,
    });
    const detail = await v.ok<IndicatorDetail>('outcomes.observeIndicator', {
      indicatorId: ind.id,
      observedOn: '2026-03-01',
      value: 50,
      note: 'Second cohort.',
    });
    expect(detail).toMatchObject({
      latestValue: 50,
      latestObservedOn: '2026-03-01',
      progress: 0.25,
      observationCount: 2,
    });
    expect(detail.observations.map((x) => [x.observedOn, x.value, x.note])).toEqual([
      ['2026-01-15', 20, ''],
      ['2026-03-01', 50, 'Second cohort.'],
    ]);
    expect(detail.observations[0]).toEqual({
      id: expect.any(String),
      indicatorId: ind.id,
      observedOn: '2026-01-15',
      value: 20,
      note: '',
      createdAt: '2026-03-10T09:00:00.000Z',
      originVault: ind.originVault,
    });
    expect(await v.ok<IndicatorDetail>('outcomes.getIndicator', { id: ind.id })).toEqual(detail);
    const { observations: _o, ...summary } = detail;
    expect(await v.ok<Indicator[]>('outcomes.listIndicators', { caseId: c.id })).toEqual([summary]);

    expect(await v.ok<CaseEvaluation | null>('outcomes.getEvaluation', { caseId: c.id })).toBeNull();
    const ev = await v.ok<CaseEvaluation>('outcomes.upsertEvaluation', {
      caseId: c.id,
      survivor: 'Recognised as a victim.',
    });
    expect(ev).toEqual({
      id: c.id,
      caseId: c.id,
      survivor: 'Recognised as a victim.',
      community: '',
      policy: '',
      society: '',
      summary: '',
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
      version: 1,
      originVault: expect.any(String),
    });
    const ev2 = await v.ok<CaseEvaluation>('outcomes.upsertEvaluation', {
      caseId: c.id,
      expectedVersion: 1,
      policy: 'New police code.',
    });
    expect(ev2).toMatchObject({ version: 2, survivor: 'Recognised as a victim.', policy: 'New police code.' });
    expect(await v.ok<CaseEvaluation | null>('outcomes.getEvaluation', { caseId: c.id })).toEqual(ev2);
  });

  it('refuses more paid than awarded, an indicator of another case and a stale evaluation, writing nothing', async () => {
    v = await ipcVault({ now: () => NOW });
    const c = await v.ok<Case>('cases.create', { title: 'Case' });
    const c2 = await v.ok<Case>('cases.create', { title: 'Other' });
    const o = await v.ok<Outcome>('outcomes.add', {
      caseId: c.id,
      kind: 'compensation',
      description: 'D.',
      currency: 'EUR',
      amountAwarded: '100',
    });
    await v.ok('outcomes.upsertEvaluation', { caseId: c.id, summary: 'S.' });
    const before = await auditTotal(v);

    expect(await v.call('outcomes.update', { id: o.id, amountPaid: '100.01' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^amountPaid: /) },
    });
    expect(
      await v.call('outcomes.add', {
        caseId: c.id,
        kind: 'compensation',
        description: 'D.',
        currency: 'JPY',
        amountAwarded: '10.5',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await v.call('outcomes.addIndicator', {
        caseId: c2.id,
        outcomeId: o.id,
        name: 'N',
        dimension: 'survivor',
        baseline: 0,
        target: 1,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^outcomeId: /) } });
    expect(
      await v.call('outcomes.upsertEvaluation', { caseId: c.id, expectedVersion: 4, summary: 'Lost.' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await v.call('outcomes.getEvaluation', { caseId: '01900000-0000-7000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    expect(await v.ok<Outcome>('outcomes.get', { id: o.id })).toEqual(o);
    expect(await v.ok<Indicator[]>('outcomes.listIndicators', {})).toEqual([]);
    expect(await auditTotal(v)).toBe(before);
  });
});
