/**
 * End to end, in Debian's Chromium against the real shell and engine worker: the case detail
 * screen (overview, people, consents). A case seeded through the shell is opened from the case
 * list by clicking; then, like a user, the walk edits the case (and meets a CONFLICT when someone
 * else changed it meanwhile), moves it along the status workflow (a reason required to close
 * and reopen), adds a person through the dialog, links someone already in the vault and removes
 * them again, records consents, asks the consent gate, withdraws a consent and sees its state
 * change. Every tab and every dialog is screenshotted and scanned by axe, in English and in
 * Arabic (right to left, with Arabic record data). Labels are looked up in the catalogues, so
 * the Arabic walk clicks the Arabic words.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startHarness, type Harness } from './harness/server.js';
import { ok, plain } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';
import { CATALOGUE, type MessageKey } from '../../src-renderer/i18n/catalogue.js';
import { formatMessage, type MessageValues } from '../../src-renderer/i18n/format-message.js';
import type { Case, CaseHistoryEntry } from '../../shared/domain/cases.js';
import type { PersonList } from '../../shared/domain/people.js';
import type { ConsentWithStatus } from '../../shared/domain/consents.js';

const PASSPHRASE = 'correct horse battery staple';

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
function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The message in the walk's language, as the screen shows it (isolates removed). */
function messages(lang: Lang) {
  return (key: MessageKey, values?: MessageValues) => plain(formatMessage(lang, CATALOGUE[lang][key]!, values));
}

const DATA = {
  en: {
    title: 'Detention of journalists in Sidi Bouzid',
    person: 'Layla Mansour',
    existing: 'Karim Haddad',
    search: 'Karim',
    reason: 'The person fears reprisals against her family.',
  },
  ar: {
    title: 'احتجاز الصحفيين في سيدي بوزيد',
    person: 'ليلى منصور',
    existing: 'كريم حداد',
    search: 'كريم',
    reason: 'تخشى الشخص أعمالًا انتقامية ضد أسرتها.',
  },
} as const;

/** The text of the <dd> that follows the <dt> with this label. */
async function fieldValue(p: Page, label: string): Promise<string> {
  const row = p.locator('.dl-row').filter({ has: p.locator('dt', { hasText: new RegExp(`^${escape(label)}$`) }) });
  return plain(await row.locator('dd').textContent());
}

function dialog(p: Page): Locator {
  return p.getByRole('dialog');
}

