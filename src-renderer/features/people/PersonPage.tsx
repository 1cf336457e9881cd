/**
 * One person's page (route `person`): everything recorded about them — names, pseudonym, gender,
 * date of birth, country, vulnerabilities, how to reach them and the safety notes, notes — the
 * cases they are in with their roles (each case opens), and their consents at a glance, case by
 * case (the latest version of each, with where it stands). "Edit" changes any of their details.
 * Held in component state (the lock unmounts the app frame).
 */
import { useMemo, useState } from 'react';
import { useFormat, useT } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { call } from '../../vault.js';
import type { Person } from '../../../shared/domain/people.js';
import type { PersonCase } from '../../../shared/domain/person-queries.js';
import type { ConsentWithStatus } from '../../../shared/domain/consents.js';
import { StatusBadge } from '../case-detail/StatusBadge.js';
import { ConsentStateBadge, RecipientLabel, useWhen } from '../consents/consent-parts.js';
import { useListFormat } from './list-format.js';
import { useRoleName } from './PeopleTab.js';
import { EditPersonDialog } from './EditPersonDialog.js';
import './people.css';
import { labelKey } from '../../i18n/enum-labels.js';
import { useLoaded } from '../../state/use-loaded.js';
import { EraseDialog } from '../erasure/EraseDialog.js';

interface Loaded {
  person: Person;
  cases: PersonCase[];
  consents: ConsentWithStatus[];
  /** case id → reference, for every case a consent names (also those the person has left) */
  references: Map<string, string>;
  partners: Map<string, string>;
}

export function PersonPage() {
  const route = useNav((s) => s.route);
  if (route.name !== 'person') return null;
  return <PersonView key={route.id} id={route.id} />;
}

async function loadPerson(id: string): Promise<Loaded> {
  const [person, cases, consents, partners] = await Promise.all([
    call('people', 'get', { id }),
    call('people', 'cases', { id }),
    call('consents', 'list', { personId: id }),
    call('partners', 'list', {}),
  ]);
  const references = new Map(cases.map((c) => [c.caseId, c.reference]));
  // a consent outlives the person's role in its case: name those cases too
  const left = [...new Set(consents.map((c) => c.caseId).filter((cid) => !references.has(cid)))];
  for (const c of await Promise.all(left.map((cid) => call('cases', 'get', { id: cid }))))
    references.set(c.id, c.reference);
  return { person, cases, consents, references, partners: new Map(partners.map((p) => [p.id, p.name])) };
}

function PersonView({ id }: { id: string }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [notice, setNotice] = useState('');
  const go = useNav((s) => s.go);
  const {
    value: data,
    error,
    reload: load,
    setValue: setData,
  } = useLoaded<Loaded>(() => loadPerson(id), [id], ['people', 'cases', 'consents', 'partners']);

  const person = data?.person;
  return (
    <section className="screen screen-person" aria-labelledby="person-title">
      <header className="screen-header person-header">
        <h1 id="person-title" tabIndex={-1}>
          {person ? <bdi>{person.fullName}</bdi> : t('person.heading')}
        </h1>
        {person?.restricted && (
          <span className="badge badge-withdrawn" title={t('people.restrictedHint')}>
            {t('people.restricted')}
          </span>
        )}
        {person && (
          <Button className="push-end" onClick={() => setEditing(true)}>
            {t('action.edit')}
          </Button>
        )}
        {person && (
          <Button variant="danger" onClick={() => setErasing(true)}>
            {t('erasure.person.action')}
          </Button>
        )}
      </header>
      <p role="status" className="live-notice">
        {notice}
      </p>
      <ErrorNotice error={error} onRetry={() => void load()} />
      {!data ? (
        !error && <Loading />
      ) : (
        <>
          <div className="person-columns">
            <PersonAbout person={data.person} />
            <PersonContact person={data.person} />
          </div>
          <PersonCases cases={data.cases} />
          <PersonConsents data={data} />
          <EraseDialog
            kind="person"
            id={data.person.id}
            name={data.person.fullName}
            open={erasing}
            onClose={() => setErasing(false)}
            onErased={() => go({ name: 'home' })}
          />
          <EditPersonDialog
            open={editing}
            person={data.person}
            onClose={() => setEditing(false)}
            onReload={load}
            onSaved={(p) => {
              setEditing(false);
              setData((d) => (d ? { ...d, person: p } : d));
              setNotice(t('person.saved'));
            }}
          />
        </>
      )}
    </section>
  );
}

/** A text the user wrote, or a dash when there is none. */
function UserText({ value, multiline = false }: { value: string | null; multiline?: boolean }) {
  const t = useT();
  if (!value) return <>{t('state.none')}</>;
  return <bdi className={multiline ? 'pre-line' : undefined}>{value}</bdi>;
}

