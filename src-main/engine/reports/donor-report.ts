/**
 * Donor reports (docs/reports.md): build the report — a pure data
 * model, already consent-gated, suppressed and scrubbed — with the list of every redaction and
 * every case left out, for a person to preview; then write it as PDF, CSV or HTML.
 *
 *   buildDonorReport(ctx, input)               → { model, redactions, leftOut }   (reads only)
 *   writeDonorReport(ctx, model, {format, out}) → the file, and an audit entry
 *   exportDonorReport(ctx, input, {format, out}) = both (what the CLI and the app call)
 *
 * Refusals, each before anything is written: k below 5 (REPORT_K_TOO_SMALL), a period that ends
 * before it starts (REPORT_PERIOD_INVALID), filters that select no case (REPORT_EMPTY_SCOPE),
 * nothing in the period — or nothing with consent — to report (REPORT_NO_DATA), a title or scope
 * code that carries a name, place, contact or exact date known to the vault (REPORT_UNSAFE_TEXT),
 * a PDF whose text needs a script no shipped font has (REPORT_SCRIPT_UNSUPPORTED, e.g. Chinese),
 * an output folder that is missing or cannot be written (REPORT_OUTPUT_UNWRITABLE), an existing
 * output file (EXPORT_TARGET_EXISTS).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  DonorReportInput,
  type DonorReportInput as DonorReportInputT,
  DonorReportModel,
  type DonorReportPreview,
  type DonorReportWritten,
  type LeftOutCase,
  MIN_K,
  type Redaction,
  type ReportCell,
  type ReportFormat,
  type ReportRow,
  type ReportTable,
  type ReportTableId,
  WriteDonorReportOptions,
  type WriteDonorReportOptions as WriteDonorReportOptionsT,
} from '../../../shared/domain/reports.js';
import { formatMinor } from '../../../shared/domain/outcomes.js';
import { VaultError, isVaultError } from '../../../shared/errors.js';
import { type DomainContext, mutate, nowIso, parseInput } from '../domain/context.js';
import { checkNewFileTarget, stageNewFile, type StagedFile, unpublish } from '../util/new-file.js';
import { aggregate, enquiriesInPeriod, type RawAggregates } from './aggregates.js';
import { type CatalogueKey, countryName, dayLabel, isRtl, monthLabel, t } from './catalogue.js';
import { hasData } from './layout.js';
import { renderCsv } from './render-csv.js';
import { renderHtml } from './render-html.js';
import { renderPdf } from './render-pdf.js';
import { consentOfCases, hasFilters, overlaps, selectCases } from './scope.js';
import { type TermIndex, type TermKind, unsafeTextKinds } from './scrub.js';
import { suppressCount, suppressLine } from './suppression.js';
import { loadTermIndex } from './terms.js';
import { buildVignettes } from './vignettes.js';

type Parsed = ReturnType<typeof DonorReportInput.parse>;

/** Parse and check the input; the specific refusals come before the generic INVALID_INPUT ones. */
function parseReportInput(input: DonorReportInputT): Parsed {
  const raw = input as { k?: unknown } | null;
  if (raw && typeof raw === 'object' && typeof raw.k === 'number' && Number.isInteger(raw.k) && raw.k < MIN_K) {
    throw new VaultError(
      'REPORT_K_TOO_SMALL',
      `k must be at least ${MIN_K}: counts below ${MIN_K} are never shown, and k can only be raised (you gave ${raw.k}).`,
    );
  }
  const p = parseInput(DonorReportInput, input);
  if (p.from > p.to)
    throw new VaultError(
      'REPORT_PERIOD_INVALID',
      `The period ends (${p.to}) before it starts (${p.from}); give --from before --to.`,
    );
  return p;
}

const TITLE_TERMS: ReadonlySet<TermKind> = new Set(['person', 'other-person', 'place', 'contact', 'case-text']);
const CODE_TERMS: ReadonlySet<TermKind> = new Set(['person', 'other-person', 'place', 'contact']);

