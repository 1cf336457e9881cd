/**
 * What the operating system or SQLite says when a disk is full, gone or read-only, as a
 * VaultError a person can act on. A full disk is something a user causes, not a bug: it must
 * never reach the user as INTERNAL.
 *
 * Every door out of the engine classifies here: the engine dispatch and worker (the app), the
 * CLI's error line, and the new-file writer. The error and its `cause` chain are searched:
 * - ENOSPC, EDQUOT (Node) and SQLITE_FULL → DISK_FULL;
 * - EROFS and SQLITE_READONLY* → IO_ERROR (read-only);
 * - EIO and SQLITE_IOERR* → IO_ERROR (the drive failed or was unplugged).
 * - "cannot rollback - no transaction is active": SQLite rolls a transaction back by itself
 *   after SQLITE_FULL or SQLITE_IOERR, and the driver's own ROLLBACK then fails with this. The
 *   original error is its `cause` (classified by the rules above); without one it is still an
 *   I/O failure of the database, whose transaction was undone.
 *
 * An IO_ERROR VaultError whose cause was a full disk becomes DISK_FULL; other VaultErrors keep
 * their code. Messages name the system code only, never a path.
 */
import { VaultError, isVaultError } from '../../../shared/errors.js';

const ROLLBACK_AFTER_AUTO_ROLLBACK = /cannot rollback - no transaction is active/;

type Kind = 'full' | 'readonly' | 'io';

function kindOfCode(code: string): Kind | null {
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'full';
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return 'readonly';
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR')) return 'io';
  return null;
}

/** The first system failure in `e` and its causes (at most a few links deep). */
function findKind(e: unknown): { kind: Kind; code: string } | { kind: 'rollback' } | null {
  let rollback = false;
  let cur: unknown = e;
  for (let depth = 0; depth < 6 && cur !== null && cur !== undefined; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') {
      const kind = kindOfCode(code);
      if (kind) return { kind, code };
    }
    if (cur instanceof Error && ROLLBACK_AFTER_AUTO_ROLLBACK.test(cur.message)) rollback = true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return rollback ? { kind: 'rollback' } : null;
}

export const DISK_FULL_MESSAGE =
  'No space is left on the disk (or the storage quota is used up). Nothing was half-written; free some space and try again.';

function sentence(found: NonNullable<ReturnType<typeof findKind>>): VaultError {
  switch (found.kind) {
    case 'full':
      return new VaultError('DISK_FULL', DISK_FULL_MESSAGE);
    case 'readonly':
      return new VaultError(
        'IO_ERROR',
        `The disk is read-only (${found.code}): nothing can be written to it. Nothing was half-written.`,
      );
    case 'io':
      return new VaultError(
        'IO_ERROR',
        `The disk reported a read or write error (${found.code}). Nothing was half-written; check the drive (a removable drive may have been unplugged) and try again.`,
      );
    case 'rollback':
      return new VaultError(
        'IO_ERROR',
        'The vault database could not finish writing and undid the change. Nothing was half-written; check the disk (free space, a removable drive) and try again.',
      );
  }
}

/**
 * `e` as the VaultError a user should see when it is a disk or I/O failure; null when it is
 * neither (then a VaultError stands as it is, anything else is a bug).
 */
export function systemFailure(e: unknown): VaultError | null {
  if (isVaultError(e)) {
    if (e.code !== 'IO_ERROR') return null;
    const found = findKind(e.cause);
    return found?.kind === 'full' ? sentence(found) : null;
  }
  const found = findKind(e);
  return found ? sentence(found) : null;
}

/** `e` as a VaultError when it is one or a disk failure; otherwise `e` itself (a bug). */
export function classifyFailure(e: unknown): unknown {
  return systemFailure(e) ?? e;
}

/** A disk or I/O failure while doing `what`: DISK_FULL for a full disk, else IO_ERROR naming the system code. */
export function ioFailure(what: string, e: unknown): VaultError {
  const found = findKind(e);
  if (found?.kind === 'full')
    return new VaultError(
      'DISK_FULL',
      `${what}: ${DISK_FULL_MESSAGE.charAt(0).toLowerCase()}${DISK_FULL_MESSAGE.slice(1)}`,
      { cause: e },
    );
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return new VaultError('IO_ERROR', `${what} (${code ?? 'I/O error'}).`, { cause: e });
}
