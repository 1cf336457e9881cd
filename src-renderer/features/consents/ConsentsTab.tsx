/**
 * The consents tab: the consents of the case's people (the latest version of each), each with a
 * state in words (given, expired, withdrawn, refused, not yet in force), what the person was
 * told, and the withdrawal or refusal reason; recording, withdrawing and renewing; and the
 * consent gate, asked ahead of time. Held in component state (the lock unmounts it).
 */
import { useMemo, useState } from 'react';
import { useLoaded } from '../../state/use-loaded.js';
import { useFormat, useT } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { call, asCallError } from '../../vault.js';
import { TOLD_ELEMENTS, type ConsentWithStatus } from '../../../shared/domain/consents.js';
import type { PersonSummary } from '../../../shared/domain/people.js';
import type { Partner } from '../../../shared/domain/partners.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { CASE_PEOPLE_LIMIT } from '../people/PeopleTab.js';
import { useListFormat } from '../people/list-format.js';
import { ConsentStateBadge, RecipientLabel, useWhen } from './consent-parts.js';
import { RecordConsentDialog } from './RecordConsentDialog.js';
import { RenewConsentDialog, WithdrawConsentDialog } from './ConsentActionDialogs.js';
import { ConsentCheck } from './ConsentCheck.js';
import { RecallPromptDialog, type RecallTarget, recallTargetFor } from './RecallPrompt.js';
import { labelKey } from '../../i18n/enum-labels.js';

interface Loaded {
  consents: ConsentWithStatus[];
  /** people of the case (who can give consent here) */
  people: PersonSummary[];
  /** every person a consent names, the case's and those unlinked since */
  names: Map<string, string>;
  partners: Partner[];
}

type Open = { kind: 'record' } | { kind: 'withdraw' | 'renew'; consent: ConsentWithStatus } | null;

