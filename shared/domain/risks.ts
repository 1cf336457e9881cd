/** The digital-security risk register: threats to the team, its devices, data and people. */
import { z } from 'zod';
import { Day, ExpectedVersion, Id, LongText, RecordMeta, ShortText } from './common.js';

export const RISK_CATEGORIES = ['device', 'communications', 'data', 'physical', 'legal', 'people', 'other'] as const;
export const RiskCategory = z.enum(RISK_CATEGORIES);
export type RiskCategory = z.infer<typeof RiskCategory>;

export const RISK_STATUSES = ['open', 'mitigated', 'accepted', 'closed'] as const;
export const RiskStatus = z.enum(RISK_STATUSES);
export type RiskStatus = z.infer<typeof RiskStatus>;

/** score = likelihood × impact (1–25): low ≤ 4, medium ≤ 9, high ≤ 16, critical above. */
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export const RiskLevel = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevel>;

export function riskLevel(score: number): RiskLevel {
  if (score <= 4) return 'low';
  if (score <= 9) return 'medium';
  if (score <= 16) return 'high';
  return 'critical';
}

/** A rating from 1 (rare / negligible) to 5 (almost certain / severe). */
const Rating = z
  .number({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a whole number from 1 to 5') })
  .int('must be a whole number from 1 to 5')
  .min(1, 'must be a whole number from 1 to 5')
  .max(5, 'must be a whole number from 1 to 5');

export const AddRiskInput = z.strictObject({
  threat: ShortText,
  description: LongText.default(''),
  category: RiskCategory,
  likelihood: Rating,
  impact: Rating,
  mitigations: LongText.default(''),
  /** who watches this risk (a role or a name on the team) */
  owner: ShortText,
  reviewOn: Day,
  status: RiskStatus.default('open'),
  caseId: Id.optional(),
});
export type AddRiskInput = z.input<typeof AddRiskInput>;

export const UpdateRiskInput = z.strictObject({
  id: Id,
  expectedVersion: ExpectedVersion,
  threat: ShortText.optional(),
  description: LongText.optional(),
  category: RiskCategory.optional(),
  likelihood: Rating.optional(),
  impact: Rating.optional(),
  mitigations: LongText.optional(),
  owner: ShortText.optional(),
  reviewOn: Day.optional(),
  status: RiskStatus.optional(),
  caseId: Id.nullable().optional(),
});
export type UpdateRiskInput = z.input<typeof UpdateRiskInput>;

/** reviewDue: risks not closed whose review date is today or past. Sorted by score, highest first. */
export const ListRisksQuery = z.strictObject({
  status: RiskStatus.optional(),
  reviewDue: z.boolean().optional(),
  category: RiskCategory.optional(),
  caseId: Id.optional(),
});
export type ListRisksQuery = z.input<typeof ListRisksQuery>;

export const Risk = RecordMeta.extend({
  threat: z.string(),
  description: z.string(),
  category: RiskCategory,
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int(),
  level: RiskLevel,
  mitigations: z.string(),
  owner: z.string(),
  reviewOn: z.string(),
  status: RiskStatus,
  caseId: z.string().nullable(),
  /** not closed, and the review date has passed */
  reviewOverdue: z.boolean(),
}).strict();
export type Risk = z.infer<typeof Risk>;
