/**
 * The hybrid post-quantum recipient type `mlkem768x25519` (c2sp.org/age, age v1.3):
 *
 *   "To produce a mlkem768x25519 recipient stanza, the file key is encrypted with the HPKE
 *    SealBase function from RFC 9180, Section 6.1 with the following parameters:
 *      * KEM: MLKEM768-X25519 from draft-ietf-hpke-pq-03 / filippo.io/hpke-pq
 *      * KDF: HKDF-SHA256
 *      * AEAD: ChaCha20Poly1305
 *      * pkR = recipient
 *      * info = "age-encryption.org/mlkem768x25519"
 *      * aad = "" (empty)
 *    It is then encoded as a recipient stanza with two arguments: the first is the fixed string
 *    `mlkem768x25519`, and the second is the base64-encoded encapsulated key *enc* from
 *    SealBase. The body of the recipient stanza is the HPKE ciphertext from SealBase."
 *
 * An identity is a 32-byte seed (Bech32, HRP `AGE-SECRET-KEY-PQ-`); its recipient is the
 * 1216-byte MLKEM768-X25519 public key (HRP `age1pq`). MLKEM768-X25519 is X-Wing:
 *
 *   expanded            = SHAKE256(seed, 96)
 *   (ek_M, dk_M)        = ML-KEM-768.KeyGen_internal(d = expanded[0:32], z = expanded[32:64])
 *   sk_X                = expanded[64:96];   pk_X = X25519(sk_X, basepoint)
 *   public key          = ek_M ‖ pk_X                                   (1184 + 32 bytes)
 *   Encap:  (ss_M, ct_M) = ML-KEM-768.Encaps(ek_M);  e = random(32);  ct_X = X25519(e, basepoint)
 *           ss_X = X25519(e, pk_X);  enc = ct_M ‖ ct_X                  (1088 + 32 bytes)
 *   shared secret       = SHA3-256(ss_M ‖ ss_X ‖ ct_X ‖ pk_X ‖ "\.//^\")
 *
 * Where each piece comes from: ML-KEM-768 from @noble/post-quantum (pinned; the only
 * primitive not in libsodium or OpenSSL); X25519 and ChaCha20-Poly1305 from sodium-native;
 * SHA3-256/SHAKE256 from node:crypto (sha3.ts); HKDF-SHA-256 and HMAC-SHA-256 from node:crypto.
 * The HPKE key schedule is RFC 9180's, base mode, written out below; one HKDF call (extract
 * then expand) per output, since node's hkdfSync does both steps and HPKE's `secret` is an
 * extract whose output is only ever expanded.
 *
 * An X25519 half that gives an all-zero secret (a low-order or identity point) is refused,
 * as the test vectors require (AGE_X25519_LOW_ORDER); a corrupted ML-KEM half decapsulates to
 * an unrelated secret (implicit rejection) and the stanza simply does not open.
 *
 * Memory: the seed, the expanded seed, the X25519 secrets, the shared secrets and the HPKE key
 * live in sodium_malloc memory and are zeroed after use. @noble/post-quantum returns the
 * expanded ML-KEM decapsulation key and its own shared secret in ordinary memory: they are
 * zeroed as soon as they are used (docs/security.md says so).
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { ml_kem768 } from '@noble/post-quantum/ml-kem.js';
import { VaultError } from '../../../shared/errors.js';
import {
  type SecretBuffer,
  randomBytes,
  secureAlloc,
  secureRandom,
  secureTake,
  wipe,
} from '../crypto/secure-memory.js';
import { decodeRaw, encodeRaw } from './base64.js';
import { decodeBech32, encodeBech32 } from './bech32.js';
import type { AgeStanza } from './format.js';
import { AEAD_TAG_BYTES, X25519_BYTES, aeadOpen, aeadSeal, x25519, x25519Base } from './primitives.js';
import { type AgeIdentity, type AgeRecipient, FILE_KEY_BYTES, WRAPPED_FILE_KEY_BYTES } from './recipients.js';
import { sha3_256, shake256 } from './sha3.js';

export const HYBRID_STANZA_TYPE = 'mlkem768x25519';
/** 'encoded as Bech32 with HRP `age1pq`' */
const RECIPIENT_HRP = 'age1pq';
/** 'encoded as Bech32 with HRP `AGE-SECRET-KEY-PQ-`' */
const IDENTITY_HRP = 'AGE-SECRET-KEY-PQ-';

