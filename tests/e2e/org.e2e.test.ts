/**
 * End to end, in Debian's Chromium against the real shell and engine worker, through the UI as
 * a user would (roles and labels from the message catalogue of the language under test):
 *
 * - enquiries: record one naming a person who is an alleged perpetrator in a seeded case, see the
 *   conflict match, try to accept without acknowledging it (refused, explained, nothing written),
 *   acknowledge and accept, land on the new case; refer another to a partner; decline a third;
 * - partners: add one (the tier derived from the amount), a refused entry, an agreement with
 *   dates, the sharing profile changed and saved, an edit that changes the tier;
 * - risk register: add a risk tied to a case, re-rate it, close it, filter.
 *
 * Every screen and dialog is screenshotted and scanned by axe, in English and in Arabic.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startHarness, type Harness } from './harness/server.js';
import { ok, plain, msg, accName } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';
import type { Enquiry } from '../../shared/domain/enquiries.js';
import type { PartnerDetail } from '../../shared/domain/partners.js';
import type { Risk } from '../../shared/domain/risks.js';

const PASSPHRASE = 'correct horse battery staple';
type Lang = 'en' | 'ar';

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

/** Text without the Unicode isolates the message formatter puts around values. */
/** A message of the language under test, as the screen shows it (without isolates). */
async function text(l: Locator): Promise<string> {
  return plain(await l.textContent());
}

