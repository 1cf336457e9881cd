/** enquiry add | list | show | check | decide */
import { CHANNELS, ENQUIRY_STATUSES, type ConflictMatch, type Enquiry } from '../../../shared/domain/enquiries.js';
import { ROLES } from '../../../shared/domain/people.js';
import type { Command, CommandContext } from '../command.js';
import { boolOpt, choices, stringOpt } from '../command.js';
import { dropUndefined, idArg, intOpt, listOpt, printRecord, printTable, terminalSafe } from '../domain-cli.js';
import { callEngine } from '../engine-call.js';
import { UsageError } from '../io.js';

function enquiryLines(e: Enquiry): Array<[string, unknown]> {
  return [
    ['id', e.id],
    ['received', `${e.receivedOn} (${e.channel})`],
    ['from', e.enquirerName],
    ['contact', e.enquirerContact],
    // numbered from 1, as `decide --create-person N` and `--link-person N:…` take them
    ['names', e.namedPeople.map((n, i) => `${i + 1}. ${n.role ? `${n.name} (${n.role})` : n.name}`)],
    ['summary', e.summary],
    ['status', e.status],
    ['reason', e.decisionReason],
    ['case', e.caseId],
    ['referred to', e.referredPartnerId],
    [
      'conflicts',
      e.conflicts.length === 0
        ? `none found (${e.conflictCheckedAt ?? 'not checked'})`
        : `${e.conflicts.length} possible`,
    ],
  ];
}

/** Who or what a match points at: a person and their roles in cases, or an earlier enquiry and the role it gave. */
function matchTarget(m: ConflictMatch): string {
  if (m.enquiry) {
    const as =
      m.matchedKind === 'enquirer' ? 'who made contact' : m.enquiry.role ? `named as ${m.enquiry.role}` : 'named';
    return `${as} in enquiry ${m.enquiry.id} of ${m.enquiry.receivedOn} (${m.enquiry.status})`;
  }
  const roles = m.roles.length
    ? m.roles.map((r) => `${r.role} in ${terminalSafe(r.caseReference)}`).join('; ')
    : 'no role in a case';
  return `${roles} — person ${m.personId}`;
}

function printConflicts(ctx: CommandContext, e: Enquiry): void {
  if (ctx.out.json || e.conflicts.length === 0) return;
  ctx.out.print('\nPossible conflicts (review before accepting):');
  for (const m of e.conflicts) {
    // names and references may have come from a partner's bundle: one terminal-safe line
    const how =
      m.match === 'exact' || m.match === 'partial' ? m.match : `${terminalSafe(m.reason)}, score ${m.score.toFixed(2)}`;
    ctx.out.print(
      `  "${terminalSafe(m.query)}" ~ ${terminalSafe(m.matchedName)} (${m.matchedKind}, ${how}) — ${matchTarget(m)}`,
    );
  }
}

/** `--name N`, or `--name ROLE:N` for the role the enquiry gives that person (alleged-perpetrator:Sgt. Peter Kamau). */
function namedPerson(v: string): string | { name: string; role: string } {
  const i = v.indexOf(':');
  const role = i > 0 ? v.slice(0, i).trim().toLowerCase() : '';
  return (ROLES as readonly string[]).includes(role) || role === 'client' ? { name: v.slice(i + 1).trim(), role } : v;
}

const add: Command = {
  path: ['enquiry', 'add'],
  summary: 'Record an enquiry; the conflict check runs at once.',
  options: {
    channel: {
      type: 'string',
      description: choices(CHANNELS),
      valueName: 'C',
    },
    summary: { type: 'string', description: 'what the enquiry is about (required)', valueName: 'TEXT' },
    from: { type: 'string', description: 'who made contact (required)', valueName: 'NAME' },
    contact: { type: 'string', description: 'how to reach them', valueName: 'TEXT' },
    name: {
      type: 'string',
      multiple: true,
      description:
        'another person named in the enquiry, for the conflict check (repeat); ROLE:N gives the role the enquiry gives them, e.g. alleged-perpetrator:N',
      valueName: 'N',
    },
    'received-on': { type: 'string', description: 'date received (default today)', valueName: 'DATE' },
  },
  async run(ctx) {
    const input = dropUndefined({
      channel: stringOpt(ctx, 'channel'),
      summary: stringOpt(ctx, 'summary'),
      enquirerName: stringOpt(ctx, 'from'),
      enquirerContact: stringOpt(ctx, 'contact'),
      namesMentioned: ctx.values.name !== undefined ? (ctx.values.name as string[]).map(namedPerson) : undefined,
      receivedOn: stringOpt(ctx, 'received-on'),
    });
    const e = await callEngine(ctx, 'enquiries', 'add', input);
    printRecord(ctx, e, enquiryLines(e));
    printConflicts(ctx, e);
  },
};

const list: Command = {
  path: ['enquiry', 'list'],
  summary: 'List enquiries, newest first.',
  options: {
    status: { type: 'string', description: choices(ENQUIRY_STATUSES), valueName: 'S' },
    limit: { type: 'string', description: 'at most N (default 100)', valueName: 'N' },
    offset: { type: 'string', description: 'skip the first N', valueName: 'N' },
  },
  async run(ctx) {
    const page = await callEngine(
      ctx,
      'enquiries',
      'list',
      dropUndefined({ status: stringOpt(ctx, 'status'), limit: intOpt(ctx, 'limit'), offset: intOpt(ctx, 'offset') }),
    );
    printTable(
      ctx,
      page.items,
      [
        ['RECEIVED', (e) => e.receivedOn],
        ['STATUS', (e) => e.status],
        ['CHANNEL', (e) => e.channel],
        ['CONFLICTS', (e) => e.conflicts.length],
        ['FROM', (e) => e.enquirerName],
        ['ID', (e) => e.id],
      ],
      'No enquiries.',
    );
  },
};

