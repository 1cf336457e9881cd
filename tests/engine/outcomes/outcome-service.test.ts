import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../src-main/engine/audit/audit-log.js';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import {
  addIndicator,
  addOutcome,
  getEvaluation,
  getIndicator,
  getOutcome,
  listIndicators,
  listOutcomes,
  observeIndicator,
  updateOutcome,
  upsertEvaluation,
} from '../../../src-main/engine/outcomes/outcome-service.js';
import {
  currencyDecimals,
  formatMinor,
  indicatorProgress,
  kindsOfCategory,
  OUTCOME_CATEGORY_OF,
  OUTCOME_KINDS,
  toMinorUnits,
} from '../../../shared/domain/outcomes.js';
import { codeOfSync as codeOf, newDomain, type TestDomain } from '../domain-helpers.js';

const NO_ID = '01900000-0000-7000-8000-000000000000';
const TABLES = ['outcomes', 'indicators', 'indicator_observations', 'case_evaluations'] as const;

function lastAudit(d: TestDomain) {
  return listAudit(d.ctx.db, { afterSeq: d.auditCount() - 1 })[0]!;
}

function expectRefused(d: TestDomain, fn: () => unknown, code: string, field?: string) {
  const rows = TABLES.map((t) => d.rows(t));
  const audits = d.auditCount();
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err, 'expected a refusal').toMatchObject({ name: 'VaultError', code });
  if (field) expect((err as Error).message.startsWith(`${field}: `), (err as Error).message).toBe(true);
  expect(TABLES.map((t) => d.rows(t))).toEqual(rows);
  expect(d.auditCount()).toBe(audits);
}

