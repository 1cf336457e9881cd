/**
 * Spreadsheet import (docs/import.md): read a CSV file the user chose in main's open dialog, show
 * row by row what importing it would do, run it with progress, and save the refused rows to a
 * file the user chose in a save dialog. The answers never carry a path, and never a cell of the
 * file: row results say a line, an action, a record's id or reference, and an error.
 */
import { z } from 'zod';
import { ERROR_CODES } from '../../errors.js';
import { engineCall, NoInput, Nothing } from '../kit.js';
import { FileHandle } from './app.js';

export const IMPORT_KINDS = ['cases', 'people', 'enquiries', 'deadlines', 'partners'] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

export const IMPORT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'windows-1252'] as const;
export const IMPORT_DELIMITERS = [',', ';', '\t'] as const;

/** a field of the kind: the engine names the known ones when it is not */
const FieldKey = z.string().min(1).max(40);
/** field → the file's column header that feeds it */
export const ColumnMapping = z.record(FieldKey, z.string().min(1).max(500)).refine((m) => Object.keys(m).length <= 60, {
  message: 'has too many fields',
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;
export const MappingName = z.string().trim().min(1).max(100);

export const ImportRequest = z.strictObject({
  /** from files.chooseOpen with kind 'csv' */
  file: FileHandle,
  kind: ImportKind,
  /** a saved mapping to start from */
  mappingName: MappingName.optional(),
  /** field → header, on top of the proposed or saved mapping */
  mapping: ColumnMapping.optional(),
  /** `mapping` is the whole mapping (columns left out of it are not imported), not additions to the proposed one */
  exactMapping: z.boolean().optional(),
  encoding: z.enum(IMPORT_ENCODINGS).optional(),
  delimiter: z.enum(IMPORT_DELIMITERS).optional(),
});
export type ImportRequest = z.input<typeof ImportRequest>;

export const ImportPreflightInput = ImportRequest.extend({
  /** save the mapping used under this name */
  saveMappingAs: MappingName.optional(),
});

export const ImportRunInput = ImportRequest.extend({
  /** change nothing: answer as preflight does, with `dryRun: true` */
  dryRun: z.boolean().optional(),
  /** import a file whose bytes were imported before */
  again: z.boolean().optional(),
});

export const RowResult = z.strictObject({
  line: z.number().int().min(1),
  action: z.enum(['create', 'update', 'unchanged', 'refuse']),
  id: z.string().optional(),
  reference: z.string().optional(),
  conflicts: z.number().int().min(0).optional(),
  code: z.enum(ERROR_CODES).optional(),
  message: z.string().optional(),
});
export type RowResult = z.infer<typeof RowResult>;

export const ImportCounts = z.strictObject({
  rows: z.number().int().min(0),
  create: z.number().int().min(0),
  update: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  refuse: z.number().int().min(0),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

const Prepared = z.strictObject({
  kind: ImportKind,
  format: z.strictObject({
    encoding: z.enum(IMPORT_ENCODINGS),
    bom: z.boolean(),
    delimiter: z.enum(IMPORT_DELIMITERS),
    bytes: z.number().int().min(0),
  }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  ignored: z.array(z.string()),
  earlier: z.array(
    z.strictObject({ at: z.string(), status: z.string(), created: z.number().int(), updated: z.number().int() }),
  ),
  /** the fields of the kind a column can feed, for the mapping step */
  fields: z.array(z.strictObject({ key: z.string(), required: z.boolean() })),
});

export const ImportPreview = Prepared.extend({
  counts: ImportCounts,
  /** the first 1 000 rows (all are counted) */
  rows: z.array(RowResult),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportOutcome = Prepared.extend({
  importId: z.string(),
  status: z.enum(['complete', 'cancelled']),
  counts: ImportCounts,
  /** the first 1 000 refused rows */
  refused: z.array(RowResult),
  lastLine: z.number().int().min(0),
  /** the refused rows can be saved with import.saveRefused (until the vault locks) */
  refusedKept: z.number().int().min(0),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ImportRunOutput = z.discriminatedUnion('dryRun', [
  z.strictObject({ dryRun: z.literal(true), preview: ImportPreview }),
  z.strictObject({ dryRun: z.literal(false), outcome: ImportOutcome }),
]);
export type ImportRunOutput = z.infer<typeof ImportRunOutput>;

export const SavedMapping = z.strictObject({
  name: z.string(),
  kind: ImportKind,
  mapping: z.record(z.string(), z.string()),
  updatedAt: z.string(),
});
export type SavedMapping = z.infer<typeof SavedMapping>;

export const SaveRefusedInput = z.strictObject({
  importId: z.string().uuid(),
  /** from files.chooseSaveTarget with kind 'import-refused' */
  target: FileHandle,
});

export const importArea = {
  /** read the file and answer, row by row, what importing it would do; changes nothing (but a mapping asked to be saved) */
  preflight: engineCall(ImportPreflightInput, ImportPreview, { progress: true, fileFields: { file: 'open' } }),
  /** import the file in batches, reporting progress; import.cancel stops it after the batch in hand */
  run: engineCall(ImportRunInput, ImportRunOutput, { progress: true, fileFields: { file: 'open' } }),
  /** stop the running import after the batch in hand (what was committed stays); false when none runs */
  cancel: engineCall(NoInput, z.strictObject({ cancelled: z.boolean() })),
  /** the saved column mappings */
  mappings: engineCall(z.strictObject({ kind: ImportKind.optional() }), z.array(SavedMapping)),
  /** save (or replace) a column mapping by name */
  saveMapping: engineCall(z.strictObject({ name: MappingName, kind: ImportKind, mapping: ColumnMapping }), Nothing),
  /** write the last run's refused rows (line, code, reason, cells) to a new CSV file: plain text, audited */
  saveRefused: engineCall(SaveRefusedInput, z.strictObject({ name: z.string(), rows: z.number().int().min(0) }), {
    fileFields: { target: 'save' },
  }),
} as const;
