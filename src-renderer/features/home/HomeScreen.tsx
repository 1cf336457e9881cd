/**
 * Home: what needs attention across every case — deadlines overdue and coming up, consents to
 * renew, reviews due, open enquiries and what waits in the exchange inbox. One read (agenda.get);
 * each item opens the place where it is handled. Shown after unlock.
 */
import { useEffect, type ReactNode } from 'react';
import { useFormat, useT } from '../../i18n/i18n.js';
import { useNav, type Route } from '../../state/navigation.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import type { Agenda } from '../../../shared/ipc/areas/agenda.js';
import { useAgenda } from './agenda-store.js';
import './home.css';
import { labelKey } from '../../i18n/enum-labels.js';
import { SyncStatusCard } from '../team/SyncStatusCard.js';

/** The windows the home screen asks for: agenda.get's defaults. */
const DEADLINE_DAYS = 14;
const CONSENT_DAYS = 30;
const REVIEW_DAYS = 14;

export function HomeScreen() {
  const t = useT();
  const f = useFormat();
  const { agenda, error, load } = useAgenda();

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="screen screen-home" aria-labelledby="home-title">
      <header className="screen-header">
        <h1 id="home-title" tabIndex={-1}>
          {t('home.title')}
        </h1>
        {agenda ? <p className="count">{t('home.today', { date: f.day(agenda.today) })}</p> : null}
      </header>
      <ErrorNotice error={error} onRetry={() => void load()} />
      <SyncStatusCard />
      {agenda ? <AgendaSections agenda={agenda} /> : error ? null : <Loading />}
    </section>
  );
}

function AgendaSections({ agenda }: { agenda: Agenda }) {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  const c = agenda.counts;

  const inbox: Array<{ count: number; key: MessageKey; route: Route }> = [
    { count: c.openEnquiries, key: 'home.inbox.enquiries', route: { name: 'enquiries' } },
    { count: c.quarantinedBundles, key: 'home.inbox.quarantined', route: { name: 'inbox' } },
    { count: c.importConflicts, key: 'home.inbox.conflicts', route: { name: 'inbox' } },
    { count: c.proposedAdditions, key: 'home.inbox.proposals', route: { name: 'inbox' } },
    { count: c.recentRecallNotices, key: 'home.inbox.recalls', route: { name: 'inbox' } },
  ];
  const inboxItems = inbox.filter((i) => i.count > 0);

  return (
    <div className="home-grid">
      <AgendaSection
        id="home-deadlines"
        title={t('home.deadlines')}
        summary={t('home.deadlines.summary', {
          overdue: c.overdueDeadlines,
          upcoming: c.upcomingDeadlines,
          days: DEADLINE_DAYS,
        })}
        empty={t('home.deadlines.none', { days: DEADLINE_DAYS })}
        shown={agenda.deadlines.length}
        total={c.overdueDeadlines + c.upcomingDeadlines}
      >
        {agenda.deadlines.map((d) => (
          <li key={d.id} className={d.overdue ? 'agenda-item agenda-overdue' : 'agenda-item'}>
            <button
              type="button"
              className="row-link"
              onClick={() => go({ name: 'case', id: d.caseId, tab: 'deadlines' })}
            >
              <bdi className="agenda-ref">{d.caseReference}</bdi> <span dir="auto">{d.title}</span>
            </button>
            <span className="agenda-when">
              {f.day(d.dueOn)}{' '}
              <span className={`badge badge-deadline-${d.overdue ? 'overdue' : 'due-soon'}`}>
                {d.overdue
                  ? t('deadlines.overdueBy', { days: -d.daysUntilDue })
                  : d.daysUntilDue === 0
                    ? t('deadlines.dueToday')
                    : t('deadlines.dueIn', { days: d.daysUntilDue })}
              </span>
            </span>
          </li>
        ))}
      </AgendaSection>

      <AgendaSection
        id="home-consents"
        title={t('home.consents')}
        summary={
          c.consentsToRenew > 0 ? t('home.consents.summary', { count: c.consentsToRenew, days: CONSENT_DAYS }) : ''
        }
        empty={t('home.consents.none', { days: CONSENT_DAYS })}
        shown={agenda.consents.length}
        total={c.consentsToRenew}
      >
        {agenda.consents.map((k) => (
          <li key={k.id} className={k.expired ? 'agenda-item agenda-overdue' : 'agenda-item'}>
            <button
              type="button"
              className="row-link"
              onClick={() => go({ name: 'case', id: k.caseId, tab: 'consents' })}
            >
              <bdi className="agenda-ref">{k.caseReference}</bdi> <span dir="auto">{k.personName}</span> —{' '}
              {t(labelKey('consents.purpose', k.purpose))}
            </button>
            <span className="agenda-when">
              <span className={`badge badge-deadline-${k.expired ? 'overdue' : 'due-soon'}`}>
                {t(k.expired ? 'home.consents.expired' : 'home.consents.expires', {
                  date: f.day(k.expiresAt.slice(0, 10)),
                })}
              </span>
            </span>
          </li>
        ))}
      </AgendaSection>

      <AgendaSection
        id="home-reviews"
        title={t('home.reviews')}
        summary=""
        empty={t('home.reviews.none', { days: REVIEW_DAYS })}
        shown={agenda.reviews.length}
        total={c.reviewsDue}
      >
        {agenda.reviews.map((r) => (
          <li key={`${r.kind}-${r.id}`} className={r.overdue ? 'agenda-item agenda-overdue' : 'agenda-item'}>
            <button
              type="button"
              className="row-link"
              onClick={() => go(r.kind === 'risk' ? { name: 'risks' } : { name: 'partner', id: r.id })}
            >
              {t(r.kind === 'risk' ? 'home.reviews.risk' : 'home.reviews.dueDiligence')}:{' '}
              <span dir="auto">{r.title}</span>
            </button>
            <span className="agenda-when">
              <span className={`badge badge-deadline-${r.overdue ? 'overdue' : 'due-soon'}`}>
                {t(r.overdue ? 'home.reviews.overdue' : 'home.reviews.due', { date: f.day(r.reviewOn) })}
              </span>
            </span>
          </li>
        ))}
      </AgendaSection>

      <BackupAgendaSection status={agenda.backup} />

      <AgendaSection
        id="home-inbox"
        title={t('home.inbox')}
        summary=""
        empty={t('home.inbox.none')}
        shown={inboxItems.length}
        total={inboxItems.length}
      >
        {inboxItems.map((i) => (
          <li key={i.key} className="agenda-item">
            <button type="button" className="row-link" onClick={() => go(i.route)}>
              {t(i.key, { count: i.count })}
            </button>
          </li>
        ))}
      </AgendaSection>
    </div>
  );
}

