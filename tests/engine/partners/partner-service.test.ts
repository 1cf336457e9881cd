import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../src-main/engine/audit/audit-log.js';
import {
  addAgreement,
  addPartner,
  getPartner,
  getSharingProfile,
  listPartners,
  setSharingProfile,
  updateAgreement,
  updatePartner,
} from '../../../src-main/engine/partners/partner-service.js';
import { DEFAULT_SHARING_FIELDS, tierForAmount } from '../../../shared/domain/partners.js';
import { codeOfSync as codeOf, newDomain, type TestDomain } from '../domain-helpers.js';

function lastAudit(d: TestDomain) {
  return listAudit(d.ctx.db, { afterSeq: d.auditCount() - 1 })[0]!;
}

function expectRefused(d: TestDomain, fn: () => unknown, code: string, field?: string) {
  const rows = { partners: d.rows('partners'), agreements: d.rows('partner_agreements') };
  const audits = d.auditCount();
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err, 'expected a refusal').toMatchObject({ name: 'VaultError', code });
  if (field) expect((err as Error).message.startsWith(`${field}: `), (err as Error).message).toBe(true);
  expect({ partners: d.rows('partners'), agreements: d.rows('partner_agreements') }).toEqual(rows);
  expect(d.auditCount()).toBe(audits);
}

