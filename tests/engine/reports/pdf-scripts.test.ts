// PDF reports in the scripts the vault may hold: Arabic shaped and ordered right to left (with
// numbers and Latin names inside), Thai shaped and broken between words, a script without a
// shipped font refused. Read back with pdftotext, which puts right-to-left text back in logical
// order; and the bidi algorithm itself on small strings.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DonorReportModel } from '../../../shared/domain/reports.js';
import { bidiClass, resolveLevels, visualOrder } from '../../../src-main/engine/reports/bidi.js';
import { t } from '../../../src-main/engine/reports/catalogue.js';
import { buildDonorReport } from '../../../src-main/engine/reports/donor-report.js';
import { renderPdf } from '../../../src-main/engine/reports/render-pdf.js';
import { pdfFontMaps, pdfStreams, pdfStrings, pdfToText } from './output-text.js';
import { PERIOD, reportFixture } from './report-fixture.js';

let en: DonorReportModel;
let ar: DonorReportModel;

beforeAll(async () => {
  const f = await reportFixture();
  en = buildDonorReport(f.ctx, { ...PERIOD, projects: ['P1'] }).model;
  ar = buildDonorReport(f.ctx, { ...PERIOD, projects: ['P1'], language: 'ar' }).model;
}, 60_000);

/** pdftotext's text without the direction marks it adds around right-to-left runs. */
const plain = (pdf: Buffer) => pdfToText(pdf).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
const withStory = (model: DonorReportModel, paragraphs: string[]): DonorReportModel => ({
  ...model,
  vignettes: [{ heading: model.vignettes[0]?.heading ?? 'Story', facts: [], paragraphs }],
});

/** The visual order of a one-line paragraph as a string, left to right. */
function visual(text: string, dir: 'ltr' | 'rtl'): string {
  const cps = [...text];
  return visualOrder(cps, resolveLevels(cps, dir), 0, cps.length, dir)
    .map((i) => cps[i])
    .join('');
}

describe('the bidi algorithm', () => {
  it('reverses right-to-left words, keeps numbers and Latin words left to right', () => {
    expect(visual('abc', 'rtl')).toBe('abc');
    expect(visual('אב גד', 'rtl')).toBe('דג בא');
    expect(visual('אב 123 גד', 'rtl')).toBe('דג 123 בא');
    expect(visual('אב Maria Lopez גד', 'rtl')).toBe('דג Maria Lopez בא');
    expect(visual('abc אב גד def', 'ltr')).toBe('abc דג בא def');
    // a decimal number and a percentage stay one left-to-right run; the separator between joins them
    expect(visual('אב 1,234.50 גד', 'rtl')).toBe('דג 1,234.50 בא');
    expect(visual('אב 70% גד', 'rtl')).toBe('דג 70% בא');
  });

  it('classes characters as the Unicode data does', () => {
    expect(['a', 'ب', 'א', '1', '٣', '-', '%', ',', '\u064e', ' ', '(', '\u200d'].map(bidiClass)).toEqual([
      'L',
      'AL',
      'R',
      'EN',
      'AN',
      'ES',
      'ET',
      'CS',
      'NSM',
      'WS',
      'ON',
      'BN',
    ]);
  });
});

