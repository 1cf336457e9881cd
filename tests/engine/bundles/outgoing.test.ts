// What LEAVES the vault (docs/bundle-format.md, "What goes into a bundle"): only records this
// vault originated; a case a partner sent us gives back only our additions; received people,
// consents, notes and evidence are never forwarded (to a third partner or back to their
// origin); a derivation from a received item is cut; and nothing-to-share is BUNDLE_EMPTY.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundlePlan } from '../../../shared/domain/bundles.js';
import { decryptAge } from '../../../src-main/engine/age/index.js';
import { exportBundle, importBundle, planBundle } from '../../../src-main/engine/bundles/index.js';
import { TarReader } from '../../../src-main/engine/tar/tar.js';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import { addConsent } from '../../../src-main/engine/consents/consent-service.js';
import { run, sql } from '../../../src-main/engine/db/sql.js';
import { addDeadline } from '../../../src-main/engine/deadlines/deadline-service.js';
import { addDerivedCopy, addEvidenceFromSource } from '../../../src-main/engine/evidence/evidence-service.js';
import { cardFileText, contactCardOf } from '../../../src-main/engine/identity/contact-card.js';
import { safetyNumberDigits } from '../../../src-main/engine/identity/safety-number.js';
import { addNote } from '../../../src-main/engine/notes/note-service.js';
import { addOutcome } from '../../../src-main/engine/outcomes/outcome-service.js';
import { getPartner, setSharingProfile } from '../../../src-main/engine/partners/partner-service.js';
import { importContactCard, verifyPartnerKey } from '../../../src-main/engine/partners/partner-keys.js';
import { createPerson, linkPerson } from '../../../src-main/engine/people/person-service.js';
import { codeOf } from '../../helpers.js';
import { type Side, clearPartner, dumpTables, outPath, seedCase, twoVaults } from './bundle-helpers.js';

const TOLD = ['nature', 'purpose', 'use', 'consequences', 'right-to-refuse', 'right-to-withdraw'] as const;
const ELSEWHERE = '01900000-0000-7000-8000-00000000e15e';

const input = (s: Side, caseIds: string[], extra: Record<string, unknown> = {}) => ({
  partnerId: s.partnerId,
  caseIds,
  purpose: 'Referral',
  onMissingConsent: 'refuse',
  out: outPath(),
  ...extra,
});

/** Every profile field of every kind: whatever stays out, stays out because of its origin. */
function shareEverything(s: Side, partnerId = s.partnerId): void {
  setSharingProfile(s.ctx, {
    partnerId,
    expectedVersion: getPartner(s.ctx, partnerId).version,
    allow: [
      { kind: 'cases' },
      { kind: 'people', fields: ['pseudonym', 'roles'] },
      { kind: 'consents' },
      { kind: 'evidence', fields: ['title', 'type', 'size', 'sha256', 'derivation', 'file'] },
      { kind: 'notes' },
      { kind: 'deadlines' },
      { kind: 'outcomes' },
    ],
  });
}

/** The records of a bundle (decrypted with `reader`'s key), by entry name. */
async function recordsOf(file: string, reader: Side): Promise<Map<string, Record<string, unknown>>> {
  const id = reader.ctx.identity.bundleIdentity();
  try {
    const r = new TarReader(decryptAge(fs.createReadStream(file), [id]));
    const out = new Map<string, Record<string, unknown>>();
    for (let e = await r.next(); e; e = await r.next()) {
      const data = await r.readAll();
      if (e.name.startsWith('records/')) out.set(e.name, JSON.parse(data.toString('utf8')) as Record<string, unknown>);
    }
    return out;
  } finally {
    id.dispose();
  }
}

/** Make `a` and `b` partners of each other (cards, safety number, cleared); `a`'s partner id for `b`. */
function meet(a: Side, b: Side): { aSeesB: string; bSeesA: string } {
  const x = importContactCard(a.ctx, { card: cardFileText(contactCardOf(b.ctx)), kind: 'ngo' });
  const y = importContactCard(b.ctx, { card: cardFileText(contactCardOf(a.ctx)), kind: 'ngo' });
  const digits = safetyNumberDigits(
    { vaultId: a.ctx.vaultId, publicKey: a.ctx.identity.publicKey },
    { vaultId: b.ctx.vaultId, publicKey: b.ctx.identity.publicKey },
  ).digits;
  verifyPartnerKey(a.ctx, { keyId: x.key.id, safetyNumber: digits, verifiedBy: 'a', how: 'in-person' });
  verifyPartnerKey(b.ctx, { keyId: y.key.id, safetyNumber: digits, verifiedBy: 'b', how: 'in-person' });
  clearPartner(a.ctx, x.partner.id);
  clearPartner(b.ctx, y.partner.id);
  return { aSeesB: x.partner.id, bSeesA: y.partner.id };
}

