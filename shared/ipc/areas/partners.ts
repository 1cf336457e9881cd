/**
 * Partners: due diligence, agreements, the sharing profile, and their identity keys:
 * a contact card imported from a file chosen in main's open dialog, the safety number of each
 * key for reading aloud or scanning, and the verification that records who compared, when and how.
 */
import { z } from 'zod';
import { Id } from '../../domain/common.js';
import { SafetyNumber } from '../../domain/identity.js';
import {
  AddAgreementInput,
  CardImportResult,
  CreatePartnerInput,
  ListPartnersQuery,
  Partner,
  PartnerAgreement,
  PartnerDetail,
  PartnerKey,
  SetSharingProfileInput,
  UpdateAgreementInput,
  UpdatePartnerInput,
  VerifyPartnerKeyInput,
} from '../../domain/partners.js';
import { PartnerClearance } from '../../domain/policy.js';
import { engineCall } from '../kit.js';
import { FileHandle } from './app.js';

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
  /**
   * the partner gate: whether the organisation's partner policy lets anything be shared with
   * this partner now (due diligence approved, an agreement in force), and if not, every reason
   * with where to fix it — the same answer the bundle plan gives as PARTNER_NOT_CLEARED
   */
  clearance: engineCall(z.strictObject({ partnerId: Id }), PartnerClearance),
  /**
   * Import a contact card (`file` from files.chooseOpen({kind: 'contact-card'})): a new partner,
   * a new key for `partnerId`, a refresh, or a KEY CHANGE (the old key replaced, the new one
   * unverified). Every imported key starts unverified.
   */
  importCard: engineCall(z.strictObject({ file: FileHandle, partnerId: Id.optional() }), CardImportResult, {
    fileFields: { file: 'open' },
  }),
  /** every key of the partner, current and replaced, oldest first */
  keys: engineCall(z.strictObject({ partnerId: Id }), z.array(PartnerKey)),
  /** the 60-digit safety number of (our key, this key), its 12 groups, and its scannable form with a QR code (SVG) */
  safetyNumber: engineCall(z.strictObject({ keyId: Id }), SafetyNumber),
  /** mark a key verified after comparing the safety number; a mismatch is SAFETY_NUMBER_MISMATCH and writes nothing */
  verifyKey: engineCall(VerifyPartnerKeyInput, PartnerKey),
} as const;
