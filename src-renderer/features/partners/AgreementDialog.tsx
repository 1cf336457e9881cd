/** Add an agreement with a partner, or correct one (sign a draft, extend it). */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import { Form, FormNotice } from '../../components/Form.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, DateField, SelectField, TextArea } from '../../components/controls.js';
import { call } from '../../vault.js';
import { AGREEMENT_KINDS, type AgreementKind, type PartnerAgreement } from '../../../shared/domain/partners.js';
import { labelKey } from '../../i18n/enum-labels.js';

export function AgreementDialog({
  open,
  partnerId,
  agreement,
  onClose,
  onSaved,
}: {
  open: boolean;
  partnerId: string;
  agreement?: PartnerAgreement;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  return (
    <Dialog
      title={agreement ? t('partner.agreement.editTitle') : t('partner.agreement.addTitle')}
      open={open}
      onClose={onClose}
    >
      {open && <AgreementForm partnerId={partnerId} agreement={agreement} onDone={onClose} onSaved={onSaved} />}
    </Dialog>
  );
}

function AgreementForm({
  partnerId,
  agreement,
  onDone,
  onSaved,
}: {
  partnerId: string;
  agreement?: PartnerAgreement;
  onDone: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const [kind, setKind] = useState<AgreementKind>(agreement?.kind ?? 'mou');
  const [signedOn, setSignedOn] = useState(agreement?.signedOn ?? '');
  const [expiresOn, setExpiresOn] = useState(agreement?.expiresOn ?? '');
  const [notes, setNotes] = useState(agreement?.notes ?? '');
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      if (agreement) {
        await call('partners', 'updateAgreement', {
          id: agreement.id,
          expectedVersion: agreement.version,
          kind,
          signedOn: signedOn || null,
          expiresOn: expiresOn || null,
          notes,
        });
      } else {
        await call('partners', 'addAgreement', {
          partnerId,
          kind,
          notes,
          ...(signedOn ? { signedOn } : {}),
          ...(expiresOn ? { expiresOn } : {}),
        });
      }
      onDone();
      onSaved();
    });
  };

  return (
    <Form onSubmit={submit} busy={busy} error={error}>
      <SelectField
        label={t('partner.agreement.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as AgreementKind)}
        autoFocus
        options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(labelKey('partners.agreementKind', k)) }))}
      />
      <DateField
        label={t('partner.agreement.signedOn')}
        hint={t('partner.agreement.signedOnHint')}
        value={signedOn}
        onChange={(e) => setSignedOn(e.target.value)}
      />
      <DateField
        label={t('partner.agreement.expiresOn')}
        hint={t('partner.agreement.expiresOnHint')}
        value={expiresOn}
        onChange={(e) => setExpiresOn(e.target.value)}
      />
      <TextArea
        label={t('partner.agreement.notes')}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        rows={3}
      />
      <FormNotice />
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {agreement ? t('action.save') : t('partner.agreements.add')}
        </Button>
        <Button onClick={onDone}>{t('action.cancel')}</Button>
      </div>
    </Form>
  );
}
