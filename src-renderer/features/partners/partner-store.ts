/**
 * The partner list and, per partner, the state of its agreements (in force, expired, not signed,
 * none). `partners.list` answers partners without their agreements, so the state comes from
 * each partner's `partners.get` — partners are counted in tens, not thousands. Emptied by the lock.
 */
import type { AgreementState, ListPartnersQuery, Partner, PartnerAgreement } from '../../../shared/domain/partners.js';
import { call } from '../../vault.js';
import { createListStore } from '../../state/list-store.js';

export type AgreementSummary = AgreementState | 'none';

/** The best state among a partner's agreements: one in force wins, then expired, then a draft. */
export function summariseAgreements(agreements: readonly Pick<PartnerAgreement, 'state'>[]): AgreementSummary {
  for (const s of ['active', 'expired', 'not-signed'] as const) if (agreements.some((a) => a.state === s)) return s;
  return 'none';
}

/**
 * The partner list; a partner added, edited or cleared, a key verified, a card or bundle imported
 * reads it again once it was read.
 */
export const usePartners = createListStore<ListPartnersQuery, Partner, Record<string, AgreementSummary>>({
  filters: () => ({}),
  extra: () => ({}),
  list: (filters) => call('partners', 'list', filters),
  enrich: async (partners) => {
    const details = await Promise.all(partners.map((p) => call('partners', 'get', { id: p.id })));
    return Object.fromEntries(details.map((d) => [d.id, summariseAgreements(d.agreements)]));
  },
  refreshOn: ['partners'],
});
