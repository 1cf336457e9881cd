/**
 * End to end, in Chromium against the real shell and engine worker: the panic. Ctrl+Shift+L
 * pressed while typing in a field, and the panic button in the top bar, each lock the vault in
 * the engine and leave nothing of the case in the window (not in the text, not after going
 * back in history); the unlock screen shows. With the failed-unlock policy on, the unlock
 * screen says how many attempts remain once three or fewer do, and a vault whose keys were
 * destroyed says so before anything is typed. Screenshots and axe in English
 * and Arabic at 1366×768.
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
import { destroyKeySlots } from '../../src-main/engine/vault/unlock-guard.js';

const PASSPHRASE = 'correct horse battery staple';
const VIEWPORT = { width: 1366, height: 768 };
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

function L(lang: Lang, key: MessageKey, values?: MessageValues): string {
  return plain(formatMessage(lang, CATALOGUE[lang][key]!, values));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const DATA = {
  en: { title: 'Zanzibar detention petition', note: 'Witness Halima saw the arrest near the harbour' },
  ar: { title: 'عريضة الاحتجاز في زنجبار', note: 'الشاهدة حليمة رأت الاعتقال قرب الميناء' },
};

/** Every word of the case that the page showed, none of which may remain after the panic. */
function caseWords(lang: Lang): string[] {
  return [...DATA[lang].title.split(' '), ...DATA[lang].note.split(' '), 'ZP-2026-9'].filter((w) => w.length > 3);
}

async function bodyText(p: Page): Promise<string> {
  return p.evaluate(() => document.body.innerText);
}

async function expectCleared(p: Page, lang: Lang): Promise<void> {
  await p.getByRole('heading', { level: 1, name: L(lang, 'vault.unlock.title') }).waitFor(POLL);
  const text = await bodyText(p);
  for (const w of caseWords(lang)) expect(text, w).not.toContain(w);
  // nor hidden in the DOM (an attribute, a closed dialog, a detached viewer)
  const html = await p.evaluate(() => document.documentElement.outerHTML);
  for (const w of caseWords(lang)) expect(html, w).not.toContain(w);
}

/** Open the case page from the list and its notes tab, and check that the case is on screen. */
async function openCase(p: Page, lang: Lang): Promise<void> {
  await p
    .locator('nav.sidebar a', { hasText: L(lang, 'nav.cases') })
    .first()
    .click();
  await p.getByRole('button', { name: new RegExp(escape(DATA[lang].title)) }).click(POLL);
  await expect.poll(async () => plain(await p.locator('main h1').textContent()), POLL).toContain(DATA[lang].title);
  await p.getByRole('tab', { name: L(lang, 'caseDetail.tab.notes') }).click();
  await expect.poll(() => bodyText(p), POLL).toContain(DATA[lang].note);
}

async function unlock(p: Page, lang: Lang, passphrase = PASSPHRASE): Promise<void> {
  await p.getByLabel(L(lang, 'vault.unlock.passphrase')).fill(passphrase);
  await p.getByRole('button', { name: L(lang, 'vault.unlock.submit') }).click();
}

