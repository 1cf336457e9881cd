/**
 * reports.* through the real router (Shell → dispatch → engine) on a real vault: the scope
 * options, a preview (model, HTML, redactions, cases left out — and nothing written), a report
 * written in each format through a save-dialog handle (the answer names the file, never its
 * folder; the bytes on disk are the ones described; an audit entry each), and the refusals —
 * k below 5, an empty scope, a period with no data, a PDF in a script without a font, an existing file, a handle
 * that is not from the save dialog, a locked vault — each with its code and no file left behind.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import { pdfToText } from '../engine/reports/output-text.js';
import type { Case } from '../../shared/domain/cases.js';
import type { Person } from '../../shared/domain/people.js';
import { TOLD_ELEMENTS } from '../../shared/domain/consents.js';
import type { ReportPreviewOutput, ReportScopeOptions, ReportWrittenOutput } from '../../shared/ipc/areas/reports.js';
import { CONTRACT } from '../../shared/ipc/contract.js';
import { appCsp, REPORT_STYLE_SOURCE } from '../../src-main/app/core/app-protocol.js';
import { CSS as REPORT_STYLESHEET } from '../../src-main/engine/reports/render-html.js';

const NOW = new Date('2026-11-21T12:00:00.000Z');
const PERIOD = { from: '2026-01-01', to: '2026-06-30' } as const;
const MARK = 'QZXR';

let v: IpcVault | undefined;
let outside: string | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
  if (outside) rmSync(outside, { recursive: true, force: true });
  outside = undefined;
});

/** A folder outside the vault, as the user's own files are. */
function userFolder(): string {
  outside = mkdtempSync(join(tmpdir(), 'cv-ipc-report-'));
  return outside;
}

async function saveHandle(
  vault: IpcVault,
  path: string,
  kind: 'report-pdf' | 'report-csv' | 'report-html',
): Promise<string> {
  vault.host.saveQueue.push(path);
  const t = await vault.ok<{ handle: string; name: string } | null>('files.chooseSaveTarget', {
    suggestedName: 'donor-report',
    kind,
  });
  if (!t) throw new Error('no target chosen');
  return t.handle;
}

async function auditActions(vault: IpcVault): Promise<string[]> {
  const page = await vault.ok<{ items: Array<{ action: string }> }>('audit.list', { limit: 500 });
  return page.items.map((e) => e.action);
}

/**
 * Fifteen active cases of project P1 (donor code D-77), opened 2026-02-10, each with one survivor
 * who consented to donor reporting: eight women, six men and one non-binary person (a cell below 5),
 * born 1990, in Kenya. The first case's summary names its survivor (a pseudonym in the story).
 * One more P1 case whose survivor never consented (left out), and one case of project P2.
 * Every name carries MARK so that the outputs can be searched for it.
 */
