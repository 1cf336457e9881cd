/** partners.* — the partner service (engine/partners) behind the contract's partners area. */
import { addAgreement, addPartner, getPartner, listPartners, setSharingProfile, updateAgreement, updatePartner } from '../../partners/partner-service.js';
import type { EngineImplementation } from '../dispatch.js';

export const partnersHandlers: EngineImplementation['partners'] = {
  list: (query, { session }) => listPartners(session.ctx, query),
  get: ({ id }, { session }) => getPartner(session.ctx, id),
  add: (input, { session }) => addPartner(session.ctx, input),
  update: (input, { session }) => updatePartner(session.ctx, input),
  addAgreement: (input, { session }) => addAgreement(session.ctx, input),
  updateAgreement: (input, { session }) => updateAgreement(session.ctx, input),
  setSharingProfile: (input, { session }) => setSharingProfile(session.ctx, input),
};
