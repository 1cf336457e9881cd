/**
 * Donor reports: the input of a report, the report itself (a pure data model that every renderer
 * — HTML, CSV, PDF, and later the preview screen — draws without looking anything up), and the
 * preview around it (every redaction made, every case left out). docs/reports.md explains the
 * rules; the engine builds the model in src-main/engine/reports/.
 *
 * The model is what leaves the organisation. It never holds a case reference, a record id, a
 * name or an exact date of anything that happened to anyone: only counts (already suppressed),
 * labels from the report's own catalogue, country names, months, quarters and years, and the
 * scrubbed text of the case stories. The preview (redactions, left-out cases) is for the officer
 * inside the organisation and may name cases by their reference; it is never written into a
 * report file.
 *
 * The schemas are strict: the IPC layer reuses them as output schemas, so nothing else can pass.
 */
import { z } from 'zod';
import { Day, Tag, text } from './common.js';

/** The languages of the report's own words (labels, headings, notes). */
export const REPORT_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export const ReportLanguage = z.enum(REPORT_LANGUAGES);
export type ReportLanguage = z.infer<typeof ReportLanguage>;

export const REPORT_FORMATS = ['pdf', 'csv', 'html'] as const;
export const ReportFormat = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormat>;

/** The smallest count a report may show; k can be raised, never lowered (REPORT_K_TOO_SMALL). */
export const MIN_K = 5;
export const MAX_K = 100;

const ScopeCode = text(100, 1);

export const DonorReportInput = z.strictObject({
  /** the first and last day of the period, both included */
  from: Day,
  to: Day,
  /** cases with any of these tags (a case matches a kind of filter when it matches one of its values) */
  tags: z.array(Tag).max(50).default([]),
  /** cases of any of these projects (exact) */
  projects: z.array(ScopeCode).max(50).default([]),
  /** cases under any of these donor codes (exact) */
  donorCodes: z.array(ScopeCode).max(50).default([]),
  /** counts from 1 to k − 1 show as "< k"; below MIN_K is refused with REPORT_K_TOO_SMALL */
  k: z.number().int('must be a whole number').max(MAX_K, `must be at most ${MAX_K}`).default(MIN_K),
  /** case stories (only where everyone in the case consented) */
  vignettes: z.boolean().default(true),
  /** the report's title (checked: it may not carry a name, place, contact or exact date known to the vault) */
  title: text(200).optional(),
  language: ReportLanguage.default('en'),
});
export type DonorReportInput = z.input<typeof DonorReportInput>;

export const WriteDonorReportOptions = z.strictObject({
  format: ReportFormat,
  /** the file to create; an existing file is never replaced (EXPORT_TARGET_EXISTS) */
  out: z.string().min(1, 'must name a file'),
});
export type WriteDonorReportOptions = z.input<typeof WriteDonorReportOptions>;

// ---------------------------------------------------------------------------------------------
// The model

/**
 * One count as published: its value, "small" (1 … k − 1, shown as "< k"), or "hidden" (a larger
 * number hidden so that a small one cannot be worked out from a total). The true value of a
 * small or hidden cell is not in the model at all.
 */
export const ReportCell = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('value'), value: z.number().int().min(0) }),
  z.strictObject({ state: z.literal('small') }),
  z.strictObject({ state: z.literal('hidden') }),
]);
export type ReportCell = z.infer<typeof ReportCell>;

export const ReportRow = z.strictObject({
  key: z.string(),
  label: z.string(),
  cell: ReportCell,
});
export type ReportRow = z.infer<typeof ReportRow>;

export const REPORT_TABLE_IDS = [
  'people-by-gender',
  'people-by-age',
  'people-by-country',
  'cases-by-forum',
  'cases-by-stage',
  'outcomes-by-category',
  'outcomes-over-time',
  'deadlines',
] as const;
export const ReportTableId = z.enum(REPORT_TABLE_IDS);
export type ReportTableId = z.infer<typeof ReportTableId>;

/** Why a table's breakdown is not shown (its rows are then empty; its total still shows). */
export const WITHHELD_REASONS = ['small-total', 'unprotectable'] as const;

/** A one-way table: rows that add up to the total. */
export const ReportTable = z.strictObject({
  id: ReportTableId,
  title: z.string(),
  /** the heading of the first column (what the rows are) */
  rowHeading: z.string(),
  rows: z.array(ReportRow),
  total: ReportCell,
  withheld: z.enum(WITHHELD_REASONS).nullable(),
});
export type ReportTable = z.infer<typeof ReportTable>;

export const ReparationRow = z.strictObject({
  currency: z.string(),
  /** cases contributing an amount (always at least k: rows with fewer are not in the model) */
  cases: ReportCell,
  /** decimal strings in the currency's minor units ("1500.50"); null: from fewer than k cases, not shown */
  awarded: z.string().nullable(),
  paid: z.string().nullable(),
});
export type ReparationRow = z.infer<typeof ReparationRow>;

export const IndicatorRow = z.strictObject({
  dimension: z.string(),
  label: z.string(),
  cases: ReportCell,
  indicators: ReportCell,
  atTarget: ReportCell,
  /** 0 … 1; null when not shown (fewer than k cases) or nothing measured */
  averageProgress: z.number().min(0).max(1).nullable(),
});
export type IndicatorRow = z.infer<typeof IndicatorRow>;

