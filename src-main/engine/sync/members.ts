/**
 * Team members: the other vaults of this organisation. A member is added from its contact card
 * and verified by safety number exactly like a partner (partners/partner-keys.ts: same card
 * import, same key states, same refusals), and marked as a member in team_members.
 *
 * - A card of a vault that is already a partner of this vault (not a member) is refused
 *   (SYNC_MEMBER_IS_PARTNER): a partner organisation never becomes a team member by accident.
 * - Removing a member keeps its row with removed_at: nothing new goes to it and its later sync
 *   bundles are refused (SYNC_MEMBER_REMOVED). Adding its card again does not bring it back.
 */
import { z } from 'zod';
import { VaultError } from '../../../shared/errors.js';
import { all, get, run, sql } from '../db/sql.js';
import { type DomainContext, mutate, nowIso, parseInput } from '../domain/context.js';
import { cardPublicKey, parseContactCard } from '../identity/contact-card.js';
import { keyFingerprint } from '../identity/vault-identity.js';
import { currentKeyOf, importContactCard, verifyPartnerKey } from '../partners/partner-keys.js';
import { requirePartner } from '../partners/partner-service.js';

export interface TeamMember {
  id: string;
  name: string;
  vaultId: string;
  keyId: string | null;
  keyStatus: 'unverified' | 'verified' | 'replaced' | null;
  fingerprint: string | null;
  addedAt: string;
  removedAt: string | null;
  /** this vault's changes the member acknowledged holding */
  acknowledged: number;
}

interface MemberRow {
  partner_id: string;
  vault_id: string;
  added_at: string;
  removed_at: string | null;
}

function memberRow(ctx: DomainContext, id: string): MemberRow {
  const r = get<MemberRow>(ctx.db, sql`SELECT * FROM team_members WHERE partner_id = ${id}`);
  if (!r) throw new VaultError('SYNC_MEMBER_UNKNOWN', `No team member with id ${id} in this vault (team list).`);
  return r;
}

function toMember(ctx: DomainContext, r: MemberRow): TeamMember {
  const partner = requirePartner(ctx.db, r.partner_id);
  const key = get<{ id: string; status: TeamMember['keyStatus']; public_key: Uint8Array }>(
    ctx.db,
    sql`SELECT id, status, public_key FROM partner_keys WHERE partner_id = ${r.partner_id} AND vault_id = ${r.vault_id} AND status != 'replaced' ORDER BY added_at DESC LIMIT 1`,
  );
  const acked = get<{ through_seq: number }>(
    ctx.db,
    sql`SELECT through_seq FROM sync_acks WHERE member_vault = ${r.vault_id} AND origin = ${ctx.vaultId}`,
  );
  return {
    id: r.partner_id,
    name: partner.name,
    vaultId: r.vault_id,
    keyId: key?.id ?? null,
    keyStatus: key?.status ?? null,
    fingerprint: key ? keyFingerprint(Buffer.from(key.public_key)) : null,
    addedAt: r.added_at,
    removedAt: r.removed_at,
    acknowledged: acked?.through_seq ?? 0,
  };
}

const AddInput = z.strictObject({
  card: z
    .string()
    .min(1)
    .max(64 * 1024),
});

/** Add a member from its contact card (unverified until `team verify`). */
export function addTeamMember(ctx: DomainContext, input: unknown): TeamMember {
  const p = parseInput(AddInput, input);
  const card = parseContactCard(p.card);
  cardPublicKey(card);
  return mutate(ctx, (audit) => {
    const existing = get<MemberRow>(ctx.db, sql`SELECT * FROM team_members WHERE vault_id = ${card.vaultId}`);
    if (existing?.removed_at) {
      throw new VaultError(
        'SYNC_MEMBER_REMOVED',
        `This card is of vault ${card.vaultId}, a team member removed on ${existing.removed_at}. A removed member is not added back; a laptop that rejoins gets a new vault. Nothing was changed.`,
      );
    }
    const partnerOfVault = get<{ partner_id: string }>(
      ctx.db,
      sql`SELECT partner_id FROM partner_keys WHERE vault_id = ${card.vaultId} LIMIT 1`,
    );
    if (partnerOfVault && !existing) {
      throw new VaultError(
        'SYNC_MEMBER_IS_PARTNER',
        `This card's vault is already partner ${partnerOfVault.partner_id} of this vault; a partner organisation is not made a team member. Nothing was changed.`,
      );
    }
    const r = importContactCard(ctx, { card: p.card, ...(existing ? { partnerId: existing.partner_id } : {}) });
    if (!existing) {
      run(
        ctx.db,
        sql`INSERT INTO team_members (partner_id, vault_id, added_at) VALUES (${r.partner.id}, ${card.vaultId}, ${nowIso(ctx)})`,
      );
      audit({
        action: 'team.member-added',
        subject: { kind: 'team-member', id: r.partner.id },
        details: { vaultId: card.vaultId, keyId: r.key.id },
      });
    }
    return toMember(ctx, memberRow(ctx, r.partner.id));
  });
}

