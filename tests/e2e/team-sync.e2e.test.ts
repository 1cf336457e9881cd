/**
 * End to end, in Chromium against the real shell and engine worker, with two harness vaults (two
 * laptops of one organisation): on A's Team screen a member is added from B's card (open dialog)
 * and verified by the safety number; A and B sync both ways through one shared folder (A from
 * the screen, through the folder dialog; B through the shell); a title both edited becomes a
 * conflict, marked on the case and counted on the home screen, shown on the Conflicts screen
 * with both values and settled with "keep mine" — and B takes the settlement at its next sync.
 * English and Arabic at 1366×768, screenshots and axe.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from './harness/server.js';
import { accName, ok, msg, plain } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';
import type { Case } from '../../shared/domain/cases.js';
import type { SafetyNumber } from '../../shared/domain/identity.js';
import type { TeamMember } from '../../shared/ipc/areas/team.js';

const PASSPHRASE = 'correct horse battery staple';
const VIEWPORT = { width: 1366, height: 768 };
const WAIT = { timeout: 30_000 };

let browser: Browser;
const open: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

const DATA = {
  en: {
    a: 'Asha Njeri',
    b: 'Tomás Ruiz',
    title: 'Detention of T.',
    mine: 'Detention of T. (appeal)',
    theirs: 'Detention of T. — High Court',
  },
  ar: {
    a: 'آشا نجيري',
    b: 'توماس رويث',
    title: 'احتجاز ت.',
    mine: 'احتجاز ت. (استئناف)',
    theirs: 'احتجاز ت. — المحكمة العليا',
  },
};

async function laptop(name: string, lang: 'en' | 'ar'): Promise<Harness> {
  const h = await startHarness();
  open.push(h);
  await ok(h, 'vault.create', { passphrase: PASSPHRASE });
  await ok(h, 'identity.update', { name, organisation: 'Haki Litigation Centre' });
  if (lang !== 'en') await ok(h, 'settings.set', { language: lang });
  return h;
}

async function cardOf(h: Harness, path: string): Promise<string> {
  h.host.saveQueue.push(path);
  const t = await ok<{ handle: string }>(h, 'files.chooseSaveTarget', {
    suggestedName: 'card.cvcard',
    kind: 'contact-card',
  });
  await ok(h, 'identity.exportCard', { target: t.handle, format: 'card' });
  return path;
}

/** B's side, through the shell as its renderer would: sync with the shared folder. */
async function syncThroughShell(h: Harness, folder: string): Promise<void> {
  h.host.folderQueue.push(folder);
  const f = await ok<{ handle: string }>(h, 'files.chooseSyncFolder');
  await ok(h, 'sync.folder', { folder: f.handle });
}

