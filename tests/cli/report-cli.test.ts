// report donor (and the cases' --donor-code) through the real CLI binary, as a script would use it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOLD_ELEMENTS } from '../../shared/domain/consents.js';
import { createCase } from '../../src-main/engine/cases/case-service.js';
import { addConsent } from '../../src-main/engine/consents/consent-service.js';
import { domainContext } from '../../src-main/engine/domain/context.js';
import { addOutcome } from '../../src-main/engine/outcomes/outcome-service.js';
import { createPerson, linkPerson } from '../../src-main/engine/people/person-service.js';
import { pdfToText } from '../engine/reports/output-text.js';
import { newVault, PASSPHRASE, tempDir } from '../helpers.js';
import { cliVault, expectCliError, runCli } from './run-cli.js';

const PERIOD = ['--from', '2026-01-01', '--to', '2026-12-31'];
const NAMES = ['Wanjiku Kamau', 'Achieng Otieno', 'Nafula Wekesa', 'Chebet Kiprop', 'Njeri Mwangi', 'Atieno Ouma'];
const ANY_NAME = new RegExp(NAMES.join(' ').split(' ').join('|'), 'i');

/**
 * Six cases of project P1 under donor code D1; the survivors of five consented to donor reporting.
 * Built in-process (fast), then the vault is locked and only the report runs through the CLI.
 */
