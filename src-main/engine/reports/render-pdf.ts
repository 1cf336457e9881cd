/**
 * The donor report as PDF (pdfkit), A4, with the same sections, tables and charts as the HTML
 * version; charts are drawn with PDF vector operators from the same chart specs (charts.ts).
 *
 * Text goes through pdf-text.ts: fonts shipped with the app (Noto, embedded as subsets) chosen
 * per run of text, Arabic shaped and ordered right to left, Thai shaped; a character no shipped
 * font has refuses the PDF (REPORT_SCRIPT_UNSUPPORTED). An Arabic report is laid out right to
 * left: paragraphs aligned right, table columns and charts mirrored.
 *
 * The document information holds the title, "Case Vault" as creator and producer, and the first
 * day of the month the report was made as its dates — no exact time. Streams are compressed.
 */
import type PDFDocumentType from 'pdfkit';
import type { DonorReportModel, ReportCell, ReportRow, ReportTable } from '../../../shared/domain/reports.js';
import { type CatalogueKey, t } from './catalogue.js';
import { cellText, type ChartSpec, chartSpecs } from './charts.js';
import { formatAmount, hasEnquiries, SECTIONS } from './layout.js';
import { firstStrongDirection } from './bidi.js';
import { type Align, PdfText, type Weight } from './pdf-text.js';

const MARGIN = 56;
const GREY = '#4d4d4d';

type Doc = PDFKit.PDFDocument;

