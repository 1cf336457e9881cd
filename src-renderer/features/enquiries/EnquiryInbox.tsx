/**
 * The enquiries inbox: those awaiting a decision first, then the decided ones, each with its
 * state in words and the result of its conflict check. "New enquiry" records one and runs the
 * check at once; a row opens the enquiry with its matches and the decision.
 */
import { useEffect, useState } from 'react';
import { useT, useFormat } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import type { Enquiry } from '../../../shared/domain/enquiries.js';
import { useInbox } from './enquiry-store.js';
import { NewEnquiryDialog } from './NewEnquiryDialog.js';
import { labelKey } from '../../i18n/enum-labels.js';

export function EnquiryInbox() {
  const t = useT();
  const {
    loaded,
    undecided,
    undecidedTotal,
    decided,
    nextOffset,
    allTotal,
    error,
    refresh,
    moreUndecided,
    moreDecided,
  } = useInbox();
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <section className="screen screen-enquiries" aria-labelledby="enquiries-title">
      <header className="screen-header">
        <h1 id="enquiries-title" tabIndex={-1}>
          {t('enquiries.title')}
        </h1>
        <p className="count" aria-live="polite">
          {loaded ? t('enquiries.openCount', { count: undecidedTotal }) : ''}
        </p>
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t('enquiries.new')}
        </Button>
      </header>
      <ErrorNotice error={error} onRetry={() => void refresh()} />
      {!loaded && !error ? (
        <Loading />
      ) : (
        <>
          <section className="card" aria-labelledby="enquiries-undecided">
            <h2 id="enquiries-undecided">{t('enquiries.undecided.title')}</h2>
            {undecided.length === 0 ? (
              <p className="empty">{t('enquiries.undecided.none')}</p>
            ) : (
              <EnquiryTable items={undecided} label={t('enquiries.undecided.label')} />
            )}
            {undecided.length < undecidedTotal && (
              <Button onClick={() => void moreUndecided()}>{t('action.loadMore')}</Button>
            )}
          </section>
          <section className="card" aria-labelledby="enquiries-decided">
            <h2 id="enquiries-decided">{t('enquiries.decided.title')}</h2>
            {decided.length === 0 && nextOffset >= allTotal ? (
              <p className="empty">{t('enquiries.decided.none')}</p>
            ) : (
              <EnquiryTable items={decided} label={t('enquiries.decided.label')} />
            )}
            {nextOffset < allTotal && <Button onClick={() => void moreDecided()}>{t('action.loadMore')}</Button>}
          </section>
        </>
      )}
      <NewEnquiryDialog open={creating} onClose={() => setCreating(false)} />
    </section>
  );
}

function EnquiryTable({ items, label }: { items: Enquiry[]; label: string }) {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  return (
    <table className="data enquiries-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t('enquiries.col.received')}</th>
          <th scope="col">{t('enquiries.col.enquirer')}</th>
          <th scope="col">{t('enquiries.col.channel')}</th>
          <th scope="col">{t('enquiries.col.summary')}</th>
          <th scope="col">{t('enquiries.col.conflicts')}</th>
          <th scope="col">{t('enquiries.col.state')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr key={e.id}>
            <td>{f.day(e.receivedOn)}</td>
            <td>
              <button type="button" className="row-link" onClick={() => go({ name: 'enquiry', id: e.id })}>
                <bdi>{e.enquirerName}</bdi>
              </button>
            </td>
            <td>{t(labelKey('enquiries.channel', e.channel))}</td>
            <td className="enquiry-summary">
              <bdi>{e.summary}</bdi>
            </td>
            <td>
              {e.conflictCheckedAt === null ? (
                t('enquiries.notChecked')
              ) : (
                <span className={e.conflicts.length > 0 ? 'conflict-flag' : undefined}>
                  {t('enquiries.conflictCount', { count: e.conflicts.length })}
                </span>
              )}
            </td>
            <td>
              <span className={`badge badge-${e.status}`}>{t(labelKey('enquiries.status', e.status))}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
