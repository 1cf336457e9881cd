/**
 * The import inbox's section "Proposed additions from partners" (proposals.*): what partners
 * added to cases they did not create, waiting for a person. Accept writes it into the case;
 * Reject… asks first (its content is dropped, a file it brought erased). After a decision the
 * list reloads, the outcome is announced (role=status) and focus goes to the section heading.
 * A filter shows decided ones. Reloaded whenever `generation` changes (an import, a bundle
 * accepted from quarantine). Record data lives in component state: the lock unmounts it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n.js';
import { useAction } from '../../state/use-action.js';
import { Button, SelectField } from '../../components/controls.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { call, asCallError, CallFailure } from '../../vault.js';
import { PROPOSAL_STATUSES, type ProposalStatus, type ProposedAddition } from '../../../shared/domain/bundles.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { ProposalCard, kindLabel, summaryOf } from './ProposalCard.js';
import { useProposalsFocus } from './proposals-focus.js';
import './proposals.css';
import { labelKey } from '../../i18n/enum-labels.js';

export function ProposedAdditions({ generation }: { generation: number }) {
  const t = useT();
  const [status, setStatus] = useState<ProposalStatus>('pending');
  const [items, setItems] = useState<ProposedAddition[] | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [rejecting, setRejecting] = useState<ProposedAddition | null>(null);
  const [notice, setNotice] = useState('');
  const [stale, setStale] = useState(false);
  const { busy, error: actionError, run } = useAction();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusPending = useProposalsFocus((s) => s.pending);

  const load = useCallback(async () => {
    try {
      setItems(await call('proposals', 'list', { status }));
      setError(null);
    } catch (e) {
      setError(asCallError(e));
    }
  }, [status]);

  useEffect(() => {
    void load();
  }, [load, generation]);

  // "Review the proposed additions" (import result, case banner): show this section, pending first.
  useEffect(() => {
    if (!focusPending) return;
    if (status !== 'pending') {
      setStatus('pending');
      return;
    }
    if (items === null && error === null) return;
    useProposalsFocus.getState().consume();
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus();
  }, [focusPending, items, error, status]);

  const decide = (p: ProposedAddition, how: 'accept' | 'reject') =>
    run(async () => {
      setNotice('');
      setStale(false);
      try {
        await call('proposals', how, { id: p.id });
      } catch (e) {
        // decided meanwhile (another window, the command line): say so and show where things stand
        if (e instanceof CallFailure && e.code === 'INVALID_TRANSITION') {
          setRejecting(null);
          setStale(true);
          await load();
          return;
        }
        throw e;
      }
      setRejecting(null);
      setNotice(
        how === 'accept'
          ? t(labelKey('proposals.accepted', p.kind), { reference: p.caseReference })
          : t(p.preview?.hasFile ? 'proposals.rejectedWithFile' : 'proposals.rejected'),
      );
      await load();
      headingRef.current?.focus();
    });

  const pendingList = status === 'pending';
  return (
    <section className="card proposals" aria-labelledby="proposals-title" data-testid="proposals">
      <div className="section-header proposals-header">
        <h2 id="proposals-title" ref={headingRef} tabIndex={-1}>
          {t('proposals.title')}
        </h2>
        {pendingList && items !== null && items.length > 0 && (
          <p className="proposals-count">{t('proposals.count', { count: items.length })}</p>
        )}
        <div className="proposals-filter">
          <SelectField
            label={t('proposals.filter')}
            value={status}
            onChange={(e) => {
              setItems(null);
              setNotice('');
              setStatus(e.target.value as ProposalStatus);
            }}
            options={PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(labelKey('proposals.filter', s)) }))}
          />
        </div>
      </div>
      <p className="hint proposals-intro">{t('proposals.intro')}</p>
      <p role="status" className={notice ? 'notice notice-ok proposals-notice' : 'proposals-notice'}>
        {notice}
      </p>
      {stale && <p className="notice notice-warn">{t('proposals.alreadyDecided')}</p>}
      {!rejecting && <ErrorNotice error={actionError} />}
      <ErrorNotice error={error} onRetry={() => void load()} />
      {items === null && !error && <Loading />}
      {items !== null && items.length === 0 && (
        <p className="empty">{t(pendingList ? 'proposals.none.pending' : 'proposals.none.decided')}</p>
      )}
      {items !== null && items.length > 0 && (
        <ul className="proposal-list" aria-label={t('proposals.label')}>
          {items.map((p) => (
            <li key={p.id}>
              <ProposalCard
                p={p}
                busy={busy}
                onAccept={() => void decide(p, 'accept')}
                onReject={() => setRejecting(p)}
              />
            </li>
          ))}
        </ul>
      )}
      <Dialog title={t('proposals.reject.title')} open={rejecting !== null} onClose={() => setRejecting(null)}>
        {rejecting && (
          <div className="proposal-reject">
            <p className="proposal-reject-what">
              <strong>{t(kindLabel(rejecting))}</strong> <bdi className="code">{rejecting.caseReference}</bdi>{' '}
              <bdi>{rejecting.caseTitle}</bdi>
              {summaryOf(rejecting) && <bdi className="proposal-reject-summary">{summaryOf(rejecting)}</bdi>}
            </p>
            <p>{t('proposals.reject.body', { reference: rejecting.caseReference })}</p>
            {rejecting.preview?.hasFile && <p className="warn-text">{t('proposals.reject.file')}</p>}
            <ErrorNotice error={actionError} />
            <div className="form-actions">
              <Button variant="danger" onClick={() => void decide(rejecting, 'reject')} disabled={busy}>
                {t('proposals.reject.confirm')}
              </Button>
              <Button onClick={() => setRejecting(null)}>{t('action.cancel')}</Button>
            </div>
          </div>
        )}
      </Dialog>
    </section>
  );
}
