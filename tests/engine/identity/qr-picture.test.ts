// Reading a partner's contact card or safety number from a picture of its QR code: real cards
// and safety numbers of two real vaults, drawn by the `qrcode` package, photographed as PNG or
// JPEG, scaled and rotated; and the pictures that must be refused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import pngjs from 'pngjs';
import QRCode from 'qrcode';
import { all, sql } from '../../../src-main/engine/db/sql.js';
import { cardFileText, contactCardOf } from '../../../src-main/engine/identity/contact-card.js';
import { updateIdentity } from '../../../src-main/engine/identity/identity-service.js';
import { MAX_PICTURE_BYTES, readQrFromPicture } from '../../../src-main/engine/identity/qr-picture.js';
import { partnersHandlers } from '../../../src-main/engine/api/handlers/partners-handlers.js';
import type { CallContext } from '../../../src-main/engine/api/call-context.js';
import {
  importContactCard,
  listPartnerKeys,
  partnerSafetyNumber,
} from '../../../src-main/engine/partners/partner-keys.js';
import { codeOf, tempDir } from '../../helpers.js';
import { newDomain, type TestDomain } from '../domain-helpers.js';

interface Rgba {
  data: Buffer;
  width: number;
  height: number;
}

/** A QR code of `data` as the app draws it (byte mode, error correction M), as RGBA pixels. */
async function qrPixels(data: Buffer | string): Promise<Rgba> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const png = await QRCode.toBuffer([{ data: bytes, mode: 'byte' }], { type: 'png', errorCorrectionLevel: 'M' });
  return pngjs.PNG.sync.read(png);
}

function pngOf(img: Rgba): Buffer {
  const png = new pngjs.PNG({ width: img.width, height: img.height });
  img.data.copy(png.data);
  return pngjs.PNG.sync.write(png);
}

/** Each pixel `factor` times larger, turned a quarter turn clockwise: a photo held sideways. */
function scaledAndTurned(img: Rgba, factor: number): Rgba {
  const width = img.height * factor;
  const height = img.width * factor;
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = Math.floor(y / factor);
      const sy = img.height - 1 - Math.floor(x / factor);
      img.data.copy(data, (y * width + x) * 4, (sy * img.width + sx) * 4, (sy * img.width + sx) * 4 + 4);
    }
  }
  return { data, width, height };
}

function file(bytes: Buffer, name: string): string {
  const p = path.join(tempDir('cv-qr-'), name);
  fs.writeFileSync(p, bytes);
  return p;
}

const call = (d: TestDomain) => ({ session: { ctx: d.ctx } }) as unknown as CallContext;
/** The engine's handlers, as the IPC calls them (with the picture's path main resolved). */
const importCardPicture = async (d: TestDomain, picture: string) =>
  partnersHandlers.importCardPicture({ picture }, call(d));
const verifyKeyPicture = async (d: TestDomain, keyId: string, picture: string) =>
  partnersHandlers.verifyKeyPicture({ keyId, picture, verifiedBy: 'Amina' }, call(d));

async function twoVaults() {
  const us = await newDomain();
  const them = await newDomain();
  updateIdentity(them.ctx, { name: 'Grace Mwangi', organisation: 'Haki Centre' });
  return { us, them, theirCardText: cardFileText(contactCardOf(them.ctx)) };
}

const partnerRows = (d: TestDomain) => ({
  partners: all(d.ctx.db, sql`SELECT * FROM partners ORDER BY id`),
  keys: all(d.ctx.db, sql`SELECT * FROM partner_keys ORDER BY id`),
  audit: d.auditCount(),
});

