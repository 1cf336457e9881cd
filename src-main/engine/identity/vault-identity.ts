/**
 * The vault's identity: one libsignal IdentityKeyPair per vault (Curve25519; XEdDSA signatures;
 * the same key is an age X25519 recipient, see engine/age/x25519.ts).
 *
 * Storage (table vault_identity, one row, migrations/0003-partner-exchange.sql):
 *
 *   public_key         33 bytes, libsignal PublicKey.serialize() = 0x05 ‖ X25519 u-coordinate
 *   private_key_nonce  24 random bytes
 *   private_key_sealed XChaCha20-Poly1305-IETF(key = HKDF(master, salt = vault id,
 *                      info = "case-vault/v1/identity-key-seal"), nonce,
 *                      plaintext = the 32-byte libsignal PrivateKey.serialize(),
 *                      associated data = UTF-8(vault id) ‖ public_key)          = 32 + 16 bytes
 *
 * The database is itself encrypted; the seal is a second layer so that the SQLCipher key alone
 * (which SQLite holds as a string in its own memory) never yields the signing key, and the
 * associated data ties the sealed key to this vault and this public key: a row copied from
 * another vault, or a public key swapped under a private key, fails to open (VAULT_CORRUPT).
 *
 * In memory: the 32-byte private key sits in a SecretBuffer (sodium_malloc) for as long as the
 * vault is unlocked and is zeroed on lock. libsignal's native PrivateKey objects are made per
 * operation from those bytes and dropped at once; their Rust memory is freed (not zeroed by
 * us) when the garbage collector finalises them — docs/security.md says so.
 *
 * Signatures: what is signed is never the raw bytes but
 *
 *   digest = SHA-256( UTF-8(domain label) ‖ 0x00 ‖ bytes )
 *
 * with one label per kind of signed object (SIGNATURE_DOMAINS), so that a signature made for
 * one purpose (a contact card) can never be replayed as another (a bundle manifest). The
 * signature is libsignal's XEdDSA over the 32-byte digest: 64 bytes.
 */
import { createHash } from 'node:crypto';
import { IdentityKeyPair, PrivateKey, PublicKey } from '@signalapp/libsignal-client';
import { VaultError } from '../../../shared/errors.js';
import { unwrapKey, wrapKey } from '../crypto/aead.js';
import { type SecretBuffer, constantTimeEqual, secureAlloc, secureTake, wipe } from '../crypto/secure-memory.js';
import { deriveMasterSubkey } from '../crypto/subkeys.js';
import { get, pluck, run, sql, type ReadableDB, type WritableDB } from '../db/sql.js';
import {
  type AgeIdentity,
  type AgeStanza,
  HybridIdentity,
  HybridRecipient,
  X25519Identity,
  X25519Recipient,
} from '../age/index.js';
import { type PostQuantumKey, loadPqKey } from './pq-key.js';

/** One label per kind of signed object. Never reuse a label for a second purpose. */
export const SIGNATURE_DOMAINS = {
  card: 'case-vault/contact-card/v1',
  manifest: 'case-vault/bundle-manifest/v1',
  receipt: 'case-vault/bundle-receipt/v1',
  auditCheckpoint: 'case-vault/audit-checkpoint/v1',
  /** a recall notice's notice.json (docs/bundle-format.md, "Recall notices") */
  recall: 'case-vault/recall-notice/v1',
  /** the recipient's receipt for a recall notice */
  recallReceipt: 'case-vault/recall-receipt/v1',
  /** a backup snapshot's manifest on a removable drive (docs/backup.md) */
  backupManifest: 'case-vault/backup-manifest/v1',
  /** a team sync bundle's sync.json (docs/team-sync.md) */
  sync: 'case-vault/team-sync/v1',
  /** one team sync change, signed by the vault that made it, so that members can relay it */
  syncChange: 'case-vault/team-sync-change/v1',
} as const;
export type SignatureDomain = keyof typeof SIGNATURE_DOMAINS;

export const PUBLIC_KEY_BYTES = 33;
export const PRIVATE_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;
/** libsignal's type byte for a Curve25519 public key (DJB_TYPE) */
const DJB_TYPE = 0x05;

/** SHA-256(UTF-8 label ‖ 0x00 ‖ bytes): the 32 bytes that are actually signed. */
export function signatureDigest(domain: SignatureDomain, bytes: Uint8Array): Buffer {
  const label = SIGNATURE_DOMAINS[domain];
  if (label === undefined) throw new TypeError(`signatureDigest: unknown domain ${String(domain)}`);
  return createHash('sha256').update(label, 'utf8').update(Buffer.of(0)).update(bytes).digest();
}

/** A copy in a fresh ArrayBuffer: libsignal's typings want Uint8Array<ArrayBuffer>. */
function plain(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.byteLength);
  out.set(bytes);
  return out;
}

