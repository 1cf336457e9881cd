/**
 * End to end, in Debian's Chromium against the real shell and engine worker: an evidence item's
 * page and the viewer. A PDF is taken in through the intake form with its provenance; the case's
 * evidence tab shows it on one line; its page shows the provenance and the custody log numbered
 * for this item (another item's event comes first, so the vault-wide sequence numbers would not
 * start at 1); the actions menu is driven by keyboard; the viewer draws the PDF with pdf.js onto a
 * canvas (no plugin <embed>/<object>, no frame) with page navigation and zoom. Screens are
 * screenshotted at 1366×768 and scanned by axe, in English and Arabic.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { startHarness, type Harness } from './harness/server.js';
import { ok, plain } from './e2e-helpers.js';
import { checkScreen, launchChromium, screenshot } from './browser.js';
import { CATALOGUE, type MessageKey } from '../../src-renderer/i18n/catalogue.js';
import { formatMessage, type MessageValues } from '../../src-renderer/i18n/format-message.js';
import type { Case } from '../../shared/domain/cases.js';
import type { ChosenFile } from '../../shared/ipc/areas/app.js';

const PASSPHRASE = 'correct horse battery staple';
const POLL = { timeout: 20_000 };
const VIEWPORT = { width: 1366, height: 768 };
type Lang = 'en' | 'ar';

let browser: Browser;
let h: Harness | undefined;
let scratch: string | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Text without the Unicode isolates the message formatter puts around values. */
function L(lang: Lang, key: MessageKey, values?: MessageValues): string {
  return plain(formatMessage(lang, CATALOGUE[lang][key]!, values));
}

/** A two-page PDF with a dark block and text on each page. */
function pdf(): Promise<Buffer> {
  return new Promise((resolvePdf, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolvePdf(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const n of [1, 2]) {
      if (n > 1) doc.addPage();
      doc.rect(72, 72, 300, 120).fill('#1b3a6b');
      doc.fillColor('#000').fontSize(20).text(`Medical report, page ${n}`, 72, 240);
    }
    doc.end();
  });
}

const PROVENANCE = {
  source: 'Regional hospital of Sfax',
  collector: 'Amira K.',
  method: 'Scan of the signed original',
  place: 'Sfax',
};
const TITLE = 'Istanbul Protocol report';

/** The numbers and actions of the custody table on the page. */
async function custodyRows(page: Page): Promise<string[][]> {
  const rows = page.locator('.custody-table tbody tr');
  return (await rows.evaluateAll((trs) =>
    trs.map((tr) => [tr.children[0]!.textContent ?? '', tr.children[2]!.textContent ?? '']),
  )) as string[][];
}

/** From wherever the app starts: the case list in the menu, then the case. */
async function openCase(page: Page, lang: Lang): Promise<void> {
  await page
    .locator('nav.sidebar a', { hasText: L(lang, 'nav.cases') })
    .first()
    .click();
  await page.getByRole('button', { name: /TN-2026-12/ }).click();
}

