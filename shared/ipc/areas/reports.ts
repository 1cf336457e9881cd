/**
 * Donor reports (docs/reports.md): preview a report — the report itself, its HTML as it would be
 * saved, every redaction made and every case left out — then write it to a file chosen in
 * main's save dialog. The schemas of the report are the domain's own (shared/domain/reports.ts),
 * strict, so nothing the engine did not mean to publish can cross.
 *
 * The preview's redaction and left-out lists name cases by reference: they are for the officer
 * inside the organisation and are never written into a report file. The answers never carry a
 * path: `write` says the file's base name (as the save dialog already showed it) and its size.
 */
import { z } from 'zod';
import { DonorReportInput, DonorReportPreview, ReportFormat } from '../../domain/reports.js';
import { engineCall, NoInput } from '../kit.js';
import { FileHandle } from './app.js';

/** At most this many values of each kind are offered in the scope pickers. */
export const SCOPE_OPTIONS_MAX = 500;

export const ReportScopeOptions = z.strictObject({
  /** the tags used by cases, sorted */
  tags: z.array(z.string()).max(SCOPE_OPTIONS_MAX),
  /** the projects of cases, sorted */
  projects: z.array(z.string()).max(SCOPE_OPTIONS_MAX),
  /** the donor codes of cases, sorted */
  donorCodes: z.array(z.string()).max(SCOPE_OPTIONS_MAX),
});
export type ReportScopeOptions = z.infer<typeof ReportScopeOptions>;

export const ReportPreviewOutput = DonorReportPreview.extend({
  /** the self-contained HTML report, exactly as `write` with format 'html' would save it */
  html: z.string(),
});
export type ReportPreviewOutput = z.infer<typeof ReportPreviewOutput>;

export const WriteReportInput = DonorReportInput.extend({
  format: ReportFormat,
  /** from files.chooseSaveTarget with kind 'report-pdf' | 'report-csv' | 'report-html' */
  target: FileHandle,
});
export type WriteReportInput = z.input<typeof WriteReportInput>;

export const ReportWrittenOutput = z.strictObject({
  /** the file's base name, never its folder */
  name: z.string(),
  format: ReportFormat,
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  redactions: z.number().int().min(0),
  leftOut: z.number().int().min(0),
});
export type ReportWrittenOutput = z.infer<typeof ReportWrittenOutput>;

export const reportsArea = {
  /** the tags, projects and donor codes cases carry, for the scope pickers */
  scopeOptions: engineCall(NoInput, ReportScopeOptions),
  /** build the report without writing anything: the model, its HTML, the redactions, the cases left out */
  preview: engineCall(DonorReportInput, ReportPreviewOutput),
  /** build and write the report to a new file (`target` from files.chooseSaveTarget); an audit entry records it */
  write: engineCall(WriteReportInput, ReportWrittenOutput, { fileFields: { target: 'save' } }),
} as const;
