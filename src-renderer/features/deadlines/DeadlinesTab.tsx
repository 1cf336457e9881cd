/**
 * A case's deadlines, soonest first, each with its state in words and a badge (open, due soon,
 * overdue, met, missed, cancelled); add one; mark one done (met, missed or cancelled, once).
 */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT, useFormat } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { call } from '../../vault.js';
import { Form, FormNotice } from '../../components/Form.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, DateField, SelectField, TextArea, TextField } from '../../components/controls.js';
import { EnumSelect } from '../../components/pickers.js';
import { Empty, ErrorNotice, Loading } from '../../components/feedback.js';
import {
  COMPLETED_DEADLINE_STATUSES,
  DEADLINE_KINDS,
  type DeadlineItem,
  type DeadlineKind,
} from '../../../shared/domain/deadlines.js';
import { useLoaded } from '../../state/use-loaded.js';
import { labelKey } from '../../i18n/enum-labels.js';

/** Open deadlines due within this many days are "due soon". */
const SOON_DAYS = 14;

type Completion = (typeof COMPLETED_DEADLINE_STATUSES)[number];

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The state shown for a deadline: its status, or for an open one how it stands against today. */
export function deadlineState(
  d: Pick<DeadlineItem, 'status' | 'overdue' | 'daysUntilDue'>,
): 'overdue' | 'due-soon' | 'open' | Completion {
  if (d.status !== 'open') return d.status;
  if (d.overdue) return 'overdue';
  return d.daysUntilDue <= SOON_DAYS ? 'due-soon' : 'open';
}

export function DeadlinesTab({ caseId }: { caseId: string }) {
  const t = useT();
  const f = useFormat();
  const [adding, setAdding] = useState(false);
  const [completing, setCompleting] = useState<DeadlineItem | null>(null);
  const {
    value: items,
    error,
    reload: load,
  } = useLoaded(() => call('deadlines', 'list', { caseId }), [caseId], ['deadlines']);

  const when = (d: DeadlineItem): string => {
    if (d.status !== 'open') return d.completedOn ? t('deadlines.completedOn', { date: f.day(d.completedOn) }) : '';
    if (d.daysUntilDue === 0) return t('deadlines.dueToday');
    if (d.daysUntilDue > 0) return t('deadlines.dueIn', { days: d.daysUntilDue });
    return t('deadlines.overdueBy', { days: -d.daysUntilDue });
  };

  return (
    <section className="tab-section deadlines-tab" aria-labelledby="deadlines-heading">
      <div className="section-header">
        <h2 id="deadlines-heading">{t('deadlines.title')}</h2>
        <Button variant="primary" onClick={() => setAdding(true)}>
          {t('deadlines.add')}
        </Button>
      </div>
      <ErrorNotice error={error} onRetry={() => void load()} />
      {items === null && !error && <Loading />}
      {items !== null && items.length === 0 && <Empty>{t('deadlines.none')}</Empty>}
      {items !== null && items.length > 0 && (
        <div className="table-scroll">
          <table className="data deadlines-table">
            <caption className="visually-hidden">{t('deadlines.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('deadlines.col.due')}</th>
                <th scope="col">{t('deadlines.col.title')}</th>
                <th scope="col">{t('deadlines.col.kind')}</th>
                <th scope="col">{t('deadlines.col.state')}</th>
                <th scope="col">{t('deadlines.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => {
                const state = deadlineState(d);
                return (
                  <tr key={d.id} className={`deadline-${state}`}>
                    <td>{f.day(d.dueOn)}</td>
                    <td>
                      <bdi className="record-title">{d.title}</bdi>
                      {d.notes && (
                        <p className="muted small">
                          <bdi>{d.notes}</bdi>
                        </p>
                      )}
                    </td>
                    <td>{t(labelKey('deadlines.kind', d.kind))}</td>
                    <td>
                      <span className={`badge badge-deadline-${state}`}>
                        {t(`deadlines.state.${state}` as MessageKey)}
                      </span>{' '}
                      <span className="deadline-when">{when(d)}</span>
                    </td>
                    <td>
                      {d.status === 'open' && (
                        <Button
                          variant="link"
                          onClick={() => setCompleting(d)}
                          aria-label={t('deadlines.markDoneItem', { title: d.title })}
                        >
                          {t('deadlines.markDone')}
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Dialog title={t('deadlines.new')} open={adding} onClose={() => setAdding(false)}>
        {adding && (
          <AddDeadlineForm
            caseId={caseId}
            onCancel={() => setAdding(false)}
            onAdded={() => {
              setAdding(false);
              void load();
            }}
          />
        )}
      </Dialog>
      <Dialog
        title={completing ? t('deadlines.complete.title', { title: completing.title }) : ''}
        open={completing !== null}
        onClose={() => setCompleting(null)}
      >
        {completing && (
          <CompleteForm
            key={completing.id}
            deadline={completing}
            onCancel={() => setCompleting(null)}
            onDone={() => {
              setCompleting(null);
              void load();
            }}
          />
        )}
      </Dialog>
    </section>
  );
}

function AddDeadlineForm({ caseId, onCancel, onAdded }: { caseId: string; onCancel: () => void; onAdded: () => void }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DeadlineKind>('filing');
  const [dueOn, setDueOn] = useState('');
  const [notes, setNotes] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await call('deadlines', 'add', { caseId, title, kind, dueOn, notes });
      onAdded();
    });
  };

  return (
    <Form onSubmit={submit} busy={busy} error={error}>
      <TextField
        label={t('deadlines.form.title')}
        hint={t('deadlines.form.titleHint')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        maxLength={200}
        required
        autoFocus
      />
      <EnumSelect
        label={t('deadlines.form.kind')}
        labels="deadlines.kind"
        values={DEADLINE_KINDS}
        value={kind}
        onValue={setKind}
      />
      <DateField label={t('deadlines.form.dueOn')} value={dueOn} onChange={(e) => setDueOn(e.target.value)} required />
      <TextArea label={t('deadlines.form.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} />
      <FormNotice />
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('deadlines.form.add')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </Form>
  );
}

function CompleteForm({
  deadline,
  onCancel,
  onDone,
}: {
  deadline: DeadlineItem;
  onCancel: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const [status, setStatus] = useState<Completion>('met');
  const [completedOn, setCompletedOn] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await call('deadlines', 'complete', {
        id: deadline.id,
        status,
        expectedVersion: deadline.version,
        ...(completedOn ? { completedOn } : {}),
      });
      onDone();
    });
  };

  return (
    <Form onSubmit={submit} busy={busy} error={error}>
      <p>{t('deadlines.complete.intro', { due: f.day(deadline.dueOn) })}</p>
      <SelectField
        label={t('deadlines.complete.status')}
        value={status}
        onChange={(e) => setStatus(e.target.value as Completion)}
        options={COMPLETED_DEADLINE_STATUSES.map((s) => ({
          value: s,
          label: t(labelKey('deadlines.complete.as', s)),
        }))}
        autoFocus
      />
      <DateField
        label={t('deadlines.complete.on')}
        hint={t('deadlines.complete.onHint')}
        max={localToday()}
        value={completedOn}
        onChange={(e) => setCompletedOn(e.target.value)}
      />
      <FormNotice />
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('deadlines.complete.submit')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </Form>
  );
}
