/**
 * End to end, in Debian's Chromium against the real shell and engine worker: a consent
 * withdrawal reaches the partner (docs/user-guide.md, "Recall notices"). Two organisations,
 * each with its own vault, app and harness, already partners (set up through the IPC contract):
 *
 * - A shared a case with B, and B imported it;
 * - on A's case page, Consents tab, the survivor's consent is withdrawn: the prompt says at once
 *   "1 partner received this person's data — write recall notices"; "Write the recall notices…"
 *   opens the save dialog for B's notice, and the notice is written;
 * - B's inbox opens the file (the same "Open a bundle…"), sees a recall notice, applies it: the
 *   person's two records are restricted; B saves the receipt; the recall list says "Applied here";
 * - A's inbox imports the receipt: the sent recall shows as delivered.
 *
 * Every screen and dialog is screenshotted and scanned by axe, in English and in Arabic (rtl).
 */
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startHarness, type Harness } from './harness/server.js';
import { ok, plain, msg } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';
import { CATALOGUE } from '../../src-renderer/i18n/catalogue.js';
import { formatMessage } from '../../src-renderer/i18n/format-message.js';
import { TOLD_ELEMENTS } from '../../shared/domain/consents.js';

const PASSPHRASE = 'correct horse battery staple';
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

/** The message as an exact accessible name, with or without the formatter's isolates. */
function exactName(lang: Lang, key: string, values?: Record<string, string | number>): RegExp {
  const m = (CATALOGUE[lang] as Record<string, string>)[key]!;
  const escaped = formatMessage(lang, m, values).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\u2068/g, '\u2068?').replace(/\u2069/g, '\u2069?')}$`);
}

async function waitForText(l: Locator, want: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  let last = '';
  while (Date.now() < deadline) {
    last = (await l.count()) > 0 ? plain(await l.first().textContent()) : '';
    if (last.includes(want)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for "${want}"; last text: "${last}"`);
}

async function save(h: Harness, path: string, kind: string): Promise<string> {
  h.host.saveQueue.push(path);
  const chosen = await ok<{ handle: string } | null>(h, 'files.chooseSaveTarget', { suggestedName: 'x', kind });
  return chosen!.handle;
}

async function open(h: Harness, path: string, kind: string): Promise<string> {
  h.host.openQueue.push(path);
  const chosen = await ok<{ handle: string } | null>(h, 'files.chooseOpen', { kind });
  return chosen!.handle;
}

