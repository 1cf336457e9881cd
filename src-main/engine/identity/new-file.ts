/**
 * Writing a small new file outside the vault (a contact card, its QR code, an exported age
 * key): written to an unguessable temp name in the same folder, fsynced, then published under
 * its final name with a hard link, which is atomic and never replaces an existing file
 * (EXPORT_TARGET_EXISTS). File systems without hard links (FAT/exFAT USB sticks) fall back to
 * an exclusive-create check and a rename. The temp file is removed whatever happens.
 *
 * Same rules as the evidence export (engine/evidence/evidence-service.ts), for data that is
 * already in memory; `publish` is synchronous so that it can run inside the transaction that
 * writes the audit entry, and a failure to publish rolls the entry back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { VaultError, isVaultError } from '../../../shared/errors.js';

export interface StagedFile {
  readonly dest: string;
  /** give the file its final name; EXPORT_TARGET_EXISTS if that name is taken */
  publish(): void;
  /** remove the temp file (idempotent; after publish it only removes the temp name) */
  discard(): void;
}

function quoted(name: string): string {
  return `"${name.replace(/[\u0000-\u001F\u007F-\u009F]/g, '?')}"`;
}

function exists(dest: string): VaultError {
  return new VaultError('EXPORT_TARGET_EXISTS', `${quoted(path.basename(dest))} already exists in that folder; choose a new file name (Case Vault never overwrites a file when exporting).`);
}

function ioError(what: string, e: unknown): VaultError {
  const code = (e as NodeJS.ErrnoException).code;
  return new VaultError('IO_ERROR', `${what} (${code ?? 'I/O error'}).`, { cause: e });
}

function fsyncDirSync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Refuse early (before any work) when the destination exists or its folder is missing. */
export function checkNewFileTarget(destPath: string): string {
  const dest = path.resolve(destPath);
  if (fs.existsSync(dest) || isSymlink(dest)) throw exists(dest);
  let st: fs.Stats;
  try {
    st = fs.statSync(path.dirname(dest));
  } catch (e) {
    throw ioError(`The folder to write ${quoted(path.basename(dest))} into does not exist or cannot be read`, e);
  }
  if (!st.isDirectory()) throw new VaultError('IO_ERROR', `The folder to write ${quoted(path.basename(dest))} into is not a folder.`);
  return dest;
}

function isSymlink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Write `data` to a temp file beside `destPath` (mode `mode`, fsynced), ready to publish. */
export function stageNewFile(destPath: string, data: string | Uint8Array, mode = 0o600): StagedFile {
  const dest = checkNewFileTarget(destPath);
  const dir = path.dirname(dest);
  const tmp = path.join(dir, `.case-vault-export-${randomBytes(16).toString('hex')}.part`);
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx', mode);
  } catch (e) {
    throw ioError(`${quoted(path.basename(dest))} cannot be written`, e);
  }
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw ioError(`${quoted(path.basename(dest))} could not be written`, e);
  }
  fs.closeSync(fd);
  const discard = () => fs.rmSync(tmp, { force: true });
  return {
    dest,
    discard,
    publish() {
      try {
        publishStaged(tmp, dest);
      } finally {
        discard();
      }
      try {
        fsyncDirSync(dir);
      } catch {
        // The file is in place; a folder that cannot be fsynced (some USB file systems) is
        // not a reason to report failure.
      }
    },
  };
}

function publishStaged(tmp: string, dest: string): void {
  try {
    fs.linkSync(tmp, dest);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw exists(dest);
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV', 'EINVAL'].includes(code ?? '')) {
      throw ioError(`${quoted(path.basename(dest))} could not be written`, e);
    }
  }
  if (fs.existsSync(dest)) throw exists(dest);
  try {
    fs.renameSync(tmp, dest);
  } catch (e) {
    if (isVaultError(e)) throw e;
    throw ioError(`${quoted(path.basename(dest))} could not be written`, e);
  }
}

/** Remove a published file again (when the transaction around publish() failed to commit). */
export function unpublish(dest: string): void {
  fs.rmSync(dest, { force: true });
}
