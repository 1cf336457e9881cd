/**
 * The X25519 recipient type (c2sp.org/age, "The X25519 recipient type"), and the bridge from
 * the vault's libsignal identity keys, which are X25519 keys:
 *
 *   libsignal PublicKey.serialize()  = 0x05 || the 32-byte Montgomery u-coordinate
 *   libsignal PrivateKey.serialize() = the 32-byte (clamped) scalar
 *
 * so a vault's identity key pair is an age identity as it stands: drop the 0x05 type byte for
 * the recipient, use the scalar as the identity.
 */
import { VaultError } from '../../../shared/errors.js';
import { type SecretBuffer, secureAlloc, secureRandom, secureTake, wipe } from '../crypto/secure-memory.js';
import { decodeRaw, encodeRaw } from './base64.js';
import { decodeBech32, encodeBech32 } from './bech32.js';
import type { AgeStanza } from './format.js';
import { AEAD_TAG_BYTES, X25519_BYTES, aeadOpen, aeadSeal, hkdf32, x25519, x25519Base } from './primitives.js';
import {
  type AgeIdentity,
  type AgeRecipient,
  FILE_KEY_BYTES,
  WRAPPED_FILE_KEY_BYTES,
  ZERO_NONCE,
} from './recipients.js';

export const X25519_STANZA_TYPE = 'X25519';
/** info = "age-encryption.org/v1/X25519" */
const X25519_LABEL = 'age-encryption.org/v1/X25519';
/** 'The recipient is encoded as Bech32 with HRP `age`.' */
const RECIPIENT_HRP = 'age';
/** 'and encoded as Bech32 with HRP `AGE-SECRET-KEY-`.' */
const IDENTITY_HRP = 'AGE-SECRET-KEY-';
/** The key-type byte libsignal puts in front of a Curve25519 public key (DJB_TYPE). */
const LIBSIGNAL_DJB_TYPE = 0x05;

/** Anything with libsignal's `serialize()`, or its bytes. */
export type LibsignalKey = Uint8Array | { serialize(): Uint8Array };

const serialized = (key: LibsignalKey): Uint8Array => (key instanceof Uint8Array ? key : key.serialize());

export class X25519Recipient implements AgeRecipient {
  readonly mustBeAlone = false;
  /** The recipient's 32-byte X25519 public key. */
  readonly publicKey: Buffer;

  constructor(publicKey: Uint8Array) {
    if (publicKey.length !== X25519_BYTES)
      throw new VaultError('AGE_RECIPIENT_INVALID', 'An X25519 recipient key must be 32 bytes.');
    this.publicKey = Buffer.from(publicKey);
  }

  /** Parses an `age1…` recipient (lowercase, as age prints it). */
  static fromString(text: string): X25519Recipient {
    let decoded: ReturnType<typeof decodeBech32>;
    try {
      decoded = decodeBech32(text);
    } catch {
      throw new VaultError(
        'AGE_RECIPIENT_INVALID',
        'That is not a valid age recipient (age1…): the Bech32 encoding or checksum is wrong.',
      );
    }
    if (decoded.hrp !== RECIPIENT_HRP || decoded.bytes.length !== X25519_BYTES) {
      throw new VaultError(
        'AGE_RECIPIENT_INVALID',
        'That is not an age X25519 recipient: it should start with "age1" and hold a 32-byte key.',
      );
    }
    return new X25519Recipient(decoded.bytes);
  }

  /** From a libsignal `PublicKey` (or its 33 serialized bytes: 0x05 || X25519 key). */
  static fromLibsignal(publicKey: LibsignalKey): X25519Recipient {
    const bytes = serialized(publicKey);
    if (bytes.length !== 1 + X25519_BYTES || bytes[0] !== LIBSIGNAL_DJB_TYPE) {
      throw new VaultError(
        'AGE_RECIPIENT_INVALID',
        'That libsignal public key is not a 33-byte Curve25519 key (type 0x05).',
      );
    }
    return new X25519Recipient(bytes.subarray(1));
  }

