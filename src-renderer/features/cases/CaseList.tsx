/**
 * The case list: filters, quick search, and a virtualised table that renders only the rows in
 * view (plus a few), fetching pages as it scrolls. Keyboard: Tab reaches the first visible case;
 * arrow keys, Page Up/Down, Home and End move between cases; Enter opens one.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT, useFormat } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import { useCaseList, PAGE_SIZE, type CaseFilters } from './case-list-store.js';
import { ErrorNotice } from '../../components/feedback.js';
import { Button, SelectField, TextField } from '../../components/controls.js';
import { CASE_STATUSES, CASE_SORTS, type CaseStatus } from '../../../shared/domain/cases.js';
import { NewCaseDialog } from './NewCaseDialog.js';
import { labelKey } from '../../i18n/enum-labels.js';

const ROW_HEIGHT = 44;
const OVERSCAN = 10;
const DUE_OPTIONS = [7, 14, 30, 90];

function dayPlus(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export function CaseList() {
  const t = useT();
  const { filters, total, error, setFilters, refresh } = useCaseList();
  const [text, setText] = useState(filters.text ?? '');
  const [creating, setCreating] = useState(false);

  // First load, and a debounced quick search.
  useEffect(() => {
    if (useCaseList.getState().total === null) refresh();
  }, [refresh]);
  useEffect(() => {
    const current = useCaseList.getState().filters.text ?? '';
    if (text.trim() === current) return;
    const h = setTimeout(() => setFilters({ ...useCaseList.getState().filters, text: text.trim() || undefined }), 250);
    return () => clearTimeout(h);
  }, [text, setFilters]);

  const statusValue = filters.status?.[0] ?? '';
  const [dueDays, setDueDays] = useState('');

  return (
    <section className="screen screen-cases" aria-labelledby="cases-title">
      <header className="screen-header">
        <h1 id="cases-title" tabIndex={-1}>
          {t('cases.title')}
        </h1>
        <p className="count" aria-live="polite">
          {total !== null ? t('cases.count', { count: total }) : ''}
        </p>
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t('cases.new')}
        </Button>
      </header>
      <div role="search" className="filters" aria-label={t('cases.filters')}>
        <TextField
          label={t('cases.quickSearch')}
          hint={t('cases.quickSearchHint')}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <SelectField
          label={t('cases.filter.status')}
          value={statusValue}
          onChange={(e) =>
            setFilters({ ...filters, status: e.target.value ? [e.target.value as CaseStatus] : undefined })
          }
          options={[
            { value: '', label: t('cases.filter.anyStatus') },
            ...CASE_STATUSES.map((s) => ({ value: s, label: t(labelKey('cases.status', s)) })),
          ]}
        />
        <SelectField
          label={t('cases.filter.dueWithin')}
          value={dueDays}
          onChange={(e) => {
            setDueDays(e.target.value);
            setFilters({ ...filters, deadlineDueBy: e.target.value ? dayPlus(Number(e.target.value)) : undefined });
          }}
          options={[
            { value: '', label: t('cases.filter.anyDeadline') },
            ...DUE_OPTIONS.map((d) => ({ value: String(d), label: t('cases.filter.days', { days: d }) })),
          ]}
        />
        <SelectField
          label={t('cases.sort')}
          value={filters.sort ?? 'updated'}
          onChange={(e) => setFilters({ ...filters, sort: e.target.value as CaseFilters['sort'] })}
          options={CASE_SORTS.map((s) => ({ value: s, label: t(labelKey('cases.sort', s)) }))}
        />
      </div>
      <ErrorNotice error={error} onRetry={refresh} />
      <VirtualCaseTable />
      <NewCaseDialog open={creating} onClose={() => setCreating(false)} />
    </section>
  );
}

function VirtualCaseTable() {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  const { total, pages, ensurePages, filters } = useCaseList();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [focusIndex, setFocusIndex] = useState(0);
  const wantFocus = useRef(false);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    setHeight(el.clientHeight);
    return () => ro.disconnect();
  }, []);

  const count = total ?? 0;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  useEffect(() => {
    if (count > 0) ensurePages(Math.floor(first / PAGE_SIZE), Math.floor(Math.max(first, last) / PAGE_SIZE));
  }, [first, last, count, ensurePages]);

  useEffect(() => {
    if (!wantFocus.current) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"] button`);
    if (el) {
      el.focus();
      wantFocus.current = false;
    }
  });

  const moveTo = (i: number) => {
    const idx = Math.max(0, Math.min(count - 1, i));
    setFocusIndex(idx);
    wantFocus.current = true;
    const el = scroller.current;
    if (!el) return;
    const top = idx * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const perPage = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: focusIndex + 1,
      ArrowUp: focusIndex - 1,
      PageDown: focusIndex + perPage,
      PageUp: focusIndex - perPage,
      Home: 0,
      End: count - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]!);
    }
  };

  if (total === 0) {
    const filtered = Boolean(filters.text || filters.status?.length || filters.deadlineDueBy);
    if (filtered) return <p className="empty">{t('cases.none')}</p>;
    return (
      <div className="empty">
        <p>{t('cases.noneYet')}</p>
        <Button onClick={() => go({ name: 'import' })}>{t('import.fromEmptyList')}</Button>
      </div>
    );
  }
  const today = dayPlus(0);

  const rows = [];
  for (let i = first; i <= last; i++) {
    const c = pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE];
    rows.push(
      <div
        role="row"
        key={i}
        data-index={i}
        aria-rowindex={i + 2}
        className="vrow"
        style={{ transform: `translateY(${i * ROW_HEIGHT}px)` }}
      >
        {c ? (
          <>
            <span role="cell" className="col-ref" dir="auto">
              {c.reference}
            </span>
            {/* the cell takes the title's direction, so a long one is cut at its own end */}
            <span role="cell" className="col-title" dir="auto">
              <button
                type="button"
                className="row-link"
                tabIndex={i === focusIndex ? 0 : -1}
                aria-label={t('cases.open', { reference: c.reference }) + ' — ' + c.title}
                onFocus={() => setFocusIndex(i)}
                onClick={() => go({ name: 'case', id: c.id, tab: 'overview' })}
              >
                {c.title}
              </button>
            </span>
            <span role="cell" className="col-status">
              <span className={`badge badge-${c.status}`}>{t(labelKey('cases.status', c.status))}</span>
            </span>
            <span role="cell" className="col-forum">
              {c.forum ? t(labelKey('cases.forum', c.forum)) : ''}
            </span>
            <span role="cell" className="col-country">
              <bdi>{f.country(c.country)}</bdi>
            </span>
            <span role="cell" className="col-deadline">
              {c.nextDeadline && c.nextDeadline < today ? (
                // the column is narrow: the date stays in view, marked; the word is read out
                <span className="badge badge-deadline-overdue" title={t('cases.overdue')}>
                  <span aria-hidden="true">! </span>
                  {f.day(c.nextDeadline)}
                  <span className="visually-hidden"> · {t('cases.overdue')}</span>
                </span>
              ) : (
                f.day(c.nextDeadline)
              )}
            </span>
          </>
        ) : (
          <span role="cell" className="col-loading">
            {t('state.loading')}
          </span>
        )}
      </div>,
    );
  }

  return (
    <div
      role="table"
      aria-label={t('cases.list.label')}
      aria-rowcount={count + 1}
      className="vtable"
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="vhead">
        <div role="row" aria-rowindex={1} className="vrow vrow-head">
          <span role="columnheader" className="col-ref">
            {t('cases.col.reference')}
          </span>
          <span role="columnheader" className="col-title">
            {t('cases.col.title')}
          </span>
          <span role="columnheader" className="col-status">
            {t('cases.col.status')}
          </span>
          <span role="columnheader" className="col-forum">
            {t('cases.col.forum')}
          </span>
          <span role="columnheader" className="col-country">
            {t('cases.col.country')}
          </span>
          <span role="columnheader" className="col-deadline">
            {t('cases.col.nextDeadline')}
          </span>
        </div>
      </div>
      <div
        role="rowgroup"
        className="vbody"
        ref={scroller}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid="case-rows"
      >
        <div className="vspacer" style={{ blockSize: `${count * ROW_HEIGHT}px` }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
