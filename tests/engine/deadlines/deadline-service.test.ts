import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../src-main/engine/audit/audit-log.js';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import {
  addDeadline,
  completeDeadline,
  getDeadline,
  listDeadlines,
} from '../../../src-main/engine/deadlines/deadline-service.js';
import { addDays, daysBetween } from '../../../shared/domain/deadlines.js';
import { codeOfSync as codeOf, newDomain, type TestDomain } from '../domain-helpers.js';

const NO_CASE = '01900000-0000-7000-8000-000000000000';

function lastAudit(d: TestDomain) {
  return listAudit(d.ctx.db, { afterSeq: d.auditCount() - 1 })[0]!;
}

function expectRefused(d: TestDomain, fn: () => unknown, code: string, field?: string) {
  const rows = d.rows('deadlines');
  const audits = d.auditCount();
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err, 'expected a refusal').toMatchObject({ name: 'VaultError', code });
  if (field) expect((err as Error).message.startsWith(`${field}: `), (err as Error).message).toBe(true);
  expect(d.rows('deadlines')).toBe(rows);
  expect(d.auditCount()).toBe(audits);
}

describe('deadlines', () => {
  it('adds an open deadline to a case and audits it without its title', async () => {
    const d = await newDomain('2026-03-10T08:00:00.000Z');
    const c = createCase(d.ctx, { title: 'Case', reference: 'KE-1' });
    const dl = addDeadline(d.ctx, {
      caseId: c.id,
      kind: 'limitation',
      title: 'Limitation for the civil claim against Officer X',
      dueOn: '2026-09-30',
      notes: 'three years from release',
    });
    expect(dl).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      caseId: c.id,
      kind: 'limitation',
      title: 'Limitation for the civil claim against Officer X',
      dueOn: '2026-09-30',
      notes: 'three years from release',
      status: 'open',
      completedOn: null,
      createdAt: '2026-03-10T08:00:00.000Z',
      updatedAt: '2026-03-10T08:00:00.000Z',
      version: 1,
      originVault: d.ctx.vaultId,
    });
    const entry = lastAudit(d);
    expect(entry).toMatchObject({
      action: 'deadline.added',
      subject: { kind: 'deadline', id: dl.id },
      details: { caseId: c.id, kind: 'limitation' },
    });
    expect(JSON.stringify(entry.details)).not.toMatch(/Officer|release/);
  });

  it.each([
    [{ kind: 'limitation', title: 'T', dueOn: '2026-02-30' }, 'dueOn'],
    [{ kind: 'limitation', title: 'T', dueOn: '30/09/2026' }, 'dueOn'],
    [{ kind: 'limitation', title: 'T' }, 'dueOn'],
    [{ kind: 'appeal', title: 'T', dueOn: '2026-09-30' }, 'kind'],
    [{ kind: 'filing', title: '  ', dueOn: '2026-09-30' }, 'title'],
    [{ kind: 'filing', title: 'T', dueOn: '2026-09-30', status: 'met' }, 'input'],
  ])('refuses %j naming %s, writing nothing', async (input, field) => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Case' });
    expectRefused(d, () => addDeadline(d.ctx, { caseId: c.id, ...input } as never), 'INVALID_INPUT', field);
  });

  it('refuses a deadline for a case that does not exist', async () => {
    const d = await newDomain();
    expectRefused(
      d,
      () => addDeadline(d.ctx, { caseId: NO_CASE, kind: 'filing', title: 'T', dueOn: '2026-09-30' }),
      'NOT_FOUND',
    );
    expectRefused(
      d,
      () => addDeadline(d.ctx, { caseId: 'not-an-id', kind: 'filing', title: 'T', dueOn: '2026-09-30' }),
      'INVALID_INPUT',
      'caseId',
    );
  });

  it('completes an open deadline once (met by default, today), then refuses any other transition', async () => {
    const d = await newDomain('2026-03-10T12:00:00.000Z');
    const c = createCase(d.ctx, { title: 'Case' });
    const a = addDeadline(d.ctx, { caseId: c.id, kind: 'filing', title: 'File', dueOn: '2026-03-12' });
    const done = completeDeadline(d.ctx, { id: a.id, expectedVersion: 1 });
    expect(done).toMatchObject({ status: 'met', completedOn: '2026-03-10', version: 2 });
    expect(lastAudit(d)).toMatchObject({
      action: 'deadline.completed',
      subject: { kind: 'deadline', id: a.id },
      details: { caseId: c.id, from: 'open', to: 'met', version: 2 },
    });
    for (const status of ['met', 'missed', 'cancelled'] as const) {
      expectRefused(d, () => completeDeadline(d.ctx, { id: a.id, status }), 'INVALID_TRANSITION');
    }
    expect(getDeadline(d.ctx, a.id)).toMatchObject({ status: 'met', version: 2 });

    const b = addDeadline(d.ctx, { caseId: c.id, kind: 'hearing', title: 'Hearing', dueOn: '2026-03-01' });
    expect(completeDeadline(d.ctx, { id: b.id, status: 'missed', completedOn: '2026-03-02' })).toMatchObject({
      status: 'missed',
      completedOn: '2026-03-02',
    });
    const e = addDeadline(d.ctx, { caseId: c.id, kind: 'response', title: 'Reply', dueOn: '2026-04-01' });
    expect(completeDeadline(d.ctx, { id: e.id, status: 'cancelled' })).toMatchObject({
      status: 'cancelled',
      completedOn: '2026-03-10',
    });
  });

  it('refuses completing with status open, a future date, a stale version, or an unknown id', async () => {
    const d = await newDomain('2026-03-10T12:00:00.000Z');
    const c = createCase(d.ctx, { title: 'Case' });
    const a = addDeadline(d.ctx, { caseId: c.id, kind: 'filing', title: 'File', dueOn: '2026-03-12' });
    expectRefused(d, () => completeDeadline(d.ctx, { id: a.id, status: 'open' as never }), 'INVALID_INPUT', 'status');
    expectRefused(
      d,
      () => completeDeadline(d.ctx, { id: a.id, completedOn: '2026-03-11' }),
      'INVALID_INPUT',
      'completedOn',
    );
    expectRefused(d, () => completeDeadline(d.ctx, { id: a.id, expectedVersion: 2 }), 'CONFLICT');
    expectRefused(d, () => completeDeadline(d.ctx, { id: NO_CASE }), 'NOT_FOUND');
    expect(getDeadline(d.ctx, a.id)).toMatchObject({ status: 'open', version: 1, completedOn: null });
  });

  it('lists upcoming and overdue deadlines against a fixed clock, with case reference, title and days until due', async () => {
    const d = await newDomain('2026-03-10T23:30:00.000Z');
    const k1 = createCase(d.ctx, { title: 'Kamiti', reference: 'KE-1' });
    const k2 = createCase(d.ctx, { title: 'Gulu', reference: 'UG-2' });
    const overdue = addDeadline(d.ctx, {
      caseId: k1.id,
      kind: 'response',
      title: 'Reply to the State',
      dueOn: '2026-03-09',
    });
    const today = addDeadline(d.ctx, { caseId: k2.id, kind: 'filing', title: 'File petition', dueOn: '2026-03-10' });
    const in7 = addDeadline(d.ctx, { caseId: k1.id, kind: 'hearing', title: 'Hearing', dueOn: '2026-03-17' });
    const in8 = addDeadline(d.ctx, { caseId: k2.id, kind: 'limitation', title: 'Limitation', dueOn: '2026-03-18' });
    const doneLate = addDeadline(d.ctx, { caseId: k1.id, kind: 'filing', title: 'Old filing', dueOn: '2026-02-01' });
    completeDeadline(d.ctx, { id: doneLate.id, status: 'missed' });

    const up7 = listDeadlines(d.ctx, { upcomingDays: 7 });
    expect(up7.map((x) => [x.id, x.daysUntilDue, x.overdue])).toEqual([
      [today.id, 0, false],
      [in7.id, 7, false],
    ]);
    expect(up7[0]).toMatchObject({ caseReference: 'UG-2', caseTitle: 'Gulu', title: 'File petition' });

    expect(
      listDeadlines(d.ctx, { overdue: true }).map((x) => [x.id, x.daysUntilDue, x.overdue, x.caseReference]),
    ).toEqual([[overdue.id, -1, true, 'KE-1']]);
    expect(listDeadlines(d.ctx, { overdue: true, upcomingDays: 0 }).map((x) => x.id)).toEqual([overdue.id, today.id]);
    expect(listDeadlines(d.ctx, { upcomingDays: 8, caseId: k2.id }).map((x) => x.id)).toEqual([today.id, in8.id]);
    expect(listDeadlines(d.ctx).map((x) => x.id)).toEqual([doneLate.id, overdue.id, today.id, in7.id, in8.id]);
    expect(listDeadlines(d.ctx, { status: 'missed' }).map((x) => [x.id, x.overdue, x.daysUntilDue])).toEqual([
      [doneLate.id, false, -37],
    ]);
    expect(listDeadlines(d.ctx, { caseId: k1.id, status: 'open' }).map((x) => x.id)).toEqual([overdue.id, in7.id]);

    // a day later: today's deadline becomes overdue, the eighth day comes into the window
    d.setNow('2026-03-11T00:00:00.000Z');
    expect(listDeadlines(d.ctx, { overdue: true }).map((x) => x.id)).toEqual([overdue.id, today.id]);
    expect(listDeadlines(d.ctx, { upcomingDays: 7 }).map((x) => x.id)).toEqual([in7.id, in8.id]);
  });

  it('refuses contradictory or malformed list queries and an unknown case', async () => {
    const d = await newDomain();
    expect(() => listDeadlines(d.ctx, { overdue: true, status: 'met' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(/^status: /) }),
    );
    expect(() => listDeadlines(d.ctx, { upcomingDays: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(/^upcomingDays: /) }),
    );
    expect(() => listDeadlines(d.ctx, { upcomingDays: 1.5 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(/^upcomingDays: /) }),
    );
    expect(codeOf(() => listDeadlines(d.ctx, { caseId: NO_CASE }))).toBe('NOT_FOUND');
  });

  it('counts days across month ends and leap days', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-10', '2026-03-09')).toBe(-1);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', 7)).toBe('2026-04-05');
  });
});