function checkTypedText(p: Parsed, index: TermIndex): void {
  if (p.title && unsafeTextKinds(p.title, index, TITLE_TERMS, { numbers: true }).length > 0) {
    throw new VaultError(
      'REPORT_UNSAFE_TEXT',
      'The title contains a name, place, contact detail, case reference or exact date that this vault knows, or a long number; choose a title without it.',
    );
  }
  for (const code of [...p.projects, ...p.donorCodes]) {
    if (unsafeTextKinds(code, index, CODE_TERMS, { numbers: false }).length > 0) {
      throw new VaultError(
        'REPORT_UNSAFE_TEXT',
        'A project or donor code contains a name, place, contact detail or exact date that this vault knows; such a code cannot be printed in a report.',
      );
    }
  }
}

/** Labels of table rows, by table. */
function rowLabel(lang: Parsed['language'], table: ReportTableId, key: string): string {
  if (key === 'unknown') return t(lang, 'common.unknown');
  if (key === 'none') return t(lang, 'common.notSet');
  switch (table) {
    case 'people-by-gender':
      return t(lang, `gender.${key}` as CatalogueKey);
    case 'people-by-age':
      return t(lang, `age.${key}` as CatalogueKey);
    case 'people-by-country':
      return key === 'other' ? t(lang, 'country.other') : countryName(lang, key);
    case 'cases-by-forum':
      return t(lang, `forum.${key}` as CatalogueKey);
    case 'cases-by-stage':
      return t(lang, `stage.${key}` as CatalogueKey);
    case 'outcomes-by-category':
      return t(lang, `category.${key}` as CatalogueKey);
    case 'outcomes-over-time':
      if (/^\d{4}-\d{2}$/.test(key)) return monthLabel(lang, key);
      if (/^\d{4}-Q\d$/.test(key)) return t(lang, 'bucket.quarter', { q: key.slice(6), year: key.slice(0, 4) });
      return key;
    case 'deadlines':
      return t(lang, `deadline.${key}` as CatalogueKey);
  }
}

const ROW_HEADING: Readonly<Record<ReportTableId, CatalogueKey>> = {
  'people-by-gender': 'heading.gender',
  'people-by-age': 'heading.age',
  'people-by-country': 'heading.country',
  'cases-by-forum': 'heading.forum',
  'cases-by-stage': 'heading.stage',
  'outcomes-by-category': 'heading.category',
  'outcomes-over-time': 'heading.period',
  deadlines: 'heading.deadline',
};

class Assembler {
  readonly redactions: Redaction[] = [];
  constructor(readonly p: Parsed) {}

  note(kind: Redaction['kind'], where: string, caseReference: string | null = null): void {
    this.redactions.push({ kind, where, caseReference, count: 1 });
  }

  count(key: string, labelKey: CatalogueKey, n: number, where: string): ReportRow {
    const cell = suppressCount(n, this.p.k);
    if (cell.state === 'small') this.note('small-cell', `${where} · ${key}`);
    return { key, label: t(this.p.language, labelKey), cell };
  }

  table(id: ReportTableId, rows: ReadonlyArray<readonly [string, number]>): ReportTable {
    const s = suppressLine(
      rows.map(([, n]) => n),
      this.p.k,
    );
    const lang = this.p.language;
    if (s.withheld) this.note('withheld-table', id);
    if (s.total.state === 'small') this.note('small-cell', `${id} · total`);
    const out: ReportRow[] = s.withheld
      ? []
      : rows.map(([key], i) => {
          const cell = s.cells[i]!;
          if (cell.state === 'small') this.note('small-cell', `${id} · ${key}`);
          if (cell.state === 'hidden') this.note('hidden-cell', `${id} · ${key}`);
          return { key, label: rowLabel(lang, id, key), cell };
        });
    return {
      id,
      title: t(lang, `table.${id}` as CatalogueKey),
      rowHeading: t(lang, ROW_HEADING[id]),
      rows: out,
      total: s.total,
      withheld: s.withheld,
    };
  }
}

