/** Progress, errors, loading and empty states — each announced to screen readers. */
import type { ReactNode } from 'react';
import type { CallError } from '../../shared/ipc/kit.js';
import { hasMessage, useT, useFormat } from '../i18n/i18n.js';
import type { ProgressEvent } from '../../shared/ipc/events.js';

/** A progress bar for a long call. Determinate when the work is countable, else indeterminate. */
export function ProgressBar({ event, label }: { event: ProgressEvent | undefined; label: string }) {
  const t = useT();
  const { number } = useFormat();
  const percent = event && event.total ? Math.min(100, Math.floor((event.done / event.total) * 100)) : undefined;
  return (
    <div className="progress" data-testid="progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={percent !== undefined ? t('progress.percent', { percent: number(percent) }) : label}
        className={percent === undefined ? 'progress-track progress-indeterminate' : 'progress-track'}
      >
        <div className="progress-fill" style={{ inlineSize: percent !== undefined ? `${percent}%` : undefined }} />
      </div>
      <p className="progress-text" aria-live="polite">
        {percent !== undefined ? t('progress.percent', { percent: number(percent) }) : label}
      </p>
    </div>
  );
}

/** A failed call: the translated sentence for its code, and the engine's own words on request. */
export function ErrorNotice({ error, onRetry }: { error: CallError | null | undefined; onRetry?: () => void }) {
  const t = useT();
  if (!error) return null;
  const key = `error.${error.code}`;
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{t('error.title')}</p>
      <p>{hasMessage(key) ? t(key) : t('error.generic')}</p>
      <details>
        <summary>{t('error.details')}</summary>
        <p>
          <bdi className="code">{error.code}</bdi> <bdi>{error.message}</bdi>
        </p>
      </details>
      {onRetry && (
        <button type="button" className="btn btn-secondary" onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('state.loading')}
    </p>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const t = useT();
  return <p className="empty">{children ?? t('state.empty')}</p>;
}
