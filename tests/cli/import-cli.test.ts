// import preflight | run | mappings and export cases | deadlines | people through the real CLI
// binary: JSON and human output, the one-line errors, the plain-text warnings, Ctrl-C.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliVault, expectCliError } from './run-cli.js';

const FIXTURES = path.resolve('tests/fixtures/import');
const fixture = (name: string) => path.join(FIXTURES, name);

describe('case-vault import', () => {
  it('preflight shows the encoding, the mapping and each row, changes nothing, saves a mapping', () => {
    const v = cliVault();
    const p = v.json(
      'import',
      'preflight',
      fixture('cases-fr-windows-1252.csv'),
      '--kind',
      'cases',
      '--save-mapping',
      'FR',
    );
    expect(p.format).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(p.counts).toMatchObject({ rows: 2, create: 2 });
    expect(v.json('case', 'list')).toEqual([]);
    expect(v.json('import', 'mappings')).toMatchObject([{ name: 'FR', kind: 'cases' }]);
    const human = v.raw(
      'import',
      'preflight',
      fixture('cases-fr-windows-1252.csv'),
      '--kind',
      'cases',
      '--mapping',
      'FR',
    );
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('Encoding:  windows-1252 (detected); separator: semicolon');
    expect(human.stdout).toContain('Titre -> title');
    expect(human.stdout).toMatch(/line +2 +create +IMP-301/);
    expect(human.stdout).toContain(
      'Would create 2, update 0, leave 0 unchanged, refuse 0 (of 2 rows). Nothing was changed.',
    );
    const dry = v.json('import', 'run', fixture('cases-fr-windows-1252.csv'), '--kind', 'cases', '--dry-run');
    expect(dry.counts).toEqual(p.counts);
    expect(v.json('case', 'list')).toEqual([]);
  });

  it('run: refused rows beside a summary with a plain-text warning; the same file again needs --again', () => {
    const v = cliVault();
    const dir = path.join(v.base, 'reports');
    fs.mkdirSync(dir);
    const r = v.raw('import', 'run', fixture('cases-malformed.csv'), '--kind', 'cases', '--report-dir', dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /warning: cases-malformed\.import-\S+\.refused\.csv holds the 8 refused rows as plain text/,
    );
    expect(r.stdout).toMatch(/line +4 +refused +IMPORT_FORMULA: Cell 2 of this row is a spreadsheet formula/);
    expect(r.stdout).toContain('Imported: created 2, updated 0, unchanged 0, refused 8 (of 10 rows read).');
    expect(
      fs
        .readdirSync(dir)
        .sort()
        .map((f) => f.replace(/\d{8}-\d{6}/, 'T')),
    ).toEqual(['cases-malformed.import-T.refused.csv', 'cases-malformed.import-T.summary.txt']);
    expectCliError(
      v.raw('import', 'run', fixture('cases-malformed.csv'), '--kind', 'cases', '--report-dir', dir),
      'IMPORT_ALREADY_IMPORTED',
    );
    const again = v.json(
      'import',
      'run',
      fixture('cases-malformed.csv'),
      '--kind',
      'cases',
      '--report-dir',
      dir,
      '--again',
    );
    expect(again.counts).toMatchObject({ unchanged: 2, refuse: 8 });
  });

  it('errors: a workbook, an unknown kind, a bad --map, a missing required column', () => {
    const v = cliVault();
    const xlsx = path.join(v.base, 'cases.xlsx');
    fs.writeFileSync(xlsx, 'PK\x03\x04');
    const r = v.raw('import', 'preflight', xlsx, '--kind', 'cases');
    expectCliError(r, 'IMPORT_NOT_CSV');
    expect(r.stderr).toContain('save it as “CSV UTF-8 (comma delimited)”');
    expectCliError(v.raw('import', 'preflight', fixture('people-en.csv'), '--kind', 'victims'), 'USAGE', 2);
    expectCliError(
      v.raw('import', 'preflight', fixture('people-en.csv'), '--kind', 'people', '--map', 'fullName'),
      'USAGE',
      2,
    );
    expectCliError(
      v.raw('import', 'preflight', fixture('people-en.csv'), '--kind', 'partners'),
      'IMPORT_MAPPING_INCOMPLETE',
    );
    expectCliError(
      v.raw('import', 'run', fixture('people-en.csv'), '--kind', 'people', '--mapping', 'none'),
      'IMPORT_MAPPING_UNKNOWN',
    );
  });

  it('Ctrl-C stops after the batch in hand and reports what was committed', async () => {
    const v = cliVault();
    const file = path.join(v.base, 'many.csv');
    fs.writeFileSync(file, ['title', ...Array.from({ length: 20_000 }, (_, i) => `Case ${i}`)].join('\n'));
    const child = spawn(
      process.execPath,
      [
        path.resolve('bin/case-vault'),
        'import',
        'run',
        file,
        '--kind',
        'cases',
        '--vault',
        v.vault,
        '--passphrase-file',
        v.pw,
      ],
      {
        env: { ...process.env, CASE_VAULT_PASSPHRASE: undefined, CASE_VAULT_DIR: undefined },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      // the handler is installed when this line appears
      if (stderr.includes('Ctrl-C stops after the batch in hand') && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(0);
    // the batch in hand when the signal came is kept, whole; the rest of the file is not read
    const m =
      /Cancelled after line (\d+); committed: created (\d+), updated 0, unchanged 0, refused 0 \(of (\d+) rows read\)/.exec(
        stdout,
      );
    expect(m, stdout).not.toBeNull();
    const created = Number(m![2]);
    expect(created % 500).toBe(0);
    expect(created).toBeGreaterThanOrEqual(500);
    expect(created).toBeLessThan(20_000);
    expect(Number(m![1])).toBe(created + 1);
    expect(v.json('case', 'list', '--limit', '1000')).toHaveLength(created);
  });
});

describe('case-vault export', () => {
  it('writes lists as CSV with a plain-text warning; never over an existing file; people need a case', () => {
    const v = cliVault();
    const c = v.json('case', 'add', '--title', '=2+2', '--reference', 'EXP-1');
    const p = v.json('person', 'add', '--name', 'Amina Yusuf');
    v.json('person', 'link', '--person', p.id, '--case', c.id, '--role', 'survivor');
    v.json('deadline', 'add', '--case', c.id, '--kind', 'hearing', '--title', 'Hearing', '--due', '2030-01-01');
    const cases = path.join(v.base, 'cases.csv');
    const r = v.raw('export', 'cases', '--csv', cases);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: cases.csv holds the list as plain text');
    expect(fs.readFileSync(cases, 'utf8')).toContain(`,EXP-1,'=2+2,active,`);
    expectCliError(v.raw('export', 'cases', '--csv', cases), 'EXPORT_TARGET_EXISTS');
    expectCliError(v.raw('export', 'people', '--csv', path.join(v.base, 'p.csv')), 'USAGE', 2);
    const people = v.json('export', 'people', '--case', 'EXP-1', '--csv', path.join(v.base, 'p.csv'));
    expect(people).toMatchObject({ list: 'people', rows: 1 });
    expect(fs.readFileSync(path.join(v.base, 'p.csv'), 'utf8')).toContain('Amina Yusuf,,,,,,EXP-1,survivor');
    expect(v.json('export', 'deadlines', '--csv', path.join(v.base, 'd.csv'))).toMatchObject({ rows: 1 });
    // an exported list comes back as it went out
    const back = v.json('import', 'preflight', cases, '--kind', 'cases');
    expect(back.counts).toMatchObject({ rows: 1, unchanged: 1 });
  });
});
