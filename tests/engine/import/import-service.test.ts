// Importing spreadsheets through the services: preview changes nothing and predicts the run;
// the run commits in audited batches, refuses rows one by one with a code and a sentence, writes
// the refused rows beside a summary, recognises a file imported before, updates by id or
// reference, flags likely duplicate people, links people to cases, and stops when cancelled.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src-main/engine/audit/audit-log.js';
import { createCase, getCase } from '../../../src-main/engine/cases/case-service.js';
import type { DomainContext } from '../../../src-main/engine/domain/context.js';
import {
  BATCH_ROWS,
  type ImportRequest,
  listMappings,
  previewImport,
  runImport,
} from '../../../src-main/engine/import/import-service.js';
import { exportListCsv } from '../../../src-main/engine/lists/list-export.js';
import { createPerson } from '../../../src-main/engine/people/person-service.js';
import { codeOf, tempDir } from '../../helpers.js';
import { newDomain, type TestDomain } from '../domain-helpers.js';

const FIXTURES = path.resolve('tests/fixtures/import');
const fixture = (name: string) => path.join(FIXTURES, name);

let d: TestDomain;
let ctx: DomainContext;
let out: string;

beforeEach(async () => {
  d = await newDomain();
  ctx = d.ctx;
  out = tempDir();
});

function write(name: string, text: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

const run = (req: ImportRequest, opts: Parameters<typeof runImport>[2] = {}) =>
  runImport(ctx, req, { reportDir: out, ...opts });

describe('preview', () => {
  it('proposes the mapping, predicts every row and changes nothing', async () => {
    const audit = d.auditCount();
    const p = await previewImport(ctx, { file: fixture('cases-fr-utf8-bom.csv'), kind: 'cases' });
    expect(p.format).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ',' });
    expect(p.mapping).toMatchObject({ reference: 'Référence', title: 'Titre', tags: 'Étiquettes' });
    expect(p.counts).toEqual({ rows: 3, create: 3, update: 0, unchanged: 0, refuse: 0 });
    expect(p.rows.map((r) => [r.line, r.action, r.reference])).toEqual([
      [2, 'create', 'IMP-001'],
      [3, 'create', 'IMP-002'],
      [4, 'create', 'IMP-003'],
    ]);
    expect(d.rows('cases')).toBe(0);
    expect(d.rows('imported_files')).toBe(0);
    expect(d.auditCount()).toBe(audit);
  });

  it('a row repeating a reference of an earlier batch is shown as the update the run will make', async () => {
    const rows = Array.from({ length: BATCH_ROWS + 5 }, (_, i) => `R-${i},Case ${i}`);
    rows.push('R-0,Case 0 again');
    const file = write('cases.csv', ['reference,title', ...rows].join('\n'));
    const p = await previewImport(ctx, { file, kind: 'cases' });
    expect(p.counts).toMatchObject({ create: BATCH_ROWS + 5, update: 1 });
    expect(p.rows.at(-1)).toMatchObject({ line: BATCH_ROWS + 7, action: 'update', reference: 'R-0' });
    expect(d.rows('cases')).toBe(0);
  });
});