describe('money in minor units', () => {
  it.each([
    ['1500', 'EUR', 150000],
    ['1500.5', 'EUR', 150050],
    ['1500.50', 'EUR', 150050],
    ['0.01', 'GBP', 1],
    ['1500.500', 'EUR', 150050],
    [1500.5, 'EUR', 150050],
    [0, 'USD', 0],
    ['1500', 'JPY', 1500],
    ['1500.00', 'JPY', 1500],
    ['250000', 'XOF', 250000],
    ['1200000', 'UGX', 1200000],
    ['1.250', 'KWD', 1250],
    ['90071992547409.91', 'EUR', 9007199254740991],
  ] as const)('%j %s → %i', (amount, currency, minor) => {
    expect(toMinorUnits(amount, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    ['1500.505', 'EUR', /more than 2 decimal places/],
    ['1500.5', 'JPY', /JPY has no minor unit/],
    ['10.5', 'KRW', /no minor unit/],
    ['1.2345', 'KWD', /more than 3 decimal places/],
    ['-5', 'EUR', /negative/],
    [-5, 'EUR', /negative/],
    ['1,500.00', 'EUR', /amount like/],
    ['1e5', 'EUR', /amount like/],
    [1e21, 'EUR', /amount like/],
    [0.1 + 0.2, 'EUR', /more than 2 decimal places/],
    ['', 'EUR', /amount like/],
    ['90071992547409.92', 'EUR', /too large/],
    [Number.NaN, 'EUR', /finite/],
  ] as const)('refuses %j %s', (amount, currency, message) => {
    const r = toMinorUnits(amount, currency);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(message);
  });

  it('formats minor units back with the currency places', () => {
    expect(formatMinor(150050, 'EUR')).toBe('1500.50');
    expect(formatMinor(5, 'EUR')).toBe('0.05');
    expect(formatMinor(0, 'EUR')).toBe('0.00');
    expect(formatMinor(1500, 'JPY')).toBe('1500');
    expect(formatMinor(1250, 'KWD')).toBe('1.250');
    expect([
      currencyDecimals('JPY'),
      currencyDecimals('VUV'),
      currencyDecimals('EUR'),
      currencyDecimals('TND'),
    ]).toEqual([0, 0, 2, 3]);
  });
});

describe('outcomes', () => {
  it('groups kinds into categories: the five reparations are material', () => {
    expect(kindsOfCategory('material')).toEqual([
      'restitution',
      'compensation',
      'rehabilitation',
      'satisfaction',
      'non-repetition',
    ]);
    expect(OUTCOME_KINDS.map((k) => OUTCOME_CATEGORY_OF[k])).toEqual([
      'declaratory',
      'truth-telling',
      'material',
      'material',
      'material',
      'material',
      'material',
      'movement',
      'attitudes',
    ]);
  });

  it('adds an outcome with amounts stored as minor units, and audits enums only', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Case', reference: 'KE-1' });
    const o = addOutcome(d.ctx, {
      caseId: c.id,
      kind: 'compensation',
      description: 'Court awarded damages to A.W.',
      achievedOn: '2026-10-01',
      currency: 'eur',
      amountAwarded: '25000.5',
      amountPaid: 10000,
    });
    expect(o).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      caseId: c.id,
      kind: 'compensation',
      category: 'material',
      description: 'Court awarded damages to A.W.',
      achievedOn: '2026-10-01',
      currency: 'EUR',
      amountAwardedMinor: 2500050,
      amountPaidMinor: 1000000,
      amountAwarded: '25000.50',
      amountPaid: '10000.00',
      createdAt: '2026-11-21T12:00:00.000Z',
      updatedAt: '2026-11-21T12:00:00.000Z',
      version: 1,
      originVault: d.ctx.vaultId,
    });
    const row = d.ctx.db
      .prepare('SELECT amount_awarded_minor, amount_paid_minor, typeof(amount_awarded_minor) AS t FROM outcomes')
      .get();
    expect(row).toEqual({ amount_awarded_minor: 2500050, amount_paid_minor: 1000000, t: 'integer' });
    const entry = lastAudit(d);
    expect(entry).toMatchObject({
      action: 'outcome.added',
      subject: { kind: 'outcome', id: o.id },
      details: { caseId: c.id, kind: 'compensation', category: 'material' },
    });
    expect(JSON.stringify(entry.details)).not.toMatch(/A\.W\.|25000/);

    const yen = addOutcome(d.ctx, {
      caseId: c.id,
      kind: 'restitution',
      description: 'Property returned',
      currency: 'JPY',
      amountAwarded: '1500000',
      amountPaid: '1500000',
    });
    expect(yen).toMatchObject({ amountAwardedMinor: 1500000, amountAwarded: '1500000', amountPaid: '1500000' });
    const plain = addOutcome(d.ctx, {
      caseId: c.id,
      kind: 'declaratory',
      description: 'Violation of Article 1 UNCAT found',
    });
    expect(plain).toMatchObject({
      currency: null,
      amountAwardedMinor: null,
      amountAwarded: null,
      amountPaid: null,
      achievedOn: null,
    });
  });

  it.each([
    [
      { kind: 'compensation', description: 'd', currency: 'EUR', amountAwarded: '100', amountPaid: '100.01' },
      'amountPaid',
    ],
    [
      { kind: 'compensation', description: 'd', currency: 'JPY', amountAwarded: '100', amountPaid: '101' },
      'amountPaid',
    ],
    [{ kind: 'compensation', description: 'd', currency: 'JPY', amountAwarded: '100.5' }, 'amountAwarded'],
    [{ kind: 'compensation', description: 'd', currency: 'EUR', amountAwarded: '10.001' }, 'amountAwarded'],
    [{ kind: 'compensation', description: 'd', amountAwarded: '100' }, 'currency'],
    [{ kind: 'compensation', description: 'd', amountPaid: '100' }, 'currency'],
    [{ kind: 'compensation', description: 'd', currency: 'EURO', amountAwarded: '100' }, 'currency'],
    [{ kind: 'compensation', description: 'd', currency: 'EUR', amountAwarded: true }, 'amountAwarded'],
    [{ kind: 'damages', description: 'd' }, 'kind'],
    [{ kind: 'compensation', description: '' }, 'description'],
    [{ kind: 'compensation', description: 'd', achievedOn: '2026-11-22' }, 'achievedOn'],
  ])('refuses %j naming %s, writing nothing', async (input, field) => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Case' });
    expectRefused(d, () => addOutcome(d.ctx, { caseId: c.id, ...input } as never), 'INVALID_INPUT', field);
  });

  it('records a later payment, and refuses one beyond the award or without the amounts in a new currency', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Case' });
    const o = addOutcome(d.ctx, {
      caseId: c.id,
      kind: 'compensation',
      description: 'Award',
      currency: 'KES',
      amountAwarded: '500000',
    });
    const paid = updateOutcome(d.ctx, { id: o.id, expectedVersion: 1, amountPaid: '125000.75' });
    expect(paid).toMatchObject({
      version: 2,
      amountAwardedMinor: 50000000,
      amountPaidMinor: 12500075,
      amountPaid: '125000.75',
    });
    expect(lastAudit(d)).toMatchObject({
      action: 'outcome.updated',
      details: { caseId: c.id, fields: ['amountPaidMinor'], version: 2 },
    });
    expectRefused(d, () => updateOutcome(d.ctx, { id: o.id, amountPaid: '500000.01' }), 'INVALID_INPUT', 'amountPaid');
    expectRefused(d, () => updateOutcome(d.ctx, { id: o.id, amountAwarded: '100000' }), 'INVALID_INPUT', 'amountPaid');
    expectRefused(d, () => updateOutcome(d.ctx, { id: o.id, currency: 'JPY' }), 'INVALID_INPUT', 'amountAwarded');
    expectRefused(d, () => updateOutcome(d.ctx, { id: o.id, expectedVersion: 1, description: 'x' }), 'CONFLICT');
    expect(
      updateOutcome(d.ctx, { id: o.id, currency: 'UGX', amountAwarded: '1000000', amountPaid: '1000' }),
    ).toMatchObject({
      version: 3,
      currency: 'UGX',
      amountAwardedMinor: 1000000,
      amountPaidMinor: 1000,
      amountAwarded: '1000000',
    });
    expect(codeOf(() => updateOutcome(d.ctx, { id: NO_ID, description: 'x' }))).toBe('NOT_FOUND');
  });

  it('lists outcomes by case, kind and category with the case reference', async () => {
    const d = await newDomain();
    const a = createCase(d.ctx, { title: 'A', reference: 'A-1' });
    const b = createCase(d.ctx, { title: 'B', reference: 'B-1' });
    const o1 = addOutcome(d.ctx, {
      caseId: a.id,
      kind: 'declaratory',
      description: 'Violation found',
      achievedOn: '2026-05-01',
    });
    const o2 = addOutcome(d.ctx, {
      caseId: a.id,
      kind: 'compensation',
      description: 'Award',
      achievedOn: '2026-02-01',
    });
    const o3 = addOutcome(d.ctx, { caseId: b.id, kind: 'non-repetition', description: 'Law amended' });
    expect(listOutcomes(d.ctx).map((o) => [o.id, o.caseReference])).toEqual([
      [o2.id, 'A-1'],
      [o1.id, 'A-1'],
      [o3.id, 'B-1'],
    ]);
    expect(listOutcomes(d.ctx, { caseId: b.id }).map((o) => o.id)).toEqual([o3.id]);
    expect(listOutcomes(d.ctx, { category: 'material' }).map((o) => o.id)).toEqual([o2.id, o3.id]);
    expect(listOutcomes(d.ctx, { kind: 'declaratory' }).map((o) => o.id)).toEqual([o1.id]);
    expect(getOutcome(d.ctx, o3.id).category).toBe('material');
    expect(codeOf(() => listOutcomes(d.ctx, { caseId: NO_ID }))).toBe('NOT_FOUND');
    expect(codeOf(() => addOutcome(d.ctx, { caseId: NO_ID, kind: 'movement', description: 'x' }))).toBe('NOT_FOUND');
  });
});

