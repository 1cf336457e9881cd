/**
 * identity show | set | export-card | export-age-key, and the partner-key commands:
 * partner keys | safety-number | verify (and `partner add --card`, called from partner-commands).
 */
import fs from 'node:fs';
import type {
  CardImportResult,
  KeyVerificationMethod,
  PartnerDetail,
  PartnerKey,
} from '../../../shared/domain/partners.js';
import { VaultError } from '../../../shared/errors.js';
import { LOCAL_ACTOR } from '../../engine/audit/audit-log.js';
import { exportAgeKey } from '../../engine/identity/age-key-export.js';
import { exportContactCard } from '../../engine/identity/contact-card.js';
import { getIdentity, updateIdentity } from '../../engine/identity/identity-service.js';
import {
  currentKeyOf,
  importContactCard,
  listPartnerKeys,
  partnerSafetyNumber,
  verifyPartnerKey,
} from '../../engine/partners/partner-keys.js';
import { MAX_CARD_BYTES } from '../../../shared/domain/identity.js';
import type { Command, CommandContext } from '../command.js';
import { stringOpt } from '../command.js';
import { arg, dropUndefined, printRecord, printTable, terminalSafe, withDomain } from '../domain-cli.js';
import { UsageError } from '../io.js';

function requireOpt(ctx: CommandContext, name: string, example: string): string {
  const v = stringOpt(ctx, name);
  if (v === undefined || v === '') throw new UsageError(`--${name} is required, e.g. ${example}.`);
  return v;
}

const show: Command = {
  path: ['identity', 'show'],
  summary: "Show this vault's identity: name, organisation, public key and its fingerprint.",
  async run(ctx) {
    const id = await withDomain(ctx, (d) => getIdentity(d));
    printRecord(ctx, id, [
      ['vault id', id.vaultId],
      ['name', id.name || '(not set: identity set --name N)'],
      ['organisation', id.organisation || '(not set: identity set --organisation O)'],
      ['fingerprint', id.fingerprint],
      ['public key', id.publicKey],
      ['age recipient', id.ageRecipient],
      ['created', id.createdAt],
    ]);
  },
};

const set: Command = {
  path: ['identity', 'set'],
  summary: 'Set the name and organisation your contact card gives ("" clears one).',
  options: {
    name: { type: 'string', description: 'your name as partners should see it', valueName: 'N' },
    organisation: { type: 'string', description: 'your organisation', valueName: 'O' },
  },
  async run(ctx) {
    const input = dropUndefined({ name: stringOpt(ctx, 'name'), organisation: stringOpt(ctx, 'organisation') });
    if (Object.keys(input).length === 0)
      throw new UsageError(
        'say what to change, e.g. --organisation "Legal Aid Nairobi" (see "case-vault help identity set").',
      );
    const id = await withDomain(ctx, (d) => updateIdentity(d, input));
    printRecord(ctx, id, [
      ['name', id.name],
      ['organisation', id.organisation],
      ['fingerprint', id.fingerprint],
    ]);
  },
};

const exportCard: Command = {
  path: ['identity', 'export-card'],
  summary: 'Write your signed contact card (.cvcard) for partners, and optionally a QR code of it (.png or .svg).',
  options: {
    out: { type: 'string', description: 'the card file to write (must not exist)', valueName: 'FILE' },
    qr: { type: 'string', description: 'also write the card as a QR code, FILE.png or FILE.svg', valueName: 'FILE' },
  },
  async run(ctx) {
    const out = requireOpt(ctx, 'out', '--out my-vault.cvcard');
    const qr = stringOpt(ctx, 'qr');
    const r = await withDomain(ctx, (d) => exportContactCard(d, qr === undefined ? { out } : { out, qr }));
    if (ctx.out.json) return ctx.out.printJson(r);
    ctx.out.print(
      [
        `Contact card written to ${terminalSafe(r.out)}${r.qr ? ` and as a QR code to ${terminalSafe(r.qr)}` : ''}.`,
        `Fingerprint: ${r.fingerprint}`,
        'Give it to the partner; then compare the safety number with them (partner safety-number).',
      ].join('\n'),
    );
  },
};

