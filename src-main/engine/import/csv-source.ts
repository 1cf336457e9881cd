/**
 * Reading a spreadsheet's CSV export, streamed: the file is never held whole (a 1 GiB file
 * keeps memory flat), and everything in it is hostile until a row has been checked.
 *
 * - Encoding: a byte-order mark decides (UTF-8, UTF-16 LE, UTF-16 BE); without one, the first
 *   64 KiB that are valid UTF-8 are UTF-8, else one of the legacy code pages Excel writes:
 *   Windows-1256 (Arabic) when the bytes above 0x7F come in runs (Arabic words), Windows-1252
 *   (Western European) when they stand alone between ASCII letters (accents). The caller may
 *   name the encoding instead. A workbook (XLSX, XLS, ODS) is refused with IMPORT_NOT_CSV.
 * - Separator: the one of comma, semicolon and tab found most often outside quotes in the first
 *   record (Excel writes semicolons where the decimal mark is a comma: French, Spanish, Arabic).
 * - RFC 4180 quoting, strictly: a quote inside an unquoted cell, text after a closing quote and
 *   a quote never closed are IMPORT_ROW_MALFORMED for that record, which is skipped up to its
 *   end; reading goes on with the next. Cells over MAX_CELL_CHARS, records over MAX_ROW_CHARS or
 *   MAX_COLUMNS are refused the same way, and what they hold is dropped as it is read.
 * - A character the encoding could not decode (U+FFFD) refuses its record (IMPORT_ENCODING_INVALID).
 * - A cell starting with an apostrophe before = + - @ is the neutralised form the project's CSV
 *   writer (util/csv.ts) produces: the apostrophe is taken off, so an exported list comes back
 *   unchanged. A cell starting with = is a formula: its record is refused (IMPORT_FORMULA).
 */
import fs from 'node:fs';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import { VaultError, type ErrorCode } from '../../../shared/errors.js';

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'windows-1252'] as const;
export type CsvEncoding = (typeof ENCODINGS)[number];
export const DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

/** A cell longer than this (characters) refuses its record: the longest field takes 20 000. */
export const MAX_CELL_CHARS = 32 * 1024;
/** A record longer than this (characters, all cells) is refused. */
export const MAX_ROW_CHARS = 256 * 1024;
/** A record with more cells than this is refused (the widest kind has fewer than 20 fields). */
export const MAX_COLUMNS = 200;

const SNIFF_BYTES = 64 * 1024;
const READ_CHUNK = 1024 * 1024;

export interface CsvFormat {
  encoding: CsvEncoding;
  /** whether the file starts with a byte-order mark */
  bom: boolean;
  delimiter: CsvDelimiter;
  bytes: number;
}

export interface RowProblem {
  code: ErrorCode;
  message: string;
}

/** One record of the file: its cells, or why it cannot be read. `line` is where it starts (1-based). */
export type CsvRecord =
  { line: number; cells: string[]; problem?: undefined } | { line: number; problem: RowProblem; cells?: undefined };

const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.ods', '.numbers']);

function notCsv(file: string): VaultError {
  return new VaultError(
    'IMPORT_NOT_CSV',
    `“${path.basename(file).replace(/[\u0000-\u001F\u007F-\u009F]/g, '?')}” is a workbook, not a CSV file. Case Vault reads CSV only: open it in your spreadsheet program and save it as “CSV UTF-8 (comma delimited)”.`,
  );
}

function validUtf8Prefix(b: Buffer): boolean {
  // a multi-byte character may be cut at the end of the sample: try without up to 3 trailing bytes
  for (let cut = 0; cut <= Math.min(3, b.length); cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, b.length - cut));
      return true;
    } catch {
      /* try a shorter prefix */
    }
  }
  return false;
}

/**
 * Arabic text in Windows-1256 is words of bytes above 0x7F; French or Spanish in Windows-1252
 * has one accented letter among ASCII ones. The share of high bytes with a high neighbour tells.
 */
