import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../src-main/engine/audit/audit-log.js';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import { addRisk, getRisk, listRisks, updateRisk } from '../../../src-main/engine/risks/risk-service.js';
import { riskLevel } from '../../../shared/domain/risks.js';
import { codeOfSync as codeOf, newDomain, type TestDomain } from '../domain-helpers.js';

const NO_ID = '01900000-0000-7000-8000-000000000000';

function lastAudit(d: TestDomain) {
  return listAudit(d.ctx.db, { afterSeq: d.auditCount() - 1 })[0]!;
}

function expectRefused(d: TestDomain, fn: () => unknown, code: string, field?: string) {
  const rows = d.rows('risks');
  const audits = d.auditCount();
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err, 'expected a refusal').toMatchObject({ name: 'VaultError', code });
  if (field) expect((err as Error).message.startsWith(`${field}: `), (err as Error).message).toBe(true);
  expect(d.rows('risks')).toBe(rows);
  expect(d.auditCount()).toBe(audits);
}

const base = {
  threat: 'Laptop seized at a checkpoint',
  category: 'device',
  likelihood: 3,
  impact: 5,
  owner: 'Security lead',
  reviewOn: '2026-12-01',
} as const;

describe('risk register', () => {
  it.each([
    [1, 'low'],
    [4, 'low'],
    [5, 'medium'],
    [9, 'medium'],
    [10, 'high'],
    [16, 'high'],
    [20, 'critical'],
    [25, 'critical'],
  ] as const)('score %i is %s', (score, level) => {
    expect(riskLevel(score)).toBe(level);
  });

  it('adds a risk with its score and level, and audits enums and ratings only', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Case' });
    const r = addRisk(d.ctx, {
      ...base,
      mitigations: 'Full-disk encryption; travel laptop',
      description: 'Border police search devices',
      caseId: c.id,
    });
    expect(r).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      threat: 'Laptop seized at a checkpoint',
      description: 'Border police search devices',
      category: 'device',
      likelihood: 3,
      impact: 5,
      score: 15,
      level: 'high',
      mitigations: 'Full-disk encryption; travel laptop',
      owner: 'Security lead',
      reviewOn: '2026-12-01',
      status: 'open',
      caseId: c.id,
      reviewOverdue: false,
      createdAt: '2026-11-21T12:00:00.000Z',
      updatedAt: '2026-11-21T12:00:00.000Z',
      version: 1,
      originVault: d.ctx.vaultId,
    });
    const entry = lastAudit(d);
    expect(entry).toMatchObject({
      action: 'risk.added',
      subject: { kind: 'risk', id: r.id },
      details: { category: 'device', likelihood: 3, impact: 5, level: 'high', status: 'open', caseId: c.id },
    });
    expect(JSON.stringify(entry.details)).not.toMatch(/Laptop|encryption|Security lead|Border/);
  });

  it.each([
    [{ likelihood: 0 }, 'likelihood'],
    [{ likelihood: 6 }, 'likelihood'],
    [{ likelihood: 2.5 }, 'likelihood'],
    [{ likelihood: 'high' }, 'likelihood'],
    [{ impact: 0 }, 'impact'],
    [{ impact: undefined }, 'impact'],
    [{ category: 'cyber' }, 'category'],
    [{ status: 'ignored' }, 'status'],
    [{ reviewOn: 'next month' }, 'reviewOn'],
    [{ owner: '' }, 'owner'],
    [{ threat: ' ' }, 'threat'],
    [{ caseId: 'KE-1' }, 'caseId'],
  ])('refuses %j naming %s, writing nothing', async (change, field) => {
    const d = await newDomain();
    expectRefused(d, () => addRisk(d.ctx, { ...base, ...change } as never), 'INVALID_INPUT', field);
  });

  it('refuses a link to a case that does not exist', async () => {
    const d = await newDomain();
    expectRefused(d, () => addRisk(d.ctx, { ...base, caseId: NO_ID }), 'NOT_FOUND');
  });

  it('updates ratings and status with versioning, recomputing the level; refuses stale edits', async () => {
    const d = await newDomain();
    const r = addRisk(d.ctx, base);
    d.setNow('2026-11-25');
    const u = updateRisk(d.ctx, {
      id: r.id,
      expectedVersion: 1,
      likelihood: 1,
      status: 'mitigated',
      mitigations: 'Travel laptop with no case data',
    });
    expect(u).toMatchObject({
      version: 2,
      likelihood: 1,
      impact: 5,
      score: 5,
      level: 'medium',
      status: 'mitigated',
      updatedAt: '2026-11-25T12:00:00.000Z',
    });
    const entry = lastAudit(d);
    expect(entry).toMatchObject({
      action: 'risk.updated',
      subject: { kind: 'risk', id: r.id },
      details: { fields: ['likelihood', 'mitigations', 'status'], version: 2, level: 'medium', status: 'mitigated' },
    });
    expect(JSON.stringify(entry.details)).not.toContain('Travel');
    expectRefused(d, () => updateRisk(d.ctx, { id: r.id, expectedVersion: 1, impact: 1 }), 'CONFLICT');
    expectRefused(d, () => updateRisk(d.ctx, { id: r.id, impact: 9 }), 'INVALID_INPUT', 'impact');
    expectRefused(d, () => updateRisk(d.ctx, { id: r.id, caseId: NO_ID }), 'NOT_FOUND');
    expectRefused(d, () => updateRisk(d.ctx, { id: NO_ID, impact: 1 }), 'NOT_FOUND');
    const audits = d.auditCount();
    expect(updateRisk(d.ctx, { id: r.id, likelihood: 1 }).version).toBe(2);
    expect(d.auditCount()).toBe(audits);
    // reopen and link to a case, then unlink
    const c = createCase(d.ctx, { title: 'Case' });
    expect(updateRisk(d.ctx, { id: r.id, status: 'open', caseId: c.id })).toMatchObject({
      version: 3,
      status: 'open',
      caseId: c.id,
    });
    expect(updateRisk(d.ctx, { id: r.id, caseId: null })).toMatchObject({ version: 4, caseId: null });
  });

  it('lists by score (highest first), flags risks past their review date, and filters review-due ones', async () => {
    const d = await newDomain('2026-11-21T12:00:00.000Z');
    const low = addRisk(d.ctx, {
      ...base,
      threat: 'Phishing',
      category: 'communications',
      likelihood: 2,
      impact: 2,
      reviewOn: '2026-11-20',
    });
    const critical = addRisk(d.ctx, {
      ...base,
      threat: 'Raid on office',
      category: 'physical',
      likelihood: 4,
      impact: 5,
      reviewOn: '2027-01-01',
    });
    const high = addRisk(d.ctx, { ...base, threat: 'Seizure', likelihood: 3, impact: 5, reviewOn: '2026-11-21' });
    const closedPast = addRisk(d.ctx, {
      ...base,
      threat: 'Old server',
      category: 'data',
      likelihood: 5,
      impact: 5,
      reviewOn: '2026-01-01',
      status: 'closed',
    });
    const sameScoreEarlier = addRisk(d.ctx, {
      ...base,
      threat: 'Subpoena',
      category: 'legal',
      likelihood: 5,
      impact: 3,
      reviewOn: '2026-11-01',
      status: 'accepted',
    });

    const all = listRisks(d.ctx);
    expect(all.map((r) => [r.threat, r.score, r.level, r.reviewOverdue])).toEqual([
      ['Old server', 25, 'critical', false],
      ['Raid on office', 20, 'critical', false],
      ['Subpoena', 15, 'high', true],
      ['Seizure', 15, 'high', false],
      ['Phishing', 4, 'low', true],
    ]);
    expect(listRisks(d.ctx, { reviewDue: true }).map((r) => r.id)).toEqual([sameScoreEarlier.id, high.id, low.id]);
    expect(listRisks(d.ctx, { status: 'open' }).map((r) => r.id)).toEqual([critical.id, high.id, low.id]);
    expect(listRisks(d.ctx, { status: 'closed' }).map((r) => r.id)).toEqual([closedPast.id]);
    expect(listRisks(d.ctx, { category: 'physical' }).map((r) => r.id)).toEqual([critical.id]);

    d.setNow('2026-11-22');
    expect(getRisk(d.ctx, high.id).reviewOverdue).toBe(true);
    // a new review date clears the flag
    expect(updateRisk(d.ctx, { id: high.id, reviewOn: '2027-02-01' }).reviewOverdue).toBe(false);
    expect(codeOf(() => listRisks(d.ctx, { status: 'gone' } as never))).toBe('INVALID_INPUT');
  });
});
