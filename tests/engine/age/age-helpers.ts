// Small helpers for the age tests (kept apart from tests/helpers.ts, which opens vaults).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { VaultError } from '../../../shared/errors.js';

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export async function* piecesOf(data: Uint8Array, size: number): AsyncGenerator<Buffer> {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

export async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

/** What a stream yielded before it ended or failed, and the VaultError code it failed with. */
export async function drain(
  stream: AsyncIterable<Uint8Array>,
): Promise<{ out: Buffer; code: string | null; error: unknown }> {
  const parts: Buffer[] = [];
  try {
    for await (const c of stream) parts.push(Buffer.from(c));
    return { out: Buffer.concat(parts), code: null, error: null };
  } catch (e) {
    if (e instanceof VaultError) return { out: Buffer.concat(parts), code: e.code, error: e };
    throw e;
  }
}

/** The VaultError code a promise rejects with (fails the test if it resolves or throws something else). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof VaultError) return e.code;
    throw e;
  }
  throw new Error('expected a VaultError');
}

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-age-test-'));
  made.push(d);
  return d;
}

export const AGE = '/usr/bin/age';
export const AGE_KEYGEN = '/usr/bin/age-keygen';

/** Fails (never skips) when Debian's age is missing: CI installs it. */
export function requireAgeCli(): void {
  if (!fs.existsSync(AGE) || !fs.existsSync(AGE_KEYGEN)) {
    throw new Error(`${AGE} / ${AGE_KEYGEN} not found: the age interop tests need the age CLI (apt-get install age).`);
  }
}

export function run(
  cmd: string,
  args: string[],
  input?: Buffer,
): { status: number | null; stdout: Buffer; stderr: string } {
  const r = spawnSync(cmd, args, { input, maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString() };
}