describe('panic', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`Ctrl+Shift+L from a field and the panic button lock at once and clear the window (${lang})`, async () => {
      const harness = await startHarness();
      h = harness;
      await ok(harness, 'vault.create', { passphrase: PASSPHRASE });
      if (lang !== 'en') await ok(harness, 'settings.set', { language: lang });
      const c = await ok<Case>(harness, 'cases.create', {
        title: DATA[lang].title,
        reference: 'ZP-2026-9',
        status: 'active',
      });
      await ok(harness, 'notes.add', { caseId: c.id, body: DATA[lang].note });
      const p = await browser.newPage({ viewport: VIEWPORT });
      page = p;
      await p.goto(harness.url);

      // the button: a name, the shortcut in its description and aria-keyshortcuts
      const button = p.getByRole('button', { name: L(lang, 'panic.button'), exact: true });
      await button.waitFor(POLL);
      expect(await button.getAttribute('aria-keyshortcuts')).toContain('Control+Shift+L');
      expect(await button.getAttribute('title')).toBe(L(lang, 'panic.hint'));
      expect(L(lang, 'panic.hint')).toContain('Ctrl+Shift+L');
      await p.locator('.topbar').screenshot({ path: join(SCREENSHOT_DIR, `panic-button-${lang}.png`) });

      // ---- the shortcut, while typing in a field of the page
      await openCase(p, lang);
      const history = await p.evaluate(() => history.length);
      const field = p.locator('main textarea, main input[type="text"], main input[type="search"]').first();
      await field.focus();
      await p.keyboard.type('draft');
      await p.keyboard.press('Control+Shift+L');
      await expectCleared(p, lang);
      // no notice that tells an onlooker what happened
      expect(await p.locator('.gate .notice').count()).toBe(0);
      await checkScreen(p, `panic-unlock-${lang}`);
      await expect.poll(async () => (await ok<{ state: string }>(harness, 'vault.status')).state, POLL).toBe('locked');
      // the app pushes no history entries of its own; back leaves the app, forward comes back locked
      expect(await p.evaluate(() => history.length)).toBe(history);
      await p.goBack();
      for (const w of caseWords(lang)) expect(await bodyText(p), w).not.toContain(w);
      await p.goForward();
      await expectCleared(p, lang);

      // ---- the button, after unlocking again
      await unlock(p, lang);
      await openCase(p, lang);
      await p.getByRole('button', { name: L(lang, 'panic.button'), exact: true }).click();
      await expectCleared(p, lang);
      await expect.poll(async () => (await ok<{ state: string }>(harness, 'vault.status')).state, POLL).toBe('locked');

      // ---- and the app after the next unlock starts afresh, at home
      await unlock(p, lang);
      await p.getByRole('heading', { level: 1, name: L(lang, 'home.title') }).waitFor(POLL);
    });
  }

  it('with the failed-unlock policy on, the unlock screen says when three or fewer attempts remain', async () => {
    const lang = 'en';
    const harness = await startHarness();
    h = harness;
    await ok(harness, 'vault.create', { passphrase: PASSPHRASE });
    await ok(harness, 'vault.setWipeAfterFailedUnlocks', { attempts: 5 });
    const p = await browser.newPage({ viewport: VIEWPORT });
    page = p;
    await p.goto(harness.url);
    await p.getByRole('button', { name: L(lang, 'panic.button'), exact: true }).click(POLL);
    await p.getByRole('heading', { level: 1, name: L(lang, 'vault.unlock.title') }).waitFor(POLL);
    const left = p.getByTestId('attempts-left');
    expect(await left.count()).toBe(0); // five remain: nothing said yet
    await unlock(p, lang, 'a wrong passphrase, once');
    await p.getByRole('alert').waitFor(POLL);
    expect(await left.count()).toBe(0); // four remain
    await unlock(p, lang, 'a wrong passphrase, twice');
    await expect
      .poll(async () => plain(await left.textContent().catch(() => '')), POLL)
      .toBe(L(lang, 'vault.unlock.attemptsLeft', { count: 3 }));
    await checkScreen(p, `panic-attempts-left-${lang}`);
    // the right one resets the count
    await unlock(p, lang);
    await p.getByRole('heading', { level: 1, name: L(lang, 'home.title') }).waitFor(POLL);
    expect(await ok(harness, 'vault.unlockGuard')).toEqual({
      wipeAfterFailedUnlocks: 5,
      failedUnlocks: 0,
      remaining: 5,
      keysDestroyed: false,
    });

    // a vault whose keys were destroyed says so on the unlock screen, before anything is typed
    await p.getByRole('button', { name: L(lang, 'panic.button'), exact: true }).click();
    await p.getByRole('heading', { level: 1, name: L(lang, 'vault.unlock.title') }).waitFor(POLL);
    await destroyKeySlots(harness.vaultDir, 'panic');
    await p.reload();
    await expect
      .poll(
        async () =>
          plain(
            await p
              .getByRole('alert')
              .textContent()
              .catch(() => ''),
          ),
        POLL,
      )
      .toBe(L(lang, 'error.VAULT_KEYS_DESTROYED'));
  });
});