/** Wait until the locator's text (isolates removed) contains `want`. */
async function waitForText(l: Locator, want: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last = '';
  while (Date.now() < deadline) {
    last = (await l.count()) > 0 ? await text(l.first()) : '';
    if (last.includes(want)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for "${want}"; last text: "${last}"`);
}

/** A fresh vault (made through the shell, left unlocked) and a page showing the app. */
async function openApp(lang: Lang): Promise<{ h: Harness; page: Page }> {
  h = await startHarness();
  await ok(h, 'vault.create', { passphrase: PASSPHRASE });
  await ok(h, 'settings.set', { language: lang });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(h.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  return { h, page };
}

/** An instant as the page formats it (in the browser's time zone and locale). */
function instant(p: Page, lang: Lang, at: string): Promise<string> {
  return p.evaluate(
    ([l, i]) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(i)),
    [lang, at] as const,
  );
}

function h1(p: Page): Locator {
  return p.locator('main h1').first();
}

async function goTo(p: Page, lang: Lang, navKey: string, titleKey: string): Promise<void> {
  await p
    .locator('nav.sidebar')
    .getByRole('link', { name: new RegExp(`^${msg(lang, navKey)}`) }) // a count may follow the label
    .click();
  await waitForText(h1(p), msg(lang, titleKey));
}

function dialog(p: Page): Locator {
  return p.locator('dialog[open]');
}

/** Names per language: Arabic runs use Arabic record data too, so bidi is exercised. */
const DATA = {
  en: {
    enquirer: 'Amina Wanjiru',
    caseTitle: 'Wanjiru v. State',
    partner: 'Haki Legal Aid',
    threat: 'Laptop seized at a border crossing',
  },
  ar: {
    enquirer: 'أمينة وانجيرو',
    caseTitle: 'وانجيرو ضد الدولة',
    partner: 'منظمة حقي للمساعدة القانونية',
    threat: 'مصادرة الحاسوب المحمول عند المعبر الحدودي',
  },
} as const;

const PERPETRATOR = 'Joseph Kamau Otieno';

describe.each(['en', 'ar'] as const)('enquiries, partners and risks (%s)', (lang) => {
  const d = DATA[lang];

  it('enquiries: conflict match, a refused accept, an accept that opens the case, a referral and a decline', async () => {
    const { h, page } = await openApp(lang);
    // A case in which Joseph Kamau Otieno is the alleged perpetrator, and a partner to refer to.
    const seeded = await ok<{ id: string; reference: string }>(h, 'cases.create', {
      title: 'Detention at Kamiti',
      reference: 'KE-7',
    });
    const person = await ok<{ id: string }>(h, 'people.create', { fullName: PERPETRATOR });
    await ok(h, 'people.link', { personId: person.id, caseId: seeded.id, role: 'alleged-perpetrator' });
    const partner = await ok<{ id: string }>(h, 'partners.add', { name: d.partner, kind: 'ngo', country: 'KE' });

    await goTo(page, lang, 'nav.enquiries', 'enquiries.title');
    await waitForText(page.locator('main'), msg(lang, 'enquiries.undecided.none'));
    await checkScreen(page, `org-enquiries-empty-${lang}`);

    // By keyboard: from the heading, Tab reaches "New enquiry"; Enter opens the dialog with the
    // focus inside it; Escape closes it and gives focus back; Enter opens it again.
    await h1(page).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(msg(lang, 'enquiries.new'));
    await page.keyboard.press('Enter');
    const form = dialog(page);
    await form.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('dialog[open]') === null);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(msg(lang, 'enquiries.new'));
    await page.keyboard.press('Enter');

    // New enquiry, naming the alleged perpetrator.
    await form.getByLabel(msg(lang, 'enquiries.form.enquirerName'), { exact: true }).fill(d.enquirer);
    await form.getByLabel(msg(lang, 'enquiries.form.channel'), { exact: true }).selectOption('in-person');
    await form.getByLabel(msg(lang, 'enquiries.form.receivedOn'), { exact: true }).fill('2026-02-03');
    await form
      .getByLabel(msg(lang, 'enquiries.form.summary'), { exact: true })
      .fill('Her brother was detained without charge in Nairobi.');
    await form.getByLabel(msg(lang, 'enquiries.form.names'), { exact: true }).fill(`${PERPETRATOR}\nPeter Wanjiru`);
    await checkScreen(page, `org-enquiry-new-${lang}`);
    await form.getByRole('button', { name: msg(lang, 'enquiries.form.submit'), exact: true }).click();

    // The enquiry opens with its conflict check: one exact match, an alleged perpetrator in KE-7.
    await waitForText(h1(page), msg(lang, 'enquiry.headingFrom', { name: d.enquirer }));
    const matches = page.locator('[data-testid="conflict-match"]');
    await matches.first().waitFor();
    expect(await matches.count()).toBe(1);
    const row = await text(matches.first());
    expect(row).toContain(PERPETRATOR);
    expect(row).toContain(msg(lang, 'enquiry.conflicts.match.exact'));
    expect(row).toContain(
      msg(lang, 'enquiry.conflicts.roleIn', {
        role: msg(lang, 'enquiries.role.alleged-perpetrator'),
        reference: 'KE-7',
      }),
    );
    expect(await text(page.locator('main'))).toContain(msg(lang, 'enquiry.conflicts.found', { count: 1 }));
    await checkScreen(page, `org-enquiry-detail-${lang}`);

    // Accept without acknowledging the match: the dialog does not offer it, the engine refuses it.
    await page.getByRole('button', { name: msg(lang, 'enquiry.accept'), exact: true }).click();
    const accept = dialog(page);
    await accept.getByLabel(msg(lang, 'enquiry.accept.caseTitle'), { exact: true }).fill(d.caseTitle);
    await accept.getByLabel(msg(lang, 'enquiry.accept.enquirerRole'), { exact: true }).selectOption('survivor');
    const submit = accept.getByRole('button', { name: msg(lang, 'enquiry.accept.submit'), exact: true });
    expect(await submit.isDisabled()).toBe(true);
    expect(await text(accept)).toContain(msg(lang, 'enquiry.accept.acknowledgeFirst'));
    await checkScreen(page, `org-enquiry-accept-refused-${lang}`);
    const [enquiry] = (await ok<{ items: Enquiry[] }>(h, 'enquiries.list', {})).items;
    const refused = await h.shell.handle(true, 'enquiries.decide', { id: enquiry!.id, decision: 'accept' });
    expect(refused.ok ? null : refused.error.code).toBe('CONFLICT_CHECK_UNRESOLVED');
    expect((await ok<Enquiry>(h, 'enquiries.get', { id: enquiry!.id })).status).toBe('open');
    expect((await ok<{ total: number }>(h, 'cases.list', {})).total).toBe(1);

    // Acknowledge and accept: the new case opens.
    await accept.getByLabel(msg(lang, 'enquiry.accept.acknowledge', { count: 1 }), { exact: true }).check();
    await accept.getByRole('button', { name: msg(lang, 'enquiry.accept.submit'), exact: true }).click();
    await waitForText(h1(page), d.caseTitle);
    const accepted = await ok<Enquiry>(h, 'enquiries.get', { id: enquiry!.id });
    expect(accepted.status).toBe('accepted');
    const opened = await ok<{ id: string; title: string; status: string; enquiryId: string | null }>(h, 'cases.get', {
      id: accepted.caseId,
    });
    expect(opened).toMatchObject({ title: d.caseTitle, status: 'active', enquiryId: enquiry!.id });
    expect(await text(h1(page))).toContain(d.caseTitle);
    expect(await page.locator('nav.sidebar a[aria-current="page"]').textContent()).toBe(msg(lang, 'nav.cases'));
    // The enquirer was recorded in the new case as the survivor.
    const people = await ok<{ items: Array<{ fullName: string; roles: Array<{ caseId: string; role: string }> }> }>(
      h,
      'people.list',
      { caseId: opened.id },
    );
    expect(people.items.map((p) => [p.fullName, p.roles.map((r) => r.role)])).toEqual([[d.enquirer, ['survivor']]]);

    // Two more enquiries: one to refer, one to decline.
    const toRefer = await ok<Enquiry>(h, 'enquiries.add', {
      channel: 'email',
      summary: 'Asks for help with a land dispute.',
      enquirerName: 'Grace Achieng',
      receivedOn: '2026-02-05',
    });
    const toDecline = await ok<Enquiry>(h, 'enquiries.add', {
      channel: 'phone',
      summary: 'A commercial contract question.',
      enquirerName: 'Samuel Kiprop',
      receivedOn: '2026-02-06',
    });
    expect(toRefer.conflicts).toEqual([]);

    await goTo(page, lang, 'nav.enquiries', 'enquiries.title');
    const undecided = page.getByRole('table', { name: msg(lang, 'enquiries.undecided.label'), exact: true });
    const decided = page.getByRole('table', { name: msg(lang, 'enquiries.decided.label'), exact: true });
    await undecided.waitFor();
    expect(await undecided.locator('tbody tr').count()).toBe(2);
    const decidedRows = await text(decided.locator('tbody'));
    expect(decidedRows).toContain(d.enquirer);
    expect(decidedRows).toContain(msg(lang, 'enquiries.status.accepted'));
    expect(await text(undecided.locator('tbody'))).toContain(msg(lang, 'enquiries.status.open'));
    await checkScreen(page, `org-enquiries-${lang}`);

    // Refer Grace Achieng's enquiry to the partner.
    await undecided.getByRole('button', { name: 'Grace Achieng', exact: true }).click();
    await waitForText(h1(page), msg(lang, 'enquiry.headingFrom', { name: 'Grace Achieng' }));
    expect(await text(page.locator('main'))).toContain(msg(lang, 'enquiry.conflicts.none'));
    await page.getByRole('button', { name: msg(lang, 'enquiry.refer'), exact: true }).click();
    const refer = dialog(page);
    await refer.getByLabel(msg(lang, 'enquiry.refer.partner'), { exact: true }).selectOption(partner.id);
    await refer.getByLabel(msg(lang, 'enquiry.refer.reason'), { exact: true }).fill('Land law is their speciality.');
    await checkScreen(page, `org-enquiry-refer-${lang}`);
    await refer.getByRole('button', { name: msg(lang, 'enquiry.refer.submit'), exact: true }).click();
    const decision = page.locator('[data-testid="enquiry-decision"]');
    await waitForText(decision, d.partner);
    const referred = await ok<Enquiry>(h, 'enquiries.get', { id: toRefer.id });
    expect(referred).toMatchObject({
      status: 'referred',
      referredPartnerId: partner.id,
      decisionReason: 'Land law is their speciality.',
      caseId: null,
    });
    expect(await text(decision)).toBe(
      msg(lang, 'enquiry.decided.referred', {
        partner: d.partner,
        date: await instant(page, lang, referred.decidedAt!),
      }),
    );
    expect(await page.getByRole('button', { name: msg(lang, 'enquiry.accept'), exact: true }).count()).toBe(0);
    await checkScreen(page, `org-enquiry-referred-${lang}`);

    // Decline Samuel Kiprop's: the reason is required by the form, then recorded.
    await page.getByRole('button', { name: msg(lang, 'enquiry.back'), exact: true }).click();
    await page
      .getByRole('table', { name: msg(lang, 'enquiries.undecided.label'), exact: true })
      .getByRole('button', { name: 'Samuel Kiprop', exact: true })
      .click();
    await waitForText(h1(page), msg(lang, 'enquiry.headingFrom', { name: 'Samuel Kiprop' }));
    await page.getByRole('button', { name: msg(lang, 'enquiry.decline'), exact: true }).click();
    const decline = dialog(page);
    await decline
      .getByLabel(msg(lang, 'enquiry.decline.reason'), { exact: true })
      .fill('Outside our mandate: a commercial matter.');
    await checkScreen(page, `org-enquiry-decline-${lang}`);
    await decline.getByRole('button', { name: msg(lang, 'enquiry.decline.submit'), exact: true }).click();
    await page.locator('[data-testid="enquiry-decision"]').waitFor();
    const declined = await ok<Enquiry>(h, 'enquiries.get', { id: toDecline.id });
    expect(declined).toMatchObject({
      status: 'declined',
      decisionReason: 'Outside our mandate: a commercial matter.',
      caseId: null,
      referredPartnerId: null,
    });
    expect(await text(page.locator('[data-testid="enquiry-decision"]'))).toBe(
      msg(lang, 'enquiry.decided.declined', { date: await instant(page, lang, declined.decidedAt!) }),
    );
    await checkScreen(page, `org-enquiry-declined-${lang}`);

    // The inbox: nothing awaits a decision; three decided, each with its state in words.
    await goTo(page, lang, 'nav.enquiries', 'enquiries.title');
    await waitForText(page.locator('main'), msg(lang, 'enquiries.undecided.none'));
    const finalRows = page
      .getByRole('table', { name: msg(lang, 'enquiries.decided.label'), exact: true })
      .locator('tbody tr');
    expect(await finalRows.count()).toBe(3);
    const states = await finalRows.evaluateAll((rows) =>
      rows.map((r) => (r.lastElementChild?.textContent ?? '').trim()),
    );
    expect(states.sort()).toEqual(
      [
        msg(lang, 'enquiries.status.accepted'),
        msg(lang, 'enquiries.status.declined'),
        msg(lang, 'enquiries.status.referred'),
      ].sort(),
    );
  });

  it('partners: add one (tier from the amount), a refused amount, an agreement, the sharing profile, an edit', async () => {
    const { h, page } = await openApp(lang);
    await goTo(page, lang, 'nav.partners', 'partners.title');
    await waitForText(page.locator('main'), msg(lang, 'partners.none'));
    await checkScreen(page, `org-partners-empty-${lang}`);

    await page.getByRole('button', { name: msg(lang, 'partners.new'), exact: true }).click();
    const form = dialog(page);
    await form.getByLabel(msg(lang, 'partners.form.name'), { exact: true }).fill(d.partner);
    await form.getByLabel(msg(lang, 'partners.form.kind'), { exact: true }).selectOption('ngo');
    await form.getByLabel(msg(lang, 'partners.form.country'), { exact: true }).selectOption('KE');
    // Not a whole number of pounds: refused in the form, nothing sent.
    await form.getByLabel(msg(lang, 'partners.form.amount'), { exact: true }).fill('5000.50');
    await form.getByRole('button', { name: msg(lang, 'partners.form.create'), exact: true }).click();
    await waitForText(form.locator('.field-error'), msg(lang, 'partners.form.amountInvalid'));
    expect(await ok<unknown[]>(h, 'partners.list', {})).toEqual([]);
    await checkScreen(page, `org-partner-new-${lang}`);
    await form.getByLabel(msg(lang, 'partners.form.amount'), { exact: true }).fill('5,000');
    expect(await form.getByLabel(msg(lang, 'partners.form.tier'), { exact: true }).isDisabled()).toBe(true);
    await form.getByRole('button', { name: msg(lang, 'partners.form.create'), exact: true }).click();

    // The partner's page: the engine derived the medium tier from £5,000.
    await waitForText(h1(page), d.partner);
    await waitForText(page.locator('[data-testid="partner-tier"]'), msg(lang, 'partners.tier.medium'));
    const [stored] = await ok<PartnerDetail[]>(h, 'partners.list', {});
    expect(stored).toMatchObject({
      name: d.partner,
      kind: 'ngo',
      country: 'KE',
      ddAmountGbp: 5000,
      ddTier: 'medium',
      sharingProfile: {},
    });
    await checkScreen(page, `org-partner-detail-${lang}`);

    // An agreement whose expiry comes before its signature: the engine refuses, nothing stored.
    await page.getByRole('button', { name: msg(lang, 'partner.agreements.add'), exact: true }).click();
    const agreement = dialog(page);
    await agreement.getByLabel(msg(lang, 'partner.agreement.kind'), { exact: true }).selectOption('data-sharing');
    await agreement.getByLabel(msg(lang, 'partner.agreement.signedOn'), { exact: true }).fill('2025-01-15');
    await agreement.getByLabel(msg(lang, 'partner.agreement.expiresOn'), { exact: true }).fill('2024-12-31');
    await agreement.getByRole('button', { name: msg(lang, 'partner.agreements.add'), exact: true }).click();
    await waitForText(agreement.locator('[role="alert"]'), msg(lang, 'error.INVALID_INPUT'));
    expect((await ok<PartnerDetail>(h, 'partners.get', { id: stored!.id })).agreements).toEqual([]);
    await checkScreen(page, `org-partner-agreement-${lang}`);
    await agreement.getByLabel(msg(lang, 'partner.agreement.expiresOn'), { exact: true }).fill('2030-01-14');
    await agreement.getByRole('button', { name: msg(lang, 'partner.agreements.add'), exact: true }).click();
    const agreements = page.getByRole('table', { name: msg(lang, 'partner.agreements.label'), exact: true });
    await waitForText(agreements, msg(lang, 'partners.agreementState.active'));
    expect(await text(agreements.locator('tbody'))).toContain(msg(lang, 'partners.agreementKind.data-sharing'));
    expect(
      (await ok<PartnerDetail>(h, 'partners.get', { id: stored!.id })).agreements.map((a) => [
        a.kind,
        a.signedOn,
        a.expiresOn,
        a.state,
      ]),
    ).toEqual([['data-sharing', '2025-01-15', '2030-01-14', 'active']]);

    // Sharing profile: cases with their default fields; people with defaults, minus roles, plus full name.
    const cases = page.getByRole('group', { name: msg(lang, 'partners.sharingKind.cases'), exact: true });
    const people = page.getByRole('group', { name: msg(lang, 'partners.sharingKind.people'), exact: true });
    await cases.getByLabel(msg(lang, 'partner.sharing.allow'), { exact: true }).check();
    await people.getByLabel(msg(lang, 'partner.sharing.allow'), { exact: true }).check();
    expect(await people.getByLabel(msg(lang, 'partners.field.pseudonym'), { exact: true }).isChecked()).toBe(true);
    expect(await people.getByLabel(msg(lang, 'partners.field.full-name'), { exact: true }).isChecked()).toBe(false);
    await people.getByLabel(msg(lang, 'partners.field.roles'), { exact: true }).uncheck();
    await people.getByLabel(msg(lang, 'partners.field.full-name'), { exact: true }).check();
    await page.getByRole('button', { name: msg(lang, 'partner.sharing.save'), exact: true }).click();
    await waitForText(page.locator('.saved-note'), msg(lang, 'partner.sharing.saved'));
    expect((await ok<PartnerDetail>(h, 'partners.get', { id: stored!.id })).sharingProfile).toEqual({
      cases: ['reference', 'status', 'forum', 'country', 'jurisdiction', 'stage', 'opened-on', 'closed-on'],
      people: ['full-name', 'pseudonym', 'gender', 'birth-year', 'country'],
    });
    await checkScreen(page, `org-partner-sharing-${lang}`);

    // Stop sharing cases: saved as a profile of people only.
    await cases.getByLabel(msg(lang, 'partner.sharing.allow'), { exact: true }).uncheck();
    await page.getByRole('button', { name: msg(lang, 'partner.sharing.save'), exact: true }).click();
    await waitForText(page.locator('.saved-note'), msg(lang, 'partner.sharing.saved'));
    expect(Object.keys((await ok<PartnerDetail>(h, 'partners.get', { id: stored!.id })).sharingProfile)).toEqual([
      'people',
    ]);

    // Edit: £1,500 makes the tier small.
    await page.getByRole('button', { name: msg(lang, 'partners.edit'), exact: true }).click();
    const edit = dialog(page);
    await edit.getByLabel(msg(lang, 'partners.form.amount'), { exact: true }).fill('1500');
    await checkScreen(page, `org-partner-edit-${lang}`);
    await edit.getByRole('button', { name: msg(lang, 'action.save'), exact: true }).click();
    await waitForText(page.locator('[data-testid="partner-tier"]'), msg(lang, 'partners.tier.small'));
    expect(await ok<PartnerDetail>(h, 'partners.get', { id: stored!.id })).toMatchObject({
      ddAmountGbp: 1500,
      ddTier: 'small',
      sharingProfile: { people: ['full-name', 'pseudonym', 'gender', 'birth-year', 'country'] },
    });

    // The list: name, kind, country, tier, agreement state.
    await page.getByRole('button', { name: msg(lang, 'partner.back'), exact: true }).click();
    const list = page.getByRole('table', { name: msg(lang, 'partners.list.label'), exact: true });
    await waitForText(list, msg(lang, 'partners.agreementState.active'));
    const cells = await list.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 5).map(plain)).toEqual([
      d.partner,
      msg(lang, 'partners.kind.ngo'),
      // the country by its name in the interface's language, never the code
      new Intl.DisplayNames([lang], { type: 'region' }).of('KE'),
      msg(lang, 'partners.tier.small'),
      msg(lang, 'partners.agreementState.active'),
    ]);
    await checkScreen(page, `org-partners-${lang}`);
  });

  it('risk register: add a risk tied to a case, re-rate it, close it, filter', async () => {
    const { h, page } = await openApp(lang);
    const kase = await ok<{ id: string }>(h, 'cases.create', { title: 'Detention at Kamiti', reference: 'KE-7' });
    await goTo(page, lang, 'nav.risks', 'risks.title');
    await waitForText(page.locator('main'), msg(lang, 'risks.none'));
    await checkScreen(page, `org-risks-empty-${lang}`);

    await page.getByRole('button', { name: msg(lang, 'risks.new'), exact: true }).click();
    const form = dialog(page);
    await form.getByLabel(msg(lang, 'risks.form.threat'), { exact: true }).fill(d.threat);
    await form.getByLabel(msg(lang, 'risks.form.category'), { exact: true }).selectOption('device');
    await form.getByLabel(msg(lang, 'risks.form.likelihood'), { exact: true }).selectOption('4');
    await form.getByLabel(msg(lang, 'risks.form.impact'), { exact: true }).selectOption('5');
    await waitForText(
      form,
      msg(lang, 'risks.form.levelPreview', { level: msg(lang, 'risks.level.critical'), score: 20 }),
    );
    await form
      .getByLabel(msg(lang, 'risks.form.mitigations'), { exact: true })
      .fill('Full-disk encryption; travel laptop with no case files.');
    await form.getByLabel(msg(lang, 'risks.form.owner'), { exact: true }).fill('Security lead');
    await form.getByLabel(msg(lang, 'risks.form.reviewOn'), { exact: true }).fill('2030-06-30');
    const caseSelect = form.getByLabel(msg(lang, 'risks.case.label'), { exact: true });
    await caseSelect.locator(`option[value="${kase.id}"]`).waitFor({ state: 'attached' });
    await caseSelect.selectOption(kase.id);
    await checkScreen(page, `org-risk-new-${lang}`);
    await form.getByRole('button', { name: msg(lang, 'risks.form.create'), exact: true }).click();

    const table = page.getByRole('table', { name: msg(lang, 'risks.list.label'), exact: true });
    await waitForText(table, d.threat);
    await waitForText(table, 'KE-7');
    const row = table.locator('tbody tr').first();
    expect(await text(row)).toContain(
      msg(lang, 'risks.levelScore', { level: msg(lang, 'risks.level.critical'), score: 20 }),
    );
    const [risk] = await ok<Risk[]>(h, 'risks.list', {});
    expect(risk).toMatchObject({
      threat: d.threat,
      likelihood: 4,
      impact: 5,
      score: 20,
      level: 'critical',
      status: 'open',
      caseId: kase.id,
      owner: 'Security lead',
      reviewOn: '2030-06-30',
    });
    await checkScreen(page, `org-risks-${lang}`);

    // Re-rate: impact 2 makes it medium (8).
    await page.getByRole('button', { name: accName(lang, 'risks.edit', { threat: d.threat }), exact: true }).click();
    const edit = dialog(page);
    await edit.getByLabel(msg(lang, 'risks.form.impact'), { exact: true }).selectOption('2');
    await checkScreen(page, `org-risk-edit-${lang}`);
    await edit.getByRole('button', { name: msg(lang, 'action.save'), exact: true }).click();
    await waitForText(row, msg(lang, 'risks.levelScore', { level: msg(lang, 'risks.level.medium'), score: 8 }));
    expect(await ok<Risk>(h, 'risks.get', { id: risk!.id })).toMatchObject({
      impact: 2,
      score: 8,
      level: 'medium',
      version: 2,
    });

    // Close it; the open filter then shows none, the closed filter shows it, the case filter too.
    await page
      .getByRole('button', { name: accName(lang, 'risks.closeNamed', { threat: d.threat }), exact: true })
      .click();
    await waitForText(row, msg(lang, 'risks.status.closed'));
    expect((await ok<Risk>(h, 'risks.get', { id: risk!.id })).status).toBe('closed');
    const filters = page.getByRole('search', { name: msg(lang, 'risks.filters'), exact: true });
    await filters.getByLabel(msg(lang, 'risks.filter.status'), { exact: true }).selectOption('open');
    await waitForText(page.locator('main'), msg(lang, 'risks.none'));
    await filters.getByLabel(msg(lang, 'risks.filter.status'), { exact: true }).selectOption('closed');
    await waitForText(table, d.threat);
    await filters.getByLabel(msg(lang, 'risks.filter.status'), { exact: true }).selectOption('');
    const caseFilter = filters.getByLabel(msg(lang, 'risks.filter.case'), { exact: true });
    await caseFilter.locator(`option[value="${kase.id}"]`).waitFor({ state: 'attached' });
    await caseFilter.selectOption(kase.id);
    await waitForText(table, d.threat);
    expect(await table.locator('tbody tr').count()).toBe(1);
    await checkScreen(page, `org-risks-filtered-${lang}`);
  });
});
