/**
 * One store per filtered list (the risk register, the partners): the filters, the rows the
 * engine answered for them, what the list shows beside the rows (case labels, agreement states),
 * the last error — read again when the filters change, when asked, and when a change event
 * names the list's kinds of record (once the list was read). A late answer never overwrites a
 * newer one, and the lock empties the list.
 */
import { create } from 'zustand';
import type { ChangeArea } from '../../shared/ipc/events.js';
import type { CallError } from '../../shared/ipc/kit.js';
import { asCallError } from '../vault.js';
import { onChanged } from './changes.js';
import { resetOnLock } from './lock-reset.js';

export interface ListState<Q, Row, Extra> {
  filters: Q;
  /** null until the first answer */
  rows: Row[] | null;
  extra: Extra;
  error: CallError | null;
  generation: number;
  setFilters(filters: Q): void;
  refresh(): Promise<void>;
  /** show a row the engine answered an update with, then read the list again (the engine orders it) */
  replace(row: Row): void;
}

export interface ListSpec<Q, Row, Extra> {
  filters: () => Q;
  extra: () => Extra;
  list: (filters: Q) => Promise<Row[]>;
  /** what the list shows beside the rows, read after them; gets what is known already */
  enrich?: (rows: Row[], known: Extra) => Promise<Extra>;
  /** the kinds of record whose change makes the list read again */
  refreshOn: readonly ChangeArea[];
}

export function createListStore<Q, Row extends { id: string }, Extra>(spec: ListSpec<Q, Row, Extra>) {
  const initial = () => ({ filters: spec.filters(), rows: null, extra: spec.extra(), error: null });
  const store = create<ListState<Q, Row, Extra>>((set, get) => ({
    ...initial(),
    generation: 0,

    setFilters: (filters) => {
      set({ filters });
      void get().refresh();
    },

    refresh: async () => {
      const generation = get().generation + 1;
      set({ generation });
      try {
        const rows = await spec.list(get().filters);
        if (get().generation !== generation) return;
        set({ rows, error: null });
        if (!spec.enrich) return;
        const extra = await spec.enrich(rows, get().extra);
        if (get().generation === generation) set({ extra });
      } catch (e) {
        if (get().generation === generation) set({ error: asCallError(e) });
      }
    },

    replace: (row) => {
      set((s) => ({ rows: s.rows?.map((x) => (x.id === row.id ? row : x)) ?? null }));
      void get().refresh();
    },
  }));
  resetOnLock(() => store.setState((s) => ({ ...initial(), generation: s.generation + 1 })));
  onChanged(spec.refreshOn, () => {
    if (store.getState().rows) void store.getState().refresh();
  });
  return store;
}
