/**
 * consent add | list | show | withdraw | renew | check — informed consent and the consent gate
 * (docs/consents.md). `consent check` exits 0 when the gate allows and 1 with
 * `error: CONSENT_DENIED: <why>` when it does not, so scripts can branch on it.
 */
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  RECIPIENT_CLASSES,
  TOLD_ELEMENTS,
  type ConsentRecipient,
  type ConsentWithStatus,
} from '../../../shared/domain/consents.js';
import { VaultError } from '../../../shared/errors.js';
import type { Command, CommandContext } from '../command.js';
import { boolOpt, choices, stringOpt } from '../command.js';
import { idArg, listOpt, printRecord, printTable, terminalSafe } from '../domain-cli.js';
import { callEngine, withEngine } from '../engine-call.js';

const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A value that looks like a UUID is a partner id; anything else is a class (the engine checks it). */
function recipientOpt(ctx: CommandContext): { partnerId: string } | { class: string } | undefined {
  const v = stringOpt(ctx, 'recipient');
  if (v === undefined) return undefined;
  const t = v.trim();
  return UUID_LIKE.test(t) ? { partnerId: t.toLowerCase() } : { class: t };
}

function recipientText(c: { recipient: ConsentRecipient | null }): string {
  if (!c.recipient) return '';
  return 'partnerId' in c.recipient ? `partner ${c.recipient.partnerId}` : c.recipient.class;
}

function consentLines(c: ConsentWithStatus): Array<[string, unknown]> {
  const missing = TOLD_ELEMENTS.filter((e) => !c.told.includes(e));
  return [
    ['id', c.id],
    ['series', c.seriesId],
    ['version', `${c.version}${c.current ? '' : ' (not the current version)'}`],
    ['status', c.status],
    [
      'received',
      c.received
        ? `from a partner (vault ${c.originVault}): their record; it decides nothing in this vault`
        : undefined,
    ],
    ['state', c.state],
    ['person', c.personId],
    ['case', c.caseId],
    ['purpose', c.purpose],
    ['recipient', recipientText(c)],
    ['method', c.method],
    ['language', c.language],
    ['witness', c.witness],
    ['given at', c.givenAt],
    ['expires at', c.expiresAt],
    ['told', c.told.length ? c.told : 'nothing recorded'],
    ['not told', missing],
    ['refusal reason', c.refusalReason],
    ['withdrawn at', c.withdrawnAt],
    ['withdrawal reason', c.withdrawalReason],
    ['notes', c.notes],
    ['recorded', c.createdAt],
  ];
}

const versionColumns: Array<[string, (c: ConsentWithStatus) => unknown]> = [
  ['VERSION', (c) => c.version],
  ['ID', (c) => c.id],
  ['STATE', (c) => c.state],
  ['GIVEN', (c) => c.givenAt],
  ['EXPIRES', (c) => c.expiresAt],
  ['WITHDRAWN', (c) => c.withdrawnAt],
  ['RECORDED', (c) => c.createdAt],
];

const recipientOption = {
  type: 'string',
  description: `a partner id (UUID) or a class: ${choices(RECIPIENT_CLASSES)}`,
  valueName: 'PARTNER_ID|CLASS',
} as const;

const addCommand: Command = {
  path: ['consent', 'add'],
  summary: "Record a person's consent (or refusal) for one purpose in a case.",
  options: {
    person: { type: 'string', description: 'the person (id); must be linked to the case', valueName: 'ID' },
    case: { type: 'string', description: 'the case (id)', valueName: 'ID' },
    purpose: {
      type: 'string',
      description: choices(CONSENT_PURPOSES),
      valueName: 'PURPOSE',
    },
    recipient: recipientOption,
    method: {
      type: 'string',
      description: choices(CONSENT_METHODS, { 'oral-witnessed': 'needs --witness' }),
      valueName: 'METHOD',
    },
    'given-at': { type: 'string', description: 'the date (YYYY-MM-DD) or time of the decision', valueName: 'DATE' },
    'expires-at': {
      type: 'string',
      description: 'when the consent ends (a date covers its whole day)',
      valueName: 'DATE',
    },
    language: {
      type: 'string',
      description: 'the language the person was informed in, e.g. en, fr, pt-BR',
      valueName: 'LANG',
    },
    witness: { type: 'string', description: 'who witnessed an oral consent', valueName: 'NAME' },
    refused: { type: 'boolean', description: 'the person refused (needs --reason)' },
    reason: { type: 'string', description: 'why the person refused', valueName: 'TEXT' },
    told: {
      type: 'string',
      description: `what the person was told (default: all of ${TOLD_ELEMENTS.join(',')})`,
      valueName: 'LIST',
    },
    notes: { type: 'string', description: 'notes', valueName: 'TEXT' },
  },
  async run(ctx) {
    const told = ctx.values.told === undefined ? [...TOLD_ELEMENTS] : listOpt(ctx, 'told');
    const refused = boolOpt(ctx, 'refused');
    const input: Record<string, unknown> = {
      personId: stringOpt(ctx, 'person'),
      caseId: stringOpt(ctx, 'case'),
      purpose: stringOpt(ctx, 'purpose'),
      recipient: recipientOpt(ctx),
      decision: refused ? 'refused' : 'given',
      refusalReason: stringOpt(ctx, 'reason'),
      told,
      method: stringOpt(ctx, 'method'),
      language: stringOpt(ctx, 'language'),
      witness: stringOpt(ctx, 'witness'),
      givenAt: stringOpt(ctx, 'given-at'),
      expiresAt: stringOpt(ctx, 'expires-at'),
      notes: stringOpt(ctx, 'notes'),
    };
    for (const k of Object.keys(input)) if (input[k] === undefined) delete input[k];
    const c = await callEngine(ctx, 'consents', 'add', input);
    if (ctx.out.json) return ctx.out.printJson(c);
    printRecord(ctx, c, consentLines(c));
    if (c.state === 'given' && c.told.length < TOLD_ELEMENTS.length)
      ctx.out.note(
        'Note: not every element of informed consent is recorded as told; the consent gate will deny until it is.',
      );
  },
};

