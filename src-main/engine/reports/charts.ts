/**
 * The report's charts, drawn from the model (never from the vault), so they carry exactly the
 * suppression of the tables: a shown number is a bar; a "< k" or hidden number is a short
 * hatched mark of ONE fixed size with its text ("< 5", "hidden") — never a bar whose length
 * would give the number away.
 *
 * Three charts: outcomes achieved over time (columns), active cases by stage (bars), average
 * progress towards target by indicator dimension (bars, with the target as a dashed line).
 * Made for print: black, grey and hatching, never colour alone, and every bar has its number
 * written next to it. `chartSpecs` is the geometry-free description; `chartSvg` draws it as inline
 * SVG for the HTML report and render-pdf.ts draws the same spec with PDF vector operators.
 */
import type { DonorReportModel, ReportCell, ReportTable } from '../../../shared/domain/reports.js';
import { t } from './catalogue.js';

export interface ChartBar {
  label: string;
  /** the bar's length (a count, or progress 0 … 1); null: not shown (hatched mark) */
  value: number | null;
  /** what is written at the bar: "12", "< 5", "hidden", "64%" */
  text: string;
}

export interface ChartSpec {
  id: 'outcomes-over-time' | 'cases-by-stage' | 'indicators';
  kind: 'columns' | 'bars';
  title: string;
  /** a sentence for screen readers and the PDF: what the chart shows, in words */
  description: string;
  bars: ChartBar[];
  /** the scale's end (≥ 1) */
  max: number;
  /** draw a dashed "target" line at this value (indicator progress: 1) */
  target: number | null;
  targetLabel: string;
  legendShown: string;
  legendHidden: string;
}

export function cellText(model: Pick<DonorReportModel, 'language' | 'k'>, c: ReportCell): string {
  if (c.state === 'value') return String(c.value);
  return c.state === 'small' ? t(model.language, 'cell.small', { k: model.k }) : t(model.language, 'cell.hidden');
}

function tableBars(model: DonorReportModel, table: ReportTable | undefined): ChartBar[] | null {
  if (!table || table.withheld || (table.total.state === 'value' && table.total.value === 0)) return null;
  return table.rows.map((r) => ({
    label: r.label,
    value: r.cell.state === 'value' ? r.cell.value : null,
    text: cellText(model, r.cell),
  }));
}

function niceMax(values: readonly (number | null)[]): number {
  const m = Math.max(1, ...values.filter((v): v is number => v !== null));
  const step = m <= 10 ? 1 : m <= 50 ? 5 : m <= 100 ? 10 : 10 ** Math.floor(Math.log10(m));
  return Math.ceil(m / step) * step;
}

