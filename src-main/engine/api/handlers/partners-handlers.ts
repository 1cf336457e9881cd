/**
 * partners.* — the partner service (engine/partners) behind the contract's partners area, and
 * partner keys: card import, safety numbers, verification (engine/partners/partner-keys.ts).
 *
 * `importCard`'s `file` arrives as a path (main swapped the open dialog's handle for it). The
 * card is read with a bound: a file larger than a card can be is refused before it is read.
 * `importCardPicture` and `verifyKeyPicture` read a QR code from a picture (identity/qr-picture.ts)
 * and hand what it holds to the same import and verification.
 */
import { open } from 'node:fs/promises';
import { MAX_CARD_BYTES } from '../../../../shared/domain/identity.js';
import { VaultError } from '../../../../shared/errors.js';
import {
  addAgreement,
  addPartner,
  getPartner,
  listPartners,
  setSharingProfile,
  updateAgreement,
  updatePartner,
} from '../../partners/partner-service.js';
import {
  importContactCard,
  listPartnerKeys,
  partnerSafetyNumber,
  verifyPartnerKey,
} from '../../partners/partner-keys.js';
import { cardTextFromQr, readQrFromPicture, safetyCodeFromQr } from '../../identity/qr-picture.js';
import { partnerClearance } from '../../policy/policy-service.js';
import type { EngineImplementation } from '../dispatch.js';

/** The text of a contact-card file: at most MAX_CARD_BYTES, valid UTF-8. */
export async function readCardFile(path: string): Promise<string> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch {
    throw new VaultError(
      'FILE_UNREADABLE',
      'That file cannot be read. Check that it still exists and that you may read it.',
    );
  }
  try {
    const buf = Buffer.alloc(MAX_CARD_BYTES + 1);
    let n = 0;
    while (n < buf.length) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    if (n > MAX_CARD_BYTES)
      throw new VaultError(
        'CARD_TOO_LARGE',
        `This file is larger than a contact card can be (${MAX_CARD_BYTES} bytes); it is not a card.`,
      );
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, n));
    } catch {
      throw new VaultError('CARD_INVALID', 'This is not a valid Case Vault contact card: it is not UTF-8 text.');
    }
  } catch (e) {
    if (e instanceof VaultError) throw e;
    throw new VaultError(
      'FILE_UNREADABLE',
      'That file cannot be read. Check that it still exists and that you may read it.',
    );
  } finally {
    await fh.close();
  }
}

export const partnersHandlers: EngineImplementation['partners'] = {
  list: (query, { session }) => listPartners(session.ctx, query),
  get: ({ id }, { session }) => getPartner(session.ctx, id),
  add: (input, { session }) => addPartner(session.ctx, input),
  update: (input, { session }) => updatePartner(session.ctx, input),
  addAgreement: (input, { session }) => addAgreement(session.ctx, input),
  updateAgreement: (input, { session }) => updateAgreement(session.ctx, input),
  setSharingProfile: (input, { session }) => setSharingProfile(session.ctx, input),
  clearance: ({ partnerId }, { session }) => partnerClearance(session.ctx, partnerId),
  importCard: async ({ file, partnerId }, { session }) => {
    const card = await readCardFile(file);
    return importContactCard(session.ctx, { card, ...(partnerId !== undefined ? { partnerId } : {}) });
  },
  importCardPicture: async ({ picture, partnerId }, { session }) => {
    const card = cardTextFromQr(await readQrFromPicture(picture));
    return importContactCard(session.ctx, { card, ...(partnerId !== undefined ? { partnerId } : {}) });
  },
  keys: ({ partnerId }, { session }) => listPartnerKeys(session.ctx, partnerId),
  safetyNumber: ({ keyId }, { session }) => partnerSafetyNumber(session.ctx, keyId),
  verifyKey: (input, { session }) => verifyPartnerKey(session.ctx, input),
  verifyKeyPicture: async ({ keyId, picture, verifiedBy }, { session }) => {
    const scanned = safetyCodeFromQr(await readQrFromPicture(picture));
    return verifyPartnerKey(session.ctx, { keyId, scanned, how: 'scanned', verifiedBy });
  },
};
