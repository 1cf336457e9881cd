/**
 * End to end, in Debian's Chromium against the real shell and engine worker: the donor report
 * screen, through the UI as a user would (roles and labels from the catalogue of the language
 * under test), in English and in Arabic.
 *
 * Seeded through the harness's shell: fifteen cases of project P1 whose survivors consented to
 * donor reporting (eight women, six men, one non-binary person — a count below 5), the first with
 * a summary naming its survivor; one P1 case (tag "land") whose survivor never consented; every
 * name carries a unique marker.
 *
 * The screen: a k below 5 refused in words beside the field; an empty scope and a period with no
 * data refused in words; a preview (by keyboard) showing the engine's HTML report in a sandboxed
 * frame — styled under the app's real CSP — beside the redactions (the survivor's name replaced)
 * and the case left out for lack of consent; beside on a wide screen, below on a narrow one,
 * mirrored in Arabic; then saved as HTML and as PDF through the save dialog's queue, the files
 * checked on disk for every seeded name, in Arabic as in English.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startHarness, type Harness } from './harness/server.js';
import { ok, plain, msg } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';
import { t as reportText } from '../../src-main/engine/reports/catalogue.js';
import { TOLD_ELEMENTS } from '../../shared/domain/consents.js';

const PASSPHRASE = 'correct horse battery staple';
const MARK = 'QZXE';
type Lang = 'en' | 'ar';

let browser: Browser;
let h: Harness | undefined;
let page: Page | undefined;
let folder: string | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await page?.close();
  page = undefined;
  await h?.close();
  h = undefined;
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

/** Text without the Unicode isolates the message formatter puts around values. */
async function waitForText(l: Locator, want: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  let last = '';
  while (Date.now() < deadline) {
    last = (await l.count()) > 0 ? plain(await l.first().textContent()) : '';
    if (last.includes(want)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for "${want}"; last text: "${last}"`);
}

/** Names per language: the Arabic run uses Arabic names too. Each carries the marker. */
const NAMES = {
  en: { first: 'Amina', last: 'Otieno', other: 'Joseph Kamau' },
  ar: { first: 'أمينة', last: 'أوتينو', other: 'يوسف كاماو' },
} as const;

interface Seeded {
  names: string[];
}

async function seed(harness: Harness, lang: Lang): Promise<Seeded> {
  const n = NAMES[lang];
  const names: string[] = [];
  for (let i = 1; i <= 15; i++) {
    const fullName = `${n.first} ${MARK}${i} ${n.last}`;
    const summary = i === 1 ? `${fullName} was detained for three weeks. The court ordered her release.` : '';
    const c = await ok<{ id: string }>(harness, 'cases.create', {
      title: `Case ${MARK}T${i}`,
      reference: `RA-${i}`,
      project: 'P1',
      donorCode: 'D-77',
      tags: ['wash'],
      summary,
      openedOn: '2026-02-10',
      forum: 'domestic-court',
      stage: 'merits',
    });
    const p = await ok<{ id: string }>(harness, 'people.create', {
      fullName,
      gender: i <= 8 ? 'female' : i <= 14 ? 'male' : 'non-binary',
      birthDate: '1990',
      country: 'KE',
    });
    await ok(harness, 'people.link', { personId: p.id, caseId: c.id, role: 'survivor' });
    await ok(harness, 'consents.add', {
      personId: p.id,
      caseId: c.id,
      purpose: 'donor-reporting',
      told: [...TOLD_ELEMENTS],
      method: 'written',
      givenAt: '2026-01-05',
    });
    names.push(fullName);
  }
  const other = `${n.other} ${MARK}NC`;
  const c = await ok<{ id: string }>(harness, 'cases.create', {
    title: `Case ${MARK}NC`,
    reference: 'RB-1',
    project: 'P1',
    tags: ['land'],
    openedOn: '2026-02-10',
    forum: 'domestic-court',
    stage: 'merits',
  });
  const p = await ok<{ id: string }>(harness, 'people.create', {
    fullName: other,
    gender: 'male',
    birthDate: '1980',
    country: 'TZ',
  });
  await ok(harness, 'people.link', { personId: p.id, caseId: c.id, role: 'survivor' });
  names.push(other);
  return { names };
}

async function openApp(lang: Lang): Promise<{ h: Harness; page: Page; seeded: Seeded }> {
  h = await startHarness();
  await ok(h, 'vault.create', { passphrase: PASSPHRASE });
  await ok(h, 'settings.set', { language: lang });
  const seeded = await seed(h, lang);
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(h.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  return { h, page, seeded };
}

function h1(p: Page): Locator {
  return p.locator('main h1').first();
}

function field(p: Page, lang: Lang, key: string): Locator {
  return p.getByLabel(msg(lang, key), { exact: true });
}

function button(p: Page, lang: Lang, key: string): Locator {
  return p.getByRole('button', { name: msg(lang, key), exact: true });
}

/** Nothing seeded — no name, no marker, no case reference — in this text. */
function expectClean(text: string, seeded: Seeded): void {
  expect(text).not.toContain(MARK);
  for (const name of seeded.names) expect(text).not.toContain(name);
  for (const part of [...new Set(seeded.names.flatMap((n) => n.split(' ')))].filter((w) => !w.startsWith(MARK)))
    expect(text, part).not.toContain(part);
  expect(text).not.toContain('RA-1');
  expect(text).not.toContain('RB-1');
}

async function save(p: Page, lang: Lang, harness: Harness, format: 'html' | 'pdf', path: string): Promise<void> {
  await field(p, lang, 'reports.scope.format').selectOption(format);
  harness.host.saveQueue.push(path);
  await button(p, lang, `reports.save.${format}`).click();
  const done = p.locator('.report-save [role="status"].notice-ok');
  await waitForText(done, msg(lang, 'reports.save.done'));
  expect(plain(await done.textContent())).toContain(path.split('/').pop()!);
}

describe.each(['en', 'ar'] as const)('donor report screen (%s)', (lang) => {
  it('refuses bad scopes in words, previews the report beside what was taken out, saves HTML and PDF', async () => {
    const { h, page, seeded } = await openApp(lang);
    folder = mkdtempSync(join(tmpdir(), 'cv-e2e-report-'));

    await page
      .locator('nav.sidebar')
      .getByRole('link', { name: msg(lang, 'reports.nav'), exact: true })
      .click();
    await waitForText(h1(page), msg(lang, 'reports.title'));
    expect(await page.locator('nav.sidebar a[aria-current="page"]').textContent()).toBe(msg(lang, 'reports.nav'));
    // the pickers offer what the cases carry
    const tags = page.getByRole('group', { name: msg(lang, 'reports.scope.tags'), exact: true });
    await tags.getByLabel('wash', { exact: true }).waitFor();
    expect(await tags.getByRole('checkbox').count()).toBe(2);
    expect(
      await page
        .getByRole('group', { name: msg(lang, 'reports.scope.projects'), exact: true })
        .getByRole('checkbox')
        .count(),
    ).toBe(1);
    expect(
      await page
        .getByRole('group', { name: msg(lang, 'reports.scope.donorCodes'), exact: true })
        .getByRole('checkbox')
        .count(),
    ).toBe(1);
    expect(await field(page, lang, 'reports.scope.language').inputValue()).toBe(lang);
    expect(await field(page, lang, 'reports.scope.format').inputValue()).toBe('pdf');
    expect(plain(await page.locator('main').textContent())).toContain(msg(lang, 'reports.preview.none'));
    await checkScreen(page, `reports-scope-${lang}`);

    await field(page, lang, 'reports.scope.from').fill('2026-01-01');
    await field(page, lang, 'reports.scope.to').fill('2026-06-30');

    // k below 5: refused beside the field, nothing asked of the vault
    await field(page, lang, 'reports.scope.k').fill('4');
    await button(page, lang, 'reports.preview.submit').click();
    await waitForText(page.locator('.report-scope .field-error'), msg(lang, 'reports.scope.kTooSmall', { min: 5 }));
    expect(await field(page, lang, 'reports.scope.k').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-testid="report-preview"]').count()).toBe(0);
    await checkScreen(page, `reports-k-refused-${lang}`);
    await field(page, lang, 'reports.scope.k').fill('5');

    // an empty scope: tag "land" AND donor code D-77 match no case
    await tags.getByLabel('land', { exact: true }).check();
    await page
      .getByRole('group', { name: msg(lang, 'reports.scope.donorCodes'), exact: true })
      .getByLabel('D-77', { exact: true })
      .check();
    await button(page, lang, 'reports.preview.submit').click();
    await waitForText(page.locator('.report-scope .notice-error'), msg(lang, 'error.REPORT_EMPTY_SCOPE'));
    await checkScreen(page, `reports-empty-scope-${lang}`);
    await tags.getByLabel('land', { exact: true }).uncheck();
    await page
      .getByRole('group', { name: msg(lang, 'reports.scope.donorCodes'), exact: true })
      .getByLabel('D-77', { exact: true })
      .uncheck();

    // a period with no data
    await field(page, lang, 'reports.scope.from').fill('2019-01-01');
    await field(page, lang, 'reports.scope.to').fill('2019-12-31');
    await button(page, lang, 'reports.preview.submit').click();
    await waitForText(page.locator('.report-scope .notice-error'), msg(lang, 'error.REPORT_NO_DATA'));
    expect(await page.locator('[data-testid="report-preview"]').count()).toBe(0);
    await field(page, lang, 'reports.scope.from').fill('2026-01-01');
    await field(page, lang, 'reports.scope.to').fill('2026-06-30');

    // the preview, by keyboard: project P1, then Enter on "Preview"
    await page
      .getByRole('group', { name: msg(lang, 'reports.scope.projects'), exact: true })
      .getByLabel('P1', { exact: true })
      .check();
    await button(page, lang, 'reports.preview.submit').focus();
    await page.keyboard.press('Enter');
    const preview = page.locator('[data-testid="report-preview"]');
    await preview.waitFor();
    expect(await page.locator('.report-scope .notice-error').count()).toBe(0);

    // the case left out for lack of consent, with its reason
    const leftOut = page.getByRole('table', { name: msg(lang, 'reports.leftOut.caption'), exact: true });
    const leftRows = await leftOut
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => (c.textContent ?? '').trim())));
    expect(leftRows.map((r) => r.map(plain))).toEqual([
      [
        'RB-1',
        msg(lang, 'reports.leftOut.from.report'),
        msg(lang, 'reports.leftOut.reason.consent-absent'),
        await page.evaluate((l) => new Intl.NumberFormat(l).format(1), lang),
      ],
    ]);
    // the redactions: the survivor's name in case RA-1's story, the small count and the count hidden with it
    const redactions = page.getByRole('table', { name: msg(lang, 'reports.redactions.caption'), exact: true });
    const kinds = await redactions
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-kind'), (r.children[2]?.textContent ?? '').trim()]));
    // RA-1's story named its survivor: replaced by a pseudonym — or, in Arabic, where names are
    // matched anywhere in a word and the first name is shared by fifteen people, the sentence dropped
    expect(kinds).toContainEqual([lang === 'en' ? 'name' : 'other-name', 'RA-1']);
    expect(kinds).toContainEqual(['small-cell', plain(msg(lang, 'state.none'))]);
    expect(kinds).toContainEqual(['hidden-cell', plain(msg(lang, 'state.none'))]);
    const nameKind = lang === 'en' ? 'name' : 'other-name';
    expect(plain(await redactions.locator(`tbody tr[data-kind="${nameKind}"]`).first().textContent())).toContain(
      msg(lang, `reports.redaction.${nameKind}`),
    );
    expect(plain(await page.locator('.report-checks-summary').textContent())).toBe(
      msg(lang, 'reports.preview.summary', { redactions: kinds.length, leftOut: 1 }),
    );

    // the report itself, in a sandboxed frame with no scripts, styled by its own sheet under the app's CSP
    const frameEl = page.locator('iframe.report-frame');
    expect(await frameEl.getAttribute('sandbox')).toBe('');
    expect(await frameEl.getAttribute('title')).toBe(msg(lang, 'reports.preview.frame'));
    const frame = page.frameLocator('iframe.report-frame');
    await frame.locator('h1').waitFor();
    expect(plain(await frame.locator('h1').textContent())).toBe(reportText(lang, 'title.default'));
    expect(await frame.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(await frame.locator('h1').evaluate((e) => getComputedStyle(e).fontSize)).toBe('28.8px');
    expect(await frame.locator('body').evaluate((e) => getComputedStyle(e).maxWidth)).toBe(`${54 * 16}px`);
    expect(await frame.locator('script').count()).toBe(0);
    const shown = plain(await frame.locator('body').textContent());
    expectClean(shown, seeded);
    expect(shown).toContain(reportText(lang, 'section.people'));
    expect(shown).toContain('< 5');

    // side by side on a wide screen — the report first in the reading direction — one above the other when narrow
    const pane = await page.locator('.report-pane').boundingBox();
    const checks = await page.locator('.report-checks').boundingBox();
    if (lang === 'ar') expect(pane!.x).toBeGreaterThan(checks!.x);
    else expect(pane!.x).toBeLessThan(checks!.x);
    expect(Math.abs(pane!.y - checks!.y)).toBeLessThan(5);
    await checkScreen(page, `reports-preview-${lang}`);
    await page.setViewportSize({ width: 900, height: 1000 });
    await page.waitForFunction(() => {
      const a = document.querySelector('.report-pane')!.getBoundingClientRect();
      const b = document.querySelector('.report-checks')!.getBoundingClientRect();
      return b.top >= a.bottom;
    });
    await checkScreen(page, `reports-preview-narrow-${lang}`);
    await page.setViewportSize({ width: 1440, height: 1000 });

    // save as HTML
    const htmlPath = join(folder, 'donor-report.html');
    await save(page, lang, h, 'html', htmlPath);
    const html = readFileSync(htmlPath, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
    expectClean(html, seeded);
    await checkScreen(page, `reports-saved-html-${lang}`);

    // save as PDF (in Arabic too: right to left, in the fonts the app ships)
    const pdfPath = join(folder, 'donor-report.pdf');
    await save(page, lang, h, 'pdf', pdfPath);
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expectClean(pdf.toString('latin1'), seeded);
    expect(existsSync(htmlPath)).toBe(true);

    // each save is in the audit log, without a name
    const audit = await ok<{ items: Array<{ action: string; details: unknown }> }>(h, 'audit.list', { limit: 100 });
    const written = audit.items.filter((e) => e.action === 'report.donor-written');
    expect(written.length).toBe(2);
    expectClean(JSON.stringify(written), seeded);
  });
});
