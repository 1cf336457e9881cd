// Flat memory: 256 MiB through encryptAge and decryptAge holds a few chunks, not the stream.
//
// Two measures, both relative to a baseline taken after GC (vitest runs with --expose-gc):
//   held — sampled right after a GC (and after V8's concurrent sweeper has returned the
//          freed Buffers: GC, one turn of the event loop, GC), so it counts what the code
//          keeps referenced: the bound that says "flat" (< 32 MiB while 256 MiB go through;
//          about 4 MiB is measured);
//   raw  — sampled without GC, so it also counts 64 KiB chunk buffers already dropped but not
//          yet collected (V8 frees external memory lazily, by default after ~64 MiB of it);
//          bounded loosely, to catch garbage piling up beyond what V8 would collect.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { X25519Identity, decryptAge, encryptAge } from '../../../src-main/engine/age/index.js';
import { tempDir } from './age-helpers.js';

const MIB = 1024 * 1024;
const TOTAL_MIB = 256;
const HELD_BUDGET = 32 * MIB;
const RAW_BUDGET = 128 * MIB;
const SAMPLE_EVERY = 8 * MIB;

function meter() {
  const gc = global.gc;
  if (!gc) throw new Error('the memory tests need --expose-gc (vitest.config.ts sets it)');
  const used = () => {
    const m = process.memoryUsage();
    // As in tests/engine/blob-store.test.ts. (arrayBuffers is also inside external, so this
    // counts Buffers twice: a stricter bound, not a looser one.)
    return m.heapUsed + m.external + m.arrayBuffers;
  };
  const collect = async () => {
    gc();
    await nextTurn();
    gc();
  };
  let base = 0;
  let held = 0;
  let raw = 0;
  let since = 0;
  return {
    async start() {
      await collect();
      base = used();
    },
    /** Call with the bytes that just went through; samples every SAMPLE_EVERY bytes. */
    async tick(bytes: number, force = false) {
      since += bytes;
      if (since < SAMPLE_EVERY && !force) return;
      since = 0;
      raw = Math.max(raw, used() - base);
      await collect();
      held = Math.max(held, used() - base);
    },
    check(label: string) {
      expect(held, `${label}: held ${(held / MIB).toFixed(1)} MiB`).toBeLessThan(HELD_BUDGET);
      expect(raw, `${label}: raw peak ${(raw / MIB).toFixed(1)} MiB`).toBeLessThan(RAW_BUDGET);
    },
  };
}

async function* plaintext(): AsyncGenerator<Buffer> {
  const piece = randomBytes(MIB);
  for (let i = 0; i < TOTAL_MIB; i++) yield piece;
}

describe('age memory', () => {
  it(`encrypts and decrypts ${TOTAL_MIB} MiB in one pipeline, holding < ${HELD_BUDGET / MIB} MiB`, async () => {
    const me = X25519Identity.generate();
    const m = meter();
    await m.start();
    let n = 0;
    for await (const chunk of decryptAge(encryptAge(plaintext(), [me.recipient()]), [me])) {
      n += chunk.length;
      await m.tick(chunk.length);
    }
    await m.tick(0, true);
    expect(n).toBe(TOTAL_MIB * MIB);
    m.check('pipeline');
  });

  it(`writes ${TOTAL_MIB} MiB to a file and reads it back from the file, holding < ${HELD_BUDGET / MIB} MiB each way`, async () => {
    const me = X25519Identity.generate();
    const file = path.join(tempDir(), 'big.age');

    const w = meter();
    await w.start();
    async function* sampled(source: AsyncIterable<Buffer>) {
      for await (const c of source) {
        await w.tick(c.length);
        yield c;
      }
    }
    await pipeline(sampled(encryptAge(plaintext(), [me.recipient()])), fs.createWriteStream(file));
    await w.tick(0, true);
    w.check('encrypt to file');

    const r = meter();
    await r.start();
    let n = 0;
    for await (const chunk of decryptAge(fs.createReadStream(file), [me])) {
      n += chunk.length;
      await r.tick(chunk.length);
    }
    await r.tick(0, true);
    expect(n).toBe(TOTAL_MIB * MIB);
    r.check('decrypt from file');
  });
});
