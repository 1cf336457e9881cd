/**
 * The three decisions on an open enquiry, each taken once: accept (opens a case; the engine
 * refuses with CONFLICT_CHECK_UNRESOLVED while the check's matches are not acknowledged), refer
 * to a partner with a reason, or decline with a reason.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, Checkbox, SelectField, TextArea, TextField } from '../../components/controls.js';
import { Form, FormNotice } from '../../components/Form.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { call, asCallError } from '../../vault.js';
import { useNav } from '../../state/navigation.js';
import type { Enquiry } from '../../../shared/domain/enquiries.js';
import type { Partner } from '../../../shared/domain/partners.js';
import { ROLES, type Role } from '../../../shared/domain/people.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { ConflictTable } from './ConflictTable.js';
import { useInbox } from './enquiry-store.js';
import { draftsComplete, initialDrafts, NamedPeopleChoices, toChoices } from './NamedPeopleChoices.js';
import { labelKey } from '../../i18n/enum-labels.js';

export type Decision = 'accept' | 'refer' | 'decline';

interface DialogProps {
  enquiry: Enquiry;
  /** the enquiry as it is now (after a decision, or a refused one that re-ran the check) */
  onChanged: (e: Enquiry) => void;
  onClose: () => void;
}

export function DecisionDialog({ decision, ...props }: DialogProps & { decision: Decision | null }) {
  const t = useT();
  const titles: Record<Decision, MessageKey> = {
    accept: 'enquiry.accept.title',
    refer: 'enquiry.refer.title',
    decline: 'enquiry.decline.title',
  };
  return (
    <Dialog title={decision ? t(titles[decision]) : ''} open={decision !== null} onClose={props.onClose}>
      {decision === 'accept' && <AcceptForm {...props} />}
      {decision === 'refer' && <ReferForm {...props} />}
      {decision === 'decline' && <DeclineForm {...props} />}
    </Dialog>
  );
}

/** A refused accept: the matches are not acknowledged. Explained in words, not as a failure. */
function UnresolvedNotice() {
  const t = useT();
  return (
    <div className="notice notice-error" role="alert" data-testid="conflict-unresolved">
      <p className="notice-title">{t('error.title')}</p>
      <p>{t('enquiry.accept.unresolved')}</p>
    </div>
  );
}

