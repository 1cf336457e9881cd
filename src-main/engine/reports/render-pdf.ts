/**
 * The donor report as PDF (pdfkit), A4, with the same sections, tables and charts as the HTML
 * version; charts are drawn with PDF vector operators from the same chart specs (charts.ts).
 *
 * Fonts: the standard Helvetica and Helvetica-Bold, which every PDF reader has, so nothing is
 * embedded. They cover the WinAnsi (Windows-1252) characters: English, French and Spanish, and
 * the country names in those languages. They have no Arabic (or any other non-Latin script)
 * letters, so an Arabic report cannot be a PDF (REPORT_LANGUAGE_UNSUPPORTED: write HTML or CSV),
 * and a story paragraph with characters outside WinAnsi is replaced by a note pointing to the
 * HTML version rather than printed as wrong glyphs. Any other such character becomes "?".
 *
 * The document information holds the title, "Case Vault" as creator and producer, and the first
 * day of the month the report was made as its dates — no exact time. Streams are compressed.
 */
import type PDFDocumentType from 'pdfkit';
import type { DonorReportModel, ReportCell, ReportRow, ReportTable } from '../../../shared/domain/reports.js';
import { VaultError } from '../../../shared/errors.js';
import { type CatalogueKey, t } from './catalogue.js';
import { cellText, type ChartSpec, chartSpecs } from './charts.js';
import { formatAmount, hasEnquiries, SECTIONS } from './layout.js';

/** Unicode characters outside Latin-1 that WinAnsi (and so the standard PDF fonts) can show. */
const WIN_ANSI_EXTRA = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c,
  0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

export function winAnsiChar(cp: number): boolean {
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp);
}

export function isWinAnsi(s: string): boolean {
  for (const ch of s) if (!winAnsiChar(ch.codePointAt(0)!)) return false;
  return true;
}

/** Text the standard fonts can draw: other characters become "?" (line breaks become spaces). */
export function pdfSafe(s: string): string {
  let out = '';
  for (const ch of s.replace(/[\r\n\t]+/g, ' ')) out += winAnsiChar(ch.codePointAt(0)!) ? ch : '?';
  return out;
}

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const MARGIN = 56;
const GREY = '#4d4d4d';

type Doc = PDFKit.PDFDocument;