export const HYBRID_SEED_BYTES = 32;
export const MLKEM768_PUBLIC_KEY_BYTES = 1184;
export const MLKEM768_CIPHERTEXT_BYTES = 1088;
/** ek_M ‖ pk_X */
export const HYBRID_RECIPIENT_BYTES = MLKEM768_PUBLIC_KEY_BYTES + X25519_BYTES; // 1216
/** ct_M ‖ ct_X: "a canonical base64 encoding of a 1120-byte value" */
export const HYBRID_ENC_BYTES = MLKEM768_CIPHERTEXT_BYTES + X25519_BYTES; // 1120

/** X-Wing's domain-separation label, the six bytes \.//^\ */
const XWING_LABEL = Buffer.from('5c2e2f2f5e5c', 'hex');

// ---------------------------------------------------------------------------------------------
// HPKE (RFC 9180) base mode, for KEM 0x647a (MLKEM768-X25519), KDF 0x0001, AEAD 0x0003

const HPKE_INFO = Buffer.from('age-encryption.org/mlkem768x25519', 'utf8');
/** suite_id = "HPKE" ‖ I2OSP(kem_id, 2) ‖ I2OSP(kdf_id, 2) ‖ I2OSP(aead_id, 2) */
const SUITE_ID = Buffer.concat([Buffer.from('HPKE', 'latin1'), Buffer.from([0x64, 0x7a, 0x00, 0x01, 0x00, 0x03])]);
const HPKE_V1 = Buffer.from('HPKE-v1', 'latin1');
const AEAD_KEY_BYTES = 32;
const AEAD_NONCE_BYTES = 12;

/** LabeledExtract(salt = "", label, ikm) = HMAC-SHA-256(key = 32 zero bytes, "HPKE-v1" ‖ suite_id ‖ label ‖ ikm) */
function labeledExtractNoSalt(label: string, ikm: Uint8Array): Buffer {
  return createHmac('sha256', Buffer.alloc(32))
    .update(Buffer.concat([HPKE_V1, SUITE_ID, Buffer.from(label, 'latin1'), ikm]))
    .digest();
}

/** key_schedule_context = mode_base (0x00) ‖ psk_id_hash ‖ info_hash: public, the same for every stanza. */
const KEY_SCHEDULE_CONTEXT = Buffer.concat([
  Buffer.of(0x00),
  labeledExtractNoSalt('psk_id_hash', Buffer.alloc(0)),
  labeledExtractNoSalt('info_hash', HPKE_INFO),
]);

/**
 *   secret     = LabeledExtract(shared_secret, "secret", psk = "")
 *   key        = LabeledExpand(secret, "key", key_schedule_context, Nk = 32)
 *   base_nonce = LabeledExpand(secret, "base_nonce", key_schedule_context, Nn = 12)
 * Each is one HKDF-SHA-256 (extract with salt = shared_secret, then expand), since
 * LabeledExpand(prk, label, ctx, L) expands with info = I2OSP(L, 2) ‖ "HPKE-v1" ‖ suite_id ‖ label ‖ ctx.
 * The first (and only) message has sequence number 0, so its nonce is base_nonce itself.
 */
function hpkeKeySchedule(sharedSecret: SecretBuffer): { key: SecretBuffer; nonce: Buffer } {
  const labeledIkm = Buffer.concat([HPKE_V1, SUITE_ID, Buffer.from('secret', 'latin1')]);
  const expand = (label: string, length: number): Uint8Array => {
    const info = Buffer.concat([
      Buffer.from([length >> 8, length & 0xff]),
      HPKE_V1,
      SUITE_ID,
      Buffer.from(label, 'latin1'),
      KEY_SCHEDULE_CONTEXT,
    ]);
    return new Uint8Array(hkdfSync('sha256', labeledIkm, sharedSecret, info, length));
  };
  return { key: secureTake(expand('key', AEAD_KEY_BYTES)), nonce: Buffer.from(expand('base_nonce', AEAD_NONCE_BYTES)) };
}

// ---------------------------------------------------------------------------------------------
// MLKEM768-X25519 (X-Wing)

