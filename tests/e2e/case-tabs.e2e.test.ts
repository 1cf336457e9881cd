/**
 * End to end, in Debian's Chromium against the real shell and engine worker: the case tabs
 * evidence (intake with progress, the viewer, verification, export, the chain of custody), notes,
 * deadlines and outcomes (with indicators and their chart). A case seeded through the shell is
 * opened from the case list by clicking, then each tab by clicking it; everything else is done
 * like a user, through the screens. Files are real temp files handed to main's (queued) native
 * dialogs. Every tab and every dialog is screenshotted and scanned by axe, in English and in
 * Arabic (right to left, with Arabic record data). Labels come from the catalogues, so the
 * Arabic walk clicks the Arabic words.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { startHarness, type Harness } from './harness/server.js';
import { ok, plain } from './e2e-helpers.js';
import { checkScreen, launchChromium } from './browser.js';
import { CATALOGUE, type MessageKey } from '../../src-renderer/i18n/catalogue.js';
import { formatMessage, type MessageValues } from '../../src-renderer/i18n/format-message.js';
import type { Case } from '../../shared/domain/cases.js';
import type { Evidence } from '../../shared/domain/evidence.js';
import type { DeadlineItem } from '../../shared/domain/deadlines.js';
import type { IndicatorDetail, OutcomeItem } from '../../shared/domain/outcomes.js';

const PASSPHRASE = 'correct horse battery staple';
const BIG = 24 * 1024 * 1024;
/** expect.poll waits up to 1 s by default: too short when the machine is busy */
const POLL = { timeout: 20_000 };

let browser: Browser;
let h: Harness | undefined;
let page: Page | undefined;
let scratch: string | undefined;

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
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

type Lang = 'en' | 'ar';

/** Text without the Unicode isolates the message formatter puts around values. */
function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function messages(lang: Lang) {
  /** The message in the walk's language, as the screen shows it (isolates removed). */
  const L = (key: MessageKey, values?: MessageValues) => plain(formatMessage(lang, CATALOGUE[lang][key]!, values));
  /** The same message as an exact accessible name, isolates or not. */
  const N = (key: MessageKey, values?: MessageValues) =>
    new RegExp(
      `^${escape(formatMessage(lang, CATALOGUE[lang][key]!, values))
        .replace(/\u2068/g, '\u2068?')
        .replace(/\u2069/g, '\u2069?')}$`,
    );
  return { L, N };
}