function PersonAbout({ person: p }: { person: Person }) {
  const t = useT();
  const f = useFormat();
  const list = useListFormat();
  return (
    <section className="card" aria-labelledby="person-about">
      <h2 id="person-about">{t('person.about')}</h2>
      <dl className="dl" data-testid="person-about">
        <dt>{t('people.form.fullName')}</dt>
        <dd>
          <UserText value={p.fullName} />
        </dd>
        <dt>{t('people.form.aliases')}</dt>
        <dd>
          {p.aliases.length === 0 ? (
            t('state.none')
          ) : (
            <ul className="plain-list">
              {p.aliases.map((a) => (
                <li key={a}>
                  <bdi>{a}</bdi>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('people.form.pseudonym')}</dt>
        <dd>
          <UserText value={p.pseudonym} />
        </dd>
        <dt>{t('people.form.gender')}</dt>
        <dd>{p.gender ? t(labelKey('people.gender', p.gender)) : t('state.none')}</dd>
        <dt>{t('people.form.birthDate')}</dt>
        <dd>
          {/* kept as recorded: a year or a month is not turned into a made-up day */}
          {p.birthDate ? <bdi dir="ltr">{p.birthDate}</bdi> : t('state.none')}
        </dd>
        <dt>{t('people.form.country')}</dt>
        <dd>{p.country ? <bdi>{f.country(p.country)}</bdi> : t('state.none')}</dd>
        <dt>{t('people.form.vulnerabilities')}</dt>
        <dd>
          {p.vulnerabilities.length
            ? list(p.vulnerabilities.map((v) => t(labelKey('people.vuln', v))))
            : t('state.none')}
        </dd>
        <dt>{t('people.form.notes')}</dt>
        <dd>
          <UserText value={p.notes} multiline />
        </dd>
      </dl>
      <p className="field-hint person-record">
        {t('person.record', { added: f.instant(p.createdAt), changed: f.instant(p.updatedAt), version: p.version })}
      </p>
    </section>
  );
}

function PersonContact({ person: p }: { person: Person }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="person-contact">
      <h2 id="person-contact">{t('person.contactSafety')}</h2>
      <dl className="dl" data-testid="person-contact">
        <dt>{t('people.form.contact')}</dt>
        <dd>
          <UserText value={p.contact} multiline />
        </dd>
        <dt>{t('people.form.safetyNotes')}</dt>
        <dd>
          {p.safetyNotes ? (
            <p className="notice notice-warn person-safety" data-testid="person-safety">
              <bdi className="pre-line">{p.safetyNotes}</bdi>
            </p>
          ) : (
            t('person.noSafetyNotes')
          )}
        </dd>
      </dl>
    </section>
  );
}

function PersonCases({ cases }: { cases: PersonCase[] }) {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  const roleName = useRoleName();
  const list = useListFormat();
  return (
    <section className="card" aria-labelledby="person-cases">
      <h2 id="person-cases">{t('person.cases.title')}</h2>
      {cases.length === 0 ? (
        <p className="empty">{t('person.cases.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" aria-label={t('person.cases.label')} data-testid="person-cases">
            <thead>
              <tr>
                <th scope="col">{t('person.cases.col.case')}</th>
                <th scope="col">{t('person.cases.col.status')}</th>
                <th scope="col">{t('person.cases.col.roles')}</th>
                <th scope="col">{t('person.cases.col.since')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.caseId}>
                  <td>
                    <button
                      type="button"
                      className="row-link"
                      onClick={() => go({ name: 'case', id: c.caseId, tab: 'people' })}
                    >
                      <bdi className="case-ref">{c.reference}</bdi> <bdi>{c.title}</bdi>
                    </button>
                  </td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td>{list(c.roles.map((r) => roleName(r.role)))}</td>
                  <td>{f.instant(c.roles[0]!.addedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function PersonConsents({ data }: { data: Loaded }) {
  const t = useT();
  const when = useWhen();
  const go = useNav((s) => s.go);
  // case by case (in the order of the person's cases, then any case they have left), newest decision first
  const rows = useMemo(() => {
    const order = [...data.references.keys()];
    return [...data.consents].sort(
      (a, b) => order.indexOf(a.caseId) - order.indexOf(b.caseId) || b.givenAt.localeCompare(a.givenAt),
    );
  }, [data]);
  return (
    <section className="card" aria-labelledby="person-consents">
      <h2 id="person-consents">{t('person.consents.title')}</h2>
      <p className="field-hint">{t('person.consents.hint')}</p>
      {rows.length === 0 ? (
        <p className="empty">{t('person.consents.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" aria-label={t('person.consents.label')} data-testid="person-consents">
            <thead>
              <tr>
                <th scope="col">{t('person.consents.col.case')}</th>
                <th scope="col">{t('consents.col.purpose')}</th>
                <th scope="col">{t('consents.col.recipient')}</th>
                <th scope="col">{t('consents.col.state')}</th>
                <th scope="col">{t('consents.col.givenAt')}</th>
                <th scope="col">{t('consents.col.expiresAt')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.seriesId}>
                  <td>
                    <button
                      type="button"
                      className="row-link"
                      onClick={() => go({ name: 'case', id: c.caseId, tab: 'consents' })}
                    >
                      <bdi className="case-ref">{data.references.get(c.caseId) ?? ''}</bdi>
                    </button>
                  </td>
                  <td>{t(labelKey('consents.purpose', c.purpose))}</td>
                  <td>
                    <RecipientLabel recipient={c.recipient} partners={data.partners} />
                  </td>
                  <td>
                    <ConsentStateBadge status={c.status} />
                    {c.received && <span className="cell-detail">{t('consents.received')}</span>}
                    {c.state === 'withdrawn' && c.withdrawnAt && (
                      <span className="cell-detail">{t('consents.withdrawnOn', { date: when(c.withdrawnAt) })}</span>
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
