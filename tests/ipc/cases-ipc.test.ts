import { afterEach, describe, expect, it } from 'vitest';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import type { Case, CaseHistoryEntry, CaseList } from '../../shared/domain/cases.js';

const NOW = new Date('2026-03-10T09:00:00.000Z');
let v: IpcVault | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
});

async function auditTotal(vault: IpcVault): Promise<number> {
  return (await vault.ok<{ total: number }>('audit.list', { limit: 1 })).total;
}

const ID = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);

describe('cases.* through the router', () => {
  it('creates, lists, reads, updates, moves along the workflow and keeps the history', async () => {
    v = await ipcVault({ now: () => NOW });
    const created = await v.ok<Case>('cases.create', {
      title: '  Detention of A.  ',
      status: 'enquiry',
      forum: 'regional-court',
      country: 'ke',
      tags: ['Detention', 'torture'],
      team: [{ member: 'MK' }],
    });
    expect(created).toEqual({
      id: ID,
      reference: 'CV-2026-000001',
      title: 'Detention of A.',
      status: 'enquiry',
      forum: 'regional-court',
      country: 'KE',
      jurisdiction: null,
      stage: null,
      sensitivity: 'high',
      summary: '',
      strategy: '',
      project: null,
      donorCode: null,
      openedOn: '2026-03-10',
      closedOn: null,
      closureReason: null,
      enquiryId: null,
      tags: ['detention', 'torture'],
      team: [{ member: 'MK', role: '' }],
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
      version: 1,
      originVault: expect.any(String),
    });
    const other = await v.ok<Case>('cases.create', { title: 'Land rights', reference: 'LR-1' });

    const page = await v.ok<CaseList>('cases.list', { sort: 'reference' });
    expect(page.total).toBe(2);
    expect(page.limit).toBe(50);
    expect(page.offset).toBe(0);
    expect(page.items.map((c) => c.reference)).toEqual(['CV-2026-000001', 'LR-1']);
    expect(page.items[0]).toEqual({
      id: created.id,
      reference: 'CV-2026-000001',
      title: 'Detention of A.',
      status: 'enquiry',
      forum: 'regional-court',
      country: 'KE',
      stage: null,
      sensitivity: 'high',
      openedOn: '2026-03-10',
      updatedAt: '2026-03-10T09:00:00.000Z',
      version: 1,
      tags: ['detention', 'torture'],
      nextDeadline: null,
    });
    const filtered = await v.ok<CaseList>('cases.list', { status: ['active'], limit: 10 });
    expect(filtered.items.map((c) => c.id)).toEqual([other.id]);
    expect((await v.ok<CaseList>('cases.list', { text: 'detention' })).items.map((c) => c.id)).toEqual([created.id]);

    expect(await v.ok<Case>('cases.get', { id: created.id })).toEqual(created);

    const updated = await v.ok<Case>('cases.update', {
      id: created.id,
      expectedVersion: 1,
      stage: 'filed',
      summary: 'Held without charge.',
    });
    expect(updated).toMatchObject({
      version: 2,
      stage: 'filed',
      summary: 'Held without charge.',
      title: 'Detention of A.',
    });

    const accepted = await v.ok<Case>('cases.transition', { id: created.id, to: 'accepted', expectedVersion: 2 });
    expect(accepted).toMatchObject({ status: 'accepted', version: 3 });
    const closed = await v.ok<Case>('cases.close', { id: created.id, reason: 'Settled.' });
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-03-10', closureReason: 'Settled.', version: 4 });

    const history = await v.ok<CaseHistoryEntry[]>('cases.history', { id: created.id });
    expect(history.map((h) => h.version)).toEqual([1, 2, 3, 4]);
    expect(history[0]).toEqual({
      version: 1,
      at: '2026-03-10T09:00:00.000Z',
      actor: expect.any(String),
      changes: { status: { from: null, to: 'enquiry' } },
    });
    expect(history[1]!.changes).toEqual({
      stage: { from: null, to: 'filed' },
      summary: { from: '', to: 'Held without charge.' },
    });
    expect(history[3]!.changes).toEqual({
      status: { from: 'accepted', to: 'closed' },
      reason: { from: null, to: 'Settled.' },
    });
  });

  it('refuses a transition off the workflow, a stale edit and an unknown case, and writes nothing', async () => {
    v = await ipcVault({ now: () => NOW });
    const c = await v.ok<Case>('cases.create', { title: 'Case', status: 'enquiry' });
    const before = await auditTotal(v);

    expect(await v.call('cases.transition', { id: c.id, to: 'closed', reason: 'x' })).toEqual({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: expect.stringContaining('enquiry') },
    });
    expect(await v.call('cases.update', { id: c.id, expectedVersion: 7, title: 'New' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await v.call('cases.get', { id: '01900000-0000-7000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await v.call('cases.history', { id: '01900000-0000-7000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    expect(await v.ok<Case>('cases.get', { id: c.id })).toEqual(c);
    expect(await v.ok<CaseHistoryEntry[]>('cases.history', { id: c.id })).toHaveLength(1);
    expect(await auditTotal(v)).toBe(before);
    expect(v.host.logs.filter((l) => l.includes('does not match the contract'))).toEqual([]);
  });

  it('refuses bad input in main, naming the field, before the engine sees it', async () => {
    v = await ipcVault();
    expect(await v.call('cases.create', { title: '   ' })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^title: /) },
    });
    expect(await v.call('cases.create', { title: 'T', secret: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('secret') },
    });
    expect(await v.call('cases.get', { id: '../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^id: /) },
    });
    expect(await v.call('cases.list', { limit: 5000 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await v.ok<CaseList>('cases.list')).total).toBe(0);
  });

  it('is refused while the vault is locked', async () => {
    v = await ipcVault();
    await v.ok('session.lock');
    expect(await v.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await v.call('cases.create', { title: 'T' })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });
});
