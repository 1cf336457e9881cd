/**
 * vault.json — the only file of a vault that is readable without the master key.
 *
 * It holds no key in clear, only key slots (the master key wrapped under a key-encryption key)
 * and what is needed to rebuild each KEK. Layout, format version 1:
 *
 *   {
 *     "format": "case-vault/vault",
 *     "formatVersion": 1,
 *     "vaultId": "<uuidv7>",
 *     "createdAt": "<iso>", "updatedAt": "<iso>",
 *     "slots": [
 *       { "id": "<uuidv7>", "kind": "passphrase", "createdAt": "<iso>",
 *         "kdf": { "name": "argon2id13", "opsLimit": 2, "memLimitBytes": 268435456, "salt": "<b64, 16 bytes>" },
 *         "nonce": "<b64, 24 bytes>", "wrappedKey": "<b64, 48 bytes>" },
 *       { "id": "<uuidv7>", "kind": "recovery", "createdAt": "<iso>",
 *         "kdf": { "name": "hkdf-sha256", "salt": "<b64, 16 bytes>" },
 *         "nonce": "<b64>", "wrappedKey": "<b64>" }
 *     ],
 *     "wipeAfterFailedUnlocks": 10,   (optional, 5..20; absent = off; see unlock-guard.ts)
 *     "mac": "<b64, HMAC-SHA256 under the vault-file MAC sub-key of the master key>",
 *     "checksum": "<hex, SHA-256>"
 *   }
 *
 * Both `checksum` and `mac` cover canonicalJson(document without `checksum` and `mac`).
 * - `checksum` is checked before anything else: a truncated or hand-edited file is reported as
 *   VAULT_CORRUPT rather than as a wrong passphrase.
 * - `mac` is checked after unlock and proves the file was written by a holder of the master key.
 * - Each slot's wrapped key is an XChaCha20-Poly1305 ciphertext whose associated data is
 *   canonicalJson({format, formatVersion, vaultId, slot: {id, kind, kdf}}): editing a KDF
 *   parameter, a salt, the vault id or the slot kind makes the unwrap fail.
 *
 * Parsing is strict: unknown fields, wrong types, wrong lengths are all VAULT_CORRUPT.
 *
 * A vault whose keys were destroyed (unlock-guard.ts: too many failed unlocks, or `panic
 * --destroy-keys`) has a vault.json with no slots at all, only what says so:
 *
 *   { "format": "case-vault/vault", "formatVersion": 1, "vaultId": "<uuidv7>",
 *     "keysDestroyed": true, "destroyedAt": "<iso>", "reason": "failed-unlocks" | "panic" }
 *
 * Reading it is VAULT_KEYS_DESTROYED (not VAULT_CORRUPT): nothing can open the vault any more,
 * and a person is told that a backup is the way back.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/canonical-json.js';
import { VaultError } from '../../../shared/errors.js';
import { UUID_RE } from '../util/ids.js';
import { writeFileAtomic } from '../util/durable-fs.js';
import { ioFailure } from '../util/system-errors.js';
import type { SecretBuffer } from '../crypto/secure-memory.js';
import { constantTimeEqual } from '../crypto/secure-memory.js';

export const VAULT_FILE_NAME = 'vault.json';
export const VAULT_FORMAT = 'case-vault/vault';
export const VAULT_FORMAT_VERSION = 1;
/** vault.json is tiny; anything larger was not written by us. */
const MAX_VAULT_FILE_BYTES = 64 * 1024;

const b64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((s) => Buffer.from(s, 'base64').length === bytes, { message: `must encode ${bytes} bytes` });
const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const uuid = z.string().regex(UUID_RE);

const Argon2Kdf = z
  .object({
    name: z.literal('argon2id13'),
    opsLimit: z.number().int().min(1).max(64),
    memLimitBytes: z
      .number()
      .int()
      .min(8 * 1024)
      .max(4096 * 1024 * 1024),
    salt: b64(16),
  })
  .strict();
const HkdfKdf = z.object({ name: z.literal('hkdf-sha256'), salt: b64(16) }).strict();

const SlotCommon = { id: uuid, createdAt: iso, nonce: b64(24), wrappedKey: b64(48) };
export const PassphraseSlot = z.object({ kind: z.literal('passphrase'), kdf: Argon2Kdf, ...SlotCommon }).strict();
export const RecoverySlot = z.object({ kind: z.literal('recovery'), kdf: HkdfKdf, ...SlotCommon }).strict();
export const KeySlot = z.discriminatedUnion('kind', [PassphraseSlot, RecoverySlot]);
export type PassphraseSlot = z.infer<typeof PassphraseSlot>;
export type RecoverySlot = z.infer<typeof RecoverySlot>;
export type KeySlot = z.infer<typeof KeySlot>;

/** Bounds of the optional "destroy the key slots after N failed unlocks" setting. */
export const MIN_WIPE_AFTER_FAILED_UNLOCKS = 5;
export const MAX_WIPE_AFTER_FAILED_UNLOCKS = 20;

