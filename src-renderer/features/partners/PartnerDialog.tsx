/**
 * Add or edit a partner. The due-diligence tier is the engine's to derive from the amount: when
 * an amount is given the tier is not sent (a stated tier that contradicts it would be refused);
 * only without an amount is the tier chosen by hand.
 */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, SelectField, TextArea, TextField } from '../../components/controls.js';
import { ErrorNotice } from '../../components/feedback.js';
import { call } from '../../vault.js';
import {
  DD_OUTCOMES,
  DD_TIERS,
  PARTNER_KINDS,
  type DdOutcome,
  type DdTier,
  type Partner,
  type PartnerKind,
} from '../../../shared/domain/partners.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { usePartners } from './partner-store.js';

export function PartnerDialog({
  open,
  onClose,
  partner,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  partner?: Partner;
  onSaved: (p: Partner) => void;
}) {
  const t = useT();
  return (
    <Dialog title={partner ? t('partners.edit') : t('partners.new')} open={open} onClose={onClose}>
      {open && <PartnerForm partner={partner} onSaved={onSaved} onDone={onClose} />}
    </Dialog>
  );
}

/**
 * Whole pounds as typed: Western, Arabic-Indic or Persian digits, with or without group
 * separators. null for an empty field, undefined for anything that is not a whole number.
 */
export function parseWholePounds(text: string): number | null | undefined {
  const digits = text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\s,'\u066c\u00a0\u202f£]/g, '');
  if (digits === '') return null;
  if (!/^\d{1,13}$/.test(digits)) return undefined;
  return Number(digits);
}

function PartnerForm({
  partner,
  onSaved,
  onDone,
}: {
  partner?: Partner;
  onSaved: (p: Partner) => void;
  onDone: () => void;
}) {
  const t = useT();
  const [name, setName] = useState(partner?.name ?? '');
  const [kind, setKind] = useState<PartnerKind>(partner?.kind ?? 'ngo');
  const [country, setCountry] = useState(partner?.country ?? '');
  const [contact, setContact] = useState(partner?.contact ?? '');
  const [notes, setNotes] = useState(partner?.notes ?? '');
  const [amount, setAmount] = useState(partner?.ddAmountGbp != null ? String(partner.ddAmountGbp) : '');
  const [tier, setTier] = useState<DdTier>(partner?.ddTier ?? 'small');
  const [reviewOn, setReviewOn] = useState(partner?.ddReviewOn ?? '');
  const [outcome, setOutcome] = useState<DdOutcome>(partner?.ddOutcome ?? 'pending');
  const [ddNotes, setDdNotes] = useState(partner?.ddNotes ?? '');
  const [amountError, setAmountError] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const hasAmount = amount.trim() !== '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const pounds = parseWholePounds(amount);
    if (pounds === undefined) {
      setAmountError(t('partners.form.amountInvalid'));
      return;
    }
    setAmountError(null);
    await run(async () => {
      const saved = partner
        ? await call('partners', 'update', {
            id: partner.id,
            expectedVersion: partner.version,
            name,
            kind,
            country: country.trim() || null,
            contact: contact.trim() || null,
            notes,
            ddAmountGbp: pounds,
            ...(pounds === null ? { ddTier: tier } : {}),
            ddReviewOn: reviewOn || null,
            ddOutcome: outcome,
            ddNotes,
          })
        : await call('partners', 'add', {
            name,
            kind,
            notes,
            ddOutcome: outcome,
            ddNotes,
            ...(country.trim() ? { country: country.trim() } : {}),
            ...(contact.trim() ? { contact: contact.trim() } : {}),
            ...(pounds === null ? { ddTier: tier } : { ddAmountGbp: pounds }),
            ...(reviewOn ? { ddReviewOn: reviewOn } : {}),
          });
      void usePartners.getState().refresh();
      onDone();
      onSaved(saved);
    });
  };

  return (
    <form onSubmit={submit} aria-busy={busy}>
      <TextField
        label={t('partners.form.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        autoFocus
      />
      <SelectField
        label={t('partners.form.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as PartnerKind)}
        options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kind.${k}` as MessageKey) }))}
      />
      <TextField
        label={t('partners.form.country')}
        hint={t('partners.form.countryHint')}
        value={country}
        onChange={(e) => setCountry(e.target.value)}
        maxLength={2}
        dir="ltr"
      />
      <TextArea
        label={t('partners.form.contact')}
        value={contact}
        onChange={(e) => setContact(e.target.value)}
        rows={2}
      />
      <TextArea label={t('partners.form.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} />
      <fieldset className="fieldset">
        <legend>{t('partners.form.dd')}</legend>
        <TextField
          label={t('partners.form.amount')}
          hint={t('partners.form.amountHint')}
          error={amountError}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          inputMode="numeric"
          dir="ltr"
        />
        <SelectField
          label={t('partners.form.tier')}
          hint={hasAmount ? t('partners.form.tierFromAmount') : undefined}
          value={tier}
          disabled={hasAmount}
          onChange={(e) => setTier(e.target.value as DdTier)}
          options={DD_TIERS.map((k) => ({ value: k, label: t(`partners.tier.${k}` as MessageKey) }))}
        />
        <TextField
          label={t('partners.form.reviewOn')}
          type="date"
          value={reviewOn}
          onChange={(e) => setReviewOn(e.target.value)}
        />
        <SelectField
          label={t('partners.form.outcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as DdOutcome)}
          options={DD_OUTCOMES.map((k) => ({ value: k, label: t(`partners.outcome.${k}` as MessageKey) }))}
        />
        <TextArea
          label={t('partners.form.ddNotes')}
          value={ddNotes}
          onChange={(e) => setDdNotes(e.target.value)}
          rows={2}
        />
      </fieldset>
      <ErrorNotice error={error} />
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {partner ? t('action.save') : t('partners.form.create')}
        </Button>
        <Button onClick={onDone}>{t('action.cancel')}</Button>
      </div>
    </form>
  );
}
