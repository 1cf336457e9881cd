/**
 * The risk register: the filters, the risks (highest score first, as the engine sorts them)
 * and the reference and title of each case a risk is tied to. Emptied by the lock.
 */
import type { ListRisksQuery, Risk } from '../../../shared/domain/risks.js';
import { call } from '../../vault.js';
import { createListStore } from '../../state/list-store.js';

export interface CaseLabel {
  reference: string;
  title: string;
}

export const useRisks = createListStore<ListRisksQuery, Risk, Record<string, CaseLabel>>({
  filters: () => ({}),
  extra: () => ({}),
  list: (filters) => call('risks', 'list', filters),
  // the cases not labelled yet; a case's label does not change often enough to read it again
  enrich: async (risks, known) => {
    const missing = [...new Set(risks.map((r) => r.caseId).filter((id): id is string => id !== null && !known[id]))];
    const found = await Promise.all(missing.map((id) => call('cases', 'get', { id })));
    return { ...known, ...Object.fromEntries(found.map((c) => [c.id, { reference: c.reference, title: c.title }])) };
  },
  refreshOn: ['risks', 'cases'],
});
