/**
 * Share wizard, step 3: the consent check, as `bundles.plan` answered it. Who goes in (records
 * per kind, evidence files, total size), who is left out and the consent gate's reason, what
 * stays out because it was received from a partner or the profile does not let it through, what
 * the partner's sharing profile removes, and anything that blocks the bundle — the partner gate
 * (PARTNER_NOT_CLEARED) and nothing-to-share (BUNDLE_EMPTY) each said in words with the way out:
 * back to step 2 to choose what the partner may receive, or the evidence files left out and the
 * check made again. Files and sizes are counted only for a bundle that can be written. Nothing is
 * written.
 */
import { useEffect, useState } from 'react';
import { useT, useFormat, hasMessage } from '../../i18n/i18n.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice } from '../../components/feedback.js';
import { call } from '../../vault.js';
import type { BundlePlan } from '../../../shared/domain/bundles.js';
import {
  SHARING_FIELDS,
  SHARING_KINDS,
  profileAllows,
  type SharingKind,
  type SharingField,
} from '../../../shared/domain/partners.js';
import { isErrorCode } from '../../../shared/errors.js';
import type { ShareChoices } from './ShareWizard.js';
import { OpenPartnerPage, PartnerGate, profileIsEmpty } from './SharePartnerGate.js';
import { SafetyNotesNotice } from '../people/SafetyNotesNotice.js';
import { useAction } from '../../state/use-action.js';
import { labelKey } from '../../i18n/enum-labels.js';

/** Blockers the step explains in its own words (the rest are shown as errors). */
function explained(plan: BundlePlan, choices: ShareChoices, code: string): boolean {
  if (code === 'BUNDLE_CONSENT_MISSING' || code === 'PARTNER_NOT_CLEARED' || code === 'BUNDLE_EMPTY') return true;
  return (
    code === 'INVALID_INPUT' &&
    choices.evidenceIds.length > 0 &&
    choices.partner !== null &&
    !profileAllows(choices.partner.sharingProfile, 'evidence', 'file')
  );
}

export function planBlocked(plan: BundlePlan): boolean {
  return plan.blockers.length > 0;
}

