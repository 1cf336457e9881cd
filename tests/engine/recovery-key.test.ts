import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey } from '../../src-main/engine/crypto/recovery-key.js';
import { VaultError } from '../../shared/errors.js';

describe('recovery key', () => {
  it('is 13 groups of 4 characters from an unambiguous alphabet', () => {
    const { text } = generateRecoveryKey();
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('round-trips and forgives case, spaces, O for 0 and I/L for 1', () => {
    for (let i = 0; i < 50; i++) {
      const { raw, text } = generateRecoveryKey();
      expect(Buffer.from(parseRecoveryKey(text)).equals(Buffer.from(raw))).toBe(true);
      const sloppy = text.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
      expect(Buffer.from(parseRecoveryKey(sloppy)).equals(Buffer.from(raw))).toBe(true);
    }
  });

  it('matches fixed vectors (checked by hand: SHA-256 of 30 zero bytes starts 06 79 24 → 0SWJ)', () => {
    expect(formatRecoveryKey(Buffer.alloc(30, 0))).toBe(
      '0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0SWJ',
    );
    const seq = Buffer.from(Array.from({ length: 30 }, (_, i) => i));
    expect(formatRecoveryKey(seq)).toBe('000G-40R4-0M30-E209-185G-R38E-1W81-24GK-2GAH-C5RR-34D1-P70X-Y8CJ');
    expect(
      Buffer.from(parseRecoveryKey('000G-40R4-0M30-E209-185G-R38E-1W81-24GK-2GAH-C5RR-34D1-P70X-Y8CJ')).equals(seq),
    ).toBe(true);
  });

  it('catches a single mistyped character with the checksum', () => {
    const { text } = generateRecoveryKey();
    let caught = 0;
    for (let pos = 0; pos < text.length; pos++) {
      if (text[pos] === '-') continue;
      const replacement = text[pos] === 'A' ? 'B' : 'A';
      const typo = text.slice(0, pos) + replacement + text.slice(pos + 1);
      try {
        parseRecoveryKey(typo);
      } catch (e) {
        expect((e as VaultError).code).toBe('RECOVERY_KEY_MALFORMED');
        caught++;
      }
    }
    // 20 bits of checksum: a random typo slips through with probability 2^-20.
    expect(caught).toBe(52);
  });

  it('refuses wrong lengths and foreign characters with a clear message', () => {
    expect(() => parseRecoveryKey('ABCD-EFGH')).toThrow(/8 characters where 52 are expected/);
    const { text } = generateRecoveryKey();
    expect(() => parseRecoveryKey('U' + text.slice(1))).toThrow(/character "U"/);
  });
});
