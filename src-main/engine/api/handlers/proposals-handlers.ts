/** proposals.* — additions partners propose to cases they did not create (engine/bundles/proposals.ts). */
import { acceptProposal, getProposal, listProposals, rejectProposal } from '../../bundles/index.js';
import type { EngineImplementation } from '../dispatch.js';

export const proposalsHandlers: EngineImplementation['proposals'] = {
  list: (query, { session }) => listProposals(session.ctx, query),
  get: ({ id }, { session }) => getProposal(session.ctx, id),
  accept: (input, { session }) => acceptProposal(session.ctx, input),
  reject: (input, { session }) => rejectProposal(session.ctx, input),
};