interface ExpandedKey {
  /** ML-KEM-768 decapsulation key (ordinary memory: zero it after use) */
  dkM: Uint8Array;
  ekM: Uint8Array;
  /** X25519 secret, secure memory */
  skX: SecretBuffer;
  pkX: Buffer;
}

function expandSeed(seed: SecretBuffer): ExpandedKey {
  const expanded = shake256(seed, 96);
  try {
    const { publicKey, secretKey } = ml_kem768.keygen(expanded.subarray(0, 64));
    const skX = secureAlloc(X25519_BYTES);
    expanded.copy(skX, 0, 64, 96);
    return { dkM: secretKey, ekM: publicKey, skX, pkX: x25519Base(skX) };
  } finally {
    wipe(expanded);
  }
}

function combine(ssM: Uint8Array, ssX: SecretBuffer, ctX: Uint8Array, pkX: Uint8Array): SecretBuffer {
  return sha3_256([ssM, ssX, ctX, pkX, XWING_LABEL]);
}

function lowOrder(): VaultError {
  return new VaultError(
    'AGE_X25519_LOW_ORDER',
    'A post-quantum (mlkem768x25519) recipient stanza in this age file uses a low-order X25519 share (the shared secret would be zero); the file was crafted or damaged.',
  );
}

function stanzaInvalid(why: string): VaultError {
  return new VaultError(
    'AGE_STANZA_INVALID',
    `A post-quantum (mlkem768x25519) recipient stanza in this age file is malformed: ${why}.`,
  );
}

export class HybridRecipient implements AgeRecipient {
  readonly mustBeAlone = false;
  /** ek_M ‖ pk_X, 1216 bytes */
  readonly publicKey: Buffer;

  /**
   * From the 1216 public bytes. The ML-KEM half is checked as FIPS 203 requires of an
   * encapsulation key (its coefficients reduced mod q): a key that fails is refused here,
   * not when a file is written.
   */
  constructor(publicKey: Uint8Array) {
    if (publicKey.length !== HYBRID_RECIPIENT_BYTES)
      throw new VaultError(
        'AGE_RECIPIENT_INVALID',
        `A post-quantum (mlkem768x25519) recipient key must be ${HYBRID_RECIPIENT_BYTES} bytes.`,
      );
    this.publicKey = Buffer.from(publicKey);
    try {
      const probe = ml_kem768.encapsulate(this.publicKey.subarray(0, MLKEM768_PUBLIC_KEY_BYTES), randomBytes(32));
      probe.sharedSecret.fill(0);
    } catch {
      throw new VaultError(
        'AGE_RECIPIENT_INVALID',
        'That post-quantum (mlkem768x25519) recipient key is not a valid ML-KEM-768 encapsulation key.',
      );
    }
  }

  /** Parses an `age1pq1…` recipient (lowercase, as age prints it). */
  static fromString(text: string): HybridRecipient {
    let decoded: ReturnType<typeof decodeBech32>;
    try {
      decoded = decodeBech32(text);
    } catch {
      throw new VaultError(
        'AGE_RECIPIENT_INVALID',
        'That is not a valid age post-quantum recipient (age1pq1…): the Bech32 encoding or checksum is wrong.',
      );
    }
    if (decoded.hrp !== RECIPIENT_HRP || decoded.bytes.length !== HYBRID_RECIPIENT_BYTES) {
      throw new VaultError(
        'AGE_RECIPIENT_INVALID',
        `That is not an age post-quantum recipient: it should start with "age1pq1" and hold a ${HYBRID_RECIPIENT_BYTES}-byte key.`,
      );
    }
    return new HybridRecipient(decoded.bytes);
  }

  toString(): string {
    return encodeBech32(RECIPIENT_HRP, this.publicKey);
  }

