/**
 * The failed-unlock counter and the destruction of a vault's key slots (docs/security.md,
 * "Panic and key destruction").
 *
 * Off by default. When vault.json carries `wipeAfterFailedUnlocks: N` (5..20, set by
 * `policy set --wipe-after-failed-unlocks N`), every unlock attempt is counted in
 * `unlock-attempts` beside vault.json, and the N-th failed attempt in a row destroys the
 * key slots: vault.json is overwritten in place by a file that says so, and fsynced. The
 * database and the blobs are then ciphertext nobody can open; only a backup restores the vault.
 *
 * The attempt is counted BEFORE the key derivation runs and the count is cleared once a
 * credential unwraps the master key: stopping the program while the key is being derived
 * (to learn nothing, but to dodge the count) still costs an attempt.
 *
 * What this protects against: someone guessing passphrases at the keyboard of the laptop (app
 * or CLI). What it does not: someone with a copy of the disk, who can delete the setting (it is
 * MAC'd, but the MAC only proves who wrote the file, not that a file was not replaced by an
 * older one or removed) and guess on copies for as long as they like.
 *
 * The counter, `unlock-attempts` beside vault.json: one line per attempt, the vault's id, each
 * appended (O_APPEND, owner-only) and fsynced. Appending rather than rewriting a number is what
 * keeps several unlocks started at once (a script running the CLI in parallel) from each reading
 * the same count and writing the same count + 1: every attempt adds its own line. Lines that are
 * not this vault's id do not count; only the first 4 KiB are read. A person at the keyboard
 * cannot edit it, and a person with the disk can remove it anyway. A successful unlock removes
 * it.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { VaultError, isVaultError } from '../../../shared/errors.js';
import { isoNow } from '../util/ids.js';
import { fsyncDir } from '../util/durable-fs.js';
import {
  type DestroyedVaultFile,
  type VaultFileDoc,
  VAULT_FILE_NAME,
  VAULT_FORMAT,
  VAULT_FORMAT_VERSION,
  keysDestroyedError,
  parseVaultFile,
} from './vault-file.js';

export const UNLOCK_ATTEMPTS_FILE_NAME = 'unlock-attempts';
/** far more lines than the largest setting (20): what lies beyond is not read */
const MAX_COUNTER_BYTES_READ = 4096;
const MAX_VAULT_FILE_BYTES = 64 * 1024;

/** What the unlock screen may know before unlocking (read from unauthenticated files: for display only). */
export interface UnlockGuardState {
  /** the setting, or null when it is off */
  wipeAfterFailedUnlocks: number | null;
  /** failed attempts in a row since the last successful unlock */
  failedUnlocks: number;
  /** attempts left before the key slots are destroyed; null when the setting is off */
  remaining: number | null;
  keysDestroyed: boolean;
}

function ioError(what: string, e: unknown): VaultError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return new VaultError('IO_ERROR', `${what} (${code ?? 'I/O error'}).`, { cause: e });
}

/** The count of attempts recorded for this vault: its lines that are this vault's id (0 without the file). */
export async function readFailedUnlocks(dir: string, vaultId: string): Promise<number> {
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(path.join(dir, UNLOCK_ATTEMPTS_FILE_NAME), 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw ioError('The unlock-attempts counter of the vault could not be read', e);
  }
  try {
    if (!(await fh.stat()).isFile()) return 0;
    const buf = Buffer.alloc(MAX_COUNTER_BYTES_READ);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf
      .subarray(0, bytesRead)
      .toString('latin1')
      .split('\n')
      .filter((line) => line === vaultId).length;
  } catch (e) {
    throw ioError('The unlock-attempts counter of the vault could not be read', e);
  } finally {
    await fh.close().catch(() => {});
  }
}

/**
 * Count one attempt: append a line (O_APPEND, so attempts made at the same moment by several
 * programs each add theirs: none is lost to a read-modify-write race) and fsync it.
 */
