/**
 * End to end, in Debian's Chromium against the real shell and engine worker: the evidence tab's
 * section "Described by a partner — file not received".
 *
 * Organisation B runs the app (harness); organisation A is a second vault behind the same
 * router, in process. They exchange contact cards through files and verify each other's safety
 * number; A's sharing profile for B lets some evidence fields through but not the files; A
 * shares a case with two items, B imports the bundle (tests/ipc/received-evidence-scenario.ts).
 * B's user opens the case from the case list and its evidence tab, by clicking: no item with a
 * file, and the section listing both descriptions — title, type, size, the short SHA-256 (the
 * whole value for screen readers and in the tooltip), the partner who described it, when it
 * arrived — and "not shared" where A's profile left a field out. In English and in Arabic
 * (right to left), screenshotted and scanned by axe. A case with no such description does not
 * show the section.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from './harness/server.js';
import { plain } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';
import { CATALOGUE, type MessageKey } from '../../src-renderer/i18n/catalogue.js';
import { formatMessage, type MessageValues } from '../../src-renderer/i18n/format-message.js';
import type { PartnerKey } from '../../shared/domain/partners.js';
import type { IpcVault } from '../ipc/ipc-helpers.js';
import {
  clearPartner,
  exportCard,
  importCard,
  namedVault,
  safetyNumberOf,
  stick,
} from '../ipc/exchange-ipc-helpers.js';
import { describedWithoutFiles } from '../ipc/received-evidence-scenario.js';

const PASSPHRASE = 'correct horse battery staple';
const POLL = { timeout: 20_000 };
type Lang = 'en' | 'ar';

let browser: Browser;
let h: Harness | undefined;
let page: Page | undefined;
const vaults: IpcVault[] = [];

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
  for (const v of vaults.splice(0)) v.cleanup();
});

/** Text without the Unicode isolates the message formatter puts around values. */
function L(lang: Lang, key: MessageKey, values?: MessageValues): string {
  return plain(formatMessage(lang, CATALOGUE[lang][key]!, values));
}

