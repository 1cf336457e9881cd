/** Partners: name, kind, country, due-diligence tier and the state of their agreements. */
import { useEffect, useState } from 'react';
import { useT, useFormat } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import { Button, SelectField } from '../../components/controls.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { DD_TIERS, PARTNER_KINDS, type DdTier, type PartnerKind } from '../../../shared/domain/partners.js';
import { usePartners } from './partner-store.js';
import { PartnerDialog } from './PartnerDialog.js';
import { useImportCard } from '../partner-keys/use-import-card.js';
import { labelKey } from '../../i18n/enum-labels.js';

export function PartnerList() {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  const { rows: partners, extra: agreements, filters, error, setFilters, refresh } = usePartners();
  const [creating, setCreating] = useState(false);
  const cardImport = useImportCard();

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <section className="screen screen-partners" aria-labelledby="partners-title">
      <header className="screen-header">
        <h1 id="partners-title" tabIndex={-1}>
          {t('partners.title')}
        </h1>
        <p className="count" aria-live="polite">
          {partners ? t('partners.count', { count: partners.length }) : ''}
        </p>
        <Button
          onClick={() => void cardImport.importCard(undefined, (r) => go({ name: 'partner', id: r.partner.id }))}
          disabled={cardImport.busy}
          aria-busy={cardImport.busy}
        >
          {t('keys.importNew')}
        </Button>
        <Button
          onClick={() =>
            void cardImport.importCard(undefined, (r) => go({ name: 'partner', id: r.partner.id }), 'picture')
          }
          disabled={cardImport.busy}
          aria-busy={cardImport.busy}
        >
          {t('keys.importNewPicture')}
        </Button>
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t('partners.new')}
        </Button>
      </header>
      <ErrorNotice error={cardImport.error} />
      <div role="search" className="filters" aria-label={t('partners.filters')}>
        <SelectField
          label={t('partners.filter.kind')}
          value={filters.kind ?? ''}
          onChange={(e) => setFilters({ ...filters, kind: (e.target.value || undefined) as PartnerKind | undefined })}
          options={[
            { value: '', label: t('partners.filter.anyKind') },
            ...PARTNER_KINDS.map((k) => ({ value: k, label: t(labelKey('partners.kind', k)) })),
          ]}
        />
        <SelectField
          label={t('partners.filter.tier')}
          value={filters.tier ?? ''}
          onChange={(e) => setFilters({ ...filters, tier: (e.target.value || undefined) as DdTier | undefined })}
          options={[
            { value: '', label: t('partners.filter.anyTier') },
            ...DD_TIERS.map((k) => ({ value: k, label: t(labelKey('partners.tier', k)) })),
          ]}
        />
      </div>
      <ErrorNotice error={error} onRetry={() => void refresh()} />
      {partners === null ? (
        !error && <Loading />
      ) : partners.length === 0 ? (
        <p className="empty">{t('partners.none')}</p>
      ) : (
        <table className="data" aria-label={t('partners.list.label')}>
          <thead>
            <tr>
              <th scope="col">{t('partners.col.name')}</th>
              <th scope="col">{t('partners.col.kind')}</th>
              <th scope="col">{t('partners.col.country')}</th>
              <th scope="col">{t('partners.col.tier')}</th>
              <th scope="col">{t('partners.col.agreement')}</th>
              <th scope="col">{t('partners.col.review')}</th>
            </tr>
          </thead>
          <tbody>
            {partners.map((p) => {
              const agreement = agreements[p.id];
              return (
                <tr key={p.id}>
                  <td>
                    <button type="button" className="row-link" onClick={() => go({ name: 'partner', id: p.id })}>
                      <bdi>{p.name}</bdi>
                    </button>
                  </td>
                  <td>{t(labelKey('partners.kind', p.kind))}</td>
                  <td>{p.country ? <bdi>{f.country(p.country)}</bdi> : t('state.none')}</td>
                  <td>{t(labelKey('partners.tier', p.ddTier))}</td>
                  <td>
                    {agreement ? (
                      <span className={`badge agreement-${agreement}`}>
                        {t(labelKey('partners.agreementState', agreement))}
                      </span>
                    ) : (
                      t('state.loading')
                    )}
                  </td>
                  <td>
                    {p.ddReviewOn ? f.day(p.ddReviewOn) : t('state.none')}
                    {p.ddReviewOverdue && <span className="badge overdue">{t('partners.reviewOverdue')}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <PartnerDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(p) => go({ name: 'partner', id: p.id })}
      />
    </section>
  );
}