function legacyCodePage(b: Buffer): CsvEncoding {
  let high = 0;
  let paired = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i]! < 0x80) continue;
    high++;
    if ((i > 0 && b[i - 1]! >= 0x80) || (i + 1 < b.length && b[i + 1]! >= 0x80)) paired++;
  }
  return high > 0 && paired / high > 0.5 ? 'windows-1256' : 'windows-1252';
}

function readHead(file: string): { head: Buffer; bytes: number } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new VaultError('NOT_FOUND', 'There is no file at that path.');
    throw new VaultError('FILE_UNREADABLE', `The file cannot be read (${code ?? 'I/O error'}).`, { cause: e });
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new VaultError('FILE_UNREADABLE', 'That path is not a file.');
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, st.size));
    const n = head.length ? fs.readSync(fd, head, 0, head.length, 0) : 0;
    return { head: head.subarray(0, n), bytes: st.size };
  } finally {
    fs.closeSync(fd);
  }
}

function bomOf(head: Buffer): { encoding: CsvEncoding; length: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** The separator used most often outside quotes in the first record (comma on a tie or none). */
function sniffDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as CsvDelimiter))
      counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

function decoderFor(encoding: CsvEncoding): TextDecoder {
  return new TextDecoder(encoding, { fatal: false });
}

/** What the file is: encoding (detected or given), byte-order mark, separator, size. Reads 64 KiB. */
export function sniffCsv(file: string, given: { encoding?: CsvEncoding; delimiter?: CsvDelimiter } = {}): CsvFormat {
  if (WORKBOOK_EXTENSIONS.has(path.extname(file).toLowerCase())) throw notCsv(file);
  const { head, bytes } = readHead(file);
  // ZIP (xlsx, ods) and OLE2 (xls) containers
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) throw notCsv(file);
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) throw notCsv(file);
  const bom = bomOf(head);
  let encoding: CsvEncoding;
  if (given.encoding) encoding = given.encoding;
  else if (bom) encoding = bom.encoding;
  else if (head.includes(0))
    throw new VaultError(
      'IMPORT_ENCODING_UNKNOWN',
      'This file holds NUL bytes: it is not text in a known encoding (UTF-16 needs its byte-order mark). Save it from your spreadsheet program as “CSV UTF-8”.',
    );
  else encoding = validUtf8Prefix(head) ? 'utf-8' : legacyCodePage(head);
  const sample = decoderFor(encoding).decode(head.subarray(bom && bom.encoding === encoding ? bom.length : 0));
  return {
    encoding,
    bom: bom !== null,
    delimiter: given.delimiter ?? sniffDelimiter(sample),
    bytes,
  };
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The records of the file, in order, streamed. `onBytes` reports the bytes read so far (for a
 * progress bar). Stops early when the consumer stops iterating (the stream is closed).
 */
