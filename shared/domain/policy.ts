/**
 * The organisation's partner policy (docs/bundle-format.md, "Authority over what arrives": the partner
 * gate) and a partner's clearance under it.
 *
 * The policy is one row of the vault (`org_policy`, migration 0005), ON by default:
 * - `requireDueDiligence`: a share needs the partner's due diligence recorded as `approved`
 *   (not pending, not rejected, not approved-with-conditions: conditions are cleared first) and
 *   its review date, if any, not passed;
 * - `requireAgreement`: a share needs a confidentiality or data-sharing agreement with the
 *   partner that is signed (on or before today) and not expired (no end date, or today or later).
 *
 * The engine (engine/policy/policy-service.ts) decides; the bundle plan carries the same
 * answer as a PARTNER_NOT_CLEARED blocker, and the share wizard shows the reasons.
 *
 * This file imports zod and shared/ only.
 */
import { z } from 'zod';
import { ShortText } from './common.js';

export const OrgPolicy = z.strictObject({
  requireDueDiligence: z.boolean(),
  requireAgreement: z.boolean(),
  /** when and by whom it was last changed; null while it is the default */
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type OrgPolicy = z.infer<typeof OrgPolicy>;

/** Change one or both rules. `updatedBy` defaults to the name on this vault's contact card. */
export const SetPolicyInput = z
  .strictObject({
    requireDueDiligence: z.boolean().optional(),
    requireAgreement: z.boolean().optional(),
    updatedBy: ShortText.optional(),
  })
  .refine((v) => v.requireDueDiligence !== undefined || v.requireAgreement !== undefined, {
    message: 'say what to change: requireDueDiligence, requireAgreement or both',
    path: ['requireDueDiligence'],
  });
export type SetPolicyInput = z.input<typeof SetPolicyInput>;

/**
 * Why a partner is not cleared. Each comes with a sentence saying where to fix it, and `day`
 * (the review date that passed, the day the agreement expired) where there is one.
 */
export const CLEARANCE_REASONS = [
  'due-diligence-pending',
  'due-diligence-conditions',
  'due-diligence-rejected',
  'due-diligence-review-overdue',
  'agreement-missing',
  'agreement-not-signed',
  'agreement-expired',
] as const;
export const ClearanceReason = z.enum(CLEARANCE_REASONS);
export type ClearanceReason = z.infer<typeof ClearanceReason>;

export const PartnerClearance = z.strictObject({
  partnerId: z.string(),
  /** true when nothing in the policy stands in the way of a share with this partner */
  cleared: z.boolean(),
  /** the rules that applied */
  policy: z.strictObject({ requireDueDiligence: z.boolean(), requireAgreement: z.boolean() }),
  reasons: z.array(z.strictObject({ reason: ClearanceReason, message: z.string(), day: z.string().nullable() })),
});
export type PartnerClearance = z.infer<typeof PartnerClearance>;
