import { IdentityKeyPair } from '@signalapp/libsignal-client';
import { describe, expect, it } from 'vitest';
import { VaultError } from '../../../shared/errors.js';
import { X25519Identity, X25519Recipient, decodeBech32, encodeBech32 } from '../../../src-main/engine/age/index.js';

describe('Bech32: the BIP-173 test vectors', () => {
  // https://github.com/bitcoin/bips/blob/master/bip-0173.mediawiki#test-vectors
  const valid = [
    'A12UEL5L',
    'a12uel5l',
    'an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs',
    'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw',
    '11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j',
    'split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w',
    '?1ezyfcl',
  ];
  const invalid: [string, string][] = [
    ['\x201nwldj5', 'HRP character out of range'],
    ['\x7f1axkwrx', 'HRP character out of range'],
    ['\x801eym55h', 'HRP character out of range'],
    [
      'an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx',
      'overall max length exceeded',
    ],
    ['pzry9x0s0muk', 'No separator character'],
    ['1pzry9x0s0muk', 'Empty HRP'],
    ['x1b4n0q5v', 'Invalid data character'],
    ['li1dgmt3', 'Too short checksum'],
    ['de1lg7wt\xff', 'Invalid character in checksum'],
    ['A1G7SGD8', 'checksum calculated with uppercase form of HRP'],
    ['10a06t8', 'empty HRP'],
    ['1qzzfhee', 'empty HRP'],
  ];

  for (const s of valid) {
    it(`accepts ${JSON.stringify(s)}`, () => {
      const upper = s === s.toUpperCase() && s !== s.toLowerCase();
      const { hrp, bytes } = decodeBech32(s, { limit: 90 });
      expect(hrp).toBe(s.slice(0, s.lastIndexOf('1')));
      expect(encodeBech32(hrp, bytes, { upper })).toBe(s);
      // and a single changed data character breaks the checksum
      const at = s.lastIndexOf('1') + 1;
      const swapped = s[at]!.toLowerCase() === 'q' ? 'p' : 'q';
      expect(() =>
        decodeBech32(s.slice(0, at) + (upper ? swapped.toUpperCase() : swapped) + s.slice(at + 1), { limit: 90 }),
      ).toThrow(/checksum/);
    });
  }

  for (const [s, why] of invalid) {
    it(`rejects ${JSON.stringify(s)} (${why})`, () => {
      expect(() => decodeBech32(s, { limit: 90 })).toThrow(VaultError);
    });
  }

  it('has no length limit unless asked (the age spec drops BIP-173’s 90 characters)', () => {
    const long = encodeBech32('age1pq', new Uint8Array(1216).fill(7));
    expect(long.length).toBeGreaterThan(1900);
    expect(decodeBech32(long).bytes.equals(Buffer.alloc(1216, 7))).toBe(true);
    expect(() => decodeBech32(long, { limit: 90 })).toThrow(/longer than 90/);
  });

  it('round-trips bytes, and rejects mixed case', () => {
    const bytes = Buffer.from('00ff10203040506070809a', 'hex');
    const s = encodeBech32('test', bytes);
    expect(decodeBech32(s)).toEqual({ hrp: 'test', bytes });
    expect(decodeBech32(s.toUpperCase())).toEqual({ hrp: 'TEST', bytes });
    expect(() => decodeBech32(s.slice(0, 6) + s.slice(6).toUpperCase())).toThrow(/mixed case/);
  });
});

