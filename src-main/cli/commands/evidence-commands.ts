/** evidence add | list | show | verify | custody | export | copy | received */
import path from 'node:path';
import {
  CUSTODY_LOG_FORMATS,
  EVIDENCE_TYPES,
  type CustodyLog,
  type CustodyLogFormat,
  type Evidence,
} from '../../../shared/domain/evidence.js';
import { exportCustodyLog } from '../../engine/evidence/evidence-service.js';
import type { Command, CommandContext } from '../command.js';
import { boolOpt, choices, stringOpt } from '../command.js';
import { arg, dropUndefined, idArg, printRecord, printTable, terminalSafe, withDomain } from '../domain-cli.js';
import { callEngine, withEngine, type CallOptions } from '../engine-call.js';
import { formatBytes } from '../io.js';
import { ERASURE_OPTIONS, confirmErasure, erasureReason } from '../confirm-erasure.js';

function evidenceLines(e: Evidence, copies: Evidence[] = []): Array<[string, unknown]> {
  return [
    ['id', e.id],
    ['case', e.caseId],
    ['title', e.title],
    ['type', e.type],
    ['file', e.fileName],
    ['media type', e.mediaType],
    ['size', `${formatBytes(e.size)} (${e.size} bytes)`],
    ['sha256', e.sha256],
    ['copy of', e.derivedFrom],
    ['copy reason', e.derivationReason],
    ['source', e.source],
    ['collector', e.collector],
    ['method', e.method],
    ['collected', e.collectedAt],
    ['place', e.place],
    ['description', e.description],
    ['received', e.receivedAt],
    ['last verified', e.lastVerifiedAt ?? 'never'],
    ['copies', copies.map((c) => c.id)],
  ];
}

/** A progress bar for a long read or write, in bytes (silent with --json or off a terminal). */
function bytesProgress(label: string): CallOptions {
  return {
    progress: label,
    progressDetail: ({ done = 0, total }) => `${formatBytes(done)} of ${formatBytes(total ?? 0)}`,
  };
}

const add: Command = {
  path: ['evidence', 'add'],
  summary: 'Take a file in as evidence of a case (encrypted; its SHA-256 recorded).',
  args: 'FILE',
  minArgs: 1,
  maxArgs: 1,
  options: {
    case: { type: 'string', description: 'the case it belongs to (required)', valueName: 'ID' },
    type: {
      type: 'string',
      description: choices(EVIDENCE_TYPES, { document: 'default' }),
      valueName: 'T',
    },
    title: { type: 'string', description: "a title (default: the file's name)", valueName: 'TEXT' },
    description: { type: 'string', description: 'what it shows or says', valueName: 'TEXT' },
    source: { type: 'string', description: 'who or where it came from', valueName: 'TEXT' },
    collector: { type: 'string', description: 'who collected it', valueName: 'TEXT' },
    method: { type: 'string', description: 'how it was obtained', valueName: 'TEXT' },
    'collected-at': { type: 'string', description: 'when: YYYY-MM-DD, or a time with its zone', valueName: 'DATE' },
    place: { type: 'string', description: 'where it was collected', valueName: 'TEXT' },
    'media-type': {
      type: 'string',
      description: 'e.g. application/pdf (default: detected from the content)',
      valueName: 'TYPE',
    },
  },
  async run(ctx) {
    const input = dropUndefined({
      caseId: stringOpt(ctx, 'case'),
      file: arg(ctx),
      type: stringOpt(ctx, 'type'),
      title: stringOpt(ctx, 'title'),
      description: stringOpt(ctx, 'description'),
      source: stringOpt(ctx, 'source'),
      collector: stringOpt(ctx, 'collector'),
      method: stringOpt(ctx, 'method'),
      collectedAt: stringOpt(ctx, 'collected-at'),
      place: stringOpt(ctx, 'place'),
      mediaType: stringOpt(ctx, 'media-type'),
    });
    const e = await callEngine(ctx, 'evidence', 'add', input, bytesProgress('Taking in'));
    printRecord(ctx, e, evidenceLines(e));
  },
};

