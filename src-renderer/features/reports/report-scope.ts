/**
 * The scope form of a donor report as the screen holds it (strings, as the inputs give them),
 * its checks, and the call input it stands for. Pure functions: no React, no vault.
 */
import { MAX_K, MIN_K, type ReportFormat, type ReportLanguage } from '../../../shared/domain/reports.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import type { MessageValues } from '../../i18n/format-message.js';

export interface ScopeForm {
  from: string;
  to: string;
  tags: string[];
  projects: string[];
  donorCodes: string[];
  /** as typed: checked by `checkScope` */
  k: string;
  vignettes: boolean;
  language: ReportLanguage;
}

/** What the preview and write calls take (without format and target). */
export interface ScopeInput {
  from: string;
  to: string;
  tags: string[];
  projects: string[];
  donorCodes: string[];
  k: number;
  vignettes: boolean;
  language: ReportLanguage;
}

export interface Problem {
  key: MessageKey;
  values?: MessageValues;
}

export type ScopeProblems = Partial<Record<'from' | 'to' | 'k', Problem>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The local calendar day of `d` as YYYY-MM-DD. */
export function localDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The form as it first shows: this year so far, k = 5, stories on, the app's language. */
export function initialScope(today: Date, language: ReportLanguage): ScopeForm {
  return {
    from: `${today.getFullYear()}-01-01`,
    to: localDay(today),
    tags: [],
    projects: [],
    donorCodes: [],
    k: String(MIN_K),
    vignettes: true,
    language,
  };
}

/** Problems to show beside the fields; empty when the scope can be sent. */
export function checkScope(f: ScopeForm): ScopeProblems {
  const problems: ScopeProblems = {};
  if (!DAY.test(f.from)) problems.from = { key: 'reports.scope.dayRequired' };
  if (!DAY.test(f.to)) problems.to = { key: 'reports.scope.dayRequired' };
  if (!problems.from && !problems.to && f.from > f.to) problems.to = { key: 'reports.scope.periodInvalid' };
  const k = f.k.trim() === '' ? Number.NaN : Number(f.k);
  if (!Number.isInteger(k) || k < MIN_K) problems.k = { key: 'reports.scope.kTooSmall', values: { min: MIN_K } };
  else if (k > MAX_K) problems.k = { key: 'reports.scope.kTooLarge', values: { max: MAX_K } };
  return problems;
}

export function hasProblems(p: ScopeProblems): boolean {
  return Object.keys(p).length > 0;
}

/** The call input of a checked form (values sorted, so that equal scopes compare equal). */
export function toInput(f: ScopeForm): ScopeInput {
  return {
    from: f.from,
    to: f.to,
    tags: [...f.tags].sort(),
    projects: [...f.projects].sort(),
    donorCodes: [...f.donorCodes].sort(),
    k: Number(f.k),
    vignettes: f.vignettes,
    language: f.language,
  };
}

export function sameScope(a: ScopeInput, b: ScopeInput): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The file name the save dialog suggests: "donor-report-2026-01-01-2026-06-30.pdf". */
export function suggestedFileName(base: string, input: ScopeInput, format: ReportFormat): string {
  return `${base}-${input.from}-${input.to}.${format}`;
}
