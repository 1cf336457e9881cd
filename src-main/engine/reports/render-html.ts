/**
 * The donor report as one self-contained HTML file: inline CSS and inline SVG charts, no script,
 * no external resource of any kind (no font, image, stylesheet or link that a browser would
 * fetch), and a Content-Security-Policy that forbids loading anything should the file be edited
 * later: `default-src 'none'; style-src 'unsafe-inline'`. Every text is escaped; the page's
 * language and direction follow the report's (Arabic: right to left).
 */
import type { DonorReportModel, ReportCell, ReportRow, ReportTable } from '../../../shared/domain/reports.js';
import { type CatalogueKey, t } from './catalogue.js';
import { cellText, chartSpecs, chartSvg, escapeXml as esc } from './charts.js';
import { formatAmount, hasEnquiries, SECTIONS } from './layout.js';

export const HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'";

/** The report's one stylesheet (exported: the app's CSP admits it by hash for the preview, app-protocol.ts). */
export const CSS = `
:root { color-scheme: light; }
body { font-family: Helvetica, Arial, "Noto Sans", "Noto Sans Arabic", sans-serif; color: #000; background: #fff; max-width: 54rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.8rem; margin-bottom: 0.4rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #000; padding-bottom: 0.2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; margin: 0.6rem 0 1rem; min-width: 22rem; }
caption { text-align: start; font-weight: bold; padding-bottom: 0.3rem; }
caption.same { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
th, td { border: 1px solid #555; padding: 0.25rem 0.6rem; text-align: start; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
tbody th { font-weight: normal; }
tr.total td, tr.total th { font-weight: bold; border-top: 2px solid #000; }
td.small, td.hidden { font-style: italic; }
p.note { font-size: 0.9rem; color: #333; }
figure { margin: 1rem 0; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 0.3rem; }
article.story { border: 1px solid #555; padding: 0.2rem 1rem 0.6rem; margin: 1rem 0; break-inside: avoid; }
article.story dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; }
article.story dt { font-weight: bold; }
article.story dd { margin: 0; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table { break-inside: avoid; } }
`;

/** A number cell; "< 5" is isolated left to right, so that an Arabic page does not mirror it into "5 >". */
function cellTd(model: DonorReportModel, c: ReportCell): string {
  const cls = c.state === 'value' ? 'num' : `num ${c.state}`;
  const text = esc(cellText(model, c));
  return `<td class="${cls}">${c.state === 'small' ? `<bdi dir="ltr">${text}</bdi>` : text}</td>`;
}

/** A table of rows; `hideCaption` when the section's heading already says it (the caption stays for screen readers). */
function rowsTable(
  model: DonorReportModel,
  caption: string,
  heading: string,
  rows: readonly ReportRow[],
  total?: ReportCell,
  hideCaption = false,
): string {
  const body = rows.map((r) => `<tr><th scope="row">${esc(r.label)}</th>${cellTd(model, r.cell)}</tr>`).join('');
  const foot = total
    ? `<tr class="total"><th scope="row">${esc(t(model.language, 'col.total'))}</th>${cellTd(model, total)}</tr>`
    : '';
  return `<table><caption${hideCaption ? ' class="same"' : ''}>${esc(caption)}</caption><thead><tr><th scope="col">${esc(heading)}</th><th scope="col" class="num">${esc(t(model.language, 'col.number'))}</th></tr></thead><tbody>${body}${foot}</tbody></table>`;
}

function countTable(model: DonorReportModel, table: ReportTable): string {
  if (table.withheld) {
    return `<table><caption>${esc(table.title)}</caption><tbody><tr class="total"><th scope="row">${esc(t(model.language, 'col.total'))}</th>${cellTd(model, table.total)}</tr></tbody></table><p class="note">${esc(t(model.language, `withheld.${table.withheld}` as CatalogueKey, { k: model.k }))}</p>`;
  }
  return rowsTable(model, table.title, table.rowHeading, table.rows, table.total);
}

