/**
 * Outcomes and impact: what a case achieved (with reparation amounts in exact minor units),
 * indicators with dated observations and their progress towards a target, and one impact
 * evaluation per case (survivor, community, policy, society, summary).
 */
import {
  AddIndicatorInput,
  AddOutcomeInput,
  type Amount,
  type CaseEvaluation,
  type Dimension,
  EVALUATION_FIELDS,
  formatMinor,
  type Indicator,
  type IndicatorDetail,
  type IndicatorObservation,
  indicatorProgress,
  kindsOfCategory,
  ListIndicatorsQuery,
  type ListIndicatorsQuery as ListIndicatorsQueryT,
  ListOutcomesQuery,
  type ListOutcomesQuery as ListOutcomesQueryT,
  ObserveIndicatorInput,
  type Outcome,
  OUTCOME_CATEGORY_OF,
  type OutcomeItem,
  toMinorUnits,
  UpdateOutcomeInput,
  UpsertEvaluationInput,
} from '../../../shared/domain/outcomes.js';
import type { OutcomeRecord } from '../../../shared/domain/bundles.js';
import { VaultError } from '../../../shared/errors.js';
import { requireCase } from '../cases/case-service.js';
import {
  all,
  get,
  pluck,
  run,
  sql,
  sqlIn,
  sqlJoin,
  type ReadableDB,
  type SqlFragment,
  type SqlValue,
} from '../db/sql.js';
import {
  changedFields,
  checkVersion,
  type DomainContext,
  mutate,
  notFound,
  nowIso,
  parseInput,
  today,
} from '../domain/context.js';
import { OUTCOMES, type OutcomeRow } from '../records/outcomes.js';
import { NOT_SHARED, type ReceivedWrite, receivedValues } from '../records/received.js';
import { uuidv7 } from '../util/ids.js';

interface IndicatorRow {
  id: string;
  case_id: string;
  outcome_id: string | null;
  name: string;
  dimension: Dimension;
  unit: string;
  baseline: number;
  target: number;
  created_at: string;
  updated_at: string;
  version: number;
  origin_vault: string;
}

interface ObservationRow {
  id: string;
  indicator_id: string;
  observed_on: string;
  value: number;
  note: string;
  created_at: string;
  origin_vault: string;
}

interface EvaluationRow {
  case_id: string;
  survivor: string;
  community: string;
  policy: string;
  society: string;
  summary: string;
  created_at: string;
  updated_at: string;
  version: number;
  origin_vault: string;
}

// ---------------------------------------------------------------------------------------------
// Outcomes

function toOutcome(r: OutcomeRow): Outcome {
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    category: OUTCOME_CATEGORY_OF[r.kind],
    description: r.description,
    achievedOn: r.achieved_on,
    currency: r.currency,
    amountAwardedMinor: r.amount_awarded_minor,
    amountPaidMinor: r.amount_paid_minor,
    amountAwarded:
      r.currency !== null && r.amount_awarded_minor !== null ? formatMinor(r.amount_awarded_minor, r.currency) : null,
    amountPaid:
      r.currency !== null && r.amount_paid_minor !== null ? formatMinor(r.amount_paid_minor, r.currency) : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    originVault: r.origin_vault,
  };
}

function requireOutcome(db: ReadableDB, id: string): OutcomeRow {
  const r = get(db, sql`SELECT * FROM outcomes WHERE id = ${id}`);
  if (!r) throw notFound('outcome', id);
  return OUTCOMES.parse(r);
}

export function getOutcome(ctx: DomainContext, id: string): Outcome {
  return toOutcome(requireOutcome(ctx.db, id));
}

/**
 * The amounts in minor units, checked together: an amount needs a currency, each converts
 * exactly, and no more can have been paid than was awarded.
 */
