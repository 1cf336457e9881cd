/**
 * The one CSV writer of the project: donor reports, custody logs, exported lists, the refused
 * rows of an import. RFC 4180: CRLF line ends; a field with a comma, a double quote, CR or LF is
 * quoted and its quotes doubled.
 *
 * Every field that a spreadsheet would take for a formula — starting with = + - @, a tab or a
 * carriage return — is neutralised with a leading apostrophe (OWASP, "CSV injection"): what we
 * write was typed by people, or came from a partner or a spreadsheet, and a file opened in
 * Excel or LibreOffice must not run it. The import reads such an apostrophe back off
 * (import/csv-parse.ts), so that a list exported here comes back unchanged.
 */

/** A UTF-8 byte-order mark: spreadsheet programs then read accents and Arabic right. */
export const CSV_BOM = '\ufeff';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record: its fields and the CRLF that ends it. */
export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/** A whole document: a header row, the rows; `bom` for files meant for spreadsheet programs. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly string[]>, bom = true): string {
  let out = (bom ? CSV_BOM : '') + csvLine(header);
  for (const r of rows) out += csvLine(r);
  return out;
}
