// The erasure rules (docs/erasure.md): what goes, what the tombstone keeps, what is refused.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../src-main/engine/audit/audit-log.js';
import { closeCase, createCase, getCase, transitionCase } from '../../../src-main/engine/cases/case-service.js';
import { addConsent, withdrawConsent } from '../../../src-main/engine/consents/consent-service.js';
import type { DomainContext } from '../../../src-main/engine/domain/context.js';
import { eraseEvidence, erasePerson, purgeCase } from '../../../src-main/engine/erasure/erasure-service.js';
import {
  getRetention,
  retentionReview,
  setRetention,
  yearsBefore,
} from '../../../src-main/engine/erasure/retention.js';
import { custodyHash } from '../../../src-main/engine/evidence/custody-log.js';
import { addEvidence, custodyLog } from '../../../src-main/engine/evidence/evidence-service.js';
import { addNote } from '../../../src-main/engine/notes/note-service.js';
import { addPartner } from '../../../src-main/engine/partners/partner-service.js';
import { createPerson, getPerson, linkPerson } from '../../../src-main/engine/people/person-service.js';
import { search } from '../../../src-main/engine/search/search-service.js';
import { CONSENTS } from '../../../src-main/engine/records/consents.js';
import { tempDir } from '../../helpers.js';
import { newDomain } from '../domain-helpers.js';

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

const TOLD = ['nature', 'purpose', 'use', 'consequences', 'right-to-refuse', 'right-to-withdraw'] as const;

function writeFile(content: string): string {
  const p = path.join(tempDir(), 'item.txt');
  fs.writeFileSync(p, content);
  return p;
}

function tombstones(ctx: DomainContext) {
  return (
    ctx.db
      .prepare('SELECT kind, record_id, reason, reason_sha256, part_of, facts FROM erasures ORDER BY seq')
      .all() as Array<{
      kind: string;
      record_id: string;
      reason: string | null;
      reason_sha256: string;
      part_of: number | null;
      facts: string;
    }>
  ).map((t) => ({ ...t, facts: JSON.parse(t.facts) as Record<string, unknown> }));
}

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** A bundle this vault sent to the partner, listing the person's record (test-only SQL). */
function recordSentBundle(ctx: DomainContext, partnerId: string, personId: string, bundleId: string): void {
  const manifest = JSON.stringify({ entries: [{ name: `records/people/${personId}.json`, size: 1, sha256: 'x' }] });
  ctx.db
    .prepare(
      `INSERT INTO bundles (id, direction, partner_id, sender_vault, sender_key, manifest_hash, manifest, purpose, created_at, expires_at, status, entries, bytes, recorded_at, updated_at)
       VALUES (?, 'sent', ?, ?, zeroblob(33), zeroblob(32), ?, 'p', 't', 't', 'sent', 1, 1, 't', 't')`,
    )
    .run([bundleId, partnerId, ctx.vaultId, manifest]);
}