async function organisation(lang: Lang, name: string, org: string): Promise<{ h: Harness; page: Page }> {
  const h = await startHarness();
  harnesses.push(h);
  await ok(h, 'vault.create', { passphrase: PASSPHRASE });
  await ok(h, 'settings.set', { language: lang });
  await ok(h, 'identity.update', { name, organisation: org });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  pages.push(page);
  await page.goto(h.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return { h, page };
}

/** A and B become verified, cleared partners; A shares a case with B, B imports it. */
async function partnersWithASharedCase(A: Harness, B: Harness, stick: string, survivor: string, title: string) {
  const aCard = join(stick, 'a.cvcard');
  const bCard = join(stick, 'b.cvcard');
  await ok(A, 'identity.exportCard', { target: await save(A, aCard, 'contact-card'), format: 'card' });
  await ok(B, 'identity.exportCard', { target: await save(B, bCard, 'contact-card'), format: 'card' });
  const bInA = await ok<{ partner: { id: string }; key: { id: string } }>(A, 'partners.importCard', {
    file: await open(A, bCard, 'contact-card'),
  });
  const aInB = await ok<{ partner: { id: string }; key: { id: string } }>(B, 'partners.importCard', {
    file: await open(B, aCard, 'contact-card'),
  });
  const digits = (await ok<{ groups: string[] }>(A, 'partners.safetyNumber', { keyId: bInA.key.id })).groups.join(' ');
  await ok(A, 'partners.verifyKey', {
    keyId: bInA.key.id,
    safetyNumber: digits,
    how: 'read-aloud',
    verifiedBy: 'Asha',
  });
  await ok(B, 'partners.verifyKey', {
    keyId: aInB.key.id,
    safetyNumber: digits,
    how: 'read-aloud',
    verifiedBy: 'Tomás',
  });
  for (const [h, id] of [
    [A, bInA.partner.id],
    [B, aInB.partner.id],
  ] as const) {
    const p = await ok<{ version: number }>(h, 'partners.get', { id });
    await ok(h, 'partners.update', { id, expectedVersion: p.version, ddOutcome: 'approved' });
    await ok(h, 'partners.addAgreement', { partnerId: id, kind: 'confidentiality', signedOn: '2025-01-05' });
  }
  const p = await ok<{ version: number }>(A, 'partners.get', { id: bInA.partner.id });
  await ok(A, 'partners.setSharingProfile', {
    partnerId: bInA.partner.id,
    expectedVersion: p.version,
    allow: [{ kind: 'cases' }, { kind: 'people', fields: ['pseudonym'] }, { kind: 'consents' }],
  });
  const c = await ok<{ id: string }>(A, 'cases.create', { title, status: 'active' });
  const person = await ok<{ id: string }>(A, 'people.create', { fullName: survivor, pseudonym: 'AB-1' });
  await ok(A, 'people.link', { personId: person.id, caseId: c.id, role: 'survivor' });
  await ok(A, 'consents.add', {
    personId: person.id,
    caseId: c.id,
    purpose: 'sharing',
    recipient: { partnerId: bInA.partner.id },
    told: [...TOLD_ELEMENTS],
    method: 'written',
    givenAt: '2026-01-10',
  });
  const bundle = join(stick, 'case.cvbundle');
  await ok(A, 'bundles.export', {
    partnerId: bInA.partner.id,
    caseIds: [c.id],
    purpose: 'Referral',
    target: await save(A, bundle, 'bundle'),
  });
  await ok(B, 'bundles.import', { file: await open(B, bundle, 'bundle') });
  return { personId: person.id, caseId: c.id };
}

const DATA = {
  en: { survivor: 'Amina Bekele', title: 'Detention at Kilima station', reason: 'Afraid of reprisals' },
  ar: { survivor: 'أمينة بيكيلي', title: 'الاحتجاز في مركز كيليما', reason: 'تخشى الانتقام' },
} as const;

describe.each(['en', 'ar'] as const)('a withdrawal reaches the partner (%s)', (lang) => {
  const d = DATA[lang];

  it('withdraw → prompt → notice written → the partner applies it → receipt → delivered', async () => {
    const stick = mkdtempSync(join(tmpdir(), 'cv-recall-stick-'));
    dirs.push(stick);
    const A = await organisation(lang, 'Asha Njeri', 'Haki Litigation Centre');
    const B = await organisation(lang, 'Tomás Ruiz', 'Partner Legal Aid');
    const s = await partnersWithASharedCase(A.h, B.h, stick, d.survivor, d.title);

    // --- A: the case's consents tab, withdraw the survivor's consent
    await A.page.reload();
    await A.page
      .locator('nav.sidebar a', { hasText: msg(lang, 'nav.cases') })
      .first()
      .click(); // from home to the case list
    await A.page.getByRole('button', { name: new RegExp(d.title) }).click();
    await A.page.getByRole('tab', { name: msg(lang, 'caseDetail.tab.consents') }).click();
    await A.page.locator('[data-testid="consents-table"]').waitFor();
    await A.page
      .getByRole('button', {
        name: exactName(lang, 'consents.withdrawLabel', {
          name: d.survivor,
          purpose: msg(lang, 'consents.purpose.sharing'),
        }),
      })
      .click();
    await A.page.locator('dialog[open]').getByLabel(msg(lang, 'consents.withdraw.reason')).fill(d.reason);
    await A.page
      .locator('dialog[open]')
      .getByRole('button', { name: msg(lang, 'consents.withdraw.submit'), exact: true })
      .click();

    // the prompt: one partner received this person's data
    const prompt = A.page.locator('[data-testid="recall-prompt"]');
    await waitForText(prompt, msg(lang, 'consents.recall.prompt', { count: 1 }));
    await waitForText(prompt, 'Partner Legal Aid');
    await checkScreen(A.page, `recall-prompt-${lang}`);
    const noticePath = join(stick, 'recall-partner.cvrecall');
    A.h.host.saveQueue.push(noticePath);
    await prompt.getByRole('button', { name: msg(lang, 'consents.recall.write'), exact: true }).click();
    await waitForText(prompt, msg(lang, 'consents.recall.done'));
    expect(existsSync(noticePath)).toBe(true);
    await checkScreen(A.page, `recall-prompt-done-${lang}`);
    await prompt.getByRole('button', { name: msg(lang, 'consents.recall.close'), exact: true }).click();

    // --- B: the inbox opens the notice and applies it
    await B.page
      .locator('nav.sidebar')
      .getByRole('link', { name: new RegExp(`^${msg(lang, 'nav.inbox')}`) }) // a count may follow the label
      .click();
    await waitForText(B.page.locator('main h1').first(), msg(lang, 'inbox.title'));
    B.h.host.openQueue.push(noticePath);
    await B.page.getByRole('button', { name: msg(lang, 'inbox.open'), exact: true }).click();
    const card = B.page.locator('[data-testid="recall-notice"]');
    await waitForText(card, msg(lang, 'inbox.recall.title'));
    await checkScreen(B.page, `recall-inbox-notice-${lang}`);
    await card.getByRole('button', { name: msg(lang, 'inbox.recall.apply'), exact: true }).click();
    await waitForText(
      card.locator('[data-testid="recall-result"]'),
      msg(lang, 'inbox.recall.applied.restrict', { count: 2 }),
    );
    expect(await ok(B.h, 'people.get', { id: s.personId })).toMatchObject({ restricted: true });
    const receiptPath = join(stick, 'recall.receipt.json');
    B.h.host.saveQueue.push(receiptPath);
    await card.getByRole('button', { name: msg(lang, 'inbox.receipt.save'), exact: true }).click();
    await waitForText(card, msg(lang, 'inbox.receipt.saved', { name: 'recall.receipt.json' }));
    await waitForText(B.page.locator('[data-testid="recall-notices"]'), msg(lang, 'inbox.recalls.status.applied'));
    await checkScreen(B.page, `recall-inbox-applied-${lang}`);

    // --- A: the receipt comes back; the recall is delivered
    await A.page
      .locator('nav.sidebar')
      .getByRole('link', { name: new RegExp(`^${msg(lang, 'nav.inbox')}`) }) // a count may follow the label
      .click();
    await waitForText(A.page.locator('main h1').first(), msg(lang, 'inbox.title'));
    await waitForText(A.page.locator('[data-testid="recall-notices"]'), msg(lang, 'inbox.recalls.status.sent'));
    A.h.host.openQueue.push(receiptPath);
    await A.page.getByRole('button', { name: msg(lang, 'inbox.importReceipt'), exact: true }).click();
    await waitForText(A.page.locator('[data-testid="receipt-imported"]'), msg(lang, 'inbox.recall.receiptImported'));
    await waitForText(A.page.locator('[data-testid="recall-notices"]'), msg(lang, 'inbox.recalls.status.delivered'));
    await checkScreen(A.page, `recall-inbox-delivered-${lang}`);
  }, 180_000);
});
