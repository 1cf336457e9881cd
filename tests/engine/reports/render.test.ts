// The three renderers: a self-contained HTML file with a strict CSP and no script; CSV by RFC 4180
// with formula injection neutralised; a PDF whose text a real extractor reads back.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DonorReportModel } from '../../../shared/domain/reports.js';
import { buildDonorReport } from '../../../src-main/engine/reports/donor-report.js';
import { chartSpecs, chartSvg } from '../../../src-main/engine/reports/charts.js';
import { renderCsv } from '../../../src-main/engine/reports/render-csv.js';
import { csvField } from '../../../src-main/engine/util/csv.js';
import { HTML_CSP, renderHtml } from '../../../src-main/engine/reports/render-html.js';
import { renderPdf } from '../../../src-main/engine/reports/render-pdf.js';
import { pdfStreams, pdfToText } from './output-text.js';
import { PERIOD, reportFixture } from './report-fixture.js';

let en: DonorReportModel;
let fr: DonorReportModel;
let ar: DonorReportModel;

beforeAll(async () => {
  const f = await reportFixture();
  const input = { ...PERIOD, projects: ['P1'] };
  en = buildDonorReport(f.ctx, input).model;
  fr = buildDonorReport(f.ctx, { ...input, language: 'fr' }).model;
  ar = buildDonorReport(f.ctx, { ...input, language: 'ar' }).model;
}, 60_000);

