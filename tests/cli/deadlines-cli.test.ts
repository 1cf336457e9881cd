// deadline commands through the real CLI binary (the CLI's clock is the real one).
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/deadlines.js';
import { cliVault, expectCliError } from './run-cli.js';

describe('case-vault deadline', () => {
  it('adds deadlines, lists upcoming and overdue ones, and closes them (--json)', () => {
    const v = cliVault();
    const today = new Date().toISOString().slice(0, 10);
    const c = v.json('case', 'add', '--title', 'Kamiti', '--reference', 'KE-1');
    const late = v.json(
      'deadline',
      'add',
      '--case',
      c.id,
      '--kind',
      'response',
      '--title',
      'Reply to the State',
      '--due',
      addDays(today, -2),
    );
    const soon = v.json(
      'deadline',
      'add',
      '--case',
      c.id,
      '--kind',
      'hearing',
      '--title',
      'Hearing',
      '--due',
      addDays(today, 3),
    );
    const later = v.json(
      'deadline',
      'add',
      '--case',
      c.id,
      '--kind',
      'limitation',
      '--title',
      'Limitation',
      '--due',
      addDays(today, 40),
    );
    expect(soon).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      caseId: c.id,
      kind: 'hearing',
      status: 'open',
      dueOn: addDays(today, 3),
      version: 1,
    });

    const upcoming = v.json('deadline', 'list', '--upcoming', '7');
    expect(
      upcoming.map((x: { id: string; daysUntilDue: number; caseReference: string }) => [
        x.id,
        x.daysUntilDue,
        x.caseReference,
      ]),
    ).toEqual([[soon.id, 3, 'KE-1']]);
    expect(
      v
        .json('deadline', 'list', '--overdue')
        .map((x: { id: string; daysUntilDue: number; overdue: boolean }) => [x.id, x.daysUntilDue, x.overdue]),
    ).toEqual([[late.id, -2, true]]);
    expect(v.json('deadline', 'list', '--case', c.id).map((x: { id: string }) => x.id)).toEqual([
      late.id,
      soon.id,
      later.id,
    ]);

    expect(v.json('deadline', 'done', late.id, '--status', 'missed')).toMatchObject({
      status: 'missed',
      completedOn: today,
      version: 2,
    });
    expect(v.json('deadline', 'done', soon.id)).toMatchObject({ status: 'met' });
    expectCliError(v.raw('deadline', 'done', soon.id, '--status', 'cancelled'), 'INVALID_TRANSITION');
    expect(v.json('deadline', 'list', '--overdue')).toEqual([]);
    expect(v.json('deadline', 'show', later.id)).toMatchObject({ id: later.id, status: 'open' });

    const human = v.raw('deadline', 'list', '--upcoming', '60');
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/DUE\s+WHEN\s+STATUS/);
    expect(human.stdout).toMatch(/in 40d\s+open\s+limitation\s+KE-1\s+Limitation/);
  });

  it('names the bad field; unknown cases and deadlines are NOT_FOUND', () => {
    const v = cliVault();
    const c = v.json('case', 'add', '--title', 'A');
    const r = v.raw('deadline', 'add', '--case', c.id, '--kind', 'filing', '--title', 'File', '--due', '31/12/2026');
    expectCliError(r, 'INVALID_INPUT');
    expect(r.stderr).toMatch(/dueOn: must be a date as YYYY-MM-DD/);
    const days = v.raw('deadline', 'list', '--upcoming', 'soon');
    expectCliError(days, 'INVALID_INPUT');
    expect(days.stderr).toMatch(/upcomingDays: must be a whole number of days/);
    expectCliError(
      v.raw(
        'deadline',
        'add',
        '--case',
        '01900000-0000-7000-8000-000000000000',
        '--kind',
        'filing',
        '--title',
        'File',
        '--due',
        '2026-12-31',
      ),
      'NOT_FOUND',
    );
    expectCliError(v.raw('deadline', 'done', '01900000-0000-7000-8000-000000000000'), 'NOT_FOUND');
    expect(v.json('deadline', 'list')).toEqual([]);
  });
});
