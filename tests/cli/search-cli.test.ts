// note and search commands through the real CLI binary, as a script would use them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliVault, expectCliError } from './run-cli.js';

const MISSING = '01900000-0000-7000-8000-000000000000';

describe('case-vault note', () => {
  it('adds notes from --text and from a UTF-8 --file, lists them newest first, shows and updates one', () => {
    const v = cliVault();
    const c = v.json('case', 'add', '--title', 'Kamiti detention', '--reference', 'KE-7');
    const a = v.json('note', 'add', '--case', c.id, '--text', 'Met the witness at the clinic.', '--author', 'AK');
    expect(a).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      caseId: c.id,
      body: 'Met the witness at the clinic.',
      author: 'AK',
      version: 1,
    });
    const file = path.join(v.base, 'note.txt');
    fs.writeFileSync(file, '\ufeffLe détenu a été frappé.\nСвидетель задержан.\n');
    const b = v.json('note', 'add', '--case', c.id, '--file', file);
    expect(b.body).toBe('Le détenu a été frappé.\nСвидетель задержан.');
    expect(v.json('note', 'list', '--case', c.id).map((n: { id: string }) => n.id)).toEqual([b.id, a.id]);
    expect(
      v.json('note', 'list', '--case', c.id, '--limit', '1', '--offset', '1').map((n: { id: string }) => n.id),
    ).toEqual([a.id]);
    expect(v.json('note', 'show', a.id)).toEqual(a);
    expect(
      v.json('note', 'update', a.id, '--text', 'Met the witness at home.', '--expected-version', '1'),
    ).toMatchObject({ body: 'Met the witness at home.', version: 2 });
    expectCliError(v.raw('note', 'update', a.id, '--text', 'stale', '--expected-version', '1'), 'CONFLICT');

    const human = v.raw('note', 'list', '--case', c.id);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^ID\s+CREATED\s+AUTHOR\s+TEXT/);
    expect(human.stdout).toContain('Le détenu a été frappé. Свидетель задержан.');
    const shown = v.raw('note', 'show', a.id);
    expect(shown.stdout).toMatch(/text:\s+Met the witness at home\./);
  });

  it('refuses bad input with the engine’s codes, and writes nothing', () => {
    const v = cliVault();
    const c = v.json('case', 'add', '--title', 'A');
    const empty = v.raw('note', 'add', '--case', c.id, '--text', '   ');
    expectCliError(empty, 'INVALID_INPUT');
    expect(empty.stderr).toMatch(/body: must not be empty/);
    const none = v.raw('note', 'add', '--case', c.id);
    expectCliError(none, 'INVALID_INPUT');
    expect(none.stderr).toMatch(/body: is required/);
    expectCliError(v.raw('note', 'add', '--text', 'x'), 'INVALID_INPUT');
    expectCliError(v.raw('note', 'add', '--case', MISSING, '--text', 'x'), 'NOT_FOUND');
    expectCliError(v.raw('note', 'add', '--case', c.id, '--text', 'x'.repeat(20_001)), 'INVALID_INPUT');
    expectCliError(v.raw('note', 'add', '--case', c.id, '--text', 'x', '--file', 'y'), 'USAGE', 2);
    expectCliError(v.raw('note', 'add', '--case', c.id, '--file', path.join(v.base, 'missing.txt')), 'IO_ERROR');
    const latin1 = path.join(v.base, 'latin1.txt');
    fs.writeFileSync(latin1, Buffer.from([0x64, 0xe9, 0x74, 0x65, 0x6e, 0x75]));
    const bad = v.raw('note', 'add', '--case', c.id, '--file', latin1);
    expectCliError(bad, 'INVALID_INPUT');
    expect(bad.stderr).toMatch(/not UTF-8/);
    expectCliError(v.raw('note', 'list', '--case', MISSING), 'NOT_FOUND');
    expectCliError(v.raw('note', 'list', '--case', c.id, '--limit', 'ten'), 'USAGE', 2);
    expectCliError(v.raw('note', 'show', MISSING), 'NOT_FOUND');
    expect(v.json('note', 'list', '--case', c.id)).toEqual([]);
  });
});

