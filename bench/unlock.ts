/**
 * unlock: how long `Vault.open` with a passphrase takes on this machine, with the Argon2id
 * parameters that calibration picks here. Target: about half a second (docs/security.md, "Keys"; argon2.ts).
 */
import path from 'node:path';
import { DEFAULT_TARGET_MS } from '../src-main/engine/crypto/argon2.js';
import { type UnlockPhase, Vault } from '../src-main/engine/vault/vault.js';
import type { KeySlot, PassphraseSlot } from '../src-main/engine/vault/vault-file.js';
import { type Bench, type BenchContext, max, median, min, within } from './lib.js';

/** Synthetic, not a secret: it only guards a throw-away vault in a temp dir. */
const PASSPHRASE = 'bench correct horse battery staple';

/** "About 500 ms": within ±50 % of the calibration target counts as met. */
const UNLOCK_TARGET = within(DEFAULT_TARGET_MS / 2, (DEFAULT_TARGET_MS * 3) / 2);

function isPassphraseSlot(slot: KeySlot): slot is PassphraseSlot {
  return slot.kind === 'passphrase';
}

export const unlockBench: Bench = {
  name: 'unlock',
  summary: 'Vault.open with calibrated Argon2id',
  async run(ctx: BenchContext) {
    // The fast test KDF would make this measure nothing; calibration must run for real.
    delete process.env.CASE_VAULT_INSECURE_FAST_KDF;
    const opens = ctx.quick ? 3 : 5;
    const dir = path.join(await ctx.tempDir('unlock'), 'vault');

    let expectedMs: number | undefined;
    const t0 = performance.now();
    const { vault } = await Vault.create(dir, {
      passphrase: PASSPHRASE,
      kdf: 'calibrate',
      onProgress: (p) => {
        if (p.phase === 'deriving-key') expectedMs = p.expectedMs;
      },
    });
    const createMs = performance.now() - t0;
    const slot = vault.file.slots.find(isPassphraseSlot);
    vault.lock();
    if (!slot) throw new Error('the new vault has no passphrase slot');

    ctx.report('argon2_ops_limit', slot.kdf.opsLimit, 'passes');
    ctx.report('argon2_mem_limit_bytes', slot.kdf.memLimitBytes, 'bytes');
    if (expectedMs !== undefined) ctx.report('calibration_expected_ms', expectedMs, 'ms');
    ctx.report('create_ms', createMs, 'ms');

    const totals: number[] = [];
    const kdfs: number[] = [];
    for (let i = 0; i < opens; i++) {
      const at = new Map<UnlockPhase, number>();
      const start = performance.now();
      const opened = await Vault.open(
        dir,
        { passphrase: PASSPHRASE },
        { onProgress: (p) => at.set(p.phase, performance.now()) },
      );
      const ms = performance.now() - start;
      opened.lock();
      totals.push(ms);
      const kdfStart = at.get('deriving-key');
      const kdfEnd = at.get('opening-database');
      if (kdfStart !== undefined && kdfEnd !== undefined) kdfs.push(kdfEnd - kdfStart);
      ctx.log(`open ${i + 1}/${opens}: ${ms.toFixed(0)} ms`);
    }

    ctx.report('unlock_median_ms', median(totals), 'ms', UNLOCK_TARGET);
    ctx.report('unlock_max_ms', max(totals), 'ms');
    ctx.report('unlock_min_ms', min(totals), 'ms');
    if (kdfs.length > 0) {
      // The rest of an unlock: reading vault.json, checking its MAC, opening and keying the
      // database, the migration check.
      ctx.report('unlock_kdf_median_ms', median(kdfs), 'ms');
      ctx.report('unlock_non_kdf_median_ms', median(totals) - median(kdfs), 'ms');
    }
  },
};