export async function* readCsvRecords(
  file: string,
  format: CsvFormat,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<CsvRecord> {
  const delim = format.delimiter.charCodeAt(0);
  const decoder = decoderFor(format.encoding);
  const stream = fs.createReadStream(file, { highWaterMark: READ_CHUNK });
  let bytesRead = 0;

  // parser state
  let state: 'start' | 'unquoted' | 'quoted' | 'afterQuote' = 'start';
  let cells: string[] = [];
  let field = '';
  let rowChars = 0;
  let line = 1;
  let recordLine = 1;
  let problem: RowProblem | null = null;
  let skipLf = false;
  let sawQuote = false;
  const out: CsvRecord[] = [];

  const fail = (code: ErrorCode, message: string) => {
    if (!problem) problem = { code, message };
    field = '';
    cells = [];
  };
  const endField = () => {
    if (!problem) {
      if (cells.length >= MAX_COLUMNS)
        fail('IMPORT_ROW_TOO_LARGE', `This row has more than ${MAX_COLUMNS} cells; no kind of record has that many.`);
      else cells.push(field);
    }
    field = '';
  };
  const endRecord = () => {
    endField();
    if (problem) out.push({ line: recordLine, problem });
    // a blank line is no record
    else if (!(cells.length === 1 && cells[0] === '' && !sawQuote)) out.push({ line: recordLine, cells });
    cells = [];
    problem = null;
    rowChars = 0;
    sawQuote = false;
    state = 'start';
    // called at the line end, before it is counted
    recordLine = line + 1;
  };

  const feed = (text: string) => {
    let runStart = -1; // start of a run of plain characters appended to `field` in one go
    const flush = (end: number) => {
      if (runStart >= 0 && !problem) field += text.slice(runStart, end);
      runStart = -1;
    };
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (skipLf) {
        skipLf = false;
        // the LF of a CRLF: its line was counted at the CR
        if (c === LF) continue;
      }
      if (state === 'quoted') {
        if (c === QUOTE) {
          flush(i);
          state = 'afterQuote';
          continue;
        }
        if (c === LF) line++;
        if (runStart < 0) runStart = i;
      } else if (state === 'afterQuote') {
        if (c === QUOTE) {
          // a doubled quote inside a quoted cell
          if (!problem) field += '"';
          state = 'quoted';
          rowChars++;
          continue;
        }
        if (c === delim) {
          endField();
          state = 'start';
        } else if (c === LF || c === CR) {
          endRecord();
          if (c === CR) skipLf = true;
          line++;
        } else {
          fail(
            'IMPORT_ROW_MALFORMED',
            'There is text after a closing double quote in this row (a quote not doubled, or a quote never closed earlier).',
          );
          state = 'unquoted';
        }
        continue;
      } else {
        // start of a cell, or inside an unquoted one
        if (c === delim) {
          flush(i);
          endField();
          state = 'start';
          continue;
        }
        if (c === LF || c === CR) {
          flush(i);
          endRecord();
          if (c === CR) skipLf = true;
          line++;
          continue;
        }
        if (c === QUOTE) {
          flush(i);
          if (state === 'start') {
            state = 'quoted';
            sawQuote = true;
          } else {
            fail('IMPORT_ROW_MALFORMED', 'There is a double quote inside a cell that is not quoted in this row.');
          }
          continue;
        }
        state = 'unquoted';
        if (runStart < 0) runStart = i;
      }
      // a plain character of a cell
      rowChars++;
      if (!problem) {
        if (field.length + (runStart >= 0 ? i - runStart : 0) >= MAX_CELL_CHARS) {
          runStart = -1;
          fail('IMPORT_CELL_TOO_LARGE', `A cell in this row is longer than ${MAX_CELL_CHARS} characters.`);
        } else if (rowChars > MAX_ROW_CHARS) {
          runStart = -1;
          fail('IMPORT_ROW_TOO_LARGE', `This row is longer than ${MAX_ROW_CHARS} characters.`);
        }
      }
    }
    flush(text.length);
  };

  try {
    let first = true;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      let text = decoder.decode(chunk, { stream: true });
      if (first) {
        // TextDecoder drops a BOM of its own encoding; one of another (a forced encoding) stays
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      feed(text);
      onBytes?.(bytesRead);
      while (out.length) yield out.shift()!;
    }
    feed(decoder.decode());
    // `feed` changed the state: read it again, not as the compiler last saw it
    const end = state as string;
    if (end === 'quoted') {
      fail(
        'IMPORT_ROW_MALFORMED',
        'A double quote opened in this row is never closed: the rest of the file was read as one cell.',
      );
    }
    if (end !== 'start' || cells.length > 0 || field !== '' || problem) endRecord();
    while (out.length) yield out.shift()!;
  } finally {
    stream.destroy();
  }
}

/** Check and clean a record's cells: undecodable characters, formulas, the writer's apostrophe. */
export function cleanCells(cells: readonly string[]): { cells: string[] } | { problem: RowProblem } {
  const clean: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const raw = cells[i]!;
    if (raw.includes('\ufffd'))
      return {
        problem: {
          code: 'IMPORT_ENCODING_INVALID',
          message: `Cell ${i + 1} of this row holds bytes that are not valid in the file's encoding.`,
        },
      };
    if (raw.trimStart().startsWith('='))
      return {
        problem: {
          code: 'IMPORT_FORMULA',
          message: `Cell ${i + 1} of this row is a spreadsheet formula; Case Vault stores text, not formulas. Save the values, or remove the leading “=”.`,
        },
      };
    clean.push(/^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw);
  }
  return { cells: clean };
}
