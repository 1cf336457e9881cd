/**
 * The case list's data: the current filters, the total, and pages of rows fetched on demand as
 * the list scrolls (100 rows a page), so that 100 000 cases cost what the screen shows.
 */
import { create } from 'zustand';
import type { CaseSummary, ListCasesQuery } from '../../../shared/domain/cases.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { call, asCallError } from '../../vault.js';
import { resetOnLock } from '../../state/lock-reset.js';
import { onChanged } from '../../state/changes.js';

export const PAGE_SIZE = 100;

export type CaseFilters = Pick<ListCasesQuery, 'status' | 'text' | 'deadlineDueBy' | 'sort'>;

interface CaseListState {
  filters: CaseFilters;
  total: number | null;
  pages: Map<number, CaseSummary[]>;
  loading: Set<number>;
  error: CallError | null;
  /** bumps on every filter change so that late answers for old filters are dropped */
  generation: number;
  setFilters(f: CaseFilters): void;
  ensurePages(first: number, last: number): void;
  refresh(): void;
  /** read the loaded pages again after a change, showing the old rows until the new ones arrive */
  reload(): void;
}

const initial = () => ({
  filters: { sort: 'updated' as const },
  total: null,
  pages: new Map(),
  loading: new Set<number>(),
  error: null,
});

export const useCaseList = create<CaseListState>((set, get) => ({
  ...initial(),
  generation: 0,

  setFilters: (filters) => {
    set((s) => ({
      filters,
      total: null,
      pages: new Map(),
      loading: new Set(),
      error: null,
      generation: s.generation + 1,
    }));
    get().ensurePages(0, 0);
  },

  refresh: () => get().setFilters(get().filters),

  reload: () => {
    const { pages, total } = get();
    if (total === null && pages.size === 0) return; // nothing shown yet: the first load reads it fresh
    set((s) => ({ loading: new Set<number>(), generation: s.generation + 1 }));
    for (const p of pages.size > 0 ? [...pages.keys()] : [0]) loadPage(p);
  },

  ensurePages: (first, last) => {
    for (let p = first; p <= last; p++) {
      const { pages, loading, total } = get();
      if (pages.has(p) || loading.has(p)) continue;
      if (total !== null && p * PAGE_SIZE >= total) continue;
      loadPage(p);
    }
  },
}));

function loadPage(p: number): void {
  const { loading, generation, filters } = useCaseList.getState();
  loading.add(p);
  call('cases', 'list', { ...filters, limit: PAGE_SIZE, offset: p * PAGE_SIZE })
    .then((page) => {
      const s = useCaseList.getState();
      if (s.generation !== generation) return;
      // pages past a total that shrank would show cases that are no longer in the list
      const next = new Map([...s.pages].filter(([n]) => n * PAGE_SIZE < page.total));
      if (p * PAGE_SIZE < page.total || p === 0) next.set(p, page.items);
      s.loading.delete(p);
      useCaseList.setState({ pages: next, total: page.total, error: null });
    })
    .catch((e: unknown) => {
      const s = useCaseList.getState();
      if (s.generation !== generation) return;
      s.loading.delete(p);
      useCaseList.setState({ error: asCallError(e) });
    });
}

// A case created, edited or closed, a deadline added or met, an import: the list (and each
// row's next deadline) follows at once, whether or not the list is on screen.
onChanged(['cases', 'deadlines'], () => useCaseList.getState().reload());

resetOnLock(() => useCaseList.setState((s) => ({ ...initial(), generation: s.generation + 1 })));
