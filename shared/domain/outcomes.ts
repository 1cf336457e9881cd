/**
 * Outcomes and impact: what a case achieved (declaratory relief, truth-telling, the material
 * reparations, movement, attitudes), indicators that measure change over time, and the
 * evaluation of a case's impact on the survivor, the community, policy and society.
 *
 * Money is stored as integer minor units of its currency (cents, pence; yen have none), never
 * as floating point: `toMinorUnits` and `formatMinor` convert exactly, digit by digit.
 */
import { isCurrencyCode } from './iso.js';
import { z } from 'zod';
import { Day, ExpectedVersion, Id, LongText, RecordMeta, ShortText, text } from './common.js';

export const OUTCOME_KINDS = [
  'declaratory',
  'truth-telling',
  'restitution',
  'compensation',
  'rehabilitation',
  'satisfaction',
  'non-repetition',
  'movement',
  'attitudes',
] as const;
export const OutcomeKind = z.enum(OUTCOME_KINDS);
export type OutcomeKind = z.infer<typeof OutcomeKind>;

/** The five forms of reparation are one category, "material". */
export const OUTCOME_CATEGORIES = ['declaratory', 'truth-telling', 'material', 'movement', 'attitudes'] as const;
export const OutcomeCategory = z.enum(OUTCOME_CATEGORIES);
export type OutcomeCategory = z.infer<typeof OutcomeCategory>;

export const OUTCOME_CATEGORY_OF: Readonly<Record<OutcomeKind, OutcomeCategory>> = {
  declaratory: 'declaratory',
  'truth-telling': 'truth-telling',
  restitution: 'material',
  compensation: 'material',
  rehabilitation: 'material',
  satisfaction: 'material',
  'non-repetition': 'material',
  movement: 'movement',
  attitudes: 'attitudes',
};

export function kindsOfCategory(category: OutcomeCategory): OutcomeKind[] {
  return OUTCOME_KINDS.filter((k) => OUTCOME_CATEGORY_OF[k] === category);
}

// ---------------------------------------------------------------------------------------------
// Money

/** ISO 4217 currencies without a minor unit. */
export const ZERO_DECIMAL_CURRENCIES: readonly string[] = [
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
];
/** ISO 4217 currencies with three decimals (fils, baisa, millimes): 1.250 KWD is 1250 minor units. */
export const THREE_DECIMAL_CURRENCIES: readonly string[] = ['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'];

/** Digits after the decimal point in `currency` (2 unless listed above). */
export function currencyDecimals(currency: string): number {
  if (ZERO_DECIMAL_CURRENCIES.includes(currency)) return 0;
  if (THREE_DECIMAL_CURRENCIES.includes(currency)) return 3;
  return 2;
}

export const CurrencyCode = z
  .string({
    error: (iss) =>
      iss.input === undefined ? 'is required' : 'must be a three-letter ISO 4217 currency code, e.g. EUR or KES',
  })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 currency code, e.g. EUR or KES')
  .refine(isCurrencyCode, 'is not an ISO 4217 currency code in circulation');

/** An amount as typed ("1500", "1500.50") or a number; converted exactly by toMinorUnits. */
export const Amount = z.union([z.string(), z.number()], { error: 'must be an amount like 1500 or 1500.50' });
export type Amount = z.infer<typeof Amount>;

export type MinorUnits = { ok: true; minor: number } | { ok: false; message: string };

/**
 * An amount in minor units of `currency`, exactly: "1500.5" EUR → 150050, "1500" JPY → 1500.
 * Refuses negatives, more decimals than the currency has (trailing zeros aside), thousands
 * separators, exponents and amounts beyond 2^53.
 */
export function toMinorUnits(amount: Amount, currency: string): MinorUnits {
  let s: string;
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount)) return { ok: false, message: 'must be a finite amount' };
    s = String(amount);
  } else {
    s = amount.trim();
  }
  if (s.startsWith('-')) return { ok: false, message: 'must not be negative' };
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m)
    return { ok: false, message: 'must be an amount like 1500 or 1500.50 (digits, and a point before the decimals)' };
  const whole = m[1]!;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  const decimals = currencyDecimals(currency);
  if (fraction.length > decimals) {
    return {
      ok: false,
      message:
        decimals === 0
          ? `must be a whole amount: ${currency} has no minor unit`
          : `has more than ${decimals} decimal places for ${currency}`,
    };
  }
  const minor = BigInt(whole + fraction.padEnd(decimals, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: 'is too large' };
  return { ok: true, minor: Number(minor) };
}

