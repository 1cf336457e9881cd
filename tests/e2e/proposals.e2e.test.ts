/**
 * End to end, in Debian's Chromium against the real shell and engine worker: additions a partner
 * proposes to OUR cases (docs/bundle-format.md, "Authority over what arrives", rule 4).
 *
 * Organisation B runs the app (harness) and owns two cases. Organisation A is a partner B has
 * verified (safety number); A is an engine vault in process, whose real identity key signs a
 * crafted bundle (tests/engine/bundles/bundle-helpers.ts) that adds to B's cases a note, a
 * deadline, an outcome with an amount, and an evidence item with its file. B's user:
 *
 * - opens the bundle in the inbox, imports it: the result says 4 additions wait, with a button
 *   that takes focus to the "Proposed additions" section; each card says what it is, for which
 *   case, from whom, when, and its content; screenshotted at 1366x768 in English and in Arabic
 *   (right to left) and scanned by axe;
 * - accepts the note (announced; the note is then in the case's notes tab), rejects the evidence
 *   item after a dialog that says its content is dropped and its file erased;
 * - sees on the case's overview "1 addition from a partner waits for your decision" and goes
 *   back to the inbox from there; decides the rest: the empty state says so;
 * - imports a second bundle with a later version of the accepted note: "Change to an accepted
 *   note", which replaces the text once accepted; the "Accepted" filter lists what was accepted.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startHarness, type Harness } from './harness/server.js';
import { ok, plain } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';
import { CATALOGUE, type MessageKey } from '../../src-renderer/i18n/catalogue.js';
import { formatMessage, type MessageValues } from '../../src-renderer/i18n/format-message.js';
import type { ProposedAddition } from '../../shared/domain/bundles.js';
import type { Case } from '../../shared/domain/cases.js';
import type { IdentityProfile } from '../../shared/domain/identity.js';
import type { CardImportResult, PartnerKey } from '../../shared/domain/partners.js';
import type { SafetyNumber } from '../../shared/domain/identity.js';
import type { DomainContext } from '../../src-main/engine/domain/context.js';
import { cardFileText, contactCardOf } from '../../src-main/engine/identity/contact-card.js';
import { uuidv7 } from '../../src-main/engine/util/ids.js';
import {
  type Part,
  type Side,
  buildBundle,
  closePersistent,
  manifestFor,
  recipientsOf,
  recordPart,
  sha256,
  side,
} from '../engine/bundles/bundle-helpers.js';

const PASSPHRASE = 'correct horse battery staple';
const SHOTS = '/tmp/shots';
const VIEWPORT = { width: 1366, height: 768 };
type Lang = 'en' | 'ar';

let browser: Browser;
let h: Harness | undefined;
let A: Side | undefined;
const pages: Page[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  closePersistent();
});
afterEach(async () => {
  for (const p of pages.splice(0)) await p.close();
  await h?.close();
  h = undefined;
});

/** Text without the Unicode isolates the message formatter puts around values. */
/** A message as the app renders it (isolates included: accessible names carry them). */
function R(lang: Lang, key: MessageKey, values?: MessageValues): string {
  return formatMessage(lang, CATALOGUE[lang][key]!, values);
}

/** A message as text (isolates removed). */
function L(lang: Lang, key: MessageKey, values?: MessageValues): string {
  return plain(R(lang, key, values));
}

async function waitForText(l: Locator, want: string): Promise<void> {
  await expect
    .poll(async () => ((await l.count()) > 0 ? plain(await l.first().textContent()) : ''), { timeout: 15_000 })
    .toContain(want);
}

async function openPage(harness: Harness, lang: Lang): Promise<Page> {
  await ok(harness, 'settings.set', { language: lang });
  const page = await browser.newPage({ viewport: VIEWPORT });
  pages.push(page);
  await page.goto(harness.url);
  await page
    .locator('nav.sidebar a', { hasText: L(lang, 'nav.cases') })
    .first()
    .click(); // from home to the case list
  await page.getByRole('heading', { level: 1, name: L(lang, 'cases.title') }).waitFor();
  expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  return page;
}

async function goToInbox(page: Page, lang: Lang): Promise<Locator> {
  await page
    .locator('nav.sidebar')
    .getByRole('link', { name: new RegExp(`^${L(lang, 'nav.inbox')}`) }) // a count may follow the label
    .click();
  await page.getByRole('heading', { level: 1, name: L(lang, 'inbox.title') }).waitFor();
  const section = page.locator('[data-testid="proposals"]');
  await section.getByRole('heading', { level: 2, name: L(lang, 'proposals.title') }).waitFor();
  return section;
}

