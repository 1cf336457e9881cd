/** case add | list | show | update | status | close | history */
import {
  CASE_SORTS,
  FORUMS,
  INITIAL_CASE_STATUSES,
  SENSITIVITIES,
  STAGES,
  type Case,
  type TeamMember,
} from '../../../shared/domain/cases.js';
import type { Command, CommandContext, OptionSpec } from '../command.js';
import { boolOpt, choices, stringOpt } from '../command.js';
import { dropUndefined, idArg, intOpt, listOpt, nullableOpt, printRecord, printTable } from '../domain-cli.js';
import { callEngine } from '../engine-call.js';
import { UsageError } from '../io.js';
import { ERASURE_OPTIONS, confirmErasure, erasureReason } from '../confirm-erasure.js';
import { printPartners } from './person-commands.js';

const FIELD_OPTIONS: Record<string, OptionSpec> = {
  forum: {
    type: 'string',
    description: choices(FORUMS),
    valueName: 'F',
  },
  country: { type: 'string', description: 'ISO 3166 two-letter country code', valueName: 'CC' },
  jurisdiction: { type: 'string', description: 'court or body, place', valueName: 'TEXT' },
  stage: {
    type: 'string',
    description: choices(STAGES),
    valueName: 'S',
  },
  sensitivity: { type: 'string', description: choices(SENSITIVITIES, { high: 'default' }), valueName: 'S' },
  summary: { type: 'string', description: 'what the case is about', valueName: 'TEXT' },
  strategy: { type: 'string', description: 'the litigation strategy', valueName: 'TEXT' },
  project: { type: 'string', description: 'the project the case belongs to', valueName: 'CODE' },
  'donor-code': { type: 'string', description: 'the donor code (grant) the case is reported under', valueName: 'CODE' },
  tag: { type: 'string', multiple: true, description: 'a tag (repeat, or comma-separated)', valueName: 'T' },
  team: {
    type: 'string',
    multiple: true,
    description: 'a team member as "Name" or "Name:role" (repeat)',
    valueName: 'M',
  },
};

function teamOpt(ctx: CommandContext): TeamMember[] | undefined {
  const v = ctx.values.team;
  if (!Array.isArray(v)) return undefined;
  return (v as string[]).map((s) => {
    const i = s.lastIndexOf(':');
    return i > 0 ? { member: s.slice(0, i), role: s.slice(i + 1) } : { member: s, role: '' };
  });
}

function caseLines(c: Case): Array<[string, unknown]> {
  return [
    ['id', c.id],
    ['reference', c.reference],
    ['title', c.title],
    ['status', c.status],
    ['forum', c.forum],
    ['country', c.country],
    ['jurisdiction', c.jurisdiction],
    ['stage', c.stage],
    ['sensitivity', c.sensitivity],
    ['project', c.project],
    ['donor code', c.donorCode],
    ['opened', c.openedOn],
    ['closed', c.closedOn ? `${c.closedOn} (${c.closureReason ?? ''})` : null],
    ['tags', c.tags],
    ['team', c.team.map((m) => (m.role ? `${m.member} (${m.role})` : m.member))],
    ['summary', c.summary],
    ['strategy', c.strategy],
    ['version', c.version],
    ['updated', c.updatedAt],
  ];
}

const add: Command = {
  path: ['case', 'add'],
  summary: 'Open a case.',
  options: {
    title: { type: 'string', description: 'title (required)', valueName: 'T' },
    reference: { type: 'string', description: 'reference (default: CV-YYYY-NNNNNN)', valueName: 'R' },
    status: { type: 'string', description: choices(INITIAL_CASE_STATUSES, { active: 'default' }), valueName: 'S' },
    'opened-on': { type: 'string', description: 'date opened (default today)', valueName: 'DATE' },
    ...FIELD_OPTIONS,
  },
  async run(ctx) {
    const input: Record<string, unknown> = {
      title: stringOpt(ctx, 'title'),
      reference: stringOpt(ctx, 'reference'),
      status: stringOpt(ctx, 'status'),
      openedOn: stringOpt(ctx, 'opened-on'),
      forum: stringOpt(ctx, 'forum'),
      country: stringOpt(ctx, 'country'),
      jurisdiction: stringOpt(ctx, 'jurisdiction'),
      stage: stringOpt(ctx, 'stage'),
      sensitivity: stringOpt(ctx, 'sensitivity'),
      summary: stringOpt(ctx, 'summary'),
      strategy: stringOpt(ctx, 'strategy'),
      project: stringOpt(ctx, 'project'),
      donorCode: stringOpt(ctx, 'donor-code'),
      tags: listOpt(ctx, 'tag'),
      team: teamOpt(ctx),
    };
    const created = await callEngine(ctx, 'cases', 'create', dropUndefined(input));
    printRecord(ctx, created, caseLines(created));
  },
};