const VaultFileBody = z
  .object({
    format: z.literal(VAULT_FORMAT),
    formatVersion: z.number().int(),
    vaultId: uuid,
    createdAt: iso,
    updatedAt: iso,
    slots: z.array(KeySlot).min(1).max(16),
    // Optional, so files written before it existed read as before (and MAC the same body).
    wipeAfterFailedUnlocks: z
      .number()
      .int()
      .min(MIN_WIPE_AFTER_FAILED_UNLOCKS)
      .max(MAX_WIPE_AFTER_FAILED_UNLOCKS)
      .optional(),
  })
  .strict();
export type VaultFileBody = z.infer<typeof VaultFileBody>;

const VaultFileDoc = VaultFileBody.extend({ mac: b64(32), checksum: z.string().regex(/^[0-9a-f]{64}$/) }).strict();
export type VaultFileDoc = z.infer<typeof VaultFileDoc>;

export const KEYS_DESTROYED_REASONS = ['failed-unlocks', 'panic'] as const;
export const DestroyedVaultFile = z
  .object({
    format: z.literal(VAULT_FORMAT),
    formatVersion: z.literal(VAULT_FORMAT_VERSION),
    vaultId: uuid,
    keysDestroyed: z.literal(true),
    destroyedAt: iso,
    reason: z.enum(KEYS_DESTROYED_REASONS),
  })
  .strict();
export type DestroyedVaultFile = z.infer<typeof DestroyedVaultFile>;

export function keysDestroyedError(reason: DestroyedVaultFile['reason'] | null): VaultError {
  const why =
    reason === 'failed-unlocks'
      ? 'after too many failed unlock attempts'
      : reason === 'panic'
        ? 'on request (panic --destroy-keys)'
        : '';
  return new VaultError(
    'VAULT_KEYS_DESTROYED',
    `This vault's keys were destroyed${why ? ` ${why}` : ''}: no passphrase or recovery key can open it any more. Restore the vault from a backup.`,
  );
}

function bodyBytes(body: VaultFileBody): Buffer {
  return Buffer.from(canonicalJson(body), 'utf8');
}

function checksumOf(body: VaultFileBody): string {
  return createHash('sha256').update(bodyBytes(body)).digest('hex');
}

function macOf(macKey: SecretBuffer, body: VaultFileBody): Buffer {
  return createHmac('sha256', macKey).update(bodyBytes(body)).digest();
}

/** The associated data that binds a wrapped master key to its slot and vault. */
export function slotAssociatedData(
  body: Pick<VaultFileBody, 'vaultId'>,
  slot: Pick<KeySlot, 'id' | 'kind' | 'kdf'>,
): Buffer {
  return Buffer.from(
    canonicalJson({
      format: VAULT_FORMAT,
      formatVersion: VAULT_FORMAT_VERSION,
      vaultId: body.vaultId,
      slot: { id: slot.id, kind: slot.kind, kdf: slot.kdf },
    }),
    'utf8',
  );
}

export function sealVaultFile(body: VaultFileBody, macKey: SecretBuffer): VaultFileDoc {
  const parsed = VaultFileBody.parse(body);
  return { ...parsed, mac: macOf(macKey, parsed).toString('base64'), checksum: checksumOf(parsed) };
}

export function splitDoc(doc: VaultFileDoc): VaultFileBody {
  const { mac: _mac, checksum: _checksum, ...body } = doc;
  return body;
}

export function verifyVaultFileMac(doc: VaultFileDoc, macKey: SecretBuffer): boolean {
  return constantTimeEqual(macOf(macKey, splitDoc(doc)), Buffer.from(doc.mac, 'base64'));
}

const corrupt = (why: string) =>
  new VaultError(
    'VAULT_CORRUPT',
    `The vault's key file (vault.json) is damaged: ${why}. Nothing was changed; restore vault.json from a backup.`,
  );

/** Parse and check vault.json bytes. Throws VAULT_CORRUPT or VAULT_TOO_NEW; never writes. */
export function parseVaultFile(bytes: Uint8Array): VaultFileDoc {
  if (bytes.length > MAX_VAULT_FILE_BYTES) throw corrupt('it is far larger than a vault key file can be');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw corrupt('it is not valid JSON (truncated or edited?)');
  }
  if (typeof json === 'object' && json !== null && 'keysDestroyed' in json) {
    const destroyed = DestroyedVaultFile.safeParse(json);
    if (!destroyed.success) throw corrupt('it says its keys were destroyed, in a form Case Vault does not write');
    throw keysDestroyedError(destroyed.data.reason);
  }
  if (typeof json === 'object' && json !== null && 'formatVersion' in json) {
    const v = (json as { formatVersion: unknown }).formatVersion;
    if (typeof v === 'number' && v > VAULT_FORMAT_VERSION) {
      throw new VaultError(
        'VAULT_TOO_NEW',
        `This vault uses key-file format ${v}, newer than this version of Case Vault understands (${VAULT_FORMAT_VERSION}). Update Case Vault; the vault was not touched.`,
      );
    }
  }
  const result = VaultFileDoc.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw corrupt(`field "${issue?.path.join('.') || '(top)'}" ${issue?.message ?? 'is invalid'}`);
  }
  const doc = result.data;
  if (doc.formatVersion !== VAULT_FORMAT_VERSION) throw corrupt(`unknown format version ${doc.formatVersion}`);
  if (checksumOf(splitDoc(doc)) !== doc.checksum)
    throw corrupt('its checksum does not match its contents (edited or partly overwritten)');
  const ids = new Set(doc.slots.map((s) => s.id));
  if (ids.size !== doc.slots.length) throw corrupt('two key slots share an id');
  return doc;
}

