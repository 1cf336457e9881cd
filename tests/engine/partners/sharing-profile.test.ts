import { describe, expect, it } from 'vitest';
import {
  applySharingProfile,
  buildSharingProfile,
  DEFAULT_SHARING_FIELDS,
  parseSharingProfile,
  profileAllows,
  SHARING_FIELDS,
  SHARING_KINDS,
  type SharingProfile,
} from '../../../shared/domain/partners.js';

const person = {
  id: '01900000-0000-7000-8000-000000000001',
  version: 3,
  originVault: '01900000-0000-7000-8000-0000000000aa',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
  fullName: 'Amina Wanjiru',
  aliases: ['Mama Wanjiru'],
  pseudonym: 'Client A',
  gender: 'female',
  birthDate: '1984-03-17',
  country: 'KE',
  contact: '+254 700 000000',
  safetyNotes: 'Do not call after 6pm; husband monitors phone',
  vulnerabilities: ['trauma'],
  notes: 'met at clinic',
  roles: [
    {
      caseId: '01900000-0000-7000-8000-0000000000c1',
      caseReference: 'CV-2026-000001',
      role: 'survivor',
      addedAt: '2026-01-01T00:00:00.000Z',
    },
  ],
  somethingAddedLater: 'never shared',
};

describe('applySharingProfile', () => {
  it('returns null for a kind the profile does not allow', () => {
    expect(applySharingProfile({}, 'people', person)).toBeNull();
    expect(applySharingProfile({ cases: ['reference'] }, 'people', person)).toBeNull();
    expect(applySharingProfile({ people: ['pseudonym'] }, 'bogus' as never, person)).toBeNull();
  });

  it('keeps the default people fields: no name, contact, safety notes or exact birth date', () => {
    const profile = buildSharingProfile([{ kind: 'people' }]);
    expect(profile).toEqual({ people: ['pseudonym', 'gender', 'birth-year', 'country', 'roles'] });
    expect(applySharingProfile(profile, 'people', person)).toEqual({
      id: person.id,
      version: 3,
      originVault: person.originVault,
      pseudonym: 'Client A',
      gender: 'female',
      birthYear: 1984,
      country: 'KE',
      roles: person.roles,
    });
  });

  it('shares contact and safety notes only when listed', () => {
    const out = applySharingProfile(
      { people: ['pseudonym', 'contact', 'safety-notes', 'full-name', 'recorded-at'] },
      'people',
      person,
    )!;
    expect(out).toEqual({
      id: person.id,
      version: 3,
      originVault: person.originVault,
      fullName: 'Amina Wanjiru',
      pseudonym: 'Client A',
      contact: '+254 700 000000',
      safetyNotes: 'Do not call after 6pm; husband monitors phone',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(JSON.stringify(out)).not.toContain('never shared');
  });

  it('derives the birth year from a partial birth date, null when unknown', () => {
    expect(applySharingProfile({ people: ['birth-year'] }, 'people', { ...person, birthDate: '1990' })!.birthYear).toBe(
      1990,
    );
    expect(
      applySharingProfile({ people: ['birth-year'] }, 'people', { ...person, birthDate: null })!.birthYear,
    ).toBeNull();
  });

  it('keeps linking ids and drops fields a tampered profile names that the kind does not have', () => {
    const consent = {
      id: 'c1',
      seriesId: 's1',
      version: 2,
      originVault: 'v',
      personId: 'p1',
      caseId: 'k1',
      purpose: 'sharing',
      recipientPartnerId: 'pt',
      recipientClass: null,
      state: 'given',
      witness: 'W. Name',
      language: 'sw',
    };
    const tampered = { consents: ['purpose', 'recipient', 'full-name', '__proto__'] } as unknown as SharingProfile;
    expect(applySharingProfile(tampered, 'consents', consent)).toEqual({
      id: 'c1',
      seriesId: 's1',
      version: 2,
      originVault: 'v',
      personId: 'p1',
      caseId: 'k1',
      purpose: 'sharing',
      recipientPartnerId: 'pt',
      recipientClass: null,
    });
  });

  it('outcome amounts travel with their currency; evidence bytes are a separate permission', () => {
    const outcome = {
      id: 'o1',
      version: 1,
      originVault: 'v',
      caseId: 'k1',
      kind: 'compensation',
      category: 'material',
      description: 'Award',
      currency: 'EUR',
      amountAwarded: '1500.50',
      amountAwardedMinor: 150050,
      amountPaid: '0.00',
      amountPaidMinor: 0,
    };
    expect(applySharingProfile({ outcomes: ['kind', 'amount-awarded'] }, 'outcomes', outcome)).toEqual({
      id: 'o1',
      version: 1,
      originVault: 'v',
      caseId: 'k1',
      kind: 'compensation',
      category: 'material',
      currency: 'EUR',
      amountAwarded: '1500.50',
      amountAwardedMinor: 150050,
    });
    const profile: SharingProfile = { evidence: ['sha256', 'type'] };
    expect(profileAllows(profile, 'evidence', 'file')).toBe(false);
    expect(profileAllows({ evidence: ['file'] }, 'evidence', 'file')).toBe(true);
    expect(
      applySharingProfile(profile, 'evidence', {
        id: 'e1',
        caseId: 'k1',
        blobId: 'b',
        sha256: 'ab',
        type: 'photo',
        place: 'Nairobi',
        title: 'T',
      }),
    ).toEqual({ id: 'e1', caseId: 'k1', sha256: 'ab', type: 'photo' });
  });

  it('copies values instead of sharing them, and leaves the record untouched', () => {
    const before = structuredClone(person);
    const out = applySharingProfile({ people: ['roles', 'aliases'] }, 'people', person)!;
    (out.roles as Array<{ role: string }>)[0]!.role = 'witness';
    expect(person).toEqual(before);
  });

  it('every default field is a known field, and every kind has defaults', () => {
    for (const kind of SHARING_KINDS) {
      for (const f of DEFAULT_SHARING_FIELDS[kind])
        expect((SHARING_FIELDS[kind] as readonly string[]).includes(f), `${kind}.${f}`).toBe(true);
    }
    for (const f of ['contact', 'safety-notes', 'full-name', 'birth-date'] as const)
      expect((DEFAULT_SHARING_FIELDS.people as readonly string[]).includes(f)).toBe(false);
  });

  it('reads a malformed stored profile as "share nothing"', () => {
    expect(parseSharingProfile({ people: ['pseudonym'] })).toEqual({ people: ['pseudonym'] });
    expect(parseSharingProfile({ people: ['password'] })).toEqual({});
    expect(parseSharingProfile({ secrets: [] })).toEqual({});
    expect(parseSharingProfile('all')).toEqual({});
  });
});
