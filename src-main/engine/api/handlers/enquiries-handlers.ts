/** enquiries.* — the enquiry service (engine/enquiries) behind the contract's enquiries area. */
import {
  addEnquiry,
  checkEnquiryConflicts,
  decideEnquiry,
  getEnquiry,
  listEnquiries,
} from '../../enquiries/enquiry-service.js';
import type { EngineImplementation } from '../dispatch.js';

export const enquiriesHandlers: EngineImplementation['enquiries'] = {
  list: (query, { session }) => listEnquiries(session.ctx, query),
  get: ({ id }, { session }) => getEnquiry(session.ctx, id),
  add: (input, { session }) => addEnquiry(session.ctx, input),
  checkConflicts: ({ id }, { session }) => checkEnquiryConflicts(session.ctx, id),
  decide: (input, { session }) => decideEnquiry(session.ctx, input),
};