  async wrap(fileKey: SecretBuffer): Promise<AgeStanza[]> {
    const ekM = this.publicKey.subarray(0, MLKEM768_PUBLIC_KEY_BYTES);
    const pkX = this.publicKey.subarray(MLKEM768_PUBLIC_KEY_BYTES);
    const coins = secureRandom(32);
    const eX = secureRandom(X25519_BYTES);
    let ssM: Uint8Array | null = null;
    let ssX: SecretBuffer | null = null;
    let shared: SecretBuffer | null = null;
    let key: SecretBuffer | null = null;
    try {
      const encM = ml_kem768.encapsulate(ekM, coins);
      ssM = encM.sharedSecret;
      const ctX = x25519Base(eX);
      ssX = x25519(eX, pkX);
      if (!ssX)
        throw new VaultError(
          'AGE_RECIPIENT_INVALID',
          'That post-quantum recipient key has a low-order X25519 half; nothing can be encrypted to it.',
        );
      shared = combine(ssM, ssX, ctX, pkX);
      const schedule = hpkeKeySchedule(shared);
      key = schedule.key;
      const body = Buffer.alloc(FILE_KEY_BYTES + AEAD_TAG_BYTES);
      aeadSeal(body, fileKey, schedule.nonce, key);
      const enc = Buffer.concat([encM.cipherText, ctX]);
      return [{ type: HYBRID_STANZA_TYPE, args: [encodeRaw(enc)], body }];
    } finally {
      ssM?.fill(0);
      wipe(coins);
      wipe(eX);
      wipe(ssX);
      wipe(shared);
      wipe(key);
    }
  }
}

export class HybridIdentity implements AgeIdentity {
  private seed: SecretBuffer | null;
  /** ek_M ‖ pk_X: the matching recipient's key */
  readonly publicKey: Buffer;

  /** Takes ownership of `seed` (32 bytes in secure memory): dispose() wipes it. */
  private constructor(seed: SecretBuffer) {
    this.seed = seed;
    const k = expandSeed(seed);
    try {
      this.publicKey = Buffer.concat([k.ekM, k.pkX]);
    } finally {
      k.dkM.fill(0);
      wipe(k.skX);
    }
  }

  /** A new identity: 32 bytes from the CSPRNG. */
  static generate(): HybridIdentity {
    return new HybridIdentity(secureRandom(HYBRID_SEED_BYTES));
  }

  /** From the 32-byte seed; copies it into secure memory (the argument is left as it was). */
  static fromBytes(seed: Uint8Array): HybridIdentity {
    if (seed.length !== HYBRID_SEED_BYTES)
      throw new VaultError('AGE_IDENTITY_INVALID', 'A post-quantum (mlkem768x25519) identity must be 32 bytes.');
    const copy = secureAlloc(HYBRID_SEED_BYTES);
    copy.set(seed);
    return new HybridIdentity(copy);
  }

  /** Parses an `AGE-SECRET-KEY-PQ-1…` identity (uppercase, as age writes it). */
  static fromString(text: string): HybridIdentity {
    let decoded: ReturnType<typeof decodeBech32>;
    try {
      decoded = decodeBech32(text);
    } catch {
      throw new VaultError(
        'AGE_IDENTITY_INVALID',
        'That is not a valid age post-quantum identity (AGE-SECRET-KEY-PQ-1…): the Bech32 encoding or checksum is wrong.',
      );
    }
    if (decoded.hrp !== IDENTITY_HRP || decoded.bytes.length !== HYBRID_SEED_BYTES) {
      wipe(decoded.bytes);
      throw new VaultError(
        'AGE_IDENTITY_INVALID',
        'That is not an age post-quantum identity: it should start with "AGE-SECRET-KEY-PQ-1" and hold a 32-byte seed.',
      );
    }
    return new HybridIdentity(secureTake(decoded.bytes));
  }

  recipient(): HybridRecipient {
    return new HybridRecipient(this.publicKey);
  }

  /**
   * The seed as `AGE-SECRET-KEY-PQ-1…`, for the age CLI (v1.3 and later). The string lives in
   * the JavaScript heap until collected: call only to write it out.
   */
  toString(): string {
    return encodeBech32(IDENTITY_HRP, this.key(), { upper: true });
  }

  dispose(): void {
    wipe(this.seed);
    this.seed = null;
  }

  private key(): SecretBuffer {
    if (!this.seed) throw new Error('HybridIdentity used after dispose()');
    return this.seed;
  }