/** Minor units back to a decimal string with the currency's places: 150050 EUR → "1500.50". */
export function formatMinor(minor: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  if (decimals === 0) return String(minor);
  const digits = String(minor).padStart(decimals + 1, '0');
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

// ---------------------------------------------------------------------------------------------
// Outcomes

export const AddOutcomeInput = z.strictObject({
  caseId: Id,
  kind: OutcomeKind,
  description: text(20_000, 1),
  /** may not lie in the future */
  achievedOn: Day.optional(),
  /** required with an amount */
  currency: CurrencyCode.optional(),
  amountAwarded: Amount.optional(),
  /** may not exceed the amount awarded */
  amountPaid: Amount.optional(),
});
export type AddOutcomeInput = z.input<typeof AddOutcomeInput>;

/** A later payment, a correction: null clears a field. */
export const UpdateOutcomeInput = z.strictObject({
  id: Id,
  expectedVersion: ExpectedVersion,
  kind: OutcomeKind.optional(),
  description: text(20_000, 1).optional(),
  achievedOn: Day.nullable().optional(),
  currency: CurrencyCode.nullable().optional(),
  amountAwarded: Amount.nullable().optional(),
  amountPaid: Amount.nullable().optional(),
});
export type UpdateOutcomeInput = z.input<typeof UpdateOutcomeInput>;

export const ListOutcomesQuery = z.strictObject({
  caseId: Id.optional(),
  kind: OutcomeKind.optional(),
  category: OutcomeCategory.optional(),
});
export type ListOutcomesQuery = z.input<typeof ListOutcomesQuery>;

export const Outcome = RecordMeta.extend({
  caseId: z.string(),
  kind: OutcomeKind,
  category: OutcomeCategory,
  description: z.string(),
  achievedOn: z.string().nullable(),
  currency: z.string().nullable(),
  /** integer minor units, as stored */
  amountAwardedMinor: z.number().int().nullable(),
  amountPaidMinor: z.number().int().nullable(),
  /** the same as decimal strings, e.g. "1500.50" */
  amountAwarded: z.string().nullable(),
  amountPaid: z.string().nullable(),
}).strict();
export type Outcome = z.infer<typeof Outcome>;

export const OutcomeItem = Outcome.extend({
  caseReference: z.string(),
}).strict();
export type OutcomeItem = z.infer<typeof OutcomeItem>;

// ---------------------------------------------------------------------------------------------
// Indicators

export const DIMENSIONS = ['survivor', 'community', 'policy', 'society'] as const;
export const Dimension = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof Dimension>;

const Measure = z.number({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a number') });

export const AddIndicatorInput = z.strictObject({
  caseId: Id,
  /** the outcome this indicator measures (of the same case) */
  outcomeId: Id.optional(),
  name: ShortText,
  dimension: Dimension,
  unit: text(40).default(''),
  baseline: Measure,
  target: Measure,
});
export type AddIndicatorInput = z.input<typeof AddIndicatorInput>;

export const ObserveIndicatorInput = z.strictObject({
  indicatorId: Id,
  observedOn: Day,
  value: Measure,
  note: text(2000).default(''),
});
export type ObserveIndicatorInput = z.input<typeof ObserveIndicatorInput>;

export const ListIndicatorsQuery = z.strictObject({
  caseId: Id.optional(),
  outcomeId: Id.optional(),
  dimension: Dimension.optional(),
});
export type ListIndicatorsQuery = z.input<typeof ListIndicatorsQuery>;

/**
 * How far the latest value has moved from the baseline towards the target, from 0 to 1:
 * (value − baseline) / (target − baseline), clamped. Works for targets below the baseline
 * (fewer incidents). null without a value, or when target = baseline (nothing to measure).
 */
export function indicatorProgress(baseline: number, target: number, value: number | null): number | null {
  if (value === null || target === baseline) return null;
  const p = (value - baseline) / (target - baseline);
  return Math.min(1, Math.max(0, p));
}

export const IndicatorObservation = z.strictObject({
  id: z.string(),
  indicatorId: z.string(),
  observedOn: z.string(),
  value: z.number(),
  note: z.string(),
  createdAt: z.string(),
  originVault: z.string(),
});
export type IndicatorObservation = z.infer<typeof IndicatorObservation>;

export const Indicator = RecordMeta.extend({
  caseId: z.string(),
  outcomeId: z.string().nullable(),
  name: z.string(),
  dimension: Dimension,
  unit: z.string(),
  baseline: z.number(),
  target: z.number(),
  /** the value observed on the latest day (the last one recorded when a day has several) */
  latestValue: z.number().nullable(),
  latestObservedOn: z.string().nullable(),
  progress: z.number().nullable(),
  observationCount: z.number().int(),
}).strict();
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorDetail = Indicator.extend({
  /** oldest first */
  observations: z.array(IndicatorObservation),
}).strict();
export type IndicatorDetail = z.infer<typeof IndicatorDetail>;

// ---------------------------------------------------------------------------------------------
// Case evaluation

/** One evaluation per case; fields left out keep their text. */
export const UpsertEvaluationInput = z.strictObject({
  caseId: Id,
  expectedVersion: ExpectedVersion,
  survivor: LongText.optional(),
  community: LongText.optional(),
  policy: LongText.optional(),
  society: LongText.optional(),
  summary: LongText.optional(),
});
export type UpsertEvaluationInput = z.input<typeof UpsertEvaluationInput>;

export const EVALUATION_FIELDS = ['survivor', 'community', 'policy', 'society', 'summary'] as const;

export const CaseEvaluation = RecordMeta.extend({
  /** the same as id: one evaluation per case */
  caseId: z.string(),
  survivor: z.string(),
  community: z.string(),
  policy: z.string(),
  society: z.string(),
  summary: z.string(),
}).strict();
export type CaseEvaluation = z.infer<typeof CaseEvaluation>;
