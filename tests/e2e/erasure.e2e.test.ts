/**
 * End to end, in Debian's Chromium against the real shell and engine worker: erasing a person
 * from their page and purging a case from its page. The dialog says what goes, asks the reason
 * and a ticked confirmation (the button stays off until it is ticked), reports what was done, and
 * closing it leaves the page of what is gone. Screenshots and axe of the dialog at 1366×768, in
 * English and in Arabic (right to left).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from './harness/server.js';
import { msg, ok, plain } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';
import type { Case } from '../../shared/domain/cases.js';
import type { Person } from '../../shared/domain/people.js';

const PASSPHRASE = 'correct horse battery staple';
const POLL = { timeout: 20_000 };

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

type Lang = 'en' | 'ar';

async function openCase(lang: Lang, title: string): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await p.goto(h!.url);
  await p.locator('main h1').waitFor();
  await p
    .getByRole('navigation', { name: msg(lang, 'nav.label') })
    .getByRole('link', { name: new RegExp(`^${escape(msg(lang, 'nav.cases'))}`) })
    .click();
  await p.getByRole('heading', { level: 1, name: msg(lang, 'cases.title') }).waitFor();
  await p.getByRole('button', { name: new RegExp(escape(title)) }).click();
  await expect.poll(async () => plain(await p.locator('main h1').textContent()), POLL).toContain(title);
  return p;
}

async function walk(lang: Lang) {
  const L = (key: string, values?: Record<string, string | number>) => msg(lang, key, values);
  const person = lang === 'en' ? 'Youssef Amrani' : 'يوسف العمراني';
  const title = lang === 'en' ? 'Torture in Bouchoucha detention centre' : 'التعذيب في مركز احتجاز بوشوشة';
  h = await startHarness();
  await ok(h, 'vault.create', { passphrase: PASSPHRASE });
  if (lang !== 'en') await ok(h, 'settings.set', { language: lang });
  const kase = await ok<Case>(h, 'cases.create', { title, reference: 'TN-2026-11', status: 'active' });
  const p = await ok<Person>(h, 'people.create', { fullName: person, contact: '+216 20 000 000' });
  await ok(h, 'people.link', { personId: p.id, caseId: kase.id, role: 'survivor' });

  page = await openCase(lang, title);
  await page.getByRole('tab', { name: L('caseDetail.tab.people') }).click();
  await page.getByTestId('people-table').getByRole('button', { name: person, exact: true }).click();
  await expect.poll(async () => plain(await page!.locator('main h1').textContent()), POLL).toBe(person);

  // ---- erase the person
  await page.getByRole('button', { name: L('erasure.person.action'), exact: true }).click();
  const dlg = page.getByRole('dialog');
  await dlg.getByRole('heading', { name: L('erasure.person.title') }).waitFor();
  expect(plain(await dlg.textContent())).toContain(person);
  const submit = dlg.getByRole('button', { name: L('erasure.submit.person'), exact: true });
  expect(await submit.isDisabled()).toBe(true);
  await dlg.getByLabel(L('erasure.reason')).fill(lang === 'en' ? 'Data subject request' : 'طلب صاحب البيانات');
  await dlg.getByLabel(L('erasure.confirm')).check();
  await checkScreen(page, `erase-person-${lang}`);
  await submit.click();
  await dlg.getByText(L('erasure.done.person')).waitFor();
  await dlg.getByRole('button', { name: L('erasure.finish'), exact: true }).click();
  await expect.poll(async () => (await h!.shell.handle(true, 'people.get', { id: p.id })).ok, POLL).toBe(false);
  await expect.poll(async () => page!.getByRole('heading', { level: 1, name: person }).count(), POLL).toBe(0);

  // ---- purge the case
  await page.close();
  page = await openCase(lang, title);
  await page.getByRole('button', { name: L('erasure.case.action'), exact: true }).click();
  const purge = page.getByRole('dialog');
  await purge.getByRole('heading', { name: L('erasure.case.title') }).waitFor();
  expect(plain(await purge.textContent())).toContain('TN-2026-11');
  await purge.getByLabel(L('erasure.reason')).fill(lang === 'en' ? 'Retention period over' : 'انتهت مدة الاحتفاظ');
  await purge.getByLabel(L('erasure.confirm')).check();
  await purge.getByRole('button', { name: L('erasure.submit.case'), exact: true }).click();
  await purge.getByText(L('erasure.done.case')).waitFor();
  await purge.getByRole('button', { name: L('erasure.finish'), exact: true }).click();
  await page.getByRole('heading', { level: 1, name: L('cases.title') }).waitFor();
  expect((await h.shell.handle(true, 'cases.get', { id: kase.id })).ok).toBe(false);
}

async function retention(lang: Lang) {
  const L = (key: string, values?: Record<string, string | number>) => msg(lang, key, values);
  h = await startHarness();
  await ok(h, 'vault.create', { passphrase: PASSPHRASE });
  if (lang !== 'en') await ok(h, 'settings.set', { language: lang });
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(h.url);
  await page.locator('main h1').waitFor();
  await page
    .getByRole('navigation', { name: L('nav.label') })
    .getByRole('link', { name: new RegExp(`^${escape(L('nav.settings'))}`) })
    .click();
  const section = page.getByTestId('settings-retention');
  await section.getByText(L('retention.notSet')).waitFor();
  const years = section.getByLabel(L('retention.years'));
  await years.fill('0');
  await section.getByRole('button', { name: L('retention.save') }).click();
  await expect.poll(async () => years.getAttribute('aria-invalid'), POLL).toBe('true');
  await years.fill('7');
  await section.getByRole('button', { name: L('retention.save') }).click();
  await section.getByText(L('retention.review.none')).waitFor();
  expect(plain(await section.textContent())).toContain(L('retention.review.title', { years: 7 }));
  expect(await ok(h, 'policy.retention')).toMatchObject({ retentionYears: 7 });
  await section.scrollIntoViewIfNeeded();
  await checkScreen(page, `settings-retention-${lang}`);
}

describe('erasure in the app', () => {
  it('sets the retention period in Settings (English, Arabic)', async () => {
    await retention('en');
    await page?.close();
    page = undefined;
    await h?.close();
    h = undefined;
    await retention('ar');
  });

  it('erases a person and purges a case (English)', async () => {
    await walk('en');
  });
  it('erases a person and purges a case (Arabic, right to left)', async () => {
    await walk('ar');
  });
});
