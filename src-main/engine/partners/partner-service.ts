/**
 * Partners: organisations, their due diligence (tier by amount, review date, outcome), their
 * agreements (MoU, confidentiality, data sharing) and the sharing profile the bundle export
 * applies to every record it sends them (shared/domain/partners.ts: applySharingProfile).
 *
 * Partner keys (contact cards, safety-number verification) are partner-keys.ts; a partner's
 * detail lists them with the state they add up to (keyState: 'changed' is the key-change warning).
 */
import {
  AddAgreementInput,
  type AgreementKind,
  agreementState,
  buildSharingProfile,
  CreatePartnerInput,
  type DdOutcome,
  type DdTier,
  type ListPartnersQuery as ListPartnersQueryT,
  ListPartnersQuery,
  type Partner,
  type PartnerAgreement,
  type PartnerDetail,
  type PartnerKind,
  parseSharingProfile,
  partnerKeyState,
  SetSharingProfileInput,
  type SharingProfile,
  tierForAmount,
  UpdateAgreementInput,
  UpdatePartnerInput,
} from '../../../shared/domain/partners.js';
import type { JsonValue } from '../../../shared/canonical-json.js';
import { VaultError } from '../../../shared/errors.js';
import { all, get, run, sql, sqlJoin, type ReadableDB, type SqlFragment, type SqlValue } from '../db/sql.js';
import {
  changedFields,
  checkVersion,
  type DomainContext,
  mutate,
  notFound,
  nowIso,
  parseInput,
  today,
} from '../domain/context.js';
import { uuidv7 } from '../util/ids.js';
import { listPartnerKeys } from './partner-keys.js';

interface PartnerRow {
  id: string;
  name: string;
  country: string | null;
  kind: PartnerKind;
  contact: string | null;
  notes: string;
  dd_tier: DdTier;
  dd_amount_gbp: number | null;
  dd_review_on: string | null;
  dd_outcome: DdOutcome;
  dd_notes: string;
  sharing_profile: string;
  created_at: string;
  updated_at: string;
  version: number;
  origin_vault: string;
}

interface AgreementRow {
  id: string;
  partner_id: string;
  kind: AgreementKind;
  signed_on: string | null;
  expires_on: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
  version: number;
  origin_vault: string;
}

function readProfile(json: string): SharingProfile {
  try {
    return parseSharingProfile(JSON.parse(json));
  } catch {
    return {};
  }
}

function toPartner(r: PartnerRow, day: string): Partner {
  return {
    id: r.id,
    name: r.name,
    country: r.country,
    kind: r.kind,
    contact: r.contact,
    notes: r.notes,
    ddTier: r.dd_tier,
    ddAmountGbp: r.dd_amount_gbp,
    ddReviewOn: r.dd_review_on,
    ddOutcome: r.dd_outcome,
    ddNotes: r.dd_notes,
    ddReviewOverdue: r.dd_review_on !== null && r.dd_review_on < day,
    sharingProfile: readProfile(r.sharing_profile),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    originVault: r.origin_vault,
  };
}

function toAgreement(r: AgreementRow, day: string): PartnerAgreement {
  const a = { signedOn: r.signed_on, expiresOn: r.expires_on };
  return {
    id: r.id,
    partnerId: r.partner_id,
    kind: r.kind,
    signedOn: r.signed_on,
    expiresOn: r.expires_on,
    notes: r.notes,
    state: agreementState(a, day),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    originVault: r.origin_vault,
  };
}

/** The partner row, or NOT_FOUND. Other services (enquiry referral, bundles) call this. */
export function requirePartner(db: ReadableDB, id: string): PartnerRow {
  const r = get<PartnerRow>(db, sql`SELECT * FROM partners WHERE id = ${id}`);
  if (!r) throw notFound('partner', id);
  return r;
}

function requireAgreement(db: ReadableDB, id: string): AgreementRow {
  const r = get<AgreementRow>(db, sql`SELECT * FROM partner_agreements WHERE id = ${id}`);
  if (!r) throw notFound('partner agreement', id);
  return r;
}

const pounds = (n: number) => `£${n.toLocaleString('en-GB')}`;

/**
 * The tier to store: the amount decides when there is one (and a stated tier must agree
 * with it); else the stated tier, else the current one, else small.
 */
function resolveTier(amount: number | null, stated: DdTier | undefined, current: DdTier | undefined): DdTier {
  if (amount !== null) {
    const derived = tierForAmount(amount);
    if (stated !== undefined && stated !== derived) {
      throw new VaultError(
        'INVALID_INPUT',
        `ddTier: ${stated} does not match the amount of ${pounds(amount)}, which is ${derived} (small up to £2,000, medium up to £10,000, large above). Leave the tier out to derive it from the amount.`,
      );
    }
    return derived;
  }
  return stated ?? current ?? 'small';
}