describe('evidence erase', () => {
  it('destroys the key rows and files of the item and its copies, and closes custody with a checkable tombstone', async () => {
    const d = await newDomain();
    const { ctx } = d;
    const c = createCase(ctx, { title: 'C' });
    const e = await addEvidence(ctx, { caseId: c.id, filePath: writeFile('one'), title: 'T' });
    const headBefore = custodyLog(ctx, e.id).events.at(-1)!.hash;
    const blobId = (ctx.db.prepare('SELECT blob_id FROM evidence WHERE id = ?').get([e.id]) as { blob_id: string })
      .blob_id;
    const r = await eraseEvidence(ctx, { id: e.id, reason: 'uploaded by mistake' });
    expect(r).toMatchObject({
      evidenceId: e.id,
      caseId: c.id,
      sha256: e.sha256,
      erased: [e.id],
      filesErased: 1,
      filesKept: 0,
    });
    expect(d.rows('evidence')).toBe(0);
    expect(d.rows('blobs')).toBe(0);
    expect(d.rows('custody_events')).toBe(0);
    expect(fs.existsSync(ctx.blobs.pathFor(blobId))).toBe(false);
    const [t] = tombstones(ctx);
    expect(t).toMatchObject({ kind: 'evidence', record_id: e.id, reason: 'uploaded by mistake', part_of: null });
    expect(t!.reason_sha256).toBe(sha('uploaded by mistake'));
    // the closing event hashes onto the chain's head as any custody event does
    const facts = t!.facts as { custodyHead: string; custodyHash: string; details: Record<string, string | number> };
    expect(facts.custodyHead).toBe(headBefore);
    expect(facts.details).toEqual({ sha256: e.sha256, size: 3, custodyEvents: 1, reason: 'uploaded by mistake' });
    const at = (ctx.db.prepare('SELECT erased_at FROM erasures').get() as { erased_at: string }).erased_at;
    const again = custodyHash(Buffer.from(facts.custodyHead, 'hex'), {
      evidenceId: e.id,
      at,
      actor: 'vault-owner',
      action: 'erased',
      details: facts.details,
    }).toString('hex');
    expect(again).toBe(facts.custodyHash);
    expect(r.custodyHash).toBe(facts.custodyHash);
    const entry = listAudit(ctx.db).find((a) => a.action === 'evidence.erased')!;
    expect(entry.subject).toEqual({ kind: 'evidence', id: e.id });
    expect(JSON.stringify(entry.details)).not.toContain('mistake');
    expect(await codeOf(eraseEvidence(ctx, { id: e.id, reason: 'again' }))).toBe('NOT_FOUND');
  });

  it('keeps a file another item holds (identical files share one), refuses an empty reason', async () => {
    const d = await newDomain();
    const { ctx } = d;
    const c = createCase(ctx, { title: 'C' });
    const a = await addEvidence(ctx, { caseId: c.id, filePath: writeFile('same bytes') });
    const b = await addEvidence(ctx, { caseId: c.id, filePath: writeFile('same bytes') });
    // a bundle import stores identical files once: b is made to hold a's file (test-only SQL)
    const blobOf = (id: string) =>
      (ctx.db.prepare('SELECT blob_id FROM evidence WHERE id = ?').get([id]) as { blob_id: string }).blob_id;
    const own = blobOf(b.id);
    ctx.db.prepare('UPDATE evidence SET blob_id = ? WHERE id = ?').run([blobOf(a.id), b.id]);
    ctx.db.prepare('DELETE FROM blobs WHERE id = ?').run([own]);
    expect(await codeOf(eraseEvidence(ctx, { id: a.id, reason: '' }))).toBe('INVALID_INPUT');
    expect(d.rows('evidence')).toBe(2);
    const r = await eraseEvidence(ctx, { id: a.id, reason: 'duplicate' });
    expect(r).toMatchObject({ filesErased: 0, filesKept: 1 });
    expect(d.rows('blobs')).toBe(1);
    expect(custodyLog(ctx, b.id).chain).toMatchObject({ ok: true });
  });
});

