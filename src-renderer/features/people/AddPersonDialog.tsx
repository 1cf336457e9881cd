/**
 * "Add a person": everything people.create takes, plus the role in this case; the person is
 * created and linked in one go. The contract has no single call for both, so if the link fails
 * after the person was created, the form keeps the new person's id and a second try only links
 * (no duplicate person).
 *
 * While the name and other names are typed, the people already in the vault who may be the same
 * person (people.possibleDuplicates: the conflict check's matching) are listed in a notice below
 * the name fields, with how their name matched and their roles. It never blocks saving.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, Checkbox, SelectField, TextArea, TextField } from '../../components/controls.js';
import { ErrorNotice } from '../../components/feedback.js';
import { call } from '../../vault.js';
import {
  GENDERS,
  ROLES,
  VULNERABILITIES,
  type Gender,
  type Role,
  type Vulnerability,
} from '../../../shared/domain/people.js';
import type { ConflictMatch } from '../../../shared/domain/enquiries.js';
import { ConflictTable } from '../enquiries/ConflictTable.js';

/** How long typing pauses before the duplicate check runs. */
const DUPLICATE_CHECK_DELAY_MS = 400;

const splitAliases = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** The people who may already be this one, for the name and other names as typed (empty while none). */
function usePossibleDuplicates(fullName: string, aliases: string, enabled: boolean): ConflictMatch[] {
  const [matches, setMatches] = useState<ConflictMatch[]>([]);
  useEffect(() => {
    const name = fullName.trim();
    if (!enabled || name === '') {
      setMatches([]);
      return;
    }
    let current = true;
    const h = setTimeout(() => {
      call('people', 'possibleDuplicates', { fullName: name, aliases: splitAliases(aliases).slice(0, 50) })
        .then((list) => {
          if (current) setMatches(list);
        })
        // a warning only: if it cannot be had, the form works as before
        .catch(() => {
          if (current) setMatches([]);
        });
    }, DUPLICATE_CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(h);
    };
  }, [fullName, aliases, enabled]);
  return matches;
}

interface Props {
  open: boolean;
  caseId: string;
  onClose: () => void;
  onAdded: (name: string, role: Role) => void;
}

export function AddPersonDialog({ open, caseId, onClose, onAdded }: Props) {
  const t = useT();
  return (
    <Dialog title={t('people.add')} open={open} onClose={onClose}>
      {open && <AddPersonForm caseId={caseId} onCancel={onClose} onAdded={onAdded} />}
    </Dialog>
  );
}