/** The last backup and, when one is due, the reminder with the way to Settings → Backup. */
function BackupAgendaSection({ status }: { status: Agenda['backup'] }) {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  return (
    <section
      className={status.due ? 'agenda-section agenda-backup-due' : 'agenda-section'}
      aria-labelledby="home-backup"
      data-testid="home-backup"
    >
      <h2 id="home-backup">{t('backup.home.title')}</h2>
      <p>
        {status.lastBackupAt ? t('backup.home.last', { date: f.instant(status.lastBackupAt) }) : t('backup.home.never')}
      </p>
      {status.due ? (
        <p className="notice notice-warn" data-testid="home-backup-due">
          {t('backup.home.due')}
        </p>
      ) : (
        <p className="hint">{t('backup.home.ok')}</p>
      )}
      <button
        type="button"
        className={status.due ? 'btn btn-primary' : 'btn btn-secondary'}
        onClick={() => go({ name: 'settings', section: 'backup' })}
      >
        {t('backup.home.open')}
      </button>
    </section>
  );
}

function AgendaSection(props: {
  id: string;
  title: string;
  summary: string;
  empty: string;
  shown: number;
  total: number;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <section className="agenda-section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {/* with nothing to list, the empty sentence says it all: no count of zeros above it */}
      {props.summary && props.total > 0 ? <p className="agenda-summary">{props.summary}</p> : null}
      {props.shown === 0 ? <p className="empty">{props.empty}</p> : <ul className="agenda-list">{props.children}</ul>}
      {props.shown < props.total ? (
        <p className="hint">{t('home.shown', { shown: props.shown, total: props.total })}</p>
      ) : null}
    </section>
  );
}