describe('partners', () => {
  it('adds a partner with defaults and audits it with enums only', async () => {
    const d = await newDomain();
    const p = addPartner(d.ctx, {
      name: 'Centre for Rehabilitation of Torture Survivors',
      kind: 'ngo',
      country: 'ke',
      contact: 'info@example.org',
    });
    expect(p).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Centre for Rehabilitation of Torture Survivors',
      country: 'KE',
      kind: 'ngo',
      contact: 'info@example.org',
      notes: '',
      ddTier: 'small',
      ddAmountGbp: null,
      ddReviewOn: null,
      ddOutcome: 'pending',
      ddNotes: '',
      ddReviewOverdue: false,
      sharingProfile: {},
      createdAt: '2026-11-21T12:00:00.000Z',
      updatedAt: '2026-11-21T12:00:00.000Z',
      version: 1,
      originVault: d.ctx.vaultId,
    });
    const entry = lastAudit(d);
    expect(entry).toMatchObject({
      action: 'partner.added',
      subject: { kind: 'partner', id: p.id },
      details: { kind: 'ngo', ddTier: 'small', ddOutcome: 'pending' },
    });
    expect(JSON.stringify(entry.details)).not.toMatch(/Centre|example/);
  });

  it.each([
    [0, 'small'],
    [2000, 'small'],
    [2001, 'medium'],
    [10_000, 'medium'],
    [10_001, 'large'],
    [250_000, 'large'],
  ] as const)('derives the tier from £%i: %s', async (amount, tier) => {
    expect(tierForAmount(amount)).toBe(tier);
    const d = await newDomain();
    const p = addPartner(d.ctx, { name: 'P', kind: 'npm', ddAmountGbp: amount });
    expect([p.ddTier, p.ddAmountGbp]).toEqual([tier, amount]);
  });

  it('accepts a tier that agrees with the amount, and a tier alone', async () => {
    const d = await newDomain();
    expect(addPartner(d.ctx, { name: 'A', kind: 'ngo', ddAmountGbp: 5000, ddTier: 'medium' }).ddTier).toBe('medium');
    expect(addPartner(d.ctx, { name: 'B', kind: 'ngo', ddTier: 'large' })).toMatchObject({
      ddTier: 'large',
      ddAmountGbp: null,
    });
  });

  it.each([
    [{ name: 'P', kind: 'ngo', ddAmountGbp: 5000, ddTier: 'small' }, 'ddTier'],
    [{ name: 'P', kind: 'ngo', ddAmountGbp: 1500, ddTier: 'large' }, 'ddTier'],
    [{ name: 'P', kind: 'ngo', ddAmountGbp: 12.5 }, 'ddAmountGbp'],
    [{ name: 'P', kind: 'ngo', ddAmountGbp: -1 }, 'ddAmountGbp'],
    [{ name: 'P', kind: 'ngo', ddAmountGbp: '5000' }, 'ddAmountGbp'],
    [{ name: '', kind: 'ngo' }, 'name'],
    [{ name: 'P', kind: 'charity' }, 'kind'],
    [{ name: 'P' }, 'kind'],
    [{ name: 'P', kind: 'ngo', country: 'Kenya' }, 'country'],
    [{ name: 'P', kind: 'ngo', ddTier: 'huge' }, 'ddTier'],
    [{ name: 'P', kind: 'ngo', ddReviewOn: '2026-13-01' }, 'ddReviewOn'],
    [{ name: 'P', kind: 'ngo', ddOutcome: 'maybe' }, 'ddOutcome'],
    [{ name: 'P', kind: 'ngo', keys: [] }, 'input'],
  ])('refuses %j with INVALID_INPUT naming %s, writing nothing', async (input, field) => {
    const d = await newDomain();
    expectRefused(d, () => addPartner(d.ctx, input as never), 'INVALID_INPUT', field);
  });

  it('updates with expectedVersion, re-derives the tier from a new amount, and refuses a stale or contradicting edit', async () => {
    const d = await newDomain();
    const p = addPartner(d.ctx, { name: 'P', kind: 'lawyer', ddAmountGbp: 1000 });
    d.setNow('2026-11-25');
    const u = updatePartner(d.ctx, {
      id: p.id,
      expectedVersion: 1,
      ddAmountGbp: 20_000,
      ddOutcome: 'approved',
      ddReviewOn: '2027-11-01',
    });
    expect(u).toMatchObject({
      version: 2,
      ddTier: 'large',
      ddAmountGbp: 20_000,
      ddOutcome: 'approved',
      ddReviewOn: '2027-11-01',
      updatedAt: '2026-11-25T12:00:00.000Z',
    });
    expect(lastAudit(d)).toMatchObject({
      action: 'partner.updated',
      details: { fields: ['ddTier', 'ddAmountGbp', 'ddReviewOn', 'ddOutcome'], version: 2 },
    });

    expectRefused(d, () => updatePartner(d.ctx, { id: p.id, expectedVersion: 1, name: 'Q' }), 'CONFLICT');
    // the stored amount still decides: a tier that contradicts it is refused
    expectRefused(d, () => updatePartner(d.ctx, { id: p.id, ddTier: 'small' }), 'INVALID_INPUT', 'ddTier');
    // clearing the amount keeps the tier, which can then be set freely
    expect(updatePartner(d.ctx, { id: p.id, ddAmountGbp: null })).toMatchObject({
      version: 3,
      ddTier: 'large',
      ddAmountGbp: null,
    });
    expect(updatePartner(d.ctx, { id: p.id, ddTier: 'medium' })).toMatchObject({ version: 4, ddTier: 'medium' });
    // no change: no new version, no audit entry
    const audits = d.auditCount();
    expect(updatePartner(d.ctx, { id: p.id, ddTier: 'medium', name: 'P' }).version).toBe(4);
    expect(d.auditCount()).toBe(audits);
    expect(codeOf(() => updatePartner(d.ctx, { id: '01900000-0000-7000-8000-000000000000', name: 'X' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('flags a due-diligence review date that has passed', async () => {
    const d = await newDomain('2026-06-01T12:00:00.000Z');
    const p = addPartner(d.ctx, { name: 'P', kind: 'nhri', ddReviewOn: '2026-06-01' });
    expect(p.ddReviewOverdue).toBe(false);
    d.setNow('2026-06-02');
    expect(getPartner(d.ctx, p.id).ddReviewOverdue).toBe(true);
  });

  it('lists partners by name, filtered by kind, country and tier', async () => {
    const d = await newDomain();
    addPartner(d.ctx, { name: 'zeta NGO', kind: 'ngo', country: 'KE', ddAmountGbp: 500 });
    addPartner(d.ctx, { name: 'Alpha NPM', kind: 'npm', country: 'UG', ddAmountGbp: 50_000 });
    addPartner(d.ctx, { name: 'Beta Lawyers', kind: 'lawyer', country: 'KE', ddTier: 'medium' });
    expect(listPartners(d.ctx).map((p) => p.name)).toEqual(['Alpha NPM', 'Beta Lawyers', 'zeta NGO']);
    expect(listPartners(d.ctx, { country: 'ke' }).map((p) => p.name)).toEqual(['Beta Lawyers', 'zeta NGO']);
    expect(listPartners(d.ctx, { kind: 'npm' }).map((p) => p.name)).toEqual(['Alpha NPM']);
    expect(listPartners(d.ctx, { tier: 'medium' }).map((p) => p.name)).toEqual(['Beta Lawyers']);
    expect(listPartners(d.ctx, { kind: 'lawyer', country: 'UG' })).toEqual([]);
    expect(codeOf(() => listPartners(d.ctx, { tier: 'xl' } as never))).toBe('INVALID_INPUT');
  });

  it('NOT_FOUND for an unknown partner', async () => {
    const d = await newDomain();
    expect(codeOf(() => getPartner(d.ctx, '01900000-0000-7000-8000-000000000000'))).toBe('NOT_FOUND');
  });
});

describe('partner agreements', () => {
  it('adds agreements and shows each with its state for today', async () => {
    const d = await newDomain('2026-11-21T12:00:00.000Z');
    const p = addPartner(d.ctx, { name: 'P', kind: 'ngo' });
    const mou = addAgreement(d.ctx, { partnerId: p.id, kind: 'mou', signedOn: '2025-01-10', expiresOn: '2027-01-09' });
    const old = addAgreement(d.ctx, {
      partnerId: p.id,
      kind: 'confidentiality',
      signedOn: '2024-01-01',
      expiresOn: '2026-11-20',
    });
    const lastDay = addAgreement(d.ctx, {
      partnerId: p.id,
      kind: 'data-sharing',
      signedOn: '2025-11-21',
      expiresOn: '2026-11-21',
    });
    const draft = addAgreement(d.ctx, { partnerId: p.id, kind: 'other', notes: 'draft sent' });
    expect(mou).toMatchObject({
      partnerId: p.id,
      kind: 'mou',
      signedOn: '2025-01-10',
      expiresOn: '2027-01-09',
      state: 'active',
      version: 1,
      originVault: d.ctx.vaultId,
    });
    expect(lastAudit(d)).toMatchObject({
      action: 'partner.agreement-added',
      subject: { kind: 'partner-agreement', id: draft.id },
      details: { partnerId: p.id, kind: 'other', state: 'not-signed' },
    });
    expect(JSON.stringify(lastAudit(d).details)).not.toContain('draft sent');

    const shown = getPartner(d.ctx, p.id);
    expect(shown.agreements.map((a) => [a.id, a.state])).toEqual([
      [old.id, 'expired'],
      [mou.id, 'active'],
      [lastDay.id, 'active'],
      [draft.id, 'not-signed'],
    ]);
    d.setNow('2026-11-22');
    expect(getPartner(d.ctx, p.id).agreements.find((a) => a.id === lastDay.id)!.state).toBe('expired');
  });

  it('refuses an expiry not after the signature, a signature in the future, and an unknown partner', async () => {
    const d = await newDomain();
    const p = addPartner(d.ctx, { name: 'P', kind: 'ngo' });
    expectRefused(
      d,
      () => addAgreement(d.ctx, { partnerId: p.id, kind: 'mou', signedOn: '2026-01-01', expiresOn: '2026-01-01' }),
      'INVALID_INPUT',
      'expiresOn',
    );
    expectRefused(
      d,
      () => addAgreement(d.ctx, { partnerId: p.id, kind: 'mou', signedOn: '2026-01-01', expiresOn: '2025-12-31' }),
      'INVALID_INPUT',
      'expiresOn',
    );
    expectRefused(
      d,
      () => addAgreement(d.ctx, { partnerId: p.id, kind: 'mou', signedOn: '2026-11-22' }),
      'INVALID_INPUT',
      'signedOn',
    );
    expectRefused(d, () => addAgreement(d.ctx, { partnerId: p.id, kind: 'nda' as never }), 'INVALID_INPUT', 'kind');
    expectRefused(
      d,
      () => addAgreement(d.ctx, { partnerId: p.id, kind: 'mou', signedOn: '01/02/2026' }),
      'INVALID_INPUT',
      'signedOn',
    );
    expectRefused(
      d,
      () => addAgreement(d.ctx, { partnerId: '01900000-0000-7000-8000-000000000000', kind: 'mou' }),
      'NOT_FOUND',
    );
  });

  it('signs a drafted agreement later, checking the dates against the stored ones', async () => {
    const d = await newDomain();
    const p = addPartner(d.ctx, { name: 'P', kind: 'ngo' });
    const a = addAgreement(d.ctx, { partnerId: p.id, kind: 'data-sharing', expiresOn: '2026-06-30' });
    expect(a.state).toBe('not-signed');
    expectRefused(d, () => updateAgreement(d.ctx, { id: a.id, signedOn: '2026-07-01' }), 'INVALID_INPUT', 'expiresOn');
    const signed = updateAgreement(d.ctx, {
      id: a.id,
      expectedVersion: 1,
      signedOn: '2026-11-01',
      expiresOn: '2028-10-31',
    });
    expect(signed).toMatchObject({ state: 'active', version: 2, signedOn: '2026-11-01', expiresOn: '2028-10-31' });
    expect(lastAudit(d)).toMatchObject({
      action: 'partner.agreement-updated',
      details: { partnerId: p.id, fields: ['signedOn', 'expiresOn'], version: 2, state: 'active' },
    });
    expectRefused(d, () => updateAgreement(d.ctx, { id: a.id, expectedVersion: 1, notes: 'x' }), 'CONFLICT');
  });
});

describe('sharing profile', () => {
  it('stores explicit field lists (defaults resolved at set time), bumps the version and audits field names only', async () => {
    const d = await newDomain();
    const p = addPartner(d.ctx, { name: 'P', kind: 'ngo', contact: 'secret@example.org' });
    const u = setSharingProfile(d.ctx, {
      partnerId: p.id,
      expectedVersion: 1,
      allow: [
        { kind: 'people' },
        { kind: 'cases', fields: ['title', 'reference'] },
        { kind: 'people', fields: ['contact'] },
      ],
    });
    expect(u.version).toBe(2);
    // fields in the canonical order of SHARING_FIELDS, duplicates merged
    expect(u.sharingProfile).toEqual({
      cases: ['reference', 'title'],
      people: ['pseudonym', 'gender', 'birth-year', 'country', 'contact', 'roles'],
    });
    expect(getSharingProfile(d.ctx, p.id)).toEqual(u.sharingProfile);
    expect(lastAudit(d)).toMatchObject({
      action: 'partner.sharing-profile-set',
      subject: { kind: 'partner', id: p.id },
      details: {
        kinds: ['cases', 'people'],
        fields: {
          cases: ['reference', 'title'],
          people: ['pseudonym', 'gender', 'birth-year', 'country', 'contact', 'roles'],
        },
        version: 2,
      },
    });
    expect([...DEFAULT_SHARING_FIELDS.people]).toEqual(['pseudonym', 'gender', 'birth-year', 'country', 'roles']);

    // the same profile again: nothing written
    const audits = d.auditCount();
    expect(
      setSharingProfile(d.ctx, {
        partnerId: p.id,
        allow: [
          { kind: 'cases', fields: ['title', 'reference'] },
          { kind: 'people', fields: ['pseudonym', 'gender', 'birth-year', 'country', 'contact', 'roles'] },
        ],
      }).version,
    ).toBe(2);
    expect(d.auditCount()).toBe(audits);

    // an empty list shares nothing
    expect(setSharingProfile(d.ctx, { partnerId: p.id, allow: [] })).toMatchObject({ version: 3, sharingProfile: {} });
  });

  it.each([
    [[{ kind: 'people', fields: ['password'] }], 'allow.0.fields.0'],
    [[{ kind: 'cases', fields: ['pseudonym'] }], 'allow.0.fields.0'],
    [[{ kind: 'people', fields: [] }], 'allow.0.fields'],
    [[{ kind: 'keys' }], 'allow.0.kind'],
    [[{ kind: 'notes', fields: ['body'], extra: 1 }], 'allow.0'],
  ])('refuses %j naming %s, writing nothing', async (allow, field) => {
    const d = await newDomain();
    const p = addPartner(d.ctx, { name: 'P', kind: 'ngo' });
    expectRefused(
      d,
      () => setSharingProfile(d.ctx, { partnerId: p.id, allow: allow as never }),
      'INVALID_INPUT',
      field,
    );
    expect(getPartner(d.ctx, p.id)).toMatchObject({ version: 1, sharingProfile: {} });
  });

  it('refuses a stale version with CONFLICT', async () => {
    const d = await newDomain();
    const p = addPartner(d.ctx, { name: 'P', kind: 'ngo' });
    updatePartner(d.ctx, { id: p.id, notes: 'n' });
    expectRefused(
      d,
      () => setSharingProfile(d.ctx, { partnerId: p.id, expectedVersion: 1, allow: [{ kind: 'notes' }] }),
      'CONFLICT',
    );
  });
});
