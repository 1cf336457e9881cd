/** Partners: due diligence, agreements and the sharing profile. */
import { z } from 'zod';
import { Id } from '../../domain/common.js';
import {
  AddAgreementInput,
  CreatePartnerInput,
  ListPartnersQuery,
  Partner,
  PartnerAgreement,
  PartnerDetail,
  SetSharingProfileInput,
  UpdateAgreementInput,
  UpdatePartnerInput,
} from '../../domain/partners.js';
import { engineCall } from '../kit.js';

export const partnersArea = {
  /** by name */
  list: engineCall(ListPartnersQuery, z.array(Partner)),
  /** the partner with its agreements */
  get: engineCall(z.strictObject({ id: Id }), PartnerDetail),
  add: engineCall(CreatePartnerInput, Partner),
  update: engineCall(UpdatePartnerInput, Partner),
  addAgreement: engineCall(AddAgreementInput, PartnerAgreement),
  /** sign a drafted agreement, extend it, correct it */
  updateAgreement: engineCall(UpdateAgreementInput, PartnerAgreement),
  /** replace the sharing profile (an empty `allow` shares nothing) */
  setSharingProfile: engineCall(SetSharingProfileInput, Partner),
} as const;