describe('PDF in Arabic', () => {
  it('gives pdftotext the Arabic words in logical order', async () => {
    const text = plain(await renderPdf(ar));
    // texts without vowel marks: pdftotext reads a mark placed above a letter as a line of its own
    const keys = (['title.default', 'section.summary', 'section.cases', 'section.method', 'col.total'] as const).filter(
      (k) => !/\p{M}/u.test(t('ar', k)),
    );
    expect(keys.length).toBeGreaterThanOrEqual(4);
    for (const key of keys) expect(text, key).toContain(t('ar', key));
    // the words of a line come out in reading order, not reversed (a word-order bug reverses them)
    expect(text).toContain('القضايا المفتوحة');
    expect(text).not.toContain('المفتوحة القضايا');
  });

  it('keeps numbers and Latin names readable inside right-to-left lines', async () => {
    const story = 'حكمت المحكمة في 2026 لصالح Maria Lopez بتعويض قدره 12345 يورو.';
    const pdf = await renderPdf(withStory(ar, [story]));
    const text = plain(pdf);
    expect(text).toContain('Maria Lopez');
    expect(text).toContain('12345');
    expect(text).not.toContain('54321');
    expect(text).toContain('حكمت المحكمة في');
    expect(text).toContain('بتعويض قدره');
    // the content stream draws the number left to right too (not only the extractor's reordering)
    const fonts = pdfFontMaps(pdf);
    const drawn = pdfStreams(pdf)
      .map((c) => pdfStrings(c, fonts))
      .join('\n');
    expect(drawn).toContain('12345');
    expect(drawn).toContain('Lopez');
  });

  it('wraps a long right-to-left paragraph over several lines, none lost', async () => {
    const letters = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];
    const words = [...letters.map((l) => `كلمة${l}`), ...letters.map((l) => `جملة${l}`)];
    const text = plain(await renderPdf(withStory(ar, [words.join(' ')])));
    const storyLines = text.split('\n').filter((l) => /كلمة|جملة/.test(l));
    expect(storyLines.length).toBeGreaterThan(2);
    // every word, in order, none lost at a line break
    expect(storyLines.join(' ').split(/\s+/).filter(Boolean)).toEqual(words);
  });
});

describe('PDF in other scripts', () => {
  it('draws Thai, shaped and broken between words, in an English report', async () => {
    const thai = 'ศาลตัดสินว่าการควบคุมตัวนั้นไม่ชอบด้วยกฎหมาย';
    const long = Array.from({ length: 12 }, () => thai).join('');
    const pdf = await renderPdf(withStory(en, [thai, long]));
    // pdftotext reads a tone mark placed above a letter apart from it: compare without marks
    const bare = (s: string) => s.replace(/[\p{M}\s]/gu, '');
    const text = pdfToText(pdf);
    const lines = text.split('\n').filter((l) => /[\u0e00-\u0e7f]/.test(l));
    expect(bare(lines.join(''))).toBe(bare(thai + long));
    // the long paragraph without spaces is broken into several lines (between words: each line
    // starts with a word of the sentence)
    expect(lines.filter((l) => /^[\u0e00-\u0e7f]{2}/.test(l)).length).toBeGreaterThan(3);
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansThai-Regular/);
  });

  it('cuts a word longer than the line between characters, losing none', async () => {
    const word = 'Abcdefghij'.repeat(40);
    const lines = pdfToText(await renderPdf(withStory(en, [word])))
      .split('\n')
      .filter((l) => /^(?:[A-Za-j])+$/.test(l.trim()) && l.includes('Abcdefghij'));
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('').replace(/\s/g, '')).toBe(word);
  });

  it('draws Greek and Cyrillic names beside Latin', async () => {
    const text = pdfToText(await renderPdf(withStory(en, ['Ελένη Παπαδοπούλου met Анна Иванова in Kyiv.'])));
    expect(text).toContain('Ελένη Παπαδοπούλου met Анна Иванова in Kyiv.');
  });

  it('refuses a script it has no font for, naming the script and not the text', async () => {
    for (const [paragraph, script] of [
      ['法院裁定拘留违法。', 'Chinese or Japanese characters'],
      ['법원은 구금이 불법이라고 판결했다.', 'Korean characters'],
      ['बैठक हुई।', 'Devanagari characters'],
    ] as const) {
      const err = await renderPdf(withStory(en, [paragraph])).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'REPORT_SCRIPT_UNSUPPORTED' });
      expect((err as Error).message).toContain(script);
      expect((err as Error).message).not.toContain(paragraph.slice(0, 2));
    }
  });
});

describe('pdfkit is loaded only when a PDF is made', () => {
  it('the CLI and the engine worker import it dynamically, never at start', () => {
    // both bundles are built by the test run's global setup
    for (const bundle of ['dist/cli/case-vault.mjs', 'dist/app/engine-worker.mjs']) {
      const code = fs.readFileSync(bundle, 'utf8');
      expect(code, bundle).toContain('import("pdfkit")');
      expect(code, bundle).not.toMatch(/^import[^;]*from\s*["']pdfkit["']/m);
    }
  });
});
