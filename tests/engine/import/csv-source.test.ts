// Reading spreadsheet CSV exports: encodings (with and without byte-order mark, the legacy code
// pages Excel writes), separators, strict RFC 4180 quoting with one problem per record, caps on
// cells and rows, and a file that is not CSV at all.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CsvRecord,
  MAX_CELL_CHARS,
  cleanCells,
  readCsvRecords,
  sniffCsv,
} from '../../../src-main/engine/import/csv-source.js';
import { headerKey, proposeMapping } from '../../../src-main/engine/import/fields.js';
import { csvDocument, csvField } from '../../../src-main/engine/util/csv.js';
import { codeOfSync } from '../domain-helpers.js';
import { tempDir } from '../../helpers.js';

const FIXTURES = path.resolve('tests/fixtures/import');
const fixture = (name: string) => path.join(FIXTURES, name);

async function records(file: string): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of readCsvRecords(file, sniffCsv(file))) out.push(r);
  return out;
}

function write(name: string, data: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, data);
  return file;
}

describe('encodings and separators', () => {
  it('UTF-8 with a byte-order mark, commas, quoted commas and doubled quotes', async () => {
    const f = fixture('cases-fr-utf8-bom.csv');
    expect(sniffCsv(f)).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ',' });
    const rows = await records(f);
    expect(rows.map((r) => r.cells)).toEqual([
      ['Référence', 'Titre', 'Statut', 'Pays', 'Étiquettes', "Date d'ouverture"],
      ['IMP-001', 'Détention arbitraire à Tunis', 'active', 'TN', 'détention; torture', '2024-03-01'],
      ['IMP-002', 'Disparition forcée, Sfax', 'assessment', 'TN', 'disparition', '2024-05-17'],
      ['IMP-003', 'Expulsions "collectives"', 'enquiry', 'FR', '', ''],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4]);
  });

  it('UTF-16 LE and BE with their byte-order marks; tabs found as the separator', async () => {
    const le = fixture('cases-es-utf16le.csv');
    expect(sniffCsv(le)).toMatchObject({ encoding: 'utf-16le', bom: true, delimiter: '\t' });
    expect((await records(le))[1]!.cells).toEqual(['IMP-101', 'Desaparición en Oaxaca', 'active', 'MX']);
    const be = fixture('cases-en-utf16be.csv');
    expect(sniffCsv(be)).toMatchObject({ encoding: 'utf-16be', bom: true, delimiter: ',' });
    expect((await records(be)).map((r) => r.cells)).toEqual([
      ['reference', 'title', 'status'],
      ['IMP-201', 'Unlawful killing', 'active'],
    ]);
  });

  it('Windows-1256 (Arabic) and Windows-1252 (French) without a mark are told apart; semicolons found', async () => {
    const ar = fixture('people-ar-windows-1256.csv');
    expect(sniffCsv(ar)).toMatchObject({ encoding: 'windows-1256', bom: false, delimiter: ';' });
    expect((await records(ar))[1]!.cells).toEqual(['يوسف العمراني', 'male', 'MA', 'IMP-001', 'survivor']);
    const fr = fixture('cases-fr-windows-1252.csv');
    expect(sniffCsv(fr)).toMatchObject({ encoding: 'windows-1252', bom: false, delimiter: ';' });
    expect((await records(fr))[1]!.cells).toEqual(['IMP-301', 'Procès inéquitable à Yaoundé', 'active', 'CM']);
  });

  it('the encoding and separator can be given when detection is wrong', () => {
    const fr = fixture('cases-fr-windows-1252.csv');
    expect(sniffCsv(fr, { encoding: 'windows-1256', delimiter: ',' })).toMatchObject({
      encoding: 'windows-1256',
      delimiter: ',',
    });
  });

  it('a workbook is refused with IMPORT_NOT_CSV, by its name or by its bytes; NUL bytes without a mark are IMPORT_ENCODING_UNKNOWN', () => {
    expect(codeOfSync(() => sniffCsv(fixture('workbook-named-csv.csv')))).toBe('IMPORT_NOT_CSV');
    expect(codeOfSync(() => sniffCsv(write('cases.xlsx', 'a,b\n')))).toBe('IMPORT_NOT_CSV');
    expect(codeOfSync(() => sniffCsv(write('x.csv', Buffer.from('a,b\n', 'utf16le'))))).toBe('IMPORT_ENCODING_UNKNOWN');
    expect(codeOfSync(() => sniffCsv(path.join(tempDir(), 'missing.csv')))).toBe('NOT_FOUND');
  });
});

