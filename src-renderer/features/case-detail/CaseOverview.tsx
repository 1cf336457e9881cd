/**
 * The overview tab: every field of the case, the edit dialog, the status change and the case's
 * field-level history.
 */
import { useState, type ReactNode } from 'react';
import { useFormat, useT } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { Button } from '../../components/controls.js';
import type { Case } from '../../../shared/domain/cases.js';
import { useCaseList } from '../cases/case-list-store.js';
import { StatusBadge } from './StatusBadge.js';
import { EditCaseDialog } from './EditCaseDialog.js';
import { StatusDialog } from './StatusDialog.js';
import { CaseHistory } from './CaseHistory.js';
import { CaseProposalsBanner } from '../proposals/CaseProposalsBanner.js';
import { labelKey } from '../../i18n/enum-labels.js';

export function CaseOverview({
  kase,
  onChanged,
  onReload,
}: {
  kase: Case;
  onChanged: (c: Case) => void;
  onReload: () => Promise<void>;
}) {
  const t = useT();
  const f = useFormat();
  const [dialog, setDialog] = useState<'edit' | 'status' | null>(null);
  const [notice, setNotice] = useState('');

  const saved = (c: Case, message: string) => {
    onChanged(c);
    setDialog(null);
    setNotice(message);
    // the list shows title, status, forum…: let it fetch again when it is next shown
    useCaseList.getState().refresh();
  };

  const text = (v: string | null | undefined): ReactNode => (v ? <bdi>{v}</bdi> : t('state.none'));
  const rows: Array<[MessageKey, ReactNode]> = [
    ['caseDetail.field.reference', <bdi className="code">{kase.reference}</bdi>],
    ['caseDetail.field.status', <StatusBadge status={kase.status} />],
    ['caseDetail.field.forum', kase.forum ? t(labelKey('cases.forum', kase.forum)) : t('state.none')],
    ['caseDetail.field.stage', kase.stage ? t(labelKey('caseDetail.stage', kase.stage)) : t('state.none')],
    ['caseDetail.field.country', text(f.country(kase.country))],
    ['caseDetail.field.jurisdiction', text(kase.jurisdiction)],
    ['caseDetail.field.sensitivity', t(labelKey('cases.sensitivity', kase.sensitivity))],
    ['caseDetail.field.project', text(kase.project)],
    ['caseDetail.field.openedOn', f.day(kase.openedOn)],
    ['caseDetail.field.closedOn', kase.closedOn ? f.day(kase.closedOn) : t('state.none')],
  ];
  if (kase.closureReason) rows.push(['caseDetail.field.closureReason', <bdi>{kase.closureReason}</bdi>]);
  rows.push(
    [
      'caseDetail.field.tags',
      kase.tags.length ? (
        <ul className="tag-list">
          {kase.tags.map((tag) => (
            <li key={tag} className="tag">
              <bdi>{tag}</bdi>
            </li>
          ))}
        </ul>
      ) : (
        t('state.none')
      ),
    ],
    [
      'caseDetail.field.team',
      kase.team.length ? (
        <ul className="plain-list">
          {kase.team.map((m) => (
            <li key={m.member}>
              <bdi>{m.member}</bdi>
              {m.role ? (
                <>
                  {' — '}
                  <bdi>{m.role}</bdi>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        t('state.none')
      ),
    ],
  );

  return (
    <div className="case-overview">
      <CaseProposalsBanner caseId={kase.id} />
      <section className="card" aria-labelledby="case-details-title">
        <div className="section-header">
          <h2 id="case-details-title">{t('caseDetail.details')}</h2>
          <div className="section-actions">
            <Button onClick={() => setDialog('edit')}>{t('caseDetail.edit')}</Button>
            <Button onClick={() => setDialog('status')}>{t('caseDetail.status.change')}</Button>
          </div>
        </div>
        <p role="status" className="live-notice">
          {notice}
        </p>
        <dl className="dl">
          {rows.map(([label, value]) => (
            <div key={label} className="dl-row">
              <dt>{t(label)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card" aria-labelledby="case-summary-title">
        <h2 id="case-summary-title">{t('caseDetail.field.summary')}</h2>
        {kase.summary ? (
          <bdi className="longtext">{kase.summary}</bdi>
        ) : (
          <p className="empty">{t('caseDetail.noSummary')}</p>
        )}
      </section>
      <section className="card" aria-labelledby="case-strategy-title">
        <h2 id="case-strategy-title">{t('caseDetail.field.strategy')}</h2>
        {kase.strategy ? (
          <bdi className="longtext">{kase.strategy}</bdi>
        ) : (
          <p className="empty">{t('caseDetail.noStrategy')}</p>
        )}
      </section>
      <CaseHistory caseId={kase.id} version={kase.version} />
      <EditCaseDialog
        open={dialog === 'edit'}
        kase={kase}
        onClose={() => setDialog(null)}
        onSaved={(c) => saved(c, t('caseDetail.saved'))}
        onReload={onReload}
      />
      <StatusDialog
        open={dialog === 'status'}
        kase={kase}
        onClose={() => setDialog(null)}
        onChanged={(c) => saved(c, t('caseDetail.status.changed', { status: t(labelKey('cases.status', c.status)) }))}
        onReload={onReload}
      />
    </div>
  );
}
