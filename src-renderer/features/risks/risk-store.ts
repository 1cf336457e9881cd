/**
 * The risk register: the filters, the risks (highest score first, as the engine sorts them)
 * and the reference and title of each case a risk is tied to. Emptied by the lock.
 */
import { create } from 'zustand';
import type { ListRisksQuery, Risk } from '../../../shared/domain/risks.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { call, asCallError } from '../../vault.js';
import { resetOnLock } from '../../state/lock-reset.js';

export interface CaseLabel {
  reference: string;
  title: string;
}

interface RisksState {
  filters: ListRisksQuery;
  risks: Risk[] | null;
  cases: Record<string, CaseLabel>;
  error: CallError | null;
  generation: number;
  setFilters(f: ListRisksQuery): void;
  refresh(): Promise<void>;
  /** replace one risk after an update (the list is re-read to keep the engine's order) */
  changed(r: Risk): void;
}

const initial = () => ({ filters: {}, risks: null, cases: {}, error: null });

export const useRisks = create<RisksState>((set, get) => ({
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
      const risks = await call('risks', 'list', get().filters);
      if (get().generation !== generation) return;
      set({ risks, error: null });
      const known = get().cases;
      const missing = [...new Set(risks.map((r) => r.caseId).filter((id): id is string => id !== null && !known[id]))];
      if (missing.length === 0) return;
      const found = await Promise.all(missing.map((id) => call('cases', 'get', { id })));
      if (get().generation !== generation) return;
      set({
        cases: {
          ...get().cases,
          ...Object.fromEntries(found.map((c) => [c.id, { reference: c.reference, title: c.title }])),
        },
      });
    } catch (e) {
      if (get().generation === generation) set({ error: asCallError(e) });
    }
  },

  changed: (r) => {
    set((s) => ({ risks: s.risks?.map((x) => (x.id === r.id ? r : x)) ?? null }));
    void get().refresh();
  },
}));

resetOnLock(() => useRisks.setState((s) => ({ ...initial(), generation: s.generation + 1 })));
