/**
 * What a recipient type provides. From the spec ("Recipient stanza"):
 *
 *   Each recipient stanza wraps the same file key independently. Identity implementations are
 *   provided the full set of stanzas and recognize those addressed to them from their
 *   arguments. Identity implementations MUST ignore unrecognized stanzas, unless they wish to
 *   require that the recipient type they implement is not mixed with other types.
 */
import type { SecretBuffer } from '../crypto/secure-memory.js';
import type { AgeStanza } from './format.js';

export const FILE_KEY_BYTES = 16;
/** Every native stanza body is ChaCha20-Poly1305(file key): 16 + 16 bytes. */
export const WRAPPED_FILE_KEY_BYTES = 32;
/** "where the ChaCha20-Poly1305 nonce is fixed as 12 0x00 bytes" */
export const ZERO_NONCE = Buffer.alloc(12);

/** Someone a file is encrypted to. */
export interface AgeRecipient {
  /** Wraps the file key (16 bytes, secure memory, not to be kept) into stanzas. */
  wrap(fileKey: SecretBuffer): Promise<AgeStanza[]>;
  /** True for a type whose stanza must be the only one in a header (scrypt). */
  readonly mustBeAlone: boolean;
}

/** Something that can open files: a private key, a passphrase. */
export interface AgeIdentity {
  /**
   * The file key (16 bytes in secure memory; the caller wipes it) when one of the stanzas is
   * addressed to this identity, or null when none is. Stanzas of other types are skipped;
   * a malformed stanza of its own type is an error (AGE_STANZA_INVALID and friends).
   */
  unwrap(stanzas: readonly AgeStanza[]): Promise<SecretBuffer | null>;
}