async function walk(lang: Lang) {
  const L = messages(lang);
  const d = DATA[lang];
  h = await startHarness();
  await ok(h, 'vault.create', { passphrase: PASSPHRASE });
  if (lang !== 'en') await ok(h, 'settings.set', { language: lang });
  const seeded = await ok<Case>(h, 'cases.create', {
    title: d.title,
    reference: 'TN-2026-7',
    status: 'accepted',
    forum: 'regional-court',
    country: 'TN',
    summary: 'Three journalists held without charge since March.',
    tags: ['detention', 'press-freedom'],
    team: [{ member: 'Amira K.', role: 'lead counsel' }],
  });
  // someone already in the vault (from another matter), to link from the people tab
  await ok(h, 'people.create', { fullName: d.existing, pseudonym: 'W-2' });

  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(h.url);
  await page
    .locator('nav.sidebar a', { hasText: L('nav.cases') })
    .first()
    .click(); // from home to the case list
  await page.getByRole('heading', { level: 1, name: L('cases.title') }).waitFor();
  expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');

  // ---- open the case from the list, by clicking it
  await page.getByRole('button', { name: new RegExp(escape(d.title)) }).click();
  const h1 = page.locator('main h1');
  await expect.poll(async () => plain(await h1.textContent())).toContain(d.title);
  expect(plain(await h1.textContent())).toContain('TN-2026-7');
  const headerBadge = page.locator('.case-header [data-testid="case-status"]');
  expect(plain(await headerBadge.textContent())).toBe(
    L('caseDetail.statusBadge', { status: L('cases.status.accepted') }),
  );
  expect(await page.getByRole('tab', { name: L('caseDetail.tab.overview') }).getAttribute('aria-selected')).toBe(
    'true',
  );
  expect(await page.getByRole('tab').count()).toBe(7);

  // ---- overview: every field, in words
  await page.getByRole('heading', { level: 2, name: L('caseDetail.details') }).waitFor();
  expect(await fieldValue(page, L('caseDetail.field.reference'))).toBe('TN-2026-7');
  expect(await fieldValue(page, L('caseDetail.field.forum'))).toBe(L('cases.forum.regional-court'));
  expect(await fieldValue(page, L('caseDetail.field.sensitivity'))).toBe(L('cases.sensitivity.high'));
  expect(await fieldValue(page, L('caseDetail.field.jurisdiction'))).toBe(L('state.none'));
  expect(await fieldValue(page, L('caseDetail.field.team'))).toBe('Amira K. — lead counsel');
  await page.getByTestId('case-history').waitFor();
  expect(await page.getByTestId('case-history').locator('tbody tr').count()).toBe(1);
  await checkScreen(page, `case-detail-overview-${lang}`);

  // ---- edit the case through the dialog
  await page.getByRole('button', { name: L('caseDetail.edit') }).click();
  const dlg = dialog(page);
  await dlg.waitFor();
  expect(await dlg.getByLabel(L('cases.form.title'), { exact: true }).inputValue()).toBe(d.title);
  await checkScreen(page, `case-detail-edit-dialog-${lang}`);
  await dlg.getByLabel(L('caseDetail.field.jurisdiction'), { exact: true }).fill('Tunisia — Court of Cassation');
  await dlg.getByLabel(L('caseDetail.field.stage'), { exact: true }).selectOption('merits');
  await dlg.getByRole('button', { name: L('caseDetail.form.save') }).click();
  await dlg.waitFor({ state: 'hidden' });
  await expect.poll(() => fieldValue(page!, L('caseDetail.field.jurisdiction'))).toBe('Tunisia — Court of Cassation');
  expect(await fieldValue(page, L('caseDetail.field.stage'))).toBe(L('caseDetail.stage.merits'));
  expect(plain(await page.locator('.live-notice').first().textContent())).toBe(L('caseDetail.saved'));
  // the history shows the new version with both fields
  await expect.poll(() => page!.getByTestId('case-history').locator('tbody tr').count()).toBe(2);
  const newest = plain(await page.getByTestId('case-history').locator('tbody tr').first().textContent());
  expect(newest).toContain(L('caseDetail.field.jurisdiction'));
  expect(newest).toContain(L('caseDetail.stage.merits'));
  let stored = await ok<Case>(h, 'cases.get', { id: seeded.id });
  expect(stored).toMatchObject({
    version: 2,
    jurisdiction: 'Tunisia — Court of Cassation',
    stage: 'merits',
    title: d.title,
  });

  // ---- a stale edit: someone else changes the case while the dialog is open → CONFLICT, nothing written
  await page.getByRole('button', { name: L('caseDetail.edit') }).click();
  await dlg.waitFor();
  await ok(h, 'cases.update', { id: seeded.id, expectedVersion: 2, summary: 'Changed elsewhere meanwhile.' });
  await dlg.getByLabel(L('cases.form.title'), { exact: true }).fill('A title that must not be saved');
  await dlg.getByRole('button', { name: L('caseDetail.form.save') }).click();
  await dlg
    .getByRole('alert')
    .filter({ hasText: L('error.CONFLICT') })
    .waitFor();
  stored = await ok<Case>(h, 'cases.get', { id: seeded.id });
  expect(stored).toMatchObject({ version: 3, title: d.title, summary: 'Changed elsewhere meanwhile.' });
  await dlg.getByRole('button', { name: L('caseDetail.conflict.reload') }).click();
  // the form starts again from the latest version
  await expect
    .poll(() => dlg.getByLabel(L('caseDetail.field.summary'), { exact: true }).inputValue())
    .toBe('Changed elsewhere meanwhile.');
  expect(await dlg.getByLabel(L('cases.form.title'), { exact: true }).inputValue()).toBe(d.title);
  await dlg.getByRole('button', { name: L('action.cancel') }).click();
  await dlg.waitFor({ state: 'hidden' });

  // ---- status: only the allowed next statuses; a reason where required
  await page.getByRole('button', { name: L('caseDetail.status.change') }).click();
  await dlg.waitFor();
  const to = dlg.getByLabel(L('caseDetail.status.to'), { exact: true });
  expect(await to.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([
    'active',
    'closed',
  ]);
  await checkScreen(page, `case-detail-status-dialog-${lang}`);
  await to.selectOption('closed');
  await dlg.getByText(L('caseDetail.status.reasonRequired')).waitFor();
  await dlg.getByRole('button', { name: L('caseDetail.status.submit') }).click();
  // the empty required reason stops the form: nothing was sent
  expect(await dlg.isVisible()).toBe(true);
  expect((await ok<Case>(h, 'cases.get', { id: seeded.id })).status).toBe('accepted');
  await to.selectOption('active');
  await dlg.getByText(L('caseDetail.status.reasonOptional')).waitFor();
  await dlg.getByRole('button', { name: L('caseDetail.status.submit') }).click();
  await dlg.waitFor({ state: 'hidden' });
  await expect
    .poll(async () => plain(await headerBadge.textContent()))
    .toBe(L('caseDetail.statusBadge', { status: L('cases.status.active') }));
  // close with a reason, then reopen with one
  await page.getByRole('button', { name: L('caseDetail.status.change') }).click();
  await dlg.waitFor();
  await to.selectOption('closed');
  await dlg.getByLabel(L('caseDetail.status.reason'), { exact: true }).fill('Friendly settlement reached.');
  await dlg.getByRole('button', { name: L('caseDetail.status.submit') }).click();
  await dlg.waitFor({ state: 'hidden' });
  await expect
    .poll(async () => plain(await headerBadge.textContent()))
    .toBe(L('caseDetail.statusBadge', { status: L('cases.status.closed') }));
  expect(await fieldValue(page, L('caseDetail.field.closureReason'))).toBe('Friendly settlement reached.');
  expect(await fieldValue(page, L('caseDetail.field.closedOn'))).not.toBe(L('state.none'));
  await page.getByRole('button', { name: L('caseDetail.status.change') }).click();
  await dlg.waitFor();
  expect(await to.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([
    'active',
  ]);
  await dlg.getByLabel(L('caseDetail.status.reason'), { exact: true }).fill('The settlement was not honoured.');
  await dlg.getByRole('button', { name: L('caseDetail.status.submit') }).click();
  await dlg.waitFor({ state: 'hidden' });
  await expect
    .poll(async () => plain(await headerBadge.textContent()))
    .toBe(L('caseDetail.statusBadge', { status: L('cases.status.active') }));
  const history = await ok<CaseHistoryEntry[]>(h, 'cases.history', { id: seeded.id });
  expect(history.map((e) => e.changes.status?.to ?? null)).toEqual([
    'accepted',
    null,
    null,
    'active',
    'closed',
    'active',
  ]);
  expect(history[5]!.changes.reason).toEqual({ from: null, to: 'The settlement was not honoured.' });
  await expect.poll(() => page!.getByTestId('case-history').locator('tbody tr').count()).toBe(6);

  // ---- people: add a person through the dialog (created and linked in one go)
  await page.getByRole('tab', { name: L('caseDetail.tab.people') }).click();
  await page.getByRole('heading', { level: 2, name: L('people.title') }).waitFor();
  await page.getByText(L('people.none')).waitFor();
  await page.getByRole('button', { name: L('people.add') }).click();
  await dlg.waitFor();
  await checkScreen(page, `case-detail-add-person-dialog-${lang}`);
  // a name already in the vault: a notice lists who it may be (with how it matched), never a block
  await dlg.getByLabel(L('people.form.fullName'), { exact: true }).fill(d.existing);
  const duplicates = dlg.locator('.possible-duplicates');
  await duplicates.waitFor();
  expect(await duplicates.getByTestId('conflict-match').count()).toBe(1);
  expect(plain(await duplicates.locator('.notice-title').textContent())).toBe(L('people.dup.title', { count: 1 }));
  expect(plain(await duplicates.getByTestId('conflict-match').textContent())).toContain(
    L('enquiry.conflicts.match.exact'),
  );
  await checkScreen(page, `case-detail-add-person-duplicate-${lang}`);
  await dlg.getByLabel(L('people.form.fullName'), { exact: true }).fill(d.person);
  await duplicates.waitFor({ state: 'hidden' });
  await dlg.getByLabel(L('people.form.role'), { exact: true }).selectOption('survivor');
  await dlg.getByLabel(L('people.form.pseudonym'), { exact: true }).fill('Witness A');
  await dlg.getByLabel(L('people.form.gender'), { exact: true }).selectOption('female');
  await dlg.getByLabel(L('people.form.birthDate'), { exact: true }).fill('1990-04');
  await dlg.getByLabel(L('people.form.country'), { exact: true }).selectOption('TN');
  await dlg.getByLabel(L('people.vuln.reprisal-risk'), { exact: true }).check();
  await dlg.getByRole('button', { name: L('people.form.submit') }).click();
  await dlg.waitFor({ state: 'hidden' });
  const peopleTable = page.getByTestId('people-table');
  const layla = peopleTable.locator('tbody tr').filter({ hasText: d.person });
  await layla.waitFor();
  expect(plain(await layla.textContent())).toContain(L('people.role.survivor'));
  expect(plain(await layla.textContent())).toContain(L('people.vuln.reprisal-risk'));
  expect(await layla.locator('bdi.person-name').textContent()).toBe(d.person);

  // link someone already in the vault, as a witness
  await page.getByRole('button', { name: L('people.linkExisting') }).click();
  await dlg.waitFor();
  await dlg.getByLabel(L('people.link.search'), { exact: true }).fill(d.search);
  await dlg.getByRole('button', { name: L('people.link.searchButton') }).click();
  const choice = dlg.getByRole('radio', { name: new RegExp(escape(d.existing)) });
  await choice.waitFor();
  expect(await choice.isChecked()).toBe(true);
  await dlg.getByLabel(L('people.form.role'), { exact: true }).selectOption('witness');
  await checkScreen(page, `case-detail-link-person-dialog-${lang}`);
  await dlg.getByRole('button', { name: L('people.link.submit') }).click();
  await dlg.waitFor({ state: 'hidden' });
  const karim = peopleTable.locator('tbody tr').filter({ hasText: d.existing });
  await karim.waitFor();
  expect(plain(await karim.textContent())).toContain(L('people.role.witness'));
  expect(await peopleTable.locator('tbody tr').count()).toBe(2);
  await checkScreen(page, `case-detail-people-${lang}`);

  // remove the witness again (the removal is confirmed first)
  await karim.locator('.role-item').getByRole('button').click();
  await dlg.getByRole('button', { name: L('people.unlinkConfirm.submit') }).click();
  await karim.waitFor({ state: 'detached' });
  const linked = await ok<PersonList>(h, 'people.list', { caseId: seeded.id });
  expect(linked.items.map((p) => [p.fullName, p.roles.map((r) => r.role)])).toEqual([[d.person, ['survivor']]]);
  expect(linked.items[0]).toMatchObject({
    pseudonym: 'Witness A',
    gender: 'female',
    country: 'TN',
    vulnerabilities: ['reprisal-risk'],
  });

  // ---- consents: record one with every element, one not fully informed; ask the gate; withdraw
  await page.getByRole('tab', { name: L('caseDetail.tab.consents') }).click();
  await page.getByRole('heading', { level: 2, name: L('consents.title') }).waitFor();
  await page.getByText(L('consents.none')).waitFor();
  await page.getByRole('button', { name: L('consents.record') }).click();
  await dlg.waitFor();
  await dlg.getByLabel(L('consents.form.purpose'), { exact: true }).selectOption('sharing');
  await dlg.getByLabel(L('consents.form.recipient'), { exact: true }).selectOption('class:un-body');
  for (const el of ['nature', 'purpose', 'use', 'consequences', 'right-to-refuse', 'right-to-withdraw'] as const) {
    await dlg.getByLabel(L(`consents.told.${el}`), { exact: true }).check();
  }
  await dlg.getByLabel(L('consents.form.language'), { exact: true }).selectOption('ar');
  await dlg.getByLabel(L('consents.form.expiresAt'), { exact: true }).fill('2099-12-31');
  await checkScreen(page, `case-detail-record-consent-dialog-${lang}`);
  await dlg.getByRole('button', { name: L('consents.form.submit') }).click();
  await dlg.waitFor({ state: 'hidden' });
  const consentsTable = page.getByTestId('consents-table');
  const sharing = consentsTable.locator('tbody tr').filter({ hasText: L('consents.purpose.sharing') });
  await sharing.waitFor();
  expect(plain(await sharing.getByTestId('consent-state').textContent())).toBe(L('consents.state.given'));
  expect(plain(await sharing.textContent())).toContain(L('consents.toldAll'));
  expect(plain(await sharing.textContent())).toContain(L('consents.class.un-body'));

  // a consent to representation, recorded orally before a witness, without the right to withdraw explained
  await page.getByRole('button', { name: L('consents.record') }).click();
  await dlg.waitFor();
  await dlg.getByLabel(L('consents.form.purpose'), { exact: true }).selectOption('representation');
  await dlg.getByText(L('consents.form.recipientNone')).waitFor();
  for (const el of ['nature', 'purpose', 'use', 'consequences', 'right-to-refuse'] as const) {
    await dlg.getByLabel(L(`consents.told.${el}`), { exact: true }).check();
  }
  await dlg.getByText(L('consents.form.toldWarning')).waitFor();
  await dlg.getByLabel(L('consents.form.method'), { exact: true }).selectOption('oral-witnessed');
  await dlg.getByLabel(L('consents.form.witness'), { exact: true }).fill('Samia B.');
  await dlg.getByRole('button', { name: L('consents.form.submit') }).click();
  await dlg.waitFor({ state: 'hidden' });
  const representation = consentsTable.locator('tbody tr').filter({ hasText: L('consents.purpose.representation') });
  await representation.waitFor();
  expect(plain(await representation.textContent())).toContain(
    L('consents.toldMissing', { list: L('consents.told.right-to-withdraw') }),
  );
  expect(plain(await representation.textContent())).toContain('Samia B.');

  // the gate: sharing with UN bodies is allowed; representation is not (not informed)
  const gate = page.getByRole('region', { name: L('consents.check.title') });
  await gate.getByLabel(L('consents.form.purpose'), { exact: true }).selectOption('sharing');
  await gate.getByLabel(L('consents.form.recipient'), { exact: true }).selectOption('class:un-body');
  await gate.getByRole('button', { name: L('consents.check.submit') }).click();
  const verdict = page.getByTestId('gate-result');
  await expect.poll(async () => plain(await verdict.textContent())).toContain(L('consents.check.allowed'));
  expect(plain(await verdict.textContent())).toContain(
    L('consents.check.until', { date: plain(await sharing.locator('td').nth(5).textContent()) }),
  );
  await gate.getByLabel(L('consents.form.purpose'), { exact: true }).selectOption('representation');
  await gate.getByRole('button', { name: L('consents.check.submit') }).click();
  await expect.poll(async () => plain(await verdict.textContent())).toContain(L('consents.deny.not-informed'));
  expect(plain(await verdict.textContent())).toContain(
    L('consents.check.missing', { list: L('consents.told.right-to-withdraw') }),
  );

  // the renew dialog opens on a given consent (screenshot, then cancel)
  await representation.getByRole('button', { name: new RegExp(`^${escape(L('consents.renew'))}`) }).click();
  await dlg.waitFor();
  await checkScreen(page, `case-detail-renew-dialog-${lang}`);
  await dlg.getByRole('button', { name: L('action.cancel') }).click();
  await dlg.waitFor({ state: 'hidden' });

  // withdraw the sharing consent, with the person's reason: its state changes to withdrawn
  await sharing.getByRole('button', { name: new RegExp(`^${escape(L('consents.withdraw'))}`) }).click();
  await dlg.waitFor();
  await checkScreen(page, `case-detail-withdraw-dialog-${lang}`);
  await dlg.getByRole('button', { name: L('consents.withdraw.submit') }).click();
  // the reason is required: nothing is sent without it
  expect(await dlg.isVisible()).toBe(true);
  expect((await ok<ConsentWithStatus[]>(h, 'consents.list', { caseId: seeded.id })).map((c) => c.status)).toEqual([
    'given',
    'given',
  ]);
  await dlg.getByLabel(L('consents.withdraw.reason'), { exact: true }).fill(d.reason);
  await dlg.getByRole('button', { name: L('consents.withdraw.submit') }).click();
  await dlg.waitFor({ state: 'hidden' });
  await expect
    .poll(async () => plain(await sharing.getByTestId('consent-state').textContent()))
    .toBe(L('consents.state.withdrawn'));
  expect(plain(await sharing.textContent())).toContain(d.reason);
  // no withdraw or renew any more: only the recall to partners (none received this person here),
  // beside the link to the person's page
  expect(await sharing.getByRole('button').allTextContents()).toEqual([d.person, L('consents.recall.open')]);
  expect(plain(await page.locator('.consents-tab .live-notice').textContent())).toBe(L('consents.withdrawn'));
  const consents = await ok<ConsentWithStatus[]>(h, 'consents.list', { caseId: seeded.id });
  expect(consents.map((c) => [c.purpose, c.status, c.version])).toEqual([
    ['sharing', 'withdrawn', 2],
    ['representation', 'given', 1],
  ]);
  expect(consents[0]).toMatchObject({
    withdrawalReason: d.reason,
    recipient: { class: 'un-body' },
    language: 'ar',
    expiresAt: '2099-12-31',
  });
  expect(consents[1]).toMatchObject({ method: 'oral-witnessed', witness: 'Samia B.', recipient: null });

  // the gate now says withdrawn
  await gate.getByLabel(L('consents.form.purpose'), { exact: true }).selectOption('sharing');
  await gate.getByLabel(L('consents.form.recipient'), { exact: true }).selectOption('class:un-body');
  await gate.getByRole('button', { name: L('consents.check.submit') }).click();
  await expect.poll(async () => plain(await verdict.textContent())).toContain(L('consents.deny.withdrawn'));
  expect(plain(await verdict.textContent())).toContain(L('consents.check.denied'));
  await checkScreen(page, `case-detail-consents-${lang}`);

  // ---- the tabs by keyboard: the previous tab is the arrow towards the start (mirrored in Arabic)
  await page.getByRole('tab', { name: L('caseDetail.tab.consents') }).focus();
  await page.keyboard.press(lang === 'ar' ? 'ArrowRight' : 'ArrowLeft');
  await page.getByRole('heading', { level: 2, name: L('people.title') }).waitFor();
  expect(await page.getByRole('tab', { name: L('caseDetail.tab.people') }).getAttribute('aria-selected')).toBe('true');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
  await page.keyboard.press('Home');
  await page.getByRole('heading', { level: 2, name: L('caseDetail.details') }).waitFor();
  expect(await page.getByRole('tab', { name: L('caseDetail.tab.overview') }).getAttribute('aria-selected')).toBe(
    'true',
  );

  // ---- back to the case list
  await page.getByRole('button', { name: L('caseDetail.back') }).click();
  await page.getByRole('heading', { level: 1, name: L('cases.title') }).waitFor();
}

describe('case detail: overview, people, consents', () => {
  it('English: edit, conflict, status workflow, add and link people, record, check and withdraw consents', async () => {
    await walk('en');
  });

  it('Arabic (right to left): the same walk with the Arabic labels and Arabic record data', async () => {
    await walk('ar');
  });
});
