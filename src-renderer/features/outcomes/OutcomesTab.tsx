/**
 * What a case achieved and how change is measured: outcomes (with reparations in exact minor
 * units, shown in the locale's currency format), indicators with their observations, progress
 * toward the target and a chart, and the case's impact evaluation.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useLoaded } from '../../state/use-loaded.js';
import { useAction } from '../../state/use-action.js';
import { useT, useFormat } from '../../i18n/i18n.js';
import type { Locale } from '../../i18n/define.js';
import { call, asCallError } from '../../vault.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, DateField, SelectField, TextArea, TextField } from '../../components/controls.js';
import { Form, type FieldErrors, FormNotice } from '../../components/Form.js';
import { CurrencySelect, EnumSelect } from '../../components/pickers.js';
import { exampleAmount, parseLocalNumber } from '../../i18n/parse-number.js';
import { Empty, ErrorNotice, Loading } from '../../components/feedback.js';
import {
  currencyDecimals,
  DIMENSIONS,
  EVALUATION_FIELDS,
  formatMinor,
  OUTCOME_KINDS,
  type CaseEvaluation,
  type Dimension,
  type IndicatorDetail,
  type OutcomeItem,
  type OutcomeKind,
} from '../../../shared/domain/outcomes.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { IndicatorChart } from './IndicatorChart.js';
import { labelKey } from '../../i18n/enum-labels.js';

/** Minor units as money in the locale's format, exactly (the decimal string, not a float). */
export function formatMoney(locale: Locale, minor: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  const amount = formatMinor(minor, currency) as Intl.StringNumericLiteral;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    }).format(amount);
  } catch {
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: decimals }).format(amount)} ${currency}`;
  }
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function OutcomesTab({ caseId }: { caseId: string }) {
  const t = useT();
  const [addingOutcome, setAddingOutcome] = useState(false);
  const [addingIndicator, setAddingIndicator] = useState(false);
  const {
    value,
    error,
    reload: load,
    setValue,
  } = useLoaded(
    async () => {
      const [outcomes, list] = await Promise.all([
        call('outcomes', 'list', { caseId }),
        call('outcomes', 'listIndicators', { caseId }),
      ]);
      const indicators = await Promise.all(list.map((i) => call('outcomes', 'getIndicator', { id: i.id })));
      return { outcomes, indicators };
    },
    [caseId],
    ['outcomes'],
  );
  const outcomes = value?.outcomes ?? null;
  const indicators = value?.indicators ?? null;

  const replaceIndicator = (d: IndicatorDetail) =>
    setValue((v) => v && { ...v, indicators: v.indicators.map((i) => (i.id === d.id ? d : i)) });

  return (
    <div className="outcomes-tab">
      <ErrorNotice error={error} onRetry={() => void load()} />
      <section className="tab-section" aria-labelledby="outcomes-heading">
        <div className="section-header">
          <h2 id="outcomes-heading">{t('outcomes.title')}</h2>
          <Button variant="primary" onClick={() => setAddingOutcome(true)}>
            {t('outcomes.add')}
          </Button>
        </div>
        {outcomes === null && !error && <Loading />}
        {outcomes !== null && outcomes.length === 0 && <Empty>{t('outcomes.none')}</Empty>}
        {outcomes !== null && outcomes.length > 0 && <OutcomeTable outcomes={outcomes} />}
      </section>

      <section className="tab-section" aria-labelledby="indicators-heading">
        <div className="section-header">
          <h2 id="indicators-heading">{t('outcomes.indicators.title')}</h2>
          <Button variant="primary" onClick={() => setAddingIndicator(true)}>
            {t('outcomes.indicators.add')}
          </Button>
        </div>
        <p className="hint">{t('outcomes.indicators.intro')}</p>
        {indicators === null && !error && <Loading />}
        {indicators !== null && indicators.length === 0 && <Empty>{t('outcomes.indicators.none')}</Empty>}
        {indicators !== null && indicators.length > 0 && (
          <ul className="indicator-list">
            {indicators.map((i) => (
              <li key={i.id}>
                <IndicatorCard indicator={i} outcomes={outcomes ?? []} onChanged={replaceIndicator} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <Evaluation caseId={caseId} />

      <Dialog title={t('outcomes.new')} open={addingOutcome} onClose={() => setAddingOutcome(false)}>
        {addingOutcome && (
          <AddOutcomeForm
            caseId={caseId}
            onCancel={() => setAddingOutcome(false)}
            onAdded={() => {
              setAddingOutcome(false);
              void load();
            }}
          />
        )}
      </Dialog>
      <Dialog title={t('outcomes.indicators.new')} open={addingIndicator} onClose={() => setAddingIndicator(false)}>
        {addingIndicator && (
          <AddIndicatorForm
            caseId={caseId}
            outcomes={outcomes ?? []}
            onCancel={() => setAddingIndicator(false)}
            onAdded={() => {
              setAddingIndicator(false);
              void load();
            }}
          />
        )}
      </Dialog>
    </div>
  );
}

function OutcomeTable({ outcomes }: { outcomes: OutcomeItem[] }) {
  const t = useT();
  const f = useFormat();
  const money = (minor: number | null, currency: string | null) =>
    minor !== null && currency ? formatMoney(f.locale, minor, currency) : t('state.none');
  return (
    <div className="table-scroll">
      <table className="data outcomes-table">
        <caption className="visually-hidden">{t('outcomes.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('outcomes.col.kind')}</th>
            <th scope="col">{t('outcomes.col.description')}</th>
            <th scope="col">{t('outcomes.col.achievedOn')}</th>
            <th scope="col">{t('outcomes.col.awarded')}</th>
            <th scope="col">{t('outcomes.col.paid')}</th>
          </tr>
        </thead>
        <tbody>
          {outcomes.map((o) => (
            <tr key={o.id}>
              <td>
                {t(labelKey('outcomes.kind', o.kind))}
                <p className="muted small">{t(labelKey('outcomes.category', o.category))}</p>
              </td>
              <td>
                <bdi className="prewrap">{o.description}</bdi>
              </td>
              <td>{o.achievedOn ? f.day(o.achievedOn) : t('state.none')}</td>
              <td className="num">
                <bdi>{money(o.amountAwardedMinor, o.currency)}</bdi>
              </td>
              <td className="num">
                <bdi>{money(o.amountPaidMinor, o.currency)}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddOutcomeForm({ caseId, onCancel, onAdded }: { caseId: string; onCancel: () => void; onAdded: () => void }) {
  const t = useT();
  const { locale } = useFormat();
  const [unreadable, setUnreadable] = useState<FieldErrors>({});
  const [kind, setKind] = useState<OutcomeKind>('declaratory');
  const [description, setDescription] = useState('');
  const [achievedOn, setAchievedOn] = useState('');
  const [currency, setCurrency] = useState('');
  const [awarded, setAwarded] = useState('');
  const [paid, setPaid] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Amounts as typed in the user's locale ("15 000,00") become the engine's exact decimals.
    const amountAwarded = awarded.trim() ? parseLocalNumber(awarded, locale) : undefined;
    const amountPaid = paid.trim() ? parseLocalNumber(paid, locale) : undefined;
    const notRead = t('form.error.number', { example: exampleAmount(locale) });
    const problems: Record<string, string> = {};
    if (amountAwarded === null) problems.amountAwarded = notRead;
    if (amountPaid === null) problems.amountPaid = notRead;
    setUnreadable(problems);
    if (Object.keys(problems).length) return;
    await run(async () => {
      await call('outcomes', 'add', {
        caseId,
        kind,
        description,
        ...(achievedOn ? { achievedOn } : {}),
        ...(currency ? { currency } : {}),
        ...(amountAwarded ? { amountAwarded } : {}),
        ...(amountPaid ? { amountPaid } : {}),
      });
      onAdded();
    });
  };

  return (
    <Form
      onSubmit={submit}
      busy={busy}
      error={error}
      fieldErrors={unreadable}
      actions={
        <>
          <Button variant="primary" type="submit" disabled={busy}>
            {t('outcomes.form.add')}
          </Button>
          <Button onClick={onCancel}>{t('action.cancel')}</Button>
        </>
      }
    >
      <EnumSelect
        name="kind"
        label={t('outcomes.form.kind')}
        labels="outcomes.kind"
        values={OUTCOME_KINDS}
        value={kind}
        onValue={setKind}
        autoFocus
      />
      <TextArea
        name="description"
        label={t('outcomes.form.description')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        rows={3}
        required
      />
      <DateField
        name="achievedOn"
        label={t('outcomes.form.achievedOn')}
        max={localToday()}
        value={achievedOn}
        onChange={(e) => setAchievedOn(e.target.value)}
      />
      <fieldset className="form-group">
        <legend>{t('outcomes.form.reparations')}</legend>
        <p className="field-hint">{t('outcomes.form.reparationsHint')}</p>
        <CurrencySelect
          name="currency"
          label={t('outcomes.form.currency')}
          value={currency}
          onChange={(e) => setCurrency(e.target.value)}
        />
        <TextField
          name="amountAwarded"
          label={t('outcomes.form.awarded')}
          hint={t('outcomes.form.amountHint', { example: exampleAmount(locale) })}
          value={awarded}
          onChange={(e) => {
            setAwarded(e.target.value);
            setUnreadable(({ amountAwarded: _, ...others }) => others);
          }}
          inputMode="decimal"
          autoComplete="off"
        />
        <TextField
          name="amountPaid"
          label={t('outcomes.form.paid')}
          value={paid}
          onChange={(e) => {
            setPaid(e.target.value);
            setUnreadable(({ amountPaid: _, ...others }) => others);
          }}
          inputMode="decimal"
          autoComplete="off"
        />
      </fieldset>
    </Form>
  );
}

function IndicatorCard({
  indicator,
  outcomes,
  onChanged,
}: {
  indicator: IndicatorDetail;
  outcomes: OutcomeItem[];
  onChanged: (d: IndicatorDetail) => void;
}) {
  const t = useT();
  const f = useFormat();
  const num = (v: number) => f.number(v, { maximumFractionDigits: 2 });
  const withUnit = (v: number) => (indicator.unit ? `${num(v)}\u00a0${indicator.unit}` : num(v));
  const outcome = indicator.outcomeId ? outcomes.find((o) => o.id === indicator.outcomeId) : undefined;
  const headingId = `indicator-${indicator.id}`;
  return (
    <article className="card indicator" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <bdi>{indicator.name}</bdi>
      </h3>
      <dl className="dl">
        <dt>{t('outcomes.indicators.dimension')}</dt>
        <dd>{t(labelKey('outcomes.dimension', indicator.dimension))}</dd>
        {outcome && (
          <>
            <dt>{t('outcomes.indicators.outcome')}</dt>
            <dd>{t(labelKey('outcomes.kind', outcome.kind))}</dd>
          </>
        )}
        <dt>{t('outcomes.indicators.baseline')}</dt>
        <dd>
          <bdi>{withUnit(indicator.baseline)}</bdi>
        </dd>
        <dt>{t('outcomes.indicators.target')}</dt>
        <dd>
          <bdi>{withUnit(indicator.target)}</bdi>
        </dd>
        <dt>{t('outcomes.indicators.latest')}</dt>
        <dd>
          {indicator.latestValue !== null && indicator.latestObservedOn
            ? t('outcomes.indicators.latestValue', {
                value: withUnit(indicator.latestValue),
                date: f.day(indicator.latestObservedOn),
              })
            : t('outcomes.indicators.noValue')}
        </dd>
        <dt>{t('outcomes.indicators.progress')}</dt>
        <dd>
          {indicator.progress !== null ? (
            <span className="progress-inline">
              <span className="progress-track small-track" aria-hidden="true">
                <span className="progress-fill" style={{ inlineSize: `${Math.round(indicator.progress * 100)}%` }} />
              </span>{' '}
              {t('outcomes.indicators.progressValue', {
                percent: f.number(indicator.progress, { style: 'percent', maximumFractionDigits: 0 }),
              })}
            </span>
          ) : (
            t('outcomes.indicators.noProgress')
          )}
        </dd>
      </dl>
      <IndicatorChart indicator={indicator} />
      <ObservationForm indicator={indicator} onObserved={onChanged} />
    </article>
  );
}

function ObservationForm({
  indicator,
  onObserved,
}: {
  indicator: IndicatorDetail;
  onObserved: (d: IndicatorDetail) => void;
}) {
  const t = useT();
  const [observedOn, setObservedOn] = useState(localToday());
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value.trim().replace(',', '.'));
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const d = await call('outcomes', 'observeIndicator', { indicatorId: indicator.id, observedOn, value: n, note });
      setValue('');
      setNote('');
      setSaved(true);
      onObserved(d);
    } catch (err) {
      setError(asCallError(err));
    } finally {
      setBusy(false);
    }
  };

  const valid = value.trim() !== '' && Number.isFinite(Number(value.trim().replace(',', '.'))) && observedOn !== '';
  return (
    <Form
      className="observation-form"
      onSubmit={submit}
      busy={busy}
      error={error}
      aria-label={t('outcomes.observation.formLabel', { name: indicator.name })}
    >
      <h4>{t('outcomes.observation.add')}</h4>
      <div className="inline-fields">
        <DateField
          label={t('outcomes.observation.on')}
          value={observedOn}
          onChange={(e) => setObservedOn(e.target.value)}
          required
        />
        <TextField
          label={
            indicator.unit
              ? t('outcomes.observation.valueUnit', { unit: indicator.unit })
              : t('outcomes.observation.value')
          }
          value={value}
          onChange={(e) => setValue(e.target.value)}
          inputMode="decimal"
          dir="ltr"
          autoComplete="off"
          required
        />
        <TextField
          label={t('outcomes.observation.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={2000}
        />
      </div>
      <FormNotice />
      <div className="form-actions">
        <Button type="submit" disabled={busy || !valid}>
          {t('outcomes.observation.submit')}
        </Button>
      </div>
      <p role="status" className="status-slot">
        {saved ? t('outcomes.observation.saved') : ''}
      </p>
    </Form>
  );
}

function AddIndicatorForm({
  caseId,
  outcomes,
  onCancel,
  onAdded,
}: {
  caseId: string;
  outcomes: OutcomeItem[];
  onCancel: () => void;
  onAdded: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const [name, setName] = useState('');
  const [dimension, setDimension] = useState<Dimension>('survivor');
  const [unit, setUnit] = useState('');
  const [baseline, setBaseline] = useState('');
  const [target, setTarget] = useState('');
  const [outcomeId, setOutcomeId] = useState('');
  const { busy, error, run } = useAction();

  const toNumber = (s: string) => Number(s.trim().replace(',', '.'));
  const valid =
    name.trim() !== '' &&
    baseline.trim() !== '' &&
    target.trim() !== '' &&
    Number.isFinite(toNumber(baseline)) &&
    Number.isFinite(toNumber(target));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await call('outcomes', 'addIndicator', {
        caseId,
        name,
        dimension,
        unit,
        baseline: toNumber(baseline),
        target: toNumber(target),
        ...(outcomeId ? { outcomeId } : {}),
      });
      onAdded();
    });
  };

  return (
    <Form onSubmit={submit} busy={busy} error={error}>
      <TextField
        label={t('outcomes.indicators.form.name')}
        hint={t('outcomes.indicators.form.nameHint')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={200}
        required
        autoFocus
      />
      <EnumSelect
        label={t('outcomes.indicators.dimension')}
        labels="outcomes.dimension"
        values={DIMENSIONS}
        value={dimension}
        onValue={setDimension}
      />
      <TextField
        label={t('outcomes.indicators.form.unit')}
        hint={t('outcomes.indicators.form.unitHint')}
        value={unit}
        onChange={(e) => setUnit(e.target.value)}
        maxLength={40}
      />
      <TextField
        label={t('outcomes.indicators.baseline')}
        value={baseline}
        onChange={(e) => setBaseline(e.target.value)}
        inputMode="decimal"
        dir="ltr"
        autoComplete="off"
        required
      />
      <TextField
        label={t('outcomes.indicators.target')}
        hint={t('outcomes.indicators.form.targetHint')}
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        inputMode="decimal"
        dir="ltr"
        autoComplete="off"
        required
      />
      <SelectField
        label={t('outcomes.indicators.outcome')}
        value={outcomeId}
        onChange={(e) => setOutcomeId(e.target.value)}
        options={[
          { value: '', label: t('outcomes.indicators.form.noOutcome') },
          ...outcomes.map((o) => ({
            value: o.id,
            label: `${t(labelKey('outcomes.kind', o.kind))} — ${o.description.slice(0, 60)}${o.achievedOn ? ` (${f.day(o.achievedOn)})` : ''}`,
          })),
        ]}
      />
      <FormNotice />
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy || !valid}>
          {t('outcomes.indicators.form.add')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </Form>
  );
}

type EvaluationField = (typeof EVALUATION_FIELDS)[number];
const EMPTY_EVALUATION: Record<EvaluationField, string> = {
  survivor: '',
  community: '',
  policy: '',
  society: '',
  summary: '',
};

function Evaluation({ caseId }: { caseId: string }) {
  const t = useT();
  const f = useFormat();
  const [record, setRecord] = useState<CaseEvaluation | null | undefined>(undefined);
  const [fields, setFields] = useState(EMPTY_EVALUATION);
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const adopt = (ev: CaseEvaluation | null) => {
    setRecord(ev);
    setFields(
      ev
        ? {
            survivor: ev.survivor,
            community: ev.community,
            policy: ev.policy,
            society: ev.society,
            summary: ev.summary,
          }
        : EMPTY_EVALUATION,
    );
  };

  const load = useCallback(async () => {
    try {
      adopt(await call('outcomes', 'getEvaluation', { caseId }));
      setError(null);
    } catch (e) {
      setError(asCallError(e));
    }
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      adopt(
        await call('outcomes', 'upsertEvaluation', {
          caseId,
          ...(record ? { expectedVersion: record.version } : {}),
          ...fields,
        }),
      );
      setSaved(true);
    } catch (err) {
      setError(asCallError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="tab-section" aria-labelledby="evaluation-heading">
      <h2 id="evaluation-heading">{t('outcomes.evaluation.title')}</h2>
      <p className="hint">
        {record
          ? t('outcomes.evaluation.lastSaved', { when: f.instant(record.updatedAt) })
          : t('outcomes.evaluation.intro')}
      </p>
      {record === undefined ? (
        error ? (
          <ErrorNotice error={error} onRetry={() => void load()} />
        ) : (
          <Loading />
        )
      ) : (
        <form className="card" onSubmit={submit} aria-busy={busy} aria-labelledby="evaluation-heading">
          {EVALUATION_FIELDS.map((k) => (
            <TextArea
              key={k}
              label={t(labelKey('outcomes.evaluation', k))}
              value={fields[k]}
              onChange={(e) => setFields({ ...fields, [k]: e.target.value })}
              rows={k === 'summary' ? 4 : 3}
              maxLength={20000}
              disabled={busy}
            />
          ))}
          <ErrorNotice error={error} onRetry={error?.code === 'CONFLICT' ? () => void load() : undefined} />
          <div className="form-actions">
            <Button variant="primary" type="submit" disabled={busy}>
              {t('outcomes.evaluation.save')}
            </Button>
          </div>
          <p role="status" className="status-slot">
            {saved ? t('outcomes.evaluation.saved') : ''}
          </p>
        </form>
      )}
    </section>
  );
}
