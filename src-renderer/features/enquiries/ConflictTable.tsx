/**
 * The conflict check's matches: each name of the enquiry that matches someone already in the
 * vault (by name or alias; exactly, partly, as a transliteration or a similar spelling, with the
 * words that differ and how alike they are), or a name given in an earlier enquiry, with that
 * person's roles in cases — an alleged perpetrator in another case is what the check is for. A
 * role links to its case; an earlier enquiry links to that enquiry.
 */
import { useT, useFormat } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import type { ConflictMatch } from '../../../shared/domain/enquiries.js';
import { labelKey } from '../../i18n/enum-labels.js';

/** `queryHeading`: the heading of the first column (the name that was checked), when it is not an enquiry's. */
export function ConflictTable({
  matches,
  caption,
  queryHeading,
}: {
  matches: ConflictMatch[];
  caption?: string;
  queryHeading?: string;
}) {
  const t = useT();
  const go = useNav((s) => s.go);
  return (
    <table className="data conflicts-table" aria-label={caption ?? t('enquiry.conflicts.label')}>
      <thead>
        <tr>
          <th scope="col">{queryHeading ?? t('enquiry.conflicts.col.name')}</th>
          <th scope="col">{t('enquiry.conflicts.col.matched')}</th>
          <th scope="col">{t('enquiry.conflicts.col.match')}</th>
          <th scope="col">{t('enquiry.conflicts.col.roles')}</th>
        </tr>
      </thead>
      <tbody>
        {matches.map((m) => (
          <tr
            key={`${m.query}\u0000${m.personId ?? m.enquiry?.id ?? ''}\u0000${m.matchedName}`}
            data-testid="conflict-match"
          >
            <td>
              <bdi>{m.query}</bdi>
            </td>
            <td>
              {m.personId ? (
                <button type="button" className="row-link" onClick={() => go({ name: 'person', id: m.personId! })}>
                  <bdi>{m.matchedName}</bdi>
                </button>
              ) : (
                <bdi>{m.matchedName}</bdi>
              )}
              {m.matchedKind === 'alias' && <span className="muted"> ({t('enquiry.conflicts.alias')})</span>}
              {m.enquiry && <span className="muted"> ({t('enquiry.conflicts.earlierEnquiry')})</span>}
            </td>
            <td>
              <MatchCell match={m} />
            </td>
            <td>
              {m.enquiry ? (
                <EnquiryCell match={m} onOpen={(id) => go({ name: 'enquiry', id })} />
              ) : (
                <RolesCell match={m} onOpen={(id) => go({ name: 'case', id, tab: 'people' })} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The kind of match, and for a transliteration or a similar spelling the words that differ and how alike. */
function MatchCell({ match: m }: { match: ConflictMatch }) {
  const t = useT();
  const loose = m.match === 'transliteration' || m.match === 'similar';
  return (
    <>
      <span className={`badge match-${m.match}`}>{t(labelKey('enquiry.conflicts.match', m.match))}</span>
      {loose && m.pairs.length > 0 && (
        <ul className="plain-list match-pairs" aria-label={t('enquiry.conflicts.wordPairs')}>
          {m.pairs.map((p) => (
            <li key={`${p.query}\u0000${p.matched}`}>
              <bdi>{p.query}</bdi> ~ <bdi>{p.matched}</bdi>
            </li>
          ))}
        </ul>
      )}
      {loose && (
        <div className="muted">{t('enquiry.conflicts.likeness', { percent: String(Math.round(m.score * 100)) })}</div>
      )}
    </>
  );
}

function RolesCell({ match: m, onOpen }: { match: ConflictMatch; onOpen: (caseId: string) => void }) {
  const t = useT();
  if (m.roles.length === 0) return <>{t('enquiry.conflicts.noRole')}</>;
  return (
    <ul className="plain-list">
      {m.roles.map((r) => (
        <li key={`${r.caseId}\u0000${r.role}`}>
          <button type="button" className={`row-link role-${r.role}`} onClick={() => onOpen(r.caseId)}>
            {t('enquiry.conflicts.roleIn', {
              role: t(labelKey('enquiries.role', r.role)),
              reference: r.caseReference,
            })}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A name of an earlier enquiry: who made contact, or a name it mentioned (with the role it gave). */
function EnquiryCell({ match: m, onOpen }: { match: ConflictMatch; onOpen: (enquiryId: string) => void }) {
  const t = useT();
  const f = useFormat();
  const e = m.enquiry!;
  const values = { date: f.day(e.receivedOn), status: t(labelKey('enquiries.status', e.status)) };
  const label =
    m.matchedKind === 'enquirer'
      ? t('enquiry.conflicts.inEnquiry.enquirer', values)
      : e.role
        ? t('enquiry.conflicts.inEnquiry.namedAs', { ...values, role: t(labelKey('enquiries.role', e.role)) })
        : t('enquiry.conflicts.inEnquiry.named', values);
  return (
    <button type="button" className={`row-link${e.role ? ` role-${e.role}` : ''}`} onClick={() => onOpen(e.id)}>
      {label}
    </button>
  );
}