function AddPersonForm({
  caseId,
  onCancel,
  onAdded,
}: {
  caseId: string;
  onCancel: () => void;
  onAdded: (name: string, role: Role) => void;
}) {
  const t = useT();
  const [fullName, setFullName] = useState('');
  const [aliases, setAliases] = useState('');
  const [pseudonym, setPseudonym] = useState('');
  const [gender, setGender] = useState<Gender | ''>('');
  const [birthDate, setBirthDate] = useState('');
  const [country, setCountry] = useState('');
  const [contact, setContact] = useState('');
  const [safetyNotes, setSafetyNotes] = useState('');
  const [vulnerabilities, setVulnerabilities] = useState<Vulnerability[]>([]);
  const [notes, setNotes] = useState('');
  const [role, setRole] = useState<Role>('survivor');
  const [createdId, setCreatedId] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const toggle = (v: Vulnerability, on: boolean) =>
    setVulnerabilities((list) => (on ? [...list, v] : list.filter((x) => x !== v)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      let id = createdId;
      if (!id) {
        const person = await call('people', 'create', {
          fullName,
          aliases: splitAliases(aliases),
          ...(pseudonym.trim() ? { pseudonym: pseudonym.trim() } : {}),
          ...(gender ? { gender } : {}),
          ...(birthDate.trim() ? { birthDate: birthDate.trim() } : {}),
          ...(country.trim() ? { country: country.trim() } : {}),
          contact,
          safetyNotes,
          vulnerabilities: VULNERABILITIES.filter((v) => vulnerabilities.includes(v)),
          notes,
        });
        id = person.id;
        setCreatedId(id);
      }
      const linked = await call('people', 'link', { personId: id, caseId, role });
      onAdded(linked.fullName, role);
    });
  };

  // once created, only the role can still change (a second try only links)
  const locked = createdId !== null;
  const duplicates = usePossibleDuplicates(fullName, aliases, !locked);

  return (
    <form onSubmit={submit} aria-busy={busy}>
      <TextField
        label={t('people.form.fullName')}
        value={fullName}
        onChange={(e) => setFullName(e.target.value)}
        required
        maxLength={200}
        autoFocus
        disabled={locked}
      />
      <SelectField
        label={t('people.form.role')}
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        options={ROLES.map((r) => ({ value: r, label: t(`people.role.${r}` as MessageKey) }))}
      />
      <TextArea
        label={t('people.form.aliases')}
        hint={t('people.form.aliasesHint')}
        value={aliases}
        onChange={(e) => setAliases(e.target.value)}
        rows={2}
        disabled={locked}
      />
      {/* next to the names it is about, so that it is seen while they are typed */}
      {duplicates.length > 0 && (
        <div className="notice notice-warn possible-duplicates" role="status">
          <p className="notice-title">{t('people.dup.title', { count: duplicates.length })}</p>
          <p>{t('people.dup.hint')}</p>
          <ConflictTable
            matches={duplicates}
            caption={t('people.dup.caption')}
            queryHeading={t('people.dup.col.name')}
          />
        </div>
      )}
      <div className="form-grid">
        <TextField
          label={t('people.form.pseudonym')}
          hint={t('people.form.pseudonymHint')}
          value={pseudonym}
          onChange={(e) => setPseudonym(e.target.value)}
          maxLength={100}
          disabled={locked}
        />
        <SelectField
          label={t('people.form.gender')}
          value={gender}
          onChange={(e) => setGender(e.target.value as Gender | '')}
          options={[
            { value: '', label: t('people.form.noGender') },
            ...GENDERS.map((g) => ({ value: g, label: t(`people.gender.${g}` as MessageKey) })),
          ]}
          disabled={locked}
        />
        <TextField
          label={t('people.form.birthDate')}
          hint={t('people.form.birthDateHint')}
          value={birthDate}
          onChange={(e) => setBirthDate(e.target.value)}
          maxLength={10}
          dir="ltr"
          inputMode="numeric"
          disabled={locked}
        />
        <TextField
          label={t('people.form.country')}
          hint={t('cases.form.countryHint')}
          value={country}
          onChange={(e) => setCountry(e.target.value)}
          maxLength={2}
          dir="ltr"
          disabled={locked}
        />
      </div>
      <TextArea
        label={t('people.form.contact')}
        hint={t('people.form.contactHint')}
        value={contact}
        onChange={(e) => setContact(e.target.value)}
        rows={2}
        disabled={locked}
      />
      <TextArea
        label={t('people.form.safetyNotes')}
        hint={t('people.form.safetyNotesHint')}
        value={safetyNotes}
        onChange={(e) => setSafetyNotes(e.target.value)}
        rows={2}
        disabled={locked}
      />
      <fieldset className="fieldset checkbox-grid">
        <legend>{t('people.form.vulnerabilities')}</legend>
        {VULNERABILITIES.map((v) => (
          <Checkbox
            key={v}
            label={t(`people.vuln.${v}` as MessageKey)}
            checked={vulnerabilities.includes(v)}
            onChange={(e) => toggle(v, e.target.checked)}
            disabled={locked}
          />
        ))}
      </fieldset>
      <TextArea
        label={t('people.form.notes')}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        rows={2}
        disabled={locked}
      />
      <ErrorNotice error={error} />
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('people.form.submit')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </form>
  );
}
