// The enquiry conflict check through the real CLI: names across scripts and spellings, earlier
// enquiries and the role they gave a name, and duplicate detection on `person add`.
import { describe, expect, it } from 'vitest';
import { cliVault } from './run-cli.js';

describe('case-vault enquiry conflicts', () => {
  it('prints conflicts[] with query, personId, matchedName, match, score and reason', () => {
    const v = cliVault();
    const c = v.json('case', 'add', '--title', 'Earlier');
    const officer = v.json('person', 'add', '--name', 'Youssef El-Amrani', '--alias', 'Abou Youssef');
    v.json('person', 'link', '--person', officer.id, '--case', c.id, '--role', 'alleged-perpetrator');
    const witness = v.json('person', 'add', '--name', 'Hassan Ouazzani');
    const e = v.json(
      'enquiry',
      'add',
      '--channel',
      'phone',
      '--summary',
      'Beaten in custody',
      '--from',
      'Fatuma Ali',
      '--name',
      'alleged-perpetrator:يوسف العمراني',
      '--name',
      'Hassan Ouazani',
    );
    expect(e.namedPeople).toEqual([
      { name: 'يوسف العمراني', role: 'alleged-perpetrator' },
      { name: 'Hassan Ouazani', role: null },
    ]);
    expect(e.conflicts).toEqual([
      expect.objectContaining({
        query: 'يوسف العمراني',
        personId: officer.id,
        matchedName: 'Youssef El-Amrani',
        match: 'transliteration',
        score: expect.any(Number),
        reason: expect.stringMatching(/^transliteration: /),
      }),
      expect.objectContaining({
        query: 'Hassan Ouazani',
        personId: witness.id,
        matchedName: 'Hassan Ouazzani',
        match: 'similar',
        reason: 'similar: Ouazani ~ Ouazzani',
      }),
    ]);
    const human = v.raw('enquiry', 'show', e.id);
    expect(human.stdout).toMatch(
      /"Hassan Ouazani" ~ Hassan Ouazzani \(name, similar: Ouazani ~ Ouazzani, score 0\.\d\d\)/,
    );
    expect(human.stdout).toMatch(/alleged-perpetrator in CV-/);

    // the next enquiry is checked against this one's names, decided or not
    v.json('enquiry', 'decide', e.id, '--decline', '--reason', 'Outside mandate');
    const e2 = v.json('enquiry', 'add', '--channel', 'email', '--summary', 'Same events', '--from', 'Fatouma Ali');
    expect(e2.conflicts).toEqual([
      expect.objectContaining({
        query: 'Fatouma Ali',
        personId: null,
        matchedName: 'Fatuma Ali',
        matchedKind: 'enquirer',
        enquiry: expect.objectContaining({ id: e.id, status: 'declined' }),
      }),
    ]);
    expect(v.raw('enquiry', 'show', e2.id).stdout).toMatch(
      new RegExp(`who made contact in enquiry ${e.id} of \\d{4}-\\d\\d-\\d\\d \\(declined\\)`),
    );
  });

  it('person add notes possible duplicates on stderr', () => {
    const v = cliVault();
    const a = v.json('person', 'add', '--name', 'Mohamed Benali');
    const r = v.raw('person', 'add', '--name', 'Muhammad Ben Ali');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      `possible duplicate: "Muhammad Ben Ali" ~ Mohamed Benali (name, transliteration: Muhammad ~ Mohamed) — person ${a.id}`,
    );
  });

  it('accept carries named people over: a new person with the enquiry role, or a matched person linked', () => {
    const v = cliVault();
    const officer = v.json('person', 'add', '--name', 'Youssef El-Amrani');
    const e = v.json(
      'enquiry',
      'add',
      '--channel',
      'phone',
      '--summary',
      'Beaten in custody',
      '--from',
      'Fatuma Ali',
      '--name',
      'survivor:Amina Haddad',
      '--name',
      'alleged-perpetrator:Youssef El Amrani',
    );
    expect(v.raw('enquiry', 'show', e.id).stdout).toMatch(/1\. Amina Haddad \(survivor\)[\s\S]*2\. Youssef El Amrani/);
    expect(v.raw('enquiry', 'decide', e.id, '--accept', '--conflicts-reviewed', '--create-person', 'x').stderr).toMatch(
      /--create-person: "x" is not a name number/,
    );
    expect(v.raw('enquiry', 'decide', e.id, '--accept', '--conflicts-reviewed', '--create-person', '3').stderr).toMatch(
      /INVALID_INPUT: .*no name number 3/,
    );
    const decided = v.json(
      'enquiry',
      'decide',
      e.id,
      '--accept',
      '--conflicts-reviewed',
      '--create-person',
      '1',
      '--link-person',
      `2:${officer.id}`,
    );
    const people = v.json('person', 'list', '--case', decided.caseId) as Array<{ id: string; fullName: string }>;
    expect(people.map((p) => p.fullName).sort()).toEqual(['Amina Haddad', 'Youssef El-Amrani']);
  });
});