export function renderHtml(model: DonorReportModel): string {
  const lang = model.language;
  const tr = (key: CatalogueKey, v: Record<string, string | number> = {}) => esc(t(lang, key, v));
  const charts = new Map(chartSpecs(model).map((c) => [c.id, c]));
  const figure = (id: 'outcomes-over-time' | 'cases-by-stage' | 'indicators') => {
    const spec = charts.get(id);
    return spec
      ? `<figure><figcaption>${esc(spec.title)}</figcaption>${chartSvg(spec, model.dir === 'rtl')}</figure>`
      : '';
  };
  const tables = new Map(model.tables.map((x) => [x.id, x]));
  const parts: string[] = [];

  parts.push(`<header><h1>${esc(model.title)}</h1><dl class="meta">`);
  parts.push(`<dt>${tr('meta.period')}</dt><dd>${esc(model.period.label)}</dd>`);
  parts.push(`<dt>${tr('meta.scope')}</dt><dd>${esc(model.scope.label)}</dd>`);
  parts.push(`<dt>${tr('meta.prepared')}</dt><dd>${esc(model.prepared.label)}</dd>`);
  parts.push(`<dt>${tr('meta.smallest')}</dt><dd>${esc(String(model.k))}</dd>`);
  parts.push('</dl></header>');

  for (const section of SECTIONS) {
    if (section === 'summary') {
      parts.push(
        `<section><h2>${tr('section.summary')}</h2>${rowsTable(model, t(lang, 'section.summary'), t(lang, 'col.item'), model.summary, undefined, true)}</section>`,
      );
    } else if (section === 'enquiries') {
      if (!hasEnquiries(model)) continue;
      parts.push(`<section><h2>${tr('section.enquiries')}</h2>`);
      if (model.enquiries.included)
        parts.push(
          rowsTable(model, t(lang, 'section.enquiries'), t(lang, 'col.item'), model.enquiries.rows, undefined, true),
        );
      if (model.enquiries.note) parts.push(`<p class="note">${esc(model.enquiries.note)}</p>`);
      parts.push('</section>');
    } else if (section === 'people') {
      parts.push(`<section><h2>${tr('section.people')}</h2>`);
      for (const id of ['people-by-gender', 'people-by-age', 'people-by-country'] as const)
        parts.push(countTable(model, tables.get(id)!));
      parts.push('</section>');
    } else if (section === 'cases') {
      parts.push(
        `<section><h2>${tr('section.cases')}</h2>${countTable(model, tables.get('cases-by-forum')!)}${countTable(model, tables.get('cases-by-stage')!)}${figure('cases-by-stage')}</section>`,
      );
    } else if (section === 'outcomes') {
      parts.push(
        `<section><h2>${tr('section.outcomes')}</h2>${countTable(model, tables.get('outcomes-by-category')!)}${countTable(model, tables.get('outcomes-over-time')!)}${figure('outcomes-over-time')}</section>`,
      );
    } else if (section === 'reparations') {
      parts.push(`<section><h2>${tr('section.reparations')}</h2>`);
      if (model.reparations.rows.length === 0) parts.push(`<p>${tr('reparations.none')}</p>`);
      else {
        const rows = model.reparations.rows
          .map(
            (r) =>
              `<tr><th scope="row">${esc(r.currency)}</th>${cellTd(model, r.cases)}<td class="num">${esc(formatAmount(model, r.awarded))}</td><td class="num">${esc(formatAmount(model, r.paid))}</td></tr>`,
          )
          .join('');
        parts.push(
          `<table><caption class="same">${tr('section.reparations')}</caption><thead><tr><th scope="col">${tr('col.currency')}</th><th scope="col" class="num">${tr('col.cases')}</th><th scope="col" class="num">${tr('col.awarded')}</th><th scope="col" class="num">${tr('col.paid')}</th></tr></thead><tbody>${rows}</tbody></table>`,
        );
      }
      parts.push(`<p class="note">${esc(model.reparations.note)}</p></section>`);
    } else if (section === 'indicators') {
      const rows = model.indicators.rows
        .map(
          (r) =>
            `<tr><th scope="row">${esc(r.label)}</th>${cellTd(model, r.cases)}${cellTd(model, r.indicators)}${cellTd(model, r.atTarget)}<td class="num">${esc(r.averageProgress === null ? (r.cases.state === 'value' ? '–' : t(lang, 'cell.notShown')) : `${Math.round(r.averageProgress * 100)}%`)}</td></tr>`,
        )
        .join('');
      parts.push(
        `<section><h2>${tr('section.indicators')}</h2><table><caption class="same">${tr('section.indicators')}</caption><thead><tr><th scope="col">${tr('col.dimension')}</th><th scope="col" class="num">${tr('col.cases')}</th><th scope="col" class="num">${tr('col.indicators')}</th><th scope="col" class="num">${tr('col.atTarget')}</th><th scope="col" class="num">${tr('col.progress')}</th></tr></thead><tbody>${rows}</tbody></table><p class="note">${esc(model.indicators.note)}</p>${figure('indicators')}</section>`,
      );
    } else if (section === 'deadlines') {
      parts.push(
        `<section><h2>${tr('section.deadlines')}</h2>${countTable(model, tables.get('deadlines')!)}</section>`,
      );
    } else if (section === 'vignettes') {
      if (model.vignettes.length === 0) continue;
      parts.push(`<section><h2>${tr('section.vignettes')}</h2>`);
      for (const v of model.vignettes) {
        parts.push(
          `<article class="story"><h3>${esc(v.heading)}</h3><dl>${v.facts.map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.value)}</dd>`).join('')}</dl>`,
        );
        for (const p of v.paragraphs) parts.push(`<p>${esc(p)}</p>`);
        parts.push('</article>');
      }
      parts.push('</section>');
    } else if (section === 'method') {
      parts.push(
        `<section><h2>${tr('section.method')}</h2>${model.notes.map((n) => `<p>${esc(n)}</p>`).join('')}</section>`,
      );
    }
  }

  return [
    '<!DOCTYPE html>',
    `<html lang="${esc(lang)}" dir="${model.dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(HTML_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(model.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...parts,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
