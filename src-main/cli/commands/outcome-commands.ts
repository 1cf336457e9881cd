/**
 * outcome add | list | show | update | evaluate, and outcome indicator add | observe | list | show
 */
import {
  DIMENSIONS,
  EVALUATION_FIELDS,
  OUTCOME_CATEGORIES,
  OUTCOME_KINDS,
  type CaseEvaluation,
  type Indicator,
  type IndicatorDetail,
  type Outcome,
} from '../../../shared/domain/outcomes.js';
import { VaultError } from '../../../shared/errors.js';
import type { Command, CommandContext, OptionSpec } from '../command.js';
import { choices, stringOpt } from '../command.js';
import {
  dropUndefined,
  idArg,
  intOpt,
  nullableOpt,
  numberOpt,
  printRecord,
  printTable,
  requireSomeChange,
} from '../domain-cli.js';
import { callEngine, withEngine } from '../engine-call.js';

function money(o: Outcome, which: 'awarded' | 'paid'): string | null {
  const v = which === 'awarded' ? o.amountAwarded : o.amountPaid;
  return v === null ? null : `${v} ${o.currency}`;
}

function printOutcome(ctx: CommandContext, o: Outcome): void {
  printRecord(ctx, o, [
    ['id', o.id],
    ['case', o.caseId],
    ['kind', `${o.kind} (${o.category})`],
    ['description', o.description],
    ['achieved', o.achievedOn],
    ['awarded', money(o, 'awarded')],
    ['paid', money(o, 'paid')],
    ['version', o.version],
  ]);
}

const OUTCOME_OPTIONS: Record<string, OptionSpec> = {
  kind: { type: 'string', description: choices(OUTCOME_KINDS), valueName: 'K' },
  description: { type: 'string', description: 'what was achieved', valueName: 'TEXT' },
  'achieved-on': { type: 'string', description: 'the day it was achieved', valueName: 'DATE' },
  currency: { type: 'string', description: 'ISO 4217 code of the amounts, e.g. EUR, KES, JPY', valueName: 'C' },
  awarded: { type: 'string', description: 'amount awarded, e.g. 25000 or 25000.50', valueName: 'X' },
  paid: { type: 'string', description: 'amount paid so far (not more than awarded)', valueName: 'Y' },
};

const add: Command = {
  path: ['outcome', 'add'],
  summary: 'Record an outcome of a case (with the amounts of a reparation, if any).',
  options: { case: { type: 'string', description: 'the case id', valueName: 'ID' }, ...OUTCOME_OPTIONS },
  async run(ctx) {
    const input = dropUndefined({
      caseId: stringOpt(ctx, 'case'),
      kind: stringOpt(ctx, 'kind'),
      description: stringOpt(ctx, 'description'),
      achievedOn: stringOpt(ctx, 'achieved-on'),
      currency: stringOpt(ctx, 'currency'),
      amountAwarded: stringOpt(ctx, 'awarded'),
      amountPaid: stringOpt(ctx, 'paid'),
    });
    const o = await callEngine(ctx, 'outcomes', 'add', input);
    printOutcome(ctx, o);
  },
};

const list: Command = {
  path: ['outcome', 'list'],
  summary: 'List outcomes by case, with their category and amounts.',
  options: {
    case: { type: 'string', description: 'only this case', valueName: 'ID' },
    kind: { type: 'string', description: 'only this kind', valueName: 'K' },
    category: {
      type: 'string',
      description: choices(OUTCOME_CATEGORIES),
      valueName: 'C',
    },
  },
  async run(ctx) {
    const query = dropUndefined({
      caseId: stringOpt(ctx, 'case'),
      kind: stringOpt(ctx, 'kind'),
      category: stringOpt(ctx, 'category'),
    });
    const items = await callEngine(ctx, 'outcomes', 'list', query);
    printTable(
      ctx,
      items,
      [
        ['CASE', (o) => o.caseReference],
        ['KIND', (o) => o.kind],
        ['CATEGORY', (o) => o.category],
        ['ACHIEVED', (o) => o.achievedOn],
        ['AWARDED', (o) => money(o, 'awarded')],
        ['PAID', (o) => money(o, 'paid')],
        ['DESCRIPTION', (o) => o.description],
        ['ID', (o) => o.id],
      ],
      'No outcomes match.',
    );
  },
};