export async function readVaultFile(dir: string): Promise<VaultFileDoc> {
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(path.join(dir, VAULT_FILE_NAME));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new VaultError('VAULT_NOT_FOUND', `No vault was found at this location (there is no vault.json in it).`);
    }
    throw new VaultError(
      'IO_ERROR',
      `The vault's key file could not be read (${(e as NodeJS.ErrnoException).code ?? 'I/O error'}).`,
    );
  }
  return parseVaultFile(bytes);
}

export async function writeVaultFile(dir: string, doc: VaultFileDoc): Promise<void> {
  await writeFileAtomic(path.join(dir, VAULT_FILE_NAME), JSON.stringify(doc, null, 2) + '\n');
}

function vaultFileText(doc: VaultFileDoc): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

function fsyncDirSync(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // the rename is done; a folder that cannot be fsynced is no reason to undo it
  }
}

/** A new vault.json, written in full beside the current one, to be swapped in synchronously. */
export interface StagedVaultFile {
  /** make it vault.json (the current one stays reachable for putBack); synchronous, for use inside a transaction */
  swapIn(): void;
  /** after a swapIn whose transaction failed: the previous vault.json again */
  putBack(): void;
  /** remove what is left beside vault.json (the staged file, the previous one); never throws */
  cleanUp(): void;
}

/**
 * Stage `doc` as the next vault.json of `dir`: written to a temp file and fsynced now (a full
 * disk fails here, DISK_FULL, with vault.json untouched). The previous file is kept by a hard
 * link (no data copied, so it needs no space) until cleanUp; a file system without hard links
 * keeps `previous` in memory to write back instead.
 */
export async function stageVaultFile(dir: string, doc: VaultFileDoc, previous: VaultFileDoc): Promise<StagedVaultFile> {
  const file = path.join(dir, VAULT_FILE_NAME);
  const tag = randomBytes(6).toString('hex');
  const tmp = path.join(dir, `.${VAULT_FILE_NAME}.${tag}.tmp`);
  const kept = path.join(dir, `.${VAULT_FILE_NAME}.${tag}.old`);
  try {
    const fh = await fsp.open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(vaultFileText(doc));
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (e) {
    await fsp.rm(tmp, { force: true }).catch(() => {});
    throw ioFailure('The new key file (vault.json) could not be written, so the passphrase stays as it was', e);
  }
  let swapped = false;
  let keptByLink = false;
  return {
    swapIn() {
      try {
        fs.linkSync(file, kept);
        keptByLink = true;
      } catch {
        keptByLink = false;
      }
      try {
        fs.renameSync(tmp, file);
      } catch (e) {
        throw ioFailure(
          'The new key file (vault.json) could not be put in place, so the passphrase stays as it was',
          e,
        );
      }
      swapped = true;
      fsyncDirSync(dir);
    },
    putBack() {
      if (!swapped) return;
      try {
        if (keptByLink) fs.renameSync(kept, file);
        else {
          fs.writeFileSync(tmp, vaultFileText(previous), { mode: 0o600 });
          fs.renameSync(tmp, file);
        }
      } catch (e) {
        // say what is true: the change is in effect, only its audit entry is missing
        throw new VaultError(
          'IO_ERROR',
          `The passphrase change could not be recorded, and the previous key file could not be put back (${(e as NodeJS.ErrnoException).code ?? 'I/O error'}): the NEW passphrase now opens the vault, the old one no longer does.`,
          { cause: e },
        );
      }
      swapped = false;
      fsyncDirSync(dir);
    },
    cleanUp() {
      for (const f of [tmp, kept]) {
        try {
          fs.rmSync(f, { force: true });
        } catch {
          // a leftover is removed at the next unlock (removeStaleVaultFiles)
        }
      }
    },
  };
}

/**
 * Remove vault.json's leftovers beside it: temp files of a write and previous files of a
 * passphrase change that a crash or a kill interrupted (a previous file still opens with the
 * old passphrase, which its owner meant to retire). Called once the vault is unlocked and its
 * database held exclusively, so no other process is writing them.
 */
export function removeStaleVaultFiles(dir: string): void {
  const pattern = /^\.vault\.json\.[0-9a-f]{12}\.(tmp|old)$/;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!pattern.test(name)) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      // not ours to fail on: the vault opens all the same
    }
  }
}
