/**
 * Evidence a partner described without sending its file (evidence.receivedDescriptions):
 * read-only, as received — what the sender's sharing profile let through, "not shared" for the
 * rest, who described it (the partner whose key belongs to the vault that holds the file, else
 * that vault's id, shortened) and when it arrived. Rendered only when there is something to
 * show (or an error to report). Record data lives in component state: the lock unmounts the
 * whole app frame.
 */
import { useT, useFormat } from '../../i18n/i18n.js';
import { call } from '../../vault.js';
import { ErrorNotice } from '../../components/feedback.js';
import { shortHash, shortVault } from './evidence-format.js';
import { labelKey } from '../../i18n/enum-labels.js';
import { useLoaded } from '../../state/use-loaded.js';

export function ReceivedDescriptions({ caseId }: { caseId: string }) {
  const t = useT();
  const f = useFormat();
  const {
    value: items,
    error,
    reload: load,
  } = useLoaded(() => call('evidence', 'receivedDescriptions', { caseId }), [caseId], ['evidence', 'bundles']);

  if (!error && (items === null || items.length === 0)) return null;
  const notShared = <span className="hint">{t('evidence.received.notShared')}</span>;

  return (
    <section className="received-descriptions" aria-labelledby="received-descriptions-heading">
      <h3 id="received-descriptions-heading">{t('evidence.received.title')}</h3>
      <p className="hint">{t('evidence.received.intro')}</p>
      <ErrorNotice error={error} onRetry={() => void load()} />
      {items !== null && items.length > 0 && (
        <div className="table-scroll">
          <table className="data received-descriptions-table">
            <caption className="visually-hidden">{t('evidence.received.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evidence.col.title')}</th>
                <th scope="col">{t('evidence.col.type')}</th>
                <th scope="col">{t('evidence.col.size')}</th>
                <th scope="col">{t('evidence.col.sha256')}</th>
                <th scope="col">{t('evidence.received.col.from')}</th>
                <th scope="col">{t('evidence.col.received')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>
                    {d.title !== undefined ? (
                      <bdi className="record-title">{d.title}</bdi>
                    ) : (
                      <span className="hint">{t('evidence.received.untitled')}</span>
                    )}
                    {d.description !== undefined && d.description !== '' && (
                      <p className="hint received-description">
                        <bdi>{d.description}</bdi>
                      </p>
                    )}
                  </td>
                  <td>{d.type !== undefined ? t(labelKey('evidence.type', d.type)) : notShared}</td>
                  <td>{d.size !== undefined ? f.bytes(d.size) : notShared}</td>
                  <td>
                    {d.sha256 !== undefined ? (
                      <bdi className="code" dir="ltr" title={d.sha256}>
                        <span aria-hidden="true">{shortHash(d.sha256)}</span>
                        <span className="visually-hidden">{d.sha256}</span>
                      </bdi>
                    ) : (
                      notShared
                    )}
                  </td>
                  <td>
                    {d.originPartner ? (
                      <bdi>{d.originPartner.name}</bdi>
                    ) : (
                      <span title={d.originVault}>
                        {t('evidence.received.fromVault', { vault: shortVault(d.originVault) })}
                      </span>
                    )}
                  </td>
                  <td>{f.instant(d.receivedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