  toString(): string {
    return encodeBech32(RECIPIENT_HRP, this.publicKey);
  }

  /**
   * "An X25519 recipient stanza has two arguments.
   *      -> X25519 O6DLx/wDIawpUC978NSPjYvrfDtJVnZApXKp4FMPHCY
   *      3aKjozt9agh7jGmvOKvR4iax41Wl4zj95MKK4X9JuWc
   *  The first is the fixed string `X25519` and the second is the base64-encoded ephemeral
   *  share computed by the recipient implementation as follows:
   *      ephemeral secret = read(CSPRNG, 32)
   *      ephemeral share = X25519(ephemeral secret, basepoint)
   *  A new ephemeral secret MUST be generated for each stanza and each file.
   *  The body of the recipient stanza is computed by the recipient implementation as
   *      salt = ephemeral share || recipient
   *      info = "age-encryption.org/v1/X25519"
   *      shared secret = X25519(ephemeral secret, recipient)
   *      wrap key = HKDF-SHA-256(ikm = shared secret, salt, info)
   *      body = ChaCha20-Poly1305(key = wrap key, plaintext = file key)
   *  where the ChaCha20-Poly1305 nonce is fixed as 12 0x00 bytes."
   */
  async wrap(fileKey: SecretBuffer): Promise<AgeStanza[]> {
    const ephemeral = secureRandom(X25519_BYTES);
    let shared: SecretBuffer | null = null;
    let wrapKey: SecretBuffer | null = null;
    try {
      const share = x25519Base(ephemeral);
      shared = x25519(ephemeral, this.publicKey);
      if (!shared)
        throw new VaultError(
          'AGE_RECIPIENT_INVALID',
          'That X25519 recipient key is a low-order point; nothing can be encrypted to it.',
        );
      wrapKey = hkdf32(shared, Buffer.concat([share, this.publicKey]), X25519_LABEL);
      const body = Buffer.alloc(FILE_KEY_BYTES + AEAD_TAG_BYTES);
      aeadSeal(body, fileKey, ZERO_NONCE, wrapKey);
      return [{ type: X25519_STANZA_TYPE, args: [encodeRaw(share)], body }];
    } finally {
      wipe(ephemeral);
      wipe(shared);
      wipe(wrapKey);
    }
  }
}

export class X25519Identity implements AgeIdentity {
  private secret: SecretBuffer | null;
  /** X25519(identity, basepoint): the matching recipient's key. */
  readonly publicKey: Buffer;

  /** Takes ownership of `secret` (32 bytes in secure memory): dispose() wipes it. */
  private constructor(secret: SecretBuffer) {
    this.secret = secret;
    this.publicKey = x25519Base(secret);
  }

  /** "identity = read(CSPRNG, 32)" */
  static generate(): X25519Identity {
    return new X25519Identity(secureRandom(X25519_BYTES));
  }

  /** From 32 secret bytes; copies them into secure memory (the argument is left as it was). */
  static fromBytes(secret: Uint8Array): X25519Identity {
    if (secret.length !== X25519_BYTES)
      throw new VaultError('AGE_IDENTITY_INVALID', 'An X25519 identity must be 32 bytes.');
    const copy = secureAlloc(X25519_BYTES);
    copy.set(secret);
    return new X25519Identity(copy);
  }

  /** Parses an `AGE-SECRET-KEY-1…` identity (uppercase, as age writes it). */
  static fromString(text: string): X25519Identity {
    let decoded: ReturnType<typeof decodeBech32>;
    try {
      decoded = decodeBech32(text);
    } catch {
      throw new VaultError(
        'AGE_IDENTITY_INVALID',
        'That is not a valid age identity (AGE-SECRET-KEY-1…): the Bech32 encoding or checksum is wrong.',
      );
    }
    if (decoded.hrp !== IDENTITY_HRP || decoded.bytes.length !== X25519_BYTES) {
      wipe(decoded.bytes);
      throw new VaultError(
        'AGE_IDENTITY_INVALID',
        'That is not an age X25519 identity: it should start with "AGE-SECRET-KEY-1" and hold a 32-byte key.',
      );
    }
    return new X25519Identity(secureTake(decoded.bytes));
  }

