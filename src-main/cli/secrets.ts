/**
 * Where secrets come from. Never from an argument value (it would sit in shell history and in
 * `ps`). In order: --recovery-key-file, --passphrase-file, $CASE_VAULT_PASSPHRASE, and a hidden
 * prompt when stdin is a terminal.
 */
import fs from 'node:fs';
import { VaultError } from '../../shared/errors.js';
import type { Credential } from '../engine/index.js';

const MAX_SECRET_FILE_BYTES = 64 * 1024;

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
      text = buf.subarray(0, n).toString('utf8');
      buf.fill(0);
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
    let value = '';
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new VaultError('PASSPHRASE_REQUIRED', 'Cancelled.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
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
  if (env) return { passphrase: env };
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
  if (env) return env;
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