describe('malformed records', () => {
  it('one problem per record, reading goes on, an unclosed quote swallows the rest and says so', async () => {
    const rows = await records(fixture('cases-malformed.csv'));
    const byLine = new Map(rows.map((r) => [r.line, r]));
    expect(byLine.get(2)!.cells).toEqual(['BAD-001', 'Fine row', 'active', 'KE', '2024-01-02']);
    expect(byLine.get(3)!.cells).toEqual(['BAD-002', 'Ragged row', 'active']);
    expect(byLine.get(7)!.problem?.code).toBe('IMPORT_ROW_MALFORMED');
    expect(byLine.get(8)!.problem?.code).toBe('IMPORT_ROW_MALFORMED');
    expect(byLine.get(10)!.cells![1]).toBe('Multi-line\r\ntitle is fine');
    // the multi-line record took two lines: the next starts on 12
    expect(byLine.get(12)!.problem).toMatchObject({ code: 'IMPORT_ROW_MALFORMED' });
    expect(byLine.get(12)!.problem!.message).toMatch(/never closed/);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12]);
  });

  it('a cell over the cap refuses its record without holding it; the next record reads', async () => {
    const big = 'x'.repeat(MAX_CELL_CHARS + 10);
    const f = write('big.csv', `a,b\r\n1,${big}\r\n2,"${big}"\r\n3,ok\r\n`);
    const rows = await records(f);
    expect(rows.map((r) => r.problem?.code ?? r.cells)).toEqual([
      ['a', 'b'],
      'IMPORT_CELL_TOO_LARGE',
      'IMPORT_CELL_TOO_LARGE',
      ['3', 'ok'],
    ]);
  });

  it('a row with too many cells, blank lines skipped, CR-only and LF line ends', async () => {
    const f = write('wide.csv', `a,b\r\r${','.repeat(300)}\rx,y\n\nz,w`);
    const rows = await records(f);
    expect(rows.map((r) => [r.line, r.problem?.code ?? r.cells])).toEqual([
      [1, ['a', 'b']],
      [3, 'IMPORT_ROW_TOO_LARGE'],
      [4, ['x', 'y']],
      [6, ['z', 'w']],
    ]);
  });

  it('cells: formulas refused, the writer’s apostrophe taken off, undecodable bytes refused', () => {
    expect(cleanCells(['=SUM(A1)'])).toMatchObject({ problem: { code: 'IMPORT_FORMULA' } });
    expect(cleanCells(['  =1+1'])).toMatchObject({ problem: { code: 'IMPORT_FORMULA' } });
    expect(cleanCells(["'=SUM(A1)", "'-5", "'plain", '-5', '@home'])).toEqual({
      cells: ['=SUM(A1)', '-5', "'plain", '-5', '@home'],
    });
    expect(cleanCells(['ok', 'bad \ufffd byte'])).toMatchObject({ problem: { code: 'IMPORT_ENCODING_INVALID' } });
  });

  it('invalid UTF-8 past the sniffed head refuses that row only', async () => {
    const head = 'a,b\n' + 'r,ok\n'.repeat(20_000);
    const f = write(
      'late.csv',
      Buffer.concat([Buffer.from(head), Buffer.from('s,bad \xff here\n', 'latin1'), Buffer.from('t,ok\n')]),
    );
    expect(sniffCsv(f).encoding).toBe('utf-8');
    const rows = await records(f);
    const bad = rows.find((r) => r.cells?.[0] === 's')!;
    expect(cleanCells(bad.cells!)).toMatchObject({ problem: { code: 'IMPORT_ENCODING_INVALID' } });
    expect(rows.at(-1)!.cells).toEqual(['t', 'ok']);
  });
});

describe('the one CSV writer', () => {
  it('neutralises formulas and quotes what needs it; what it writes reads back the same', async () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1')).toBe("'+1");
    const values = ['=1+1', '-3', '@x', 'a,b', 'say "hi"', 'two\nlines', 'Détention', 'الاسم'];
    const f = write(
      'round.csv',
      csvDocument(
        ['v'],
        values.map((v) => [v]),
      ),
    );
    const rows = await records(f);
    expect(rows.slice(1).map((r) => cleanCells(r.cells!))).toEqual(values.map((v) => ({ cells: [v] })));
  });
});

describe('headers in four languages', () => {
  it('are matched to fields whatever their case, accents or Arabic forms', () => {
    expect(headerKey(' Référence ')).toBe(headerKey('reference'));
    expect(headerKey('الأسم الكامل')).toBe(headerKey('الاسم الكامل'));
    expect(proposeMapping('cases', ['Référence', 'Titre', 'Statut', 'Pays', 'Étiquettes', "Date d'ouverture"])).toEqual(
      {
        reference: 'Référence',
        title: 'Titre',
        status: 'Statut',
        country: 'Pays',
        tags: 'Étiquettes',
        openedOn: "Date d'ouverture",
      },
    );
    expect(proposeMapping('cases', ['Referencia', 'Título', 'Estado', 'País'])).toEqual({
      reference: 'Referencia',
      title: 'Título',
      status: 'Estado',
      country: 'País',
    });
    expect(proposeMapping('people', ['الاسم الكامل', 'الجنس', 'البلد', 'مرجع القضية', 'الدور'])).toEqual({
      fullName: 'الاسم الكامل',
      gender: 'الجنس',
      country: 'البلد',
      caseReference: 'مرجع القضية',
      role: 'الدور',
    });
    // a field's own key is recognised too (exported lists use them)
    expect(proposeMapping('deadlines', ['id', 'caseReference', 'kind', 'title', 'dueOn'])).toMatchObject({
      id: 'id',
      caseReference: 'caseReference',
      dueOn: 'dueOn',
    });
  });
});
