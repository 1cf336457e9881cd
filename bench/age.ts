/**
 * age: our age v1 (src-main/engine/age) against Debian's `age` CLI on the same file in
 * the same run: encrypt to one X25519 recipient, decrypt with its identity. 1 GiB of random
 * bytes (256 MiB with --quick), written and fsynced before anything is timed, so every reader
 * takes it from the page cache.
 *
 *   encrypt   ours: the file read 4 MiB at a time into two buffers in turn (the bundle reader,
 *                   bundles/read.ts fileSource) → encryptAge(…, { reuseBuffer }) → /dev/null
 *             age:  age -r RECIPIENT -o /dev/null SRC
 *   decrypt   both read the file `age -r` wrote (made once, untimed), plaintext → /dev/null
 *             ours: the same reader → decryptAge(…, { reuseBuffer, lentSource }) → /dev/null
 *             age:  age -d -i KEYFILE -o /dev/null FILE
 *
 * That is how the bundle export and import drive the age layer: no buffer is allocated per
 * piece or per batch. The default mode (every piece a new buffer: fs.createReadStream in 1 MiB
 * pieces, a fresh 4 MiB buffer per batch) is measured too, informational (`*_fresh_*`): there
 * the garbage collector is what the time goes to (docs/performance.md, "The age layer").
 *
 * Output goes to /dev/null on both sides so that the comparison is the implementations, not
 * the disk: on a shared machine, whichever side writes a 1 GiB file second also pays for the
 * writeback of the first. Each measurement is taken 3 times (2 with --quick), ours and age's
 * interleaved in alternating order, and the best time of each is kept (other processes only
 * ever make a run slower). CPU time (user + system, every thread of the process) is reported
 * beside the wall clock: on a machine shared with other work it moves less than the wall
 * clock does.
 *
 * Memory: our RSS is sampled every 20 ms (peak, and growth over a baseline taken after a GC);
 * age's peak RSS comes from `/usr/bin/time -f %M` (the whole process: age has no runtime to
 * subtract). Correctness is checked outside the timings: `age -d` must open a file we wrote to
 * the source's SHA-256, and our decryption must return every byte.
 *
 * Targets (docs/performance.md, "Budgets"): the age layer ≥ 0.8× age's throughput both ways;
 * and the streaming memory budget, RSS growth ≤ 100 MiB. (RSS growth includes chunk buffers
 * already dropped but not yet collected: V8 frees external memory lazily. What is actually held
 * is tested, < 32 MiB, in tests/engine/age/memory.test.ts.)
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { X25519Identity, decryptAge, encryptAge } from '../src-main/engine/age/index.js';
import { fileSource } from '../src-main/engine/bundles/read.js';
import {
  type Bench,
  type BenchContext,
  GIB,
  MIB,
  atLeast,
  atMost,
  getGc,
  mibPerSecond,
  sampleRss,
  sleep,
  timed,
} from './lib.js';

const execFileP = promisify(execFile);
export const AGE = '/usr/bin/age';
const TIME = '/usr/bin/time';
const PIECE_BYTES = 4 * MIB;
/** docs/performance.md, "Budgets": streaming memory growth ≤ 100 MiB. */
const RSS_GROWTH_TARGET = atMost(100);

