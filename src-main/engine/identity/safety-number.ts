/**
 * Safety numbers: Signal's fingerprint for a pair of identity keys, as libsignal computes it.
 *
 *   Fingerprint.new(iterations = 5200, version = 2,
 *                   localIdentifier = UTF-8(our vault id),   localKey = our public key,
 *                   remoteIdentifier = UTF-8(their vault id), remoteKey = their public key)
 *
 * Displayable: 60 digits, the two halves (one per side: 30 digits from 5200 iterations of
 * SHA-512 over version ‖ key ‖ identifier) sorted, so both sides see the same number.
 * Scannable: a protobuf holding both halves in "ours, theirs" order; the other side's scan
 * matches ours only when its "ours" is our "theirs" and the other way round
 * (ScannableFingerprint.compare), so comparing a code with itself does NOT match.
 *
 * What it proves, when two people compare it over a channel they trust (a call where they
 * know each other's voices, a meeting): that each vault holds the key the other has on file,
 * so no one replaced a contact card on the way.
 */
import { Fingerprint, PublicKey, ScannableFingerprint } from '@signalapp/libsignal-client';
import { type SafetyNumber } from '../../../shared/domain/identity.js';
import { VaultError } from '../../../shared/errors.js';
import { qrOf } from './contact-card.js';

export const SAFETY_NUMBER_ITERATIONS = 5200;
export const SAFETY_NUMBER_VERSION = 2;
export const SAFETY_NUMBER_DIGITS = 60;

export interface SafetyNumberSide {
  vaultId: string;
  /** 33-byte libsignal public key */
  publicKey: Uint8Array;
}

function plain(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.byteLength);
  out.set(bytes);
  return out;
}

function fingerprintOf(local: SafetyNumberSide, remote: SafetyNumberSide): Fingerprint {
  return Fingerprint.new(
    SAFETY_NUMBER_ITERATIONS,
    SAFETY_NUMBER_VERSION,
    plain(Buffer.from(local.vaultId, 'utf8')),
    PublicKey.deserialize(plain(local.publicKey)),
    plain(Buffer.from(remote.vaultId, 'utf8')),
    PublicKey.deserialize(plain(remote.publicKey)),
  );
}

/** The 60 digits and the scannable form (base64) of (our key, their key). */
export function safetyNumberDigits(
  local: SafetyNumberSide,
  remote: SafetyNumberSide,
): { digits: string; scannable: string } {
  const fp = fingerprintOf(local, remote);
  const digits = fp.displayableFingerprint().toString();
  if (!/^\d{60}$/.test(digits)) throw new VaultError('INTERNAL', 'The safety number came out in an unexpected form.');
  return { digits, scannable: Buffer.from(fp.scannableFingerprint().toBuffer()).toString('base64') };
}

/** The safety number of (our key, their key), with its 12 groups, scannable form and QR code. */
export async function safetyNumber(local: SafetyNumberSide, remote: SafetyNumberSide): Promise<SafetyNumber> {
  const { digits, scannable } = safetyNumberDigits(local, remote);
  const qrSvg = (await qrOf(Buffer.from(scannable, 'base64'), 'svg')) as string;
  return { digits, groups: groupDigits(digits), scannable, qrSvg };
}

/** "123451234512345…" → ["12345", "12345", …] (12 groups of 5, for reading aloud). */
export function groupDigits(digits: string): string[] {
  return digits.match(/\d{5}/g) ?? [];
}

/**
 * A safety number as typed or read out: spaces, tabs and newlines are ignored; what is left
 * must be exactly 60 digits (else INVALID_INPUT).
 */
export function normaliseSafetyNumber(typed: string): string {
  const digits = typed.replace(/[\s]/g, '');
  if (!/^\d+$/.test(digits) || digits.length !== SAFETY_NUMBER_DIGITS) {
    throw new VaultError(
      'INVALID_INPUT',
      `safetyNumber: a safety number is ${SAFETY_NUMBER_DIGITS} digits (spaces and line breaks are ignored); got ${/^\d*$/.test(digits) ? `${digits.length} digits` : 'something other than digits'}.`,
    );
  }
  return digits;
}

/**
 * Whether the code scanned from the other side's screen (base64 of its ScannableFingerprint)
 * matches ours. A code that cannot be read is INVALID_INPUT; a readable code for another pair
 * of keys is simply false.
 */
export function compareScanned(ours: SafetyNumber | string, theirsScannedBase64: string): boolean {
  const oursB64 = typeof ours === 'string' ? ours : ours.scannable;
  const theirs = Buffer.from(theirsScannedBase64.trim(), 'base64');
  if (theirs.length === 0 || theirs.toString('base64') !== theirsScannedBase64.trim()) {
    throw new VaultError(
      'INVALID_INPUT',
      'scanned: the scanned code is not base64 of a Case Vault safety-number code.',
    );
  }
  try {
    return ScannableFingerprint._fromBuffer(plain(Buffer.from(oursB64, 'base64'))).compare(
      ScannableFingerprint._fromBuffer(plain(theirs)),
    );
  } catch (e) {
    // libsignal throws a generic error for both: a version mismatch (the other side runs
    // another fingerprint version) or a parsing error (not a fingerprint at all).
    if (/version/i.test(e instanceof Error ? e.message : '')) {
      throw new VaultError(
        'INVALID_INPUT',
        'scanned: the scanned code is of a different safety-number version; both sides need the same version of Case Vault.',
      );
    }
    throw new VaultError('INVALID_INPUT', 'scanned: the scanned code is not a Case Vault safety-number code.');
  }
}
