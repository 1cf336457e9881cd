// Consents against a real vault: recording, withdrawal, renewal, history, immutability, and the
// gate reading what was stored.
import { describe, expect, it } from 'vitest';
import { type AddConsentInput, TOLD_ELEMENTS } from '../../../shared/domain/consents.js';
import { VaultError } from '../../../shared/errors.js';
import { listAudit } from '../../../src-main/engine/audit/audit-log.js';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import { checkConsent, requireConsent } from '../../../src-main/engine/consents/consent-gate.js';
import {
  addConsent,
  consentHistory,
  getConsent,
  listConsents,
  renewConsent,
  withdrawConsent,
} from '../../../src-main/engine/consents/consent-service.js';
import { all, pluck, run, sql } from '../../../src-main/engine/db/sql.js';
import { type DomainContext, domainContext } from '../../../src-main/engine/domain/context.js';
import { uuidv7 } from '../../../src-main/engine/util/ids.js';
import { newVault } from '../../helpers.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const MISSING = '01900000-0000-7000-8000-0000000000ff';

async function setup() {
  const { vault } = await newVault();
  let now = NOW;
  const ctx: DomainContext = domainContext(vault, () => now);
  const setNow = (d: Date) => {
    now = d;
  };
  const at = NOW.toISOString();
  const person = (name: string) => {
    const id = uuidv7();
    run(
      ctx.db,
      sql`INSERT INTO people (id, full_name, created_at, updated_at, version, origin_vault) VALUES (${id}, ${name}, ${at}, ${at}, 1, ${ctx.vaultId})`,
    );
    return id;
  };
  const partner = (name: string) => {
    const id = uuidv7();
    run(
      ctx.db,
      sql`INSERT INTO partners (id, name, kind, dd_tier, created_at, updated_at, version, origin_vault) VALUES (${id}, ${name}, 'ngo', 'small', ${at}, ${at}, 1, ${ctx.vaultId})`,
    );
    return id;
  };
  const link = (caseId: string, personId: string) =>
    run(
      ctx.db,
      sql`INSERT INTO case_people (case_id, person_id, role, added_at) VALUES (${caseId}, ${personId}, 'survivor', ${at})`,
    );
  const caseId = createCase(ctx, { title: 'Torture in detention' }).id;
  const otherCase = createCase(ctx, { title: 'Other case' }).id;
  const amina = person('Amina Yusuf');
  const unlinked = person('Not Linked');
  link(caseId, amina);
  link(otherCase, amina);
  const partnerA = partner('Legal Aid Nairobi');
  const partnerB = partner('Rights Watch Kampala');
  const counts = () => ({
    consents: pluck<number>(ctx.db, sql`SELECT count(*) FROM consents`)!,
    audit: pluck<number>(ctx.db, sql`SELECT count(*) FROM audit_log`)!,
  });
  const base: AddConsentInput = {
    personId: amina,
    caseId,
    purpose: 'representation',
    method: 'written',
    givenAt: '2026-01-10',
    told: [...TOLD_ELEMENTS],
  };
  return { vault, ctx, setNow, caseId, otherCase, amina, unlinked, partnerA, partnerB, counts, base };
}

function errorOf(fn: () => unknown): VaultError {
  try {
    fn();
  } catch (e) {
    if (e instanceof VaultError) return e;
    throw e;
  }
  throw new Error('expected a VaultError');
}

