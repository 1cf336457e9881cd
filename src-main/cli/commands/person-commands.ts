/** person add | list | show | update | link | unlink */
import { GENDERS, ROLES, VULNERABILITIES, type Person } from '../../../shared/domain/people.js';
import { findPossibleDuplicates } from '../../engine/people/person-service.js';
import type { Command, CommandContext, OptionSpec } from '../command.js';
import { boolOpt, choices, stringOpt } from '../command.js';
import { dropUndefined, idArg, intOpt, listOpt, printRecord, printTable, terminalSafe } from '../domain-cli.js';
import { callEngine, withEngine } from '../engine-call.js';
import { UsageError } from '../io.js';
import type { ErasurePartner } from '../../../shared/domain/erasure.js';
import { ERASURE_OPTIONS, confirmErasure, erasureReason } from '../confirm-erasure.js';

const FIELDS: Record<string, OptionSpec> = {
  alias: {
    type: 'string',
    multiple: true,
    description: 'another name the person is known by (repeat)',
    valueName: 'A',
  },
  pseudonym: { type: 'string', description: 'the name used in anything that leaves the vault', valueName: 'P' },
  gender: { type: 'string', description: choices(GENDERS), valueName: 'G' },
  'birth-date': { type: 'string', description: 'YYYY, YYYY-MM or YYYY-MM-DD', valueName: 'DATE' },
  country: { type: 'string', description: 'ISO 3166 two-letter country code', valueName: 'CC' },
  contact: { type: 'string', description: 'how to reach the person safely', valueName: 'TEXT' },
  'safety-notes': { type: 'string', description: 'what to be careful of when contacting them', valueName: 'TEXT' },
  vulnerability: {
    type: 'string',
    multiple: true,
    description: `${choices(VULNERABILITIES)} (repeat)`,
    valueName: 'V',
  },
  notes: { type: 'string', description: 'other notes', valueName: 'TEXT' },
};

function fieldInput(ctx: CommandContext, forUpdate: boolean): Record<string, unknown> {
  const clearable = (name: string) => {
    const v = stringOpt(ctx, name);
    return forUpdate && v === '' ? null : v;
  };
  return dropUndefined({
    aliases: ctx.values.alias !== undefined ? listOpt(ctx, 'alias') : undefined,
    pseudonym: clearable('pseudonym'),
    gender: clearable('gender'),
    birthDate: clearable('birth-date'),
    country: clearable('country'),
    contact: stringOpt(ctx, 'contact'),
    safetyNotes: stringOpt(ctx, 'safety-notes'),
    vulnerabilities: ctx.values.vulnerability !== undefined ? listOpt(ctx, 'vulnerability') : undefined,
    notes: stringOpt(ctx, 'notes'),
  });
}

function personLines(p: Person): Array<[string, unknown]> {
  return [
    ['id', p.id],
    ['name', p.fullName],
    ['aliases', p.aliases],
    ['pseudonym', p.pseudonym],
    ['gender', p.gender],
    ['born', p.birthDate],
    ['country', p.country],
    ['vulnerabilities', p.vulnerabilities],
    ['roles', p.roles.map((r) => `${r.role} in ${r.caseReference}`)],
    ['contact', p.contact],
    ['safety notes', p.safetyNotes],
    ['notes', p.notes],
    ['version', p.version],
  ];
}

const add: Command = {
  path: ['person', 'add'],
  summary: 'Add a person (survivor, witness, family member, alleged perpetrator, lawyer, expert).',
  options: { name: { type: 'string', description: 'full name (required)', valueName: 'N' }, ...FIELDS },
  async run(ctx) {
    const input = { fullName: stringOpt(ctx, 'name'), ...fieldInput(ctx, false) };
    const { p, similar } = await withEngine(ctx, async (engine) => {
      const created = await engine.call('people', 'create', input);
      // the contract's look-up is by name, before adding; this one is by the new person's names
      return { p: created, similar: findPossibleDuplicates(engine.domain, created.id) };
    });
    printRecord(ctx, p, personLines(p));
    // duplicate detection: on stderr, so that --json output stays the record
    for (const m of similar) {
      ctx.out.note(
        `possible duplicate: "${terminalSafe(m.query)}" ~ ${terminalSafe(m.matchedName)} (${m.matchedKind}, ${terminalSafe(m.reason)}) — person ${m.personId}`,
      );
    }
  },
};

