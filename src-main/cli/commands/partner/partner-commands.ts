/** partner add | list | show | update | agreement add | agreement update | profile */
import {
  AGREEMENT_KINDS,
  DD_OUTCOMES,
  DEFAULT_SHARING_FIELDS,
  PARTNER_KINDS,
  SHARING_KINDS,
  type Partner,
  type PartnerAgreement,
  type PartnerDetail,
  type SharingProfile,
} from '../../../../shared/domain/partners.js';
import type { PartnerClearance } from '../../../../shared/domain/policy.js';
import type { Command, CommandContext, OptionSpec } from '../../command.js';
import { boolOpt, choices, stringOpt } from '../../command.js';
import {
  dropUndefined,
  idArg,
  intOpt,
  nullableOpt,
  numberOpt,
  printRecord,
  printTable,
  requireSomeChange,
} from '../../domain-cli.js';
import { callEngine, withEngine } from '../../engine-call.js';
import { UsageError } from '../../io.js';
import { type PostQuantumState, addPartnerFromCard, keyStateText, postQuantumState } from './partner-key-commands.js';

const PARTNER_OPTIONS: Record<string, OptionSpec> = {
  name: { type: 'string', description: 'organisation name', valueName: 'N' },
  kind: {
    type: 'string',
    description: choices(PARTNER_KINDS, { npm: 'national preventive mechanism' }),
    valueName: 'K',
  },
  country: { type: 'string', description: 'ISO 3166 two-letter country code', valueName: 'CC' },
  contact: { type: 'string', description: 'how to reach them', valueName: 'TEXT' },
  notes: { type: 'string', description: 'notes', valueName: 'TEXT' },
  tier: {
    type: 'string',
    description: 'due-diligence tier: small (≤ £2,000), medium (≤ £10,000), large',
    valueName: 'T',
  },
  amount: { type: 'string', description: 'amount involved, whole pounds: sets the tier', valueName: 'GBP' },
  'review-on': { type: 'string', description: 'due-diligence review date', valueName: 'DATE' },
  'dd-outcome': {
    type: 'string',
    description: choices(DD_OUTCOMES),
    valueName: 'O',
  },
  'dd-notes': { type: 'string', description: 'due-diligence notes', valueName: 'TEXT' },
};

function profileLines(profile: SharingProfile): Array<[string, unknown]> {
  const kinds = SHARING_KINDS.filter((k) => profile[k] !== undefined);
  if (kinds.length === 0) return [['shares', 'nothing (no sharing profile)']];
  return kinds.map((k) => [`shares ${k}`, profile[k]!.join(', ')]);
}

function partnerLines(p: Partner): Array<[string, unknown]> {
  return [
    ['id', p.id],
    ['name', p.name],
    ['kind', p.kind],
    ['country', p.country],
    ['contact', p.contact],
    ['dd tier', p.ddAmountGbp !== null ? `${p.ddTier} (£${p.ddAmountGbp.toLocaleString('en-GB')})` : p.ddTier],
    ['dd outcome', p.ddOutcome],
    ['dd review', p.ddReviewOn ? `${p.ddReviewOn}${p.ddReviewOverdue ? ' (OVERDUE)' : ''}` : null],
    ['dd notes', p.ddNotes],
    ['notes', p.notes],
    ...profileLines(p.sharingProfile),
    ['version', p.version],
    ['updated', p.updatedAt],
  ];
}

function agreementText(a: PartnerAgreement): string {
  const dates = [a.signedOn ? `signed ${a.signedOn}` : null, a.expiresOn ? `expires ${a.expiresOn}` : null]
    .filter(Boolean)
    .join(', ');
  return `${a.kind}: ${a.state}${dates ? ` (${dates})` : ''} [${a.id}]`;
}

