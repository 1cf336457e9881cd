/**
 * End to end, in Debian's Chromium against the real shell and engine worker: global search
 * (Ctrl+K, highlighted snippets as text, opening a result), the audit log viewer (newest first,
 * paging, chain verification), settings (language with the right-to-left layout, auto-lock time,
 * passphrase change then lock and unlock with the new one), and a keyboard-only walk through
 * these screens with visible focus. Every screen is screenshotted and scanned by axe in English
 * and Arabic.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from './harness/server.js';
import { ok, plain } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';

const PASSPHRASE = 'correct horse battery staple';
const NEW_PASSPHRASE = 'seven purple otters juggle lanterns';
const WORD = 'Zanzibarite';

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

/** A fresh vault (made through the shell, left unlocked) and a page showing the app. */
async function openApp(opts: { language?: 'en' | 'ar' } = {}): Promise<{ h: Harness; page: Page }> {
  h = await startHarness();
  await ok(h, 'vault.create', { passphrase: PASSPHRASE });
  if (opts.language) await ok(h, 'settings.set', { language: opts.language });
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(h.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return { h, page };
}

/** Text without the Unicode isolates the message formatter puts around values. */
function nav(p: Page) {
  return p.locator('nav.sidebar');
}

async function h1Text(p: Page): Promise<string> {
  return (await p.locator('main h1').first().textContent()) ?? '';
}

async function seedCaseAndNote(harness: Harness) {
  const c = await ok<{ id: string; reference: string }>(harness, 'cases.create', {
    title: 'Detention at Kamiti',
    reference: 'KE-7',
    summary: 'Habeas corpus for two detainees.',
  });
  const note = await ok<{ id: string }>(harness, 'notes.add', {
    caseId: c.id,
    body: `Met the witness near the ${WORD} quarry; she described the <b>cell</b> in detail.`,
    author: 'AK',
  });
  return { caseId: c.id, noteId: note.id };
}

describe('global search', () => {
  it('Ctrl+K focuses the field; a distinctive word is found, highlighted in <mark> as text, and opens its case', async () => {
    const { h, page } = await openApp();
    await seedCaseAndNote(h);

    // From the case list, Ctrl+K goes to the search screen with the cursor in the field.
    await nav(page).locator('a', { hasText: 'Cases' }).first().click(); // from home to the case list
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Cases');
    await page.keyboard.press('Control+K');
    await page.waitForFunction(() => document.activeElement?.classList.contains('search-input') === true);
    expect(await h1Text(page)).toBe('Search');
    expect(await nav(page).getByRole('link', { name: 'Search' }).getAttribute('aria-current')).toBe('page');

    await page.keyboard.type(WORD.toLowerCase());
    await page.keyboard.press('Enter');
    const noteGroup = page.locator('.search-group[data-kind="note"]');
    await noteGroup.locator('mark').first().waitFor();
    expect(await noteGroup.locator('mark').allTextContents()).toEqual([WORD]);
    // The stored text's markup is shown as text, never parsed as HTML.
    const snippet = noteGroup.locator('.snippet').first();
    expect(await snippet.textContent()).toContain('<b>cell</b>');
    expect(await snippet.locator('b').count()).toBe(0);
    expect(plain(await page.locator('.search-status').textContent())).toBe('1 result');
    // Cases and evidence have their own groups, saying they have no match.
    expect(await page.locator('.search-group[data-kind="case"] .empty').count()).toBe(1);
    expect(await page.locator('.search-group[data-kind="evidence"] .empty').count()).toBe(1);
    await checkScreen(page, 'search-results-en');

    // Nothing found: a clear empty state.
    await page.getByLabel('Words to find').fill('qwzxv');
    await page.locator('.search-status', { hasText: 'Nothing in the vault matches these words.' }).waitFor();
    expect(await page.locator('.search-group').count()).toBe(0);

    // Open the result: its case, on the notes tab.
    await page.getByLabel('Words to find').fill(WORD);
    await noteGroup.locator('mark').first().waitFor();
    const open = noteGroup.locator('.search-hit-open');
    expect(await open.count()).toBe(1);
    expect(plain(await open.textContent())).toBe('Note in case KE-7');
    await open.click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent !== 'Search');
    await expect.poll(() => page.locator('main').textContent()).toContain('Detention at Kamiti');
    expect(await nav(page).getByRole('link', { name: 'Cases' }).getAttribute('aria-current')).toBe('page');
    expect(await page.locator('[role="tab"][aria-selected="true"]').textContent()).toBe('Notes');
  });

  it('pages each source with its own "more", and works in Arabic', async () => {
    const { h, page } = await openApp({ language: 'ar' });
    const { caseId } = await seedCaseAndNote(h);
    for (let i = 0; i < 12; i++)
      await ok(h, 'notes.add', { caseId, body: `ملاحظة رقم ${i}: ${WORD} مرة أخرى في المحضر.` });

    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await nav(page).getByRole('link', { name: 'البحث' }).click();
    await page.getByLabel('الكلمات المطلوبة').fill(WORD);
    const noteGroup = page.locator('.search-group[data-kind="note"]');
    await noteGroup.locator('mark').first().waitFor();
    expect(await noteGroup.locator('.search-hit').count()).toBe(10);
    for (const m of await noteGroup.locator('mark').allTextContents()) expect(m).toBe(WORD);
    await checkScreen(page, 'search-results-ar');

    await noteGroup.getByRole('button', { name: 'مزيد من الملاحظات' }).click();
    await expect.poll(() => noteGroup.locator('.search-hit').count()).toBe(13);
    expect(await noteGroup.getByRole('button', { name: 'مزيد من الملاحظات' }).count()).toBe(0);
    // The group's count is a number formatted for Arabic, inside Arabic text.
    const thirteen = await page.evaluate(() => new Intl.NumberFormat('ar').format(13));
    expect(await noteGroup.locator('.search-group-count').textContent()).toContain(thirteen);
  });
});

