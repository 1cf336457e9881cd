/** Create a case: the engine validates; a field it refuses is marked on that field. */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, SelectField, TextArea, TextField } from '../../components/controls.js';
import { Form } from '../../components/Form.js';
import { CountrySelect } from '../../components/pickers.js';
import { call } from '../../vault.js';
import { useNav } from '../../state/navigation.js';
import { useCaseList } from './case-list-store.js';
import {
  FORUMS,
  INITIAL_CASE_STATUSES,
  SENSITIVITIES,
  type Forum,
  type Sensitivity,
} from '../../../shared/domain/cases.js';
import { labelKey } from '../../i18n/enum-labels.js';

export function NewCaseDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog title={t('cases.new')} open={open} onClose={onClose}>
      {open && <NewCaseForm onDone={onClose} />}
    </Dialog>
  );
}

function NewCaseForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const go = useNav((s) => s.go);
  const [title, setTitle] = useState('');
  const [reference, setReference] = useState('');
  const [status, setStatus] = useState<(typeof INITIAL_CASE_STATUSES)[number]>('active');
  const [forum, setForum] = useState<Forum | ''>('');
  const [country, setCountry] = useState('');
  const [sensitivity, setSensitivity] = useState<Sensitivity>('high');
  const [summary, setSummary] = useState('');
  const [tags, setTags] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const created = await call('cases', 'create', {
        title,
        status,
        sensitivity,
        summary,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        ...(forum ? { forum } : {}),
        ...(country ? { country } : {}),
        tags: tags
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      });
      useCaseList.getState().refresh();
      onDone();
      go({ name: 'case', id: created.id, tab: 'overview' });
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
            {t('cases.form.create')}
          </Button>
          <Button onClick={onDone}>{t('action.cancel')}</Button>
        </>
      }
    >
      <TextField
        name="title"
        label={t('cases.form.title')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
        autoFocus
      />
      <TextField
        name="reference"
        label={t('cases.form.reference')}
        hint={t('cases.form.referenceHint')}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        dir="ltr"
      />
      <SelectField
        label={t('cases.form.status')}
        value={status}
        onChange={(e) => setStatus(e.target.value as typeof status)}
        options={INITIAL_CASE_STATUSES.map((s) => ({ value: s, label: t(labelKey('cases.status', s)) }))}
      />
      <SelectField
        label={t('cases.form.forum')}
        value={forum}
        onChange={(e) => setForum(e.target.value as Forum | '')}
        options={[
          { value: '', label: t('cases.form.noForum') },
          ...FORUMS.map((f) => ({ value: f, label: t(labelKey('cases.forum', f)) })),
        ]}
      />
      <CountrySelect
        name="country"
        label={t('cases.form.country')}
        value={country}
        onChange={(e) => setCountry(e.target.value)}
      />
      <SelectField
        label={t('cases.form.sensitivity')}
        value={sensitivity}
        onChange={(e) => setSensitivity(e.target.value as Sensitivity)}
        options={SENSITIVITIES.map((s) => ({ value: s, label: t(labelKey('cases.sensitivity', s)) }))}
      />
      <TextArea
        name="summary"
        label={t('cases.form.summary')}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        rows={4}
      />
      <TextField
        name="tags"
        label={t('cases.form.tags')}
        hint={t('cases.form.tagsHint')}
        value={tags}
        onChange={(e) => setTags(e.target.value)}
      />
    </Form>
  );
}
