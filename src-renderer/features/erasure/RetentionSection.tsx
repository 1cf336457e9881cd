/**
 * Settings → Retention (docs/erasure.md, "Retention"): how many years after closure a closed case
 * comes up for review, and the closed cases past it, each opening its page (where it can be
 * purged). Nothing is deleted by the period itself.
 */
import { useState, type FormEvent } from 'react';
import { useFormat, useT } from '../../i18n/i18n.js';
import { Form, FormNotice } from '../../components/Form.js';
import { Button, TextField } from '../../components/controls.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { useAction } from '../../state/use-action.js';
import { useLoaded } from '../../state/use-loaded.js';
import { useNav } from '../../state/navigation.js';
import { call } from '../../vault.js';
import type { RetentionPolicy, RetentionReview } from '../../../shared/domain/erasure.js';

interface Loaded {
  policy: RetentionPolicy;
  review: RetentionReview;
}

export function RetentionSection() {
  const t = useT();
  const { value, error, reload } = useLoaded<Loaded>(
    async () => {
      const [policy, review] = await Promise.all([
        call('policy', 'retention', {}),
        call('cases', 'retentionReview', {}),
      ]);
      return { policy, review };
    },
    [],
    ['policy', 'cases'],
  );
  return (
    <section
      className="card settings-section"
      aria-labelledby="settings-retention-title"
      data-testid="settings-retention"
    >
      <h2 id="settings-retention-title">{t('retention.title')}</h2>
      <p className="hint">{t('retention.intro')}</p>
      <ErrorNotice error={error} onRetry={() => void reload()} />
      {!value ? (
        !error && <Loading />
      ) : (
        <>
          <RetentionForm policy={value.policy} onSaved={() => void reload()} />
          <ReviewList review={value.review} />
        </>
      )}
    </section>
  );
}

function RetentionForm({ policy, onSaved }: { policy: RetentionPolicy; onSaved: () => void }) {
  const t = useT();
  const [years, setYears] = useState(policy.retentionYears === null ? '' : String(policy.retentionYears));
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    await run(async () => {
      const trimmed = years.trim();
      await call('policy', 'setRetention', { retentionYears: trimmed === '' ? null : Number(trimmed) });
      setSaved(true);
      onSaved();
    });
  };
  return (
    <Form onSubmit={submit} busy={busy} error={error}>
      <TextField
        label={t('retention.years')}
        name="retentionYears"
        hint={t('retention.yearsHint')}
        inputMode="numeric"
        value={years}
        onChange={(e) => setYears(e.target.value)}
      />
      <FormNotice />
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('retention.save')}
        </Button>
      </div>
      <p role="status" className="settings-status">
        {saved ? t('retention.saved') : ''}
      </p>
    </Form>
  );
}

function ReviewList({ review }: { review: RetentionReview }) {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  if (review.retentionYears === null) return <p className="empty">{t('retention.notSet')}</p>;
  return (
    <section aria-labelledby="retention-review-title">
      <h3 id="retention-review-title">{t('retention.review.title', { years: review.retentionYears })}</h3>
      {review.cases.length === 0 ? (
        <p className="empty">{t('retention.review.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" aria-label={t('retention.review.label')} data-testid="retention-review">
            <thead>
              <tr>
                <th scope="col">{t('retention.review.col.case')}</th>
                <th scope="col">{t('retention.review.col.closed')}</th>
              </tr>
            </thead>
            <tbody>
              {review.cases.map((c) => (
                <tr key={c.id}>
                  <td>
                    <button
                      type="button"
                      className="row-link"
                      onClick={() => go({ name: 'case', id: c.id, tab: 'overview' })}
                    >
                      <bdi className="case-ref">{c.reference}</bdi> <bdi>{c.title}</bdi>
                    </button>
                  </td>
                  <td>{t('retention.review.closedOn', { date: f.day(c.closedOn), years: c.yearsClosed })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
