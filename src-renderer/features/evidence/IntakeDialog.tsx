/**
 * Taking a file in: the file was chosen in main's native dialog (the renderer holds its handle,
 * name and size); this form asks what is known of it and runs `evidence.add` (or
 * `evidence.addCopy` for a working copy) with a determinate progress bar fed by the engine's
 * byte counts.
 */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT, useFormat } from '../../i18n/i18n.js';
import { call } from '../../vault.js';
import { useProgress, useSession } from '../../state/session.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, SelectField, TextArea, TextField } from '../../components/controls.js';
import { Form, FormNotice } from '../../components/Form.js';
import { ProgressBar } from '../../components/feedback.js';
import { EVIDENCE_TYPES, type Evidence, type EvidenceType } from '../../../shared/domain/evidence.js';
import type { Intake } from './use-intake.js';
import { evidenceTypeOfFile } from './evidence-format.js';
import { labelKey } from '../../i18n/enum-labels.js';

export function IntakeDialog({
  caseId,
  intake,
  onClose,
  onAdded,
}: {
  caseId: string;
  intake: Intake | null;
  onClose: () => void;
  onAdded: (item: Evidence) => void;
}) {
  const t = useT();
  const title = intake?.original ? t('evidence.copy.title') : t('evidence.intake.title');
  return (
    <Dialog title={title} open={intake !== null} onClose={onClose}>
      {intake && (
        <IntakeForm key={intake.file.handle} caseId={caseId} intake={intake} onCancel={onClose} onAdded={onAdded} />
      )}
    </Dialog>
  );
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function IntakeForm({
  caseId,
  intake,
  onCancel,
  onAdded,
}: {
  caseId: string;
  intake: Intake;
  onCancel: () => void;
  onAdded: (item: Evidence) => void;
}) {
  const t = useT();
  const f = useFormat();
  const copy = intake.original !== null;
  const channel = copy ? 'evidence.addCopy' : 'evidence.add';
  const progress = useProgress(channel);
  const [title, setTitle] = useState('');
  const [type, setType] = useState<EvidenceType>(() => evidenceTypeOfFile(intake.file.name));
  const [description, setDescription] = useState('');
  const [source, setSource] = useState('');
  const [collector, setCollector] = useState('');
  const [method, setMethod] = useState('');
  const [collectedOn, setCollectedOn] = useState('');
  const [place, setPlace] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    useSession.getState().clearProgress(channel);
    await run(async () => {
      const common = { file: intake.file.handle, description, ...(title.trim() ? { title: title.trim() } : {}) };
      const item = intake.original
        ? await call('evidence', 'addCopy', { ...common, originalId: intake.original.id, reason })
        : await call('evidence', 'add', {
            ...common,
            caseId,
            type,
            source,
            collector,
            method,
            place,
            ...(collectedOn ? { collectedAt: collectedOn } : {}),
          });
      onAdded(item);
    });
  };

  return (
    <Form onSubmit={submit} busy={busy} error={error}>
      <div className="chosen-file">
        <p className="chosen-file-label">{t('evidence.intake.file')}</p>
        <p>
          <bdi className="record-title">{intake.file.name}</bdi>{' '}
          <span className="muted">{f.bytes(intake.file.size)}</span>
        </p>
        {intake.original && (
          <p>
            {t('evidence.copy.of')} <bdi className="record-title">{intake.original.title}</bdi>
          </p>
        )}
      </div>
      <fieldset className="form-group" disabled={busy}>
        <legend className="visually-hidden">{title}</legend>
        <TextField
          label={t('evidence.form.title')}
          hint={t('evidence.form.titleHint')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
          autoFocus
        />
        {copy ? (
          <TextArea
            label={t('evidence.copy.reason')}
            hint={t('evidence.copy.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
            required
            maxLength={2000}
          />
        ) : (
          <SelectField
            label={t('evidence.form.type')}
            value={type}
            onChange={(e) => setType(e.target.value as EvidenceType)}
            options={EVIDENCE_TYPES.map((v) => ({ value: v, label: t(labelKey('evidence.type', v)) }))}
          />
        )}
        <TextArea
          label={t('evidence.form.description')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={3}
        />
        {!copy && (
          <>
            <TextField
              label={t('evidence.form.source')}
              hint={t('evidence.form.sourceHint')}
              value={source}
              onChange={(e) => setSource(e.target.value)}
              maxLength={500}
            />
            <TextField
              label={t('evidence.form.collector')}
              value={collector}
              onChange={(e) => setCollector(e.target.value)}
              maxLength={500}
            />
            <TextField
              label={t('evidence.form.method')}
              hint={t('evidence.form.methodHint')}
              value={method}
              onChange={(e) => setMethod(e.target.value)}
              maxLength={500}
            />
            <TextField
              label={t('evidence.form.collectedOn')}
              type="date"
              max={today()}
              value={collectedOn}
              onChange={(e) => setCollectedOn(e.target.value)}
            />
            <TextField
              label={t('evidence.form.place')}
              value={place}
              onChange={(e) => setPlace(e.target.value)}
              maxLength={500}
            />
          </>
        )}
      </fieldset>
      {busy && <ProgressBar event={progress} label={t('evidence.intake.working')} />}
      <FormNotice />
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy || (copy && !reason.trim())}>
          {copy ? t('evidence.copy.submit') : t('evidence.intake.submit')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </Form>
  );
}
