/**
 * Record an enquiry: who made contact, how, what about, and everyone else they named. The
 * engine runs the conflict check on every name at once; the new enquiry opens with its result.
 */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import { Form, FormNotice } from '../../components/Form.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, DateField, TextArea, TextField } from '../../components/controls.js';
import { EnumSelect } from '../../components/pickers.js';
import { call } from '../../vault.js';
import { useNav } from '../../state/navigation.js';
import { CHANNELS, type Channel } from '../../../shared/domain/enquiries.js';
import { useInbox } from './enquiry-store.js';

export function NewEnquiryDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog title={t('enquiries.new')} open={open} onClose={onClose}>
      {open && <NewEnquiryForm onDone={onClose} />}
    </Dialog>
  );
}

/** One name per line; blank lines and repeats dropped. */
export function namesFrom(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** The names mentioned: those of the first list as they are, those of the second as alleged perpetrators (a name in both counts once, with the role). */
export function namedFrom(
  names: string,
  perpetrators: string,
): Array<string | { name: string; role: 'alleged-perpetrator' }> {
  const accused = namesFrom(perpetrators);
  return [
    ...namesFrom(names).filter((n) => !accused.includes(n)),
    ...accused.map((name) => ({ name, role: 'alleged-perpetrator' as const })),
  ];
}

function NewEnquiryForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const go = useNav((s) => s.go);
  const [receivedOn, setReceivedOn] = useState('');
  const [channel, setChannel] = useState<Channel>('phone');
  const [enquirerName, setEnquirerName] = useState('');
  const [enquirerContact, setEnquirerContact] = useState('');
  const [summary, setSummary] = useState('');
  const [names, setNames] = useState('');
  const [perpetrators, setPerpetrators] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const created = await call('enquiries', 'add', {
        channel,
        summary,
        enquirerName,
        enquirerContact,
        namesMentioned: namedFrom(names, perpetrators),
        ...(receivedOn ? { receivedOn } : {}),
      });
      void useInbox.getState().refresh();
      onDone();
      go({ name: 'enquiry', id: created.id });
    });
  };

  return (
    <Form onSubmit={submit} busy={busy} error={error}>
      <TextField
        label={t('enquiries.form.enquirerName')}
        value={enquirerName}
        onChange={(e) => setEnquirerName(e.target.value)}
        required
        autoFocus
      />
      <EnumSelect
        label={t('enquiries.form.channel')}
        labels="enquiries.channel"
        values={CHANNELS}
        value={channel}
        onValue={setChannel}
      />
      <DateField
        label={t('enquiries.form.receivedOn')}
        hint={t('enquiries.form.receivedOnHint')}
        value={receivedOn}
        onChange={(e) => setReceivedOn(e.target.value)}
      />
      <TextArea
        label={t('enquiries.form.summary')}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        rows={4}
        required
      />
      <TextArea
        label={t('enquiries.form.names')}
        hint={t('enquiries.form.namesHint')}
        value={names}
        onChange={(e) => setNames(e.target.value)}
        rows={4}
      />
      <TextArea
        label={t('enquiries.form.perpetrators')}
        hint={t('enquiries.form.perpetratorsHint')}
        value={perpetrators}
        onChange={(e) => setPerpetrators(e.target.value)}
        rows={2}
      />
      <TextArea
        label={t('enquiries.form.enquirerContact')}
        hint={t('enquiries.form.enquirerContactHint')}
        value={enquirerContact}
        onChange={(e) => setEnquirerContact(e.target.value)}
        rows={2}
      />
      <FormNotice />
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('enquiries.form.submit')}
        </Button>
        <Button onClick={onDone}>{t('action.cancel')}</Button>
      </div>
    </Form>
  );
}