async function countAttempt(dir: string, vaultId: string): Promise<void> {
  const file = path.join(dir, UNLOCK_ATTEMPTS_FILE_NAME);
  try {
    const fh = await fsp.open(file, 'a', 0o600);
    try {
      await fh.write(`${vaultId}\n`);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fsyncDir(dir);
  } catch (e) {
    throw ioError(
      'The vault counts unlock attempts (its policy destroys its keys after too many failures), and this one could not be counted; nothing was tried',
      e,
    );
  }
}

/** Forget the failed attempts (a credential unwrapped the master key). */
export async function clearFailedUnlocks(dir: string): Promise<void> {
  try {
    await fsp.rm(path.join(dir, UNLOCK_ATTEMPTS_FILE_NAME));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw ioError('The unlock-attempts counter of the vault could not be reset', e);
  }
  await fsyncDir(dir).catch(() => {});
}

export function remainingAttempts(wipeAfter: number, failed: number): number {
  return Math.max(0, wipeAfter - failed);
}

/** The guard's state for display before unlocking: never throws for a damaged vault.json, says so instead. */
export async function unlockGuardState(dir: string, doc: VaultFileDoc): Promise<UnlockGuardState> {
  const wipeAfter = doc.wipeAfterFailedUnlocks ?? null;
  const failed = await readFailedUnlocks(dir, doc.vaultId);
  return {
    wipeAfterFailedUnlocks: wipeAfter,
    failedUnlocks: failed,
    remaining: wipeAfter === null ? null : remainingAttempts(wipeAfter, failed),
    keysDestroyed: false,
  };
}

/**
 * One unlock attempt under the guard. `begin` counts it (before any key derivation) when the
 * setting is on; `failed` destroys the key slots once the count reaches the setting, else
 * adds how many attempts remain to the BAD_PASSPHRASE sentence; `succeeded` clears the count.
 */
export interface UnlockAttempt {
  failed(error: VaultError): Promise<never>;
  succeeded(): Promise<void>;
}

export async function beginUnlockAttempt(dir: string, doc: VaultFileDoc): Promise<UnlockAttempt> {
  const wipeAfter = doc.wipeAfterFailedUnlocks;
  const before = await readFailedUnlocks(dir, doc.vaultId);
  if (wipeAfter === undefined) {
    return {
      failed: (error) => Promise.reject(error),
      // a count left from when the setting was on means nothing now
      succeeded: () => (before > 0 ? clearFailedUnlocks(dir) : Promise.resolve()),
    };
  }
  await countAttempt(dir, doc.vaultId);
  return {
    failed: async (error) => {
      // read again: attempts made meanwhile by other programs count too
      const counted = Math.max(before + 1, await readFailedUnlocks(dir, doc.vaultId));
      if (counted >= wipeAfter) {
        try {
          await destroyKeySlots(dir, 'failed-unlocks');
        } catch (e) {
          // another program destroying them at the same moment may be halfway through its write
          if (!(isVaultError(e) && e.code === 'VAULT_CORRUPT')) throw e;
        }
        throw keysDestroyedError('failed-unlocks');
      }
      const left = remainingAttempts(wipeAfter, counted);
      throw new VaultError(
        error.code,
        `${error.message} ${left === 1 ? 'One more failed attempt destroys' : `${left} more failed attempts destroy`} this vault's keys (only a backup could restore it then).`,
      );
    },
    succeeded: () => clearFailedUnlocks(dir),
  };
}

/**
 * Destroy the key slots: overwrite vault.json IN PLACE (same file, same blocks where the file
 * system allows it) with the destroyed form padded to the old length, fsync, then cut it to
 * size and fsync again. Writing a new file and renaming it would leave the old blocks, slots
 * and all, free but unerased. Leftover temp copies of vault.json (a crash during a write) are
 * removed too. Idempotent: a vault whose keys are already destroyed is left as it is.
 *
 * VAULT_NOT_FOUND without vault.json; VAULT_CORRUPT or VAULT_TOO_NEW (nothing changed) for a
 * key file this build cannot read, since it cannot tell which vault it belongs to.
 */
export async function destroyKeySlots(
  dir: string,
  reason: DestroyedVaultFile['reason'],
): Promise<{ vaultId: string; alreadyDestroyed: boolean }> {
  const file = path.join(dir, VAULT_FILE_NAME);
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(file, 'r+');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new VaultError('VAULT_NOT_FOUND', 'No vault was found at this location (there is no vault.json in it).');
    throw ioError("The vault's key file could not be opened for writing", e);
  }
  try {
    const { size } = await fh.stat();
    if (size > MAX_VAULT_FILE_BYTES) parseVaultFile(Buffer.alloc(size)); // throws VAULT_CORRUPT
    const bytes = Buffer.alloc(size);
    await fh.read(bytes, 0, size, 0);
    let vaultId: string;
    try {
      vaultId = parseVaultFile(bytes).vaultId;
    } catch (e) {
      if (isVaultError(e) && e.code === 'VAULT_KEYS_DESTROYED') {
        const id = (JSON.parse(bytes.toString('utf8')) as { vaultId: string }).vaultId;
        return { vaultId: id, alreadyDestroyed: true };
      }
      throw e;
    }
    const destroyed: DestroyedVaultFile = {
      format: VAULT_FORMAT,
      formatVersion: VAULT_FORMAT_VERSION,
      vaultId,
      keysDestroyed: true,
      destroyedAt: isoNow(),
      reason,
    };
    const text = Buffer.from(JSON.stringify(destroyed, null, 2) + '\n', 'utf8');
    try {
      // Spaces after the JSON are still valid JSON, so the file reads as destroyed even if the
      // truncation below never happens.
      const padded = Buffer.alloc(Math.max(size, text.length), 0x20);
      text.copy(padded);
      await fh.write(padded, 0, padded.length, 0);
      await fh.sync();
      await fh.truncate(text.length);
      await fh.sync();
    } catch (e) {
      throw ioError("The vault's key file could not be overwritten", e);
    }
    await removeTempCopies(dir);
    await fsyncDir(dir).catch(() => {});
    return { vaultId, alreadyDestroyed: false };
  } finally {
    await fh.close().catch(() => {});
  }
}

/** `.vault.json.<hex>.tmp`: what writeFileAtomic leaves if the process dies between write and rename. */
async function removeTempCopies(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return;
  }
  const tmp = new RegExp(`^\\.${VAULT_FILE_NAME.replace('.', '\\.')}\\.[0-9a-f]+\\.tmp$`);
  await Promise.all(
    names.filter((n) => tmp.test(n)).map((n) => fsp.rm(path.join(dir, n), { force: true }).catch(() => {})),
  );
}
