/**
 * One partner: who they are, their due diligence (the tier the engine derived from the amount),
 * their keys and how each was verified (features/partner-keys), their agreements with dates and
 * state, and the sharing profile. A key change is announced loudly at the top of the page.
 */
import { useState } from 'react';
import { useT, useFormat } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { call } from '../../vault.js';
import type { Partner, PartnerAgreement, PartnerDetail as PartnerRecord } from '../../../shared/domain/partners.js';
import { PartnerDialog, ddTierLimits } from './PartnerDialog.js';
import { AgreementDialog } from './AgreementDialog.js';
import { SharingProfileEditor } from './SharingProfileEditor.js';
import { usePartners } from './partner-store.js';
import { KeyChangedWarning, PartnerKeys } from '../partner-keys/PartnerKeys.js';
import { labelKey } from '../../i18n/enum-labels.js';
import { useLoaded } from '../../state/use-loaded.js';

export function PartnerDetail() {
  const route = useNav((s) => s.route);
  const id = route.name === 'partner' ? route.id : '';
  return <PartnerView key={id} id={id} />;
}

function PartnerView({ id }: { id: string }) {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  const [editing, setEditing] = useState(false);
  const [agreementDialog, setAgreementDialog] = useState<{ agreement?: PartnerAgreement } | null>(null);
  const {
    value: partner,
    error,
    reload: load,
    setValue: setPartner,
  } = useLoaded<PartnerRecord>(() => call('partners', 'get', { id }), [id], []);

  /** A partner answer (edit, sharing profile) keeps the agreements and keys we already hold. */
  const updated = (p: Partner) =>
    setPartner((prev) =>
      prev ? { ...p, agreements: prev.agreements, keys: prev.keys, keyState: prev.keyState } : prev,
    );

  return (
    <section className="screen screen-partner" aria-labelledby="partner-title">
      <p className="back">
        <Button variant="link" onClick={() => go({ name: 'partners' })}>
          {t('partner.back')}
        </Button>
      </p>
      <header className="screen-header">
        <h1 id="partner-title" tabIndex={-1}>
          {partner ? <bdi>{partner.name}</bdi> : t('partner.heading')}
        </h1>
        {partner && (
          <Button className="push-end" onClick={() => setEditing(true)}>
            {t('partners.edit')}
          </Button>
        )}
      </header>
      <ErrorNotice error={error} onRetry={() => void load()} />
      {partner?.keyState === 'changed' && <KeyChangedWarning />}
      {!partner ? (
        !error && <Loading />
      ) : (
        <>
          <div className="partner-columns">
            <section className="card" aria-labelledby="partner-about">
              <h2 id="partner-about">{t('partner.about')}</h2>
              <dl className="dl">
                <dt>{t('partners.col.kind')}</dt>
                <dd>{t(labelKey('partners.kind', partner.kind))}</dd>
                <dt>{t('partners.col.country')}</dt>
                <dd>{partner.country ? <bdi>{f.country(partner.country)}</bdi> : t('state.none')}</dd>
                <dt>{t('partners.form.contact')}</dt>
                <dd>{partner.contact ? <bdi className="pre-line">{partner.contact}</bdi> : t('state.none')}</dd>
                <dt>{t('partners.form.notes')}</dt>
                <dd>{partner.notes ? <bdi className="pre-line">{partner.notes}</bdi> : t('state.none')}</dd>
              </dl>
            </section>
            <section className="card" aria-labelledby="partner-dd">
              <h2 id="partner-dd">{t('partner.dd.title')}</h2>
              <dl className="dl">
                <dt>{t('partner.dd.tier')}</dt>
                <dd>
                  <span data-testid="partner-tier">{t(labelKey('partners.tier', partner.ddTier))}</span>
                  <p className="field-hint">{t('partner.dd.tierHint', ddTierLimits(f))}</p>
                </dd>
                <dt>{t('partner.dd.amount')}</dt>
                <dd>
                  {partner.ddAmountGbp !== null ? (
                    <bdi>
                      {f.number(partner.ddAmountGbp, { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 })}
                    </bdi>
                  ) : (
                    t('state.none')
                  )}
                </dd>
                <dt>{t('partner.dd.reviewOn')}</dt>
                <dd>
                  {partner.ddReviewOn ? f.day(partner.ddReviewOn) : t('state.none')}
                  {partner.ddReviewOverdue && <span className="badge overdue">{t('partners.reviewOverdue')}</span>}
                </dd>
                <dt>{t('partner.dd.outcome')}</dt>
                <dd>{t(labelKey('partners.outcome', partner.ddOutcome))}</dd>
                <dt>{t('partner.dd.notes')}</dt>
                <dd>{partner.ddNotes ? <bdi className="pre-line">{partner.ddNotes}</bdi> : t('state.none')}</dd>
              </dl>
            </section>
          </div>

          <PartnerKeys partner={partner} onChanged={() => void load()} />

          <section className="card" aria-labelledby="partner-agreements">
            <h2 id="partner-agreements">{t('partner.agreements.title')}</h2>
            {partner.agreements.length === 0 ? (
              <p className="empty">{t('partner.agreements.none')}</p>
            ) : (
              <table className="data" aria-label={t('partner.agreements.label')}>
                <thead>
                  <tr>
                    <th scope="col">{t('partner.agreements.col.kind')}</th>
                    <th scope="col">{t('partner.agreements.col.signed')}</th>
                    <th scope="col">{t('partner.agreements.col.expires')}</th>
                    <th scope="col">{t('partner.agreements.col.state')}</th>
                    <th scope="col">{t('partner.agreements.col.notes')}</th>
                    <th scope="col">{t('partner.agreements.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {partner.agreements.map((a) => {
                    const kind = t(labelKey('partners.agreementKind', a.kind));
                    return (
                      <tr key={a.id}>
                        <td>{kind}</td>
                        <td>{a.signedOn ? f.day(a.signedOn) : t('partner.agreements.notSigned')}</td>
                        <td>{a.expiresOn ? f.day(a.expiresOn) : t('partner.agreements.noExpiry')}</td>
                        <td>
                          <span className={`badge agreement-${a.state}`}>
                            {t(labelKey('partners.agreementState', a.state))}
                          </span>
                        </td>
                        <td>
                          <bdi className="pre-line">{a.notes}</bdi>
                        </td>
                        <td>
                          <Button
                            onClick={() => setAgreementDialog({ agreement: a })}
                            aria-label={t('partner.agreements.edit', { kind })}
                          >
                            {t('action.edit')}
                          </Button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            <p>
              <Button onClick={() => setAgreementDialog({})}>{t('partner.agreements.add')}</Button>
            </p>
          </section>

          <section className="card" aria-labelledby="partner-sharing">
            <h2 id="partner-sharing">{t('partner.sharing.title')}</h2>
            <SharingProfileEditor partner={partner} onSaved={updated} />
          </section>

          <PartnerDialog open={editing} partner={partner} onClose={() => setEditing(false)} onSaved={updated} />
          <AgreementDialog
            open={agreementDialog !== null}
            partnerId={partner.id}
            agreement={agreementDialog?.agreement}
            onClose={() => setAgreementDialog(null)}
            onSaved={() => {
              void load();
              void usePartners.getState().refresh();
            }}
          />
        </>
      )}
    </section>
  );
}
