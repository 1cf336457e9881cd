/**
 * Passphrase stretching with Argon2id (libsodium's crypto_pwhash, ALG_ARGON2ID13).
 *
 * Parameters are chosen once, at vault creation (and again at each passphrase change), on the
 * user's own machine: never less than RFC 9106's floor of 64 MiB × 3 passes (its second
 * recommended option), then as much memory and as many passes as fit in about half a second. They are stored in the key slot, so unlocking never guesses.
 * Calibration costs one short probe: Argon2's time is close to linear in memory × passes.
 */
import os from 'node:os';
import sodium from 'sodium-native';
import { type SecretBuffer, secureAlloc, wipe } from './secure-memory.js';

export interface Argon2Params {
  /** passes over memory (crypto_pwhash opslimit) */
  opsLimit: number;
  /** bytes of memory (crypto_pwhash memlimit) */
  memLimitBytes: number;
}

export const MIB = 1024 * 1024;
export const MIN_MEM_BYTES = 64 * MIB;
/** RFC 9106 §4, second recommended option: 64 MiB and 3 passes. No new slot gets less. */
export const MIN_OPS = 3;
export const ARGON2_FLOOR: Argon2Params = { opsLimit: MIN_OPS, memLimitBytes: MIN_MEM_BYTES };
export const MAX_MEM_BYTES = 1024 * MIB;
export const DEFAULT_TARGET_MS = 500;
export const SALT_BYTES = sodium.crypto_pwhash_SALTBYTES; // 16

/**
 * A slot weaker than the floor: less than 64 MiB, or less work (memory × passes) than 64 MiB × 3
 * passes. More memory may stand in for passes (RFC 9106's first option is 2 GiB × 1 pass), never
 * the other way round. doctor warns about such a slot; changing the passphrase replaces it.
 */
export function isWeak(p: Argon2Params): boolean {
  return p.memLimitBytes < MIN_MEM_BYTES || p.memLimitBytes * p.opsLimit < MIN_MEM_BYTES * MIN_OPS;
}

/** `p` raised to the floor where it falls below it (each parameter on its own). */
export function atLeastFloor(p: Argon2Params): Argon2Params {
  return { opsLimit: Math.max(p.opsLimit, MIN_OPS), memLimitBytes: Math.max(p.memLimitBytes, MIN_MEM_BYTES) };
}

export function assertSaneParams(p: Argon2Params): void {
  // Bounds for parameters read from disk: refusing absurd values stops a doctored vault.json
  // from making unlock allocate gigabytes or spin for hours.
  if (!Number.isInteger(p.opsLimit) || p.opsLimit < 1 || p.opsLimit > 64) throw new RangeError('opsLimit out of range');
  if (!Number.isInteger(p.memLimitBytes) || p.memLimitBytes < 8 * 1024 || p.memLimitBytes > 4096 * MIB) {
    throw new RangeError('memLimitBytes out of range');
  }
}

/** Normalise so that the same passphrase typed on another keyboard or OS gives the same key. */
export function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

export async function deriveFromPassphrase(
  passphrase: string,
  salt: Uint8Array,
  params: Argon2Params,
): Promise<SecretBuffer> {
  assertSaneParams(params);
  const pw = passphraseBytes(passphrase);
  const out = secureAlloc(32);
  try {
    await sodium.crypto_pwhash_async(
      out,
      pw,
      Buffer.from(salt),
      params.opsLimit,
      params.memLimitBytes,
      sodium.crypto_pwhash_ALG_ARGON2ID13,
    );
    return out;
  } catch (e) {
    wipe(out);
    throw e;
  } finally {
    wipe(pw);
  }
}

export interface Calibration extends Argon2Params {
  /** what the probe predicted one derivation will take on this machine */
  expectedMs: number;
}

async function timeOnce(params: Argon2Params): Promise<number> {
  const out = secureAlloc(32);
  const salt = Buffer.alloc(SALT_BYTES, 0x5a);
  const pw = Buffer.from('calibration probe');
  const t0 = performance.now();
  await sodium.crypto_pwhash_async(
    out,
    pw,
    salt,
    params.opsLimit,
    params.memLimitBytes,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
  const ms = Math.max(1, performance.now() - t0);
  wipe(out);
  return ms;
}

/**
 * A probe at 64 MiB chooses the memory; then passes are adjusted by measuring the real thing
 * until a derivation lands within ±20 % of the target (two or three runs, about a second at
 * vault creation). Extrapolating from one small probe was off by up to 40 %: Argon2's first
 * pass, which fills fresh memory, costs more than the later ones.
 */
export async function calibrate(targetMs = DEFAULT_TARGET_MS): Promise<Calibration> {
  const msPerMibPass = (await timeOnce({ opsLimit: 1, memLimitBytes: MIN_MEM_BYTES })) / 64;

  // Memory first (it is what makes GPU and ASIC attacks expensive), but only as long as the
  // floor's passes over it still fit in the time budget, and never more than an eighth of this
  // machine's RAM. On a slow machine the floor wins over the budget: unlocking takes longer.
  const ramCap = Math.max(MIN_MEM_BYTES, Math.floor(os.totalmem() / 8));
  let mem = MIN_MEM_BYTES;
  while (mem * 2 <= MAX_MEM_BYTES && mem * 2 <= ramCap && msPerMibPass * ((mem * 2) / MIB) * MIN_OPS <= targetMs)
    mem *= 2;

  let ops = Math.max(MIN_OPS, Math.round(targetMs / (msPerMibPass * (mem / MIB))));
  let ms = await timeOnce({ opsLimit: ops, memLimitBytes: mem });
  for (let i = 0; i < 4 && (ms < targetMs * 0.8 || ms > targetMs * 1.2); i++) {
    const next = Math.min(64, Math.max(MIN_OPS, Math.round((ops * targetMs) / ms)));
    if (next === ops) break;
    ops = next;
    ms = await timeOnce({ opsLimit: ops, memLimitBytes: mem });
  }
  return { opsLimit: ops, memLimitBytes: mem, expectedMs: Math.round(ms) };
}

/**
 * Parameters for automated tests only: the minimum memory, one pass, no calibration — below the
 * floor. Honoured only under the test runner (insecureKdfAllowed); doctor reports vaults made
 * this way as weak.
 */
export const FAST_TEST_PARAMS: Calibration = { opsLimit: 1, memLimitBytes: MIN_MEM_BYTES, expectedMs: 60 };

/**
 * Whether parameters below the floor may be used: only under the test runner (vitest sets
 * VITEST in its workers, and the CLI processes they spawn inherit it) with
 * CASE_VAULT_INSECURE_FAST_KDF=1 (vitest.config.ts). Anywhere else a new slot gets at least the
 * floor, whatever the environment or a caller asks for.
 */
export function insecureKdfAllowed(): boolean {
  return process.env.CASE_VAULT_INSECURE_FAST_KDF === '1' && Boolean(process.env.VITEST);
}
