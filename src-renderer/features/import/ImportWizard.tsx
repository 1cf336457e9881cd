/**
 * The spreadsheet import wizard (docs/import.md): a CSV file chosen in main's open dialog (the
 * renderer holds only its handle) → the kind of record → each column's field (the engine's
 * proposal preselected; a mapping saved by name, or one saved before) → the preview, row by row,
 * changing nothing → the run, with progress and Cancel → the summary, and the refused rows saved
 * through main's save dialog, with the warning that that file is plain text.
 *
 * Everything shown lives in this component's state: the lock unmounts the app frame with it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useFormat, useT, hasMessage, type MessageKey } from '../../i18n/i18n.js';
import { call } from '../../vault.js';
import { useAction } from '../../state/use-action.js';
import { useProgress, useSession } from '../../state/session.js';
import { useNav } from '../../state/navigation.js';
import { Button, Checkbox, SelectField, TextField } from '../../components/controls.js';
import { ErrorNotice, ProgressBar } from '../../components/feedback.js';
import './import.css';
import type { ChosenFile } from '../../../shared/ipc/areas/app.js';
import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportOutcome,
  type ImportPreview,
  type RowResult,
  type SavedMapping,
} from '../../../shared/ipc/areas/import.js';

type Step = 'file' | 'kind' | 'mapping' | 'preview' | 'run' | 'summary';
const STEPS: Step[] = ['file', 'kind', 'mapping', 'preview', 'run', 'summary'];
/** header → field ('' when the column is not imported) */
type Columns = Record<string, string>;

function columnsOf(p: ImportPreview): Columns {
  const out: Columns = Object.fromEntries(p.headers.map((h) => [h, '']));
  for (const [field, header] of Object.entries(p.mapping)) out[header] = field;
  return out;
}

function mappingOf(columns: Columns): Record<string, string> {
  return Object.fromEntries(
    Object.entries(columns)
      .filter(([, f]) => f !== '')
      .map(([h, f]) => [f, h]),
  );
}

export function ImportWizard() {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [kind, setKind] = useState<ImportKind>('cases');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [columns, setColumns] = useState<Columns>({});
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const action = useAction();

  useEffect(() => headingRef.current?.focus(), [step]);

  const preflight = (extra: { mappingName?: string; exact?: boolean }) =>
    action.run(async () => {
      if (!file) return;
      useSession.getState().clearProgress('import.preflight');
      const p = await call('import', 'preflight', {
        file: file.handle,
        kind,
        ...(extra.mappingName ? { mappingName: extra.mappingName } : {}),
        ...(extra.exact ? { mapping: mappingOf(columns), exactMapping: true } : {}),
      });
      setPreview(p);
      setColumns(columnsOf(p));
      setStep(extra.exact ? 'preview' : 'mapping');
    });

  const start = (again: boolean) =>
    action.run(async () => {
      if (!file) return;
      setStep('run');
      useSession.getState().clearProgress('import.run');
      try {
        const r = await call('import', 'run', {
          file: file.handle,
          kind,
          mapping: mappingOf(columns),
          exactMapping: true,
          ...(again ? { again: true } : {}),
        });
        if (!r.dryRun) setOutcome(r.outcome);
        setStep('summary');
      } catch (e) {
        setStep('preview');
        throw e;
      }
    });

  const restart = () => {
    setStep('file');
    setFile(null);
    setPreview(null);
    setOutcome(null);
    setColumns({});
  };

  return (
    <section className="screen import-wizard" aria-labelledby="import-heading">
      <h1 id="import-heading">{t('import.title')}</h1>
      <ol className="wizard-steps" aria-label={t('import.steps')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={s === step ? 'current' : ''}>
            {t('import.stepOf', { n: i + 1 })} {t(`import.step.${s}` as MessageKey)}
          </li>
        ))}
      </ol>
      <h2 ref={headingRef} tabIndex={-1} className="wizard-heading">
        {t(`import.step.${step}` as MessageKey)}
      </h2>
      {step === 'file' && (
        <FileStep
          file={file}
          onChosen={(f) => {
            setFile(f);
            setStep('kind');
          }}
        />
      )}
      {step === 'kind' && file && (
        <KindStep
          file={file}
          kind={kind}
          setKind={setKind}
          busy={action.busy}
          onBack={() => setStep('file')}
          onNext={() => void preflight({})}
        />
      )}
      {step === 'mapping' && preview && (
        <MappingStep
          preview={preview}
          kind={kind}
          columns={columns}
          setColumns={setColumns}
          busy={action.busy}
          onBack={() => setStep('kind')}
          onUseSaved={(name) => void preflight({ mappingName: name })}
          onNext={() => void preflight({ exact: true })}
        />
      )}
      {step === 'preview' && preview && (
        <PreviewStep
          preview={preview}
          busy={action.busy}
          onBack={() => setStep('mapping')}
          onRun={(again) => void start(again)}
        />
      )}
      {step === 'run' && <RunStep />}
      {step === 'summary' && outcome && file && <SummaryStep outcome={outcome} file={file} onAnother={restart} />}
      <ErrorNotice error={action.error} />
    </section>
  );
}

