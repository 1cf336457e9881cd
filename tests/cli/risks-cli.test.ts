// risk register commands through the real CLI binary.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/deadlines.js';
import { cliVault, expectCliError } from './run-cli.js';

describe('case-vault risk', () => {
  it('adds risks, lists them by score with review flags, and updates them (--json)', () => {
    const v = cliVault();
    const today = new Date().toISOString().slice(0, 10);
    const seizure = v.json(
      'risk',
      'add',
      '--threat',
      'Laptop seized at a checkpoint',
      '--category',
      'device',
      '--likelihood',
      '3',
      '--impact',
      '5',
      '--owner',
      'Security lead',
      '--review-on',
      addDays(today, 30),
      '--mitigations',
      'Full-disk encryption',
    );
    expect(seizure).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      score: 15,
      level: 'high',
      status: 'open',
      reviewOverdue: false,
      mitigations: 'Full-disk encryption',
    });
    const phishing = v.json(
      'risk',
      'add',
      '--threat',
      'Phishing',
      '--category',
      'communications',
      '--likelihood',
      '4',
      '--impact',
      '2',
      '--owner',
      'IT',
      '--review-on',
      addDays(today, -1),
    );
    expect(phishing).toMatchObject({ score: 8, level: 'medium', reviewOverdue: true });
    const c = v.json('case', 'add', '--title', 'A');
    const raid = v.json(
      'risk',
      'add',
      '--threat',
      'Office raid',
      '--category',
      'physical',
      '--likelihood',
      '4',
      '--impact',
      '5',
      '--owner',
      'Director',
      '--review-on',
      addDays(today, 10),
      '--case',
      c.id,
    );
    expect(raid).toMatchObject({ score: 20, level: 'critical', caseId: c.id });

    expect(v.json('risk', 'list').map((r: { id: string }) => r.id)).toEqual([raid.id, seizure.id, phishing.id]);
    expect(v.json('risk', 'list', '--review-due').map((r: { id: string }) => r.id)).toEqual([phishing.id]);
    const u = v.json(
      'risk',
      'update',
      phishing.id,
      '--status',
      'mitigated',
      '--review-on',
      addDays(today, 90),
      '--likelihood',
      '2',
      '--expected-version',
      '1',
    );
    expect(u).toMatchObject({ version: 2, status: 'mitigated', score: 4, level: 'low', reviewOverdue: false });
    expect(v.json('risk', 'list', '--review-due')).toEqual([]);
    expect(v.json('risk', 'list', '--status', 'mitigated').map((r: { id: string }) => r.id)).toEqual([phishing.id]);
    expect(v.json('risk', 'show', raid.id)).toMatchObject({ id: raid.id, threat: 'Office raid' });
    expectCliError(v.raw('risk', 'update', phishing.id, '--status', 'closed', '--expected-version', '1'), 'CONFLICT');

    const human = v.raw('risk', 'list');
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^SCORE\s+LEVEL\s+CATEGORY/);
    expect(human.stdout).toMatch(/20\s+critical\s+physical\s+open/);
  });

  it('names the bad field and writes nothing', () => {
    const v = cliVault();
    const r = v.raw(
      'risk',
      'add',
      '--threat',
      'T',
      '--category',
      'device',
      '--likelihood',
      '7',
      '--impact',
      '2',
      '--owner',
      'O',
      '--review-on',
      '2026-12-01',
    );
    expectCliError(r, 'INVALID_INPUT');
    expect(r.stderr).toMatch(/likelihood: must be a whole number from 1 to 5/);
    const cat = v.raw(
      'risk',
      'add',
      '--threat',
      'T',
      '--category',
      'cyber',
      '--likelihood',
      '2',
      '--impact',
      '2',
      '--owner',
      'O',
      '--review-on',
      '2026-12-01',
    );
    expectCliError(cat, 'INVALID_INPUT');
    expect(cat.stderr).toMatch(/category: must be one of: device, communications/);
    expectCliError(v.raw('risk', 'show', '01900000-0000-7000-8000-000000000000'), 'NOT_FOUND');
    expectCliError(v.raw('risk', 'update', '01900000-0000-7000-8000-000000000000'), 'USAGE', 2);
    expect(v.json('risk', 'list')).toEqual([]);
  });
});
