// Every region of an age file, damaged: each way of failing has its own code, and no plaintext
// is ever released from a chunk that did not authenticate.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHUNK_BYTES,
  X25519Identity,
  decryptAge,
  encryptAge,
  readAgeHeader,
} from '../../../src-main/engine/age/index.js';
import { collect, drain, piecesOf } from './age-helpers.js';

const SEALED = CHUNK_BYTES + 16;
const me = X25519Identity.generate();

interface Sample {
  data: Buffer;
  file: Buffer;
  headerEnd: number; // index of the first payload byte (the nonce)
  chunk(i: number): number; // offset of sealed chunk i
}

async function sample(size: number): Promise<Sample> {
  const data = randomBytes(size);
  const file = await collect(encryptAge([data], [me.recipient()]));
  const header = await readAgeHeader([file]);
  const headerEnd = header.macInput.length + 1 + 43 + 1;
  return { data, file, headerEnd, chunk: (i) => headerEnd + 16 + i * SEALED };
}

const flip = (file: Buffer, at: number, mask = 0x01) => {
  const copy = Buffer.from(file);
  copy[at]! ^= mask;
  return copy;
};
const replaceAt = (file: Buffer, at: number, char: string) => {
  const copy = Buffer.from(file);
  copy.write(char, at, 'latin1');
  return copy;
};
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const open = (file: Buffer) => drain(decryptAge(piecesOf(file, 10_007), [me]));