function money(
  currency: string | null,
  awarded: Amount | null,
  paid: Amount | null,
): { awarded: number | null; paid: number | null } {
  if (currency === null) {
    if (awarded !== null)
      throw new VaultError(
        'INVALID_INPUT',
        'currency: give the currency of the amount awarded (a three-letter code such as EUR).',
      );
    if (paid !== null)
      throw new VaultError(
        'INVALID_INPUT',
        'currency: give the currency of the amount paid (a three-letter code such as EUR).',
      );
    return { awarded: null, paid: null };
  }
  const convert = (field: string, v: Amount | null): number | null => {
    if (v === null) return null;
    const r = toMinorUnits(v, currency);
    if (!r.ok) throw new VaultError('INVALID_INPUT', `${field}: ${r.message}.`);
    return r.minor;
  };
  const a = convert('amountAwarded', awarded);
  const p = convert('amountPaid', paid);
  if (a !== null && p !== null && p > a) {
    throw new VaultError(
      'INVALID_INPUT',
      `amountPaid: ${formatMinor(p, currency)} ${currency} is more than the ${formatMinor(a, currency)} ${currency} awarded.`,
    );
  }
  return { awarded: a, paid: p };
}

function checkNotFuture(field: string, day: string | null | undefined, todayDay: string): void {
  if (day && day > todayDay) throw new VaultError('INVALID_INPUT', `${field}: ${day} is in the future.`);
}

export function addOutcome(ctx: DomainContext, input: AddOutcomeInput): Outcome {
  const p = parseInput(AddOutcomeInput, input);
  return mutate(ctx, (audit) => {
    requireCase(ctx.db, p.caseId);
    checkNotFuture('achievedOn', p.achievedOn, today(ctx));
    const m = money(p.currency ?? null, p.amountAwarded ?? null, p.amountPaid ?? null);
    const at = nowIso(ctx);
    const id = uuidv7(ctx.now().getTime());
    run(
      ctx.db,
      OUTCOMES.insert({
        id,
        case_id: p.caseId,
        kind: p.kind,
        description: p.description,
        achieved_on: p.achievedOn ?? null,
        currency: p.currency ?? null,
        amount_awarded_minor: m.awarded,
        amount_paid_minor: m.paid,
        created_at: at,
        updated_at: at,
        version: 1,
        origin_vault: ctx.vaultId,
      }),
    );
    audit({
      action: 'outcome.added',
      subject: { kind: 'outcome', id },
      details: { caseId: p.caseId, kind: p.kind, category: OUTCOME_CATEGORY_OF[p.kind] },
    });
    return getOutcome(ctx, id);
  });
}

/**
 * Correct an outcome or record a later payment. Amounts are read in the resulting currency;
 * changing the currency of stored amounts needs the amounts given again.
 */
export function updateOutcome(ctx: DomainContext, input: UpdateOutcomeInput): Outcome {
  const p = parseInput(UpdateOutcomeInput, input);
  return mutate(ctx, (audit) => {
    const before = getOutcome(ctx, p.id);
    checkVersion(before.version, p.expectedVersion, 'outcome');
    checkNotFuture('achievedOn', p.achievedOn, today(ctx));
    const currency = p.currency !== undefined ? p.currency : before.currency;
    if (p.currency !== undefined && p.currency !== before.currency) {
      if (before.amountAwardedMinor !== null && p.amountAwarded === undefined) {
        throw new VaultError(
          'INVALID_INPUT',
          'amountAwarded: give the amount awarded again in the new currency (or null to clear it).',
        );
      }
      if (before.amountPaidMinor !== null && p.amountPaid === undefined) {
        throw new VaultError(
          'INVALID_INPUT',
          'amountPaid: give the amount paid again in the new currency (or null to clear it).',
        );
      }
    }
    const m = money(
      currency,
      p.amountAwarded !== undefined ? p.amountAwarded : before.amountAwarded,
      p.amountPaid !== undefined ? p.amountPaid : before.amountPaid,
    );
    const next: Partial<Outcome> = {
      kind: p.kind,
      description: p.description,
      achievedOn: p.achievedOn,
      currency: p.currency,
      amountAwardedMinor: m.awarded,
      amountPaidMinor: m.paid,
    };
    const changed = changedFields(before, next);
    if (changed.length === 0) return before;
    const at = nowIso(ctx);
    const version = before.version + 1;
    const columns = OUTCOMES.fromFields(Object.fromEntries(changed.map((f) => [f, next[f]])));
    run(ctx.db, OUTCOMES.update(p.id, { ...columns, updated_at: at, version })!);
    audit({
      action: 'outcome.updated',
      subject: { kind: 'outcome', id: p.id },
      details: { caseId: before.caseId, fields: changed, version },
    });
    return getOutcome(ctx, p.id);
  });
}