/** The partner gate in a line (docs/partners.md, "The partner policy"); every reason says where to fix it. */
function gateText(c: PartnerClearance): string {
  return c.cleared
    ? 'cleared (the partner policy allows sharing)'
    : `NOT CLEARED: ${c.reasons.map((r) => r.message).join(' ')}`;
}

function postQuantumText(keys: PartnerDetail['keys']): string {
  switch (postQuantumState(keys)) {
    case 'yes':
      return 'yes: their card carries a post-quantum key; bundles to them use mlkem768x25519 stanzas';
    case 'some':
      return 'only some of their vaults: bundles to them use X25519 stanzas until every vault sends a version 2 card';
    case 'no':
      return 'no: their card has no post-quantum key (an older Case Vault); bundles to them use X25519 stanzas';
    case '-':
      return '-';
  }
}

function printPartner(ctx: CommandContext, p: Partner | PartnerDetail, gate?: PartnerClearance): void {
  const lines = partnerLines(p);
  if ('agreements' in p)
    lines.splice(lines.length - 2, 0, ['agreements', p.agreements.length ? p.agreements.map(agreementText) : 'none']);
  if ('keyState' in p) lines.splice(2, 0, ['keys', keyStateText(p)], ['post-quantum', postQuantumText(p.keys)]);
  if (gate) lines.splice('keyState' in p ? 4 : 2, 0, ['partner gate', gateText(gate)]);
  printRecord(ctx, p, lines);
}

const add: Command = {
  path: ['partner', 'add'],
  summary: 'Add a partner organisation with its due diligence, or from its contact card (--card FILE).',
  options: {
    ...PARTNER_OPTIONS,
    card: {
      type: 'string',
      description: "import the partner's contact card (.cvcard): a new partner, or a key for --partner",
      valueName: 'FILE',
    },
    'card-image': {
      type: 'string',
      description: "instead: a PNG or JPEG picture (photo, screenshot) of the partner's card QR code",
      valueName: 'FILE',
    },
    partner: { type: 'string', description: 'with --card: attach the key to this existing partner', valueName: 'ID' },
  },
  async run(ctx) {
    const card = stringOpt(ctx, 'card');
    const cardImage = stringOpt(ctx, 'card-image');
    if (card !== undefined && cardImage !== undefined)
      throw new UsageError('give --card FILE or --card-image FILE, not both.');
    if (card !== undefined) return addPartnerFromCard(ctx, card, 'card-file');
    if (cardImage !== undefined) return addPartnerFromCard(ctx, cardImage, 'picture');
    if (stringOpt(ctx, 'partner') !== undefined) throw new UsageError('--partner goes with --card FILE.');
    const input = dropUndefined({
      name: stringOpt(ctx, 'name'),
      kind: stringOpt(ctx, 'kind'),
      country: stringOpt(ctx, 'country'),
      contact: stringOpt(ctx, 'contact'),
      notes: stringOpt(ctx, 'notes'),
      ddTier: stringOpt(ctx, 'tier'),
      ddAmountGbp: numberOpt(ctx, 'amount'),
      ddReviewOn: stringOpt(ctx, 'review-on'),
      ddOutcome: stringOpt(ctx, 'dd-outcome'),
      ddNotes: stringOpt(ctx, 'dd-notes'),
    });
    const p = await callEngine(ctx, 'partners', 'add', input);
    printPartner(ctx, p);
  },
};