const show: Command = {
  path: ['enquiry', 'show'],
  summary: 'Show an enquiry with its conflict check.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const e = await callEngine(ctx, 'enquiries', 'get', { id: idArg(ctx, 'enquiry') });
    printRecord(ctx, e, enquiryLines(e));
    printConflicts(ctx, e);
  },
};

const check: Command = {
  path: ['enquiry', 'check'],
  summary: 'Run the conflict check again (people may have been added since).',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const e = await callEngine(ctx, 'enquiries', 'checkConflicts', { id: idArg(ctx, 'enquiry') });
    printRecord(ctx, e, enquiryLines(e));
    printConflicts(ctx, e);
  },
};

/** The name number N as the user typed it (from 1) → the engine's index (from 0). */
function nameIndex(option: string, v: string): number {
  const n = /^[1-9]\d?$/.test(v) ? Number(v) : NaN;
  if (!(n >= 1 && n <= 50))
    throw new UsageError(`--${option}: "${v}" is not a name number (1, 2, … as \`enquiry show\` numbers them).`);
  return n - 1;
}

/** --create-person N[:ROLE] and --link-person N:PERSON_ID[:ROLE] → the engine's namedPeople choices. */
function namedPeopleChoices(ctx: CommandContext): Array<Record<string, unknown>> {
  const created = ctx.values['create-person'] !== undefined ? listOpt(ctx, 'create-person') : [];
  const linked = ctx.values['link-person'] !== undefined ? listOpt(ctx, 'link-person') : [];
  // the engine checks the numbers against the enquiry and refuses two choices for one name
  return [
    ...created.map((v) => {
      const [n = '', role] = v.split(':');
      return dropUndefined({ index: nameIndex('create-person', n.trim()), action: 'create', role: role?.trim() });
    }),
    ...linked.map((v) => {
      const [n = '', personId, role] = v.split(':');
      if (!personId)
        throw new UsageError(`--link-person: "${v}" needs N:PERSON_ID (the person id the conflict check names).`);
      return dropUndefined({
        index: nameIndex('link-person', n.trim()),
        action: 'link',
        personId: personId.trim(),
        role: role?.trim(),
      });
    }),
  ];
}

const decide: Command = {
  path: ['enquiry', 'decide'],
  summary: 'Accept (opens a case), refer (to a partner) or decline an enquiry.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    accept: { type: 'boolean', description: 'accept: open a case' },
    refer: { type: 'string', description: 'refer to this partner', valueName: 'PARTNER_ID' },
    decline: { type: 'boolean', description: 'decline' },
    reason: { type: 'string', description: 'why (required to refer or decline)', valueName: 'TEXT' },
    title: { type: 'string', description: 'accept: title of the new case', valueName: 'T' },
    forum: { type: 'string', description: 'accept: forum of the new case', valueName: 'F' },
    country: { type: 'string', description: 'accept: country of the new case', valueName: 'CC' },
    tag: { type: 'string', multiple: true, description: 'accept: tags of the new case', valueName: 'T' },
    'enquirer-role': {
      type: 'string',
      description: 'accept: also add the enquirer to the case with this role',
      valueName: 'R',
    },
    'conflicts-reviewed': { type: 'boolean', description: 'accept: confirm you reviewed the conflict-check matches' },
    'create-person': {
      type: 'string',
      multiple: true,
      description: 'accept: record name N of the enquiry (as numbered by show) as a new person in the case',
      valueName: 'N[:ROLE]',
    },
    'link-person': {
      type: 'string',
      multiple: true,
      description: 'accept: give an existing person the role of name N instead (a conflict-check match)',
      valueName: 'N:PERSON_ID[:ROLE]',
    },
  },
  async run(ctx) {
    const chosen = [boolOpt(ctx, 'accept'), stringOpt(ctx, 'refer') !== undefined, boolOpt(ctx, 'decline')].filter(
      Boolean,
    ).length;
    if (chosen !== 1) throw new UsageError('give exactly one of --accept, --refer PARTNER_ID or --decline.');
    const id = idArg(ctx, 'enquiry');
    const reason = stringOpt(ctx, 'reason');
    let input: Record<string, unknown>;
    if (boolOpt(ctx, 'accept')) {
      const caseFields = dropUndefined({
        title: stringOpt(ctx, 'title'),
        forum: stringOpt(ctx, 'forum'),
        country: stringOpt(ctx, 'country'),
        tags: ctx.values.tag !== undefined ? listOpt(ctx, 'tag') : undefined,
      });
      input = dropUndefined({
        id,
        decision: 'accept',
        reason,
        case: caseFields,
        enquirerRole: stringOpt(ctx, 'enquirer-role'),
        acknowledgeConflicts: boolOpt(ctx, 'conflicts-reviewed'),
        namedPeople: namedPeopleChoices(ctx),
      });
    } else if (stringOpt(ctx, 'refer') !== undefined) {
      input = { id, decision: 'refer', partnerId: stringOpt(ctx, 'refer'), reason };
    } else {
      input = { id, decision: 'decline', reason };
    }
    const e = await callEngine(ctx, 'enquiries', 'decide', input);
    printRecord(ctx, e, enquiryLines(e));
  },
};

export const enquiryCommands: Command[] = [add, list, show, check, decide];
