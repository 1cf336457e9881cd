/**
 * Export a decrypted copy of an item: the reason is asked first (it goes into the custody log),
 * then main's native save dialog picks the target (the renderer holds only its handle), then the
 * engine writes the copy with progress and says what it wrote.
 */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT, useFormat } from '../../i18n/i18n.js';
import { call } from '../../vault.js';
import { useProgress, useSession } from '../../state/session.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, TextArea } from '../../components/controls.js';
import { ErrorNotice, ProgressBar } from '../../components/feedback.js';
import type { Evidence } from '../../../shared/domain/evidence.js';

export function ExportDialog({ item, onClose }: { item: Evidence | null; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog
      title={item ? t('evidence.export.title', { title: item.title }) : ''}
      open={item !== null}
      onClose={onClose}
    >
      {item && <ExportForm key={item.id} item={item} onClose={onClose} />}
    </Dialog>
  );
}

interface Done {
  name: string;
  size: number;
  sha256: string;
}

function ExportForm({ item, onClose }: { item: Evidence; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const progress = useProgress('evidence.export');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<Done | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!reason.trim()) return;
    await run(async () => {
      const target = await call('files', 'chooseSaveTarget', {
        suggestedName: item.fileName.slice(0, 200),
        kind: 'evidence',
      });
      if (!target) return;
      useSession.getState().clearProgress('evidence.export');
      const r = await call('evidence', 'export', { id: item.id, target: target.handle, reason: reason.trim() });
      setDone({ name: target.name, size: r.size, sha256: r.sha256 });
    });
  };

  if (done) {
    return (
      <div>
        <div role="status" className="notice notice-ok">
          <p className="notice-title">{t('evidence.export.done')}</p>
          <p>{t('evidence.export.doneBody', { name: done.name, size: f.bytes(done.size) })}</p>
          <p>
            {t('evidence.export.doneHash')} <bdi className="code hash">{done.sha256}</bdi>
          </p>
        </div>
        <div className="form-actions">
          <Button variant="primary" onClick={onClose} autoFocus>
            {t('action.close')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={submit} aria-busy={busy} noValidate>
      <p>{t('evidence.export.intro')}</p>
      <TextArea
        label={t('evidence.export.reason')}
        hint={t('evidence.export.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={3}
        maxLength={2000}
        required
        autoFocus
        disabled={busy}
        error={touched && !reason.trim() ? t('evidence.export.reasonRequired') : null}
      />
      {busy && <ProgressBar event={progress} label={t('evidence.export.working')} />}
      <ErrorNotice error={error} />
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('evidence.export.submit')}
        </Button>
        <Button onClick={onClose}>{t('action.cancel')}</Button>
      </div>
    </form>
  );
}
