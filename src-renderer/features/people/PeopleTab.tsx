/**
 * The people tab: everyone linked to the case with their roles in it (a name opens the person's
 * page), "Add a person" (creates the person and links them with a role), "Link someone already in
 * the vault", and removing a role — after a confirmation that says what goes and what stays. Held
 * in component state (the lock unmounts the app frame).
 */
import { useCallback, useEffect, useState } from 'react';
import { useAction } from '../../state/use-action.js';
import { useFormat, useT } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import { Button } from '../../components/controls.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { call, asCallError } from '../../vault.js';
import type { PersonSummary, Role } from '../../../shared/domain/people.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { AddPersonDialog } from './AddPersonDialog.js';
import { LinkPersonDialog } from './LinkPersonDialog.js';
import { useListFormat } from './list-format.js';
import { useRefreshOn } from '../../state/changes.js';
import { labelKey } from '../../i18n/enum-labels.js';

/** A case has tens of people, not thousands: one page holds them all. */
export const CASE_PEOPLE_LIMIT = 1000;

export function useRoleName() {
  const t = useT();
  return (role: Role) => t(labelKey('people.role', role));
}

export function PeopleTab({ caseId }: { caseId: string }) {
  const t = useT();
  const f = useFormat();
  const list = useListFormat();
  const roleName = useRoleName();
  const [people, setPeople] = useState<PersonSummary[] | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [dialog, setDialog] = useState<'add' | 'link' | null>(null);
  const [removing, setRemoving] = useState<{ person: PersonSummary; role: Role } | null>(null);
  const go = useNav((s) => s.go);
  const [notice, setNotice] = useState('');
  const { busy, error: actionError, run } = useAction();

  const load = useCallback(async () => {
    setError(null);
    try {
      const page = await call('people', 'list', { caseId, limit: CASE_PEOPLE_LIMIT });
      setPeople(page.items);
    } catch (e) {
      setError(asCallError(e));
    }
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load]);
  useRefreshOn(['people'], () => void load());

  const linked = async (name: string, role: Role) => {
    setDialog(null);
    setNotice(t('people.added', { name, role: roleName(role) }));
    await load();
  };

  const unlink = async (p: PersonSummary, role: Role) => {
    await run(async () => {
      await call('people', 'unlink', { personId: p.id, caseId, role });
      setRemoving(null);
      setNotice(t('people.unlinked', { name: p.fullName, role: roleName(role) }));
      await load();
    });
  };

  return (
    <section aria-labelledby="people-title" className="tab-section">
      <div className="section-header">
        <h2 id="people-title">{t('people.title')}</h2>
        <p className="count">{people ? t('people.count', { count: people.length }) : ''}</p>
        <div className="section-actions">
          <Button variant="primary" onClick={() => setDialog('add')}>
            {t('people.add')}
          </Button>
          <Button onClick={() => setDialog('link')}>{t('people.linkExisting')}</Button>
        </div>
      </div>
      <p role="status" className="live-notice">
        {notice}
      </p>
      <ErrorNotice error={error} onRetry={() => void load()} />
      {people === null && !error && <Loading />}
      {people && people.length === 0 && <p className="empty">{t('people.none')}</p>}
      {people && people.length > 0 && (
        <div className="table-scroll">
          <table className="data" aria-label={t('people.list.label')} data-testid="people-table" aria-busy={busy}>
            <thead>
              <tr>
                <th scope="col">{t('people.col.name')}</th>
                <th scope="col">{t('people.col.pseudonym')}</th>
                <th scope="col">{t('people.col.roles')}</th>
                <th scope="col">{t('people.col.gender')}</th>
                <th scope="col">{t('people.col.country')}</th>
                <th scope="col">{t('people.col.vulnerabilities')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <td>
                    <button
                      type="button"
                      className="row-link"
                      onClick={() => go({ name: 'person', id: p.id })}
                      title={t('people.openPerson', { name: p.fullName })}
                    >
                      <bdi className="person-name">{p.fullName}</bdi>
                    </button>
                    {p.restricted && (
                      <span className="badge badge-withdrawn person-restricted" title={t('people.restrictedHint')}>
                        {t('people.restricted')}
                      </span>
                    )}
                    {p.aliases.length > 0 && (
                      <span className="aliases">
                        {t('people.aliases')}{' '}
                        {p.aliases.map((a, i) => (
                          <span key={a}>
                            {i > 0 && ', '}
                            <bdi>{a}</bdi>
                          </span>
                        ))}
                      </span>
                    )}
                  </td>
                  <td>{p.pseudonym ? <bdi>{p.pseudonym}</bdi> : t('state.none')}</td>
                  <td>
                    <ul className="plain-list">
                      {p.roles
                        .filter((r) => r.caseId === caseId)
                        .map((r) => (
                          <li key={r.role} className="role-item">
                            <span>{roleName(r.role)}</span>{' '}
                            <Button
                              variant="link"
                              disabled={busy}
                              onClick={() => setRemoving({ person: p, role: r.role })}
                              aria-label={t('people.unlinkLabel', { name: p.fullName, role: roleName(r.role) })}
                            >
                              {t('people.unlink')}
                            </Button>
                          </li>
                        ))}
                    </ul>
                  </td>
                  <td>{p.gender ? t(labelKey('people.gender', p.gender)) : t('state.none')}</td>
                  <td>{p.country ? <bdi>{f.country(p.country)}</bdi> : t('state.none')}</td>
                  <td>
                    {p.vulnerabilities.length
                      ? list(p.vulnerabilities.map((v) => t(labelKey('people.vuln', v))))
                      : t('state.none')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddPersonDialog
        open={dialog === 'add'}
        caseId={caseId}
        onClose={() => setDialog(null)}
        onAdded={(name, role) => void linked(name, role)}
      />
      <Dialog title={t('people.unlinkConfirm.title')} open={removing !== null} onClose={() => setRemoving(null)}>
        {removing && (
          <div className="unlink-confirm" aria-busy={busy}>
            <p>
              <strong>
                {t('people.unlinkConfirm.what', { name: removing.person.fullName, role: roleName(removing.role) })}
              </strong>
            </p>
            <p>{t('people.unlinkConfirm.keeps')}</p>
            <ErrorNotice error={actionError} />
            <div className="form-actions">
              <Button variant="danger" disabled={busy} onClick={() => void unlink(removing.person, removing.role)}>
                {t('people.unlinkConfirm.submit')}
              </Button>
              <Button onClick={() => setRemoving(null)}>{t('action.cancel')}</Button>
            </div>
          </div>
        )}
      </Dialog>
      <LinkPersonDialog
        open={dialog === 'link'}
        caseId={caseId}
        onClose={() => setDialog(null)}
        onLinked={(name, role) => void linked(name, role)}
      />
    </section>
  );
}
