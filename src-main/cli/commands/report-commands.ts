/** report donor: a redacted donor report, written as PDF, CSV or HTML, or previewed. */
import {
  REPORT_FORMATS,
  REPORT_LANGUAGES,
  type DonorReportInput,
  type LeftOutCase,
  type Redaction,
} from '../../../shared/domain/reports.js';
import { exportDonorReport } from '../../engine/reports/donor-report.js';
import type { Command } from '../command.js';
import { boolOpt, choices, stringOpt } from '../command.js';
import { dropUndefined, intOpt, listOpt, printRecord, printTable, terminalSafe, withDomain } from '../domain-cli.js';
import { callEngine } from '../engine-call.js';
import { UsageError } from '../io.js';

function cellText(c: { state: string; value?: number }, k: number): string {
  return c.state === 'value' ? String(c.value) : c.state === 'small' ? `< ${k}` : 'hidden';
}

const donor: Command = {
  path: ['report', 'donor'],
  summary:
    'Write a redacted donor report (PDF, CSV or HTML), or --preview what it holds, every redaction and every case left out.',
  options: {
    from: { type: 'string', description: 'first day of the period (YYYY-MM-DD, required)', valueName: 'DATE' },
    to: { type: 'string', description: 'last day of the period, included (required)', valueName: 'DATE' },
    tag: {
      type: 'string',
      multiple: true,
      description: 'only cases with this tag (repeat: any of them)',
      valueName: 'T',
    },
    project: {
      type: 'string',
      multiple: true,
      description: 'only cases of this project (repeat: any of them)',
      valueName: 'P',
    },
    'donor-code': {
      type: 'string',
      multiple: true,
      description: 'only cases under this donor code (repeat: any of them)',
      valueName: 'D',
    },
    format: { type: 'string', description: choices(REPORT_FORMATS, { csv: 'aggregates only' }), valueName: 'F' },
    out: { type: 'string', description: 'the file to create (an existing file is never replaced)', valueName: 'FILE' },
    k: { type: 'string', description: 'counts below N show as "< N" (default 5; never below 5)', valueName: 'N' },
    'no-vignettes': { type: 'boolean', description: 'leave out the case stories' },
    title: {
      type: 'string',
      description: 'the report title (no name, place, contact or exact date)',
      valueName: 'TEXT',
    },
    language: {
      type: 'string',
      description: choices(REPORT_LANGUAGES, { en: 'default', ar: 'HTML or CSV only' }),
      valueName: 'L',
    },
    preview: {
      type: 'boolean',
      description: 'write nothing: print the report’s numbers, every redaction and every case left out',
    },
  },
  async run(ctx) {
    const input = dropUndefined({
      from: stringOpt(ctx, 'from'),
      to: stringOpt(ctx, 'to'),
      tags: listOpt(ctx, 'tag'),
      projects: listOpt(ctx, 'project'),
      donorCodes: listOpt(ctx, 'donor-code'),
      k: intOpt(ctx, 'k'),
      vignettes: boolOpt(ctx, 'no-vignettes') ? false : undefined,
      title: stringOpt(ctx, 'title'),
      language: stringOpt(ctx, 'language'),
    }) as DonorReportInput;

    if (boolOpt(ctx, 'preview')) {
      if (stringOpt(ctx, 'out') !== undefined)
        throw new UsageError('--preview writes nothing: leave out --out, or leave out --preview to write the report.');
      // the HTML rendering is for the app's preview frame; a terminal shows the numbers
      const { html: _html, ...preview } = await callEngine(ctx, 'reports', 'preview', input);
      if (ctx.out.json) return ctx.out.printJson(preview);
      const m = preview.model;
      ctx.out.print(
        `${terminalSafe(m.title)} — ${terminalSafe(m.period.label)} — ${terminalSafe(m.scope.label)} — k = ${m.k}`,
      );
      ctx.out.print('');
      printTable(
        ctx,
        [...m.summary, ...(m.enquiries.included ? m.enquiries.rows : [])],
        [
          ['COUNT', (r) => r.label],
          ['SHOWN AS', (r) => cellText(r.cell, m.k)],
        ],
      );
      ctx.out.print('');
      ctx.out.print(`Redactions (${preview.redactions.length}):`);
      printTable<Redaction>(
        ctx,
        preview.redactions,
        [
          ['KIND', (r) => r.kind],
          ['WHERE', (r) => r.where],
          ['CASE', (r) => r.caseReference],
          ['TIMES', (r) => r.count],
        ],
        '  none',
      );
      ctx.out.print('');
      ctx.out.print(`Cases left out (${preview.leftOut.length}):`);
      printTable<LeftOutCase>(
        ctx,
        preview.leftOut,
        [
          ['CASE', (c) => c.caseReference],
          ['LEFT OUT OF', (c) => (c.from === 'report' ? 'the report' : 'the case stories')],
          ['REASON', (c) => c.reason],
          ['PEOPLE', (c) => c.people],
        ],
        '  none',
      );
      ctx.out.note(
        `Case stories: ${m.vignettes.length}. Nothing was written; run again with --format and --out to write the report.`,
      );
      return;
    }

    // not the contract's write: its answer names the file but not its folder, nor the case stories
    const result = await withDomain(ctx, (d) =>
      exportDonorReport(
        d,
        input,
        dropUndefined({ format: stringOpt(ctx, 'format'), out: stringOpt(ctx, 'out') }) as never,
      ),
    );
    const record = { ...result.written, redactions: result.redactions, leftOut: result.leftOut };
    printRecord(ctx, record, [
      ['file', record.file],
      ['format', record.format],
      ['bytes', record.bytes],
      ['sha256', record.sha256],
      ['case stories', record.vignettes],
      ['redactions', record.redactions],
      ['cases left out', record.leftOut],
    ]);
    if (!ctx.out.json && record.leftOut > 0)
      ctx.out.note(`${record.leftOut} case(s) were left out for lack of consent; --preview lists them.`);
  },
};

export const reportCommands: Command[] = [donor];
