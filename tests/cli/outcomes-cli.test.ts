// outcome, indicator and evaluation commands through the real CLI binary.
import { describe, expect, it } from 'vitest';
import { cliVault, expectCliError } from './run-cli.js';

describe('case-vault outcome', () => {
  it('records outcomes with exact amounts, indicators with observations, and the case evaluation (--json)', () => {
    const v = cliVault();
    const c = v.json('case', 'add', '--title', 'Kamiti', '--reference', 'KE-1');
    const comp = v.json(
      'outcome',
      'add',
      '--case',
      c.id,
      '--kind',
      'compensation',
      '--description',
      'Damages awarded',
      '--achieved-on',
      '2025-10-01',
      '--currency',
      'kes',
      '--awarded',
      '1500000.50',
      '--paid',
      '250000',
    );
    expect(comp).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      category: 'material',
      currency: 'KES',
      amountAwardedMinor: 150000050,
      amountPaidMinor: 25000000,
      amountAwarded: '1500000.50',
      amountPaid: '250000.00',
    });
    const yen = v.json(
      'outcome',
      'add',
      '--case',
      c.id,
      '--kind',
      'restitution',
      '--description',
      'Savings returned',
      '--currency',
      'JPY',
      '--awarded',
      '300000',
    );
    expect(yen).toMatchObject({ amountAwardedMinor: 300000, amountAwarded: '300000' });
    const decl = v.json(
      'outcome',
      'add',
      '--case',
      c.id,
      '--kind',
      'declaratory',
      '--description',
      'Violation of Article 16 found',
    );
    expect(
      v
        .json('outcome', 'list', '--case', c.id)
        .map((o: { id: string; caseReference: string }) => [o.id, o.caseReference]),
    ).toEqual([
      [comp.id, 'KE-1'],
      [yen.id, 'KE-1'],
      [decl.id, 'KE-1'],
    ]);
    expect(v.json('outcome', 'update', comp.id, '--paid', '1500000.50', '--expected-version', '1')).toMatchObject({
      version: 2,
      amountPaidMinor: 150000050,
    });

    const ind = v.json(
      'outcome',
      'indicator',
      'add',
      '--case',
      c.id,
      '--outcome',
      comp.id,
      '--name',
      'Survivor wellbeing',
      '--dimension',
      'survivor',
      '--baseline',
      '2',
      '--target',
      '8',
      '--unit',
      'points',
    );
    expect(ind).toMatchObject({
      outcomeId: comp.id,
      baseline: 2,
      target: 8,
      unit: 'points',
      progress: null,
      latestValue: null,
    });
    v.json('outcome', 'indicator', 'observe', ind.id, '--value', '4', '--on', '2025-11-01');
    const observed = v.json(
      'outcome',
      'indicator',
      'observe',
      ind.id,
      '--value',
      '6.5',
      '--on',
      '2026-01-15',
      '--note',
      'follow-up interview',
    );
    expect(observed).toMatchObject({
      latestValue: 6.5,
      latestObservedOn: '2026-01-15',
      progress: 0.75,
      observationCount: 2,
    });
    expect(observed.observations.map((o: { value: number }) => o.value)).toEqual([4, 6.5]);
    expect(
      v
        .json('outcome', 'indicator', 'list', '--case', c.id)
        .map((i: { id: string; progress: number }) => [i.id, i.progress]),
    ).toEqual([[ind.id, 0.75]]);

    expectCliError(v.raw('outcome', 'evaluate', '--case', c.id), 'NOT_FOUND');
    const e1 = v.json(
      'outcome',
      'evaluate',
      '--case',
      c.id,
      '--survivor',
      'Feels heard',
      '--policy',
      'Detention rules under review',
    );
    expect(e1).toMatchObject({
      caseId: c.id,
      survivor: 'Feels heard',
      policy: 'Detention rules under review',
      community: '',
      version: 1,
    });
    const e2 = v.json('outcome', 'evaluate', '--case', c.id, '--summary', 'Strong', '--expected-version', '1');
    expect(e2).toMatchObject({ survivor: 'Feels heard', summary: 'Strong', version: 2 });
    expect(v.json('outcome', 'evaluate', '--case', c.id)).toEqual(e2);

    const human = v.raw('outcome', 'list');
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/compensation\s+material\s+2025-10-01\s+1500000\.50 KES\s+1500000\.50 KES/);
    expect(v.raw('outcome', 'indicator', 'show', ind.id).stdout).toMatch(/progress:\s+75%/);
  });

  it('refuses a payment above the award, decimals a currency lacks, and unknown cases, writing nothing', () => {
    const v = cliVault();
    const c = v.json('case', 'add', '--title', 'A');
    const r = v.raw(
      'outcome',
      'add',
      '--case',
      c.id,
      '--kind',
      'compensation',
      '--description',
      'd',
      '--currency',
      'EUR',
      '--awarded',
      '100',
      '--paid',
      '100.01',
    );
    expectCliError(r, 'INVALID_INPUT');
    expect(r.stderr).toMatch(/amountPaid: 100\.01 EUR is more than the 100\.00 EUR awarded/);
    const yen = v.raw(
      'outcome',
      'add',
      '--case',
      c.id,
      '--kind',
      'compensation',
      '--description',
      'd',
      '--currency',
      'JPY',
      '--awarded',
      '100.5',
    );
    expectCliError(yen, 'INVALID_INPUT');
    expect(yen.stderr).toMatch(/amountAwarded: must be a whole amount: JPY has no minor unit/);
    const base = v.raw(
      'outcome',
      'indicator',
      'add',
      '--case',
      c.id,
      '--name',
      'N',
      '--dimension',
      'policy',
      '--baseline',
      'low',
      '--target',
      '3',
    );
    expectCliError(base, 'INVALID_INPUT');
    expect(base.stderr).toMatch(/baseline: must be a number/);
    expectCliError(
      v.raw(
        'outcome',
        'add',
        '--case',
        '01900000-0000-7000-8000-000000000000',
        '--kind',
        'movement',
        '--description',
        'd',
      ),
      'NOT_FOUND',
    );
    expect(v.json('outcome', 'list')).toEqual([]);
    expect(v.json('outcome', 'indicator', 'list')).toEqual([]);
  });
});
