/**
 * Consents: record a person's decision (given or refused) for one purpose in one case, withdraw
 * it, renew its expiry, and read it back with where it stands now.
 *
 * Records are immutable (triggers refuse UPDATE and DELETE on `consents`): every change is a new
 * version in the same series (series id = id of version 1), so the history of what the person
 * decided, and when, is never lost. Whether an action is allowed is the gate's business
 * (consent-gate.ts); the `status` computed here uses the same reading of a series.
 */
import { z } from 'zod';
import { Id, endOf, startOf } from '../../../shared/domain/common.js';
import {
  AddConsentInput,
  type AddConsentInput as AddConsentInputT,
  type ConsentStatus,
  type ConsentWithStatus,
  ListConsentsQuery,
  type ListConsentsQuery as ListConsentsQueryT,
  RenewConsentInput,
  type RenewConsentInput as RenewConsentInputT,
  WithdrawConsentInput,
  type WithdrawConsentInput as WithdrawConsentInputT,
} from '../../../shared/domain/consents.js';
import type { ConsentRecord } from '../../../shared/domain/bundles.js';
import { VaultError } from '../../../shared/errors.js';
import { requireCase } from '../cases/case-service.js';
import { all, get, run, sql, sqlJoin, type ReadableDB, type SqlFragment } from '../db/sql.js';
import { type AuditNote, type DomainContext, mutate, notFound, nowIso, parseInput } from '../domain/context.js';
import { uuidv7 } from '../util/ids.js';
import { requirePartner } from '../partners/partner-service.js';
import { requirePerson } from '../people/person-service.js';
import { CONSENTS } from '../records/consents.js';
import { NOT_SHARED } from '../records/received.js';
import { isExpired, personInCase, seriesStateAt } from './consent-gate.js';
import { type ConsentRow, consentFromRow, recipientColumns, toldColumns } from './consent-row.js';

/** Where a series stands at `at`: its latest version decided by then, read for expiry. */
export function seriesStatus(rows: readonly ConsentRow[], at: string): ConsentStatus {
  const v = seriesStateAt(rows.map(consentFromRow), at);
  if (!v) return 'not-yet-valid';
  if (v.state !== 'given') return v.state;
  if (isExpired(v.expiresAt, at)) return 'expired';
  return 'given';
}

function withStatus(ctx: DomainContext, rows: readonly ConsentRow[], at: string): ConsentWithStatus[] {
  const bySeries = new Map<string, ConsentRow[]>();
  for (const r of rows) {
    const list = bySeries.get(r.series_id) ?? [];
    list.push(r);
    bySeries.set(r.series_id, list);
  }
  const summary = new Map(
    [...bySeries].map(([id, series]) => [
      id,
      { status: seriesStatus(series, at), latest: Math.max(...series.map((s) => s.version)) },
    ]),
  );
  return rows.map((r) => {
    const s = summary.get(r.series_id)!;
    return {
      ...consentFromRow(r),
      status: s.status,
      current: r.version === s.latest,
      received: r.origin_vault !== ctx.vaultId,
    };
  });
}

function seriesRows(db: ReadableDB, seriesId: string): ConsentRow[] {
  return CONSENTS.parseAll(all(db, sql`SELECT * FROM consents WHERE series_id = ${seriesId} ORDER BY version`));
}

/** The version with this id, or NOT_FOUND. */
function requireConsentRow(db: ReadableDB, id: string): ConsentRow {
  const r = get(db, sql`SELECT * FROM consents WHERE id = ${id}`);
  if (!r) throw notFound('consent', id);
  return CONSENTS.parse(r);
}

function insertVersion(ctx: DomainContext, r: ConsentRow): void {
  run(ctx.db, CONSENTS.insert(r));
}

function auditNote(action: string, r: ConsentRow): AuditNote {
  return {
    action,
    subject: { kind: 'consent', id: r.id },
    details: { purpose: r.purpose, state: r.state, seriesId: r.series_id, version: r.version },
  };
}

function one(ctx: DomainContext, id: string): ConsentWithStatus {
  const row = requireConsentRow(ctx.db, id);
  return withStatus(ctx, seriesRows(ctx.db, row.series_id), nowIso(ctx)).find((c) => c.id === id)!;
}

/**
 * Record a person's decision: version 1 of a new series. The person and case must exist
 * (NOT_FOUND) and be linked (PERSON_NOT_IN_CASE); a partner recipient must exist (NOT_FOUND).
 */
