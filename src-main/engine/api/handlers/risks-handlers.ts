/** risks.* — the risk register (engine/risks) behind the contract's risks area. */
import { addRisk, getRisk, listRisks, updateRisk } from '../../risks/risk-service.js';
import type { EngineImplementation } from '../dispatch.js';

export const risksHandlers: EngineImplementation['risks'] = {
  list: (query, { session }) => listRisks(session.ctx, query),
  get: ({ id }, { session }) => getRisk(session.ctx, id),
  add: (input, { session }) => addRisk(session.ctx, input),
  update: (input, { session }) => updateRisk(session.ctx, input),
};