describe('a contact card read from a picture', () => {
  it('imports the card a PNG screenshot holds, unverified, as the card file would', async () => {
    const { us, them, theirCardText } = await twoVaults();
    const qr = await qrPixels(JSON.stringify(contactCardOf(them.ctx)));
    const r = await importCardPicture(us, file(pngOf(qr), 'card.png'));
    expect(r.change).toBe('new-partner');
    expect(r.partner.name).toBe('Haki Centre');
    expect(r.key.status).toBe('unverified');
    expect(r.key.vaultId).toBe(contactCardOf(them.ctx).vaultId);
    // the same card as a file is now simply known
    expect(importContactCard(us.ctx, { card: theirCardText }).change).toBe('unchanged');
  });

  it('reads a JPEG photo, and a picture enlarged and turned a quarter turn', async () => {
    const { us, them } = await twoVaults();
    const cardJson = JSON.stringify(contactCardOf(them.ctx));
    const qr = await qrPixels(cardJson);
    const photo = jpeg.encode({ data: qr.data, width: qr.width, height: qr.height }, 80).data;
    const r = await importCardPicture(us, file(photo, 'card.jpg'));
    expect(r.key.publicKey).toBe(contactCardOf(them.ctx).publicKey);
    const turned = pngOf(scaledAndTurned(qr, 7));
    expect((await readQrFromPicture(file(turned, 'turned.png'))).toString('utf8')).toBe(cardJson);
  });

  it('refuses a card whose signature was altered, with the card import refusal, and writes nothing', async () => {
    const { us, them } = await twoVaults();
    const forged = { ...contactCardOf(them.ctx), name: 'Someone Else' };
    const before = partnerRows(us);
    const picture = file(pngOf(await qrPixels(JSON.stringify(forged))), 'forged.png');
    expect(await codeOf(importCardPicture(us, picture))).toBe('CARD_SIGNATURE_INVALID');
    expect(partnerRows(us)).toEqual(before);
  });

  it('refuses pictures without a card QR: a web address, no code at all, a text file named .png', async () => {
    const { us } = await twoVaults();
    const before = partnerRows(us);
    const importFrom = (bytes: Buffer, name: string) => codeOf(importCardPicture(us, file(bytes, name)));
    expect(await importFrom(pngOf(await qrPixels('https://example.org/card')), 'url.png')).toBe('QR_NOT_A_CARD');
    const blank = { width: 300, height: 200, data: Buffer.alloc(300 * 200 * 4, 0xff) };
    expect(await importFrom(pngOf(blank), 'blank.png')).toBe('QR_NOT_FOUND');
    expect(await importFrom(jpeg.encode(blank, 90).data, 'blank.jpg')).toBe('QR_NOT_FOUND');
    expect(await importFrom(Buffer.from('not a picture at all\n'), 'notes.png')).toBe('QR_IMAGE_UNREADABLE');
    const damaged = pngOf(await qrPixels('x'));
    damaged[damaged.length - 20]! ^= 0xff; // inside the last image data chunk: its checksum no longer holds
    expect(await importFrom(damaged, 'damaged.png')).toBe('QR_IMAGE_UNREADABLE');
    expect(partnerRows(us)).toEqual(before);
  });

  it('refuses an image whose header claims more than 40 megapixels before decoding it, and a file over 20 MB', async () => {
    const { us } = await twoVaults();
    const header = pngOf({ width: 1, height: 1, data: Buffer.alloc(4) });
    header.writeUInt32BE(10_000, 16);
    header.writeUInt32BE(10_000, 20);
    expect(await codeOf(importCardPicture(us, file(header, 'huge.png')))).toBe('QR_IMAGE_TOO_LARGE');
    const big = path.join(tempDir('cv-qr-'), 'big.jpg');
    fs.writeFileSync(big, Buffer.from([0xff, 0xd8, 0xff]));
    fs.truncateSync(big, MAX_PICTURE_BYTES + 1);
    expect(await codeOf(readQrFromPicture(big))).toBe('QR_IMAGE_TOO_LARGE');
  });
});

describe('a safety number read from a picture', () => {
  /** Each vault holds the other's key; `them` shows the safety number of (them, us) on screen. */
  async function introduced() {
    const { us, them } = await twoVaults();
    const theirKey = importContactCard(us.ctx, { card: cardFileText(contactCardOf(them.ctx)) }).key;
    const ourKeyAtThem = importContactCard(them.ctx, { card: cardFileText(contactCardOf(us.ctx)) }).key;
    const theirScreen = partnerSafetyNumber(them.ctx, ourKeyAtThem.id);
    return { us, theirKey, theirScreen };
  }

  it('verifies the key, as scanned, when the picture of the partner screen matches', async () => {
    const { us, theirKey, theirScreen } = await introduced();
    const qr = await qrPixels(Buffer.from((await theirScreen).scannable, 'base64'));
    const photo = jpeg.encode(scaledAndTurned(qr, 3), 85).data;
    const k = await verifyKeyPicture(us, theirKey.id, file(photo, 'number.jpg'));
    expect(k.status).toBe('verified');
    expect(k.verifiedHow).toBe('scanned');
    expect(k.verifiedBy).toBe('Amina');
  });

  it('records nothing on a mismatch (a picture of our own screen) or a QR of another kind', async () => {
    const { us, theirKey } = await introduced();
    const before = partnerRows(us);
    const verifyFrom = async (qrData: Buffer | string) =>
      codeOf(verifyKeyPicture(us, theirKey.id, file(pngOf(await qrPixels(qrData)), 'n.png')));
    const ourScreen = await partnerSafetyNumber(us.ctx, theirKey.id);
    expect(await verifyFrom(Buffer.from(ourScreen.scannable, 'base64'))).toBe('SAFETY_NUMBER_MISMATCH');
    expect(await verifyFrom(cardFileText(contactCardOf(us.ctx)))).toBe('QR_NOT_A_SAFETY_NUMBER');
    expect(await verifyFrom('https://example.org/')).toBe('QR_NOT_A_SAFETY_NUMBER');
    expect(await verifyFrom(ourScreen.digits)).toBe('QR_NOT_A_SAFETY_NUMBER');
    expect(partnerRows(us)).toEqual(before);
    expect(listPartnerKeys(us.ctx, theirKey.partnerId)[0]!.status).toBe('unverified');
  });
});
