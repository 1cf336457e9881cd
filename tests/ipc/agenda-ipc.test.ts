import { afterEach, describe, expect, it } from 'vitest';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import type { Case } from '../../shared/domain/cases.js';
import type { Agenda } from '../../shared/ipc/areas/agenda.js';

const NOW = new Date('2026-03-10T09:00:00.000Z');
let v: IpcVault | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
});

describe('agenda.get through the router', () => {
  it('answers what is due across cases, in the contract’s form', async () => {
    v = await ipcVault({ now: () => NOW });
    const empty = await v.ok<Agenda>('agenda.get', {});
    expect(empty).toEqual({
      today: '2026-03-10',
      deadlines: [],
      consents: [],
      reviews: [],
      counts: {
        overdueDeadlines: 0,
        upcomingDeadlines: 0,
        consentsToRenew: 0,
        reviewsDue: 0,
        openEnquiries: 0,
        quarantinedBundles: 0,
        importConflicts: 0,
        proposedAdditions: 0,
        recentRecallNotices: 0,
        inboxNeedsAction: 0,
      },
      backup: { lastBackupAt: null, lastSnapshotId: null, reminderDays: 7, due: true, daysSinceLast: null },
    });
    const c = await v.ok<Case>('cases.create', { title: 'Case', reference: 'R-1' });
    await v.ok('deadlines.add', { caseId: c.id, kind: 'response', title: 'Late', dueOn: '2026-03-05' });
    await v.ok('deadlines.add', { caseId: c.id, kind: 'filing', title: 'Soon', dueOn: '2026-03-17' });
    await v.ok('deadlines.add', { caseId: c.id, kind: 'hearing', title: 'Later', dueOn: '2026-06-01' });
    await v.ok('enquiries.add', { channel: 'phone', summary: 'Arrest', enquirerName: 'Sister' });
    const agenda = await v.ok<Agenda>('agenda.get', {});
    expect(agenda.deadlines.map((d) => [d.title, d.overdue, d.daysUntilDue])).toEqual([
      ['Late', true, -5],
      ['Soon', false, 7],
    ]);
    expect(agenda.counts).toMatchObject({ overdueDeadlines: 1, upcomingDeadlines: 1, openEnquiries: 1 });
    expect((await v.ok<Agenda>('agenda.get', { deadlineDays: 90 })).deadlines).toHaveLength(3);
  });

  it('refuses a window it cannot read, naming the field', async () => {
    v = await ipcVault({ now: () => NOW });
    const r = await v.call('agenda.get', { deadlineDays: 0 });
    expect(r).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^deadlineDays: /) },
    });
    expect(await v.call('agenda.get', { everything: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