describe('run', () => {
  it('creates through the service, audits batches with counts and the hash only, writes a summary', async () => {
    const o = await run({ file: fixture('cases-fr-utf8-bom.csv'), kind: 'cases' });
    expect(o.status).toBe('complete');
    expect(o.counts).toEqual({ rows: 3, create: 3, update: 0, unchanged: 0, refuse: 0 });
    expect(o.refusedFile).toBeNull();
    const c = getCase(
      ctx,
      (ctx.db.prepare("SELECT id FROM cases WHERE reference = 'IMP-001'").get() as { id: string }).id,
    );
    expect(c).toMatchObject({
      title: 'Détention arbitraire à Tunis',
      status: 'active',
      country: 'TN',
      openedOn: '2024-03-01',
    });
    expect(c.tags).toEqual(['détention', 'torture']);
    const entries = listAudit(ctx.db);
    const actions = entries.map((e) => e.action).filter((a) => a.startsWith('import.') || a === 'case.created');
    expect(actions).toEqual([
      'import.started',
      'case.created',
      'case.created',
      'case.created',
      'import.batch',
      'import.finished',
    ]);
    const batch = entries.find((e) => e.action === 'import.batch')!;
    expect(batch.details).toEqual({
      kind: 'cases',
      batch: 1,
      sha256: o.sha256,
      rows: 3,
      create: 3,
      update: 0,
      unchanged: 0,
      refuse: 0,
    });
    expect(JSON.stringify(entries)).not.toMatch(/Tunis|IMP-001|Référence/);
    const summary = fs.readFileSync(o.summaryFile!, 'utf8');
    expect(path.dirname(o.summaryFile!)).toBe(out);
    expect(summary).toContain(`SHA-256:    ${o.sha256}`);
    expect(summary).toMatch(/Created:\s+3/);
    expect(fs.readdirSync(out)).toEqual([path.basename(o.summaryFile!)]);
  });

  it('the same bytes twice: IMPORT_ALREADY_IMPORTED, unless again; then nothing changes', async () => {
    const file = fixture('cases-fr-utf8-bom.csv');
    await run({ file, kind: 'cases' });
    const before = d.auditCount();
    expect(await codeOf(run({ file, kind: 'cases' }))).toBe('IMPORT_ALREADY_IMPORTED');
    expect(d.auditCount()).toBe(before);
    expect((await previewImport(ctx, { file, kind: 'cases' })).earlier).toHaveLength(1);
    const again = await run({ file, kind: 'cases' }, { again: true });
    expect(again.counts).toMatchObject({ create: 0, unchanged: 3 });
    expect(d.rows('cases')).toBe(3);
  });

  it('updates by id and by reference; an unknown id and a status change are row errors', async () => {
    const a = createCase(ctx, { title: 'Old title', reference: 'KEEP-1', status: 'enquiry' });
    const b = createCase(ctx, { title: 'Other', reference: 'KEEP-2' });
    const file = write(
      'updates.csv',
      [
        'id,reference,title,status,sensitivity',
        `${a.id},,New title,,extreme`,
        `,KEEP-2,Renamed by reference,,`,
        `0190a3c4-0000-7000-8000-000000000000,,Ghost,,`,
        `not-an-id,,Ghost,,`,
        `${a.id},,New title,closed,`,
        `${a.id},OTHER-REF,New title,,`,
      ].join('\r\n'),
    );
    const o = await run({ file, kind: 'cases' });
    expect(getCase(ctx, a.id)).toMatchObject({
      title: 'New title',
      sensitivity: 'extreme',
      version: 2,
      status: 'enquiry',
    });
    expect(getCase(ctx, b.id).title).toBe('Renamed by reference');
    expect(o.counts).toMatchObject({ create: 0, update: 2, refuse: 4 });
    expect(o.refused.map((r) => [r.line, r.code])).toEqual([
      [4, 'IMPORT_UNKNOWN_ID'],
      [5, 'IMPORT_UNKNOWN_ID'],
      [6, 'IMPORT_NOT_UPDATABLE'],
      [7, 'IMPORT_NOT_UPDATABLE'],
    ]);
    expect(d.rows('cases')).toBe(2);
    expect(o.refused[0]!.message).toMatch(/never creates one under a given id/);
  });

  it('a hostile file: one error per row with a code and a sentence; the refused rows in a CSV, formulas neutralised', async () => {
    const o = await run({ file: fixture('cases-malformed.csv'), kind: 'cases' });
    // line 12 opens a quote never closed: it and line 13 are one record, refused once
    expect(o.counts).toMatchObject({ rows: 10, create: 2, refuse: 8 });
    expect(o.refused.map((r) => [r.line, r.code])).toEqual([
      [3, 'IMPORT_ROW_RAGGED'],
      [4, 'IMPORT_FORMULA'],
      [5, 'INVALID_INPUT'],
      [6, 'INVALID_INPUT'],
      [7, 'IMPORT_ROW_MALFORMED'],
      [8, 'IMPORT_ROW_MALFORMED'],
      [9, 'INVALID_INPUT'],
      [12, 'IMPORT_ROW_MALFORMED'],
    ]);
    expect(o.refused.find((r) => r.line === 5)!.message).toBe(
      'Column “openedOn” (openedOn): is not a real calendar date.',
    );
    expect(o.refused.find((r) => r.line === 6)!.message).toMatch(
      /^Column “status” \(status\): must be one of: enquiry, /,
    );
    expect(d.rows('cases')).toBe(2);
    const refusedCsv = fs.readFileSync(o.refusedFile!, 'utf8');
    expect(refusedCsv.startsWith('\ufeffline,error_code,error,reference,title,status,country,openedOn\r\n')).toBe(true);
    expect(refusedCsv).toContain('4,IMPORT_FORMULA,');
    // the formula is written back neutralised: a spreadsheet shows it as text
    expect(refusedCsv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect((fs.statSync(o.refusedFile!).mode & 0o777).toString(8)).toBe('600');
    const written = listAudit(ctx.db).find((e) => e.action === 'import.refused-rows-written')!;
    expect(written.details).toMatchObject({ rows: 8 });
    expect(fs.readFileSync(o.summaryFile!, 'utf8')).toMatch(/plain text outside the vault/);
  });

  it('people: Arabic in Windows-1256 linked to cases by reference; likely duplicates flagged; an unknown case leaves nothing', async () => {
    await run({ file: fixture('cases-fr-utf8-bom.csv'), kind: 'cases' });
    const ar = await run({ file: fixture('people-ar-windows-1256.csv'), kind: 'people' });
    expect(ar.format.encoding).toBe('windows-1256');
    expect(ar.counts).toMatchObject({ create: 2, refuse: 0 });
    const yusuf = ctx.db.prepare("SELECT id FROM people WHERE full_name = 'يوسف العمراني'").get() as { id: string };
    const roles = ctx.db
      .prepare('SELECT c.reference, cp.role FROM case_people cp JOIN cases c ON c.id = cp.case_id WHERE person_id = ?')
      .all([yusuf.id]);
    expect(roles).toEqual([{ reference: 'IMP-001', role: 'survivor' }]);

    createPerson(ctx, { fullName: 'Hassan Ouazzani' });
    const preview = await previewImport(ctx, { file: fixture('people-en.csv'), kind: 'people' });
    const o = await run({ file: fixture('people-en.csv'), kind: 'people' });
    const summary = (r: { line: number; action: string; code?: string }) => [r.line, r.action, r.code];
    expect(o.refused.map(summary)).toEqual([
      [3, 'refuse', 'IMPORT_LIKELY_DUPLICATE'],
      [4, 'refuse', 'IMPORT_LIKELY_DUPLICATE'],
      [5, 'refuse', 'IMPORT_UNKNOWN_CASE'],
    ]);
    expect(preview.rows.map(summary)).toEqual([[2, 'create', undefined], ...o.refused.map(summary)]);
    expect(o.refused[0]!.message).toMatch(/likely already in the vault \(person [0-9a-f-]{36}, exact match/);
    expect(d.rows('people')).toBe(2 + 1 + 1);
    expect(ctx.db.prepare("SELECT count(*) AS n FROM people WHERE full_name = 'Karim Nouri'").get()).toEqual({ n: 0 });
  });

  it('cancelled: stops after the batch in hand, reports what was committed', async () => {
    const rows = Array.from({ length: BATCH_ROWS * 3 }, (_, i) => `Case ${i}`);
    const file = write('many.csv', ['title', ...rows].join('\n'));
    const abort = new AbortController();
    const o = await run(
      { file, kind: 'cases' },
      { signal: abort.signal, onProgress: (p) => p.phase === 'importing' && abort.abort() },
    );
    expect(o.status).toBe('cancelled');
    expect(o.counts.create).toBe(BATCH_ROWS);
    expect(o.lastLine).toBe(BATCH_ROWS + 1);
    expect(d.rows('cases')).toBe(BATCH_ROWS);
    expect(ctx.db.prepare('SELECT status, created FROM imported_files').get()).toEqual({
      status: 'cancelled',
      created: BATCH_ROWS,
    });
    expect(fs.readFileSync(o.summaryFile!, 'utf8')).toContain(`cancelled after line ${BATCH_ROWS + 1}`);
  });

  it('reports go beside earlier ones under a free name; a missing report folder is refused before anything is imported', async () => {
    const file = write('x.csv', 'title\nA\n');
    const first = await run({ file, kind: 'cases' });
    const second = await run({ file, kind: 'cases' }, { again: true });
    expect(path.basename(second.summaryFile!)).toBe(
      path.basename(first.summaryFile!).replace('.summary.txt', '-2.summary.txt'),
    );
    expect(await codeOf(run({ file, kind: 'cases' }, { again: true, reportDir: path.join(out, 'missing') }))).toBe(
      'IO_ERROR',
    );
    expect(d.rows('cases')).toBe(2);
    expect(d.rows('imported_files')).toBe(2);
  });
});

describe('mappings', () => {
  it('saved by name and reused; an unknown name, a missing column or a missing required field are refused', async () => {
    const file = write('odd.csv', 'Dossier title,Where\nA case,KE\n');
    expect(await codeOf(previewImport(ctx, { file, kind: 'cases' }))).toBe('IMPORT_MAPPING_INCOMPLETE');
    await previewImport(ctx, {
      file,
      kind: 'cases',
      mapping: { title: 'Dossier title', country: 'Where' },
      saveMappingAs: 'Old tracker',
    });
    expect(listMappings(ctx)).toMatchObject([
      { name: 'Old tracker', kind: 'cases', mapping: { title: 'Dossier title', country: 'Where' } },
    ]);
    const o = await run({ file, kind: 'cases', mappingName: 'Old tracker' });
    expect(o.counts.create).toBe(1);
    expect(await codeOf(previewImport(ctx, { file, kind: 'cases', mappingName: 'nope' }))).toBe(
      'IMPORT_MAPPING_UNKNOWN',
    );
    expect(await codeOf(previewImport(ctx, { file, kind: 'people', mappingName: 'Old tracker' }))).toBe(
      'IMPORT_MAPPING_UNKNOWN',
    );
    expect(await codeOf(previewImport(ctx, { file, kind: 'cases', mapping: { title: 'Nope' } }))).toBe(
      'IMPORT_MAPPING_INCOMPLETE',
    );
    expect(await codeOf(previewImport(ctx, { file, kind: 'cases', mapping: { colour: 'Where' } }))).toBe(
      'INVALID_INPUT',
    );
    const saved = listAudit(ctx.db).find((e) => e.action === 'import.mapping-saved')!;
    expect(saved.details).toEqual({ kind: 'cases', fields: ['country', 'title'] });
  });

  it('a bad header is refused as a whole', async () => {
    expect(await codeOf(previewImport(ctx, { file: write('e.csv', ''), kind: 'cases' }))).toBe('IMPORT_HEADER_INVALID');
    expect(await codeOf(previewImport(ctx, { file: write('d.csv', 'title,Title\n'), kind: 'cases' }))).toBe(
      'IMPORT_HEADER_INVALID',
    );
    expect(await codeOf(previewImport(ctx, { file: write('n.csv', 'title,,x\n'), kind: 'cases' }))).toBe(
      'IMPORT_HEADER_INVALID',
    );
    expect(await codeOf(previewImport(ctx, { file: fixture('workbook-named-csv.csv'), kind: 'cases' }))).toBe(
      'IMPORT_NOT_CSV',
    );
  });
});

describe('the other kinds', () => {
  it('deadlines by case reference, enquiries with their conflict check, partners created and updated', async () => {
    createCase(ctx, { title: 'A case', reference: 'IMP-9' });
    createPerson(ctx, { fullName: 'Leila Haddad' });
    const dl = await run({
      file: write(
        'dl.csv',
        'Case reference,Type,Titre,Date limite\nIMP-9,hearing,Audience,2027-01-15\nIMP-9,hearing,Audience,2027-02-30\nNONE,filing,X,2027-01-01\n',
      ),
      kind: 'deadlines',
    });
    expect(dl.counts).toMatchObject({ create: 1, refuse: 2 });
    expect(dl.refused.map((r) => r.code)).toEqual(['INVALID_INPUT', 'IMPORT_UNKNOWN_CASE']);
    const enq = await run({
      file: write(
        'enq.csv',
        'channel,summary,enquirer,names mentioned\nphone,Arrest of a relative,Leila Haddad,Omar Haddad; Sami\nfax,x,y,\n',
      ),
      kind: 'enquiries',
    });
    expect(enq.counts).toMatchObject({ create: 1, refuse: 1 });
    const preview = await previewImport(ctx, {
      file: write('enq2.csv', 'channel,summary,enquirer\nphone,Again,Leila Haddad\n'),
      kind: 'enquiries',
    });
    expect(preview.rows[0]!.conflicts).toBeGreaterThan(0);
    const partners = await run({
      file: write(
        'p.csv',
        'name,kind,country,amount\nLegal Aid Kenya,ngo,KE,"1,500"\nlegal aid kenya,ngo,KE,\nBad,charity,KE,\n',
      ),
      kind: 'partners',
    });
    expect(partners.counts).toMatchObject({ create: 1, refuse: 2 });
    expect(partners.refused.map((r) => r.code)).toEqual(['IMPORT_LIKELY_DUPLICATE', 'INVALID_INPUT']);
    const id = ctx.db.prepare('SELECT id, dd_amount_gbp AS a FROM partners').get() as { id: string; a: number };
    expect(id.a).toBe(1500);
    const upd = await run({ file: write('p2.csv', `id,country\n${id.id},UG\n`), kind: 'partners' });
    expect(upd.counts).toMatchObject({ update: 1 });
  });
});

describe('export of lists', () => {
  it('writes the one CSV writer’s output, audits it, and imports back as unchanged', async () => {
    createCase(ctx, { title: '=cmd|calc', reference: 'EXP-1', tags: ['a', 'b'] });
    createCase(ctx, { title: 'Plain, with comma', reference: 'EXP-2' });
    const dest = path.join(out, 'cases.csv');
    const r = exportListCsv(ctx, { list: 'cases', destPath: dest });
    expect(r).toMatchObject({ list: 'cases', rows: 2 });
    const text = fs.readFileSync(dest, 'utf8');
    expect(text).toContain(`'=cmd|calc`);
    expect(listAudit(ctx.db).at(-1)).toMatchObject({ action: 'list.exported', details: { list: 'cases', rows: 2 } });
    expect(await codeOf(Promise.resolve().then(() => exportListCsv(ctx, { list: 'cases', destPath: dest })))).toBe(
      'EXPORT_TARGET_EXISTS',
    );
    const back = await run({ file: dest, kind: 'cases' });
    expect(back.counts).toMatchObject({ rows: 2, unchanged: 2, refuse: 0 });
  });
});