describe('age X25519 keys', () => {
  // The examples in the age spec (c2sp.org/age, "The X25519 recipient type").
  const SPEC_IDENTITY = 'AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX';
  const SPEC_RECIPIENT = 'age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj';

  it('derives the spec’s recipient from the spec’s identity, and prints both back', () => {
    const id = X25519Identity.fromString(SPEC_IDENTITY);
    expect(id.recipient().toString()).toBe(SPEC_RECIPIENT);
    expect(id.toString()).toBe(SPEC_IDENTITY);
    expect(X25519Recipient.fromString(SPEC_RECIPIENT).publicKey.equals(id.publicKey)).toBe(true);
    id.dispose();
  });

  it('refuses the wrong HRP, case, checksum or length with AGE_RECIPIENT_INVALID / AGE_IDENTITY_INVALID', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as VaultError).code;
      }
      return null;
    };
    expect(code(() => X25519Recipient.fromString(SPEC_RECIPIENT.toUpperCase()))).toBe('AGE_RECIPIENT_INVALID'); // HRP "AGE"
    expect(code(() => X25519Recipient.fromString(SPEC_RECIPIENT.slice(0, -1) + 'x'))).toBe('AGE_RECIPIENT_INVALID');
    expect(code(() => X25519Recipient.fromString(encodeBech32('age', new Uint8Array(31))))).toBe(
      'AGE_RECIPIENT_INVALID',
    );
    expect(code(() => X25519Recipient.fromString(SPEC_IDENTITY))).toBe('AGE_RECIPIENT_INVALID');
    expect(code(() => X25519Identity.fromString(SPEC_IDENTITY.toLowerCase()))).toBe('AGE_IDENTITY_INVALID');
    expect(code(() => X25519Identity.fromString(SPEC_RECIPIENT))).toBe('AGE_IDENTITY_INVALID');
    expect(code(() => X25519Identity.fromString(SPEC_IDENTITY.replace('Q4EGAEX', 'Q4EGAEQ')))).toBe(
      'AGE_IDENTITY_INVALID',
    );
  });

  it('maps a libsignal identity key pair to an age identity and recipient', () => {
    const pair = IdentityKeyPair.generate();
    const recipient = X25519Recipient.fromLibsignal(pair.publicKey);
    const identity = X25519Identity.fromLibsignal(pair.privateKey);
    expect(recipient.publicKey.equals(Buffer.from(pair.publicKey.getPublicKeyBytes()))).toBe(true);
    // X25519(private scalar, basepoint) is the libsignal public key without its 0x05 byte.
    expect(identity.publicKey.equals(Buffer.from(pair.publicKey.serialize()).subarray(1))).toBe(true);
    expect(identity.recipient().toString()).toBe(recipient.toString());
    expect(recipient.toString()).toMatch(/^age1[02-9ac-hj-np-z]{58}$/);
    expect(identity.toString()).toMatch(/^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/);
    // The raw forms work too.
    expect(X25519Recipient.fromLibsignal(pair.publicKey.serialize()).toString()).toBe(recipient.toString());
    expect(X25519Identity.fromLibsignal(pair.privateKey.serialize()).toString()).toBe(identity.toString());
    identity.dispose();
  });

  it('refuses a libsignal key of the wrong shape', () => {
    const pub = Buffer.from(IdentityKeyPair.generate().publicKey.serialize());
    expect(() => X25519Recipient.fromLibsignal(pub.subarray(1))).toThrow(
      expect.objectContaining({ code: 'AGE_RECIPIENT_INVALID' }),
    );
    expect(() => X25519Recipient.fromLibsignal(Buffer.concat([Buffer.from([0x06]), pub.subarray(1)]))).toThrow(
      expect.objectContaining({ code: 'AGE_RECIPIENT_INVALID' }),
    );
    expect(() => X25519Identity.fromLibsignal(new Uint8Array(33))).toThrow(
      expect.objectContaining({ code: 'AGE_IDENTITY_INVALID' }),
    );
  });

  it('refuses to encrypt to a low-order recipient key', async () => {
    const { encryptAge } = await import('../../../src-main/engine/age/index.js');
    const lowOrder = new X25519Recipient(new Uint8Array(32)); // the identity point
    await expect(async () => {
      for await (const _ of encryptAge([Buffer.from('x')], [lowOrder]));
    }).rejects.toMatchObject({ code: 'AGE_RECIPIENT_INVALID' });
  });
});