describe('indicators', () => {
  it.each([
    [0, 10, null, null],
    [0, 10, 5, 0.5],
    [0, 10, 12, 1],
    [0, 10, -3, 0],
    [40, 10, 25, 0.5],
    [40, 10, 50, 0],
    [40, 10, 0, 1],
    [5, 5, 7, null],
  ] as const)('progress from %d to %d at %s is %s', (baseline, target, value, progress) => {
    expect(indicatorProgress(baseline, target, value)).toBe(progress);
  });

  it('adds an indicator, records observations, and reports the latest value and progress', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Case' });
    const o = addOutcome(d.ctx, { caseId: c.id, kind: 'non-repetition', description: 'Reform of detention rules' });
    const ind = addIndicator(d.ctx, {
      caseId: c.id,
      outcomeId: o.id,
      name: 'Reported beatings in custody per quarter',
      dimension: 'policy',
      unit: 'reports',
      baseline: 40,
      target: 10,
    });
    expect(ind).toMatchObject({
      caseId: c.id,
      outcomeId: o.id,
      dimension: 'policy',
      unit: 'reports',
      baseline: 40,
      target: 10,
      latestValue: null,
      latestObservedOn: null,
      progress: null,
      observationCount: 0,
      version: 1,
    });
    expect(lastAudit(d)).toMatchObject({
      action: 'indicator.added',
      subject: { kind: 'indicator', id: ind.id },
      details: { caseId: c.id, outcomeId: o.id, dimension: 'policy' },
    });
    expect(JSON.stringify(lastAudit(d).details)).not.toContain('beatings');

    observeIndicator(d.ctx, { indicatorId: ind.id, observedOn: '2026-06-30', value: 31, note: 'Q2 report' });
    // recorded later but observed earlier: not the latest
    observeIndicator(d.ctx, { indicatorId: ind.id, observedOn: '2026-03-31', value: 38 });
    const after = observeIndicator(d.ctx, { indicatorId: ind.id, observedOn: '2026-09-30', value: 22 });
    expect(after).toMatchObject({
      latestValue: 22,
      latestObservedOn: '2026-09-30',
      progress: 0.6,
      observationCount: 3,
    });
    expect(after.observations.map((x) => [x.observedOn, x.value, x.note])).toEqual([
      ['2026-03-31', 38, ''],
      ['2026-06-30', 31, 'Q2 report'],
      ['2026-09-30', 22, ''],
    ]);
    expect(lastAudit(d)).toMatchObject({
      action: 'indicator.observed',
      subject: { kind: 'indicator', id: ind.id },
      details: { caseId: c.id, observationId: after.observations[2]!.id },
    });
    // a target overshot is full progress
    expect(observeIndicator(d.ctx, { indicatorId: ind.id, observedOn: '2026-12-31', value: 4 })).toMatchObject({
      progress: 1,
      latestValue: 4,
    });
    expect(getIndicator(d.ctx, ind.id).observationCount).toBe(4);
  });

  it('lists indicators by case, outcome and dimension', async () => {
    const d = await newDomain();
    const a = createCase(d.ctx, { title: 'A' });
    const b = createCase(d.ctx, { title: 'B' });
    const i1 = addIndicator(d.ctx, {
      caseId: a.id,
      name: 'Survivor wellbeing score',
      dimension: 'survivor',
      baseline: 2,
      target: 8,
    });
    const i2 = addIndicator(d.ctx, {
      caseId: a.id,
      name: 'Media articles',
      dimension: 'society',
      baseline: 0,
      target: 20,
    });
    addIndicator(d.ctx, { caseId: b.id, name: 'Community meetings', dimension: 'community', baseline: 0, target: 4 });
    observeIndicator(d.ctx, { indicatorId: i1.id, observedOn: '2026-05-01', value: 5 });
    // by dimension, then name
    expect(listIndicators(d.ctx, { caseId: a.id }).map((i) => [i.id, i.progress])).toEqual([
      [i2.id, null],
      [i1.id, 0.5],
    ]);
    expect(listIndicators(d.ctx, { dimension: 'survivor' }).map((i) => i.id)).toEqual([i1.id]);
    expect(listIndicators(d.ctx)).toHaveLength(3);
  });

  it.each([
    [{ name: 'N', dimension: 'economy', baseline: 0, target: 1 }, 'dimension'],
    [{ name: 'N', dimension: 'policy', baseline: '0', target: 1 }, 'baseline'],
    [{ name: 'N', dimension: 'policy', baseline: 0 }, 'target'],
    [{ name: 'N', dimension: 'policy', baseline: 0, target: Infinity }, 'target'],
    [{ name: '', dimension: 'policy', baseline: 0, target: 1 }, 'name'],
  ])('refuses an indicator %j naming %s, writing nothing', async (input, field) => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Case' });
    expectRefused(d, () => addIndicator(d.ctx, { caseId: c.id, ...input } as never), 'INVALID_INPUT', field);
  });

  it("refuses an outcome of another case, an unknown outcome, and observations that don't parse", async () => {
    const d = await newDomain();
    const a = createCase(d.ctx, { title: 'A' });
    const b = createCase(d.ctx, { title: 'B' });
    const ob = addOutcome(d.ctx, { caseId: b.id, kind: 'movement', description: 'Coalition formed' });
    expectRefused(
      d,
      () =>
        addIndicator(d.ctx, {
          caseId: a.id,
          outcomeId: ob.id,
          name: 'N',
          dimension: 'community',
          baseline: 0,
          target: 1,
        }),
      'INVALID_INPUT',
      'outcomeId',
    );
    expectRefused(
      d,
      () =>
        addIndicator(d.ctx, {
          caseId: a.id,
          outcomeId: NO_ID,
          name: 'N',
          dimension: 'community',
          baseline: 0,
          target: 1,
        }),
      'NOT_FOUND',
    );
    const ind = addIndicator(d.ctx, { caseId: a.id, name: 'N', dimension: 'community', baseline: 0, target: 1 });
    expectRefused(
      d,
      () => observeIndicator(d.ctx, { indicatorId: ind.id, observedOn: '2026-02-30', value: 1 }),
      'INVALID_INPUT',
      'observedOn',
    );
    expectRefused(
      d,
      () => observeIndicator(d.ctx, { indicatorId: ind.id, observedOn: '2026-02-03', value: 'high' as never }),
      'INVALID_INPUT',
      'value',
    );
    expectRefused(
      d,
      () => observeIndicator(d.ctx, { indicatorId: NO_ID, observedOn: '2026-02-03', value: 1 }),
      'NOT_FOUND',
    );
  });
});

