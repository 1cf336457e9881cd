/**
 * The partner gate in the share wizard: whether the organisation's partner policy lets anything
 * be shared with the chosen partner (due diligence approved, an agreement in force — the engine
 * decides: `partners.clearance`, the same answer the plan carries), each reason in words with
 * where to fix it, and whether the partner's sharing profile is empty (then nothing would go).
 * Shown as soon as a partner is chosen (step 2) and again when the check refuses (step 3), with
 * the way out: the partner's page, and "Check again" after fixing it elsewhere.
 */
import { useT, useFormat } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import { Button } from '../../components/controls.js';
import { Loading } from '../../components/feedback.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { SHARING_KINDS, type PartnerDetail, type SharingProfile } from '../../../shared/domain/partners.js';
import type { ClearanceReason, PartnerClearance } from '../../../shared/domain/policy.js';
import { labelKey } from '../../i18n/enum-labels.js';

/** No kind at all in the profile: nothing of any case would be shared (BUNDLE_EMPTY). */
export function profileIsEmpty(profile: SharingProfile): boolean {
  return !SHARING_KINDS.some((k) => Array.isArray(profile[k]));
}

function whereKey(reason: ClearanceReason): MessageKey {
  return reason.startsWith('agreement-') ? 'share.gate.where.agreement' : 'share.gate.where.dueDiligence';
}

/** The partner's page: where every reason is fixed. The wizard keeps its choices meanwhile (share-store). */
export function OpenPartnerPage({ partnerId }: { partnerId: string }) {
  const t = useT();
  const go = useNav((s) => s.go);
  return <Button onClick={() => go({ name: 'partner', id: partnerId })}>{t('share.gate.open')}</Button>;
}

export function PartnerGate({
  partner,
  clearance,
  onRecheck,
  busy = false,
  showProfile = true,
  actions = true,
}: {
  partner: PartnerDetail;
  clearance: PartnerClearance | null;
  onRecheck?: () => void;
  busy?: boolean;
  /** also warn about an empty sharing profile */
  showProfile?: boolean;
  /** the way out (the partner's page, check again) under the notices */
  actions?: boolean;
}) {
  const t = useT();
  const f = useFormat();
  const empty = showProfile && profileIsEmpty(partner.sharingProfile);
  const policyOff = clearance !== null && (!clearance.policy.requireDueDiligence || !clearance.policy.requireAgreement);
  const blocked = clearance !== null && !clearance.cleared;
  return (
    <section
      className="partner-gate"
      aria-labelledby="share-gate-title"
      data-testid="partner-gate"
      aria-busy={busy || clearance === null}
    >
      <h3 id="share-gate-title">{t('share.gate.title')}</h3>
      {clearance === null ? (
        <Loading />
      ) : clearance.cleared ? (
        <div className="notice notice-ok" data-testid="gate-cleared">
          <p>{t('share.gate.cleared', { partner: partner.name })}</p>
          {policyOff && <p className="small">{t('share.gate.policyOff')}</p>}
        </div>
      ) : (
        <div className="notice notice-error" role="alert" data-testid="gate-blocked">
          <p className="notice-title">{t('share.gate.blocked', { partner: partner.name })}</p>
          <ul className="gate-reasons">
            {clearance.reasons.map((r) => (
              <li key={r.reason}>
                {t(labelKey('share.gate.reason', r.reason), { day: f.day(r.day) })}{' '}
                <span className="muted">{t(whereKey(r.reason), { partner: partner.name })}</span>
              </li>
            ))}
          </ul>
          <p className="small">{t('share.gate.policyWhere')}</p>
          <details className="small">
            <summary>{t('error.details')}</summary>
            {clearance.reasons.map((r) => (
              <p key={r.reason}>
                <bdi>{r.message}</bdi>
              </p>
            ))}
          </details>
        </div>
      )}
      {empty && (
        <div className="notice notice-warn" data-testid="gate-profile-empty">
          <p className="notice-title">{t('share.gate.profileEmptyTitle')}</p>
          <p>{t('share.gate.profileEmpty', { partner: partner.name })}</p>
        </div>
      )}
      {actions && (blocked || empty) && (
        <div className="form-actions gate-actions">
          <OpenPartnerPage partnerId={partner.id} />
          {onRecheck && (
            <Button onClick={onRecheck} disabled={busy}>
              {t('share.gate.recheck')}
            </Button>
          )}
          <p className="field-hint">{t('share.gate.openHint')}</p>
        </div>
      )}
    </section>
  );
}
