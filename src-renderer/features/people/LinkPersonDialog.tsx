/** Link someone already in the vault: search by name (or alias, pseudonym), pick, choose a role. */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, SelectField, TextField } from '../../components/controls.js';
import { Form, FormNotice } from '../../components/Form.js';
import { call } from '../../vault.js';
import { ROLES, type PersonSummary, type Role } from '../../../shared/domain/people.js';
import { labelKey } from '../../i18n/enum-labels.js';

const RESULTS = 20;

interface Props {
  open: boolean;
  caseId: string;
  onClose: () => void;
  onLinked: (name: string, role: Role) => void;
}

export function LinkPersonDialog({ open, caseId, onClose, onLinked }: Props) {
  const t = useT();
  return (
    <Dialog title={t('people.link.title')} open={open} onClose={onClose}>
      {open && <LinkPersonForm caseId={caseId} onCancel={onClose} onLinked={onLinked} />}
    </Dialog>
  );
}

function LinkPersonForm({
  caseId,
  onCancel,
  onLinked,
}: {
  caseId: string;
  onCancel: () => void;
  onLinked: (name: string, role: Role) => void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [results, setResults] = useState<PersonSummary[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [role, setRole] = useState<Role>('witness');
  const { busy, error, run } = useAction();

  const search = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const page = await call('people', 'list', { name: name.trim(), limit: RESULTS });
      setResults(page.items);
      setChosen(page.items[0]?.id ?? null);
    });
  };

  const link = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    await run(async () => {
      const person = await call('people', 'link', { personId: chosen, caseId, role });
      onLinked(person.fullName, role);
    });
  };

  return (
    <>
      <Form onSubmit={search} role="search" busy={busy} className="inline-form">
        <TextField
          label={t('people.link.search')}
          type="search"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={200}
          autoFocus
        />
        <Button type="submit" disabled={busy}>
          {t('people.link.searchButton')}
        </Button>
      </Form>
      <Form onSubmit={link} busy={busy} error={error}>
        {results && results.length === 0 && (
          <p className="empty" role="status">
            {t('people.link.noResults')}
          </p>
        )}
        {results && results.length > 0 && (
          <fieldset className="fieldset">
            <legend>{t('people.link.results')}</legend>
            <ul className="choice-list">
              {results.map((p) => (
                <li key={p.id}>
                  <input
                    type="radio"
                    id={`link-person-${p.id}`}
                    name="link-person"
                    value={p.id}
                    checked={chosen === p.id}
                    onChange={() => setChosen(p.id)}
                  />
                  <label htmlFor={`link-person-${p.id}`}>
                    <bdi className="person-name">{p.fullName}</bdi>
                    {p.pseudonym && (
                      <>
                        {' · '}
                        <bdi>{p.pseudonym}</bdi>
                      </>
                    )}
                    <span className="choice-detail">
                      {p.roles.length === 0 ? (
                        t('people.link.noCases')
                      ) : (
                        <>
                          {t('people.link.inCases')}{' '}
                          {p.roles.map((r, i) => (
                            <span key={`${r.caseId}-${r.role}`}>
                              {i > 0 && ', '}
                              <bdi className="code">{r.caseReference}</bdi> ({t(labelKey('people.role', r.role))})
                            </span>
                          ))}
                        </>
                      )}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        {results && results.length > 0 && (
          <SelectField
            label={t('people.form.role')}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            options={ROLES.map((r) => ({ value: r, label: t(labelKey('people.role', r)) }))}
          />
        )}
        <FormNotice />
        <div className="form-actions">
          <Button variant="primary" type="submit" disabled={busy || !chosen}>
            {t('people.link.submit')}
          </Button>
          <Button onClick={onCancel}>{t('action.cancel')}</Button>
        </div>
      </Form>
    </>
  );
}
