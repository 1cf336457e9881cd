/** policy.* — the organisation's partner policy (engine/policy/policy-service.ts). */
import { getPolicy, setPolicy } from '../../policy/policy-service.js';
import { getRetention, setRetention } from '../../erasure/retention.js';
import type { EngineImplementation } from '../dispatch.js';

export const policyHandlers: EngineImplementation['policy'] = {
  show: (_input, { session }) => getPolicy(session.ctx),
  set: (input, { session }) => setPolicy(session.ctx, input),
  retention: (_input, { session }) => getRetention(session.ctx),
  setRetention: (input, { session }) => setRetention(session.ctx, input),
};