const exportAgeKeyCommand: Command = {
  path: ['identity', 'export-age-key'],
  summary:
    "DANGER: write this vault's PRIVATE key as an age identity file, so the stock age tool can open bundles sent to it.",
  options: {
    out: {
      type: 'string',
      description: 'the key file to write (must not exist; written mode 0600)',
      valueName: 'FILE',
    },
  },
  async run(ctx) {
    const out = requireOpt(ctx, 'out', '--out vault-key.txt');
    const r = await withDomain(ctx, (d) => exportAgeKey(d, { out }));
    // On stderr whatever the output mode: a script that asked for --json must still show it.
    process.stderr.write(`${r.warning}\n`);
    if (ctx.out.json) return ctx.out.printJson(r);
    ctx.out.print(
      [
        `Private key written to ${terminalSafe(r.out)} (mode 0600).`,
        `It opens files encrypted to ${r.recipient}:  age -d -i ${terminalSafe(r.out)} FILE`,
      ].join('\n'),
    );
  },
};

// ---------------------------------------------------------------------------------------------
// Partner keys

/** The line a partner's detail shows for its keys; the key-change warning included. */
export function keyStateText(p: Pick<PartnerDetail, 'keyState' | 'keys'>): string {
  const current = p.keys.filter((k) => k.status !== 'replaced').length;
  switch (p.keyState) {
    case 'none':
      return 'no key yet (import their contact card: partner add --card FILE --partner ID)';
    case 'verified':
      return `verified (${current} key${current === 1 ? '' : 's'})`;
    case 'unverified':
      return 'UNVERIFIED: compare the safety number before sending anything (partner safety-number ID)';
    case 'changed':
      return "KEY CHANGED: this partner's vault presented a new key. Do not send anything until you have compared the new safety number with them (partner safety-number ID).";
  }
}

function keyLines(k: PartnerKey): Array<[string, unknown]> {
  return [
    ['key', k.id],
    ['partner', k.partnerId],
    ['vault', k.vaultId],
    ['card name', k.name],
    ['card org', k.organisation],
    ['fingerprint', k.fingerprint],
    ['status', k.status === 'verified' ? `verified ${k.verifiedAt} by ${k.verifiedBy} (${k.verifiedHow})` : k.status],
    ['added', k.addedAt],
    ['replaced', k.replacedAt],
  ];
}

/** `partner add --card FILE [--partner ID] [--kind K] [--tier T]` */
export async function addPartnerFromCard(ctx: CommandContext, file: string): Promise<void> {
  for (const name of ['name', 'country', 'contact', 'notes', 'amount', 'review-on', 'dd-outcome', 'dd-notes']) {
    if (stringOpt(ctx, name) !== undefined)
      throw new UsageError(
        `--${name} cannot be given with --card: the card names the partner; change it afterwards with "partner update".`,
      );
  }
  let text: string;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new VaultError('CARD_INVALID', 'That is not a file.');
    if (st.size > MAX_CARD_BYTES)
      throw new VaultError(
        'CARD_TOO_LARGE',
        `This file is too large to be a contact card (a card is under ${MAX_CARD_BYTES / 1024} KiB).`,
      );
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof VaultError) throw e;
    throw new VaultError(
      'IO_ERROR',
      `The card file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'I/O error'}).`,
    );
  }
  const input = dropUndefined({
    card: text,
    partnerId: stringOpt(ctx, 'partner'),
    kind: stringOpt(ctx, 'kind'),
    ddTier: stringOpt(ctx, 'tier'),
  });
  const r = await withDomain(ctx, (d) => importContactCard(d, input as { card: string }));
  printCardImport(ctx, r);
}

/** What importing a card did (also used when the sender of a quarantined bundle is added). */
export function printCardImport(ctx: CommandContext, r: CardImportResult): void {
  if (ctx.out.json) return ctx.out.printJson(r);
  const who = terminalSafe(r.key.organisation || r.key.name || r.key.vaultId);
  const head: Record<typeof r.change, string> = {
    'new-partner': `Added partner "${terminalSafe(r.partner.name)}" from the contact card of ${who}.`,
    'new-key': `Added the key of ${who} to partner "${terminalSafe(r.partner.name)}".`,
    unchanged: `This key is already known (partner "${terminalSafe(r.partner.name)}"); nothing but the card's details changed.`,
    'key-changed': `WARNING: KEY CHANGED. The vault ${r.key.vaultId} of partner "${terminalSafe(r.partner.name)}" now presents a NEW key. Its old key was retired and the partner is unverified until you compare the new safety number with them. If you did not expect this, contact them by a channel you trust before sending anything.`,
  };
  ctx.out.print(
    [
      head[r.change],
      `partner:     ${r.partner.id}`,
      `key:         ${r.key.id}`,
      `fingerprint: ${r.key.fingerprint}`,
      `status:      ${r.key.status}`,
      ...(r.key.status === 'verified'
        ? []
        : [`Next: compare the safety number with them: case-vault partner safety-number ${r.partner.id}`]),
    ].join('\n'),
  );
}