/** Pretend a row arrived from another vault (what an import leaves: origin_vault is the sender). */
function receivedFrom(s: Side, table: 'cases' | 'people' | 'notes' | 'evidence', id: string, vault = ELSEWHERE): void {
  const stmt = {
    cases: sql`UPDATE cases SET origin_vault = ${vault} WHERE id = ${id}`,
    people: sql`UPDATE people SET origin_vault = ${vault} WHERE id = ${id}`,
    notes: sql`UPDATE notes SET origin_vault = ${vault} WHERE id = ${id}`,
    evidence: sql`UPDATE evidence SET origin_vault = ${vault} WHERE id = ${id}`,
  }[table];
  run(s.ctx.db, stmt);
}

/**
 * Consents are never edited in place (a trigger refuses it): the consent of a received person
 * arrives as its own row of the sender's series. Made here as a copy of `id` under another
 * origin (`id` stays: a consent recorded here for a received person). Returns the copy's id.
 */
function receivedConsent(s: Side, id: string): { id: string } {
  const cols = (
    s.ctx.db.prepare('SELECT name FROM pragma_table_info(?)').all(['consents']) as Array<{ name: string }>
  ).map((c) => c.name);
  const newId = '01900000-0000-7000-8000-0000000c0115';
  const values = cols.map((c) =>
    c === 'id' || c === 'series_id' ? `'${newId}'` : c === 'origin_vault' ? `'${ELSEWHERE}'` : `"${c}"`,
  );
  s.ctx.db
    .prepare(
      `INSERT INTO consents (${cols.map((c) => `"${c}"`).join(', ')}) SELECT ${values.join(', ')} FROM consents WHERE id = ?`,
    )
    .run([id]);
  return { id: newId };
}

