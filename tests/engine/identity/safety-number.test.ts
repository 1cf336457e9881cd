// Safety numbers: libsignal Fingerprint v2, 5200 iterations, vault ids as identifiers.
import { describe, expect, it } from 'vitest';
import { Fingerprint, PrivateKey, PublicKey } from '@signalapp/libsignal-client';
import {
  compareScanned,
  groupDigits,
  normaliseSafetyNumber,
  safetyNumber,
  safetyNumberDigits,
} from '../../../src-main/engine/identity/safety-number.js';
import { codeOfSync } from '../domain-helpers.js';

const A = {
  vaultId: '01937a4e-0000-7000-8000-00000000000a',
  publicKey: PrivateKey.generate().getPublicKey().serialize(),
};
const B = {
  vaultId: '01937a4e-0000-7000-8000-00000000000b',
  publicKey: PrivateKey.generate().getPublicKey().serialize(),
};

describe('safety numbers', () => {
  it('are the same 60 digits from both sides, in 12 groups of 5, with a QR code', async () => {
    const ab = await safetyNumber(A, B);
    const ba = await safetyNumber(B, A);
    expect(ab.digits).toMatch(/^\d{60}$/);
    expect(ba.digits).toBe(ab.digits);
    expect(ab.groups).toHaveLength(12);
    expect(ab.groups.join('')).toBe(ab.digits);
    expect(ab.groups.every((g) => /^\d{5}$/.test(g))).toBe(true);
    expect(ab.qrSvg).toMatch(/^<svg /);
    // the scannable forms differ (each holds "ours, theirs") but match each other
    expect(ab.scannable).not.toBe(ba.scannable);
    expect(compareScanned(ab, ba.scannable)).toBe(true);
    expect(compareScanned(ba, ab.scannable)).toBe(true);
    // our own code shown back to us is not a match
    expect(compareScanned(ab, ab.scannable)).toBe(false);
  });

  it('are exactly libsignal Fingerprint.new(5200, 2, UTF-8 vault ids, keys)', () => {
    const fp = Fingerprint.new(
      5200,
      2,
      new TextEncoder().encode(A.vaultId),
      PublicKey.deserialize(A.publicKey),
      new TextEncoder().encode(B.vaultId),
      PublicKey.deserialize(B.publicKey),
    );
    expect(safetyNumberDigits(A, B)).toEqual({
      digits: fp.displayableFingerprint().toString(),
      scannable: Buffer.from(fp.scannableFingerprint().toBuffer()).toString('base64'),
    });
  });

  it('change with a different key or a different vault id', () => {
    const base = safetyNumberDigits(A, B).digits;
    const C = { ...B, publicKey: PrivateKey.generate().getPublicKey().serialize() };
    expect(safetyNumberDigits(A, C).digits).not.toBe(base);
    expect(safetyNumberDigits(A, { ...B, vaultId: '01937a4e-0000-7000-8000-00000000000c' }).digits).not.toBe(base);
    const ac = safetyNumberDigits(A, C);
    expect(compareScanned(safetyNumberDigits(C, A).scannable, safetyNumberDigits(B, A).scannable)).toBe(false);
    expect(compareScanned(ac.scannable, safetyNumberDigits(B, A).scannable)).toBe(false);
  });

  it('typed digits: spaces and line breaks ignored, exactly 60 digits required', () => {
    const d = safetyNumberDigits(A, B).digits;
    expect(normaliseSafetyNumber(groupDigits(d).join(' '))).toBe(d);
    expect(normaliseSafetyNumber(`  ${d.slice(0, 20)}\n${d.slice(20, 40)}\t${d.slice(40)}\n`)).toBe(d);
    expect(codeOfSync(() => normaliseSafetyNumber(d.slice(1)))).toBe('INVALID_INPUT');
    expect(codeOfSync(() => normaliseSafetyNumber(d + '1'))).toBe('INVALID_INPUT');
    expect(codeOfSync(() => normaliseSafetyNumber(d.slice(1) + 'O'))).toBe('INVALID_INPUT');
    expect(codeOfSync(() => normaliseSafetyNumber(d.slice(0, 30) + '-' + d.slice(30)))).toBe('INVALID_INPUT');
    expect(codeOfSync(() => normaliseSafetyNumber(''))).toBe('INVALID_INPUT');
  });

  it('a scanned code that is not one: INVALID_INPUT', () => {
    const ab = safetyNumberDigits(A, B);
    expect(codeOfSync(() => compareScanned(ab.scannable, 'not base64!'))).toBe('INVALID_INPUT');
    expect(codeOfSync(() => compareScanned(ab.scannable, ''))).toBe('INVALID_INPUT');
    expect(codeOfSync(() => compareScanned(ab.scannable, Buffer.from('hello world').toString('base64')))).toBe(
      'INVALID_INPUT',
    );
    const v1 = Fingerprint.new(
      5200,
      1,
      new TextEncoder().encode(B.vaultId),
      PublicKey.deserialize(B.publicKey),
      new TextEncoder().encode(A.vaultId),
      PublicKey.deserialize(A.publicKey),
    );
    expect(
      codeOfSync(() =>
        compareScanned(ab.scannable, Buffer.from(v1.scannableFingerprint().toBuffer()).toString('base64')),
      ),
    ).toBe('INVALID_INPUT');
  });
});