function FileStep({ file, onChosen }: { file: ChosenFile | null; onChosen: (f: ChosenFile) => void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const choose = () =>
    run(async () => {
      const f = await call('files', 'chooseOpen', { kind: 'csv' });
      if (f) onChosen(f);
    });
  return (
    <div className="card">
      <p>{t('import.file.intro')}</p>
      <p className="field-hint">{t('import.file.formats')}</p>
      {file && (
        <p>
          {t('import.file.chosen')} <bdi>{file.name}</bdi>
        </p>
      )}
      <div className="form-actions">
        <Button variant="primary" onClick={() => void choose()} disabled={busy}>
          {t('import.file.choose')}
        </Button>
      </div>
      <ErrorNotice error={error} />
    </div>
  );
}

function KindStep(props: {
  file: ChosenFile;
  kind: ImportKind;
  setKind: (k: ImportKind) => void;
  busy: boolean;
  onBack: () => void;
  onNext: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const progress = useProgress('import.preflight');
  return (
    <div className="card">
      <p>
        {t('import.file.chosen')} <bdi>{props.file.name}</bdi> ({f.bytes(props.file.size)})
      </p>
      <fieldset className="form-group radio-group">
        <legend>{t('import.kind.legend')}</legend>
        {IMPORT_KINDS.map((k) => (
          <div className="radio" key={k}>
            <input
              type="radio"
              id={`import-kind-${k}`}
              name="import-kind"
              value={k}
              checked={props.kind === k}
              onChange={() => props.setKind(k)}
            />
            <label htmlFor={`import-kind-${k}`}>{t(`import.kind.${k}` as MessageKey)}</label>
          </div>
        ))}
      </fieldset>
      {props.busy && <ProgressBar event={progress} label={t('import.reading')} />}
      <div className="form-actions">
        <Button onClick={props.onBack} disabled={props.busy}>
          {t('import.back')}
        </Button>
        <Button variant="primary" onClick={props.onNext} disabled={props.busy}>
          {t('import.next')}
        </Button>
      </div>
    </div>
  );
}

function MappingStep(props: {
  preview: ImportPreview;
  kind: ImportKind;
  columns: Columns;
  setColumns: (c: Columns) => void;
  busy: boolean;
  onBack: () => void;
  onUseSaved: (name: string) => void;
  onNext: () => void;
}) {
  const t = useT();
  const id = useId();
  const { preview, columns } = props;
  const [saved, setSaved] = useState<SavedMapping[]>([]);
  const [chosenSaved, setChosenSaved] = useState('');
  const [name, setName] = useState('');
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const save = useAction();
  const progress = useProgress('import.preflight');

  useEffect(() => {
    void call('import', 'mappings', { kind: props.kind }).then(setSaved, () => setSaved([]));
  }, [props.kind, savedAs]);

  const chosen = Object.values(columns).filter((f) => f !== '');
  const twice = chosen.find((f, i) => chosen.indexOf(f) !== i);
  const missing = preview.fields.filter((f) => f.required && !chosen.includes(f.key)).map((f) => f.key);
  const options = [
    { value: '', label: t('import.mapping.ignore') },
    ...preview.fields.map((f) => ({
      value: f.key,
      label: `${fieldLabel(t, f.key)}${f.required ? ` (${t('form.requiredMark')})` : ''}`,
    })),
  ];

  return (
    <div className="card">
      <p>
        {t('import.mapping.format', {
          encoding: preview.format.encoding,
          separator: t(
            `import.separator.${preview.format.delimiter === '\t' ? 'tab' : preview.format.delimiter === ';' ? 'semicolon' : 'comma'}` as MessageKey,
          ),
        })}
      </p>
      <p className="field-hint">{t('import.mapping.intro')}</p>
      {saved.length > 0 && (
        <div className="form-row">
          <SelectField
            label={t('import.mapping.saved')}
            value={chosenSaved}
            onChange={(e) => setChosenSaved(e.target.value)}
            options={[
              { value: '', label: t('import.mapping.savedNone') },
              ...saved.map((m) => ({ value: m.name, label: m.name })),
            ]}
          />
          <Button onClick={() => chosenSaved && props.onUseSaved(chosenSaved)} disabled={!chosenSaved || props.busy}>
            {t('import.mapping.useSaved')}
          </Button>
        </div>
      )}
      <table className="data import-columns">
        <caption>{t('import.mapping.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.mapping.col.column')}</th>
            <th scope="col">{t('import.mapping.col.field')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.headers.map((h, i) => (
            <tr key={h}>
              <th scope="row" id={`${id}-h${i}`}>
                <bdi>{h}</bdi>
              </th>
              <td>
                <select
                  aria-labelledby={`${id}-h${i}`}
                  value={columns[h] ?? ''}
                  onChange={(e) => props.setColumns({ ...columns, [h]: e.target.value })}
                >
                  {options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {twice && (
        <p className="field-error" role="alert">
          {t('import.mapping.twice', { field: fieldLabel(t, twice) })}
        </p>
      )}
      {missing.length > 0 && (
        <p className="field-hint" role="status">
          {t('import.mapping.missing', { fields: missing.map((k) => fieldLabel(t, k)).join(', ') })}
        </p>
      )}
      <div className="form-row">
        <TextField
          label={t('import.mapping.saveName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={100}
        />
        <Button
          onClick={() =>
            void save.run(async () => {
              await call('import', 'saveMapping', { name: name.trim(), kind: props.kind, mapping: mappingOf(columns) });
              setSavedAs(name.trim());
            })
          }
          disabled={!name.trim() || save.busy || Boolean(twice)}
        >
          {t('import.mapping.save')}
        </Button>
      </div>
      {savedAs && (
        <p role="status" className="notice notice-ok">
          {t('import.mapping.savedAs', { name: savedAs })}
        </p>
      )}
      <ErrorNotice error={save.error} />
      {props.busy && <ProgressBar event={progress} label={t('import.reading')} />}
      <div className="form-actions">
        <Button onClick={props.onBack} disabled={props.busy}>
          {t('import.back')}
        </Button>
        <Button variant="primary" onClick={props.onNext} disabled={props.busy || Boolean(twice)}>
          {t('import.mapping.preview')}
        </Button>
      </div>
    </div>
  );
}

/** A field's name in the interface's language (the engine's own name for one this screen does not know). */
function fieldLabel(t: ReturnType<typeof useT>, key: string): string {
  const k = `import.field.${key}`;
  return hasMessage(k) ? t(k) : key;
}

export function rowReason(t: ReturnType<typeof useT>, r: RowResult): string {
  const key = `import.reason.${r.code ?? ''}`;
  if (hasMessage(key)) return t(key);
  const errorKey = `error.${r.code ?? ''}`;
  return hasMessage(errorKey) ? t(errorKey) : t('error.generic');
}

function Counts({ counts, verb }: { counts: ImportPreview['counts']; verb: 'would' | 'did' }) {
  const t = useT();
  const f = useFormat();
  return (
    <dl className="import-counts" data-testid="import-counts">
      {(['create', 'update', 'unchanged', 'refuse'] as const).map((k) => (
        <div key={k}>
          <dt>{t(`import.count.${verb}.${k}` as MessageKey)}</dt>
          <dd>{f.number(counts[k])}</dd>
        </div>
      ))}
    </dl>
  );
}

function RowTable({ rows, caption }: { rows: RowResult[]; caption: string }) {
  const t = useT();
  const f = useFormat();
  return (
    <table className="data import-rows">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('import.rows.line')}</th>
          <th scope="col">{t('import.rows.result')}</th>
          <th scope="col">{t('import.rows.record')}</th>
          <th scope="col">{t('import.rows.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.line} className={`import-row-${r.action}`}>
            <td>{f.number(r.line)}</td>
            <td>{t(`import.action.${r.action}` as MessageKey)}</td>
            <td>
              <bdi>{r.reference ?? ''}</bdi>
              {r.conflicts ? ` ${t('import.rows.conflicts', { n: r.conflicts })}` : ''}
            </td>
            <td>
              {r.action === 'refuse' && (
                <>
                  {rowReason(t, r)}
                  {r.message && (
                    <details>
                      <summary>{t('error.details')}</summary>
                      <bdi className="code">{r.code}</bdi> <bdi lang="en">{r.message}</bdi>
                    </details>
                  )}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PreviewStep(props: {
  preview: ImportPreview;
  busy: boolean;
  onBack: () => void;
  onRun: (again: boolean) => void;
}) {
  const t = useT();
  const f = useFormat();
  const { preview } = props;
  const [again, setAgain] = useState(false);
  const before = preview.earlier[0];
  const importable = preview.counts.create + preview.counts.update;
  return (
    <div className="card">
      <p role="status">{t('import.preview.nothingWritten')}</p>
      <Counts counts={preview.counts} verb="would" />
      {before && (
        <div className="notice notice-warning">
          <p>{t('import.preview.earlier', { day: f.day(before.at.slice(0, 10)) })}</p>
          <Checkbox label={t('import.preview.again')} checked={again} onChange={(e) => setAgain(e.target.checked)} />
        </div>
      )}
      <RowTable rows={preview.rows} caption={t('import.preview.caption')} />
      {preview.counts.rows > preview.rows.length && (
        <p className="field-hint">{t('import.preview.more', { n: preview.counts.rows - preview.rows.length })}</p>
      )}
      <div className="form-actions">
        <Button onClick={props.onBack} disabled={props.busy}>
          {t('import.back')}
        </Button>
        <Button
          variant="primary"
          onClick={() => props.onRun(again)}
          disabled={props.busy || importable === 0 || (Boolean(before) && !again)}
        >
          {t('import.preview.run', { n: importable })}
        </Button>
      </div>
    </div>
  );
}

function RunStep() {
  const t = useT();
  const progress = useProgress('import.run');
  const [cancelling, setCancelling] = useState(false);
  return (
    <div className="card" aria-busy="true">
      <ProgressBar event={progress} label={t('import.run.working')} />
      <p className="field-hint">{t('import.run.cancelHint')}</p>
      <div className="form-actions">
        <Button
          variant="danger"
          disabled={cancelling}
          onClick={() => {
            setCancelling(true);
            void call('import', 'cancel', {});
          }}
        >
          {cancelling ? t('import.run.cancelling') : t('import.run.cancel')}
        </Button>
      </div>
    </div>
  );
}

function SummaryStep({
  outcome,
  file,
  onAnother,
}: {
  outcome: ImportOutcome;
  file: ChosenFile;
  onAnother: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  const { busy, error, run } = useAction();
  const [saved, setSaved] = useState<{ name: string; rows: number } | null>(null);
  const saveRefused = () =>
    run(async () => {
      const target = await call('files', 'chooseSaveTarget', {
        suggestedName: `${file.name.replace(/\.[^.]*$/, '')}.refused.csv`,
        kind: 'import-refused',
      });
      if (!target) return;
      setSaved(await call('import', 'saveRefused', { importId: outcome.importId, target: target.handle }));
    });
  return (
    <div className="card">
      <p role="status" className="notice notice-ok">
        {outcome.status === 'complete'
          ? t('import.summary.complete')
          : t('import.summary.cancelled', { line: f.number(outcome.lastLine) })}
      </p>
      <Counts counts={outcome.counts} verb="did" />
      {outcome.refused.length > 0 && <RowTable rows={outcome.refused} caption={t('import.summary.refusedCaption')} />}
      {outcome.refusedKept > 0 && (
        <div className="notice notice-warning">
          <p id="import-refused-warning">{t('import.summary.plainText')}</p>
          <Button onClick={() => void saveRefused()} disabled={busy} aria-describedby="import-refused-warning">
            {t('import.summary.saveRefused')}
          </Button>
          {saved && <p role="status">{t('import.summary.savedRefused', { name: saved.name, n: saved.rows })}</p>}
        </div>
      )}
      <ErrorNotice error={error} />
      <div className="form-actions">
        <Button onClick={onAnother}>{t('import.summary.another')}</Button>
        <Button
          variant="primary"
          onClick={() =>
            go({
              name:
                outcome.kind === 'cases'
                  ? 'cases'
                  : outcome.kind === 'enquiries'
                    ? 'enquiries'
                    : outcome.kind === 'partners'
                      ? 'partners'
                      : 'cases',
            })
          }
        >
          {t(`import.summary.goto.${outcome.kind}` as MessageKey)}
        </Button>
      </div>
    </div>
  );
}
