/**
 * Reading QR codes from pictures, end to end: two vaults (A through its harness only, B through
 * the app in Chromium). B adds A from a picture of A's card QR code (the PNG A's app saves),
 * then verifies A's key from a picture of A's safety-number code — first a picture of the
 * wrong kind (refused, nothing recorded), then the right one (verified, as scanned).
 * Screens are checked by axe and screenshotted at 1366×768 in English and Arabic.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { startHarness, type Harness } from './harness/server.js';
import { ok, plain, msg } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';
import type { CardImportResult, PartnerDetail } from '../../shared/domain/partners.js';
import type { SafetyNumber } from '../../shared/domain/identity.js';

const PASSPHRASE = 'correct horse battery staple';
type Lang = 'en' | 'ar';

let browser: Browser;
const harnesses: Harness[] = [];
const pages: Page[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  for (const p of pages.splice(0)) await p.close();
  for (const h of harnesses.splice(0)) await h.close();
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

async function vault(lang: Lang, name: string, organisation: string): Promise<Harness> {
  const h = await startHarness();
  harnesses.push(h);
  await ok(h, 'vault.create', { passphrase: PASSPHRASE });
  await ok(h, 'settings.set', { language: lang });
  await ok(h, 'identity.update', { name, organisation });
  return h;
}

/** Save the vault's card through its save dialog, as `.cvcard` or as the QR picture the app draws. */
async function saveCard(h: Harness, path: string, format: 'card' | 'png'): Promise<string> {
  h.host.saveQueue.push(path);
  const target = await ok<{ handle: string }>(h, 'files.chooseSaveTarget', { suggestedName: 'card', kind: 'qr-png' });
  await ok(h, 'identity.exportCard', { target: target.handle, format });
  return path;
}

describe.each(['en', 'ar'] as const)('QR codes read from pictures (%s)', (lang) => {
  it('adds a partner from a picture of its card, and verifies its key from a picture of its safety number', async () => {
    const stick = mkdtempSync(join(tmpdir(), 'cv-qr-e2e-'));
    const A = await vault(lang, 'Asha Njeri', 'Haki Litigation Centre');
    const B = await vault(lang, 'Tomás Ruiz', 'Partner Legal Aid');
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    pages.push(page);
    await page.goto(B.url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');

    // B: "Add a partner from a picture of a card…" with the QR picture A's app saved
    const aCardPicture = await saveCard(A, join(stick, 'haki-card.png'), 'png');
    await page
      .locator('nav.sidebar')
      .getByRole('link', { name: new RegExp(`^${msg(lang, 'nav.partners')}`) })
      .click();
    await page.getByRole('button', { name: msg(lang, 'keys.importNewPicture'), exact: true }).waitFor();
    await checkScreen(page, `qr-read-partners-${lang}`);
    B.host.openQueue.push(aCardPicture);
    await page.getByRole('button', { name: msg(lang, 'keys.importNewPicture'), exact: true }).click();
    await waitForText(page.locator('main h1').first(), 'Haki Litigation Centre');
    expect(B.host.openKinds.at(-1)).toBe('picture');
    await waitForText(page.locator('[data-testid="key-state"]'), msg(lang, 'keys.state.unverified'));

    // A holds B's card too, and shows the safety number of (A, B) as a code on its screen
    const bCard = await saveCard(B, join(stick, 'partner.cvcard'), 'card');
    A.host.openQueue.push(bCard);
    const chosen = await ok<{ handle: string }>(A, 'files.chooseOpen', { kind: 'contact-card' });
    const atA = await ok<CardImportResult>(A, 'partners.importCard', { file: chosen.handle });
    const onAScreen = await ok<SafetyNumber>(A, 'partners.safetyNumber', { keyId: atA.key.id });
    const numberPicture = join(stick, 'safety-number.png');
    writeFileSync(
      numberPicture,
      await QRCode.toBuffer([{ data: Buffer.from(onAScreen.scannable, 'base64'), mode: 'byte' }]),
    );
    const wrongPicture = join(stick, 'web-address.png');
    writeFileSync(wrongPicture, await QRCode.toBuffer('https://example.org/'));

    // B verifies from a picture: first the wrong one (refused loudly, nothing recorded)
    await page.locator('[data-testid="partner-key"] button').first().click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('[data-testid="safety-number"]').waitFor();
    await dialog.getByLabel(msg(lang, 'verify.by'), { exact: true }).fill('Tomás Ruiz');
    B.host.openQueue.push(wrongPicture);
    await dialog.getByRole('button', { name: msg(lang, 'verify.picture'), exact: true }).click();
    await waitForText(dialog.locator('[role="alert"]'), msg(lang, 'error.QR_NOT_A_SAFETY_NUMBER'));
    await checkScreen(page, `qr-read-${lang}`);
    const partners = await ok<Array<{ id: string }>>(B, 'partners.list', {});
    expect((await ok<PartnerDetail>(B, 'partners.get', { id: partners[0]!.id })).keyState).toBe('unverified');

    // then the picture of A's screen: verified, recorded as scanned
    B.host.openQueue.push(numberPicture);
    await dialog.getByRole('button', { name: msg(lang, 'verify.picture'), exact: true }).click();
    await waitForText(page.locator('[data-testid="key-verified"]'), msg(lang, 'verify.done'));
    expect(B.host.openKinds.at(-1)).toBe('picture');
    const detail = await ok<PartnerDetail>(B, 'partners.get', { id: partners[0]!.id });
    expect(detail.keyState).toBe('verified');
    expect(detail.keys[0]).toMatchObject({ status: 'verified', verifiedBy: 'Tomás Ruiz', verifiedHow: 'scanned' });
    await checkScreen(page, `qr-read-verified-${lang}`);
  });
});