const listCommand: Command = {
  path: ['consent', 'list'],
  summary: 'List consents (the current version of each) with where each stands now.',
  options: {
    person: { type: 'string', description: 'only this person (id)', valueName: 'ID' },
    case: { type: 'string', description: 'only this case (id)', valueName: 'ID' },
    'all-versions': { type: 'boolean', description: 'every version, not only the current one' },
  },
  async run(ctx) {
    const items = await callEngine(ctx, 'consents', 'list', {
      ...(stringOpt(ctx, 'person') !== undefined ? { personId: stringOpt(ctx, 'person') } : {}),
      ...(stringOpt(ctx, 'case') !== undefined ? { caseId: stringOpt(ctx, 'case') } : {}),
      allVersions: boolOpt(ctx, 'all-versions'),
    });
    printTable(
      ctx,
      items,
      [
        ['ID', (c) => c.id],
        ...(boolOpt(ctx, 'all-versions')
          ? ([['V', (c: ConsentWithStatus) => c.version]] as Array<[string, (c: ConsentWithStatus) => unknown]>)
          : []),
        ['PERSON', (c) => c.personId],
        ['CASE', (c) => c.caseId],
        ['PURPOSE', (c) => c.purpose],
        ['RECIPIENT', (c) => recipientText(c)],
        ['STATUS', (c) => c.status],
        ['GIVEN', (c) => c.givenAt],
        ['EXPIRES', (c) => c.expiresAt],
      ],
      'No consents recorded.',
    );
  },
};

const showCommand: Command = {
  path: ['consent', 'show'],
  summary: 'Show one consent version and every version of its series.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {},
  async run(ctx) {
    const id = idArg(ctx, 'consent');
    const { c, versions } = await withEngine(ctx, async (engine) => ({
      c: await engine.call('consents', 'get', { id }),
      versions: await engine.call('consents', 'history', { id }),
    }));
    if (ctx.out.json) return ctx.out.printJson({ ...c, versions });
    printRecord(ctx, c, consentLines(c));
    ctx.out.print('\nVersions:');
    printTable(ctx, versions, versionColumns);
  },
};

const withdrawCommand: Command = {
  path: ['consent', 'withdraw'],
  summary: 'Record that the person withdrew a consent (a new version; the old ones stay).',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    reason: { type: 'string', description: 'why (required)', valueName: 'TEXT' },
    at: {
      type: 'string',
      description: 'when the person withdrew (default: now; not in the future)',
      valueName: 'DATE',
    },
  },
  async run(ctx) {
    const c = await callEngine(ctx, 'consents', 'withdraw', {
      id: idArg(ctx, 'consent'),
      reason: stringOpt(ctx, 'reason'),
      ...(stringOpt(ctx, 'at') !== undefined ? { at: stringOpt(ctx, 'at') } : {}),
    });
    printRecord(ctx, c, consentLines(c));
  },
};

const renewCommand: Command = {
  path: ['consent', 'renew'],
  summary: 'Record that the person renewed a consent with a new expiry (a new version).',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    'expires-at': { type: 'string', description: 'the new expiry (required)', valueName: 'DATE' },
    at: { type: 'string', description: 'when the person renewed (default: now; not in the future)', valueName: 'DATE' },
  },
  async run(ctx) {
    const c = await callEngine(ctx, 'consents', 'renew', {
      id: idArg(ctx, 'consent'),
      expiresAt: stringOpt(ctx, 'expires-at'),
      ...(stringOpt(ctx, 'at') !== undefined ? { at: stringOpt(ctx, 'at') } : {}),
    });
    printRecord(ctx, c, consentLines(c));
  },
};

const checkCommand: Command = {
  path: ['consent', 'check'],
  summary: 'Ask the consent gate: exit 0 if allowed, else exit 1 with CONSENT_DENIED and the reason.',
  options: {
    person: { type: 'string', description: 'the person (id)', valueName: 'ID' },
    case: { type: 'string', description: 'the case (id)', valueName: 'ID' },
    purpose: {
      type: 'string',
      description: choices(CONSENT_PURPOSES),
      valueName: 'PURPOSE',
    },
    recipient: recipientOption,
    at: {
      type: 'string',
      description: 'decide as of this date or time (default: now; a date means its end)',
      valueName: 'DATE',
    },
  },
  async run(ctx) {
    const query: Record<string, unknown> = {
      personId: stringOpt(ctx, 'person'),
      caseId: stringOpt(ctx, 'case'),
      purpose: stringOpt(ctx, 'purpose'),
      recipient: recipientOpt(ctx),
      at: stringOpt(ctx, 'at'),
    };
    for (const k of Object.keys(query)) if (query[k] === undefined) delete query[k];
    const r = await callEngine(ctx, 'consents', 'check', query);
    // the gate's answer as an exit status: scripts branch on it
    if (!r.allowed) throw new VaultError('CONSENT_DENIED', r.message);
    if (ctx.out.json) return ctx.out.printJson(r);
    // the gate's sentence names the partner (whose name may come from its card): one safe line
    ctx.out.print(`Allowed. ${terminalSafe(r.message)}\nconsent: ${r.consentId} (series ${r.seriesId})`);
  },
};

export const consentCommands: Command[] = [
  addCommand,
  listCommand,
  showCommand,
  withdrawCommand,
  renewCommand,
  checkCommand,
];
