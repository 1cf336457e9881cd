/**
 * import preflight | run | mappings — bring a caseload in from a spreadsheet's CSV export
 * (docs/import.md); export cases | deadlines | people — lists as CSV for internal use.
 *
 * `import preflight` and `import mappings` go through the contract's import handlers, as the
 * app's wizard does. `import run` and the list exports call the services directly
 * (engine.domain): a run here writes its summary and refused rows beside the file (or in
 * --report-dir) and stops on Ctrl-C, none of which the contract carries (it takes file handles,
 * never a folder).
 */
import path from 'node:path';
import { pluck, sql } from '../../engine/db/sql.js';
import { ENCODINGS, type CsvDelimiter, type CsvEncoding } from '../../engine/import/csv-source.js';
import { IMPORT_KINDS, type ColumnMapping, type ImportKind } from '../../engine/import/fields.js';
import {
  type ImportProgress,
  type ImportRequest,
  type RowResult,
  runImport,
} from '../../engine/import/import-service.js';
import { EXPORT_LISTS, type ExportList, exportListCsv } from '../../engine/lists/list-export.js';
import { VaultError } from '../../../shared/errors.js';
import type { Command, CommandContext, OptionSpec } from '../command.js';
import { boolOpt, choices, stringOpt } from '../command.js';
import { arg, listOpt, printTable, terminalSafe } from '../domain-cli.js';
import { callEngine, withEngine } from '../engine-call.js';
import { UsageError, formatBytes, type Progress } from '../io.js';

const SEPARATORS: Record<string, CsvDelimiter> = { comma: ',', semicolon: ';', tab: '\t', ',': ',', ';': ';' };

const FILE_OPTIONS: Record<string, OptionSpec> = {
  kind: { type: 'string', description: `what the rows are: ${choices(IMPORT_KINDS)} (required)`, valueName: 'K' },
  mapping: { type: 'string', description: 'use the column mapping saved under NAME', valueName: 'NAME' },
  map: {
    type: 'string',
    multiple: true,
    description: 'feed FIELD from the column HEADER (repeat; over the proposed or saved mapping)',
    valueName: 'FIELD=HEADER',
  },
  encoding: {
    type: 'string',
    description: `the file's encoding when detection is wrong: ${choices(ENCODINGS)}`,
    valueName: 'E',
  },
  separator: {
    type: 'string',
    description: 'the separator when detection is wrong: comma, semicolon, tab',
    valueName: 'S',
  },
};

