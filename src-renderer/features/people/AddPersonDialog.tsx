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
import { Dialog } from '../../components/Dialog.js';
import { Button, SelectField } from '../../components/controls.js';
import { ErrorNotice } from '../../components/feedback.js';
import { call } from '../../vault.js';
import { ROLES, type Role } from '../../../shared/domain/people.js';
import type { ConflictMatch } from '../../../shared/domain/enquiries.js';
import { ConflictTable } from '../enquiries/ConflictTable.js';
import { EMPTY_DRAFT, PersonFields, createInputOf, splitAliases } from './person-form.js';
import { labelKey } from '../../i18n/enum-labels.js';

/** How long typing pauses before the duplicate check runs. */
const DUPLICATE_CHECK_DELAY_MS = 400;

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
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [role, setRole] = useState<Role>('survivor');
  const [createdId, setCreatedId] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      let id = createdId;
      if (!id) {
        const person = await call('people', 'create', createInputOf(draft));
        id = person.id;
        setCreatedId(id);
      }
      const linked = await call('people', 'link', { personId: id, caseId, role });
      onAdded(linked.fullName, role);
    });
  };

  // once created, only the role can still change (a second try only links)
  const locked = createdId !== null;
  const duplicates = usePossibleDuplicates(draft.fullName, draft.aliases, !locked);

  return (
    <form onSubmit={submit} aria-busy={busy}>
      <PersonFields
        draft={draft}
        onChange={setDraft}
        disabled={locked}
        afterName={
          <SelectField
            label={t('people.form.role')}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            options={ROLES.map((r) => ({ value: r, label: t(labelKey('people.role', r)) }))}
          />
        }
        afterNames={
          // next to the names it is about, so that it is seen while they are typed
          duplicates.length > 0 && (
            <div className="notice notice-warn possible-duplicates" role="status">
              <p className="notice-title">{t('people.dup.title', { count: duplicates.length })}</p>
              <p>{t('people.dup.hint')}</p>
              <ConflictTable
                matches={duplicates}
                caption={t('people.dup.caption')}
                queryHeading={t('people.dup.col.name')}
              />
            </div>
          )
        }
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
