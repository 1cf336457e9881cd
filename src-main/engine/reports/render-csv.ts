/**
 * The donor report as CSV: the aggregates only (no case stories), every table in one file, one
 * row per published number, with the columns
 *
 *     section,item,label,value,status
 *
 * `section` names the table (report, summary, enquiries, people-by-gender, …, reparations,
 * indicators), `item` the row's key, `label` its words in the report's language, `value` what
 * the report shows ("12", "< 5", "hidden", "1500.50"), and `status` what that is: value, small,
 * hidden, withheld, not-shown or text.
 *
 * Written by the project's one CSV writer (util/csv.ts): RFC 4180, a UTF-8 byte-order mark
 * first, formulas neutralised (the report's title, for one, is typed by a person).
 */
import type { DonorReportModel, ReportCell } from '../../../shared/domain/reports.js';
import { type CatalogueKey, t } from './catalogue.js';
import { cellText } from './charts.js';
import { csvDocument } from '../util/csv.js';

export function renderCsv(model: DonorReportModel): string {
  const lang = model.language;
  const rows: string[][] = [['section', 'item', 'label', 'value', 'status']];
  const add = (section: string, item: string, label: string, value: string, status: string) =>
    rows.push([section, item, label, value, status]);
  const cell = (section: string, item: string, label: string, c: ReportCell) =>
    add(section, item, label, cellText(model, c), c.state);

  add('report', 'title', 'title', model.title, 'text');
  add('report', 'period-from', t(lang, 'meta.period'), model.period.from, 'text');
  add('report', 'period-to', t(lang, 'meta.period'), model.period.to, 'text');
  add('report', 'prepared', t(lang, 'meta.prepared'), model.prepared.month, 'text');
  add('report', 'scope', t(lang, 'meta.scope'), model.scope.label, 'text');
  add('report', 'k', t(lang, 'meta.smallest'), String(model.k), 'value');
  add('report', 'language', 'language', model.language, 'text');

  for (const r of model.summary) cell('summary', r.key, r.label, r.cell);
  if (model.enquiries.included) for (const r of model.enquiries.rows) cell('enquiries', r.key, r.label, r.cell);
  else if (model.enquiries.note) add('enquiries', 'note', model.enquiries.note, '', 'not-shown');

  for (const table of model.tables) {
    if (table.withheld)
      add(table.id, 'breakdown', t(lang, `withheld.${table.withheld}` as CatalogueKey, { k: model.k }), '', 'withheld');
    for (const r of table.rows) cell(table.id, r.key, r.label, r.cell);
    cell(table.id, 'total', t(lang, 'col.total'), table.total);
  }

  for (const r of model.reparations.rows) {
    cell('reparations', `${r.currency}.cases`, `${r.currency} · ${t(lang, 'col.cases')}`, r.cases);
    for (const [what, amount] of [
      ['awarded', r.awarded],
      ['paid', r.paid],
    ] as const) {
      add(
        'reparations',
        `${r.currency}.${what}`,
        `${r.currency} · ${t(lang, what === 'awarded' ? 'col.awarded' : 'col.paid')}`,
        amount ?? t(lang, 'cell.notShown'),
        amount === null ? 'not-shown' : 'value',
      );
    }
  }

  for (const r of model.indicators.rows) {
    cell('indicators', `${r.dimension}.cases`, `${r.label} · ${t(lang, 'col.cases')}`, r.cases);
    cell('indicators', `${r.dimension}.indicators`, `${r.label} · ${t(lang, 'col.indicators')}`, r.indicators);
    cell('indicators', `${r.dimension}.at-target`, `${r.label} · ${t(lang, 'col.atTarget')}`, r.atTarget);
    const p = r.averageProgress;
    add(
      'indicators',
      `${r.dimension}.average-progress`,
      `${r.label} · ${t(lang, 'col.progress')}`,
      p === null ? '' : `${Math.round(p * 100)}%`,
      p === null ? 'not-shown' : 'value',
    );
  }

  const [header, ...body] = rows;
  return csvDocument(header!, body);
}
