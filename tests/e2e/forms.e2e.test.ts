/**
 * End to end, in Debian's Chromium at 1366×768: forms that say what is wrong and pick codes by
 * name. A country is chosen by typing its name (never its code) and shown back by name in each
 * language; an empty required field is reported by the app, on that field, in the interface's
 * language, with the browser's own validation off; the engine's refusal of a field lands on that
 * field; an amount typed the French way is read exactly; a long dialog keeps its title and its
 * buttons in view. Every screen is screenshotted and scanned by axe.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startHarness, type Harness } from './harness/server.js';
import { ok, plain } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';
import { CATALOGUE, type MessageKey } from '../../src-renderer/i18n/catalogue.js';
import { formatMessage, type MessageValues } from '../../src-renderer/i18n/format-message.js';
import type { Case, CaseList } from '../../shared/domain/cases.js';
import type { OutcomeItem } from '../../shared/domain/outcomes.js';

const PASSPHRASE = 'correct horse battery staple';
const VIEWPORT = { width: 1366, height: 768 };

type Lang = 'en' | 'fr' | 'es' | 'ar';

let browser: Browser;
let h: Harness | undefined;
let page: Page | undefined;

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
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function messages(lang: Lang) {
  return (key: MessageKey, values?: MessageValues) => plain(formatMessage(lang, CATALOGUE[lang][key]!, values));
}

/** A vault in `lang`, open in a page of the laptop's size on the case list. */
async function open(lang: Lang): Promise<{ harness: Harness; p: Page }> {
  const harness = await startHarness();
  h = harness;
  await ok(harness, 'vault.create', { passphrase: PASSPHRASE });
  if (lang !== 'en') await ok(harness, 'settings.set', { language: lang });
  const p = await browser.newPage({ viewport: VIEWPORT });
  page = p;
  await p.goto(harness.url);
  await toCases(p, lang);
  return { harness, p };
}

/** From wherever the app opened (home) to the case list, by its navigation link. */
async function toCases(p: Page, lang: Lang): Promise<void> {
  await p
    .locator('nav.sidebar a', { hasText: messages(lang)('nav.cases') })
    .first()
    .click();
  await p.getByRole('heading', { level: 1, name: messages(lang)('cases.title') }).waitFor();
}

/** The error the app shows for a control: its aria-invalid, and the text it is described by. */
async function fieldError(control: Locator): Promise<{ invalid: string | null; text: string }> {
  const invalid = await control.getAttribute('aria-invalid');
  const text = await control.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id))
      .filter((n) => n?.classList.contains('field-error'))
      .map((n) => n!.textContent)
      .join(' '),
  );
  return { invalid, text: plain(text) };
}

async function caseByTitle(harness: Harness, title: string): Promise<Case> {
  const list = await ok<CaseList>(harness, 'cases.list', {});
  const summary = list.items.find((c) => c.title === title);
  expect(summary).toBeDefined();
  return ok<Case>(harness, 'cases.get', { id: summary!.id });
}

