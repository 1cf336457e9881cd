// Flat memory: 256 MiB through encryptAge and decryptAge holds a few chunks, not the stream.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { X25519Identity, decryptAge, encryptAge } from '../../../../src-main/engine/bundles/age/index.js';
import { tempDir } from './age-helpers.js';

const MIB = 1024 * 1024;
const TOTAL_MIB = 256;
const BUDGET = 32 * MIB;

/** Memory held in the JS heap and outside it (Buffers), relative to a baseline taken after GC. */
function meter() {
  global.gc?.();
  const before = process.memoryUsage();
  let peak = 0;
  return {
    sample() {
      const m = process.memoryUsage();
      // As in tests/engine/blob-store.test.ts: arrayBuffers is also counted inside external, so
      // this over-counts Buffers, which only makes the bound stricter.
      peak = Math.max(peak, m.heapUsed + m.external + m.arrayBuffers - (before.heapUsed + before.external + before.arrayBuffers));
    },
    get peak() {
      return peak;
    },
  };
}

async function* plaintext(): AsyncGenerator<Buffer> {
  const piece = randomBytes(MIB);
  for (let i = 0; i < TOTAL_MIB; i++) yield piece;
}

describe('age memory', () => {
  it(`encrypts and decrypts ${TOTAL_MIB} MiB (one pipeline) within ${BUDGET / MIB} MiB of growth`, async () => {
    const me = X25519Identity.generate();
    const m = meter();
    let n = 0;
    let chunks = 0;
    for await (const chunk of decryptAge(encryptAge(plaintext(), [me.recipient()]), [me])) {
      n += chunk.length;
      if (++chunks % 16 === 0) m.sample();
    }
    m.sample();
    expect(n).toBe(TOTAL_MIB * MIB);
    console.log("pipeline peak MiB", m.peak / MIB);
    expect(m.peak).toBeLessThan(BUDGET);
  });

  it(`writes ${TOTAL_MIB} MiB to a file and reads it back from the file within ${BUDGET / MIB} MiB each`, async () => {
    const me = X25519Identity.generate();
    const file = path.join(tempDir(), 'big.age');

    const w = meter();
    let written = 0;
    async function* sampled(source: AsyncIterable<Buffer>) {
      for await (const c of source) {
        written += c.length;
        if (written % (4 * MIB) < c.length) w.sample();
        yield c;
      }
    }
    await pipeline(sampled(encryptAge(plaintext(), [me.recipient()])), fs.createWriteStream(file));
    w.sample();
    console.log("write peak MiB", w.peak / MIB);
    expect(w.peak).toBeLessThan(BUDGET);

    const r = meter();
    let n = 0;
    let chunks = 0;
    for await (const chunk of decryptAge(fs.createReadStream(file), [me])) {
      n += chunk.length;
      if (++chunks % 16 === 0) r.sample();
    }
    r.sample();
    expect(n).toBe(TOTAL_MIB * MIB);
    console.log("read peak MiB", r.peak / MIB);
    expect(r.peak).toBeLessThan(BUDGET);
  });
});
