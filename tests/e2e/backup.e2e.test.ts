/**
 * End to end, in Debian's Chromium against the real shell and engine worker (docs/backup.md,
 * docs/user-guide.md "Backup"):
 *
 * - Home shows that no backup was made yet, and its button opens Settings → Backup;
 * - "Back up now" asks for the folder (the harness's folder dialog answers a temp folder), writes
 *   a snapshot with progress, and lists it; a second one goes to the same folder at one click;
 *   "Verify every backup" reads them back; after an erasure both say they hold erased data, and
 *   "Remove older backups" keeps the newest after a confirmation;
 * - a fresh app with an empty vault folder offers "Restore from a backup" on its start screen:
 *   the same folder, its snapshot, the passphrase of that time; the restored vault is checked,
 *   unlocked, and shows the case.
 *
 * English and Arabic (rtl) at 1366×768; every screen screenshotted and scanned by axe.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from './harness/server.js';
import { ok, plain } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';
import { CATALOGUE, type MessageKey } from '../../src-renderer/i18n/catalogue.js';
import { formatMessage, type MessageValues } from '../../src-renderer/i18n/format-message.js';

const PASSPHRASE = 'correct horse battery staple';
const VIEWPORT = { width: 1366, height: 768 };
const POLL = { timeout: 30_000 };
type Lang = 'en' | 'ar';

let browser: Browser;
const harnesses: Harness[] = [];
const pages: Page[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  for (const p of pages.splice(0)) await p.close();
  for (const h of harnesses.splice(0)) await h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function L(lang: Lang, key: MessageKey, values?: MessageValues): string {
  return plain(formatMessage(lang, CATALOGUE[lang][key]!, values));
}

async function app(lang: Lang): Promise<{ h: Harness; p: Page }> {
  const h = await startHarness();
  harnesses.push(h);
  if (lang !== 'en') await ok(h, 'settings.set', { language: lang });
  const p = await browser.newPage({ viewport: VIEWPORT });
  pages.push(p);
  return { h, p };
}

const CASE_TITLE = { en: 'Detention at the border', ar: 'احتجاز على الحدود' };

describe('backup and restore in the app', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`backs up from Settings, verifies, and restores on a fresh start screen (${lang})`, async () => {
      const drive = mkdtempSync(join(tmpdir(), 'cv-e2e-drive-'));
      dirs.push(drive);

      // --- the vault that is backed up
      const a = await app(lang);
      await ok(a.h, 'vault.create', { passphrase: PASSPHRASE });
      await ok(a.h, 'cases.create', { title: CASE_TITLE[lang], reference: 'BK-1', status: 'active' });
      await a.p.goto(a.h.url);
      await a.p.getByRole('heading', { level: 1, name: L(lang, 'home.title') }).waitFor();
      const homeBackup = a.p.getByTestId('home-backup');
      await homeBackup.getByText(L(lang, 'backup.home.due')).waitFor();
      await checkScreen(a.p, `backup-home-${lang}`);
      await homeBackup.getByRole('button', { name: L(lang, 'backup.home.open') }).click();
      const heading = a.p.getByRole('heading', { level: 2, name: L(lang, 'backup.title') });
      await heading.waitFor();
      // the reminder's button lands on the Backup section itself
      await expect.poll(() => a.p.evaluate(() => document.activeElement?.id), POLL).toBe('settings-backup-title');
      const section = a.p.getByTestId('settings-backup');
      await section.getByText(L(lang, 'backup.never')).waitFor();

      a.h.host.folderQueue.push(drive);
      await section.getByRole('button', { name: L(lang, 'backup.now') }).click();
      await expect.poll(async () => plain(await section.getByTestId('backup-result').textContent()), POLL).not.toBe('');
      await expect.poll(() => section.getByTestId('backup-snapshot').count(), POLL).toBe(1);
      const status = await ok<{ lastSnapshotId: string }>(a.h, 'backup.status');
      const shortId = status.lastSnapshotId.slice(-8);
      expect(plain(await section.getByTestId('backup-result').textContent())).toContain(shortId);
      await expect
        .poll(async () => plain(await section.getByTestId('backup-last').textContent()), POLL)
        .toContain(shortId);
      expect(a.h.host.folderQueue).toEqual([]);

      // a second backup goes to the same folder without asking again
      await section.getByRole('button', { name: L(lang, 'backup.now') }).click();
      await expect.poll(() => section.getByTestId('backup-snapshot').count(), POLL).toBe(2);

      await section.getByRole('button', { name: L(lang, 'backup.verify.all') }).click();
      await expect
        .poll(async () => plain(await section.getByTestId('backup-verify-result').textContent()), POLL)
        .toBe(L(lang, 'backup.verify.done', { count: 2 }));
      await expect.poll(() => section.getByTestId('backup-verified').count(), POLL).toBe(2);
      await section.scrollIntoViewIfNeeded();
      await checkScreen(a.p, `backup-settings-${lang}`);

      // an erasure after both: back on Settings, the remembered folder is listed again and both
      // snapshots say they hold data erased since
      const person = await ok<{ id: string }>(a.h, 'people.create', { fullName: 'Witness', pseudonym: 'W-1' });
      await ok(a.h, 'people.erase', { id: person.id, reason: 'asked to be forgotten' });
      const nav = a.p.getByRole('navigation', { name: L(lang, 'nav.label') });
      await nav.getByRole('link', { name: L(lang, 'home.nav'), exact: true }).click();
      await a.p.getByRole('heading', { level: 1, name: L(lang, 'home.title') }).waitFor();
      await nav.getByRole('link', { name: L(lang, 'nav.settings'), exact: true }).click();
      await expect.poll(() => section.getByTestId('backup-erasures-after').count(), POLL).toBe(2);
      expect(plain(await section.getByTestId('backup-erasures-after').first().textContent())).toBe(
        L(lang, 'backup.snapshots.erasuresAfter', { count: 1 }),
      );

      // prune to the newest one, after a confirmation
      await section.getByLabel(L(lang, 'backup.prune.keep')).fill('1');
      await section.getByRole('button', { name: L(lang, 'backup.prune.submit') }).click();
      await expect
        .poll(async () => plain(await section.getByTestId('backup-prune-confirm').textContent()), POLL)
        .toContain(L(lang, 'backup.prune.confirm', { count: 1 }));
      await section.getByTestId('backup-prune-confirm').scrollIntoViewIfNeeded();
      await checkScreen(a.p, `backup-prune-${lang}`);
      const yes = section.getByTestId('backup-prune-confirm').getByRole('button').first();
      expect(plain(await yes.textContent())).toBe(L(lang, 'backup.prune.yes', { count: 1 }));
      await yes.click();
      await expect.poll(() => section.getByTestId('backup-snapshot').count(), POLL).toBe(1);

      // --- a fresh app whose vault folder is empty restores it
      const b = await app(lang);
      await b.p.goto(b.h.url);
      await b.p.getByRole('button', { name: L(lang, 'backup.restore.offer') }).click();
      await b.p.getByRole('heading', { level: 1, name: L(lang, 'backup.restore.title') }).waitFor();
      b.h.host.folderQueue.push(drive);
      await b.p.getByRole('button', { name: L(lang, 'backup.restore.chooseFolder') }).click();
      await expect.poll(() => b.p.getByTestId('restore-snapshot').count(), POLL).toBe(1);
      expect(await b.p.getByRole('radio').first().isChecked()).toBe(true);
      await checkScreen(b.p, `backup-restore-${lang}`);
      await b.p.getByRole('button', { name: L(lang, 'backup.restore.submit') }).click();
      // the passphrase is asked for, not guessed
      await b.p.getByText(L(lang, 'backup.restore.missing')).waitFor();
      await b.p.getByLabel(L(lang, 'backup.restore.passphrase')).fill(PASSPHRASE);
      await b.p.getByRole('button', { name: L(lang, 'backup.restore.submit') }).click();
      await b.p.getByRole('heading', { level: 1, name: L(lang, 'home.title') }).waitFor({ timeout: 60_000 });
      await b.p.getByRole('link', { name: L(lang, 'nav.cases'), exact: true }).click();
      await b.p.getByText(CASE_TITLE[lang]).first().waitFor();
      await checkScreen(b.p, `backup-restored-${lang}`);
      expect((await ok<{ state: string }>(b.h, 'vault.status')).state).toBe('unlocked');
    });
  }

  it('restores with new keys: the new recovery key is shown once, then the new passphrase is in use (en)', async () => {
    const drive = mkdtempSync(join(tmpdir(), 'cv-e2e-drive-'));
    dirs.push(drive);
    const a = await app('en');
    await ok(a.h, 'vault.create', { passphrase: PASSPHRASE });
    await ok(a.h, 'cases.create', { title: CASE_TITLE.en, reference: 'BK-1', status: 'active' });
    a.h.host.folderQueue.push(drive);
    const folder = await ok<{ handle: string }>(a.h, 'files.chooseBackupFolder');
    await ok(a.h, 'backup.create', { drive: folder.handle });

    const b = await app('en');
    await b.p.goto(b.h.url);
    await b.p.getByRole('button', { name: L('en', 'backup.restore.offer') }).click();
    b.h.host.folderQueue.push(drive);
    await b.p.getByRole('button', { name: L('en', 'backup.restore.chooseFolder') }).click();
    await expect.poll(() => b.p.getByTestId('restore-snapshot').count(), POLL).toBe(1);
    await b.p.getByLabel(L('en', 'backup.restore.passphrase')).fill(PASSPHRASE);
    await b.p.getByLabel(L('en', 'backup.restore.rekey')).check();
    const fresh = 'a new passphrase after the seizure';
    await b.p.getByLabel(L('en', 'backup.restore.newPassphrase'), { exact: true }).fill(fresh);
    await b.p.getByLabel(L('en', 'backup.restore.newConfirm')).fill(fresh);
    await b.p.getByRole('button', { name: L('en', 'backup.restore.submit') }).click();
    await b.p.getByTestId('recovery-key').waitFor({ timeout: 60_000 });
    await checkScreen(b.p, 'backup-rekey-en');
    await b.p.getByLabel(L('en', 'vault.recovery.confirm')).check();
    await b.p.getByRole('button', { name: L('en', 'vault.recovery.continue') }).click();
    await b.p.getByRole('heading', { level: 1, name: L('en', 'home.title') }).waitFor({ timeout: 60_000 });
    // the old passphrase opens nothing of the restored vault any more
    await ok(b.h, 'session.lock');
    const old = await b.h.shell.handle(true, 'vault.unlock', { passphrase: PASSPHRASE });
    expect(old).toMatchObject({ ok: false, error: { code: 'BAD_PASSPHRASE' } });
    await ok(b.h, 'vault.unlock', { passphrase: fresh });
  });
});
