/**
 * The fields of a person, as "Add a person" and "Edit" show them: a draft held as the form types
 * it (text as typed, other names one per line), and what people.create or people.update is sent
 * from it. Slots let the add dialog put the role next to the name and the duplicate notice under
 * the names.
 */
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n.js';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/controls.js';
import { CountrySelect } from '../../components/pickers.js';
import {
  GENDERS,
  VULNERABILITIES,
  type CreatePersonInput,
  type Gender,
  type Person,
  type UpdatePersonInput,
  type Vulnerability,
} from '../../../shared/domain/people.js';
import { labelKey } from '../../i18n/enum-labels.js';

export interface PersonDraft {
  fullName: string;
  /** one name per line */
  aliases: string;
  pseudonym: string;
  gender: Gender | '';
  birthDate: string;
  country: string;
  contact: string;
  safetyNotes: string;
  vulnerabilities: Vulnerability[];
  notes: string;
}

export const EMPTY_DRAFT: PersonDraft = {
  fullName: '',
  aliases: '',
  pseudonym: '',
  gender: '',
  birthDate: '',
  country: '',
  contact: '',
  safetyNotes: '',
  vulnerabilities: [],
  notes: '',
};

export function draftOf(p: Person): PersonDraft {
  return {
    fullName: p.fullName,
    aliases: p.aliases.join('\n'),
    pseudonym: p.pseudonym ?? '',
    gender: p.gender ?? '',
    birthDate: p.birthDate ?? '',
    country: p.country ?? '',
    contact: p.contact,
    safetyNotes: p.safetyNotes,
    vulnerabilities: p.vulnerabilities,
    notes: p.notes,
  };
}

export const splitAliases = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** The optional fields of a draft: their value, or null when left empty. */
function optionals(d: PersonDraft) {
  return {
    pseudonym: d.pseudonym.trim() || null,
    gender: d.gender || null,
    birthDate: d.birthDate.trim() || null,
    country: d.country.trim() || null,
  };
}

function common(d: PersonDraft) {
  return {
    fullName: d.fullName,
    aliases: splitAliases(d.aliases),
    contact: d.contact,
    safetyNotes: d.safetyNotes,
    vulnerabilities: VULNERABILITIES.filter((v) => d.vulnerabilities.includes(v)),
    notes: d.notes,
  };
}

export function createInputOf(d: PersonDraft): CreatePersonInput {
  // people.create takes an absent optional field, not null
  const given = Object.fromEntries(Object.entries(optionals(d)).filter(([, v]) => v !== null));
  return { ...common(d), ...given };
}

/** Every field is sent; the engine records only those that changed. */
export function updateInputOf(p: Person, d: PersonDraft): UpdatePersonInput {
  return { id: p.id, expectedVersion: p.version, ...common(d), ...optionals(d) };
}

export function PersonFields({
  draft,
  onChange,
  disabled = false,
  afterName,
  afterNames,
}: {
  draft: PersonDraft;
  onChange: (d: PersonDraft) => void;
  disabled?: boolean;
  /** shown right under the full name (the role, when adding to a case) */
  afterName?: ReactNode;
  /** shown under the other names (who in the vault may be the same person) */
  afterNames?: ReactNode;
}) {
  const t = useT();
  const set = <K extends keyof PersonDraft>(key: K, value: PersonDraft[K]) => onChange({ ...draft, [key]: value });
  const toggle = (v: Vulnerability, on: boolean) =>
    set('vulnerabilities', on ? [...draft.vulnerabilities, v] : draft.vulnerabilities.filter((x) => x !== v));
  return (
    <>
      <TextField
        label={t('people.form.fullName')}
        value={draft.fullName}
        onChange={(e) => set('fullName', e.target.value)}
        required
        maxLength={200}
        autoFocus
        disabled={disabled}
        dir="auto"
      />
      {afterName}
      <TextArea
        label={t('people.form.aliases')}
        hint={t('people.form.aliasesHint')}
        value={draft.aliases}
        onChange={(e) => set('aliases', e.target.value)}
        rows={2}
        disabled={disabled}
        dir="auto"
      />
      {afterNames}
      <div className="form-grid">
        <TextField
          label={t('people.form.pseudonym')}
          hint={t('people.form.pseudonymHint')}
          value={draft.pseudonym}
          onChange={(e) => set('pseudonym', e.target.value)}
          maxLength={100}
          disabled={disabled}
          dir="auto"
        />
        <SelectField
          label={t('people.form.gender')}
          value={draft.gender}
          onChange={(e) => set('gender', e.target.value as Gender | '')}
          options={[
            { value: '', label: t('people.form.noGender') },
            ...GENDERS.map((g) => ({ value: g, label: t(labelKey('people.gender', g)) })),
          ]}
          disabled={disabled}
        />
        <TextField
          label={t('people.form.birthDate')}
          hint={t('people.form.birthDateHint')}
          value={draft.birthDate}
          onChange={(e) => set('birthDate', e.target.value)}
          maxLength={10}
          dir="ltr"
          inputMode="numeric"
          disabled={disabled}
        />
        <CountrySelect
          name="country"
          label={t('people.form.country')}
          value={draft.country}
          onChange={(e) => set('country', e.target.value)}
          disabled={disabled}
        />
      </div>
      <TextArea
        label={t('people.form.contact')}
        hint={t('people.form.contactHint')}
        value={draft.contact}
        onChange={(e) => set('contact', e.target.value)}
        rows={2}
        disabled={disabled}
        dir="auto"
      />
      <TextArea
        label={t('people.form.safetyNotes')}
        hint={t('people.form.safetyNotesHint')}
        value={draft.safetyNotes}
        onChange={(e) => set('safetyNotes', e.target.value)}
        rows={2}
        disabled={disabled}
        dir="auto"
      />
      <fieldset className="fieldset checkbox-grid">
        <legend>{t('people.form.vulnerabilities')}</legend>
        {VULNERABILITIES.map((v) => (
          <Checkbox
            key={v}
            label={t(labelKey('people.vuln', v))}
            checked={draft.vulnerabilities.includes(v)}
            onChange={(e) => toggle(v, e.target.checked)}
            disabled={disabled}
          />
        ))}
      </fieldset>
      <TextArea
        label={t('people.form.notes')}
        value={draft.notes}
        onChange={(e) => set('notes', e.target.value)}
        rows={2}
        disabled={disabled}
        dir="auto"
      />
    </>
  );
}
