/**
 * The contact card: how a vault introduces itself to a partner (as a `.cvcard` file or a QR
 * code), and what a bundle manifest carries as its sender.
 *
 * Format (version 1, or 2 with `pqPublicKey`), a JSON object with exactly these members:
 *
 *   {"format":"case-vault/contact-card","version":1,
 *    "vaultId":"<UUID of the issuing vault, lowercase>",
 *    "name":"<the holder's name, ≤ 200 characters, may be empty>",
 *    "organisation":"<≤ 200 characters, may be empty>",
 *    "publicKey":"<standard base64, padded, of the 33-byte libsignal public key 0x05 ‖ X25519>",
 *    "createdAt":"<when this card was issued: UTC, YYYY-MM-DDTHH:MM:SS.sssZ>",
 *    "pqPublicKey":"<version 2 only: standard base64, padded, of the vault's 1216-byte
 *                   post-quantum key, the age mlkem768x25519 recipient (ML-KEM-768 ‖ X25519)>",
 *    "signature":"<standard base64, padded, of 64 bytes>"}
 *
 * Version 2 only adds `pqPublicKey`. A vault writes version 2 where the card carries its
 * post-quantum key, and version 1 where it does not (a vault from before schema 11; and, by the
 * "lowest version" rule of docs/bundle-format.md, the card inside a bundle, notice or receipt
 * for a partner whose own card has no post-quantum key): an older Case Vault reads version 1
 * only, and refuses a version 2 card with CARD_UNSUPPORTED_VERSION ("made by a newer version
 * of Case Vault; update"). This version reads both.
 *
 *   signature = XEdDSA_sign(private key,
 *                 SHA-256("case-vault/contact-card/v1" ‖ 0x00 ‖ canonicalJson(card without "signature")))
 *
 * canonicalJson is shared/canonical-json.ts (keys sorted, no whitespace). The card is a
 * self-signature: it proves that whoever made it holds the private key of `publicKey`, and
 * that nobody changed the name, organisation, vault id or time since. It does NOT prove who
 * that is: that is what comparing the safety number does (safety-number.ts).
 *
 * A `.cvcard` file is the card as pretty-printed JSON (2 spaces) and a newline; the QR code
 * holds the compact card (canonicalJson of the whole card) in byte mode, error correction M.
 *
 * Parsing is strict, one code per way of failing, checked in this order:
 *   CARD_TOO_LARGE           more than MAX_CARD_BYTES (16 KiB) of input
 *   CARD_INVALID             not strict JSON (engine/bundles/strict-json.ts: a byte-order
 *                            mark, not UTF-8, a duplicate key, a lone surrogate, …) / not an
 *                            object / a `__proto__`,
 *                            `constructor` or `prototype` key anywhere / `format` is not
 *                            "case-vault/contact-card" / a member missing, extra or of the
 *                            wrong type or form
 *   CARD_UNSUPPORTED_VERSION `version` is not 1 or 2
 *   CARD_KEY_INVALID         `publicKey` is not canonical base64 of a 33-byte Curve25519 key,
 *                            or `pqPublicKey` not canonical base64 of a valid 1216-byte key
 *   CARD_SIGNATURE_INVALID   `signature` is not 64 bytes or does not verify
 */
import { canonicalJson } from '../../../shared/canonical-json.js';
import {
  CONTACT_CARD_FORMAT,
  CONTACT_CARD_VERSION,
  ContactCard,
  MAX_CARD_BYTES,
} from '../../../shared/domain/identity.js';
import { VaultError } from '../../../shared/errors.js';
import { describeZodError } from '../../../shared/zod-message.js';
import { appendAudit } from '../audit/audit-log.js';
import { get, sql } from '../db/sql.js';
import { type DomainContext, nowIso } from '../domain/context.js';
import { stageNewFile, unpublish } from '../util/new-file.js';
import { parseStrictJson } from '../bundles/strict-json.js';
import { HYBRID_RECIPIENT_BYTES, HybridRecipient } from '../age/index.js';
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES, isPublicKey, keyFingerprint, verifySignature } from './vault-identity.js';