export function addPartner(ctx: DomainContext, input: CreatePartnerInput): Partner {
  const p = parseInput(CreatePartnerInput, input);
  const tier = resolveTier(p.ddAmountGbp ?? null, p.ddTier, undefined);
  return mutate(ctx, (audit) => {
    const at = nowIso(ctx);
    const id = uuidv7(ctx.now().getTime());
    run(
      ctx.db,
      sql`INSERT INTO partners (id, name, country, kind, contact, notes, dd_tier, dd_amount_gbp, dd_review_on, dd_outcome, dd_notes, sharing_profile, created_at, updated_at, version, origin_vault)
          VALUES (${id}, ${p.name}, ${p.country ?? null}, ${p.kind}, ${p.contact ?? null}, ${p.notes}, ${tier}, ${p.ddAmountGbp ?? null}, ${p.ddReviewOn ?? null}, ${p.ddOutcome}, ${p.ddNotes}, '{}', ${at}, ${at}, 1, ${ctx.vaultId})`,
    );
    audit({
      action: 'partner.added',
      subject: { kind: 'partner', id },
      details: { kind: p.kind, ddTier: tier, ddOutcome: p.ddOutcome },
    });
    return toPartner(requirePartner(ctx.db, id), today(ctx));
  });
}

/** Column setters for updatePartner: column names come from here, never from input. */
const PARTNER_SET: Record<string, (v: SqlValue) => SqlFragment> = {
  name: (v) => sql`name = ${v}`,
  kind: (v) => sql`kind = ${v}`,
  country: (v) => sql`country = ${v}`,
  contact: (v) => sql`contact = ${v}`,
  notes: (v) => sql`notes = ${v}`,
  ddTier: (v) => sql`dd_tier = ${v}`,
  ddAmountGbp: (v) => sql`dd_amount_gbp = ${v}`,
  ddReviewOn: (v) => sql`dd_review_on = ${v}`,
  ddOutcome: (v) => sql`dd_outcome = ${v}`,
  ddNotes: (v) => sql`dd_notes = ${v}`,
};

export function updatePartner(ctx: DomainContext, input: UpdatePartnerInput): Partner {
  const p = parseInput(UpdatePartnerInput, input);
  return mutate(ctx, (audit) => {
    const before = toPartner(requirePartner(ctx.db, p.id), today(ctx));
    checkVersion(before.version, p.expectedVersion, 'partner');
    const { id, expectedVersion: _v, ...fields } = p;
    const amount = fields.ddAmountGbp !== undefined ? fields.ddAmountGbp : before.ddAmountGbp;
    const tier = resolveTier(amount, fields.ddTier, before.ddTier);
    const next: Partial<Partner> = {
      ...fields,
      ddTier: amount !== null || fields.ddTier !== undefined ? tier : undefined,
    };
    const order = Object.keys(PARTNER_SET);
    const changed = changedFields(before, next).sort((a, b) => order.indexOf(a) - order.indexOf(b));
    if (changed.length === 0) return before;
    const at = nowIso(ctx);
    const version = before.version + 1;
    const sets = changed.map((f) => PARTNER_SET[f]!(next[f] as SqlValue));
    sets.push(sql`updated_at = ${at}`, sql`version = ${version}`);
    run(ctx.db, sql`UPDATE partners SET ${sqlJoin(sets)} WHERE id = ${id}`);
    audit({ action: 'partner.updated', subject: { kind: 'partner', id }, details: { fields: changed, version } });
    return toPartner(requirePartner(ctx.db, id), today(ctx));
  });
}

export function getPartner(ctx: DomainContext, id: string): PartnerDetail {
  const day = today(ctx);
  const partner = toPartner(requirePartner(ctx.db, id), day);
  const agreements = all<AgreementRow>(
    ctx.db,
    sql`SELECT * FROM partner_agreements WHERE partner_id = ${id} ORDER BY signed_on IS NULL, signed_on, created_at, id`,
  ).map((r) => toAgreement(r, day));
  const keys = listPartnerKeys(ctx, id);
  return { ...partner, agreements, keys, keyState: partnerKeyState(keys) };
}

/** Partners by name, optionally of one kind, country or due-diligence tier. */
export function listPartners(ctx: DomainContext, query: ListPartnersQueryT = {}): Partner[] {
  const q = parseInput(ListPartnersQuery, query);
  const where: SqlFragment[] = [];
  if (q.kind) where.push(sql`kind = ${q.kind}`);
  if (q.country) where.push(sql`country = ${q.country}`);
  if (q.tier) where.push(sql`dd_tier = ${q.tier}`);
  const whereSql = where.length ? sql` WHERE ${sqlJoin(where, ' AND ')}` : sql``;
  const day = today(ctx);
  return all<PartnerRow>(ctx.db, sql`SELECT * FROM partners${whereSql} ORDER BY name COLLATE NOCASE, id`).map((r) =>
    toPartner(r, day),
  );
}

