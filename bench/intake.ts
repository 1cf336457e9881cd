/**
 * intake: storing one large evidence file (hash + encrypt + write + fsync) and reading it back
 * (decrypt + authenticate + hash), against `sha256sum` on the same file as a yardstick.
 * Budget (docs/performance.md, "Budgets"): memory growth ≤ 100 MiB while streaming.
 *
 * The source file is written (and fsynced) before anything is timed, so both `sha256sum` and
 * the vault read it from the OS page cache: the comparison is CPU and write path, not disk reads.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Argon2Params } from '../src-main/engine/crypto/argon2.js';
import { Vault } from '../src-main/engine/vault/vault.js';
import {
  type Bench,
  type BenchContext,
  GIB,
  MIB,
  atMost,
  getGc,
  mibPerSecond,
  sampleRss,
  sleep,
  timed,
} from './lib.js';

const execFileP = promisify(execFile);

/** Synthetic, not a secret: it only guards a throw-away vault in a temp dir. */
const PASSPHRASE = 'bench correct horse battery staple';
/** The KDF is not what this bench measures. */
const FAST_KDF: Argon2Params = { opsLimit: 1, memLimitBytes: 64 * MIB };
const PIECE_BYTES = 4 * MIB;
const RSS_GROWTH_TARGET = atMost(100);

async function writeRandomFile(file: string, size: number): Promise<void> {
  const fh = await fsp.open(file, 'wx', 0o600);
  try {
    for (let done = 0; done < size;) {
      const piece = randomBytes(Math.min(PIECE_BYTES, size - done));
      await fh.write(piece, 0, piece.length);
      done += piece.length;
    }
    // Flushed now, so that write-back of the source does not run during the timed phases.
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function sha256sum(file: string): Promise<string> {
  const { stdout } = await execFileP('sha256sum', ['--binary', file]);
  const hex = stdout.split(' ')[0] ?? '';
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`unexpected sha256sum output: ${stdout.slice(0, 200)}`);
  return hex;
}

export const intakeBench: Bench = {
  name: 'intake',
  summary: 'evidence blob put/get throughput vs sha256sum, memory growth',
  async run(ctx: BenchContext) {
    const size = ctx.quick ? 64 * MIB : GIB;
    const gc = getGc();
    const dir = await ctx.tempDir('intake');
    const source = path.join(dir, 'evidence.bin');

    const written = await timed(() => writeRandomFile(source, size));
    ctx.log(`wrote ${size / MIB} MiB of random bytes in ${(written.ms / 1000).toFixed(1)} s`);

    const hashed = await timed(() => sha256sum(source));
    ctx.log(`sha256sum: ${(hashed.ms / 1000).toFixed(2)} s`);

    const { vault } = await Vault.create(path.join(dir, 'vault'), { passphrase: PASSPHRASE, kdf: FAST_KDF });
    try {
      gc?.();
      await sleep(100);
      const putBaseline = process.memoryUsage().rss;
      const putSampler = sampleRss(20);
      const put = await timed(() => vault.blobs.put(fs.createReadStream(source, { highWaterMark: MIB })));
      const putMem = putSampler.stop();
      ctx.log(
        `put: ${(put.ms / 1000).toFixed(2)} s, ${putMem.samples} RSS samples, peak ${(putMem.peak / MIB).toFixed(0)} MiB over a baseline of ${(putBaseline / MIB).toFixed(0)} MiB`,
      );
      if (put.result.size !== size) throw new Error(`put stored ${put.result.size} bytes, expected ${size}`);
      if (put.result.sha256 !== hashed.result)
        throw new Error(`put hashed ${put.result.sha256}, sha256sum says ${hashed.result}`);

      gc?.();
      await sleep(100);
      const getBaseline = process.memoryUsage().rss;
      const getSampler = sampleRss(20);
      const read = await timed(async () => {
        let bytes = 0;
        for await (const chunk of vault.blobs.get(put.result.blobId)) bytes += chunk.length;
        return bytes;
      });
      const getMem = getSampler.stop();
      ctx.log(`get: ${(read.ms / 1000).toFixed(2)} s, ${getMem.samples} RSS samples`);
      if (read.result !== size) throw new Error(`get returned ${read.result} bytes, expected ${size}`);

      const oursMiBs = mibPerSecond(size, put.ms);
      const sha256sumMiBs = mibPerSecond(size, hashed.ms);
      ctx.report('file_size', size / MIB, 'MiB');
      ctx.report('gc_before_baseline', gc ? 1 : 0, 'bool');
      ctx.report('sha256sum_throughput', sha256sumMiBs, 'MiB/s');
      ctx.report('put_throughput', oursMiBs, 'MiB/s');
      ctx.report('put_vs_sha256sum', oursMiBs / sha256sumMiBs, 'x');
      ctx.report('put_rss_growth', (putMem.peak - putBaseline) / MIB, 'MiB', RSS_GROWTH_TARGET);
      ctx.report('get_throughput', mibPerSecond(size, read.ms), 'MiB/s');
      ctx.report('get_rss_growth', (getMem.peak - getBaseline) / MIB, 'MiB');
    } finally {
      vault.lock();
    }
  },
};