export function addConsent(ctx: DomainContext, input: AddConsentInputT): ConsentWithStatus {
  const p = parseInput(AddConsentInput, input);
  return mutate(ctx, (audit) => {
    requirePerson(ctx.db, p.personId);
    requireCase(ctx.db, p.caseId);
    if (p.recipient && 'partnerId' in p.recipient) requirePartner(ctx.db, p.recipient.partnerId);
    if (!personInCase(ctx, p.personId, p.caseId)) {
      throw new VaultError(
        'PERSON_NOT_IN_CASE',
        `Person ${p.personId} is not linked to case ${p.caseId}: link them to the case before recording their consent in it.`,
      );
    }
    const at = nowIso(ctx);
    const id = uuidv7(ctx.now().getTime());
    const row: ConsentRow = {
      id,
      series_id: id,
      version: 1,
      person_id: p.personId,
      case_id: p.caseId,
      purpose: p.purpose,
      ...recipientColumns(p.recipient),
      state: p.decision,
      ...toldColumns(p.told),
      method: p.method,
      language: p.language ?? null,
      witness: p.witness ?? null,
      given_at: p.givenAt,
      expires_at: p.expiresAt ?? null,
      refusal_reason: p.decision === 'refused' ? p.refusalReason! : null,
      withdrawn_at: null,
      withdrawal_reason: null,
      notes: p.notes,
      created_at: at,
      updated_at: at,
      origin_vault: ctx.vaultId,
    };
    insertVersion(ctx, row);
    audit(auditNote('consent.added', row));
    return one(ctx, id);
  });
}

/** The latest version of the series that `id` (any version id, or the series id) belongs to. */
function latestOf(db: ReadableDB, id: string): ConsentRow {
  const row = requireConsentRow(db, id);
  const rows = seriesRows(db, row.series_id);
  return rows[rows.length - 1]!;
}

/**
 * A consent received from a partner is the partner's record of what the person told them: it is
 * never continued here (a version of ours in their series would mix two organisations' records,
 * and the partner's later versions could no longer arrive). A decision taken here is a consent
 * recorded here.
 */
function refuseReceived(ctx: DomainContext, row: ConsentRow, what: string): void {
  if (row.origin_vault !== ctx.vaultId) {
    throw new VaultError(
      'INVALID_TRANSITION',
      `This consent was recorded by a partner organisation and received in a bundle; it cannot be ${what} here. Record the person's decision as a new consent in this vault.`,
    );
  }
}

function refuseFuture(ctx: DomainContext, at: string, what: string): void {
  if (startOf(at) > ctx.now().getTime())
    throw new VaultError('INVALID_INPUT', `at: ${what} cannot be dated in the future (${at}).`);
}

/**
 * The person withdraws their consent: a new version, state withdrawn. Acts on the latest version
 * of the series. Always possible for a given consent (expired or not, linked to the case or not).
 */
export function withdrawConsent(ctx: DomainContext, input: WithdrawConsentInputT): ConsentWithStatus {
  const p = parseInput(WithdrawConsentInput, input);
  return mutate(ctx, (audit) => {
    const latest = latestOf(ctx.db, p.id);
    refuseReceived(ctx, latest, 'withdrawn');
    if (latest.state === 'withdrawn') {
      throw new VaultError(
        'CONSENT_ALREADY_WITHDRAWN',
        `This consent was already withdrawn on ${latest.withdrawn_at!} (version ${latest.version}); nothing was changed.`,
      );
    }
    if (latest.state === 'refused') {
      throw new VaultError(
        'CONSENT_REFUSED_CANNOT_WITHDRAW',
        `The person refused this consent on ${latest.given_at}: there is no consent to withdraw. The refusal stands.`,
      );
    }
    const now = nowIso(ctx);
    const at = p.at ?? now;
    refuseFuture(ctx, at, 'a withdrawal');
    if (endOf(at) <= startOf(latest.given_at)) {
      throw new VaultError(
        'INVALID_INPUT',
        `at: a consent cannot be withdrawn (${at}) before it was given (${latest.given_at}).`,
      );
    }
    const row: ConsentRow = {
      ...latest,
      id: uuidv7(ctx.now().getTime()),
      version: latest.version + 1,
      state: 'withdrawn',
      withdrawn_at: at,
      withdrawal_reason: p.reason,
      created_at: now,
      updated_at: now,
      origin_vault: ctx.vaultId,
    };
    insertVersion(ctx, row);
    audit(auditNote('consent.withdrawn', row));
    return one(ctx, row.id);
  });
}

/**
 * The person confirms their consent again with a new expiry: a new version whose givenAt is the
 * renewal (`at`, default now); everything else carries over. Only a given, not withdrawn,
 * consent can be renewed (INVALID_TRANSITION), and only while the person is linked to the case.
 */