describe('tampering with an age file', () => {
  // 2.5 chunks: two full chunks and a short final one.
  let s: Sample;
  let text: string;
  beforeAll(async () => {
    s = await sample(2 * CHUNK_BYTES + CHUNK_BYTES / 2);
    text = s.file.subarray(0, s.headerEnd).toString('latin1');
  });

  it('opens untouched', async () => {
    const r = await open(s.file);
    expect(r.code).toBeNull();
    expect(r.out.equals(s.data)).toBe(true);
  });

  const headerCases: [string, (f: Buffer, t: string) => Buffer, string][] = [
    ['version line: the prefix', (f) => flip(f, 0), 'AGE_HEADER_INVALID'],
    ['version line: v1 becomes v0', (f, t) => flip(f, t.indexOf('\n') - 1), 'AGE_UNSUPPORTED_VERSION'],
    ['version line: its LF', (f, t) => flip(f, t.indexOf('\n'), 0x20), 'AGE_HEADER_INVALID'],
    ['stanza start "->"', (f, t) => flip(f, t.indexOf('->') + 1), 'AGE_HEADER_INVALID'],
    // an unknown type is skipped (grease), so the file is no longer addressed to us
    ['stanza type X25519 → Y25519', (f, t) => flip(f, t.indexOf('X25519')), 'AGE_NO_IDENTITY_MATCHED'],
    [
      'stanza share: another valid base64 character',
      (f, t) => replaceAt(f, t.indexOf('X25519 ') + 7 + 5, t[t.indexOf('X25519 ') + 12] === 'A' ? 'B' : 'A'),
      'AGE_NO_IDENTITY_MATCHED',
    ],
    [
      'stanza share: a character outside base64',
      (f, t) => replaceAt(f, t.indexOf('X25519 ') + 7 + 5, '*'),
      'AGE_STANZA_INVALID',
    ],
    [
      'stanza share: an extra argument',
      (f, t) =>
        Buffer.concat([
          f.subarray(0, t.indexOf('\n', t.indexOf('X25519'))),
          Buffer.from(' x'),
          f.subarray(t.indexOf('\n', t.indexOf('X25519'))),
        ]),
      'AGE_STANZA_INVALID',
    ],
    [
      'stanza body: another valid base64 character',
      (f, t) =>
        replaceAt(
          f,
          t.indexOf('\n', t.indexOf('X25519')) + 3,
          t[t.indexOf('\n', t.indexOf('X25519')) + 3] === 'A' ? 'B' : 'A',
        ),
      'AGE_NO_IDENTITY_MATCHED',
    ],
    [
      'stanza body: a character outside base64',
      (f, t) => replaceAt(f, t.indexOf('\n', t.indexOf('X25519')) + 3, '!'),
      'AGE_HEADER_INVALID',
    ],
    ['MAC line "---"', (f, t) => flip(f, t.indexOf('---') + 1), 'AGE_HEADER_INVALID'],
    [
      'MAC: another valid base64 character',
      (f, t) => replaceAt(f, t.indexOf('--- ') + 10, t[t.indexOf('--- ') + 10] === 'A' ? 'B' : 'A'),
      'AGE_HEADER_MAC_INVALID',
    ],
    // 43 characters carry 258 bits for 256: setting an unused low bit makes it non-canonical
    [
      'MAC: an unused bit of its last character',
      (f, t) => replaceAt(f, t.indexOf('--- ') + 46, B64[B64.indexOf(t[t.indexOf('--- ') + 46]!) ^ 1]!),
      'AGE_HEADER_INVALID',
    ],
  ];
  for (const [region, tamper, code] of headerCases) {
    it(`header, ${region} → ${code}, nothing released`, async () => {
      const r = await open(tamper(s.file, text));
      expect(r.code).toBe(code);
      expect(r.out.length).toBe(0);
    });
  }

  it('header: every single-bit flip of every header byte fails, before any plaintext', async () => {
    const allowed = [
      'AGE_HEADER_INVALID',
      'AGE_UNSUPPORTED_VERSION',
      'AGE_STANZA_INVALID',
      'AGE_X25519_LOW_ORDER',
      'AGE_NO_IDENTITY_MATCHED',
      'AGE_HEADER_MAC_INVALID',
    ];
    const small = await sample(100);
    for (let at = 0; at < small.headerEnd; at++) {
      for (const mask of [0x01, 0x80]) {
        const r = await open(flip(small.file, at, mask));
        expect(allowed, `byte ${at} ^ ${mask}`).toContain(r.code);
        expect(r.out.length).toBe(0);
      }
    }
  });

  it('payload nonce → AGE_PAYLOAD_CORRUPT at the first chunk, nothing released', async () => {
    const r = await open(flip(s.file, s.headerEnd + 7));
    expect(r.code).toBe('AGE_PAYLOAD_CORRUPT');
    expect(r.out.length).toBe(0);
  });

  const chunkCases: [string, () => number, number][] = [
    ['first chunk', () => s.chunk(0) + 100, 0],
    ['middle chunk', () => s.chunk(1) + 30_000, 1],
    ['last chunk', () => s.chunk(2) + 5, 2],
    ['the tag of the middle chunk', () => s.chunk(2) - 1, 1],
    ['the tag of the last chunk', () => s.file.length - 16, 2],
  ];
  for (const [region, at, failing] of chunkCases) {
    it(`payload, ${region} → AGE_PAYLOAD_CORRUPT, only the chunks before it released`, async () => {
      const r = await open(flip(s.file, at()));
      expect(r.code).toBe('AGE_PAYLOAD_CORRUPT');
      expect(r.out.equals(s.data.subarray(0, failing * CHUNK_BYTES))).toBe(true);
    });
  }

  it('payload, two chunks swapped → AGE_PAYLOAD_CORRUPT at the first, nothing released', async () => {
    const a = s.file.subarray(s.chunk(0), s.chunk(1));
    const b = s.file.subarray(s.chunk(1), s.chunk(2));
    const swapped = Buffer.concat([s.file.subarray(0, s.chunk(0)), b, a, s.file.subarray(s.chunk(2))]);
    const r = await open(swapped);
    expect(r.code).toBe('AGE_PAYLOAD_CORRUPT');
    expect(r.out.length).toBe(0);
  });

  const truncations: [string, () => number, string, () => number][] = [
    ['inside the header', () => s.headerEnd - 10, 'AGE_HEADER_INVALID', () => 0],
    ['right after the header', () => s.headerEnd, 'AGE_TRUNCATED', () => 0],
    ['inside the nonce', () => s.headerEnd + 9, 'AGE_TRUNCATED', () => 0],
    ['right after the nonce', () => s.chunk(0), 'AGE_TRUNCATED', () => 0],
    ['at the boundary after chunk 1', () => s.chunk(1), 'AGE_TRUNCATED', () => CHUNK_BYTES],
    ['at the boundary after chunk 2', () => s.chunk(2), 'AGE_TRUNCATED', () => 2 * CHUNK_BYTES],
    ['in the middle of chunk 2', () => s.chunk(1) + 20_000, 'AGE_PAYLOAD_CORRUPT', () => CHUNK_BYTES],
    ['in the middle of the last chunk', () => s.file.length - 100, 'AGE_PAYLOAD_CORRUPT', () => 2 * CHUNK_BYTES],
    ['inside the last tag', () => s.file.length - 3, 'AGE_PAYLOAD_CORRUPT', () => 2 * CHUNK_BYTES],
  ];
  for (const [where, at, code, released] of truncations) {
    it(`truncated ${where} → ${code}`, async () => {
      const r = await open(s.file.subarray(0, at()));
      expect(r.code).toBe(code);
      expect(r.out.equals(s.data.subarray(0, released()))).toBe(true);
    });
  }

  it('appended bytes after a full final chunk → AGE_TRAILING_DATA', async () => {
    const full = await sample(2 * CHUNK_BYTES);
    for (const extra of [Buffer.from([0]), randomBytes(17), randomBytes(SEALED + 5)]) {
      const r = await open(Buffer.concat([full.file, extra]));
      expect(r.code).toBe('AGE_TRAILING_DATA');
      // The final chunk authenticated (as final) before the extra bytes were seen; the error
      // still ends the stream, as in the reference implementation and its test vectors.
      expect(r.out.equals(full.data)).toBe(true);
    }
  });

  it('appended bytes after a short final chunk → AGE_PAYLOAD_CORRUPT (age does not delimit that chunk), final chunk withheld', async () => {
    for (const extra of [Buffer.from([0]), randomBytes(1000), randomBytes(SEALED)]) {
      const r = await open(Buffer.concat([s.file, extra]));
      expect(r.code).toBe('AGE_PAYLOAD_CORRUPT');
      expect(r.out.equals(s.data.subarray(0, 2 * CHUNK_BYTES))).toBe(true);
    }
  });

  it('a full final chunk cut off → AGE_TRUNCATED; an empty file is one empty final chunk', async () => {
    const full = await sample(2 * CHUNK_BYTES);
    expect(full.file.length).toBe(full.chunk(2));
    const r = await open(full.file.subarray(0, full.chunk(1)));
    expect(r.code).toBe('AGE_TRUNCATED');
    expect(r.out.equals(full.data.subarray(0, CHUNK_BYTES))).toBe(true);

    const empty = await sample(0);
    expect(empty.file.length).toBe(empty.chunk(0) + 16);
    expect((await open(empty.file)).code).toBeNull();
    expect((await open(empty.file.subarray(0, empty.file.length - 1))).code).toBe('AGE_PAYLOAD_CORRUPT');
  });

  it('stops reading the source when the consumer stops early', async () => {
    let returned = false;
    async function* source() {
      try {
        yield* piecesOf(s.file, 1000);
      } finally {
        returned = true;
      }
    }
    for await (const chunk of decryptAge(source(), [me])) {
      expect(chunk.length).toBe(CHUNK_BYTES);
      break;
    }
    expect(returned).toBe(true);
  });
});