describe('person erase', () => {
  async function withPerson() {
    const d = await newDomain();
    const { ctx } = d;
    const c = createCase(ctx, { title: 'C' });
    const p = createPerson(ctx, { fullName: 'Amal Haddad', aliases: ['Um Khaled'], contact: 'phone' });
    linkPerson(ctx, { personId: p.id, caseId: c.id, role: 'survivor' });
    const k = addConsent(ctx, {
      personId: p.id,
      caseId: c.id,
      purpose: 'sharing',
      recipient: { class: 'court' },
      told: [...TOLD],
      method: 'written',
      witness: 'Sara',
      givenAt: '2026-11-01',
    } as never);
    return { d, ctx, c, p, k };
  }

  it('removes the person, names, roles and consents; the consent facts stay provable without naming anyone', async () => {
    const { d, ctx, c, p, k } = await withPerson();
    const w = withdrawConsent(ctx, { id: k.id, reason: 'changed her mind' });
    const r = await erasePerson(ctx, { id: p.id, reason: 'she asked' });
    expect(r).toMatchObject({ personId: p.id, consents: 2, roles: 1, enquiries: 0, partners: [] });
    for (const t of ['people', 'person_names', 'person_name_keys', 'case_people', 'consents', 'people_fts'])
      expect(d.rows(t), t).toBe(0);
    const erased = ctx.db.prepare('SELECT * FROM erased_consents ORDER BY version').all() as Array<
      Record<string, unknown>
    >;
    expect(erased.map((x) => [x.id, x.state, x.given_at, x.withdrawn_at !== null, x.person_id, x.case_id])).toEqual([
      [k.id, 'given', k.givenAt, false, p.id, c.id],
      [w.id, 'withdrawn', w.givenAt, true, p.id, c.id],
    ]);
    expect(JSON.stringify(erased)).not.toMatch(/Sara|changed her mind/);
    expect(tombstones(ctx)).toMatchObject([
      { kind: 'person', record_id: p.id, reason: null, reason_sha256: sha('she asked') },
    ]);
    expect(getCase(ctx, c.id).id).toBe(c.id);
    expect(search(ctx, { query: 'Haddad' }).items).toEqual([]);
    expect(await codeOf(Promise.resolve().then(() => getPerson(ctx, p.id)))).toBe('NOT_FOUND');
    const entry = listAudit(ctx.db).find((a) => a.action === 'person.erased')!;
    expect(entry.details).toMatchObject({ consents: 2, roles: 1, cases: [c.id] });
    expect(JSON.stringify(entry.details)).not.toMatch(/asked|Amal/);
  });

  it('keeps no personal column of a consent in its tombstone (records/consents.ts marks them)', async () => {
    const { ctx } = await newDomain();
    const columns = (ctx.db.prepare('PRAGMA table_info(erased_consents)').all() as Array<{ name: string }>).map((c) =>
      c.name.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase()),
    );
    expect(columns.filter((c) => CONSENTS.personalKeys.includes(c))).toEqual([]);
    expect(columns).not.toContain('language');
  });

  it('refuses while a partner that received the person has no recall notice, names it, and erases on request', async () => {
    const { d, ctx, p } = await withPerson();
    const partner = addPartner(ctx, { name: 'Partner Org', kind: 'ngo' });
    recordSentBundle(ctx, partner.id, p.id, '01900000-0000-7000-8000-000000000001');
    const before = d.auditCount();
    expect(await codeOf(erasePerson(ctx, { id: p.id, reason: 'asked' }))).toBe('ERASURE_RECALL_PENDING');
    await expect(erasePerson(ctx, { id: p.id, reason: 'asked' })).rejects.toThrow(/Partner Org/);
    expect(d.rows('people')).toBe(1);
    expect(d.auditCount()).toBe(before);
    const r = await erasePerson(ctx, { id: p.id, reason: 'asked', withoutRecall: true });
    expect(r.partners).toEqual([
      {
        partnerId: partner.id,
        name: 'Partner Org',
        bundles: ['01900000-0000-7000-8000-000000000001'],
        recallSent: false,
      },
    ]);
  });

  it('scrubs the names an enquiry gave for the person and the conflict matches naming them', async () => {
    const { ctx, p } = await withPerson();
    const { addEnquiry } = await import('../../../src-main/engine/enquiries/enquiry-service.js');
    const q = addEnquiry(ctx, {
      channel: 'phone',
      summary: 'call about a neighbour',
      enquirerName: 'Someone Else',
      namesMentioned: ['amal  HADDAD'],
    });
    expect(q.conflicts.length).toBeGreaterThan(0);
    const r = await erasePerson(ctx, { id: p.id, reason: 'asked' });
    expect(r.enquiries).toBe(1);
    const row = ctx.db
      .prepare('SELECT enquirer_name, names_mentioned, conflict_matches FROM enquiries')
      .get() as Record<string, string>;
    expect(row).toEqual({ enquirer_name: 'Someone Else', names_mentioned: '["[erased]"]', conflict_matches: '[]' });
    expect(ctx.db.prepare('SELECT name FROM enquiry_names ORDER BY position').all()).toEqual([
      { name: 'Someone Else' },
      { name: '[erased]' },
    ]);
  });
});

