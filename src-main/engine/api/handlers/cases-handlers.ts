/** cases.* — the case service (engine/cases) behind the contract's cases area. */
import {
  caseHistory,
  closeCase,
  createCase,
  getCase,
  listCases,
  transitionCase,
  updateCase,
} from '../../cases/case-service.js';
import { purgeCase } from '../../erasure/erasure-service.js';
import { retentionReview } from '../../erasure/retention.js';
import type { EngineImplementation } from '../dispatch.js';

export const casesHandlers: EngineImplementation['cases'] = {
  list: (query, { session }) => listCases(session.ctx, query),
  get: ({ id }, { session }) => getCase(session.ctx, id),
  create: (input, { session }) => createCase(session.ctx, input),
  update: (input, { session }) => updateCase(session.ctx, input),
  transition: (input, { session }) => transitionCase(session.ctx, input),
  close: ({ id, reason }, { session }) => closeCase(session.ctx, id, reason),
  history: ({ id }, { session }) => caseHistory(session.ctx, id),
  purge: (input, { session }) => purgeCase(session.ctx, input),
  retentionReview: (_input, { session }) => retentionReview(session.ctx),
};