describe('addConsent', () => {
  it('records version 1 of a new series, with an audit entry of ids and enum values only', async () => {
    const s = await setup();
    const before = s.counts();
    const c = addConsent(s.ctx, {
      ...s.base,
      purpose: 'sharing',
      recipient: { partnerId: s.partnerA },
      method: 'oral-witnessed',
      witness: 'Grace Otieno',
      language: 'sw',
      expiresAt: '2026-12-31',
      told: ['use', 'nature', 'purpose', 'nature'],
      notes: 'Explained with an interpreter.',
    });
    expect(c).toEqual({
      id: c.id,
      seriesId: c.id,
      version: 1,
      personId: s.amina,
      caseId: s.caseId,
      purpose: 'sharing',
      recipient: { partnerId: s.partnerA },
      state: 'given',
      told: ['nature', 'purpose', 'use'],
      method: 'oral-witnessed',
      language: 'sw',
      witness: 'Grace Otieno',
      givenAt: '2026-01-10',
      expiresAt: '2026-12-31',
      refusalReason: null,
      withdrawnAt: null,
      withdrawalReason: null,
      notes: 'Explained with an interpreter.',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      originVault: s.vault.id,
      status: 'given',
      current: true,
      received: false,
    });
    const row = all(s.ctx.db, sql`SELECT * FROM consents WHERE id = ${c.id}`)[0]!;
    expect(row).toMatchObject({
      series_id: c.id,
      version: 1,
      state: 'given',
      told_nature: 1,
      told_purpose: 1,
      told_use: 1,
      told_consequences: 0,
      told_right_to_refuse: 0,
      told_right_to_withdraw: 0,
      recipient_partner_id: s.partnerA,
      recipient_class: null,
    });
    expect(s.counts()).toEqual({ consents: before.consents + 1, audit: before.audit + 1 });
    const entry = listAudit(s.ctx.db).at(-1)!;
    expect(entry.action).toBe('consent.added');
    expect(entry.subject).toEqual({ kind: 'consent', id: c.id });
    expect(entry.details).toEqual({ purpose: 'sharing', state: 'given', seriesId: c.id, version: 1 });
    expect(JSON.stringify(entry)).not.toMatch(/Grace|interpreter|Amina/);
  });

  it('stores the implied class for donor reporting, media and publication', async () => {
    const s = await setup();
    expect(addConsent(s.ctx, { ...s.base, purpose: 'donor-reporting' }).recipient).toEqual({ class: 'donor' });
    expect(addConsent(s.ctx, { ...s.base, purpose: 'media', recipient: { class: 'media' } }).recipient).toEqual({
      class: 'media',
    });
    const p = addConsent(s.ctx, { ...s.base, purpose: 'publication' });
    expect(p.recipient).toEqual({ class: 'public' });
    expect(pluck(s.ctx.db, sql`SELECT recipient_class FROM consents WHERE id = ${p.id}`)).toBe('public');
    expect(addConsent(s.ctx, { ...s.base, purpose: 'processing' }).recipient).toBeNull();
  });

  it('records a refusal with its reason', async () => {
    const s = await setup();
    const c = addConsent(s.ctx, {
      ...s.base,
      purpose: 'media',
      decision: 'refused',
      refusalReason: 'Fears reprisals.',
    });
    expect(c).toMatchObject({
      state: 'refused',
      refusalReason: 'Fears reprisals.',
      status: 'refused',
      recipient: { class: 'media' },
    });
    expect(listAudit(s.ctx.db).at(-1)!.details).toEqual({
      purpose: 'media',
      state: 'refused',
      seriesId: c.id,
      version: 1,
    });
  });

  it.each([
    [
      'oral-witnessed without a witness',
      { method: 'oral-witnessed' },
      /^witness: is required when consent is given orally/,
    ],
    ['a refusal without a reason', { decision: 'refused' }, /^refusalReason: is required for a refusal/],
    ['a reason without a refusal', { refusalReason: 'x' }, /^refusalReason: only a refusal has a reason/],
    [
      'an expiry on the day of the decision',
      { expiresAt: '2026-01-10' },
      /^expiresAt: must be after givenAt \(2026-01-10\)/,
    ],
    ['an expiry before the decision', { expiresAt: '2025-12-31' }, /^expiresAt: must be after givenAt/],
    [
      'an expiry on a refusal',
      { decision: 'refused', refusalReason: 'no', expiresAt: '2027-01-01' },
      /^expiresAt: a refusal does not expire/,
    ],
    [
      'a recipient for representation',
      { recipient: { class: 'court' } },
      /^recipient: consent to representation has no recipient/,
    ],
    [
      'a recipient for processing',
      { purpose: 'processing', recipient: { class: 'partner' } },
      /^recipient: consent to processing has no recipient/,
    ],
    ['sharing without a recipient', { purpose: 'sharing' }, /^recipient: consent to sharing must name a partner/],
    [
      'sharing with the public',
      { purpose: 'sharing', recipient: { class: 'public' } },
      /^recipient: sharing is with a partner or one of: court, un-body, regional-body, partner; for public record a publication consent/,
    ],
    [
      'donor reporting to the media',
      { purpose: 'donor-reporting', recipient: { class: 'media' } },
      /^recipient: donor reporting is always to the class donor/,
    ],
    [
      'publication to a partner',
      { purpose: 'publication', recipient: { partnerId: MISSING } },
      /^recipient: publication is always to the class public/,
    ],
    [
      'both a partner and a class',
      { purpose: 'sharing', recipient: { class: 'court', partnerId: MISSING } },
      /^recipient: give either a partner id or a class/,
    ],
    [
      'an unknown class',
      { purpose: 'sharing', recipient: { class: 'police' } },
      /^recipient\.class: must be one of: court, un-body/,
    ],
    ['an unknown told element', { told: ['nature', 'gossip'] }, /^told\.1: must be one of: nature, purpose, use/],
    ['an unknown method', { method: 'telepathy' }, /^method: must be one of: written, oral-witnessed, recorded/],
    ['a bad date', { givenAt: '2026-02-30' }, /^givenAt: must be a date/],
    ['a bad language tag', { language: 'English please' }, /^language: must be a language tag/],
    ['no told list', { told: undefined }, /^told: is required/],
  ])('refuses %s (INVALID_INPUT naming the field) and writes nothing', async (_name, patch, message) => {
    const s = await setup();
    const before = s.counts();
    const e = errorOf(() => addConsent(s.ctx, { ...s.base, ...(patch as object) } as AddConsentInput));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(message);
    expect(s.counts()).toEqual(before);
  });

  it('unknown person, case or partner → NOT_FOUND; a person not linked to the case → PERSON_NOT_IN_CASE; nothing written', async () => {
    const s = await setup();
    const before = s.counts();
    expect(errorOf(() => addConsent(s.ctx, { ...s.base, personId: MISSING }))).toMatchObject({
      code: 'NOT_FOUND',
      message: `No person with id ${MISSING} in this vault.`,
    });
    expect(errorOf(() => addConsent(s.ctx, { ...s.base, caseId: MISSING }))).toMatchObject({
      code: 'NOT_FOUND',
      message: `No case with id ${MISSING} in this vault.`,
    });
    expect(
      errorOf(() => addConsent(s.ctx, { ...s.base, purpose: 'sharing', recipient: { partnerId: MISSING } })),
    ).toMatchObject({ code: 'NOT_FOUND', message: `No partner with id ${MISSING} in this vault.` });
    const e = errorOf(() => addConsent(s.ctx, { ...s.base, personId: s.unlinked }));
    expect(e.code).toBe('PERSON_NOT_IN_CASE');
    expect(e.message).toBe(
      `Person ${s.unlinked} is not linked to case ${s.caseId}: link them to the case before recording their consent in it.`,
    );
    expect(s.counts()).toEqual(before);
  });
});

