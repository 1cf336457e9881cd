/**
 * The organisation's partner policy and the partner gate (docs/bundle-format.md, "Authority over
 * what arrives"; docs/partners.md, "The partner policy").
 *
 * One row (`org_policy`, migration 0005), ON by default:
 * - require_due_diligence: a share needs the partner's due diligence recorded as `approved`
 *   (pending, rejected and approved-with-conditions are refused: conditions must be cleared
 *   first) and a review date, if there is one, that has not passed;
 * - require_agreement: a share needs a confidentiality or data-sharing agreement with the
 *   partner that is signed (signed_on on or before today) and not expired (expires_on empty,
 *   or today or later: an agreement is in force through its expiry day).
 *
 * `partnerClearance` is the one place this is decided. The bundle plan turns a refusal into
 * the blocker PARTNER_NOT_CLEARED (so the export refuses and the share wizard shows it), and
 * the wizard asks for the same answer as soon as a partner is chosen (`partners.clearance`).
 */
import { OrgPolicy, type PartnerClearance, SetPolicyInput } from '../../../shared/domain/policy.js';
import { all, get, run, sql } from '../db/sql.js';
import { type DomainContext, mutate, nowIso, parseInput, today } from '../domain/context.js';
import { getIdentity } from '../identity/identity-service.js';
import { requirePartner } from '../partners/partner-service.js';

interface PolicyRow {
  require_due_diligence: number | bigint;
  require_agreement: number | bigint;
  updated_at: string | null;
  updated_by: string | null;
}

