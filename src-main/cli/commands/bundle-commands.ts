/**
 * bundle export | verify | import | receipt import | list | show | quarantine accept |
 * quarantine discard | conflicts | conflict resolve   (docs/cli.md, docs/bundle-format.md)
 */
import path from 'node:path';
import {
  BUNDLE_DIRECTIONS,
  BUNDLE_STATUSES,
  type BundleExport,
  type BundleLedgerEntry,
  type BundlePlan,
  type BundleVerification,
  type ImportConflict,
  type ImportResult,
  type KindCounts,
} from '../../../shared/domain/bundles.js';
import { SHARING_KINDS } from '../../../shared/domain/partners.js';
import { getBundle, writeReceipt } from '../../engine/bundles/index.js';
import { isRecallReceiptImport, isRecallResult } from '../../engine/bundles/import-any.js';
import { printCardImport } from './partner/index.js';
import { printRecallImport, printRecallReceiptImport, recallCommands } from './recall-commands.js';
import type { Command, CommandContext } from '../command.js';
import { boolOpt, choices, stringOpt } from '../command.js';
import {
  arg,
  dropUndefined,
  idArg,
  intOpt,
  listOpt,
  printRecord,
  printTable,
  terminalSafe,
  withDomain,
} from '../domain-cli.js';
import { callEngine, type CallOptions } from '../engine-call.js';
import { UsageError, formatBytes, receiptAfterImport } from '../io.js';
import { readSecretFile } from '../secrets.js';

const PASSPHRASE_FILE_OPTION = {
  'bundle-passphrase-file': {
    type: 'string',
    description: "a bundle sealed with a passphrase: the file holding it (first line), never the vault's own",
    valueName: 'FILE',
  },
} as const;

/** The bundle passphrase from --bundle-passphrase-file (never from an argument value: shell history, ps). */
function bundlePassphrase(ctx: CommandContext): string | undefined {
  const file = stringOpt(ctx, 'bundle-passphrase-file');
  return file === undefined ? undefined : readSecretFile(file, 'bundle passphrase');
}

function countsText(c: KindCounts): string {
  const parts = SHARING_KINDS.filter((k) => c[k] > 0).map((k) => `${c[k]} ${k}`);
  return parts.length ? parts.join(', ') : 'none';
}

/** A progress bar for a long read or write, in bytes (silent with --json or off a terminal). */
function bytesProgress(label: string): CallOptions {
  return {
    progress: label,
    progressDetail: ({ done = 0, total }) => `${formatBytes(done)} of ${formatBytes(total ?? 0)}`,
  };
}

/** The bundle's contents and recipient; with `withOut`, also the file to write (the contract's `target`). */
function exportInput(ctx: CommandContext, withOut: boolean): Record<string, unknown> {
  // a passphrase bundle is sealed to nobody's key but still made for a known partner, whose
  // partner gate, sharing profile and consent checks apply: --for says who, --to would say
  // "to their keys"
  const byPassphrase = stringOpt(ctx, 'bundle-passphrase-file') !== undefined;
  const to = stringOpt(ctx, 'to');
  const forPartner = stringOpt(ctx, 'for');
  if (byPassphrase && to !== undefined)
    throw new UsageError(
      'a passphrase bundle is not sealed to a partner’s keys: say which partner it is for with --for PARTNER_ID, not --to.',
    );
  if (!byPassphrase && forPartner !== undefined)
    throw new UsageError(
      '--for names the partner of a passphrase bundle: add --bundle-passphrase-file FILE, or use --to.',
    );
  const partnerId = byPassphrase ? forPartner : to;
  if (partnerId === undefined)
    throw new UsageError(
      byPassphrase
        ? 'say which partner the passphrase bundle is for: --for PARTNER_ID (its sharing profile and the consent checks apply).'
        : 'say which partner the bundle is for: --to PARTNER_ID.',
    );
  const out = stringOpt(ctx, 'out');
  if (withOut && out === undefined)
    throw new UsageError('say where to write the bundle: --out FILE (e.g. on a USB stick).');
  return dropUndefined({
    partnerId,
    byPassphrase: byPassphrase || undefined,
    passphrase: withOut ? bundlePassphrase(ctx) : undefined,
    caseIds: listOpt(ctx, 'case'),
    evidenceIds: listOpt(ctx, 'evidence'),
    purpose: stringOpt(ctx, 'purpose'),
    expiresInDays: intOpt(ctx, 'expires-in-days'),
    onMissingConsent: boolOpt(ctx, 'leave-out') ? 'leave-out' : 'refuse',
    target: withOut ? out : undefined,
  });
}