export function listTeamMembers(ctx: DomainContext): TeamMember[] {
  return all<MemberRow>(ctx.db, sql`SELECT * FROM team_members ORDER BY added_at, partner_id`).map((r) =>
    toMember(ctx, r),
  );
}

export function getTeamMember(ctx: DomainContext, id: string): TeamMember {
  return toMember(ctx, memberRow(ctx, id));
}

const VerifyInput = z.strictObject({
  id: z.string().min(1).max(100),
  safetyNumber: z.string().min(1).max(400),
  verifiedBy: z.string().min(1).max(200),
});

/** Verify a member's current key by the safety number compared with them (partner rules). */
export function verifyTeamMember(ctx: DomainContext, input: unknown): TeamMember {
  const p = parseInput(VerifyInput, input);
  const r = memberRow(ctx, p.id);
  if (r.removed_at)
    throw new VaultError(
      'SYNC_MEMBER_REMOVED',
      `Team member ${p.id} was removed on ${r.removed_at}; nothing was changed.`,
    );
  const key = currentKeyOf(ctx, r.partner_id);
  verifyPartnerKey(ctx, { keyId: key.id, safetyNumber: p.safetyNumber, verifiedBy: p.verifiedBy });
  return toMember(ctx, memberRow(ctx, p.id));
}

/** Remove a member: nothing new goes to it, its later bundles are refused. */
export function removeTeamMember(ctx: DomainContext, id: string): TeamMember {
  const r = memberRow(ctx, id);
  if (r.removed_at) return toMember(ctx, r);
  return mutate(ctx, (audit) => {
    run(ctx.db, sql`UPDATE team_members SET removed_at = ${nowIso(ctx)} WHERE partner_id = ${id}`);
    audit({ action: 'team.member-removed', subject: { kind: 'team-member', id }, details: { vaultId: r.vault_id } });
    return toMember(ctx, memberRow(ctx, id));
  });
}

/**
 * The member a sync bundle comes from or goes to, by vault id, with its verified key; refused
 * with a specific code when it is not a member, was removed, or is not verified.
 */
export function requireActiveMember(
  ctx: DomainContext,
  vaultId: string,
  publicKey?: Uint8Array,
): { row: MemberRow; keyId: string; publicKey: Buffer } {
  const r = get<MemberRow>(ctx.db, sql`SELECT * FROM team_members WHERE vault_id = ${vaultId}`);
  if (!r)
    throw new VaultError(
      'SYNC_MEMBER_UNKNOWN',
      `Vault ${vaultId} is not a team member of this vault: add its contact card (team add --card FILE) and verify it first. Nothing was changed.`,
    );
  if (r.removed_at)
    throw new VaultError(
      'SYNC_MEMBER_REMOVED',
      `Vault ${vaultId} was removed from the team on ${r.removed_at}; nothing is exchanged with it any more. Nothing was changed.`,
    );
  const keys = all<{ id: string; public_key: Uint8Array; status: string }>(
    ctx.db,
    sql`SELECT id, public_key, status FROM partner_keys WHERE partner_id = ${r.partner_id} AND vault_id = ${vaultId} AND status = 'verified'`,
  );
  const key = publicKey ? keys.find((k) => Buffer.from(k.public_key).equals(Buffer.from(publicKey))) : keys[0];
  if (!key)
    throw new VaultError(
      'SYNC_MEMBER_NOT_VERIFIED',
      `Team member ${r.partner_id} has no verified key${publicKey ? ' matching this bundle’s signer' : ''}: compare the safety number with them (team verify ID --safety-number DIGITS). Nothing was changed.`,
    );
  return { row: r, keyId: key.id, publicKey: Buffer.from(key.public_key) };
}
