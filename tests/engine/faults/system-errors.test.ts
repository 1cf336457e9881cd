// The one place where what the OS or SQLite says about a disk becomes a code a user can act on
// (src-main/engine/util/system-errors.ts), for every door: engine dispatch and worker, the CLI's
// error line, main's own calls, the new-file writer.
import { describe, expect, it } from 'vitest';
import { VaultError } from '../../../shared/errors.js';
import { classifyFailure, ioFailure, systemFailure } from '../../../src-main/engine/util/system-errors.js';
import { describeFailure } from '../../../src-main/cli/io.js';

function sysError(code: string, message = `${code}: something`): Error {
  return Object.assign(new Error(message), { code });
}

/** What the SQLite driver throws when SQLite had already rolled back by itself (after SQLITE_FULL). */
function rollbackError(cause?: unknown): Error {
  const e = sysError('SQLITE_ERROR', 'cannot rollback - no transaction is active');
  if (cause !== undefined) e.cause = cause;
  return e;
}

describe('disk failures become DISK_FULL or IO_ERROR, with a sentence', () => {
  it.each([
    ['ENOSPC', 'DISK_FULL'],
    ['EDQUOT', 'DISK_FULL'],
    ['SQLITE_FULL', 'DISK_FULL'],
    ['EROFS', 'IO_ERROR'],
    ['SQLITE_READONLY', 'IO_ERROR'],
    ['EIO', 'IO_ERROR'],
    ['SQLITE_IOERR_WRITE', 'IO_ERROR'],
  ])('%s → %s', (code, expected) => {
    const e = systemFailure(sysError(code));
    expect(e).toMatchObject({ code: expected });
    expect(e!.message).toMatch(/^[A-Z].*\.$/);
    expect(e!.message).toMatch(/Nothing was half-written/);
  });

  it('"cannot rollback - no transaction is active" is classified by its cause, and is an I/O failure without one', () => {
    expect(systemFailure(rollbackError(sysError('SQLITE_FULL')))).toMatchObject({ code: 'DISK_FULL' });
    expect(systemFailure(rollbackError(sysError('SQLITE_IOERR')))).toMatchObject({ code: 'IO_ERROR' });
    expect(systemFailure(rollbackError())).toMatchObject({
      code: 'IO_ERROR',
      message: expect.stringMatching(/could not finish writing and undid the change/),
    });
  });

  it('a VaultError keeps its code, except an IO_ERROR caused by a full disk', () => {
    const refused = new VaultError('BUNDLE_EXPIRED', 'expired');
    expect(classifyFailure(refused)).toBe(refused);
    const io = new VaultError('IO_ERROR', 'x (EACCES).', { cause: sysError('EACCES') });
    expect(classifyFailure(io)).toBe(io);
    expect(classifyFailure(new VaultError('IO_ERROR', 'x', { cause: sysError('ENOSPC') }))).toMatchObject({
      code: 'DISK_FULL',
    });
  });

  it('anything else stays what it is (a bug: INTERNAL at the door)', () => {
    const bug = new TypeError('undefined is not a function');
    expect(classifyFailure(bug)).toBe(bug);
    expect(describeFailure(bug).line).toMatch(/^error: INTERNAL: /);
  });

  it("ioFailure names what could not be written, and the CLI's line says DISK_FULL", () => {
    const e = ioFailure('“case.cvbundle” could not be written', sysError('ENOSPC'));
    expect(e).toMatchObject({
      code: 'DISK_FULL',
      message: expect.stringMatching(/^“case\.cvbundle” could not be written: no space is left/),
    });
    expect(ioFailure('x', sysError('EACCES'))).toMatchObject({ code: 'IO_ERROR', message: 'x (EACCES).' });
    expect(describeFailure(rollbackError(sysError('SQLITE_FULL'))).line).toMatch(
      /^error: DISK_FULL: No space is left on the disk/,
    );
  });
});