describe('withdrawConsent', () => {
  it('adds version 2 in the same series; the first version stays as it was', async () => {
    const s = await setup();
    const c = addConsent(s.ctx, { ...s.base, purpose: 'sharing', recipient: { class: 'court' } });
    const v1Row = all(s.ctx.db, sql`SELECT * FROM consents WHERE id = ${c.id}`)[0];
    const before = s.counts();
    s.setNow(new Date('2026-06-16T08:00:00.000Z'));
    const w = withdrawConsent(s.ctx, { id: c.id, reason: 'Changed their mind.' });
    expect(w).toMatchObject({
      seriesId: c.id,
      version: 2,
      state: 'withdrawn',
      withdrawnAt: '2026-06-16T08:00:00.000Z',
      withdrawalReason: 'Changed their mind.',
      givenAt: '2026-01-10',
      recipient: { class: 'court' },
      told: [...TOLD_ELEMENTS],
      status: 'withdrawn',
      current: true,
      createdAt: '2026-06-16T08:00:00.000Z',
    });
    expect(w.id).not.toBe(c.id);
    expect(all(s.ctx.db, sql`SELECT * FROM consents WHERE id = ${c.id}`)[0]).toEqual(v1Row);
    expect(s.counts()).toEqual({ consents: before.consents + 1, audit: before.audit + 1 });
    const entry = listAudit(s.ctx.db).at(-1)!;
    expect(entry).toMatchObject({
      action: 'consent.withdrawn',
      subject: { kind: 'consent', id: w.id },
      details: { purpose: 'sharing', state: 'withdrawn', seriesId: c.id, version: 2 },
    });
    expect(JSON.stringify(entry.details)).not.toContain('mind');

    const history = consentHistory(s.ctx, w.id);
    expect(history.map((h) => [h.version, h.state, h.status, h.current])).toEqual([
      [1, 'given', 'withdrawn', false],
      [2, 'withdrawn', 'withdrawn', true],
    ]);
    expect(consentHistory(s.ctx, c.id).map((h) => h.id)).toEqual([c.id, w.id]);
    expect(getConsent(s.ctx, c.id)).toMatchObject({
      id: c.id,
      version: 1,
      state: 'given',
      status: 'withdrawn',
      current: false,
    });
  });

  it('a withdrawn consent cannot be withdrawn again (by any version id); nothing written', async () => {
    const s = await setup();
    const c = addConsent(s.ctx, s.base);
    const w = withdrawConsent(s.ctx, { id: c.id, reason: 'No longer wants representation.', at: '2026-06-01' });
    const before = s.counts();
    for (const id of [c.id, w.id]) {
      const e = errorOf(() => withdrawConsent(s.ctx, { id, reason: 'again' }));
      expect(e.code).toBe('CONSENT_ALREADY_WITHDRAWN');
      expect(e.message).toBe('This consent was already withdrawn on 2026-06-01 (version 2); nothing was changed.');
    }
    expect(s.counts()).toEqual(before);
  });

  it('a refusal cannot be withdrawn; nothing written', async () => {
    const s = await setup();
    const c = addConsent(s.ctx, { ...s.base, decision: 'refused', refusalReason: 'Not now.' });
    const before = s.counts();
    const e = errorOf(() => withdrawConsent(s.ctx, { id: c.id, reason: 'x' }));
    expect(e.code).toBe('CONSENT_REFUSED_CANNOT_WITHDRAW');
    expect(e.message).toBe(
      'The person refused this consent on 2026-01-10: there is no consent to withdraw. The refusal stands.',
    );
    expect(s.counts()).toEqual(before);
  });

  it('refuses a withdrawal in the future, before the consent, without a reason, or of an unknown consent', async () => {
    const s = await setup();
    const c = addConsent(s.ctx, s.base);
    const before = s.counts();
    expect(errorOf(() => withdrawConsent(s.ctx, { id: c.id, reason: 'x', at: '2026-06-16' }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'at: a withdrawal cannot be dated in the future (2026-06-16).',
    });
    expect(errorOf(() => withdrawConsent(s.ctx, { id: c.id, reason: 'x', at: '2026-01-09' }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'at: a consent cannot be withdrawn (2026-01-09) before it was given (2026-01-10).',
    });
    expect(errorOf(() => withdrawConsent(s.ctx, { id: c.id, reason: '  ' }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'reason: must not be empty.',
    });
    expect(errorOf(() => withdrawConsent(s.ctx, { id: MISSING, reason: 'x' }))).toMatchObject({
      code: 'NOT_FOUND',
      message: `No consent with id ${MISSING} in this vault.`,
    });
    expect(s.counts()).toEqual(before);
    // the same day as the decision, and today, are fine
    expect(withdrawConsent(s.ctx, { id: c.id, reason: 'x', at: '2026-01-10' }).withdrawnAt).toBe('2026-01-10');
  });

  it('a withdrawal is possible even when the person is no longer linked to the case', async () => {
    const s = await setup();
    const c = addConsent(s.ctx, s.base);
    run(s.ctx.db, sql`DELETE FROM case_people WHERE person_id = ${s.amina} AND case_id = ${s.caseId}`);
    expect(withdrawConsent(s.ctx, { id: c.id, reason: 'x' }).state).toBe('withdrawn');
  });
});

describe('immutability', () => {
  it('the database itself refuses UPDATE and DELETE on consents', async () => {
    const s = await setup();
    const c = addConsent(s.ctx, s.base);
    expect(() =>
      run(s.ctx.db, sql`UPDATE consents SET state = 'refused', refusal_reason = 'forged' WHERE id = ${c.id}`),
    ).toThrow(/consents are versioned: add a new version instead of editing/);
    expect(() => run(s.ctx.db, sql`UPDATE consents SET expires_at = '2099-01-01' WHERE id = ${c.id}`)).toThrow(
      /consents are versioned/,
    );
    expect(() => run(s.ctx.db, sql`DELETE FROM consents WHERE id = ${c.id}`)).toThrow(
      /consents are versioned: they are never deleted/,
    );
    expect(getConsent(s.ctx, c.id)).toMatchObject({ state: 'given', expiresAt: null, refusalReason: null });
  });

  it('two versions with the same number cannot exist in a series', async () => {
    const s = await setup();
    const c = addConsent(s.ctx, s.base);
    expect(() =>
      run(
        s.ctx.db,
        sql`INSERT INTO consents SELECT ${uuidv7()}, series_id, version, person_id, case_id, purpose, recipient_partner_id, recipient_class, state, told_nature, told_purpose, told_use, told_consequences, told_right_to_refuse, told_right_to_withdraw, method, language, witness, given_at, expires_at, refusal_reason, withdrawn_at, withdrawal_reason, notes, created_at, updated_at, origin_vault FROM consents WHERE id = ${c.id}`,
      ),
    ).toThrow(/UNIQUE/);
  });
});

describe('renewConsent', () => {
  it('a new version with the renewal as its given-at and the new expiry', async () => {
    const s = await setup();
    const c = addConsent(s.ctx, { ...s.base, expiresAt: '2026-03-31' });
    expect(getConsent(s.ctx, c.id).status).toBe('expired');
    const r = renewConsent(s.ctx, { id: c.id, expiresAt: '2027-06-30', at: '2026-06-01' });
    expect(r).toMatchObject({
      seriesId: c.id,
      version: 2,
      state: 'given',
      givenAt: '2026-06-01',
      expiresAt: '2027-06-30',
      status: 'given',
    });
    expect(listAudit(s.ctx.db).at(-1)).toMatchObject({
      action: 'consent.renewed',
      details: { purpose: 'representation', state: 'given', seriesId: c.id, version: 2 },
    });
    // the gate reads history: in April it had expired, in June it was renewed
    expect(
      checkConsent(s.ctx, { personId: s.amina, caseId: s.caseId, purpose: 'representation', at: '2026-04-15' }),
    ).toMatchObject({ allowed: false, reason: 'expired', consentId: c.id });
    expect(checkConsent(s.ctx, { personId: s.amina, caseId: s.caseId, purpose: 'representation' })).toMatchObject({
      allowed: true,
      consentId: r.id,
    });
  });

  it('a withdrawn or refused consent cannot be renewed; nor to an expiry before the renewal', async () => {
    const s = await setup();
    const c = addConsent(s.ctx, s.base);
    expect(errorOf(() => renewConsent(s.ctx, { id: c.id, expiresAt: '2026-06-15T11:00Z' }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'expiresAt: must be after the renewal (2026-06-15T12:00:00.000Z).',
    });
    withdrawConsent(s.ctx, { id: c.id, reason: 'x' });
    const before = s.counts();
    expect(errorOf(() => renewConsent(s.ctx, { id: c.id, expiresAt: '2027-01-01' })).code).toBe('INVALID_TRANSITION');
    const refused = addConsent(s.ctx, { ...s.base, purpose: 'media', decision: 'refused', refusalReason: 'no' });
    expect(errorOf(() => renewConsent(s.ctx, { id: refused.id, expiresAt: '2027-01-01' })).code).toBe(
      'INVALID_TRANSITION',
    );
    expect(s.counts()).toEqual({ consents: before.consents + 1, audit: before.audit + 1 });
  });
});

describe('listConsents', () => {
  it('the latest version of each series with its status now; every version on request; filters by person and case', async () => {
    const s = await setup();
    const given = addConsent(s.ctx, s.base);
    const expired = addConsent(s.ctx, { ...s.base, purpose: 'processing', expiresAt: '2026-06-14' });
    const future = addConsent(s.ctx, { ...s.base, purpose: 'publication', givenAt: '2026-07-01' });
    const refused = addConsent(s.ctx, { ...s.base, purpose: 'media', decision: 'refused', refusalReason: 'no' });
    const toWithdraw = addConsent(s.ctx, { ...s.base, purpose: 'sharing', recipient: { partnerId: s.partnerA } });
    const withdrawn = withdrawConsent(s.ctx, { id: toWithdraw.id, reason: 'x' });
    const elsewhere = addConsent(s.ctx, { ...s.base, caseId: s.otherCase });

    const latest = listConsents(s.ctx, { caseId: s.caseId });
    expect(latest.map((c) => [c.id, c.status])).toEqual([
      [given.id, 'given'],
      [expired.id, 'expired'],
      [future.id, 'not-yet-valid'],
      [refused.id, 'refused'],
      [withdrawn.id, 'withdrawn'],
    ]);
    expect(
      listConsents(s.ctx, { caseId: s.caseId, allVersions: true }).map((c) => [c.id, c.version, c.current]),
    ).toEqual([
      [given.id, 1, true],
      [expired.id, 1, true],
      [future.id, 1, true],
      [refused.id, 1, true],
      [toWithdraw.id, 1, false],
      [withdrawn.id, 2, true],
    ]);
    expect(listConsents(s.ctx, { personId: s.amina }).map((c) => c.id)).toEqual([
      given.id,
      expired.id,
      future.id,
      refused.id,
      withdrawn.id,
      elsewhere.id,
    ]);
    expect(listConsents(s.ctx, { personId: s.amina, caseId: s.otherCase }).map((c) => c.id)).toEqual([elsewhere.id]);
    expect(listConsents(s.ctx, { personId: s.unlinked })).toEqual([]);
    expect(listConsents(s.ctx).length).toBe(6);
    expect(errorOf(() => listConsents(s.ctx, { personId: MISSING })).code).toBe('NOT_FOUND');
    expect(errorOf(() => getConsent(s.ctx, MISSING))).toMatchObject({
      code: 'NOT_FOUND',
      message: `No consent with id ${MISSING} in this vault.`,
    });
    expect(errorOf(() => getConsent(s.ctx, 'not-an-id'))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'id: must be a record id (UUID).',
    });
    expect(errorOf(() => consentHistory(s.ctx, MISSING)).code).toBe('NOT_FOUND');
    expect(errorOf(() => listConsents(s.ctx, { caseId: MISSING })).code).toBe('NOT_FOUND');
    // time moves: the future consent becomes valid, the given one does not change
    s.setNow(new Date('2026-07-01T00:00:00.000Z'));
    expect(getConsent(s.ctx, future.id).status).toBe('given');
  });
});

describe('checkConsent / requireConsent on a real vault', () => {
  it('allows with the consent; denies after withdrawal; time travel with `at` sees the past', async () => {
    const s = await setup();
    const q = {
      personId: s.amina,
      caseId: s.caseId,
      purpose: 'sharing' as const,
      recipient: { partnerId: s.partnerA },
    };
    expect(checkConsent(s.ctx, q)).toEqual({
      allowed: false,
      reason: 'absent',
      message: `There is no consent from this person in this case for sharing with the partner “Legal Aid Nairobi” (${s.partnerA}). Record their informed consent before going ahead.`,
    });
    const c = addConsent(s.ctx, {
      ...s.base,
      purpose: 'sharing',
      recipient: { class: 'partner' },
      expiresAt: '2026-12-31',
    });
    expect(checkConsent(s.ctx, q)).toEqual({
      allowed: true,
      consentId: c.id,
      seriesId: c.id,
      expiresAt: '2026-12-31',
      message: `Consent to sharing with the partner “Legal Aid Nairobi” (${s.partnerA}) was given on 2026-01-10 and is valid until the end of 2026-12-31.`,
    });
    expect(requireConsent(s.ctx, q).consentId).toBe(c.id);
    // the same consent does not reach another case, a court, or before it was given
    expect(checkConsent(s.ctx, { ...q, caseId: s.otherCase })).toMatchObject({ allowed: false, reason: 'absent' });
    expect(checkConsent(s.ctx, { ...q, recipient: { class: 'court' } })).toMatchObject({
      allowed: false,
      reason: 'absent',
    });
    expect(checkConsent(s.ctx, { ...q, at: '2026-01-09' })).toMatchObject({ allowed: false, reason: 'absent' });
    expect(checkConsent(s.ctx, { ...q, at: '2027-01-01' })).toMatchObject({ allowed: false, reason: 'expired' });

    const w = withdrawConsent(s.ctx, {
      id: c.id,
      reason: 'Worried about the partner.',
      at: '2026-05-02T10:00:00.000Z',
    });
    const denied = checkConsent(s.ctx, q);
    expect(denied).toEqual({
      allowed: false,
      reason: 'withdrawn',
      consentId: w.id,
      seriesId: c.id,
      message: `The person withdrew their consent to sharing with the partner “Legal Aid Nairobi” (${s.partnerA}) on 2026-05-02T10:00:00.000Z. Their data may not be used for this.`,
    });
    expect(denied.message).not.toContain('Amina');
    expect(checkConsent(s.ctx, { ...q, at: '2026-05-01' })).toMatchObject({ allowed: true, consentId: c.id });
    const e = errorOf(() => requireConsent(s.ctx, q));
    expect(e.code).toBe('CONSENT_DENIED');
    expect(e.message).toBe(denied.message);
  });

  it('defaults to now and reads the implied class for publication', async () => {
    const s = await setup();
    addConsent(s.ctx, { ...s.base, purpose: 'publication', expiresAt: '2026-06-15' });
    expect(checkConsent(s.ctx, { personId: s.amina, caseId: s.caseId, purpose: 'publication' })).toMatchObject({
      allowed: true,
    });
    s.setNow(new Date('2026-06-16T00:00:00.000Z'));
    expect(checkConsent(s.ctx, { personId: s.amina, caseId: s.caseId, purpose: 'publication' })).toMatchObject({
      allowed: false,
      reason: 'expired',
    });
  });

  it('unknown person, case or partner → NOT_FOUND; not linked → person-not-in-case; bad queries → INVALID_INPUT', async () => {
    const s = await setup();
    const q = { personId: s.amina, caseId: s.caseId, purpose: 'representation' as const };
    expect(errorOf(() => checkConsent(s.ctx, { ...q, personId: MISSING })).code).toBe('NOT_FOUND');
    expect(errorOf(() => checkConsent(s.ctx, { ...q, caseId: MISSING })).code).toBe('NOT_FOUND');
    expect(
      errorOf(() => checkConsent(s.ctx, { ...q, purpose: 'sharing', recipient: { partnerId: MISSING } })).code,
    ).toBe('NOT_FOUND');
    expect(checkConsent(s.ctx, { ...q, personId: s.unlinked })).toMatchObject({
      allowed: false,
      reason: 'person-not-in-case',
    });
    expect(errorOf(() => requireConsent(s.ctx, { ...q, personId: s.unlinked })).code).toBe('CONSENT_DENIED');
    expect(errorOf(() => checkConsent(s.ctx, { ...q, purpose: 'sharing' }))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(errorOf(() => checkConsent(s.ctx, { ...q, recipient: { class: 'court' } }))).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(errorOf(() => checkConsent(s.ctx, { ...q, at: 'yesterday' })).message).toMatch(/^at: must be a date/);
  });

  it('a consent that lacks an element of information does not allow', async () => {
    const s = await setup();
    const c = addConsent(s.ctx, { ...s.base, told: ['nature', 'purpose', 'use', 'consequences', 'right-to-refuse'] });
    expect(checkConsent(s.ctx, { personId: s.amina, caseId: s.caseId, purpose: 'representation' })).toMatchObject({
      allowed: false,
      reason: 'not-informed',
      consentId: c.id,
      missing: ['right-to-withdraw'],
    });
  });
});