function checkAgreementDates(signedOn: string | null, expiresOn: string | null, day: string): void {
  if (signedOn !== null && signedOn > day) {
    throw new VaultError(
      'INVALID_INPUT',
      `signedOn: ${signedOn} is in the future; record the signature once the agreement is signed.`,
    );
  }
  if (signedOn !== null && expiresOn !== null && expiresOn <= signedOn) {
    throw new VaultError(
      'INVALID_INPUT',
      `expiresOn: an agreement must expire after it is signed (${signedOn}); got ${expiresOn}.`,
    );
  }
}

export function addAgreement(ctx: DomainContext, input: AddAgreementInput): PartnerAgreement {
  const p = parseInput(AddAgreementInput, input);
  return mutate(ctx, (audit) => {
    requirePartner(ctx.db, p.partnerId);
    const day = today(ctx);
    checkAgreementDates(p.signedOn ?? null, p.expiresOn ?? null, day);
    const at = nowIso(ctx);
    const id = uuidv7(ctx.now().getTime());
    run(
      ctx.db,
      sql`INSERT INTO partner_agreements (id, partner_id, kind, signed_on, expires_on, notes, created_at, updated_at, version, origin_vault)
          VALUES (${id}, ${p.partnerId}, ${p.kind}, ${p.signedOn ?? null}, ${p.expiresOn ?? null}, ${p.notes}, ${at}, ${at}, 1, ${ctx.vaultId})`,
    );
    const agreement = toAgreement(requireAgreement(ctx.db, id), day);
    audit({
      action: 'partner.agreement-added',
      subject: { kind: 'partner-agreement', id },
      details: { partnerId: p.partnerId, kind: p.kind, state: agreement.state },
    });
    return agreement;
  });
}

const AGREEMENT_SET: Record<string, (v: SqlValue) => SqlFragment> = {
  kind: (v) => sql`kind = ${v}`,
  signedOn: (v) => sql`signed_on = ${v}`,
  expiresOn: (v) => sql`expires_on = ${v}`,
  notes: (v) => sql`notes = ${v}`,
};

/** Sign a drafted agreement, extend it, correct it. */
export function updateAgreement(ctx: DomainContext, input: UpdateAgreementInput): PartnerAgreement {
  const p = parseInput(UpdateAgreementInput, input);
  return mutate(ctx, (audit) => {
    const day = today(ctx);
    const before = toAgreement(requireAgreement(ctx.db, p.id), day);
    checkVersion(before.version, p.expectedVersion, 'agreement');
    const { id, expectedVersion: _v, ...fields } = p;
    const changed = changedFields(before, fields);
    if (changed.length === 0) return before;
    checkAgreementDates(
      fields.signedOn !== undefined ? fields.signedOn : before.signedOn,
      fields.expiresOn !== undefined ? fields.expiresOn : before.expiresOn,
      day,
    );
    const at = nowIso(ctx);
    const version = before.version + 1;
    const sets = changed.map((f) => AGREEMENT_SET[f]!(fields[f as keyof typeof fields] as SqlValue));
    sets.push(sql`updated_at = ${at}`, sql`version = ${version}`);
    run(ctx.db, sql`UPDATE partner_agreements SET ${sqlJoin(sets)} WHERE id = ${id}`);
    const after = toAgreement(requireAgreement(ctx.db, id), day);
    audit({
      action: 'partner.agreement-updated',
      subject: { kind: 'partner-agreement', id },
      details: { partnerId: before.partnerId, fields: changed, version, state: after.state },
    });
    return after;
  });
}

/** Replace a partner's sharing profile (an empty `allow` shares nothing). */
export function setSharingProfile(ctx: DomainContext, input: SetSharingProfileInput): Partner {
  const p = parseInput(SetSharingProfileInput, input);
  return mutate(ctx, (audit) => {
    const before = toPartner(requirePartner(ctx.db, p.partnerId), today(ctx));
    checkVersion(before.version, p.expectedVersion, 'partner');
    const profile = buildSharingProfile(p.allow);
    if (JSON.stringify(profile) === JSON.stringify(before.sharingProfile)) return before;
    const at = nowIso(ctx);
    const version = before.version + 1;
    run(
      ctx.db,
      sql`UPDATE partners SET sharing_profile = ${JSON.stringify(profile)}, updated_at = ${at}, version = ${version} WHERE id = ${p.partnerId}`,
    );
    // field names only: what may be shared, never anything shared
    const fields: { [kind: string]: JsonValue } = {};
    for (const [kind, list] of Object.entries(profile)) fields[kind] = [...(list as string[])];
    audit({
      action: 'partner.sharing-profile-set',
      subject: { kind: 'partner', id: p.partnerId },
      details: { kinds: Object.keys(profile), fields, version },
    });
    return toPartner(requirePartner(ctx.db, p.partnerId), today(ctx));
  });
}

/** The stored profile of a partner, for the bundle export. */
export function getSharingProfile(ctx: DomainContext, partnerId: string): SharingProfile {
  return readProfile(requirePartner(ctx.db, partnerId).sharing_profile);
}
