/**
 * An item's chain of custody, on its evidence page: every receipt, view, copy, export and
 * verification, numbered 1, 2, 3… for this item (the vault-wide sequence number of each event is
 * in the exported log, not here), with the engine's verdict on the hash chain that links them,
 * and export of the log as JSON or CSV to a file chosen in main's save dialog.
 */
import { useEffect, useState } from 'react';
import { useT, useFormat } from '../../i18n/i18n.js';
import { call, asCallError } from '../../vault.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import type { CustodyLogFormat, Evidence } from '../../../shared/domain/evidence.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { shortHash, stem } from './evidence-format.js';
import { labelKey } from '../../i18n/enum-labels.js';
import { useLoaded } from '../../state/use-loaded.js';

/** the actor the engine records for whoever holds the vault's passphrase */
const OWNER = 'vault-owner';

/** `revision` changes whenever the page did something that adds an event (a view, a verification, an export). */
export function CustodyLogSection({ item, revision }: { item: Evidence; revision: number }) {
  const t = useT();
  const f = useFormat();
  const {
    value: log,
    error,
    reload: load,
  } = useLoaded(() => call('evidence', 'custodyLog', { id: item.id }), [item.id], ['evidence']);
  // the page added an event (a view, a verification, an export): read the log again in place
  useEffect(() => {
    if (revision > 0) void load();
  }, [revision, load]);
  const [exporting, setExporting] = useState<CustodyLogFormat | null>(null);
  const [exportError, setExportError] = useState<CallError | null>(null);
  const [exported, setExported] = useState<{ name: string; bytes: number; format: CustodyLogFormat } | null>(null);

  const exportLog = async (format: CustodyLogFormat) => {
    setExporting(format);
    setExportError(null);
    setExported(null);
    try {
      const suggestedName = `${stem(item.fileName).slice(0, 150)}-${t('evidence.custody.fileSuffix')}.${format}`;
      const target = await call('files', 'chooseSaveTarget', {
        suggestedName,
        kind: format === 'json' ? 'custody-json' : 'custody-csv',
      });
      if (!target) return;
      const r = await call('evidence', 'exportCustodyLog', { id: item.id, format, target: target.handle });
      setExported({ name: target.name, bytes: r.bytes, format });
    } catch (e) {
      setExportError(asCallError(e));
    } finally {
      setExporting(null);
    }
  };

  if (error) return <ErrorNotice error={error} onRetry={() => void load()} />;
  if (!log) return <Loading />;

  const chain = log.chain;
  /** the vault-wide sequence number where the chain breaks, as this item's event number */
  const brokenAt =
    chain.ok || chain.brokenAt === null ? null : log.events.findIndex((e) => e.seq === chain.brokenAt) + 1;
  return (
    <div className="custody">
      {chain.ok ? (
        <div className="notice notice-ok chain-verdict">
          <p className="notice-title">{t('evidence.custody.chainOk')}</p>
          <p>{t('evidence.custody.chainOkBody', { count: chain.events })}</p>
        </div>
      ) : (
        <div className="notice notice-error chain-verdict" role="alert">
          <p className="notice-title">{t('evidence.custody.chainBroken')}</p>
          <p>
            {brokenAt
              ? t('evidence.custody.chainBrokenAt', { seq: f.number(brokenAt) })
              : t('evidence.custody.chainBrokenBody')}
          </p>
          <details>
            <summary>{t('error.details')}</summary>
            <p>
              <bdi>{chain.reason}</bdi>
            </p>
          </details>
        </div>
      )}
      <div className="table-scroll" role="region" aria-labelledby="custody-caption" tabIndex={0}>
        <table className="data custody-table">
          <caption id="custody-caption" className="visually-hidden">
            {t('evidence.custody.caption', { title: item.title })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('evidence.custody.col.seq')}</th>
              <th scope="col">{t('evidence.custody.col.at')}</th>
              <th scope="col">{t('evidence.custody.col.action')}</th>
              <th scope="col">{t('evidence.custody.col.actor')}</th>
              <th scope="col">{t('evidence.custody.col.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {log.events.map((e, i) => (
              <tr key={e.seq}>
                <td>{f.number(i + 1)}</td>
                <td>{f.instant(e.at)}</td>
                <td>
                  <span className={`badge badge-custody-${e.action}`}>
                    {t(labelKey('evidence.custody.action', e.action))}
                  </span>
                </td>
                <td>{e.actor === OWNER ? t('evidence.custody.actor.owner') : <bdi>{e.actor}</bdi>}</td>
                <td>
                  <bdi className="code" title={e.hash}>
                    {shortHash(e.hash)}
                  </bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="custody-export-heading">{t('evidence.custody.exportHeading')}</h3>
      <div className="form-actions">
        <Button onClick={() => void exportLog('json')} disabled={exporting !== null} aria-busy={exporting === 'json'}>
          {t('evidence.custody.exportJson')}
        </Button>
        <Button onClick={() => void exportLog('csv')} disabled={exporting !== null} aria-busy={exporting === 'csv'}>
          {t('evidence.custody.exportCsv')}
        </Button>
      </div>
      <ErrorNotice error={exportError} />
      <div role="status" className="status-slot">
        {exported && (
          <p className="notice notice-ok">
            {t('evidence.custody.exported', {
              name: exported.name,
              size: f.bytes(exported.bytes),
              format: exported.format.toUpperCase(),
            })}
          </p>
        )}
      </div>
    </div>
  );
}