class Writer {
  readonly left = MARGIN;
  readonly width: number;
  readonly rtl: boolean;
  constructor(
    readonly doc: Doc,
    readonly model: DonorReportModel,
    readonly txt: PdfText,
  ) {
    this.width = doc.page.width - 2 * MARGIN;
    this.rtl = txt.dir === 'rtl';
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  /** x of a box of width w placed at x in a left-to-right layout, mirrored in a right-to-left one. */
  mx(x: number, w = 0): number {
    return this.rtl ? 2 * this.left + this.width - x - w : x;
  }

  /** Start a new page unless `h` points fit below the cursor. */
  room(h: number): void {
    if (this.doc.y + h > this.bottom) this.doc.addPage();
  }

  /** A paragraph across the text width at the cursor, lines breaking onto new pages. */
  text(s: string, opts: { weight?: Weight; size?: number; dir?: 'auto' } = {}): void {
    const { weight = 'regular', size = 10 } = opts;
    const lh = this.txt.lineHeight(size, weight);
    // drawn line by line, so that a page break can fall inside a paragraph
    const dir = opts.dir === 'auto' ? firstStrongDirection(s, this.txt.dir) : this.txt.dir;
    for (const line of this.txt.wrap(s, this.width, { size, weight, dir })) {
      this.room(lh);
      this.doc.y = this.txt.draw(line, this.left, this.doc.y, { weight, size, width: this.width, dir });
    }
  }

  /** "Label: value" on one paragraph, the label bold. */
  labelled(label: string, value: string, size: number): void {
    const labelText = `${label}:`;
    const lw = this.txt.widthOf(labelText, { weight: 'bold', size }) + size * 0.3;
    this.room(this.txt.lineHeight(size) + 2);
    const y = this.doc.y;
    this.txt.draw(labelText, this.mx(this.left, lw), y, { weight: 'bold', size, width: lw, align: 'start' });
    const end = this.txt.draw(value, this.mx(this.left + lw, this.width - lw), y, {
      size,
      width: this.width - lw,
    });
    this.doc.y = end;
  }

  heading(s: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 20 : level === 2 ? 14 : 11.5;
    this.room(size * 3);
    if (level > 1) this.doc.moveDown(level === 2 ? 1 : 0.6);
    this.text(s, { weight: 'bold', size });
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

  /** A table: a header row, body rows, an optional bold total row. Columns after the first align to the end. */
  table(caption: string | null, headers: string[], rows: string[][], total?: string[]): void {
    const doc = this.doc;
    const txt = this.txt;
    // with many number columns the label column gives way, so that headers wrap between words
    const firstW = headers.length > 3 ? this.width * 0.32 : Math.min(250, this.width * 0.5);
    const otherW = headers.length > 1 ? (this.width - firstW) / (headers.length - 1) : 0;
    const colW = (i: number) => (i === 0 ? firstW : otherW);
    const colX = (i: number) => this.mx(i === 0 ? this.left : this.left + firstW + (i - 1) * otherW, colW(i));
    const rowH = 15;
    const size = 9.5;
    /** a body row is one line (long labels end in an ellipsis); the header row wraps */
    const drawRow = (cells: string[], weight: Weight, line: boolean, wrap = false) => {
      const h = wrap
        ? Math.max(rowH, ...cells.map((c, i) => txt.heightOf(c, { weight, size, width: colW(i) - 6 }) + 5))
        : rowH;
      this.room(h + 2);
      const y = doc.y;
      cells.forEach((c, i) => {
        txt.draw(c, colX(i) + 3, y + 2, {
          weight,
          size,
          // a number cell ("< 5", "70%") reads left to right, as in the HTML version
          ...(i > 0 ? { dir: firstStrongDirection(c, 'ltr') } : {}),
          width: colW(i) - 6,
          align: i === 0 ? 'start' : this.rtl ? 'left' : 'right',
          ...(wrap ? {} : { ellipsis: true }),
        });
      });
      if (line)
        doc
          .moveTo(this.left, y)
          .lineTo(this.left + this.width, y)
          .lineWidth(weight === 'bold' ? 1.2 : 0.5)
          .strokeColor(weight === 'bold' ? '#000000' : '#777777')
          .stroke();
      doc.y = y + h;
    };
    this.room(rowH * Math.min(rows.length + 3, 8));
    if (caption !== null) {
      this.text(caption, { weight: 'bold', size: 10 });
      doc.moveDown(0.2);
    }
    drawRow(headers, 'bold', false, true);
    for (const r of rows) drawRow(r, 'regular', true);
    if (total) drawRow(total, 'bold', true);
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

  /** One line of chart text in a box (mirrored in a right-to-left report). */
  label(s: string, x: number, y: number, w: number, size: number, align: Align): void {
    const flip: Record<Align, Align> = { left: 'right', right: 'left', center: 'center', start: 'end', end: 'start' };
    this.txt.draw(s, this.mx(x, w), y, {
      size,
      width: w,
      align: this.rtl ? flip[align] : align,
      ellipsis: true,
      dir: firstStrongDirection(s, 'ltr'),
    });
  }

  /** Diagonal hatching inside a rectangle, outlined: the mark of a number not shown. */
  hatch(x0: number, y: number, w: number, h: number): void {
    const doc = this.doc;
    const x = this.mx(x0, w);
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

  bar(x: number, y: number, w: number, h: number): void {
    this.doc.rect(this.mx(x, w), y, w, h).lineWidth(0.8).fillAndStroke(GREY, '#000000');
  }

  vline(x: number, y1: number, y2: number): void {
    this.doc.moveTo(this.mx(x), y1).lineTo(this.mx(x), y2).lineWidth(0.8).strokeColor('#000000').stroke();
  }

  chart(spec: ChartSpec): void {
    const doc = this.doc;
    const hatchW = 18;
    const textW = (s: string, size: number) => this.txt.widthOf(s, { size });
    this.room(spec.kind === 'bars' ? spec.bars.length * 18 + 70 : 230);
    this.text(spec.title, { weight: 'bold', size: 10 });
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
        this.label(b.label, this.left, y + 2, labelW, 9, 'right');
        if (b.value === null) {
          this.hatch(plotX, y + 3, hatchW, 12);
          this.label(b.text, plotX + hatchW + 4, y + 2, Math.max(60, textW(b.text, 9) + 2), 9, 'left');
        } else {
          const w = Math.max(b.value > 0 ? 1.5 : 0, (b.value / spec.max) * plotW);
          if (w > 0) this.bar(plotX, y + 3, w, 12);
          this.label(b.text, plotX + w + 4, y + 2, Math.max(60, textW(b.text, 9) + 2), 9, 'left');
        }
      });
      const axisBottom = top + spec.bars.length * rowH + 2;
      this.vline(plotX, top, axisBottom);
      if (spec.target !== null) {
        const tx = this.mx(plotX + (spec.target / spec.max) * plotW);
        doc
          .moveTo(tx, top)
          .lineTo(tx, axisBottom)
          .dash(4, { space: 2 })
          .lineWidth(1)
          .strokeColor('#000000')
          .stroke()
          .undash();
        this.txt.draw(spec.targetLabel, tx - 30, axisBottom + 1, {
          size: 8,
          width: 60,
          align: 'center',
          ellipsis: true,
        });
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
          if (h > 0) this.bar(cx - colW / 2, baseY - h, colW, h);
          labelY = baseY - h - 12;
        }
        this.label(b.text, cx - slot / 2, labelY, slot, 8.5, 'center');
        if (rotate) {
          const mcx = this.mx(cx);
          doc.save();
          doc.rotate(-40, { origin: [mcx, baseY + 6] });
          this.txt.draw(b.label, mcx - 70, baseY + 1, { size: 8, width: 70, align: 'right', ellipsis: true });
          doc.restore();
        } else {
          this.label(b.label, cx - slot / 2, baseY + 3, slot, 8.5, 'center');
        }
      });
      end = baseY + (rotate ? 52 : 18);
    }
    // legend
    this.bar(this.left, end, 12, 9);
    this.label(spec.legendShown, this.left + 16, end - 1, 130, 8, 'left');
    this.hatch(this.left + 150, end, 12, 9);
    this.label(spec.legendHidden, this.left + 166, end - 1, this.width - 166, 8, 'left');
    doc.x = this.left;
    doc.y = end + 22;
  }
}

export async function renderPdf(model: DonorReportModel): Promise<Buffer> {
  const made = new Date(`${model.prepared.month}-01T00:00:00.000Z`);
  // loaded when a PDF is made, not with the engine: it is the slowest module to load, and every
  // CLI command and worker start would pay for it
  const PDFDocument = (await import('pdfkit')).default as typeof PDFDocumentType;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: {
      Title: model.title.replace(/\p{Cc}+/gu, ' '),
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

  const w = new Writer(doc, model, new PdfText(doc, model.dir));
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
    w.labelled(label, value, 10);
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
            w.labelled(f.label, f.value, 9.5);
          }
          doc.moveDown(0.3);
          for (const p of v.paragraphs) {
            w.room(40);
            w.text(p, { size: 10, dir: 'auto' });
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
