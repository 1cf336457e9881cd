/**
 * The walk the desktop-app issue names, end to end in Debian's Chromium against the real shell
 * and engine worker: create a vault → note the recovery key → add a case → add a person →
 * record a consent → add evidence (watching the progress) → search → lock → unlock with the
 * passphrase → unlock with the recovery key. Once in English and once in Arabic (right to left,
 * Arabic record data). Labels come from the catalogues, so the Arabic walk clicks Arabic words.
 * Every screen is screenshotted and scanned by axe.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomFillSync } from 'node:crypto';
import { startHarness, type Harness } from './harness/server.js';
import { plain } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';
import { CATALOGUE, type MessageKey } from '../../src-renderer/i18n/catalogue.js';
import { formatMessage, type MessageValues } from '../../src-renderer/i18n/format-message.js';
import type { ProgressEvent } from '../../shared/ipc/events.js';

const PASSPHRASE = 'correct horse battery staple';
type Lang = 'en' | 'ar';

const DATA = {
  en: { title: 'Beatings at the Zanzibarite detention centre', word: 'Zanzibarite', person: 'Amina Yusuf' },
  ar: { title: 'الضرب في مركز احتجاز زنجبارايت', word: 'زنجبارايت', person: 'أمينة يوسف' },
} as const;

let browser: Browser;
let h: Harness | undefined;
let page: Page | undefined;
let scratch: string;

beforeAll(async () => {
  browser = await launchChromium();
  scratch = mkdtempSync(join(tmpdir(), 'cv-e2e-flow-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});
afterEach(async () => {
  await page?.close();
  page = undefined;
  await h?.close();
  h = undefined;
});

function messages(lang: Lang) {
  return (key: MessageKey, values?: MessageValues) => plain(formatMessage(lang, CATALOGUE[lang][key]!, values));
}

async function walk(lang: Lang): Promise<void> {
  const L = messages(lang);
  const d = DATA[lang];
  h = await startHarness({ settings: { language: lang } });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const p = page;
  const dlg = p.getByRole('dialog');
  await p.goto(h.url);

  // ---- create the vault, note the recovery key
  await p.getByRole('heading', { name: L('vault.create.title') }).waitFor();
  expect(await p.evaluate('document.documentElement.dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  await checkScreen(p, `flow-create-${lang}`);
  await p.getByLabel(L('vault.create.passphrase'), { exact: true }).fill(PASSPHRASE);
  await p.getByLabel(L('vault.create.confirm'), { exact: true }).fill(PASSPHRASE);
  await p.getByRole('button', { name: L('vault.create.submit') }).click();
  const keyBox = p.getByTestId('recovery-key');
  await keyBox.waitFor();
  const recoveryKey = (await keyBox.locator('.recovery-group').allTextContents()).join(' ');
  expect(recoveryKey).toMatch(/^[0-9A-Z]{4}( [0-9A-Z]{4}){5,}$/);
  await checkScreen(p, `flow-recovery-key-${lang}`);
  const open = p.getByRole('button', { name: L('vault.recovery.continue') });
  expect(await open.isDisabled()).toBe(true); // not before confirming it was written down
  await p.getByLabel(L('vault.recovery.confirm')).check();
  await open.click();

  // ---- add a case
  await p
    .locator('nav.sidebar a', { hasText: L('nav.cases') })
    .first()
    .click(); // from home to the case list
  await p.getByRole('heading', { level: 1, name: L('cases.title') }).waitFor();
  await checkScreen(p, `flow-cases-empty-${lang}`);
  await p.getByRole('button', { name: L('cases.new') }).click();
  await dlg.waitFor();
  await dlg.getByLabel(L('cases.form.title'), { exact: true }).fill(d.title);
  await dlg.getByLabel(L('cases.form.country'), { exact: true }).selectOption('TZ');
  await checkScreen(p, `flow-new-case-${lang}`);
  await dlg.getByRole('button', { name: L('cases.form.create') }).click();
  await p.getByRole('tab', { name: L('caseDetail.tab.overview') }).waitFor();
  await p.getByText(d.title).first().waitFor();
  await checkScreen(p, `flow-case-overview-${lang}`);

  // ---- add a person
  await p.getByRole('tab', { name: L('caseDetail.tab.people') }).click();
  await p.getByRole('button', { name: L('people.add') }).click();
  await dlg.waitFor();
  await dlg.getByLabel(L('people.form.fullName'), { exact: true }).fill(d.person);
  await dlg.getByLabel(L('people.form.role'), { exact: true }).selectOption('survivor');
  await dlg.getByRole('button', { name: L('people.form.submit') }).click();
  await dlg.waitFor({ state: 'hidden' });
  await p.getByTestId('people-table').locator('tbody tr').filter({ hasText: d.person }).waitFor();
  await checkScreen(p, `flow-people-${lang}`);

  // ---- record a consent (every informed-consent element explained)
  await p.getByRole('tab', { name: L('caseDetail.tab.consents') }).click();
  await p.getByRole('button', { name: L('consents.record') }).click();
  await dlg.waitFor();
  await dlg.getByLabel(L('consents.form.purpose'), { exact: true }).selectOption('sharing');
  await dlg.getByLabel(L('consents.form.recipient'), { exact: true }).selectOption('class:un-body');
  for (const el of ['nature', 'purpose', 'use', 'consequences', 'right-to-refuse', 'right-to-withdraw'] as const) {
    await dlg.getByLabel(L(`consents.told.${el}`), { exact: true }).check();
  }
  await dlg.getByRole('button', { name: L('consents.form.submit') }).click();
  await dlg.waitFor({ state: 'hidden' });
  const consent = p
    .getByTestId('consents-table')
    .locator('tbody tr')
    .filter({ hasText: L('consents.purpose.sharing') });
  await consent.waitFor();
  expect(plain(await consent.getByTestId('consent-state').textContent())).toBe(L('consents.state.given'));
  await checkScreen(p, `flow-consents-${lang}`);

  // ---- add evidence, watching the progress (a 160 MiB file, so the bar has time to show)
  await p.evaluate(`window.__progress = []; window.vault.events.on('progress', (e) => window.__progress.push(e));`);
  const file = join(scratch, `statement-${lang}.bin`);
  const bytes = Buffer.alloc(160 * 1024 * 1024);
  randomFillSync(bytes);
  writeFileSync(file, bytes);
  h.host.openQueue.push(file);
  await p.getByRole('tab', { name: L('caseDetail.tab.evidence') }).click();
  await p.getByRole('button', { name: L('evidence.add') }).click();
  await dlg.waitFor();
  await dlg
    .getByLabel(L('evidence.form.title'), { exact: true })
    .fill(lang === 'en' ? 'Statement recording' : 'تسجيل الإفادة');
  await dlg.getByRole('button', { name: L('evidence.intake.submit') }).click();
  const bar = p.getByRole('progressbar');
  await bar.waitFor();
  await checkScreen(p, `flow-evidence-progress-${lang}`);
  await p.getByText(L('evidence.added.title')).waitFor({ timeout: 120_000 });
  const seen = (await p.evaluate('window.__progress')) as ProgressEvent[];
  const intake = seen.filter((e) => e.channel === 'evidence.add');
  expect(intake.length).toBeGreaterThan(3);
  expect(intake.every((e, i) => i === 0 || e.done >= intake[i - 1]!.done)).toBe(true);
  expect(intake.at(-1)).toMatchObject({ done: bytes.length, total: bytes.length });
  await checkScreen(p, `flow-evidence-${lang}`);

  // ---- search
  await p
    .getByRole('navigation')
    .getByRole('link', { name: L('nav.search') })
    .click();
  await p.getByLabel(L('search.field'), { exact: true }).fill(d.word);
  await p.getByLabel(L('search.field'), { exact: true }).press('Enter');
  const mark = p.locator('mark').filter({ hasText: d.word }).first();
  await mark.waitFor();
  expect(await mark.textContent()).toBe(d.word);
  await checkScreen(p, `flow-search-${lang}`);

  // ---- lock (the button): record data leaves the screen
  await p.getByRole('button', { name: L('lock.button') }).click();
  await p.getByRole('heading', { name: L('vault.unlock.title') }).waitFor();
  expect(await p.evaluate('document.body.innerText')).not.toContain(d.title);
  await checkScreen(p, `flow-unlock-${lang}`);

  // ---- unlock with the passphrase
  await p.getByLabel(L('vault.unlock.passphrase'), { exact: true }).fill(PASSPHRASE);
  await p.getByRole('button', { name: L('vault.unlock.submit') }).click();
  await p
    .locator('nav.sidebar a', { hasText: L('nav.cases') })
    .first()
    .click(); // from home to the case list
  await p.getByRole('heading', { level: 1, name: L('cases.title') }).waitFor();
  await p.getByText(d.title).first().waitFor();

  // ---- lock with the shortcut, unlock with the recovery key
  await p.keyboard.press('Control+L');
  await p.getByRole('heading', { name: L('vault.unlock.title') }).waitFor();
  await p.getByRole('button', { name: L('vault.unlock.useRecovery') }).click();
  await p.getByLabel(L('vault.unlock.recoveryKey'), { exact: true }).fill(recoveryKey.toLowerCase());
  await checkScreen(p, `flow-unlock-recovery-${lang}`);
  await p.getByRole('button', { name: L('vault.unlock.submit') }).click();
  await p
    .locator('nav.sidebar a', { hasText: L('nav.cases') })
    .first()
    .click(); // from home to the case list
  await p.getByRole('heading', { level: 1, name: L('cases.title') }).waitFor();
  await p.getByText(d.title).first().waitFor();
  expect(h.host.logs.filter((l) => l.includes('INTERNAL'))).toEqual([]);
}

describe('the desktop app, end to end in Chromium', () => {
  it('create → recovery key → case → person → consent → evidence → search → lock → unlock (passphrase, recovery key), in English', async () => {
    await walk('en');
  });

  it('the same walk in Arabic, right to left', async () => {
    await walk('ar');
  });
});
