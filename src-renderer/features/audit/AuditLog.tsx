/**
 * The audit log viewer: entries newest first, a page at a time (`audit.list` limit/offset), and
 * the chain check (`audit.verify`) with its progress and a plain verdict — intact with N entries,
 * or broken at entry N with the engine's own reason as the detail.
 *
 * Entries hold ids, enum values and field names only (never record text), and live in component
 * state: the lock unmounts the app frame and them with it.
 */
import { Fragment, useState } from 'react';
import { useLoaded } from '../../state/use-loaded.js';
import { hasMessage, useFormat, useT } from '../../i18n/i18n.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice, Loading, ProgressBar } from '../../components/feedback.js';
import { call, asCallError } from '../../vault.js';
import { useProgress, useSession } from '../../state/session.js';
import type { AuditEntryOutput, ChainVerdictOutput } from '../../../shared/ipc/areas/audit.js';
import type { CallError } from '../../../shared/ipc/kit.js';

export const AUDIT_PAGE = 50;

/** The end of an id: ours are UUIDv7, whose first characters are a timestamp shared by neighbours. */
export function shortId(id: string): string {
  return id.length > 12 ? `…${id.slice(-8)}` : id;
}

export function AuditLog() {
  const t = useT();
  const f = useFormat();
  const [offset, setOffset] = useState(0);
  const {
    value: page,
    error,
    reload,
  } = useLoaded(() => call('audit', 'list', { limit: AUDIT_PAGE, offset }), [offset]);
  const loading = page === null && !error;

  const total = page?.total ?? 0;
  const canNewer = offset > 0 && !loading;
  const canOlder = offset + AUDIT_PAGE < total && !loading;

  return (
    <section className="screen screen-audit" aria-labelledby="audit-title">
      <header className="screen-header">
        <h1 id="audit-title" tabIndex={-1}>
          {t('audit.title')}
        </h1>
        <p className="count" aria-live="polite">
          {page ? t('audit.count', { count: page.total }) : ''}
        </p>
      </header>
      <p className="hint">{t('audit.intro')}</p>
      <VerifyChain />
      <section className="audit-entries" aria-labelledby="audit-entries-title" aria-busy={loading}>
        <h2 id="audit-entries-title">{t('audit.entries')}</h2>
        <ErrorNotice error={error} onRetry={() => void reload()} />
        {!page && !error && <Loading />}
        {page && page.items.length > 0 && (
          <div className="table-scroll">
            <table className="data audit-table" aria-label={t('audit.table')}>
              <thead>
                <tr>
                  <th scope="col">{t('audit.col.seq')}</th>
                  <th scope="col">{t('audit.col.time')}</th>
                  <th scope="col">{t('audit.col.action')}</th>
                  <th scope="col">{t('audit.col.subject')}</th>
                  <th scope="col">{t('audit.col.details')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((e) => (
                  <AuditRow key={e.seq} entry={e} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {page && total > 0 && (
          <nav className="pager" aria-label={t('audit.pages')}>
            <Button aria-disabled={!canNewer} onClick={() => canNewer && setOffset(Math.max(0, offset - AUDIT_PAGE))}>
              {t('audit.newer')}
            </Button>
            <p className="pager-range">
              {t('audit.range', {
                from: f.number(offset + 1),
                to: f.number(Math.min(offset + AUDIT_PAGE, total)),
                total: f.number(total),
              })}
            </p>
            <Button aria-disabled={!canOlder} onClick={() => canOlder && setOffset(offset + AUDIT_PAGE)}>
              {t('audit.older')}
            </Button>
          </nav>
        )}
      </section>
    </section>
  );
}

function AuditRow({ entry: e }: { entry: AuditEntryOutput }) {
  const t = useT();
  const f = useFormat();
  const actionKey = `audit.action.${e.action}`;
  const kindKey = e.subject ? `audit.kind.${e.subject.kind}` : '';
  const details = Object.entries(e.details);
  return (
    <tr data-seq={e.seq}>
      <td className="audit-seq">{f.number(e.seq, { useGrouping: false })}</td>
      <td className="audit-time">
        <time dateTime={e.at}>{f.instant(e.at)}</time>
      </td>
      <td className="audit-action">
        {hasMessage(actionKey) && <span className="audit-action-label">{t(actionKey)}</span>}
        <bdi className="code audit-action-code">{e.action}</bdi>
      </td>
      <td className="audit-subject">
        {e.subject ? (
          <>
            {hasMessage(kindKey) ? t(kindKey) : <bdi className="code">{e.subject.kind}</bdi>}{' '}
            <bdi className="code" title={e.subject.id}>
              {shortId(e.subject.id)}
            </bdi>
          </>
        ) : (
          t('audit.noSubject')
        )}
      </td>
      <td className="audit-details">
        {details.length === 0 ? (
          <span className="muted">{t('audit.noDetails')}</span>
        ) : (
          <dl className="audit-dl">
            {details.map(([k, v]) => (
              <Fragment key={k}>
                <dt>
                  <bdi className="code">{k}</bdi>
                </dt>
                <dd>
                  <bdi className="code">{typeof v === 'string' ? v : JSON.stringify(v)}</bdi>
                </dd>
              </Fragment>
            ))}
          </dl>
        )}
      </td>
    </tr>
  );
}

function VerifyChain() {
  const t = useT();
  const f = useFormat();
  const progress = useProgress('audit.verify');
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<ChainVerdictOutput | null>(null);
  const [error, setError] = useState<CallError | null>(null);

  const verify = async () => {
    useSession.getState().clearProgress('audit.verify');
    setBusy(true);
    setVerdict(null);
    setError(null);
    try {
      setVerdict(await call('audit', 'verify', {}));
    } catch (e) {
      setError(asCallError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card audit-verify" aria-labelledby="audit-verify-title" aria-busy={busy}>
      <h2 id="audit-verify-title">{t('audit.verify.title')}</h2>
      <p className="hint">{t('audit.verify.hint')}</p>
      <Button variant="primary" onClick={() => void verify()} disabled={busy}>
        {t('audit.verify.button')}
      </Button>
      {busy && <ProgressBar event={progress} label={t('audit.verify.working')} />}
      <div role="status" className="audit-verdict" data-testid="audit-verdict">
        {verdict?.ok === true && (
          <p className="notice notice-ok" data-verdict="intact">
            {verdict.entries === 0 ? t('audit.verify.empty') : t('audit.verify.intact', { count: verdict.entries })}
          </p>
        )}
        {verdict?.ok === false && (
          <div className="notice notice-error" data-verdict="broken">
            <p className="notice-title">
              {t('audit.verify.broken', { seq: f.number(verdict.firstBrokenSeq, { useGrouping: false }) })}
            </p>
            <p>
              {t('audit.verify.brokenBefore', {
                count: verdict.entries,
                seq: f.number(verdict.firstBrokenSeq, { useGrouping: false }),
              })}
            </p>
            <p>
              {t('audit.verify.reason')} <bdi lang="en">{verdict.reason}</bdi>
            </p>
          </div>
        )}
      </div>
      <ErrorNotice error={error} />
    </section>
  );
}
