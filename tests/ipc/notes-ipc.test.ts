import { afterEach, describe, expect, it } from 'vitest';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import type { Case } from '../../shared/domain/cases.js';
import type { Note, NoteList } from '../../shared/domain/notes.js';

const NOW = new Date('2026-03-10T09:00:00.000Z');
let v: IpcVault | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
});

async function auditTotal(vault: IpcVault): Promise<number> {
  return (await vault.ok<{ total: number }>('audit.list', { limit: 1 })).total;
}

describe('notes.* through the router', () => {
  it('adds, lists newest first, reads and updates', async () => {
    v = await ipcVault({ now: () => NOW });
    const c = await v.ok<Case>('cases.create', { title: 'Case' });
    const first = await v.ok<Note>('notes.add', { caseId: c.id, body: ' Called the clinic. ', author: 'MK' });
    expect(first).toEqual({
      id: expect.any(String),
      caseId: c.id,
      body: 'Called the clinic.',
      author: 'MK',
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
      version: 1,
      originVault: expect.any(String),
    });
    const second = await v.ok<Note>('notes.add', { caseId: c.id, body: 'Hearing moved.' });
    expect(second.author).toBe('');

    const page = await v.ok<NoteList>('notes.list', { caseId: c.id });
    expect(page).toEqual({ items: [second, first], total: 2, limit: 50, offset: 0 });
    expect(await v.ok<NoteList>('notes.list', { caseId: c.id, limit: 1, offset: 1 })).toEqual({
      items: [first],
      total: 2,
      limit: 1,
      offset: 1,
    });
    expect(await v.ok<Note>('notes.get', { id: first.id })).toEqual(first);

    const updated = await v.ok<Note>('notes.update', {
      id: first.id,
      body: 'Called the clinic twice.',
      expectedVersion: 1,
    });
    expect(updated).toEqual({ ...first, body: 'Called the clinic twice.', version: 2 });
  });

  it('refuses a stale edit, a note on an unknown case and an empty body, writing nothing', async () => {
    v = await ipcVault({ now: () => NOW });
    const c = await v.ok<Case>('cases.create', { title: 'Case' });
    const n = await v.ok<Note>('notes.add', { caseId: c.id, body: 'Text.' });
    await v.ok('notes.update', { id: n.id, body: 'Text, edited.', expectedVersion: 1 });
    const before = await auditTotal(v);

    expect(await v.call('notes.update', { id: n.id, body: 'Lost edit.', expectedVersion: 1 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await v.call('notes.add', { caseId: '01900000-0000-7000-8000-000000000000', body: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await v.call('notes.add', { caseId: c.id, body: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^body: /) },
    });

    expect(await v.ok<Note>('notes.get', { id: n.id })).toMatchObject({ body: 'Text, edited.', version: 2 });
    expect((await v.ok<NoteList>('notes.list', { caseId: c.id })).total).toBe(1);
    expect(await auditTotal(v)).toBe(before);
  });
});