const EXPORT_OPTIONS = {
  to: {
    type: 'string',
    description: 'the partner the bundle is for (its id; its key must be verified)',
    valueName: 'PARTNER',
  },
  for: {
    type: 'string',
    description:
      'with --bundle-passphrase-file: the partner a passphrase bundle is for (their key need not be known yet)',
    valueName: 'PARTNER',
  },
  'bundle-passphrase-file': {
    type: 'string',
    description:
      'seal the bundle with the passphrase in this file (first line, 12+ characters) instead of the partner’s keys: it opens with `age -d`',
    valueName: 'FILE',
  },
  case: { type: 'string', multiple: true, description: 'a case to share (repeat for several)', valueName: 'ID' },
  evidence: {
    type: 'string',
    multiple: true,
    description: 'an evidence item whose FILE goes in too (repeat; default: descriptions only)',
    valueName: 'ID',
  },
  purpose: {
    type: 'string',
    description: 'why it is shared: shown to the recipient (≤ 500 characters)',
    valueName: 'TEXT',
  },
  'leave-out': { type: 'boolean', description: 'leave out people who did not consent (default: refuse, naming them)' },
  'expires-in-days': {
    type: 'string',
    description: 'the recipient cannot import it after this many days (default 30)',
    valueName: 'N',
  },
} as const;

const WITHHELD_TEXT: Record<BundlePlan['withheld'][number]['reason'], string> = {
  received: 'received from partners (never forwarded)',
  'received-case': 'in a case received from a partner',
  'not-in-profile': 'not in the partner’s sharing profile',
};

function printPlan(ctx: CommandContext, plan: BundlePlan): void {
  printRecord(ctx, plan, [
    ['partner', `${terminalSafe(plan.partner.name)} (${plan.partner.id})`],
    [
      'partner gate',
      plan.clearance.cleared ? 'cleared' : `NOT CLEARED: ${plan.clearance.reasons.map((r) => r.reason).join(', ')}`,
    ],
    ['verified keys', plan.verifiedKeys.length],
    [
      'cases',
      plan.cases.map((c) =>
        c.originatedHere ? c.reference : `${c.reference} (from a partner: only what was added here goes)`,
      ),
    ],
    ['records', countsText(plan.included)],
    ['withheld', plan.withheld.map((w) => `${w.count} ${w.kind}: ${WITHHELD_TEXT[w.reason]}`)],
    [
      'files',
      plan.evidenceFiles.length
        ? `${plan.evidenceFiles.length} (${formatBytes(plan.evidenceFiles.reduce((n, f) => n + f.size, 0))})`
        : 'none',
    ],
    [
      'left out',
      plan.leftOut.map(
        (l) =>
          `person ${l.personId}${l.pseudonym ? ` (${terminalSafe(l.pseudonym)})` : ''} in case ${l.caseId}: ${terminalSafe(l.reason)}`,
      ),
    ],
    ['consents', plan.consentIds.length],
    ['size', formatBytes(plan.totalBytes)],
    ['blockers', plan.blockers.map((b) => `${b.code}: ${b.message}`)],
  ]);
}

const exportCommand: Command = {
  path: ['bundle', 'export'],
  summary:
    'Write a signed, encrypted bundle of cases for a partner (after the consent check and their sharing profile).',
  options: {
    ...EXPORT_OPTIONS,
    out: {
      type: 'string',
      description: 'the file to write (never overwritten), e.g. /media/usb/case.cvbundle',
      valueName: 'FILE',
    },
    'dry-run': { type: 'boolean', description: 'show what would go in and what is left out; write nothing' },
  },
  async run(ctx) {
    if (boolOpt(ctx, 'dry-run')) {
      const input = exportInput(ctx, false);
      return printPlan(ctx, await callEngine(ctx, 'bundles', 'plan', input));
    }
    const input = exportInput(ctx, true);
    const { bundleId, ...written } = await callEngine(ctx, 'bundles', 'export', input, bytesProgress('Exporting'));
    // the answer leaves the path out (the app's renderer never sees one); here the user named it
    const r: BundleExport = { bundleId, path: path.resolve(input.target as string), ...written };
    printRecord(ctx, r, [
      ['bundle', r.bundleId],
      ['file', r.path],
      ['size', `${formatBytes(r.bytes)} (${r.bytes} bytes)`],
      ['records', countsText(r.included)],
      ['files', r.files],
      [
        'left out',
        r.leftOut.map(
          (l) =>
            `person ${l.personId}${l.pseudonym ? ` (${terminalSafe(l.pseudonym)})` : ''} in case ${l.caseId}: ${terminalSafe(l.reason)}`,
        ),
      ],
      input.passphrase !== undefined
        ? ['sealed with', 'a passphrase: give it to them apart from the file (in person, by phone); `age -d` opens it']
        : ['encrypted to', r.recipients.map((x) => x.vaultId)],
      [
        'encryption',
        input.passphrase !== undefined
          ? 'scrypt (passphrase)'
          : r.postQuantum
            ? 'post-quantum (mlkem768x25519)'
            : 'X25519: a partner vault has no post-quantum key yet (see partner show)',
      ],
      ['manifest sha256', r.manifestSha256],
    ]);
  },
};

