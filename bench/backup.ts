/**
 * backup: a vault with many evidence files backed up to a "drive" folder, then backed up again
 * unchanged, then restored; the restore against a plain copy of the same bytes (docs/backup.md,
 * "Budgets").
 *
 * Sizes: CASE_VAULT_BENCH_BACKUP_BYTES (default 256 MiB; --quick 32 MiB) spread over
 * CASE_VAULT_BENCH_BACKUP_FILES evidence files (default 400; --quick 100). The 10 GiB run of the
 * budget: CASE_VAULT_BENCH_BACKUP_BYTES=10737418240 CASE_VAULT_BENCH_BACKUP_FILES=5000
 * npm run bench -- --only backup (about 25 GiB of free space in $TMPDIR: vault, drive, restore
 * and the plain copy).
 *
 * The drive is a folder on the same disk as the vault here, so "drive" speed is this disk's;
 * both the restore and the plain copy read what the backup wrote (page cache), both make what
 * they write durable (fsync; `sync -f` for cp), and the disk is flushed before each.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Argon2Params } from '../src-main/engine/crypto/argon2.js';
import { Vault } from '../src-main/engine/vault/vault.js';
import { createBackup, restoreBackup, vaultBackupDir } from '../src-main/engine/backup/index.js';
import { type Bench, type BenchContext, MIB, atLeast, atMost, mibPerSecond, timed } from './lib.js';

const execFileP = promisify(execFile);
/** Synthetic, not a secret: it only guards a throw-away vault in a temp dir. */
const PASSPHRASE = 'bench correct horse battery staple';
/** The KDF is not what this bench measures. */
const FAST_KDF: Argon2Params = { opsLimit: 1, memLimitBytes: 64 * MIB };
const UNCHANGED_TARGET = atMost(30_000);
const RESTORE_VS_COPY_TARGET = atLeast(0.5);

function sizeFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number`);
  return n;
}

export const backupBench: Bench = {
  name: 'backup',
  summary: 'backup of a vault with many evidence files, again unchanged, restore vs a plain copy',
  async run(ctx: BenchContext) {
    const totalBytes = sizeFromEnv('CASE_VAULT_BENCH_BACKUP_BYTES', ctx.quick ? 32 * MIB : 256 * MIB);
    const files = sizeFromEnv('CASE_VAULT_BENCH_BACKUP_FILES', ctx.quick ? 100 : 400);
    const dir = await ctx.tempDir('backup');
    const drive = path.join(dir, 'drive');
    await execFileP('mkdir', ['-p', drive]);
    const { vault } = await Vault.create(path.join(dir, 'vault'), { passphrase: PASSPHRASE, kdf: FAST_KDF });
    try {
      // random bytes, so that nothing compresses or dedupes; one 4 MiB buffer reused with a
      // random head per file (content differs, setup stays quick)
      const fill = randomBytes(Math.min(4 * MIB, Math.ceil(totalBytes / files)));
      const per = Math.floor(totalBytes / files);
      const setup = await timed(async () => {
        for (let i = 0; i < files; i++) {
          const head = randomBytes(64);
          const pieces: Buffer[] = [head];
          for (let left = per - head.length; left > 0; left -= fill.length)
            pieces.push(fill.subarray(0, Math.min(fill.length, left)));
          await vault.blobs.put(pieces);
        }
      });
      ctx.log(`${files} evidence files, ${(per * files) / MIB} MiB, taken in in ${(setup.ms / 1000).toFixed(1)} s`);

      const first = await timed(() => createBackup(vault, drive));
      ctx.report('first_backup_ms', first.ms, 'ms');
      ctx.report('first_backup_mib_per_s', mibPerSecond(first.result.bytesWritten, first.ms), 'MiB/s');
      const again = await timed(() => createBackup(vault, drive));
      ctx.log(
        `unchanged: ${again.result.filesWritten} files, ${(again.result.bytesWritten / MIB).toFixed(1)} MiB written, ${again.result.blobsReused} evidence files reused`,
      );
      ctx.report('unchanged_backup_ms', again.ms, 'ms', UNCHANGED_TARGET);
      ctx.report('unchanged_backup_bytes_written', again.result.bytesWritten, 'B');
      vault.lock();
      // what the backup wrote is flushed before each timed copy, so that neither pays for
      // the other's write-back
      await execFileP('sync', ['-f', dir]);

      // restore: the copy-and-verify phase is what a plain copy does; doctor --deep (decrypting
      // every file) comes after and is reported apart
      let copied = 0;
      const restore = await timed(() =>
        restoreBackup(drive, path.join(dir, 'restored'), {
          credential: { passphrase: PASSPHRASE },
          onProgress: (p) => {
            if (p.phase === 'checking' && copied === 0) copied = performance.now();
          },
        }),
      );
      const restoreCopyMs = copied - (performance.now() - restore.ms);
      const bytes = restore.result.bytes;
      await execFileP('sync', ['-f', dir]);
      const plain = await timed(async () => {
        const objects = path.join(vaultBackupDir(drive, restore.result.vaultId), 'objects');
        await execFileP('cp', ['-r', objects, path.join(dir, 'plain-copy')]);
        await execFileP('sync', ['-f', path.join(dir, 'plain-copy')]);
      });
      ctx.report('restore_copy_mib_per_s', mibPerSecond(bytes, restoreCopyMs), 'MiB/s');
      ctx.report('plain_copy_mib_per_s', mibPerSecond(bytes, plain.ms), 'MiB/s');
      ctx.report('restore_vs_plain_copy', plain.ms / restoreCopyMs, 'x', RESTORE_VS_COPY_TARGET);
      ctx.report('restore_with_doctor_deep_ms', restore.ms, 'ms');
    } finally {
      if (vault.isUnlocked) vault.lock();
    }
  },
};
