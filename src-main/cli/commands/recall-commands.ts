/**
 * Recall notices from the terminal (docs/cli.md, docs/bundle-format.md "Recall notices"):
 *
 *   bundle recall --consent ID --out DIR [--action restrict|erase] [--reason TEXT]
 *   bundle recalls [--direction sent|received]
 *
 * and what `bundle import` and `bundle receipt import` print when the file is a recall notice
 * or a recall receipt (bundle-commands.ts calls these).
 */
import {
  RECALL_DIRECTIONS,
  type RecallImportResult,
  type RecallLedgerEntry,
  type RecallReceiptImport,
  type RecallCounts,
} from '../../../shared/domain/recall.js';
import { writeRecallReceipt, writeRecalls } from '../../engine/bundles/recall/index.js';
import type { Command, CommandContext } from '../command.js';
import { stringOpt } from '../command.js';
import { dropUndefined, printRecord, printTable, terminalSafe, withDomain } from '../domain-cli.js';
import { callEngine } from '../engine-call.js';
import { UsageError, receiptAfterImport } from '../io.js';

function countsText(c: RecallCounts | null): string {
  if (!c) return '';
  const parts = [
    c.restricted ? `${c.restricted} restricted` : '',
    c.erased ? `${c.erased} erased` : '',
    c.absent ? `${c.absent} not held` : '',
    c.ignored ? `${c.ignored} ignored` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing held';
}

const recallCommand: Command = {
  path: ['bundle', 'recall'],
  summary:
    "After a consent withdrawal: write a signed recall notice for every partner a bundle took the person's data to.",
  options: {
    consent: {
      type: 'string',
      description: 'the withdrawn consent (its id, or the id of any version of it)',
      valueName: 'ID',
    },
    out: {
      type: 'string',
      description: 'the folder to write the notices into (one .cvrecall file per partner; never overwritten)',
      valueName: 'DIR',
    },
    action: {
      type: 'string',
      description:
        'restrict (default: the partner keeps the data but never uses or shares it again) or erase (the partner deletes it)',
      valueName: 'A',
    },
    reason: {
      type: 'string',
      description: 'a short reason shown to the partner (≤ 500 characters; no names)',
      valueName: 'TEXT',
    },
  },
  async run(ctx) {
    const consentId = stringOpt(ctx, 'consent');
    if (consentId === undefined) throw new UsageError('say which withdrawn consent: --consent ID.');
    const outDir = stringOpt(ctx, 'out');
    if (outDir === undefined)
      throw new UsageError('say which folder to write the notices into: --out DIR (e.g. on a USB stick).');
    const input = dropUndefined({
      consentId,
      outDir,
      action: stringOpt(ctx, 'action'),
      reason: stringOpt(ctx, 'reason'),
    });
    // not the contract's writeRecall: that writes one partner's notice to a file chosen for it;
    // this writes every partner's into one folder
    const written = await withDomain(ctx, (d) => writeRecalls(d, input));
    if (ctx.out.json) return ctx.out.printJson(written.map((w) => ({ file: w.file, partnerId: w.partnerId })));
    ctx.out.print(
      [
        `Wrote ${written.length} recall notice${written.length === 1 ? '' : 's'} (${written[0]?.action ?? 'restrict'}):`,
        ...written.map(
          (w) =>
            `  ${terminalSafe(w.file)}  (partner ${w.partnerId}, ${w.bundles} bundle${w.bundles === 1 ? '' : 's'}, ${w.records} record${w.records === 1 ? '' : 's'})`,
        ),
        'Give each file to its partner; import the receipt they return with "bundle receipt import FILE".',
      ].join('\n'),
    );
  },
};

const recallsCommand: Command = {
  path: ['bundle', 'recalls'],
  summary: 'Recall notices sent (sent or delivered) and received (applied), newest first.',
  options: {
    direction: { type: 'string', description: RECALL_DIRECTIONS.join(' or '), valueName: 'D' },
  },
  async run(ctx) {
    const query = dropUndefined({ direction: stringOpt(ctx, 'direction') });
    const items = await callEngine(ctx, 'bundles', 'recalls', query);
    printTable<RecallLedgerEntry>(
      ctx,
      items,
      [
        ['id', (r) => r.id],
        ['direction', (r) => r.direction],
        ['status', (r) => r.status],
        ['action', (r) => r.action],
        ['partner', (r) => r.partnerId ?? '(unknown)'],
        ['person', (r) => r.personId],
        ['bundles', (r) => r.bundles],
        ['result', (r) => countsText(r.counts)],
        ['recorded', (r) => r.recordedAt],
      ],
      'No recall notices sent or received yet.',
    );
  },
};

/** `bundle import` of a recall notice: write our receipt beside it and print what was done. */
export async function printRecallImport(
  ctx: CommandContext,
  r: RecallImportResult,
  receiptOut: string | null,
): Promise<void> {
  const written = receiptOut ? await receiptAfterImport(() => writeRecallReceipt(r.receipt, receiptOut)) : null;
  if (ctx.out.json) return ctx.out.printJson({ ...r, receiptPath: written });
  const result =
    r.result === 'applied'
      ? `recall notice applied (${r.action})`
      : 'recall notice already applied earlier: nothing changed';
  printRecord(ctx, r, [
    ['notice', r.noticeId],
    ['result', result],
    ['from', `${r.partner.name} (${r.partner.id}, vault ${r.fromVault})`],
    ['person', r.personId],
    ['done', countsText(r.counts)],
    [
      'left as they are',
      r.ignored.map(
        (i) =>
          `${i.kind} ${i.id}: ${{ 'other-origin': 'not originated by the sender', 'not-this-person': "not this person's record", 'kept-for-records-here': 'records made here refer to it (restricted instead)' }[i.reason]}`,
      ),
    ],
    ['receipt', written ?? undefined],
  ]);
  if (written) ctx.out.print(`Give the receipt file to the sender ("bundle receipt import ${terminalSafe(written)}").`);
}

/** `bundle receipt import` of a recall receipt. */
export function printRecallReceiptImport(ctx: CommandContext, r: RecallReceiptImport): void {
  printRecord(ctx, r, [
    ['recall notice', r.noticeId],
    ['status', r.status],
    ['changed', r.changed ? 'yes' : 'no (this receipt was imported before)'],
    ['partner reports', countsText(r.counts)],
  ]);
}

export const recallCommands: Command[] = [recallCommand, recallsCommand];
