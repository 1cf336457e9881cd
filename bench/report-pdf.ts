/**
 * report-pdf: the donor report as PDF (src-main/engine/reports/render-pdf.ts), in English and in
 * Arabic, from a demo vault (200 cases; 100 with --quick) over every year the demo spans.
 *
 *   import_pdfkit_ms  loading pdfkit, which render-pdf imports only when a PDF is made (every CLI
 *                     command that makes none is spared this)
 *   first_<lang>_ms   the first PDF of that language in the process (English first: the font
 *                     files are read then; every PDF parses its fonts anew): cold code, close to
 *                     what one `report donor --format pdf` pays
 *   warm_<lang>_ms    the median of 5 more, in the same process
 *   bytes_<lang>      the file's size (the fonts are embedded as subsets)
 *
 * Informational: docs/performance.md sets no budget for reports.
 */
import path from 'node:path';
import { Vault } from '../src-main/engine/index.js';
import { domainContext } from '../src-main/engine/domain/context.js';
import { generateDemo } from '../src-main/engine/demo/demo-generator.js';
import { buildDonorReport } from '../src-main/engine/reports/donor-report.js';
import { renderPdf } from '../src-main/engine/reports/render-pdf.js';
import { type Bench, type BenchContext, median, timed } from './lib.js';

const PASSPHRASE = 'benchmark passphrase, not a secret';
const FAST_KDF = { opsLimit: 1, memLimitBytes: 64 * 1024 * 1024 };

export const reportPdfBench: Bench = {
  name: 'report-pdf',
  summary: 'donor report PDF in English and Arabic: pdfkit import, first and warm render',
  async run(ctx: BenchContext) {
    const dir = await ctx.tempDir('report-pdf');
    const { vault } = await Vault.create(path.join(dir, 'vault'), { passphrase: PASSPHRASE, kdf: FAST_KDF });
    try {
      const domain = domainContext(vault);
      await generateDemo(domain, { cases: ctx.quick ? 100 : 200, casesWithEvidence: 0 });
      const year = new Date().getUTCFullYear();
      const period = { from: `${year - 10}-01-01`, to: `${year}-12-31` };

      const imported = await timed(() => import('pdfkit'));
      ctx.report('import_pdfkit_ms', imported.ms, 'ms');
      for (const language of ['en', 'ar'] as const) {
        const { model } = buildDonorReport(domain, { ...period, language });
        const first = await timed(() => renderPdf(model));
        ctx.report(`first_${language}_ms`, first.ms, 'ms');
        ctx.report(`bytes_${language}`, first.result.length, 'bytes');
        const warm: number[] = [];
        for (let i = 0; i < 5; i++) warm.push((await timed(() => renderPdf(model))).ms);
        ctx.report(`warm_${language}_ms`, median(warm), 'ms');
      }
    } finally {
      vault.lock();
    }
  },
};
