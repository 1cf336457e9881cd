/**
 * Record a person's decision with the Istanbul Protocol's elements of informed consent: who,
 * for what purpose and for whom, the decision (and why, for a refusal), what they were told,
 * how they expressed it (and the witness), in which language, when, and until when.
 */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, Checkbox, DateField, SelectField, TextArea, TextField } from '../../components/controls.js';
import { Form } from '../../components/Form.js';
import { LanguageSelect, EnumSelect } from '../../components/pickers.js';
import { call } from '../../vault.js';
import {
  CONSENT_DECISIONS,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  TOLD_ELEMENTS,
  type ConsentDecision,
  type ConsentMethod,
  type ConsentPurpose,
  type ToldElement,
} from '../../../shared/domain/consents.js';
import type { PersonSummary } from '../../../shared/domain/people.js';
import type { Partner } from '../../../shared/domain/partners.js';
import { DEFAULT_SHARING_VALUE, RecipientField, localToday, recipientFromValue } from './consent-parts.js';
import { labelKey } from '../../i18n/enum-labels.js';

interface Props {
  open: boolean;
  caseId: string;
  people: readonly PersonSummary[];
  partners: readonly Partner[];
  onClose: () => void;
  onRecorded: () => void;
}

export function RecordConsentDialog({ open, caseId, people, partners, onClose, onRecorded }: Props) {
  const t = useT();
  return (
    <Dialog title={t('consents.record')} open={open} onClose={onClose}>
      {open &&
        (people.length === 0 ? (
          <>
            <p>{t('consents.noPeople')}</p>
            <div className="form-actions">
              <Button onClick={onClose}>{t('action.close')}</Button>
            </div>
          </>
        ) : (
          <RecordConsentForm
            caseId={caseId}
            people={people}
            partners={partners}
            onCancel={onClose}
            onRecorded={onRecorded}
          />
        ))}
    </Dialog>
  );
}

function RecordConsentForm({
  caseId,
  people,
  partners,
  onCancel,
  onRecorded,
}: Omit<Props, 'open' | 'onClose'> & { onCancel: () => void }) {
  const t = useT();
  // The survivor is whose consent is recorded most: first, whatever the alphabet says.
  const [personId, setPersonId] = useState(
    () => (people.find((p) => p.roles.some((r) => r.caseId === caseId && r.role === 'survivor')) ?? people[0]!).id,
  );
  const [purpose, setPurpose] = useState<ConsentPurpose>('representation');
  const [recipient, setRecipient] = useState(DEFAULT_SHARING_VALUE);
  const [decision, setDecision] = useState<ConsentDecision>('given');
  const [refusalReason, setRefusalReason] = useState('');
  const [told, setTold] = useState<ToldElement[]>([]);
  const [method, setMethod] = useState<ConsentMethod>('written');
  const [witness, setWitness] = useState('');
  const [language, setLanguage] = useState('');
  const [givenAt, setGivenAt] = useState(localToday());
  const [expiresAt, setExpiresAt] = useState('');
  const [notes, setNotes] = useState('');
  const { busy, error, run } = useAction();

  const given = decision === 'given';
  const toggle = (e: ToldElement, on: boolean) => setTold((list) => (on ? [...list, e] : list.filter((x) => x !== e)));
  const r = purpose === 'sharing' ? recipientFromValue(recipient) : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await call('consents', 'add', {
        personId,
        caseId,
        purpose,
        ...(r ? { recipient: r } : {}),
        decision,
        ...(given ? {} : { refusalReason }),
        told: TOLD_ELEMENTS.filter((x) => told.includes(x)),
        method,
        ...(language ? { language } : {}),
        ...(method === 'oral-witnessed' ? { witness } : {}),
        givenAt,
        ...(given && expiresAt ? { expiresAt } : {}),
        notes,
      });
      onRecorded();
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
            {t('consents.form.submit')}
          </Button>
          <Button onClick={onCancel}>{t('action.cancel')}</Button>
        </>
      }
    >
      <SelectField
        name="personId"
        label={t('consents.form.person')}
        value={personId}
        onChange={(e) => setPersonId(e.target.value)}
        options={people.map((p) => ({ value: p.id, label: p.fullName }))}
        autoFocus
      />
      <EnumSelect
        label={t('consents.form.purpose')}
        hint={t('consents.form.purposeHint')}
        labels="consents.purpose"
        values={CONSENT_PURPOSES}
        value={purpose}
        onValue={setPurpose}
      />
      <RecipientField purpose={purpose} partners={partners} value={recipient} onChange={setRecipient} />
      <fieldset className="fieldset">
        <legend>{t('consents.form.decision')}</legend>
        {CONSENT_DECISIONS.map((d) => (
          <div key={d} className="checkbox">
            <input
              type="radio"
              id={`consent-decision-${d}`}
              name="consent-decision"
              value={d}
              checked={decision === d}
              onChange={() => setDecision(d)}
            />
            <label htmlFor={`consent-decision-${d}`}>{t(labelKey('consents.decision', d))}</label>
          </div>
        ))}
      </fieldset>
      {!given && (
        <TextArea
          name="refusalReason"
          label={t('consents.form.refusalReason')}
          value={refusalReason}
          onChange={(e) => setRefusalReason(e.target.value)}
          required
          maxLength={2000}
          rows={2}
        />
      )}
      <fieldset className="fieldset" aria-describedby="consent-told-hint">
        <legend>{t('consents.form.told')}</legend>
        <p className="field-hint" id="consent-told-hint">
          {t('consents.form.toldHint')}
        </p>
        <Checkbox
          label={t('consents.form.toldAll')}
          checked={told.length === TOLD_ELEMENTS.length}
          onChange={(e) => setTold(e.target.checked ? [...TOLD_ELEMENTS] : [])}
        />
        {TOLD_ELEMENTS.map((el) => (
          <Checkbox
            key={el}
            label={t(labelKey('consents.told', el))}
            checked={told.includes(el)}
            onChange={(e) => toggle(el, e.target.checked)}
          />
        ))}
        <p className="warn-text" aria-live="polite">
          {told.length < TOLD_ELEMENTS.length ? t('consents.form.toldWarning') : ''}
        </p>
      </fieldset>
      <div className="form-grid">
        <EnumSelect
          label={t('consents.form.method')}
          labels="consents.method"
          values={CONSENT_METHODS}
          value={method}
          onValue={setMethod}
        />
        {method === 'oral-witnessed' && (
          <TextField
            name="witness"
            label={t('consents.form.witness')}
            value={witness}
            onChange={(e) => setWitness(e.target.value)}
            required
            maxLength={200}
          />
        )}
        <LanguageSelect
          name="language"
          label={t('consents.form.language')}
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
        />
        <DateField
          name="givenAt"
          label={t('consents.form.givenAt')}
          value={givenAt}
          onChange={(e) => setGivenAt(e.target.value)}
          required
        />
        {given && (
          <DateField
            name="expiresAt"
            label={t('consents.form.expiresAt')}
            hint={t('consents.form.expiresAtHint')}
            value={expiresAt}
            min={givenAt || undefined}
            onChange={(e) => setExpiresAt(e.target.value)}
          />
        )}
      </div>
      <TextArea
        name="notes"
        label={t('consents.form.notes')}
        hint={t('consents.form.notesHint')}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        rows={2}
      />
    </Form>
  );
}
