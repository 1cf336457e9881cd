/**
 * The case list's data: the current filters, the total, and pages of rows fetched on demand as
 * the list scrolls (100 rows a page), so that 100 000 cases cost what the screen shows.
 */
import { create } from 'zustand';
import type { CaseSummary, ListCasesQuery } from '../../../shared/domain/cases.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { call, asCallError } from '../../vault.js';
import { resetOnLock } from '../../state/lock-reset.js';

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

  ensurePages: (first, last) => {
    for (let p = first; p <= last; p++) {
      const { pages, loading, generation, filters, total } = get();
      if (pages.has(p) || loading.has(p)) continue;
      if (total !== null && p * PAGE_SIZE >= total) continue;
      loading.add(p);
      call('cases', 'list', { ...filters, limit: PAGE_SIZE, offset: p * PAGE_SIZE })
        .then((page) => {
          if (get().generation !== generation) return;
          const next = new Map(get().pages);
          next.set(p, page.items);
          get().loading.delete(p);
          set({ pages: next, total: page.total, error: null });
        })
        .catch((e: unknown) => {
          if (get().generation !== generation) return;
          get().loading.delete(p);
          set({ error: asCallError(e) });
        });
    }
  },
}));

resetOnLock(() => useCaseList.setState((s) => ({ ...initial(), generation: s.generation + 1 })));
