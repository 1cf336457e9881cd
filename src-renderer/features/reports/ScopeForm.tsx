/**
 * The scope of a donor report: the period, the cases (by tag, project or donor code: ticked
 * values add up, nothing ticked means every case), k (at least 5, only ever raised), case
 * stories on or off, the report's language and the format it will be saved in.
 */
import { useId, type FormEvent } from 'react';
import { useT } from '../../i18n/i18n.js';
import { Button, Checkbox, SelectField, TextField } from '../../components/controls.js';
import { EnumSelect } from '../../components/pickers.js';
import { ErrorNotice, ProgressBar } from '../../components/feedback.js';
import {
  MAX_K,
  MIN_K,
  REPORT_FORMATS,
  REPORT_LANGUAGES,
  type ReportFormat,
  type ReportLanguage,
} from '../../../shared/domain/reports.js';
import type { ReportScopeOptions } from '../../../shared/ipc/areas/reports.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import type { ProgressEvent } from '../../../shared/ipc/events.js';
import { type ScopeForm as Scope, type ScopeProblems } from './report-scope.js';
import { labelKey } from '../../i18n/enum-labels.js';

interface Props {
  scope: Scope;
  onScope(next: Scope): void;
  format: ReportFormat;
  onFormat(next: ReportFormat): void;
  options: ReportScopeOptions | null;
  optionsError: CallError | null;
  /** problems to show beside the fields (after a first attempt) */
  problems: ScopeProblems;
  busy: boolean;
  progress: ProgressEvent | undefined;
  error: CallError | null;
  onPreview(): void;
}

export function ScopeForm({
  scope,
  onScope,
  format,
  onFormat,
  options,
  optionsError,
  problems,
  busy,
  progress,
  error,
  onPreview,
}: Props) {
  const t = useT();
  const id = useId();
  const headingId = `${id}-heading`;
  const pickHintId = `${id}-pick-hint`;
  const problem = (field: keyof ScopeProblems) => {
    const p = problems[field];
    return p ? t(p.key, p.values) : null;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onPreview();
  };

  return (
    <form className="card report-scope" aria-labelledby={headingId} aria-busy={busy} onSubmit={submit} noValidate>
      <h2 id={headingId}>{t('reports.scope.heading')}</h2>
      <div className="report-scope-row">
        <TextField
          label={t('reports.scope.from')}
          hint={t('reports.scope.periodHint')}
          type="date"
          value={scope.from}
          onChange={(e) => onScope({ ...scope, from: e.target.value })}
          required
          disabled={busy}
          error={problem('from')}
        />
        <TextField
          label={t('reports.scope.to')}
          type="date"
          value={scope.to}
          onChange={(e) => onScope({ ...scope, to: e.target.value })}
          required
          disabled={busy}
          error={problem('to')}
        />
      </div>

      <p className="field-hint" id={pickHintId}>
        {t('reports.scope.pickHint')}
      </p>
      <ErrorNotice error={optionsError} />
      <div className="report-picks">
        <Picker
          legend={t('reports.scope.tags')}
          empty={t('reports.scope.noTags')}
          describedBy={pickHintId}
          values={options?.tags}
          selected={scope.tags}
          onChange={(tags) => onScope({ ...scope, tags })}
          disabled={busy}
        />
        <Picker
          legend={t('reports.scope.projects')}
          empty={t('reports.scope.noProjects')}
          describedBy={pickHintId}
          values={options?.projects}
          selected={scope.projects}
          onChange={(projects) => onScope({ ...scope, projects })}
          disabled={busy}
        />
        <Picker
          legend={t('reports.scope.donorCodes')}
          empty={t('reports.scope.noDonorCodes')}
          describedBy={pickHintId}
          values={options?.donorCodes}
          selected={scope.donorCodes}
          onChange={(donorCodes) => onScope({ ...scope, donorCodes })}
          disabled={busy}
        />
      </div>

      <div className="report-scope-row">
        <TextField
          label={t('reports.scope.k')}
          hint={t('reports.scope.kHint', { min: MIN_K })}
          type="number"
          inputMode="numeric"
          min={MIN_K}
          max={MAX_K}
          step={1}
          value={scope.k}
          onChange={(e) => onScope({ ...scope, k: e.target.value })}
          required
          disabled={busy}
          error={problem('k')}
        />
        <SelectField
          label={t('reports.scope.language')}
          value={scope.language}
          onChange={(e) => onScope({ ...scope, language: e.target.value as ReportLanguage })}
          disabled={busy}
          options={REPORT_LANGUAGES.map((l) => ({ value: l, label: t(labelKey('reports.language', l)) }))}
        />
        <EnumSelect
          label={t('reports.scope.format')}
          disabled={busy}
          labels="reports.format"
          values={REPORT_FORMATS}
          value={format}
          onValue={onFormat}
        />
      </div>
      <div className="report-vignettes">
        <Checkbox
          label={t('reports.scope.vignettes')}
          checked={scope.vignettes}
          onChange={(e) => onScope({ ...scope, vignettes: e.target.checked })}
          disabled={busy}
          aria-describedby={`${id}-vignettes-hint`}
        />
        <p className="field-hint" id={`${id}-vignettes-hint`}>
          {t('reports.scope.vignettesHint')}
        </p>
      </div>

      {busy && <ProgressBar event={progress} label={t('reports.preview.working')} />}
      <ErrorNotice error={error} />
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('reports.preview.submit')}
        </Button>
      </div>
    </form>
  );
}

/** A group of checkboxes for the values of one kind (record data, so each label is isolated). */
function Picker({
  legend,
  empty,
  describedBy,
  values,
  selected,
  onChange,
  disabled,
}: {
  legend: string;
  empty: string;
  describedBy: string;
  values: string[] | undefined;
  selected: string[];
  onChange(next: string[]): void;
  disabled: boolean;
}) {
  const toggle = (v: string, on: boolean) => onChange(on ? [...selected, v] : selected.filter((s) => s !== v));
  return (
    <fieldset className="fieldset report-pick" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {values === undefined ? null : values.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <ul className="report-pick-list">
          {values.map((v) => (
            <PickItem
              key={v}
              value={v}
              checked={selected.includes(v)}
              onToggle={(on) => toggle(v, on)}
              disabled={disabled}
            />
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function PickItem({
  value,
  checked,
  onToggle,
  disabled,
}: {
  value: string;
  checked: boolean;
  onToggle(on: boolean): void;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <li className="checkbox">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(e) => onToggle(e.target.checked)}
        disabled={disabled}
      />
      <label htmlFor={id}>
        <bdi>{value}</bdi>
      </label>
    </li>
  );
}