const copy: Command = {
  path: ['evidence', 'copy'],
  summary: 'Take in a working copy (e.g. a redacted copy) of an item, linked to it.',
  args: 'ID FILE',
  minArgs: 2,
  maxArgs: 2,
  options: {
    reason: { type: 'string', description: 'why the copy was made (required)', valueName: 'TEXT' },
    title: { type: 'string', description: "a title (default: the file's name)", valueName: 'TEXT' },
    description: { type: 'string', description: 'what differs from the item it was made from', valueName: 'TEXT' },
    'media-type': {
      type: 'string',
      description: 'e.g. application/pdf (default: detected from the content)',
      valueName: 'TYPE',
    },
  },
  async run(ctx) {
    const input = dropUndefined({
      originalId: idArg(ctx, 'evidence item', 0),
      file: arg(ctx, 1),
      reason: stringOpt(ctx, 'reason'),
      title: stringOpt(ctx, 'title'),
      description: stringOpt(ctx, 'description'),
      mediaType: stringOpt(ctx, 'media-type'),
    });
    const e = await callEngine(ctx, 'evidence', 'addCopy', input, bytesProgress('Taking in'));
    printRecord(ctx, e, evidenceLines(e));
  },
};

const list: Command = {
  path: ['evidence', 'list'],
  summary: 'List the evidence of a case, oldest first (working copies included).',
  options: {
    case: { type: 'string', description: 'the case (required)', valueName: 'ID' },
    type: { type: 'string', description: 'only items of this type', valueName: 'T' },
    'originals-only': { type: 'boolean', description: 'leave out working copies' },
  },
  async run(ctx) {
    const query = dropUndefined({
      caseId: stringOpt(ctx, 'case'),
      type: stringOpt(ctx, 'type'),
      includeCopies: boolOpt(ctx, 'originals-only') ? false : undefined,
    });
    const items = await callEngine(ctx, 'evidence', 'list', query);
    printTable(
      ctx,
      items,
      [
        ['ID', (e) => e.id],
        ['TYPE', (e) => e.type],
        ['TITLE', (e) => e.title],
        ['SIZE', (e) => formatBytes(e.size)],
        ['SHA-256', (e) => e.sha256.slice(0, 16)],
        ['RECEIVED', (e) => e.receivedAt],
        ['COPY OF', (e) => e.derivedFrom],
      ],
      'No evidence in this case.',
    );
  },
};

const show: Command = {
  path: ['evidence', 'show'],
  summary: 'Show one evidence item and its working copies.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const id = idArg(ctx, 'evidence item');
    const { e, copies } = await withEngine(ctx, async (engine) => {
      const item = await engine.call('evidence', 'get', { id });
      const inCase = await engine.call('evidence', 'list', { caseId: item.caseId });
      return { e: item, copies: inCase.filter((c) => c.derivedFrom === item.id) };
    });
    printRecord(ctx, e, evidenceLines(e, copies));
  },
};

const verify: Command = {
  path: ['evidence', 'verify'],
  summary: 'Re-read an item and check it against the SHA-256 recorded at intake.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const r = await callEngine(
      ctx,
      'evidence',
      'verify',
      { id: idArg(ctx, 'evidence item') },
      bytesProgress('Verifying'),
    );
    if (ctx.out.json) return ctx.out.printJson(r);
    ctx.out.print(`Evidence ${r.id} matches the SHA-256 recorded at intake (${r.sha256}, ${r.size} bytes).`);
  },
};

const custody: Command = {
  path: ['evidence', 'custody'],
  summary: 'Show or export the chain of custody of an item (and check its hash chain).',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    format: {
      type: 'string',
      description: `${CUSTODY_LOG_FORMATS.join(' or ')}: print (or write) the custody log as a document`,
      valueName: 'F',
    },
    out: {
      type: 'string',
      description: 'write the document to FILE (must not exist; default format json)',
      valueName: 'FILE',
    },
  },
  async run(ctx) {
    const id = idArg(ctx, 'evidence item');
    const format = stringOpt(ctx, 'format');
    const out = stringOpt(ctx, 'out');
    if (out !== undefined) {
      const { written, chain } = await withEngine(ctx, async (engine) => ({
        written: await engine.call('evidence', 'exportCustodyLog', { id, format: format ?? 'json', target: out }),
        chain: (await engine.call('evidence', 'custodyLog', { id })).chain,
      }));
      // the answer leaves the path out (the app's renderer never sees one); here the user named it
      const r = { path: path.resolve(out), ...written };
      if (ctx.out.json) return ctx.out.printJson({ ...r, chain });
      ctx.out.print(`Custody log of ${id} written to ${terminalSafe(r.path)} (${r.format}, ${r.bytes} bytes).`);
      if (!chain.ok) ctx.out.note(`warning: the custody chain is broken: ${terminalSafe(chain.reason)}.`);
      return;
    }
    if (format === undefined) return printCustodyLog(ctx, await callEngine(ctx, 'evidence', 'custodyLog', { id }));
    // the log as a document on stdout: the CLI's own (the contract writes it to a file)
    const doc = await withDomain(ctx, (d) => exportCustodyLog(d, id, format as CustodyLogFormat));
    if (ctx.out.json)
      return ctx.out.printJson(format === 'json' ? (JSON.parse(doc) as unknown) : { format, content: doc });
    ctx.out.print(doc);
  },
};