describe('case-vault search', () => {
  function seeded() {
    const v = cliVault();
    const c = v.json(
      'case',
      'add',
      '--title',
      'Kamiti detention',
      '--reference',
      'KE-7',
      '--summary',
      'Beaten by police at the checkpoint',
    );
    const other = v.json('case', 'add', '--title', 'Other', '--reference', 'UG-1');
    const n1 = v.json('note', 'add', '--case', c.id, '--text', 'The police officer beat the détenu.');
    const n2 = v.json('note', 'add', '--case', other.id, '--text', 'Police denied everything.');
    return { v, c, other, n1, n2 };
  }

  it('prints a JSON array of hits, with snippets as segments; filters by kind and case; pages', () => {
    const { v, c, other, n1, n2 } = seeded();
    const hits = v.json('search', 'police');
    expect(hits.map((h: { id: string }) => h.id).sort()).toEqual([c.id, n1.id, n2.id].sort());
    const note = hits.find((h: { id: string }) => h.id === n1.id);
    expect(note).toEqual({
      kind: 'note',
      id: n1.id,
      caseId: c.id,
      caseReference: 'KE-7',
      caseTitle: 'Kamiti detention',
      snippet: [
        { text: 'The ', match: false },
        { text: 'police', match: true },
        { text: ' officer beat the détenu.', match: false },
      ],
      rank: expect.any(Number),
    });
    expect(v.json('search', 'detenu').map((h: { id: string }) => h.id)).toEqual([n1.id]);
    expect(
      v
        .json('search', 'police', '--kind', 'note')
        .map((h: { id: string }) => h.id)
        .sort(),
    ).toEqual([n1.id, n2.id].sort());
    expect(v.json('search', 'police', '--kind', 'case,evidence').map((h: { id: string }) => h.id)).toEqual([c.id]);
    expect(v.json('search', 'police', '--case', other.id).map((h: { id: string }) => h.id)).toEqual([n2.id]);
    expect(v.json('search', 'police', '--limit', '1')).toHaveLength(1);
    expect(v.json('search', 'police', '--limit', '2', '--offset', '2')).toHaveLength(1);
    expect(v.json('search', 'nothing-like-this')).toEqual([]);
  });

  it('takes several words as one query; FTS syntax is just text', () => {
    const { v, n1 } = seeded();
    expect(v.json('search', 'police', 'officer').map((h: { id: string }) => h.id)).toEqual([n1.id]);
    expect(v.json('search', 'police NOT')).toEqual([]);
    expect(v.json('search', 'police OR denied')).toEqual([]);
    expect(v.json('search', '"police officer"').map((h: { id: string }) => h.id)).toEqual([n1.id]);
    expect(v.json('search', 'body:police')).toEqual([]);
  });

  it('marks matches with [brackets] when stdout is not a terminal', () => {
    const { v, n1 } = seeded();
    const r = v.raw('search', 'officer');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`note     KE-7  Kamiti detention  (${n1.id})\n    The police [officer] beat the détenu.\n`);
    expect(r.stderr).toBe('1–1 of 1\n');
    expect(v.raw('search', 'zzzz').stdout).toBe('Nothing found.\n');
  });

  it('prints the kind of each hit: a person found by an alias, with the first case; a case found by a tag', () => {
    const v = cliVault();
    const c = v.json('case', 'add', '--title', 'Port detention', '--reference', 'KE-9', '--tag', 'Torture');
    const p = v.json('person', 'add', '--name', 'Hassan Ouazzani', '--alias', 'Abu Ali');
    v.json('person', 'link', '--person', p.id, '--case', c.id, '--role', 'witness');
    const r = v.raw('search', 'abu', 'ali');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      `person   Hassan Ouazzani  (first case KE-9 Port detention)  (${p.id})\n    Hassan Ouazzani · [Abu] [Ali]\n`,
    );
    expect(v.json('search', 'torture').map((h: { kind: string; id: string }) => [h.kind, h.id])).toEqual([
      ['case', c.id],
    ]);
  });

  it('marks matches in bold on a terminal', () => {
    const { v } = seeded();
    const r = spawnSync(
      'python3',
      [
        'tests/fixtures/pty_run.py',
        '[]',
        process.execPath,
        path.resolve('bin/case-vault'),
        'search',
        'officer',
        '--vault',
        v.vault,
        '--passphrase-file',
        v.pw,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, CASE_VAULT_PASSPHRASE: '', NO_COLOR: '' },
      },
    );
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain('The police \x1b[1mofficer\x1b[22m beat the détenu.');
    expect(r.stdout).not.toContain('[officer]');
  });

  it('refuses empty queries and bad options', () => {
    const { v, c } = seeded();
    expectCliError(v.raw('search', '   '), 'INVALID_INPUT');
    expectCliError(v.raw('search', '!!!'), 'INVALID_INPUT');
    const kind = v.raw('search', 'police', '--kind', 'tag');
    expectCliError(kind, 'INVALID_INPUT');
    expect(kind.stderr).toMatch(/kinds\.0: must be one of: note, case, evidence, person/);
    expectCliError(v.raw('search', 'police', '--limit', '101'), 'INVALID_INPUT');
    expectCliError(v.raw('search', 'police', '--case', 'KE-7'), 'INVALID_INPUT');
    expectCliError(v.raw('search', 'police', '--limit', 'x'), 'USAGE', 2);
    expectCliError(v.raw('search'), 'USAGE', 2);
    expect(v.json('search', 'police', '--case', c.id)).toHaveLength(2);
  });
});