export const Vignette = z.strictObject({
  heading: z.string(),
  /** structured facts: forum, stage, country, year opened, people (as "Person A"), outcomes (month) */
  facts: z.array(z.strictObject({ label: z.string(), value: z.string() })),
  /** scrubbed text: the case summary, then the outcome descriptions */
  paragraphs: z.array(z.string()),
});
export type Vignette = z.infer<typeof Vignette>;

export const DonorReportModel = z.strictObject({
  version: z.literal(1),
  language: ReportLanguage,
  dir: z.enum(['ltr', 'rtl']),
  title: z.string(),
  period: z.strictObject({ from: z.string(), to: z.string(), label: z.string() }),
  /** the month the report was made (YYYY-MM), and as words */
  prepared: z.strictObject({ month: z.string(), label: z.string() }),
  k: z.number().int().min(MIN_K),
  scope: z.strictObject({
    projects: z.array(z.string()),
    donorCodes: z.array(z.string()),
    /** cases were also selected by tag (the tags themselves are internal and not shown) */
    byTag: z.boolean(),
    label: z.string(),
  }),
  summary: z.array(ReportRow),
  enquiries: z.strictObject({
    /** false in a report on part of the cases: an enquiry belongs to no project until accepted */
    included: z.boolean(),
    rows: z.array(ReportRow),
    note: z.string().nullable(),
  }),
  tables: z.array(ReportTable),
  reparations: z.strictObject({ rows: z.array(ReparationRow), note: z.string() }),
  indicators: z.strictObject({ rows: z.array(IndicatorRow), note: z.string() }),
  vignettes: z.array(Vignette),
  /** how the report was made: the consent rule, suppression, dates and places */
  notes: z.array(z.string()),
});
export type DonorReportModel = z.infer<typeof DonorReportModel>;

// ---------------------------------------------------------------------------------------------
// The preview: the report plus what was taken out of it (for the officer, never in the file)

export const REDACTION_KINDS = [
  /** a name, alias or pseudonym of someone in the case, replaced by "Person A" */
  'name',
  /** a name of someone else in the vault, or one that fits several people: sentence dropped */
  'other-name',
  /** a capitalised word the vault does not know (perhaps a name or a place): sentence dropped */
  'possible-name',
  /** a place the vault knows (jurisdiction, evidence place): replaced by "[place]" */
  'place',
  /** a contact detail, e-mail address or web address: sentence dropped */
  'contact',
  /** an exact date: coarsened to the month, or the sentence dropped */
  'date',
  /** a number that could be a date, phone or identity number: sentence dropped */
  'number',
  /** a case reference or title of the vault: sentence dropped */
  'case-text',
  /** a whole case story dropped (nothing left, or the final check found something) */
  'vignette',
  /** a count from 1 to k − 1 shown as "< k" */
  'small-cell',
  /** a count hidden so that a small one cannot be worked out from the total */
  'hidden-cell',
  /** a table whose breakdown is not shown */
  'withheld-table',
  /** a sum from fewer than k cases, not shown */
  'suppressed-sum',
  /** an indicator dimension from fewer than k cases, not shown */
  'suppressed-indicator',
] as const;
export const RedactionKind = z.enum(REDACTION_KINDS);
export type RedactionKind = z.infer<typeof RedactionKind>;

/** One redaction: what kind, where in the report, how many times — never the removed text. */
export const Redaction = z.strictObject({
  kind: RedactionKind,
  /** e.g. "case story 2 · summary · sentence 3", "people-by-gender · male" */
  where: z.string(),
  /** the case it came from (preview only) */
  caseReference: z.string().nullable(),
  count: z.number().int().min(1),
});
export type Redaction = z.infer<typeof Redaction>;

export const LEFT_OUT_REASONS = [
  /** no survivor is linked to the case, so no one's consent can cover it */
  'no-survivor',
  /** a survivor (report) or someone in the case (story) has no donor-reporting consent */
  'consent-absent',
  'consent-withdrawn',
  'consent-refused',
  'consent-expired',
  'consent-not-informed',
  /** stories only: the case is marked extreme sensitivity */
  'extreme-sensitivity',
] as const;
export const LeftOutReason = z.enum(LEFT_OUT_REASONS);
export type LeftOutReason = z.infer<typeof LeftOutReason>;

export const LeftOutCase = z.strictObject({
  caseId: z.string(),
  caseReference: z.string(),
  /** left out of the whole report, or only of the case stories */
  from: z.enum(['report', 'vignettes']),
  reason: LeftOutReason,
  /** how many people in the case lack the consent (0 for no-survivor and extreme-sensitivity) */
  people: z.number().int().min(0),
});
export type LeftOutCase = z.infer<typeof LeftOutCase>;

export const DonorReportPreview = z.strictObject({
  model: DonorReportModel,
  redactions: z.array(Redaction),
  leftOut: z.array(LeftOutCase),
});
export type DonorReportPreview = z.infer<typeof DonorReportPreview>;

/** What writing a report returns (and the CLI prints). */
export const DonorReportWritten = z.strictObject({
  file: z.string(),
  format: ReportFormat,
  bytes: z.number().int().min(0),
  sha256: z.string(),
  /** case stories in the report */
  vignettes: z.number().int().min(0),
});
export type DonorReportWritten = z.infer<typeof DonorReportWritten>;
