/**
 * The agenda (agenda.get) for the home screen and the navigation's badges: read once after
 * unlock and again whenever something it counts changes. Emptied by the lock.
 */
import { create } from 'zustand';
import type { Agenda } from '../../../shared/ipc/areas/agenda.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { call, asCallError } from '../../vault.js';
import { resetOnLock } from '../../state/lock-reset.js';
import { onChanged } from '../../state/changes.js';

interface AgendaState {
  agenda: Agenda | null;
  error: CallError | null;
  generation: number;
  load(): Promise<void>;
}

export const useAgenda = create<AgendaState>((set, get) => ({
  agenda: null,
  error: null,
  generation: 0,
  load: async () => {
    const generation = get().generation + 1;
    set({ generation });
    try {
      const agenda = await call('agenda', 'get', {});
      if (get().generation === generation) set({ agenda, error: null });
    } catch (e) {
      if (get().generation === generation) set({ error: asCallError(e) });
    }
  },
}));

onChanged(
  ['cases', 'deadlines', 'consents', 'risks', 'partners', 'enquiries', 'bundles', 'proposals', 'backup'],
  () => {
    if (useAgenda.getState().agenda) void useAgenda.getState().load();
  },
);

resetOnLock(() => useAgenda.setState((s) => ({ agenda: null, error: null, generation: s.generation + 1 })));
