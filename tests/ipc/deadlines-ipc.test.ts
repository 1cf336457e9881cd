import { afterEach, describe, expect, it } from 'vitest';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import type { Case, CaseList } from '../../shared/domain/cases.js';
import type { Deadline, DeadlineItem } from '../../shared/domain/deadlines.js';

const NOW = new Date('2026-03-10T09:00:00.000Z');
let v: IpcVault | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
});

async function auditTotal(vault: IpcVault): Promise<number> {
  return (await vault.ok<{ total: number }>('audit.list', { limit: 1 })).total;
}

describe('deadlines.* through the router', () => {
  it('adds, lists with days to go and overdue flags, reads and completes', async () => {
    v = await ipcVault({ now: () => NOW });
    const c = await v.ok<Case>('cases.create', { title: 'Case', reference: 'R-1' });
    const filing = await v.ok<Deadline>('deadlines.add', {
      caseId: c.id,
      kind: 'filing',
      title: 'Reply brief',
      dueOn: '2026-03-17',
    });
    expect(filing).toEqual({
      id: expect.any(String),
      caseId: c.id,
      kind: 'filing',
      title: 'Reply brief',
      dueOn: '2026-03-17',
      notes: '',
      status: 'open',
      completedOn: null,
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
      version: 1,
      originVault: expect.any(String),
    });
    const late = await v.ok<Deadline>('deadlines.add', {
      caseId: c.id,
      kind: 'response',
      title: 'Answer the registry',
      dueOn: '2026-03-05',
      notes: 'By post.',
    });
    await v.ok<Deadline>('deadlines.add', { caseId: c.id, kind: 'hearing', title: 'Hearing', dueOn: '2026-06-01' });

    const all = await v.ok<DeadlineItem[]>('deadlines.list', { caseId: c.id });
    expect(all.map((d) => [d.title, d.daysUntilDue, d.overdue])).toEqual([
      ['Answer the registry', -5, true],
      ['Reply brief', 7, false],
      ['Hearing', 83, false],
    ]);
    expect(all[1]).toEqual({ ...filing, caseReference: 'R-1', caseTitle: 'Case', daysUntilDue: 7, overdue: false });
    expect((await v.ok<DeadlineItem[]>('deadlines.list', { upcomingDays: 30 })).map((d) => d.id)).toEqual([filing.id]);
    expect((await v.ok<DeadlineItem[]>('deadlines.list', { overdue: true })).map((d) => d.id)).toEqual([late.id]);
    // the case list knows the earliest open deadline
    expect(
      (await v.ok<CaseList>('cases.list', { deadlineDueBy: '2026-03-06' })).items.map((x) => x.nextDeadline),
    ).toEqual(['2026-03-05']);

    expect(await v.ok<Deadline>('deadlines.get', { id: late.id })).toEqual(late);
    const met = await v.ok<Deadline>('deadlines.complete', { id: late.id, expectedVersion: 1 });
    expect(met).toEqual({ ...late, status: 'met', completedOn: '2026-03-10', version: 2 });
    expect((await v.ok<DeadlineItem[]>('deadlines.list', { status: 'met' })).map((d) => d.id)).toEqual([late.id]);
  });

  it('refuses a second completion, a day in the future and a window with a closed status, writing nothing', async () => {
    v = await ipcVault({ now: () => NOW });
    const c = await v.ok<Case>('cases.create', { title: 'Case' });
    const d = await v.ok<Deadline>('deadlines.add', { caseId: c.id, kind: 'other', title: 'T', dueOn: '2026-03-20' });
    const done = await v.ok<Deadline>('deadlines.complete', { id: d.id, status: 'cancelled' });
    const other = await v.ok<Deadline>('deadlines.add', {
      caseId: c.id,
      kind: 'other',
      title: 'U',
      dueOn: '2026-03-21',
    });
    const before = await auditTotal(v);

    expect(await v.call('deadlines.complete', { id: d.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    expect(await v.call('deadlines.complete', { id: other.id, completedOn: '2026-03-11' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^completedOn: /) },
    });
    expect(await v.call('deadlines.list', { upcomingDays: 7, status: 'met' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^status: /) },
    });
    expect(
      await v.call('deadlines.add', { caseId: c.id, kind: 'other', title: 'T', dueOn: '2026-02-30' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^dueOn: /) } });

    expect(await v.ok<Deadline>('deadlines.get', { id: d.id })).toEqual(done);
    expect(await v.ok<Deadline>('deadlines.get', { id: other.id })).toEqual(other);
    expect(await auditTotal(v)).toBe(before);
  });
});
