/**
 * The litigator's walk, counted: seven tasks done the way a litigator does them, by clicking and
 * typing in the app at a laptop's 1366×768, in English, in Debian's Chromium against the real
 * shell and engine worker. Every click, every field filled and every key shortcut is one step;
 * the table of steps per task is printed at the end, and each task must stay at or below the
 * count measured when this walk was written, so a change that adds steps fails here.
 *
 * The engine is called directly only for what a user could not do in this app: the partner
 * organisation's side (its own vault, which reads our card and sends its answer back).
 * The same key screens are then seen in Arabic (switched in Settings) and home at 1920×1080.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { startHarness, type Harness } from './harness/server.js';
import { ok, plain, msg, accName } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';
import type { CardImportResult, PartnerDetail } from '../../shared/domain/partners.js';
import type { SafetyNumber } from '../../shared/domain/identity.js';
import type { Case } from '../../shared/domain/cases.js';
import { TOLD_ELEMENTS } from '../../shared/domain/consents.js';

const PASSPHRASE = 'correct horse battery staple';
const VIEWPORT = { width: 1366, height: 768 };

/**
 * The steps each task took when this walk was written (the walk of 2026-12 counted about 44 for
 * three consents and 66 for sharing and importing, with a dead end): none may grow.
 */
const MAX_STEPS: Record<string, number> = {
  '1 create the vault and unlock': 5,
  '2 enquiry to a case with its people': 11,
  '3 people and three consents': 19,
  '4 evidence with provenance, in the viewer': 14,
  '5 note, search, deadline, outcome': 17,
  '6 share with a partner, import the answer': 32,
  '7 donor report': 4,
};

let browser: Browser;
let a: Harness | undefined;
let b: Harness | undefined;
let scratch: string;

