/**
 * Bringing an existing caseload in from a spreadsheet's CSV (docs/import.md).
 *
 * `previewImport` reads the file and answers, per row, what an import would do — create, update,
 * leave unchanged, or refuse and why — changing nothing: each batch of rows runs through the
 * services inside a transaction that is rolled back. `runImport` does the same and commits, one
 * transaction per batch with its audit entry (counts and the file's SHA-256, never content);
 * cancelled (an AbortSignal), it stops after the batch in hand. The refused rows go to a CSV
 * beside a plain-text summary, both new files written by the new-file rule and audited.
 * The same file (by SHA-256) is imported once unless the caller says `again`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { text } from '../../../shared/domain/common.js';
import { VaultError, isVaultError, type ErrorCode } from '../../../shared/errors.js';
import { all, get, run, sql } from '../db/sql.js';
import { type AuditNote, type DomainContext, mutate, nowIso, parseInput } from '../domain/context.js';
import { nameKey } from '../names/store.js';
import { csvLine, CSV_BOM } from '../util/csv.js';
import { uuidv7 } from '../util/ids.js';
import {
  checkNewFileTarget,
  newFileIoError,
  prepareNewFile,
  publishNewFile,
  stageNewFile,
  unpublish,
} from '../util/new-file.js';
import { applyRow, type RowAction } from './apply-row.js';
import {
  type CsvDelimiter,
  type CsvEncoding,
  type CsvFormat,
  type RowProblem,
  cleanCells,
  readCsvRecords,
  sniffCsv,
} from './csv-source.js';
import {
  type ColumnMapping,
  FIELDS,
  type ImportKind,
  ImportKind as ImportKindSchema,
  proposeMapping,
  rowValues,
} from './fields.js';

/** Rows per transaction: large enough to amortise the commit, small enough that a cancel is prompt. */
export const BATCH_ROWS = 500;
/** Row results kept for the answer (all are counted; the refused ones all go to the refused-rows file). */
export const MAX_ROWS_SHOWN = 1000;
/** Records a file may hold: a budget, not a memory limit (the file is streamed). */
export const MAX_RECORDS = 2_000_000;

export interface RowResult {
  line: number;
  action: RowAction | 'refuse';
  id?: string;
  reference?: string;
  conflicts?: number;
  code?: ErrorCode;
  message?: string;
}

export interface ImportCounts {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  refuse: number;
}

export interface ImportRequest {
  file: string;
  kind: ImportKind;
  /** a saved mapping's name */
  mappingName?: string;
  /** field → header, on top of the proposed or saved mapping */
  mapping?: ColumnMapping;
  /** `mapping` is the whole mapping: nothing proposed is added (the app's mapping step, where a column can be left out) */
  exactMapping?: boolean;
  encoding?: CsvEncoding;
  delimiter?: CsvDelimiter;
  /** save the mapping used under this name */
  saveMappingAs?: string;
}

export interface ImportProgress {
  phase: 'hashing' | 'reading' | 'importing';
  done: number;
  total: number;
}

export interface PreparedImport {
  kind: ImportKind;
  format: CsvFormat;
  sha256: string;
  headers: string[];
  mapping: ColumnMapping;
  /** headers that feed no field (their cells are not imported) */
  ignored: string[];
  /** earlier imports of the same bytes */
  earlier: Array<{ at: string; status: string; created: number; updated: number }>;
}

export interface ImportPreview extends PreparedImport {
  counts: ImportCounts;
  rows: RowResult[];
}

export interface ImportOutcome extends PreparedImport {
  importId: string;
  status: 'complete' | 'cancelled';
  counts: ImportCounts;
  /** the first MAX_ROWS_SHOWN refused rows */
  refused: RowResult[];
  /** the new files: the summary, and the refused rows when there are any */
  summaryFile: string | null;
  refusedFile: string | null;
  /** the last line read before a cancel */
  lastLine: number;
}

const MappingName = text(100, 1);

// ---------------------------------------------------------------------------------------------
// Saved mappings

export interface SavedMapping {
  name: string;
  kind: ImportKind;
  mapping: ColumnMapping;
  updatedAt: string;
}

const StoredMapping = z.record(z.string(), z.string());