describe('only what this vault originated leaves it', () => {
  it('in a case of ours: received people, their consents and received notes stay; a derivation from a received item is cut', async () => {
    const { sender, recipient } = await twoVaults();
    const seed = await seedCase(sender);
    shareEverything(sender);
    // a person another vault made, in our case, with no consent recorded here: never asked about
    const theirs = createPerson(sender.ctx, { fullName: 'Their Client', pseudonym: 'TC-9' });
    linkPerson(sender.ctx, { personId: theirs.id, caseId: seed.caseId, role: 'witness' });
    receivedFrom(sender, 'people', theirs.id);
    const theirConsent = receivedConsent(
      sender,
      addConsent(sender.ctx, {
        personId: theirs.id,
        caseId: seed.caseId,
        purpose: 'sharing',
        recipient: { class: 'partner' },
        told: [...TOLD],
        method: 'written',
        givenAt: '2026-02-01',
      }).id,
    );
    // a note another vault wrote (an accepted proposed addition keeps its origin)
    const theirNote = addNote(sender.ctx, { caseId: seed.caseId, body: 'Their note', author: 'TR' });
    receivedFrom(sender, 'notes', theirNote.id);
    // their evidence item, and our working copy made from it
    const theirItem = await addEvidenceFromSource(
      sender.ctx,
      { caseId: seed.caseId, fileName: 'their.pdf', type: 'document', title: 'Their document' },
      [Buffer.from('their bytes')],
    );
    receivedFrom(sender, 'evidence', theirItem.id);
    const src = path.join(path.dirname(outPath()), 'redacted.pdf');
    fs.writeFileSync(src, 'redacted bytes');
    const copy = await addDerivedCopy(sender.ctx, {
      originalId: theirItem.id,
      filePath: src,
      reason: 'names redacted',
    });
    // and a copy of OUR statement keeps its derivation
    fs.writeFileSync(src, 'our redacted statement');
    const ownCopy = await addDerivedCopy(sender.ctx, {
      originalId: seed.evidenceId,
      filePath: src,
      reason: 'for the court',
    });

    const i = input(sender, [seed.caseId], { onMissingConsent: 'leave-out' });
    const plan = planBundle(sender.ctx, i);
    expect(BundlePlan.parse(plan)).toEqual(plan);
    expect(plan.blockers).toEqual([]);
    expect(plan.cases).toEqual([{ id: seed.caseId, reference: expect.any(String) as string, originatedHere: true }]);
    // the witness of ours who withdrew is left out; their client is not even asked about
    expect(plan.leftOut.map((l) => l.personId)).toEqual([seed.witnessId]);
    expect(plan.included).toEqual({
      cases: 1,
      people: 1,
      consents: 1,
      evidence: 4,
      notes: 1,
      deadlines: 1,
      outcomes: 1,
    });
    expect(plan.withheld).toEqual([
      { kind: 'people', reason: 'received', count: 1 },
      // the received consent, and the one recorded here for their client: neither goes
      { kind: 'consents', reason: 'received', count: 2 },
      { kind: 'evidence', reason: 'received', count: 1 },
      { kind: 'notes', reason: 'received', count: 1 },
    ]);
    expect(plan.consentIds).toEqual([seed.survivorConsentId]);
    // refuse mode: only our own witness blocks
    const refused = planBundle(sender.ctx, { ...i, onMissingConsent: 'refuse' });
    expect(refused.blockers.map((b) => b.code)).toEqual(['BUNDLE_CONSENT_MISSING']);
    expect(refused.blockers[0]!.message).toContain(seed.witnessId);
    expect(refused.blockers[0]!.message).not.toContain(theirs.id);

    // choosing the received item's file is refused, in words
    const withTheirFile = planBundle(sender.ctx, { ...i, evidenceIds: [theirItem.id] });
    expect(withTheirFile.blockers).toEqual([
      { code: 'INVALID_INPUT', message: expect.stringContaining('was received from a partner') as string },
    ]);

    const ex = await exportBundle(sender.ctx, i);
    const records = await recordsOf(ex.path, recipient);
    for (const r of records.values()) expect(r.originVault).toBe(sender.ctx.vaultId);
    const names = [...records.keys()];
    expect(names).not.toContain(`records/people/${theirs.id}.json`);
    expect(names).not.toContain(`records/consents/${theirConsent.id}.json`);
    expect(names).not.toContain(`records/notes/${theirNote.id}.json`);
    expect(names).not.toContain(`records/evidence/${theirItem.id}.json`);
    const cut = records.get(`records/evidence/${copy.id}.json`)!;
    expect(cut).toMatchObject({ id: copy.id, title: copy.title });
    expect(cut).not.toHaveProperty('derivedFrom');
    expect(cut).not.toHaveProperty('derivationReason');
    expect(records.get(`records/evidence/${ownCopy.id}.json`)).toMatchObject({
      derivedFrom: seed.evidenceId,
      derivationReason: 'for the court',
    });
    const person = records.get(`records/people/${seed.survivorId}.json`)!;
    expect(person.roles).toEqual([{ caseId: seed.caseId, role: 'survivor' }]);
  });

  it('a case a partner sent us: only our notes, deadlines, outcomes and evidence in it go back — to its originator or to a third partner', async () => {
    // A shares a case with B
    const { sender: a, recipient: b } = await twoVaults();
    const seed = await seedCase(a);
    const sent = await exportBundle(
      a.ctx,
      input(a, [seed.caseId], { onMissingConsent: 'leave-out', evidenceIds: [seed.evidenceId] }),
    );
    expect((await importBundle(b.ctx, sent.path)).result).toBe('imported');

    // B works on A's case: a note, a deadline, an outcome, an evidence item and a working copy
    // of A's statement; B's own client is linked to the case with consent to share with A
    const note = addNote(b.ctx, { caseId: seed.caseId, body: 'Met the survivor’s family.', author: 'TR' });
    const deadline = addDeadline(b.ctx, {
      caseId: seed.caseId,
      kind: 'hearing',
      title: 'Hearing at the tribunal',
      dueOn: '2027-03-01',
    });
    const outcome = addOutcome(b.ctx, { caseId: seed.caseId, kind: 'compensation', description: 'Interim relief' });
    const item = await addEvidenceFromSource(
      b.ctx,
      { caseId: seed.caseId, fileName: 'b-report.pdf', type: 'document', title: 'B’s report' },
      [Buffer.from('report')],
    );
    const src = path.join(path.dirname(outPath()), 'b-copy.pdf');
    fs.writeFileSync(src, 'a copy B made');
    const copy = await addDerivedCopy(b.ctx, { originalId: seed.evidenceId, filePath: src, reason: 'translated' });
    const client = createPerson(b.ctx, { fullName: 'B’s client', pseudonym: 'BC-1' });
    linkPerson(b.ctx, { personId: client.id, caseId: seed.caseId, role: 'family' });
    addConsent(b.ctx, {
      personId: client.id,
      caseId: seed.caseId,
      purpose: 'sharing',
      recipient: { class: 'partner' },
      told: [...TOLD],
      method: 'written',
      givenAt: '2026-11-01',
    });
    shareEverything(b);

    // back to A, in refuse mode: A's people in A's case are never asked about (no consent here)
    const back = input(b, [seed.caseId], { evidenceIds: [item.id] });
    const plan = planBundle(b.ctx, back);
    expect(plan.blockers).toEqual([]);
    expect(plan.leftOut).toEqual([]);
    expect(plan.consentIds).toEqual([]);
    expect(plan.cases).toEqual([{ id: seed.caseId, reference: expect.any(String) as string, originatedHere: false }]);
    expect(plan.included).toEqual({
      cases: 0,
      people: 0,
      consents: 0,
      evidence: 2,
      notes: 1,
      deadlines: 1,
      outcomes: 1,
    });
    expect(plan.withheld).toEqual([
      { kind: 'cases', reason: 'received', count: 1 },
      { kind: 'people', reason: 'received', count: 1 },
      { kind: 'people', reason: 'received-case', count: 1 },
      { kind: 'consents', reason: 'received', count: 1 },
      { kind: 'consents', reason: 'received-case', count: 1 },
      { kind: 'evidence', reason: 'received', count: 1 },
      { kind: 'notes', reason: 'received', count: 1 },
      { kind: 'deadlines', reason: 'received', count: 1 },
      { kind: 'outcomes', reason: 'received', count: 1 },
    ]);
    const ex = await exportBundle(b.ctx, back);
    const records = await recordsOf(ex.path, a);
    expect([...records.keys()].sort()).toEqual(
      [
        `records/evidence/${item.id}.json`,
        `records/evidence/${copy.id}.json`,
        `records/notes/${note.id}.json`,
        `records/deadlines/${deadline.id}.json`,
        `records/outcomes/${outcome.id}.json`,
      ].sort(),
    );
    for (const r of records.values()) expect(r).toMatchObject({ originVault: b.ctx.vaultId, caseId: seed.caseId });
    // the copy was made from A's item: the derivation does not travel
    expect(records.get(`records/evidence/${copy.id}.json`)).not.toHaveProperty('derivedFrom');

    // to a third partner: the same — A's case, people, consents and records stay with B
    const { sender: c } = await twoVaults();
    const { aSeesB: bSeesC } = meet(b, c);
    shareEverything(b, bSeesC);
    const third = await exportBundle(b.ctx, { ...input(b, [seed.caseId]), partnerId: bSeesC });
    const toC = await recordsOf(third.path, c);
    expect([...toC.keys()].every((n) => /^records\/(notes|deadlines|outcomes|evidence)\//.test(n))).toBe(true);
    for (const r of toC.values()) expect(r.originVault).toBe(b.ctx.vaultId);
    expect(toC.size).toBe(5);
  });

  it('a received case with nothing of ours in it: BUNDLE_EMPTY, saying the case came from a partner; no file, no row', async () => {
    const { sender: a, recipient: b } = await twoVaults();
    const seed = await seedCase(a);
    await importBundle(
      b.ctx,
      (await exportBundle(a.ctx, input(a, [seed.caseId], { onMissingConsent: 'leave-out' }))).path,
    );
    shareEverything(b);
    const i = input(b, [seed.caseId]);
    const plan = planBundle(b.ctx, i);
    expect(plan.blockers.map((x) => x.code)).toEqual(['BUNDLE_EMPTY']);
    expect(plan.blockers[0]!.message).toMatch(/^Nothing of the chosen cases would go to “Haki Litigation Centre”: /);
    expect(plan.blockers[0]!.message).toContain('received from partners, and received records are never forwarded');
    expect(plan.blockers[0]!.message).toMatch(/the case \S+ came from a partner/);
    const tables = dumpTables(b.ctx);
    expect(await codeOf(exportBundle(b.ctx, i))).toBe('BUNDLE_EMPTY');
    expect(fs.readdirSync(path.dirname(i.out))).toEqual([]);
    expect(dumpTables(b.ctx)).toEqual(tables);
  });
});

describe('nothing to share: BUNDLE_EMPTY', () => {
  it('an empty sharing profile (the default for a new partner) names the partner and the command that sets it', async () => {
    const { sender } = await twoVaults();
    const c = createCase(sender.ctx, { title: 'A case' });
    addNote(sender.ctx, { caseId: c.id, body: 'x', author: 'AN' });
    expect(getPartner(sender.ctx, sender.partnerId).sharingProfile).toEqual({});
    const i = input(sender, [c.id]);
    const plan = planBundle(sender.ctx, i);
    expect(plan.included).toEqual({
      cases: 0,
      people: 0,
      consents: 0,
      evidence: 0,
      notes: 0,
      deadlines: 0,
      outcomes: 0,
    });
    expect(plan.withheld).toEqual([
      { kind: 'cases', reason: 'not-in-profile', count: 1 },
      { kind: 'notes', reason: 'not-in-profile', count: 1 },
    ]);
    expect(plan.blockers).toEqual([
      {
        code: 'BUNDLE_EMPTY',
        message: expect.stringContaining(
          'The sharing profile of “Partner Legal Aid” lets nothing of the chosen cases through',
        ) as string,
      },
    ]);
    const message = plan.blockers[0]!.message;
    expect(message).toContain(`case-vault partner profile ${sender.partnerId} --allow`);
    expect(message).toContain('Partners → Partner Legal Aid → Sharing profile');

    const tables = dumpTables(sender.ctx);
    let refused: { code?: string; message?: string } = {};
    try {
      await exportBundle(sender.ctx, i);
    } catch (e) {
      refused = e as { code: string; message: string };
    }
    expect(refused).toMatchObject({ code: 'BUNDLE_EMPTY', message });
    expect(fs.readdirSync(path.dirname(i.out))).toEqual([]);
    expect(dumpTables(sender.ctx)).toEqual(tables);
  });

  it('a profile that lets only other kinds through, or only people nobody consented for', async () => {
    const { sender } = await twoVaults();
    const seed = await seedCase(sender);
    setSharingProfile(sender.ctx, {
      partnerId: sender.partnerId,
      expectedVersion: getPartner(sender.ctx, sender.partnerId).version,
      allow: [{ kind: 'people' }],
    });
    // the survivor consented: one person goes
    expect(planBundle(sender.ctx, input(sender, [seed.caseId], { onMissingConsent: 'leave-out' })).blockers).toEqual(
      [],
    );
    // a case where nobody consented, with notes the profile does not let through
    const c = createCase(sender.ctx, { title: 'Another case' });
    const p = createPerson(sender.ctx, { fullName: 'Nobody asked', pseudonym: 'NA' });
    linkPerson(sender.ctx, { personId: p.id, caseId: c.id, role: 'survivor' });
    addNote(sender.ctx, { caseId: c.id, body: 'x', author: 'AN' });
    const plan = planBundle(sender.ctx, input(sender, [c.id], { onMissingConsent: 'leave-out' }));
    expect(plan.blockers.map((b) => b.code)).toEqual(['BUNDLE_EMPTY']);
    expect(plan.withheld).toEqual([
      { kind: 'cases', reason: 'not-in-profile', count: 1 },
      { kind: 'notes', reason: 'not-in-profile', count: 1 },
    ]);
    expect(plan.blockers[0]!.message).toContain(
      'the sharing profile of “Partner Legal Aid” does not let 1 case and 1 note through',
    );
    expect(plan.blockers[0]!.message).toContain('one person was left out for want of consent');
    // in refuse mode both say why
    expect(planBundle(sender.ctx, input(sender, [c.id])).blockers.map((b) => b.code)).toEqual([
      'BUNDLE_CONSENT_MISSING',
      'BUNDLE_EMPTY',
    ]);
  });
});