export { type ContactCard } from '../../../shared/domain/identity.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Bytes of standard padded base64, or null when `text` is not its canonical encoding. */
function decodeCanonicalBase64(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

/** A card before it is signed (either version). */
type UnsignedCardOf<C> = C extends unknown ? Omit<C, 'signature'> : never;

/** The bytes the signature covers: canonical JSON of every member but `signature`. */
export function cardSignedBytes(card: UnsignedCardOf<ContactCard> & { signature?: string }): Buffer {
  const { signature: _s, ...body } = card;
  return Buffer.from(canonicalJson(body), 'utf8');
}

/**
 * This vault's card, signed now with its identity key: version 2 with the post-quantum key
 * when the vault has one, unless `postQuantum` is false (a card for a reader that may not know
 * version 2), version 1 otherwise.
 */
export function contactCardOf(ctx: DomainContext, opts: { postQuantum?: boolean } = {}): ContactCard {
  const row = get<{ name: string; organisation: string }>(
    ctx.db,
    sql`SELECT name, organisation FROM vault_identity WHERE id = 1`,
  );
  if (!row)
    throw new VaultError(
      'IDENTITY_MISSING',
      'This vault has no identity key yet; unlock it with this version of Case Vault to create one.',
    );
  const identity = ctx.identity;
  const base = {
    format: CONTACT_CARD_FORMAT,
    vaultId: ctx.vaultId,
    name: row.name,
    organisation: row.organisation,
    publicKey: identity.publicKey.toString('base64'),
    createdAt: nowIso(ctx),
  } as const;
  const pq = opts.postQuantum === false ? null : identity.postQuantumPublicKey;
  const body: UnsignedCardOf<ContactCard> = pq
    ? { ...base, version: 2, pqPublicKey: pq.toString('base64') }
    : { ...base, version: 1 };
  const signature = identity.sign('card', cardSignedBytes(body)).toString('base64');
  return { ...body, signature } as ContactCard;
}

function invalid(why: string): VaultError {
  return new VaultError('CARD_INVALID', `This is not a valid Case Vault contact card: ${why}.`);
}

function checkKeys(value: unknown, depth = 0): void {
  if (depth > 8) throw invalid('it is nested too deeply');
  if (Array.isArray(value)) {
    for (const v of value) checkKeys(v, depth + 1);
  } else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(k)) throw invalid(`it contains a "${k}" key, which is never part of a card`);
      checkKeys((value as Record<string, unknown>)[k], depth + 1);
    }
  }
}

/**
 * Parse and check a card: the text of a `.cvcard` file (string or bytes), or an already
 * parsed JSON value (a bundle manifest's `sender`). Returns a plain copy that has passed every
 * check, including the self-signature; throws the first failure (see the list above).
 */
export function parseContactCard(input: string | Uint8Array | unknown): ContactCard {
  let value: unknown;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const bytes =
      typeof input === 'string'
        ? Buffer.from(input, 'utf8')
        : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    if (bytes.length > MAX_CARD_BYTES)
      throw new VaultError(
        'CARD_TOO_LARGE',
        `This file is too large to be a contact card (a card is under ${MAX_CARD_BYTES / 1024} KiB).`,
      );
    // strict: no byte-order mark, UTF-8, RFC 8259, no duplicate key, no lone surrogate
    const json = parseStrictJson(bytes);
    if (!json.ok) throw invalid(json.problem);
    value = json.value;
  } else {
    let size: number;
    try {
      size = Buffer.byteLength(JSON.stringify(input) ?? '', 'utf8');
    } catch {
      throw invalid('it is not JSON');
    }
    if (size > MAX_CARD_BYTES)
      throw new VaultError(
        'CARD_TOO_LARGE',
        `This contact card is too large (a card is under ${MAX_CARD_BYTES / 1024} KiB).`,
      );
    value = input;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid('it is not a JSON object');
  checkKeys(value);
  const obj = value as Record<string, unknown>;
  if (obj.format !== CONTACT_CARD_FORMAT) throw invalid('its "format" is not "case-vault/contact-card"');
  if (obj.version !== 1 && obj.version !== CONTACT_CARD_VERSION) {
    const newer = typeof obj.version === 'number' && obj.version > CONTACT_CARD_VERSION;
    throw new VaultError(
      'CARD_UNSUPPORTED_VERSION',
      newer
        ? 'This contact card was made by a newer version of Case Vault; update Case Vault to read it.'
        : 'This contact card has a version this Case Vault does not know.',
    );
  }
  const parsed = ContactCard.safeParse(obj);
  if (!parsed.success) throw invalid(describeZodError(parsed.error));
  const card = parsed.data;
  const publicKey = decodeCanonicalBase64(card.publicKey);
  if (!publicKey || publicKey.length !== PUBLIC_KEY_BYTES || !isPublicKey(publicKey)) {
    throw new VaultError(
      'CARD_KEY_INVALID',
      'The public key in this contact card is not a valid Case Vault identity key (33 bytes, Curve25519).',
    );
  }
  if (card.version === 2) {
    const pq = decodeCanonicalBase64(card.pqPublicKey);
    let valid = pq !== null && pq.length === HYBRID_RECIPIENT_BYTES;
    if (valid) {
      try {
        new HybridRecipient(pq!);
      } catch {
        valid = false;
      }
    }
    if (!valid)
      throw new VaultError(
        'CARD_KEY_INVALID',
        'The post-quantum key in this contact card is not a valid key (1216 bytes: ML-KEM-768 and X25519).',
      );
  }
  const signature = decodeCanonicalBase64(card.signature);
  if (
    !signature ||
    signature.length !== SIGNATURE_BYTES ||
    !verifySignature(publicKey, 'card', cardSignedBytes(card), signature)
  ) {
    throw new VaultError(
      'CARD_SIGNATURE_INVALID',
      "This contact card's signature does not match its contents: it was changed after it was made, or damaged. Ask the sender for a new card.",
    );
  }
  return { ...card };
}

