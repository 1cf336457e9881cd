/**
 * Partners' identity keys: imported from their contact cards, verified by comparing the
 * safety number, replaced when a partner's vault presents a new key.
 *
 * Rules (table partner_keys, migrations/0003):
 * - A partner vault has at most one current (not 'replaced') key. A card for a known vault with
 *   the same key refreshes the name and organisation (when the card is newer); with a different
 *   key it is a KEY CHANGE: the old row becomes 'replaced', the new one starts 'unverified', and
 *   the partner shows keyState 'changed' until someone verifies the new key.
 * - A key belongs to one vault: a card that presents a key already held by another vault id is
 *   refused (CARD_KEY_CONFLICT), and so is a card that brings back a key its vault has since
 *   replaced (KEY_REPLACED): someone holding an old key must not get it trusted again.
 * - Our own card is refused (CARD_IS_OWN).
 * - Verification compares the safety number computed here with the one the user read or
 *   scanned; a mismatch (SAFETY_NUMBER_MISMATCH) writes nothing. Who compared, when and how
 *   are kept in the row; the audit entry carries ids and the method only.
 */
import {
  type CardImportChange,
  type CardImportResult,
  ImportContactCardInput,
  type KeyVerificationMethod,
  type Partner,
  type PartnerKey,
  type PartnerKeyStatus,
  VerifyPartnerKeyInput,
} from '../../../shared/domain/partners.js';
import type { SafetyNumber } from '../../../shared/domain/identity.js';
import { VaultError } from '../../../shared/errors.js';
import { canonicalJson } from '../../../shared/canonical-json.js';
import { constantTimeEqual } from '../crypto/secure-memory.js';
import { all, get, run, sql, type ReadableDB } from '../db/sql.js';
import { type DomainContext, mutate, notFound, nowIso, parseInput } from '../domain/context.js';
import { type ContactCard, cardPqPublicKey, cardPublicKey, parseContactCard } from '../identity/contact-card.js';
import { compareScanned, normaliseSafetyNumber, safetyNumber, safetyNumberDigits } from '../identity/safety-number.js';
import { keyFingerprint } from '../identity/vault-identity.js';
import { uuidv7 } from '../util/ids.js';
import { addPartner, getPartner, requirePartner } from './partner-service.js';

interface KeyRow {
  id: string;
  partner_id: string;
  vault_id: string;
  public_key: Uint8Array;
  name: string;
  organisation: string;
  card_created_at: string;
  card: string;
  status: PartnerKeyStatus;
  added_at: string;
  verified_at: string | null;
  verified_by: string | null;
  verified_how: KeyVerificationMethod | null;
  replaced_at: string | null;
}

/** The post-quantum key of a stored card (checked when the card was imported), or null for a version 1 card. */
function storedPqKey(card: string): Buffer | null {
  const parsed = JSON.parse(card) as { version?: unknown; pqPublicKey?: unknown };
  return parsed.version === 2 && typeof parsed.pqPublicKey === 'string'
    ? Buffer.from(parsed.pqPublicKey, 'base64')
    : null;
}

function toKey(r: KeyRow): PartnerKey {
  const publicKey = Buffer.from(r.public_key);
  return {
    id: r.id,
    partnerId: r.partner_id,
    vaultId: r.vault_id,
    publicKey: publicKey.toString('base64'),
    fingerprint: keyFingerprint(publicKey),
    name: r.name,
    organisation: r.organisation,
    cardCreatedAt: r.card_created_at,
    status: r.status,
    addedAt: r.added_at,
    verifiedAt: r.verified_at,
    verifiedBy: r.verified_by,
    verifiedHow: r.verified_how,
    replacedAt: r.replaced_at,
    postQuantum: storedPqKey(r.card) !== null,
  };
}

/** The 1216-byte post-quantum key the card of this partner key carries, or null (a version 1 card). */
export function partnerPqKeyBytes(ctx: DomainContext, keyId: string): Buffer | null {
  return storedPqKey(requireKeyRow(ctx.db, keyId).card);
}

/** The 33 bytes of a PartnerKey's public key (for age recipients and signature checks). */
export function partnerKeyBytes(key: Pick<PartnerKey, 'publicKey'>): Buffer {
  return Buffer.from(key.publicKey, 'base64');
}

function requireKeyRow(db: ReadableDB, id: string): KeyRow {
  const r = get<KeyRow>(db, sql`SELECT * FROM partner_keys WHERE id = ${id}`);
  if (!r) throw notFound('partner key', id);
  return r;
}

/** Every key of a partner, current and replaced, oldest first. */
export function listPartnerKeys(ctx: DomainContext, partnerId: string): PartnerKey[] {
  requirePartner(ctx.db, partnerId);
  return all<KeyRow>(ctx.db, sql`SELECT * FROM partner_keys WHERE partner_id = ${partnerId} ORDER BY added_at, id`).map(
    toKey,
  );
}

export function getPartnerKey(ctx: DomainContext, keyId: string): PartnerKey {
  return toKey(requireKeyRow(ctx.db, keyId));
}