  /**
   * From a libsignal `PrivateKey` (or its 32 serialized bytes). The serialized copy that
   * libsignal hands out is wiped once it is in secure memory.
   */
  static fromLibsignal(privateKey: LibsignalKey): X25519Identity {
    const bytes = serialized(privateKey);
    if (bytes.length !== X25519_BYTES)
      throw new VaultError('AGE_IDENTITY_INVALID', 'That libsignal private key is not a 32-byte Curve25519 scalar.');
    return privateKey instanceof Uint8Array ? X25519Identity.fromBytes(bytes) : new X25519Identity(secureTake(bytes));
  }

  recipient(): X25519Recipient {
    return new X25519Recipient(this.publicKey);
  }

  /**
   * The secret as `AGE-SECRET-KEY-1…`, for `identity export-age-key` and the age CLI. The
   * string lives in the JavaScript heap until collected: call only to write it out.
   */
  toString(): string {
    return encodeBech32(IDENTITY_HRP, this.key(), { upper: true });
  }

  dispose(): void {
    wipe(this.secret);
    this.secret = null;
  }

  private key(): SecretBuffer {
    if (!this.secret) throw new Error('X25519Identity used after dispose()');
    return this.secret;
  }

  async unwrap(stanzas: readonly AgeStanza[]): Promise<SecretBuffer | null> {
    for (const stanza of stanzas) {
      const fileKey = this.unwrapOne(stanza);
      if (fileKey) return fileKey;
    }
    return null;
  }

  /**
   * "The identity implementation MUST ignore any stanza that does not have `X25519` as the
   *  first argument, and MUST otherwise reject any stanza that has more or less than two
   *  arguments, or where the second argument is not a canonical base64 encoding of a 32-byte
   *  value. It MUST check that the body length is exactly 32 bytes before attempting to
   *  decrypt it, to mitigate partitioning oracle attacks.
   *  The identity implementation computes the shared secret as follows:
   *      shared secret = X25519(identity, ephemeral share)
   *  If the shared secret is all 0x00 bytes, the identity implementation MUST abort.
   *  Finally, it derives the key as above and decrypts the file key in the body."
   */
  private unwrapOne(stanza: AgeStanza): SecretBuffer | null {
    if (stanza.type !== X25519_STANZA_TYPE) return null;
    if (stanza.args.length !== 1)
      throw new VaultError(
        'AGE_STANZA_INVALID',
        'An X25519 recipient stanza in this age file has the wrong number of arguments.',
      );
    const share = decodeRaw(stanza.args[0]!);
    if (!share || share.length !== X25519_BYTES)
      throw new VaultError(
        'AGE_STANZA_INVALID',
        'An X25519 recipient stanza in this age file has an ephemeral share that is not 32 bytes of canonical base64.',
      );
    if (stanza.body.length !== WRAPPED_FILE_KEY_BYTES)
      throw new VaultError(
        'AGE_STANZA_INVALID',
        'An X25519 recipient stanza in this age file has a body of the wrong length.',
      );
    const shared = x25519(this.key(), share);
    if (!shared)
      throw new VaultError(
        'AGE_X25519_LOW_ORDER',
        'An X25519 recipient stanza in this age file uses a low-order ephemeral share (the shared secret would be zero); the file was crafted or damaged.',
      );
    let wrapKey: SecretBuffer | null = null;
    try {
      wrapKey = hkdf32(shared, Buffer.concat([share, this.publicKey]), X25519_LABEL);
      const fileKey = secureAlloc(FILE_KEY_BYTES);
      if (aeadOpen(fileKey, stanza.body, ZERO_NONCE, wrapKey)) return fileKey;
      wipe(fileKey);
      return null;
    } finally {
      wipe(shared);
      wipe(wrapKey);
    }
  }
}
