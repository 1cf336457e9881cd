/**
 * The editable fields of a case, once, for the dialog that creates a case and the one that edits
 * it: the draft they share, the inputs, and the draft as the engine's input. A new field of a
 * case is added here (and shown on the overview).
 */
import { Fragment, type ReactNode } from 'react';
import {
  FORUMS,
  SENSITIVITIES,
  STAGES,
  type Case,
  type CreateCaseInput,
  type UpdateCaseInput,
  type Forum,
  type Sensitivity,
  type Stage,
} from '../../../shared/domain/cases.js';
import { TextArea, TextField } from '../../components/controls.js';
import { CountrySelect, EnumSelect } from '../../components/pickers.js';
import { useT } from '../../i18n/i18n.js';

export interface CaseDraft {
  title: string;
  forum: Forum | '';
  stage: Stage | '';
  country: string;
  sensitivity: Sensitivity;
  jurisdiction: string;
  project: string;
  summary: string;
  strategy: string;
  /** comma-separated, as typed */
  tags: string;
}

export type CaseField = keyof CaseDraft;

/** The draft of a case being created (no case yet) or edited. */
export function caseDraftOf(kase?: Case): CaseDraft {
  return {
    title: kase?.title ?? '',
    forum: kase?.forum ?? '',
    stage: kase?.stage ?? '',
    country: kase?.country ?? '',
    sensitivity: kase?.sensitivity ?? 'high',
    jurisdiction: kase?.jurisdiction ?? '',
    project: kase?.project ?? '',
    summary: kase?.summary ?? '',
    strategy: kase?.strategy ?? '',
    tags: kase?.tags.join(', ') ?? '',
  };
}

/** Fields in order; a group of fields shares a row (the short choices side by side). */
export type CaseLayout = ReadonlyArray<CaseField | readonly CaseField[]>;

/**
 * The fields shown, as the engine's input. An emptied optional field is left out of a new case
 * and cleared (`null`) on an existing one.
 */
export function caseInputOf(d: CaseDraft, layout: CaseLayout, mode: 'create'): Omit<CreateCaseInput, 'title'>;
export function caseInputOf(
  d: CaseDraft,
  layout: CaseLayout,
  mode: 'update',
): Omit<UpdateCaseInput, 'id' | 'expectedVersion'>;
export function caseInputOf(d: CaseDraft, layout: CaseLayout, mode: 'create' | 'update') {
  const none = mode === 'update' ? null : undefined;
  const all: Record<CaseField, unknown> = {
    title: d.title,
    forum: d.forum || none,
    stage: d.stage || none,
    country: d.country || none,
    sensitivity: d.sensitivity,
    jurisdiction: d.jurisdiction.trim() || none,
    project: d.project.trim() || none,
    summary: d.summary,
    strategy: d.strategy,
    tags: d.tags
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
  return Object.fromEntries(layout.flat().flatMap((f) => (all[f] === undefined ? [] : [[f, all[f]]])));
}

interface Props {
  draft: CaseDraft;
  onChange: (patch: Partial<CaseDraft>) => void;
  /** which fields, in the order given */
  layout: CaseLayout;
  /** focus the first field when the dialog opens */
  autoFocus?: boolean;
}

export function CaseFields({ draft, onChange, layout, autoFocus }: Props) {
  const t = useT();
  const input: Record<CaseField, () => ReactNode> = {
    title: () => (
      <TextField
        name="title"
        label={t('cases.form.title')}
        value={draft.title}
        onChange={(e) => onChange({ title: e.target.value })}
        required
        autoFocus={autoFocus}
      />
    ),
    forum: () => (
      <EnumSelect
        name="forum"
        label={t('cases.form.forum')}
        labels="cases.forum"
        values={FORUMS}
        none={t('cases.form.noForum')}
        value={draft.forum}
        onValue={(forum) => onChange({ forum })}
      />
    ),
    stage: () => (
      <EnumSelect
        name="stage"
        label={t('caseDetail.field.stage')}
        labels="caseDetail.stage"
        values={STAGES}
        none={t('caseDetail.form.noStage')}
        value={draft.stage}
        onValue={(stage) => onChange({ stage })}
      />
    ),
    country: () => (
      <CountrySelect
        name="country"
        label={t('cases.form.country')}
        value={draft.country}
        onChange={(e) => onChange({ country: e.target.value })}
      />
    ),
    sensitivity: () => (
      <EnumSelect
        name="sensitivity"
        label={t('cases.form.sensitivity')}
        labels="cases.sensitivity"
        values={SENSITIVITIES}
        value={draft.sensitivity}
        onValue={(sensitivity) => onChange({ sensitivity })}
      />
    ),
    jurisdiction: () => (
      <TextField
        name="jurisdiction"
        label={t('caseDetail.field.jurisdiction')}
        hint={t('caseDetail.form.jurisdictionHint')}
        value={draft.jurisdiction}
        onChange={(e) => onChange({ jurisdiction: e.target.value })}
        maxLength={200}
      />
    ),
    project: () => (
      <TextField
        name="project"
        label={t('caseDetail.field.project')}
        hint={t('caseDetail.form.projectHint')}
        value={draft.project}
        onChange={(e) => onChange({ project: e.target.value })}
        maxLength={100}
      />
    ),
    summary: () => (
      <TextArea
        name="summary"
        label={t('caseDetail.field.summary')}
        value={draft.summary}
        onChange={(e) => onChange({ summary: e.target.value })}
        rows={4}
      />
    ),
    strategy: () => (
      <TextArea
        name="strategy"
        label={t('caseDetail.field.strategy')}
        value={draft.strategy}
        onChange={(e) => onChange({ strategy: e.target.value })}
        rows={4}
      />
    ),
    tags: () => (
      <TextField
        name="tags"
        label={t('cases.form.tags')}
        hint={t('cases.form.tagsHint')}
        value={draft.tags}
        onChange={(e) => onChange({ tags: e.target.value })}
      />
    ),
  };
  return (
    <>
      {layout.map((f) =>
        typeof f === 'string' ? (
          <Fragment key={f}>{input[f]()}</Fragment>
        ) : (
          <div key={f.join()} className="form-grid">
            {f.map((g) => (
              <Fragment key={g}>{input[g]()}</Fragment>
            ))}
          </div>
        ),
      )}
    </>
  );
}
