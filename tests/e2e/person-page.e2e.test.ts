/**
 * End to end, in Debian's Chromium against the real shell and engine worker: a person's page.
 * A case with two people, consents in several states and a second case are seeded through the
 * shell; the rest is done like a user. From the case's People tab the person's name opens their
 * page, which shows every recorded field, their cases and their consents case by case; "Edit"
 * changes the contact and the safety notes; the case then shows the new safety notes as a
 * banner. Removing a role asks first (Cancel keeps it), and removing keeps the person and their
 * consents. Screenshots and axe at 1366×768, in English and in Arabic (right to left, Arabic
 * record data).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from './harness/server.js';
import { ok, plain } from './e2e-helpers.js';
import { checkScreen, launchChromium, screenshot } from './browser.js';
import { CATALOGUE, type MessageKey } from '../../src-renderer/i18n/catalogue.js';
import { formatMessage, type MessageValues } from '../../src-renderer/i18n/format-message.js';
import type { Case } from '../../shared/domain/cases.js';
import type { Person } from '../../shared/domain/people.js';
import type { ConsentWithStatus } from '../../shared/domain/consents.js';

const PASSPHRASE = 'correct horse battery staple';
/** expect.poll waits up to 1 s by default: too short when the machine is busy */
const POLL = { timeout: 20_000 };
const TOLD = ['nature', 'purpose', 'use', 'consequences', 'right-to-refuse', 'right-to-withdraw'];

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

function messages(lang: Lang) {
  const L = (key: MessageKey, values?: MessageValues) => plain(formatMessage(lang, CATALOGUE[lang][key]!, values));
  const N = (key: MessageKey, values?: MessageValues) =>
    new RegExp(
      `^${escape(formatMessage(lang, CATALOGUE[lang][key]!, values))
        .replace(/\u2068/g, '\u2068?')
        .replace(/\u2069/g, '\u2069?')}$`,
    );
  return { L, N };
}

const DATA = {
  en: {
    case: 'Torture in Bouchoucha detention centre',
    other: 'Pushback at the southern border',
    person: 'Youssef Amrani',
    aliases: ['Abou Youssef', 'Youssef El-Amrani'],
    pseudonym: 'Witness Y',
    contact: 'Through his sister Samia, +216 20 000 000',
    safety: 'Call only after 18:00.',
    notes: 'Speaks French and Tunisian Arabic.',
    newContact: 'Only through the lawyer’s office, Tunis',
    newSafety: 'Do not call his phone: it is monitored.',
    witness: 'Karim Haddad',
  },
  ar: {
    case: 'التعذيب في مركز احتجاز بوشوشة',
    other: 'الإرجاع القسري على الحدود الجنوبية',
    person: 'يوسف العمراني',
    aliases: ['أبو يوسف', 'Youssef Amrani'],
    pseudonym: 'الشاهد ي',
    contact: 'عن طريق أخته سامية، ‎+216 20 000 000',
    safety: 'لا يُتصل به إلا بعد الساعة 18:00.',
    notes: 'يتحدث الفرنسية والعربية التونسية.',
    newContact: 'عن طريق مكتب المحامي فقط، تونس',
    newSafety: 'لا تتصل بهاتفه: إنه مراقَب.',
    witness: 'كريم حداد',
  },
} as const;