function request(ctx: CommandContext): ImportRequest {
  const kind = stringOpt(ctx, 'kind');
  if (!kind) throw new UsageError(`--kind is required: ${IMPORT_KINDS.join(', ')}.`);
  if (!(IMPORT_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`--kind takes one of: ${IMPORT_KINDS.join(', ')}; got "${kind}".`);
  const encoding = stringOpt(ctx, 'encoding');
  if (encoding !== undefined && !(ENCODINGS as readonly string[]).includes(encoding))
    throw new UsageError(`--encoding takes one of: ${ENCODINGS.join(', ')}; got "${encoding}".`);
  const separator = stringOpt(ctx, 'separator');
  if (separator !== undefined && SEPARATORS[separator] === undefined)
    throw new UsageError(`--separator takes comma, semicolon or tab; got "${separator}".`);
  const mapping: ColumnMapping = {};
  const maps = ctx.values.map;
  for (const m of Array.isArray(maps) ? (maps as string[]) : typeof maps === 'string' ? [maps] : []) {
    const eq = m.indexOf('=');
    if (eq <= 0 || eq === m.length - 1) throw new UsageError(`--map takes FIELD=HEADER; got "${m}".`);
    mapping[m.slice(0, eq).trim()] = m.slice(eq + 1).trim();
  }
  return {
    file: arg(ctx),
    kind: kind as ImportKind,
    ...(stringOpt(ctx, 'mapping') ? { mappingName: stringOpt(ctx, 'mapping')! } : {}),
    ...(Object.keys(mapping).length ? { mapping } : {}),
    ...(encoding ? { encoding: encoding as CsvEncoding } : {}),
    ...(separator ? { delimiter: SEPARATORS[separator]! } : {}),
  };
}

function progressReporter(ctx: CommandContext): { report: (p: ImportProgress) => void; done: () => void } {
  const bars: { bar?: Progress; phase?: string } = {};
  const labels = { hashing: 'Checking the file', reading: 'Reading rows', importing: 'Importing' } as const;
  return {
    report: (p) => {
      if (bars.phase !== p.phase) {
        bars.bar?.done();
        bars.bar = ctx.out.progress(labels[p.phase]);
        bars.phase = p.phase;
      }
      bars.bar!.update(p.done, p.total, `${formatBytes(p.done)} of ${formatBytes(p.total)}`);
    },
    done: () => bars.bar?.done(),
  };
}

function describeFormat(
  ctx: CommandContext,
  o: { format: { encoding: string; bom: boolean; delimiter: string; bytes: number }; sha256: string },
): void {
  const sep = o.format.delimiter === '\t' ? 'tab' : o.format.delimiter === ';' ? 'semicolon' : 'comma';
  ctx.out.print(
    `Encoding:  ${o.format.encoding}${o.format.bom ? ' (byte-order mark)' : ' (detected)'}; separator: ${sep}; ${formatBytes(o.format.bytes)}`,
  );
  ctx.out.print(`SHA-256:   ${o.sha256}`);
}

function describeMapping(ctx: CommandContext, o: { mapping: ColumnMapping; ignored: string[] }): void {
  ctx.out.print('Columns:');
  for (const [field, header] of Object.entries(o.mapping)) ctx.out.print(`  ${terminalSafe(header)} -> ${field}`);
  for (const h of o.ignored) ctx.out.print(`  ${terminalSafe(h)} (ignored)`);
}

function rowLine(r: RowResult): string {
  const what =
    r.action === 'refuse' ? `refused  ${r.code}: ${r.message}` : `${r.action.padEnd(8)} ${r.reference ?? r.id ?? ''}`;
  const conflicts = r.conflicts ? ` (${r.conflicts} possible conflict${r.conflicts === 1 ? '' : 's'} to review)` : '';
  return `  line ${String(r.line).padStart(6)}  ${terminalSafe(what)}${conflicts}`;
}

const preflight: Command = {
  path: ['import', 'preflight'],
  summary:
    'Read a CSV file and show, row by row, what importing it would create, update or refuse and why; changes nothing.',
  args: 'FILE',
  minArgs: 1,
  maxArgs: 1,
  options: {
    ...FILE_OPTIONS,
    'save-mapping': { type: 'string', description: 'save the column mapping used under NAME', valueName: 'NAME' },
  },
  async run(ctx) {
    const req = request(ctx);
    const save = stringOpt(ctx, 'save-mapping');
    {
      const p = await callEngine(
        ctx,
        'import',
        'preflight',
        { ...req, ...(save ? { saveMappingAs: save } : {}) },
        {
          progress: 'Reading the file',
          progressDetail: (r) => `${formatBytes(r.done ?? 0)} of ${formatBytes(r.total ?? 0)}`,
        },
      );
      if (ctx.out.json) return ctx.out.printJson(p);
      describeFormat(ctx, p);
      describeMapping(ctx, p);
      if (save) ctx.out.print(`Mapping saved as “${terminalSafe(save)}”.`);
      if (p.earlier.length)
        ctx.out.print(
          `This file was imported before (${p.earlier[0]!.at.slice(0, 10)}): “import run” will ask for --again.`,
        );
      ctx.out.print('');
      for (const r of p.rows) ctx.out.print(rowLine(r));
      if (p.counts.rows > p.rows.length) ctx.out.print(`  … ${p.counts.rows - p.rows.length} more rows`);
      ctx.out.print('');
      ctx.out.print(
        `Would create ${p.counts.create}, update ${p.counts.update}, leave ${p.counts.unchanged} unchanged, refuse ${p.counts.refuse} (of ${p.counts.rows} rows). Nothing was changed.`,
      );
    }
  },
};

const runCommand: Command = {
  path: ['import', 'run'],
  summary:
    'Import a CSV file in batches (Ctrl-C stops after the batch in hand); refused rows go to a CSV beside a summary.',
  args: 'FILE',
  minArgs: 1,
  maxArgs: 1,
  options: {
    ...FILE_OPTIONS,
    'dry-run': { type: 'boolean', description: 'change nothing: the same as import preflight' },
    again: { type: 'boolean', description: 'import a file that was imported before (same bytes)' },
    'report-dir': {
      type: 'string',
      description: "where the summary and the refused rows go (default: the file's folder)",
      valueName: 'DIR',
    },
  },
  async run(ctx) {
    if (boolOpt(ctx, 'dry-run')) return preflight.run(ctx);
    const req = request(ctx);
    await withEngine(ctx, async (engine) => {
      const abort = new AbortController();
      let interrupts = 0;
      const onSigint = () => {
        interrupts++;
        // a second Ctrl-C stops at once: the batch in hand rolls back with its transaction
        if (interrupts > 1) process.exit(130);
        ctx.out.note('\nStopping after the batch in hand (Ctrl-C again to stop at once; that batch is then not kept)…');
        abort.abort();
      };
      process.on('SIGINT', onSigint);
      const bars = progressReporter(ctx);
      let told = false;
      const progress = {
        done: bars.done,
        report: (p: ImportProgress) => {
          // once the file has passed its checks: from here on, a Ctrl-C keeps what was committed
          if (p.phase === 'importing' && !told) {
            told = true;
            ctx.out.note('Importing; Ctrl-C stops after the batch in hand and keeps what was committed.');
          }
          bars.report(p);
        },
      };
      let o;
      try {
        o = await runImport(engine.domain, req, {
          again: boolOpt(ctx, 'again'),
          ...(stringOpt(ctx, 'report-dir') ? { reportDir: stringOpt(ctx, 'report-dir')! } : {}),
          signal: abort.signal,
          onProgress: progress.report,
        });
      } finally {
        progress.done();
        process.off('SIGINT', onSigint);
      }
      if (o.refusedFile)
        ctx.out.note(
          `warning: ${path.basename(o.refusedFile)} holds the ${o.counts.refuse} refused rows as plain text, outside the vault. Fix and import them, then delete it.`,
        );
      if (ctx.out.json) return ctx.out.printJson(o);
      describeFormat(ctx, o);
      for (const r of o.refused) ctx.out.print(rowLine(r));
      if (o.counts.refuse > o.refused.length)
        ctx.out.print(`  … ${o.counts.refuse - o.refused.length} more refused rows`);
      ctx.out.print(
        `${o.status === 'complete' ? 'Imported' : `Cancelled after line ${o.lastLine}; committed`}: created ${o.counts.create}, updated ${o.counts.update}, unchanged ${o.counts.unchanged}, refused ${o.counts.refuse} (of ${o.counts.rows} rows read).`,
      );
      ctx.out.print(`Summary: ${o.summaryFile}`);
      if (o.refusedFile) ctx.out.print(`Refused rows: ${o.refusedFile}`);
    });
  },
};

const mappings: Command = {
  path: ['import', 'mappings'],
  summary: 'List the saved column mappings.',
  async run(ctx) {
    {
      const list = await callEngine(ctx, 'import', 'mappings', {});
      if (ctx.out.json) return ctx.out.printJson(list);
      printTable(
        ctx,
        list,
        [
          ['NAME', (m) => m.name],
          ['KIND', (m) => m.kind],
          [
            'COLUMNS',
            (m) =>
              Object.entries(m.mapping)
                .map(([f, h]) => `${h}->${f}`)
                .join(', '),
          ],
        ],
        'No saved mappings.',
      );
    }
  },
};

function exportCommand(list: ExportList): Command {
  return {
    path: ['export', list],
    summary:
      list === 'people'
        ? 'Write the people of a case (with their roles) to a new CSV file: plain text on disk, audited.'
        : `Write the ${list} list to a new CSV file: plain text on disk, audited.`,
    options: {
      csv: {
        type: 'string',
        description: 'the file to create (an existing file is never replaced)',
        valueName: 'FILE',
      },
      ...(list === 'cases'
        ? {}
        : {
            case: {
              type: 'string' as const,
              description:
                list === 'people' ? 'the case, by id or reference (required)' : 'only this case (id or reference)',
              valueName: 'CASE',
            },
          }),
    },
    async run(ctx) {
      const csv = stringOpt(ctx, 'csv');
      if (!csv) throw new UsageError('--csv FILE is required: the file to write.');
      const caseArg = listOpt(ctx, 'case')[0];
      if (list === 'people' && !caseArg) throw new UsageError('--case is required: the case whose people to list.');
      await withEngine(ctx, (engine) => {
        let caseId: string | undefined;
        if (caseArg) {
          caseId = pluck<string>(
            engine.domain.db,
            sql`SELECT id FROM cases WHERE id = ${caseArg} OR reference = ${caseArg}`,
          );
          if (!caseId) throw new VaultError('NOT_FOUND', 'No case in this vault has that id or reference.');
        }
        const r = exportListCsv(engine.domain, { list, destPath: csv, ...(caseId ? { caseId } : {}) });
        ctx.out.note(
          `warning: ${path.basename(r.path)} holds the list as plain text, outside the vault's encryption. Keep it on an encrypted disk and delete it when done.`,
        );
        if (ctx.out.json) return ctx.out.printJson(r);
        ctx.out.print(`Wrote ${r.rows} ${list} rows to ${r.path}.`);
      });
    },
  };
}

export const importCommands: Command[] = [preflight, runCommand, mappings, ...EXPORT_LISTS.map(exportCommand)];
