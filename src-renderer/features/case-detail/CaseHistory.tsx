/** The case's field-level history (cases.history), newest first, reloaded when the case changes. */
import { useLoaded } from '../../state/use-loaded.js';
import { hasMessage, useFormat, useT, type Translate } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { call } from '../../vault.js';

/** Fields whose values are enum members, shown through the catalogue. */
const ENUM_PREFIX: Record<string, string> = {
  status: 'cases.status.',
  forum: 'cases.forum.',
  stage: 'caseDetail.stage.',
  sensitivity: 'cases.sensitivity.',
};

const MAX_SHOWN = 160;

function shorten(s: string): string {
  return [...s].length > MAX_SHOWN ? [...s].slice(0, MAX_SHOWN).join('') + '…' : s;
}

/** A history value (JSON) as a short text in the current language. */
export function historyValue(t: Translate, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return t('state.none');
  if (typeof v === 'string') {
    const key = ENUM_PREFIX[field] ? ENUM_PREFIX[field] + v : '';
    return key && hasMessage(key) ? t(key) : shorten(v);
  }
  if (Array.isArray(v)) {
    return shorten(
      v
        .map((x) => {
          if (x && typeof x === 'object' && 'member' in x) {
            const m = x as { member: unknown; role?: unknown };
            return m.role ? `${String(m.member)} (${String(m.role)})` : String(m.member);
          }
          return typeof x === 'string' ? x : JSON.stringify(x);
        })
        .join(', '),
    );
  }
  return shorten(typeof v === 'object' ? JSON.stringify(v) : String(v));
}

export function CaseHistory({ caseId, version }: { caseId: string; version: number }) {
  const t = useT();
  const f = useFormat();
  // `version` changes when the case is edited: read its history again
  const {
    value: entries,
    error,
    reload: load,
  } = useLoaded(() => call('cases', 'history', { id: caseId }), [caseId, version]);

  const fieldName = (field: string) => {
    const key = `caseDetail.field.${field}`;
    return hasMessage(key) ? t(key) : field;
  };
  const actor = (a: string) => {
    const key = `caseDetail.actor.${a}`;
    return hasMessage(key) ? t(key as MessageKey) : a;
  };

  return (
    <section className="card" aria-labelledby="case-history-title">
      <h2 id="case-history-title">{t('caseDetail.history')}</h2>
      <p className="hint">{t('caseDetail.history.intro')}</p>
      <ErrorNotice error={error} onRetry={() => void load()} />
      {entries === null && !error && <Loading />}
      {entries && entries.length === 0 && <p className="empty">{t('caseDetail.history.empty')}</p>}
      {entries && entries.length > 0 && (
        <table className="data" aria-labelledby="case-history-title" data-testid="case-history">
          <thead>
            <tr>
              <th scope="col">{t('caseDetail.history.version')}</th>
              <th scope="col">{t('caseDetail.history.when')}</th>
              <th scope="col">{t('caseDetail.history.who')}</th>
              <th scope="col">{t('caseDetail.history.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {[...entries].reverse().map((e) => (
              <tr key={e.version}>
                <td>{f.number(e.version)}</td>
                <td>{f.instant(e.at)}</td>
                <td>
                  <bdi>{actor(e.actor)}</bdi>
                </td>
                <td>
                  <ul className="plain-list">
                    {Object.entries(e.changes).map(([field, c]) => (
                      <li key={field}>
                        {t('caseDetail.history.change', {
                          field: fieldName(field),
                          from: historyValue(t, field, c.from),
                          to: historyValue(t, field, c.to),
                        })}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
