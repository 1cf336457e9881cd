/** outcomes.* — outcomes, indicators and evaluations (engine/outcomes) behind the contract's outcomes area. */
import {
  addIndicator,
  addOutcome,
  getEvaluation,
  getIndicator,
  getOutcome,
  listIndicators,
  listOutcomes,
  observeIndicator,
  updateOutcome,
  upsertEvaluation,
} from '../../outcomes/outcome-service.js';
import type { EngineImplementation } from '../dispatch.js';

export const outcomesHandlers: EngineImplementation['outcomes'] = {
  list: (query, { session }) => listOutcomes(session.ctx, query),
  get: ({ id }, { session }) => getOutcome(session.ctx, id),
  add: (input, { session }) => addOutcome(session.ctx, input),
  update: (input, { session }) => updateOutcome(session.ctx, input),
  listIndicators: (query, { session }) => listIndicators(session.ctx, query),
  getIndicator: ({ id }, { session }) => getIndicator(session.ctx, id),
  addIndicator: (input, { session }) => addIndicator(session.ctx, input),
  observeIndicator: (input, { session }) => observeIndicator(session.ctx, input),
  getEvaluation: ({ caseId }, { session }) => getEvaluation(session.ctx, caseId),
  upsertEvaluation: (input, { session }) => upsertEvaluation(session.ctx, input),
};
