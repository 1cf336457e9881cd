/** Add a risk, or re-rate, review, mitigate or re-assign one. */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import { Form, FormNotice } from '../../components/Form.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, DateField, SelectField, TextArea, TextField } from '../../components/controls.js';
import { EnumSelect } from '../../components/pickers.js';
import { call } from '../../vault.js';
import {
  RISK_CATEGORIES,
  RISK_STATUSES,
  riskLevel,
  type Risk,
  type RiskCategory,
  type RiskStatus,
} from '../../../shared/domain/risks.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { CasePicker } from './CasePicker.js';
import { useRisks } from './risk-store.js';
import { labelKey } from '../../i18n/enum-labels.js';

const RATINGS = [1, 2, 3, 4, 5] as const;

export function RiskDialog({ open, risk, onClose }: { open: boolean; risk?: Risk; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog title={risk ? t('risks.editTitle') : t('risks.new')} open={open} onClose={onClose}>
      {open && <RiskForm risk={risk} onDone={onClose} />}
    </Dialog>
  );
}

function inAMonth(): string {
  return new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
}

function RiskForm({ risk, onDone }: { risk?: Risk; onDone: () => void }) {
  const t = useT();
  const [threat, setThreat] = useState(risk?.threat ?? '');
  const [description, setDescription] = useState(risk?.description ?? '');
  const [category, setCategory] = useState<RiskCategory>(risk?.category ?? 'device');
  const [likelihood, setLikelihood] = useState(risk?.likelihood ?? 3);
  const [impact, setImpact] = useState(risk?.impact ?? 3);
  const [mitigations, setMitigations] = useState(risk?.mitigations ?? '');
  const [owner, setOwner] = useState(risk?.owner ?? '');
  const [reviewOn, setReviewOn] = useState(risk?.reviewOn ?? inAMonth());
  const [status, setStatus] = useState<RiskStatus>(risk?.status ?? 'open');
  const [caseId, setCaseId] = useState(risk?.caseId ?? '');
  const { busy, error, run } = useAction();
  const score = likelihood * impact;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const fields = { threat, description, category, likelihood, impact, mitigations, owner, reviewOn, status };
      if (risk) {
        useRisks.getState().replace(
          await call('risks', 'update', {
            id: risk.id,
            expectedVersion: risk.version,
            ...fields,
            caseId: caseId || null,
          }),
        );
      } else {
        await call('risks', 'add', { ...fields, ...(caseId ? { caseId } : {}) });
        void useRisks.getState().refresh();
      }
      onDone();
    });
  };

  return (
    <Form onSubmit={submit} busy={busy} error={error}>
      <TextField
        label={t('risks.form.threat')}
        hint={t('risks.form.threatHint')}
        value={threat}
        onChange={(e) => setThreat(e.target.value)}
        required
        autoFocus
      />
      <TextArea
        label={t('risks.form.description')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        rows={2}
      />
      <EnumSelect
        label={t('risks.form.category')}
        labels="risks.category"
        values={RISK_CATEGORIES}
        value={category}
        onValue={setCategory}
      />
      <div className="field-row">
        <SelectField
          label={t('risks.form.likelihood')}
          value={String(likelihood)}
          onChange={(e) => setLikelihood(Number(e.target.value))}
          options={RATINGS.map((n) => ({ value: String(n), label: t(`risks.likelihood.${n}` as MessageKey, { n }) }))}
        />
        <SelectField
          label={t('risks.form.impact')}
          value={String(impact)}
          onChange={(e) => setImpact(Number(e.target.value))}
          options={RATINGS.map((n) => ({ value: String(n), label: t(`risks.impact.${n}` as MessageKey, { n }) }))}
        />
      </div>
      <p className="hint" aria-live="polite">
        {t('risks.form.levelPreview', { level: t(labelKey('risks.level', riskLevel(score))), score })}
      </p>
      <TextArea
        label={t('risks.form.mitigations')}
        value={mitigations}
        onChange={(e) => setMitigations(e.target.value)}
        rows={3}
      />
      <TextField
        label={t('risks.form.owner')}
        hint={t('risks.form.ownerHint')}
        value={owner}
        onChange={(e) => setOwner(e.target.value)}
        required
      />
      <DateField
        label={t('risks.form.reviewOn')}
        value={reviewOn}
        onChange={(e) => setReviewOn(e.target.value)}
        required
      />
      <EnumSelect
        label={t('risks.form.status')}
        labels="risks.status"
        values={RISK_STATUSES}
        value={status}
        onValue={setStatus}
      />
      <CasePicker label={t('risks.case.label')} emptyLabel={t('risks.case.none')} value={caseId} onChange={setCaseId} />
      <FormNotice />
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {risk ? t('action.save') : t('risks.form.create')}
        </Button>
        <Button onClick={onDone}>{t('action.cancel')}</Button>
      </div>
    </Form>
  );
}
