/**
 * Where secrets come from. Never from an argument value (it would sit in shell history and in
 * `ps`). In order: --recovery-key-file, --passphrase-file, $CASE_VAULT_PASSPHRASE, and a hidden
 * prompt when stdin is a terminal.
 */
import fs from 'node:fs';
import { VaultError } from '../../shared/errors.js';
import type { Credential } from '../engine/index.js';

const MAX_SECRET_FILE_BYTES = 64 * 1024;

function notUtf8(what: string): VaultError {
  return what === 'passphrase'
    ? new VaultError(
        'PASSPHRASE_NOT_UTF8',
        'The passphrase is not valid UTF-8 text (the file or input holds bytes that are not text). Nothing was changed; save it as UTF-8 or type it.',
      )
    : new VaultError('INVALID_INPUT', `The ${what} file is not valid UTF-8 text.`);
}

/**
 * Bytes as UTF-8, refusing what is not: a lenient decoder would turn every invalid byte into
 * U+FFFD, so that any invalid passphrase of the same shape would open the vault, and any binary
 * file would be taken as a new passphrase.
 */
function decodeSecret(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw notUtf8(what);
  }
}

/** A passphrase from the environment: the OS decoded it already, leniently; U+FFFD is the trace of bytes that were not UTF-8. */
function fromEnvironment(value: string): string {
  if (value.includes('\uFFFD')) throw notUtf8('passphrase');
  return value;
}

/** A secret file holds the secret on its first line; a trailing newline is not part of it. */
export function readSecretFile(file: string, what: string): string {
  // Pipes are welcome (`--passphrase-file <(pass show vault)` or /dev/stdin keep the secret off
  // the disk), so this reads whatever the path is, up to a size no secret needs.
  let text: string;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(MAX_SECRET_FILE_BYTES + 1);
      let n = 0;
      for (;;) {
        const got = fs.readSync(fd, buf, n, buf.length - n, null);
        if (got === 0) break;
        n += got;
        if (n > MAX_SECRET_FILE_BYTES)
          throw new VaultError('INVALID_INPUT', `The ${what} file is too large to be a ${what}.`);
      }
      try {
        text = decodeSecret(buf.subarray(0, n), what);
      } finally {
        buf.fill(0);
      }
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    if (e instanceof VaultError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'it does not exist'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : (code ?? 'I/O error');
    throw new VaultError('INVALID_INPUT', `The ${what} file could not be read (${why}).`);
  }
  const firstLine = text.split(/\r?\n/)[0] ?? '';
  if (firstLine.length === 0) throw new VaultError('INVALID_INPUT', `The ${what} file is empty.`);
  return firstLine;
}

export function canPrompt(): boolean {
  return process.stdin.isTTY === true && process.stderr.isTTY === true;
}

/** Read a line from the terminal without echoing it. */
export function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    // Echo off before the question appears, so that nothing typed after it is ever shown.
    stdin.setRawMode(true);
    process.stderr.write(question);
    // Bytes, decoded strictly per line: a terminal in another encoding (Latin-1) would otherwise
    // give U+FFFD for each accented letter, and any word of that shape would open the vault.
    let bytes: number[] = [];
    stdin.resume();
    const finish = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      const line = Buffer.from(bytes);
      bytes = [];
      if (err) return reject(err);
      let value: string;
      try {
        value = decodeSecret(line, 'passphrase');
      } catch (e) {
        return reject(e as Error);
      } finally {
        line.fill(0);
      }
      resolve([...value].filter((ch) => ch >= ' ' && ch !== '\u007f').join(''));
    };
    const onData = (chunk: Buffer) => {
      for (const b of chunk) {
        if (b === 0x0d || b === 0x0a) return finish();
        if (b === 0x03) return finish(new VaultError('PASSPHRASE_REQUIRED', 'Cancelled.'));
        if (b === 0x7f || b === 0x08) {
          // one character back: its continuation bytes (10xxxxxx) and its lead byte
          while (bytes.length > 0 && (bytes[bytes.length - 1]! & 0xc0) === 0x80) bytes.pop();
          bytes.pop();
        } else bytes.push(b);
      }
    };
    stdin.on('data', onData);
  });
}

export interface SecretOptions {
  passphraseFile?: string;
  recoveryKeyFile?: string;
}

/** The credential that unlocks an existing vault. */
export async function readCredential(opts: SecretOptions): Promise<Credential> {
  if (opts.recoveryKeyFile) return { recoveryKey: readSecretFile(opts.recoveryKeyFile, 'recovery key') };
  if (opts.passphraseFile) return { passphrase: readSecretFile(opts.passphraseFile, 'passphrase') };
  const env = process.env.CASE_VAULT_PASSPHRASE;
  if (env) return { passphrase: fromEnvironment(env) };
  if (canPrompt()) return { passphrase: await promptHidden('Vault passphrase: ') };
  throw new VaultError(
    'PASSPHRASE_REQUIRED',
    'A passphrase is needed: use --passphrase-file FILE, set CASE_VAULT_PASSPHRASE, run in a terminal to be asked, or use --recovery-key-file FILE.',
  );
}

/** A new passphrase (init, passphrase change): from a file or the environment, or typed twice. */
export async function readNewPassphrase(file: string | undefined, envName: string): Promise<string> {
  if (file) return readSecretFile(file, 'passphrase');
  const env = process.env[envName];
  if (env) return fromEnvironment(env);
  if (canPrompt()) {
    const first = await promptHidden('New passphrase: ');
    const second = await promptHidden('Repeat it: ');
    if (first !== second)
      throw new VaultError('PASSPHRASE_MISMATCH', 'The two passphrases differ; nothing was changed.');
    return first;
  }
  throw new VaultError(
    'PASSPHRASE_REQUIRED',
    `A new passphrase is needed: use a passphrase file, set ${envName}, or run in a terminal to be asked.`,
  );
}
