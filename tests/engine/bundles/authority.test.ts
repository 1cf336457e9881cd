// Authority over what arrives (docs/bundle-format.md, "Authority"): bundles that are well-formed
// and validly signed by a partner this vault VERIFIED, built to change what that partner did not
// create. Three vaults: V (the victim, importing), P (a verified partner turned hostile) and T
// (a third verified partner whose records V holds). Every crafted bundle is signed with P's real
// identity key.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARING_FIELDS, SHARING_KINDS } from '../../../shared/domain/partners.js';
import { isVaultError } from '../../../shared/errors.js';
import { exportBundle, importBundle } from '../../../src-main/engine/bundles/index.js';
import { acceptProposal, listProposals, rejectProposal } from '../../../src-main/engine/bundles/proposals.js';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import { checkConsent } from '../../../src-main/engine/consents/consent-gate.js';
import { renewConsent, withdrawConsent } from '../../../src-main/engine/consents/consent-service.js';
import { all, get, pluck, sql } from '../../../src-main/engine/db/sql.js';
import type { DomainContext } from '../../../src-main/engine/domain/context.js';
import { cardFileText, contactCardOf } from '../../../src-main/engine/identity/contact-card.js';
import { safetyNumberDigits } from '../../../src-main/engine/identity/safety-number.js';
import {
  addAgreement,
  getPartner,
  setSharingProfile,
  updatePartner,
} from '../../../src-main/engine/partners/partner-service.js';
import { importContactCard, verifyPartnerKey } from '../../../src-main/engine/partners/partner-keys.js';
import { uuidv7 } from '../../../src-main/engine/util/ids.js';
import { expectSameSnapshot } from '../../helpers.js';
import {
  type Part,
  type Seeded,
  type Side,
  buildBundle,
  closePersistent,
  manifestFor,
  outPath,
  recipientsOf,
  recordPart,
  seedCase,
  sha256,
  side,
  writeTemp,
} from './bundle-helpers.js';

/** `a` knows `b` as a partner with a verified key, approved due diligence and a confidentiality agreement. */
function know(a: Side, b: Side): string {
  const imported = importContactCard(a.ctx, { card: cardFileText(contactCardOf(b.ctx)), kind: 'ngo' });
  const digits = safetyNumberDigits(
    { vaultId: a.ctx.vaultId, publicKey: a.ctx.identity.publicKey },
    { vaultId: b.ctx.vaultId, publicKey: b.ctx.identity.publicKey },
  ).digits;
  verifyPartnerKey(a.ctx, { keyId: imported.key.id, safetyNumber: digits, verifiedBy: 'tester', how: 'in-person' });
  const partner = getPartner(a.ctx, imported.partner.id);
  updatePartner(a.ctx, { id: partner.id, expectedVersion: partner.version, ddOutcome: 'approved' });
  addAgreement(a.ctx, { partnerId: partner.id, kind: 'confidentiality', signedOn: '2026-01-01' });
  return partner.id;
}

const FULL_PROFILE = SHARING_KINDS.map((kind) => ({ kind, fields: [...SHARING_FIELDS[kind]] })) as Parameters<
  typeof setSharingProfile
>[1]['allow'];

let V: Side; // the victim
let P: Side; // the hostile, verified partner
let T: Side; // a third verified partner
let vSeed: Seeded; // V's own case, shared with P (so P knows every id)
let tCase: { caseId: string; personId: string; consentId: string; describedEvidenceId: string; describedSha: string };
let pOnV: string; // P's partner id in V
let tOnV: string;

async function exportTo(from: Side, partnerId: string, caseIds: string[], evidenceIds: string[] = []): Promise<string> {
  const out = outPath();
  await exportBundle(from.ctx, {
    partnerId,
    caseIds,
    evidenceIds,
    purpose: 'Referral',
    out,
    onMissingConsent: 'leave-out',
  });
  return out;
}

