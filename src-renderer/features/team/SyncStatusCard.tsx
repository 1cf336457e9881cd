/** The home screen's line on team sync: when this laptop last synced and how many conflicts are open. Hidden without a team. */
import { useFormat, useT } from '../../i18n/i18n.js';
import { Button } from '../../components/controls.js';
import { useLoaded } from '../../state/use-loaded.js';
import { useNav } from '../../state/navigation.js';
import { call } from '../../vault.js';

export function SyncStatusCard() {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  const { value } = useLoaded(() => call('sync', 'status', {}), [], ['team', 'cases']);
  if (!value || value.members.every((m) => m.removedAt !== null)) return null;
  return (
    <section className="card sync-status" aria-labelledby="sync-status-title" data-testid="sync-status">
      <h2 id="sync-status-title">{t('team.status.title')}</h2>
      <p>{value.lastSyncAt ? t('team.status.last', { when: f.instant(value.lastSyncAt) }) : t('team.status.never')}</p>
      <p className={value.openConflicts > 0 ? 'notice notice-error' : undefined}>
        {t('team.status.conflicts', { count: value.openConflicts })}
      </p>
      <p>
        {value.openConflicts > 0 && (
          <Button variant="primary" onClick={() => go({ name: 'conflicts' })}>
            {t('team.status.open')}
          </Button>
        )}{' '}
        <Button onClick={() => go({ name: 'team' })}>{t('team.status.team')}</Button>
      </p>
    </section>
  );
}