async function seed(vault: IpcVault): Promise<{ cases: Case[]; withoutConsent: Case; people: Person[] }> {
  const cases: Case[] = [];
  const people: Person[] = [];
  for (let i = 1; i <= 15; i++) {
    const summary = i === 1 ? `Amina ${MARK}1 Otieno was detained for three weeks. The court ordered her release.` : '';
    const c = await vault.ok<Case>('cases.create', {
      title: `Case ${MARK}${i}`,
      reference: `RA-${i}`,
      project: 'P1',
      donorCode: 'D-77',
      tags: ['wash'],
      summary,
      openedOn: '2026-02-10',
      forum: 'domestic-court',
      stage: 'merits',
    });
    const gender = i <= 8 ? 'female' : i <= 14 ? 'male' : 'non-binary';
    const p = await vault.ok<Person>('people.create', {
      fullName: `Amina ${MARK}${i} Otieno`,
      gender,
      birthDate: '1990',
      country: 'KE',
    });
    await vault.ok('people.link', { personId: p.id, caseId: c.id, role: 'survivor' });
    await vault.ok('consents.add', {
      personId: p.id,
      caseId: c.id,
      purpose: 'donor-reporting',
      told: [...TOLD_ELEMENTS],
      method: 'written',
      givenAt: '2026-01-05',
    });
    cases.push(c);
    people.push(p);
  }
  const withoutConsent = await vault.ok<Case>('cases.create', {
    title: `Case ${MARK}NC`,
    reference: 'RB-1',
    project: 'P1',
    tags: ['land'],
    openedOn: '2026-02-10',
    forum: 'domestic-court',
    stage: 'merits',
  });
  const p = await vault.ok<Person>('people.create', {
    fullName: `Joseph ${MARK}NC Kamau`,
    gender: 'male',
    birthDate: '1980',
    country: 'TZ',
  });
  await vault.ok('people.link', { personId: p.id, caseId: withoutConsent.id, role: 'survivor' });
  people.push(p);
  await vault.ok<Case>('cases.create', {
    title: 'Other project',
    reference: 'RC-1',
    project: 'P2',
    openedOn: '2026-03-01',
  });
  return { cases, withoutConsent, people };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('the reports area of the contract', () => {
  it('has exactly scopeOptions, preview and write; write takes a save-dialog handle', () => {
    expect(Object.keys(CONTRACT.reports).sort()).toEqual(['preview', 'scopeOptions', 'write']);
    expect(CONTRACT.reports.write.fileFields).toEqual({ target: 'save' });
    expect(CONTRACT.reports.preview.fileFields).toEqual({});
    for (const spec of Object.values(CONTRACT.reports))
      expect(spec).toMatchObject({ handler: 'engine', unlocked: true });
  });

  it('the app’s CSP admits the report’s own stylesheet by its hash, and no other inline style', () => {
    const directives = new Map(
      appCsp()
        .split('; ')
        .map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)] as const),
    );
    const hash = `'sha256-${createHash('sha256').update(REPORT_STYLESHEET, 'utf8').digest('base64')}'`;
    expect(REPORT_STYLE_SOURCE).toBe(hash);
    expect(directives.get('style-src')).toEqual(["'self'", hash]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(appCsp()).not.toContain('unsafe-inline');
    expect(appCsp()).not.toContain('unsafe-hashes');
    // the only other places the hash may appear: nowhere
    for (const [name, sources] of directives) if (name !== 'style-src') expect(sources, name).not.toContain(hash);
  });
});