beforeAll(async () => {
  V = await side('Victim Org', 'Victim', true);
  P = await side('Hostile Org', 'Hostile', true);
  T = await side('Third Org', 'Third', true);
  pOnV = know(V, P);
  V.partnerId = pOnV;
  const vOnP = know(P, V);
  P.partnerId = vOnP;
  tOnV = know(V, T);
  const vOnT = know(T, V);
  T.partnerId = vOnT;
  vSeed = await seedCase(V); // also gives P (V's partner) a sharing profile
  // V shares its case with P: P now knows every id of it
  await importBundle(P.ctx, await exportTo(V, pOnV, [vSeed.caseId], [vSeed.evidenceId]));
  // T shares a case with V, one evidence item described without its file
  const tSeed = await seedCase(T);
  const tPartner = getPartner(T.ctx, vOnT);
  setSharingProfile(T.ctx, { partnerId: vOnT, expectedVersion: tPartner.version, allow: FULL_PROFILE });
  await importBundle(V.ctx, await exportTo(T, vOnT, [tSeed.caseId], [tSeed.evidenceId]));
  const described = get<{ id: string; record: string }>(
    V.ctx.db,
    sql`SELECT id, record FROM received_evidence_metadata WHERE id = ${tSeed.metaOnlyEvidenceId}`,
  )!;
  tCase = {
    caseId: tSeed.caseId,
    personId: tSeed.survivorId,
    consentId: tSeed.survivorConsentId,
    describedEvidenceId: described.id,
    describedSha: (JSON.parse(described.record) as { sha256: string }).sha256,
  };
});

afterAll(() => closePersistent());

// ---------------------------------------------------------------------------------------------
// Crafting

function rec(kind: string, fields: Record<string, unknown>): Part {
  return recordPart(kind, { version: 1, originVault: P.ctx.vaultId, ...fields });
}

async function craft(parts: Part[], signer: Side = P): Promise<string> {
  const records = parts.filter((p) => p.name.startsWith('records/')).sort((a, b) => a.name.localeCompare(b.name));
  const files = parts.filter((p) => p.name.startsWith('files/'));
  const ordered = [...records, ...files];
  const bytes = await buildBundle({
    manifest: manifestFor(signer.ctx, [V.ctx], ordered),
    parts: ordered,
    signer: signer.ctx,
    recipients: recipientsOf(V.ctx, signer.ctx),
  });
  return writeTemp(bytes);
}

const told = ['nature', 'purpose', 'use', 'consequences', 'right-to-refuse', 'right-to-withdraw'];

function consentFields(over: Record<string, unknown>): Record<string, unknown> {
  const id = uuidv7(Date.now());
  return {
    id,
    seriesId: id,
    purpose: 'sharing',
    recipientClass: 'partner',
    state: 'given',
    told,
    method: 'written',
    givenAt: '2026-02-01',
    ...over,
  };
}

/** Every consent decision V takes for its own people: must never move because of a partner. */
function vDecisions(): unknown[] {
  const out: unknown[] = [];
  for (const personId of [vSeed.survivorId, vSeed.witnessId]) {
    out.push(
      checkConsent(V.ctx, { purpose: 'sharing', personId, caseId: vSeed.caseId, recipient: { partnerId: tOnV } }),
    );
    out.push(
      checkConsent(V.ctx, { purpose: 'sharing', personId, caseId: vSeed.caseId, recipient: { partnerId: pOnV } }),
    );
    out.push(
      checkConsent(V.ctx, {
        purpose: 'donor-reporting',
        personId,
        caseId: vSeed.caseId,
        recipient: { class: 'donor' },
      }),
    );
  }
  out.push(
    checkConsent(V.ctx, {
      purpose: 'sharing',
      personId: tCase.personId,
      caseId: tCase.caseId,
      recipient: { partnerId: pOnV },
    }),
  );
  return out;
}

/**
 * Everything of V's that does not belong to P: rows of every table with an origin other than P;
 * rows of every table that hang on a case or a person of another origin (links, notes, evidence,
 * tags, custody…). The bookkeeping of imports (ledger, origins, conflicts, proposals, audit,
 * blobs, the team-sync change log) is left out: it records that a bundle came.
 */
