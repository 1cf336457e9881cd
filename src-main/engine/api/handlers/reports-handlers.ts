/**
 * reports.* — donor reports (engine/reports) behind the contract's reports area.
 *
 * `preview` builds the report without writing anything and adds its HTML exactly as a saved
 * HTML file would hold it (the screen shows it in a sandboxed frame). `write` builds it again
 * from the same scope and writes it to `target`, a path main swapped in for the save dialog's
 * handle; the answer says the file's base name, never its folder.
 */
import { basename } from 'node:path';
import { buildDonorReport, exportDonorReport } from '../../reports/donor-report.js';
import { renderHtml } from '../../reports/render-html.js';
import { scopeOptions } from '../../reports/scope-options.js';
import { SCOPE_OPTIONS_MAX } from '../../../../shared/ipc/areas/reports.js';
import type { EngineImplementation } from '../dispatch.js';

export const reportsHandlers: EngineImplementation['reports'] = {
  scopeOptions: (_input, { session }) => scopeOptions(session.ctx.db, SCOPE_OPTIONS_MAX),
  preview: (input, { session }) => {
    const preview = buildDonorReport(session.ctx, input);
    return { ...preview, html: renderHtml(preview.model) };
  },
  write: async ({ format, target, ...input }, { session }) => {
    const { written, redactions, leftOut } = await exportDonorReport(session.ctx, input, { format, out: target });
    return {
      name: basename(written.file),
      format: written.format,
      bytes: written.bytes,
      sha256: written.sha256,
      redactions,
      leftOut,
    };
  },
};