export function listMappings(ctx: DomainContext): SavedMapping[] {
  return all<{ name: string; kind: ImportKind; mapping: string; updated_at: string }>(
    ctx.db,
    sql`SELECT name, kind, mapping, updated_at FROM import_mappings ORDER BY name`,
  ).map((r) => ({
    name: r.name,
    kind: r.kind,
    mapping: StoredMapping.parse(JSON.parse(r.mapping)),
    updatedAt: r.updated_at,
  }));
}

function loadMapping(ctx: DomainContext, name: string, kind: ImportKind): ColumnMapping {
  const r = get<{ kind: ImportKind; mapping: string }>(
    ctx.db,
    sql`SELECT kind, mapping FROM import_mappings WHERE name = ${name}`,
  );
  if (!r)
    throw new VaultError(
      'IMPORT_MAPPING_UNKNOWN',
      `No saved column mapping is called “${name}”; see “import mappings” for the saved ones.`,
    );
  if (r.kind !== kind)
    throw new VaultError('IMPORT_MAPPING_UNKNOWN', `The saved mapping “${name}” is for ${r.kind}, not ${kind}.`);
  return StoredMapping.parse(JSON.parse(r.mapping));
}

/** Save (or replace) a mapping by name; audited with the kind and the fields, never a header. */
export function saveMapping(ctx: DomainContext, name: string, kind: ImportKind, mapping: ColumnMapping): void {
  const n = parseInput(z.strictObject({ name: MappingName }), { name }).name;
  checkMappingFields(kind, mapping);
  mutate(ctx, (audit) => {
    const at = nowIso(ctx);
    run(
      ctx.db,
      sql`INSERT INTO import_mappings (name, kind, mapping, created_at, updated_at) VALUES (${n}, ${kind}, ${JSON.stringify(mapping)}, ${at}, ${at})
          ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, mapping = excluded.mapping, updated_at = excluded.updated_at`,
    );
    audit({ action: 'import.mapping-saved', subject: null, details: { kind, fields: Object.keys(mapping).sort() } });
  });
}

function checkMappingFields(kind: ImportKind, mapping: ColumnMapping): void {
  const known = new Set(FIELDS[kind].map((f) => f.key));
  for (const field of Object.keys(mapping))
    if (!known.has(field))
      throw new VaultError(
        'INVALID_INPUT',
        `mapping: ${kind} have no field “${field}” (fields: ${[...known].join(', ')}).`,
      );
}

// ---------------------------------------------------------------------------------------------
// Preparing: format, header, mapping, hash

async function hashFile(
  file: string,
  bytes: number,
  onProgress?: (p: ImportProgress) => void,
): Promise<{ sha256: string; lines: number }> {
  const h = createHash('sha256');
  let lines = 0;
  let done = 0;
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
      h.update(chunk);
      for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) lines++;
      done += chunk.length;
      onProgress?.({ phase: 'hashing', done, total: bytes });
    }
  } catch (e) {
    throw new VaultError(
      'FILE_UNREADABLE',
      `The file could not be read to the end (${(e as NodeJS.ErrnoException).code ?? 'I/O error'}).`,
      { cause: e },
    );
  }
  return { sha256: h.digest('hex'), lines };
}

async function readHeader(file: string, format: CsvFormat): Promise<string[]> {
  for await (const rec of readCsvRecords(file, format)) {
    if (rec.problem)
      throw new VaultError(
        'IMPORT_HEADER_INVALID',
        `The first row (the column headers) cannot be read: ${rec.problem.message}`,
      );
    const headers = rec.cells.map((h) => h.trim());
    const seen = new Set<string>();
    headers.forEach((h, i) => {
      if (h === '')
        throw new VaultError(
          'IMPORT_HEADER_INVALID',
          `Column ${i + 1} has no header; every column needs a name in the first row.`,
        );
      if (seen.has(h.toLowerCase()))
        throw new VaultError(
          'IMPORT_HEADER_INVALID',
          `Two columns have the header “${h}”; each header must be different.`,
        );
      seen.add(h.toLowerCase());
    });
    return headers;
  }
  throw new VaultError('IMPORT_HEADER_INVALID', 'The file is empty: the first row must name the columns.');
}

