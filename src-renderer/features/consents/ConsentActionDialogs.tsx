/**
 * Withdraw (with the person's reason) and renew (with a new expiry) a consent. Both add a version
 * to the consent's series; nothing recorded before is changed.
 */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import { Form, FormNotice } from '../../components/Form.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, DateField, TextArea } from '../../components/controls.js';
import { call } from '../../vault.js';
import type { ConsentWithStatus } from '../../../shared/domain/consents.js';
import { localToday } from './consent-parts.js';
import { labelKey } from '../../i18n/enum-labels.js';

interface Props {
  consent: ConsentWithStatus | null;
  personName: string;
  onClose: () => void;
  /** with the version just recorded (the withdrawal or the renewal) */
  onDone: (recorded: ConsentWithStatus) => void;
}

export function WithdrawConsentDialog({ consent, personName, onClose, onDone }: Props) {
  const t = useT();
  return (
    <Dialog title={t('consents.withdraw.title')} open={consent !== null} onClose={onClose}>
      {consent && <WithdrawForm consent={consent} personName={personName} onCancel={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function WithdrawForm({
  consent,
  personName,
  onCancel,
  onDone,
}: {
  consent: ConsentWithStatus;
  personName: string;
  onCancel: () => void;
  onDone: (recorded: ConsentWithStatus) => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [at, setAt] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      onDone(await call('consents', 'withdraw', { id: consent.id, reason, ...(at ? { at } : {}) }));
    });
  };

  return (
    <Form onSubmit={submit} busy={busy} error={error}>
      <p>
        {t('consents.withdraw.intro', {
          name: personName,
          purpose: t(labelKey('consents.purpose', consent.purpose)),
        })}
      </p>
      <TextArea
        label={t('consents.withdraw.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required
        maxLength={2000}
        rows={3}
        autoFocus
      />
      <DateField
        label={t('consents.withdraw.at')}
        hint={t('consents.withdraw.atHint')}
        value={at}
        max={localToday()}
        onChange={(e) => setAt(e.target.value)}
      />
      <FormNotice />
      <div className="form-actions">
        <Button variant="danger" type="submit" disabled={busy}>
          {t('consents.withdraw.submit')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </Form>
  );
}

export function RenewConsentDialog({ consent, personName, onClose, onDone }: Props) {
  const t = useT();
  return (
    <Dialog title={t('consents.renew.title')} open={consent !== null} onClose={onClose}>
      {consent && <RenewForm consent={consent} personName={personName} onCancel={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function RenewForm({
  consent,
  personName,
  onCancel,
  onDone,
}: {
  consent: ConsentWithStatus;
  personName: string;
  onCancel: () => void;
  onDone: (recorded: ConsentWithStatus) => void;
}) {
  const t = useT();
  const [expiresAt, setExpiresAt] = useState('');
  const [at, setAt] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      onDone(await call('consents', 'renew', { id: consent.id, expiresAt, ...(at ? { at } : {}) }));
    });
  };

  return (
    <Form onSubmit={submit} busy={busy} error={error}>
      <p>
        {t('consents.renew.intro', {
          name: personName,
          purpose: t(labelKey('consents.purpose', consent.purpose)),
        })}
      </p>
      <DateField
        label={t('consents.renew.expiresAt')}
        value={expiresAt}
        min={localToday()}
        onChange={(e) => setExpiresAt(e.target.value)}
        required
        autoFocus
      />
      <DateField
        label={t('consents.renew.at')}
        hint={t('consents.withdraw.atHint')}
        value={at}
        max={localToday()}
        onChange={(e) => setAt(e.target.value)}
      />
      <FormNotice />
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('consents.renew.submit')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </Form>
  );
}