export function CheckStep({
  choices,
  plan,
  onReplan,
  onBack,
  onNext,
}: {
  choices: ShareChoices;
  plan: BundlePlan;
  /** change the choices and check again, staying at this step */
  onReplan: (patch: Partial<ShareChoices>) => Promise<void>;
  onBack: () => void;
  onNext: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const replan = useAction();
  const partner = choices.partner!;
  const [names, setNames] = useState<Record<string, string>>({});
  const refs = new Map(plan.cases.map((c) => [c.id, c.reference]));
  const kinds = SHARING_KINDS.filter((k) => plan.included[k] > 0);
  const filesOut = choices.evidenceIds.length > 0 && !profileAllows(partner.sharingProfile, 'evidence', 'file');
  const refuseBlocked = choices.mode === 'refuse' && plan.leftOut.length > 0;
  const list = (items: string[]) => new Intl.ListFormat(f.locale, { type: 'conjunction' }).format(items);

  // the names of the people left out (the plan names them by id and pseudonym)
  const leftOutKey = plan.leftOut.map((l) => l.personId).join(',');
  useEffect(() => {
    let live = true;
    const ids = [...new Set(plan.leftOut.map((l) => l.personId))];
    Promise.all(ids.map(async (id) => [id, (await call('people', 'get', { id })).fullName] as const))
      .then((pairs) => live && setNames(Object.fromEntries(pairs)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [leftOutKey, plan.leftOut]);

  // what the profile removes: kinds not shared at all, and fields left out of the others
  const removals = SHARING_KINDS.map((kind: SharingKind) => {
    const label = t(labelKey('partners.sharingKind', kind));
    const fields = partner.sharingProfile[kind] as readonly string[] | undefined;
    if (!fields) return t('share.plan.profile.kindOut', { kind: label });
    const missing = (SHARING_FIELDS[kind] as readonly SharingField[]).filter((x) => !fields.includes(x));
    return missing.length > 0
      ? t('share.plan.profile.fieldsOut', {
          kind: label,
          fields: list(missing.map((m) => t(labelKey('partners.field', m)))),
        })
      : null;
  }).filter((x): x is string => x !== null);

  const otherBlockers = plan.blockers.filter((b) => !explained(plan, choices, b.code));
  const notCleared = plan.blockers.some((b) => b.code === 'PARTNER_NOT_CLEARED');
  const empty = plan.blockers.find((b) => b.code === 'BUNDLE_EMPTY');
  const receivedCases = plan.cases.filter((c) => !c.originatedHere);

  return (
    <div className="share-check" data-testid="share-check">
      <p className="plan-to">
        <strong>{t('share.plan.to', { partner: plan.partner.name })}</strong>{' '}
        {t('share.plan.keys', { count: plan.verifiedKeys.length })}
      </p>
      <SafetyNotesNotice caseIds={choices.caseIds} context="share" />

      {(otherBlockers.length > 0 || refuseBlocked || filesOut || notCleared || empty) && (
        <div className="plan-blockers" data-testid="plan-blockers">
          <h3>{t('share.plan.blockers')}</h3>
          {notCleared && (
            <PartnerGate partner={partner} clearance={plan.clearance} showProfile={false} actions={false} />
          )}
          {empty && (
            <div className="notice notice-error" role="alert" data-testid="plan-empty">
              <p className="notice-title">{t('share.plan.empty.title')}</p>
              <p>
                {t(profileIsEmpty(partner.sharingProfile) ? 'share.plan.empty.profile' : 'share.plan.empty.other', {
                  partner: plan.partner.name,
                })}
              </p>
              <details className="small">
                <summary>{t('error.details')}</summary>
                <bdi>{empty.message}</bdi>
              </details>
            </div>
          )}
          {(notCleared || empty) && (
            <div className="form-actions gate-actions">
              {empty && (
                <Button onClick={onBack}>{t('share.plan.chooseProfile', { partner: plan.partner.name })}</Button>
              )}
              <OpenPartnerPage partnerId={plan.partner.id} />
              <p className="field-hint">{t('share.plan.fixHint')}</p>
            </div>
          )}
          {refuseBlocked && (
            <div className="notice notice-error" role="alert" data-testid="plan-refused">
              <p>{t('share.plan.refuseBlocked')}</p>
              <div className="form-actions">
                <Button
                  onClick={() => void replan.run(() => onReplan({ mode: 'leave-out' }))}
                  disabled={replan.busy}
                  aria-busy={replan.busy}
                >
                  {t('share.plan.leaveOutNow')}
                </Button>
              </div>
              <ErrorNotice error={replan.error} />
            </div>
          )}
          {filesOut && (
            <div className="notice notice-error" role="alert" data-testid="plan-files-out">
              <p>{t('share.plan.filesOut')}</p>
              <div className="form-actions">
                <Button
                  onClick={() => void replan.run(() => onReplan({ evidenceIds: [] }))}
                  disabled={replan.busy}
                  aria-busy={replan.busy}
                >
                  {t('share.plan.leaveFilesOut', { count: choices.evidenceIds.length })}
                </Button>
                <Button onClick={onBack}>{t('share.plan.chooseProfile', { partner: plan.partner.name })}</Button>
              </div>
              <ErrorNotice error={replan.error} />
            </div>
          )}
          {otherBlockers.map((b, i) => (
            <ErrorNotice key={i} error={{ code: isErrorCode(b.code) ? b.code : 'INVALID_INPUT', message: b.message }} />
          ))}
        </div>
      )}

      <h3>{t('share.plan.included')}</h3>
      {kinds.length === 0 ? (
        <p className="empty">{t('share.plan.nothing')}</p>
      ) : (
        <table className="data plan-included" aria-label={t('share.plan.includedLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('share.plan.col.kind')}</th>
              <th scope="col">{t('share.plan.col.count')}</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((k) => (
              <tr key={k}>
                <td>{t(labelKey('partners.sharingKind', k))}</td>
                <td className="num">{f.number(plan.included[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {/* Sizes and files only of a bundle that can be written: a blocked plan counts what was asked for. */}
      {filesOut || empty ? (
        <p data-testid="plan-totals">{t('share.plan.totalsBlocked')}</p>
      ) : (
        <p data-testid="plan-totals">
          {t('share.plan.files', { count: plan.evidenceFiles.length })} ·{' '}
          {t('share.plan.total', { size: f.bytes(plan.totalBytes) })} ·{' '}
          {t('share.plan.consents', { count: plan.consentIds.length })}
        </p>
      )}

      {receivedCases.map((c) => (
        <p key={c.id} className="notice" data-testid="plan-received-case">
          {t('share.plan.receivedCase', { reference: c.reference })}
        </p>
      ))}
      {plan.withheld.length > 0 && (
        <>
          <h3>{t('share.plan.withheld')}</h3>
          <ul className="plan-withheld" data-testid="plan-withheld">
            {plan.withheld.map((w) => (
              <li key={`${w.kind}-${w.reason}`}>
                {t(labelKey('share.plan.withheld', w.reason), {
                  kind: t(labelKey('partners.sharingKind', w.kind)),
                  count: w.count,
                })}
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>{t('share.plan.leftOut')}</h3>
      {plan.leftOut.length === 0 ? (
        <p className="plan-nobody">{t('share.plan.leftOutNone')}</p>
      ) : (
        <>
          <table className="data plan-left-out" aria-label={t('share.plan.leftOutLabel')} data-testid="left-out">
            <thead>
              <tr>
                <th scope="col">{t('share.plan.col.person')}</th>
                <th scope="col">{t('share.plan.col.case')}</th>
                <th scope="col">{t('share.plan.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.leftOut.map((l) => {
                const key = `consents.deny.${l.reason}`;
                return (
                  <tr key={`${l.personId}-${l.caseId}`}>
                    <td>
                      <bdi>{names[l.personId] ?? l.pseudonym ?? l.personId}</bdi>
                      {l.pseudonym && names[l.personId] && (
                        <>
                          {' '}
                          <bdi className="muted">({l.pseudonym})</bdi>
                        </>
                      )}
                    </td>
                    <td>
                      <bdi className="case-ref">{refs.get(l.caseId) ?? l.caseId}</bdi>
                    </td>
                    <td>
                      {hasMessage(key) ? t(key) : <bdi>{l.message}</bdi>}
                      {hasMessage(key) && (
                        <details className="small">
                          <summary>{t('error.details')}</summary>
                          <bdi>{l.message}</bdi>
                        </details>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {choices.mode === 'leave-out' && <p className="hint">{t('share.plan.leaveOutNote')}</p>}
        </>
      )}

      <h3>{t('share.plan.profile')}</h3>
      {removals.length === 0 ? (
        <p>{t('share.plan.profileNone')}</p>
      ) : (
        <ul className="plan-removals">
          {removals.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}

      <div className="form-actions">
        <Button onClick={onBack}>{t('action.back')}</Button>
        <Button variant="primary" onClick={onNext} disabled={planBlocked(plan) || kinds.length === 0}>
          {t('share.next')}
        </Button>
      </div>
    </div>
  );
}
