/** Create a case: the engine validates; a field it refuses is marked on that field. */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, TextField } from '../../components/controls.js';
import { Form } from '../../components/Form.js';
import { EnumSelect } from '../../components/pickers.js';
import { call } from '../../vault.js';
import { useNav } from '../../state/navigation.js';
import { useCaseList } from './case-list-store.js';
import { INITIAL_CASE_STATUSES } from '../../../shared/domain/cases.js';
import { CaseFields, caseDraftOf, caseInputOf, type CaseLayout } from './CaseFields.js';

export function NewCaseDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog title={t('cases.new')} open={open} onClose={onClose}>
      {open && <NewCaseForm onDone={onClose} />}
    </Dialog>
  );
}

/** What a new case asks for; the rest of its fields are edited on the case once it exists. */
const NEW_CASE_LAYOUT: CaseLayout = ['title', 'forum', 'country', 'sensitivity', 'summary', 'tags'];

function NewCaseForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const go = useNav((s) => s.go);
  const [draft, setDraft] = useState(caseDraftOf);
  const [reference, setReference] = useState('');
  const [status, setStatus] = useState<(typeof INITIAL_CASE_STATUSES)[number]>('active');
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const created = await call('cases', 'create', {
        ...caseInputOf(draft, NEW_CASE_LAYOUT, 'create'),
        title: draft.title,
        status,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
      });
      useCaseList.getState().refresh();
      onDone();
      go({ name: 'case', id: created.id, tab: 'overview' });
    });
  };

  const [title, ...rest] = NEW_CASE_LAYOUT;
  return (
    <Form
      onSubmit={submit}
      busy={busy}
      error={error}
      actions={
        <>
          <Button variant="primary" type="submit" disabled={busy}>
            {t('cases.form.create')}
          </Button>
          <Button onClick={onDone}>{t('action.cancel')}</Button>
        </>
      }
    >
      <CaseFields draft={draft} onChange={(p) => setDraft((d) => ({ ...d, ...p }))} layout={[title!]} autoFocus />
      <TextField
        name="reference"
        label={t('cases.form.reference')}
        hint={t('cases.form.referenceHint')}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        dir="ltr"
      />
      <EnumSelect
        name="status"
        label={t('cases.form.status')}
        labels="cases.status"
        values={INITIAL_CASE_STATUSES}
        value={status}
        onValue={setStatus}
      />
      <CaseFields draft={draft} onChange={(p) => setDraft((d) => ({ ...d, ...p }))} layout={rest} />
    </Form>
  );
}