  async unwrap(stanzas: readonly AgeStanza[]): Promise<SecretBuffer | null> {
    if (!stanzas.some((s) => s.type === HYBRID_STANZA_TYPE)) return null;
    // the seed is expanded once for all the stanzas (ML-KEM key generation is the costly part)
    const k = expandSeed(this.key());
    try {
      for (const stanza of stanzas) {
        const fileKey = this.unwrapOne(stanza, k);
        if (fileKey) return fileKey;
      }
      return null;
    } finally {
      k.dkM.fill(0);
      wipe(k.skX);
    }
  }

  /**
   * "The identity implementation MUST ignore any stanza that does not have `mlkem768x25519` as
   *  the first argument, and MUST otherwise reject any stanza that has more or less than two
   *  arguments, or where the second argument is not a canonical base64 encoding of a
   *  1120-byte value. It MUST check that the body length is exactly 32 bytes before
   *  attempting to decrypt it, to mitigate partitioning oracle attacks."
   */
  private unwrapOne(stanza: AgeStanza, k: ExpandedKey): SecretBuffer | null {
    if (stanza.type !== HYBRID_STANZA_TYPE) return null;
    if (stanza.args.length !== 1) throw stanzaInvalid('it has the wrong number of arguments');
    const enc = decodeRaw(stanza.args[0]!);
    if (!enc || enc.length !== HYBRID_ENC_BYTES)
      throw stanzaInvalid(`its encapsulated key is not ${HYBRID_ENC_BYTES} bytes of canonical base64`);
    if (stanza.body.length !== WRAPPED_FILE_KEY_BYTES) throw stanzaInvalid('its body has the wrong length');

    const ctM = enc.subarray(0, MLKEM768_CIPHERTEXT_BYTES);
    const ctX = enc.subarray(MLKEM768_CIPHERTEXT_BYTES);
    let ssM: Uint8Array | null = null;
    let ssX: SecretBuffer | null = null;
    let shared: SecretBuffer | null = null;
    let key: SecretBuffer | null = null;
    try {
      ssX = x25519(k.skX, ctX);
      if (!ssX) throw lowOrder();
      ssM = ml_kem768.decapsulate(ctM, k.dkM);
      shared = combine(ssM, ssX, ctX, k.pkX);
      const schedule = hpkeKeySchedule(shared);
      key = schedule.key;
      const fileKey = secureAlloc(FILE_KEY_BYTES);
      if (aeadOpen(fileKey, stanza.body, schedule.nonce, key)) return fileKey;
      wipe(fileKey);
      return null;
    } finally {
      ssM?.fill(0);
      wipe(ssX);
      wipe(shared);
      wipe(key);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Not mixing post-quantum and classical stanzas

/** Stanza types that resist a quantum computer. */
const POST_QUANTUM_TYPES = new Set([HYBRID_STANZA_TYPE, 'mlkem768p256tag']);
/** Stanza types that do not (X25519, the SSH types, the P-256 tag and YubiKey types). */
const CLASSICAL_TYPES = new Set(['X25519', 'ssh-ed25519', 'ssh-rsa', 'p256tag', 'piv-p256']);

/**
 * "This recipient type is secure against future cryptographically-relevant quantum computers,
 *  so the same file SHOULD NOT be encrypted to both this recipient type and to other
 *  non-quantum-resistant recipient types." A file that is, is only as strong as its classical
 *  stanza: an adversary who records it today opens it with that stanza once X25519 falls.
 * age and typage write and read such files; Case Vault does neither (AGE_MIXED_PQ_RECIPIENTS).
 * Unknown types (grease, plugins) are neither, and are not counted.
 */
export function checkPostQuantumNotMixed(stanzas: readonly AgeStanza[], writing = false): void {
  if (!stanzas.some((s) => POST_QUANTUM_TYPES.has(s.type))) return;
  if (!stanzas.some((s) => CLASSICAL_TYPES.has(s.type))) return;
  throw new VaultError(
    'AGE_MIXED_PQ_RECIPIENTS',
    writing
      ? 'An age file cannot be encrypted to post-quantum (mlkem768x25519) and classical (X25519) recipients at once: the classical ones would undo the protection. Use post-quantum keys for every recipient, or classical keys for all.'
      : 'This age file is encrypted to post-quantum and classical recipients at once, so it is no safer than its classical ones; Case Vault refuses such files. Ask the sender to encrypt it to post-quantum keys only.',
  );
}