const list: Command = {
  path: ['person', 'list'],
  summary: 'List people, by case, role or name.',
  options: {
    case: { type: 'string', description: 'only people in this case', valueName: 'ID' },
    role: { type: 'string', description: 'only people with this role', valueName: 'R' },
    name: { type: 'string', description: 'part of a name, alias or pseudonym', valueName: 'TEXT' },
    limit: { type: 'string', description: 'at most N (default 100)', valueName: 'N' },
    offset: { type: 'string', description: 'skip the first N', valueName: 'N' },
  },
  async run(ctx) {
    const query = dropUndefined({
      caseId: stringOpt(ctx, 'case'),
      role: stringOpt(ctx, 'role'),
      name: stringOpt(ctx, 'name'),
      limit: intOpt(ctx, 'limit'),
      offset: intOpt(ctx, 'offset'),
    });
    const page = await callEngine(ctx, 'people', 'list', query);
    printTable(
      ctx,
      page.items,
      [
        ['NAME', (p) => p.fullName],
        ['PSEUDONYM', (p) => p.pseudonym],
        ['ROLES', (p) => p.roles.map((r) => `${r.role}@${r.caseReference}`)],
        ['ID', (p) => p.id],
      ],
      'No people match.',
    );
  },
};

const show: Command = {
  path: ['person', 'show'],
  summary: 'Show one person with their roles.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const p = await callEngine(ctx, 'people', 'get', { id: idArg(ctx, 'person') });
    printRecord(ctx, p, personLines(p));
  },
};

const update: Command = {
  path: ['person', 'update'],
  summary: 'Change fields of a person (--alias and --vulnerability replace the list; "" clears a field).',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    name: { type: 'string', description: 'new full name', valueName: 'N' },
    'expected-version': { type: 'string', description: 'refuse if no longer at this version', valueName: 'N' },
    ...FIELDS,
  },
  async run(ctx) {
    const input = dropUndefined({
      id: idArg(ctx, 'person'),
      expectedVersion: intOpt(ctx, 'expected-version'),
      fullName: stringOpt(ctx, 'name'),
      ...fieldInput(ctx, true),
    });
    if (Object.keys(input).length <= 1)
      throw new UsageError('say what to change (see "case-vault help person update").');
    const p = await callEngine(ctx, 'people', 'update', input);
    printRecord(ctx, p, personLines(p));
  },
};

const LINK_OPTIONS: Record<string, OptionSpec> = {
  person: { type: 'string', description: 'the person (required)', valueName: 'ID' },
  case: { type: 'string', description: 'the case (required)', valueName: 'ID' },
  role: {
    type: 'string',
    description: choices(ROLES, { survivor: 'or client' }),
    valueName: 'R',
  },
};

const link: Command = {
  path: ['person', 'link'],
  summary: 'Give a person a role in a case.',
  options: LINK_OPTIONS,
  async run(ctx) {
    const input = { personId: stringOpt(ctx, 'person'), caseId: stringOpt(ctx, 'case'), role: stringOpt(ctx, 'role') };
    const p = await callEngine(ctx, 'people', 'link', input);
    printRecord(ctx, p, personLines(p));
  },
};

const unlink: Command = {
  path: ['person', 'unlink'],
  summary: 'Remove a role of a person in a case (consents stay, as history).',
  options: LINK_OPTIONS,
  async run(ctx) {
    const input = { personId: stringOpt(ctx, 'person'), caseId: stringOpt(ctx, 'case'), role: stringOpt(ctx, 'role') };
    const p = await callEngine(ctx, 'people', 'unlink', input);
    printRecord(ctx, p, personLines(p));
  },
};

/** The partners that received erased records, with what to do about each. */
export function printPartners(ctx: CommandContext, partners: readonly ErasurePartner[]): void {
  for (const x of partners) {
    ctx.out.note(
      `${terminalSafe(x.name)} (${x.partnerId}) received these records in ${x.bundles.length} bundle${x.bundles.length === 1 ? '' : 's'}: ${
        x.recallSent ? 'a recall notice was sent' : 'no recall notice was sent — tell them to erase their copy'
      }`,
    );
  }
}

const erase: Command = {
  path: ['person', 'erase'],
  summary: 'Erase a person: every personal field, name, role and consent (a content-free tombstone stays).',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    ...ERASURE_OPTIONS,
    'without-recall': {
      type: 'boolean',
      description: 'erase although partners that received the person were sent no recall notice',
    },
  },
  async run(ctx) {
    const id = idArg(ctx, 'person');
    const reason = erasureReason(ctx);
    await confirmErasure(ctx, id, `person ${id}`);
    const r = await callEngine(ctx, 'people', 'erase', {
      id,
      reason,
      ...(boolOpt(ctx, 'without-recall') ? { withoutRecall: true } : {}),
    });
    printRecord(ctx, r, [
      ['erased', r.personId],
      ['consents', r.consents],
      ['roles', r.roles],
      ['enquiries', r.enquiries],
      ['partners', r.partners.map((x) => `${x.name} (${x.recallSent ? 'recall sent' : 'no recall sent'})`)],
      ['erased at', r.erasedAt],
    ]);
    printPartners(ctx, r.partners);
  },
};

export const personCommands: Command[] = [add, list, show, update, link, unlink, erase];
