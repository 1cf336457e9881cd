/**
 * Accepting an enquiry carries it into the case, in English and in Arabic (right to left, Arabic
 * record data), at 1366×768 in Debian's Chromium against the real shell and engine worker:
 * - an enquiry names a survivor and an alleged perpetrator, who is already in the vault (the
 *   conflict check matches him): "Accept" is not the leading button then;
 * - the accept dialog offers, per name, a new person, the matched person, or nobody, with the role
 *   the enquiry gave; "Accept" stays disabled until the matches are acknowledged;
 * - the case opens active, with the enquiry's summary, the survivor created and the perpetrator's
 *   existing record linked, each with their role.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startHarness, type Harness } from './harness/server.js';
import { ok, plain, msg, accName } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';
import type { Case } from '../../shared/domain/cases.js';
import type { Enquiry } from '../../shared/domain/enquiries.js';
import type { Person, PersonList } from '../../shared/domain/people.js';

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

/** A navigation link by its label: a badge (a count) may follow it. */
function navName(lang: Lang, key: string): RegExp {
  return new RegExp(`^${msg(lang, key)}`);
}

async function waitForText(l: Locator, want: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last = '';
  while (Date.now() < deadline) {
    last = (await l.count()) > 0 ? plain(await l.first().textContent()) : '';
    if (last.includes(want)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for "${want}"; last text: "${last}"`);
}

const DATA = {
  en: {
    enquirer: 'Halima Said',
    survivor: 'Yusuf Said',
    perpetrator: 'Joseph Kamau Otieno',
    summary: 'Her son was beaten in custody at Central police station and denied a doctor.',
  },
  ar: {
    enquirer: 'حليمة سعيد',
    survivor: 'يوسف سعيد',
    perpetrator: 'جوزيف كاماو أوتينو',
    summary: 'تعرّض ابنها للضرب أثناء الاحتجاز في مركز الشرطة المركزي وحُرم من الطبيب.',
  },
} as const;

describe.each(['en', 'ar'] as const)('accepting an enquiry (%s)', (lang) => {
  it('carries the summary and the named people into an active case', async () => {
    const d = DATA[lang];
    h = await startHarness();
    await ok(h, 'vault.create', { passphrase: 'correct horse battery staple' });
    await ok(h, 'settings.set', { language: lang });
    const earlier = await ok<Case>(h, 'cases.create', { title: 'Earlier case', reference: 'KE-7' });
    const officer = await ok<Person>(h, 'people.create', { fullName: d.perpetrator });
    await ok(h, 'people.link', { personId: officer.id, caseId: earlier.id, role: 'alleged-perpetrator' });
    const enquiry = await ok<Enquiry>(h, 'enquiries.add', {
      channel: 'in-person',
      summary: d.summary,
      enquirerName: d.enquirer,
      namesMentioned: [
        { name: d.survivor, role: 'survivor' },
        { name: d.perpetrator, role: 'alleged-perpetrator' },
      ],
    });
    expect(enquiry.conflicts.map((m) => m.personId)).toEqual([officer.id]);

    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const p = page;
    p.setDefaultTimeout(10_000);
    await p.goto(h.url);
    await p
      .locator('nav.sidebar')
      .getByRole('link', { name: navName(lang, 'nav.enquiries') })
      .click();
    await p.getByRole('button', { name: d.enquirer, exact: true }).click();
    await waitForText(p.locator('main h1'), msg(lang, 'enquiry.headingFrom', { name: d.enquirer }));

    // With a possible conflict, accepting is offered but does not lead.
    const acceptButton = p.getByRole('button', { name: msg(lang, 'enquiry.accept'), exact: true });
    expect(await acceptButton.getAttribute('class')).not.toContain('btn-primary');
    await acceptButton.click();
    const dlg = p.locator('dialog[open]');
    const submit = dlg.getByRole('button', { name: msg(lang, 'enquiry.accept.submit'), exact: true });
    expect(await submit.isDisabled()).toBe(true);
    expect(plain(await dlg.textContent())).toContain(msg(lang, 'enquiry.accept.carried'));

    // Each name: what to do and the role, preset from the enquiry.
    const survivorAction = dlg.getByLabel(accName(lang, 'enquiry.accept.people.action', { name: d.survivor }));
    const perpetratorAction = dlg.getByLabel(accName(lang, 'enquiry.accept.people.action', { name: d.perpetrator }));
    expect(await survivorAction.inputValue()).toBe('create');
    expect(await dlg.getByLabel(accName(lang, 'enquiry.accept.people.role', { name: d.survivor })).inputValue()).toBe(
      'survivor',
    );
    // the survivor matched nobody: no one to link to
    expect(await survivorAction.locator('option').count()).toBe(2);
    await perpetratorAction.selectOption(`link:${officer.id}`);
    expect(
      await dlg.getByLabel(accName(lang, 'enquiry.accept.people.role', { name: d.perpetrator })).inputValue(),
    ).toBe('alleged-perpetrator');
    await dlg.getByLabel(msg(lang, 'enquiry.accept.acknowledge', { count: 1 }), { exact: true }).check();
    expect(await submit.isDisabled()).toBe(false);
    await dlg.getByTestId('named-people').scrollIntoViewIfNeeded();
    await checkScreen(p, `enquiry-accept-${lang}`);

    await submit.click();
    await p.locator('dialog[open]').waitFor({ state: 'detached' });
    const accepted = await ok<Enquiry>(h, 'enquiries.get', { id: enquiry.id });
    expect(accepted.status).toBe('accepted');
    const opened = await ok<Case>(h, 'cases.get', { id: accepted.caseId });
    expect(opened).toMatchObject({ status: 'active', summary: d.summary, enquiryId: enquiry.id });
    await waitForText(p.locator('main h1'), opened.title);
    await waitForText(p.locator('main'), d.summary);

    const people = await ok<PersonList>(h, 'people.list', { caseId: opened.id });
    expect(
      people.items
        .map((x) => [x.fullName, x.roles.filter((r) => r.caseId === opened.id).map((r) => r.role)])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual(
      [
        [d.survivor, ['survivor']],
        [d.perpetrator, ['alleged-perpetrator']],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // the perpetrator is the record already in the vault, not a second one
    expect(people.items.find((x) => x.fullName === d.perpetrator)!.id).toBe(officer.id);
  });
});