beforeAll(async () => {
  browser = await launchChromium();
  scratch = mkdtempSync(join(tmpdir(), 'cv-e2e-walk-'));
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const en = (key: string, values?: Record<string, string | number>) => msg('en', key, values);

/** Counts what the user does: each click, each field filled, each key shortcut. */
class Steps {
  readonly counts = new Map<string, number>();
  private task = '';
  begin(task: string): void {
    this.task = task;
    this.counts.set(task, 0);
  }
  private one(): void {
    this.counts.set(this.task, (this.counts.get(this.task) ?? 0) + 1);
  }
  async click(l: Locator): Promise<void> {
    this.one();
    await l.click();
  }
  async fill(l: Locator, value: string): Promise<void> {
    this.one();
    await l.fill(value);
  }
  async select(l: Locator, value: string): Promise<void> {
    this.one();
    await l.selectOption(value);
  }
  async check(l: Locator): Promise<void> {
    this.one();
    await l.check();
  }
  async press(p: Page, key: string): Promise<void> {
    this.one();
    await p.keyboard.press(key);
  }
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

/** A one-page PDF with a dark block, for the viewer to draw. */
function pdf(): Promise<Buffer> {
  return new Promise((resolvePdf, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolvePdf(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.rect(72, 72, 300, 120).fill('#1b3a6b');
    doc.fillColor('#000').fontSize(20).text('Medical report of Yusuf Said', 72, 240);
    doc.end();
  });
}

const D = {
  enquirer: 'Halima Said',
  title: 'Said v. Kilima police station',
  survivor: 'Yusuf Said',
  witness: 'Grace Wanjiru',
  summary: 'Her son Yusuf was beaten in custody at Kilima police station and denied a doctor.',
  safety: 'Call his mother first; his phone may be monitored.',
  evidence: 'Medical report',
  note: 'Met Yusuf at the clinic; he confirmed the Kilima beating.',
  word: 'Kilima',
  deadline: 'File the complaint',
  outcome: 'The commission admitted the complaint.',
  aName: 'Asha Njeri',
  aOrg: 'Haki Litigation Centre',
  bOrg: 'Partner Legal Aid',
  purpose: 'Joint submission to the commission',
  answerCase: 'Kilima detention, partner file',
};

describe('the litigator’s walk, counted', () => {
  it('seven casework tasks at 1366×768 with no more steps than measured', async () => {
    const steps = new Steps();
    a = await startHarness();
    const p = await browser.newPage({ viewport: VIEWPORT });
    p.setDefaultTimeout(10_000);
    const dlg = p.locator('dialog[open]');
    const nav = p.locator('nav.sidebar');
    const main = p.locator('main');
    const navLink = (key: string) => nav.getByRole('link', { name: new RegExp(`^${en(key)}`) });
    const tab = (key: string) => p.getByRole('tab', { name: en(`caseDetail.tab.${key}`) });
    const button = (key: string, values?: Record<string, string | number>) =>
      p.getByRole('button', { name: en(key, values), exact: true });
    const field = (l: Page | Locator, key: string) => l.getByLabel(en(key), { exact: true });
    await p.goto(a.url);

    // ---- 1: create the vault and unlock
    steps.begin('1 create the vault and unlock');
    await p.getByRole('heading', { name: en('vault.create.title') }).waitFor();
    await steps.fill(field(p, 'vault.create.passphrase'), PASSPHRASE);
    await steps.fill(field(p, 'vault.create.confirm'), PASSPHRASE);
    await steps.click(button('vault.create.submit'));
    await p.getByTestId('recovery-key').waitFor();
    await checkScreen(p, 'walk-recovery-key-en');
    await steps.check(p.getByLabel(en('vault.recovery.confirm')));
    await steps.click(button('vault.recovery.continue'));
    await waitForText(main.locator('h1'), en('home.title'));
    await checkScreen(p, 'walk-home-empty-en');

    // ---- 2: an enquiry comes in, is accepted, and becomes a case with the people it names
    steps.begin('2 enquiry to a case with its people');
    await steps.click(navLink('nav.enquiries'));
    await steps.click(button('enquiries.new'));
    await steps.fill(field(dlg, 'enquiries.form.enquirerName'), D.enquirer);
    await steps.fill(field(dlg, 'enquiries.form.summary'), D.summary);
    await steps.fill(field(dlg, 'enquiries.form.names'), `${D.survivor}\n${D.witness}`);
    await steps.click(dlg.getByRole('button', { name: en('enquiries.form.submit'), exact: true }));
    await waitForText(main.locator('h1'), en('enquiry.headingFrom', { name: D.enquirer }));
    await steps.click(button('enquiry.accept'));
    await dlg.getByTestId('named-people').waitFor();
    await checkScreen(p, 'walk-enquiry-accept-en');
    await steps.fill(field(dlg, 'enquiry.accept.caseTitle'), D.title);
    // the names need a role each
    await steps.select(dlg.getByLabel(accName('en', 'enquiry.accept.people.role', { name: D.survivor })), 'survivor');
    await steps.select(dlg.getByLabel(accName('en', 'enquiry.accept.people.role', { name: D.witness })), 'witness');
    await steps.click(dlg.getByRole('button', { name: en('enquiry.accept.submit'), exact: true }));
    await dlg.waitFor({ state: 'detached' });
    await waitForText(main, D.summary);
    const caseTitle = D.title;
    await checkScreen(p, 'walk-case-overview-en');

    // ---- 3: the survivor's safety notes, then three consents
    steps.begin('3 people and three consents');
    await steps.click(tab('people'));
    await steps.click(p.getByTestId('people-table').getByRole('button', { name: D.survivor, exact: true }));
    await waitForText(main.locator('h1'), D.survivor);
    await steps.click(button('action.edit'));
    await steps.fill(field(dlg, 'people.form.safetyNotes'), D.safety);
    await checkScreen(p, 'walk-edit-person-en');
    await steps.click(dlg.getByRole('button', { name: en('person.edit.submit') }));
    await dlg.waitFor({ state: 'detached' });
    await waitForText(main, D.safety);
    await checkScreen(p, 'walk-person-en');
    await steps.click(
      p
        .getByRole('link', { name: caseTitle })
        .or(p.getByRole('button', { name: caseTitle }))
        .first(),
    );
    await steps.click(tab('consents'));
    for (const purpose of ['representation', 'sharing', 'donor-reporting'] as const) {
      await steps.click(button('consents.record'));
      await dlg.waitFor();
      await steps.select(field(dlg, 'consents.form.purpose'), purpose);
      await steps.check(field(dlg, 'consents.form.toldAll'));
      if (purpose === 'representation') {
        // (not counted: checking the shortcut) it ticked all six, and each can still be unticked
        for (const el of TOLD_ELEMENTS) expect(await field(dlg, `consents.told.${el}`).isChecked()).toBe(true);
        await field(dlg, 'consents.told.right-to-withdraw').uncheck();
        expect(await field(dlg, 'consents.form.toldAll').isChecked()).toBe(false);
        await waitForText(dlg.locator('.warn-text'), en('consents.form.toldWarning'));
        await field(dlg, 'consents.told.right-to-withdraw').check();
        expect(await field(dlg, 'consents.form.toldAll').isChecked()).toBe(true);
        expect(await field(dlg, 'consents.form.person').locator('option:checked').textContent()).toBe(D.survivor);
        await checkScreen(p, 'walk-record-consent-en');
      }
      await steps.click(dlg.getByRole('button', { name: en('consents.form.submit') }));
      await dlg.waitFor({ state: 'detached' });
    }
    const consentRows = p.getByTestId('consents-table').locator('tbody tr');
    await expect.poll(() => consentRows.count()).toBe(3);
    const survivorRows = consentRows.filter({ hasText: D.survivor });
    expect(await survivorRows.count()).toBe(3);
    for (const text of await survivorRows.allTextContents()) expect(plain(text)).toContain(en('consents.toldAll'));
    await checkScreen(p, 'walk-consents-en');

    // ---- 4: a PDF with its provenance, then opened in the viewer
    steps.begin('4 evidence with provenance, in the viewer');
    const file = join(scratch, 'medical-report.pdf');
    writeFileSync(file, await pdf());
    a.host.openQueue.push(file);
    await steps.click(tab('evidence'));
    await steps.click(button('evidence.add'));
    await steps.fill(field(dlg, 'evidence.form.title'), D.evidence);
    await steps.select(field(dlg, 'evidence.form.type'), 'medical-report');
    await steps.fill(field(dlg, 'evidence.form.source'), 'Kilima district hospital');
    await steps.fill(field(dlg, 'evidence.form.collector'), D.aName);
    await steps.fill(field(dlg, 'evidence.form.method'), 'Scan of the signed original');
    await steps.fill(field(dlg, 'evidence.form.collectedOn'), '2026-11-02');
    await steps.fill(field(dlg, 'evidence.form.place'), 'Kilima');
    await checkScreen(p, 'walk-evidence-intake-en');
    await steps.click(dlg.getByRole('button', { name: en('evidence.intake.submit') }));
    await dlg.waitFor({ state: 'detached' });
    const row = p.locator('.evidence-table tbody tr', { hasText: D.evidence });
    await steps.click(row.getByRole('button', { name: D.evidence, exact: true }));
    await p.getByRole('heading', { level: 1, name: D.evidence }).waitFor();
    await waitForText(p.getByRole('region', { name: en('evidence.page.provenance') }), 'Kilima district hospital');
    await checkScreen(p, 'walk-evidence-page-en');
    await steps.click(button('evidence.actions.menu'));
    await steps.click(p.getByRole('menuitem', { name: en('evidence.action.view') }));
    await dlg.locator('canvas.pdf-canvas').waitFor();
    await checkScreen(p, 'walk-evidence-viewer-en');
    await steps.press(p, 'Escape');
    await dlg.waitFor({ state: 'detached' });

    // ---- 5: a note, a search, a deadline, an outcome
    steps.begin('5 note, search, deadline, outcome');
    await steps.click(
      p
        .getByRole('link', { name: en('evidence.page.back') })
        .or(button('evidence.page.back'))
        .first(),
    );
    await steps.click(tab('notes'));
    await steps.fill(field(p, 'notes.form.body'), D.note);
    await steps.click(button('notes.form.add'));
    await waitForText(main, en('notes.saved'));
    await steps.click(navLink('nav.search'));
    await steps.fill(field(p, 'search.field'), D.word);
    await steps.press(p, 'Enter');
    await p.locator('mark').filter({ hasText: D.word }).first().waitFor();
    await checkScreen(p, 'walk-search-en');
    await steps.click(
      p
        .getByRole('link', { name: caseTitle })
        .or(p.getByRole('button', { name: caseTitle }))
        .first(),
    );
    await steps.click(tab('deadlines'));
    await steps.click(button('deadlines.add'));
    await steps.fill(field(dlg, 'deadlines.form.title'), D.deadline);
    await steps.fill(field(dlg, 'deadlines.form.dueOn'), '2027-01-15');
    await steps.click(dlg.getByRole('button', { name: en('deadlines.form.add') }));
    await dlg.waitFor({ state: 'detached' });
    await steps.click(tab('outcomes'));
    await steps.click(button('outcomes.add'));
    await steps.fill(field(dlg, 'outcomes.form.description'), D.outcome);
    await checkScreen(p, 'walk-outcome-en');
    await steps.click(dlg.getByRole('button', { name: en('outcomes.form.add') }));
    await dlg.waitFor({ state: 'detached' });

    // ---- 6: our card to the partner, theirs in, verified and cleared; share; their answer in
    steps.begin('6 share with a partner, import the answer');
    const aCard = join(scratch, 'haki.cvcard');
    await steps.click(navLink('nav.identity'));
    await steps.fill(field(p, 'identity.name'), D.aName);
    await steps.fill(field(p, 'identity.organisation'), D.aOrg);
    // no "Save" first: saving the card as a file takes the name as typed
    a.host.saveQueue.push(aCard);
    await steps.click(button('identity.export.card'));
    await p.locator('[data-testid="card-exported"]').waitFor();
    expect(JSON.parse(readFileSync(aCard, 'utf8')).organisation).toBe(D.aOrg);

    // the partner's side, in its own vault: it reads our card, checks it, clears us, and saves
    // its own card for us
    b = await startHarness();
    await ok(b, 'vault.create', { passphrase: PASSPHRASE });
    await ok(b, 'identity.update', { name: 'Tomás Ruiz', organisation: D.bOrg });
    const bCard = join(scratch, 'partner.cvcard');
    b.host.saveQueue.push(bCard);
    const bTarget = await ok<{ handle: string }>(b, 'files.chooseSaveTarget', {
      suggestedName: 'partner.cvcard',
      kind: 'contact-card',
    });
    await ok(b, 'identity.exportCard', { target: bTarget.handle, format: 'card' });
    b.host.openQueue.push(aCard);
    const aHandle = await ok<{ handle: string }>(b, 'files.chooseOpen', { kind: 'contact-card' });
    const aInB = await ok<CardImportResult>(b, 'partners.importCard', { file: aHandle.handle });
    const number = await ok<SafetyNumber>(b, 'partners.safetyNumber', { keyId: aInB.key.id });
    await ok(b, 'partners.verifyKey', { keyId: aInB.key.id, safetyNumber: number.digits, verifiedBy: 'Tomás Ruiz' });
    const aDetail = await ok<PartnerDetail>(b, 'partners.get', { id: aInB.partner.id });
    await ok(b, 'partners.update', { id: aInB.partner.id, expectedVersion: aDetail.version, ddOutcome: 'approved' });
    await ok(b, 'partners.addAgreement', {
      partnerId: aInB.partner.id,
      kind: 'confidentiality',
      signedOn: '2026-01-05',
    });
    await ok(b, 'partners.setSharingProfile', {
      partnerId: aInB.partner.id,
      expectedVersion: aDetail.version + 1,
      allow: [{ kind: 'cases', fields: ['reference', 'title', 'status'] }],
    });

    // we add them from their card and type the number they read out
    await steps.click(navLink('nav.partners'));
    a.host.openQueue.push(bCard);
    await steps.click(button('keys.importNew'));
    await waitForText(main.locator('h1'), D.bOrg);
    await steps.click(p.locator('[data-testid="partner-key"] button').first());
    await steps.fill(field(dlg, 'verify.typed'), number.digits);
    await steps.fill(field(dlg, 'verify.by'), D.aName);
    await steps.click(dlg.getByRole('button', { name: en('verify.check'), exact: true }));
    await waitForText(p.locator('[data-testid="key-state"]'), en('keys.state.verified'));
    await checkScreen(p, 'walk-partner-verified-en');
    // due diligence approved, an agreement signed
    await steps.click(button('partners.edit'));
    await steps.select(field(dlg, 'partners.form.outcome'), 'approved');
    await steps.click(dlg.getByRole('button', { name: en('action.save'), exact: true }));
    await dlg.waitFor({ state: 'detached' });
    await steps.click(button('partner.agreements.add'));
    await steps.select(field(dlg, 'partner.agreement.kind'), 'confidentiality');
    await steps.fill(field(dlg, 'partner.agreement.signedOn'), '2026-01-05');
    await steps.click(dlg.getByRole('button', { name: en('partner.agreements.add'), exact: true }));
    await dlg.waitFor({ state: 'detached' });

    // the wizard from the case
    await steps.click(navLink('nav.cases'));
    await steps.click(p.getByRole('button', { name: caseTitle }).first());
    await steps.click(button('share.fromCase'));
    const panel = p.locator('.wizard-panel');
    await steps.click(panel.getByRole('button', { name: en('share.next'), exact: true }));
    await steps.check(p.getByRole('radio', { name: D.bOrg, exact: true }));
    await waitForText(panel.locator('[data-testid="gate-cleared"]'), en('share.gate.cleared', { partner: D.bOrg }));
    await steps.check(p.getByRole('radio', { name: en('share.preset.name.case-facts'), exact: true }));
    await steps.fill(panel.getByRole('textbox', { name: new RegExp(`^${en('share.purpose')}`) }), D.purpose);
    await steps.click(
      panel
        .locator('[data-testid="share-presets"]')
        .getByRole('button', { name: accName('en', 'share.preset.save', { partner: D.bOrg }) }),
    );
    await checkScreen(p, 'walk-share-partner-en');
    await steps.click(panel.getByRole('button', { name: en('share.check.button'), exact: true }));
    await waitForText(panel.locator('h2'), en('share.stepOf', { n: 3, name: en('share.step.check') }));
    await checkScreen(p, 'walk-share-check-en');
    // the witness gave no consent: leaving them out is offered right here, not two steps back
    await steps.click(button('share.plan.leaveOutNow'));
    await p.locator('[data-testid="plan-refused"]').waitFor({ state: 'detached' });
    await checkScreen(p, 'walk-share-check-left-out-en');
    await steps.click(panel.getByRole('button', { name: en('share.next'), exact: true }));
    a.host.saveQueue.push(join(scratch, 'to-partner.cvbundle'));
    await steps.click(panel.getByRole('button', { name: en('share.save.button'), exact: true }));
    await waitForText(panel.locator('[data-testid="share-done"]'), en('share.done.title'));

    // the partner answers with a bundle of its own
    const bKase = await ok<Case>(b, 'cases.create', { title: D.answerCase, reference: 'PLA-1' });
    const answer = join(scratch, 'answer.cvbundle');
    b.host.saveQueue.push(answer);
    const answerTarget = await ok<{ handle: string }>(b, 'files.chooseSaveTarget', {
      suggestedName: 'answer.cvbundle',
      kind: 'bundle',
    });
    await ok(b, 'bundles.export', {
      partnerId: aInB.partner.id,
      caseIds: [bKase.id],
      purpose: 'Our file on Kilima',
      onMissingConsent: 'leave-out',
      target: answerTarget.handle,
    });
    await steps.click(navLink('nav.inbox'));
    a.host.openQueue.push(answer);
    await steps.click(button('inbox.open'));
    await p.locator('[data-testid="bundle-preview"]').waitFor();
    await checkScreen(p, 'walk-inbox-preview-en');
    await steps.click(button('inbox.import'));
    await p.locator('[data-testid="import-result"]').waitFor();
    await checkScreen(p, 'walk-inbox-imported-en');

    // ---- 7: the donor report
    steps.begin('7 donor report');
    await steps.click(nav.getByRole('link', { name: en('reports.nav'), exact: true }));
    await steps.click(button('reports.preview.submit'));
    await p.locator('[data-testid="report-preview"]').waitFor();
    await checkScreen(p, 'walk-report-en');
    const reportPath = join(scratch, 'donor-report.html');
    await steps.select(field(p, 'reports.scope.format'), 'html');
    a.host.saveQueue.push(reportPath);
    await steps.click(button('reports.save.html'));
    await waitForText(p.locator('.report-save [role="status"].notice-ok'), en('reports.save.done'));
    expect(readFileSync(reportPath, 'utf8')).not.toContain(D.survivor);

    // ---- the counts
    const table = [...steps.counts].map(([task, n]) => ({ task, steps: n, max: MAX_STEPS[task] }));
    console.log(
      `Litigator's walk, steps per task (1366×768, English):\n` +
        table.map((r) => `  ${r.task.padEnd(46)} ${String(r.steps).padStart(3)}  (max ${r.max})`).join('\n') +
        `\n  ${'total'.padEnd(46)} ${String(table.reduce((s, r) => s + r.steps, 0)).padStart(3)}`,
    );
    for (const r of table) expect(r.steps, r.task).toBeLessThanOrEqual(r.max!);
    expect(a.host.logs.filter((l) => l.includes('INTERNAL'))).toEqual([]);

    // ---- the same screens in Arabic, and home on a large screen
    await navLink('nav.settings').click();
    await p.getByLabel(en('settings.language.label'), { exact: true }).selectOption('ar');
    const ar = (key: string, values?: Record<string, string | number>) => msg('ar', key, values);
    await p.waitForFunction(() => document.documentElement.dir === 'rtl');
    await nav.getByRole('link', { name: new RegExp(`^${ar('home.nav')}`) }).click();
    await waitForText(main.locator('h1'), ar('home.title'));
    await checkScreen(p, 'walk-home-ar');
    await nav.getByRole('link', { name: new RegExp(`^${ar('nav.cases')}`) }).click();
    await p.getByRole('button', { name: caseTitle }).first().click();
    await checkScreen(p, 'walk-case-overview-ar');
    await p.getByRole('tab', { name: ar('caseDetail.tab.consents') }).click();
    await p.getByRole('button', { name: ar('consents.record'), exact: true }).click();
    await dlg.waitFor();
    await checkScreen(p, 'walk-record-consent-ar');
    await p.keyboard.press('Escape');
    await p.getByRole('tab', { name: ar('caseDetail.tab.people') }).click();
    await p.getByTestId('people-table').getByRole('button', { name: D.survivor, exact: true }).click();
    await waitForText(main.locator('h1'), D.survivor);
    await p.getByRole('button', { name: ar('action.edit'), exact: true }).click();
    await dlg.waitFor();
    await checkScreen(p, 'walk-edit-person-ar');
    await p.keyboard.press('Escape');
    // the consent check that stops, with its way out in place
    await nav.getByRole('link', { name: new RegExp(`^${ar('nav.share')}`) }).click();
    await p.getByRole('checkbox', { name: new RegExp(D.title) }).check();
    await panel.getByRole('button', { name: ar('share.next'), exact: true }).click();
    await p.getByRole('radio', { name: D.bOrg, exact: true }).check();
    await panel.getByRole('textbox', { name: new RegExp(`^${ar('share.purpose')}`) }).fill(D.purpose);
    await panel.getByRole('button', { name: ar('share.check.button'), exact: true }).click();
    await p
      .getByTestId('plan-refused')
      .getByRole('button', { name: ar('share.plan.leaveOutNow') })
      .waitFor();
    await checkScreen(p, 'walk-share-check-ar');
    await p.setViewportSize({ width: 1920, height: 1080 });
    await nav.getByRole('link', { name: new RegExp(`^${ar('nav.settings')}`) }).click();
    await p.getByLabel(ar('settings.language.label'), { exact: true }).selectOption('en');
    await p.waitForFunction(() => document.documentElement.dir === 'ltr');
    await navLink('home.nav').click();
    await waitForText(main.locator('h1'), en('home.title'));
    await checkScreen(p, 'walk-home-1920-en');
  }, 150_000);
});
