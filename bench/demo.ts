/**
 * `demo`: how fast `case-vault demo` fills a vault, through the real services (validation,
 * audit entries, FTS triggers) — the rate decides whether 100 000 cases are practical.
 * The rate is measured over the first N/2 cases and over the rest, so that a rate that
 * falls as the vault grows (something quadratic) shows up as a ratio.
 */
import path from 'node:path';
import { Vault } from '../src-main/engine/index.js';
import { domainContext } from '../src-main/engine/domain/context.js';
import { generateDemo } from '../src-main/engine/demo/demo-generator.js';
import { type Bench, type BenchContext, atLeast } from './lib.js';

const PASSPHRASE = 'benchmark passphrase, not a secret';
const FAST_KDF = { opsLimit: 1, memLimitBytes: 64 * 1024 * 1024 };

export const demoBench: Bench = {
  name: 'demo',
  summary: 'case-vault demo generation rate (cases per second, through the services)',
  async run(ctx: BenchContext) {
    const cases = ctx.quick ? 1000 : 10_000;
    const dir = await ctx.tempDir('demo');
    const { vault } = await Vault.create(path.join(dir, 'vault'), { passphrase: PASSPHRASE, kdf: FAST_KDF });
    try {
      const marks: Array<{ done: number; ms: number }> = [];
      const t0 = performance.now();
      const summary = await generateDemo(domainContext(vault), {
        cases,
        casesWithEvidence: 10,
        onProgress: (done) => marks.push({ done, ms: performance.now() - t0 }),
      });
      const totalMs = performance.now() - t0;
      const half = marks.find((m) => m.done >= cases / 2)!;
      const firstRate = half.done / (half.ms / 1000);
      const secondRate = (cases - half.done) / ((totalMs - half.ms) / 1000);
      const records =
        summary.cases +
        summary.people +
        summary.consents +
        summary.notes +
        summary.deadlines +
        summary.outcomes +
        summary.indicators;
      ctx.log(`${cases} cases, ${records} records in ${(totalMs / 1000).toFixed(1)} s`);
      // 100 000 cases in under 15 minutes
      ctx.report('cases_per_s', cases / (totalMs / 1000), 'cases/s', atLeast(111));
      ctx.report('records_per_s', records / (totalMs / 1000), 'records/s');
      ctx.report('second_half_vs_first_half', secondRate / firstRate, 'ratio', atLeast(0.7));
    } finally {
      vault.lock();
    }
  },
};