async function reportVault() {
  const { vault, dir } = await newVault();
  const ctx = domainContext(vault);
  const refs: string[] = [];
  for (let i = 1; i <= 6; i++) {
    const c = createCase(ctx, {
      title: `Case ${i}`,
      reference: `R-${i}`,
      project: 'P1',
      donorCode: 'D1',
      openedOn: '2026-02-01',
      forum: 'domestic-court',
      stage: 'merits',
      summary: `${NAMES[i - 1]!.split(' ')[0]!} was detained. The court heard the complaint.`,
    });
    const p = createPerson(ctx, { fullName: NAMES[i - 1]!, gender: 'female', birthDate: '1990-04-12', country: 'KE' });
    linkPerson(ctx, { personId: p.id, caseId: c.id, role: 'survivor' });
    if (i <= 5)
      addConsent(ctx, {
        personId: p.id,
        caseId: c.id,
        purpose: 'donor-reporting',
        told: [...TOLD_ELEMENTS],
        method: 'written',
        givenAt: '2026-01-10',
      });
    addOutcome(ctx, {
      caseId: c.id,
      kind: 'declaratory',
      description: 'The detention was declared unlawful.',
      achievedOn: '2026-03-02',
    });
    refs.push(c.reference);
  }
  vault.lock();
  const pw = path.join(tempDir('cv-pw-'), 'pw.txt');
  fs.writeFileSync(pw, PASSPHRASE + '\n');
  const raw = (...args: string[]) => runCli([...args, '--vault', dir, '--passphrase-file', pw]);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json = <T = any>(...args: string[]): T => {
    const r = raw(...args, '--json');
    if (r.status !== 0) throw new Error(`case-vault ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    return JSON.parse(r.stdout) as T;
  };
  return { raw, json, refs };
}

describe('case-vault report donor', () => {
  it('previews, then writes each format; the files name no one', async () => {
    const v = await reportVault();
    const out = tempDir('cv-report-out-');

    const preview = v.json('report', 'donor', ...PERIOD, '--project', 'P1', '--preview');
    expect(preview.model.summary.map((r: { key: string; cell: unknown }) => [r.key, r.cell])).toEqual([
      ['cases-opened', { state: 'value', value: 5 }],
      ['cases-active', { state: 'value', value: 5 }],
      ['cases-closed', { state: 'value', value: 0 }],
      ['people-supported', { state: 'value', value: 5 }],
    ]);
    expect(preview.leftOut).toEqual([
      { caseId: expect.any(String), caseReference: 'R-6', from: 'report', reason: 'consent-absent', people: 1 },
    ]);
    expect(preview.model.vignettes[0].paragraphs).toEqual([
      'Person A was detained. The court heard the complaint.',
      'The detention was declared unlawful.',
    ]);
    const plain = v.json(
      'report',
      'donor',
      ...PERIOD,
      '--project',
      'P1',
      '--preview',
      '--no-vignettes',
      '--k',
      '6',
      '--language',
      'fr',
    );
    expect(plain.model).toMatchObject({ vignettes: [], k: 6, language: 'fr', title: 'Rapport aux bailleurs de fonds' });
    const human = v.raw('report', 'donor', ...PERIOD, '--donor-code', 'D1', '--preview');
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^Donor report — January 1, 2026 to December 31, 2026 — Donor codes: D1 — k = 5/);
    expect(human.stdout).toMatch(/Cases active\s+5/);
    expect(human.stdout).toMatch(
      /Cases left out \(1\):\nCASE\s+LEFT OUT OF\s+REASON\s+PEOPLE\nR-6\s+the report\s+consent-absent\s+1/,
    );
    expect(human.stderr).toMatch(/Nothing was written/);

    for (const format of ['html', 'csv', 'pdf']) {
      const file = path.join(out, `report.${format}`);
      const r = v.json(
        'report',
        'donor',
        ...PERIOD,
        '--project',
        'P1',
        '--format',
        format,
        '--out',
        file,
        '--title',
        'Annual report 2026',
      );
      const bytes = fs.readFileSync(file);
      expect(r).toEqual({
        file,
        format,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        vignettes: 5,
        redactions: expect.any(Number),
        leftOut: 1,
      });
      expect(bytes.toString('latin1')).not.toMatch(ANY_NAME);
      expect(bytes.toString('latin1')).not.toMatch(/R-\d|1990-04-12/);
    }
    expect(fs.readFileSync(path.join(out, 'report.html'), 'utf8')).toContain('<h1>Annual report 2026</h1>');
    expect(fs.readdirSync(out).sort()).toEqual(['report.csv', 'report.html', 'report.pdf']);
    const arFile = path.join(out, 'ar.pdf');
    v.json('report', 'donor', ...PERIOD, '--project', 'P1', '--language', 'ar', '--format', 'pdf', '--out', arFile);
    expect(pdfToText(fs.readFileSync(arFile)).replace(/[\u200e\u200f\u202a-\u202e]/g, '')).toContain(
      'تقرير للجهات المانحة',
    );
    fs.rmSync(arFile);
    const human2 = v.raw('report', 'donor', ...PERIOD, '--format', 'csv', '--out', path.join(out, 'all.csv'));
    expect(human2.status).toBe(0);
    expect(human2.stdout).toMatch(/file:\s+.*all\.csv\nformat:\s+csv\n/);
    expect(human2.stderr).toMatch(/1 case\(s\) were left out for lack of consent; --preview lists them\./);
  }, 180_000);

  it('refuses bad input with a clear code and writes nothing', async () => {
    const v = await reportVault();
    const out = tempDir('cv-report-bad-');
    const file = path.join(out, 'r.pdf');
    const cases: Array<[string[], string, number?]> = [
      [[...PERIOD, '--k', '3', '--format', 'pdf', '--out', file], 'REPORT_K_TOO_SMALL'],
      [[...PERIOD, '--k', 'five', '--format', 'pdf', '--out', file], 'USAGE', 2],
      [['--from', '2026-12-31', '--to', '2026-01-01', '--format', 'pdf', '--out', file], 'REPORT_PERIOD_INVALID'],
      [['--to', '2026-12-31', '--format', 'pdf', '--out', file], 'INVALID_INPUT'],
      [[...PERIOD, '--tag', 'nothing', '--format', 'pdf', '--out', file], 'REPORT_EMPTY_SCOPE'],
      [['--from', '2019-01-01', '--to', '2019-12-31', '--format', 'pdf', '--out', file], 'REPORT_NO_DATA'],
      [[...PERIOD, '--out', file], 'INVALID_INPUT'],
      [[...PERIOD, '--format', 'docx', '--out', file], 'INVALID_INPUT'],
      [[...PERIOD, '--format', 'pdf', '--out', path.join(out, 'missing', 'r.pdf')], 'REPORT_OUTPUT_UNWRITABLE'],
      [[...PERIOD, '--title', '捐助者报告', '--format', 'pdf', '--out', file], 'REPORT_SCRIPT_UNSUPPORTED'],
      [[...PERIOD, '--title', 'Report on Nafula', '--format', 'pdf', '--out', file], 'REPORT_UNSAFE_TEXT'],
      [[...PERIOD, '--preview', '--out', file], 'USAGE', 2],
    ];
    for (const [args, code, exit] of cases) expectCliError(v.raw('report', 'donor', ...args), code, exit ?? 1);
    expect(fs.readdirSync(out)).toEqual([]);
    fs.writeFileSync(file, 'keep');
    expectCliError(v.raw('report', 'donor', ...PERIOD, '--format', 'pdf', '--out', file), 'EXPORT_TARGET_EXISTS');
    expect(fs.readFileSync(file, 'utf8')).toBe('keep');
    const bad = v.raw('report', 'donor', ...PERIOD, '--title', 'Report on Nafula', '--format', 'pdf', '--out', file);
    expect(bad.stderr).not.toMatch(/Nafula/);
  }, 180_000);

  it('cases carry a donor code: add, list by it, show, clear', () => {
    const v = cliVault();
    const a = v.json('case', 'add', '--title', 'A', '--donor-code', 'EU-2026-ACT');
    const b = v.json('case', 'add', '--title', 'B');
    expect(a.donorCode).toBe('EU-2026-ACT');
    expect(b.donorCode).toBeNull();
    expect(v.json('case', 'list', '--donor-code', 'EU-2026-ACT').map((c: { id: string }) => c.id)).toEqual([a.id]);
    expect(v.raw('case', 'show', a.id).stdout).toMatch(/donor code:\s+EU-2026-ACT/);
    expect(v.json('case', 'update', a.id, '--donor-code', '')).toMatchObject({ donorCode: null, version: 2 });
    expectCliError(v.raw('case', 'add', '--title', 'C', '--donor-code', 'x'.repeat(101)), 'INVALID_INPUT');
  });

  it('documents its options in help', () => {
    const v = cliVault();
    const help = v.raw('help', 'report', 'donor');
    expect(help.status).toBe(0);
    for (const opt of [
      '--from DATE',
      '--to DATE',
      '--tag T',
      '--project P',
      '--donor-code D',
      '--format F',
      '--out FILE',
      '--k N',
      '--no-vignettes',
      '--title TEXT',
      '--language L',
      '--preview',
    ])
      expect(help.stdout).toContain(opt);
  });
});