function verificationLines(v: BundleVerification): Array<[string, unknown]> {
  // the card and the purpose are the sender's words: one terminal-safe line each, so that
  // none of them can print a line of its own (a forged "sender key: VERIFIED")
  const who =
    [v.sender.card.organisation, v.sender.card.name]
      .filter((s) => s.length > 0)
      .map(terminalSafe)
      .join(' — ') || '(no name on the card)';
  const state: Record<string, string> = {
    verified: 'VERIFIED (safety number compared)',
    unverified: 'NOT VERIFIED: compare the safety number before trusting it (it would go to quarantine)',
    replaced: 'KEY REPLACED: this key is no longer the partner’s key (it would go to quarantine)',
    unknown: 'UNKNOWN sender (it would go to quarantine)',
  };
  return [
    ['bundle', v.bundleId],
    ['from', `${who} (vault ${v.sender.card.vaultId})`],
    [
      'partner',
      v.sender.partner ? `${terminalSafe(v.sender.partner.name)} (${v.sender.partner.id})` : 'not a known partner',
    ],
    ['sender key', state[v.sender.keyStatus]],
    ['purpose', terminalSafe(v.purpose)],
    ['created', v.createdAt],
    ['expires', `${v.expiresAt}${v.expired ? ' (EXPIRED)' : ''}`],
    ['records', countsText(v.contents)],
    ['files', `${v.files} (${formatBytes(v.bytes)} in all)`],
    ['consents relied on', v.consentIds],
    ['already imported', v.alreadyImported ? 'yes' : 'no'],
    ['newer format', unknownFieldsText(v.unknownFields)],
  ];
}

/**
 * A bundle of a newer minor format: the members this version does not know and leaves out
 * (docs/bundle-format.md, "Format versions and change policy"). Their names are plain names.
 */
function unknownFieldsText(fields: BundleVerification['unknownFields']): string | undefined {
  if (!fields) return undefined;
  const names = fields.map((f) => `${f.kind} ${f.field}`).join(', ');
  return `made by a newer Case Vault: left out what this version does not know (${names}); update Case Vault to keep it`;
}

const verifyCommand: Command = {
  path: ['bundle', 'verify'],
  summary:
    'Check a bundle completely (signature, every entry) and show who sent it and what is in it; changes nothing.',
  args: 'FILE',
  minArgs: 1,
  maxArgs: 1,
  options: PASSPHRASE_FILE_OPTION,
  async run(ctx) {
    const v = await callEngine(
      ctx,
      'bundles',
      'verify',
      dropUndefined({ file: arg(ctx), passphrase: bundlePassphrase(ctx) }),
    );
    printRecord(ctx, v, verificationLines(v));
  },
};

function importLines(r: ImportResult, receiptPath: string | null): Array<[string, unknown]> {
  const result = {
    imported: 'imported',
    quarantined: 'QUARANTINED: the sender is not verified; verify their key, then "bundle quarantine accept"',
    'already-imported': 'already imported earlier: nothing changed',
  }[r.result];
  return [
    ['bundle', r.bundleId],
    ['result', result],
    ['created', countsText(r.counts.created)],
    ['updated', countsText(r.counts.updated)],
    ['unchanged', countsText(r.counts.unchanged)],
    ['files stored', r.counts.files],
    ['skipped', r.skipped.map((s) => `${s.kind} ${s.id}: ${terminalSafe(s.reason)}`)],
    ['conflicts', r.conflicts.map((c) => `${c.kind} ${c.recordId} (conflict ${c.id}): see "bundle conflicts"`)],
    [
      'proposed',
      r.proposed.map(
        (p) =>
          `${p.kind} ${p.recordId} for case ${p.caseId} (proposal ${p.id}): waits for your decision, see "bundle proposals"`,
      ),
    ],
    ['receipt', receiptPath ?? undefined],
    ['newer format', unknownFieldsText(r.unknownFields)],
  ];
}

