/**
 * The conflict check's matches: each name of the enquiry that matches someone already in the
 * vault (by name or alias, exactly or partly), with that person's roles in cases — an alleged
 * perpetrator in another case is what the check is for. A role links to its case.
 */
import { useT } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import type { ConflictMatch } from '../../../shared/domain/enquiries.js';
import type { MessageKey } from '../../i18n/catalogue.js';

export function ConflictTable({ matches, caption }: { matches: ConflictMatch[]; caption?: string }) {
  const t = useT();
  const go = useNav((s) => s.go);
  return (
    <table className="data conflicts-table" aria-label={caption ?? t('enquiry.conflicts.label')}>
      <thead>
        <tr>
          <th scope="col">{t('enquiry.conflicts.col.name')}</th>
          <th scope="col">{t('enquiry.conflicts.col.matched')}</th>
          <th scope="col">{t('enquiry.conflicts.col.match')}</th>
          <th scope="col">{t('enquiry.conflicts.col.roles')}</th>
        </tr>
      </thead>
      <tbody>
        {matches.map((m) => (
          <tr key={`${m.query}\u0000${m.personId}`} data-testid="conflict-match">
            <td>
              <bdi>{m.query}</bdi>
            </td>
            <td>
              <bdi>{m.matchedName}</bdi>
              {m.matchedKind === 'alias' && <span className="muted"> ({t('enquiry.conflicts.alias')})</span>}
            </td>
            <td>
              <span className={`badge match-${m.match}`}>{t(`enquiry.conflicts.match.${m.match}` as MessageKey)}</span>
            </td>
            <td>
              {m.roles.length === 0 ? (
                t('enquiry.conflicts.noRole')
              ) : (
                <ul className="plain-list">
                  {m.roles.map((r) => (
                    <li key={`${r.caseId}\u0000${r.role}`}>
                      <button type="button" className={`row-link role-${r.role}`} onClick={() => go({ name: 'case', id: r.caseId, tab: 'people' })}>
                        {t('enquiry.conflicts.roleIn', { role: t(`enquiries.role.${r.role}` as MessageKey), reference: r.caseReference })}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
