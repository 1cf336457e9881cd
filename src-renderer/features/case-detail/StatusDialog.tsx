/**
 * Move a case along the status workflow: only the statuses CASE_TRANSITIONS allows from the
 * current one are offered; closing, reopening, referring and declining need a reason.
 */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import { Form, FormNotice } from '../../components/Form.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, SelectField, TextArea } from '../../components/controls.js';
import { call } from '../../vault.js';
import { CASE_TRANSITIONS, type Case, type CaseStatus } from '../../../shared/domain/cases.js';
import { labelKey } from '../../i18n/enum-labels.js';

const NEEDS_REASON: ReadonlySet<CaseStatus> = new Set(['closed', 'referred', 'declined']);

/** The engine's rule, mirrored so the form can say so before it is sent. */
export function reasonRequired(from: CaseStatus, to: CaseStatus): boolean {
  return NEEDS_REASON.has(to) || from === 'closed';
}

interface Props {
  open: boolean;
  kase: Case;
  onClose: () => void;
  onChanged: (c: Case) => void;
  onReload: () => Promise<void>;
}

export function StatusDialog({ open, kase, onClose, onChanged, onReload }: Props) {
  const t = useT();
  return (
    <Dialog title={t('caseDetail.status.dialog')} open={open} onClose={onClose}>
      {open && (
        <StatusForm key={kase.version} kase={kase} onCancel={onClose} onChanged={onChanged} onReload={onReload} />
      )}
    </Dialog>
  );
}

function StatusForm({
  kase,
  onCancel,
  onChanged,
  onReload,
}: {
  kase: Case;
  onCancel: () => void;
  onChanged: (c: Case) => void;
  onReload: () => Promise<void>;
}) {
  const t = useT();
  const allowed = CASE_TRANSITIONS[kase.status];
  const [to, setTo] = useState<CaseStatus>(allowed[0]!);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const required = reasonRequired(kase.status, to);
  const statusName = (s: CaseStatus) => t(labelKey('cases.status', s));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const changed = await call('cases', 'transition', {
        id: kase.id,
        to,
        expectedVersion: kase.version,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      onChanged(changed);
    });
  };

  return (
    <Form onSubmit={submit} busy={busy} error={error}>
      <p>{t('caseDetail.status.current', { status: statusName(kase.status) })}</p>
      <SelectField
        label={t('caseDetail.status.to')}
        value={to}
        onChange={(e) => setTo(e.target.value as CaseStatus)}
        options={allowed.map((s) => ({
          value: s,
          label: kase.status === 'closed' ? t('caseDetail.status.reopen', { status: statusName(s) }) : statusName(s),
        }))}
        autoFocus
      />
      <TextArea
        label={t('caseDetail.status.reason')}
        hint={required ? t('caseDetail.status.reasonRequired') : t('caseDetail.status.reasonOptional')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required={required}
        maxLength={2000}
        rows={3}
      />
      <FormNotice />
      {error?.code === 'CONFLICT' && <Button onClick={() => void onReload()}>{t('caseDetail.conflict.reload')}</Button>}
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('caseDetail.status.submit')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </Form>
  );
}