/** Outcomes, oldest achievement first (not yet achieved last), with their case reference. */
export function listOutcomes(ctx: DomainContext, query: ListOutcomesQueryT = {}): OutcomeItem[] {
  const q = parseInput(ListOutcomesQuery, query);
  const where: SqlFragment[] = [];
  if (q.caseId) {
    requireCase(ctx.db, q.caseId);
    where.push(sql`o.case_id = ${q.caseId}`);
  }
  if (q.kind) where.push(sql`o.kind = ${q.kind}`);
  if (q.category) where.push(sql`o.kind IN ${sqlIn(kindsOfCategory(q.category))}`);
  const whereSql = where.length ? sql` WHERE ${sqlJoin(where, ' AND ')}` : sql``;
  return all<{ case_reference: string }>(
    ctx.db,
    sql`SELECT o.*, c.reference AS case_reference FROM outcomes o JOIN cases c ON c.id = o.case_id${whereSql}
        ORDER BY c.reference, o.achieved_on IS NULL, o.achieved_on, o.created_at, o.id`,
  ).map((r) => ({ ...toOutcome(OUTCOMES.parse(r)), caseReference: r.case_reference }));
}

// ---------------------------------------------------------------------------------------------
// Indicators

function requireIndicator(db: ReadableDB, id: string): IndicatorRow {
  const r = get<IndicatorRow>(db, sql`SELECT * FROM indicators WHERE id = ${id}`);
  if (!r) throw notFound('indicator', id);
  return r;
}

function toIndicator(
  r: IndicatorRow,
  latest: { value: number; observed_on: string } | undefined,
  count: number,
): Indicator {
  const latestValue = latest?.value ?? null;
  return {
    id: r.id,
    caseId: r.case_id,
    outcomeId: r.outcome_id,
    name: r.name,
    dimension: r.dimension,
    unit: r.unit,
    baseline: r.baseline,
    target: r.target,
    latestValue,
    latestObservedOn: latest?.observed_on ?? null,
    progress: indicatorProgress(r.baseline, r.target, latestValue),
    observationCount: count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    originVault: r.origin_vault,
  };
}

/** The latest observation (latest day; the last recorded on that day) and the count. */
function withLatest(db: ReadableDB, r: IndicatorRow): Indicator {
  const latest = get<{ value: number; observed_on: string }>(
    db,
    sql`SELECT value, observed_on FROM indicator_observations WHERE indicator_id = ${r.id} ORDER BY observed_on DESC, created_at DESC, id DESC LIMIT 1`,
  );
  const count = pluck<number>(db, sql`SELECT count(*) FROM indicator_observations WHERE indicator_id = ${r.id}`) ?? 0;
  return toIndicator(r, latest, count);
}

function toObservation(r: ObservationRow): IndicatorObservation {
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    observedOn: r.observed_on,
    value: r.value,
    note: r.note,
    createdAt: r.created_at,
    originVault: r.origin_vault,
  };
}

export function getIndicator(ctx: DomainContext, id: string): IndicatorDetail {
  const r = requireIndicator(ctx.db, id);
  const observations = all<ObservationRow>(
    ctx.db,
    sql`SELECT * FROM indicator_observations WHERE indicator_id = ${id} ORDER BY observed_on, created_at, id`,
  ).map(toObservation);
  return { ...withLatest(ctx.db, r), observations };
}

