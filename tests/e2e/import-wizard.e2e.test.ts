/**
 * End to end, in Debian's Chromium against the real shell and engine worker, at 1366×768: the
 * spreadsheet import wizard, in English and in Arabic, reached from the empty case list.
 *
 * A UTF-8 file of four cases, one with a status no case may have: the open dialog (its queue)
 * gives the file, the proposed mapping is preselected and saved by name, the preview lists three
 * cases to create and the bad row refused with the reason in the interface's language, the run
 * creates them, and the refused row is saved through the save dialog's queue (the file checked on
 * disk). Then a Windows-1256 file of Arabic names, as people of those cases, with the saved
 * mappings offered. The imported cases appear in the case list.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startHarness, type Harness } from './harness/server.js';
import { accName, ok, plain, msg } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';

const PASSPHRASE = 'correct horse battery staple';
const FIXTURES = resolve(import.meta.dirname, '../fixtures/import');
const CASES = join(FIXTURES, 'cases-en-utf8-one-bad-row.csv');
const PEOPLE_AR = join(FIXTURES, 'people-ar-windows-1256.csv');
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

function button(p: Page, lang: Lang, key: string, values?: Record<string, string | number>): Locator {
  return p.getByRole('button', { name: values ? accName(lang, key, values) : msg(lang, key), exact: true });
}

describe.each(['en', 'ar'] as const)('spreadsheet import wizard (%s)', (lang) => {
  it('imports a cases file with a bad row and an Arabic Windows-1256 file, and the cases appear in the list', async () => {
    h = await startHarness();
    await ok(h, 'vault.create', { passphrase: PASSPHRASE });
    await ok(h, 'settings.set', { language: lang });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(h.url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    folder = mkdtempSync(join(tmpdir(), 'cv-e2e-import-'));

    // the empty case list offers the import; the navigation has it under Organisation
    await page
      .locator('nav.sidebar')
      .getByRole('link', { name: msg(lang, 'nav.cases'), exact: true })
      .click();
    await expect(
      page
        .locator('nav.sidebar')
        .getByRole('link', { name: msg(lang, 'import.nav'), exact: true })
        .count(),
    ).resolves.toBe(1);
    await button(page, lang, 'import.fromEmptyList').click();
    await waitForText(page.locator('main h1'), msg(lang, 'import.title'));
    await checkScreen(page, `import-file-${lang}`);

    // 1. the file, from the open dialog (filtered to CSV)
    h.host.openQueue.push(CASES);
    await button(page, lang, 'import.file.choose').click();
    await waitForText(page.locator('main'), 'cases-en-utf8-one-bad-row.csv');
    expect(h.host.openKinds.at(-1)).toBe('csv');
    // 2. the kind: cases, by keyboard
    await page.getByLabel(msg(lang, 'import.kind.cases'), { exact: true }).check();
    await button(page, lang, 'import.next').press('Enter');
    // 3. the mapping: the proposal preselected
    const columns = page.getByRole('table', { name: msg(lang, 'import.mapping.caption') });
    await columns.waitFor();
    expect(await columns.getByRole('combobox', { name: 'Title', exact: true }).inputValue()).toBe('title');
    expect(await columns.getByRole('combobox', { name: 'Status', exact: true }).inputValue()).toBe('status');
    await page.getByLabel(msg(lang, 'import.mapping.saveName'), { exact: true }).fill('Cases sheet');
    await button(page, lang, 'import.mapping.save').click();
    await waitForText(page.getByRole('status').filter({ hasText: 'Cases sheet' }), 'Cases sheet');
    await checkScreen(page, `import-mapping-${lang}`);
    await button(page, lang, 'import.mapping.preview').click();
    // 4. the preview: three to create, the bad row refused in words of the interface
    const rows = page.getByRole('table', { name: msg(lang, 'import.preview.caption') });
    await rows.waitFor();
    const refused = rows.locator('tr.import-row-refuse');
    expect(await refused.count()).toBe(1);
    expect(plain(await refused.textContent())).toContain(msg(lang, 'error.INVALID_INPUT'));
    expect(await rows.locator('tr.import-row-create').count()).toBe(3);
    expect((await ok<{ items: unknown[] }>(h, 'cases.list', {})).items).toHaveLength(0);
    await checkScreen(page, `import-preview-${lang}`);
    // 5. the run, 6. the summary
    await button(page, lang, 'import.preview.run', { n: 3 }).click();
    await waitForText(page.locator('main'), msg(lang, 'import.summary.complete'));
    const counts = plain(await page.getByTestId('import-counts').textContent());
    expect(counts).toContain(msg(lang, 'import.count.did.refuse'));
    await checkScreen(page, `import-summary-${lang}`);
    const refusedFile = join(folder, 'refused.csv');
    h.host.saveQueue.push(refusedFile);
    await button(page, lang, 'import.summary.saveRefused').click();
    await waitForText(page.locator('main'), msg(lang, 'import.summary.savedRefused', { n: 1, name: 'refused.csv' }));
    expect(existsSync(refusedFile)).toBe(true);
    expect(readFileSync(refusedFile, 'utf8')).toContain('IMP-003,Collective expulsions,closed-ish');

    // the Arabic file: people of those cases, in Windows-1256
    await button(page, lang, 'import.summary.another').click();
    h.host.openQueue.push(PEOPLE_AR);
    await button(page, lang, 'import.file.choose').click();
    await page.getByLabel(msg(lang, 'import.kind.people'), { exact: true }).check();
    await button(page, lang, 'import.next').click();
    const arColumns = page.getByRole('table', { name: msg(lang, 'import.mapping.caption') });
    await arColumns.waitFor();
    expect(await arColumns.getByRole('combobox', { name: 'الاسم الكامل', exact: true }).inputValue()).toBe('fullName');
    await waitForText(page.locator('main'), 'windows-1256');
    await checkScreen(page, `import-mapping-arabic-file-${lang}`);
    await button(page, lang, 'import.mapping.preview').click();
    const arRows = page.getByRole('table', { name: msg(lang, 'import.preview.caption') });
    await arRows.waitFor();
    const creates = await arRows.locator('tr.import-row-create').count();
    expect(creates).toBeGreaterThan(0);
    await button(page, lang, 'import.preview.run', { n: creates }).click();
    await waitForText(page.locator('main'), msg(lang, 'import.summary.complete'));

    // the imported cases are in the case list
    await button(page, lang, 'import.summary.goto.people').click();
    for (const ref of ['IMP-001', 'IMP-002', 'IMP-004']) await waitForText(page.locator('main'), ref);
    expect(plain(await page.locator('main').textContent())).not.toContain('IMP-003');
    await checkScreen(page, `import-case-list-${lang}`);
  });
});