describe('case purge', () => {
  it('purges the case and what is under it, erases people of this case only, keeps the others', async () => {
    const d = await newDomain();
    const { ctx } = d;
    const a = createCase(ctx, { title: 'Purged case' });
    const b = createCase(ctx, { title: 'Other case' });
    const only = createPerson(ctx, { fullName: 'Only Here' });
    const both = createPerson(ctx, { fullName: 'In Both' });
    linkPerson(ctx, { personId: only.id, caseId: a.id, role: 'survivor' });
    linkPerson(ctx, { personId: both.id, caseId: a.id, role: 'witness' });
    linkPerson(ctx, { personId: both.id, caseId: b.id, role: 'witness' });
    addNote(ctx, { caseId: a.id, body: 'a note' });
    const e = await addEvidence(ctx, { caseId: a.id, filePath: writeFile('evidence') });
    const r = await purgeCase(ctx, { id: a.id, reason: 'retention' });
    expect(r).toMatchObject({
      caseId: a.id,
      reference: a.reference,
      peopleErased: [only.id],
      peopleKept: [both.id],
      partners: [],
    });
    expect(r.counts).toMatchObject({ notes: 1, evidence: 1, filesErased: 1, consents: 0 });
    expect(d.rows('cases')).toBe(1);
    expect(d.rows('notes')).toBe(0);
    expect(d.rows('blobs')).toBe(0);
    expect(getPerson(ctx, both.id).roles.map((x) => x.caseId)).toEqual([b.id]);
    const ts = tombstones(ctx);
    expect(ts.map((t) => [t.kind, t.record_id])).toEqual([
      ['case', a.id],
      ['evidence', e.id],
      ['person', only.id],
    ]);
    expect(ts[1]!.part_of).toBe(1);
    expect(ts[2]!.part_of).toBe(1);
    expect(ts[0]!.facts).toMatchObject({ reference: a.reference, status: 'active' });
    expect(JSON.stringify(ts)).not.toMatch(/Purged case|Only Here/);
    expect(listAudit(ctx.db).filter((x) => x.action === 'case.purged')).toHaveLength(1);
    // the purged case's reference is never given out again
    expect(createCase(ctx, { title: 'Next' }).reference).not.toBe(a.reference);
  });

  it('keeps only the hash of a reference someone typed (it may be a docket number)', async () => {
    const { ctx } = await newDomain();
    const a = createCase(ctx, { title: 'T', reference: 'ECHR-123/45' });
    const r = await purgeCase(ctx, { id: a.id, reason: 'retention' });
    expect(r.reference).toBeNull();
    expect(tombstones(ctx)[0]!.facts).toMatchObject({ reference: null, referenceSha256: sha('ECHR-123/45') });
  });
});

describe('retention', () => {
  it('lists closed cases past the period for review, deletes nothing', async () => {
    const d = await newDomain('2018-03-01T12:00:00.000Z');
    const { ctx } = d;
    const old = createCase(ctx, { title: 'Old' });
    closeCase(ctx, old.id, 'won');
    d.setNow('2021-06-01');
    const recent = createCase(ctx, { title: 'Recent' });
    closeCase(ctx, recent.id, 'won');
    createCase(ctx, { title: 'Open' });
    d.setNow('2026-03-01');
    expect(retentionReview(ctx)).toEqual({ retentionYears: null, closedOnOrBefore: null, cases: [] });
    expect(setRetention(ctx, { retentionYears: 6 })).toMatchObject({ retentionYears: 6 });
    const review = retentionReview(ctx);
    expect(review).toEqual({
      retentionYears: 6,
      closedOnOrBefore: '2020-03-01',
      cases: [{ id: old.id, reference: old.reference, title: 'Old', closedOn: '2018-03-01', yearsClosed: 8 }],
    });
    expect(d.rows('cases')).toBe(3);
    // a reopened case is not closed any more
    transitionCase(ctx, { id: old.id, to: 'active', reason: 'appeal' });
    expect(retentionReview(ctx).cases).toEqual([]);
    const before = d.auditCount();
    setRetention(ctx, { retentionYears: 6 });
    expect(d.auditCount()).toBe(before);
    expect(setRetention(ctx, { retentionYears: null })).toMatchObject({ retentionYears: null });
    expect(getRetention(ctx).retentionYears).toBeNull();
    expect(listAudit(ctx.db).filter((x) => x.action === 'policy.retention-changed')).toHaveLength(2);
  });

  it('counts years from the day (29 February falls back to 28 February)', () => {
    expect(yearsBefore('2028-02-29', 1)).toBe('2027-02-28');
    expect(yearsBefore('2026-12-07', 7)).toBe('2019-12-07');
  });
});
