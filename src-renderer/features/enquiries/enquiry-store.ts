/**
 * The enquiries inbox: the enquiries awaiting a decision (all of them first), then the decided
 * ones, newest first, a page at a time. Emptied by the lock.
 */
import { create } from 'zustand';
import type { Enquiry } from '../../../shared/domain/enquiries.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { call, asCallError } from '../../vault.js';
import { resetOnLock } from '../../state/lock-reset.js';
import { onChanged } from '../../state/changes.js';

export const PAGE_SIZE = 100;

interface InboxState {
  loaded: boolean;
  undecided: Enquiry[];
  undecidedTotal: number;
  decided: Enquiry[];
  /** offset of the next page of all enquiries (decided ones are that list without the open ones) */
  nextOffset: number;
  allTotal: number;
  error: CallError | null;
  generation: number;
  refresh(): Promise<void>;
  moreUndecided(): Promise<void>;
  moreDecided(): Promise<void>;
}

const initial = () => ({
  loaded: false,
  undecided: [],
  undecidedTotal: 0,
  decided: [],
  nextOffset: 0,
  allTotal: 0,
  error: null,
});

export const useInbox = create<InboxState>((set, get) => ({
  ...initial(),
  generation: 0,

  refresh: async () => {
    const generation = get().generation + 1;
    set({ generation });
    try {
      const [open, all] = await Promise.all([
        call('enquiries', 'list', { status: 'open', limit: PAGE_SIZE, offset: 0 }),
        call('enquiries', 'list', { limit: PAGE_SIZE, offset: 0 }),
      ]);
      if (get().generation !== generation) return;
      set({
        loaded: true,
        undecided: open.items,
        undecidedTotal: open.total,
        decided: all.items.filter((e) => e.status !== 'open'),
        nextOffset: all.items.length,
        allTotal: all.total,
        error: null,
      });
    } catch (e) {
      if (get().generation === generation) set({ error: asCallError(e) });
    }
  },

  moreUndecided: async () => {
    const { generation, undecided } = get();
    try {
      const page = await call('enquiries', 'list', { status: 'open', limit: PAGE_SIZE, offset: undecided.length });
      if (get().generation !== generation) return;
      set({ undecided: [...undecided, ...page.items], undecidedTotal: page.total, error: null });
    } catch (e) {
      if (get().generation === generation) set({ error: asCallError(e) });
    }
  },

  moreDecided: async () => {
    const { generation, decided, nextOffset } = get();
    try {
      const page = await call('enquiries', 'list', { limit: PAGE_SIZE, offset: nextOffset });
      if (get().generation !== generation) return;
      set({
        decided: [...decided, ...page.items.filter((e) => e.status !== 'open')],
        nextOffset: nextOffset + page.items.length,
        allTotal: page.total,
        error: null,
      });
    } catch (e) {
      if (get().generation === generation) set({ error: asCallError(e) });
    }
  },
}));

resetOnLock(() => useInbox.setState((s) => ({ ...initial(), generation: s.generation + 1 })));

// an enquiry added or decided: read the inbox again once it was read
onChanged(['enquiries'], () => {
  if (useInbox.getState().loaded) void useInbox.getState().refresh();
});
