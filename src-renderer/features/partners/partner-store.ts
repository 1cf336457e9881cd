/**
 * The partner list and, per partner, the state of its agreements (in force, expired, not signed,
 * none). `partners.list` answers partners without their agreements, so the state comes from
 * each partner's `partners.get` — partners are counted in tens, not thousands. Emptied by the lock.
 */
import { create } from 'zustand';
import type { AgreementState, ListPartnersQuery, Partner, PartnerAgreement } from '../../../shared/domain/partners.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { call, asCallError } from '../../vault.js';
import { resetOnLock } from '../../state/lock-reset.js';
import { onChanged } from '../../state/changes.js';

export type AgreementSummary = AgreementState | 'none';

/** The best state among a partner's agreements: one in force wins, then expired, then a draft. */
export function summariseAgreements(agreements: readonly Pick<PartnerAgreement, 'state'>[]): AgreementSummary {
  for (const s of ['active', 'expired', 'not-signed'] as const) if (agreements.some((a) => a.state === s)) return s;
  return 'none';
}

interface PartnersState {
  filters: ListPartnersQuery;
  partners: Partner[] | null;
  agreements: Record<string, AgreementSummary>;
  error: CallError | null;
  generation: number;
  setFilters(f: ListPartnersQuery): void;
  refresh(): Promise<void>;
}

const initial = () => ({ filters: {}, partners: null, agreements: {}, error: null });

export const usePartners = create<PartnersState>((set, get) => ({
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
      const partners = await call('partners', 'list', get().filters);
      if (get().generation !== generation) return;
      set({ partners, error: null });
      const details = await Promise.all(partners.map((p) => call('partners', 'get', { id: p.id })));
      if (get().generation !== generation) return;
      set({ agreements: Object.fromEntries(details.map((d) => [d.id, summariseAgreements(d.agreements)])) });
    } catch (e) {
      if (get().generation === generation) set({ error: asCallError(e) });
    }
  },
}));

resetOnLock(() => usePartners.setState((s) => ({ ...initial(), generation: s.generation + 1 })));

// a partner added, edited or cleared, a key verified, a card or bundle imported: read the list again once it was read
onChanged(['partners'], () => {
  if (usePartners.getState().partners) void usePartners.getState().refresh();
});