export async function prepareImport(
  ctx: DomainContext,
  req: ImportRequest,
  onProgress?: (p: ImportProgress) => void,
): Promise<PreparedImport> {
  const kind = ImportKindSchema.parse(req.kind);
  const format = sniffCsv(req.file, { encoding: req.encoding, delimiter: req.delimiter });
  const headers = await readHeader(req.file, format);
  const base = req.mappingName
    ? loadMapping(ctx, req.mappingName, kind)
    : req.exactMapping
      ? {}
      : proposeMapping(kind, headers);
  const mapping: ColumnMapping = { ...base, ...(req.mapping ?? {}) };
  checkMappingFields(kind, mapping);
  for (const [field, header] of Object.entries(mapping))
    if (!headers.includes(header))
      throw new VaultError(
        'IMPORT_MAPPING_INCOMPLETE',
        `The mapping feeds ${field} from a column “${header}” that this file does not have (its columns: ${headers.join(', ')}).`,
      );
  const updatesOnly = mapping.id !== undefined || (kind === 'cases' && mapping.reference !== undefined);
  const missing = FIELDS[kind].filter((f) => f.required && mapping[f.key] === undefined).map((f) => f.key);
  if (missing.length > 0 && !updatesOnly)
    throw new VaultError(
      'IMPORT_MAPPING_INCOMPLETE',
      `No column of this file is recognised as ${missing.join(', ')}, which every new ${kind === 'people' ? 'person' : kind.replace(/s$/, '')} needs. Name the column with --map ${missing[0]}=HEADER (or in the mapping step).`,
    );
  const { sha256, lines } = await hashFile(req.file, format.bytes, onProgress);
  if (lines > MAX_RECORDS)
    throw new VaultError(
      'IMPORT_TOO_MANY_ROWS',
      `This file has more than ${MAX_RECORDS.toLocaleString('en')} lines; split it into smaller files and import them one after the other.`,
    );
  const earlier = all<{ started_at: string; status: string; created: number; updated: number }>(
    ctx.db,
    sql`SELECT started_at, status, created, updated FROM imported_files WHERE sha256 = ${Buffer.from(sha256, 'hex')} ORDER BY started_at`,
  ).map((r) => ({ at: r.started_at, status: r.status, created: r.created, updated: r.updated }));
  if (req.saveMappingAs !== undefined) saveMapping(ctx, req.saveMappingAs, kind, mapping);
  const used = new Set(Object.values(mapping));
  return { kind, format, sha256, headers, mapping, ignored: headers.filter((h) => !used.has(h)), earlier };
}

// ---------------------------------------------------------------------------------------------
// Rows

interface PendingRow {
  line: number;
  cells: string[];
}

type RowSink = (r: RowResult, cells: readonly string[] | null) => void;

/** the sentence of a service's error, naming the file's column where it names a field */
function rowMessage(e: VaultError, mapping: ColumnMapping): string {
  const m = /^([A-Za-z]+)(\.\d+)?: (.*)$/s.exec(e.message);
  if (m && mapping[m[1]!] !== undefined) return `Column “${mapping[m[1]!]}” (${m[1]}${m[2] ?? ''}): ${m[3]}`;
  return e.message;
}

/** Each row of a batch in its own savepoint: a refused row leaves nothing behind. */
function applyBatch(
  ctx: DomainContext,
  prep: PreparedImport,
  headerIndex: Map<string, number>,
  batch: PendingRow[],
  sink: RowSink,
): void {
  for (const row of batch) {
    try {
      const values = rowValues(prep.kind, prep.mapping, headerIndex, row.cells);
      const r = ctx.db.transaction(() => applyRow(ctx, prep.kind, values))();
      sink({ line: row.line, ...r }, row.cells);
    } catch (e) {
      if (!isVaultError(e)) throw e;
      sink({ line: row.line, action: 'refuse', code: e.code, message: rowMessage(e, prep.mapping) }, row.cells);
    }
  }
}

/** A record's cells checked against the header; a problem refuses the row before any service sees it. */
function checkRecord(cells: string[], width: number): { cells: string[] } | { problem: RowProblem } {
  // spreadsheet programs sometimes end rows with empty cells beyond the last column
  let n = cells.length;
  while (n > width && cells[n - 1] === '') n--;
  if (n !== width)
    return {
      problem: {
        code: 'IMPORT_ROW_RAGGED',
        message: `This row has ${n} cells where the header has ${width} columns (a separator missing, or one too many).`,
      },
    };
  return cleanCells(cells.slice(0, n));
}

