/**
 * The safety notes of the people of some cases ("Safety: do not call his phone — Youssef A."),
 * where they must not be missed: as a banner at the top of a case, and in the share wizard before
 * anything leaves. Nothing is shown when no one in those cases has safety notes. On a case, each
 * name opens the person's page; in the wizard the names are plain (leaving would lose the choices
 * made). The notes are read again whenever people or cases change (a `changed` event).
 */
import { useT } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import { ErrorNotice } from '../../components/feedback.js';
import { call } from '../../vault.js';
import './people.css';
import { useLoaded } from '../../state/use-loaded.js';

export function SafetyNotesNotice({ caseIds, context = 'case' }: { caseIds: string[]; context?: 'case' | 'share' }) {
  const t = useT();
  const go = useNav((s) => s.go);
  const key = caseIds.join(',');
  const { value, error, reload } = useLoaded(
    () => (key === '' ? Promise.resolve([]) : call('people', 'safetyNotes', { caseIds: key.split(',') })),
    [key],
    ['people', 'cases'],
  );
  const notes = value ?? [];

  if (error) return <ErrorNotice error={error} onRetry={() => void reload()} />;
  if (notes.length === 0) return null;
  const share = context === 'share';
  return (
    <section
      className="notice notice-warn safety-notes"
      aria-label={t(share ? 'people.safety.shareLabel' : 'people.safety.label')}
      data-testid="safety-notes"
    >
      {share && (
        <>
          <p className="notice-title">{t('people.safety.shareTitle')}</p>
          <p>{t('people.safety.shareHint')}</p>
        </>
      )}
      <ul className="safety-notes-list">
        {notes.map((n) => (
          <li key={n.personId}>
            <strong>{t('people.safety.prefix')}</strong> <bdi className="pre-line">{n.safetyNotes}</bdi> —{' '}
            {share ? (
              <bdi className="person-name">{n.fullName}</bdi>
            ) : (
              <button
                type="button"
                className="row-link person-name"
                onClick={() => go({ name: 'person', id: n.personId })}
              >
                <bdi>{n.fullName}</bdi>
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