export function ConsentsTab({ caseId }: { caseId: string }) {
  const t = useT();
  const f = useFormat();
  const when = useWhen();
  const list = useListFormat();
  const [open, setOpen] = useState<Open>(null);
  const go = useNav((s) => s.go);
  const [notice, setNotice] = useState('');
  /** after a withdrawal: the partners that received the person (the recall prompt) */
  const [recall, setRecall] = useState<RecallTarget | null>(null);
  const [recallError, setRecallError] = useState<CallError | null>(null);

  const {
    value: data,
    error,
    reload: load,
  } = useLoaded(
    async (): Promise<Loaded> => {
      const [consents, people, partners] = await Promise.all([
        call('consents', 'list', { caseId }),
        call('people', 'list', { caseId, limit: CASE_PEOPLE_LIMIT }),
        call('partners', 'list', {}),
      ]);
      const names = new Map(people.items.map((p) => [p.id, p.fullName]));
      // a consent outlives its person's link to the case: fetch the names of those unlinked since
      const missing = [...new Set(consents.map((c) => c.personId).filter((id) => !names.has(id)))];
      for (const p of await Promise.all(missing.map((id) => call('people', 'get', { id }))))
        names.set(p.id, p.fullName);
      return { consents, people: people.items, names, partners };
    },
    [caseId],
    ['consents', 'people', 'partners'],
  );

  const partnerNames = useMemo(() => new Map((data?.partners ?? []).map((p) => [p.id, p.name])), [data]);

  const done = async (message: string) => {
    setOpen(null);
    setNotice(message);
    await load();
  };

  const purposeName = (c: ConsentWithStatus) => t(labelKey('consents.purpose', c.purpose));
  const personName = (id: string) => data?.names.get(id) ?? '';

  /** Did a sent bundle carry this person? Then prompt for recall notices (else say so when asked). */
  const offerRecall = async (c: ConsentWithStatus, name: string, asked: boolean) => {
    setRecallError(null);
    try {
      const target = await recallTargetFor(c.id, name);
      if (target) setRecall(target);
      else if (asked) setNotice(t('consents.recall.nobody'));
    } catch (e) {
      setRecallError(asCallError(e));
    }
  };

  const withdrawn = async (c: ConsentWithStatus) => {
    const name = personName(c.personId);
    await done(t('consents.withdrawn'));
    await offerRecall(c, name, false);
  };

  return (
    <div className="consents-tab">
      <section aria-labelledby="consents-title" className="tab-section">
        <div className="section-header">
          <h2 id="consents-title">{t('consents.title')}</h2>
          <div className="section-actions">
            <Button variant="primary" onClick={() => setOpen({ kind: 'record' })} disabled={!data}>
              {t('consents.record')}
            </Button>
          </div>
        </div>
        <p className="hint">{t('consents.intro')}</p>
        <p role="status" className="live-notice">
          {notice}
        </p>
        <ErrorNotice error={error} onRetry={() => void load()} />
        <ErrorNotice error={recallError} />
        {data === null && !error && <Loading />}
        {data && data.consents.length === 0 && (
          <p className="empty">{data.people.length ? t('consents.none') : t('consents.noPeople')}</p>
        )}
        {data && data.consents.length > 0 && (
          <div className="table-scroll">
            <table className="data consents-table" aria-label={t('consents.list.label')} data-testid="consents-table">
              <thead>
                <tr>
                  <th scope="col">{t('consents.col.person')}</th>
                  <th scope="col">{t('consents.col.purpose')}</th>
                  <th scope="col">{t('consents.col.recipient')}</th>
                  <th scope="col">{t('consents.col.state')}</th>
                  <th scope="col">{t('consents.col.givenAt')}</th>
                  <th scope="col">{t('consents.col.expiresAt')}</th>
                  <th scope="col">{t('consents.col.method')}</th>
                  <th scope="col">{t('consents.col.told')}</th>
                  <th scope="col">{t('consents.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.consents.map((c) => {
                  const missing = TOLD_ELEMENTS.filter((e) => !c.told.includes(e));
                  const name = personName(c.personId);
                  return (
                    <tr key={c.seriesId} data-series={c.seriesId}>
                      <td>
                        <button
                          type="button"
                          className="row-link"
                          onClick={() => go({ name: 'person', id: c.personId })}
                        >
                          <bdi className="person-name">{name}</bdi>
                        </button>
                      </td>
                      <td>{purposeName(c)}</td>
                      <td>
                        <RecipientLabel recipient={c.recipient} partners={partnerNames} />
                      </td>
                      <td>
                        <ConsentStateBadge status={c.status} />
                        {c.received && <span className="cell-detail">{t('consents.received')}</span>}
                        {c.state === 'withdrawn' && c.withdrawnAt && (
                          <span className="cell-detail">
                            {t('consents.withdrawnOn', { date: when(c.withdrawnAt) })}
                          </span>
                        )}
                        {(c.withdrawalReason ?? c.refusalReason) && (
                          <span className="cell-detail">
                            {t('consents.reason')} <bdi>{c.withdrawalReason ?? c.refusalReason}</bdi>
                          </span>
                        )}
                      </td>
                      <td>{when(c.givenAt)}</td>
                      <td>
                        {c.state === 'refused'
                          ? t('state.none')
                          : c.expiresAt
                            ? when(c.expiresAt)
                            : t('consents.expiresNever')}
                      </td>
                      <td>
                        {t(labelKey('consents.method', c.method))}
                        {c.witness && (
                          <span className="cell-detail">
                            {t('consents.witness')} <bdi>{c.witness}</bdi>
                          </span>
                        )}
                        {c.language && (
                          <span className="cell-detail">
                            {t('consents.language')} <bdi>{f.language(c.language)}</bdi>
                          </span>
                        )}
                      </td>
                      <td>
                        {missing.length === 0 ? (
                          t('consents.toldAll')
                        ) : (
                          <span className="warn-text">
                            {t('consents.toldMissing', {
                              list: list(missing.map((m) => t(labelKey('consents.told', m)))),
                            })}
                          </span>
                        )}
                      </td>
                      <td>
                        {!c.received && c.state === 'given' && (
                          <div className="row-actions">
                            <Button
                              variant="link"
                              onClick={() => setOpen({ kind: 'withdraw', consent: c })}
                              aria-label={t('consents.withdrawLabel', { name, purpose: purposeName(c) })}
                            >
                              {t('consents.withdraw')}
                            </Button>
                            <Button
                              variant="link"
                              onClick={() => setOpen({ kind: 'renew', consent: c })}
                              aria-label={t('consents.renewLabel', { name, purpose: purposeName(c) })}
                            >
                              {t('consents.renew')}
                            </Button>
                          </div>
                        )}
                        {!c.received && c.state === 'withdrawn' && (
                          <div className="row-actions">
                            <Button
                              variant="link"
                              onClick={() => void offerRecall(c, name, true)}
                              aria-label={t('consents.recall.openLabel', { name, purpose: purposeName(c) })}
                            >
                              {t('consents.recall.open')}
                            </Button>
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {data && data.people.length > 0 && <ConsentCheck caseId={caseId} people={data.people} partners={data.partners} />}
      {data && (
        <RecordConsentDialog
          open={open?.kind === 'record'}
          caseId={caseId}
          people={data.people}
          partners={data.partners}
          onClose={() => setOpen(null)}
          onRecorded={() => void done(t('consents.recorded'))}
        />
      )}
      <WithdrawConsentDialog
        consent={open?.kind === 'withdraw' ? open.consent : null}
        personName={open?.kind === 'withdraw' ? personName(open.consent.personId) : ''}
        onClose={() => setOpen(null)}
        onDone={(c) => void withdrawn(c)}
      />
      <RenewConsentDialog
        consent={open?.kind === 'renew' ? open.consent : null}
        personName={open?.kind === 'renew' ? personName(open.consent.personId) : ''}
        onClose={() => setOpen(null)}
        onDone={() => void done(t('consents.renewed'))}
      />
      <RecallPromptDialog target={recall} onClose={() => setRecall(null)} />
    </div>
  );
}