/**
 * Walk the rows: parse, check, hand batches to `commit`. `shouldStop` is asked after each batch.
 * Answers the last line read.
 */
async function walkRows(
  prep: PreparedImport,
  file: string,
  onBatch: (batch: PendingRow[]) => void,
  refuse: (r: RowResult, cells: readonly string[] | null) => void,
  onProgress: ((p: ImportProgress) => void) | undefined,
  phase: ImportProgress['phase'],
  shouldStop: () => boolean,
): Promise<{ lastLine: number; stopped: boolean }> {
  let batch: PendingRow[] = [];
  // rows since the last batch, refused ones included (their results wait for that batch)
  let pending = 0;
  let first = true;
  let lastLine = 0;
  let bytes = 0;
  onProgress?.({ phase, done: 0, total: prep.format.bytes });
  for await (const rec of readCsvRecords(file, prep.format, (b) => (bytes = b))) {
    if (first) {
      first = false;
      continue;
    }
    lastLine = rec.line;
    pending++;
    if (rec.problem) refuse({ line: rec.line, action: 'refuse', ...rec.problem }, null);
    else {
      const checked = checkRecord(rec.cells, prep.headers.length);
      if ('problem' in checked) refuse({ line: rec.line, action: 'refuse', ...checked.problem }, rec.cells);
      else batch.push({ line: rec.line, cells: checked.cells });
    }
    if (pending >= BATCH_ROWS) {
      onBatch(batch);
      batch = [];
      pending = 0;
      onProgress?.({ phase, done: bytes, total: prep.format.bytes });
      // let a cancel (a signal, an IPC message) in: rows of one read chunk come without a pause
      await new Promise((resolve) => setImmediate(resolve));
      if (shouldStop()) return { lastLine, stopped: true };
    }
  }
  if (pending > 0) onBatch(batch);
  onProgress?.({ phase, done: prep.format.bytes, total: prep.format.bytes });
  return { lastLine, stopped: false };
}

function emptyCounts(): ImportCounts {
  return { rows: 0, create: 0, update: 0, unchanged: 0, refuse: 0 };
}

function count(c: ImportCounts, r: RowResult): void {
  c.rows++;
  c[r.action]++;
}

const ROLLBACK = Symbol('preview rollback');

/**
 * What importing the file would do, row by row, writing nothing (but a mapping the caller asked
 * to save). A row that repeats a reference or a name of an earlier batch is shown as what the run
 * will make of it: an update of the case that row created, a likely duplicate of the person.
 */
