/**
 * Edit a case's fields (not its status: that is the status dialog). The edit carries the version
 * it was made on; if someone changed the case meanwhile the engine answers CONFLICT, shown with
 * a button that loads the latest version (which starts the form again from it).
 */
import { useRef, useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, TextField } from '../../components/controls.js';
import { Form } from '../../components/Form.js';
import { call } from '../../vault.js';
import type { Case } from '../../../shared/domain/cases.js';
import { CaseFields, caseDraftOf, caseInputOf, type CaseLayout } from '../cases/CaseFields.js';

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

const EDIT_CASE_LAYOUT: CaseLayout = [
  'title',
  ['forum', 'stage', 'country', 'sensitivity'],
  'jurisdiction',
  'project',
  'summary',
  'strategy',
  'tags',
];

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
  const [draft, setDraft] = useState(() => caseDraftOf(kase));
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
        ...caseInputOf(draft, EDIT_CASE_LAYOUT, 'update'),
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
      <CaseFields
        draft={draft}
        onChange={(p) => setDraft((d) => ({ ...d, ...p }))}
        layout={EDIT_CASE_LAYOUT}
        autoFocus
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
