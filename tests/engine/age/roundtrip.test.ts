import { randomBytes, scryptSync } from 'node:crypto';
import sodium from 'sodium-native';
import { describe, expect, it } from 'vitest';
import { scrypt32 } from '../../../src-main/engine/age/primitives.js';
import {
  CHUNK_BYTES,
  SCRYPT_WRITE_LOG_N,
  ScryptIdentity,
  ScryptRecipient,
  X25519Identity,
  X25519Recipient,
  decryptAge,
  encryptAge,
  isAgeAddressedTo,
  payloadSize,
  readAgeHeader,
} from '../../../src-main/engine/age/index.js';
import { codeOf, collect, piecesOf } from './age-helpers.js';

const SIZES = [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 2 * CHUNK_BYTES, 5 * 1024 * 1024 + 3];
/** Test passphrases use the least work factor we write, to keep the suite fast. */
const FAST = { logN: 10 };

describe('age round trips', () => {
  const alice = X25519Identity.generate();
  for (const size of SIZES) {
    it(`X25519: ${size} bytes, fed in odd pieces, read back in other odd pieces`, async () => {
      const data = randomBytes(size);
      const file = await collect(encryptAge(piecesOf(data, 7919), [alice.recipient()]));
      const header = await readAgeHeader([file]);
      expect(header.stanzas.map((s) => s.type)).toEqual(['X25519']);
      expect(file.length).toBe(header.macInput.length + 1 + 43 + 1 + payloadSize(size));
      const back = await collect(decryptAge(piecesOf(file, 65_521), [alice]));
      expect(back.equals(data)).toBe(true);
    });

    it(`scrypt: ${size} bytes`, async () => {
      const data = randomBytes(size);
      const file = await collect(
        encryptAge(piecesOf(data, 100_003), [new ScryptRecipient('correct horse battery staple', FAST)]),
      );
      const back = await collect(decryptAge([file], [new ScryptIdentity('correct horse battery staple')]));
      expect(back.equals(data)).toBe(true);
    });
  }

  it('writes scrypt at 2^18 by default', async () => {
    const recipient = new ScryptRecipient('a passphrase for the default work factor');
    expect(recipient.logN).toBe(SCRYPT_WRITE_LOG_N);
    const file = await collect(encryptAge([Buffer.from('hello')], [recipient]));
    const [stanza] = (await readAgeHeader([file])).stanzas;
    expect(stanza!.type).toBe('scrypt');
    expect(stanza!.args[1]).toBe('18');
    expect(
      (await collect(decryptAge([file], [new ScryptIdentity('a passphrase for the default work factor')]))).toString(),
    ).toBe('hello');
  });

  it('encrypts to several X25519 recipients at once: each of them can open it, nobody else', async () => {
    const ids = [X25519Identity.generate(), X25519Identity.generate(), X25519Identity.generate()];
    const data = randomBytes(200_000);
    const file = await collect(
      encryptAge(
        [data],
        ids.map((i) => i.recipient()),
      ),
    );
    const header = await readAgeHeader([file]);
    expect(header.stanzas).toHaveLength(3);
    for (const id of ids) {
      expect(await isAgeAddressedTo(header, [id])).toBe(true);
      expect((await collect(decryptAge([file], [id]))).equals(data)).toBe(true);
    }
    const stranger = X25519Identity.generate();
    expect(await isAgeAddressedTo(header, [stranger])).toBe(false);
    expect(await codeOf(collect(decryptAge([file], [stranger])))).toBe('AGE_NO_IDENTITY_MATCHED');
    // Several identities: the one that matches is used, wherever it is in the list.
    expect((await collect(decryptAge([file], [stranger, ids[2]!]))).equals(data)).toBe(true);
  });

  it('tells a passphrase apart from a wrong one, and a key file from a passphrase file', async () => {
    const file = await collect(encryptAge([Buffer.from('secret')], [new ScryptRecipient('right', FAST)]));
    expect(await codeOf(collect(decryptAge([file], [new ScryptIdentity('wrong')])))).toBe('AGE_NO_IDENTITY_MATCHED');
    expect(await codeOf(collect(decryptAge([file], [alice])))).toBe('AGE_NO_IDENTITY_MATCHED');
    expect(await isAgeAddressedTo(await readAgeHeader([file]), [new ScryptIdentity('right')])).toBe(true);
  });

  it('writes and reads the ASCII armor', async () => {
    const data = randomBytes(100_000);
    const armored = await collect(encryptAge([data], [alice.recipient()], { armor: true }));
    const text = armored.toString('latin1');
    expect(text.startsWith('-----BEGIN AGE ENCRYPTED FILE-----\n')).toBe(true);
    expect(text.endsWith('\n-----END AGE ENCRYPTED FILE-----\n')).toBe(true);
    expect(
      text
        .split('\n')
        .slice(1, -3)
        .every((l) => l.length === 64),
    ).toBe(true);
    // auto-detected, and in odd pieces
    expect((await collect(decryptAge(piecesOf(armored, 333), [alice]))).equals(data)).toBe(true);
    // armor: false reads it as binary, which it is not
    expect(await codeOf(collect(decryptAge([armored], [alice], { armor: false })))).toBe('AGE_HEADER_INVALID');
    // armor: true refuses a binary file
    const binary = await collect(encryptAge([data], [alice.recipient()]));
    expect(await codeOf(collect(decryptAge([binary], [alice], { armor: true })))).toBe('AGE_ARMOR_INVALID');
  });

  it('accepts sync iterables and Uint8Arrays, refuses text', async () => {
    const file = await collect(encryptAge([new Uint8Array([1, 2, 3])], [alice.recipient()]));
    expect([...(await collect(decryptAge([new Uint8Array(file)], [alice])))]).toEqual([1, 2, 3]);
    expect(await codeOf(collect(encryptAge(['text' as unknown as Uint8Array], [alice.recipient()])))).toBe(
      'INVALID_INPUT',
    );
  });

  it('refuses what cannot be written', async () => {
    const r = alice.recipient();
    expect(await codeOf(collect(encryptAge([Buffer.from('x')], [])))).toBe('INVALID_INPUT');
    expect(await codeOf(collect(encryptAge([Buffer.from('x')], [r, new ScryptRecipient('pw', FAST)])))).toBe(
      'AGE_SCRYPT_NOT_ALONE',
    );
    expect(
      await codeOf(
        collect(encryptAge([Buffer.from('x')], [new ScryptRecipient('pw', FAST), new ScryptRecipient('pw2', FAST)])),
      ),
    ).toBe('AGE_SCRYPT_NOT_ALONE');
    expect(() => new ScryptRecipient('pw', { logN: 9 })).toThrow(
      expect.objectContaining({ code: 'AGE_SCRYPT_WORK_FACTOR' }),
    );
    expect(() => new ScryptRecipient('pw', { logN: 23 })).toThrow(
      expect.objectContaining({ code: 'AGE_SCRYPT_WORK_FACTOR' }),
    );
    expect(() => new ScryptRecipient('')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(await codeOf(collect(decryptAge([Buffer.from('x')], [])))).toBe('INVALID_INPUT');
  });

  it('caps the scrypt work factor it computes on reading, lower if asked', async () => {
    const file = await collect(encryptAge([Buffer.from('x')], [new ScryptRecipient('pw', { logN: 12 })]));
    expect(await codeOf(collect(decryptAge([file], [new ScryptIdentity('pw', { maxLogN: 11 })])))).toBe(
      'AGE_SCRYPT_WORK_FACTOR',
    );
    expect((await collect(decryptAge([file], [new ScryptIdentity('pw', { maxLogN: 12 })]))).toString()).toBe('x');
    expect(() => new ScryptIdentity('pw', { maxLogN: 23 })).toThrow(
      expect.objectContaining({ code: 'AGE_SCRYPT_WORK_FACTOR' }),
    );
  });

  it('gives every file a fresh file key, nonce and ephemeral share', async () => {
    const a = await collect(encryptAge([Buffer.alloc(1000)], [alice.recipient()]));
    const b = await collect(encryptAge([Buffer.alloc(1000)], [alice.recipient()]));
    const ha = await readAgeHeader([a]);
    const hb = await readAgeHeader([b]);
    expect(ha.stanzas[0]!.args[0]).not.toBe(hb.stanzas[0]!.args[0]);
    expect(
      a
        .subarray(ha.macInput.length + 45, ha.macInput.length + 61)
        .equals(b.subarray(hb.macInput.length + 45, hb.macInput.length + 61)),
    ).toBe(false);
  });

  it('a recipient made from a string works like the identity’s own', async () => {
    const r = X25519Recipient.fromString(alice.recipient().toString());
    const file = await collect(encryptAge([Buffer.from('via string')], [r]));
    expect((await collect(decryptAge([file], [X25519Identity.fromString(alice.toString())]))).toString()).toBe(
      'via string',
    );
  });
});

describe('scrypt parameters', () => {
  it('is RFC 7914 scrypt with N = 2^logN, r = 8, p = 1 (the RFC’s own test vector, N = 2^14)', async () => {
    // RFC 7914 §12: scrypt(P="pleaseletmein", S="SodiumChloride", N=16384, r=8, p=1, dkLen=64);
    // dkLen only truncates the final PBKDF2 output, so the first 32 bytes are ours.
    const key = await scrypt32(Buffer.from('pleaseletmein'), Buffer.from('SodiumChloride'), 14);
    expect(key.toString('hex')).toBe('7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2');
  });

  it('matches node:crypto.scryptSync at the work factors we use', async () => {
    const salt = Buffer.concat([Buffer.from('age-encryption.org/v1/scrypt'), randomBytes(16)]);
    for (const logN of [1, 10, 14]) {
      const ours = await scrypt32(Buffer.from('pw'), salt, logN);
      expect(ours.equals(scryptSync('pw', salt, 32, { N: 2 ** logN, r: 8, p: 1 }))).toBe(true);
    }
  });

  it('cannot come from libsodium: its scrypt takes a 32-byte salt, age’s is 44 bytes', () => {
    // Why primitives.ts uses node:crypto.scrypt (see the comment there).
    const s = sodium as unknown as Record<string, unknown>;
    expect(s.crypto_pwhash_scryptsalsa208sha256_SALTBYTES).toBe(32);
    expect(Buffer.from('age-encryption.org/v1/scrypt').length + 16).toBe(44);
    expect(s.crypto_pwhash_scryptsalsa208sha256_ll).toBeUndefined();
    const pwhash = s.crypto_pwhash_scryptsalsa208sha256 as (
      out: Buffer,
      pw: Buffer,
      salt: Buffer,
      ops: number,
      mem: number,
    ) => void;
    expect(() => pwhash(Buffer.alloc(32), Buffer.from('pw'), Buffer.alloc(44), 2 ** 15, 2 ** 25)).toThrow(/salt/);
  });
});
