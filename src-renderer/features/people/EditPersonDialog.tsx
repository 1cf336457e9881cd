/**
 * "Edit" on a person's page: every detail people.update takes (names, pseudonym, gender, date of
 * birth, country, contact, safety notes, vulnerabilities, notes), filled with what is recorded.
 * The version read is sent back, so an edit made meanwhile elsewhere is refused (CONFLICT), not
 * overwritten; "Load the latest version" then starts the form again from the current record.
 */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import { Dialog } from '../../components/Dialog.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice } from '../../components/feedback.js';
import { call } from '../../vault.js';
import type { Person } from '../../../shared/domain/people.js';
import { PersonFields, draftOf, updateInputOf } from './person-form.js';

interface Props {
  open: boolean;
  person: Person;
  onClose: () => void;
  onSaved: (p: Person) => void;
  onReload: () => Promise<void>;
}

export function EditPersonDialog({ open, person, onClose, onSaved, onReload }: Props) {
  const t = useT();
  return (
    <Dialog title={t('person.edit.title')} open={open} onClose={onClose}>
      {open && (
        <EditPersonForm key={person.version} person={person} onCancel={onClose} onSaved={onSaved} onReload={onReload} />
      )}
    </Dialog>
  );
}

function EditPersonForm({
  person,
  onCancel,
  onSaved,
  onReload,
}: {
  person: Person;
  onCancel: () => void;
  onSaved: (p: Person) => void;
  onReload: () => Promise<void>;
}) {
  const t = useT();
  const [draft, setDraft] = useState(() => draftOf(person));
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => onSaved(await call('people', 'update', updateInputOf(person, draft))));
  };

  return (
    <form onSubmit={submit} aria-busy={busy}>
      <PersonFields draft={draft} onChange={setDraft} />
      <ErrorNotice error={error} />
      {error?.code === 'CONFLICT' && <Button onClick={() => void onReload()}>{t('caseDetail.conflict.reload')}</Button>}
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('person.edit.submit')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </form>
  );
}
