/**
 * The share wizard without dead ends, in English and in Arabic at 1366×768, in Debian's Chromium
 * against the real shell and engine worker:
 * - a verified, cleared partner whose sharing profile is empty: step 2 says so and offers ready
 *   profiles, each with what it lets through; "Case facts only" is saved as the partner's profile
 *   from inside the wizard;
 * - the user leaves for the case list and comes back: the partner, the purpose and the two
 *   chosen evidence files are still there;
 * - step 3 does not count files the profile keeps out (no "2 evidence files · 46 kB" next to
 *   "evidence files are not sent"); "leave the files out" checks again in place, and then the
 *   counts are those of the engine's plan for the same choices;
 * - before anything leaves, step 3 shows the safety notes of the case's people;
 * - the bundle is saved, and the next visit starts a new share.
 */
import { mkdtempSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { IdentityKeyPair } from '@signalapp/libsignal-client';
import { cardSignedBytes } from '../../src-main/engine/identity/contact-card.js';
import { signatureDigest } from '../../src-main/engine/identity/vault-identity.js';
import { startHarness, type Harness } from './harness/server.js';
import { ok, plain, msg, accName } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';
import type { BundlePlan } from '../../shared/domain/bundles.js';
import type { Case } from '../../shared/domain/cases.js';
import { presetProfile, type CardImportResult, type PartnerDetail } from '../../shared/domain/partners.js';
import type { SafetyNumber } from '../../shared/domain/identity.js';

type Lang = 'en' | 'ar';

let browser: Browser;
let h: Harness | undefined;
let page: Page | undefined;
let scratch: string;

beforeAll(async () => {
  browser = await launchChromium();
  scratch = mkdtempSync(join(tmpdir(), 'cv-e2e-share-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});
afterEach(async () => {
  await page?.close();
  page = undefined;
  await h?.close();
  h = undefined;
});

async function text(l: Locator): Promise<string> {
  return plain(await l.textContent());
}

/** A navigation link by its label: a badge (a count) may follow it. */
function navName(lang: Lang, key: string): RegExp {
  return new RegExp(`^${msg(lang, key)}`);
}

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

const DATA = {
  en: {
    partner: 'Haki Legal Aid',
    title: 'Detention at Central station',
    purpose: 'Joint filing before the commission',
    survivor: 'Youssef Amrani',
    safety: 'Do not call his phone: it is monitored',
  },
  ar: {
    partner: 'منظمة حقي للمساعدة القانونية',
    title: 'الاحتجاز في المركز',
    purpose: 'تقديم مشترك أمام اللجنة',
    survivor: 'يوسف العمراني',
    safety: 'لا تتصلوا بهاتفه: إنه مراقب',
  },
} as const;

/** A partner organisation's contact card, signed with a key of its own. */
function partnerCard(name: string, file: string): void {
  const key = IdentityKeyPair.generate();
  const body = {
    format: 'case-vault/contact-card' as const,
    version: 1 as const,
    vaultId: randomUUID(),
    name: 'Coordinator',
    organisation: name,
    publicKey: Buffer.from(key.publicKey.serialize()).toString('base64'),
    createdAt: new Date().toISOString(),
  };
  const signature = Buffer.from(
    key.privateKey.sign(signatureDigest('card', cardSignedBytes(body)) as Uint8Array<ArrayBuffer>),
  ).toString('base64');
  writeFileSync(file, JSON.stringify({ ...body, signature }));
}

async function chosenFile(harness: Harness, path: string, kind: string): Promise<string> {
  harness.host.openQueue.push(path);
  const channel = kind === 'evidence' ? 'files.chooseEvidence' : 'files.chooseOpen';
  return (await ok<{ handle: string }>(harness, channel, kind === 'evidence' ? {} : { kind })).handle;
}

describe.each(['en', 'ar'] as const)('share wizard (%s)', (lang) => {
  it('sets a ready profile inside the wizard, keeps its state, counts what goes in', async () => {
    const d = DATA[lang];
    h = await startHarness();
    await ok(h, 'vault.create', { passphrase: 'correct horse battery staple' });
    await ok(h, 'settings.set', { language: lang });

    // A verified partner, cleared by the partner policy, with an empty sharing profile.
    const card = join(scratch, `${lang}.cvcard`);
    partnerCard(d.partner, card);
    const imported = await ok<CardImportResult>(h, 'partners.importCard', {
      file: await chosenFile(h, card, 'contact-card'),
    });
    const partnerId = imported.partner.id;
    const number = await ok<SafetyNumber>(h, 'partners.safetyNumber', { keyId: imported.key.id });
    await ok(h, 'partners.verifyKey', { keyId: imported.key.id, safetyNumber: number.digits, verifiedBy: 'Tester' });
    const before = await ok<PartnerDetail>(h, 'partners.get', { id: partnerId });
    await ok(h, 'partners.update', { id: partnerId, expectedVersion: before.version, ddOutcome: 'approved' });
    await ok(h, 'partners.addAgreement', { partnerId, kind: 'confidentiality', signedOn: '2025-01-05' });
    expect((await ok<PartnerDetail>(h, 'partners.get', { id: partnerId })).sharingProfile).toEqual({});

    // A case with two evidence files, and a survivor whose safety notes must be seen before sharing.
    const kase = await ok<Case>(h, 'cases.create', { title: d.title, reference: `SH-${lang}` });
    const survivor = await ok<{ id: string }>(h, 'people.create', { fullName: d.survivor, safetyNotes: d.safety });
    await ok(h, 'people.link', { personId: survivor.id, caseId: kase.id, role: 'survivor' });
    for (const [i, size] of [30_000, 16_300].entries()) {
      const path = join(scratch, `${lang}-exhibit-${i}.pdf`);
      writeFileSync(path, Buffer.alloc(size, 65 + i));
      await ok(h, 'evidence.add', {
        caseId: kase.id,
        file: await chosenFile(h, path, 'evidence'),
        type: 'document',
        title: `Exhibit ${i + 1}`,
      });
    }

    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const p = page;
    p.setDefaultTimeout(10_000);
    await p.goto(h.url);
    const nav = p.locator('nav.sidebar');
    const panel = p.locator('.wizard-panel');
    // the label may carry a "required" mark after the name
    const purposeBox = panel.getByRole('textbox', { name: new RegExp(`^${msg(lang, 'share.purpose')}`) });
    const stepTitle = (n: number, step: string) =>
      waitForText(panel.locator('h2'), msg(lang, 'share.stepOf', { n, name: msg(lang, `share.step.${step}`) }));

    // Step 1: the case and both its files.
    await nav.getByRole('link', { name: navName(lang, 'nav.share') }).click();
    await stepTitle(1, 'cases');
    await p.getByRole('checkbox', { name: new RegExp(kase.reference) }).check();
    await p.getByRole('checkbox', { name: /Exhibit 1/ }).check();
    await p.getByRole('checkbox', { name: /Exhibit 2/ }).check();
    await panel.getByRole('button', { name: msg(lang, 'share.next'), exact: true }).click();

    // Step 2: the partner; the profile is empty, and a ready one is chosen and saved right here.
    await stepTitle(2, 'partner');
    await p.getByRole('radio', { name: d.partner, exact: true }).check();
    await waitForText(
      panel.locator('[data-testid="gate-cleared"]'),
      msg(lang, 'share.gate.cleared', { partner: d.partner }),
    );
    await waitForText(
      panel.locator('[data-testid="gate-profile-empty"]'),
      msg(lang, 'share.gate.profileEmpty', { partner: d.partner }),
    );
    const presets = panel.locator('[data-testid="share-presets"]');
    expect(await text(presets.locator('[data-testid="share-presets-now"]'))).toBe(msg(lang, 'share.preset.now.none'));
    for (const preset of ['case-facts', 'pseudonymised', 'full-with-files']) {
      expect(await text(presets.locator(`[data-preset="${preset}"]`))).toContain(
        msg(lang, `share.preset.desc.${preset}`),
      );
    }
    expect(await text(presets.locator('[data-preset="case-facts"]'))).toContain(msg(lang, 'share.preset.files.no'));
    expect(await text(presets.locator('[data-preset="full-with-files"]'))).toContain(
      msg(lang, 'share.preset.files.yes'),
    );
    await p.getByRole('radio', { name: msg(lang, 'share.preset.name.case-facts'), exact: true }).check();
    await presets.locator('[data-preset="case-facts"] details summary').click();
    await purposeBox.fill(d.purpose);
    await presets.getByRole('button', { name: accName(lang, 'share.preset.save', { partner: d.partner }) }).click();
    await waitForText(
      presets.locator('[data-testid="share-presets-now"]'),
      msg(lang, 'share.preset.now.preset', { preset: msg(lang, 'share.preset.name.case-facts') }),
    );
    expect(await panel.locator('[data-testid="gate-profile-empty"]').count()).toBe(0);
    expect((await ok<PartnerDetail>(h, 'partners.get', { id: partnerId })).sharingProfile).toEqual(
      presetProfile('case-facts'),
    );
    await presets.scrollIntoViewIfNeeded();
    await checkScreen(p, `share-presets-${lang}`);

    // Leave for the case list, come back: everything as it was.
    await nav.getByRole('link', { name: navName(lang, 'nav.cases') }).click();
    await waitForText(p.locator('main h1'), msg(lang, 'cases.title'));
    await nav.getByRole('link', { name: navName(lang, 'nav.share') }).click();
    await stepTitle(2, 'partner');
    expect(await p.getByRole('radio', { name: d.partner, exact: true }).isChecked()).toBe(true);
    expect(await purposeBox.inputValue()).toBe(d.purpose);
    await panel.getByRole('button', { name: msg(lang, 'action.back'), exact: true }).click();
    await stepTitle(1, 'cases');
    expect(await p.getByRole('checkbox', { name: /Exhibit 1/ }).isChecked()).toBe(true);
    expect(await p.getByRole('checkbox', { name: /Exhibit 2/ }).isChecked()).toBe(true);
    await panel.getByRole('button', { name: msg(lang, 'share.next'), exact: true }).click();
    await stepTitle(2, 'partner');

    // Step 3: the files are kept out by the profile, so they are not counted as going in.
    await p.getByRole('radio', { name: msg(lang, 'share.missing.leave-out'), exact: true }).check();
    await panel.getByRole('button', { name: msg(lang, 'share.check.button'), exact: true }).click();
    await stepTitle(3, 'check');
    const safety = panel.locator('[data-testid="safety-notes"]');
    await waitForText(safety, d.safety);
    expect(await text(safety)).toContain(msg(lang, 'people.safety.shareTitle'));
    expect(await text(safety)).toContain(d.survivor);
    const filesOut = panel.locator('[data-testid="plan-files-out"]');
    await waitForText(filesOut, msg(lang, 'share.plan.filesOut'));
    const totals = panel.locator('[data-testid="plan-totals"]');
    expect(await text(totals)).toBe(msg(lang, 'share.plan.totalsBlocked'));
    expect(await text(panel)).not.toContain(`${msg(lang, 'share.plan.files', { count: 2 })} ·`);
    expect(await panel.getByRole('button', { name: msg(lang, 'share.next'), exact: true }).isDisabled()).toBe(true);
    await checkScreen(p, `share-check-${lang}`);

    // The way out, in place: leave the files out; the check is made again.
    await filesOut.getByRole('button', { name: accName(lang, 'share.plan.leaveFilesOut', { count: 2 }) }).click();
    await waitForText(totals, msg(lang, 'share.plan.files', { count: 0 }));
    expect(await panel.locator('[data-testid="plan-files-out"]').count()).toBe(0);
    const enginePlan = await ok<BundlePlan>(h, 'bundles.plan', {
      partnerId,
      caseIds: [kase.id],
      evidenceIds: [],
      purpose: d.purpose,
      expiresInDays: 30,
      onMissingConsent: 'leave-out',
    });
    expect(enginePlan.blockers).toEqual([]);
    expect(enginePlan.evidenceFiles).toEqual([]);
    expect(await text(panel.locator('table.plan-included'))).toContain(msg(lang, 'partners.sharingKind.cases'));
    expect(await text(totals)).toContain(msg(lang, 'share.plan.consents', { count: enginePlan.consentIds.length }));

    // Save; the next visit starts over.
    const out = join(scratch, `${lang}.cvbundle`);
    await panel.getByRole('button', { name: msg(lang, 'share.next'), exact: true }).click();
    await stepTitle(4, 'save');
    h.host.saveQueue.push(out);
    await panel.getByRole('button', { name: msg(lang, 'share.save.button'), exact: true }).click();
    await waitForText(panel.locator('[data-testid="share-done"]'), msg(lang, 'share.done.title'));
    expect(existsSync(out)).toBe(true);
    await nav.getByRole('link', { name: navName(lang, 'nav.cases') }).click();
    await waitForText(p.locator('main h1'), msg(lang, 'cases.title'));
    await nav.getByRole('link', { name: navName(lang, 'nav.share') }).click();
    await stepTitle(1, 'cases');
    expect(await p.getByRole('checkbox', { name: new RegExp(kase.reference) }).isChecked()).toBe(false);
  });
});
