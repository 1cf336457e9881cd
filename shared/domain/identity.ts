/**
 * The vault's identity as people see it (name, organisation, public key, fingerprint), the
 * contact card that carries it to partners, and safety numbers (engine/identity/).
 *
 * Input schemas parse what a person or the renderer sends; output schemas are strict about
 * shape (no unknown field passes) so the IPC layer can reuse them as they stand.
 */
import { z } from 'zod';
import { Id, text } from './common.js';

/** What the card says about the holder: free text, bounded; may be left empty. */
export const CardText = text(200);

export const UpdateIdentityInput = z.strictObject({
  name: CardText.optional(),
  organisation: CardText.optional(),
});
export type UpdateIdentityInput = z.input<typeof UpdateIdentityInput>;

/** `identity show`: who this vault says it is. */
export const IdentityProfile = z.strictObject({
  vaultId: z.string(),
  name: z.string(),
  organisation: z.string(),
  /** base64 of the 33-byte libsignal public key (0x05 ‖ X25519) */
  publicKey: z.string(),
  createdAt: z.string(),
  /** first 16 bytes of SHA-256(public key), hex, 8 groups of 4 (docs/security.md) */
  fingerprint: z.string(),
  /** the same key as an age recipient (age1…), for the stock age tool */
  ageRecipient: z.string(),
  /** whether this vault offers partners a post-quantum key (its card is then version 2) */
  postQuantum: z.boolean(),
  /** the post-quantum key as an age recipient (age1pq1…, age 1.3 and later); null when the vault has none */
  agePqRecipient: z.string().nullable(),
});
export type IdentityProfile = z.infer<typeof IdentityProfile>;

// ---------------------------------------------------------------------------------------------
// Contact card (engine/identity/contact-card.ts has the format and its parser)

export const CONTACT_CARD_FORMAT = 'case-vault/contact-card';
/**
 * The newest card version this build reads and writes. Version 2 is version 1 and
 * `pqPublicKey`; a card without a post-quantum key is still written as version 1, which every
 * Case Vault reads (engine/identity/contact-card.ts).
 */
export const CONTACT_CARD_VERSION = 2;
/** base64 of the 1216-byte post-quantum key is 1624 characters */
const PQ_PUBLIC_KEY_BASE64_CHARS = 1624;
/** A card file larger than this is refused before it is parsed. */
export const MAX_CARD_BYTES = 16 * 1024;

const Base64 = z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'must be base64');
const InstantMs = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'must be a UTC time as YYYY-MM-DDTHH:MM:SS.sssZ');
/** The card's own text fields: bounded, and as they were signed (no trimming on parse). */
const SignedText = z.string().max(200, 'must be at most 200 characters');

const cardMembers = {
  format: z.literal(CONTACT_CARD_FORMAT),
  vaultId: Id,
  name: SignedText,
  organisation: SignedText,
  publicKey: Base64,
  createdAt: InstantMs,
  signature: Base64,
};

/** A card without a post-quantum key: what every Case Vault reads. */
export const ContactCardV1 = z.strictObject({ ...cardMembers, version: z.literal(1) });
/** A card with the vault's post-quantum key (age mlkem768x25519 recipient, covered by the signature). */
export const ContactCardV2 = z.strictObject({
  ...cardMembers,
  version: z.literal(2),
  pqPublicKey: Base64.max(PQ_PUBLIC_KEY_BASE64_CHARS, 'must be the base64 of a 1216-byte key'),
});

/** A signed contact card, exactly as exchanged (strict: an unknown field is refused). */
export const ContactCard = z.discriminatedUnion('version', [ContactCardV1, ContactCardV2]);
export type ContactCard = z.infer<typeof ContactCard>;

// ---------------------------------------------------------------------------------------------
// Safety numbers

/** The 60-digit safety number for (our key, their key): the same on both sides. */
export const SafetyNumber = z.strictObject({
  digits: z.string().regex(/^\d{60}$/),
  /** 12 groups of 5 digits, for reading aloud */
  groups: z.array(z.string().regex(/^\d{5}$/)).length(12),
  /** base64 of libsignal's ScannableFingerprint bytes (what the QR code holds) */
  scannable: z.string(),
  /** the scannable form as a QR code (SVG text) */
  qrSvg: z.string(),
});
export type SafetyNumber = z.infer<typeof SafetyNumber>;