/** Open and import a bundle file through the inbox, as the user does; the import-result block. */
async function importThroughInbox(page: Page, lang: Lang, path: string): Promise<Locator> {
  h!.host.openQueue.push(path);
  await page.getByRole('button', { name: L(lang, 'inbox.open'), exact: true }).click();
  await page.getByRole('heading', { level: 2, name: L(lang, 'inbox.preview.title') }).waitFor();
  await page.getByRole('button', { name: L(lang, 'inbox.import'), exact: true }).click();
  const result = page.locator('[data-testid="import-result"]');
  await result.waitFor();
  return result;
}

/** The card of one proposal (by the id of the record it carries). */
function card(section: Locator, p: { recordId: string } | undefined): Locator {
  return section.locator(`article.proposal[data-proposal-id="${proposalIds.get(p!.recordId)}"]`);
}
/** record id → proposal id */
const proposalIds = new Map<string, string>();

/** Rows of a card's definition lists, as "label: value". */
async function rowsOf(c: Locator): Promise<string[]> {
  return c
    .locator('.proposal-row')
    .evaluateAll((rows) =>
      rows.map((r) => `${r.querySelector('dt')?.textContent ?? ''}: ${r.querySelector('dd')?.textContent ?? ''}`),
    )
    .then((rows) => rows.map(plain));
}

