/**
 * Edit a case's fields (not its status: that is the status dialog). The edit carries the version
 * it was made on; if someone changed the case meanwhile the engine answers CONFLICT, shown with
 * a button that loads the latest version (which starts the form again from it).
 */
import { useRef, useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, SelectField, TextArea, TextField } from '../../components/controls.js';
import { Form } from '../../components/Form.js';
import { CountrySelect } from '../../components/pickers.js';
import { call } from '../../vault.js';
import {
  FORUMS,
  SENSITIVITIES,
  STAGES,
  type Case,
  type Forum,
  type Sensitivity,
  type Stage,
} from '../../../shared/domain/cases.js';
import { labelKey } from '../../i18n/enum-labels.js';

interface Props {
  open: boolean;
  kase: Case;
  onClose: () => void;
  onSaved: (c: Case) => void;
  onReload: () => Promise<void>;
}

export function EditCaseDialog({ open, kase, onClose, onSaved, onReload }: Props) {
  const t = useT();
  return (
    <Dialog title={t('caseDetail.edit.title')} open={open} onClose={onClose}>
      {open && <EditCaseForm key={kase.version} kase={kase} onCancel={onClose} onSaved={onSaved} onReload={onReload} />}
    </Dialog>
  );
}

interface TeamRow {
  key: number;
  member: string;
  role: string;
}

function EditCaseForm({
  kase,
  onCancel,
  onSaved,
  onReload,
}: {
  kase: Case;
  onCancel: () => void;
  onSaved: (c: Case) => void;
  onReload: () => Promise<void>;
}) {
  const t = useT();
  const [title, setTitle] = useState(kase.title);
  const [forum, setForum] = useState<Forum | ''>(kase.forum ?? '');
  const [stage, setStage] = useState<Stage | ''>(kase.stage ?? '');
  const [country, setCountry] = useState(kase.country ?? '');
  const [jurisdiction, setJurisdiction] = useState(kase.jurisdiction ?? '');
  const [sensitivity, setSensitivity] = useState<Sensitivity>(kase.sensitivity);
  const [project, setProject] = useState(kase.project ?? '');
  const [summary, setSummary] = useState(kase.summary);
  const [strategy, setStrategy] = useState(kase.strategy);
  const [tags, setTags] = useState(kase.tags.join(', '));
  const nextKey = useRef(kase.team.length);
  const [team, setTeam] = useState<TeamRow[]>(kase.team.map((m, i) => ({ key: i, member: m.member, role: m.role })));
  const { busy, error, run } = useAction();

  const setRow = (key: number, patch: Partial<TeamRow>) =>
    setTeam((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const updated = await call('cases', 'update', {
        id: kase.id,
        expectedVersion: kase.version,
        title,
        forum: forum || null,
        stage: stage || null,
        country: country || null,
        jurisdiction: jurisdiction.trim() || null,
        sensitivity,
        project: project.trim() || null,
        summary,
        strategy,
        tags: tags
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        team: team.filter((r) => r.member.trim()).map((r) => ({ member: r.member.trim(), role: r.role.trim() })),
      });
      onSaved(updated);
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
            {t('caseDetail.form.save')}
          </Button>
          <Button onClick={onCancel}>{t('action.cancel')}</Button>
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
      <div className="form-grid">
        <SelectField
          label={t('cases.form.forum')}
          value={forum}
          onChange={(e) => setForum(e.target.value as Forum | '')}
          options={[
            { value: '', label: t('cases.form.noForum') },
            ...FORUMS.map((v) => ({ value: v, label: t(labelKey('cases.forum', v)) })),
          ]}
        />
        <SelectField
          label={t('caseDetail.field.stage')}
          value={stage}
          onChange={(e) => setStage(e.target.value as Stage | '')}
          options={[
            { value: '', label: t('caseDetail.form.noStage') },
            ...STAGES.map((v) => ({ value: v, label: t(labelKey('caseDetail.stage', v)) })),
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
          options={SENSITIVITIES.map((v) => ({ value: v, label: t(labelKey('cases.sensitivity', v)) }))}
        />
      </div>
      <TextField
        name="jurisdiction"
        label={t('caseDetail.field.jurisdiction')}
        hint={t('caseDetail.form.jurisdictionHint')}
        value={jurisdiction}
        onChange={(e) => setJurisdiction(e.target.value)}
        maxLength={200}
      />
      <TextField
        name="project"
        label={t('caseDetail.field.project')}
        hint={t('caseDetail.form.projectHint')}
        value={project}
        onChange={(e) => setProject(e.target.value)}
        maxLength={100}
      />
      <TextArea
        name="summary"
        label={t('caseDetail.field.summary')}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        rows={4}
      />
      <TextArea
        name="strategy"
        label={t('caseDetail.field.strategy')}
        value={strategy}
        onChange={(e) => setStrategy(e.target.value)}
        rows={4}
      />
      <TextField
        name="tags"
        label={t('cases.form.tags')}
        hint={t('cases.form.tagsHint')}
        value={tags}
        onChange={(e) => setTags(e.target.value)}
      />
      <fieldset className="fieldset">
        <legend>{t('caseDetail.field.team')}</legend>
        {team.length === 0 && <p className="empty">{t('caseDetail.form.teamEmpty')}</p>}
        {team.map((r, i) => (
          <div key={r.key} className="team-row">
            <TextField
              label={t('caseDetail.form.teamMember', { n: i + 1 })}
              value={r.member}
              onChange={(e) => setRow(r.key, { member: e.target.value })}
              maxLength={200}
            />
            <TextField
              label={t('caseDetail.form.teamRole', { n: i + 1 })}
              value={r.role}
              onChange={(e) => setRow(r.key, { role: e.target.value })}
              maxLength={100}
            />
            <Button variant="link" onClick={() => setTeam((rows) => rows.filter((x) => x.key !== r.key))}>
              {t('caseDetail.form.teamRemove', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <Button
          onClick={() => {
            const key = nextKey.current++;
            setTeam((rows) => [...rows, { key, member: '', role: '' }]);
          }}
        >
          {t('caseDetail.form.teamAdd')}
        </Button>
      </fieldset>
      {error?.code === 'CONFLICT' && (
        <Button onClick={() => void onReload()} className="conflict-reload">
          {t('caseDetail.conflict.reload')}
        </Button>
      )}
    </Form>
  );
}
