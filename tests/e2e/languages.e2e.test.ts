/**
 * Every screen, in every language (English, French, Spanish, Arabic): axe-core must find no
 * serious or critical violation, the document's language and direction must follow the setting,
 * and each screen is screenshotted. The other e2e files walk the screens' actions (in English and
 * Arabic); this one makes sure French and Spanish get the same scrutiny. Data is seeded through
 * the shell (the calls the UI makes), then every screen is reached by clicking, like a user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from './harness/server.js';
import { ok } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';
import { CATALOGUE, type MessageKey } from '../../src-renderer/i18n/catalogue.js';
import { LOCALES, type Locale } from '../../src-renderer/i18n/define.js';

let browser: Browser;
let scratch: string;
beforeAll(async () => {
  browser = await launchChromium();
  scratch = mkdtempSync(join(tmpdir(), 'cv-e2e-lang-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A vault with a record of every kind the screens show. */
async function seed(h: Harness): Promise<void> {
  await ok(h, 'vault.create', { passphrase: 'correct horse battery staple' });
  const c = await ok<{ id: string }>(h, 'cases.create', {
    title: 'Detention in Gulu barracks',
    country: 'UG',
    forum: 'regional-commission',
    tags: ['detention'],
  });
  const p = await ok<{ id: string }>(h, 'people.create', { fullName: 'Okello Peter', pseudonym: 'Client O' });
  await ok(h, 'people.link', { personId: p.id, caseId: c.id, role: 'survivor' });
  await ok(h, 'consents.add', {
    personId: p.id,
    caseId: c.id,
    purpose: 'representation',
    told: ['nature', 'purpose', 'use', 'consequences', 'right-to-refuse', 'right-to-withdraw'],
    method: 'written',
    givenAt: '2026-01-10',
  });
  const file = join(scratch, `statement-${Date.now()}.txt`);
  writeFileSync(file, 'Statement taken at the office.');
  h.host.openQueue.push(file);
  const chosen = await ok<{ handle: string }>(h, 'files.chooseEvidence');
  await ok(h, 'evidence.add', { caseId: c.id, file: chosen.handle, title: 'Statement', type: 'testimony' });
  await ok(h, 'notes.add', { caseId: c.id, body: 'Met the client in Gulu; barracks visit planned.' });
  await ok(h, 'deadlines.add', {
    caseId: c.id,
    kind: 'filing',
    title: 'Communication to the Commission',
    dueOn: '2099-01-15',
  });
  await ok(h, 'enquiries.add', {
    channel: 'phone',
    summary: 'A relative asks for help after an arrest.',
    enquirerName: 'Akello Grace',
  });
  await ok(h, 'partners.add', { name: 'Legal Aid Network', kind: 'ngo', country: 'UG' });
  await ok(h, 'risks.add', {
    threat: 'Laptop seized at a checkpoint',
    category: 'device',
    likelihood: 3,
    impact: 5,
    owner: 'Field lead',
    reviewOn: '2099-03-01',
  });
}

describe('every screen in every language', () => {
  for (const lang of LOCALES) {
    it(`has no serious or critical accessibility violation in ${lang}`, async () => {
      const L = (key: MessageKey) => CATALOGUE[lang as Locale][key]!;
      const h = await startHarness({ settings: { language: lang } });
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      try {
        await seed(h);
        await page.goto(h.url);
        await page
          .locator('nav.sidebar a', { hasText: L('nav.cases') })
          .first()
          .click(); // from home to the case list
        await page.getByRole('heading', { level: 1, name: L('cases.title') }).waitFor();
        expect(await page.evaluate('[document.documentElement.lang, document.documentElement.dir]')).toEqual([
          lang,
          lang === 'ar' ? 'rtl' : 'ltr',
        ]);
        await page.locator('[data-index="0"] button').waitFor();
        await checkScreen(page, `lang-cases-${lang}`);

        // the case and each of its tabs
        await page.locator('[data-index="0"] button').click();
        for (const tab of ['overview', 'people', 'consents', 'evidence', 'notes', 'deadlines', 'outcomes'] as const) {
          const t = page.getByRole('tab', { name: L(`caseDetail.tab.${tab}` as MessageKey) });
          await t.click();
          await expect.poll(() => t.getAttribute('aria-selected')).toBe('true');
          await page.waitForLoadState('networkidle');
          await checkScreen(page, `lang-case-${tab}-${lang}`);
        }

        // every top-level screen from the navigation (a count may follow an entry's label)
        const nav = page.getByRole('navigation');
        for (const item of ['enquiries', 'search', 'partners', 'risks', 'audit', 'settings'] as const) {
          await nav.getByRole('link', { name: new RegExp(`^${L(`nav.${item}` as MessageKey)}`) }).click();
          await expect
            .poll(() =>
              nav
                .getByRole('link', { name: new RegExp(`^${L(`nav.${item}` as MessageKey)}`) })
                .getAttribute('aria-current'),
            )
            .toBe('page');
          await page.waitForLoadState('networkidle');
          await checkScreen(page, `lang-${item}-${lang}`);
        }

        // and the unlock screen
        await page.keyboard.press('Control+L');
        await page.getByRole('heading', { name: L('vault.unlock.title') }).waitFor();
        await checkScreen(page, `lang-unlock-${lang}`);
      } finally {
        await page.close();
        await h.close();
      }
    });
  }
});
