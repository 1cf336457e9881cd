// partner commands through the real CLI binary, as a script would use them.
import { describe, expect, it } from 'vitest';
import { cliVault, expectCliError } from './run-cli.js';

describe('case-vault partner', () => {
  it('adds, lists, shows and updates partners, records agreements and sets the sharing profile (--json)', () => {
    const v = cliVault();
    const a = v.json(
      'partner',
      'add',
      '--name',
      'Kenya NPM',
      '--kind',
      'npm',
      '--country',
      'ke',
      '--amount',
      '5000',
      '--review-on',
      '2027-01-31',
      '--dd-outcome',
      'approved',
      '--contact',
      'npm@example.org',
    );
    expect(a).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Kenya NPM',
      kind: 'npm',
      country: 'KE',
      ddTier: 'medium',
      ddAmountGbp: 5000,
      ddReviewOn: '2027-01-31',
      ddOutcome: 'approved',
      contact: 'npm@example.org',
      version: 1,
      sharingProfile: {},
    });
    const b = v.json(
      'partner',
      'add',
      '--name',
      'Advocates Uganda',
      '--kind',
      'lawyer',
      '--country',
      'UG',
      '--tier',
      'large',
    );
    expect(b).toMatchObject({ ddTier: 'large', ddAmountGbp: null, ddOutcome: 'pending' });

    expect(v.json('partner', 'list').map((p: { id: string }) => p.id)).toEqual([b.id, a.id]);
    expect(v.json('partner', 'list', '--country', 'KE').map((p: { id: string }) => p.id)).toEqual([a.id]);
    expect(v.json('partner', 'list', '--kind', 'lawyer').map((p: { id: string }) => p.id)).toEqual([b.id]);

    const mou = v.json(
      'partner',
      'agreement',
      'add',
      a.id,
      '--kind',
      'mou',
      '--signed-on',
      '2025-02-01',
      '--expires-on',
      '2025-12-31',
    );
    expect(mou).toMatchObject({ partnerId: a.id, kind: 'mou', state: 'expired' });
    const draft = v.json('partner', 'agreement', 'add', a.id, '--kind', 'data-sharing');
    expect(draft.state).toBe('not-signed');
    const shown = v.json('partner', 'show', a.id);
    expect(shown.agreements.map((x: { id: string; state: string }) => [x.id, x.state])).toEqual([
      [mou.id, 'expired'],
      [draft.id, 'not-signed'],
    ]);

    const profiled = v.json(
      'partner',
      'profile',
      a.id,
      '--allow',
      'people',
      '--allow',
      'cases:reference,title',
      '--allow',
      'deadlines',
      '--expected-version',
      '1',
    );
    expect(profiled).toMatchObject({
      version: 2,
      sharingProfile: {
        people: ['pseudonym', 'gender', 'birth-year', 'country', 'roles'],
        cases: ['reference', 'title'],
        deadlines: ['kind', 'title', 'due-on', 'status', 'completed-on'],
      },
    });
    expect(v.json('partner', 'profile', a.id).sharingProfile).toEqual(profiled.sharingProfile);
    expect(v.json('partner', 'profile', a.id, '--clear')).toMatchObject({ version: 3, sharingProfile: {} });

    expect(v.json('partner', 'update', a.id, '--amount', '25000', '--expected-version', '3')).toMatchObject({
      version: 4,
      ddTier: 'large',
      ddAmountGbp: 25000,
    });
    expectCliError(v.raw('partner', 'update', a.id, '--notes', 'x', '--expected-version', '3'), 'CONFLICT');

    const human = v.raw('partner', 'show', a.id);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/dd tier:\s+large \(£25,000\)/);
    expect(human.stdout).toMatch(/mou: expired \(signed 2025-02-01, expires 2025-12-31\)/);
    const table = v.raw('partner', 'list');
    expect(table.stdout).toMatch(/^NAME\s+KIND\s+CC\s+TIER/);
  });

  it('refuses a tier that contradicts the amount, bad profile fields and unknown ids', () => {
    const v = cliVault();
    const r = v.raw('partner', 'add', '--name', 'P', '--kind', 'ngo', '--amount', '15000', '--tier', 'small');
    expectCliError(r, 'INVALID_INPUT');
    expect(r.stderr).toMatch(/ddTier: small does not match the amount of £15,000, which is large/);
    const amount = v.raw('partner', 'add', '--name', 'P', '--kind', 'ngo', '--amount', 'lots');
    expectCliError(amount, 'INVALID_INPUT');
    expect(amount.stderr).toMatch(/ddAmountGbp: must be a whole number of pounds/);
    expect(v.json('partner', 'list')).toEqual([]);

    const p = v.json('partner', 'add', '--name', 'P', '--kind', 'ngo');
    const bad = v.raw('partner', 'profile', p.id, '--allow', 'people:pseudonym,password');
    expectCliError(bad, 'INVALID_INPUT');
    expect(bad.stderr).toMatch(/allow\.0\.fields\.1: must be one of: full-name/);
    expectCliError(
      v.raw(
        'partner',
        'agreement',
        'add',
        p.id,
        '--kind',
        'mou',
        '--signed-on',
        '2025-06-01',
        '--expires-on',
        '2025-05-01',
      ),
      'INVALID_INPUT',
    );
    expectCliError(v.raw('partner', 'show', '01900000-0000-7000-8000-000000000000'), 'NOT_FOUND');
    expectCliError(v.raw('partner', 'profile', p.id, '--allow', 'notes', '--clear'), 'USAGE', 2);
    expect(v.json('partner', 'show', p.id)).toMatchObject({ version: 1, sharingProfile: {}, agreements: [] });
  });
});