/** The card's 33-byte public key (the card must have been through parseContactCard). */
export function cardPublicKey(card: ContactCard): Buffer {
  return Buffer.from(card.publicKey, 'base64');
}

/** The card's 1216-byte post-quantum key, or null for a version 1 card (parsed cards only). */
export function cardPqPublicKey(card: ContactCard): Buffer | null {
  return card.version === 2 ? Buffer.from(card.pqPublicKey, 'base64') : null;
}

/** The `.cvcard` file text: pretty JSON and a newline. */
export function cardFileText(card: ContactCard): string {
  return JSON.stringify(card, null, 2) + '\n';
}

/** The card as a QR code (byte mode, error correction M) holding the compact card JSON. */
export async function cardQr(card: ContactCard, type: 'svg'): Promise<string>;
export async function cardQr(card: ContactCard, type: 'png'): Promise<Buffer>;
export async function cardQr(card: ContactCard, type: 'svg' | 'png'): Promise<string | Buffer> {
  const data = Buffer.from(canonicalJson(card), 'utf8');
  // A version 2 card is about 2 KB (its post-quantum key is 1624 characters of base64): a QR
  // code of version ~37 of the 40 there are. A long name and organisation in a script that
  // takes 2 or 3 bytes a character can push it past the largest.
  if (data.length > MAX_QR_CARD_BYTES)
    throw new VaultError(
      'CARD_QR_TOO_LARGE',
      'This contact card is too long for a QR code (its post-quantum key with a long name or organisation). Send the .cvcard file instead, or shorten the name or organisation.',
    );
  return qrOf(data, type);
}

/** What a QR code holds in byte mode at error correction M, version 40. */
export const MAX_QR_CARD_BYTES = 2331;

/** A QR code of `data` in byte mode, error correction M. */
export async function qrOf(data: Uint8Array, type: 'svg' | 'png'): Promise<string | Buffer> {
  const segments = [{ data: Buffer.from(data), mode: 'byte' as const }];
  // loaded on first use, not with the engine (every CLI command would pay for it)
  const QRCode = (await import('qrcode')).default;
  if (type === 'svg') return QRCode.toString(segments, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return QRCode.toBuffer(segments, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6 });
}

export interface CardExport {
  card: ContactCard;
  out: string;
  qr: string | null;
  fingerprint: string;
}

/**
 * Write this vault's card to `out` (`.cvcard`) and, optionally, as a QR code to `qr` (`.png`
 * or `.svg`, by its extension). Neither file may exist; both are published only when both
 * were written, and the export is audited (`identity.card-exported`).
 */
export async function exportContactCard(ctx: DomainContext, opts: { out: string; qr?: string }): Promise<CardExport> {
  let qrType: 'svg' | 'png' | null = null;
  if (opts.qr !== undefined) {
    const ext = opts.qr.toLowerCase().split('.').pop();
    if (ext !== 'png' && ext !== 'svg')
      throw new VaultError('INVALID_INPUT', 'qr: the QR code file must end in .png or .svg.');
    qrType = ext;
  }
  const card = contactCardOf(ctx);
  const qrData = qrType === 'svg' ? await cardQr(card, 'svg') : qrType === 'png' ? await cardQr(card, 'png') : null;
  const staged = [stageNewFile(opts.out, cardFileText(card))];
  try {
    if (opts.qr !== undefined && qrData !== null) staged.push(stageNewFile(opts.qr, qrData));
    // Published last, inside the transaction: a refused or failed publish rolls the audit entry
    // back; a commit that fails after publishing takes the files back.
    const published: string[] = [];
    try {
      ctx.db.transaction(() => {
        appendAudit(ctx.db, ctx.vaultId, {
          action: 'identity.card-exported',
          at: card.createdAt,
          subject: { kind: 'vault-identity', id: ctx.vaultId },
          details: { qr: qrType ?? false },
        });
        for (const s of staged) {
          s.publish();
          published.push(s.dest);
        }
      })();
    } catch (e) {
      for (const p of published) unpublish(p);
      throw e;
    }
  } finally {
    for (const s of staged) s.discard();
  }
  return { card, out: staged[0]!.dest, qr: staged[1]?.dest ?? null, fingerprint: keyFingerprint(cardPublicKey(card)) };
}
