// Donor reports on a real vault (report-fixture.ts): every aggregate by its exact value, the
// consent rule, left-out cases, case stories, every refusal (nothing written, no audit entry),
// the atomic write and its audit entry.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DonorReportModel, ReportCell } from '../../../shared/domain/reports.js';
import { listAudit } from '../../../src-main/engine/audit/audit-log.js';
import { updateCase } from '../../../src-main/engine/cases/case-service.js';
import { addOutcome } from '../../../src-main/engine/outcomes/outcome-service.js';
import { updatePerson } from '../../../src-main/engine/people/person-service.js';
import {
  buildDonorReport,
  exportDonorReport,
  writeDonorReport,
} from '../../../src-main/engine/reports/donor-report.js';
import { ageBand, bucketsOf, granularityOf } from '../../../src-main/engine/reports/aggregates.js';
import { addEnquiry, decideEnquiry } from '../../../src-main/engine/enquiries/enquiry-service.js';
import { codeOf, tempDir } from '../../helpers.js';
import { codeOfSync, newDomain } from '../domain-helpers.js';
import { giveConsent, PERIOD, reportFixture } from './report-fixture.js';

const show = (c: ReportCell) => (c.state === 'value' ? c.value : c.state);
const table = (m: DonorReportModel, id: string) => {
  const t = m.tables.find((x) => x.id === id)!;
  return {
    rows: Object.fromEntries(t.rows.map((r) => [r.key, show(r.cell)])),
    total: show(t.total),
    withheld: t.withheld,
  };
};

