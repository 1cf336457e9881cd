/** Enquiries: the inbox, intake (the conflict check runs at once), a fresh check, and the decision. */
import { z } from 'zod';
import { Id } from '../../domain/common.js';
import {
  CreateEnquiryInput,
  DecideEnquiryInput,
  Enquiry,
  EnquiryList,
  ListEnquiriesQuery,
} from '../../domain/enquiries.js';
import { engineCall } from '../kit.js';

const ById = z.strictObject({ id: Id });

export const enquiriesArea = {
  /** newest first */
  list: engineCall(ListEnquiriesQuery, EnquiryList),
  get: engineCall(ById, Enquiry),
  /** the answer carries the conflict check's matches (`conflicts`) */
  add: engineCall(CreateEnquiryInput, Enquiry),
  /** run the conflict check again (people may have been added since) */
  checkConflicts: engineCall(ById, Enquiry),
  /** accept (opens a case), refer or decline; once. CONFLICT_CHECK_UNRESOLVED until matches are acknowledged */
  decide: engineCall(DecideEnquiryInput, Enquiry),
} as const;