/** The harness's router with the few members the exchange helpers use (ok, call, host, dir). */
function asIpcVault(harness: Harness): IpcVault {
  const call = (channel: string, input: unknown = {}) => harness.shell.handle(true, channel, input);
  const ok = async (channel: string, input: unknown = {}) => {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  return {
    dir: harness.vaultDir,
    shell: harness.shell,
    host: harness.host,
    call,
    ok,
    cleanup: () => undefined,
  } as unknown as IpcVault;
}

describe('evidence tab: described by a partner, file not received', () => {
  it('lists what the partner shared, in English and in Arabic, and nothing on a case without such items', async () => {
    h = await startHarness();
    await h.shell.handle(true, 'vault.create', { passphrase: PASSPHRASE });
    const b = asIpcVault(h);
    await b.ok('identity.update', { name: 'Tomás Ruiz', organisation: 'Partner Legal Aid' });
    const a = await namedVault('Asha Njeri', 'Haki Litigation Centre');
    vaults.push(a);
    const dir = stick();
    const bSeesA = await importCard(b, await exportCard(a, dir, 'haki.cvcard'));
    const aSeesB = await importCard(a, await exportCard(b, dir, 'partner.cvcard'));
    const readOutByA = (await safetyNumberOf(a, aSeesB.key.id)).groups.join(' ');
    const readOutByB = (await safetyNumberOf(b, bSeesA.key.id)).groups.join(' ');
    await a.ok<PartnerKey>('partners.verifyKey', {
      keyId: aSeesB.key.id,
      safetyNumber: readOutByB,
      how: 'read-aloud',
      verifiedBy: 'Asha',
    });
    await b.ok<PartnerKey>('partners.verifyKey', {
      keyId: bSeesA.key.id,
      safetyNumber: readOutByA,
      how: 'read-aloud',
      verifiedBy: 'Tomás',
    });
    // the partner policy (on by default): due diligence approved, an agreement signed
    await clearPartner(a, aSeesB.partner.id);
    const s = await describedWithoutFiles({ a, b, aSeesB, bSeesA, dir });
    expect(s.imported.counts.files).toBe(0);
    // a case of B's own, without descriptions from anyone
    await b.ok('cases.create', { title: 'Eviction of the Kibera families', reference: 'KE-2026-9' });

    for (const lang of ['en', 'ar'] as const) {
      await b.ok('settings.set', { language: lang });
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(h.url);
      await page
        .locator('nav.sidebar a', { hasText: L(lang, 'nav.cases') })
        .first()
        .click(); // from home to the case list
      await page.getByRole('heading', { level: 1, name: L(lang, 'cases.title') }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');

      // --- B's own case: the evidence tab has no such section
      await page.getByRole('button', { name: /KE-2026-9/ }).click();
      await expect
        .poll(async () => plain(await page!.locator('main h1').textContent()), POLL)
        .toContain('Eviction of the Kibera families');
      await page.getByRole('tab', { name: L(lang, 'caseDetail.tab.evidence') }).click();
      await page.getByText(L(lang, 'evidence.none')).waitFor();
      expect(await page.getByRole('heading', { name: L(lang, 'evidence.received.title') }).count()).toBe(0);

      // --- the shared case (its title was not shared: found by its reference)
      await page
        .locator('nav.sidebar')
        .getByRole('link', { name: new RegExp(`^${L(lang, 'nav.cases')}`) }) // a count may follow the label
        .click();
      await page.getByRole('heading', { level: 1, name: L(lang, 'cases.title') }).waitFor();
      await page.getByRole('button', { name: /KE-2026-7/ }).click();
      await expect.poll(async () => plain(await page!.locator('main h1').textContent()), POLL).toContain('KE-2026-7');
      await page.getByRole('tab', { name: L(lang, 'caseDetail.tab.evidence') }).click();
      await page.getByText(L(lang, 'evidence.none')).waitFor();
      const section = page.locator('section.received-descriptions');
      await section.getByRole('heading', { level: 3, name: L(lang, 'evidence.received.title') }).waitFor();
      const table = section.getByRole('table', { name: L(lang, 'evidence.received.caption') });
      const heads = (await table.locator('thead th').allTextContents()).map(plain);
      expect(heads).toEqual([
        L(lang, 'evidence.col.title'),
        L(lang, 'evidence.col.type'),
        L(lang, 'evidence.col.size'),
        L(lang, 'evidence.col.sha256'),
        L(lang, 'evidence.received.col.from'),
        L(lang, 'evidence.col.received'),
      ]);
      expect(await table.locator('tbody tr').count()).toBe(2);

      const row = table.locator('tbody tr', { hasText: 'Statement of AB-1' });
      const cells = (await row.locator('td').allTextContents()).map(plain);
      expect(cells[0]).toBe('Statement of AB-1');
      expect(cells[1]).toBe(L(lang, 'evidence.type.testimony'));
      // the short form shown, the whole value for screen readers and in the tooltip
      const hash = row.locator('td').nth(3).locator('bdi.code');
      expect(await hash.getAttribute('title')).toBe(s.statement.sha256);
      expect(plain(await hash.locator('[aria-hidden="true"]').textContent())).toBe(
        `${s.statement.sha256.slice(0, 12)}…`,
      );
      expect(plain(await hash.locator('.visually-hidden').textContent())).toBe(s.statement.sha256);
      expect(cells[4]).toBe('Haki Litigation Centre');
      expect(cells[5]).not.toBe('');
      // what A's profile left out is not on the screen in any form
      const text = plain(await section.textContent());
      for (const secret of [
        'Names the officers',
        'AB-1, in person',
        'Kilima',
        'statement.pdf',
        'application/pdf',
        'image/jpeg',
      ])
        expect(text).not.toContain(secret);
      expect(plain(await table.locator('tbody tr', { hasText: 'cell-4.jpg' }).locator('td').nth(1).textContent())).toBe(
        L(lang, 'evidence.type.photo'),
      );

      await checkScreen(page, `received-evidence-${lang}`);
      await page.close();
      page = undefined;
    }
  });
});
