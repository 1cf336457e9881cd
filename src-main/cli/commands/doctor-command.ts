/** doctor [--deep] [--repair] */
import { VaultError, runDoctor } from '../../engine/index.js';
import type { Command } from '../command.js';
import { boolOpt } from '../command.js';
import { terminalSafe } from '../terminal-text.js';

export const doctorCommand: Command = {
  path: ['doctor'],
  summary: 'Check the vault: database pages, structure, audit chain, evidence files, stray files.',
  options: {
    deep: { type: 'boolean', description: 'also decrypt every evidence file and compare its SHA-256' },
    repair: { type: 'boolean', description: 'remove stray files under blobs/ that no record names' },
  },
  async run(ctx) {
    const vault = await ctx.openVault();
    let report;
    try {
      const progress = ctx.out.progress('Checking');
      report = await runDoctor(vault, {
        deep: boolOpt(ctx, 'deep'),
        repair: boolOpt(ctx, 'repair'),
        onProgress: (p) => progress.update(p.done, p.total || undefined, p.check),
      });
      progress.done();
    } finally {
      vault.lock();
    }
    if (ctx.out.json) ctx.out.printJson(report);
    else {
      const mark = { ok: 'ok  ', warn: 'WARN', fail: 'FAIL' } as const;
      ctx.out.print(
        report.findings.map((f) => `${mark[f.level]}  ${f.check.padEnd(12)} ${terminalSafe(f.message)}`).join('\n'),
      );
    }
    const failed = report.findings.filter((f) => f.level === 'fail');
    if (failed.length > 0) {
      throw new VaultError(
        'DOCTOR_FAILED',
        `The vault has ${failed.length} problem(s): ${failed.map((f) => f.check).join(', ')}. See the report above.`,
      );
    }
  },
};
