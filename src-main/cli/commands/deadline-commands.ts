/** deadline add | list | show | done */
import type {
  AddDeadlineInput,
  CompleteDeadlineInput,
  Deadline,
  DeadlineItem,
  ListDeadlinesQuery,
} from '../../../shared/domain/deadlines.js';
import { addDeadline, completeDeadline, getDeadline, listDeadlines } from '../../engine/deadlines/deadline-service.js';
import type { Command, CommandContext } from '../command.js';
import { boolOpt, stringOpt } from '../command.js';
import { arg, dropUndefined, intOpt, printRecord, printTable, withDomain } from '../domain-cli.js';
import { numberOpt } from './partner-commands.js';

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
  summary: 'Add a deadline to a case (limitation, filing, hearing, response, other).',
  options: {
    case: { type: 'string', description: 'the case id', valueName: 'ID' },
    kind: { type: 'string', description: 'limitation, filing, hearing, response, other', valueName: 'K' },
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
    const d = await withDomain(ctx, (dc) => addDeadline(dc, input as AddDeadlineInput));
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
    status: { type: 'string', description: 'open, met, missed, cancelled', valueName: 'S' },
  },
  async run(ctx) {
    const query = dropUndefined({
      caseId: stringOpt(ctx, 'case'),
      upcomingDays: numberOpt(ctx, 'upcoming'),
      overdue: boolOpt(ctx, 'overdue') ? true : undefined,
      status: stringOpt(ctx, 'status'),
    }) as ListDeadlinesQuery;
    const items = await withDomain(ctx, (d) => listDeadlines(d, query));
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
    const d = await withDomain(ctx, (dc) => getDeadline(dc, arg(ctx)));
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
    status: { type: 'string', description: 'met (default), missed, cancelled', valueName: 'S' },
    on: { type: 'string', description: 'the day it was completed (default today)', valueName: 'DATE' },
    'expected-version': {
      type: 'string',
      description: 'refuse if the deadline is no longer at this version',
      valueName: 'N',
    },
  },
  async run(ctx) {
    const input = dropUndefined({
      id: arg(ctx),
      status: stringOpt(ctx, 'status'),
      completedOn: stringOpt(ctx, 'on'),
      expectedVersion: intOpt(ctx, 'expected-version'),
    });
    const d = await withDomain(ctx, (dc) => completeDeadline(dc, input as CompleteDeadlineInput));
    printDeadline(ctx, d);
  },
};

export const deadlineCommands: Command[] = [add, list, show, done];
