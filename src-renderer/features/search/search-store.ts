/**
 * Global search: one query, run against notes, cases and evidence separately so that each source
 * is its own group with its own "more" (the engine pages each kind by limit/offset and says
 * whether a next page exists). Results hold record text, so the store empties itself on lock.
 */
import { create } from 'zustand';
import { SEARCH_KINDS, type SearchHit, type SearchKind } from '../../../shared/domain/search.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { call, asCallError } from '../../vault.js';
import { resetOnLock } from '../../state/lock-reset.js';

/** hits fetched per source and per "more" */
export const GROUP_PAGE = 10;

export interface SearchGroup {
  items: SearchHit[];
  /** how many records match in all; absent when the engine could not count them cheaply */
  total: number | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  error: CallError | null;
}

export type SearchStatus = 'idle' | 'searching' | 'done' | 'error';

interface SearchState {
  /** the query the results are for (trimmed) */
  query: string;
  status: SearchStatus;
  groups: Record<SearchKind, SearchGroup>;
  error: CallError | null;
  /** bumps on every new query so that late answers for an old one are dropped */
  generation: number;
  /** set by the Ctrl+K shortcut; the search screen moves focus to its field and clears it */
  wantFocus: boolean;
  run(query: string): void;
  more(kind: SearchKind): void;
  clear(): void;
  requestFocus(): void;
  focusHandled(): void;
}

/** A query the engine can run: at least one letter or digit (it refuses the rest as invalid). */
export function isSearchable(query: string): boolean {
  return /[\p{L}\p{N}]/u.test(query);
}

const emptyGroup = (): SearchGroup => ({
  items: [],
  total: undefined,
  hasMore: false,
  loadingMore: false,
  error: null,
});
const emptyGroups = (): Record<SearchKind, SearchGroup> => ({
  note: emptyGroup(),
  case: emptyGroup(),
  evidence: emptyGroup(),
  person: emptyGroup(),
});

export const useSearch = create<SearchState>((set, get) => ({
  query: '',
  status: 'idle',
  groups: emptyGroups(),
  error: null,
  generation: 0,
  wantFocus: false,

  run: (raw) => {
    const query = raw.trim();
    const generation = get().generation + 1;
    if (!isSearchable(query)) {
      set({ query, status: 'idle', groups: emptyGroups(), error: null, generation });
      return;
    }
    set({ query, status: 'searching', error: null, generation });
    Promise.all(
      SEARCH_KINDS.map((kind) => call('search', 'query', { query, kinds: [kind], limit: GROUP_PAGE, offset: 0 })),
    )
      .then((pages) => {
        if (get().generation !== generation) return;
        const groups = emptyGroups();
        SEARCH_KINDS.forEach((kind, i) => {
          const page = pages[i]!;
          groups[kind] = { ...emptyGroup(), items: page.items, total: page.total, hasMore: page.hasMore };
        });
        set({ status: 'done', groups });
      })
      .catch((e: unknown) => {
        if (get().generation !== generation) return;
        set({ status: 'error', groups: emptyGroups(), error: asCallError(e) });
      });
  },

  more: (kind) => {
    const { query, generation, groups } = get();
    const group = groups[kind];
    if (!group.hasMore || group.loadingMore) return;
    const patch = (g: Partial<SearchGroup>) =>
      set((s) => ({ groups: { ...s.groups, [kind]: { ...s.groups[kind], ...g } } }));
    patch({ loadingMore: true, error: null });
    call('search', 'query', { query, kinds: [kind], limit: GROUP_PAGE, offset: group.items.length })
      .then((page) => {
        if (get().generation !== generation) return;
        const before = get().groups[kind];
        // The same record never shows twice, even if the index changed between pages.
        const seen = new Set(before.items.map((h) => h.id));
        patch({
          items: [...before.items, ...page.items.filter((h) => !seen.has(h.id))],
          total: page.total ?? before.total,
          hasMore: page.hasMore,
          loadingMore: false,
        });
      })
      .catch((e: unknown) => {
        if (get().generation !== generation) return;
        patch({ loadingMore: false, error: asCallError(e) });
      });
  },

  clear: () =>
    set((s) => ({ query: '', status: 'idle', groups: emptyGroups(), error: null, generation: s.generation + 1 })),

  requestFocus: () => set({ wantFocus: true }),
  focusHandled: () => set({ wantFocus: false }),
}));

resetOnLock(() =>
  useSearch.setState((s) => ({
    query: '',
    status: 'idle',
    groups: emptyGroups(),
    error: null,
    generation: s.generation + 1,
    wantFocus: false,
  })),
);