function buildModel(
  ctx: DomainContext,
  p: Parsed,
  raw: RawAggregates,
  a: Assembler,
  vignettes: DonorReportModel['vignettes'],
): DonorReportModel {
  const lang = p.language;
  const k = p.k;
  const summary = [
    a.count('cases-opened', 'summary.cases-opened', raw.casesOpened, 'summary'),
    a.count('cases-active', 'summary.cases-active', raw.casesActive, 'summary'),
    a.count('cases-closed', 'summary.cases-closed', raw.casesClosed, 'summary'),
    a.count('people-supported', 'summary.people-supported', raw.peopleSupported, 'summary'),
  ];
  const enquiries: DonorReportModel['enquiries'] = raw.enquiries
    ? {
        included: true,
        rows: [
          a.count('received', 'enquiries.received', raw.enquiries.received, 'enquiries'),
          a.count('accepted', 'enquiries.accepted', raw.enquiries.accepted, 'enquiries'),
          a.count('referred', 'enquiries.referred', raw.enquiries.referred, 'enquiries'),
          a.count('declined', 'enquiries.declined', raw.enquiries.declined, 'enquiries'),
        ],
        note: null,
      }
    : { included: false, rows: [], note: t(lang, 'enquiries.notScoped') };
  const tables: ReportTable[] = [
    a.table('people-by-gender', raw.peopleByGender),
    a.table('people-by-age', raw.peopleByAge),
    a.table('people-by-country', raw.peopleByCountry),
    a.table('cases-by-forum', raw.casesByForum),
    a.table('cases-by-stage', raw.casesByStage),
    a.table('outcomes-by-category', raw.outcomesByCategory),
    a.table('outcomes-over-time', raw.outcomesOverTime),
    a.table('deadlines', raw.deadlines),
  ];
  // reparations: a currency only from k cases; each sum only from k cases
  const reparations = raw.reparations.flatMap((r) => {
    if (r.cases < k) {
      a.note('suppressed-sum', `reparations · ${r.currency}`);
      return [];
    }
    const sum = (cases: number, minor: bigint, what: string) => {
      if (cases < k) {
        a.note('suppressed-sum', `reparations · ${r.currency} · ${what}`);
        return null;
      }
      return minor <= BigInt(Number.MAX_SAFE_INTEGER)
        ? formatMinor(Number(minor), r.currency)
        : formatBigMinor(minor, r.currency);
    };
    return [
      {
        currency: r.currency,
        cases: { state: 'value', value: r.cases } as ReportCell,
        awarded: sum(r.awardedCases, r.awardedMinor, 'awarded'),
        paid: sum(r.paidCases, r.paidMinor, 'paid'),
      },
    ];
  });
  const indicators = raw.indicators.map((r) => {
    const label = t(lang, `dimension.${r.dimension}` as CatalogueKey);
    if (r.cases < k) {
      if (r.cases > 0) a.note('suppressed-indicator', `indicators · ${r.dimension}`);
      const hidden: ReportCell = r.cases === 0 ? { state: 'value', value: 0 } : { state: 'hidden' };
      return {
        dimension: r.dimension,
        label,
        cases: suppressCount(r.cases, k),
        indicators: hidden,
        atTarget: hidden,
        averageProgress: null,
      };
    }
    const atTarget = suppressCount(r.atTarget, k);
    if (atTarget.state === 'small') a.note('small-cell', `indicators · ${r.dimension} · at target`);
    const average = r.progress.length ? r.progress.reduce((s, x) => s + x, 0) / r.progress.length : null;
    return {
      dimension: r.dimension,
      label,
      cases: suppressCount(r.cases, k),
      indicators: suppressCount(r.indicators, k),
      atTarget,
      averageProgress: average,
    };
  });

  const scopeParts: string[] = [];
  if (p.projects.length) scopeParts.push(t(lang, 'meta.projects', { list: p.projects.join(', ') }));
  if (p.donorCodes.length) scopeParts.push(t(lang, 'meta.donorCodes', { list: p.donorCodes.join(', ') }));
  if (p.tags.length) scopeParts.push(t(lang, 'meta.byTag'));
  const month = nowIso(ctx).slice(0, 7);
  const notes = [t(lang, 'method.consent'), t(lang, 'method.suppression', { k, k1: k - 1 }), t(lang, 'method.dates')];
  if (raw.enquiries) notes.push(t(lang, 'method.enquiries'));
  return {
    version: 1,
    language: lang,
    dir: isRtl(lang) ? 'rtl' : 'ltr',
    title: p.title || t(lang, 'title.default'),
    period: {
      from: p.from,
      to: p.to,
      label: t(lang, 'meta.periodRange', { from: dayLabel(lang, p.from), to: dayLabel(lang, p.to) }),
    },
    prepared: { month, label: monthLabel(lang, month) },
    k,
    scope: {
      projects: [...p.projects],
      donorCodes: [...p.donorCodes],
      byTag: p.tags.length > 0,
      label: scopeParts.length ? scopeParts.join('; ') : t(lang, 'meta.allCases'),
    },
    summary,
    enquiries,
    tables,
    reparations: { rows: reparations, note: t(lang, 'reparations.note', { k }) },
    indicators: { rows: indicators, note: t(lang, 'indicators.note', { k }) },
    vignettes,
    notes,
  };
}

