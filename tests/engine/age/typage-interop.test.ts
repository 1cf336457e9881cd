// Interoperability with typage (npm age-encryption), a second, independent implementation of
// age with the hybrid post-quantum recipient type: files we write open with it, files it writes
// open with ours — hybrid (mlkem768x25519) and classical X25519. Debian's age CLI (1.1.1,
// interop.test.ts) predates the hybrid type, so typage is the other side for it.
import * as typage from 'age-encryption';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  HybridIdentity,
  HybridRecipient,
  X25519Identity,
  X25519Recipient,
  decryptAge,
  encryptAge,
  readAgeHeader,
} from '../../../src-main/engine/age/index.js';
import { collect, drain, piecesOf } from './age-helpers.js';
import { sha3FromNode, sha3_256, shake256 } from '../../../src-main/engine/age/sha3.js';

const SIZES = [0, 1, 64 * 1024 + 1, 300_000];

async function typageEncrypt(data: Uint8Array, recipients: string[]): Promise<Buffer> {
  const e = new typage.Encrypter();
  for (const r of recipients) e.addRecipient(r);
  return Buffer.from(await e.encrypt(data));
}

async function typageDecrypt(file: Uint8Array, identities: string[]): Promise<Buffer> {
  const d = new typage.Decrypter();
  for (const i of identities) d.addIdentity(i);
  return Buffer.from(await d.decrypt(file));
}

describe('interop with typage (age-encryption)', () => {
  for (const size of SIZES) {
    it(`typage opens what we write to a hybrid recipient: ${size} bytes`, async () => {
      const me = HybridIdentity.generate();
      const data = randomBytes(size);
      const file = await collect(encryptAge(piecesOf(data, 50_000), [me.recipient()]));
      const header = await readAgeHeader([file]);
      expect(header.stanzas.map((s) => s.type)).toEqual(['mlkem768x25519']);
      expect((await typageDecrypt(file, [me.toString()])).equals(data)).toBe(true);
      me.dispose();
    });

    it(`we open what typage writes to a hybrid recipient: ${size} bytes`, async () => {
      const secret = await typage.generateHybridIdentity();
      const recipient = await typage.identityToRecipient(secret);
      const me = HybridIdentity.fromString(secret);
      // the same key on both sides: the seed expands to the same public key
      expect(me.recipient().toString()).toBe(recipient);
      const data = randomBytes(size);
      const file = await typageEncrypt(data, [recipient]);
      expect((await collect(decryptAge(piecesOf(file, 4093), [me]))).equals(data)).toBe(true);
      me.dispose();
    });
  }

  it('several hybrid recipients, both ways: any one key opens the file', async () => {
    const ours = [HybridIdentity.generate(), HybridIdentity.generate()];
    const theirs = await typage.generateHybridIdentity();
    const data = randomBytes(10_000);
    const recipients = [
      ...ours.map((i) => i.recipient()),
      HybridRecipient.fromString(await typage.identityToRecipient(theirs)),
    ];
    const file = await collect(encryptAge(piecesOf(data, 999), recipients));
    expect((await typageDecrypt(file, [theirs])).equals(data)).toBe(true);
    for (const id of ours) expect((await collect(decryptAge([file], [id]))).equals(data)).toBe(true);

    const back = await typageEncrypt(
      data,
      recipients.map((r) => r.toString()),
    );
    for (const id of ours) expect((await collect(decryptAge([back], [id]))).equals(data)).toBe(true);
  });

  it('classical X25519 both ways', async () => {
    const me = X25519Identity.generate();
    const data = randomBytes(70_000);
    const file = await collect(encryptAge([data], [me.recipient()]));
    expect((await typageDecrypt(file, [me.toString()])).equals(data)).toBe(true);

    const theirs = await typage.generateX25519Identity();
    const back = await typageEncrypt(data, [await typage.identityToRecipient(theirs)]);
    expect((await collect(decryptAge([back], [X25519Identity.fromString(theirs)]))).equals(data)).toBe(true);
  });

  it('typage writes hybrid and X25519 stanzas into one file; we refuse to open it, and refuse to write one', async () => {
    const pq = HybridIdentity.generate();
    const classic = X25519Identity.generate();
    const file = await typageEncrypt(Buffer.from('testimony'), [
      pq.recipient().toString(),
      classic.recipient().toString(),
    ]);
    for (const ids of [[pq], [classic], [pq, classic]]) {
      const r = await drain(decryptAge([file], ids));
      expect(r.code).toBe('AGE_MIXED_PQ_RECIPIENTS');
      expect(r.out.length).toBe(0);
    }
    await expect(readAgeHeader([file])).rejects.toMatchObject({ code: 'AGE_MIXED_PQ_RECIPIENTS' });
    const written = await drain(encryptAge([Buffer.from('x')], [pq.recipient(), classic.recipient()]));
    expect(written.code).toBe('AGE_MIXED_PQ_RECIPIENTS');
    expect(written.out.length).toBe(0);
  });

  it('refuses a recipient key that is not a valid ML-KEM-768 encapsulation key', () => {
    const key = Buffer.from(HybridIdentity.generate().publicKey);
    // an ML-KEM coefficient of 0xFFF (≥ q = 3329) in the first 12-bit slot
    key[0] = 0xff;
    key[1] = key[1]! | 0x0f;
    expect(() => new HybridRecipient(key)).toThrow(expect.objectContaining({ code: 'AGE_RECIPIENT_INVALID' }));
    expect(() => new HybridRecipient(key.subarray(1))).toThrow(
      expect.objectContaining({ code: 'AGE_RECIPIENT_INVALID' }),
    );
    expect(() => X25519Recipient.fromString(HybridIdentity.generate().recipient().toString())).toThrow(
      expect.objectContaining({ code: 'AGE_RECIPIENT_INVALID' }),
    );
  });

  it("SHA-3 from node:crypto and from @noble/hashes (Electron's BoringSSL has none) agree", () => {
    expect(sha3FromNode()).toBe(true);
    const input = randomBytes(777);
    expect(sha3_256([input.subarray(0, 100), input.subarray(100)], true)).toEqual(sha3_256([input], false));
    // FIPS 202 known answer: SHA3-256("abc")
    expect(sha3_256([Buffer.from('abc')], false).toString('hex')).toBe(
      '3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532',
    );
    expect(shake256(input, 96, true)).toEqual(shake256(input, 96, false));
  });
});
