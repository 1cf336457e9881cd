/**
 * Recall notices in the exchange inbox (docs/user-guide.md, "Recall notices"):
 *
 * - RecallNoticeCard: a file the inbox opened turned out to be a partner's recall notice
 *   (`bundles.peek`). "Apply the notice" runs `bundles.import`, which applies it only when a
 *   partner whose key was verified signed it, and only to records that partner sent; the result
 *   says what was restricted or erased and what was left as it was; then "Save the receipt…".
 * - RecallList: recall notices this vault sent (sent, or delivered once the partner's receipt
 *   came back) and received (applied), newest first, with "Save the receipt…" for received ones.
 */
import { useCallback, useEffect, useState } from 'react';
import { useFormat, useT } from '../../i18n/i18n.js';
import { useAction } from '../../state/use-action.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { asCallError, call } from '../../vault.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import type { ChosenFile } from '../../../shared/ipc/areas/app.js';
import type { RecallImportResult, RecallLedgerEntry } from '../../../shared/domain/recall.js';
import { labelKey } from '../../i18n/enum-labels.js';

/** Save our signed receipt for a recall notice we applied: main's save dialog, then the engine writes it. */
function useSaveRecallReceipt() {
  const { busy, error, run } = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const save = (noticeId: string) =>
    run(async () => {
      setSaved(null);
      const target = await call('files', 'chooseSaveTarget', {
        suggestedName: `${noticeId}.receipt.json`,
        kind: 'receipt',
      });
      if (!target) return;
      await call('bundles', 'saveRecallReceipt', { noticeId, target: target.handle });
      setSaved(target.name);
    });
  return { busy, error, saved, save };
}

export function RecallNoticeCard({ file, onApplied }: { file: ChosenFile; onApplied: () => void }) {
  const t = useT();
  const apply = useAction();
  const receipt = useSaveRecallReceipt();
  const [result, setResult] = useState<RecallImportResult | null>(null);

  const run = () =>
    apply.run(async () => {
      const r = await call('bundles', 'import', { file: file.handle });
      if (!('noticeId' in r)) throw new Error('not a recall notice');
      setResult(r);
      onApplied();
    });

  const kept = result?.ignored.some((i) => i.reason === 'kept-for-records-here') ?? false;
  return (
    <section className="card" aria-labelledby="inbox-recall" data-testid="recall-notice">
      <h2 id="inbox-recall">{t('inbox.recall.title')}</h2>
      <p>
        <bdi className="file-name">{file.name}</bdi>
      </p>
      <p className="hint">{t('inbox.recall.intro')}</p>
      <ErrorNotice error={apply.error} />
      {result ? (
        <div className="import-result" data-testid="recall-result">
          <p className={result.result === 'applied' ? 'notice notice-ok' : 'notice'} role="status">
            {result.result === 'already-applied'
              ? t('inbox.recall.already')
              : result.action === 'erase'
                ? t('inbox.recall.applied.erase', { count: result.counts.erased })
                : t('inbox.recall.applied.restrict', { count: result.counts.restricted })}
          </p>
          <p className="hint">{t('inbox.recall.from', { partner: result.partner.name })}</p>
          {result.counts.ignored > 0 && (
            <p className="notice notice-warn">{t('inbox.recall.ignored', { count: result.counts.ignored })}</p>
          )}
          {kept && <p className="notice notice-warn">{t('inbox.recall.kept')}</p>}
          <h3>{t('inbox.receipt.title')}</h3>
          <p className="hint">{t('inbox.recall.receiptHint')}</p>
          <ErrorNotice error={receipt.error} />
          {receipt.saved && (
            <p className="notice notice-ok" role="status">
              {t('inbox.receipt.saved', { name: receipt.saved })}
            </p>
          )}
          <div className="form-actions">
            <Button variant="primary" onClick={() => void receipt.save(result.noticeId)} disabled={receipt.busy}>
              {t('inbox.receipt.save')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <Button variant="primary" onClick={() => void run()} disabled={apply.busy} aria-busy={apply.busy}>
            {t('inbox.recall.apply')}
          </Button>
        </div>
      )}
    </section>
  );
}

interface Loaded {
  recalls: RecallLedgerEntry[];
  partnerNames: Record<string, string>;
}

export function RecallList({ generation }: { generation: number }) {
  const t = useT();
  const f = useFormat();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const receipt = useSaveRecallReceipt();

  const load = useCallback(async () => {
    setError(null);
    try {
      const [recalls, partners] = await Promise.all([call('bundles', 'recalls', {}), call('partners', 'list', {})]);
      setData({ recalls, partnerNames: Object.fromEntries(partners.map((p) => [p.id, p.name])) });
    } catch (e) {
      setError(asCallError(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, generation]);

  if (error) return <ErrorNotice error={error} onRetry={() => void load()} />;
  if (!data) return <Loading />;
  return (
    <section className="card" aria-labelledby="inbox-recalls">
      <h2 id="inbox-recalls">{t('inbox.recalls.title')}</h2>
      <p className="hint">{t('inbox.recalls.hint')}</p>
      {data.recalls.length === 0 ? (
        <p className="empty">{t('inbox.recalls.none')}</p>
      ) : (
        <table className="data" aria-label={t('inbox.recalls.label')} data-testid="recall-notices">
          <thead>
            <tr>
              <th scope="col">{t('inbox.recalls.col.direction')}</th>
              <th scope="col">{t('inbox.col.partner')}</th>
              <th scope="col">{t('inbox.recalls.col.action')}</th>
              <th scope="col">{t('inbox.col.created')}</th>
              <th scope="col">{t('inbox.col.status')}</th>
              <th scope="col">{t('inbox.recalls.col.result')}</th>
              <th scope="col">{t('inbox.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.recalls.map((r) => {
              const partner = r.partnerId ? data.partnerNames[r.partnerId] : undefined;
              return (
                <tr key={r.id} data-notice={r.id}>
                  <td>{t(labelKey('inbox.recalls.direction', r.direction))}</td>
                  <td>{partner !== undefined ? <bdi>{partner}</bdi> : t('inbox.unknownPartner')}</td>
                  <td>{t(labelKey('inbox.recalls.action', r.action))}</td>
                  <td>{f.instant(r.createdAt)}</td>
                  <td>
                    <span className={`badge recall-status recall-status-${r.status}`}>
                      {t(labelKey('inbox.recalls.status', r.status))}
                    </span>
                  </td>
                  <td>
                    {r.counts
                      ? t('inbox.recalls.result', {
                          restricted: r.counts.restricted,
                          erased: r.counts.erased,
                          ignored: r.counts.ignored,
                        })
                      : t('state.none')}
                  </td>
                  <td>
                    {r.direction === 'received' && (
                      <Button
                        variant="link"
                        onClick={() => void receipt.save(r.id)}
                        disabled={receipt.busy}
                        aria-label={t('inbox.recalls.receiptFor', { created: f.instant(r.createdAt) })}
                      >
                        {t('inbox.receipt.save')}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ErrorNotice error={receipt.error} />
      {receipt.saved && (
        <p className="notice notice-ok" role="status">
          {t('inbox.receipt.saved', { name: receipt.saved })}
        </p>
      )}
    </section>
  );
}
