/**
 * The report as it will be saved: the engine's self-contained HTML (inline CSS and SVG, no
 * script, its own strict CSP) shown in an `<iframe sandbox="">` through `srcdoc`. The empty
 * sandbox gives the frame an opaque origin with no scripts, no forms, no popups, no top-level
 * navigation and no way to reach the app or `window.vault`; the app's CSP, which the frame
 * inherits, still applies inside it (its style-src admits the report's one stylesheet by hash:
 * src-main/app/core/app-protocol.ts).
 */
import { useId } from 'react';
import { useT } from '../../i18n/i18n.js';

export function ReportFrame({ html }: { html: string }) {
  const t = useT();
  const id = useId();
  return (
    <section className="report-pane" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('reports.preview.heading')}</h2>
      <iframe
        className="report-frame"
        sandbox=""
        srcDoc={html}
        title={t('reports.preview.frame')}
        referrerPolicy="no-referrer"
      />
    </section>
  );
}