describe('global search: people and tags', () => {
  it('groups people under their own heading; a person found by the Arabic name without marks opens their page; a tag finds its case', async () => {
    const { h, page } = await openApp();
    const c = await ok<{ id: string }>(h, 'cases.create', {
      title: 'Port detention',
      reference: 'KE-9',
      tags: ['Torture'],
    });
    const person = await ok<{ id: string }>(h, 'people.create', {
      fullName: 'يُوسُف العَمْرَانِي',
      aliases: ['Abou Youssef'],
    });
    await ok(h, 'people.link', { personId: person.id, caseId: c.id, role: 'witness' });

    await nav(page).getByRole('link', { name: 'Search' }).click();
    await page.getByLabel('Words to find').fill('torture');
    const caseGroup = page.locator('.search-group[data-kind="case"]');
    await caseGroup.locator('.search-hit').first().waitFor();
    expect(plain(await caseGroup.locator('.search-hit-open').textContent())).toBe('KE-9 Port detention');

    await page.getByLabel('Words to find').fill('يوسف');
    const peopleGroup = page.locator('.search-group[data-kind="person"]');
    await peopleGroup.locator('mark').first().waitFor();
    expect(await peopleGroup.getByRole('heading', { level: 2 }).textContent()).toContain('People');
    expect(await page.locator('.search-group[data-kind="note"] .empty').count()).toBe(1);
    const open = peopleGroup.locator('.search-hit-open');
    expect(plain(await open.textContent())).toBe('يُوسُف العَمْرَانِي');
    await checkScreen(page, 'search-results-people-en');
    // a person opens their own page, with the cases they are in
    await open.click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('يُوسُف العَمْرَانِي');
    await expect.poll(() => page.getByTestId('person-cases').textContent()).toContain('Port detention');
  });
});