describe('reports.* through the router', () => {
  it('offers the tags, projects and donor codes that cases carry', async () => {
    v = await ipcVault({ now: () => NOW });
    expect(await v.ok<ReportScopeOptions>('reports.scopeOptions')).toEqual({ tags: [], projects: [], donorCodes: [] });
    await seed(v);
    expect(await v.ok<ReportScopeOptions>('reports.scopeOptions')).toEqual({
      tags: ['land', 'wash'],
      projects: ['P1', 'P2'],
      donorCodes: ['D-77'],
    });
    expect(await v.call('reports.scopeOptions', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('previews: the model, its HTML, the redactions and the case left out — and writes nothing', async () => {
    v = await ipcVault({ now: () => NOW });
    const { withoutConsent } = await seed(v);
    const before = await auditActions(v);
    const files = readdirSync(v.dir).sort();

    const p = await v.ok<ReportPreviewOutput>('reports.preview', { ...PERIOD, projects: ['P1'], language: 'en' });
    expect(p.model.k).toBe(5);
    expect(p.model.language).toBe('en');
    expect(p.model.dir).toBe('ltr');
    expect(p.model.scope.projects).toEqual(['P1']);
    expect(p.model.summary.map((r) => [r.key, r.cell])).toEqual([
      ['cases-opened', { state: 'value', value: 15 }],
      ['cases-active', { state: 'value', value: 15 }],
      ['cases-closed', { state: 'value', value: 0 }],
      ['people-supported', { state: 'value', value: 15 }],
    ]);
    // one non-binary person: "< 5"; the eight women hidden with it, so that it cannot be worked out from the total
    const gender = p.model.tables.find((t) => t.id === 'people-by-gender')!;
    expect(gender.withheld).toBeNull();
    expect(gender.total).toEqual({ state: 'value', value: 15 });
    expect(Object.fromEntries(gender.rows.map((r) => [r.key, r.cell]))).toMatchObject({
      female: { state: 'hidden' },
      male: { state: 'value', value: 6 },
      'non-binary': { state: 'small' },
    });
    expect(p.redactions).toEqual(
      expect.arrayContaining([
        { kind: 'name', where: expect.any(String), caseReference: 'RA-1', count: 1 },
        { kind: 'small-cell', where: expect.stringContaining('people-by-gender'), caseReference: null, count: 1 },
        { kind: 'hidden-cell', where: expect.stringContaining('people-by-gender'), caseReference: null, count: 1 },
      ]),
    );
    // the one story told: its survivor is "Person A"
    expect(p.model.vignettes.map((x) => x.paragraphs)).toEqual([
      ['Person A was detained for three weeks. The court ordered her release.'],
    ]);
    expect(p.leftOut).toEqual([
      { caseId: withoutConsent.id, caseReference: 'RB-1', from: 'report', reason: 'consent-absent', people: 1 },
    ]);

    expect(p.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(p.html).toContain(`<style>${REPORT_STYLESHEET}</style>`);
    expect(p.html).not.toMatch(/<script/i);
    expect(p.html).not.toContain(MARK);
    expect(p.html).not.toContain('RB-1');
    expect(p.html).not.toContain('RA-');
    expect(JSON.stringify(p.model)).not.toContain(MARK);

    expect(await auditActions(v)).toEqual(before);
    expect(readdirSync(v.dir).sort()).toEqual(files);
  });

  it('previews in Arabic, right to left, and writes an Arabic PDF', async () => {
    v = await ipcVault({ now: () => NOW });
    await seed(v);
    const p = await v.ok<ReportPreviewOutput>('reports.preview', { ...PERIOD, language: 'ar' });
    expect(p.model.dir).toBe('rtl');
    expect(p.html).toContain('<html lang="ar" dir="rtl">');
    expect(p.html).not.toContain(MARK);
    const out = join(userFolder(), 'ar.pdf');
    await v.ok('reports.write', {
      ...PERIOD,
      language: 'ar',
      format: 'pdf',
      target: await saveHandle(v, out, 'report-pdf'),
    });
    expect(pdfToText(readFileSync(out)).replace(/[\u200e\u200f\u202a-\u202e]/g, '')).toContain(p.model.title);
  });

  it.each(['html', 'csv', 'pdf'] as const)(
    'writes the report as %s through a save handle, with an audit entry',
    async (format) => {
      v = await ipcVault({ now: () => NOW });
      await seed(v);
      const folder = userFolder();
      const out = join(folder, `donor report.${format}`);
      const before = await auditActions(v);
      const target = await saveHandle(v, out, `report-${format}`);

      const written = await v.ok<ReportWrittenOutput>('reports.write', {
        ...PERIOD,
        projects: ['P1'],
        donorCodes: ['D-77'],
        k: 5,
        language: 'en',
        format,
        target,
      });
      const bytes = readFileSync(out);
      expect(written).toEqual({
        name: `donor report.${format}`,
        format,
        bytes: bytes.length,
        sha256: sha256(bytes),
        redactions: expect.any(Number),
        leftOut: 0,
      });
      expect(written.redactions).toBeGreaterThan(0);
      expect(JSON.stringify(written)).not.toContain(folder);
      expect(readdirSync(folder)).toEqual([`donor report.${format}`]);
      expect(bytes.includes(Buffer.from(MARK))).toBe(false);
      if (format === 'pdf') expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (format === 'html') expect(bytes.toString('utf8').startsWith('<!DOCTYPE html>')).toBe(true);
      if (format === 'csv') expect(bytes.toString('utf8')).toMatch(/^\uFEFF?section,/);

      const after = await auditActions(v);
      expect(after.length).toBe(before.length + 1);
      expect(after).toContain('report.donor-written');
      // a second write through the same handle finds the file there: refused, the first left as it was
      expect(await v.call('reports.write', { ...PERIOD, format, target })).toMatchObject({
        ok: false,
        error: { code: 'EXPORT_TARGET_EXISTS' },
      });
      expect(readFileSync(out).equals(bytes)).toBe(true);
    },
  );

  it('refuses k below 5, an empty scope and a period with no data, in words, and writes nothing', async () => {
    v = await ipcVault({ now: () => NOW });
    await seed(v);
    const folder = userFolder();
    const before = await auditActions(v);
    const refusals: Array<[Record<string, unknown>, string]> = [
      [{ ...PERIOD, k: 4 }, 'REPORT_K_TOO_SMALL'],
      [{ ...PERIOD, k: 0 }, 'REPORT_K_TOO_SMALL'],
      [{ ...PERIOD, tags: ['no-such-tag'] }, 'REPORT_EMPTY_SCOPE'],
      [{ ...PERIOD, donorCodes: ['D-00'] }, 'REPORT_EMPTY_SCOPE'],
      [{ from: '2019-01-01', to: '2019-12-31' }, 'REPORT_NO_DATA'],
      [{ from: '2026-06-30', to: '2026-01-01' }, 'REPORT_PERIOD_INVALID'],
    ];
    for (const [scope, code] of refusals) {
      const preview = await v.call('reports.preview', scope);
      expect(preview, `${code} preview`).toMatchObject({ ok: false, error: { code } });
      if (!preview.ok) expect(preview.error.message.length).toBeGreaterThan(20);
      for (const format of ['html', 'csv', 'pdf'] as const) {
        const out = join(folder, `r.${format}`);
        const target = await saveHandle(v, out, `report-${format}`);
        expect(await v.call('reports.write', { ...scope, format, target }), `${code} ${format}`).toMatchObject({
          ok: false,
          error: { code },
        });
        expect(existsSync(out)).toBe(false);
      }
    }
    expect(readdirSync(folder)).toEqual([]);
    expect(await auditActions(v)).toEqual(before);
  });

  it('refuses a PDF in a script it has no font for, an existing file, a handle from an open dialog, a raw path and a locked vault', async () => {
    v = await ipcVault({ now: () => NOW });
    await seed(v);
    const folder = userFolder();
    const before = await auditActions(v);

    const pdf = join(folder, 'zh.pdf');
    expect(
      await v.call('reports.write', {
        ...PERIOD,
        title: '捐助者报告',
        format: 'pdf',
        target: await saveHandle(v, pdf, 'report-pdf'),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'REPORT_SCRIPT_UNSUPPORTED' },
    });
    expect(existsSync(pdf)).toBe(false);

    const existing = join(folder, 'existing.html');
    writeFileSync(existing, 'mine');
    expect(
      await v.call('reports.write', {
        ...PERIOD,
        format: 'html',
        target: await saveHandle(v, existing, 'report-html'),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'EXPORT_TARGET_EXISTS' },
    });
    expect(readFileSync(existing, 'utf8')).toBe('mine');

    v.host.openQueue.push(existing);
    const opened = await v.ok<{ handle: string }>('files.chooseOpen', { kind: 'bundle' });
    expect(await v.call('reports.write', { ...PERIOD, format: 'html', target: opened.handle })).toMatchObject({
      ok: false,
      error: { code: 'FILE_HANDLE_INVALID' },
    });
    expect(
      await v.call('reports.write', { ...PERIOD, format: 'html', target: join(folder, 'raw.html') }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await v.call('reports.write', {
        ...PERIOD,
        format: 'docx',
        target: await saveHandle(v, join(folder, 'x.docx'), 'report-html'),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(readFileSync(existing, 'utf8')).toBe('mine');
    expect(readdirSync(folder).sort()).toEqual(['existing.html']);
    expect(statSync(existing).size).toBe(4);
    expect(await auditActions(v)).toEqual(before);

    await v.ok('session.lock');
    expect(await v.call('reports.preview', PERIOD)).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await v.call('reports.scopeOptions')).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });
});