function partnerOnly(ctx: DomainContext, partnerId: string): Partner {
  const { agreements: _a, keys: _k, keyState: _s, ...partner } = getPartner(ctx, partnerId);
  return partner;
}

/** The key (any status) with these 33 bytes, and its partner; null when no partner has it. */
export function findKeyByPublicKey(
  ctx: DomainContext,
  publicKey: Uint8Array,
): { key: PartnerKey; partner: Partner } | null {
  const r = get<KeyRow>(ctx.db, sql`SELECT * FROM partner_keys WHERE public_key = ${Buffer.from(publicKey)}`);
  return r ? { key: toKey(r), partner: partnerOnly(ctx, r.partner_id) } : null;
}

/** A partner's verified keys: the ones a bundle to them is encrypted to. */
export function verifiedKeysOf(ctx: DomainContext, partnerId: string): PartnerKey[] {
  requirePartner(ctx.db, partnerId);
  return all<KeyRow>(
    ctx.db,
    sql`SELECT * FROM partner_keys WHERE partner_id = ${partnerId} AND status = 'verified' ORDER BY added_at, id`,
  ).map(toKey);
}

/**
 * The key of a partner that a command means: `keyId` when given (it must be the partner's),
 * else the partner's one current key (USAGE-like INVALID_INPUT when it has several vaults).
 */
export function currentKeyOf(ctx: DomainContext, partnerId: string, keyId?: string): PartnerKey {
  requirePartner(ctx.db, partnerId);
  if (keyId !== undefined) {
    const key = toKey(requireKeyRow(ctx.db, keyId));
    if (key.partnerId !== partnerId)
      throw new VaultError('INVALID_INPUT', `key: ${keyId} is not a key of partner ${partnerId}.`);
    return key;
  }
  const current = all<KeyRow>(
    ctx.db,
    sql`SELECT * FROM partner_keys WHERE partner_id = ${partnerId} AND status != 'replaced' ORDER BY added_at, id`,
  );
  if (current.length === 0)
    throw new VaultError(
      'NOT_FOUND',
      'This partner has no key yet: import their contact card first (partner add --card FILE --partner ID).',
    );
  if (current.length > 1)
    throw new VaultError(
      'INVALID_INPUT',
      `key: this partner has ${current.length} current keys (one per vault); say which with its key id.`,
    );
  return toKey(current[0]!);
}

function defaultPartnerName(card: ContactCard): string {
  const name = (card.organisation.trim() || card.name.trim()).slice(0, 200);
  return name.length > 0 ? name : `Partner vault ${card.vaultId.slice(0, 8)}`;
}

/**
 * Import a partner's contact card: a new partner, a new key for a partner, a refresh of a key
 * we have, or a key change (see the rules above). One transaction, audited.
 */
export function importContactCard(ctx: DomainContext, input: ImportContactCardInput): CardImportResult {
  const p = parseInput(ImportContactCardInput, input);
  const card = parseContactCard(p.card);
  const publicKey = cardPublicKey(card);
  if (card.vaultId === ctx.vaultId || constantTimeEqual(publicKey, ctx.identity.publicKey)) {
    throw new VaultError(
      'CARD_IS_OWN',
      "This is this vault's own contact card; import the card of the partner's vault instead.",
    );
  }
  const cardJson = canonicalJson(card);
  return mutate(ctx, (audit) => {
    const at = nowIso(ctx);
    const holder = get<KeyRow>(ctx.db, sql`SELECT * FROM partner_keys WHERE public_key = ${publicKey}`);
    if (holder && holder.vault_id !== card.vaultId) {
      throw new VaultError(
        'CARD_KEY_CONFLICT',
        `This card's key is already known as the key of another partner vault (key ${holder.id}); a key belongs to one vault. Nothing was imported.`,
      );
    }
    if (holder && holder.status === 'replaced') {
      throw new VaultError(
        'KEY_REPLACED',
        `This card carries a key that this partner's vault has since replaced (key ${holder.id}); an old key is never trusted again. Ask the partner for their current card.`,
      );
    }
    const current = get<KeyRow>(
      ctx.db,
      sql`SELECT * FROM partner_keys WHERE vault_id = ${card.vaultId} AND status != 'replaced'`,
    );
    if (current && p.partnerId !== undefined && current.partner_id !== p.partnerId) {
      throw new VaultError(
        'INVALID_INPUT',
        `partnerId: this card's vault already belongs to partner ${current.partner_id}.`,
      );
    }
    const insertKey = (partnerId: string): string => {
      const id = uuidv7(ctx.now().getTime());
      run(
        ctx.db,
        sql`INSERT INTO partner_keys (id, partner_id, vault_id, public_key, name, organisation, card_created_at, card, status, added_at)
            VALUES (${id}, ${partnerId}, ${card.vaultId}, ${publicKey}, ${card.name}, ${card.organisation}, ${card.createdAt}, ${cardJson}, 'unverified', ${at})`,
      );
      return id;
    };
    let change: CardImportChange;
    let keyId: string;
    let partnerId: string;
    if (current && Buffer.from(current.public_key).equals(publicKey)) {
      change = 'unchanged';
      keyId = current.id;
      partnerId = current.partner_id;
      // A newer card of the same key may carry a new name or organisation; an older one is ignored.
      if (card.createdAt > current.card_created_at) {
        const fields: string[] = (['name', 'organisation'] as const).filter((f) => card[f] !== current[f]);
        const pqBefore = storedPqKey(current.card);
        const pqAfter = cardPqPublicKey(card);
        if (!(pqBefore === null ? pqAfter === null : pqAfter !== null && pqBefore.equals(pqAfter)))
          fields.push('pqPublicKey');
        run(
          ctx.db,
          sql`UPDATE partner_keys SET name = ${card.name}, organisation = ${card.organisation}, card_created_at = ${card.createdAt}, card = ${cardJson} WHERE id = ${keyId}`,
        );
        audit({
          action: 'partner-key.card-refreshed',
          subject: { kind: 'partner-key', id: keyId },
          details: { partnerId, fields },
        });
      }
    } else if (current) {
      change = 'key-changed';
      partnerId = current.partner_id;
      run(ctx.db, sql`UPDATE partner_keys SET status = 'replaced', replaced_at = ${at} WHERE id = ${current.id}`);
      keyId = insertKey(partnerId);
      audit({
        action: 'partner-key.changed',
        subject: { kind: 'partner-key', id: keyId },
        details: {
          partnerId,
          vaultId: card.vaultId,
          replacedKeyId: current.id,
          previousStatus: current.status,
          fingerprint: keyFingerprint(publicKey),
        },
      });
    } else {
      if (p.partnerId !== undefined) {
        partnerId = requirePartner(ctx.db, p.partnerId).id;
        change = 'new-key';
      } else {
        partnerId = addPartner(ctx, {
          name: defaultPartnerName(card),
          kind: p.kind ?? 'other',
          ddTier: p.ddTier ?? 'small',
        }).id;
        change = 'new-partner';
      }
      keyId = insertKey(partnerId);
      audit({
        action: 'partner-key.added',
        subject: { kind: 'partner-key', id: keyId },
        details: { partnerId, vaultId: card.vaultId, fingerprint: keyFingerprint(publicKey) },
      });
    }
    return { partner: partnerOnly(ctx, partnerId), key: toKey(requireKeyRow(ctx.db, keyId)), change };
  });
}