const list: Command = {
  path: ['case', 'list'],
  summary: 'List cases, newest change first, with filters.',
  options: {
    status: {
      type: 'string',
      multiple: true,
      description: 'only cases in this status (repeat for several)',
      valueName: 'S',
    },
    forum: FIELD_OPTIONS.forum!,
    country: FIELD_OPTIONS.country!,
    tag: { type: 'string', description: 'only cases with this tag', valueName: 'T' },
    'donor-code': { type: 'string', description: 'only cases reported under this donor code', valueName: 'CODE' },
    'deadline-due': {
      type: 'string',
      description: 'only cases with an open deadline due on or before DATE',
      valueName: 'DATE',
    },
    'due-within': {
      type: 'string',
      description: 'only cases with an open deadline due within DAYS days (overdue included)',
      valueName: 'DAYS',
    },
    text: { type: 'string', description: 'words in the title, summary or strategy', valueName: 'Q' },
    sort: { type: 'string', description: choices(CASE_SORTS, { updated: 'default' }), valueName: 'S' },
    limit: { type: 'string', description: 'at most N cases (default 50, max 1000)', valueName: 'N' },
    offset: { type: 'string', description: 'skip the first N', valueName: 'N' },
  },
  async run(ctx) {
    const within = intOpt(ctx, 'due-within');
    if (within !== undefined && stringOpt(ctx, 'deadline-due'))
      throw new UsageError('give --deadline-due or --due-within, not both.');
    const query = dropUndefined({
      status: listOpt(ctx, 'status').length ? listOpt(ctx, 'status') : undefined,
      forum: stringOpt(ctx, 'forum'),
      country: stringOpt(ctx, 'country'),
      tag: stringOpt(ctx, 'tag'),
      donorCode: stringOpt(ctx, 'donor-code'),
      deadlineDueBy:
        within !== undefined
          ? new Date(Date.now() + within * 86_400_000).toISOString().slice(0, 10)
          : stringOpt(ctx, 'deadline-due'),
      text: stringOpt(ctx, 'text'),
      sort: stringOpt(ctx, 'sort'),
      limit: intOpt(ctx, 'limit'),
      offset: intOpt(ctx, 'offset'),
    });
    const page = await callEngine(ctx, 'cases', 'list', query);
    printTable(
      ctx,
      page.items,
      [
        ['REFERENCE', (c) => c.reference],
        ['STATUS', (c) => c.status],
        ['FORUM', (c) => c.forum],
        ['CC', (c) => c.country],
        ['NEXT DEADLINE', (c) => c.nextDeadline],
        ['TITLE', (c) => c.title],
        ['ID', (c) => c.id],
      ],
      'No cases match.',
    );
    if (!ctx.out.json && page.total > page.items.length) {
      ctx.out.note(
        `Showing ${page.offset + 1}–${page.offset + page.items.length} of ${page.total}; use --offset and --limit for more.`,
      );
    }
  },
};

const show: Command = {
  path: ['case', 'show'],
  summary: 'Show one case.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const c = await callEngine(ctx, 'cases', 'get', { id: idArg(ctx, 'case') });
    printRecord(ctx, c, caseLines(c));
  },
};

const update: Command = {
  path: ['case', 'update'],
  summary: 'Change fields of a case (--tag and --team replace the whole list; "" clears a field).',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    title: { type: 'string', description: 'new title', valueName: 'T' },
    'expected-version': {
      type: 'string',
      description: 'refuse if the case is no longer at this version',
      valueName: 'N',
    },
    ...FIELD_OPTIONS,
  },
  async run(ctx) {
    const input = dropUndefined({
      id: idArg(ctx, 'case'),
      expectedVersion: intOpt(ctx, 'expected-version'),
      title: stringOpt(ctx, 'title'),
      forum: nullableOpt(ctx, 'forum'),
      country: nullableOpt(ctx, 'country'),
      jurisdiction: nullableOpt(ctx, 'jurisdiction'),
      stage: nullableOpt(ctx, 'stage'),
      sensitivity: stringOpt(ctx, 'sensitivity'),
      summary: stringOpt(ctx, 'summary'),
      strategy: stringOpt(ctx, 'strategy'),
      project: nullableOpt(ctx, 'project'),
      donorCode: nullableOpt(ctx, 'donor-code'),
      tags: ctx.values.tag !== undefined ? listOpt(ctx, 'tag') : undefined,
      team: teamOpt(ctx),
    });
    if (Object.keys(input).length <= 1)
      throw new UsageError('say what to change, e.g. --title or --stage (see "case-vault help case update").');
    const c = await callEngine(ctx, 'cases', 'update', input);
    printRecord(ctx, c, caseLines(c));
  },
};