/** The policy as it stands. A vault without the row (never written by this code) is treated as all ON. */
export function getPolicy(ctx: DomainContext): OrgPolicy {
  const r = get<PolicyRow>(
    ctx.db,
    sql`SELECT require_due_diligence, require_agreement, updated_at, updated_by FROM org_policy WHERE id = 1`,
  );
  if (!r) return { requireDueDiligence: true, requireAgreement: true, updatedAt: null, updatedBy: null };
  return {
    requireDueDiligence: Number(r.require_due_diligence) !== 0,
    requireAgreement: Number(r.require_agreement) !== 0,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

function cardName(ctx: DomainContext): string | null {
  try {
    const name = getIdentity(ctx).name.trim();
    return name === '' ? null : name;
  } catch {
    return null;
  }
}

/**
 * Change one or both rules. Audited as `policy.changed` with the rules' values before and
 * after (no name: who changed it is kept in the policy row). Setting what is already set
 * changes nothing and writes no audit entry.
 */
export function setPolicy(ctx: DomainContext, input: SetPolicyInput): OrgPolicy {
  const p = parseInput(SetPolicyInput, input);
  return mutate(ctx, (audit) => {
    const before = getPolicy(ctx);
    const next = {
      requireDueDiligence: p.requireDueDiligence ?? before.requireDueDiligence,
      requireAgreement: p.requireAgreement ?? before.requireAgreement,
    };
    const changed = (['requireDueDiligence', 'requireAgreement'] as const).filter((k) => next[k] !== before[k]);
    if (changed.length === 0) return before;
    const at = nowIso(ctx);
    const by = p.updatedBy ?? cardName(ctx);
    const dd = next.requireDueDiligence ? 1 : 0;
    const ag = next.requireAgreement ? 1 : 0;
    run(
      ctx.db,
      sql`INSERT INTO org_policy (id, require_due_diligence, require_agreement, updated_at, updated_by) VALUES (1, ${dd}, ${ag}, ${at}, ${by})
          ON CONFLICT (id) DO UPDATE SET require_due_diligence = excluded.require_due_diligence, require_agreement = excluded.require_agreement,
          updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    );
    audit({
      action: 'policy.changed',
      subject: { kind: 'policy', id: 'partner-gate' },
      details: {
        changed: [...changed],
        requireDueDiligence: next.requireDueDiligence,
        requireAgreement: next.requireAgreement,
        was: { requireDueDiligence: before.requireDueDiligence, requireAgreement: before.requireAgreement },
      },
    });
    return getPolicy(ctx);
  });
}

interface AgreementFacts {
  id: string;
  signed_on: string | null;
  expires_on: string | null;
}

/**
 * Whether the policy lets this vault share with the partner now, and if not, every reason in
 * words with where to fix it (the command and the app screen). NOT_FOUND for an unknown partner.
 */
export function partnerClearance(ctx: DomainContext, partnerId: string): PartnerClearance {
  const partner = requirePartner(ctx.db, partnerId);
  const policy = getPolicy(ctx);
  const day = today(ctx);
  const name = `“${partner.name}”`;
  const reasons: PartnerClearance['reasons'] = [];
  const ddFix = `case-vault partner update ${partner.id} --dd-outcome approved; in the app: Partners → ${partner.name} → Edit the partner → Due diligence`;

  if (policy.requireDueDiligence) {
    if (partner.dd_outcome === 'pending') {
      reasons.push({
        reason: 'due-diligence-pending',
        day: null,
        message: `The due diligence of ${name} is still pending. Complete it and record the outcome as approved (${ddFix}).`,
      });
    } else if (partner.dd_outcome === 'approved-with-conditions') {
      reasons.push({
        reason: 'due-diligence-conditions',
        day: null,
        message: `The due diligence of ${name} was approved with conditions. The conditions must be cleared first; then record the outcome as approved (${ddFix}).`,
      });
    } else if (partner.dd_outcome === 'rejected') {
      reasons.push({
        reason: 'due-diligence-rejected',
        day: null,
        message: `The due diligence of ${name} was rejected: nothing may be shared with them. Only a new due diligence that approves them can change this (${ddFix}).`,
      });
    }
    if (partner.dd_review_on !== null && partner.dd_review_on < day) {
      reasons.push({
        reason: 'due-diligence-review-overdue',
        day: partner.dd_review_on,
        message: `The review of the due diligence of ${name} was due on ${partner.dd_review_on} and is overdue. Review it, then set the next review date (case-vault partner update ${partner.id} --review-on YYYY-MM-DD; in the app: Partners → ${partner.name} → Edit the partner → Next review).`,
      });
    }
  }

  if (policy.requireAgreement) {
    const rows = all<AgreementFacts>(
      ctx.db,
      sql`SELECT id, signed_on, expires_on FROM partner_agreements WHERE partner_id = ${partner.id} AND kind IN ('confidentiality', 'data-sharing') ORDER BY created_at, id`,
    );
    const signed = rows.filter((a) => a.signed_on !== null && a.signed_on <= day);
    const inForce = signed.some((a) => a.expires_on === null || a.expires_on >= day);
    if (!inForce) {
      const add = `case-vault partner agreement add ${partner.id} --kind confidentiality --signed-on YYYY-MM-DD [--expires-on YYYY-MM-DD]`;
      const screen = `in the app: Partners → ${partner.name} → Agreements`;
      if (signed.length > 0) {
        const last = signed.reduce((a, b) => ((a.expires_on ?? '') >= (b.expires_on ?? '') ? a : b));
        reasons.push({
          reason: 'agreement-expired',
          day: last.expires_on,
          message: `The confidentiality or data-sharing agreement with ${name} expired on ${last.expires_on ?? ''}. Extend it or record a new one (case-vault partner agreement update ${last.id} --expires-on YYYY-MM-DD, or ${add}; ${screen}).`,
        });
      } else if (rows.length > 0) {
        reasons.push({
          reason: 'agreement-not-signed',
          day: null,
          message: `The confidentiality or data-sharing agreement with ${name} is not signed yet. Record the day it was signed (case-vault partner agreement update ${rows[0]!.id} --signed-on YYYY-MM-DD; ${screen} → Edit).`,
        });
      } else {
        reasons.push({
          reason: 'agreement-missing',
          day: null,
          message: `There is no confidentiality or data-sharing agreement with ${name}. Record a signed one (${add}; ${screen} → Add an agreement).`,
        });
      }
    }
  }

  return {
    partnerId: partner.id,
    cleared: reasons.length === 0,
    policy: { requireDueDiligence: policy.requireDueDiligence, requireAgreement: policy.requireAgreement },
    reasons,
  };
}

/** The sentence of the PARTNER_NOT_CLEARED refusal: the reasons, and where the policy itself is. */
export function notClearedMessage(partnerName: string, clearance: PartnerClearance): string {
  return (
    `Your organisation’s partner policy does not allow sharing with “${partnerName}” yet. ` +
    clearance.reasons.map((r) => r.message).join(' ') +
    ' (The policy: case-vault policy show; in the app: Settings → Partner policy.)'
  );
}