const keys: Command = {
  path: ['partner', 'keys'],
  summary: "List a partner's keys (current and replaced) and how each was verified.",
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const items = await withDomain(ctx, (d) => listPartnerKeys(d, arg(ctx)));
    printTable(
      ctx,
      items,
      [
        ['STATUS', (k) => k.status],
        ['FINGERPRINT', (k) => k.fingerprint],
        ['VERIFIED', (k) => (k.verifiedAt ? `${k.verifiedAt.slice(0, 10)} ${k.verifiedHow}` : '')],
        ['ADDED', (k) => k.addedAt.slice(0, 10)],
        ['VAULT', (k) => k.vaultId],
        ['ID', (k) => k.id],
      ],
      'No keys yet: import their contact card with "partner add --card FILE --partner ID".',
    );
  },
};

const safetyNumberCommand: Command = {
  path: ['partner', 'safety-number'],
  summary: "Show the 60-digit safety number of your key and the partner's, in groups of five to read aloud.",
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    key: { type: 'string', description: 'which key, when the partner has several vaults', valueName: 'KEYID' },
  },
  async run(ctx) {
    const partnerId = arg(ctx);
    const { key, sn } = await withDomain(ctx, async (d) => {
      const key = currentKeyOf(d, partnerId, stringOpt(ctx, 'key'));
      return { key, sn: await partnerSafetyNumber(d, key.id) };
    });
    if (ctx.out.json)
      return ctx.out.printJson({
        partnerId,
        keyId: key.id,
        status: key.status,
        digits: sn.digits,
        groups: sn.groups,
        scannable: sn.scannable,
      });
    const rows = [0, 4, 8].map((i) => '    ' + sn.groups.slice(i, i + 4).join('  '));
    ctx.out.print(
      [
        `Safety number for partner ${partnerId} (key ${key.id}, ${key.status}):`,
        '',
        ...rows,
        '',
        'Read it aloud with them (or meet): both of you must see exactly the same 60 digits.',
        `If they match: case-vault partner verify ${partnerId} --safety-number "<the digits>" --by "<your name>"`,
      ].join('\n'),
    );
  },
};

const HOWS: readonly KeyVerificationMethod[] = ['read-aloud', 'scanned', 'in-person'];

const verify: Command = {
  path: ['partner', 'verify'],
  summary: "Mark a partner's key verified after comparing the safety number (spaces are ignored).",
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    'safety-number': { type: 'string', description: 'the 60 digits you compared', valueName: 'DIGITS' },
    scanned: { type: 'string', description: 'instead: the code scanned from their screen (base64)', valueName: 'CODE' },
    how: { type: 'string', description: `how you compared: ${HOWS.join(', ')} (default read-aloud)`, valueName: 'HOW' },
    by: { type: 'string', description: "who compared (default: this vault's identity name)", valueName: 'NAME' },
    key: { type: 'string', description: 'which key, when the partner has several vaults', valueName: 'KEYID' },
  },
  async run(ctx) {
    const partnerId = arg(ctx);
    const safetyNumber = stringOpt(ctx, 'safety-number');
    const scanned = stringOpt(ctx, 'scanned');
    if ((safetyNumber === undefined) === (scanned === undefined))
      throw new UsageError('give --safety-number DIGITS (or --scanned CODE): the number you compared with them.');
    const k = await withDomain(ctx, (d) => {
      const key = currentKeyOf(d, partnerId, stringOpt(ctx, 'key'));
      const by = stringOpt(ctx, 'by') ?? (getIdentity(d).name || LOCAL_ACTOR);
      return verifyPartnerKey(
        d,
        dropUndefined({ keyId: key.id, safetyNumber, scanned, how: stringOpt(ctx, 'how'), verifiedBy: by }) as {
          keyId: string;
          verifiedBy: string;
        },
      );
    });
    printRecord(ctx, k, keyLines(k));
  },
};

export const identityCommands: Command[] = [show, set, exportCard, exportAgeKeyCommand];
export const partnerKeyCommands: Command[] = [keys, safetyNumberCommand, verify];