describe('forms', () => {
  it.each(['en', 'ar'] as const)('a new case: country typed by name, errors on their fields (%s)', async (lang) => {
    const L = messages(lang);
    const { harness, p } = await open(lang);
    await p.getByRole('button', { name: L('cases.new') }).click();
    const dlg = p.getByRole('dialog');
    await dlg.waitFor();
    const form = dlg.locator('form');
    expect(await form.evaluate((f) => (f as HTMLFormElement).noValidate)).toBe(true);

    // ---- nothing typed: the app's own sentence, on the title, in the interface's language
    const title = dlg.getByLabel(L('cases.form.title'), { exact: true });
    expect(await title.getAttribute('required')).not.toBeNull();
    await dlg.getByRole('button', { name: L('cases.form.create') }).click();
    await expect.poll(() => fieldError(title)).toEqual({ invalid: 'true', text: L('form.error.required') });
    // focus went to the field, no call was made, and no general notice stands in for it
    expect(await title.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await ok<CaseList>(harness, 'cases.list', {})).items).toHaveLength(0);
    expect(await dlg.locator('.notice-error').count()).toBe(0);
    if (lang === 'ar') await checkScreen(p, 'form-errors-ar');

    // ---- a title the engine refuses (too long): its answer lands on the title too
    await title.fill('x'.repeat(600));
    await expect.poll(() => fieldError(title)).toEqual({ invalid: null, text: '' });
    await dlg.getByRole('button', { name: L('cases.form.create') }).click();
    await expect.poll(async () => (await fieldError(title)).invalid).toBe('true');
    expect((await fieldError(title)).text).toMatch(
      new RegExp(escape(L('form.error.tooLong', { max: 0 })).replace(/0/, '.+')),
    );
    expect(await dlg.locator('.notice-error').count()).toBe(0);
    if (lang === 'en') await checkScreen(p, 'form-errors-en');

    // ---- the country, chosen by typing its name into the picker
    const name = lang === 'en' ? 'Morocco Detentions' : 'احتجازات المغرب';
    await title.fill(name);
    const country = dlg.getByLabel(L('cases.form.country'), { exact: true });
    if (lang === 'en') {
      // typed as keys, as a person does: the picker moves to the name that starts so
      await country.focus();
      await p.keyboard.type('Morocco');
    } else {
      // the automation types Arabic as inserted text, which a <select> ignores: choose by name
      await country.selectOption({ label: 'المغرب' });
    }
    expect(await country.inputValue()).toBe('MA');
    const shown = lang === 'en' ? 'Morocco' : 'المغرب';
    expect(plain(await country.locator('option:checked').textContent())).toBe(shown);
    if (lang === 'en') await checkScreen(p, 'new-case-country-en');
    await dlg.getByRole('button', { name: L('cases.form.create') }).click();
    await dlg.waitFor({ state: 'hidden' });
    expect((await caseByTitle(harness, name)).country).toBe('MA');

    // ---- shown by name on the case, never as the code
    const row = p.locator('.dl-row').filter({ has: p.locator('dt', { hasText: L('caseDetail.field.country') }) });
    await expect.poll(async () => plain(await row.locator('dd').textContent())).toBe(shown);
    await checkScreen(p, `case-country-${lang}`);

    // ---- in the list, a long English title in the Arabic interface is cut at its own end
    if (lang === 'ar') {
      const english = 'Arbitrary detention of human rights defenders after the peaceful protests in the south';
      await ok(harness, 'cases.create', { title: english, country: 'MA' });
      await toCases(p, lang);
      const cell = p.locator('[role="cell"].col-title', { hasText: english });
      await cell.waitFor();
      expect(await cell.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
      const arabicCell = p.locator('[role="cell"].col-title', { hasText: name });
      expect(await arabicCell.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      expect(plain(await p.locator('[role="cell"].col-country').first().textContent())).toBe('المغرب');
      await checkScreen(p, 'case-list-bidi-ar');
    }
  });

  it('an amount typed the French way is read exactly', async () => {
    const L = messages('fr');
    const { harness, p } = await open('fr');
    const kase = await ok<Case>(harness, 'cases.create', { title: 'Réparations à Tunis', country: 'TN' });
    await p.reload();
    await toCases(p, 'fr');
    await p.getByRole('button', { name: new RegExp(escape(kase.title)) }).click();
    await p.getByRole('tab', { name: L('caseDetail.tab.outcomes') }).click();
    await p.getByRole('button', { name: L('outcomes.add') }).click();
    const dlg = p.getByRole('dialog');
    await dlg.waitFor();
    await dlg.getByLabel(L('outcomes.form.kind'), { exact: true }).selectOption('compensation');
    await dlg.getByLabel(L('outcomes.form.description'), { exact: true }).fill('Indemnisation des familles');
    await dlg.getByLabel(L('outcomes.form.currency'), { exact: true }).selectOption('EUR');
    const awarded = dlg.getByLabel(L('outcomes.form.awarded'), { exact: true });

    // a typing slip is caught by the app on the field, with an example in the locale's format
    await awarded.fill('15 000,00 €');
    await dlg.getByRole('button', { name: L('outcomes.form.add') }).click();
    await expect.poll(async () => (await fieldError(awarded)).invalid).toBe('true');
    expect((await fieldError(awarded)).text).toMatch(/^Saisissez un montant comme 15\s000,00\.$/u);

    await awarded.fill('15 000,00');
    await checkScreen(p, 'outcome-amount-fr');
    await dlg.getByRole('button', { name: L('outcomes.form.add') }).click();
    await dlg.waitFor({ state: 'hidden' });
    const [outcome] = await ok<OutcomeItem[]>(harness, 'outcomes.list', { caseId: kase.id });
    expect(outcome).toMatchObject({ currency: 'EUR', amountAwardedMinor: 1_500_000 });
  });

  it('a long dialog keeps its title and buttons in view at 1366×768', async () => {
    const L = messages('en');
    const { harness, p } = await open('en');
    const team = Array.from({ length: 8 }, (_, i) => ({ member: `Counsel ${i + 1}`, role: 'counsel' }));
    const kase = await ok<Case>(harness, 'cases.create', { title: 'A case with a large team', team });
    await p.reload();
    await toCases(p, 'en');
    await p.getByRole('button', { name: new RegExp(escape(kase.title)) }).click();
    await p.getByRole('button', { name: L('caseDetail.edit') }).click();
    const dlg = p.getByRole('dialog');
    await dlg.waitFor();
    const body = dlg.locator('.dialog-body');
    // the form is taller than the screen: its body scrolls
    expect(await body.evaluate((b) => b.scrollHeight > b.clientHeight)).toBe(true);
    const inView = async (l: Locator) => {
      const box = await l.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= VIEWPORT.height;
    };
    const save = dlg.getByRole('button', { name: L('caseDetail.form.save') });
    const heading = dlg.getByRole('heading', { name: L('caseDetail.edit.title') });
    expect(await inView(save)).toBe(true);
    expect(await inView(heading)).toBe(true);
    await checkScreen(p, 'dialog-long-en');
    // scrolled to the end and back, both stay where they are
    await body.evaluate((b) => b.scrollTo(0, b.scrollHeight));
    expect(await inView(save)).toBe(true);
    expect(await inView(heading)).toBe(true);
    // the close button is a button with a name, not a letter "×"
    const close = dlg.getByRole('button', { name: L('action.close') });
    expect(plain(await close.textContent()).trim()).toBe('');
    await close.click();
    await dlg.waitFor({ state: 'hidden' });
  });
});