describe('proposed additions: a partner adds to our cases, a person decides', () => {
  it('shows them in the inbox, accepts one into the case, rejects one, in English and in Arabic', async () => {
    h = await startHarness();
    await ok(h, 'vault.create', { passphrase: PASSPHRASE });
    await ok(h, 'identity.update', { name: 'Tomás Ruiz', organisation: 'Partner Legal Aid' });
    const B = await ok<IdentityProfile>(h, 'identity.show');
    const bCtx = {
      vaultId: B.vaultId,
      identity: { publicKey: Buffer.from(B.publicKey, 'base64') },
    } as unknown as DomainContext;

    // A, the partner: its card reaches B by file, B verifies it (the safety number read out)
    A = await side('Asha Njeri', 'Haki Litigation Centre', true);
    A.setNow(new Date().toISOString());
    const stick = mkdtempSync(join(tmpdir(), 'cv-stick-'));
    const cardPath = join(stick, 'haki.cvcard');
    writeFileSync(cardPath, cardFileText(contactCardOf(A.ctx)));
    h.host.openQueue.push(cardPath);
    const chosen = await ok<{ handle: string }>(h, 'files.chooseOpen', { kind: 'contact-card' });
    const bSeesA = await ok<CardImportResult>(h, 'partners.importCard', { file: chosen.handle });
    const sn = await ok<SafetyNumber>(h, 'partners.safetyNumber', { keyId: bSeesA.key.id });
    await ok<PartnerKey>(h, 'partners.verifyKey', {
      keyId: bSeesA.key.id,
      safetyNumber: sn.groups.join(' '),
      how: 'in-person',
      verifiedBy: 'Tomás',
    });
    const partnerName = bSeesA.partner.name;

    // B's own cases
    const kilima = await ok<Case>(h, 'cases.create', { title: 'Detention at Kilima station' });
    const river = await ok<Case>(h, 'cases.create', { title: 'Forced evictions along the Nairobi river' });

    // A's crafted bundle: four additions to B's cases, signed with A's real key
    const fileBytes = randomBytes(48_213);
    const fileHash = sha256(fileBytes);
    const ids = {
      note: uuidv7(Date.now()),
      deadline: uuidv7(Date.now()),
      outcome: uuidv7(Date.now()),
      evidence: uuidv7(Date.now()),
    };
    const rec = (kind: string, fields: Record<string, unknown>, version = 1): Part =>
      recordPart(kind, { version, originVault: A!.ctx.vaultId, ...fields });
    const NOTE =
      'We met the second witness in Kisumu on 2 December.\nShe is willing to give a statement if her name is withheld.';
    const craft = async (parts: Part[], name: string): Promise<string> => {
      const records = parts.filter((p) => p.name.startsWith('records/')).sort((a, b) => a.name.localeCompare(b.name));
      const ordered = [...records, ...parts.filter((p) => p.name.startsWith('files/'))];
      const bytes = await buildBundle({
        manifest: manifestFor(A!.ctx, [bCtx], ordered, { purpose: 'Follow-up on the joint cases' }),
        parts: ordered,
        signer: A!.ctx,
        recipients: recipientsOf(bCtx, A!.ctx),
      });
      const path = join(stick, name);
      writeFileSync(path, bytes);
      return path;
    };
    const first = await craft(
      [
        rec('notes', { id: ids.note, caseId: kilima.id, body: NOTE, author: 'Asha Njeri' }),
        rec('deadlines', {
          id: ids.deadline,
          caseId: kilima.id,
          kind: 'hearing',
          title: 'Hearing before the Commission',
          dueOn: '2027-01-15',
          notes: 'Bring the medical report and two copies of the application.',
        }),
        rec('outcomes', {
          id: ids.outcome,
          caseId: river.id,
          kind: 'compensation',
          description: 'Compensation ordered for the families evicted in March',
          currency: 'KES',
          amountAwardedMinor: 15_000_000,
        }),
        rec('evidence', {
          id: ids.evidence,
          caseId: river.id,
          fileName: 'medical-report-AB1.pdf',
          title: 'Medical report of AB-1',
          type: 'medical-report',
          sha256: fileHash,
          size: fileBytes.length,
        }),
        { name: `files/${fileHash}`, data: fileBytes },
      ],
      'follow-up.cvbundle',
    );

    // --- English: import through the inbox
    const page = await openPage(h, 'en');
    let section = await goToInbox(page, 'en');
    await section.getByText(L('en', 'proposals.none.pending')).waitFor();
    const result = await importThroughInbox(page, 'en', first);
    const proposed = result.locator('[data-testid="import-proposed"]');
    await waitForText(proposed, L('en', 'proposals.afterImport', { count: 4 }));
    await proposed.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'proposals-en-import.png') });
    const pending = await ok<ProposedAddition[]>(h, 'proposals.list', {});
    expect(pending.map((p) => p.kind).sort()).toEqual(['deadlines', 'evidence', 'notes', 'outcomes']);
    for (const p of pending) proposalIds.set(p.recordId, p.id);
    const byKind = (k: string) => pending.find((p) => p.kind === k);

    // the way to them: focus lands on the section's heading
    await proposed.getByRole('button', { name: L('en', 'proposals.afterImport.go') }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('proposals-title');
    await expect.poll(() => section.locator('article.proposal').count()).toBe(4);
    await waitForText(section.locator('.proposals-count'), L('en', 'proposals.count', { count: 4 }));

    // each card: what, for which case, from whom, when, and the content in full
    const noteCard = card(section, byKind('notes'));
    expect(plain(await noteCard.locator('h3').textContent())).toBe(L('en', 'proposals.kind.notes'));
    const noteRows = await rowsOf(noteCard);
    expect(noteRows[0]).toBe(`${L('en', 'proposals.field.case')}: ${kilima.reference} Detention at Kilima station`);
    expect(noteRows[1]).toBe(`${L('en', 'proposals.field.from')}: ${partnerName}`);
    expect(noteRows[2]).toMatch(new RegExp(`^${L('en', 'proposals.field.received')}: \\S`));
    expect(noteRows.slice(3)).toEqual([
      `${L('en', 'proposals.field.author')}: Asha Njeri`,
      `${L('en', 'proposals.field.text')}: ${NOTE}`,
    ]);
    expect((await rowsOf(card(section, byKind('deadlines')))).slice(3)).toEqual([
      `${L('en', 'proposals.field.title')}: Hearing before the Commission`,
      `${L('en', 'proposals.field.kind')}: ${L('en', 'deadlines.kind.hearing')}`,
      `${L('en', 'proposals.field.due')}: Jan 15, 2027`,
      `${L('en', 'proposals.field.details')}: Bring the medical report and two copies of the application.`,
    ]);
    expect((await rowsOf(card(section, byKind('outcomes')))).slice(3)).toEqual([
      `${L('en', 'proposals.field.kind')}: ${L('en', 'outcomes.kind.compensation')}`,
      `${L('en', 'proposals.field.description')}: Compensation ordered for the families evicted in March`,
      `${L('en', 'proposals.field.amount')}: KES 150,000.00`.replace('KES ', 'KES\u00a0'),
    ]);
    const evidenceRows = (await rowsOf(card(section, byKind('evidence')))).slice(3);
    expect(evidenceRows).toEqual([
      `${L('en', 'proposals.field.title')}: Medical report of AB-1`,
      `${L('en', 'proposals.field.type')}: ${L('en', 'evidence.type.medical-report')}`,
      `${L('en', 'proposals.field.fileName')}: medical-report-AB1.pdf`,
      `${L('en', 'proposals.field.size')}: 47.1 kB`,
      `${L('en', 'proposals.field.file')}: ${L('en', 'proposals.file.included')}`,
    ]);
    // buttons say which proposal; keyboard reaches them (Tab from the case link and partner link)
    const acceptNote = section.getByRole('button', {
      name: R('en', 'proposals.acceptItem.notes', { reference: kilima.reference }),
      exact: true,
    });
    await acceptNote.waitFor();
    await section
      .getByRole('button', {
        name: R('en', 'proposals.rejectItem.evidence', { reference: river.reference }),
        exact: true,
      })
      .waitFor();

    await section.locator('h2').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'proposals-en.png') });
    await section.locator('article.proposal').last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'proposals-en-2.png') });
    await checkScreen(page, 'proposals-inbox-en');

    // --- Arabic: the same inbox, right to left
    const ar = await openPage(h, 'ar');
    const arSection = await goToInbox(ar, 'ar');
    await expect.poll(() => arSection.locator('article.proposal').count()).toBe(4);
    await waitForText(arSection.locator('.proposals-count'), L('ar', 'proposals.count', { count: 4 }));
    const arNote = card(arSection, byKind('notes'));
    expect(plain(await arNote.locator('h3').textContent())).toBe(L('ar', 'proposals.kind.notes'));
    expect(await arNote.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await arSection
      .getByRole('button', {
        name: R('ar', 'proposals.acceptItem.notes', { reference: kilima.reference }),
        exact: true,
      })
      .waitFor();
    await arSection.locator('h2').scrollIntoViewIfNeeded();
    await ar.screenshot({ path: join(SHOTS, 'proposals-ar.png') });
    await arSection.locator('article.proposal').last().scrollIntoViewIfNeeded();
    await ar.screenshot({ path: join(SHOTS, 'proposals-ar-2.png') });
    await checkScreen(ar, 'proposals-inbox-ar');
    // the confirmation, in Arabic; Escape leaves everything as it was
    await arSection
      .getByRole('button', {
        name: R('ar', 'proposals.rejectItem.evidence', { reference: river.reference }),
        exact: true,
      })
      .click();
    const arDialog = ar.locator('dialog[open]');
    await waitForText(arDialog, L('ar', 'proposals.reject.file'));
    await ar.screenshot({ path: join(SHOTS, 'proposals-ar-reject.png') });
    await checkScreen(ar, 'proposals-reject-ar');
    await ar.keyboard.press('Escape');
    await expect.poll(() => ar.locator('dialog[open]').count()).toBe(0);
    expect(await arSection.locator('article.proposal').count()).toBe(4);
    await ar.close();
    pages.splice(pages.indexOf(ar), 1);

    // --- back in English: accept the note (by keyboard), announced; it leaves the list
    await ok(h, 'settings.set', { language: 'en' });
    await acceptNote.focus();
    await page.keyboard.press('Enter');
    const status = section.locator('p.proposals-notice[role="status"]');
    await waitForText(status, L('en', 'proposals.accepted.notes', { reference: kilima.reference }));
    await expect.poll(() => section.locator('article.proposal').count()).toBe(3);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('proposals-title');

    // reject the evidence item: the dialog says what is dropped and that the file is erased
    await section
      .getByRole('button', {
        name: R('en', 'proposals.rejectItem.evidence', { reference: river.reference }),
        exact: true,
      })
      .click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByRole('heading', { name: L('en', 'proposals.reject.title') }).waitFor();
    await waitForText(dialog, L('en', 'proposals.reject.body', { reference: river.reference }));
    await waitForText(dialog, L('en', 'proposals.reject.file'));
    await page.screenshot({ path: join(SHOTS, 'proposals-en-reject.png') });
    await checkScreen(page, 'proposals-reject-en');
    await dialog.getByRole('button', { name: L('en', 'proposals.reject.confirm'), exact: true }).click();
    await waitForText(status, L('en', 'proposals.rejectedWithFile'));
    await expect.poll(() => section.locator('article.proposal').count()).toBe(2);
    expect(await page.locator('dialog[open]').count()).toBe(0);
    const rejected = await ok<ProposedAddition[]>(h, 'proposals.list', { status: 'rejected' });
    expect(rejected.map((p) => [p.recordId, p.preview])).toEqual([[ids.evidence, null]]);

    // the case: its notes tab has the accepted note; its overview says one addition waits
    await card(section, byKind('deadlines')).locator('button.proposal-case').click();
    await waitForText(page.locator('main h1'), 'Detention at Kilima station');
    await page.getByRole('tab', { name: L('en', 'caseDetail.tab.notes') }).click();
    await waitForText(page.locator('.note-list'), 'We met the second witness in Kisumu');
    await page.getByRole('tab', { name: L('en', 'caseDetail.tab.overview') }).click();
    const banner = page.locator('[data-testid="case-proposals"]');
    await waitForText(banner, L('en', 'proposals.banner', { count: 1 }));
    await checkScreen(page, 'proposals-case-banner-en');
    await page.screenshot({ path: join(SHOTS, 'proposals-case-banner-en.png') });
    await banner.getByRole('button', { name: L('en', 'proposals.banner.go') }).click();
    await page.getByRole('heading', { level: 1, name: L('en', 'inbox.title') }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('proposals-title');
    section = page.locator('[data-testid="proposals"]');

    // decide the rest: the empty state says nothing waits
    await section
      .getByRole('button', {
        name: R('en', 'proposals.acceptItem.deadlines', { reference: kilima.reference }),
        exact: true,
      })
      .click();
    await expect.poll(() => section.locator('article.proposal').count()).toBe(1);
    await section
      .getByRole('button', {
        name: R('en', 'proposals.acceptItem.outcomes', { reference: river.reference }),
        exact: true,
      })
      .click();
    await section.getByText(L('en', 'proposals.none.pending')).waitFor();
    expect(await section.locator('article.proposal').count()).toBe(0);

    // a later version of the accepted note: a change, which enters only once accepted
    const second = await craft(
      [
        rec(
          'notes',
          {
            id: ids.note,
            caseId: kilima.id,
            body: 'Correction: we met her in Kisii, not Kisumu.',
            author: 'Asha Njeri',
          },
          2,
        ),
      ],
      'correction.cvbundle',
    );
    const result2 = await importThroughInbox(page, 'en', second);
    await waitForText(
      result2.locator('[data-testid="import-proposed"]'),
      L('en', 'proposals.afterImport', { count: 1 }),
    );
    const update = (await ok<ProposedAddition[]>(h, 'proposals.list', {}))[0]!;
    expect(update).toMatchObject({ recordId: ids.note, isUpdate: true, version: 2 });
    proposalIds.set(ids.note, update.id);
    const updateCard = card(section, { recordId: ids.note });
    await waitForText(updateCard.locator('h3'), L('en', 'proposals.update.notes'));
    await checkScreen(page, 'proposals-update-en');
    await updateCard
      .getByRole('button', {
        name: R('en', 'proposals.acceptItem.notes', { reference: kilima.reference }),
        exact: true,
      })
      .click();
    await section.getByText(L('en', 'proposals.none.pending')).waitFor();

    // what was accepted, with who decided and when
    await section.getByLabel(L('en', 'proposals.filter')).selectOption('accepted');
    await expect.poll(() => section.locator('article.proposal').count()).toBe(4);
    const acceptedNote = section.locator(`[data-proposal-id="${update.id}"]`);
    await waitForText(acceptedNote.locator('h3'), L('en', 'proposals.status.accepted'));
    expect((await rowsOf(acceptedNote)).find((r) => r.startsWith(L('en', 'proposals.field.decided')))).toMatch(
      /, by Vault owner$/,
    );
    await checkScreen(page, 'proposals-accepted-en');
    await page.getByRole('link', { name: new RegExp(`^${L('en', 'nav.cases')}`) }).click();
    await page.getByRole('button', { name: new RegExp(kilima.reference) }).click();
    await page.getByRole('tab', { name: L('en', 'caseDetail.tab.notes') }).click();
    await waitForText(page.locator('.note-list'), 'Correction: we met her in Kisii, not Kisumu.');
    expect(await page.locator('[data-testid="case-proposals"]').count()).toBe(0);
  });
});