export async function previewImport(
  ctx: DomainContext,
  req: ImportRequest,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportPreview> {
  const prep = await prepareImport(ctx, req, onProgress);
  const headerIndex = new Map(prep.headers.map((h, i) => [h, i]));
  const counts = emptyCounts();
  const rows: RowResult[] = [];
  // what earlier batches of this file created, which their rolled-back transactions forgot
  const createdKeys = new Map<string, number>();
  const MAX_KEYS = 200_000;
  const keyOf = (cells: readonly string[]): string | null => {
    const v = rowValues(prep.kind, prep.mapping, headerIndex, cells);
    if (v.id !== undefined) return null;
    if (prep.kind === 'cases' && typeof v.reference === 'string') return `r\0${v.reference}`;
    if (prep.kind === 'people' && typeof v.fullName === 'string') return `n\0${nameKey(v.fullName)}`;
    if (prep.kind === 'partners' && typeof v.name === 'string') return `p\0${v.name.trim().toLowerCase()}`;
    return null;
  };
  const sink: RowSink = (r0, cells) => {
    let r = r0;
    if (cells && r.action === 'create') {
      const key = keyOf(cells);
      const earlierLine = key ? createdKeys.get(key) : undefined;
      if (earlierLine !== undefined) {
        r =
          prep.kind === 'cases'
            ? { line: r.line, action: 'update', reference: r.reference }
            : {
                line: r.line,
                action: 'refuse',
                code: 'IMPORT_LIKELY_DUPLICATE',
                message: `Line ${earlierLine} of this file adds the same ${prep.kind === 'people' ? 'person' : 'partner'}: not added twice.`,
              };
      } else if (key && createdKeys.size < MAX_KEYS) createdKeys.set(key, r.line);
    }
    count(counts, r);
    if (rows.length < MAX_ROWS_SHOWN) rows.push(r);
  };
  await walkRows(
    prep,
    req.file,
    (batch) => {
      try {
        ctx.db.transaction(() => {
          applyBatch(ctx, prep, headerIndex, batch, sink);
          throw ROLLBACK;
        })();
      } catch (e) {
        if (e !== ROLLBACK) throw e;
      }
    },
    (r) => sink(r, null),
    onProgress,
    'reading',
    () => false,
  );
  rows.sort((a, b) => a.line - b.line);
  return { ...prep, counts, rows };
}

// ---------------------------------------------------------------------------------------------
// The run

export interface RunOptions {
  /** import a file whose bytes were imported before */
  again?: boolean;
  /** where the summary and the refused rows go (default: the input file's folder) */
  reportDir?: string;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /**
   * The app's way: no summary and no refused-rows file beside the input; the refused rows (their
   * cells too, up to KEPT_REFUSED_ROWS) are handed here instead, for writing later to a file the
   * user picks (writeRefusedRows).
   */
  keepRefused?: (r: RowResult, cells: readonly string[] | null) => void;
}

/** Refused rows the app keeps in memory for "save the refused rows": beyond this, the file says how many were left out. */
export const KEPT_REFUSED_ROWS = 20_000;

function stamp(ctx: DomainContext): string {
  return nowIso(ctx).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

function summaryText(
  o: Omit<ImportOutcome, 'refused' | 'summaryFile'> & { file: string; startedAt: string; finishedAt: string },
): string {
  const lines = [
    'Case Vault — spreadsheet import summary',
    '',
    `File:       ${path.basename(o.file)}`,
    `SHA-256:    ${o.sha256}`,
    `Kind:       ${o.kind}`,
    `Encoding:   ${o.format.encoding}${o.format.bom ? ' (with byte-order mark)' : ''}; separator ${o.format.delimiter === '\t' ? 'tab' : `“${o.format.delimiter}”`}`,
    `Started:    ${o.startedAt}`,
    `Finished:   ${o.finishedAt}`,
    `Status:     ${o.status === 'complete' ? 'complete' : `cancelled after line ${o.lastLine}; the rows after it were not read`}`,
    '',
    `Rows read:  ${o.counts.rows}`,
    `Created:    ${o.counts.create}`,
    `Updated:    ${o.counts.update}`,
    `Unchanged:  ${o.counts.unchanged}`,
    `Refused:    ${o.counts.refuse}`,
    '',
    'Columns used:',
    ...Object.entries(o.mapping).map(([field, header]) => `  ${header} -> ${field}`),
    ...(o.ignored.length ? ['Columns ignored:', ...o.ignored.map((h) => `  ${h}`)] : []),
    '',
    o.refusedFile
      ? `Refused rows, each with its line, error code and reason: ${path.basename(o.refusedFile)}\nThat file holds what those rows held, as plain text outside the vault: fix the rows and import it, then delete it.`
      : 'No row was refused.',
  ];
  return lines.join('\n') + '\n';
}

/**
 * Import the file: batches of BATCH_ROWS rows, each one transaction with its audit entry.
 * IMPORT_ALREADY_IMPORTED when the same bytes were imported before, unless `again`.
 */
export async function runImport(ctx: DomainContext, req: ImportRequest, opts: RunOptions = {}): Promise<ImportOutcome> {
  const prep = await prepareImport(ctx, req, opts.onProgress);
  if (prep.earlier.length > 0 && !opts.again)
    throw new VaultError(
      'IMPORT_ALREADY_IMPORTED',
      `This file was imported before (${prep.earlier[0]!.at.slice(0, 10)}, ${prep.earlier[0]!.status}): its bytes are the same. Importing it again updates what it updated and may add its new rows twice; say so explicitly (--again) if that is what you want.`,
    );
  const keep = opts.keepRefused;
  const dir = path.resolve(opts.reportDir ?? path.dirname(req.file));
  const stem = `${path.basename(req.file).replace(/\.[^.]*$/, '')}.import-${stamp(ctx)}`;
  // names of our choosing: the first free pair (two runs in one second get -2)
  const taken = (p: string) => fs.existsSync(p) || fs.lstatSync(p, { throwIfNoEntry: false }) !== undefined;
  let base = stem;
  for (let n = 2; taken(path.join(dir, `${base}.summary.txt`)) || taken(path.join(dir, `${base}.refused.csv`)); n++)
    base = `${stem}-${n}`;
  const summaryPath = keep ? null : checkNewFileTarget(path.join(dir, `${base}.summary.txt`));
  const refusedTarget = keep ? null : await prepareNewFile(path.join(dir, `${base}.refused.csv`));

  const importId = uuidv7(ctx.now().getTime());
  const startedAt = nowIso(ctx);
  const hash = Buffer.from(prep.sha256, 'hex');
  mutate(ctx, (audit) => {
    run(
      ctx.db,
      sql`INSERT INTO imported_files (id, sha256, kind, bytes, started_at, status) VALUES (${importId}, ${hash}, ${prep.kind}, ${prep.format.bytes}, ${startedAt}, 'running')`,
    );
    audit({
      action: 'import.started',
      subject: { kind: 'import', id: importId },
      details: { kind: prep.kind, sha256: prep.sha256, bytes: prep.format.bytes, again: prep.earlier.length > 0 },
    });
  });

  const headerIndex = new Map(prep.headers.map((h, i) => [h, i]));
  const counts = emptyCounts();
  const refused: RowResult[] = [];
  let refusedFd: number | null = null;
  let batchNo = 0;
  const writeRefused = (r: RowResult, cells: readonly string[] | null) => {
    if (keep || !refusedTarget) return keep?.(r, cells);
    try {
      if (refusedFd === null) {
        refusedFd = fs.openSync(refusedTarget.tmp, 'wx', 0o600);
        fs.writeSync(refusedFd, CSV_BOM + csvLine(['line', 'error_code', 'error', ...prep.headers]));
      }
      const data = cells ? [...cells] : prep.headers.map(() => '');
      fs.writeSync(refusedFd, csvLine([String(r.line), r.code!, r.message!, ...data]));
    } catch (e) {
      if (isVaultError(e)) throw e;
      throw newFileIoError('The refused rows could not be written beside the file', e);
    }
  };
  // refusals found while parsing wait for their batch's transaction, so that counts and files agree
  let pendingRefusals: Array<[RowResult, readonly string[] | null]> = [];
  const record = (r: RowResult, cells: readonly string[] | null, batchCounts: ImportCounts) => {
    count(batchCounts, r);
    if (r.action === 'refuse') {
      writeRefused(r, cells);
      if (refused.length < MAX_ROWS_SHOWN) refused.push(r);
    }
  };
  const commitBatch = (batch: PendingRow[]) => {
    batchNo++;
    const c = emptyCounts();
    const refusals = pendingRefusals;
    pendingRefusals = [];
    const results: Array<[RowResult, readonly string[] | null]> = [];
    mutate(ctx, (audit) => {
      applyBatch(ctx, prep, headerIndex, batch, (r, cells) => results.push([r, cells]));
      for (const [r] of [...refusals, ...results]) count(c, r);
      run(
        ctx.db,
        sql`UPDATE imported_files SET created = created + ${c.create}, updated = updated + ${c.update}, refused = refused + ${c.refuse} WHERE id = ${importId}`,
      );
      audit({
        action: 'import.batch',
        subject: { kind: 'import', id: importId },
        details: { kind: prep.kind, batch: batchNo, sha256: prep.sha256, ...c },
      });
    });
    // committed: now they count
    for (const [r, cells] of [...refusals, ...results].sort((a, b) => a[0].line - b[0].line)) record(r, cells, counts);
  };

  let walked: { lastLine: number; stopped: boolean };
  try {
    walked = await walkRows(
      prep,
      req.file,
      commitBatch,
      (r, cells) => pendingRefusals.push([r, cells]),
      opts.onProgress,
      'importing',
      () => opts.signal?.aborted === true,
    );
  } catch (e) {
    if (refusedFd !== null) fs.closeSync(refusedFd);
    if (refusedTarget) fs.rmSync(refusedTarget.tmp, { force: true });
    throw e;
  }

  const status = walked.stopped ? 'cancelled' : 'complete';
  const finishedAt = nowIso(ctx);
  if (!summaryPath || !refusedTarget) {
    finishImport(ctx, prep, importId, status, finishedAt, counts);
    return {
      ...prep,
      importId,
      status,
      counts,
      refusedFile: null,
      lastLine: walked.lastLine,
      refused,
      summaryFile: null,
    };
  }
  let refusedSha: string | null = null;
  if (refusedFd !== null) {
    const fd: number = refusedFd;
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    refusedSha = createHash('sha256').update(fs.readFileSync(refusedTarget.tmp)).digest('hex');
  }
  const refusedFile = refusedFd !== null ? refusedTarget.dest : null;
  const outcomeBase = { ...prep, importId, status, counts, refusedFile, lastLine: walked.lastLine } as const;
  const summary = stageNewFile(summaryPath, summaryText({ ...outcomeBase, file: req.file, startedAt, finishedAt }));
  let published: string[] = [];
  try {
    finishImport(ctx, prep, importId, status, finishedAt, counts, (audit) => {
      if (refusedFile) {
        publishNewFile(refusedTarget);
        published.push(refusedTarget.dest);
        audit({
          action: 'import.refused-rows-written',
          subject: { kind: 'import', id: importId },
          details: { rows: counts.refuse, sha256: refusedSha! },
        });
      }
      summary.publish();
      published.push(summary.dest);
    });
    published = [];
  } finally {
    for (const p of published) unpublish(p);
    summary.discard();
    fs.rmSync(refusedTarget.tmp, { force: true });
  }
  return { ...outcomeBase, refused, summaryFile: summary.dest };
}

function finishImport(
  ctx: DomainContext,
  prep: PreparedImport,
  importId: string,
  status: ImportOutcome['status'],
  finishedAt: string,
  counts: ImportCounts,
  andThen?: (audit: (note: AuditNote) => void) => void,
): void {
  mutate(ctx, (audit) => {
    run(ctx.db, sql`UPDATE imported_files SET status = ${status}, finished_at = ${finishedAt} WHERE id = ${importId}`);
    audit({
      action: 'import.finished',
      subject: { kind: 'import', id: importId },
      details: { kind: prep.kind, sha256: prep.sha256, status, ...counts },
    });
    andThen?.(audit);
  });
}

export interface KeptRefusedRows {
  importId: string;
  headers: string[];
  rows: Array<{ result: RowResult; cells: readonly string[] | null }>;
  /** refused rows beyond KEPT_REFUSED_ROWS, counted only */
  leftOut: number;
}

/**
 * Write refused rows an app run kept to a new file the user chose: each with its line, code and
 * reason, then its cells as they were (formulas neutralised by the CSV writer). Plain text outside
 * the vault, so audited with the row count and the file's SHA-256.
 */
export function writeRefusedRows(
  ctx: DomainContext,
  kept: KeptRefusedRows,
  destPath: string,
): { file: string; rows: number } {
  const lines = [CSV_BOM + csvLine(['line', 'error_code', 'error', ...kept.headers])];
  for (const { result: r, cells } of kept.rows)
    lines.push(csvLine([String(r.line), r.code!, r.message!, ...(cells ? [...cells] : kept.headers.map(() => ''))]));
  const data = lines.join('');
  const sha256 = createHash('sha256').update(data).digest('hex');
  const staged = stageNewFile(checkNewFileTarget(destPath), data);
  let published = false;
  try {
    mutate(ctx, (audit) => {
      staged.publish();
      published = true;
      audit({
        action: 'import.refused-rows-written',
        subject: { kind: 'import', id: kept.importId },
        details: { rows: kept.rows.length, sha256 },
      });
    });
  } catch (e) {
    // the audit entry could not be written: the file is taken back
    if (published) unpublish(staged.dest);
    throw e;
  } finally {
    staged.discard();
  }
  return { file: staged.dest, rows: kept.rows.length };
}
