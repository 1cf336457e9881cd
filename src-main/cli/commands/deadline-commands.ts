/** deadline add | list | show | done */
import {
  COMPLETED_DEADLINE_STATUSES,
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  type Deadline,
  type DeadlineItem,
} from '../../../shared/domain/deadlines.js';
import type { Command, CommandContext } from '../command.js';
import { boolOpt, choices, stringOpt } from '../command.js';
import { dropUndefined, idArg, intOpt, numberOpt, printRecord, printTable } from '../domain-cli.js';
import { callEngine } from '../engine-call.js';

function printDeadline(ctx: CommandContext, d: Deadline): void {
  printRecord(ctx, d, [
    ['id', d.id],
    ['case', d.caseId],
    ['kind', d.kind],
    ['title', d.title],
    ['due', d.dueOn],
    ['status', d.status],
    ['completed', d.completedOn],
    ['notes', d.notes],
    ['version', d.version],
  ]);
}

function when(item: DeadlineItem): string {
  if (item.status !== 'open') return '';
  if (item.daysUntilDue === 0) return 'today';
  if (item.daysUntilDue < 0) return `OVERDUE ${-item.daysUntilDue}d`;
  return `in ${item.daysUntilDue}d`;
}

const add: Command = {
  path: ['deadline', 'add'],
  summary: `Add a deadline to a case (${choices(DEADLINE_KINDS)}).`,
  options: {
    case: { type: 'string', description: 'the case id', valueName: 'ID' },
    kind: { type: 'string', description: choices(DEADLINE_KINDS), valueName: 'K' },
    title: { type: 'string', description: 'what is due', valueName: 'T' },
    due: { type: 'string', description: 'the day it is due', valueName: 'DATE' },
    notes: { type: 'string', description: 'notes', valueName: 'TEXT' },
  },
  async run(ctx) {
    const input = dropUndefined({
      caseId: stringOpt(ctx, 'case'),
      kind: stringOpt(ctx, 'kind'),
      title: stringOpt(ctx, 'title'),
      dueOn: stringOpt(ctx, 'due'),
      notes: stringOpt(ctx, 'notes'),
    });
    const d = await callEngine(ctx, 'deadlines', 'add', input);
    printDeadline(ctx, d);
  },
};

const list: Command = {
  path: ['deadline', 'list'],
  summary: 'List deadlines, soonest first: --upcoming DAYS and --overdue show open ones (together: both).',
  options: {
    case: { type: 'string', description: 'only this case', valueName: 'ID' },
    upcoming: { type: 'string', description: 'open deadlines due from today to today + DAYS', valueName: 'DAYS' },
    overdue: { type: 'boolean', description: 'open deadlines due before today' },
    status: { type: 'string', description: choices(DEADLINE_STATUSES), valueName: 'S' },
  },
  async run(ctx) {
    const query = dropUndefined({
      caseId: stringOpt(ctx, 'case'),
      upcomingDays: numberOpt(ctx, 'upcoming'),
      overdue: boolOpt(ctx, 'overdue') ? true : undefined,
      status: stringOpt(ctx, 'status'),
    });
    const items = await callEngine(ctx, 'deadlines', 'list', query);
    printTable(
      ctx,
      items,
      [
        ['DUE', (x) => x.dueOn],
        ['WHEN', when],
        ['STATUS', (x) => x.status],
        ['KIND', (x) => x.kind],
        ['CASE', (x) => x.caseReference],
        ['TITLE', (x) => x.title],
        ['ID', (x) => x.id],
      ],
      'No deadlines match.',
    );
  },
};

const show: Command = {
  path: ['deadline', 'show'],
  summary: 'Show one deadline.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const d = await callEngine(ctx, 'deadlines', 'get', { id: idArg(ctx, 'deadline') });
    printDeadline(ctx, d);
  },
};

const done: Command = {
  path: ['deadline', 'done'],
  summary: 'Close an open deadline as met (default), missed or cancelled.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    status: { type: 'string', description: choices(COMPLETED_DEADLINE_STATUSES, { met: 'default' }), valueName: 'S' },
    on: { type: 'string', description: 'the day it was completed (default today)', valueName: 'DATE' },
    'expected-version': {
      type: 'string',
      description: 'refuse if the deadline is no longer at this version',
      valueName: 'N',
    },
  },
  async run(ctx) {
    const input = dropUndefined({
      id: idArg(ctx, 'deadline'),
      status: stringOpt(ctx, 'status'),
      completedOn: stringOpt(ctx, 'on'),
      expectedVersion: intOpt(ctx, 'expected-version'),
    });
    const d = await callEngine(ctx, 'deadlines', 'complete', input);
    printDeadline(ctx, d);
  },
};

export const deadlineCommands: Command[] = [add, list, show, done];