const status: Command = {
  path: ['case', 'status'],
  summary: 'Move a case along its workflow (enquiry → assessment → accepted | referred | declined → active → closed).',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    to: { type: 'string', description: 'the new status', valueName: 'S' },
    reason: { type: 'string', description: 'why (required to refer, decline, close or reopen)', valueName: 'TEXT' },
  },
  async run(ctx) {
    const c = await callEngine(
      ctx,
      'cases',
      'transition',
      dropUndefined({ id: idArg(ctx, 'case'), to: stringOpt(ctx, 'to'), reason: stringOpt(ctx, 'reason') }),
    );
    printRecord(ctx, c, caseLines(c));
  },
};

const close: Command = {
  path: ['case', 'close'],
  summary: 'Close a case, saying why.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: { reason: { type: 'string', description: 'why the case is closed (required)', valueName: 'TEXT' } },
  async run(ctx) {
    const reason = stringOpt(ctx, 'reason');
    if (!reason) throw new UsageError('--reason is required: say why the case is closed.');
    const c = await callEngine(ctx, 'cases', 'close', { id: idArg(ctx, 'case'), reason });
    printRecord(ctx, c, caseLines(c));
  },
};

const history: Command = {
  path: ['case', 'history'],
  summary: 'Show what changed in a case, version by version.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: { full: { type: 'boolean', description: 'show old and new values, not only field names' } },
  async run(ctx) {
    const entries = await callEngine(ctx, 'cases', 'history', { id: idArg(ctx, 'case') });
    const full = boolOpt(ctx, 'full');
    printTable(ctx, entries, [
      ['VERSION', (e) => e.version],
      ['AT', (e) => e.at],
      ['CHANGES', (e) => (full ? JSON.stringify(e.changes) : Object.keys(e.changes).join(', '))],
    ]);
  },
};

const purge: Command = {
  path: ['case', 'purge'],
  summary: 'Purge a case and everything under it; people in this case only are erased with it (cannot be undone).',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    ...ERASURE_OPTIONS,
    'without-recall': {
      type: 'boolean',
      description: 'purge although partners that received its people were sent no recall notice',
    },
  },
  async run(ctx) {
    const id = idArg(ctx, 'case');
    const reason = erasureReason(ctx);
    await confirmErasure(ctx, id, `case ${id} with everything under it`);
    const r = await callEngine(ctx, 'cases', 'purge', {
      id,
      reason,
      ...(boolOpt(ctx, 'without-recall') ? { withoutRecall: true } : {}),
    });
    printRecord(ctx, r, [
      ['purged', r.caseId],
      ['reference kept', r.reference ?? 'no (typed by a person: only its hash is kept)'],
      ...(Object.entries(r.counts) as Array<[string, number]>),
      ['people erased', r.peopleErased],
      ['people kept', r.peopleKept],
      ['erased at', r.erasedAt],
    ]);
    printPartners(ctx, r.partners);
  },
};

const retentionReview: Command = {
  path: ['case', 'retention-review'],
  summary: 'List closed cases past the retention period (policy set --retention-years), for review; deletes nothing.',
  maxArgs: 0,
  async run(ctx) {
    const r = await callEngine(ctx, 'cases', 'retentionReview', {});
    if (ctx.out.json) return ctx.out.printJson(r);
    if (r.retentionYears === null) {
      ctx.out.print('No retention period is set (policy set --retention-years N).');
      return;
    }
    ctx.out.note(`Retention: ${r.retentionYears} years; closed on or before ${r.closedOnOrBefore}.`);
    printTable(
      ctx,
      r.cases,
      [
        ['REFERENCE', (c) => c.reference],
        ['CLOSED', (c) => c.closedOn],
        ['YEARS', (c) => c.yearsClosed],
        ['TITLE', (c) => c.title],
        ['ID', (c) => c.id],
      ],
      'No closed case is past the retention period.',
    );
  },
};

export const caseCommands: Command[] = [add, list, show, update, status, close, history, purge, retentionReview];