export function addIndicator(ctx: DomainContext, input: AddIndicatorInput): Indicator {
  const p = parseInput(AddIndicatorInput, input);
  return mutate(ctx, (audit) => {
    requireCase(ctx.db, p.caseId);
    if (p.outcomeId) {
      const o = requireOutcome(ctx.db, p.outcomeId);
      if (o.case_id !== p.caseId)
        throw new VaultError(
          'INVALID_INPUT',
          'outcomeId: that outcome belongs to another case; an indicator measures an outcome of its own case.',
        );
    }
    const at = nowIso(ctx);
    const id = uuidv7(ctx.now().getTime());
    run(
      ctx.db,
      sql`INSERT INTO indicators (id, case_id, outcome_id, name, dimension, unit, baseline, target, created_at, updated_at, version, origin_vault)
          VALUES (${id}, ${p.caseId}, ${p.outcomeId ?? null}, ${p.name}, ${p.dimension}, ${p.unit}, ${p.baseline}, ${p.target}, ${at}, ${at}, 1, ${ctx.vaultId})`,
    );
    audit({
      action: 'indicator.added',
      subject: { kind: 'indicator', id },
      details: { caseId: p.caseId, outcomeId: p.outcomeId ?? null, dimension: p.dimension },
    });
    return withLatest(ctx.db, requireIndicator(ctx.db, id));
  });
}

/** Record a value of an indicator on a day; returns the indicator with its new latest value. */
export function observeIndicator(ctx: DomainContext, input: ObserveIndicatorInput): IndicatorDetail {
  const p = parseInput(ObserveIndicatorInput, input);
  return mutate(ctx, (audit) => {
    const ind = requireIndicator(ctx.db, p.indicatorId);
    const at = nowIso(ctx);
    const id = uuidv7(ctx.now().getTime());
    run(
      ctx.db,
      sql`INSERT INTO indicator_observations (id, indicator_id, observed_on, value, note, created_at, origin_vault)
          VALUES (${id}, ${p.indicatorId}, ${p.observedOn}, ${p.value}, ${p.note}, ${at}, ${ctx.vaultId})`,
    );
    audit({
      action: 'indicator.observed',
      subject: { kind: 'indicator', id: p.indicatorId },
      details: { caseId: ind.case_id, observationId: id },
    });
    return getIndicator(ctx, p.indicatorId);
  });
}

export function listIndicators(ctx: DomainContext, query: ListIndicatorsQueryT = {}): Indicator[] {
  const q = parseInput(ListIndicatorsQuery, query);
  const where: SqlFragment[] = [];
  if (q.caseId) {
    requireCase(ctx.db, q.caseId);
    where.push(sql`case_id = ${q.caseId}`);
  }
  if (q.outcomeId) where.push(sql`outcome_id = ${q.outcomeId}`);
  if (q.dimension) where.push(sql`dimension = ${q.dimension}`);
  const whereSql = where.length ? sql` WHERE ${sqlJoin(where, ' AND ')}` : sql``;
  return all<IndicatorRow>(ctx.db, sql`SELECT * FROM indicators${whereSql} ORDER BY case_id, dimension, name, id`).map(
    (r) => withLatest(ctx.db, r),
  );
}

// ---------------------------------------------------------------------------------------------
// Case evaluation

function toEvaluation(r: EvaluationRow): CaseEvaluation {
  return {
    id: r.case_id,
    caseId: r.case_id,
    survivor: r.survivor,
    community: r.community,
    policy: r.policy,
    society: r.society,
    summary: r.summary,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    originVault: r.origin_vault,
  };
}

/** The case's evaluation, or null when none was written yet (NOT_FOUND for an unknown case). */
export function getEvaluation(ctx: DomainContext, caseId: string): CaseEvaluation | null {
  requireCase(ctx.db, caseId);
  const r = get<EvaluationRow>(ctx.db, sql`SELECT * FROM case_evaluations WHERE case_id = ${caseId}`);
  return r ? toEvaluation(r) : null;
}