/** Parse our CSV (RFC 4180) back into rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('HTML', () => {
  it('is self-contained: a strict CSP, no script, nothing to fetch', () => {
    const html = renderHtml(en);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_CSP.replace(/'/g, '&#39;')}">`);
    expect(HTML_CSP).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|<link|<img|<base|@import|javascript:|\son[a-z]+=/i);
    expect(html).not.toMatch(/\s(src|href|xlink:href)=/i);
    // the only URL is the SVG namespace (a name, never fetched); url(…) only points inside the file
    expect([...html.matchAll(/https?:\/\/[^\s"')]+/g)].map((m) => m[0])).toEqual(
      Array(3).fill('http://www.w3.org/2000/svg'),
    );
    expect([...html.matchAll(/url\(([^)]*)\)/g)].every((m) => m[1]!.startsWith('#'))).toBe(true);
  });

  it('shows small and hidden cells as words, withheld tables as a note, and escapes text', () => {
    const html = renderHtml({ ...en, title: '<script>alert("x")</script> & more' });
    expect(html).toContain('<td class="num small"><bdi dir="ltr">&lt; 5</bdi></td>');
    expect(html).toContain('<td class="num hidden">hidden</td>');
    expect(html).toContain('The breakdown is not shown: its small numbers could not be hidden safely.');
    expect(html).toContain('<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</h1>');
    expect(html).not.toContain('<script>');
  });

  it('draws the charts as SVG with the same suppression: a hidden number is a hatched mark, never a bar', () => {
    const specs = chartSpecs(en);
    expect(specs.map((s) => s.id)).toEqual(['outcomes-over-time', 'cases-by-stage', 'indicators']);
    const stages = specs.find((s) => s.id === 'cases-by-stage')!;
    expect(stages.bars.map((b) => [b.label, b.value, b.text])).toEqual([
      ['Merits', null, 'hidden'],
      ['Judgment', null, '< 5'],
    ]);
    const svg = chartSvg(stages, false);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 640 \d+" width="100%" role="img" aria-labelledby="t-cases-by-stage d-cases-by-stage" direction="ltr"/,
    );
    expect(svg).toContain('<title id="t-cases-by-stage">Active cases by stage</title>');
    expect(svg).toContain('<desc id="d-cases-by-stage">Merits: hidden; Judgment: &lt; 5</desc>');
    // two hatched marks of one fixed size plus the legend's; no solid bar but the legend's
    expect(svg.match(/fill="url\(#h-cases-by-stage\)"/g)).toHaveLength(3);
    expect(svg.match(/width="22" height="16" fill="url/g)).toHaveLength(2);
    expect(svg.match(/fill="#4d4d4d"/g)).toHaveLength(1);
    const progress = specs.find((s) => s.id === 'indicators')!;
    expect(progress.bars.map((b) => [b.label, b.value, b.text])).toEqual([
      ['Survivor', null, '< 5'],
      ['Policy', 0.7, '70%'],
    ]);
    expect(chartSvg(progress, false)).toContain('stroke-dasharray="5 3"');
  });

  it('is right to left in Arabic, the charts mirrored', () => {
    const html = renderHtml(ar);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">')).toBe(true);
    expect(html).toContain('<h2>ملخص</h2>');
    const spec = chartSpecs(ar).find((s) => s.id === 'outcomes-over-time')!;
    const x = (svg: string) =>
      Number(/<rect x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#4d4d4d"/.exec(svg)![1]);
    expect(x(chartSvg(spec, true))).toBeGreaterThan(x(chartSvg(spec, false)));
  });
});

describe('CSV', () => {
  it('quotes by RFC 4180 and neutralises formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(csvField(f).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it('holds the aggregates, one row per number, and no case story', () => {
    const csv = renderCsv({ ...en, title: '=cmd|"/c calc"!A1' });
    expect(csv.startsWith('\ufeffsection,item,label,value,status\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows.every((r) => r.length === 5)).toBe(true);
    const get = (section: string, item: string) => rows.find((r) => r[0] === section && r[1] === item);
    expect(get('report', 'title')).toEqual(['report', 'title', 'title', '\'=cmd|"/c calc"!A1', 'text']);
    expect(get('summary', 'cases-active')).toEqual(['summary', 'cases-active', 'Cases active', '11', 'value']);
    expect(get('summary', 'cases-closed')).toEqual(['summary', 'cases-closed', 'Cases closed', '< 5', 'small']);
    expect(get('people-by-gender', 'female')).toEqual(['people-by-gender', 'female', 'Female', 'hidden', 'hidden']);
    expect(get('people-by-gender', 'total')).toEqual(['people-by-gender', 'total', 'Total', '11', 'value']);
    expect(get('deadlines', 'breakdown')).toEqual([
      'deadlines',
      'breakdown',
      'The breakdown is not shown: its small numbers could not be hidden safely.',
      '',
      'withheld',
    ]);
    expect(get('deadlines', 'met')).toBeUndefined();
    expect(get('reparations', 'EUR.awarded')).toEqual([
      'reparations',
      'EUR.awarded',
      'EUR · Awarded',
      '5002.50',
      'value',
    ]);
    expect(get('reparations', 'EUR.paid')).toEqual([
      'reparations',
      'EUR.paid',
      'EUR · Paid so far',
      'not shown',
      'not-shown',
    ]);
    expect(get('indicators', 'policy.average-progress')).toEqual([
      'indicators',
      'policy.average-progress',
      'Policy · Average progress',
      '70%',
      'value',
    ]);
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(
      new Set([
        'report',
        'summary',
        'enquiries',
        'people-by-gender',
        'people-by-age',
        'people-by-country',
        'cases-by-forum',
        'cases-by-stage',
        'outcomes-by-category',
        'outcomes-over-time',
        'deadlines',
        'reparations',
        'indicators',
      ]),
    );
    expect(csv).not.toContain('declared the detention');
  });
});

describe('PDF', () => {
  it('is text a real extractor reads back, in English and French', async () => {
    const text = pdfToText(await renderPdf(en));
    for (const s of [
      'Donor report',
      'Period: January 1, 2026 to June 30, 2026',
      'People supported by gender',
      'Cases active',
      'Case story 1',
      'Person A (survivor)',
      'The court declared the detention unlawful.',
      'hidden',
      '5,002.50',
    ])
      expect(text).toContain(s);
    expect(text).toMatch(/<\s?5/);
    const frText = pdfToText(await renderPdf(fr));
    for (const s of [
      'Rapport aux bailleurs de fonds',
      'Personnes accompagnées par genre',
      'Déclaration de violation',
      'masqué',
    ])
      expect(frText).toContain(s);
    // a no-break space between thousands (pdftotext gives it back as a space)
    expect(frText).toMatch(/5[ \u00a0]002,50/);
  });

  it('compresses its streams, dates itself to the month, and names no one in its metadata', async () => {
    const pdf = await renderPdf(en);
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-1.')).toBe(true);
    expect(raw).toMatch(/\/FlateDecode/);
    // both dates are the first moment of the month the report was made (indirect string objects)
    expect(raw).toMatch(/\/CreationDate \d+ 0 R/);
    expect(raw.match(/\(D:(\d{14})Z\)/g)).toEqual(['(D:20261101000000Z)', '(D:20261101000000Z)']);
    expect(raw).not.toMatch(/\/Author|\/Subject|\/Keywords/);
    expect(pdfStreams(pdf).join('')).not.toContain('Donor report'); // drawn text is hex-encoded glyphs
  });

  it('draws Arabic right to left, shaped, in a font it embeds, and refuses a script it has no font for', async () => {
    const pdf = await renderPdf(ar);
    const text = pdfToText(pdf).replace(/[\u200e\u200f\u202a-\u202e]/g, '');
    expect(text).toContain('تقرير للجهات المانحة');
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoNaskhArabic-Bold/);
    await expect(renderPdf({ ...en, title: 'Rapport 中文' })).rejects.toMatchObject({
      code: 'REPORT_SCRIPT_UNSUPPORTED',
      message: expect.stringContaining('Chinese or Japanese characters') as string,
    });
  });
});