class Writer {
  readonly left = MARGIN;
  readonly width: number;
  constructor(
    readonly doc: Doc,
    readonly model: DonorReportModel,
  ) {
    this.width = doc.page.width - 2 * MARGIN;
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  /** Start a new page unless `h` points fit below the cursor. */
  room(h: number): void {
    if (this.doc.y + h > this.bottom) this.doc.addPage();
  }

  text(s: string, opts: PDFKit.Mixins.TextOptions & { font?: string; size?: number } = {}): void {
    const { font = FONT, size = 10, ...rest } = opts;
    this.doc
      .font(font)
      .fontSize(size)
      .fillColor('#000000')
      .text(pdfSafe(s), this.left, this.doc.y, { width: this.width, ...rest });
  }

  heading(s: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 20 : level === 2 ? 14 : 11.5;
    this.room(size * 3);
    if (level > 1) this.doc.moveDown(level === 2 ? 1 : 0.6);
    this.text(s, { font: BOLD, size });
    if (level === 2) {
      const y = this.doc.y + 1;
      this.doc
        .moveTo(this.left, y)
        .lineTo(this.left + this.width, y)
        .lineWidth(1.2)
        .strokeColor('#000000')
        .stroke();
      this.doc.y = y + 5;
    } else {
      this.doc.moveDown(0.3);
    }
  }

  /** A table: a header row, body rows, an optional bold total row. Columns after the first align right. */
  table(caption: string | null, headers: string[], rows: string[][], total?: string[]): void {
    const doc = this.doc;
    // with many number columns the label column gives way, so that headers wrap between words
    const firstW = headers.length > 3 ? this.width * 0.32 : Math.min(250, this.width * 0.5);
    const otherW = headers.length > 1 ? (this.width - firstW) / (headers.length - 1) : 0;
    const colX = (i: number) => (i === 0 ? this.left : this.left + firstW + (i - 1) * otherW);
    const colW = (i: number) => (i === 0 ? firstW : otherW);
    const rowH = 15;
    /** a body row is one line (long labels end in an ellipsis); the header row wraps */
    const drawRow = (cells: string[], font: string, line: boolean, wrap = false) => {
      doc.font(font).fontSize(9.5);
      const h = wrap
        ? Math.max(rowH, ...cells.map((c, i) => doc.heightOfString(pdfSafe(c), { width: colW(i) - 6 }) + 5))
        : rowH;
      this.room(h + 2);
      const y = doc.y;
      cells.forEach((c, i) => {
        doc
          .font(font)
          .fontSize(9.5)
          .fillColor('#000000')
          .text(pdfSafe(c), colX(i) + 3, y + 3, {
            width: colW(i) - 6,
            align: i === 0 ? 'left' : 'right',
            ...(wrap ? {} : { lineBreak: false, ellipsis: true }),
          });
      });
      if (line)
        doc
          .moveTo(this.left, y)
          .lineTo(this.left + this.width, y)
          .lineWidth(font === BOLD ? 1.2 : 0.5)
          .strokeColor(font === BOLD ? '#000000' : '#777777')
          .stroke();
      doc.y = y + h;
    };
    this.room(rowH * Math.min(rows.length + 3, 8));
    if (caption !== null) {
      this.text(caption, { font: BOLD, size: 10 });
      doc.moveDown(0.2);
    }
    drawRow(headers, BOLD, false, true);
    for (const r of rows) drawRow(r, FONT, true);
    if (total) drawRow(total, BOLD, true);
    doc
      .moveTo(this.left, doc.y)
      .lineTo(this.left + this.width, doc.y)
      .lineWidth(0.5)
      .strokeColor('#777777')
      .stroke();
    doc.moveDown(0.8);
  }

  note(s: string): void {
    this.room(30);
    this.text(s, { size: 8.5 });
    this.doc.moveDown(0.5);
  }

  /** Diagonal hatching inside a rectangle, outlined: the mark of a number not shown. */
  hatch(x: number, y: number, w: number, h: number): void {
    const doc = this.doc;
    doc.save();
    doc.rect(x, y, w, h).clip();
    for (let d = -h; d < w; d += 4)
      doc
        .moveTo(x + d, y + h)
        .lineTo(x + d + h, y)
        .lineWidth(1)
        .strokeColor('#000000')
        .stroke();
    doc.restore();
    doc.rect(x, y, w, h).lineWidth(0.8).strokeColor('#000000').stroke();
  }

  chart(spec: ChartSpec): void {
    const doc = this.doc;
    const hatchW = 18;
    this.room(spec.kind === 'bars' ? spec.bars.length * 18 + 70 : 230);
    this.text(spec.title, { font: BOLD, size: 10 });
    doc.moveDown(0.3);
    const top = doc.y;
    let end: number;
    if (spec.kind === 'bars') {
      const labelW = 160;
      const plotX = this.left + labelW + 8;
      const plotW = this.width - labelW - 8 - 60;
      const rowH = 18;
      spec.bars.forEach((b, i) => {
        const y = top + i * rowH;
        doc
          .font(FONT)
          .fontSize(9)
          .fillColor('#000000')
          .text(pdfSafe(b.label), this.left, y + 4, {
            width: labelW,
            align: 'right',
            lineBreak: false,
            ellipsis: true,
          });
        if (b.value === null) {
          this.hatch(plotX, y + 3, hatchW, 12);
          doc
            .font(FONT)
            .fontSize(9)
            .fillColor('#000000')
            .text(pdfSafe(b.text), plotX + hatchW + 4, y + 4, { lineBreak: false });
        } else {
          const w = Math.max(b.value > 0 ? 1.5 : 0, (b.value / spec.max) * plotW);
          if (w > 0)
            doc
              .rect(plotX, y + 3, w, 12)
              .lineWidth(0.8)
              .fillAndStroke(GREY, '#000000');
          doc
            .font(FONT)
            .fontSize(9)
            .fillColor('#000000')
            .text(pdfSafe(b.text), plotX + w + 4, y + 4, { lineBreak: false });
        }
      });
      const axisBottom = top + spec.bars.length * rowH + 2;
      doc.moveTo(plotX, top).lineTo(plotX, axisBottom).lineWidth(0.8).strokeColor('#000000').stroke();
      if (spec.target !== null) {
        const tx = plotX + (spec.target / spec.max) * plotW;
        doc
          .moveTo(tx, top)
          .lineTo(tx, axisBottom)
          .dash(4, { space: 2 })
          .lineWidth(1)
          .strokeColor('#000000')
          .stroke()
          .undash();
        doc
          .font(FONT)
          .fontSize(8)
          .fillColor('#000000')
          .text(pdfSafe(spec.targetLabel), tx - 30, axisBottom + 2, { width: 60, align: 'center', lineBreak: false });
      }
      end = axisBottom + 16;
    } else {
      const plotH = 140;
      const plotX = this.left + 10;
      const plotW = this.width - 20;
      const baseY = top + 14 + plotH;
      const n = spec.bars.length;
      const slot = plotW / n;
      const colW = Math.min(36, slot * 0.7);
      const rotate = n > 6;
      doc
        .moveTo(plotX, baseY)
        .lineTo(plotX + plotW, baseY)
        .lineWidth(0.8)
        .strokeColor('#000000')
        .stroke();
      spec.bars.forEach((b, i) => {
        const cx = plotX + slot * i + slot / 2;
        let labelY: number;
        if (b.value === null) {
          this.hatch(cx - hatchW / 2, baseY - 12, hatchW, 12);
          labelY = baseY - 24;
        } else {
          const h = Math.max(b.value > 0 ? 1.5 : 0, (b.value / spec.max) * plotH);
          if (h > 0)
            doc
              .rect(cx - colW / 2, baseY - h, colW, h)
              .lineWidth(0.8)
              .fillAndStroke(GREY, '#000000');
          labelY = baseY - h - 11;
        }
        doc
          .font(FONT)
          .fontSize(8.5)
          .fillColor('#000000')
          .text(pdfSafe(b.text), cx - slot / 2, labelY, { width: slot, align: 'center', lineBreak: false });
        if (rotate) {
          doc.save();
          doc.rotate(-40, { origin: [cx, baseY + 6] });
          doc
            .font(FONT)
            .fontSize(8)
            .text(pdfSafe(b.label), cx - 70, baseY + 2, { width: 70, align: 'right', lineBreak: false });
          doc.restore();
        } else {
          doc
            .font(FONT)
            .fontSize(8.5)
            .text(pdfSafe(b.label), cx - slot / 2, baseY + 4, { width: slot, align: 'center', lineBreak: false });
        }
      });
      end = baseY + (rotate ? 52 : 18);
    }
    // legend
    doc.rect(this.left, end, 12, 9).lineWidth(0.8).fillAndStroke(GREY, '#000000');
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor('#000000')
      .text(pdfSafe(spec.legendShown), this.left + 16, end + 1, { lineBreak: false });
    this.hatch(this.left + 150, end, 12, 9);
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor('#000000')
      .text(pdfSafe(spec.legendHidden), this.left + 166, end + 1, { lineBreak: false });
    doc.x = this.left;
    doc.y = end + 22;
  }
}

export async function renderPdf(model: DonorReportModel): Promise<Buffer> {
  if (model.language === 'ar') {
    throw new VaultError(
      'REPORT_LANGUAGE_UNSUPPORTED',
      'A PDF report cannot be in Arabic: the standard PDF fonts have no Arabic letters. Write the Arabic report as HTML or CSV, or the PDF in English, French or Spanish.',
    );
  }
  const made = new Date(`${model.prepared.month}-01T00:00:00.000Z`);
  // loaded when a PDF is made, not with the engine: it is the slowest module to load, and every
  // CLI command and worker start would pay for it
  const PDFDocument = (await import('pdfkit')).default as typeof PDFDocumentType;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: {
      Title: pdfSafe(model.title),
      Creator: 'Case Vault',
      Producer: 'Case Vault',
      CreationDate: made,
      ModDate: made,
    },
    lang: model.language,
    displayTitle: true,
    compress: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const w = new Writer(doc, model);
  const lang = model.language;
  const tr = (key: CatalogueKey, v: Record<string, string | number> = {}) => t(lang, key, v);
  const c = (cell: ReportCell) => cellText(model, cell);
  const rowsOf = (rows: readonly ReportRow[]) => rows.map((r) => [r.label, c(r.cell)]);
  const countTable = (table: ReportTable) => {
    if (table.withheld) {
      w.table(table.title, [tr('col.item'), tr('col.number')], [], [tr('col.total'), c(table.total)]);
      w.note(tr(`withheld.${table.withheld}` as CatalogueKey, { k: model.k }));
    } else {
      w.table(table.title, [table.rowHeading, tr('col.number')], rowsOf(table.rows), [tr('col.total'), c(table.total)]);
    }
  };
  const charts = new Map(chartSpecs(model).map((s) => [s.id, s]));
  const chart = (id: ChartSpec['id']) => {
    const spec = charts.get(id);
    if (spec) w.chart(spec);
  };
  const tables = new Map(model.tables.map((x) => [x.id, x]));

  w.heading(model.title, 1);
  for (const [label, value] of [
    [tr('meta.period'), model.period.label],
    [tr('meta.scope'), model.scope.label],
    [tr('meta.prepared'), model.prepared.label],
    [tr('meta.smallest'), String(model.k)],
  ] as const) {
    doc
      .font(BOLD)
      .fontSize(10)
      .fillColor('#000000')
      .text(pdfSafe(`${label}: `), w.left, doc.y, { continued: true, width: w.width });
    doc.font(FONT).text(pdfSafe(value));
  }

  for (const section of SECTIONS) {
    switch (section) {
      case 'summary':
        w.heading(tr('section.summary'), 2);
        w.table(null, [tr('col.item'), tr('col.number')], rowsOf(model.summary));
        break;
      case 'enquiries':
        if (!hasEnquiries(model)) break;
        w.heading(tr('section.enquiries'), 2);
        if (model.enquiries.included) w.table(null, [tr('col.item'), tr('col.number')], rowsOf(model.enquiries.rows));
        if (model.enquiries.note) w.note(model.enquiries.note);
        break;
      case 'people':
        w.heading(tr('section.people'), 2);
        for (const id of ['people-by-gender', 'people-by-age', 'people-by-country'] as const)
          countTable(tables.get(id)!);
        break;
      case 'cases':
        w.heading(tr('section.cases'), 2);
        countTable(tables.get('cases-by-forum')!);
        countTable(tables.get('cases-by-stage')!);
        chart('cases-by-stage');
        break;
      case 'outcomes':
        w.heading(tr('section.outcomes'), 2);
        countTable(tables.get('outcomes-by-category')!);
        countTable(tables.get('outcomes-over-time')!);
        chart('outcomes-over-time');
        break;
      case 'reparations':
        w.heading(tr('section.reparations'), 2);
        if (model.reparations.rows.length === 0) w.note(tr('reparations.none'));
        else
          w.table(
            null,
            [tr('col.currency'), tr('col.cases'), tr('col.awarded'), tr('col.paid')],
            model.reparations.rows.map((r) => [
              r.currency,
              c(r.cases),
              formatAmount(model, r.awarded),
              formatAmount(model, r.paid),
            ]),
          );
        w.note(model.reparations.note);
        break;
      case 'indicators':
        w.heading(tr('section.indicators'), 2);
        w.table(
          null,
          [tr('col.dimension'), tr('col.cases'), tr('col.indicators'), tr('col.atTarget'), tr('col.progress')],
          model.indicators.rows.map((r) => [
            r.label,
            c(r.cases),
            c(r.indicators),
            c(r.atTarget),
            r.averageProgress === null
              ? r.cases.state === 'value'
                ? '–'
                : tr('cell.notShown')
              : `${Math.round(r.averageProgress * 100)}%`,
          ]),
        );
        w.note(model.indicators.note);
        chart('indicators');
        break;
      case 'deadlines':
        w.heading(tr('section.deadlines'), 2);
        countTable(tables.get('deadlines')!);
        break;
      case 'vignettes':
        if (model.vignettes.length === 0) break;
        w.heading(tr('section.vignettes'), 2);
        for (const v of model.vignettes) {
          w.heading(v.heading, 3);
          for (const f of v.facts) {
            doc
              .font(BOLD)
              .fontSize(9.5)
              .fillColor('#000000')
              .text(pdfSafe(`${f.label}: `), w.left, doc.y, { continued: true, width: w.width });
            doc.font(FONT).text(pdfSafe(f.value));
          }
          doc.moveDown(0.3);
          for (const p of v.paragraphs) {
            w.room(40);
            w.text(isWinAnsi(p) ? p : tr('vignette.pdfScript'), { size: 10 });
            doc.moveDown(0.4);
          }
        }
        break;
      case 'method':
        w.heading(tr('section.method'), 2);
        for (const n of model.notes) {
          w.text(n, { size: 9.5 });
          doc.moveDown(0.4);
        }
        break;
    }
  }
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
