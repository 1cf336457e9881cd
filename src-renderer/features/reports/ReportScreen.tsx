/**
 * Donor report: choose the scope, preview the report beside the list of every redaction made and
 * every case left out for lack of consent — nothing is written yet — then save it as PDF, CSV or
 * HTML through main's save dialog. Saving uses the scope that was previewed; when the form no
 * longer matches it, saving waits for a new preview.
 *
 * The preview, the lists and the scope options live in this component's state only: the lock
 * unmounts the whole app frame, and with it everything shown here.
 */
import { useEffect, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n.js';
import { call, asCallError } from '../../vault.js';
import { useAction } from '../../state/use-action.js';
import { useProgress, useSession } from '../../state/session.js';
import type { ReportFormat } from '../../../shared/domain/reports.js';
import type { ReportPreviewOutput, ReportScopeOptions } from '../../../shared/ipc/areas/reports.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { ScopeForm } from './ScopeForm.js';
import { ReportChecks } from './ReportChecks.js';
import { ReportFrame } from './ReportFrame.js';
import { SaveReport } from './SaveReport.js';
import {
  checkScope,
  hasProblems,
  initialScope,
  sameScope,
  toInput,
  type ScopeInput,
  type ScopeProblems,
} from './report-scope.js';

interface Previewed {
  input: ScopeInput;
  result: ReportPreviewOutput;
  /** bumps with every preview, so that the save panel starts afresh */
  generation: number;
}

export function ReportScreen() {
  const t = useT();
  const locale = useLocale();
  const [scope, setScope] = useState(() => initialScope(new Date(), locale));
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [options, setOptions] = useState<ReportScopeOptions | null>(null);
  const [optionsError, setOptionsError] = useState<CallError | null>(null);
  const [tried, setTried] = useState(false);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const { busy, error, run } = useAction();
  const progress = useProgress('reports.preview');

  useEffect(() => {
    let live = true;
    call('reports', 'scopeOptions', {})
      .then((o) => live && setOptions(o))
      .catch((e: unknown) => live && setOptionsError(asCallError(e)));
    return () => {
      live = false;
    };
  }, []);

  const problems: ScopeProblems = tried ? checkScope(scope) : {};

  const preview = () => {
    setTried(true);
    if (hasProblems(checkScope(scope))) return;
    const input = toInput(scope);
    void run(async () => {
      useSession.getState().clearProgress('reports.preview');
      const result = await call('reports', 'preview', input);
      setPreviewed((p) => ({ input, result, generation: (p?.generation ?? 0) + 1 }));
    });
  };

  const stale = previewed !== null && (hasProblems(checkScope(scope)) || !sameScope(toInput(scope), previewed.input));

  return (
    <section className="screen screen-reports" aria-labelledby="reports-title">
      <header className="screen-header">
        <h1 id="reports-title" tabIndex={-1}>
          {t('reports.title')}
        </h1>
      </header>
      <p className="report-intro">{t('reports.intro')}</p>
      <ScopeForm
        scope={scope}
        onScope={setScope}
        format={format}
        onFormat={setFormat}
        options={options}
        optionsError={optionsError}
        problems={problems}
        busy={busy}
        progress={progress}
        error={error}
        onPreview={preview}
      />
      {previewed === null ? (
        <p className="empty">{t('reports.preview.none')}</p>
      ) : (
        <>
          <div className="report-preview" data-testid="report-preview">
            <ReportFrame html={previewed.result.html} />
            <ReportChecks redactions={previewed.result.redactions} leftOut={previewed.result.leftOut} />
          </div>
          <SaveReport key={previewed.generation} input={previewed.input} format={format} stale={stale} />
        </>
      )}
    </section>
  );
}
