/**
 * One enquiry: what came in, the conflict check's matches against the people already in the
 * vault, and the decision — the three choices while it is open, what was decided once it is not.
 */
import { useState } from 'react';
import { useLoaded } from '../../state/use-loaded.js';
import { useAction } from '../../state/use-action.js';
import { useT, useFormat } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { call } from '../../vault.js';
import type { Enquiry } from '../../../shared/domain/enquiries.js';
import { ConflictTable } from './ConflictTable.js';
import { DecisionDialog, type Decision } from './DecisionDialogs.js';
import { useInbox } from './enquiry-store.js';
import { labelKey } from '../../i18n/enum-labels.js';

export function EnquiryDetail() {
  const route = useNav((s) => s.route);
  const id = route.name === 'enquiry' ? route.id : '';
  // A fresh component per enquiry, so nothing of one shows while the next loads.
  return <EnquiryView key={id} id={id} />;
}

function EnquiryView({ id }: { id: string }) {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  const {
    value: enquiry,
    error: loadError,
    reload: load,
    setValue: setEnquiry,
  } = useLoaded(() => call('enquiries', 'get', { id }), [id]);
  const { busy: checking, error: checkError, run } = useAction();
  const error = loadError ?? checkError;
  const [decision, setDecision] = useState<Decision | null>(null);

  const recheck = () =>
    run(async () => {
      setEnquiry(await call('enquiries', 'checkConflicts', { id }));
      void useInbox.getState().refresh();
    });

  return (
    <section className="screen screen-enquiry" aria-labelledby="enquiry-title">
      <p className="back">
        <Button variant="link" onClick={() => go({ name: 'enquiries' })}>
          {t('enquiry.back')}
        </Button>
      </p>
      <header className="screen-header">
        <h1 id="enquiry-title" tabIndex={-1}>
          {enquiry ? t('enquiry.headingFrom', { name: enquiry.enquirerName }) : t('enquiry.heading')}
        </h1>
        {enquiry && (
          <span className={`badge badge-${enquiry.status}`}>{t(labelKey('enquiries.status', enquiry.status))}</span>
        )}
      </header>
      <ErrorNotice error={error} onRetry={enquiry ? undefined : () => void load()} />
      {!enquiry ? (
        !error && <Loading />
      ) : (
        <>
          <section className="card" aria-labelledby="enquiry-details">
            <h2 id="enquiry-details">{t('enquiry.details')}</h2>
            <dl className="dl">
              <dt>{t('enquiry.receivedOn')}</dt>
              <dd>{f.day(enquiry.receivedOn)}</dd>
              <dt>{t('enquiry.channel')}</dt>
              <dd>{t(labelKey('enquiries.channel', enquiry.channel))}</dd>
              <dt>{t('enquiry.contact')}</dt>
              <dd>
                {enquiry.enquirerContact ? <bdi className="pre-line">{enquiry.enquirerContact}</bdi> : t('state.none')}
              </dd>
              <dt>{t('enquiry.summary')}</dt>
              <dd>
                <bdi className="pre-line">{enquiry.summary}</bdi>
              </dd>
              <dt>{t('enquiry.names')}</dt>
              <dd>
                {enquiry.namedPeople.length === 0 ? (
                  t('state.none')
                ) : (
                  <ul className="plain-list">
                    {enquiry.namedPeople.map((n, i) => (
                      <li key={`${i}\u0000${n.name}`}>
                        <bdi>{n.name}</bdi>
                        {n.role && <span className="muted"> ({t(labelKey('enquiries.role', n.role))})</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </dl>
          </section>

          <section className="card" aria-labelledby="enquiry-conflicts">
            <h2 id="enquiry-conflicts">{t('enquiry.conflicts.title')}</h2>
            <p className="hint">
              {enquiry.conflictCheckedAt
                ? t('enquiry.conflicts.checkedAt', { when: f.instant(enquiry.conflictCheckedAt) })
                : t('enquiries.notChecked')}
            </p>
            {enquiry.conflicts.length === 0 ? (
              <p>{t('enquiry.conflicts.none')}</p>
            ) : (
              <>
                <p className="conflict-flag">{t('enquiry.conflicts.found', { count: enquiry.conflicts.length })}</p>
                <ConflictTable matches={enquiry.conflicts} />
              </>
            )}
            {enquiry.status === 'open' && (
              <p>
                <Button onClick={() => void recheck()} disabled={checking} aria-busy={checking}>
                  {t('enquiry.conflicts.recheck')}
                </Button>
              </p>
            )}
          </section>

          <section className="card" aria-labelledby="enquiry-decision">
            <h2 id="enquiry-decision">{t('enquiry.decision.title')}</h2>
            {enquiry.status === 'open' ? (
              <>
                <p>{t('enquiry.decision.intro')}</p>
                <div className="form-actions">
                  {/* With possible conflicts, accepting is not the obvious next step: no button leads. */}
                  <Button
                    variant={enquiry.conflicts.length > 0 ? 'secondary' : 'primary'}
                    onClick={() => setDecision('accept')}
                  >
                    {t('enquiry.accept')}
                  </Button>
                  <Button onClick={() => setDecision('refer')}>{t('enquiry.refer')}</Button>
                  <Button variant="danger" onClick={() => setDecision('decline')}>
                    {t('enquiry.decline')}
                  </Button>
                </div>
              </>
            ) : (
              <DecidedSummary enquiry={enquiry} />
            )}
          </section>
          <DecisionDialog
            decision={decision}
            enquiry={enquiry}
            onChanged={setEnquiry}
            onClose={() => setDecision(null)}
          />
        </>
      )}
    </section>
  );
}

function DecidedSummary({ enquiry }: { enquiry: Enquiry }) {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  const partnerId = enquiry.referredPartnerId;
  // a partner removed since shows as unknown: the error is not the point of this line
  const { value: partner } = useLoaded(
    () => (partnerId ? call('partners', 'get', { id: partnerId }) : Promise.resolve(null)),
    [partnerId],
  );
  const partnerName = partner?.name ?? null;

  const date = f.instant(enquiry.decidedAt);
  let line: string;
  if (enquiry.status === 'accepted') line = t('enquiry.decided.accepted', { date });
  else if (enquiry.status === 'referred')
    line = t('enquiry.decided.referred', { date, partner: partnerName ?? t('enquiry.decided.unknownPartner') });
  else line = t('enquiry.decided.declined', { date });

  return (
    <>
      <p data-testid="enquiry-decision">{line}</p>
      {enquiry.decisionReason && (
        <dl className="dl">
          <dt>{t('enquiry.decided.reason')}</dt>
          <dd>
            <bdi className="pre-line">{enquiry.decisionReason}</bdi>
          </dd>
        </dl>
      )}
      {enquiry.caseId && (
        <p>
          <Button variant="link" onClick={() => go({ name: 'case', id: enquiry.caseId!, tab: 'overview' })}>
            {t('enquiry.openCase')}
          </Button>
        </p>
      )}
    </>
  );
}