const list: Command = {
  path: ['partner', 'list'],
  summary: 'List partners by name.',
  options: { kind: PARTNER_OPTIONS.kind!, country: PARTNER_OPTIONS.country!, tier: PARTNER_OPTIONS.tier! },
  async run(ctx) {
    const query = dropUndefined({
      kind: stringOpt(ctx, 'kind'),
      country: stringOpt(ctx, 'country'),
      tier: stringOpt(ctx, 'tier'),
    });
    // whether each partner's current keys carry a post-quantum key (their cards are version 2)
    const items = await withEngine(ctx, async (engine) => {
      const list = await engine.call('partners', 'list', query);
      const out: Array<Partner & { postQuantum: PostQuantumState }> = [];
      for (const p of list) {
        const detail = await engine.call('partners', 'get', { id: p.id });
        out.push({ ...p, postQuantum: postQuantumState(detail.keys) });
      }
      return out;
    });
    printTable(
      ctx,
      items,
      [
        ['NAME', (p) => p.name],
        ['KIND', (p) => p.kind],
        ['CC', (p) => p.country],
        ['TIER', (p) => p.ddTier],
        ['DD', (p) => p.ddOutcome],
        ['REVIEW', (p) => (p.ddReviewOn ? `${p.ddReviewOn}${p.ddReviewOverdue ? ' !' : ''}` : '')],
        ['SHARES', (p) => SHARING_KINDS.filter((k) => p.sharingProfile[k] !== undefined)],
        ['PQ', (p) => p.postQuantum],
        ['ID', (p) => p.id],
      ],
      'No partners match.',
    );
  },
};

const show: Command = {
  path: ['partner', 'show'],
  summary:
    'Show a partner with its agreements (and whether each is active), sharing profile and whether the partner policy clears them.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const id = idArg(ctx, 'partner');
    const { p, gate } = await withEngine(ctx, async (engine) => ({
      p: await engine.call('partners', 'get', { id }),
      gate: await engine.call('partners', 'clearance', { partnerId: id }),
    }));
    printPartner(ctx, p, gate);
  },
};

const update: Command = {
  path: ['partner', 'update'],
  summary: 'Change a partner\'s details or due diligence ("" clears country, contact, amount, review date).',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    ...PARTNER_OPTIONS,
    'expected-version': {
      type: 'string',
      description: 'refuse if the partner is no longer at this version',
      valueName: 'N',
    },
  },
  async run(ctx) {
    const amount = stringOpt(ctx, 'amount') === '' ? null : numberOpt(ctx, 'amount');
    const input = dropUndefined({
      id: idArg(ctx, 'partner'),
      expectedVersion: intOpt(ctx, 'expected-version'),
      name: stringOpt(ctx, 'name'),
      kind: stringOpt(ctx, 'kind'),
      country: nullableOpt(ctx, 'country'),
      contact: nullableOpt(ctx, 'contact'),
      notes: stringOpt(ctx, 'notes'),
      ddTier: stringOpt(ctx, 'tier'),
      ddAmountGbp: amount,
      ddReviewOn: nullableOpt(ctx, 'review-on'),
      ddOutcome: stringOpt(ctx, 'dd-outcome'),
      ddNotes: stringOpt(ctx, 'dd-notes'),
    });
    requireSomeChange(
      input,
      input.expectedVersion === undefined ? 1 : 2,
      '--dd-outcome or --review-on',
      'partner update',
    );
    const p = await callEngine(ctx, 'partners', 'update', input);
    printPartner(ctx, p);
  },
};

const AGREEMENT_OPTIONS: Record<string, OptionSpec> = {
  kind: { type: 'string', description: choices(AGREEMENT_KINDS), valueName: 'K' },
  'signed-on': { type: 'string', description: 'date signed (leave out for a draft)', valueName: 'DATE' },
  'expires-on': { type: 'string', description: 'last day in force (after the signing date)', valueName: 'DATE' },
  notes: { type: 'string', description: 'notes', valueName: 'TEXT' },
};

function printAgreement(ctx: CommandContext, a: PartnerAgreement): void {
  printRecord(ctx, a, [
    ['id', a.id],
    ['partner', a.partnerId],
    ['kind', a.kind],
    ['state', a.state],
    ['signed', a.signedOn],
    ['expires', a.expiresOn],
    ['notes', a.notes],
    ['version', a.version],
  ]);
}

