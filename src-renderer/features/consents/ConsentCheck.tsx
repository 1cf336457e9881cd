/**
 * Ask the consent gate (consents.check) ahead of time: may this person's information be used for
 * this purpose (and recipient) now, or on a given day? The answer is the gate's own decision,
 * shown in words: allowed (until when), or not allowed and why.
 */
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18n.js';
import { Button, DateField, SelectField } from '../../components/controls.js';
import { ErrorNotice } from '../../components/feedback.js';
import { call, asCallError } from '../../vault.js';
import { CONSENT_PURPOSES, type ConsentGateResult, type ConsentPurpose } from '../../../shared/domain/consents.js';
import type { PersonSummary } from '../../../shared/domain/people.js';
import type { Partner } from '../../../shared/domain/partners.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { useListFormat } from '../people/list-format.js';
import { DEFAULT_SHARING_VALUE, RecipientField, recipientFromValue, useWhen } from './consent-parts.js';
import { labelKey } from '../../i18n/enum-labels.js';

export function ConsentCheck({
  caseId,
  people,
  partners,
}: {
  caseId: string;
  people: readonly PersonSummary[];
  partners: readonly Partner[];
}) {
  const t = useT();
  const when = useWhen();
  const list = useListFormat();
  const [personId, setPersonId] = useState(people[0]?.id ?? '');
  const [purpose, setPurpose] = useState<ConsentPurpose>('sharing');
  const [recipient, setRecipient] = useState(DEFAULT_SHARING_VALUE);
  const [at, setAt] = useState('');
  const [result, setResult] = useState<ConsentGateResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);

  // a changed question makes the old answer wrong: clear it
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setResult(null);
    };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = purpose === 'sharing' ? recipientFromValue(recipient) : undefined;
      setResult(
        await call('consents', 'check', {
          caseId,
          personId,
          purpose,
          ...(r ? { recipient: r } : {}),
          ...(at ? { at } : {}),
        }),
      );
    } catch (err) {
      setError(asCallError(err));
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="consent-check-title" className="card consent-check">
      <h2 id="consent-check-title">{t('consents.check.title')}</h2>
      <p className="hint">{t('consents.check.intro')}</p>
      <form onSubmit={submit} aria-busy={busy}>
        <div className="form-grid">
          <SelectField
            label={t('consents.form.person')}
            value={personId}
            onChange={(e) => change(setPersonId)(e.target.value)}
            options={people.map((p) => ({ value: p.id, label: p.fullName }))}
          />
          <SelectField
            label={t('consents.form.purpose')}
            value={purpose}
            onChange={(e) => change(setPurpose)(e.target.value as ConsentPurpose)}
            options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(labelKey('consents.purpose', p)) }))}
          />
          <RecipientField purpose={purpose} partners={partners} value={recipient} onChange={change(setRecipient)} />
          <DateField
            label={t('consents.check.at')}
            hint={t('consents.check.atHint')}
            value={at}
            onChange={(e) => change(setAt)(e.target.value)}
          />
        </div>
        <div className="form-actions">
          <Button variant="primary" type="submit" disabled={busy || !personId}>
            {t('consents.check.submit')}
          </Button>
        </div>
      </form>
      <ErrorNotice error={error} />
      <div role="status" className="gate-result" data-testid="gate-result">
        {result && (
          <>
            <span className={`badge ${result.allowed ? 'badge-given' : 'badge-refused'}`}>
              {result.allowed ? t('consents.check.allowed') : t('consents.check.denied')}
            </span>{' '}
            {result.allowed ? (
              <span>
                {result.expiresAt
                  ? t('consents.check.until', { date: when(result.expiresAt) })
                  : t('consents.check.noExpiry')}
              </span>
            ) : (
              <span>{t(labelKey('consents.deny', result.reason))}</span>
            )}
            {!result.allowed && result.missing && result.missing.length > 0 && (
              <p className="cell-detail">
                {t('consents.check.missing', {
                  list: list(result.missing.map((m) => t(labelKey('consents.told', m)))),
                })}
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
