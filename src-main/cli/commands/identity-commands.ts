/** identity show | set | export-card | export-age-key (partner keys: partner/partner-key-commands.ts) */
import { exportAgeKey } from '../../engine/identity/age-key-export.js';
import { exportContactCard } from '../../engine/identity/contact-card.js';
import type { Command, CommandContext } from '../command.js';
import { boolOpt, stringOpt } from '../command.js';
import { dropUndefined, printRecord, terminalSafe, withDomain } from '../domain-cli.js';
import { callEngine } from '../engine-call.js';
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
    const id = await callEngine(ctx, 'identity', 'show', {});
    printRecord(ctx, id, [
      ['vault id', id.vaultId],
      ['name', id.name || '(not set: identity set --name N)'],
      ['organisation', id.organisation || '(not set: identity set --organisation O)'],
      ['fingerprint', id.fingerprint],
      ['public key', id.publicKey],
      ['age recipient', id.ageRecipient],
      [
        'post-quantum',
        id.postQuantum
          ? 'offered: your contact card (version 2) carries an ML-KEM-768 key; bundles between vaults that both have one use mlkem768x25519 stanzas (age1pq1… in --json)'
          : 'no',
      ],
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
    const id = await callEngine(ctx, 'identity', 'update', input);
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
    // not the contract's exportCard: that writes one file per call (the card or a QR code) and
    // leaves its path out of the answer; this writes both at once and says where
    const r = await withDomain(ctx, (d) => exportContactCard(d, qr === undefined ? { out } : { out, qr }));
    if (ctx.out.json) return ctx.out.printJson(r);
    ctx.out.print(
      [
        `Contact card written to ${terminalSafe(r.out)}${r.qr ? ` and as a QR code to ${terminalSafe(r.qr)}` : ''}.`,
        `Fingerprint: ${r.fingerprint}`,
        r.card.version === 2
          ? "Post-quantum: the card carries this vault's post-quantum key (card version 2). A partner on a Case Vault older than this one cannot read it and must update."
          : 'Post-quantum: no (card version 1).',
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
    'post-quantum': {
      type: 'boolean',
      description:
        'write the post-quantum key instead (AGE-SECRET-KEY-PQ-1…): it opens bundles sent with post-quantum stanzas, with age 1.3 or later',
    },
  },
  async run(ctx) {
    const out = requireOpt(ctx, 'out', '--out vault-key.txt');
    const r = await withDomain(ctx, (d) => exportAgeKey(d, { out, postQuantum: boolOpt(ctx, 'post-quantum') }));
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

export const identityCommands: Command[] = [show, set, exportCard, exportAgeKeyCommand];