export function renewConsent(ctx: DomainContext, input: RenewConsentInputT): ConsentWithStatus {
  const p = parseInput(RenewConsentInput, input);
  return mutate(ctx, (audit) => {
    const latest = latestOf(ctx.db, p.id);
    refuseReceived(ctx, latest, 'renewed');
    if (latest.state !== 'given') {
      throw new VaultError(
        'INVALID_TRANSITION',
        `A ${latest.state} consent cannot be renewed; record the person's new decision with a new consent instead.`,
      );
    }
    if (!personInCase(ctx, latest.person_id, latest.case_id)) {
      throw new VaultError(
        'PERSON_NOT_IN_CASE',
        `Person ${latest.person_id} is no longer linked to case ${latest.case_id}: their consent in it cannot be renewed.`,
      );
    }
    const now = nowIso(ctx);
    const at = p.at ?? now;
    refuseFuture(ctx, at, 'a renewal');
    if (endOf(at) <= startOf(latest.given_at)) {
      throw new VaultError(
        'INVALID_INPUT',
        `at: a renewal (${at}) cannot come before the consent it renews (${latest.given_at}).`,
      );
    }
    if (endOf(p.expiresAt) <= endOf(at))
      throw new VaultError('INVALID_INPUT', `expiresAt: must be after the renewal (${at}).`);
    const row: ConsentRow = {
      ...latest,
      id: uuidv7(ctx.now().getTime()),
      version: latest.version + 1,
      given_at: at,
      expires_at: p.expiresAt,
      created_at: now,
      updated_at: now,
      origin_vault: ctx.vaultId,
    };
    insertVersion(ctx, row);
    audit(auditNote('consent.renewed', row));
    return one(ctx, row.id);
  });
}

const IdArg = z.strictObject({ id: Id });

/** One version by its id, with where its series stands now. */
export function getConsent(ctx: DomainContext, id: string): ConsentWithStatus {
  return one(ctx, parseInput(IdArg, { id }).id);
}

/** Every version of the series that `id` (a version id or the series id) belongs to, oldest first. */
export function consentHistory(ctx: DomainContext, id: string): ConsentWithStatus[] {
  const row = requireConsentRow(ctx.db, parseInput(IdArg, { id }).id);
  return withStatus(ctx, seriesRows(ctx.db, row.series_id), nowIso(ctx));
}

/**
 * Consents of a person and/or case: the latest version of each series (or every version with
 * `allVersions`), each with where its series stands now. Unknown person or case → NOT_FOUND.
 */
export function listConsents(ctx: DomainContext, query: ListConsentsQueryT = {}): ConsentWithStatus[] {
  const q = parseInput(ListConsentsQuery, query);
  if (q.personId) requirePerson(ctx.db, q.personId);
  if (q.caseId) requireCase(ctx.db, q.caseId);
  const where: SqlFragment[] = [];
  if (q.personId) where.push(sql`c.person_id = ${q.personId}`);
  if (q.caseId) where.push(sql`c.case_id = ${q.caseId}`);
  const whereSql = where.length ? sql` WHERE ${sqlJoin(where, ' AND ')}` : sql``;
  // series in the order they were recorded (version 1's time, then insertion order), versions in order
  const rows = CONSENTS.parseAll(
    all(
      ctx.db,
      sql`SELECT c.* FROM consents c JOIN consents s ON s.id = c.series_id${whereSql} ORDER BY s.created_at, s.rowid, c.version`,
    ),
  );
  const items = withStatus(ctx, rows, nowIso(ctx));
  return q.allVersions ? items : items.filter((c) => c.current);
}

/**
 * Write a consent version received in a bundle (inside the import's transaction; a version is
 * written once and never updated; bundles/apply.ts skips one without purpose, state, method or
 * given-at). The sender's partner id means nothing here and is not stored: the consent then
 * covers no recipient in this vault (it can never allow sharing onwards). A refusal or
 * withdrawal reason the sender did not share is "Not shared"; a withdrawal without its time is
 * taken as of the time the consent was given (the earliest it can be).
 */
export function applyReceivedConsent(ctx: DomainContext, rec: ConsentRecord, at: string): void {
  const state = rec.state!;
  run(
    ctx.db,
    CONSENTS.insert({
      id: rec.id,
      series_id: rec.seriesId,
      version: rec.version,
      person_id: rec.personId,
      case_id: rec.caseId,
      purpose: rec.purpose!,
      recipient_partner_id: null,
      recipient_class: rec.recipientClass ?? null,
      state,
      ...toldColumns(rec.told ?? []),
      method: rec.method!,
      language: rec.language ?? null,
      witness: rec.witness ?? null,
      given_at: rec.givenAt!,
      expires_at: rec.expiresAt ?? null,
      refusal_reason: state === 'refused' ? (rec.refusalReason ?? NOT_SHARED) : null,
      withdrawn_at: state === 'withdrawn' ? (rec.withdrawnAt ?? rec.givenAt!) : null,
      withdrawal_reason: state === 'withdrawn' ? (rec.withdrawalReason ?? NOT_SHARED) : null,
      notes: rec.notes ?? '',
      created_at: rec.createdAt ?? at,
      updated_at: rec.updatedAt ?? at,
      origin_vault: rec.originVault,
    }),
  );
}
