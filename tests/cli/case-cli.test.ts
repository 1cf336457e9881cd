// case, person and enquiry commands through the real CLI binary, as a script would use them.
import { describe, expect, it } from 'vitest';
import { cliVault, expectCliError } from './run-cli.js';

describe('case-vault case / person / enquiry', () => {
  it('adds, lists, shows, updates and closes cases with --json', () => {
    const v = cliVault();
    const a = v.json(
      'case',
      'add',
      '--title',
      'Torture at Kamiti',
      '--forum',
      'un-treaty-body',
      '--country',
      'KE',
      '--tag',
      'uncat',
      '--tag',
      'detention',
    );
    expect(a).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      reference: expect.stringMatching(/^CV-\d{4}-000001$/),
      forum: 'un-treaty-body',
      country: 'KE',
      tags: ['detention', 'uncat'],
      status: 'active',
    });
    const b = v.json('case', 'add', '--title', 'Disappearance', '--country', 'MX', '--tag', 'ed,mx');
    expect(v.json('case', 'list').map((c: { id: string }) => c.id)).toEqual([b.id, a.id]);
    expect(v.json('case', 'list', '--tag', 'uncat').map((c: { id: string }) => c.id)).toEqual([a.id]);
    expect(v.json('case', 'list', '--country', 'MX', '--limit', '1')).toHaveLength(1);
    expect(v.json('case', 'show', a.id)).toMatchObject({ id: a.id, title: 'Torture at Kamiti' });
    expect(v.json('case', 'update', a.id, '--stage', 'merits', '--expected-version', '1')).toMatchObject({
      stage: 'merits',
      version: 2,
    });
    expectCliError(v.raw('case', 'update', a.id, '--stage', 'filed', '--expected-version', '1'), 'CONFLICT');
    expect(v.json('case', 'close', a.id, '--reason', 'Decision implemented')).toMatchObject({ status: 'closed' });
    expectCliError(v.raw('case', 'close', a.id, '--reason', 'again'), 'INVALID_TRANSITION');
    expect(v.json('case', 'history', a.id).map((h: { version: number }) => h.version)).toEqual([1, 2, 3]);
    const human = v.raw('case', 'list');
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/REFERENCE\s+STATUS/);
    expect(human.stdout).toContain('Disappearance');
  });

  it('names the bad field and exits 1; unknown ids are NOT_FOUND; missing required options are usage errors', () => {
    const v = cliVault();
    const r = v.raw('case', 'add', '--title', 'X', '--forum', 'moon');
    expectCliError(r, 'INVALID_INPUT');
    expect(r.stderr).toMatch(/forum: must be one of: domestic-court/);
    expectCliError(v.raw('case', 'add'), 'INVALID_INPUT');
    expectCliError(v.raw('case', 'show', '01900000-0000-7000-8000-000000000000'), 'NOT_FOUND');
    expectCliError(v.raw('case', 'show', 'nope'), 'NOT_FOUND');
    expectCliError(v.raw('case', 'close', '01900000-0000-7000-8000-000000000000'), 'USAGE', 2);
    expectCliError(v.raw('case', 'list', '--limit', 'ten'), 'USAGE', 2);
    expect(v.json('case', 'list')).toEqual([]);
  });

  it('never prints control characters from the vault to a terminal', () => {
    const v = cliVault();
    const c = v.json(
      'case',
      'add',
      '--title',
      'Evil \u001b[2J\u001b]0;pwned\u0007 title',
      '--summary',
      'line one\nline two \u001b[31mred',
    );
    expect(c.title).toContain('\u001b[2J'); // stored as given; JSON escapes it
    for (const r of [v.raw('case', 'list'), v.raw('case', 'show', c.id)]) {
      expect(r.status).toBe(0);
      expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
      expect(r.stdout).toContain('Evil  [2J ]0;pwned  title');
    }
  });

  it('adds people, links them to a case and lists them', () => {
    const v = cliVault();
    const c = v.json('case', 'add', '--title', 'A');
    const p = v.json(
      'person',
      'add',
      '--name',
      'Amina Yusuf',
      '--pseudonym',
      'Client A',
      '--alias',
      'Mama Amina',
      '--vulnerability',
      'trauma',
    );
    expect(p).toMatchObject({
      id: expect.any(String),
      fullName: 'Amina Yusuf',
      pseudonym: 'Client A',
      aliases: ['Mama Amina'],
      vulnerabilities: ['trauma'],
    });
    const linked = v.json('person', 'link', '--person', p.id, '--case', c.id, '--role', 'survivor');
    expect(linked.roles).toEqual([expect.objectContaining({ caseId: c.id, role: 'survivor' })]);
    expectCliError(v.raw('person', 'link', '--person', p.id, '--case', c.id, '--role', 'survivor'), 'DUPLICATE');
    expectCliError(v.raw('person', 'link', '--person', p.id, '--case', c.id, '--role', 'bystander'), 'INVALID_INPUT');
    expect(v.json('person', 'list', '--case', c.id).map((x: { id: string }) => x.id)).toEqual([p.id]);
  });

  it('records an enquiry with its conflict check, and decides it', () => {
    const v = cliVault();
    const c = v.json('case', 'add', '--title', 'Earlier');
    const officer = v.json('person', 'add', '--name', 'Peter Kamau');
    v.json('person', 'link', '--person', officer.id, '--case', c.id, '--role', 'alleged-perpetrator');
    const e = v.json(
      'enquiry',
      'add',
      '--channel',
      'in-person',
      '--summary',
      'Beaten in custody',
      '--from',
      'Fatuma Ali',
      '--name',
      'Peter Kamau',
    );
    expect(e.conflicts).toEqual([expect.objectContaining({ personId: officer.id, match: 'exact' })]);
    const human = v.raw('enquiry', 'show', e.id);
    expect(human.stdout).toMatch(/Possible conflicts[\s\S]*alleged-perpetrator in CV-/);
    expectCliError(v.raw('enquiry', 'decide', e.id, '--accept'), 'CONFLICT_CHECK_UNRESOLVED');
    expectCliError(v.raw('enquiry', 'decide', e.id, '--accept', '--decline'), 'USAGE', 2);
    const done = v.json(
      'enquiry',
      'decide',
      e.id,
      '--accept',
      '--conflicts-reviewed',
      '--title',
      'F. Ali v. State',
      '--enquirer-role',
      'family',
    );
    expect(done).toMatchObject({ status: 'accepted', caseId: expect.any(String) });
    expect(v.json('case', 'show', done.caseId)).toMatchObject({ title: 'F. Ali v. State', status: 'active' });
    expect(v.json('enquiry', 'list', '--status', 'accepted')).toHaveLength(1);
    const e2 = v.json('enquiry', 'add', '--channel', 'email', '--summary', 'Land dispute', '--from', 'X Y');
    expectCliError(v.raw('enquiry', 'decide', e2.id, '--decline'), 'INVALID_INPUT');
    expect(v.json('enquiry', 'decide', e2.id, '--decline', '--reason', 'Outside mandate')).toMatchObject({
      status: 'declined',
    });
  });
});

describe('case-vault demo', () => {
  it('fills a new vault and refuses to run twice', () => {
    const v = cliVault();
    const s = v.json('demo', '--cases', '12', '--evidence-cases', '1');
    expect(s).toMatchObject({ cases: 12, evidence: 3, partners: 5 });
    expect(v.json('case', 'list', '--limit', '100')).toHaveLength(12);
    expectCliError(v.raw('demo', '--cases', '3'), 'VAULT_NOT_EMPTY');
    expectCliError(v.raw('demo', '--cases', 'many'), 'USAGE', 2);
  });
});
