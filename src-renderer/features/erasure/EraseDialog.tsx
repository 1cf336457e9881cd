/**
 * Erasing a person, an evidence item or a case (docs/erasure.md). The dialog says what goes and
 * that it cannot be undone, asks the reason (required; only its hash is kept, except for an
 * evidence item's custody record) and a ticked confirmation. When the engine refuses a person
 * because partners received them without a recall notice (ERASURE_RECALL_PENDING), the dialog
 * offers to erase anyway. Once done it lists the partners who received the records, so the
 * user can ask them to delete their copy; closing it leaves the page of what is gone.
 */
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18n.js';
import { Form, FormNotice } from '../../components/Form.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, Checkbox, TextArea } from '../../components/controls.js';
import { useAction } from '../../state/use-action.js';
import { call } from '../../vault.js';
import type { ErasurePartner } from '../../../shared/domain/erasure.js';

export type ErasureKind = 'person' | 'evidence' | 'case';

interface Done {
  message: string;
  partners: ErasurePartner[];
}

export function EraseDialog({
  kind,
  id,
  name,
  open,
  onClose,
  onErased,
}: {
  kind: ErasureKind;
  id: string;
  /** how the record is shown to the user (a name, a title, a reference) */
  name: string;
  open: boolean;
  onClose: () => void;
  /** after the user closed the dialog on a done erasure: leave the page of what is gone */
  onErased: () => void;
}) {
  const t = useT();
  const [done, setDone] = useState<Done | null>(null);
  const close = () => {
    if (done) {
      setDone(null);
      onErased();
    } else onClose();
  };
  return (
    <Dialog title={t(`erasure.${kind}.title`)} open={open} onClose={close}>
      {done ? (
        <ErasedSummary done={done} onClose={close} />
      ) : (
        <EraseForm kind={kind} id={id} name={name} onCancel={onClose} onDone={setDone} />
      )}
    </Dialog>
  );
}

function EraseForm({
  kind,
  id,
  name,
  onCancel,
  onDone,
}: {
  kind: ErasureKind;
  id: string;
  name: string;
  onCancel: () => void;
  onDone: (d: Done) => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [withoutRecall, setWithoutRecall] = useState(false);
  const { busy, error, run } = useAction();
  const recallPending = error?.code === 'ERASURE_RECALL_PENDING' || withoutRecall;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const extra = withoutRecall ? { withoutRecall: true } : {};
      if (kind === 'person') {
        const r = await call('people', 'erase', { id, reason, ...extra });
        onDone({ message: t('erasure.done.person'), partners: r.partners });
      } else if (kind === 'case') {
        const r = await call('cases', 'purge', { id, reason, ...extra });
        onDone({ message: t('erasure.done.case'), partners: r.partners });
      } else {
        const r = await call('evidence', 'erase', { id, reason });
        onDone({ message: t('erasure.done.evidence', { count: r.erased.length - 1 }), partners: [] });
      }
    });
  };

  return (
    <Form onSubmit={submit} busy={busy} error={error}>
      <p>{t(`erasure.${kind}.intro`, { name })}</p>
      <p className="notice notice-warn">{t('erasure.irreversible')}</p>
      <TextArea
        label={t('erasure.reason')}
        name="reason"
        hint={t(kind === 'evidence' ? 'erasure.reason.hintEvidence' : 'erasure.reason.hint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required
        maxLength={500}
        rows={2}
        autoFocus
      />
      <Checkbox label={t('erasure.confirm')} checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
      {kind !== 'evidence' && recallPending && (
        <Checkbox
          label={t('erasure.withoutRecall')}
          checked={withoutRecall}
          onChange={(e) => setWithoutRecall(e.target.checked)}
        />
      )}
      <FormNotice />
      <div className="form-actions">
        <Button variant="danger" type="submit" disabled={busy || !confirmed}>
          {t(`erasure.submit.${kind}`)}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </Form>
  );
}

function ErasedSummary({ done, onClose }: { done: Done; onClose: () => void }) {
  const t = useT();
  return (
    <div className="erasure-done">
      <p role="status">{done.message}</p>
      {done.partners.length > 0 && (
        <section aria-labelledby="erasure-partners">
          <h3 id="erasure-partners">{t('erasure.partners.title')}</h3>
          <p className="field-hint">{t('erasure.partners.hint')}</p>
          <ul className="plain-list" data-testid="erasure-partners">
            {done.partners.map((p) => (
              <li key={p.partnerId}>
                <bdi>{p.name}</bdi>{' '}
                <span className="cell-detail">
                  {p.recallSent ? t('erasure.partners.recallSent') : t('erasure.partners.noRecall')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="form-actions">
        <Button variant="primary" onClick={onClose} autoFocus>
          {t('erasure.finish')}
        </Button>
      </div>
    </div>
  );
}