async function writeRandomFile(file: string, size: number): Promise<void> {
  const fh = await fsp.open(file, 'wx', 0o600);
  try {
    for (let done = 0; done < size;) {
      const piece = randomBytes(Math.min(PIECE_BYTES, size - done));
      await fh.write(piece, 0, piece.length);
      done += piece.length;
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function sha256sum(file: string): Promise<string> {
  const { stdout } = await execFileP('sha256sum', ['--binary', file]);
  return stdout.split(' ')[0] ?? '';
}

/** Runs age under /usr/bin/time; returns its peak RSS in bytes. */
export async function timedAge(args: string[]): Promise<number> {
  return (await timedAgeCpu(args)).rss;
}

/** Runs age under /usr/bin/time; returns its peak RSS in bytes and its CPU time (user + system). */
export async function timedAgeCpu(args: string[]): Promise<{ rss: number; cpuMs: number }> {
  const { stderr } = await execFileP(TIME, ['-f', 'maxrss_kib=%M cpu_s=%U+%S', AGE, ...args], {
    maxBuffer: 16 * MIB,
  });
  const m = /maxrss_kib=(\d+) cpu_s=([\d.]+)\+([\d.]+)/.exec(stderr);
  if (!m) throw new Error(`no RSS from /usr/bin/time: ${stderr.slice(0, 300)}`);
  return { rss: Number(m[1]) * 1024, cpuMs: (Number(m[2]) + Number(m[3])) * 1000 };
}

/** Our side of a comparison: time, RSS peak and growth over a post-GC baseline. */
export async function ours<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; ms: number; cpuMs: number; peak: number; growth: number }> {
  getGc()?.();
  await sleep(100);
  const baseline = process.memoryUsage().rss;
  const sampler = sampleRss(20);
  const cpu0 = process.cpuUsage();
  const { result, ms } = await timed(fn);
  const cpu = process.cpuUsage(cpu0);
  const { peak } = sampler.stop();
  return { result, ms, cpuMs: (cpu.user + cpu.system) / 1000, peak, growth: peak - baseline };
}

async function devNull(source: AsyncIterable<Buffer>): Promise<number> {
  let bytes = 0;
  await pipeline(
    source,
    async function* (pieces: AsyncIterable<Buffer>) {
      for await (const piece of pieces) {
        bytes += piece.length;
        yield piece;
      }
    },
    fs.createWriteStream('/dev/null'),
  );
  return bytes;
}

interface Run {
  ms: number;
  cpuMs: number;
  peak: number;
  growth: number;
}

/** The best (lowest) time and CPU time of the runs, and the worst memory. */
function keepBest(best: Run | null, run: Run): Run {
  if (!best) return { ...run };
  return {
    ms: Math.min(best.ms, run.ms),
    cpuMs: Math.min(best.cpuMs, run.cpuMs),
    peak: Math.max(best.peak, run.peak),
    growth: Math.max(best.growth, run.growth),
  };
}

type Side = 'ourEnc' | 'ourEncFresh' | 'ageEnc' | 'ourDec' | 'ourDecFresh' | 'ageDec';

export const ageBench: Bench = {
  name: 'age',
  summary: 'age v1 encrypt/decrypt throughput and memory vs the age CLI',
  async run(ctx: BenchContext) {
    if (!fs.existsSync(AGE) || !fs.existsSync(TIME))
      throw new Error(`${AGE} and ${TIME} are needed (apt-get install age time)`);
    const size = ctx.quick ? 256 * MIB : GIB;
    const runs = ctx.quick ? 2 : 3;
    const dir = await ctx.tempDir('age');
    const src = path.join(dir, 'plain.bin');
    const identity = X25519Identity.generate();
    const recipient = identity.recipient();
    const keyFile = path.join(dir, 'key.txt');
    await fsp.writeFile(keyFile, `${identity.toString()}\n`, { mode: 0o600 });

    const written = await timed(() => writeRandomFile(src, size));
    ctx.log(`wrote ${size / MIB} MiB of random bytes in ${(written.ms / 1000).toFixed(1)} s`);
    const sourceSha = await sha256sum(src);
    const ageFile = path.join(dir, 'by-age.age');
    await execFileP(AGE, ['-r', recipient.toString(), '-o', ageFile, src]);

    const best: Record<Side, Run | null> = {
      ourEnc: null,
      ourEncFresh: null,
      ageEnc: null,
      ourDec: null,
      ourDecFresh: null,
      ageDec: null,
    };
    const line = (run: number, what: string, r: Run, growth = true) =>
      ctx.log(
        `run ${run + 1}: ${what.padEnd(17)} ${(r.ms / 1000).toFixed(2)} s (cpu ${(r.cpuMs / 1000).toFixed(2)} s), peak RSS ${(r.peak / MIB).toFixed(0)} MiB${growth ? ` (+${(r.growth / MIB).toFixed(0)})` : ''}`,
      );
    const oursStep = (side: Side, what: string, fn: () => Promise<number>) => async (run: number) => {
      const r = await ours(fn);
      if (side.startsWith('ourDec') && r.result !== size)
        throw new Error(`decryptAge returned ${r.result} bytes, expected ${size}`);
      best[side] = keepBest(best[side], r);
      line(run, what, r);
    };
    const ageStep = (side: Side, what: string, args: string[]) => async (run: number) => {
      const r = await timed(() => timedAgeCpu(args));
      const measured = { ms: r.ms, cpuMs: r.result.cpuMs, peak: r.result.rss, growth: 0 };
      best[side] = keepBest(best[side], measured);
      line(run, what, measured, false);
    };
    const encOurs = oursStep('ourEnc', 'encryptAge', () =>
      devNull(encryptAge(fileSource(src)(), [recipient], { reuseBuffer: true })),
    );
    const encOursFresh = oursStep('ourEncFresh', 'encryptAge (fresh)', () =>
      devNull(encryptAge(fs.createReadStream(src, { highWaterMark: MIB }), [recipient])),
    );
    const encAge = ageStep('ageEnc', 'age -r', ['-r', recipient.toString(), '-o', '/dev/null', src]);
    const decOurs = oursStep('ourDec', 'decryptAge', () =>
      devNull(decryptAge(fileSource(ageFile)(), [identity], { reuseBuffer: true, lentSource: true })),
    );
    const decOursFresh = oursStep('ourDecFresh', 'decryptAge (fresh)', () =>
      devNull(decryptAge(fs.createReadStream(ageFile, { highWaterMark: MIB }), [identity])),
    );
    const decAge = ageStep('ageDec', 'age -d', ['-d', '-i', keyFile, '-o', '/dev/null', ageFile]);
    for (let run = 0; run < runs; run++) {
      const order =
        run % 2 === 0
          ? [encAge, encOurs, encOursFresh, decOurs, decOursFresh, decAge]
          : [encOurs, encAge, encOursFresh, decAge, decOurs, decOursFresh];
      for (const step of order) await step(run);
    }

    // Untimed: the stock tool opens a file we wrote, to the right bytes.
    const ourFile = path.join(dir, 'by-us.age');
    await pipeline(
      fs.createReadStream(src, { highWaterMark: MIB }),
      (s) => encryptAge(s, [recipient]),
      fs.createWriteStream(ourFile),
    );
    const check = path.join(dir, 'check.bin');
    await execFileP(AGE, ['-d', '-i', keyFile, '-o', check, ourFile]);
    if ((await sha256sum(check)) !== sourceSha) throw new Error('age -d did not return the source from our file');
    identity.dispose();

    const measured = (side: Side): Run => {
      const b = best[side];
      if (!b) throw new Error('a measurement is missing');
      return b;
    };
    const [oe, oef, ae, od, odf, ad] = (
      ['ourEnc', 'ourEncFresh', 'ageEnc', 'ourDec', 'ourDecFresh', 'ageDec'] as const
    ).map(measured) as [Run, Run, Run, Run, Run, Run];
    const mibs = (r: Run) => mibPerSecond(size, r.ms);
    ctx.report('file_size', size / MIB, 'MiB');
    ctx.report('runs_best_of', runs, 'runs');
    ctx.report('gc_before_baseline', getGc() ? 1 : 0, 'bool');
    ctx.report('encrypt_throughput', mibs(oe), 'MiB/s');
    ctx.report('age_encrypt_throughput', mibs(ae), 'MiB/s');
    ctx.report('encrypt_vs_age', mibs(oe) / mibs(ae), 'x', atLeast(0.8));
    ctx.report('encrypt_cpu_vs_age', ae.cpuMs / oe.cpuMs, 'x');
    ctx.report('encrypt_fresh_throughput', mibs(oef), 'MiB/s');
    ctx.report('encrypt_fresh_vs_age', mibs(oef) / mibs(ae), 'x');
    ctx.report('decrypt_throughput', mibs(od), 'MiB/s');
    ctx.report('age_decrypt_throughput', mibs(ad), 'MiB/s');
    ctx.report('decrypt_vs_age', mibs(od) / mibs(ad), 'x', atLeast(0.8));
    ctx.report('decrypt_cpu_vs_age', ad.cpuMs / od.cpuMs, 'x');
    ctx.report('decrypt_fresh_throughput', mibs(odf), 'MiB/s');
    ctx.report('decrypt_fresh_vs_age', mibs(odf) / mibs(ad), 'x');
    ctx.report('encrypt_rss_peak', oe.peak / MIB, 'MiB');
    ctx.report('encrypt_rss_growth', oe.growth / MIB, 'MiB', RSS_GROWTH_TARGET);
    ctx.report('decrypt_rss_peak', od.peak / MIB, 'MiB');
    ctx.report('decrypt_rss_growth', od.growth / MIB, 'MiB', RSS_GROWTH_TARGET);
    ctx.report('encrypt_fresh_rss_growth', oef.growth / MIB, 'MiB', RSS_GROWTH_TARGET);
    ctx.report('decrypt_fresh_rss_growth', odf.growth / MIB, 'MiB', RSS_GROWTH_TARGET);
    ctx.report('age_encrypt_rss_peak', ae.peak / MIB, 'MiB');
    ctx.report('age_decrypt_rss_peak', ad.peak / MIB, 'MiB');
  },
};