describe('the evidence page and the viewer', () => {
  it('shows provenance and the custody log numbered per item, draws a PDF with pdf.js, in English and Arabic', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'cv-evidence-page-'));
    const pdfFile = join(scratch, 'report.pdf');
    writeFileSync(pdfFile, await pdf());
    const otherFile = join(scratch, 'other.txt');
    writeFileSync(otherFile, 'another item, taken in first');

    h = await startHarness();
    await ok(h, 'vault.create', { passphrase: PASSPHRASE });
    const kase = await ok<Case>(h, 'cases.create', { title: 'Torture in detention', reference: 'TN-2026-12' });
    // another item first: its custody event takes the vault's first sequence number
    h.host.openQueue.push(otherFile);
    const other = await ok<ChosenFile>(h, 'files.chooseEvidence');
    await ok(h, 'evidence.add', { caseId: kase.id, file: other.handle, title: 'Earlier item' });

    const en: Lang = 'en';
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(h.url);
    await openCase(page, en);
    await page.getByRole('tab', { name: L(en, 'caseDetail.tab.evidence') }).click();

    // intake with provenance; a PDF's type is first a document
    h.host.openQueue.push(pdfFile);
    await page.getByRole('button', { name: L(en, 'evidence.add'), exact: true }).click();
    const intake = page.getByRole('dialog');
    expect(await intake.getByLabel(L(en, 'evidence.form.type'), { exact: true }).inputValue()).toBe('document');
    await intake.getByLabel(L(en, 'evidence.form.title'), { exact: true }).fill(TITLE);
    await intake.getByLabel(L(en, 'evidence.form.type'), { exact: true }).selectOption('medical-report');
    await intake.getByLabel(L(en, 'evidence.form.source'), { exact: true }).fill(PROVENANCE.source);
    await intake.getByLabel(L(en, 'evidence.form.collector'), { exact: true }).fill(PROVENANCE.collector);
    await intake.getByLabel(L(en, 'evidence.form.method'), { exact: true }).fill(PROVENANCE.method);
    await intake.getByLabel(L(en, 'evidence.form.collectedOn'), { exact: true }).fill('2026-03-02');
    await intake.getByLabel(L(en, 'evidence.form.place'), { exact: true }).fill(PROVENANCE.place);
    await intake.getByRole('button', { name: L(en, 'evidence.intake.submit') }).click();
    await intake.waitFor({ state: 'hidden' });

    // the tab: one line per item, its actions in a menu
    const row = page.locator('.evidence-table tbody tr', { hasText: TITLE });
    await row.waitFor();
    expect(await row.locator('button, a').count()).toBe(2); // the title and the menu button
    const rowBox = await row.boundingBox();
    expect(rowBox!.height).toBeLessThan(60);
    await checkScreen(page, 'evidence-tab-en');

    // the page, from the row's title
    await row.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const provenance = page.getByRole('region', { name: L(en, 'evidence.page.provenance') });
    const provenanceText = plain(await provenance.textContent());
    for (const value of Object.values(PROVENANCE)) expect(provenanceText).toContain(value);
    expect(provenanceText).toContain('2026');
    await expect.poll(() => custodyRows(page), POLL).toEqual([['1', L(en, 'evidence.custody.action.received')]]);

    // the actions menu, by keyboard: ↓ opens it on the first action (view)
    const menuButton = page.getByRole('button', { name: L(en, 'evidence.actions.menu') });
    await menuButton.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    await screenshot(page, 'evidence-actions-menu-en');
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    expect(plain(await page.evaluate(() => document.activeElement?.textContent ?? ''))).toBe(
      L(en, 'evidence.action.view'),
    );
    // Escape closes it and returns to the button; End then Enter would pick the last action
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe('menu');
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await page.keyboard.press('Enter'); // the first action: view

    // the viewer: pdf.js on a canvas, no plugin, no frame, with page navigation and zoom
    const viewer = page.getByRole('dialog');
    const canvas = viewer.locator('canvas.pdf-canvas');
    await canvas.waitFor();
    const inked = () =>
      canvas.evaluate((el) => {
        const c = el as HTMLCanvasElement;
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) dark++;
        return dark;
      });
    await expect.poll(inked, POLL).toBeGreaterThan(10_000);
    expect(await page.locator('embed, object, iframe').count()).toBe(0);
    const label = () => canvas.getAttribute('aria-label').then(plain);
    expect(await label()).toBe(L(en, 'evidence.pdf.canvas', { page: '1', count: '2', title: TITLE }));
    await checkScreen(page, 'evidence-viewer-pdf-en');
    const width = (await canvas.boundingBox())!.width;
    await viewer.getByRole('button', { name: L(en, 'evidence.pdf.zoomIn') }).click();
    await expect.poll(async () => (await canvas.boundingBox())!.width, POLL).toBeGreaterThan(width);
    await viewer.getByRole('button', { name: L(en, 'evidence.pdf.next') }).click();
    await expect.poll(label, POLL).toBe(L(en, 'evidence.pdf.canvas', { page: '2', count: '2', title: TITLE }));
    await expect.poll(inked, POLL).toBeGreaterThan(10_000);
    await viewer
      .getByRole('button', { name: L(en, 'action.close') })
      .first()
      .click();
    await viewer.waitFor({ state: 'hidden' });

    // the view is in the custody log, numbered 2 for this item (the vault's third event)
    await expect
      .poll(() => custodyRows(page), POLL)
      .toEqual([
        ['1', L(en, 'evidence.custody.action.received')],
        ['2', L(en, 'evidence.custody.action.viewed')],
      ]);
    await checkScreen(page, 'evidence-page-en');
    await page.locator('.custody-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'evidence-page-custody-en');
    await page.close();

    // Arabic, right to left: the same page
    await ok(h, 'settings.set', { language: 'ar' });
    const ar = await browser.newPage({ viewport: VIEWPORT });
    await ar.goto(h.url);
    await openCase(ar, 'ar');
    await ar.getByRole('tab', { name: L('ar', 'caseDetail.tab.evidence') }).click();
    await ar.getByRole('button', { name: TITLE, exact: true }).click();
    await ar.getByRole('heading', { level: 2, name: L('ar', 'evidence.page.provenance') }).waitFor();
    expect(await ar.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => custodyRows(ar).then((r) => r.length), POLL).toBe(2);
    await checkScreen(ar, 'evidence-page-ar');
    await ar.close();
  });
});
