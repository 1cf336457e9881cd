/**
 * Reading a QR code from a picture: a photo or a screenshot of a partner's screen showing their
 * contact card or their safety number. The picture is a file the user chose; it is read with
 * bounds and its size is checked from its header BEFORE it is decoded, so a hostile picture
 * (a tiny file claiming a huge image) cannot make the engine allocate gigabytes.
 *
 * What comes out is the QR code's bytes, and nothing is kept: the picture is never stored.
 * The callers (partner card import, key verification) give those bytes to the same engine
 * paths a `.cvcard` file or a typed safety number takes.
 */
import { open } from 'node:fs/promises';
import jsQRModule from 'jsqr';
import jpeg from 'jpeg-js';
import pngjs from 'pngjs';
import { ScannableFingerprint } from '@signalapp/libsignal-client';
import { VaultError } from '../../../shared/errors.js';

/** A phone photo is a few MB; a screenshot much less. */
export const MAX_PICTURE_BYTES = 20 * 1024 * 1024;
/** 40 megapixels: more than any phone camera in common use. */
export const MAX_PICTURE_PIXELS = 40_000_000;
/** A first pass on a scaled-down copy keeps a large photo quick; the full picture is the fallback. */
const QUICK_PASS_PIXELS = 2_000_000;

// jsqr is a CommonJS bundle whose types declare an ES default export: take whichever is the function
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ??
  jsQRModule) as unknown as typeof jsQRModule.default;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function unreadable(): VaultError {
  return new VaultError('QR_IMAGE_UNREADABLE', 'That file is not a PNG or JPEG picture, or it is damaged.');
}

function tooLarge(): VaultError {
  return new VaultError(
    'QR_IMAGE_TOO_LARGE',
    `That picture is too large to read (at most ${MAX_PICTURE_BYTES / 1024 / 1024} MB and ${MAX_PICTURE_PIXELS / 1_000_000} megapixels).`,
  );
}

/** The file's bytes, refused before reading when larger than MAX_PICTURE_BYTES. */
async function readPictureFile(path: string): Promise<Buffer> {
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
    const { size } = await fh.stat();
    if (size > MAX_PICTURE_BYTES) throw tooLarge();
    // one byte more than the size: a file that grew since is caught below, still bounded
    const buf = Buffer.alloc(size + 1);
    let n = 0;
    while (n < buf.length) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    if (n > MAX_PICTURE_BYTES) throw tooLarge();
    return buf.subarray(0, n);
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

type PictureFormat = 'png' | 'jpeg';

/** Width and height as the header states them (PNG: IHDR; JPEG: the first start-of-frame). */
function pictureHeader(bytes: Buffer): { format: PictureFormat; width: number; height: number } {
  if (bytes.length >= 24 && bytes.subarray(0, 8).equals(PNG_SIGNATURE) && bytes.toString('latin1', 12, 16) === 'IHDR') {
    return { format: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) throw unreadable();
      const marker = bytes[at + 1]!;
      if (marker === 0xff) {
        at += 1; // fill byte
        continue;
      }
      const length = bytes.readUInt16BE(at + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { format: 'jpeg', height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
      }
      if (length < 2) throw unreadable();
      at += 2 + length;
    }
  }
  throw unreadable();
}

interface Rgba {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

function clamped(bytes: Uint8Array): Uint8ClampedArray {
  return new Uint8ClampedArray(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function decodePicture(bytes: Buffer): Rgba {
  const { format, width, height } = pictureHeader(bytes);
  if (width === 0 || height === 0) throw unreadable();
  if (width * height > MAX_PICTURE_PIXELS) throw tooLarge();
  try {
    if (format === 'png') {
      const png = pngjs.PNG.sync.read(bytes);
      return { width: png.width, height: png.height, data: clamped(png.data) };
    }
    const img = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_PICTURE_PIXELS / 1_000_000,
      maxMemoryUsageInMB: 512,
    });
    return { width: img.width, height: img.height, data: clamped(img.data) };
  } catch {
    throw unreadable();
  }
}

/** A copy shrunk by a whole factor (each output pixel is the average of a square of input pixels). */
function shrink(img: Rgba, factor: number): Rgba {
  const width = Math.floor(img.width / factor);
  const height = Math.floor(img.height / factor);
  const data = new Uint8ClampedArray(width * height * 4);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < factor; dy++) {
        let i = ((y * factor + dy) * img.width + x * factor) * 4;
        for (let dx = 0; dx < factor; dx++, i += 4) {
          r += img.data[i]!;
          g += img.data[i + 1]!;
          b += img.data[i + 2]!;
        }
      }
      const o = (y * width + x) * 4;
      data[o] = r / area;
      data[o + 1] = g / area;
      data[o + 2] = b / area;
      data[o + 3] = 255;
    }
  }
  return { data, width, height };
}

function findQr(img: Rgba): Buffer | null {
  const found = jsQR(img.data, img.width, img.height, { inversionAttempts: 'attemptBoth' });
  return found ? Buffer.from(found.binaryData) : null;
}

/** The bytes of the QR code in a PNG or JPEG picture held in memory. */
export function readQrFromPictureBytes(bytes: Buffer): Buffer {
  const img = decodePicture(bytes);
  const pixels = img.width * img.height;
  if (pixels > QUICK_PASS_PIXELS) {
    const quick = findQr(shrink(img, Math.ceil(Math.sqrt(pixels / QUICK_PASS_PIXELS))));
    if (quick) return quick;
  }
  const found = findQr(img);
  if (!found) {
    throw new VaultError(
      'QR_NOT_FOUND',
      'No QR code was found in that picture. Take a sharper, closer picture with the whole code in view.',
    );
  }
  return found;
}

/** The bytes of the QR code in the PNG or JPEG picture at `path`. */
export async function readQrFromPicture(path: string): Promise<Buffer> {
  return readQrFromPictureBytes(await readPictureFile(path));
}

/**
 * The contact card a QR code holds, as the text of a `.cvcard` file, for the card import to
 * check exactly as it checks a file. A QR that is not JSON text (a web address, a safety
 * number) is QR_NOT_A_CARD; JSON that is not a valid card gets the card import's own refusal.
 */
export function cardTextFromQr(qr: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(qr);
  } catch {
    text = '';
  }
  if (!text.trimStart().startsWith('{')) {
    throw new VaultError('QR_NOT_A_CARD', 'The QR code in that picture is not a Case Vault contact card.');
  }
  return text;
}

/** A scannable safety-number code is a short protobuf; anything much longer is something else. */
const MAX_SAFETY_CODE_BYTES = 600;

/**
 * The scannable safety-number code a QR holds, as base64 for the key verification to compare
 * with its own. A QR that does not hold a safety-number code (a card, a web address) is
 * QR_NOT_A_SAFETY_NUMBER; a code for another pair of keys is left to the comparison, which
 * refuses it as a mismatch.
 */
export function safetyCodeFromQr(qr: Buffer): string {
  const notASafetyNumber = new VaultError(
    'QR_NOT_A_SAFETY_NUMBER',
    'The QR code in that picture is not a Case Vault safety number.',
  );
  if (qr.length === 0 || qr.length > MAX_SAFETY_CODE_BYTES) throw notASafetyNumber;
  try {
    // parsing happens on compare; a code compared with itself parses it without matching
    const copy = () => ScannableFingerprint._fromBuffer(new Uint8Array(qr));
    copy().compare(copy());
  } catch {
    throw notASafetyNumber;
  }
  return qr.toString('base64');
}