/** True when `publicKey` is a well-formed 33-byte libsignal Curve25519 key. */
export function isPublicKey(publicKey: Uint8Array): boolean {
  if (publicKey.byteLength !== PUBLIC_KEY_BYTES || publicKey[0] !== DJB_TYPE) return false;
  try {
    PublicKey.deserialize(plain(publicKey));
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `signature` is the XEdDSA signature by `publicKey` of signatureDigest(domain, bytes).
 * Never throws: a malformed key or signature is simply not a valid signature.
 */
export function verifySignature(
  publicKey: Uint8Array,
  domain: SignatureDomain,
  bytes: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (signature.byteLength !== SIGNATURE_BYTES || !isPublicKey(publicKey)) return false;
  try {
    return PublicKey.deserialize(plain(publicKey)).verify(
      signatureDigest(domain, bytes) as Uint8Array<ArrayBuffer>,
      plain(signature),
    );
  } catch {
    return false;
  }
}

/**
 * A short value for people to compare by eye (not the safety number, which covers both sides
 * of a pair): the first 16 bytes of SHA-256(33-byte public key), hex, in 8 groups of 4.
 */
export function keyFingerprint(publicKey: Uint8Array): string {
  const hex = createHash('sha256').update(publicKey).digest().subarray(0, 16).toString('hex');
  return hex.match(/.{4}/g)!.join(' ');
}

function lockedError(): VaultError {
  return new VaultError('VAULT_LOCKED', 'The vault is locked. Unlock it with its passphrase or recovery key.');
}

/**
 * Every key this vault opens age files with: its identity key (X25519) and, from schema 11,
 * its post-quantum key (mlkem768x25519). Each is its own copy in secure memory: dispose().
 */
export class VaultAgeIdentity implements AgeIdentity {
  constructor(
    private readonly classical: X25519Identity,
    private readonly postQuantum: HybridIdentity | null,
  ) {}

  async unwrap(stanzas: readonly AgeStanza[]): Promise<SecretBuffer | null> {
    return (await this.classical.unwrap(stanzas)) ?? (await this.postQuantum?.unwrap(stanzas)) ?? null;
  }

  dispose(): void {
    this.classical.dispose();
    this.postQuantum?.dispose();
  }
}

/** The unlocked vault's key pair. The private key never leaves secure memory except by export. */
export class VaultIdentityKeys {
  #secret: SecretBuffer | null;
  readonly publicKey: Buffer;
  #pqSeed: SecretBuffer | null = null;
  /** the post-quantum key's public half (1216 bytes), or null for a vault before schema 11 */
  #pqPublicKey: Buffer | null = null;

  /** Takes ownership of `secret` (32 bytes, secure memory); wipe() zeroes it. */
  constructor(
    readonly vaultId: string,
    publicKey: Uint8Array,
    secret: SecretBuffer,
  ) {
    if (publicKey.byteLength !== PUBLIC_KEY_BYTES || secret.length !== PRIVATE_KEY_BYTES) {
      wipe(secret);
      throw new TypeError('VaultIdentityKeys: a 33-byte public key and a 32-byte private key are required');
    }
    this.publicKey = Buffer.from(publicKey);
    this.#secret = secret;
  }

  get isWiped(): boolean {
    return this.#secret === null;
  }

  /** Takes ownership of the post-quantum key's seed (secure memory); wipe() zeroes it too. */
  attachPostQuantum(key: PostQuantumKey): void {
    wipe(this.#pqSeed);
    this.#pqSeed = key.seed;
    this.#pqPublicKey = Buffer.from(key.publicKey);
  }

  /** The post-quantum key's public half (ML-KEM-768 key ‖ X25519 key, 1216 bytes), or null when the vault has none. */
  get postQuantumPublicKey(): Buffer | null {
    return this.#pqPublicKey;
  }

  /** The post-quantum key as an age recipient (age1pq1…), or null when the vault has none. */
  hybridRecipient(): HybridRecipient | null {
    return this.#pqPublicKey ? new HybridRecipient(this.#pqPublicKey) : null;
  }

  /** The post-quantum key as an age identity, for `identity export-age-key --post-quantum` only (the caller calls dispose()). */
  pqIdentityForExport(): HybridIdentity | null {
    if (!this.#secret) throw lockedError();
    return this.#pqSeed ? HybridIdentity.fromBytes(this.#pqSeed) : null;
  }

  /** Both keys as one age identity, for opening bundles and notices (the caller calls dispose()). */
  bundleIdentity(): VaultAgeIdentity {
    if (!this.#secret) throw lockedError();
    const classical = X25519Identity.fromBytes(this.#secret);
    return new VaultAgeIdentity(classical, this.#pqSeed ? HybridIdentity.fromBytes(this.#pqSeed) : null);
  }

  #privateKey(): PrivateKey {
    if (!this.#secret) throw lockedError();
    // The SecretBuffer is passed as it is (no copy in the JS heap); libsignal copies it into
    // its own object.
    return PrivateKey.deserialize(this.#secret as unknown as Uint8Array<ArrayBuffer>);
  }

  /** XEdDSA over signatureDigest(domain, bytes): 64 bytes. */
  sign(domain: SignatureDomain, bytes: Uint8Array): Buffer {
    const signature = this.#privateKey().sign(signatureDigest(domain, bytes) as Uint8Array<ArrayBuffer>);
    return Buffer.from(signature);
  }

  /** The key as an age identity (its own copy in secure memory: the caller calls dispose()). */
  ageIdentity(): X25519Identity {
    if (!this.#secret) throw lockedError();
    return X25519Identity.fromBytes(this.#secret);
  }

  ageRecipient(): X25519Recipient {
    return X25519Recipient.fromLibsignal(this.publicKey);
  }

  /**
   * A copy of the 32-byte private key in secure memory, for `identity export-age-key` only.
   * The caller wipes it.
   */
  privateKeyForExport(): SecretBuffer {
    if (!this.#secret) throw lockedError();
    const copy = secureAlloc(PRIVATE_KEY_BYTES);
    this.#secret.copy(copy);
    return copy;
  }

  /** Zero the private key. Idempotent; every later use is VAULT_LOCKED. */
  wipe(): void {
    wipe(this.#secret);
    this.#secret = null;
    wipe(this.#pqSeed);
    this.#pqSeed = null;
  }
}

function sealAd(vaultId: string, publicKey: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(vaultId, 'utf8'), publicKey]);
}

function corrupt(): VaultError {
  return new VaultError(
    'VAULT_CORRUPT',
    "The vault's identity key cannot be opened or does not match its public key; the database was changed by something other than Case Vault. Nothing was changed; restore it from a backup.",
  );
}

/** Whether this database has the vault_identity table (schema 3 and later). */
export function hasIdentityTable(db: ReadableDB): boolean {
  return (
    pluck<number>(db, sql`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'vault_identity'`) === 1
  );
}

/**
 * Generate the key pair and insert the row. Call inside a transaction (with its audit entry);
 * refuses when a row exists (the table's CHECK (id = 1) would too).
 */
export function createIdentity(db: WritableDB, master: SecretBuffer, vaultId: string, at: string): VaultIdentityKeys {
  const pair = IdentityKeyPair.generate();
  const publicKey = Buffer.from(pair.publicKey.serialize());
  // serialize() hands out a copy in the JS heap; secureTake moves it to secure memory and
  // zeroes that copy.
  const secret = secureTake(pair.privateKey.serialize());
  const kek = deriveMasterSubkey(master, vaultId, 'identity');
  try {
    const { nonce, wrapped } = wrapKey(kek, secret, sealAd(vaultId, publicKey));
    run(
      db,
      sql`INSERT INTO vault_identity (id, public_key, private_key_nonce, private_key_sealed, created_at) VALUES (1, ${publicKey}, ${nonce}, ${wrapped}, ${at})`,
    );
  } catch (e) {
    wipe(secret);
    throw e;
  } finally {
    wipe(kek);
  }
  return new VaultIdentityKeys(vaultId, publicKey, secret);
}

/** Open the sealed private key. VAULT_CORRUPT when it does not open or does not match. */
export function loadIdentity(db: ReadableDB, master: SecretBuffer, vaultId: string): VaultIdentityKeys {
  const row = get<{ public_key: Uint8Array; private_key_nonce: Uint8Array; private_key_sealed: Uint8Array }>(
    db,
    sql`SELECT public_key, private_key_nonce, private_key_sealed FROM vault_identity WHERE id = 1`,
  );
  if (!row)
    throw new VaultError(
      'IDENTITY_MISSING',
      'This vault has no identity key yet; unlock it with this version of Case Vault to create one.',
    );
  const publicKey = Buffer.from(row.public_key);
  const kek = deriveMasterSubkey(master, vaultId, 'identity');
  const secret = unwrapKey(kek, row.private_key_nonce, row.private_key_sealed, sealAd(vaultId, publicKey));
  wipe(kek);
  if (!secret) throw corrupt();
  if (secret.length !== PRIVATE_KEY_BYTES) {
    wipe(secret);
    throw corrupt();
  }
  let derived: Uint8Array;
  try {
    derived = PrivateKey.deserialize(secret as unknown as Uint8Array<ArrayBuffer>)
      .getPublicKey()
      .serialize();
  } catch {
    wipe(secret);
    throw corrupt();
  }
  if (!constantTimeEqual(derived, publicKey)) {
    wipe(secret);
    throw corrupt();
  }
  const keys = new VaultIdentityKeys(vaultId, publicKey, secret);
  try {
    const pq = loadPqKey(db, master, vaultId);
    if (pq) keys.attachPostQuantum(pq);
  } catch (e) {
    keys.wipe();
    throw e;
  }
  return keys;
}