async function walk(lang: Lang) {
  const { L, N } = messages(lang);
  const d = DATA[lang];
  h = await startHarness();
  await ok(h, 'vault.create', { passphrase: PASSPHRASE });
  if (lang !== 'en') await ok(h, 'settings.set', { language: lang });
  const kase = await ok<Case>(h, 'cases.create', { title: d.case, reference: 'TN-2026-11', status: 'active' });
  const other = await ok<Case>(h, 'cases.create', { title: d.other, reference: 'TN-2026-12', status: 'assessment' });
  const person = await ok<Person>(h, 'people.create', {
    fullName: d.person,
    aliases: [...d.aliases],
    pseudonym: d.pseudonym,
    gender: 'male',
    birthDate: '1988-06',
    country: 'TN',
    contact: d.contact,
    safetyNotes: d.safety,
    vulnerabilities: ['reprisal-risk', 'trauma'],
    notes: d.notes,
  });
  const witness = await ok<Person>(h, 'people.create', { fullName: d.witness });
  await ok(h, 'people.link', { personId: person.id, caseId: kase.id, role: 'survivor' });
  await ok(h, 'people.link', { personId: person.id, caseId: other.id, role: 'witness' });
  await ok(h, 'people.link', { personId: witness.id, caseId: kase.id, role: 'witness' });
  // consents in the states the page must tell apart: given, withdrawn, expired
  const consent = (caseId: string, purpose: string, extra: object = {}) =>
    ok<ConsentWithStatus>(h!, 'consents.add', {
      personId: person.id,
      caseId,
      purpose,
      told: TOLD,
      method: 'written',
      givenAt: '2026-01-10',
      ...extra,
    });
  await consent(kase.id, 'sharing', { recipient: { class: 'un-body' } });
  const media = await consent(kase.id, 'media');
  await ok(h, 'consents.withdraw', { id: media.id, reason: 'Changed his mind.', at: '2026-02-01' });
  await consent(other.id, 'representation', { expiresAt: '2026-03-01' });

  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(h.url);
  await page.locator('main h1').waitFor();
  // the case list, from the main navigation (its entry may carry a count after the label)
  await page
    .getByRole('navigation', { name: L('nav.label') })
    .getByRole('link', { name: new RegExp(`^${escape(L('nav.cases'))}`) })
    .click();
  await page.getByRole('heading', { level: 1, name: L('cases.title') }).waitFor();
  expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  await page.getByRole('button', { name: new RegExp(escape(d.case)) }).click();
  await expect.poll(async () => plain(await page!.locator('main h1').textContent()), POLL).toContain(d.case);

  // ---- the People tab: the name opens the person's page
  await page.getByRole('tab', { name: L('caseDetail.tab.people') }).click();
  const peopleTable = page.getByTestId('people-table');
  await peopleTable.locator('tbody tr').filter({ hasText: d.witness }).waitFor();
  await peopleTable.getByRole('button', { name: d.person, exact: true }).click();
  await expect.poll(async () => plain(await page!.locator('main h1').textContent()), POLL).toBe(d.person);

  // every field, as recorded
  const about = plain(await page.getByTestId('person-about').textContent());
  for (const value of [
    d.person,
    ...d.aliases,
    d.pseudonym,
    L('people.gender.male'),
    '1988-06',
    new Intl.DisplayNames([lang], { type: 'region' }).of('TN')!,
    L('people.vuln.reprisal-risk'),
    L('people.vuln.trauma'),
    d.notes,
  ])
    expect(about).toContain(value);
  const contact = plain(await page.getByTestId('person-contact').textContent());
  expect(contact).toContain(d.contact);
  expect(plain(await page.getByTestId('person-safety').textContent())).toBe(d.safety);
  // both cases with the roles held there, and the consents case by case with their state
  const cases = page.getByTestId('person-cases').locator('tbody tr');
  expect(await cases.count()).toBe(2);
  expect(plain(await cases.nth(0).textContent())).toContain(d.case);
  expect(plain(await cases.nth(0).textContent())).toContain(L('people.role.survivor'));
  expect(plain(await cases.nth(1).textContent())).toContain(d.other);
  expect(plain(await cases.nth(1).textContent())).toContain(L('people.role.witness'));
  const consents = page.getByTestId('person-consents').locator('tbody tr');
  expect(await consents.count()).toBe(3);
  const rows = (await consents.allTextContents()).map(plain);
  expect(rows.filter((r) => r.includes('TN-2026-11')).length).toBe(2);
  expect(rows.find((r) => r.includes(L('consents.purpose.sharing')))).toContain(L('consents.state.given'));
  expect(rows.find((r) => r.includes(L('consents.purpose.sharing')))).toContain(L('consents.class.un-body'));
  expect(rows.find((r) => r.includes(L('consents.purpose.media')))).toContain(L('consents.state.withdrawn'));
  const expired = rows.find((r) => r.includes(L('consents.purpose.representation')));
  expect(expired).toContain('TN-2026-12');
  expect(expired).toContain(L('consents.state.expired'));
  await checkScreen(page, `person-page-${lang}`);
  await page.getByTestId('person-consents').scrollIntoViewIfNeeded();
  await screenshot(page, `person-page-consents-${lang}`);

  // ---- Edit: the contact and the safety notes
  await page.getByRole('button', { name: L('action.edit'), exact: true }).click();
  const dlg = page.getByRole('dialog');
  await dlg.getByRole('heading', { name: L('person.edit.title') }).waitFor();
  // the form holds what is recorded
  // (not exact: a required field's label also says so)
  expect(await dlg.getByLabel(L('people.form.fullName')).inputValue()).toBe(d.person);
  expect(await dlg.getByLabel(L('people.form.aliases'), { exact: true }).inputValue()).toBe(
    [...d.aliases].sort().join('\n'),
  );
  expect(await dlg.getByLabel(L('people.form.birthDate'), { exact: true }).inputValue()).toBe('1988-06');
  expect(await dlg.getByLabel(L('people.vuln.trauma'), { exact: true }).isChecked()).toBe(true);
  await dlg.getByLabel(L('people.form.contact'), { exact: true }).fill(d.newContact);
  await dlg.getByLabel(L('people.form.safetyNotes'), { exact: true }).fill(d.newSafety);
  await checkScreen(page, `person-edit-${lang}`);
  await dlg.getByRole('button', { name: L('person.edit.submit') }).click();
  await dlg.waitFor({ state: 'hidden' });
  await page
    .getByRole('status')
    .filter({ hasText: L('person.saved') })
    .waitFor();
  expect(plain(await page.getByTestId('person-safety').textContent())).toBe(d.newSafety);
  expect(plain(await page.getByTestId('person-contact').textContent())).toContain(d.newContact);
  const stored = await ok<Person>(h, 'people.get', { id: person.id });
  expect(stored).toMatchObject({
    contact: d.newContact,
    safetyNotes: d.newSafety,
    pseudonym: d.pseudonym,
    birthDate: '1988-06',
    country: 'TN',
    vulnerabilities: ['reprisal-risk', 'trauma'],
    notes: d.notes,
    version: person.version + 1,
  });
  expect([...stored.aliases].sort()).toEqual([...d.aliases].sort());

  // ---- the case, opened from the person's page, shows the new safety notes as a banner
  await cases.nth(0).getByRole('button').click();
  await expect.poll(async () => plain(await page!.locator('main h1').textContent()), POLL).toContain(d.case);
  const banner = page.getByTestId('safety-notes');
  await banner.waitFor();
  expect(await banner.locator('li').count()).toBe(1);
  const line = plain(await banner.locator('li').textContent());
  expect(line).toContain(L('people.safety.prefix'));
  expect(line).toContain(d.newSafety);
  expect(line).toContain(d.person);
  await checkScreen(page, `case-safety-banner-${lang}`);

  // ---- the Consents tab names the person too, and the name opens their page
  await page.getByRole('tab', { name: L('caseDetail.tab.consents') }).click();
  await page.getByTestId('consents-table').getByRole('button', { name: d.person, exact: true }).first().click();
  await expect.poll(async () => plain(await page!.locator('main h1').textContent()), POLL).toBe(d.person);
  await cases.nth(0).getByRole('button').click();
  await expect.poll(async () => plain(await page!.locator('main h1').textContent()), POLL).toContain(d.case);

  // the banner follows changes made elsewhere: safety notes given to the witness show at once
  await ok(h, 'people.update', { id: witness.id, expectedVersion: witness.version, safetyNotes: d.safety });
  await expect.poll(() => banner.locator('li').count(), POLL).toBe(2);

  // ---- removing a role asks first; Cancel keeps it
  const karim = peopleTable.locator('tbody tr').filter({ hasText: d.witness });
  const remove = karim.getByRole('button', {
    name: N('people.unlinkLabel', { name: d.witness, role: L('people.role.witness') }),
  });
  await remove.click();
  await dlg.getByRole('heading', { name: L('people.unlinkConfirm.title') }).waitFor();
  const said = plain(await dlg.textContent());
  expect(said).toContain(L('people.unlinkConfirm.what', { name: d.witness, role: L('people.role.witness') }));
  expect(said).toContain(L('people.unlinkConfirm.keeps'));
  await checkScreen(page, `person-unlink-confirm-${lang}`);
  await dlg.getByRole('button', { name: L('action.cancel'), exact: true }).click();
  await dlg.waitFor({ state: 'hidden' });
  expect(await peopleTable.locator('tbody tr').count()).toBe(2);
  expect((await ok<Person>(h, 'people.get', { id: witness.id })).roles).toHaveLength(1);

  await remove.click();
  await dlg.getByRole('button', { name: L('people.unlinkConfirm.submit') }).click();
  await dlg.waitFor({ state: 'hidden' });
  await karim.waitFor({ state: 'detached' });
  await expect
    .poll(async () => (await page!.getByRole('status').allTextContents()).map(plain), POLL)
    .toContain(L('people.unlinked', { name: d.witness, role: L('people.role.witness') }));
  // the person stays in the vault, without the role
  expect((await ok<Person>(h, 'people.get', { id: witness.id })).roles).toEqual([]);
  // and their safety notes leave the case's banner with them
  await expect.poll(() => banner.locator('li').count(), POLL).toBe(1);
}

describe('a person’s page', () => {
  it('English: open from the People tab, every field, edit contact and safety notes, the case banner, remove-role confirmation', async () => {
    await walk('en');
  });

  it('Arabic (right to left): the same walk with the Arabic labels and Arabic record data', async () => {
    await walk('ar');
  });
});
