/**
 * What the three renderers share: the order of the sections, how amounts are written, and
 * whether a report holds anything at all.
 */
import type { DonorReportModel, ReportCell } from '../../../shared/domain/reports.js';
import { t } from './catalogue.js';

export const SECTIONS = [
  'summary',
  'enquiries',
  'people',
  'cases',
  'outcomes',
  'reparations',
  'indicators',
  'deadlines',
  'vignettes',
  'method',
] as const;

const SEPARATORS: Readonly<Record<DonorReportModel['language'], { group: string; decimal: string }>> = {
  en: { group: ',', decimal: '.' },
  // a no-break space: it exists in the PDF's WinAnsi encoding, unlike the narrow one
  fr: { group: '\u00a0', decimal: ',' },
  es: { group: '.', decimal: ',' },
  ar: { group: ',', decimal: '.' },
};

/** "1234567.50" → "1,234,567.50" (en), "1 234 567,50" (fr); null → "not shown". Exact: text in, text out. */
export function formatAmount(model: Pick<DonorReportModel, 'language'>, amount: string | null): string {
  if (amount === null) return t(model.language, 'cell.notShown');
  const [whole, fraction] = amount.split('.') as [string, string | undefined];
  const sep = SEPARATORS[model.language];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group);
  return fraction === undefined ? grouped : `${grouped}${sep.decimal}${fraction}`;
}

export function hasEnquiries(model: DonorReportModel): boolean {
  return model.enquiries.included || model.enquiries.note !== null;
}

function isSomething(c: ReportCell): boolean {
  return !(c.state === 'value' && c.value === 0);
}

/**
 * Does the report hold anything? Not when every count is 0 and there is no story — typically
 * because no case in the period has the consent it needs (the preview lists them).
 */
export function hasData(model: DonorReportModel): boolean {
  return (
    model.summary.some((r) => isSomething(r.cell)) ||
    model.enquiries.rows.some((r) => isSomething(r.cell)) ||
    model.tables.some((x) => isSomething(x.total)) ||
    model.vignettes.length > 0
  );
}
