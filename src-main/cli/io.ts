/**
 * Terminal I/O for the CLI: the error line, JSON output, and a progress bar that appears only
 * on a TTY and never with --json (so stdout stays one JSON document and stderr stays quiet).
 */
import { VaultError, isVaultError } from '../../shared/errors.js';
import { classifyFailure } from '../engine/util/system-errors.js';
import { type RemovedTempFiles, takeRemovedTempFiles } from '../engine/util/new-file.js';
import { escapeInvisibleInJson, neutraliseInvisible, terminalEscaped, terminalSafe } from './terminal-text.js';

export class UsageError extends Error {}

export interface Output {
  json: boolean;
  /** stdout: the command's result */
  print(text: string): void;
  printJson(value: unknown): void;
  /** stderr, human mode only: hints and warnings */
  note(text: string): void;
  progress(label: string): Progress;
}

export interface Progress {
  update(done: number, total?: number, detail?: string): void;
  done(): void;
}

const silentProgress: Progress = { update() {}, done() {} };

export function makeOutput(json: boolean, stdout = process.stdout, stderr = process.stderr): Output {
  const tty = !json && stderr.isTTY === true;
  return {
    json,
    // whatever a command prints: no bidi or invisible format characters (terminal-text.ts)
    print: (text) => {
      if (!json) stdout.write(neutraliseInvisible(text.endsWith('\n') ? text : text + '\n'));
    },
    printJson: (value) => {
      if (!json) return;
      // temp files of an interrupted earlier run, removed from the folder written to: a field
      // of the answer (an object; a list answer has no room for one, so stderr says it)
      const removed = takeRemovedTempFiles();
      const plain = typeof value === 'object' && value !== null && !Array.isArray(value);
      if (removed.length > 0 && !plain) stderr.write(removedTempFilesLine(removed) + '\n');
      const shown = removed.length > 0 && plain ? { ...value, removedTempFiles: removed } : value;
      stdout.write(escapeInvisibleInJson(JSON.stringify(shown, null, 2)) + '\n');
    },
    note: (text) => {
      if (!json) stderr.write(neutraliseInvisible(text.endsWith('\n') ? text : text + '\n'));
    },
    progress: (label) => (tty ? new TtyProgress(label, stderr) : silentProgress),
  };
}

class TtyProgress implements Progress {
  private last = 0;
  constructor(
    private readonly label: string,
    private readonly out: NodeJS.WriteStream,
  ) {}
  update(done: number, total?: number, detail?: string): void {
    const now = Date.now();
    if (now - this.last < 80 && (total === undefined || done < total)) return;
    this.last = now;
    const width = 28;
    let bar: string;
    if (total && total > 0) {
      const frac = Math.min(1, done / total);
      const filled = Math.round(frac * width);
      bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}%`;
    } else {
      const spin = '|/-\\'[Math.floor(now / 120) % 4];
      bar = `${spin}`;
    }
    this.out.write(`\r\x1b[2K${this.label} ${bar}${detail ? ' ' + detail : ''}`);
  }
  done(): void {
    this.out.write('\r\x1b[2K');
  }
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

/**
 * The single stderr line for a failure, and the exit status that goes with it. A message may
 * quote outside text (an entry name, a file name, a partner's name) or echo what the user typed
 * (an id with a newline or an escape sequence in it): its controls, separators and bidi
 * characters are written as visible escapes (terminalEscaped), so that it stays one line,
 * cannot forge another or act on the terminal, and shows what was wrong with the input.
 */
export function describeFailure(caught: unknown): { line: string; exitCode: number } {
  // a full or failing disk is the user's to fix, not a bug (engine/util/system-errors.ts)
  const e = classifyFailure(caught);
  if (e instanceof UsageError) return { line: `error: USAGE: ${terminalEscaped(e.message)}`, exitCode: 2 };
  if (isVaultError(e))
    return { line: `error: ${e.code}: ${terminalEscaped(e.message)}`, exitCode: e.code === 'USAGE' ? 2 : 1 };
  // A bug. Say so plainly; the message of a system error may name a path but never a secret.
  const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
  return {
    line: `error: INTERNAL: Case Vault hit an unexpected problem (${terminalEscaped(msg)}). Nothing was half-written; please report this.`,
    exitCode: 1,
  };
}

/** One stderr line saying which unfinished temp files of an earlier, interrupted run were removed. */
export function removedTempFilesLine(removed: RemovedTempFiles[]): string {
  const n = removed.reduce((sum, r) => sum + r.names.length, 0);
  const folders = [...new Set(removed.map((r) => terminalSafe(r.folder)))].join(', ');
  return `Removed ${n} unfinished temporary file${n === 1 ? '' : 's'} (.case-vault-….part) that an interrupted earlier run left in ${folders}.`;
}

/** After a command succeeded: say what stale temp files it removed, if its JSON did not already. */
export function reportRemovedTempFiles(out: Output, stderr: NodeJS.WritableStream = process.stderr): void {
  const removed = takeRemovedTempFiles();
  if (removed.length === 0) return;
  if (out.json) stderr.write(removedTempFilesLine(removed) + '\n');
  else out.note(removedTempFilesLine(removed));
}

/**
 * A receipt written after an import committed: if it cannot be written (a full disk, a kill
 * leaves only the temp file), the error says that the import is done and how to get the
 * receipt — the same import again, which changes nothing and writes the same receipt.
 */
export async function receiptAfterImport<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (caught) {
    const e = classifyFailure(caught);
    if (!isVaultError(e)) throw caught;
    throw new VaultError(
      e.code,
      `The import is done; only its receipt could not be written: ${e.message} Import the same file again to write the receipt (nothing is imported twice).`,
      { cause: caught },
    );
  }
}