function printCustodyLog(ctx: CommandContext, log: CustodyLog): void {
  if (ctx.out.json) return ctx.out.printJson(log);
  ctx.out.print(`Chain of custody of ${log.evidence.id} (sha256 ${log.evidence.sha256})`);
  printTable(
    ctx,
    log.events,
    [
      ['SEQ', (e) => e.seq],
      ['AT', (e) => e.at],
      ['ACTOR', (e) => e.actor],
      ['ACTION', (e) => e.action],
      [
        'DETAILS',
        (e) =>
          Object.entries(e.details)
            .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
            .join(' '),
      ],
    ],
    'No custody events.',
  );
  ctx.out.print(
    log.chain.ok
      ? `Hash chain intact (${log.chain.events} events).`
      : `HASH CHAIN BROKEN: ${terminalSafe(log.chain.reason)}.`,
  );
}

const exportCmd: Command = {
  path: ['evidence', 'export'],
  summary: 'Write a decrypted copy of an item to a new file (recorded in its custody log).',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    out: { type: 'string', description: 'the file to write (required; must not exist)', valueName: 'FILE' },
    reason: {
      type: 'string',
      description: 'why it leaves the vault (required; kept in the custody log)',
      valueName: 'TEXT',
    },
  },
  async run(ctx) {
    // Missing options reach the contract as undefined, which its schema names (target, reason).
    const target = stringOpt(ctx, 'out');
    const input = dropUndefined({ id: idArg(ctx, 'evidence item'), target, reason: stringOpt(ctx, 'reason') });
    const { id, ...exported } = await callEngine(ctx, 'evidence', 'export', input, bytesProgress('Exporting'));
    // the answer leaves the path out (the app's renderer never sees one); here the user named it
    const r = { id, path: path.resolve(target!), ...exported };
    if (ctx.out.json) return ctx.out.printJson(r);
    ctx.out.print(
      `Exported ${r.id} to ${terminalSafe(r.path)} (${r.size} bytes, sha256 ${r.sha256}). The export is recorded in its custody log.`,
    );
  },
};

const received: Command = {
  path: ['evidence', 'received'],
  summary: 'List evidence a partner described without sending its file (read-only, as received).',
  options: {
    case: { type: 'string', description: 'the case (required)', valueName: 'ID' },
  },
  async run(ctx) {
    const items = await callEngine(
      ctx,
      'evidence',
      'receivedDescriptions',
      dropUndefined({ caseId: stringOpt(ctx, 'case') }),
    );
    // a field the sender's profile left out is shown as "-" (absent from --json)
    const shown = (v: string | undefined) => v ?? '-';
    printTable(
      ctx,
      items,
      [
        ['ID', (e) => e.id],
        ['TYPE', (e) => shown(e.type)],
        ['TITLE', (e) => shown(e.title)],
        ['SIZE', (e) => (e.size === undefined ? '-' : formatBytes(e.size))],
        ['SHA-256', (e) => (e.sha256 === undefined ? '-' : e.sha256.slice(0, 16))],
        ['FROM', (e) => e.originPartner?.name ?? `vault ${e.originVault.slice(0, 8)}`],
        ['RECEIVED', (e) => e.receivedAt],
      ],
      'No evidence described without its file in this case.',
    );
  },
};

const erase: Command = {
  path: ['evidence', 'erase'],
  summary: 'Crypto-erase an item and its working copies: key rows destroyed, files removed (cannot be undone).',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: ERASURE_OPTIONS,
  async run(ctx) {
    const id = idArg(ctx, 'evidence item');
    const reason = erasureReason(ctx);
    await confirmErasure(ctx, id, `evidence item ${id} and its working copies`);
    const r = await callEngine(ctx, 'evidence', 'erase', { id, reason });
    printRecord(ctx, r, [
      ['erased', r.erased],
      ['sha256', r.sha256],
      ['files erased', r.filesErased],
      ['files kept', r.filesKept > 0 ? `${r.filesKept} (another item holds the same file)` : 0],
      ['custody hash', r.custodyHash],
      ['erased at', r.erasedAt],
    ]);
  },
};

export const evidenceCommands: Command[] = [add, list, show, verify, custody, exportCmd, copy, received, erase];
