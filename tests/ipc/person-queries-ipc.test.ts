import { afterEach, describe, expect, it } from 'vitest';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import type { Case } from '../../shared/domain/cases.js';
import type { Person } from '../../shared/domain/people.js';
import type { PersonCase, PersonSafetyNote } from '../../shared/domain/person-queries.js';

const NOW = new Date('2026-03-10T09:00:00.000Z');
const UNKNOWN = '01900000-0000-7000-8000-000000000000';
let v: IpcVault | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
});

async function auditTotal(vault: IpcVault): Promise<number> {
  return (await vault.ok<{ total: number }>('audit.list', { limit: 1 })).total;
}

describe('people.cases and people.safetyNotes through the router', () => {
  it('people.cases: every case of a person once, with its title, status and all the roles held there', async () => {
    v = await ipcVault({ now: () => NOW });
    const first = await v.ok<Case>('cases.create', {
      title: 'Detention in Tunis',
      reference: 'TN-1',
      status: 'active',
    });
    const second = await v.ok<Case>('cases.create', {
      title: 'Border pushback',
      reference: 'TN-2',
      status: 'assessment',
    });
    await v.ok<Case>('cases.create', { title: 'Unrelated', reference: 'TN-3' });
    const p = await v.ok<Person>('people.create', { fullName: 'Youssef Amrani' });
    await v.ok('people.link', { personId: p.id, caseId: first.id, role: 'survivor' });
    await v.ok('people.link', { personId: p.id, caseId: second.id, role: 'witness' });
    await v.ok('people.link', { personId: p.id, caseId: first.id, role: 'family' });
    const before = await auditTotal(v);

    const cases = await v.ok<PersonCase[]>('people.cases', { id: p.id });
    expect(cases).toEqual([
      {
        caseId: first.id,
        reference: 'TN-1',
        title: 'Detention in Tunis',
        status: 'active',
        roles: [
          { role: 'family', addedAt: NOW.toISOString() },
          { role: 'survivor', addedAt: NOW.toISOString() },
        ],
      },
      {
        caseId: second.id,
        reference: 'TN-2',
        title: 'Border pushback',
        status: 'assessment',
        roles: [{ role: 'witness', addedAt: NOW.toISOString() }],
      },
    ]);
    const loner = await v.ok<Person>('people.create', { fullName: 'Nobody Yet' });
    expect(await v.ok<PersonCase[]>('people.cases', { id: loner.id })).toEqual([]);
    expect(await auditTotal(v)).toBe(before + 1); // the person created above; the reads wrote nothing

    expect(await v.call('people.cases', { id: UNKNOWN })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await v.call('people.cases', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('people.safetyNotes: the people of the cases with safety notes, each once with their cases; blank notes left out', async () => {
    v = await ipcVault({ now: () => NOW });
    const a = await v.ok<Case>('cases.create', { title: 'A', reference: 'A-1' });
    const b = await v.ok<Case>('cases.create', { title: 'B', reference: 'B-1' });
    const c = await v.ok<Case>('cases.create', { title: 'C', reference: 'C-1' });
    const youssef = await v.ok<Person>('people.create', {
      fullName: 'Youssef Amrani',
      pseudonym: 'Y-1',
      safetyNotes: 'Do not call his phone.',
    });
    const amina = await v.ok<Person>('people.create', {
      fullName: 'Amina Bekele',
      safetyNotes: 'Meet only at the office.',
    });
    const blank = await v.ok<Person>('people.create', { fullName: 'Bakari Otieno', safetyNotes: '   ' });
    const elsewhere = await v.ok<Person>('people.create', { fullName: 'Carla Diaz', safetyNotes: 'Not in A or B.' });
    await v.ok('people.link', { personId: youssef.id, caseId: a.id, role: 'survivor' });
    await v.ok('people.link', { personId: youssef.id, caseId: a.id, role: 'witness' });
    await v.ok('people.link', { personId: youssef.id, caseId: b.id, role: 'witness' });
    await v.ok('people.link', { personId: amina.id, caseId: b.id, role: 'family' });
    await v.ok('people.link', { personId: blank.id, caseId: a.id, role: 'witness' });
    await v.ok('people.link', { personId: elsewhere.id, caseId: c.id, role: 'witness' });
    const before = await auditTotal(v);

    expect(await v.ok<PersonSafetyNote[]>('people.safetyNotes', { caseIds: [a.id] })).toEqual([
      {
        personId: youssef.id,
        fullName: 'Youssef Amrani',
        pseudonym: 'Y-1',
        safetyNotes: 'Do not call his phone.',
        caseIds: [a.id],
      },
    ]);
    const both = await v.ok<PersonSafetyNote[]>('people.safetyNotes', { caseIds: [a.id, b.id, a.id] });
    expect(both.map((n) => [n.fullName, n.caseIds])).toEqual([
      ['Amina Bekele', [b.id]],
      ['Youssef Amrani', [a.id, b.id]],
    ]);

    // an edit shows at once; emptied notes drop out
    await v.ok('people.update', { id: amina.id, expectedVersion: amina.version, safetyNotes: '' });
    expect((await v.ok<PersonSafetyNote[]>('people.safetyNotes', { caseIds: [b.id] })).map((n) => n.fullName)).toEqual([
      'Youssef Amrani',
    ]);
    expect(await auditTotal(v)).toBe(before + 1); // the update; the reads wrote nothing

    expect(await v.call('people.safetyNotes', { caseIds: [a.id, UNKNOWN] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await v.call('people.safetyNotes', { caseIds: [] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
