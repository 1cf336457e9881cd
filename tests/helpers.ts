import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { Vault, VaultError } from '../src-main/engine/index.js';

export const PASSPHRASE = 'correct horse battery staple';
export const FAST_KDF = { opsLimit: 1, memLimitBytes: 64 * 1024 * 1024 };

const made: string[] = [];
const open: Vault[] = [];

afterEach(() => {
  for (const v of open.splice(0)) v.lock();
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'cv-test-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}

/** A new vault in a fresh temp folder; locked and removed after the test. */
export async function newVault(): Promise<{ vault: Vault; dir: string; recoveryKey: string }> {
  const dir = path.join(tempDir(), 'vault');
  const { vault, recoveryKey } = await Vault.create(dir, { passphrase: PASSPHRASE, kdf: FAST_KDF });
  open.push(vault);
  return { vault, dir, recoveryKey };
}

export async function openVault(
  dir: string,
  credential: { passphrase: string } | { recoveryKey: string } = { passphrase: PASSPHRASE },
): Promise<Vault> {
  const v = await Vault.open(dir, credential);
  open.push(v);
  return v;
}

/**
 * Every file under dir with its bytes, and every folder (its relative path with a trailing
 * "/", as an empty buffer): for "nothing changed" assertions, in which an empty folder left
 * behind counts as a change too.
 */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        out.set(path.relative(dir, p).split(path.sep).join('/') + '/', Buffer.alloc(0));
        walk(p);
      } else out.set(path.relative(dir, p), fs.readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

export function expectSameSnapshot(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const diffs = keys.filter((k) => !a.get(k) || !b.get(k) || !a.get(k)!.equals(b.get(k)!));
  if (diffs.length > 0) throw new Error(`vault files changed: ${diffs.join(', ')}`);
}

export async function* chunksOf(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

export async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c);
  return Buffer.concat(parts);
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
