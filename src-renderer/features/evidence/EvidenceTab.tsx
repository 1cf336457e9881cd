/**
 * A case's evidence: the items in the order they were received, intake of a new item or of a
 * working copy (a file chosen in main's native dialog; the renderer only holds its handle), and
 * per item the viewer, verification, export of a decrypted copy and the chain of custody; below,
 * the items a partner described without sending the file (ReceivedDescriptions, read-only).
 * Record data lives in component state: the lock unmounts the whole app frame.
 */
import { useCallback, useEffect, useState } from 'react';
import { useT, useFormat } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { call, asCallError } from '../../vault.js';
import { Button } from '../../components/controls.js';
import { Empty, ErrorNotice, Loading } from '../../components/feedback.js';
import type { Evidence } from '../../../shared/domain/evidence.js';
import type { ChosenFile } from '../../../shared/ipc/areas/app.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { IntakeDialog } from './IntakeDialog.js';
import { EvidenceViewer } from './EvidenceViewer.js';
import { VerifyDialog } from './VerifyDialog.js';
import { ExportDialog } from './ExportDialog.js';
import { CustodyDialog } from './CustodyDialog.js';
import { shortHash } from './evidence-format.js';
import { ReceivedDescriptions } from './ReceivedDescriptions.js';

type ItemDialog = 'view' | 'verify' | 'export' | 'custody';

export interface Intake {
  file: ChosenFile;
  /** set when the file is a working copy of this item */
  original: Evidence | null;
}

export function EvidenceTab({ caseId }: { caseId: string }) {
  const t = useT();
  const f = useFormat();
  const [items, setItems] = useState<Evidence[] | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [chooseError, setChooseError] = useState<CallError | null>(null);
  const [intake, setIntake] = useState<Intake | null>(null);
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

  const choose = async (original: Evidence | null) => {
    setChoosing(true);
    setChooseError(null);
    setAdded(null);
    try {
      const file = await call('files', 'chooseEvidence', {});
      if (file) setIntake({ file, original });
    } catch (e) {
      setChooseError(asCallError(e));
    } finally {
      setChoosing(false);
    }
  };

  const titleOf = (id: string | null) => (id ? items?.find((i) => i.id === id)?.title : undefined);
  /** a dialog closing only clears itself (the viewer hands over to export by opening it) */
  const closer = (kind: ItemDialog) => () => setOpen((o) => (o?.kind === kind ? null : o));

  return (
    <section className="tab-section evidence-tab" aria-labelledby="evidence-heading">
      <div className="section-header">
        <h2 id="evidence-heading">{t('evidence.title')}</h2>
        <Button variant="primary" onClick={() => void choose(null)} disabled={choosing} aria-busy={choosing}>
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
                <th scope="col">{t('evidence.col.file')}</th>
                <th scope="col">{t('evidence.col.size')}</th>
                <th scope="col">{t('evidence.col.received')}</th>
                <th scope="col">{t('evidence.col.sha256')}</th>
                <th scope="col">{t('evidence.col.derivedFrom')}</th>
                <th scope="col">{t('evidence.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <bdi className="record-title">{item.title}</bdi>
                  </td>
                  <td>{t(`evidence.type.${item.type}` as MessageKey)}</td>
                  <td>
                    <bdi>{item.fileName}</bdi>
                  </td>
                  <td>{f.bytes(item.size)}</td>
                  <td>{f.instant(item.receivedAt)}</td>
                  <td>
                    <bdi className="code" title={item.sha256}>
                      {shortHash(item.sha256)}
                    </bdi>
                  </td>
                  <td>
                    {item.derivedFrom ? (
                      <bdi>{titleOf(item.derivedFrom) ?? shortHash(item.derivedFrom)}</bdi>
                    ) : (
                      t('state.none')
                    )}
                  </td>
                  <td>
                    <div className="row-actions">
                      <Button
                        variant="link"
                        onClick={() => setOpen({ kind: 'view', item })}
                        aria-label={t('evidence.action.viewItem', { title: item.title })}
                      >
                        {t('evidence.action.view')}
                      </Button>
                      <Button
                        variant="link"
                        onClick={() => setOpen({ kind: 'verify', item })}
                        aria-label={t('evidence.action.verifyItem', { title: item.title })}
                      >
                        {t('evidence.action.verify')}
                      </Button>
                      <Button
                        variant="link"
                        onClick={() => setOpen({ kind: 'custody', item })}
                        aria-label={t('evidence.action.custodyItem', { title: item.title })}
                      >
                        {t('evidence.action.custody')}
                      </Button>
                      <Button
                        variant="link"
                        onClick={() => setOpen({ kind: 'export', item })}
                        aria-label={t('evidence.action.exportItem', { title: item.title })}
                      >
                        {t('evidence.action.export')}
                      </Button>
                      <Button
                        variant="link"
                        onClick={() => void choose(item)}
                        disabled={choosing}
                        aria-label={t('evidence.action.copyItem', { title: item.title })}
                      >
                        {t('evidence.action.copy')}
                      </Button>
                    </div>
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
        onClose={() => setIntake(null)}
        onAdded={(item) => {
          setIntake(null);
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
      <CustodyDialog item={open?.kind === 'custody' ? open.item : null} onClose={closer('custody')} />
    </section>
  );
}
