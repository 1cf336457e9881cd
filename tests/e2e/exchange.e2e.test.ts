/**
 * End to end, in Debian's Chromium against the real shell and engine worker: the partner
 * exchange between TWO organisations, each with its own vault, app and harness (two vault
 * folders), through the UI as their users would — in English and in Arabic:
 *
 * - A names itself and saves its contact card (save dialog); B does the same;
 * - B adds A as a partner from A's card (open dialog); A adds B likewise;
 * - each opens "Verify…" on the other's key: A reads its safety number out, B types it — once
 *   wrongly (refused, in words, nothing recorded), then rightly; then the other way round;
 * - A shares a case through the wizard (from the case page): the file ticked, B chosen (an
 *   unverified partner is shown disabled with the reason) — and the partner gate says at once
 *   that B is not cleared (due diligence pending, no agreement) and that B's sharing profile is
 *   empty; the check says the same in words (PARTNER_NOT_CLEARED, nothing to share) and cannot
 *   go on; A records the due diligence, the agreement and the profile, "Check again" clears B;
 *   leave-out mode; the consent check shows the witness without consent as left out; the bundle
 *   is saved (save dialog);
 * - B's inbox opens the bundle, previews it (sender verified), imports it, saves the receipt;
 * - A's inbox imports the receipt and the sent bundle shows as delivered;
 * - then a card for A's vault with ANOTHER key reaches B (an impostor, or a reinstalled
 *   machine): B's partner page warns loudly that the key changed, and A's next bundle — signed
 *   with the key B no longer trusts — goes to quarantine, where it cannot be accepted; B
 *   discards it after confirming.
 *
 * Every screen and dialog is screenshotted and scanned by axe (no serious or critical
 * violation), with `dir` checked: rtl in Arabic.
 */
import { mkdtempSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { IdentityKeyPair } from '@signalapp/libsignal-client';
import { cardSignedBytes } from '../../src-main/engine/identity/contact-card.js';
import { signatureDigest } from '../../src-main/engine/identity/vault-identity.js';
import { startHarness, type Harness } from './harness/server.js';
import { ok, plain, msg } from './e2e-helpers.js';
import { SCREENSHOT_DIR, checkScreen, launchChromium } from './browser.js';
import { TOLD_ELEMENTS } from '../../shared/domain/consents.js';
import type { BundleLedgerEntry } from '../../shared/domain/bundles.js';
import type { PartnerDetail } from '../../shared/domain/partners.js';

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

/** Text without the Unicode isolates the message formatter puts around values. */
async function text(l: Locator): Promise<string> {
  return plain(await l.textContent());
}

async function waitForText(l: Locator, want: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  let last = '';
  while (Date.now() < deadline) {
    last = (await l.count()) > 0 ? await text(l.first()) : '';
    if (last.includes(want)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for "${want}"; last text: "${last}"`);
}

function h1(p: Page): Locator {
  return p.locator('main h1').first();
}

function dialog(p: Page): Locator {
  return p.locator('dialog[open]');
}

async function goTo(p: Page, lang: Lang, navKey: string, titleKey: string): Promise<void> {
  await p
    .locator('nav.sidebar')
    .getByRole('link', { name: new RegExp(`^${msg(lang, navKey)}`) }) // a count may follow the label
    .click();
  await waitForText(h1(p), msg(lang, titleKey));
}

/** An organisation: its own vault folder, harness and browser page, in `lang`. */
async function organisation(lang: Lang): Promise<{ h: Harness; page: Page }> {
  const h = await startHarness();
  harnesses.push(h);
  await ok(h, 'vault.create', { passphrase: PASSPHRASE });
  await ok(h, 'settings.set', { language: lang });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  pages.push(page);
  await page.goto(h.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  return { h, page };
}

const DATA = {
  en: {
    aName: 'Asha Njeri',
    aOrg: 'Haki Litigation Centre',
    bName: 'Tomás Ruiz',
    bOrg: 'Partner Legal Aid',
    caseTitle: 'Detention at Kilima station',
    survivor: 'Amina Bekele',
    witness: 'Juma Otieno',
    evidence: 'Statement of the survivor',
    purpose: 'Joint submission to the Special Rapporteur',
    stranger: 'Unverified Friends',
  },
  ar: {
    aName: 'آشا نجيري',
    aOrg: 'مركز حقي للتقاضي',
    bName: 'توماس رويز',
    bOrg: 'المساعدة القانونية الشريكة',
    caseTitle: 'الاحتجاز في مركز كيليما',
    survivor: 'أمينة بيكيلي',
    witness: 'جمعة أوتيينو',
    evidence: 'إفادة الناجية',
    purpose: 'بلاغ مشترك إلى المقرر الخاص',
    stranger: 'أصدقاء غير مُتحقَّق منهم',
  },
} as const;

/** Our identity screen: name the card, then save it as a file through the save dialog. */
async function nameAndSaveCard(
  lang: Lang,
  h: Harness,
  page: Page,
  name: string,
  org: string,
  path: string,
  screenshot: string | null,
): Promise<void> {
  await goTo(page, lang, 'nav.identity', 'identity.title');
  await page.locator('[data-testid="card-qr"]').waitFor();
  await page.getByLabel(msg(lang, 'identity.name'), { exact: true }).fill(name);
  await page.getByLabel(msg(lang, 'identity.organisation'), { exact: true }).fill(org);
  await page.getByRole('button', { name: msg(lang, 'action.save'), exact: true }).click();
  await waitForText(page.locator('main'), msg(lang, 'identity.saved'));
  // the QR code is an image from a data: URL, and it loaded under the app's CSP
  const qrLoaded = await page
    .locator('[data-testid="card-qr"]')
    .evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0);
  expect(qrLoaded).toBe(true);
  if (screenshot) await checkScreen(page, screenshot);
  h.host.saveQueue.push(path);
  await page.getByRole('button', { name: msg(lang, 'identity.export.card'), exact: true }).click();
  await waitForText(
    page.locator('[data-testid="card-exported"]'),
    msg(lang, 'identity.export.done', { name: path.split('/').pop()! }),
  );
  expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({
    format: 'case-vault/contact-card',
    name,
    organisation: org,
  });
}

/** The partner list: "Add a partner from a contact card…" with `path` in the open dialog; lands on the partner's page. */
async function addPartnerFromCard(lang: Lang, h: Harness, page: Page, path: string, org: string): Promise<void> {
  await goTo(page, lang, 'nav.partners', 'partners.title');
  h.host.openQueue.push(path);
  await page.getByRole('button', { name: msg(lang, 'keys.importNew'), exact: true }).click();
  await waitForText(h1(page), org);
  expect(h.host.openKinds.at(-1)).toBe('contact-card');
  await waitForText(page.locator('[data-testid="key-state"]'), msg(lang, 'keys.state.unverified'));
}

/** Open "Verify…" on the partner's key and read the safety number groups shown. */
async function openVerify(page: Page): Promise<string[]> {
  await page.locator('[data-testid="partner-key"] button').first().click();
  const d = dialog(page);
  await d.locator('[data-testid="safety-number"]').waitFor();
  const groups = await d.locator('[data-testid="safety-number"] li span[aria-hidden="true"]').allTextContents();
  expect(groups).toHaveLength(12);
  for (const g of groups) expect(g).toMatch(/^\d{5}$/);
  return groups;
}

/** Type what the other side reads out, and who compared; submit. */
async function typeNumber(lang: Lang, page: Page, typed: string, who: string): Promise<void> {
  const d = dialog(page);
  await d.getByLabel(msg(lang, 'verify.typed'), { exact: true }).fill(typed);
  await d.getByLabel(msg(lang, 'verify.by'), { exact: true }).fill(who);
  await d.getByRole('button', { name: msg(lang, 'verify.check'), exact: true }).click();
}

describe.each(['en', 'ar'] as const)('partner exchange between two vaults (%s)', (lang) => {
  const d = DATA[lang];

  it('cards through files, safety numbers typed, a case shared through the wizard, imported, and the receipt loop closed', async () => {
    const stick = mkdtempSync(join(tmpdir(), 'cv-stick-'));
    const A = await organisation(lang);
    const B = await organisation(lang);

    // --- cards: A and B name themselves and save their cards
    const aCard = join(stick, 'haki.cvcard');
    const bCard = join(stick, 'partner.cvcard');
    await nameAndSaveCard(lang, A.h, A.page, d.aName, d.aOrg, aCard, `exchange-identity-${lang}`);
    await nameAndSaveCard(lang, B.h, B.page, d.bName, d.bOrg, bCard, null);

    // --- each adds the other from the card
    await addPartnerFromCard(lang, B.h, B.page, aCard, d.aOrg);
    await checkScreen(B.page, `exchange-partner-keys-${lang}`);
    await addPartnerFromCard(lang, A.h, A.page, bCard, d.bOrg);

    // --- verification, B side: A reads its number out, B types it (first with a slip)
    const readByA = await openVerify(A.page);
    const onB = await openVerify(B.page);
    expect(onB).toEqual(readByA);
    await checkScreen(B.page, `exchange-verify-${lang}`);
    const slip = [...readByA];
    slip[11] = slip[11]!.slice(0, 4) + String((Number(slip[11]![4]) + 1) % 10);
    await typeNumber(lang, B.page, slip.join(' '), d.bName);
    await waitForText(dialog(B.page).locator('[role="alert"]'), msg(lang, 'error.SAFETY_NUMBER_MISMATCH'));
    await checkScreen(B.page, `exchange-verify-mismatch-${lang}`);
    const bPartners = await ok<Array<{ id: string }>>(B.h, 'partners.list', {});
    expect((await ok<PartnerDetail>(B.h, 'partners.get', { id: bPartners[0]!.id })).keyState).toBe('unverified');
    await typeNumber(lang, B.page, `${readByA.slice(0, 6).join(' ')}  ${readByA.slice(6).join('')}`, d.bName);
    await waitForText(B.page.locator('[data-testid="key-verified"]'), msg(lang, 'verify.done'));
    await waitForText(B.page.locator('[data-testid="key-state"]'), msg(lang, 'keys.state.verified'));
    const bView = await ok<PartnerDetail>(B.h, 'partners.get', { id: bPartners[0]!.id });
    expect(bView.keys[0]).toMatchObject({ status: 'verified', verifiedBy: d.bName, verifiedHow: 'read-aloud' });
    await waitForText(B.page.locator('[data-testid="partner-key"]'), msg(lang, 'keys.status.verified'));
    await checkScreen(B.page, `exchange-partner-verified-${lang}`);

    // --- and A side: B reads out, A types (the dialog A opened is still there)
    await typeNumber(lang, A.page, onB.join(' '), d.aName);
    await waitForText(A.page.locator('[data-testid="key-state"]'), msg(lang, 'keys.state.verified'));
    const aPartners = await ok<Array<{ id: string; name: string }>>(A.h, 'partners.list', {});
    const bPartnerInA = aPartners.find((p) => p.name === d.bOrg)!;

    // --- A's case: a survivor who consented to sharing with B, a witness who did not, a file
    const kase = await ok<{ id: string; reference: string }>(A.h, 'cases.create', { title: d.caseTitle });
    const survivor = await ok<{ id: string }>(A.h, 'people.create', { fullName: d.survivor, pseudonym: 'AB-1' });
    const witness = await ok<{ id: string }>(A.h, 'people.create', { fullName: d.witness });
    await ok(A.h, 'people.link', { personId: survivor.id, caseId: kase.id, role: 'survivor' });
    await ok(A.h, 'people.link', { personId: witness.id, caseId: kase.id, role: 'witness' });
    await ok(A.h, 'consents.add', {
      personId: survivor.id,
      caseId: kase.id,
      purpose: 'sharing',
      recipient: { partnerId: bPartnerInA.id },
      told: [...TOLD_ELEMENTS],
      method: 'written',
      givenAt: '2026-01-10',
    });
    const src = join(stick, 'statement.pdf');
    writeFileSync(src, '%PDF-1.4\n' + 'statement\n'.repeat(20_000));
    A.h.host.openQueue.push(src);
    const chosen = await ok<{ handle: string }>(A.h, 'files.chooseEvidence');
    await ok(A.h, 'evidence.add', { caseId: kase.id, file: chosen.handle, type: 'testimony', title: d.evidence });
    // B is not cleared yet under A's partner policy (on by default), and B's profile is empty:
    // the wizard says so as soon as B is chosen
    // a partner without a verified key: shown in the wizard, disabled, with the reason
    await ok(A.h, 'partners.add', { name: d.stranger, kind: 'ngo' });

    // --- the wizard, from the case page (reloaded: the case list was read before the seeding)
    await A.page.reload();
    await A.page
      .locator('nav.sidebar a', { hasText: msg(lang, 'nav.cases') })
      .first()
      .click(); // from home to the case list
    await waitForText(h1(A.page), msg(lang, 'cases.title'));
    await A.page.getByRole('button', { name: d.caseTitle }).first().click();
    await waitForText(h1(A.page), d.caseTitle);
    await A.page.getByRole('button', { name: msg(lang, 'share.fromCase'), exact: true }).click();
    await waitForText(h1(A.page), msg(lang, 'share.title'));
    const panel = A.page.locator('.wizard-panel');
    await waitForText(panel.locator('h2'), msg(lang, 'share.stepOf', { n: 1, name: msg(lang, 'share.step.cases') }));
    const caseBox = A.page.getByRole('checkbox', { name: new RegExp(kase.reference) });
    expect(await caseBox.isChecked()).toBe(true);
    const fileBox = A.page.getByRole('checkbox', { name: new RegExp(d.evidence) });
    await fileBox.check();
    await waitForText(panel, msg(lang, 'share.files.chosen', { count: 1, size: '-' }).split(' (')[0]!);
    await checkScreen(A.page, `exchange-share-cases-${lang}`);
    await panel.getByRole('button', { name: msg(lang, 'share.next'), exact: true }).click();

    await waitForText(panel.locator('h2'), msg(lang, 'share.stepOf', { n: 2, name: msg(lang, 'share.step.partner') }));
    const strangerRadio = A.page.getByRole('radio', { name: d.stranger, exact: true });
    expect(await strangerRadio.isDisabled()).toBe(true);
    expect(await text(panel)).toContain(msg(lang, 'share.partner.why.none'));
    // by keyboard: focus the partner, Space chooses it
    const bRadio = A.page.getByRole('radio', { name: d.bOrg, exact: true });
    await bRadio.focus();
    await A.page.keyboard.press('Space');
    expect(await bRadio.isChecked()).toBe(true);
    // --- the partner gate, at once: not cleared (two reasons), and nothing in the profile
    const gate = panel.locator('[data-testid="partner-gate"]');
    await waitForText(
      gate.locator('[data-testid="gate-blocked"]'),
      msg(lang, 'share.gate.blocked', { partner: d.bOrg }),
    );
    const blockedText = await text(gate.locator('[data-testid="gate-blocked"]'));
    expect(blockedText).toContain(msg(lang, 'share.gate.reason.due-diligence-pending'));
    expect(blockedText).toContain(msg(lang, 'share.gate.reason.agreement-missing'));
    expect(blockedText).toContain(msg(lang, 'share.gate.where.agreement', { partner: d.bOrg }));
    expect(await text(gate.locator('[data-testid="gate-profile-empty"]'))).toContain(
      msg(lang, 'share.gate.profileEmpty', { partner: d.bOrg }),
    );
    expect(await gate.getByRole('button', { name: msg(lang, 'share.gate.open'), exact: true }).count()).toBe(1);
    await panel.getByLabel(msg(lang, 'share.purpose'), { exact: true }).fill(d.purpose);
    await A.page.getByRole('radio', { name: msg(lang, 'share.missing.leave-out'), exact: true }).check();
    await checkScreen(A.page, `exchange-share-partner-gate-${lang}`);
    // the same at a laptop's 1366×768, the gate in view
    await A.page.setViewportSize({ width: 1366, height: 768 });
    await gate.scrollIntoViewIfNeeded();
    await A.page.screenshot({ path: join(SCREENSHOT_DIR, `exchange-share-partner-gate-1366x768-${lang}.png`) });
    await A.page.setViewportSize({ width: 1280, height: 900 });

    // --- going on anyway: the check says it in words, and there is no way forward but the fix
    await panel.getByRole('button', { name: msg(lang, 'share.check.button'), exact: true }).click();
    await waitForText(panel.locator('h2'), msg(lang, 'share.stepOf', { n: 3, name: msg(lang, 'share.step.check') }));
    const blockers = panel.locator('[data-testid="plan-blockers"]');
    await waitForText(blockers, msg(lang, 'share.gate.blocked', { partner: d.bOrg }));
    expect(await text(blockers.locator('[data-testid="plan-empty"]'))).toContain(
      msg(lang, 'share.plan.empty.profile', { partner: d.bOrg }),
    );
    expect(await text(panel.locator('[data-testid="plan-withheld"]'))).toContain(
      msg(lang, 'share.plan.withheld.not-in-profile', { kind: msg(lang, 'partners.sharingKind.cases'), count: 1 }),
    );
    expect(await panel.getByRole('button', { name: msg(lang, 'share.next'), exact: true }).isDisabled()).toBe(true);
    await checkScreen(A.page, `exchange-share-check-blocked-${lang}`);
    await panel.getByRole('button', { name: msg(lang, 'action.back'), exact: true }).click();
    await waitForText(panel.locator('h2'), msg(lang, 'share.stepOf', { n: 2, name: msg(lang, 'share.step.partner') }));

    // --- A fixes it (as on B's partner page): due diligence approved, a confidentiality
    // agreement, a sharing profile; "Check again" clears B
    const before = await ok<PartnerDetail>(A.h, 'partners.get', { id: bPartnerInA.id });
    await ok(A.h, 'partners.update', { id: bPartnerInA.id, expectedVersion: before.version, ddOutcome: 'approved' });
    await ok(A.h, 'partners.addAgreement', {
      partnerId: bPartnerInA.id,
      kind: 'confidentiality',
      signedOn: '2025-01-05',
    });
    await ok(A.h, 'partners.setSharingProfile', {
      partnerId: bPartnerInA.id,
      expectedVersion: before.version + 1,
      allow: [
        { kind: 'cases', fields: ['reference', 'title', 'status'] },
        { kind: 'people' },
        { kind: 'consents' },
        { kind: 'evidence', fields: ['title', 'type', 'media-type', 'size', 'sha256', 'file'] },
      ],
    });
    await panel
      .locator('[data-testid="partner-gate"]')
      .getByRole('button', { name: msg(lang, 'share.gate.recheck'), exact: true })
      .click();
    await waitForText(
      panel.locator('[data-testid="gate-cleared"]'),
      msg(lang, 'share.gate.cleared', { partner: d.bOrg }),
    );
    expect(await panel.locator('[data-testid="gate-profile-empty"]').count()).toBe(0);
    expect(await panel.getByLabel(msg(lang, 'share.purpose'), { exact: true }).inputValue()).toBe(d.purpose);
    await checkScreen(A.page, `exchange-share-partner-${lang}`);
    await panel.getByRole('button', { name: msg(lang, 'share.check.button'), exact: true }).click();

    await waitForText(panel.locator('h2'), msg(lang, 'share.stepOf', { n: 3, name: msg(lang, 'share.step.check') }));
    const leftOut = A.page.locator('[data-testid="left-out"]');
    await waitForText(leftOut, d.witness);
    expect(await text(leftOut)).toContain(msg(lang, 'consents.deny.absent'));
    expect(await text(leftOut)).not.toContain(d.survivor);
    expect(await text(panel)).toContain(msg(lang, 'share.plan.leaveOutNote'));
    expect(await text(panel)).toContain(msg(lang, 'share.plan.files', { count: 1 }));
    await checkScreen(A.page, `exchange-share-check-${lang}`);
    await panel.getByRole('button', { name: msg(lang, 'share.next'), exact: true }).click();

    await waitForText(panel.locator('h2'), msg(lang, 'share.stepOf', { n: 4, name: msg(lang, 'share.step.save') }));
    await checkScreen(A.page, `exchange-share-save-${lang}`);
    const bundlePath = join(stick, 'ke.cvbundle');
    A.h.host.saveQueue.push(bundlePath);
    await panel.getByRole('button', { name: msg(lang, 'share.save.button'), exact: true }).click();
    const done = A.page.locator('[data-testid="share-done"]');
    await waitForText(done, msg(lang, 'share.done.title'));
    const bundleId = await text(A.page.locator('[data-testid="bundle-id"]'));
    expect(bundleId).toMatch(/^[0-9a-f-]{36}$/);
    expect(existsSync(bundlePath)).toBe(true);
    await checkScreen(A.page, `exchange-share-done-${lang}`);

    // --- B's inbox: open, preview, import, save the receipt
    await goTo(B.page, lang, 'nav.inbox', 'inbox.title');
    await checkScreen(B.page, `exchange-inbox-empty-${lang}`);
    B.h.host.openQueue.push(bundlePath);
    await B.page.getByRole('button', { name: msg(lang, 'inbox.open'), exact: true }).click();
    const preview = B.page.locator('[data-testid="bundle-preview"]');
    await waitForText(preview.locator('[data-testid="sender-name"]'), d.aName);
    expect(await text(preview.locator('[data-testid="sender-key"]'))).toBe(msg(lang, 'inbox.keyStatus.verified'));
    expect(await text(preview.locator('[data-testid="bundle-purpose"]'))).toBe(d.purpose);
    expect(await ok<BundleLedgerEntry[]>(B.h, 'bundles.list', {})).toEqual([]);
    await checkScreen(B.page, `exchange-inbox-preview-${lang}`);
    await B.page.getByRole('button', { name: msg(lang, 'inbox.import'), exact: true }).click();
    const result = B.page.locator('[data-testid="import-result"]');
    await waitForText(result, msg(lang, 'inbox.result.imported', { count: 4, files: 1 }));
    const receiptPath = join(stick, `${bundleId}.receipt.json`);
    B.h.host.saveQueue.push(receiptPath);
    await result.getByRole('button', { name: msg(lang, 'inbox.receipt.save'), exact: true }).click();
    await waitForText(
      B.page.locator('[data-testid="receipt-saved"]'),
      msg(lang, 'inbox.receipt.saved', { name: `${bundleId}.receipt.json` }),
    );
    expect(JSON.parse(readFileSync(receiptPath, 'utf8')).receipt).toMatchObject({ bundleId, result: 'imported' });
    await waitForText(B.page.locator('[data-testid="received-bundles"]'), msg(lang, 'inbox.status.imported'));
    await checkScreen(B.page, `exchange-inbox-imported-${lang}`);
    const bCases = await ok<{ items: Array<{ title: string }> }>(B.h, 'cases.list', {});
    expect(bCases.items.map((c) => c.title)).toEqual([d.caseTitle]);

    // --- A's inbox: the sent bundle waits for its receipt; importing it makes it delivered
    await goTo(A.page, lang, 'nav.inbox', 'inbox.title');
    const sent = A.page.locator('[data-testid="sent-bundles"]');
    await waitForText(sent, msg(lang, 'inbox.status.sent'));
    A.h.host.openQueue.push(receiptPath);
    await A.page.getByRole('button', { name: msg(lang, 'inbox.importReceipt'), exact: true }).click();
    await waitForText(A.page.locator('[data-testid="receipt-imported"]'), msg(lang, 'inbox.receipt.imported'));
    await waitForText(sent, msg(lang, 'inbox.status.delivered'));
    expect(A.h.host.openKinds.at(-1)).toBe('receipt');
    expect((await ok<BundleLedgerEntry[]>(A.h, 'bundles.list', { direction: 'sent' }))[0]).toMatchObject({
      id: bundleId,
      status: 'delivered',
    });
    await checkScreen(A.page, `exchange-inbox-delivered-${lang}`);
    expect(await A.page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');

    // --- Settings → Partner policy: on by default; a rule turned off warns, is saved and recorded
    await goTo(A.page, lang, 'nav.settings', 'settings.title');
    const policy = A.page.locator('[data-testid="settings-policy"]');
    await waitForText(policy, msg(lang, 'settings.policy.default'));
    const agreementBox = policy.getByRole('checkbox', { name: msg(lang, 'settings.policy.agreement'), exact: true });
    expect(
      await policy.getByRole('checkbox', { name: msg(lang, 'settings.policy.dueDiligence'), exact: true }).isChecked(),
    ).toBe(true);
    expect(await agreementBox.isChecked()).toBe(true);
    await agreementBox.uncheck();
    await waitForText(policy.locator('[data-testid="settings-policy-off"]'), msg(lang, 'settings.policy.offWarning'));
    await policy.getByRole('button', { name: msg(lang, 'settings.policy.save'), exact: true }).click();
    await waitForText(policy.locator('[role="status"]'), msg(lang, 'settings.policy.saved'));
    await waitForText(policy, d.aName); // "Last changed … by Asha Njeri." (the name on A's card)
    expect(await ok(A.h, 'policy.show')).toMatchObject({
      requireDueDiligence: true,
      requireAgreement: false,
      updatedBy: d.aName,
    });
    await checkScreen(A.page, `settings-partner-policy-${lang}`);
    await agreementBox.check();
    await policy.getByRole('button', { name: msg(lang, 'settings.policy.save'), exact: true }).click();
    await expect
      .poll(async () => (await ok<{ requireAgreement: boolean }>(A.h, 'policy.show')).requireAgreement)
      .toBe(true);

    // --- a card for A's vault with another key reaches B: a KEY CHANGE, announced loudly
    const aIdentity = await ok<{ vaultId: string }>(A.h, 'identity.show');
    const impostor = IdentityKeyPair.generate();
    const body = {
      format: 'case-vault/contact-card' as const,
      version: 1 as const,
      vaultId: aIdentity.vaultId,
      name: d.aName,
      organisation: d.aOrg,
      publicKey: Buffer.from(impostor.publicKey.serialize()).toString('base64'),
      createdAt: new Date(Date.now() + 60_000).toISOString(),
    };
    const signature = Buffer.from(
      impostor.privateKey.sign(signatureDigest('card', cardSignedBytes(body)) as Uint8Array<ArrayBuffer>),
    ).toString('base64');
    const changedCard = join(stick, 'haki-new.cvcard');
    writeFileSync(changedCard, JSON.stringify({ ...body, signature }, null, 2) + '\n');
    await goTo(B.page, lang, 'nav.partners', 'partners.title');
    await B.page.getByRole('button', { name: d.aOrg }).first().click();
    await waitForText(h1(B.page), d.aOrg);
    B.h.host.openQueue.push(changedCard);
    await B.page.getByRole('button', { name: msg(lang, 'keys.import'), exact: true }).click();
    await waitForText(B.page.locator('[data-testid="card-imported"]'), msg(lang, 'keys.imported.key-changed'));
    await waitForText(B.page.locator('[data-testid="key-changed"]'), msg(lang, 'keys.changed.title'));
    await waitForText(B.page.locator('[data-testid="key-state"]'), msg(lang, 'keys.state.changed'));
    expect(await B.page.locator('[data-testid="partner-key"]').count()).toBe(2);
    await checkScreen(B.page, `exchange-key-changed-${lang}`);

    // --- A's next bundle is signed with the key B no longer trusts: quarantine, not importable
    const second = join(stick, 'second.cvbundle');
    A.h.host.saveQueue.push(second);
    const target = await ok<{ handle: string }>(A.h, 'files.chooseSaveTarget', {
      suggestedName: 'second.cvbundle',
      kind: 'bundle',
    });
    await ok(A.h, 'bundles.export', {
      partnerId: bPartnerInA.id,
      caseIds: [kase.id],
      purpose: d.purpose,
      onMissingConsent: 'leave-out',
      target: target.handle,
    });
    await goTo(B.page, lang, 'nav.inbox', 'inbox.title');
    B.h.host.openQueue.push(second);
    await B.page.getByRole('button', { name: msg(lang, 'inbox.open'), exact: true }).click();
    await waitForText(B.page.locator('[data-testid="sender-key"]'), msg(lang, 'inbox.keyStatus.replaced'));
    expect(await text(B.page.locator('[data-testid="quarantine-note"]'))).toBe(msg(lang, 'inbox.preview.replacedNote'));
    await B.page.getByRole('button', { name: msg(lang, 'inbox.import'), exact: true }).click();
    await waitForText(B.page.locator('[data-testid="import-result"]'), msg(lang, 'inbox.result.quarantined'));
    const quarantine = B.page.locator('[data-testid="quarantined-bundles"]');
    await quarantine.waitFor();
    expect(await quarantine.locator('tbody tr').count()).toBe(1);
    expect(
      await quarantine.getByRole('button', { name: new RegExp(msg(lang, 'inbox.quarantine.accept')) }).isDisabled(),
    ).toBe(true);
    expect(await text(quarantine)).toContain(msg(lang, 'inbox.quarantine.acceptWhy'));
    await checkScreen(B.page, `exchange-inbox-quarantine-${lang}`);
    await quarantine.getByRole('button', { name: new RegExp(msg(lang, 'inbox.quarantine.discard')) }).click();
    const confirm = dialog(B.page);
    await waitForText(confirm, msg(lang, 'inbox.quarantine.discardBody'));
    await checkScreen(B.page, `exchange-inbox-discard-${lang}`);
    await confirm.getByRole('button', { name: msg(lang, 'inbox.quarantine.discardConfirm'), exact: true }).click();
    await waitForText(B.page.locator('main'), msg(lang, 'inbox.quarantine.discarded'));
    await waitForText(B.page.locator('main'), msg(lang, 'inbox.quarantine.none'));
    const statuses = (await ok<BundleLedgerEntry[]>(B.h, 'bundles.list', { direction: 'received' }))
      .map((x) => x.status)
      .sort();
    expect(statuses).toEqual(['discarded', 'imported']);
  });
});