export function chartSpecs(model: DonorReportModel): ChartSpec[] {
  const lang = model.language;
  const common = {
    targetLabel: t(lang, 'chart.target'),
    legendShown: t(lang, 'chart.legendShown'),
    legendHidden: t(lang, 'chart.legendHidden'),
  };
  const describe = (bars: ChartBar[]) => bars.map((b) => `${b.label}: ${b.text}`).join('; ');
  const out: ChartSpec[] = [];
  const overTime = tableBars(
    model,
    model.tables.find((x) => x.id === 'outcomes-over-time'),
  );
  if (overTime)
    out.push({
      id: 'outcomes-over-time',
      kind: 'columns',
      title: t(lang, 'chart.outcomes'),
      description: describe(overTime),
      bars: overTime,
      max: niceMax(overTime.map((b) => b.value)),
      target: null,
      ...common,
    });
  // stages that were never reached would be a row of zero bars: only the stages with cases
  const stages = tableBars(
    model,
    model.tables.find((x) => x.id === 'cases-by-stage'),
  )?.filter((b) => b.value !== 0);
  if (stages && stages.length > 0)
    out.push({
      id: 'cases-by-stage',
      kind: 'bars',
      title: t(lang, 'chart.stages'),
      description: describe(stages),
      bars: stages,
      max: niceMax(stages.map((b) => b.value)),
      target: null,
      ...common,
    });
  const ind = model.indicators.rows.filter((r) => !(r.cases.state === 'value' && r.cases.value === 0));
  if (ind.length > 0) {
    const bars = ind.map((r) => ({
      label: r.label,
      // nothing measured yet is an empty bar, not a hatched (suppressed) mark
      value: r.averageProgress ?? (r.cases.state === 'value' ? 0 : null),
      text:
        r.averageProgress === null
          ? r.cases.state === 'value'
            ? '–'
            : cellText(model, r.cases)
          : `${Math.round(r.averageProgress * 100)}%`,
    }));
    out.push({
      id: 'indicators',
      kind: 'bars',
      title: t(lang, 'chart.indicators'),
      description: describe(bars),
      bars,
      max: 1,
      target: 1,
      ...common,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// SVG

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const W = 640;
const SHOWN_FILL = '#4d4d4d';
const HATCH_W = 22;

function hatchPattern(id: string): string {
  return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000000" stroke-width="2.2"/></pattern>`;
}

/** Draw a chart as a self-contained SVG element (no external references, no script). */
export function chartSvg(spec: ChartSpec, rtl: boolean): string {
  const hatch = `h-${spec.id}`;
  const titleId = `t-${spec.id}`;
  const descId = `d-${spec.id}`;
  const parts: string[] = [];
  let height: number;
  // x in left-to-right terms; mirrored for right-to-left languages. The SVG itself is always
  // direction ltr, so that text-anchor start/end mean left/right whatever the page's direction;
  // each label takes its own direction from its first letter (unicode-bidi plaintext), so Arabic
  // labels read right to left; numbers are isolated left to right, so "< 5" stays "< 5".
  const X = (x: number, w = 0) => (rtl ? W - x - w : x);
  // a number ("12", "< 5", "70%") is always left to right, isolated from the page's direction
  const NUMBER = ' direction="ltr" unicode-bidi="isolate"';
  const anchor = (a: 'start' | 'end' | 'middle') => (a === 'middle' || !rtl ? a : a === 'start' ? 'end' : 'start');
  const text = (x: number, y: number, s: string, a: 'start' | 'end' | 'middle', extra = '') =>
    `<text x="${X(x).toFixed(1)}" y="${y.toFixed(1)}" text-anchor="${anchor(a)}"${extra || ' unicode-bidi="plaintext"'} font-size="12" fill="#000000">${escapeXml(s)}</text>`;

  if (spec.kind === 'bars') {
    const labelW = 190;
    const plotX = labelW + 10;
    const plotW = W - plotX - 90;
    const rowH = 28;
    const top = 10;
    height = top + spec.bars.length * rowH + 50;
    spec.bars.forEach((b, i) => {
      const y = top + i * rowH;
      parts.push(text(labelW, y + 17, b.label, 'end'));
      if (b.value === null) {
        parts.push(
          `<rect x="${X(plotX, HATCH_W).toFixed(1)}" y="${y + 5}" width="${HATCH_W}" height="16" fill="url(#${hatch})" stroke="#000000" stroke-width="1"/>`,
        );
        parts.push(text(plotX + HATCH_W + 6, y + 17, b.text, 'start', NUMBER));
      } else {
        const w = Math.max(b.value > 0 ? 1.5 : 0, (b.value / spec.max) * plotW);
        parts.push(
          `<rect x="${X(plotX, w).toFixed(1)}" y="${y + 5}" width="${w.toFixed(1)}" height="16" fill="${SHOWN_FILL}" stroke="#000000" stroke-width="1"/>`,
        );
        parts.push(text(plotX + w + 6, y + 17, b.text, 'start', NUMBER));
      }
    });
    const axisY = top + spec.bars.length * rowH + 4;
    parts.push(
      `<line x1="${X(plotX).toFixed(1)}" y1="${top}" x2="${X(plotX).toFixed(1)}" y2="${axisY}" stroke="#000000" stroke-width="1"/>`,
    );
    if (spec.target !== null) {
      const tx = plotX + (spec.target / spec.max) * plotW;
      parts.push(
        `<line x1="${X(tx).toFixed(1)}" y1="${top}" x2="${X(tx).toFixed(1)}" y2="${axisY}" stroke="#000000" stroke-width="1.5" stroke-dasharray="5 3"/>`,
      );
      parts.push(text(tx, axisY + 14, spec.targetLabel, 'middle'));
    }
  } else {
    const left = 40;
    const plotW = W - left - 10;
    const plotH = 180;
    const top = 24;
    const n = spec.bars.length;
    const slot = plotW / n;
    const colW = Math.min(48, slot * 0.7);
    const rotate = n > 6;
    height = top + plotH + (rotate ? 70 : 30) + 30;
    const baseY = top + plotH;
    parts.push(
      `<line x1="${X(left).toFixed(1)}" y1="${baseY}" x2="${X(W - 10).toFixed(1)}" y2="${baseY}" stroke="#000000" stroke-width="1"/>`,
    );
    spec.bars.forEach((b, i) => {
      const cx = left + slot * i + slot / 2;
      if (b.value === null) {
        parts.push(
          `<rect x="${X(cx - HATCH_W / 2, HATCH_W).toFixed(1)}" y="${baseY - 16}" width="${HATCH_W}" height="16" fill="url(#${hatch})" stroke="#000000" stroke-width="1"/>`,
        );
        parts.push(text(cx, baseY - 22, b.text, 'middle', NUMBER));
      } else {
        const h = Math.max(b.value > 0 ? 1.5 : 0, (b.value / spec.max) * plotH);
        parts.push(
          `<rect x="${X(cx - colW / 2, colW).toFixed(1)}" y="${(baseY - h).toFixed(1)}" width="${colW.toFixed(1)}" height="${h.toFixed(1)}" fill="${SHOWN_FILL}" stroke="#000000" stroke-width="1"/>`,
        );
        parts.push(text(cx, baseY - h - 6, b.text, 'middle', NUMBER));
      }
      if (rotate) {
        const lx = X(cx);
        parts.push(
          `<text x="${lx.toFixed(1)}" y="${baseY + 14}" text-anchor="end" unicode-bidi="plaintext" font-size="11" fill="#000000" transform="rotate(-40 ${lx.toFixed(1)} ${baseY + 14})">${escapeXml(b.label)}</text>`,
        );
      } else {
        parts.push(text(cx, baseY + 16, b.label, 'middle'));
      }
    });
  }
  // legend: what solid and hatched mean
  const ly = height - 16;
  parts.push(
    `<rect x="${X(10, 14).toFixed(1)}" y="${ly - 10}" width="14" height="12" fill="${SHOWN_FILL}" stroke="#000000" stroke-width="1"/>`,
  );
  parts.push(text(30, ly, spec.legendShown, 'start'));
  parts.push(
    `<rect x="${X(190, 14).toFixed(1)}" y="${ly - 10}" width="14" height="12" fill="url(#${hatch})" stroke="#000000" stroke-width="1"/>`,
  );
  parts.push(text(210, ly, spec.legendHidden, 'start'));

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-labelledby="${titleId} ${descId}" direction="ltr" font-family="Helvetica, Arial, sans-serif">`,
    `<title id="${titleId}">${escapeXml(spec.title)}</title>`,
    `<desc id="${descId}">${escapeXml(spec.description)}</desc>`,
    `<defs>${hatchPattern(hatch)}</defs>`,
    ...parts,
    '</svg>',
  ].join('');
}