const agreementAdd: Command = {
  path: ['partner', 'agreement', 'add'],
  summary: 'Record an agreement with a partner (MoU, confidentiality, data sharing).',
  args: 'PARTNER_ID',
  minArgs: 1,
  maxArgs: 1,
  options: AGREEMENT_OPTIONS,
  async run(ctx) {
    const input = dropUndefined({
      partnerId: idArg(ctx, 'partner'),
      kind: stringOpt(ctx, 'kind'),
      signedOn: stringOpt(ctx, 'signed-on'),
      expiresOn: stringOpt(ctx, 'expires-on'),
      notes: stringOpt(ctx, 'notes'),
    });
    const a = await callEngine(ctx, 'partners', 'addAgreement', input);
    printAgreement(ctx, a);
  },
};

const agreementUpdate: Command = {
  path: ['partner', 'agreement', 'update'],
  summary: 'Sign, extend or correct an agreement ("" clears a date).',
  args: 'AGREEMENT_ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    ...AGREEMENT_OPTIONS,
    'expected-version': {
      type: 'string',
      description: 'refuse if the agreement is no longer at this version',
      valueName: 'N',
    },
  },
  async run(ctx) {
    const input = dropUndefined({
      id: idArg(ctx, 'partner agreement'),
      expectedVersion: intOpt(ctx, 'expected-version'),
      kind: stringOpt(ctx, 'kind'),
      signedOn: nullableOpt(ctx, 'signed-on'),
      expiresOn: nullableOpt(ctx, 'expires-on'),
      notes: stringOpt(ctx, 'notes'),
    });
    requireSomeChange(input, input.expectedVersion === undefined ? 1 : 2, '--signed-on', 'partner agreement update');
    const a = await callEngine(ctx, 'partners', 'updateAgreement', input);
    printAgreement(ctx, a);
  },
};

/** `people` → the default fields; `people:pseudonym,gender` → exactly those. */
function allowEntries(ctx: CommandContext): Array<{ kind: string; fields?: string[] }> {
  const v = ctx.values.allow;
  const raw = Array.isArray(v) ? (v as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  return raw.map((s) => {
    const i = s.indexOf(':');
    if (i < 0) return { kind: s.trim() };
    return {
      kind: s.slice(0, i).trim(),
      fields: s
        .slice(i + 1)
        .split(',')
        .map((f) => f.trim())
        .filter((f) => f.length > 0),
    };
  });
}

const profile: Command = {
  path: ['partner', 'profile'],
  summary:
    'Set what a partner may receive: --allow KIND (default fields) or KIND:field,field (repeat). Replaces the profile; without options shows it.',
  args: 'PARTNER_ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    allow: {
      type: 'string',
      multiple: true,
      description: `${SHARING_KINDS.join(', ')}; KIND alone gives its default fields (people: ${DEFAULT_SHARING_FIELDS.people.join(', ')})`,
      valueName: 'KIND[:F,F]',
    },
    clear: { type: 'boolean', description: 'share nothing with this partner' },
    'expected-version': {
      type: 'string',
      description: 'refuse if the partner is no longer at this version',
      valueName: 'N',
    },
  },
  async run(ctx) {
    const allow = allowEntries(ctx);
    const clear = boolOpt(ctx, 'clear');
    if (clear && allow.length > 0) throw new UsageError('give --allow or --clear, not both.');
    const partnerId = idArg(ctx, 'partner');
    const p =
      allow.length === 0 && !clear
        ? await callEngine(ctx, 'partners', 'get', { id: partnerId })
        : await callEngine(
            ctx,
            'partners',
            'setSharingProfile',
            dropUndefined({ partnerId, expectedVersion: intOpt(ctx, 'expected-version'), allow }),
          );
    printRecord(ctx, p, [['id', p.id], ['name', p.name], ...profileLines(p.sharingProfile), ['version', p.version]]);
  },
};

export const partnerRecordCommands: Command[] = [add, list, show, update, agreementAdd, agreementUpdate, profile];