const show: Command = {
  path: ['outcome', 'show'],
  summary: 'Show one outcome.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const o = await callEngine(ctx, 'outcomes', 'get', { id: idArg(ctx, 'outcome') });
    printOutcome(ctx, o);
  },
};

const update: Command = {
  path: ['outcome', 'update'],
  summary: 'Correct an outcome or record a later payment ("" clears the date, currency or an amount).',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    ...OUTCOME_OPTIONS,
    'expected-version': {
      type: 'string',
      description: 'refuse if the outcome is no longer at this version',
      valueName: 'N',
    },
  },
  async run(ctx) {
    const input = dropUndefined({
      id: idArg(ctx, 'outcome'),
      expectedVersion: intOpt(ctx, 'expected-version'),
      kind: stringOpt(ctx, 'kind'),
      description: stringOpt(ctx, 'description'),
      achievedOn: nullableOpt(ctx, 'achieved-on'),
      currency: nullableOpt(ctx, 'currency'),
      amountAwarded: nullableOpt(ctx, 'awarded'),
      amountPaid: nullableOpt(ctx, 'paid'),
    });
    requireSomeChange(input, input.expectedVersion === undefined ? 1 : 2, '--paid', 'outcome update');
    const o = await callEngine(ctx, 'outcomes', 'update', input);
    printOutcome(ctx, o);
  },
};

// --- indicators ---------------------------------------------------------------------------

function progressText(i: Indicator): string {
  return i.progress === null ? '' : `${Math.round(i.progress * 100)}%`;
}

function printIndicator(ctx: CommandContext, i: Indicator | IndicatorDetail): void {
  const unit = i.unit ? ` ${i.unit}` : '';
  const lines: Array<[string, unknown]> = [
    ['id', i.id],
    ['case', i.caseId],
    ['outcome', i.outcomeId],
    ['name', i.name],
    ['dimension', i.dimension],
    ['baseline', `${i.baseline}${unit}`],
    ['target', `${i.target}${unit}`],
    ['latest', i.latestValue === null ? 'no observation yet' : `${i.latestValue}${unit} on ${i.latestObservedOn}`],
    ['progress', progressText(i)],
  ];
  if ('observations' in i)
    lines.push([
      'observations',
      i.observations.map((o) => `${o.observedOn}: ${o.value}${unit}${o.note ? ` (${o.note})` : ''}`),
    ]);
  lines.push(['version', i.version]);
  printRecord(ctx, i, lines);
}

const indicatorAdd: Command = {
  path: ['outcome', 'indicator', 'add'],
  summary: 'Add an impact indicator to a case (negative numbers: --baseline=-5).',
  options: {
    case: { type: 'string', description: 'the case id', valueName: 'ID' },
    outcome: { type: 'string', description: 'the outcome it measures (same case)', valueName: 'ID' },
    name: { type: 'string', description: 'what is measured', valueName: 'N' },
    dimension: { type: 'string', description: choices(DIMENSIONS), valueName: 'D' },
    unit: { type: 'string', description: 'unit of the values, e.g. reports, %', valueName: 'U' },
    baseline: { type: 'string', description: 'value before the case', valueName: 'B' },
    target: { type: 'string', description: 'value aimed for', valueName: 'T' },
  },
  async run(ctx) {
    const input = dropUndefined({
      caseId: stringOpt(ctx, 'case'),
      outcomeId: stringOpt(ctx, 'outcome'),
      name: stringOpt(ctx, 'name'),
      dimension: stringOpt(ctx, 'dimension'),
      unit: stringOpt(ctx, 'unit'),
      baseline: numberOpt(ctx, 'baseline'),
      target: numberOpt(ctx, 'target'),
    });
    const i = await callEngine(ctx, 'outcomes', 'addIndicator', input);
    printIndicator(ctx, i);
  },
};

