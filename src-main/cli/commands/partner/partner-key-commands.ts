/**
 * partner keys | safety-number | verify, and `partner add --card` (called from
 * partner-commands.ts): a partner's keys, read from its contact card and verified by comparing
 * the safety number.
 */
import fs from 'node:fs';
import {
  KEY_VERIFICATION_METHODS,
  type CardImportResult,
  type PartnerDetail,
  type PartnerKey,
} from '../../../../shared/domain/partners.js';
import { MAX_CARD_BYTES } from '../../../../shared/domain/identity.js';
import { VaultError } from '../../../../shared/errors.js';
import { LOCAL_ACTOR } from '../../../engine/audit/audit-log.js';
import { cardTextFromQr, readQrFromPicture } from '../../../engine/identity/qr-picture.js';
import { currentKeyOf, importContactCard } from '../../../engine/partners/partner-keys.js';
import type { Command, CommandContext } from '../../command.js';
import { choices, stringOpt } from '../../command.js';
import { dropUndefined, idArg, printRecord, printTable, terminalSafe, withDomain } from '../../domain-cli.js';
import { callEngine, withEngine } from '../../engine-call.js';
import { UsageError } from '../../io.js';

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

/**
 * Whether bundles to a partner can be post-quantum: `yes` when every current key's card
 * carries a post-quantum key, `some` when only some do (a bundle to them is then X25519 for
 * every recipient), `no` when none does, `-` when the partner has no key yet.
 */
export type PostQuantumState = 'yes' | 'some' | 'no' | '-';
export function postQuantumState(keys: ReadonlyArray<Pick<PartnerKey, 'status' | 'postQuantum'>>): PostQuantumState {
  const current = keys.filter((k) => k.status !== 'replaced');
  if (current.length === 0) return '-';
  const pq = current.filter((k) => k.postQuantum).length;
  return pq === current.length ? 'yes' : pq === 0 ? 'no' : 'some';
}

function keyLines(k: PartnerKey): Array<[string, unknown]> {
  return [
    ['key', k.id],
    ['partner', k.partnerId],
    ['vault', k.vaultId],
    ['card name', k.name],
    ['card org', k.organisation],
    ['fingerprint', k.fingerprint],
    [
      'post-quantum',
      k.postQuantum ? 'yes (card version 2)' : 'no (card version 1: bundles to this vault use X25519 stanzas)',
    ],
    ['status', k.status === 'verified' ? `verified ${k.verifiedAt} by ${k.verifiedBy} (${k.verifiedHow})` : k.status],
    ['added', k.addedAt],
    ['replaced', k.replacedAt],
  ];
}

/**
 * `partner add --card FILE [--partner ID] [--kind K] [--tier T]`, or `--card-image FILE`: a
 * picture of the card's QR code, read by the engine into the same card text.
 */
export async function addPartnerFromCard(
  ctx: CommandContext,
  file: string,
  from: 'card-file' | 'picture',
): Promise<void> {
  for (const name of ['name', 'country', 'contact', 'notes', 'amount', 'review-on', 'dd-outcome', 'dd-notes']) {
    if (stringOpt(ctx, name) !== undefined)
      throw new UsageError(
        `--${name} cannot be given with --card: the card names the partner; change it afterwards with "partner update".`,
      );
  }
  const text = from === 'picture' ? cardTextFromQr(await readQrFromPicture(file)) : readCardText(file);
  const input = dropUndefined({
    card: text,
    partnerId: stringOpt(ctx, 'partner'),
    kind: stringOpt(ctx, 'kind'),
    ddTier: stringOpt(ctx, 'tier'),
  });
  // not the contract's importCard: that one takes neither the kind nor the tier of a new partner
  const r = await withDomain(ctx, (d) => importContactCard(d, input as { card: string }));
  printCardImport(ctx, r);
}

/** The text of a `.cvcard` file, refused before reading when larger than a card can be. */
export function readCardText(file: string): string {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new VaultError('CARD_INVALID', 'That is not a file.');
    if (st.size > MAX_CARD_BYTES)
      throw new VaultError(
        'CARD_TOO_LARGE',
        `This file is too large to be a contact card (a card is under ${MAX_CARD_BYTES / 1024} KiB).`,
      );
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof VaultError) throw e;
    throw new VaultError(
      'IO_ERROR',
      `The card file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'I/O error'}).`,
    );
  }
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
    const items = await callEngine(ctx, 'partners', 'keys', { partnerId: idArg(ctx, 'partner') });
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
    const partnerId = idArg(ctx, 'partner');
    const { key, sn } = await withEngine(ctx, async (engine) => {
      // which key: the contract asks for the key itself; the command takes the partner
      const key = currentKeyOf(engine.domain, partnerId, stringOpt(ctx, 'key'));
      return { key, sn: await engine.call('partners', 'safetyNumber', { keyId: key.id }) };
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

const verify: Command = {
  path: ['partner', 'verify'],
  summary: "Mark a partner's key verified after comparing the safety number (spaces are ignored).",
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    'safety-number': { type: 'string', description: 'the 60 digits you compared', valueName: 'DIGITS' },
    scanned: { type: 'string', description: 'instead: the code scanned from their screen (base64)', valueName: 'CODE' },
    'scanned-image': {
      type: 'string',
      description: 'instead: a PNG or JPEG picture (photo, screenshot) of the safety-number code on their screen',
      valueName: 'FILE',
    },
    how: {
      type: 'string',
      description: `how you compared: ${choices(KEY_VERIFICATION_METHODS, { 'read-aloud': 'default' })}`,
      valueName: 'HOW',
    },
    by: { type: 'string', description: "who compared (default: this vault's identity name)", valueName: 'NAME' },
    key: { type: 'string', description: 'which key, when the partner has several vaults', valueName: 'KEYID' },
  },
  async run(ctx) {
    const partnerId = idArg(ctx, 'partner');
    const safetyNumber = stringOpt(ctx, 'safety-number');
    const scanned = stringOpt(ctx, 'scanned');
    const scannedImage = stringOpt(ctx, 'scanned-image');
    if ([safetyNumber, scanned, scannedImage].filter((v) => v !== undefined).length !== 1)
      throw new UsageError(
        'give one of --safety-number DIGITS, --scanned CODE or --scanned-image FILE: the number you compared with them.',
      );
    if (scannedImage !== undefined && stringOpt(ctx, 'how') !== undefined)
      throw new UsageError(
        '--how does not go with --scanned-image: a code read from a picture is recorded as scanned.',
      );
    const k = await withEngine(ctx, async (engine) => {
      const key = currentKeyOf(engine.domain, partnerId, stringOpt(ctx, 'key'));
      const by = stringOpt(ctx, 'by') ?? ((await engine.call('identity', 'show', {})).name || LOCAL_ACTOR);
      if (scannedImage !== undefined)
        return engine.call('partners', 'verifyKeyPicture', { keyId: key.id, picture: scannedImage, verifiedBy: by });
      return engine.call(
        'partners',
        'verifyKey',
        dropUndefined({ keyId: key.id, safetyNumber, scanned, how: stringOpt(ctx, 'how'), verifiedBy: by }),
      );
    });
    printRecord(ctx, k, keyLines(k));
  },
};

export const partnerKeyCommands: Command[] = [keys, safetyNumberCommand, verify];