describe('age bands and time buckets', () => {
  it.each([
    ['1990', '2026-06-30', '26-40'],
    ['2008', '2026-03-01', '0-17'], // a year alone counts from 1 July: 17 on 1 March 2026
    ['2008', '2026-07-01', '18-25'],
    ['2008-03', '2026-03-14', '0-17'], // a month alone counts from the 15th
    ['2008-03', '2026-03-15', '18-25'],
    ['2008-03-20', '2026-03-19', '0-17'],
    ['2008-03-20', '2026-03-20', '18-25'],
    ['2000-06-30', '2026-06-30', '26-40'],
    ['1985-07-01', '2026-06-30', '26-40'],
    ['1985-06-30', '2026-06-30', '41-60'],
    ['1965-06-30', '2026-06-30', '61+'],
    ['2027', '2026-06-30', null],
    [null, '2026-06-30', null],
    ['about 1990', '2026-06-30', null],
  ])('born %s, on %s → %s', (birth, day, band) => {
    expect(ageBand(birth, day)).toBe(band);
  });

  it('cuts the period into months, quarters or years', () => {
    expect(granularityOf('2026-01-01', '2026-03-31')).toBe('month');
    expect(granularityOf('2026-01-01', '2026-04-01')).toBe('quarter');
    expect(granularityOf('2021-01-01', '2025-12-31')).toBe('quarter');
    expect(granularityOf('2020-01-01', '2025-12-31')).toBe('year');
    expect(bucketsOf('2026-01-15', '2026-03-02', 'month')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(bucketsOf('2025-11-15', '2026-02-01', 'quarter')).toEqual(['2025-Q4', '2026-Q1']);
    expect(bucketsOf('2025-02-15', '2026-12-01', 'quarter')).toEqual([
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(bucketsOf('2019-05-01', '2026-01-01', 'year')).toEqual([
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
  });
});

describe('buildDonorReport', () => {
  it('counts exactly what consent allows, suppressed and labelled', async () => {
    const f = await reportFixture();
    const before = f.auditCount();
    const { model: m, leftOut, redactions } = buildDonorReport(f.ctx, { ...PERIOD, projects: ['P1'] });
    expect(f.auditCount()).toBe(before);

    expect(m).toMatchObject({
      version: 1,
      language: 'en',
      dir: 'ltr',
      title: 'Donor report',
      k: 5,
      period: { from: '2026-01-01', to: '2026-06-30', label: 'January 1, 2026 to June 30, 2026' },
      prepared: { month: '2026-11', label: 'November 2026' },
    });
    expect(m.scope).toEqual({ projects: ['P1'], donorCodes: [], byTag: false, label: 'Projects: P1' });
    // A1–A10 opened in the period; E active and closed in it; B, C, C2, D lack consent; F, G, H are out
    expect(m.summary.map((r) => [r.key, r.label, show(r.cell)])).toEqual([
      ['cases-opened', 'Cases opened', 10],
      ['cases-active', 'Cases active', 11],
      ['cases-closed', 'Cases closed', 'small'],
      ['people-supported', 'People supported', 11],
    ]);
    expect(m.enquiries).toEqual({
      included: false,
      rows: [],
      note: expect.stringMatching(/^Enquiries are counted only in a report on all the cases/),
    });
    // female 8 (hidden with male 3: 3 alone would be 11 − 8), male 3
    expect(table(m, 'people-by-gender')).toEqual({
      rows: { female: 'hidden', male: 'small', 'non-binary': 0, other: 0, undisclosed: 0, unknown: 0 },
      total: 11,
      withheld: null,
    });
    // at 2026-06-30: A1–A8 (1990) 35, A9 16, E 76, A10 unknown
    expect(table(m, 'people-by-age')).toEqual({
      rows: { '0-17': 'small', '18-25': 0, '26-40': 'hidden', '41-60': 0, '61+': 'small', unknown: 'small' },
      total: 11,
      withheld: null,
    });
    // KE 9; UG 2 is below k: added up under "other" rather than named
    expect(table(m, 'people-by-country')).toEqual({
      rows: { KE: 'hidden', other: 'small', unknown: 0 },
      total: 11,
      withheld: null,
    });
    expect(m.tables.find((x) => x.id === 'people-by-country')!.rows.map((r) => r.label)).toEqual([
      'Kenya',
      'Other countries',
      'Not recorded',
    ]);
    expect(table(m, 'cases-by-forum')).toEqual({
      rows: {
        'domestic-court': 'hidden',
        'regional-commission': 0,
        'regional-court': 0,
        'un-treaty-body': 'small',
        'un-special-procedure': 0,
        other: 0,
        none: 0,
      },
      total: 11,
      withheld: null,
    });
    expect(table(m, 'cases-by-stage').rows).toMatchObject({ merits: 'hidden', judgment: 'small', preparation: 0 });
    // B's outcome does not count
    expect(table(m, 'outcomes-by-category')).toEqual({
      rows: { declaratory: 10, 'truth-telling': 0, material: 6, movement: 0, attitudes: 0 },
      total: 16,
      withheld: null,
    });
    expect(table(m, 'outcomes-over-time')).toEqual({
      rows: { '2026-Q1': 10, '2026-Q2': 6 },
      total: 16,
      withheld: null,
    });
    expect(m.tables.find((x) => x.id === 'outcomes-over-time')!.rows.map((r) => r.label)).toEqual([
      'Q1 2026',
      'Q2 2026',
    ]);
    // met 7, missed 1: "< 5" + hidden (≥ 5) = 8 would leave 1 … 3 only → withheld
    expect(table(m, 'deadlines')).toEqual({ rows: {}, total: 8, withheld: 'unprotectable' });
    // EUR from 5 cases (paid from 3: not shown); KES from 1 case: no row at all
    expect(m.reparations.rows).toEqual([
      { currency: 'EUR', cases: { state: 'value', value: 5 }, awarded: '5002.50', paid: null },
    ]);
    expect(
      m.indicators.rows.map((r) => [
        r.dimension,
        show(r.cases),
        show(r.indicators),
        show(r.atTarget),
        r.averageProgress,
      ]),
    ).toEqual([
      ['survivor', 'small', 'hidden', 'hidden', null],
      ['community', 0, 0, 0, null],
      // A3's value of August is after the period: (1 + 1 + .5 + .5 + .5) / 5
      ['policy', 5, 5, 'small', 0.7],
      ['society', 0, 0, 0, null],
    ]);

    expect(leftOut.map((l) => [l.caseReference, l.from, l.reason, l.people])).toEqual([
      ['REF-A2', 'vignettes', 'consent-absent', 1],
      ['REF-B', 'report', 'consent-absent', 1],
      ['REF-C', 'report', 'consent-withdrawn', 1],
      // valid through the period, expired before the report is made: out
      ['REF-C2', 'report', 'consent-expired', 1],
      ['REF-D', 'report', 'no-survivor', 0],
    ]);
    // every redaction says where, never what
    expect(redactions.filter((r) => r.caseReference === null).map((r) => `${r.kind} ${r.where}`)).toEqual([
      'small-cell summary · cases-closed',
      'hidden-cell people-by-gender · female',
      'small-cell people-by-gender · male',
      'small-cell people-by-age · 0-17',
      'hidden-cell people-by-age · 26-40',
      'small-cell people-by-age · 61+',
      'small-cell people-by-age · unknown',
      'hidden-cell people-by-country · KE',
      'small-cell people-by-country · other',
      'hidden-cell cases-by-forum · domestic-court',
      'small-cell cases-by-forum · un-treaty-body',
      'hidden-cell cases-by-stage · merits',
      'small-cell cases-by-stage · judgment',
      'withheld-table deadlines',
      'suppressed-sum reparations · EUR · paid',
      'suppressed-sum reparations · KES',
      'suppressed-indicator indicators · survivor',
      'small-cell indicators · policy · at target',
    ]);
  });

  it('tells stories only of cases where everyone consented, with pseudonyms and months', async () => {
    const f = await reportFixture();
    updateCase(f.ctx, {
      id: f.cases.A1!.id,
      country: 'KE',
      summary:
        'S1 Zed was beaten by police on 3 March 2026. The court heard s1 zed in camera. Her lawyer spoke to S2 Zed. She lives at Kibera.',
    });
    const { model, redactions, leftOut } = buildDonorReport(f.ctx, { ...PERIOD, projects: ['P1'] });
    // A1–A5 and A6 have two outcomes each; A2 has a witness without consent
    expect(model.vignettes).toHaveLength(5);
    const first = model.vignettes[0]!;
    expect(first).toEqual({
      heading: 'Case story 1',
      facts: [
        { label: 'Forum', value: 'Domestic court' },
        { label: 'Stage', value: 'Merits' },
        { label: 'Country', value: 'Kenya' },
        { label: 'Opened', value: '2026' },
        { label: 'People', value: 'Person A (survivor)' },
        { label: 'Outcomes', value: 'Declaratory relief (March 2026); Material reparation (May 2026)' },
      ],
      paragraphs: [
        'Person A was beaten by police in March 2026. The court heard Person A in camera.',
        'The court declared the detention unlawful.',
        'The state was ordered to pay compensation.',
      ],
    });
    // S2 is another case's survivor; "Kibera" is unknown to this vault but capitalised
    expect(redactions.filter((r) => r.caseReference === 'REF-A1').map((r) => [r.kind, r.where, r.count])).toEqual([
      ['date', 'Case story 1 · summary · sentence 1', 1],
      ['name', 'Case story 1 · summary · sentence 1', 1],
      ['name', 'Case story 1 · summary · sentence 2', 1],
      ['other-name', 'Case story 1 · summary · sentence 3', 1],
      ['possible-name', 'Case story 1 · summary · sentence 4', 1],
    ]);
    expect(JSON.stringify(model)).not.toMatch(/REF-|Zed|Kibera|2026-03-03|A2/);
    expect(leftOut.find((l) => l.caseReference === 'REF-A2')).toMatchObject({
      from: 'vignettes',
      reason: 'consent-absent',
    });

    const none = buildDonorReport(f.ctx, { ...PERIOD, projects: ['P1'], vignettes: false });
    expect(none.model.vignettes).toEqual([]);
    expect(none.leftOut.map((l) => l.from)).toEqual(['report', 'report', 'report', 'report']);
  });

  it('takes nothing from a person or case without consent: changing them changes nothing', async () => {
    const f = await reportFixture();
    const before = buildDonorReport(f.ctx, { ...PERIOD, projects: ['P1'] });
    updatePerson(f.ctx, { id: f.people.SB!.id, gender: 'female', birthDate: '2015-01-01', country: 'KE' });
    updatePerson(f.ctx, { id: f.people.W2!.id, gender: 'female', birthDate: '1970', country: 'UG' });
    updateCase(f.ctx, { id: f.cases.B!.id, forum: 'un-treaty-body', stage: 'filed', summary: 'Another story.' });
    addOutcome(f.ctx, {
      caseId: f.cases.C!.id,
      kind: 'truth-telling',
      description: 'Counted nowhere.',
      achievedOn: '2026-02-01',
    });
    expect(buildDonorReport(f.ctx, { ...PERIOD, projects: ['P1'] })).toEqual(before);
    // the one whose consent does count moves the numbers
    giveConsent(f.ctx, f.people.SB!.id, f.cases.B!.id);
    const after = buildDonorReport(f.ctx, { ...PERIOD, projects: ['P1'] });
    expect(after.model.summary.find((r) => r.key === 'cases-active')!.cell).toEqual({ state: 'value', value: 12 });
  });

  it('selects by tag, project and donor code (any value of a kind; every kind given)', async () => {
    const f = await reportFixture();
    updateCase(f.ctx, { id: f.cases.G!.id, donorCode: 'GRANT-7', tags: ['detention'] });
    for (const n of ['A1', 'A2', 'A3', 'A4', 'A5']) updateCase(f.ctx, { id: f.cases[n]!.id, donorCode: 'GRANT-7' });
    const active = (input: object) =>
      buildDonorReport(f.ctx, { ...PERIOD, ...input }).model.summary.find((r) => r.key === 'cases-active')!.cell;
    expect(active({ donorCodes: ['GRANT-7'] })).toEqual({ state: 'value', value: 6 });
    expect(active({ donorCodes: ['GRANT-7'], projects: ['P1'] })).toEqual({ state: 'value', value: 5 });
    expect(active({ projects: ['P1', 'P2'] })).toEqual({ state: 'value', value: 12 });
    expect(active({ tags: ['DETENTION'] })).toEqual({ state: 'small' });
    expect(buildDonorReport(f.ctx, { ...PERIOD, tags: ['detention'] }).model.scope.label).toBe('cases selected by tag');
  });

  it('counts enquiries in a report on every case, by the day they came in and were decided', async () => {
    const d = await newDomain('2026-11-21T12:00:00.000Z');
    for (let i = 0; i < 7; i++)
      addEnquiry(d.ctx, {
        receivedOn: '2026-02-01',
        channel: 'phone',
        summary: 'Asked for help.',
        enquirerName: `Caller ${i}`,
      });
    const e = addEnquiry(d.ctx, {
      receivedOn: '2025-12-01',
      channel: 'email',
      summary: 'Old enquiry.',
      enquirerName: 'Old caller',
    });
    d.setNow('2026-03-01');
    decideEnquiry(d.ctx, { id: e.id, decision: 'decline', reason: 'Outside our mandate.' });
    d.setNow('2026-11-21');
    const { model } = buildDonorReport(d.ctx, PERIOD);
    expect(model.enquiries.included).toBe(true);
    expect(model.enquiries.rows.map((r) => [r.key, show(r.cell)])).toEqual([
      ['received', 7],
      ['accepted', 0],
      ['referred', 0],
      ['declined', 'small'],
    ]);
    expect(model.scope.label).toBe('All cases of the organisation');
    expect(model.notes).toContain('Enquiry counts say nothing about the people who made them.');
  });

  it('speaks French, Spanish and Arabic', async () => {
    const f = await reportFixture();
    const fr = buildDonorReport(f.ctx, { ...PERIOD, projects: ['P1'], language: 'fr' }).model;
    expect(fr.title).toBe('Rapport aux bailleurs de fonds');
    expect(fr.period.label).toBe('du 1 janvier 2026 au 30 juin 2026');
    expect(fr.summary[0]!.label).toBe('Affaires ouvertes');
    expect(fr.tables.find((x) => x.id === 'people-by-country')!.rows[0]!.label).toBe('Kenya');
    const ar = buildDonorReport(f.ctx, { ...PERIOD, projects: ['P1'], language: 'ar' }).model;
    expect(ar.dir).toBe('rtl');
    expect(ar.summary[1]!.label).toBe('القضايا الجارية');
    expect(ar.tables.find((x) => x.id === 'people-by-country')!.rows[0]!.label).toBe('كينيا');
    expect(
      buildDonorReport(f.ctx, { ...PERIOD, projects: ['P1'], language: 'es' }).model.vignettes[0]!.facts.at(-1)!.value,
    ).toBe('Declaración de violación (marzo de 2026); Reparación material (mayo de 2026)');
  });
});

describe('bad input: a clear refusal, nothing written', () => {
  it.each([
    [{ ...PERIOD, k: 4 }, 'REPORT_K_TOO_SMALL'],
    [{ ...PERIOD, k: 0 }, 'REPORT_K_TOO_SMALL'],
    [{ ...PERIOD, k: -5 }, 'REPORT_K_TOO_SMALL'],
    [{ ...PERIOD, k: 4.5 }, 'INVALID_INPUT'],
    [{ ...PERIOD, k: 101 }, 'INVALID_INPUT'],
    [{ from: '2026-07-01', to: '2026-06-30' }, 'REPORT_PERIOD_INVALID'],
    [{ from: '2026-02-30', to: '2026-06-30' }, 'INVALID_INPUT'],
    [{ ...PERIOD, tags: ['no-such-tag'] }, 'REPORT_EMPTY_SCOPE'],
    [{ ...PERIOD, projects: ['p1'] }, 'REPORT_EMPTY_SCOPE'],
    [{ from: '2020-01-01', to: '2020-12-31' }, 'REPORT_NO_DATA'],
    [{ ...PERIOD, title: 'Report on S1 Zed' }, 'REPORT_UNSAFE_TEXT'],
    [{ ...PERIOD, title: 'Report of 3 March 2026' }, 'REPORT_UNSAFE_TEXT'],
    [{ ...PERIOD, title: 'Report REF-A1' }, 'REPORT_UNSAFE_TEXT'],
    [{ ...PERIOD, language: 'de' }, 'INVALID_INPUT'],
    [{ ...PERIOD, colour: 'red' }, 'INVALID_INPUT'],
  ])('%j → %s', async (input, code) => {
    const f = await reportFixture();
    const before = f.auditCount();
    expect(codeOfSync(() => buildDonorReport(f.ctx, input as never))).toBe(code);
    const out = tempDir();
    expect(
      await codeOf(exportDonorReport(f.ctx, input as never, { format: 'html', out: path.join(out, 'r.html') })),
    ).toBe(code);
    expect(fs.readdirSync(out)).toEqual([]);
    expect(f.auditCount()).toBe(before);
  });

  it('names the limit and the values in its sentences', async () => {
    const f = await reportFixture();
    expect(() => buildDonorReport(f.ctx, { ...PERIOD, k: 3 })).toThrow(
      'k must be at least 5: counts below 5 are never shown, and k can only be raised (you gave 3).',
    );
    expect(() => buildDonorReport(f.ctx, { from: '2026-07-01', to: '2026-06-30' })).toThrow(
      'The period ends (2026-06-30) before it starts (2026-07-01); give --from before --to.',
    );
    // the title refusal does not repeat the name
    expect(() => buildDonorReport(f.ctx, { ...PERIOD, title: 'Report on S1 Zed' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('Zed') }),
    );
  });

  it('refuses an output folder that is missing or not a folder, and an existing file', async () => {
    const f = await reportFixture();
    const dir = tempDir();
    const before = f.auditCount();
    const input = { ...PERIOD, projects: ['P1'] };
    expect(
      await codeOf(exportDonorReport(f.ctx, input, { format: 'csv', out: path.join(dir, 'missing', 'r.csv') })),
    ).toBe('REPORT_OUTPUT_UNWRITABLE');
    fs.writeFileSync(path.join(dir, 'a-file'), 'x');
    expect(
      await codeOf(exportDonorReport(f.ctx, input, { format: 'csv', out: path.join(dir, 'a-file', 'r.csv') })),
    ).toBe('REPORT_OUTPUT_UNWRITABLE');
    fs.writeFileSync(path.join(dir, 'old.csv'), 'keep me');
    const { model } = buildDonorReport(f.ctx, input);
    expect(await codeOf(writeDonorReport(f.ctx, model, { format: 'csv', out: path.join(dir, 'old.csv') }))).toBe(
      'EXPORT_TARGET_EXISTS',
    );
    expect(fs.readFileSync(path.join(dir, 'old.csv'), 'utf8')).toBe('keep me');
    expect(fs.readdirSync(dir).sort()).toEqual(['a-file', 'old.csv']);
    expect(f.auditCount()).toBe(before);
  });

  it('refuses a PDF in a script it has no font for, a report with nothing to show, and a model that carries a name of the vault', async () => {
    const f = await reportFixture();
    const dir = tempDir();
    const before = f.auditCount();
    const { model: ar } = buildDonorReport(f.ctx, { ...PERIOD, projects: ['P1'], language: 'ar' });
    expect(
      await codeOf(
        writeDonorReport(f.ctx, { ...ar, title: '捐助者报告' }, { format: 'pdf', out: path.join(dir, 'r.pdf') }),
      ),
    ).toBe('REPORT_SCRIPT_UNSUPPORTED');
    // only C2 (expired consent) and the like are active in this project: all zeros
    updateCase(f.ctx, { id: f.cases.C2!.id, project: 'P9' });
    const empty = buildDonorReport(f.ctx, { ...PERIOD, projects: ['P9'] });
    expect(empty.leftOut.map((l) => l.reason)).toEqual(['consent-expired']);
    expect(await codeOf(writeDonorReport(f.ctx, empty.model, { format: 'html', out: path.join(dir, 'e.html') }))).toBe(
      'REPORT_NO_DATA',
    );
    const { model } = buildDonorReport(f.ctx, { ...PERIOD, projects: ['P1'] });
    const tampered = { ...model, vignettes: [{ ...model.vignettes[0]!, paragraphs: ['It was s2 zed.'] }] };
    expect(await codeOf(writeDonorReport(f.ctx, tampered, { format: 'html', out: path.join(dir, 't.html') }))).toBe(
      'REPORT_UNSAFE_TEXT',
    );
    expect(
      await codeOf(
        writeDonorReport(f.ctx, { ...model, extra: 1 } as never, { format: 'html', out: path.join(dir, 'x.html') }),
      ),
    ).toBe('INVALID_INPUT');
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(f.auditCount()).toBe(before + 1); // the updateCase above, nothing else
  });
});

describe('writeDonorReport', () => {
  it('writes each format atomically with one audit entry that names no one', async () => {
    const f = await reportFixture();
    const dir = tempDir();
    const { model } = buildDonorReport(f.ctx, { ...PERIOD, projects: ['P1'] });
    for (const format of ['html', 'csv', 'pdf'] as const) {
      const before = f.auditCount();
      const out = path.join(dir, `report.${format}`);
      const w = await writeDonorReport(f.ctx, model, { format, out });
      const bytes = fs.readFileSync(out);
      expect(w).toEqual({
        file: out,
        format,
        bytes: bytes.length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        vignettes: 5,
      });
      expect(f.auditCount()).toBe(before + 1);
      const entry = listAudit(f.ctx.db, { afterSeq: before })[0]!;
      expect(entry).toMatchObject({
        action: 'report.donor-written',
        subject: null,
        details: {
          format,
          language: 'en',
          from: '2026-01-01',
          to: '2026-06-30',
          k: 5,
          tables: 8,
          smallCells: 8,
          hiddenCells: 5,
          withheldTables: 1,
          vignettes: 5,
          bytes: bytes.length,
          sha256: w.sha256,
        },
      });
      expect(JSON.stringify(entry)).not.toMatch(/Zed|REF-|report\.(html|csv|pdf)/);
    }
    // no temp file left beside them
    expect(fs.readdirSync(dir).sort()).toEqual(['report.csv', 'report.html', 'report.pdf']);
    expect(fs.readFileSync(path.join(dir, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
