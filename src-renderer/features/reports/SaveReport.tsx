/**
 * Saving the previewed report: main's native save dialog picks the file (the renderer holds only
 * its handle), the engine writes the report for the scope that was previewed, and the screen
 * says what it wrote. Disabled while the form no longer matches the preview, and for a PDF in
 * Arabic (the PDF font has no Arabic letters).
 */
import { useId, useState } from 'react';
import { useFormat, useT } from '../../i18n/i18n.js';
import { call } from '../../vault.js';
import { useAction } from '../../state/use-action.js';
import { useProgress, useSession } from '../../state/session.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice, ProgressBar } from '../../components/feedback.js';
import type { ReportFormat } from '../../../shared/domain/reports.js';
import type { ReportWrittenOutput } from '../../../shared/ipc/areas/reports.js';
import { suggestedFileName, type ScopeInput } from './report-scope.js';
import { labelKey } from '../../i18n/enum-labels.js';

export function SaveReport({ input, format, stale }: { input: ScopeInput; format: ReportFormat; stale: boolean }) {
  const t = useT();
  const f = useFormat();
  const id = useId();
  const progress = useProgress('reports.write');
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<ReportWrittenOutput | null>(null);

  const save = () =>
    run(async () => {
      setDone(null);
      const target = await call('files', 'chooseSaveTarget', {
        suggestedName: suggestedFileName(t('reports.save.fileName'), input, format),
        kind: `report-${format}`,
      });
      if (!target) return;
      useSession.getState().clearProgress('reports.write');
      setDone(await call('reports', 'write', { ...input, format, target: target.handle }));
    });

  return (
    <section className="card report-save" aria-labelledby={`${id}-heading`} aria-busy={busy}>
      <h2 id={`${id}-heading`}>{t('reports.save.heading')}</h2>
      <p className="field-hint" id={`${id}-hint`}>
        {t('reports.save.hint')}
      </p>
      {stale && (
        <p className="notice report-stale" role="status">
          {t('reports.preview.stale')}
        </p>
      )}
      <div className="form-actions">
        <Button variant="primary" onClick={() => void save()} disabled={busy || stale} aria-describedby={`${id}-hint`}>
          {t(labelKey('reports.save', format))}
        </Button>
      </div>
      {busy && <ProgressBar event={progress} label={t('reports.save.working')} />}
      <ErrorNotice error={error} />
      {done && (
        <div role="status" className="notice notice-ok">
          <p className="notice-title">{t('reports.save.done')}</p>
          <p>{t('reports.save.doneBody', { name: done.name, size: f.bytes(done.bytes) })}</p>
          <p>
            {t('reports.save.doneHash')} <bdi className="code hash">{done.sha256}</bdi>
          </p>
        </div>
      )}
    </section>
  );
}