const indicatorObserve: Command = {
  path: ['outcome', 'indicator', 'observe'],
  summary: 'Record the value of an indicator on a day.',
  args: 'INDICATOR_ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    value: { type: 'string', description: 'the value observed', valueName: 'V' },
    on: { type: 'string', description: 'the day it was observed', valueName: 'DATE' },
    note: { type: 'string', description: 'source or remark', valueName: 'TEXT' },
  },
  async run(ctx) {
    const input = dropUndefined({
      indicatorId: idArg(ctx, 'indicator'),
      value: numberOpt(ctx, 'value'),
      observedOn: stringOpt(ctx, 'on'),
      note: stringOpt(ctx, 'note'),
    });
    const i = await callEngine(ctx, 'outcomes', 'observeIndicator', input);
    printIndicator(ctx, i);
  },
};

const indicatorList: Command = {
  path: ['outcome', 'indicator', 'list'],
  summary: 'List indicators with their latest value and progress.',
  options: {
    case: { type: 'string', description: 'only this case', valueName: 'ID' },
    outcome: { type: 'string', description: 'only those measuring this outcome', valueName: 'ID' },
    dimension: { type: 'string', description: choices(DIMENSIONS), valueName: 'D' },
  },
  async run(ctx) {
    const query = dropUndefined({
      caseId: stringOpt(ctx, 'case'),
      outcomeId: stringOpt(ctx, 'outcome'),
      dimension: stringOpt(ctx, 'dimension'),
    });
    const items = await callEngine(ctx, 'outcomes', 'listIndicators', query);
    printTable(
      ctx,
      items,
      [
        ['DIMENSION', (i) => i.dimension],
        ['NAME', (i) => i.name],
        ['BASELINE', (i) => i.baseline],
        ['TARGET', (i) => i.target],
        ['LATEST', (i) => i.latestValue],
        ['PROGRESS', progressText],
        ['ID', (i) => i.id],
      ],
      'No indicators match.',
    );
  },
};

const indicatorShow: Command = {
  path: ['outcome', 'indicator', 'show'],
  summary: 'Show an indicator with all its observations.',
  args: 'INDICATOR_ID',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const i = await callEngine(ctx, 'outcomes', 'getIndicator', { id: idArg(ctx, 'indicator') });
    printIndicator(ctx, i);
  },
};

// --- evaluation ---------------------------------------------------------------------------

function printEvaluation(ctx: CommandContext, e: CaseEvaluation): void {
  printRecord(ctx, e, [
    ['case', e.caseId],
    ...EVALUATION_FIELDS.map((f): [string, unknown] => [f, e[f]]),
    ['version', e.version],
    ['updated', e.updatedAt],
  ]);
}

const evaluate: Command = {
  path: ['outcome', 'evaluate'],
  summary: 'Write the impact evaluation of a case (fields left out keep their text); without texts, show it.',
  options: {
    case: { type: 'string', description: 'the case id', valueName: 'ID' },
    survivor: { type: 'string', description: 'impact on the survivor', valueName: 'TEXT' },
    community: { type: 'string', description: 'impact on the community', valueName: 'TEXT' },
    policy: { type: 'string', description: 'impact on law and policy', valueName: 'TEXT' },
    society: { type: 'string', description: 'impact on society', valueName: 'TEXT' },
    summary: { type: 'string', description: 'overall assessment', valueName: 'TEXT' },
    'expected-version': {
      type: 'string',
      description: 'refuse if the evaluation is no longer at this version',
      valueName: 'N',
    },
  },
  async run(ctx) {
    const texts = dropUndefined(Object.fromEntries(EVALUATION_FIELDS.map((f) => [f, stringOpt(ctx, f)])));
    const caseId = stringOpt(ctx, 'case');
    const e = await withEngine(ctx, async (engine) => {
      if (Object.keys(texts).length === 0 && caseId !== undefined) {
        const found = await engine.call('outcomes', 'getEvaluation', { caseId });
        if (!found)
          throw new VaultError(
            'NOT_FOUND',
            'This case has no evaluation yet; write one with --survivor, --community, --policy, --society or --summary.',
          );
        return found;
      }
      return engine.call(
        'outcomes',
        'upsertEvaluation',
        dropUndefined({ caseId, expectedVersion: intOpt(ctx, 'expected-version'), ...texts }),
      );
    });
    printEvaluation(ctx, e);
  },
};

export const outcomeCommands: Command[] = [
  add,
  list,
  show,
  update,
  evaluate,
  indicatorAdd,
  indicatorObserve,
  indicatorList,
  indicatorShow,
];