function notP(ctx: DomainContext): Record<string, unknown[]> {
  const p = P.ctx.vaultId;
  const skip = new Set([
    'bundles',
    'received_records',
    'import_conflicts',
    'proposed_additions',
    'audit_log',
    'audit_checkpoints',
    'blobs',
    'partner_keys',
    'partners',
    'partner_agreements',
    // the team-sync change log records every write, as the audit log does
    'sync_changes',
    'sync_clock',
    'sync_applied',
  ]);
  const tables = all<{ name: string }>(
    ctx.db,
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name`,
  ).map((t) => t.name);
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    if (skip.has(t)) continue;
    const cols = new Set(
      (ctx.db.prepare(`PRAGMA table_info("${t}")`).all() as Array<{ name: string }>).map((c) => c.name),
    );
    const conds: string[] = [];
    if (cols.has('origin_vault')) conds.push(`origin_vault != '${p}'`);
    if (cols.has('case_id')) conds.push(`case_id IN (SELECT id FROM cases WHERE origin_vault != '${p}')`);
    if (cols.has('person_id')) conds.push(`person_id IN (SELECT id FROM people WHERE origin_vault != '${p}')`);
    if (cols.has('evidence_id')) conds.push(`evidence_id IN (SELECT id FROM evidence WHERE origin_vault != '${p}')`);
    // the name-matching index: keys of the names of people of another origin
    if (t === 'person_name_keys')
      conds.push(
        `seq IN (SELECT seq FROM person_names WHERE person_id IN (SELECT id FROM people WHERE origin_vault != '${p}'))`,
      );
    const where = conds.length ? `WHERE ${conds.join(' OR ')}` : '';
    out[t] = ctx.db.prepare(`SELECT * FROM "${t}" ${where} ORDER BY 1`).all();
  }
  return out;
}

async function expectRefused(file: string, code: string): Promise<void> {
  const before = await V.frozen();
  const decisions = vDecisions();
  await expect(importBundle(V.ctx, file)).rejects.toMatchObject({ code });
  expectSameSnapshot(before, await V.frozen());
  expect(vDecisions()).toEqual(decisions);
}

// ---------------------------------------------------------------------------------------------

describe('a verified partner cannot forge consents', () => {
  it('a new version in our own consent series is refused (BUNDLE_NOT_ORIGINATOR)', async () => {
    const c = consentFields({
      seriesId: vSeed.witnessConsentId,
      version: 3,
      personId: vSeed.witnessId,
      caseId: vSeed.caseId,
    });
    await expectRefused(await craft([rec('consents', c)]), 'BUNDLE_NOT_ORIGINATOR');
  });

  it('a new series for our survivor in our case, recipient class partner or donor, is refused (BUNDLE_FOREIGN_LINK)', async () => {
    for (const recipientClass of ['partner', 'donor']) {
      const c = consentFields({
        personId: vSeed.survivorId,
        caseId: vSeed.caseId,
        recipientClass,
        purpose: recipientClass === 'donor' ? 'donor-reporting' : 'sharing',
      });
      await expectRefused(await craft([rec('consents', c)]), 'BUNDLE_FOREIGN_LINK');
    }
  });

  it('our survivor withdrawn by a partner: refused', async () => {
    const c = consentFields({
      id: uuidv7(Date.now()),
      seriesId: vSeed.survivorConsentId,
      version: 2,
      personId: vSeed.survivorId,
      caseId: vSeed.caseId,
      state: 'withdrawn',
      withdrawnAt: '2026-03-01',
    });
    await expectRefused(await craft([rec('consents', c)]), 'BUNDLE_NOT_ORIGINATOR');
  });

  it('a consent claiming to be ours (originVault = V) is refused (BUNDLE_ORIGIN_MISMATCH)', async () => {
    const c = consentFields({ personId: vSeed.survivorId, caseId: vSeed.caseId });
    await expectRefused(
      await craft([recordPart('consents', { version: 1, originVault: V.ctx.vaultId, ...c })]),
      'BUNDLE_ORIGIN_MISMATCH',
    );
  });

  it("P's own person consenting in OUR case, or in a third partner's case: refused", async () => {
    const personId = uuidv7(Date.now());
    for (const caseId of [vSeed.caseId, tCase.caseId]) {
      const c = consentFields({ personId, caseId });
      await expectRefused(
        await craft([rec('people', { id: personId, fullName: 'Planted Person' }), rec('consents', c)]),
        'BUNDLE_FOREIGN_LINK',
      );
    }
  });

  it("a third partner's consent series and person are out of reach", async () => {
    const c = consentFields({ seriesId: tCase.consentId, version: 9, personId: tCase.personId, caseId: tCase.caseId });
    await expectRefused(await craft([rec('consents', c)]), 'BUNDLE_NOT_ORIGINATOR');
  });

  it('consents received from a partner never decide anything here, and cannot be continued here', async () => {
    // T's survivor consented (in T's vault) to sharing with T's partner: V received that consent
    const received = get<{ id: string }>(
      V.ctx.db,
      sql`SELECT id FROM consents WHERE person_id = ${tCase.personId} AND origin_vault = ${T.ctx.vaultId} LIMIT 1`,
    );
    expect(received).toBeDefined();
    const r = checkConsent(V.ctx, {
      purpose: 'sharing',
      personId: tCase.personId,
      caseId: tCase.caseId,
      recipient: { class: 'partner' },
    });
    expect(r).toMatchObject({ allowed: false, reason: 'absent' });
    expect(r.message).toMatch(/received from a partner/);
    expect(() => withdrawConsent(V.ctx, { id: received!.id, reason: 'x' })).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    expect(() => renewConsent(V.ctx, { id: received!.id, expiresAt: '2027-12-31' })).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
  });
});

describe("a verified partner cannot change another origin's records", () => {
  it("overwriting a third partner's case, person or evidence description with a higher version: refused", async () => {
    await expectRefused(
      await craft([rec('cases', { id: tCase.caseId, version: 999_999_999, title: 'Closed', status: 'closed' })]),
      'BUNDLE_NOT_ORIGINATOR',
    );
    await expectRefused(
      await craft([rec('people', { id: tCase.personId, version: 50, contact: 'call me', safetyNotes: '' })]),
      'BUNDLE_NOT_ORIGINATOR',
    );
    await expectRefused(
      await craft([
        rec('evidence', { id: tCase.describedEvidenceId, caseId: tCase.caseId, version: 50, description: 'fake' }),
      ]),
      'BUNDLE_NOT_ORIGINATOR',
    );
  });

  it('overwriting our own case, people, notes: refused', async () => {
    await expectRefused(
      await craft([rec('cases', { id: vSeed.caseId, version: 2, title: 'Hijacked' })]),
      'BUNDLE_NOT_ORIGINATOR',
    );
    await expectRefused(
      await craft([rec('people', { id: vSeed.survivorId, version: 2, contact: '+1 555' })]),
      'BUNDLE_NOT_ORIGINATOR',
    );
    await expectRefused(
      await craft([rec('notes', { id: vSeed.noteId, caseId: vSeed.caseId, version: 2, body: 'x' })]),
      'BUNDLE_NOT_ORIGINATOR',
    );
  });

  it("spoofing the origin (a record claiming to be the third partner's or ours): refused", async () => {
    const fresh = uuidv7(Date.now());
    await expectRefused(
      await craft([recordPart('cases', { id: fresh, version: 1, originVault: T.ctx.vaultId, title: 'From T?' })]),
      'BUNDLE_ORIGIN_MISMATCH',
    );
    await expectRefused(
      await craft([
        recordPart('cases', { id: tCase.caseId, version: 77, originVault: T.ctx.vaultId, title: 'From T?' }),
      ]),
      'BUNDLE_ORIGIN_MISMATCH',
    );
  });

  it("an evidence file substituted for a third partner's described item: refused, by anyone but its origin; its origin cannot change the hash", async () => {
    const bytes = randomBytes(3000);
    const hash = sha256(bytes);
    const e = {
      id: tCase.describedEvidenceId,
      caseId: tCase.caseId,
      version: 5,
      sha256: hash,
      size: bytes.length,
      fileName: 'x.pdf',
    };
    await expectRefused(
      await craft([rec('evidence', e), { name: `files/${hash}`, data: bytes }]),
      'BUNDLE_NOT_ORIGINATOR',
    );
    // T itself, the origin, declared another hash before: the file can never change
    const fromT = recordPart('evidence', { ...e, originVault: T.ctx.vaultId });
    await expectRefused(await craft([fromT, { name: `files/${hash}`, data: bytes }], T), 'BUNDLE_EVIDENCE_CHANGED');
    expect(hash).not.toBe(tCase.describedSha);
  });

  it('a working copy attached under our own original: refused', async () => {
    const pCase = uuidv7(Date.now());
    const e = {
      id: uuidv7(Date.now()),
      caseId: pCase,
      fileName: 'copy.pdf',
      derivedFrom: vSeed.evidenceId,
      derivationReason: 'redacted',
    };
    await expectRefused(
      await craft([rec('cases', { id: pCase, title: 'P case' }), rec('evidence', e)]),
      'BUNDLE_FOREIGN_LINK',
    );
  });

  it('people linked into our cases: refused', async () => {
    const personId = uuidv7(Date.now());
    await expectRefused(
      await craft([
        rec('people', {
          id: personId,
          fullName: 'Planted',
          roles: [{ caseId: vSeed.caseId, role: 'alleged-perpetrator' }],
        }),
      ]),
      'BUNDLE_FOREIGN_LINK',
    );
  });

  it('a record moved into another case, and a consent version that collides: refused with their own codes', async () => {
    const pCase = uuidv7(Date.now());
    const noteId = uuidv7(Date.now());
    const first = await importBundle(
      V.ctx,
      await craft([
        rec('cases', { id: pCase, title: 'P case' }),
        rec('notes', { id: noteId, caseId: pCase, body: 'first' }),
      ]),
    );
    expect(first.counts.created).toMatchObject({ cases: 1, notes: 1 });
    await expectRefused(
      await craft([rec('notes', { id: noteId, caseId: vSeed.caseId, version: 2, body: 'moved' })]),
      'BUNDLE_RECORD_COLLISION',
    );
    const personId = uuidv7(Date.now());
    const c1 = consentFields({ personId, caseId: pCase });
    const second = await importBundle(
      V.ctx,
      await craft([
        rec('people', { id: personId, fullName: 'P person', roles: [{ caseId: pCase, role: 'survivor' }] }),
        rec('consents', c1),
      ]),
    );
    expect(second.counts.created).toMatchObject({ people: 1, consents: 1 });
    const clash = { ...c1, id: uuidv7(Date.now()) };
    await expectRefused(await craft([rec('consents', clash)]), 'BUNDLE_RECORD_COLLISION');
  });

  it('a record written after the bundle was made: refused', async () => {
    await expectRefused(
      await craft([rec('cases', { id: uuidv7(Date.now()), title: 'x', createdAt: '2031-01-01T00:00:00.000Z' })]),
      'BUNDLE_RECORD_INVALID',
    );
  });
});

describe('additions to our cases are proposals a person decides', () => {
  it('a note, deadline, outcome and evidence file on our case wait in the inbox; reject erases; accept enters the case', async () => {
    const bytes = randomBytes(5000);
    const hash = sha256(bytes);
    const ids = {
      note: uuidv7(Date.now()),
      deadline: uuidv7(Date.now()),
      outcome: uuidv7(Date.now()),
      evidence: uuidv7(Date.now()),
    };
    const before = notP(V.ctx);
    const r = await importBundle(
      V.ctx,
      await craft([
        rec('notes', { id: ids.note, caseId: vSeed.caseId, body: 'We met the witness.', author: 'P' }),
        rec('deadlines', {
          id: ids.deadline,
          caseId: vSeed.caseId,
          kind: 'hearing',
          title: 'Hearing',
          dueOn: '2027-01-15',
        }),
        rec('outcomes', {
          id: ids.outcome,
          caseId: vSeed.caseId,
          kind: 'compensation',
          description: 'Awarded',
          currency: 'KES',
          amountAwardedMinor: 900000000,
        }),
        rec('evidence', {
          id: ids.evidence,
          caseId: vSeed.caseId,
          fileName: 'report.pdf',
          title: 'Medical report',
          type: 'medical-report',
          sha256: hash,
          size: bytes.length,
        }),
        { name: `files/${hash}`, data: bytes },
      ]),
    );
    expect(r.result).toBe('imported');
    expect(r.counts.proposed).toBe(4);
    expect(r.counts.created).toEqual({
      cases: 0,
      people: 0,
      consents: 0,
      evidence: 0,
      notes: 0,
      deadlines: 0,
      outcomes: 0,
    });
    // nothing entered our case
    expect(notP(V.ctx)).toEqual(before);
    const pending = listProposals(V.ctx, { caseId: vSeed.caseId });
    expect(pending.map((p) => p.kind).sort()).toEqual(['deadlines', 'evidence', 'notes', 'outcomes']);
    expect(pending.every((p) => p.partner?.id === pOnV && p.fromVault === P.ctx.vaultId)).toBe(true);
    const ev = pending.find((p) => p.kind === 'evidence')!;
    expect(ev.preview).toMatchObject({ hasFile: true, fileName: 'report.pdf', size: 5000 });

    // the same bundle's records again: nothing new
    const again = await importBundle(
      V.ctx,
      await craft([rec('notes', { id: ids.note, caseId: vSeed.caseId, body: 'We met the witness.', author: 'P' })]),
    );
    expect(again.counts.proposed).toBe(0);

    // reject the outcome and the evidence: content gone, the file's key row erased
    const blobId = pluck<string>(V.ctx.db, sql`SELECT blob_id FROM proposed_additions WHERE id = ${ev.id}`)!;
    const outcome = pending.find((p) => p.kind === 'outcomes')!;
    await rejectProposal(V.ctx, { id: outcome.id });
    await rejectProposal(V.ctx, { id: ev.id, decidedBy: 'Asha' });
    expect(pluck(V.ctx.db, sql`SELECT 1 FROM blobs WHERE id = ${blobId}`)).toBeUndefined();
    expect(get(V.ctx.db, sql`SELECT record, status, decided_by FROM proposed_additions WHERE id = ${ev.id}`)).toEqual({
      record: '{}',
      status: 'rejected',
      decided_by: 'Asha',
    });
    expect(pluck(V.ctx.db, sql`SELECT 1 FROM outcomes WHERE id = ${ids.outcome}`)).toBeUndefined();
    await expect(rejectProposal(V.ctx, { id: ev.id })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });

    // accept the note and deadline: they enter our case, attributed to P
    for (const p of pending.filter((x) => x.kind === 'notes' || x.kind === 'deadlines'))
      acceptProposal(V.ctx, { id: p.id });
    expect(get(V.ctx.db, sql`SELECT case_id, body, origin_vault FROM notes WHERE id = ${ids.note}`)).toEqual({
      case_id: vSeed.caseId,
      body: 'We met the witness.',
      origin_vault: P.ctx.vaultId,
    });
    expect(pluck(V.ctx.db, sql`SELECT due_on FROM deadlines WHERE id = ${ids.deadline}`)).toBe('2027-01-15');

    // a later version of the accepted note is a new proposal; the accepted text stays until then
    const v2 = await importBundle(
      V.ctx,
      await craft([rec('notes', { id: ids.note, caseId: vSeed.caseId, version: 2, body: 'Changed afterwards' })]),
    );
    expect(v2.counts.proposed).toBe(1);
    expect(pluck(V.ctx.db, sql`SELECT body FROM notes WHERE id = ${ids.note}`)).toBe('We met the witness.');
    const update = listProposals(V.ctx, { caseId: vSeed.caseId })[0]!;
    expect(update).toMatchObject({ isUpdate: true, version: 2 });
    acceptProposal(V.ctx, { id: update.id });
    expect(pluck(V.ctx.db, sql`SELECT body FROM notes WHERE id = ${ids.note}`)).toBe('Changed afterwards');
  });

  it('an evidence proposal with its file, accepted: stored, verified, custody says from whom', async () => {
    const bytes = randomBytes(2048);
    const hash = sha256(bytes);
    const id = uuidv7(Date.now());
    await importBundle(
      V.ctx,
      await craft([
        rec('evidence', { id, caseId: vSeed.caseId, fileName: 'photo.jpg', sha256: hash, size: bytes.length }),
        { name: `files/${hash}`, data: bytes },
      ]),
    );
    const p = listProposals(V.ctx, { caseId: vSeed.caseId }).find((x) => x.recordId === id)!;
    acceptProposal(V.ctx, { id: p.id });
    expect(get(V.ctx.db, sql`SELECT sha256, size, origin_vault FROM evidence WHERE id = ${id}`)).toEqual({
      sha256: hash,
      size: 2048,
      origin_vault: P.ctx.vaultId,
    });
    const custody = get<{ action: string; details: string }>(
      V.ctx.db,
      sql`SELECT action, details FROM custody_events WHERE evidence_id = ${id}`,
    )!;
    expect(custody.action).toBe('received');
    expect(JSON.parse(custody.details)).toMatchObject({ fromVault: P.ctx.vaultId, sha256: hash });
  });

  it('two proposed evidence items with the same bytes share one stored file: rejecting one keeps it for the other', async () => {
    const bytes = randomBytes(1500);
    const hash = sha256(bytes);
    const [one, two] = [uuidv7(Date.now()), uuidv7(Date.now())];
    await importBundle(
      V.ctx,
      await craft([
        rec('evidence', { id: one, caseId: vSeed.caseId, fileName: 'a.jpg', sha256: hash, size: bytes.length }),
        rec('evidence', { id: two, caseId: vSeed.caseId, fileName: 'b.jpg', sha256: hash, size: bytes.length }),
        { name: `files/${hash}`, data: bytes },
      ]),
    );
    const waiting = listProposals(V.ctx, { caseId: vSeed.caseId });
    const p1 = waiting.find((p) => p.recordId === one)!;
    const p2 = waiting.find((p) => p.recordId === two)!;
    expect(p1.preview?.hasFile && p2.preview?.hasFile).toBe(true);
    await rejectProposal(V.ctx, { id: p1.id });
    acceptProposal(V.ctx, { id: p2.id });
    expect(get(V.ctx.db, sql`SELECT sha256, size FROM evidence WHERE id = ${two}`)).toEqual({
      sha256: hash,
      size: 1500,
    });
    expect(pluck(V.ctx.db, sql`SELECT 1 FROM evidence WHERE id = ${one}`)).toBeUndefined();
  });

  it("additions to a third partner's case are proposals too", async () => {
    const r = await importBundle(
      V.ctx,
      await craft([rec('notes', { id: uuidv7(Date.now()), caseId: tCase.caseId, body: 'about T' })]),
    );
    expect(r.counts.proposed).toBe(1);
    expect(r.counts.created.notes).toBe(0);
  });
});

describe('case references', () => {
  it("a received reference that looks like ours, or an odd one, never breaks this vault's numbering", async () => {
    const year = V.ctx.now().toISOString().slice(0, 4);
    const ours = get<{ reference: string }>(
      V.ctx.db,
      sql`SELECT reference FROM cases WHERE id = ${vSeed.caseId}`,
    )!.reference;
    const odd = { id: uuidv7(Date.now()), title: 'odd', reference: `CV-${year}-000009x` };
    const same = { id: uuidv7(Date.now()), title: 'same', reference: ours };
    const next = { id: uuidv7(Date.now()), title: 'next', reference: `CV-${year}-000100` };
    await importBundle(V.ctx, await craft([rec('cases', odd), rec('cases', same), rec('cases', next)]));
    const refs = all<{ id: string; reference: string }>(
      V.ctx.db,
      sql`SELECT id, reference FROM cases WHERE origin_vault = ${P.ctx.vaultId}`,
    );
    const p8 = P.ctx.vaultId.slice(-8);
    expect(refs.find((r) => r.id === odd.id)!.reference).toBe(`${p8}-${odd.reference}`);
    expect(refs.find((r) => r.id === same.id)!.reference).toBe(`${p8}-${ours}`);
    expect(refs.find((r) => r.id === next.id)!.reference).toBe(`${p8}-${next.reference}`);
    // our numbering goes on from our own last case
    const made = createCase(V.ctx, { title: 'After the squatters', sensitivity: 'high' });
    expect(made.reference).toMatch(new RegExp(`^CV-${year}-\\d{6}$`));
    expect(Number(made.reference.slice(-6))).toBe(Number(ours.slice(-6)) + 1);
  });
});

describe('property: no mutation of a legitimate bundle changes what the signer did not create', () => {
  it('random retargeting of ids, origins, links, series and versions', async () => {
    const targets = {
      cases: () => [vSeed.caseId, tCase.caseId],
      people: () => [vSeed.survivorId, vSeed.witnessId, tCase.personId],
      consents: () => [vSeed.survivorConsentId, vSeed.witnessConsentId, tCase.consentId],
      evidence: () => [vSeed.evidenceId, vSeed.metaOnlyEvidenceId, tCase.describedEvidenceId],
      notes: () => [vSeed.noteId],
      deadlines: () => [vSeed.deadlineId],
      outcomes: () => [vSeed.outcomeId],
    };
    const origins = () => [V.ctx.vaultId, T.ctx.vaultId, P.ctx.vaultId, uuidv7(Date.now())];
    const fields = ['id', 'originVault', 'caseId', 'personId', 'seriesId', 'derivedFrom', 'roles', 'version'] as const;
    let seq = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            which: fc.nat(5),
            field: fc.constantFrom(...fields),
            pick: fc.nat(10),
            version: fc.constantFrom(1, 2, 3, 1000, Number.MAX_SAFE_INTEGER),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        async (mutations) => {
          seq++;
          // a legitimate bundle of P's own: a case, a person in it, their consent, a note, evidence
          const caseId = uuidv7(Date.now() + seq);
          const personId = uuidv7(Date.now() + seq);
          const records: Array<{ kind: keyof typeof targets; r: Record<string, unknown> }> = [
            { kind: 'cases', r: { id: caseId, title: 'P case' } },
            { kind: 'people', r: { id: personId, fullName: 'P person', roles: [{ caseId, role: 'survivor' }] } },
            { kind: 'consents', r: consentFields({ personId, caseId }) },
            { kind: 'notes', r: { id: uuidv7(Date.now() + seq), caseId, body: 'note' } },
            { kind: 'deadlines', r: { id: uuidv7(Date.now() + seq), caseId, title: 'd', dueOn: '2027-01-01' } },
            { kind: 'evidence', r: { id: uuidv7(Date.now() + seq), caseId, fileName: 'a.pdf', derivedFrom: null } },
          ];
          for (const m of mutations) {
            const target = records[m.which % records.length]!;
            const r = target.r;
            const choose = <T>(xs: T[]) => xs[m.pick % xs.length]!;
            switch (m.field) {
              case 'id':
                r.id = choose(targets[target.kind]());
                break;
              case 'originVault':
                r.originVault = choose(origins());
                break;
              case 'caseId':
                if ('caseId' in r) r.caseId = choose(targets.cases());
                break;
              case 'personId':
                if ('personId' in r) r.personId = choose(targets.people());
                break;
              case 'seriesId':
                if ('seriesId' in r) r.seriesId = choose(targets.consents());
                break;
              case 'derivedFrom':
                if (target.kind === 'evidence') r.derivedFrom = choose(targets.evidence());
                break;
              case 'roles':
                if (target.kind === 'people') r.roles = [{ caseId: choose(targets.cases()), role: 'witness' }];
                break;
              case 'version':
                r.version = m.version;
                break;
            }
          }
          const before = notP(V.ctx);
          const decisions = vDecisions();
          try {
            await importBundle(
              V.ctx,
              await craft(records.map((x) => recordPart(x.kind, { version: 1, originVault: P.ctx.vaultId, ...x.r }))),
            );
          } catch (e) {
            // refusals are specific; never an internal error
            if (!isVaultError(e)) throw e;
            expect(e.code).not.toBe('INTERNAL');
          }
          expect(notP(V.ctx)).toEqual(before);
          expect(vDecisions()).toEqual(decisions);
        },
      ),
      { numRuns: 40, seed: 1207 },
    );
  });
});