/** formatMinor for sums beyond 2^53 minor units (BigInt, exact). */
function formatBigMinor(minor: bigint, currency: string): string {
  const decimals = formatMinor(0, currency).split('.')[1]?.length ?? 0;
  if (decimals === 0) return minor.toString();
  const digits = minor.toString().padStart(decimals + 1, '0');
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** Build the report and its preview. Reads only: nothing is written, no audit entry. */
export function buildDonorReport(ctx: DomainContext, input: DonorReportInputT): DonorReportPreview {
  const p = parseReportInput(input);
  const db = ctx.db;
  const filters = { tags: p.tags, projects: p.projects, donorCodes: p.donorCodes };
  const filtered = hasFilters(filters);
  const cases = selectCases(db, filters);
  if (filtered && cases.length === 0) {
    throw new VaultError(
      'REPORT_EMPTY_SCOPE',
      'No case has the tags, projects or donor codes given, so the report would be empty. Check the spelling (project and donor codes must match exactly), or leave a filter out.',
    );
  }
  const inPeriod = cases.filter((c) => overlaps(c, p.from, p.to));
  if (inPeriod.length === 0 && (filtered || enquiriesInPeriod(db, p.from, p.to) === 0)) {
    throw new VaultError(
      'REPORT_NO_DATA',
      `Nothing happened in the period ${p.from} to ${p.to} in the cases selected: no case was open then${filtered ? '' : ' and no enquiry came in or was decided'}. Choose another period.`,
    );
  }
  // the vault's names are read only when there is text to check or stories to scrub
  let termIndex: TermIndex | null = null;
  const index = () => (termIndex ??= loadTermIndex(db));
  if (p.title || p.projects.length || p.donorCodes.length) checkTypedText(p, index());

  const active = inPeriod.filter((c) => c.takenOn);
  const consent = consentOfCases(db, active, nowIso(ctx));
  const lang = p.language;
  const raw = aggregate(db, {
    from: p.from,
    to: p.to,
    k: p.k,
    active,
    consent,
    withEnquiries: !filtered,
    countryOrder: (code) => countryName(lang, code),
  });

  const leftOut: LeftOutCase[] = [];
  for (const c of active) {
    const lo = consent.get(c.id)?.leftOut;
    if (lo && (lo.from === 'report' || p.vignettes))
      leftOut.push({ caseId: c.id, caseReference: c.reference, from: lo.from, reason: lo.reason, people: lo.people });
  }

  const a = new Assembler(p);
  let vignettes: DonorReportModel['vignettes'] = [];
  if (p.vignettes) {
    const tellable = active.filter((c) => consent.get(c.id)?.storyAllowed);
    const v = buildVignettes(db, { lang, from: p.from, to: p.to, cases: tellable, consent, index: index() });
    vignettes = v.vignettes;
    a.redactions.push(...v.redactions);
  }
  const model = buildModel(ctx, p, raw, a, vignettes);
  // the model is the contract with every renderer (and the IPC layer): check our own output
  return { model: DonorReportModel.parse(model), redactions: a.redactions, leftOut };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** An I/O failure at the destination (missing folder, no permission) is REPORT_OUTPUT_UNWRITABLE. */
function unwritable(e: unknown): unknown {
  if (isVaultError(e) && e.code === 'IO_ERROR') {
    return new VaultError(
      'REPORT_OUTPUT_UNWRITABLE',
      `The report cannot be written there: ${e.message} Choose a folder that exists and that you can write to.`,
      { cause: e },
    );
  }
  return e;
}

/** Check the destination (no data), or stage the report's bytes beside it. */
function outputTarget(out: string): void;
function outputTarget(out: string, data: Buffer): StagedFile;
function outputTarget(out: string, data?: Buffer): StagedFile | void {
  try {
    if (data === undefined) {
      checkNewFileTarget(out);
      return;
    }
    return stageNewFile(out, data, 0o644);
  } catch (e) {
    throw unwritable(e);
  }
}

async function render(model: DonorReportModel, format: ReportFormat): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(renderCsv(model), 'utf8');
  if (format === 'html') return Buffer.from(renderHtml(model), 'utf8');
  return renderPdf(model);
}

/** The texts of a model that came from people (not from the catalogue): what the final check reads. */
function typedTexts(model: DonorReportModel): string[] {
  const title = model.title === t(model.language, 'title.default') ? [] : [model.title];
  return [
    ...title,
    ...model.scope.projects,
    ...model.scope.donorCodes,
    ...model.vignettes.flatMap((v) => v.paragraphs),
  ];
}

/**
 * Write a report built by buildDonorReport: rendered in memory (the report is already redacted;
 * nothing of the vault is decrypted to disk), written to a temp file beside `out`, fsynced, and
 * published under its name without ever replacing a file — in the transaction of its audit entry
 * `report.donor-written`, so a report never exists without its entry (the file is removed again
 * if the entry cannot be committed). The model is parsed again and its people-typed texts checked
 * against the vault once more: a model is data, and it may come back through the IPC layer.
 */
export async function writeDonorReport(
  ctx: DomainContext,
  modelInput: DonorReportModel,
  options: WriteDonorReportOptionsT,
): Promise<DonorReportWritten> {
  const o = parseInput(WriteDonorReportOptions, options);
  const model = parseInput(DonorReportModel, modelInput);
  if (!hasData(model)) {
    throw new VaultError(
      'REPORT_NO_DATA',
      'Nothing in this report can be shown: every count is 0 and there is no case story — most often because no case in the period has the donor-reporting consent it needs. The preview (--preview) lists the cases left out and why.',
    );
  }
  const typed = typedTexts(model);
  const index = typed.length > 0 ? loadTermIndex(ctx.db) : null;
  if (index && typed.some((s) => index.find(s).length > 0)) {
    throw new VaultError(
      'REPORT_UNSAFE_TEXT',
      'The report contains a name, place, contact detail or case text that this vault knows; build it again (buildDonorReport) instead of editing it.',
    );
  }
  const data = await render(model, o.format);
  const sha256 = createHash('sha256').update(data).digest('hex');

  const staged = outputTarget(o.out, data);
  let published = false;
  try {
    mutate(ctx, (audit) => {
      staged.publish();
      published = true;
      const cells = model.tables
        .flatMap((x) => [...x.rows.map((r) => r.cell), x.total])
        .concat(
          model.summary.map((r) => r.cell),
          model.enquiries.rows.map((r) => r.cell),
        );
      audit({
        action: 'report.donor-written',
        subject: null,
        details: {
          format: o.format,
          language: model.language,
          from: model.period.from,
          to: model.period.to,
          k: model.k,
          tables: model.tables.length,
          smallCells: cells.filter((c) => c.state === 'small').length,
          hiddenCells: cells.filter((c) => c.state === 'hidden').length,
          withheldTables: model.tables.filter((x) => x.withheld).length,
          vignettes: model.vignettes.length,
          bytes: data.length,
          sha256,
        },
      });
    });
  } catch (e) {
    if (published) unpublish(staged.dest);
    throw e;
  } finally {
    staged.discard();
  }
  return { file: staged.dest, format: o.format, bytes: data.length, sha256, vignettes: model.vignettes.length };
}

/** Build, then write: what the CLI and the desktop app call (the model never leaves the engine). */
export async function exportDonorReport(
  ctx: DomainContext,
  input: DonorReportInputT,
  options: WriteDonorReportOptionsT,
): Promise<{ written: DonorReportWritten; redactions: number; leftOut: number }> {
  const o = parseInput(WriteDonorReportOptions, options);
  // refuse a bad destination before the work of building
  outputTarget(o.out);
  const preview = buildDonorReport(ctx, input);
  const written = await writeDonorReport(ctx, preview.model, { format: o.format, out: path.resolve(o.out) });
  return { written, redactions: preview.redactions.length, leftOut: preview.leftOut.length };
}
