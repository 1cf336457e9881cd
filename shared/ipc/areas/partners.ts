/**
 * Partners: due diligence, agreements, the sharing profile, and their identity keys:
 * a contact card imported from a file chosen in main's open dialog, the safety number of each
 * key for reading aloud or scanning, and the verification that records who compared, when and how.
 */
import { z } from 'zod';
import { Id, ShortText } from '../../domain/common.js';
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
  /**
   * The same import from a picture (`picture` from files.chooseOpen({kind: 'picture'})): a PNG
   * or JPEG photo or screenshot of the partner's card QR code. The engine reads the code and
   * imports the card it holds exactly as a card file; a picture without a card QR is refused.
   */
  importCardPicture: engineCall(z.strictObject({ picture: FileHandle, partnerId: Id.optional() }), CardImportResult, {
    fileFields: { picture: 'open' },
  }),
  /** every key of the partner, current and replaced, oldest first */
  keys: engineCall(z.strictObject({ partnerId: Id }), z.array(PartnerKey)),
  /** the 60-digit safety number of (our key, this key), its 12 groups, and its scannable form with a QR code (SVG) */
  safetyNumber: engineCall(z.strictObject({ keyId: Id }), SafetyNumber),
  /** mark a key verified after comparing the safety number; a mismatch is SAFETY_NUMBER_MISMATCH and writes nothing */
  verifyKey: engineCall(VerifyPartnerKeyInput, PartnerKey),
  /**
   * Verify a key from a picture of the partner's safety-number QR code (PNG or JPEG, from
   * files.chooseOpen({kind: 'picture'})): the engine reads the code and compares it with its
   * own; a match is recorded with method `scanned`, a mismatch is SAFETY_NUMBER_MISMATCH and
   * writes nothing.
   */
  verifyKeyPicture: engineCall(z.strictObject({ keyId: Id, picture: FileHandle, verifiedBy: ShortText }), PartnerKey, {
    fileFields: { picture: 'open' },
  }),
} as const;
