import { afterEach, describe, expect, it } from 'vitest';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import type { Case } from '../../shared/domain/cases.js';
import type { ConflictMatch } from '../../shared/domain/enquiries.js';
import type { Person, PersonList } from '../../shared/domain/people.js';

const NOW = new Date('2026-03-10T09:00:00.000Z');
let v: IpcVault | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
});

async function auditTotal(vault: IpcVault): Promise<number> {
  return (await vault.ok<{ total: number }>('audit.list', { limit: 1 })).total;
}

describe('people.* through the router', () => {
  it('creates, lists, reads, updates, links and unlinks', async () => {
    v = await ipcVault({ now: () => NOW });
    const c = await v.ok<Case>('cases.create', { title: 'Case', reference: 'R-1' });
    const amina = await v.ok<Person>('people.create', {
      fullName: 'Amina Yusuf',
      aliases: ['Mina'],
      gender: 'female',
      birthDate: '1990-04',
      country: 'so',
      contact: '+252 61 000 0000',
      safetyNotes: 'Call only after 18:00.',
      vulnerabilities: ['displaced'],
    });
    expect(amina).toEqual({
      id: expect.any(String),
      fullName: 'Amina Yusuf',
      aliases: ['Mina'],
      pseudonym: null,
      gender: 'female',
      birthDate: '1990-04',
      country: 'SO',
      contact: '+252 61 000 0000',
      safetyNotes: 'Call only after 18:00.',
      vulnerabilities: ['displaced'],
      notes: '',
      roles: [],
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
      version: 1,
      originVault: expect.any(String),
    });
    await v.ok<Person>('people.create', { fullName: 'Bakari Otieno' });

    const linked = await v.ok<Person>('people.link', { personId: amina.id, caseId: c.id, role: 'client' });
    expect(linked.roles).toEqual([
      { caseId: c.id, caseReference: 'R-1', role: 'survivor', addedAt: '2026-03-10T09:00:00.000Z' },
    ]);

    const all = await v.ok<PersonList>('people.list', {});
    expect(all.total).toBe(2);
    expect(all.items.map((p) => p.fullName)).toEqual(['Amina Yusuf', 'Bakari Otieno']);
    // the list leaves contact and safety notes on the detail view
    expect(all.items[0]).toEqual({
      id: amina.id,
      fullName: 'Amina Yusuf',
      aliases: ['Mina'],
      pseudonym: null,
      gender: 'female',
      country: 'SO',
      vulnerabilities: ['displaced'],
      roles: linked.roles,
      version: linked.version,
      updatedAt: linked.updatedAt,
    });
    expect((await v.ok<PersonList>('people.list', { caseId: c.id })).items.map((p) => p.id)).toEqual([amina.id]);
    expect((await v.ok<PersonList>('people.list', { name: 'mina' })).items.map((p) => p.id)).toEqual([amina.id]);

    expect(await v.ok<Person>('people.get', { id: amina.id })).toEqual(linked);

    const updated = await v.ok<Person>('people.update', {
      id: amina.id,
      expectedVersion: linked.version,
      pseudonym: 'Witness A',
      gender: null,
    });
    expect(updated).toMatchObject({ pseudonym: 'Witness A', gender: null, version: linked.version + 1 });

    const unlinked = await v.ok<Person>('people.unlink', { personId: amina.id, caseId: c.id, role: 'survivor' });
    expect(unlinked.roles).toEqual([]);
  });

  it('refuses a role not held, a stale edit, an unknown person and a bad role, writing nothing', async () => {
    v = await ipcVault({ now: () => NOW });
    const c = await v.ok<Case>('cases.create', { title: 'Case' });
    const p = await v.ok<Person>('people.create', { fullName: 'Amina Yusuf' });
    const before = await auditTotal(v);

    expect(await v.call('people.unlink', { personId: p.id, caseId: c.id, role: 'witness' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await v.call('people.update', { id: p.id, expectedVersion: 3, notes: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      await v.call('people.link', { personId: p.id, caseId: '01900000-0000-7000-8000-000000000000', role: 'witness' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await v.call('people.link', { personId: p.id, caseId: c.id, role: 'judge' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^role: /) },
    });

    expect(await v.ok<Person>('people.get', { id: p.id })).toEqual(p);
    expect(await auditTotal(v)).toBe(before);
  });

  it('possibleDuplicates: who in the vault may be the person about to be added, one match per person, with roles; nothing written', async () => {
    v = await ipcVault({ now: () => NOW });
    const c = await v.ok<Case>('cases.create', { title: 'Case', reference: 'R-1' });
    const youssef = await v.ok<Person>('people.create', { fullName: 'Youssef El-Amrani', aliases: ['Abou Youssef'] });
    await v.ok('people.link', { personId: youssef.id, caseId: c.id, role: 'alleged-perpetrator' });
    const hassan = await v.ok<Person>('people.create', { fullName: 'Hassan Ouazzani' });
    await v.ok<Person>('people.create', { fullName: 'Bakari Otieno' });
    const before = await auditTotal(v);

    const arabic = await v.ok<ConflictMatch[]>('people.possibleDuplicates', { fullName: 'يوسف العمراني' });
    expect(arabic).toEqual([
      expect.objectContaining({
        personId: youssef.id,
        matchedName: 'Youssef El-Amrani',
        matchedKind: 'name',
        match: 'transliteration',
        roles: [expect.objectContaining({ caseId: c.id, role: 'alleged-perpetrator' })],
      }),
    ]);
    const both = await v.ok<ConflictMatch[]>('people.possibleDuplicates', {
      fullName: 'Yousef El Amrani',
      aliases: ['Hassan Ouazani'],
    });
    expect(both.map((m) => m.personId).sort()).toEqual([youssef.id, hassan.id].sort());
    const similar = both.find((m) => m.personId === hassan.id)!;
    expect(similar).toMatchObject({ match: 'similar', reason: expect.stringContaining('Ouazani') });
    expect(await v.ok<ConflictMatch[]>('people.possibleDuplicates', { fullName: 'Maria Gonzalez' })).toEqual([]);
    expect(await auditTotal(v)).toBe(before);

    const bad = await v.call('people.possibleDuplicates', { fullName: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await v.call('people.possibleDuplicates', { fullName: 'A', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