/** A valid PNG of w×h pixels (RGB, a diagonal gradient), built by hand. */
function png(w: number, hgt: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(hgt, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < hgt; y++) {
    const row = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x++) row.set([(x * 255) / w, (y * 255) / hgt, 160], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function dayOffset(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const DATA = {
  en: {
    case: 'Torture in Bouchoucha detention centre',
    big: 'Hearing recording (full)',
    photo: 'Photo of the injuries',
    statement: 'Statement of the survivor',
    statementText: 'I was held for nine days.\n<b>This must show as text, not bold.</b>\nسُجنت تسعة أيام.',
    reason: 'Filed with the regional court as annex 4.',
    note: 'Client called: the hearing is moved to the spring.',
    noteEdit: 'Client called: the hearing is moved to April.',
    deadline: 'Reply to the State’s observations',
    overdue: 'Request for interim measures',
    outcome: 'The court ordered compensation for the survivor.',
    indicator: 'Reported beatings per month',
    unit: 'reports',
    evaluation: 'The judgment was cited in two later cases.',
  },
  ar: {
    case: 'التعذيب في مركز احتجاز بوشوشة',
    big: 'تسجيل الجلسة (كامل)',
    photo: 'صورة الإصابات',
    statement: 'إفادة الناجي',
    statementText: 'احتُجزت تسعة أيام.\n<b>يجب أن يظهر هذا نصًا لا خطًا عريضًا.</b>\nI was held for nine days.',
    reason: 'قُدِّم إلى المحكمة الإقليمية بوصفه المرفق 4.',
    note: 'اتصل الموكل: تأجلت الجلسة إلى الربيع.',
    noteEdit: 'اتصل الموكل: تأجلت الجلسة إلى أبريل.',
    deadline: 'الرد على ملاحظات الدولة',
    overdue: 'طلب تدابير مؤقتة',
    outcome: 'أمرت المحكمة بتعويض الناجي.',
    indicator: 'حالات الضرب المبلَّغ عنها شهريًا',
    unit: 'بلاغات',
    evaluation: 'استُشهد بالحكم في قضيتين لاحقتين.',
  },
} as const;

function dialog(p: Page): Locator {
  return p.getByRole('dialog');
}

async function closeDialog(p: Page, L: (k: MessageKey) => string) {
  await dialog(p)
    .getByRole('button', { name: L('action.close') })
    .first()
    .click();
  await dialog(p).waitFor({ state: 'hidden' });
}

/** Add a file through the UI: queue it in main's open dialog, fill the form, submit. */
/** One of a row's actions, through its actions menu. */
async function rowAction(p: Page, lang: Lang, title: string, action: MessageKey): Promise<void> {
  const { L, N } = messages(lang);
  await p.getByRole('button', { name: N('evidence.actions.menuFor', { title }) }).click();
  await p.getByRole('menuitem', { name: L(action) }).click();
}

async function addEvidence(
  p: Page,
  harness: Harness,
  lang: Lang,
  file: string,
  title: string,
  type: string,
): Promise<void> {
  const { L } = messages(lang);
  harness.host.openQueue.push(file);
  await p.getByRole('button', { name: L('evidence.add'), exact: true }).click();
  const d = dialog(p);
  await d.getByRole('heading', { name: L('evidence.intake.title') }).waitFor();
  await d.getByLabel(L('evidence.form.title'), { exact: true }).fill(title);
  await d.getByLabel(L('evidence.form.type'), { exact: true }).selectOption(type);
  await d.getByRole('button', { name: L('evidence.intake.submit') }).click();
  await d.waitFor({ state: 'hidden' });
  await p.locator('.evidence-table tbody tr', { hasText: title }).waitFor();
}

async function walk(lang: Lang) {
  const { L, N } = messages(lang);
  const d = DATA[lang];
  scratch = mkdtempSync(join(tmpdir(), 'cv-case-tabs-'));
  const bigFile = join(scratch, 'hearing-recording.dat');
  const bigBytes = Buffer.alloc(BIG);
  for (let i = 0; i < BIG; i += 4096) bigBytes.writeUInt32BE(i >>> 12, i); // not all zeros
  writeFileSync(bigFile, bigBytes);
  const pngFile = join(scratch, 'injuries.png');
  writeFileSync(pngFile, png(48, 32));
  const textFile = join(scratch, 'statement.txt');
  writeFileSync(textFile, d.statementText);

  h = await startHarness();
  await ok(h, 'vault.create', { passphrase: PASSPHRASE });
  if (lang !== 'en') await ok(h, 'settings.set', { language: lang });
  const kase = await ok<Case>(h, 'cases.create', {
    title: d.case,
    reference: 'TN-2026-11',
    status: 'active',
    forum: 'regional-court',
    country: 'TN',
  });
  // an overdue deadline, seeded, to see that state
  await ok(h, 'deadlines.add', { caseId: kase.id, kind: 'response', title: d.overdue, dueOn: dayOffset(-5) });

  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(h.url);
  await page
    .locator('nav.sidebar a', { hasText: L('nav.cases') })
    .first()
    .click(); // from home to the case list
  await page.getByRole('heading', { level: 1, name: L('cases.title') }).waitFor();
  expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  await page.getByRole('button', { name: new RegExp(escape(d.case)) }).click();
  await expect.poll(async () => plain(await page!.locator('main h1').textContent()), POLL).toContain(d.case);

  // ================= evidence
  await page.getByRole('tab', { name: L('caseDetail.tab.evidence') }).click();
  await page.getByRole('heading', { level: 2, name: L('evidence.title') }).waitFor();
  await page.getByText(L('evidence.none')).waitFor();

  // intake of a 24 MiB file: the form, then a determinate progress bar while the engine encrypts
  h.host.openQueue.push(bigFile);
  await page.getByRole('button', { name: L('evidence.add'), exact: true }).click();
  const intake = dialog(page);
  await intake.getByRole('heading', { name: L('evidence.intake.title') }).waitFor();
  expect(plain(await intake.locator('.chosen-file').textContent())).toContain('hearing-recording.dat');
  await intake.getByLabel(L('evidence.form.title'), { exact: true }).fill(d.big);
  await intake.getByLabel(L('evidence.form.type'), { exact: true }).selectOption('audio');
  await intake.getByLabel(L('evidence.form.source'), { exact: true }).fill('Registry');
  await intake.getByLabel(L('evidence.form.collectedOn'), { exact: true }).fill(dayOffset(-3));
  await checkScreen(page, `case-tabs-evidence-intake-dialog-${lang}`);
  // Record every aria-valuenow the progress bar shows (it may live for only a moment).
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __progress: number[] }).__progress = seen;
    const look = () => {
      for (const el of document.querySelectorAll('[role="progressbar"]')) {
        const v = el.getAttribute('aria-valuenow');
        if (v !== null) seen.push(Number(v));
      }
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    });
  });
  await intake.getByRole('button', { name: L('evidence.intake.submit') }).click();
  await intake.waitFor({ state: 'hidden' });
  const seen = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.every((v) => v >= 0 && v <= 100)).toBe(true);
  expect(Math.min(...seen)).toBeLessThan(100);
  // the success message and the new row
  const added = page.getByRole('status').filter({ hasText: L('evidence.added.title') });
  await added.waitFor();
  const bigSha = createHash('sha256').update(bigBytes).digest('hex');
  expect(plain(await added.textContent())).toContain(bigSha);
  const bigRow = page.locator('.evidence-table tbody tr', { hasText: d.big });
  await bigRow.waitFor();
  expect(plain(await bigRow.textContent())).toContain(L('evidence.type.audio'));
  const stored = await ok<Evidence[]>(h, 'evidence.list', { caseId: kase.id });
  expect(stored.map((e) => [e.title, e.size, e.sha256, e.source])).toEqual([[d.big, BIG, bigSha, 'Registry']]);

  // a photo and a statement
  await addEvidence(page, h, lang, pngFile, d.photo, 'photo');
  await addEvidence(page, h, lang, textFile, d.statement, 'testimony');
  expect(await page.locator('.evidence-table tbody tr').count()).toBe(3);
  await checkScreen(page, `case-tabs-evidence-${lang}`);

  // the viewer: the image
  await rowAction(page, lang, d.photo, 'evidence.action.view');
  const viewer = dialog(page);
  await viewer.getByRole('heading', { name: N('evidence.viewer.title', { title: d.photo }) }).waitFor();
  const img = viewer.locator('img.viewer-image');
  await img.waitFor();
  expect(await img.getAttribute('alt')).toBe(d.photo);
  await expect
    .poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth), POLL)
    .toBe(48);
  await checkScreen(page, `case-tabs-evidence-viewer-image-${lang}`);
  await closeDialog(page, L);

  // the viewer: text, shown as text (the markup in it is not rendered)
  await rowAction(page, lang, d.statement, 'evidence.action.view');
  const pre = dialog(page).locator('.viewer-text pre');
  await pre.waitFor();
  expect(await pre.textContent()).toBe(d.statementText);
  expect(await pre.locator('b').count()).toBe(0);
  await checkScreen(page, `case-tabs-evidence-viewer-text-${lang}`);
  await closeDialog(page, L);

  // each opening is a new one-time URL: the image again
  await rowAction(page, lang, d.photo, 'evidence.action.view');
  await expect
    .poll(
      () =>
        dialog(page!)
          .locator('img.viewer-image')
          .evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth),
      POLL,
    )
    .toBe(48);
  await closeDialog(page, L);

  // the viewer on a type it cannot show offers an export
  await rowAction(page, lang, d.big, 'evidence.action.view');
  await dialog(page).getByText(L('evidence.viewer.cannotShow')).waitFor();
  await checkScreen(page, `case-tabs-evidence-viewer-unsupported-${lang}`);
  await closeDialog(page, L);

  // verification, with its verdict in words
  await rowAction(page, lang, d.photo, 'evidence.action.verify');
  await dialog(page).getByText(L('evidence.verify.match')).waitFor();
  await checkScreen(page, `case-tabs-evidence-verify-dialog-${lang}`);
  await closeDialog(page, L);

  // export a decrypted copy of the statement, with a reason
  const exported = join(scratch, 'statement-copy.txt');
  h.host.saveQueue.push(exported);
  await rowAction(page, lang, d.statement, 'evidence.action.export');
  const exp = dialog(page);
  await exp.getByLabel(L('evidence.export.reason'), { exact: true }).fill(d.reason);
  await checkScreen(page, `case-tabs-evidence-export-dialog-${lang}`);
  await exp.getByRole('button', { name: L('evidence.export.submit') }).click();
  await exp.getByText(L('evidence.export.done')).waitFor();
  expect(readFileSync(exported, 'utf8')).toBe(d.statementText);
  await closeDialog(page, L);

  // the custody log of the photo, on its page: received, viewed twice, verified; the chain holds
  await page.getByRole('button', { name: d.photo, exact: true }).click();
  const custody = page.locator('.evidence-page');
  await custody.locator('.custody-table').waitFor();
  const actions = (await custody.locator('.custody-table tbody tr td:nth-child(3)').allTextContents()).map(plain);
  expect(actions).toEqual([
    L('evidence.custody.action.received'),
    L('evidence.custody.action.viewed'),
    L('evidence.custody.action.viewed'),
    L('evidence.custody.action.verified'),
  ]);
  await custody.getByText(L('evidence.custody.chainOk'), { exact: true }).waitFor();
  await checkScreen(page, `case-tabs-evidence-custody-${lang}`);
  // …exported as CSV through a save handle
  const csv = join(scratch, 'photo-custody.csv');
  h.host.saveQueue.push(csv);
  await custody.getByRole('button', { name: L('evidence.custody.exportCsv') }).click();
  await custody.getByRole('status').filter({ hasText: 'photo-custody.csv' }).waitFor();
  expect(existsSync(csv)).toBe(true);
  expect(
    readFileSync(csv, 'utf8')
      .split('\n')
      .filter((l) => l.includes('viewed')).length,
  ).toBe(2);
  await page.getByRole('button', { name: L('evidence.page.back') }).click();
  await page.getByRole('heading', { level: 2, name: L('evidence.title') }).waitFor();

  // the statement's log shows the view and the export with its reason recorded
  const statementId = (await ok<Evidence[]>(h, 'evidence.list', { caseId: kase.id })).find(
    (e) => e.title === d.statement,
  )!.id;
  const log = await ok<{ events: Array<{ action: string; details: Record<string, unknown> }> }>(
    h,
    'evidence.custodyLog',
    { id: statementId },
  );
  expect(log.events.map((e) => e.action)).toEqual(['received', 'viewed', 'exported']);
  expect(JSON.stringify(log.events[2]!.details)).toContain(d.reason);

  // ================= notes
  await page.getByRole('tab', { name: L('caseDetail.tab.notes') }).click();
  await page.getByRole('heading', { level: 2, name: L('notes.title') }).waitFor();
  await page.getByLabel(L('notes.form.body'), { exact: true }).fill(d.note);
  await page.getByLabel(L('notes.form.author'), { exact: true }).fill('A.K.');
  await page.getByRole('button', { name: L('notes.form.add') }).click();
  const notes = page.locator('.note-list > li');
  await expect.poll(() => notes.count(), POLL).toBe(1);
  expect(plain(await notes.first().locator('.note-body').textContent())).toBe(d.note);
  expect(plain(await notes.first().locator('.note-meta').textContent())).toContain(L('notes.by', { author: 'A.K.' }));
  await page.getByText(L('notes.saved')).waitFor();
  await page.getByText(N('notes.count', { count: 1 })).waitFor();
  // edit it
  await notes
    .first()
    .getByRole('button', { name: L('action.edit') })
    .click();
  await notes.first().getByLabel(L('notes.form.body'), { exact: true }).fill(d.noteEdit);
  await notes
    .first()
    .getByRole('button', { name: L('action.save') })
    .click();
  await expect.poll(async () => plain(await notes.first().locator('.note-body').textContent()), POLL).toBe(d.noteEdit);
  const noteList = await ok<{ items: Array<{ body: string; version: number }> }>(h, 'notes.list', { caseId: kase.id });
  expect(noteList.items.map((n) => [n.body, n.version])).toEqual([[d.noteEdit, 2]]);
  await checkScreen(page, `case-tabs-notes-${lang}`);

  // ================= deadlines
  await page.getByRole('tab', { name: L('caseDetail.tab.deadlines') }).click();
  await page.getByRole('heading', { level: 2, name: L('deadlines.title') }).waitFor();
  const overdueRow = page.locator('.deadlines-table tbody tr', { hasText: d.overdue });
  await overdueRow.waitFor();
  expect(plain(await overdueRow.locator('.badge').textContent())).toBe(L('deadlines.state.overdue'));
  expect(plain(await overdueRow.textContent())).toContain(L('deadlines.overdueBy', { days: 5 }));
  await page.getByRole('button', { name: L('deadlines.add'), exact: true }).click();
  const addDl = dialog(page);
  await addDl.getByLabel(L('deadlines.form.title'), { exact: true }).fill(d.deadline);
  await addDl.getByLabel(L('deadlines.form.kind'), { exact: true }).selectOption('filing');
  await addDl.getByLabel(L('deadlines.form.dueOn'), { exact: true }).fill(dayOffset(10));
  await checkScreen(page, `case-tabs-deadlines-add-dialog-${lang}`);
  await addDl.getByRole('button', { name: L('deadlines.form.add') }).click();
  await addDl.waitFor({ state: 'hidden' });
  const newRow = page.locator('.deadlines-table tbody tr', { hasText: d.deadline });
  await newRow.waitFor();
  expect(plain(await newRow.locator('.badge').textContent())).toBe(L('deadlines.state.due-soon'));
  expect(plain(await newRow.textContent())).toContain(L('deadlines.dueIn', { days: 10 }));
  await checkScreen(page, `case-tabs-deadlines-${lang}`);
  // mark it done
  await newRow.getByRole('button', { name: N('deadlines.markDoneItem', { title: d.deadline }) }).click();
  const done = dialog(page);
  await done.getByLabel(L('deadlines.complete.status'), { exact: true }).waitFor();
  await checkScreen(page, `case-tabs-deadlines-done-dialog-${lang}`);
  await done.getByRole('button', { name: L('deadlines.complete.submit') }).click();
  await done.waitFor({ state: 'hidden' });
  await expect
    .poll(async () => plain(await newRow.locator('.badge').textContent()), POLL)
    .toBe(L('deadlines.state.met'));
  expect(await newRow.getByRole('button').count()).toBe(0);
  const dls = await ok<DeadlineItem[]>(h, 'deadlines.list', { caseId: kase.id });
  expect(dls.map((x) => [x.title, x.status])).toEqual([
    [d.overdue, 'open'],
    [d.deadline, 'met'],
  ]);

  // ================= outcomes
  await page.getByRole('tab', { name: L('caseDetail.tab.outcomes') }).click();
  await page.getByRole('heading', { level: 2, name: L('outcomes.title') }).waitFor();
  await page.getByRole('button', { name: L('outcomes.add'), exact: true }).click();
  const addO = dialog(page);
  await addO.getByLabel(L('outcomes.form.kind'), { exact: true }).selectOption('compensation');
  await addO.getByLabel(L('outcomes.form.description'), { exact: true }).fill(d.outcome);
  await addO.getByLabel(L('outcomes.form.achievedOn'), { exact: true }).fill(dayOffset(-30));
  await addO.getByLabel(L('outcomes.form.currency'), { exact: true }).selectOption('EUR');
  await addO.getByLabel(L('outcomes.form.awarded'), { exact: true }).fill('1500.5');
  await addO.getByLabel(L('outcomes.form.paid'), { exact: true }).fill('500');
  await checkScreen(page, `case-tabs-outcomes-add-dialog-${lang}`);
  await addO.getByRole('button', { name: L('outcomes.form.add') }).click();
  await addO.waitFor({ state: 'hidden' });
  const oRow = page.locator('.outcomes-table tbody tr', { hasText: d.outcome });
  await oRow.waitFor();
  const money = await page.evaluate((l) => {
    const f = new Intl.NumberFormat(l, {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    return [f.format(1500.5), f.format(500)];
  }, lang);
  expect(plain(await oRow.locator('td').nth(3).textContent())).toBe(money[0]);
  expect(plain(await oRow.locator('td').nth(4).textContent())).toBe(money[1]);
  expect(plain(await oRow.textContent())).toContain(L('outcomes.kind.compensation'));
  const outcomes = await ok<OutcomeItem[]>(h, 'outcomes.list', { caseId: kase.id });
  expect(outcomes.map((o) => [o.kind, o.currency, o.amountAwardedMinor, o.amountPaidMinor])).toEqual([
    ['compensation', 'EUR', 150050, 50000],
  ]);

  // an indicator, then two observations through its form
  await page.getByRole('button', { name: L('outcomes.indicators.add'), exact: true }).click();
  const addI = dialog(page);
  await addI.getByLabel(L('outcomes.indicators.form.name'), { exact: true }).fill(d.indicator);
  await addI.getByLabel(L('outcomes.indicators.dimension'), { exact: true }).selectOption('community');
  await addI.getByLabel(L('outcomes.indicators.form.unit'), { exact: true }).fill(d.unit);
  await addI.getByLabel(L('outcomes.indicators.baseline'), { exact: true }).fill('40');
  await addI.getByLabel(L('outcomes.indicators.target'), { exact: true }).fill('10');
  await addI.getByLabel(L('outcomes.indicators.outcome'), { exact: true }).selectOption({ index: 1 });
  await checkScreen(page, `case-tabs-outcomes-indicator-dialog-${lang}`);
  await addI.getByRole('button', { name: L('outcomes.indicators.form.add') }).click();
  await addI.waitFor({ state: 'hidden' });
  const card = page.locator('article.indicator', { hasText: d.indicator });
  await card.waitFor();
  await card.getByText(L('outcomes.chart.noData')).waitFor();
  const observe = async (day: string, value: string, count: number) => {
    await card.getByLabel(L('outcomes.observation.on'), { exact: true }).fill(day);
    await card.getByLabel(N('outcomes.observation.valueUnit', { unit: d.unit })).fill(value);
    await card.getByRole('button', { name: L('outcomes.observation.submit') }).click();
    await expect.poll(() => card.locator('table.visually-hidden tbody tr').count(), POLL).toBe(count);
  };
  const first = dayOffset(-60);
  const last = dayOffset(-10);
  await observe(first, '34', 1);
  await observe(last, '22', 2);

  // the chart: an image named by its title and described by its desc, a hidden table of the values
  const svg = card.locator('svg[role="img"]');
  await svg.waitFor();
  const labelled = (await svg.getAttribute('aria-labelledby'))!.split(' ');
  expect(labelled).toHaveLength(2);
  expect(plain(await svg.locator('title').textContent())).toBe(
    L('outcomes.chart.titleUnit', { name: d.indicator, unit: d.unit }),
  );
  const fmtDay = (day: string) =>
    new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00.000Z`));
  const num = (n: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(n);
  const desc = plain(await svg.locator('desc').textContent());
  expect(desc).toBe(
    L('outcomes.chart.desc', {
      count: 2,
      first: fmtDay(first),
      last: fmtDay(last),
      min: num(22),
      max: num(34),
      latest: num(22),
      baseline: num(40),
      target: num(10),
    }),
  );
  expect(await card.locator('table.visually-hidden tbody tr td:nth-child(2)').allTextContents()).toEqual([
    num(34),
    num(22),
  ]);
  expect(await svg.locator('circle').count()).toBe(2);
  expect(await svg.locator('polyline').count()).toBe(1);
  // progress (40 → 10, latest 22: 60 % of the way)
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(0.6);
  expect(plain(await card.textContent())).toContain(L('outcomes.indicators.progressValue', { percent }));
  // time runs in the reading direction: left to right in English, right to left in Arabic
  const plot = svg.locator('[data-testid="chart-plot"]');
  const circles = await svg.locator('circle').evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().x));
  if (lang === 'ar') {
    expect(await plot.getAttribute('transform')).toContain('scale(-1 1)');
    expect(circles[0]!).toBeGreaterThan(circles[1]!);
  } else {
    expect(await plot.getAttribute('transform')).toBeNull();
    expect(circles[0]!).toBeLessThan(circles[1]!);
  }
  await page.getByRole('heading', { level: 2, name: L('outcomes.indicators.title') }).scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('#indicators-heading')?.scrollIntoView({ block: 'start' }));
  await checkScreen(page, `case-tabs-outcomes-indicators-${lang}`);
  const detail = await ok<IndicatorDetail[]>(h, 'outcomes.listIndicators', { caseId: kase.id });
  expect(detail.map((i) => [i.name, i.latestValue, i.observationCount, i.outcomeId])).toEqual([
    [d.indicator, 22, 2, outcomes[0]!.id],
  ]);

  // the case evaluation
  await page.getByLabel(L('outcomes.evaluation.summary'), { exact: true }).fill(d.evaluation);
  await page.getByRole('button', { name: L('outcomes.evaluation.save') }).click();
  await page.getByText(L('outcomes.evaluation.saved')).waitFor();
  const evaluation = await ok<{ summary: string; version: number }>(h, 'outcomes.getEvaluation', { caseId: kase.id });
  expect([evaluation.summary, evaluation.version]).toEqual([d.evaluation, 1]);
  await checkScreen(page, `case-tabs-outcomes-${lang}`);
}

describe('case tabs: evidence, notes, deadlines, outcomes (Chromium)', () => {
  it('walks the tabs in English', async () => {
    await walk('en');
  }, 240_000);

  it('walks the tabs in Arabic, right to left', async () => {
    await walk('ar');
  }, 240_000);
});
