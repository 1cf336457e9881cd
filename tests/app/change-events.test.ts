/**
 * Change events in the real main process: a call that changes the vault tells the app's windows
 * which kinds of record changed (and the record's id); a read, a refused call and a failed one
 * announce nothing. And every call of the contract is either a reader or listed with its changes.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { startTestApp, type TestApp } from './app-helpers.js';
import { CONTRACT } from '../../shared/ipc/contract.js';
import { listCalls } from '../../shared/ipc/kit.js';
import { CALL_CHANGES, READER_METHODS } from '../../shared/ipc/events.js';
import type { Case } from '../../shared/domain/cases.js';
import type { Deadline } from '../../shared/domain/deadlines.js';

vi.mock('electron', async () => (await import('./electron-standin.js')).electronModule);

let t: TestApp | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const changes = (app: TestApp) => app.sent().filter((s) => s.channel === 'event:changed');

describe('changed events', () => {
  test('a call that writes announces its areas and the record; a read announces nothing', async () => {
    t = await startTestApp({ unlocked: true });
    expect(changes(t)).toEqual([]);
    const c = await t.ok<Case>('cases.create', { title: 'Case', reference: 'R-1' });
    expect(changes(t)).toEqual([{ channel: 'event:changed', payload: { areas: ['cases'], ids: [c.id] } }]);

    await t.ok('cases.list', {});
    await t.ok('cases.get', { id: c.id });
    await t.ok('agenda.get', {});
    expect(changes(t)).toHaveLength(1);

    const d = await t.ok<Deadline>('deadlines.add', {
      caseId: c.id,
      kind: 'filing',
      title: 'Brief',
      dueOn: '2026-01-05',
    });
    expect(changes(t).at(-1)).toEqual({
      channel: 'event:changed',
      payload: { areas: ['deadlines', 'cases'], ids: [d.id] },
    });
  });

  test('a refused or failed write announces nothing', async () => {
    t = await startTestApp({ unlocked: true });
    expect(await t.call('cases.create', { title: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await t.call('cases.update', { id: '01900000-0000-7000-8000-000000000000', title: 'x', expectedVersion: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await t.ok('session.lock');
    expect(await t.call('cases.create', { title: 'Locked' })).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
    expect(changes(t)).toEqual([]);
  });
});

describe('the list of calls that change the vault', () => {
  // Calls that write nothing a list shows: a file the user chose, or the vault's own key.
  const OUTSIDE_LISTS = new Set([
    'bundles.saveReceipt',
    'bundles.saveRecallReceipt',
    'import.cancel',
    'import.saveMapping',
    'import.saveRefused',
    'identity.exportCard',
    'reports.write',
    'vault.create',
    'vault.unlock',
    'vault.unlockWithRecoveryKey',
    'vault.changePassphrase',
  ]);

  test('every engine call is a reader, writes outside the lists, or names the areas it changes', () => {
    const unclassified = listCalls(CONTRACT)
      .filter(({ spec }) => spec.handler === 'engine')
      .filter(({ channel, method }) => !READER_METHODS.has(method) && !OUTSIDE_LISTS.has(channel))
      .filter(({ channel }) => !Object.hasOwn(CALL_CHANGES, channel))
      .map(({ channel }) => channel);
    expect(unclassified).toEqual([]);
  });

  test('no reader is listed as a change (a list that reloads must not set off another reload)', () => {
    const channels = new Set(listCalls(CONTRACT).map((c) => c.channel));
    for (const channel of Object.keys(CALL_CHANGES)) {
      expect(channels.has(channel), channel).toBe(true);
      expect(READER_METHODS.has(channel.split('.')[1]!), channel).toBe(false);
    }
  });
});