/** What an import did, and our signed receipt written for the sender (when asked for). */
async function printImport(ctx: CommandContext, r: ImportResult, receiptOut: string | null): Promise<void> {
  const written = receiptOut ? await receiptAfterImport(() => writeReceipt(r.receipt, receiptOut)) : null;
  if (ctx.out.json) return ctx.out.printJson({ ...r, receiptPath: written });
  printRecord(ctx, r, importLines(r, written));
  if (written) ctx.out.print(`Give the receipt file to the sender ("bundle receipt import ${terminalSafe(written)}").`);
}

const importCommand: Command = {
  path: ['bundle', 'import'],
  summary:
    'Verify and import a bundle (a bundle from an unverified sender goes to quarantine), or apply a recall notice from a verified partner; writes a signed receipt.',
  args: 'FILE',
  minArgs: 1,
  maxArgs: 1,
  options: {
    'receipt-out': {
      type: 'string',
      description: 'where to write the receipt (default: FILE.receipt.json)',
      valueName: 'FILE',
    },
    ...PASSPHRASE_FILE_OPTION,
  },
  async run(ctx) {
    const file = arg(ctx);
    const receiptOut = stringOpt(ctx, 'receipt-out') ?? `${file}.receipt.json`;
    // the same call applies a partner's recall notice (its answer then has a noticeId)
    const r = await callEngine(
      ctx,
      'bundles',
      'import',
      dropUndefined({ file, passphrase: bundlePassphrase(ctx) }),
      bytesProgress('Verifying and importing'),
    );
    if (isRecallResult(r)) return printRecallImport(ctx, r, receiptOut);
    return printImport(ctx, r, receiptOut);
  },
};

const receiptImportCommand: Command = {
  path: ['bundle', 'receipt', 'import'],
  summary: "Import a partner's signed receipt for a bundle or a recall notice this vault sent (marks it delivered).",
  args: 'FILE',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const any = await callEngine(ctx, 'bundles', 'importReceipt', { file: arg(ctx) });
    if (isRecallReceiptImport(any)) return printRecallReceiptImport(ctx, any);
    const r = any;
    printRecord(ctx, r, [
      ['bundle', r.bundleId],
      ['status', r.status],
      ['changed', r.changed ? 'yes' : 'no (this receipt was imported before)'],
      ['custody events', r.custodyEvents],
    ]);
  },
};

const listCommand: Command = {
  path: ['bundle', 'list'],
  summary: 'The ledger of bundles sent and received, newest first.',
  options: {
    direction: { type: 'string', description: BUNDLE_DIRECTIONS.join(' or '), valueName: 'D' },
    status: { type: 'string', description: choices(BUNDLE_STATUSES), valueName: 'S' },
  },
  async run(ctx) {
    const query = dropUndefined({
      direction: stringOpt(ctx, 'direction'),
      status: stringOpt(ctx, 'status'),
    });
    const items = await callEngine(ctx, 'bundles', 'list', query);
    printTable<BundleLedgerEntry>(
      ctx,
      items,
      [
        ['id', (b) => b.id],
        ['direction', (b) => b.direction],
        ['status', (b) => b.status],
        ['partner', (b) => b.partnerId ?? '(unknown)'],
        ['created', (b) => b.createdAt],
        ['size', (b) => formatBytes(b.bytes)],
        ['purpose', (b) => b.purpose],
      ],
      'No bundles sent or received yet.',
    );
  },
};

const showCommand: Command = {
  path: ['bundle', 'show'],
  summary: 'One ledger entry with its signed manifest and receipt.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const id = idArg(ctx, 'bundle');
    // not the contract's get: that parses the manifest into its schema; this shows it as signed
    const b = await withDomain(ctx, (d) => getBundle(d, id));
    printRecord(ctx, b, [
      ['id', b.id],
      ['direction', b.direction],
      ['status', b.status],
      ['partner', b.partnerId],
      ['sender vault', b.senderVault],
      ['purpose', terminalSafe(b.purpose)],
      ['created', b.createdAt],
      ['expires', b.expiresAt],
      ['entries', b.entries],
      ['size', formatBytes(b.bytes)],
      ['manifest sha256', b.manifestSha256],
      ['receipt', b.receipt ? `${b.receipt.receipt.result} at ${b.receipt.receipt.receivedAt}` : 'none'],
    ]);
  },
};

