/** risk add | list | show | update: the digital-security risk register */
import { RISK_CATEGORIES, RISK_STATUSES, type Risk } from '../../../shared/domain/risks.js';
import type { Command, CommandContext, OptionSpec } from '../command.js';
import { boolOpt, choices, stringOpt } from '../command.js';
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
import { callEngine } from '../engine-call.js';

const RISK_OPTIONS: Record<string, OptionSpec> = {
  threat: { type: 'string', description: 'the threat, in a line', valueName: 'T' },
  description: { type: 'string', description: 'more about it', valueName: 'TEXT' },
  category: {
    type: 'string',
    description: choices(RISK_CATEGORIES),
    valueName: 'C',
  },
  likelihood: { type: 'string', description: '1 (rare) to 5 (almost certain)', valueName: 'N' },
  impact: { type: 'string', description: '1 (negligible) to 5 (severe)', valueName: 'N' },
  mitigations: { type: 'string', description: 'what is done about it', valueName: 'TEXT' },
  owner: { type: 'string', description: 'who watches it', valueName: 'O' },
  'review-on': { type: 'string', description: 'when to look at it again', valueName: 'DATE' },
  status: { type: 'string', description: choices(RISK_STATUSES, { open: 'default' }), valueName: 'S' },
  case: { type: 'string', description: 'the case it concerns, if one', valueName: 'ID' },
};

function printRisk(ctx: CommandContext, r: Risk): void {
  printRecord(ctx, r, [
    ['id', r.id],
    ['threat', r.threat],
    ['category', r.category],
    ['score', `${r.score} ${r.level} (likelihood ${r.likelihood} × impact ${r.impact})`],
    ['status', r.status],
    ['owner', r.owner],
    ['review', `${r.reviewOn}${r.reviewOverdue ? ' (OVERDUE)' : ''}`],
    ['case', r.caseId],
    ['description', r.description],
    ['mitigations', r.mitigations],
    ['version', r.version],
  ]);
}

const add: Command = {
  path: ['risk', 'add'],
  summary: 'Add a risk to the register (score = likelihood × impact).',
  options: RISK_OPTIONS,
  async run(ctx) {
    const input = dropUndefined({
      threat: stringOpt(ctx, 'threat'),
      description: stringOpt(ctx, 'description'),
      category: stringOpt(ctx, 'category'),
      likelihood: numberOpt(ctx, 'likelihood'),
      impact: numberOpt(ctx, 'impact'),
      mitigations: stringOpt(ctx, 'mitigations'),
      owner: stringOpt(ctx, 'owner'),
      reviewOn: stringOpt(ctx, 'review-on'),
      status: stringOpt(ctx, 'status'),
      caseId: stringOpt(ctx, 'case'),
    });
    const r = await callEngine(ctx, 'risks', 'add', input);
    printRisk(ctx, r);
  },
};

const list: Command = {
  path: ['risk', 'list'],
  summary: 'List risks, highest score first; "!" marks a review date that has passed.',
  options: {
    status: RISK_OPTIONS.status!,
    'review-due': { type: 'boolean', description: 'only risks (not closed) whose review is due today or past' },
    category: RISK_OPTIONS.category!,
    case: { type: 'string', description: 'only risks of this case', valueName: 'ID' },
  },
  async run(ctx) {
    const query = dropUndefined({
      status: stringOpt(ctx, 'status'),
      reviewDue: boolOpt(ctx, 'review-due') ? true : undefined,
      category: stringOpt(ctx, 'category'),
      caseId: stringOpt(ctx, 'case'),
    });
    const items = await callEngine(ctx, 'risks', 'list', query);
    printTable(
      ctx,
      items,
      [
        ['SCORE', (r) => r.score],
        ['LEVEL', (r) => r.level],
        ['CATEGORY', (r) => r.category],
        ['STATUS', (r) => r.status],
        ['REVIEW', (r) => `${r.reviewOn}${r.reviewOverdue ? ' !' : ''}`],
        ['OWNER', (r) => r.owner],
        ['THREAT', (r) => r.threat],
        ['ID', (r) => r.id],
      ],
      'No risks match.',
    );
  },
};

const show: Command = {
  path: ['risk', 'show'],
  summary: 'Show one risk.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const r = await callEngine(ctx, 'risks', 'get', { id: idArg(ctx, 'risk') });
    printRisk(ctx, r);
  },
};

const update: Command = {
  path: ['risk', 'update'],
  summary: 'Re-rate, review, mitigate, accept or close a risk (--case "" unlinks it).',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    ...RISK_OPTIONS,
    'expected-version': {
      type: 'string',
      description: 'refuse if the risk is no longer at this version',
      valueName: 'N',
    },
  },
  async run(ctx) {
    const input = dropUndefined({
      id: idArg(ctx, 'risk'),
      expectedVersion: intOpt(ctx, 'expected-version'),
      threat: stringOpt(ctx, 'threat'),
      description: stringOpt(ctx, 'description'),
      category: stringOpt(ctx, 'category'),
      likelihood: numberOpt(ctx, 'likelihood'),
      impact: numberOpt(ctx, 'impact'),
      mitigations: stringOpt(ctx, 'mitigations'),
      owner: stringOpt(ctx, 'owner'),
      reviewOn: stringOpt(ctx, 'review-on'),
      status: stringOpt(ctx, 'status'),
      caseId: nullableOpt(ctx, 'case'),
    });
    requireSomeChange(input, input.expectedVersion === undefined ? 1 : 2, '--status or --review-on', 'risk update');
    const r = await callEngine(ctx, 'risks', 'update', input);
    printRisk(ctx, r);
  },
};

export const riskCommands: Command[] = [add, list, show, update];
