/**
 * End to end, in Debian's Chromium against the real shell and engine worker: the home screen
 * after unlock (an overdue deadline across cases, the navigation's badges, an item that opens
 * its case), a case list that follows a deadline added elsewhere without a reload and marks an
 * overdue one, and the first-run empty list. Screenshots and axe in English and Arabic.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { startHarness, type Harness } from './harness/server.js';
import { ok, plain } from './e2e-helpers.js';
import { SCREENSHOT_DIR, checkScreen, launchChromium } from './browser.js';
import { CATALOGUE, type MessageKey } from '../../src-renderer/i18n/catalogue.js';
import { formatMessage, type MessageValues } from '../../src-renderer/i18n/format-message.js';
import type { Case } from '../../shared/domain/cases.js';

const PASSPHRASE = 'correct horse battery staple';
const VIEWPORT = { width: 1366, height: 768 };
/** expect.poll waits up to 1 s by default: too short when the machine is busy */
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

type Lang = 'en' | 'ar';

/** Text without the Unicode isolates the message formatter puts around values. */
function L(lang: Lang, key: MessageKey, values?: MessageValues): string {
  return plain(formatMessage(lang, CATALOGUE[lang][key]!, values));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The message as an exact accessible name or text, with or without the isolates around its values. */
function N(lang: Lang, key: MessageKey, values?: MessageValues, prefix = ''): RegExp {
  const text = escape(formatMessage(lang, CATALOGUE[lang][key]!, values))
    .replace(/\u2068/g, '\u2068?')
    .replace(/\u2069/g, '\u2069?');
  // a badge is its own box in the link: the name may have a space before its comma
  return new RegExp(`^${escape(prefix).replace(/, $/, '\\s?, ')}${text}$`);
}

function dayOffset(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function openApp(lang: Lang): Promise<{ harness: Harness; p: Page }> {
  const harness = await startHarness();
  h = harness;
  await ok(harness, 'vault.create', { passphrase: PASSPHRASE });
  if (lang !== 'en') await ok(harness, 'settings.set', { language: lang });
  return { harness, p: await browser.newPage({ viewport: VIEWPORT }) };
}

const DATA = {
  en: { overdue: 'Reply to the registry', soon: 'Hearing bundle', first: 'Detention case', second: 'Land case' },
  ar: { overdue: 'الرد على قلم المحكمة', soon: 'ملف الجلسة', first: 'قضية احتجاز', second: 'قضية أرض' },
};

describe('home', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`shows what is due across cases after unlock, with badges, and the list follows changes (${lang})`, async () => {
      const d = DATA[lang];
      const { harness, p } = await openApp(lang);
      page = p;
      const first = await ok<Case>(harness, 'cases.create', { title: d.first, reference: 'KE-1', status: 'active' });
      const second = await ok<Case>(harness, 'cases.create', { title: d.second, reference: 'KE-2', status: 'active' });
      await ok(harness, 'deadlines.add', {
        caseId: first.id,
        kind: 'response',
        title: d.overdue,
        dueOn: dayOffset(-3),
      });
      await ok(harness, 'enquiries.add', { channel: 'phone', summary: 'Arrest at a protest', enquirerName: 'Sister' });

      await p.goto(harness.url);
      await p.getByRole('heading', { level: 1, name: L(lang, 'home.title') }).waitFor();
      expect(await p.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      const item = p.locator('.agenda-item', { hasText: d.overdue });
      await item.waitFor();
      expect(plain(await item.textContent())).toContain(L(lang, 'deadlines.overdueBy', { days: 3 }));

      // grouped navigation; the badges are read with what they count
      const nav = p.getByRole('navigation', { name: L(lang, 'nav.label') });
      for (const group of ['nav.group.casework', 'nav.group.exchange', 'nav.group.organisation'] as const)
        await nav.getByRole('heading', { level: 2, name: L(lang, group) }).waitFor();
      await nav
        .getByRole('link', { name: N(lang, 'nav.badge.overdue', { count: 1 }, `${L(lang, 'nav.cases')}, `) })
        .waitFor();
      await nav
        .getByRole('link', { name: N(lang, 'nav.badge.enquiries', { count: 1 }, `${L(lang, 'nav.enquiries')}, `) })
        .waitFor();
      expect(await nav.getByRole('link', { name: L(lang, 'home.nav'), exact: true }).getAttribute('aria-current')).toBe(
        'page',
      );
      await checkScreen(p, `home-${lang}`);
      await nav.screenshot({ path: join(SCREENSHOT_DIR, `nav-${lang}.png`) });

      // a change made elsewhere reaches the open home screen and the badge
      await ok(harness, 'deadlines.add', { caseId: second.id, kind: 'filing', title: d.soon, dueOn: dayOffset(-1) });
      await p.locator('.agenda-item', { hasText: d.soon }).waitFor();
      await nav
        .getByRole('link', { name: N(lang, 'nav.badge.overdue', { count: 2 }, `${L(lang, 'nav.cases')}, `) })
        .waitFor();

      // an item opens where it is handled: the case's deadlines
      await item.getByRole('button').click();
      await expect.poll(async () => plain(await p.locator('main h1').textContent()), POLL).toContain(d.first);
      await p.getByRole('tab', { name: L(lang, 'caseDetail.tab.deadlines'), selected: true }).waitFor();

      // the case list marks the overdue next deadline, and follows a deadline added elsewhere
      await nav.getByRole('link', { name: new RegExp(`^${L(lang, 'nav.cases')}`) }).click();
      await p.getByRole('heading', { level: 1, name: L(lang, 'cases.title') }).waitFor();
      const row = (ref: string) => p.locator('[role="row"]', { hasText: ref }).locator('.col-deadline');
      await expect.poll(async () => plain(await row('KE-1').textContent()), POLL).toContain(L(lang, 'cases.overdue'));
      await ok(harness, 'deadlines.complete', {
        id: (await ok<Array<{ id: string }>>(harness, 'deadlines.list', { caseId: second.id }))[0]!.id,
      });
      await expect.poll(async () => plain(await row('KE-2').textContent()), POLL).toBe('');
      await ok(harness, 'deadlines.add', { caseId: second.id, kind: 'hearing', title: 'Hearing', dueOn: dayOffset(9) });
      await expect.poll(async () => plain(await row('KE-2').textContent()), POLL).not.toBe('');
      expect(plain(await row('KE-2').textContent())).not.toContain(L(lang, 'cases.overdue'));
      await checkScreen(p, `cases-deadlines-${lang}`);
    });
  }

  it('says what to do on a first run with no cases, and what is true when a filter hides them', async () => {
    const { harness, p } = await openApp('en');
    page = p;
    await p.goto(harness.url);
    await p.getByRole('heading', { level: 1, name: L('en', 'home.title') }).waitFor();
    await p.getByText(N('en', 'home.deadlines.none', { days: 14 })).waitFor();
    await p.getByRole('link', { name: L('en', 'nav.cases'), exact: true }).click();
    await p.getByText(L('en', 'cases.noneYet')).waitFor();
    await checkScreen(p, 'cases-empty-en');
    await p.getByLabel(L('en', 'cases.filter.status')).selectOption('closed');
    await p.getByText(L('en', 'cases.none')).waitFor();
  });
});
