/**
 * The digital-security risk register: every risk with its likelihood, impact and level,
 * highest first; filters by status, category, case and due review; add, edit, close, reopen.
 */
import { useEffect, useState } from 'react';
import { useT, useFormat } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import { Button, Checkbox, SelectField } from '../../components/controls.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { call, asCallError } from '../../vault.js';
import {
  RISK_CATEGORIES,
  RISK_STATUSES,
  type Risk,
  type RiskCategory,
  type RiskStatus,
} from '../../../shared/domain/risks.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { useRisks } from './risk-store.js';
import { RiskDialog } from './RiskDialog.js';
import { CasePicker } from './CasePicker.js';
import { labelKey } from '../../i18n/enum-labels.js';

export function RiskRegister() {
  const t = useT();
  const { rows: risks, filters, error, setFilters, refresh } = useRisks();
  const [dialog, setDialog] = useState<{ risk?: Risk } | null>(null);
  const [rowError, setRowError] = useState<CallError | null>(null);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <section className="screen screen-risks" aria-labelledby="risks-title">
      <header className="screen-header">
        <h1 id="risks-title" tabIndex={-1}>
          {t('risks.title')}
        </h1>
        <p className="count" aria-live="polite">
          {risks ? t('risks.count', { count: risks.length }) : ''}
        </p>
        <Button variant="primary" onClick={() => setDialog({})}>
          {t('risks.new')}
        </Button>
      </header>
      <div role="search" className="filters" aria-label={t('risks.filters')}>
        <SelectField
          label={t('risks.filter.status')}
          value={filters.status ?? ''}
          onChange={(e) => setFilters({ ...filters, status: (e.target.value || undefined) as RiskStatus | undefined })}
          options={[
            { value: '', label: t('risks.filter.anyStatus') },
            ...RISK_STATUSES.map((s) => ({ value: s, label: t(labelKey('risks.status', s)) })),
          ]}
        />
        <SelectField
          label={t('risks.filter.category')}
          value={filters.category ?? ''}
          onChange={(e) =>
            setFilters({ ...filters, category: (e.target.value || undefined) as RiskCategory | undefined })
          }
          options={[
            { value: '', label: t('risks.filter.anyCategory') },
            ...RISK_CATEGORIES.map((c) => ({ value: c, label: t(labelKey('risks.category', c)) })),
          ]}
        />
        <CasePicker
          label={t('risks.filter.case')}
          emptyLabel={t('risks.filter.anyCase')}
          value={filters.caseId ?? ''}
          onChange={(id) => setFilters({ ...filters, caseId: id || undefined })}
        />
        <Checkbox
          label={t('risks.filter.reviewDue')}
          checked={filters.reviewDue ?? false}
          onChange={(e) => setFilters({ ...filters, reviewDue: e.target.checked || undefined })}
        />
      </div>
      <ErrorNotice error={error} onRetry={() => void refresh()} />
      <ErrorNotice error={rowError} />
      {risks === null ? (
        !error && <Loading />
      ) : risks.length === 0 ? (
        <p className="empty">{t('risks.none')}</p>
      ) : (
        <RiskTable risks={risks} onEdit={(risk) => setDialog({ risk })} onError={setRowError} />
      )}
      <RiskDialog open={dialog !== null} risk={dialog?.risk} onClose={() => setDialog(null)} />
    </section>
  );
}

function RiskTable({
  risks,
  onEdit,
  onError,
}: {
  risks: Risk[];
  onEdit: (r: Risk) => void;
  onError: (e: CallError | null) => void;
}) {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  const cases = useRisks((s) => s.extra);
  const [busy, setBusy] = useState<string | null>(null);

  const setStatus = async (r: Risk, status: RiskStatus) => {
    setBusy(r.id);
    onError(null);
    try {
      useRisks.getState().replace(await call('risks', 'update', { id: r.id, expectedVersion: r.version, status }));
    } catch (e) {
      onError(asCallError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <table className="data risks-table" aria-label={t('risks.list.label')}>
      <thead>
        <tr>
          <th scope="col">{t('risks.col.threat')}</th>
          <th scope="col">{t('risks.col.category')}</th>
          <th scope="col">{t('risks.col.likelihood')}</th>
          <th scope="col">{t('risks.col.impact')}</th>
          <th scope="col">{t('risks.col.level')}</th>
          <th scope="col">{t('risks.col.status')}</th>
          <th scope="col">{t('risks.col.review')}</th>
          <th scope="col">{t('risks.col.owner')}</th>
          <th scope="col">{t('risks.col.case')}</th>
          <th scope="col">{t('risks.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {risks.map((r) => {
          const c = r.caseId ? cases[r.caseId] : undefined;
          return (
            <tr key={r.id} data-risk={r.id}>
              <td>
                <bdi>{r.threat}</bdi>
              </td>
              <td>{t(labelKey('risks.category', r.category))}</td>
              <td>{t(`risks.likelihood.${r.likelihood}` as MessageKey, { n: r.likelihood })}</td>
              <td>{t(`risks.impact.${r.impact}` as MessageKey, { n: r.impact })}</td>
              <td>
                <span className={`badge level-${r.level}`}>
                  {t('risks.levelScore', { level: t(labelKey('risks.level', r.level)), score: r.score })}
                </span>
              </td>
              <td>{t(labelKey('risks.status', r.status))}</td>
              <td>
                {f.day(r.reviewOn)}
                {r.reviewOverdue && <span className="badge overdue">{t('risks.overdue')}</span>}
              </td>
              <td>
                <bdi>{r.owner}</bdi>
              </td>
              <td>
                {r.caseId ? (
                  <button
                    type="button"
                    className="row-link"
                    onClick={() => go({ name: 'case', id: r.caseId!, tab: 'overview' })}
                  >
                    <bdi>{c ? c.reference : t('state.loading')}</bdi>
                  </button>
                ) : (
                  t('state.none')
                )}
              </td>
              <td>
                <div className="row-actions">
                  <Button onClick={() => onEdit(r)} aria-label={t('risks.edit', { threat: r.threat })}>
                    {t('action.edit')}
                  </Button>
                  {r.status === 'closed' ? (
                    <Button
                      onClick={() => void setStatus(r, 'open')}
                      disabled={busy === r.id}
                      aria-label={t('risks.reopenNamed', { threat: r.threat })}
                    >
                      {t('risks.reopen')}
                    </Button>
                  ) : (
                    <Button
                      onClick={() => void setStatus(r, 'closed')}
                      disabled={busy === r.id}
                      aria-label={t('risks.closeNamed', { threat: r.threat })}
                    >
                      {t('risks.close')}
                    </Button>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