const EVALUATION_SET: Record<string, (v: SqlValue) => SqlFragment> = {
  survivor: (v) => sql`survivor = ${v}`,
  community: (v) => sql`community = ${v}`,
  policy: (v) => sql`policy = ${v}`,
  society: (v) => sql`society = ${v}`,
  summary: (v) => sql`summary = ${v}`,
};

/**
 * Write the case's evaluation: created at version 1 the first time, then each change is a new
 * version. Fields left out keep their text; `expectedVersion` guards against a stale edit.
 */
export function upsertEvaluation(ctx: DomainContext, input: UpsertEvaluationInput): CaseEvaluation {
  const p = parseInput(UpsertEvaluationInput, input);
  return mutate(ctx, (audit) => {
    requireCase(ctx.db, p.caseId);
    const before = getEvaluation(ctx, p.caseId);
    const at = nowIso(ctx);
    if (!before) {
      if (p.expectedVersion !== undefined) {
        throw new VaultError(
          'CONFLICT',
          `This case has no evaluation yet, so there is no version ${p.expectedVersion} to edit. Reload and write it again.`,
        );
      }
      const given = EVALUATION_FIELDS.filter((f) => p[f] !== undefined && p[f] !== '');
      run(
        ctx.db,
        sql`INSERT INTO case_evaluations (case_id, survivor, community, policy, society, summary, created_at, updated_at, version, origin_vault)
            VALUES (${p.caseId}, ${p.survivor ?? ''}, ${p.community ?? ''}, ${p.policy ?? ''}, ${p.society ?? ''}, ${p.summary ?? ''}, ${at}, ${at}, 1, ${ctx.vaultId})`,
      );
      audit({
        action: 'evaluation.created',
        subject: { kind: 'case-evaluation', id: p.caseId },
        details: { caseId: p.caseId, fields: given, version: 1 },
      });
      return getEvaluation(ctx, p.caseId)!;
    }
    checkVersion(before.version, p.expectedVersion, 'evaluation');
    const { caseId: _c, expectedVersion: _v, ...fields } = p;
    const changed = changedFields(before, fields);
    if (changed.length === 0) return before;
    const version = before.version + 1;
    const sets = changed.map((f) => EVALUATION_SET[f]!(fields[f as keyof typeof fields] as SqlValue));
    sets.push(sql`updated_at = ${at}`, sql`version = ${version}`);
    run(ctx.db, sql`UPDATE case_evaluations SET ${sqlJoin(sets)} WHERE case_id = ${p.caseId}`);
    audit({
      action: 'evaluation.updated',
      subject: { kind: 'case-evaluation', id: p.caseId },
      details: { caseId: p.caseId, fields: changed, version },
    });
    return getEvaluation(ctx, p.caseId)!;
  });
}

/**
 * Write an outcome received in a bundle (inside the import's transaction; bundles/apply.ts
 * decides whether it is new or overwrites; one without its kind is never written). A
 * description the sender did not share is "Not shared"; amounts are kept only with their currency.
 */
export function applyReceivedOutcome(ctx: DomainContext, rec: OutcomeRecord, mode: ReceivedWrite, at: string): void {
  const current = mode.insert ? undefined : requireOutcome(ctx.db, rec.id);
  const v = {
    ...receivedValues(OUTCOMES, 'outcomes', rec, current, { description: NOT_SHARED, created_at: at }),
    updated_at: rec.updatedAt ?? at,
  };
  const values = {
    ...v,
    amount_awarded_minor: v.currency === null ? null : (v.amount_awarded_minor ?? null),
    amount_paid_minor: v.currency === null ? null : (v.amount_paid_minor ?? null),
  };
  if (mode.insert) {
    run(
      ctx.db,
      OUTCOMES.insert({
        ...values,
        id: rec.id,
        case_id: rec.caseId,
        created_at: rec.createdAt ?? at,
        version: rec.version,
        origin_vault: rec.originVault,
      }),
    );
  } else {
    const { created_at: _kept, ...changed } = values;
    run(ctx.db, OUTCOMES.update(rec.id, { ...changed, version: mode.version })!);
  }
}