describe.each(['en', 'ar'] as const)('team sync between two laptops (%s)', (lang) => {
  it('adds and verifies a member, syncs through a folder both ways, and settles a conflict', async () => {
    const d = DATA[lang];
    const scratch = mkdtempSync(join(tmpdir(), 'cv-team-e2e-'));
    const shared = mkdtempSync(join(tmpdir(), 'cv-team-folder-'));
    const a = await laptop(d.a, lang);
    const b = await laptop(d.b, lang);
    const aCard = await cardOf(a, join(scratch, 'a.cvcard'));
    const bCard = await cardOf(b, join(scratch, 'b.cvcard'));
    // B adds and verifies A through the shell
    b.host.openQueue.push(aCard);
    const aFile = await ok<{ handle: string }>(b, 'files.chooseOpen', { kind: 'contact-card' });
    const aInB = await ok<TeamMember>(b, 'team.add', { file: aFile.handle });
    const digits = (await ok<SafetyNumber>(b, 'partners.safetyNumber', { keyId: aInB.keyId })).digits;
    await ok(b, 'team.verifyMember', { id: aInB.id, safetyNumber: digits, verifiedBy: d.b });

    const p: Page = await browser.newPage({ viewport: VIEWPORT });
    open.push(p);
    await p.goto(a.url);
    await p.getByRole('heading', { level: 1, name: msg(lang, 'home.title') }).waitFor(WAIT);
    const nav = p.getByRole('navigation', { name: msg(lang, 'nav.label') });

    // ---- A adds B from its card and verifies the key by the safety number
    await nav.getByRole('link', { name: msg(lang, 'team.nav'), exact: true }).click();
    await p.getByRole('heading', { level: 1, name: msg(lang, 'team.title') }).waitFor(WAIT);
    await p.getByText(msg(lang, 'team.none')).waitFor(WAIT);
    a.host.openQueue.push(bCard);
    await p.getByRole('button', { name: msg(lang, 'team.add'), exact: true }).click();
    const row = p.locator('[data-testid="team-member"]', { hasText: d.b });
    await row.waitFor(WAIT);
    expect(plain(await row.locator('[data-testid="member-key"]').textContent())).toBe(
      msg(lang, 'keys.status.unverified'),
    );
    await row.getByRole('button', { name: accName(lang, 'team.verifyMember', { name: d.b }) }).click();
    const dlg = p.getByRole('dialog');
    await dlg.locator('[data-testid="safety-number"]').waitFor(WAIT);
    await dlg.getByLabel(msg(lang, 'verify.typed'), { exact: true }).fill(digits);
    await dlg.getByLabel(msg(lang, 'verify.by'), { exact: true }).fill(d.a);
    await dlg.getByRole('button', { name: msg(lang, 'verify.check'), exact: true }).click();
    await p.locator('[data-testid="key-verified"]').waitFor(WAIT);
    await expect
      .poll(async () => plain(await row.locator('[data-testid="member-key"]').textContent()), WAIT)
      .toBe(msg(lang, 'keys.status.verified'));

    // ---- A writes a case to the folder from the screen; B applies it and answers
    const kase = await ok<Case>(a, 'cases.create', { title: d.title, reference: 'HLC-T-1', status: 'active' });
    a.host.folderQueue.push(shared);
    await p.getByRole('button', { name: msg(lang, 'team.sync.folder'), exact: true }).click();
    const report = p.locator('[data-testid="sync-report"]');
    await expect
      .poll(async () => plain(await report.textContent()), WAIT)
      .toContain(msg(lang, 'team.sync.done', { applied: 0, written: 1, refused: 0 }));
    await syncThroughShell(b, shared);
    expect((await ok<Case>(b, 'cases.get', { id: kase.id })).title).toBe(d.title);
    await checkScreen(p, `team-members-${lang}`);

    // ---- both laptops change the title before they sync: a conflict
    const inA = await ok<Case>(a, 'cases.get', { id: kase.id });
    await ok(a, 'cases.update', { id: kase.id, expectedVersion: inA.version, title: d.mine });
    const inB = await ok<Case>(b, 'cases.get', { id: kase.id });
    await ok(b, 'cases.update', { id: kase.id, expectedVersion: inB.version, title: d.theirs });
    await syncThroughShell(b, shared);
    a.host.folderQueue.push(shared);
    await p.getByRole('button', { name: msg(lang, 'team.sync.folder'), exact: true }).click();
    // B's files: its first one (the snapshot of what it holds, for a laptop new to it) and its edit
    await expect
      .poll(async () => plain(await report.textContent()), WAIT)
      .toContain(msg(lang, 'team.sync.done', { applied: 2, written: 1, refused: 0 }));

    // the home screen counts it; the case is marked
    await nav.getByRole('link', { name: msg(lang, 'home.nav'), exact: true }).click();
    const status = p.locator('[data-testid="sync-status"]');
    await expect
      .poll(async () => plain(await status.textContent()), WAIT)
      .toContain(msg(lang, 'team.status.conflicts', { count: 1 }));
    await checkScreen(p, `team-home-${lang}`);

    // ---- the Conflicts screen: both values, keep mine
    await status.getByRole('button', { name: msg(lang, 'team.status.open'), exact: true }).click();
    await p.getByRole('heading', { level: 1, name: msg(lang, 'conflicts.title') }).waitFor(WAIT);
    const item = p.locator('[data-testid="conflict"]');
    await item.waitFor(WAIT);
    const values = (await item.locator('[data-testid="conflict-value"]').allTextContents()).map(plain);
    expect(values).toEqual([d.mine, d.theirs]);
    expect(plain(await item.textContent())).toContain(msg(lang, 'conflicts.who.member', { name: d.b }));
    await checkScreen(p, `team-conflicts-${lang}`);
    // the case is marked; the marker leads back here
    await item.getByRole('button', { name: msg(lang, 'conflicts.openRecord'), exact: true }).click();
    const marker = p.locator('[data-testid="case-conflict"]');
    await marker.waitFor(WAIT);
    expect(plain(await marker.textContent())).toBe(msg(lang, 'conflicts.marker'));
    await marker.click();
    await item.waitFor(WAIT);
    await item.getByRole('button', { name: msg(lang, 'conflicts.keepMine'), exact: true }).click();
    await p.locator('[data-testid="conflict-settled"]').waitFor(WAIT);
    await p.getByText(msg(lang, 'conflicts.none')).waitFor(WAIT);
    expect((await ok<Case>(a, 'cases.get', { id: kase.id })).title).toBe(d.mine);

    // ---- the settlement travels: A writes, B applies and shows A's title with nothing open
    await nav.getByRole('link', { name: msg(lang, 'team.nav'), exact: true }).click();
    a.host.folderQueue.push(shared);
    await p.getByRole('button', { name: msg(lang, 'team.sync.folder'), exact: true }).click();
    await expect
      .poll(async () => plain(await p.locator('[data-testid="sync-report"]').textContent()), WAIT)
      .toContain(msg(lang, 'team.sync.done', { applied: 0, written: 1, refused: 0 }));
    await syncThroughShell(b, shared);
    expect((await ok<Case>(b, 'cases.get', { id: kase.id })).title).toBe(d.mine);
    expect(await ok(b, 'sync.conflicts', {})).toEqual([]);
  }, 300_000);
});
