/**
 * The exchange inbox (route `inbox`): open a bundle (main's open dialog) → the preview from
 * `bundles.verify` (nothing changes) → Import, with progress → the result: imported,
 * quarantined (verify the sender's key first) or already imported; then "Save the receipt…"
 * for the sender. "Import a receipt…" closes the loop for a bundle (or a recall notice) we sent.
 * A partner's recall notice opens through the same button (`bundles.peek` tells them apart) and
 * gets its own card (RecallNotices.tsx). Below: received bundles, the quarantine, sent bundles
 * with their delivery state, open conflicts, and recall notices sent and received.
 */
import { useState } from 'react';
import { useT } from '../../i18n/i18n.js';
import { useAction } from '../../state/use-action.js';
import { useProgress, useSession } from '../../state/session.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice, ProgressBar } from '../../components/feedback.js';
import { call } from '../../vault.js';
import type { ChosenFile } from '../../../shared/ipc/areas/app.js';
import type { BundleVerification, ImportResult } from '../../../shared/domain/bundles.js';
import { SHARING_KINDS } from '../../../shared/domain/partners.js';
import { BundlePreview } from './BundlePreview.js';
import { InboxLists } from './InboxLists.js';
import { useSaveReceipt } from './use-save-receipt.js';
import { RecallList, RecallNoticeCard } from './RecallNotices.js';
import { ProposedAdditions } from '../proposals/ProposedAdditions.js';
import { ProposedAfterImport } from '../proposals/ProposedAfterImport.js';

/** Records an import wrote (created or updated), all kinds together. */
export function recordsWritten(r: ImportResult): number {
  return SHARING_KINDS.reduce((n, k) => n + r.counts.created[k] + r.counts.updated[k], 0);
}

export function ImportInbox() {
  const t = useT();
  const importProgress = useProgress('bundles.import');
  const [opened, setOpened] = useState<{ file: ChosenFile; v: BundleVerification } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  /** the file opened is a partner's recall notice (not a bundle) */
  const [recallFile, setRecallFile] = useState<ChosenFile | null>(null);
  /** the receipt imported last: for a bundle or for a recall notice */
  const [receiptDone, setReceiptDone] = useState<false | 'bundle' | 'recall'>(false);
  const [generation, setGeneration] = useState(0);
  const open = useAction();
  const doImport = useAction();
  const receiptIn = useAction();
  const receiptOut = useSaveReceipt();
  const refresh = () => setGeneration((g) => g + 1);

  const openBundle = () =>
    open.run(async () => {
      const file = await call('files', 'chooseOpen', { kind: 'bundle' });
      if (!file) return;
      setOpened(null);
      setResult(null);
      setRecallFile(null);
      setReceiptDone(false);
      // the same dialog opens a recall notice: it has its own card (no bundle preview)
      if ((await call('bundles', 'peek', { file: file.handle })).kind === 'recall') {
        setRecallFile(file);
        return;
      }
      const v = await call('bundles', 'verify', { file: file.handle });
      setOpened({ file, v });
    });

  const importOpened = () =>
    doImport.run(async () => {
      if (!opened) return;
      useSession.getState().clearProgress('bundles.import');
      const r = await call('bundles', 'import', { file: opened.file.handle });
      if (!('noticeId' in r)) setResult(r);
      refresh();
    });

  const importReceipt = () =>
    receiptIn.run(async () => {
      setReceiptDone(false);
      const file = await call('files', 'chooseOpen', { kind: 'receipt' });
      if (!file) return;
      const r = await call('bundles', 'importReceipt', { file: file.handle });
      setReceiptDone('noticeId' in r ? 'recall' : 'bundle');
      refresh();
    });

  return (
    <section className="screen screen-inbox exchange" aria-labelledby="inbox-title">
      <header className="screen-header">
        <h1 id="inbox-title" tabIndex={-1}>
          {t('inbox.title')}
        </h1>
        <div className="header-actions">
          <Button variant="primary" onClick={() => void openBundle()} disabled={open.busy} aria-busy={open.busy}>
            {t('inbox.open')}
          </Button>
          <Button onClick={() => void importReceipt()} disabled={receiptIn.busy} aria-busy={receiptIn.busy}>
            {t('inbox.importReceipt')}
          </Button>
        </div>
      </header>
      <p className="intro">{t('inbox.intro')}</p>
      {open.busy && <p role="status">{t('inbox.checking')}</p>}
      <ErrorNotice error={open.error} />
      <ErrorNotice error={receiptIn.error} />
      {receiptDone && (
        <p className="notice notice-ok" role="status" data-testid="receipt-imported">
          {receiptDone === 'recall' ? t('inbox.recall.receiptImported') : t('inbox.receipt.imported')}
        </p>
      )}

      {recallFile && <RecallNoticeCard key={recallFile.handle} file={recallFile} onApplied={refresh} />}

      {opened && (
        <section className="card" aria-labelledby="inbox-preview">
          <h2 id="inbox-preview">{t('inbox.preview.title')}</h2>
          <BundlePreview fileName={opened.file.name} v={opened.v} />
          {doImport.busy && <ProgressBar event={importProgress} label={t('inbox.import.progress')} />}
          <ErrorNotice error={doImport.error} />
          {result ? (
            <div className="import-result" data-testid="import-result">
              {/* when everything arrived as proposed additions, the line below them says so instead */}
              {result.result === 'imported' &&
                (recordsWritten(result) > 0 || result.counts.files > 0 || result.counts.proposed === 0) && (
                  <p className="notice notice-ok" role="status">
                    {t('inbox.result.imported', { count: recordsWritten(result), files: result.counts.files })}
                  </p>
                )}
              {result.result === 'quarantined' && (
                <p className="notice notice-warn" role="status">
                  {t('inbox.result.quarantined')}
                </p>
              )}
              {result.result === 'already-imported' && (
                <p className="notice" role="status">
                  {t('inbox.result.already')}
                </p>
              )}
              {result.conflicts.length > 0 && (
                <p className="notice notice-warn">{t('inbox.result.conflicts', { count: result.conflicts.length })}</p>
              )}
              <ProposedAfterImport result={result} />
              <h3>{t('inbox.receipt.title')}</h3>
              <p className="hint">{t('inbox.receipt.hint')}</p>
              <ErrorNotice error={receiptOut.error} />
              {receiptOut.saved && (
                <p className="notice notice-ok" role="status" data-testid="receipt-saved">
                  {t('inbox.receipt.saved', { name: receiptOut.saved })}
                </p>
              )}
              <div className="form-actions">
                <Button
                  variant="primary"
                  onClick={() => void receiptOut.save(result.bundleId)}
                  disabled={receiptOut.busy}
                >
                  {t('inbox.receipt.save')}
                </Button>
              </div>
            </div>
          ) : (
            <div className="form-actions">
              <Button
                variant="primary"
                onClick={() => void importOpened()}
                disabled={doImport.busy || opened.v.expired}
              >
                {t('inbox.import')}
              </Button>
            </div>
          )}
        </section>
      )}

      <ProposedAdditions generation={generation} />
      <InboxLists generation={generation} onChanged={refresh} />
      <RecallList generation={generation} />
    </section>
  );
}
