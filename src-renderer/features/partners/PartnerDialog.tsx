/**
 * Add or edit a partner. The due-diligence tier is the engine's to derive from the amount: when
 * an amount is given the tier is not sent (a stated tier that contradicts it would be refused);
 * only without an amount is the tier chosen by hand.
 */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useFormat, useT } from '../../i18n/i18n.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, DateField, TextArea, TextField } from '../../components/controls.js';
import { Form } from '../../components/Form.js';
import { CountrySelect, EnumSelect } from '../../components/pickers.js';
import { call } from '../../vault.js';
import {
  DD_TIER_LIMITS_GBP,
  DD_OUTCOMES,
  DD_TIERS,
  PARTNER_KINDS,
  type DdOutcome,
  type DdTier,
  type Partner,
  type PartnerKind,
} from '../../../shared/domain/partners.js';
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

/** The due-diligence tier limits, in pounds sterling in the interface's format. */
export function ddTierLimits(f: ReturnType<typeof useFormat>): { small: string; medium: string } {
  const gbp = (n: number) => f.number(n, { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
  return { small: gbp(DD_TIER_LIMITS_GBP.small), medium: gbp(DD_TIER_LIMITS_GBP.medium) };
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
  const f = useFormat();
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
            country: country || null,
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
            ...(country ? { country } : {}),
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
    <Form
      onSubmit={submit}
      busy={busy}
      error={error}
      actions={
        <>
          <Button variant="primary" type="submit" disabled={busy}>
            {partner ? t('action.save') : t('partners.form.create')}
          </Button>
          <Button onClick={onDone}>{t('action.cancel')}</Button>
        </>
      }
    >
      <TextField
        name="name"
        label={t('partners.form.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        autoFocus
      />
      <EnumSelect
        label={t('partners.form.kind')}
        labels="partners.kind"
        values={PARTNER_KINDS}
        value={kind}
        onValue={setKind}
      />
      <CountrySelect
        name="country"
        label={t('partners.form.country')}
        value={country}
        onChange={(e) => setCountry(e.target.value)}
      />
      <TextArea
        name="contact"
        label={t('partners.form.contact')}
        value={contact}
        onChange={(e) => setContact(e.target.value)}
        rows={2}
      />
      <TextArea
        name="notes"
        label={t('partners.form.notes')}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        rows={2}
      />
      <fieldset className="fieldset">
        <legend>{t('partners.form.dd')}</legend>
        <TextField
          name="ddAmountGbp"
          label={t('partners.form.amount')}
          hint={t('partners.form.amountHint', ddTierLimits(f))}
          error={amountError}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          inputMode="numeric"
        />
        <EnumSelect
          label={t('partners.form.tier')}
          hint={hasAmount ? t('partners.form.tierFromAmount') : undefined}
          disabled={hasAmount}
          labels="partners.tier"
          values={DD_TIERS}
          value={tier}
          onValue={setTier}
        />
        <DateField
          name="ddReviewOn"
          label={t('partners.form.reviewOn')}
          value={reviewOn}
          onChange={(e) => setReviewOn(e.target.value)}
        />
        <EnumSelect
          label={t('partners.form.outcome')}
          labels="partners.outcome"
          values={DD_OUTCOMES}
          value={outcome}
          onValue={setOutcome}
        />
        <TextArea
          name="ddNotes"
          label={t('partners.form.ddNotes')}
          value={ddNotes}
          onChange={(e) => setDdNotes(e.target.value)}
          rows={2}
        />
      </fieldset>
    </Form>
  );
}
