/**
 * A case's evidence: the items in the order they were received, one line each (title, type, size,
 * date received, custody state) that opens the item's page (EvidencePage); per row an actions
 * menu with the viewer, verification, export of a decrypted copy and a new working copy; intake of
 * a new item (a file chosen in main's native dialog; the renderer only holds its handle); below,
 * the items a partner described without sending the file (ReceivedDescriptions, read-only).
 * Record data lives in component state: the lock unmounts the whole app frame.
 */
import { useCallback, useEffect, useState } from 'react';
import { useT, useFormat } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import { call, asCallError } from '../../vault.js';
import { Button } from '../../components/controls.js';
import { Empty, ErrorNotice, Loading } from '../../components/feedback.js';
import type { Evidence } from '../../../shared/domain/evidence.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { IntakeDialog } from './IntakeDialog.js';
import { EvidenceViewer } from './EvidenceViewer.js';
import { VerifyDialog } from './VerifyDialog.js';
import { ExportDialog } from './ExportDialog.js';
import { ActionsMenu } from './ActionsMenu.js';
import { ReceivedDescriptions } from './ReceivedDescriptions.js';
import { useIntake } from './use-intake.js';
import './evidence.css';
import { useRefreshOn } from '../../state/changes.js';
import { labelKey } from '../../i18n/enum-labels.js';

type ItemDialog = 'view' | 'verify' | 'export';

export function EvidenceTab({ caseId }: { caseId: string }) {
  const t = useT();
  const f = useFormat();
  const [items, setItems] = useState<Evidence[] | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const go = useNav((s) => s.go);
  const { choosing, chooseError, intake, choose, done } = useIntake();
  const [added, setAdded] = useState<Evidence | null>(null);
  const [open, setOpen] = useState<{ kind: ItemDialog; item: Evidence } | null>(null);

  const load = useCallback(async () => {
    try {
      const list = await call('evidence', 'list', { caseId });
      setItems(list);
      setError(null);
    } catch (e) {
      setError(asCallError(e));
    }
  }, [caseId]);

  useEffect(() => {
    setItems(null);
    void load();
  }, [load]);
  useRefreshOn(['evidence'], () => void load());

  const chooseFile = (original: Evidence | null) => {
    setAdded(null);
    void choose(original);
  };

  /** a dialog closing only clears itself (the viewer hands over to export by opening it) */
  const closer = (kind: ItemDialog) => () => setOpen((o) => (o?.kind === kind ? null : o));

  return (
    <section className="tab-section evidence-tab" aria-labelledby="evidence-heading">
      <div className="section-header">
        <h2 id="evidence-heading">{t('evidence.title')}</h2>
        <Button variant="primary" onClick={() => chooseFile(null)} disabled={choosing} aria-busy={choosing}>
          {t('evidence.add')}
        </Button>
      </div>
      <p className="hint">{t('evidence.intro')}</p>
      <ErrorNotice error={chooseError} />
      <div role="status" className="status-slot">
        {added && (
          <div className="notice notice-ok">
            <p className="notice-title">{t('evidence.added.title')}</p>
            <p>{t('evidence.added.body', { title: added.title, size: f.bytes(added.size) })}</p>
            <p>
              {t('evidence.added.hash')} <bdi className="code hash">{added.sha256}</bdi>
            </p>
          </div>
        )}
      </div>
      <ErrorNotice error={error} onRetry={() => void load()} />
      {items === null && !error && <Loading />}
      {items !== null && items.length === 0 && <Empty>{t('evidence.none')}</Empty>}
      {items !== null && items.length > 0 && (
        <div className="table-scroll">
          <table className="data evidence-table">
            <caption className="visually-hidden">{t('evidence.table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evidence.col.title')}</th>
                <th scope="col">{t('evidence.col.type')}</th>
                <th scope="col">{t('evidence.col.size')}</th>
                <th scope="col">{t('evidence.col.received')}</th>
                <th scope="col">{t('evidence.col.custody')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('evidence.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td className="evidence-title-cell">
                    <button
                      type="button"
                      className="row-link record-title"
                      onClick={() => go({ name: 'evidence', id: item.id })}
                    >
                      <bdi>{item.title}</bdi>
                    </button>
                    {item.derivedFrom && <span className="badge">{t('evidence.copyBadge')}</span>}
                  </td>
                  <td>{t(labelKey('evidence.type', item.type))}</td>
                  <td>{f.bytes(item.size)}</td>
                  <td>{f.day(item.receivedAt)}</td>
                  <td>
                    {item.lastVerifiedAt ? (
                      t('evidence.custodyState.verified', { when: f.day(item.lastVerifiedAt) })
                    ) : (
                      <span className="evidence-unverified">{t('evidence.custodyState.unverified')}</span>
                    )}
                  </td>
                  <td className="evidence-actions-cell">
                    <ActionsMenu
                      label={t('evidence.actions.menu')}
                      accessibleLabel={t('evidence.actions.menuFor', { title: item.title })}
                      actions={[
                        { label: t('evidence.action.open'), onSelect: () => go({ name: 'evidence', id: item.id }) },
                        { label: t('evidence.action.view'), onSelect: () => setOpen({ kind: 'view', item }) },
                        { label: t('evidence.action.verify'), onSelect: () => setOpen({ kind: 'verify', item }) },
                        { label: t('evidence.action.export'), onSelect: () => setOpen({ kind: 'export', item }) },
                        { label: t('evidence.action.copy'), onSelect: () => chooseFile(item), disabled: choosing },
                      ]}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ReceivedDescriptions caseId={caseId} />

      <IntakeDialog
        caseId={caseId}
        intake={intake}
        onClose={done}
        onAdded={(item) => {
          done();
          setAdded(item);
          void load();
        }}
      />
      <EvidenceViewer
        item={open?.kind === 'view' ? open.item : null}
        onClose={closer('view')}
        onExport={(item) => setOpen({ kind: 'export', item })}
      />
      <VerifyDialog
        item={open?.kind === 'verify' ? open.item : null}
        onClose={closer('verify')}
        onVerified={() => void load()}
      />
      <ExportDialog item={open?.kind === 'export' ? open.item : null} onClose={closer('export')} />
    </section>
  );
}