describe('audit log viewer', () => {
  it('lists entries newest first, pages through them, and verifies the chain (English and Arabic)', async () => {
    const { h, page } = await openApp();
    const { caseId } = await seedCaseAndNote(h);
    for (let i = 0; i < 55; i++) await ok(h, 'notes.add', { caseId, body: `Call log ${i}` });
    const { total, items } = await ok<{ total: number; items: Array<{ seq: number; action: string }> }>(
      h,
      'audit.list',
      { limit: 1, offset: 0 },
    );
    expect(total).toBeGreaterThan(57);
    expect(items[0]!.action).toBe('note.added');

    await nav(page).getByRole('link', { name: 'Audit log' }).click();
    const rows = page.locator('table.audit-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(50);
    expect(await rows.first().getAttribute('data-seq')).toBe(String(total));
    expect(await rows.nth(1).getAttribute('data-seq')).toBe(String(total - 1));
    const first = rows.first();
    expect(await first.locator('.audit-action').textContent()).toContain('Note added');
    expect(await first.locator('.audit-subject').textContent()).toContain('Note');
    // details: keys and values, as text (the case id, the length in characters — never the text)
    expect(await first.locator('.audit-dl dt').allTextContents()).toEqual(['caseId', 'length']);
    expect(await first.locator('.audit-dl dd').first().textContent()).toBe(caseId);
    expect(await first.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(plain(await page.locator('.pager-range').textContent())).toBe(`Entries 1 to 50 of ${total}`);

    // Older entries: the next page starts where the first ended.
    await page.getByRole('button', { name: 'Older entries' }).click();
    await expect.poll(() => rows.first().getAttribute('data-seq')).toBe(String(total - 50));
    await page.getByRole('button', { name: 'Newer entries' }).click();
    await expect.poll(() => rows.first().getAttribute('data-seq')).toBe(String(total));

    await page.getByRole('button', { name: 'Verify chain' }).click();
    const verdict = page.getByTestId('audit-verdict');
    await verdict.locator('[data-verdict]').waitFor();
    expect(await verdict.locator('[data-verdict]').getAttribute('data-verdict')).toBe('intact');
    // Verifying adds no entry, so the count checked is the count listed.
    expect(plain(await verdict.textContent())).toBe(`The chain is intact: all ${total} entries check out.`);
    await checkScreen(page, 'audit-log-en');

    // Arabic: right to left, numbers and dates formatted for Arabic.
    await ok(h, 'settings.set', { language: 'ar' });
    await page.reload();
    await nav(page).getByRole('link', { name: 'سجل التدقيق' }).click();
    await rows.first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const at = (await rows.first().locator('time').getAttribute('datetime'))!;
    const expected = await page.evaluate(
      ([iso, n]) => ({
        time: new Intl.DateTimeFormat('ar', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
        seq: new Intl.NumberFormat('ar', { useGrouping: false }).format(n),
      }),
      [at, total] as const,
    );
    expect(await rows.first().locator('time').textContent()).toBe(expected.time);
    expect(await rows.first().locator('.audit-seq').textContent()).toBe(expected.seq);
    expect(await rows.first().locator('.audit-action').textContent()).toContain('إضافة ملاحظة');
    await page.getByRole('button', { name: 'تحقق من السلسلة' }).click();
    await verdict.locator('[data-verdict="intact"]').waitFor();
    expect(await verdict.textContent()).toContain('السلسلة سليمة');
    await checkScreen(page, 'audit-log-ar');
  });
});

describe('settings', () => {
  it('saves the auto-lock time, changes the passphrase (then lock and unlock with it), and switches to Arabic', async () => {
    const { h, page } = await openApp();
    await nav(page).getByRole('link', { name: 'Settings' }).click();
    await page.locator('.vault-info').waitFor();
    // Vault information: two ways to unlock (passphrase and recovery key), the schema version.
    expect(await page.locator('.vault-info .plain-list li').count()).toBe(2);
    await checkScreen(page, 'settings-en');

    // Auto-lock: out of range is refused on the page and nothing is saved.
    const minutes = page.getByLabel('Lock after this many minutes without use');
    await minutes.fill('0');
    await page.getByRole('button', { name: 'Save the lock time' }).click();
    await page.getByText('Enter a whole number of minutes from 1 to 60.').waitFor();
    expect((await ok<{ autoLockMinutes: number }>(h, 'settings.get')).autoLockMinutes).toBe(5);
    await minutes.fill('17');
    await page.getByRole('button', { name: 'Save the lock time' }).click();
    await page.getByRole('status').filter({ hasText: 'The vault now locks after' }).waitFor();
    expect((await ok<{ autoLockMinutes: number }>(h, 'settings.get')).autoLockMinutes).toBe(17);

    // Passphrase: too short is refused before any call; a wrong current one by the engine.
    const current = page.getByLabel('Current passphrase');
    const next = page.getByLabel('New passphrase', { exact: true });
    const confirm = page.getByLabel('New passphrase again');
    await current.fill('not the passphrase at all');
    await next.fill('short');
    await confirm.fill('short');
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByText('Use at least 12 characters.').waitFor();
    await next.fill(NEW_PASSPHRASE);
    await confirm.fill(NEW_PASSPHRASE + ' ');
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByText('The two new passphrases are not the same.').waitFor();
    await confirm.fill(NEW_PASSPHRASE);
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByText('That passphrase or recovery key does not unlock this vault.').waitFor();
    await current.fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByText('The passphrase is changed. Use the new one the next time you unlock the vault.').waitFor();
    expect(await current.inputValue()).toBe('');

    // Lock, then unlock: the old passphrase no longer opens the vault, the new one does.
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByRole('heading', { name: 'Unlock the vault' }).waitFor();
    const unlockField = page.getByLabel('Passphrase', { exact: true });
    await unlockField.waitFor();
    await unlockField.fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByText('That passphrase or recovery key does not unlock this vault.').waitFor();
    await unlockField.fill(NEW_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.locator('nav.sidebar').waitFor();
    expect(h.shell.isUnlocked).toBe(true);

    // Language: Arabic through the settings screen; the layout mirrors.
    await nav(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Language of the app').selectOption({ label: 'العربية' });
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect((await ok<{ language: string }>(h, 'settings.get')).language).toBe('ar');
    expect(await h1Text(page)).toBe('الإعدادات');
    await page.getByRole('status').filter({ hasText: 'أصبح التطبيق الآن باللغة العربية.' }).waitFor();
    const box = (await nav(page).boundingBox())!;
    expect(box.x).toBeGreaterThan(1280 / 2);
    // Numbers and dates in the vault information, formatted for Arabic.
    await page.locator('.vault-info time').waitFor();
    const created = (await page.locator('.vault-info time').getAttribute('datetime'))!;
    const expectedDate = await page.evaluate(
      (iso) => new Intl.DateTimeFormat('ar', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
      created,
    );
    expect(await page.locator('.vault-info time').textContent()).toBe(expectedDate);
    expect(await page.locator('.vault-info').textContent()).toContain('طرق الفتح');
    // Each language keeps its own name in the menu.
    expect(await page.locator('select option').allTextContents()).toEqual([
      'English',
      'Français',
      'Español',
      'العربية',
    ]);
    await checkScreen(page, 'settings-ar');
  });
});

describe('keyboard only', () => {
  it('unlocks with Enter, reaches the navigation with Tab, and opens search, audit log and settings with Enter, focus always visible', async () => {
    h = await startHarness();
    await ok(h, 'vault.create', { passphrase: PASSPHRASE });
    await ok(h, 'session.lock');
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const p = page;
    await p.goto(h.url);
    await p.getByLabel('Passphrase').waitFor();
    await p.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
    await p.keyboard.type(PASSPHRASE);
    await p.keyboard.press('Enter');
    await p.locator('nav.sidebar').waitFor();
    await p.waitForFunction(() => document.querySelector('main h1')?.textContent === 'What needs attention'); // home

    const focused = () =>
      p.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          tag: el?.tagName ?? '',
          text: el?.textContent?.trim() ?? '',
          inNav: Boolean(el?.closest('nav.sidebar')),
          outline: el ? getComputedStyle(el).outlineStyle : 'none',
        };
      });

    for (const [label, heading] of [
      ['Search', 'Search'],
      ['Audit log', 'Audit log'],
      ['Settings', 'Settings'],
    ] as const) {
      // Tab (backwards from the screen, the way to the menu is short) until the menu item has focus.
      let f = await focused();
      for (let i = 0; i < 40 && !(f.inNav && f.text === label); i++) {
        await p.keyboard.press('Shift+Tab');
        f = await focused();
      }
      expect(f).toMatchObject({ tag: 'A', inNav: true, text: label });
      expect(f.outline).not.toBe('none');
      await p.keyboard.press('Enter');
      await p.waitForFunction((want) => document.querySelector('main h1')?.textContent === want, heading);
      // Focus moved to the screen's heading, visibly.
      f = await focused();
      expect(f).toMatchObject({ tag: 'H1', text: heading });
      expect(f.outline).not.toBe('none');
      // The next Tab lands on the screen's first control, visibly.
      await p.keyboard.press('Tab');
      f = await focused();
      expect(['INPUT', 'BUTTON', 'SELECT']).toContain(f.tag);
      expect(f.outline).not.toBe('none');
    }

    // And the search shortcut works from here with the keyboard alone.
    await p.keyboard.press('Control+K');
    await p.waitForFunction(() => document.activeElement?.classList.contains('search-input') === true);
    expect((await focused()).outline).not.toBe('none');
  });
});