const acceptCommand: Command = {
  path: ['bundle', 'quarantine', 'accept'],
  summary: "Import a quarantined bundle once its sender's key is verified; writes a new receipt.",
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    'receipt-out': { type: 'string', description: 'where to write the receipt (default: none)', valueName: 'FILE' },
    ...PASSPHRASE_FILE_OPTION,
  },
  async run(ctx) {
    const id = idArg(ctx, 'received bundle');
    const receiptOut = stringOpt(ctx, 'receipt-out') ?? null;
    const r = await callEngine(
      ctx,
      'bundles',
      'acceptQuarantined',
      dropUndefined({ id, passphrase: bundlePassphrase(ctx) }),
      bytesProgress('Verifying and importing'),
    );
    await printImport(ctx, r, receiptOut);
  },
};

const discardCommand: Command = {
  path: ['bundle', 'quarantine', 'discard'],
  summary: 'Delete a quarantined bundle (the ledger keeps it as discarded).',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const r = await callEngine(ctx, 'bundles', 'discardQuarantined', { id: idArg(ctx, 'received bundle') });
    printRecord(ctx, r, [
      ['bundle', r.bundleId],
      ['status', r.status],
    ]);
  },
};

const addSenderCommand: Command = {
  path: ['bundle', 'quarantine', 'add-sender'],
  summary:
    'Add the sender of a quarantined bundle as a partner key (unverified) from the card the bundle carries, so that it can be verified.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    partner: {
      type: 'string',
      description: 'attach the key to this existing partner instead of creating one',
      valueName: 'ID',
    },
  },
  async run(ctx) {
    const partnerId = stringOpt(ctx, 'partner');
    const r = await callEngine(ctx, 'bundles', 'addSender', {
      bundleId: idArg(ctx, 'received bundle'),
      ...(partnerId !== undefined ? { partnerId } : {}),
    });
    printCardImport(ctx, r);
  },
};

const conflictsCommand: Command = {
  path: ['bundle', 'conflicts'],
  summary: 'Received versions of records that were also edited here, waiting for a decision.',
  options: { all: { type: 'boolean', description: 'resolved ones too' } },
  async run(ctx) {
    const items = await callEngine(ctx, 'bundles', 'conflicts', { all: boolOpt(ctx, 'all') });
    printTable<ImportConflict>(
      ctx,
      items,
      [
        ['id', (c) => c.id],
        ['kind', (c) => c.kind],
        ['record', (c) => c.recordId],
        ['incoming v', (c) => c.incomingVersion],
        ['local v', (c) => c.localVersion],
        ['detected', (c) => c.detectedAt],
        ['resolution', (c) => c.resolution ?? 'open'],
      ],
      'No import conflicts.',
    );
  },
};

const resolveCommand: Command = {
  path: ['bundle', 'conflict', 'resolve'],
  summary: 'Decide an import conflict: keep the local record, or take the incoming version.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    keep: { type: 'boolean', description: 'keep the local record (kept-local)' },
    take: { type: 'boolean', description: 'take the incoming version (took-incoming)' },
  },
  async run(ctx) {
    const id = idArg(ctx, 'import conflict');
    if (boolOpt(ctx, 'keep') === boolOpt(ctx, 'take'))
      throw new UsageError('say --keep (the local record) or --take (the incoming version).');
    const resolution = boolOpt(ctx, 'keep') ? 'kept-local' : 'took-incoming';
    const c = await callEngine(ctx, 'bundles', 'resolveConflict', { id, resolution });
    printRecord(ctx, c, [
      ['conflict', c.id],
      ['record', `${c.kind} ${c.recordId}`],
      ['resolution', c.resolution],
      ['resolved', c.resolvedAt],
    ]);
  },
};

export const bundleCommands: Command[] = [
  exportCommand,
  verifyCommand,
  importCommand,
  receiptImportCommand,
  listCommand,
  showCommand,
  acceptCommand,
  addSenderCommand,
  discardCommand,
  conflictsCommand,
  resolveCommand,
  ...recallCommands,
];
