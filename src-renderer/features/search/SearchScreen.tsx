/**
 * Global search: a field (Ctrl+K focuses it from anywhere), results grouped by source — notes,
 * cases, evidence, people — each with highlighted passages and its own "more". The engine cuts each
 * passage into `{text, match}` segments; matches are shown in <mark>, and every piece is a text
 * node (nothing is ever parsed as HTML). A note or a case opens the case on the matching tab; an
 * evidence item or a person opens its own page.
 */
import { Fragment, useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18n.js';
import { useNav, type CaseTab } from '../../state/navigation.js';
import { Button, Field } from '../../components/controls.js';
import { ErrorNotice } from '../../components/feedback.js';
import { SEARCH_KINDS, type SearchHit, type SearchKind, type SnippetSegment } from '../../../shared/domain/search.js';
import { isSearchable, useSearch } from './search-store.js';
import { labelKey } from '../../i18n/enum-labels.js';

const TYPING_DELAY_MS = 300;

const TAB_OF: Record<SearchKind, CaseTab> = { note: 'notes', case: 'overview', evidence: 'evidence', person: 'people' };

export function SearchScreen() {
  const t = useT();
  const route = useNav((s) => s.route);
  const routeQuery = route.name === 'search' ? route.q : undefined;
  const { query, status, groups, error, wantFocus, run } = useSearch();
  const [text, setText] = useState(() => routeQuery ?? useSearch.getState().query);
  const input = useRef<HTMLInputElement>(null);

  // A query handed over by the route (`{name: 'search', q}`) is run at once.
  useEffect(() => {
    if (routeQuery === undefined) return;
    setText(routeQuery);
    if (routeQuery.trim() !== useSearch.getState().query) useSearch.getState().run(routeQuery);
  }, [routeQuery]);

  // Results follow typing, after a short pause.
  useEffect(() => {
    if (text.trim() === useSearch.getState().query) return;
    const h = setTimeout(() => run(text), TYPING_DELAY_MS);
    return () => clearTimeout(h);
  }, [text, run]);

  // Ctrl+K: the frame moves focus to the screen's heading when the screen changes; this runs
  // after it (a task later) so the field ends up with the focus.
  useEffect(() => {
    if (!wantFocus) return;
    const h = setTimeout(() => {
      input.current?.focus();
      input.current?.select();
      useSearch.getState().focusHandled();
    }, 0);
    return () => clearTimeout(h);
  }, [wantFocus]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(text);
  };

  const trimmed = text.trim();
  const fieldError = trimmed !== '' && !isSearchable(trimmed) ? t('search.needsLetters') : null;
  const totals = SEARCH_KINDS.map((k) => groups[k].total);
  const allCounted = totals.every((n) => n !== undefined);
  const anyHit = SEARCH_KINDS.some((k) => groups[k].items.length > 0);

  let statusText = '';
  if (status === 'idle') statusText = t('search.prompt');
  else if (status === 'searching') statusText = t('search.searching');
  else if (status === 'done')
    statusText = !anyHit
      ? t('search.none')
      : allCounted
        ? t('search.summary', { count: totals.reduce<number>((a, n) => a + (n ?? 0), 0) })
        : t('search.summaryMany');

  return (
    <section className="screen screen-search" aria-labelledby="search-title">
      <header className="screen-header">
        <h1 id="search-title" tabIndex={-1}>
          {t('search.title')}
        </h1>
      </header>
      <form
        role="search"
        className="search-form"
        aria-label={t('search.form')}
        onSubmit={submit}
        aria-busy={status === 'searching'}
      >
        <Field label={t('search.field')} hint={t('search.hint')} error={fieldError}>
          {({ id, describedBy, invalid }) => (
            <input
              ref={input}
              id={id}
              type="search"
              className="search-input"
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              aria-keyshortcuts="Control+K Meta+K"
              autoComplete="off"
              spellCheck={false}
              maxLength={500}
              dir="auto"
            />
          )}
        </Field>
        <Button variant="primary" type="submit" disabled={status === 'searching' || !isSearchable(trimmed)}>
          {t('search.submit')}
        </Button>
      </form>
      <p className="search-status" role="status">
        {statusText}
      </p>
      <ErrorNotice error={status === 'error' ? error : null} onRetry={() => run(query)} />
      {/* while a new query runs, the previous results stay (no flicker at every pause in typing) */}
      {(status === 'done' || status === 'searching') && anyHit && (
        <div className="search-results" aria-busy={status === 'searching'}>
          {SEARCH_KINDS.map((kind) => (
            <ResultGroup key={kind} kind={kind} />
          ))}
        </div>
      )}
    </section>
  );
}

function ResultGroup({ kind }: { kind: SearchKind }) {
  const t = useT();
  const group = useSearch((s) => s.groups[kind]);
  const more = useSearch((s) => s.more);
  const headingId = `search-group-${kind}`;
  return (
    <section className="search-group" aria-labelledby={headingId} data-kind={kind}>
      <h2 id={headingId}>
        {t(labelKey('search.group', kind))}{' '}
        <span className="search-group-count">
          {group.total !== undefined ? t('search.group.count', { count: group.total }) : t('search.group.many')}
        </span>
      </h2>
      {group.items.length === 0 ? (
        <p className="empty">{t('search.group.none')}</p>
      ) : (
        <ul className="search-hits">
          {group.items.map((hit) => (
            <Hit key={hit.id} hit={hit} />
          ))}
        </ul>
      )}
      <ErrorNotice error={group.error} onRetry={() => more(kind)} />
      {group.hasMore && (
        <Button onClick={() => more(kind)} disabled={group.loadingMore} aria-busy={group.loadingMore}>
          {t(labelKey('search.more', kind))}
        </Button>
      )}
    </section>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  const t = useT();
  const go = useNav((s) => s.go);
  const open = () =>
    go(
      hit.kind === 'evidence'
        ? { name: 'evidence', id: hit.id }
        : { name: 'case', id: hit.caseId, tab: TAB_OF[hit.kind] },
    );
  if (hit.kind === 'person') {
    return (
      <li className="search-hit">
        <button type="button" className="row-link search-hit-open" onClick={() => go({ name: 'person', id: hit.id })}>
          <bdi>{hit.title ?? ''}</bdi>
        </button>
        <p className="search-hit-case">
          {hit.caseId !== ''
            ? t('search.hit.personCase', { reference: hit.caseReference, title: hit.caseTitle })
            : t('search.hit.personNoCase')}
        </p>
        <Snippet segments={hit.snippet} />
      </li>
    );
  }
  return (
    <li className="search-hit">
      <button type="button" className="row-link search-hit-open" onClick={open}>
        {hit.kind === 'note' && t('search.hit.note', { reference: hit.caseReference })}
        {hit.kind === 'case' && (
          <>
            <bdi className="code">{hit.caseReference}</bdi> <bdi>{hit.caseTitle}</bdi>
          </>
        )}
        {hit.kind === 'evidence' && <bdi>{hit.title ?? hit.caseTitle}</bdi>}
      </button>
      {hit.kind !== 'case' && (
        <p className="search-hit-case">
          {hit.kind === 'note' ? (
            <bdi>{hit.caseTitle}</bdi>
          ) : (
            t('search.hit.inCase', { reference: hit.caseReference, title: hit.caseTitle })
          )}
        </p>
      )}
      <Snippet segments={hit.snippet} />
    </li>
  );
}

/** The passage as text nodes, with the query's words in <mark>. */
export function Snippet({ segments }: { segments: SnippetSegment[] }) {
  return (
    <p className="snippet" dir="auto">
      {segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}
    </p>
  );
}
