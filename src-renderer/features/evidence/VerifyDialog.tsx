/**
 * Verification: the engine re-reads the stored item, decrypts it and compares its SHA-256 with
 * the one recorded at intake (progress in bytes). The verdict is said in words, not colour: the
 * file matches, or it does not (and that failure is itself recorded in the custody log).
 */
import { useEffect, useState } from 'react';
import { useT, useFormat } from '../../i18n/i18n.js';
import { call, asCallError } from '../../vault.js';
import { useProgress, useSession } from '../../state/session.js';
import { Dialog } from '../../components/Dialog.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice, ProgressBar } from '../../components/feedback.js';
import type { Evidence, EvidenceVerification } from '../../../shared/domain/evidence.js';
import type { CallError } from '../../../shared/ipc/kit.js';

/** The codes by which verification says the stored file is not the file taken in (or is gone). */
const FAILED_CODES: ReadonlySet<string> = new Set([
  'EVIDENCE_HASH_MISMATCH',
  'BLOB_TAMPERED',
  'BLOB_TRUNCATED',
  'BLOB_HASH_MISMATCH',
  'BLOB_MISSING',
  'BLOB_NOT_FOUND',
]);

export function VerifyDialog({
  item,
  onClose,
  onVerified,
}: {
  item: Evidence | null;
  onClose: () => void;
  onVerified: () => void;
}) {
  const t = useT();
  return (
    <Dialog
      title={item ? t('evidence.verify.title', { title: item.title }) : ''}
      open={item !== null}
      onClose={onClose}
    >
      {item && <VerifyBody key={item.id} item={item} onClose={onClose} onVerified={onVerified} />}
    </Dialog>
  );
}

function VerifyBody({ item, onClose, onVerified }: { item: Evidence; onClose: () => void; onVerified: () => void }) {
  const t = useT();
  const f = useFormat();
  const progress = useProgress('evidence.verify');
  const [busy, setBusy] = useState(true);
  const [result, setResult] = useState<EvidenceVerification | null>(null);
  const [error, setError] = useState<CallError | null>(null);

  useEffect(() => {
    let live = true;
    useSession.getState().clearProgress('evidence.verify');
    call('evidence', 'verify', { id: item.id })
      .then((r) => {
        if (!live) return;
        setResult(r);
        onVerified();
      })
      .catch((e: unknown) => live && setError(asCallError(e)))
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [item.id]);

  const failed = error !== null && FAILED_CODES.has(error.code);
  return (
    <div className="verify" aria-busy={busy}>
      <dl className="dl">
        <dt>{t('evidence.col.file')}</dt>
        <dd>
          <bdi>{item.fileName}</bdi>
        </dd>
        <dt>{t('evidence.verify.recorded')}</dt>
        <dd>
          <bdi className="code hash">{item.sha256}</bdi>
        </dd>
      </dl>
      {busy && <ProgressBar event={progress} label={t('evidence.verify.working')} />}
      <div role="status" className="status-slot">
        {result && (
          <div className="notice notice-ok verdict">
            <p className="notice-title">{t('evidence.verify.match')}</p>
            <p>{t('evidence.verify.matchBody', { size: f.bytes(result.size), when: f.instant(result.verifiedAt) })}</p>
          </div>
        )}
      </div>
      {failed && (
        <div className="notice notice-error verdict" role="alert">
          <p className="notice-title">{t('evidence.verify.mismatch')}</p>
          <p>{t('evidence.verify.mismatchBody')}</p>
          <details>
            <summary>{t('error.details')}</summary>
            <p>
              <bdi className="code">{error.code}</bdi> <bdi>{error.message}</bdi>
            </p>
          </details>
        </div>
      )}
      {error && !failed && <ErrorNotice error={error} />}
      <div className="form-actions">
        <Button onClick={onClose}>{t('action.close')}</Button>
      </div>
    </div>
  );
}
