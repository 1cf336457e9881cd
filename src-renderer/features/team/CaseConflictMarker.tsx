/** A small "has a sync conflict" marker beside a case's title; it opens the Conflicts screen. */
import { useT } from '../../i18n/i18n.js';
import { useLoaded } from '../../state/use-loaded.js';
import { useNav } from '../../state/navigation.js';
import { call } from '../../vault.js';
import './team.css';

export function CaseConflictMarker({ caseId }: { caseId: string }) {
  const t = useT();
  const go = useNav((s) => s.go);
  const { value } = useLoaded(() => call('sync', 'status', {}), [], ['team', 'cases']);
  if (!value?.conflictCaseIds.includes(caseId)) return null;
  return (
    <button
      type="button"
      className="badge badge-warning conflict-marker"
      data-testid="case-conflict"
      onClick={() => go({ name: 'conflicts' })}
    >
      {t('conflicts.marker')}
    </button>
  );
}