describe('case evaluation', () => {
  it('creates one evaluation per case, then versions each change, keeping fields not given', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Case' });
    expect(getEvaluation(d.ctx, c.id)).toBeNull();
    const e1 = upsertEvaluation(d.ctx, { caseId: c.id, survivor: 'A.W. feels vindicated', policy: '' });
    expect(e1).toEqual({
      id: c.id,
      caseId: c.id,
      survivor: 'A.W. feels vindicated',
      community: '',
      policy: '',
      society: '',
      summary: '',
      createdAt: '2026-11-21T12:00:00.000Z',
      updatedAt: '2026-11-21T12:00:00.000Z',
      version: 1,
      originVault: d.ctx.vaultId,
    });
    expect(lastAudit(d)).toMatchObject({
      action: 'evaluation.created',
      subject: { kind: 'case-evaluation', id: c.id },
      details: { caseId: c.id, fields: ['survivor'], version: 1 },
    });
    expect(JSON.stringify(lastAudit(d).details)).not.toContain('vindicated');

    d.setNow('2026-12-01');
    const e2 = upsertEvaluation(d.ctx, {
      caseId: c.id,
      expectedVersion: 1,
      community: 'Survivors group formed',
      summary: 'Strong impact',
    });
    expect(e2).toMatchObject({
      version: 2,
      survivor: 'A.W. feels vindicated',
      community: 'Survivors group formed',
      summary: 'Strong impact',
      updatedAt: '2026-12-01T12:00:00.000Z',
      createdAt: '2026-11-21T12:00:00.000Z',
    });
    expect(lastAudit(d)).toMatchObject({
      action: 'evaluation.updated',
      details: { fields: ['community', 'summary'], version: 2 },
    });
    expect(d.rows('case_evaluations')).toBe(1);

    const audits = d.auditCount();
    expect(upsertEvaluation(d.ctx, { caseId: c.id, summary: 'Strong impact' }).version).toBe(2);
    expect(d.auditCount()).toBe(audits);
  });

  it('refuses a stale version, a version for a missing evaluation, an unknown case and unknown fields', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Case' });
    expectRefused(d, () => upsertEvaluation(d.ctx, { caseId: c.id, expectedVersion: 1, summary: 'x' }), 'CONFLICT');
    upsertEvaluation(d.ctx, { caseId: c.id, summary: 'x' });
    upsertEvaluation(d.ctx, { caseId: c.id, summary: 'y' });
    expectRefused(d, () => upsertEvaluation(d.ctx, { caseId: c.id, expectedVersion: 1, summary: 'z' }), 'CONFLICT');
    expectRefused(d, () => upsertEvaluation(d.ctx, { caseId: NO_ID, summary: 'z' }), 'NOT_FOUND');
    expectRefused(d, () => upsertEvaluation(d.ctx, { caseId: c.id, economy: 'z' } as never), 'INVALID_INPUT', 'input');
    expectRefused(
      d,
      () => upsertEvaluation(d.ctx, { caseId: c.id, summary: 'x'.repeat(20_001) }),
      'INVALID_INPUT',
      'summary',
    );
    expect(getEvaluation(d.ctx, c.id)).toMatchObject({ version: 2, summary: 'y' });
  });
});
