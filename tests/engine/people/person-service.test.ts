import { describe, expect, it } from 'vitest';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import {
  createPerson,
  findNameMatches,
  findPossibleDuplicates,
  getPerson,
  linkPerson,
  listPeople,
  nameKey,
  unlinkPerson,
  updatePerson,
} from '../../../src-main/engine/people/person-service.js';
import { listAudit } from '../../../src-main/engine/audit/audit-log.js';
import { codeOfSync as codeOf, newDomain } from '../domain-helpers.js';

describe('people', () => {
  it('normalises names for matching', () => {
    expect(nameKey('  José  MARTÍNEZ-López ')).toBe('jose martinez lopez');
    expect(nameKey('مُحَمَّد علي')).toBe('محمد علي');
    expect(nameKey('Ørsted, Åse')).toBe('ørsted ase');
  });

  it('adds a person with aliases, pseudonym and flags; audits without names', async () => {
    const d = await newDomain();
    const p = createPerson(d.ctx, {
      fullName: 'Amina Yusuf',
      aliases: ['Mama Amina'],
      pseudonym: 'Client A',
      gender: 'female',
      birthDate: '1988',
      country: 'so',
      vulnerabilities: ['trauma', 'displaced', 'trauma'],
      safetyNotes: 'Call only after 6pm',
    });
    expect(p).toMatchObject({
      fullName: 'Amina Yusuf',
      aliases: ['Mama Amina'],
      pseudonym: 'Client A',
      country: 'SO',
      birthDate: '1988',
      vulnerabilities: ['displaced', 'trauma'],
      roles: [],
      version: 1,
    });
    const audit = JSON.stringify(listAudit(d.ctx.db, { limit: 10 }));
    expect(audit).not.toMatch(/Amina|Client A|6pm/);
    expect(codeOf(() => createPerson(d.ctx, { fullName: 'X', birthDate: '88' }))).toBe('INVALID_INPUT');
    expect(codeOf(() => createPerson(d.ctx, { fullName: 'X', vulnerabilities: ['rich'] as never }))).toBe(
      'INVALID_INPUT',
    );
    expect(d.rows('people')).toBe(1);
  });

  it('links people to cases in roles (client = survivor), refuses duplicates and unknown ids', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'A' });
    const p = createPerson(d.ctx, { fullName: 'Amina Yusuf' });
    const linked = linkPerson(d.ctx, { personId: p.id, caseId: c.id, role: 'client' as never });
    expect(linked.roles).toEqual([
      expect.objectContaining({ caseId: c.id, caseReference: c.reference, role: 'survivor' }),
    ]);
    linkPerson(d.ctx, { personId: p.id, caseId: c.id, role: 'witness' });
    expect(codeOf(() => linkPerson(d.ctx, { personId: p.id, caseId: c.id, role: 'witness' }))).toBe('DUPLICATE');
    expect(codeOf(() => linkPerson(d.ctx, { personId: p.id, caseId: c.id, role: 'bystander' as never }))).toBe(
      'INVALID_INPUT',
    );
    expect(
      codeOf(() =>
        linkPerson(d.ctx, { personId: '01900000-0000-7000-8000-000000000000', caseId: c.id, role: 'witness' }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(() =>
        linkPerson(d.ctx, { personId: p.id, caseId: '01900000-0000-7000-8000-000000000000', role: 'witness' }),
      ),
    ).toBe('NOT_FOUND');
    expect(listPeople(d.ctx, { caseId: c.id, role: 'witness' }).items.map((x) => x.id)).toEqual([p.id]);
    unlinkPerson(d.ctx, { personId: p.id, caseId: c.id, role: 'witness' });
    expect(codeOf(() => unlinkPerson(d.ctx, { personId: p.id, caseId: c.id, role: 'witness' }))).toBe('NOT_FOUND');
    expect(getPerson(d.ctx, p.id).roles.map((r) => r.role)).toEqual(['survivor']);
  });

  it('updates with versions and keeps names for matching in step', async () => {
    const d = await newDomain();
    const p = createPerson(d.ctx, { fullName: 'Amina Yusuf', aliases: ['Mama Amina'] });
    const u = updatePerson(d.ctx, { id: p.id, expectedVersion: 1, fullName: 'Amina Y. Hassan', aliases: [] });
    expect(u).toMatchObject({ version: 2, fullName: 'Amina Y. Hassan', aliases: [] });
    expect(findNameMatches(d.ctx.db, ['Mama Amina'])).toEqual([]);
    expect(findNameMatches(d.ctx.db, ['amina hassan'])).toEqual([
      expect.objectContaining({ personId: p.id, match: 'partial' }),
    ]);
    expect(codeOf(() => updatePerson(d.ctx, { id: p.id, expectedVersion: 1, notes: 'x' }))).toBe('CONFLICT');
  });

  it('finds name matches: exact across accents and case, partial on all words, aliases, never on one shared word', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'A' });
    const officer = createPerson(d.ctx, { fullName: 'José Martínez López', aliases: ['El Jefe'] });
    linkPerson(d.ctx, { personId: officer.id, caseId: c.id, role: 'alleged-perpetrator' });
    createPerson(d.ctx, { fullName: 'Maria Lopez' });
    const m = findNameMatches(d.ctx.db, ['jose martinez lopez', 'Martínez José', 'el jefe', 'Lopez']);
    // exact on a name, then exact on an alias, then partial
    expect(m.map((x) => [x.query, x.matchedName, x.matchedKind, x.match])).toEqual([
      ['jose martinez lopez', 'José Martínez López', 'name', 'exact'],
      ['el jefe', 'El Jefe', 'alias', 'exact'],
      ['Martínez José', 'José Martínez López', 'name', 'partial'],
    ]);
    expect(m[1]!.roles).toEqual([expect.objectContaining({ role: 'alleged-perpetrator', caseId: c.id })]);
  });

  it('searches by part of a name or pseudonym', async () => {
    const d = await newDomain();
    const a = createPerson(d.ctx, { fullName: 'Élodie Durand', pseudonym: 'Witness 7' });
    createPerson(d.ctx, { fullName: 'Marc Petit' });
    expect(listPeople(d.ctx, { name: 'elodie' }).items.map((x) => x.id)).toEqual([a.id]);
    expect(listPeople(d.ctx, { name: 'witness 7' }).items.map((x) => x.id)).toEqual([a.id]);
    expect(listPeople(d.ctx, {}).total).toBe(2);
  });

  it('finds possible duplicates of a person by name and alias, across scripts, never the person itself', async () => {
    const d = await newDomain();
    const a = createPerson(d.ctx, { fullName: 'Youssef El-Amrani' });
    createPerson(d.ctx, { fullName: 'Peter Kamau' });
    const b = createPerson(d.ctx, { fullName: 'يوسف العمراني', aliases: ['Abou Youssef'] });
    expect(findPossibleDuplicates(d.ctx, b.id).map((m) => [m.personId, m.match])).toEqual([[a.id, 'transliteration']]);
    expect(findPossibleDuplicates(d.ctx, a.id).map((m) => [m.personId, m.matchedName])).toEqual([
      [b.id, 'يوسف العمراني'],
    ]);
    expect(codeOf(() => findPossibleDuplicates(d.ctx, '01900000-0000-7000-8000-000000000000'))).toBe('NOT_FOUND');
  });
});