function sides(ctx: DomainContext, key: Pick<KeyRow, 'vault_id' | 'public_key'>) {
  return [
    { vaultId: ctx.vaultId, publicKey: ctx.identity.publicKey },
    { vaultId: key.vault_id, publicKey: key.public_key },
  ] as const;
}

/** The safety number of (our key, this partner key), for reading aloud or scanning. */
export async function partnerSafetyNumber(ctx: DomainContext, partnerKeyId: string): Promise<SafetyNumber> {
  const row = requireKeyRow(ctx.db, partnerKeyId);
  const [local, remote] = sides(ctx, row);
  return safetyNumber(local, remote);
}

/**
 * Mark a key verified: the safety number the user compared (typed, or the other side's code
 * scanned) must be this pair's. A mismatch is SAFETY_NUMBER_MISMATCH and nothing is written;
 * a replaced key cannot be verified (KEY_REPLACED). Verifying a verified key again records the
 * new comparison.
 */
export function verifyPartnerKey(ctx: DomainContext, input: VerifyPartnerKeyInput): PartnerKey {
  const p = parseInput(VerifyPartnerKeyInput, input);
  const row = requireKeyRow(ctx.db, p.keyId);
  if (row.status === 'replaced') {
    throw new VaultError(
      'KEY_REPLACED',
      "This key was replaced by a newer key of the partner's vault; verify the current key instead.",
    );
  }
  const [local, remote] = sides(ctx, row);
  const ours = safetyNumberDigits(local, remote);
  let matches: boolean;
  if (p.safetyNumber !== undefined) {
    matches = normaliseSafetyNumber(p.safetyNumber) === ours.digits;
  } else {
    matches = compareScanned(ours.scannable, p.scanned!);
  }
  if (!matches) {
    throw new VaultError(
      'SAFETY_NUMBER_MISMATCH',
      'That safety number does not match the one for your key and this partner key. Do not mark it verified: check that you compared with the right person and the right vault, and ask them for a new card if their key changed.',
    );
  }
  const how: KeyVerificationMethod = p.how ?? (p.scanned !== undefined ? 'scanned' : 'read-aloud');
  return mutate(ctx, (audit) => {
    const at = nowIso(ctx);
    run(
      ctx.db,
      sql`UPDATE partner_keys SET status = 'verified', verified_at = ${at}, verified_by = ${p.verifiedBy}, verified_how = ${how} WHERE id = ${row.id} AND status != 'replaced'`,
    );
    audit({
      action: 'partner-key.verified',
      subject: { kind: 'partner-key', id: row.id },
      details: { partnerId: row.partner_id, how, compared: p.scanned !== undefined ? 'scanned-code' : 'digits' },
    });
    return toKey(requireKeyRow(ctx.db, row.id));
  });
}