function AcceptForm({ enquiry, onChanged, onClose }: DialogProps) {
  const t = useT();
  const go = useNav((s) => s.go);
  const [title, setTitle] = useState('');
  const [reference, setReference] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [reason, setReason] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [people, setPeople] = useState(() => initialDrafts(enquiry));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const matches = enquiry.conflicts;
  const mustAcknowledge = matches.length > 0 && !acknowledged;
  // A fresh check that found other matches needs looking at again.
  const matchKey = matches.map((m) => `${m.query}\u0000${m.personId ?? m.enquiry?.id ?? m.matchedName}`).join('\n');
  useEffect(() => setAcknowledged(false), [matchKey]);
  const peopleComplete = draftsComplete(people);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const caseInput = {
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(reference.trim() ? { reference: reference.trim() } : {}),
      };
      const decided = await call('enquiries', 'decide', {
        id: enquiry.id,
        decision: 'accept',
        acknowledgeConflicts: acknowledged,
        ...(Object.keys(caseInput).length > 0 ? { case: caseInput } : {}),
        ...(role ? { enquirerRole: role } : {}),
        namedPeople: toChoices(people),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      void useInbox.getState().refresh();
      onChanged(decided);
      onClose();
      if (decided.caseId) go({ name: 'case', id: decided.caseId, tab: 'overview' });
    } catch (err) {
      const failure = asCallError(err);
      setError(failure);
      if (failure.code === 'CONFLICT_CHECK_UNRESOLVED') {
        // The engine ran the check again before refusing: show the matches it found.
        try {
          onChanged(await call('enquiries', 'get', { id: enquiry.id }));
        } catch {
          /* the refusal itself is what matters here */
        }
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form onSubmit={submit} busy={busy} error={error}>
      {matches.length > 0 && (
        <>
          <p>{t('enquiry.conflicts.found', { count: matches.length })}</p>
          <ConflictTable matches={matches} />
          <Checkbox
            label={t('enquiry.accept.acknowledge', { count: matches.length })}
            checked={acknowledged}
            onChange={(e) => setAcknowledged(e.target.checked)}
          />
        </>
      )}
      <p className="hint">{t('enquiry.accept.carried')}</p>
      <TextField
        label={t('enquiry.accept.caseTitle')}
        hint={t('enquiry.accept.caseTitleHint')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        autoFocus
      />
      <TextField
        label={t('enquiry.accept.reference')}
        hint={t('enquiry.accept.referenceHint')}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        dir="ltr"
      />
      <SelectField
        label={t('enquiry.accept.enquirerRole')}
        value={role}
        onChange={(e) => setRole(e.target.value as Role | '')}
        options={[
          { value: '', label: t('enquiry.accept.noRole') },
          ...ROLES.map((r) => ({ value: r, label: t(labelKey('enquiries.role', r)) })),
        ]}
      />
      <NamedPeopleChoices enquiry={enquiry} drafts={people} onChange={setPeople} />
      <TextArea
        label={t('enquiry.accept.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
      />
      {mustAcknowledge && (
        <p className="hint" id="accept-blocked">
          {t('enquiry.accept.acknowledgeFirst')}
        </p>
      )}
      {error?.code === 'CONFLICT_CHECK_UNRESOLVED' ? <UnresolvedNotice /> : <FormNotice />}
      <div className="form-actions">
        <Button
          variant="primary"
          type="submit"
          disabled={busy || mustAcknowledge || !peopleComplete}
          aria-describedby={mustAcknowledge ? 'accept-blocked' : undefined}
        >
          {t('enquiry.accept.submit')}
        </Button>
        <Button onClick={onClose}>{t('action.cancel')}</Button>
      </div>
    </Form>
  );
}

function ReferForm({ enquiry, onChanged, onClose }: DialogProps) {
  const t = useT();
  const [partners, setPartners] = useState<Partner[] | null>(null);
  const [partnerId, setPartnerId] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);

  useEffect(() => {
    let live = true;
    call('partners', 'list', {})
      .then((list) => live && setPartners(list))
      .catch((e: unknown) => live && setError(asCallError(e)));
    return () => {
      live = false;
    };
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const decided = await call('enquiries', 'decide', { id: enquiry.id, decision: 'refer', partnerId, reason });
      void useInbox.getState().refresh();
      onChanged(decided);
      onClose();
    } catch (err) {
      setError(asCallError(err));
    } finally {
      setBusy(false);
    }
  };

  if (partners === null) return error ? <ErrorNotice error={error} /> : <Loading />;
  if (partners.length === 0) {
    return (
      <>
        <p>{t('enquiry.refer.noPartners')}</p>
        <div className="form-actions">
          <Button onClick={onClose}>{t('action.close')}</Button>
        </div>
      </>
    );
  }
  return (
    <Form onSubmit={submit} busy={busy} error={error}>
      <SelectField
        label={t('enquiry.refer.partner')}
        value={partnerId}
        onChange={(e) => setPartnerId(e.target.value)}
        required
        autoFocus
        options={[
          { value: '', label: t('enquiry.refer.choose') },
          ...partners.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <TextArea
        label={t('enquiry.refer.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={3}
        required
      />
      <FormNotice />
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('enquiry.refer.submit')}
        </Button>
        <Button onClick={onClose}>{t('action.cancel')}</Button>
      </div>
    </Form>
  );
}

function DeclineForm({ enquiry, onChanged, onClose }: DialogProps) {
  const t = useT();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const decided = await call('enquiries', 'decide', { id: enquiry.id, decision: 'decline', reason });
      void useInbox.getState().refresh();
      onChanged(decided);
      onClose();
    });
  };

  return (
    <Form onSubmit={submit} busy={busy} error={error}>
      <TextArea
        label={t('enquiry.decline.reason')}
        hint={t('enquiry.decline.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={3}
        required
        autoFocus
      />
      <FormNotice />
      <div className="form-actions">
        <Button variant="danger" type="submit" disabled={busy}>
          {t('enquiry.decline.submit')}
        </Button>
        <Button onClick={onClose}>{t('action.cancel')}</Button>
      </div>
    </Form>
  );
}
