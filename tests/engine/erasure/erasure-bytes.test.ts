// Erased text leaves every byte of the vault folder. A unique marker goes into every text field
// of every record kind an erasure reaches (and into records it must not reach); after an evidence
// erase, a person erase and a case purge, the vault is locked and every page of the decrypted
// database — used pages, free space inside pages, pages on the freelist, old full-text segments —
// every WAL frame, and every file of the folder is searched. The database is encrypted, so a raw
// search would prove nothing: the pages are decrypted with the key first (vault-bytes.ts).
//
// The test can fail: every marker is found before the erasure, the markers of the records that
// stay are found after it, and a note deleted the naive way (a plain DELETE, secure_delete on,
// WAL checkpointed) still leaves its words in the notes' full-text segments until a merge.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCase, createCase } from '../../../src-main/engine/cases/case-service.js';
import { addConsent, withdrawConsent } from '../../../src-main/engine/consents/consent-service.js';
import { addDeadline } from '../../../src-main/engine/deadlines/deadline-service.js';
import { domainContext } from '../../../src-main/engine/domain/context.js';
import { addEnquiry, decideEnquiry } from '../../../src-main/engine/enquiries/enquiry-service.js';
import { eraseEvidence, erasePerson, purgeCase } from '../../../src-main/engine/erasure/erasure-service.js';
import { addDerivedCopy, addEvidence } from '../../../src-main/engine/evidence/evidence-service.js';
import { addNote } from '../../../src-main/engine/notes/note-service.js';
import {
  addIndicator,
  addOutcome,
  observeIndicator,
  upsertEvaluation,
} from '../../../src-main/engine/outcomes/outcome-service.js';
import { createPerson, linkPerson, updatePerson } from '../../../src-main/engine/people/person-service.js';
import { addRisk } from '../../../src-main/engine/risks/risk-service.js';
import { RECORD_DESCRIPTIONS } from '../../../src-main/engine/records/index.js';
import { newVault, tempDir } from '../../helpers.js';
import { databaseKeyOf, findIn } from './vault-bytes.js';

/** Markers by label: lower case (the search index folds case), one word, random. */
class Markers {
  readonly all = new Map<string, string>();
  mk(label: string): string {
    const m = `zq${randomBytes(7).toString('hex')}`;
    this.all.set(label, m);
    return m;
  }
  /**
   * The forms searched: the marker, and its last 9 characters — a full-text index stores a term
   * after the prefix it shares with the term before it, so only the tail is sure to be whole.
   */
  needles(labels: Iterable<string>): Map<string, Buffer[]> {
    return new Map(
      [...labels].map((l) => {
        const m = this.all.get(l)!;
        return [l, [Buffer.from(m), Buffer.from(m.slice(-9))]];
      }),
    );
  }
}

const TOLD = ['nature', 'purpose', 'use', 'consequences', 'right-to-refuse', 'right-to-withdraw'] as const;

/**
 * The personal fields the record layer declares (`personal: true`, records/*.ts), as planted
 * below — or why a field cannot hold a marker. A field added later and marked personal fails the
 * first test until this test plants a marker in it.
 */
const PLANTED: Record<keyof typeof RECORD_DESCRIPTIONS, readonly string[]> = {
  cases: ['title', 'summary', 'strategy', 'closureReason', 'team'],
  people: ['fullName', 'pseudonym', 'contact', 'safetyNotes', 'notes', 'aliases'],
  consents: ['witness', 'refusalReason', 'withdrawalReason', 'notes'],
  evidence: ['title', 'description', 'fileName', 'source', 'collector', 'place'],
  notes: ['body', 'author'],
  deadlines: ['notes'],
  outcomes: ['description'],
};
const NO_TEXT: Partial<Record<keyof typeof RECORD_DESCRIPTIONS, Record<string, string>>> = {
  people: {
    gender: 'one of a few codes',
    birthDate: 'a day',
    country: 'a country code',
    vulnerabilities: 'codes',
    roles: 'case ids and a role code (case_people)',
    birthYear: 'derived from the birth date',
  },
};

describe('erasure leaves no byte of what it erased', () => {
  it('plants a marker in every personal text field the record descriptions declare', () => {
    for (const [kind, desc] of Object.entries(RECORD_DESCRIPTIONS) as Array<
      [keyof typeof PLANTED, { personalKeys: readonly string[] }]
    >) {
      const covered = [...PLANTED[kind], ...Object.keys(NO_TEXT[kind] ?? {})].sort();
      expect(covered, kind).toEqual([...desc.personalKeys].sort());
    }
  });

  it('evidence erase, person erase and case purge: no marker in any page, frame or file once locked', async () => {
    const { vault, dir } = await newVault();
    const ctx = domainContext(vault, () => new Date('2026-11-21T12:00:00.000Z'));
    const M = new Markers();
    const erased = new Set<string>();
    const kept = new Set<string>();
    const mkE = (l: string) => (erased.add(l), M.mk(l));
    const mkK = (l: string) => (kept.add(l), M.mk(l));
    const files = tempDir();
    const file = (name: string, content: string) => {
      const p = path.join(files, name);
      fs.writeFileSync(p, content);
      return p;
    };

    // ---- case B stays; person P2 in it is erased; evidence E2 in it is erased
    const caseB = createCase(ctx, { title: `kept ${mkK('caseB.title')}`, summary: mkK('caseB.summary') });
    const p2 = createPerson(ctx, {
      fullName: `${mkE('p2.name')} ${mkE('p2.surname')}`,
      aliases: [mkE('p2.alias')],
      pseudonym: mkE('p2.pseudonym'),
      contact: mkE('p2.contact'),
      safetyNotes: mkE('p2.safety'),
      notes: mkE('p2.notes'),
      birthDate: '1990-04-03',
      gender: 'female',
      vulnerabilities: ['minor'],
    });
    linkPerson(ctx, { personId: p2.id, caseId: caseB.id, role: 'witness' });
    const k2 = addConsent(ctx, {
      personId: p2.id,
      caseId: caseB.id,
      purpose: 'sharing',
      recipient: { class: 'court' },
      told: [...TOLD],
      method: 'oral-witnessed',
      witness: mkE('p2.consent.witness'),
      givenAt: '2026-11-01',
      notes: mkE('p2.consent.notes'),
    } as never);
    withdrawConsent(ctx, { id: k2.id, reason: mkE('p2.consent.withdrawal') });
    // an enquiry that named P2: the name goes, the enquiry's own account stays
    addEnquiry(ctx, {
      channel: 'phone',
      summary: `account ${mkK('enqB.summary')}`,
      enquirerName: `caller ${mkK('enqB.enquirer')}`,
      namesMentioned: [p2.fullName],
    });
    const e2 = await addEvidence(ctx, {
      caseId: caseB.id,
      filePath: file(`${mkE('e2.fileName')}.txt`, `content ${mkE('e2.content')}\n`),
      title: mkE('e2.title'),
      description: mkE('e2.description'),
      source: mkE('e2.source'),
      collector: mkE('e2.collector'),
      method: mkE('e2.method'),
      place: mkE('e2.place'),
    });
    const e2copy = await addDerivedCopy(ctx, {
      originalId: e2.id,
      filePath: file('redacted.txt', `redacted ${mkE('e2copy.content')}\n`),
      reason: mkE('e2copy.reason'),
      title: mkE('e2copy.title'),
      description: mkE('e2copy.description'),
    });
    const e3 = await addEvidence(ctx, {
      caseId: caseB.id,
      filePath: file('kept.txt', 'kept content\n'),
      title: mkK('e3.title'),
    });

    // ---- case A is purged: opened from an enquiry whose enquirer became person P1
    const enqA = addEnquiry(ctx, {
      channel: 'in-person',
      summary: mkE('enqA.summary'),
      enquirerName: mkE('enqA.enquirer'),
      enquirerContact: mkE('enqA.contact'),
      namesMentioned: [mkE('enqA.mentioned')],
    });
    const accepted = decideEnquiry(ctx, {
      id: enqA.id,
      decision: 'accept',
      reason: mkE('enqA.decision'),
      enquirerRole: 'survivor',
      acknowledgeConflicts: true,
      case: {
        title: mkE('caseA.title'),
        reference: mkE('caseA.reference'),
        summary: mkE('caseA.summary'),
        strategy: mkE('caseA.strategy'),
        jurisdiction: mkE('caseA.jurisdiction'),
        project: mkE('caseA.project'),
        donorCode: mkE('caseA.donor'),
        tags: [mkE('caseA.tag')],
        team: [{ member: mkE('caseA.member'), role: mkE('caseA.memberRole') }],
      },
    });
    const caseA = accepted.caseId!;
    const p1 = vault.db.prepare('SELECT person_id AS id FROM case_people WHERE case_id = ?').get([caseA]) as {
      id: string;
    };
    updatePerson(ctx, {
      id: p1.id,
      aliases: [mkE('p1.alias')],
      pseudonym: mkE('p1.pseudonym'),
      safetyNotes: mkE('p1.safety'),
      notes: mkE('p1.notes'),
    });
    addConsent(ctx, {
      personId: p1.id,
      caseId: caseA,
      purpose: 'media',
      decision: 'refused',
      refusalReason: mkE('p1.refusal'),
      told: [...TOLD],
      method: 'written',
      givenAt: '2026-11-02',
    } as never);
    // P3 is in case A and in case B: kept, with their role in A removed
    const p3 = createPerson(ctx, { fullName: `${mkK('p3.name')} lawyer`, contact: mkK('p3.contact') });
    linkPerson(ctx, { personId: p3.id, caseId: caseA, role: 'lawyer' });
    linkPerson(ctx, { personId: p3.id, caseId: caseB.id, role: 'lawyer' });
    addNote(ctx, { caseId: caseA, body: `met ${mkE('caseA.note')} today`, author: mkE('caseA.noteAuthor') });
    addDeadline(ctx, {
      caseId: caseA,
      kind: 'filing',
      title: mkE('caseA.deadline'),
      dueOn: '2027-01-10',
      notes: mkE('caseA.deadlineNotes'),
    });
    const outcome = addOutcome(ctx, { caseId: caseA, kind: 'compensation', description: mkE('caseA.outcome') });
    const indicator = addIndicator(ctx, {
      caseId: caseA,
      outcomeId: outcome.id,
      name: mkE('caseA.indicator'),
      dimension: 'survivor',
      unit: mkE('caseA.unit'),
      baseline: 0,
      target: 10,
    });
    observeIndicator(ctx, { indicatorId: indicator.id, observedOn: '2026-11-10', value: 3, note: mkE('caseA.obs') });
    upsertEvaluation(ctx, {
      caseId: caseA,
      survivor: mkE('caseA.evalSurvivor'),
      community: mkE('caseA.evalCommunity'),
      policy: mkE('caseA.evalPolicy'),
      society: mkE('caseA.evalSociety'),
      summary: mkE('caseA.evalSummary'),
    });
    addRisk(ctx, {
      threat: mkE('caseA.riskThreat'),
      description: mkE('caseA.riskDescription'),
      category: 'people',
      likelihood: 3,
      impact: 4,
      mitigations: mkE('caseA.riskMitigations'),
      owner: mkE('caseA.riskOwner'),
      reviewOn: '2027-02-01',
      caseId: caseA,
    });
    const eA = await addEvidence(ctx, {
      caseId: caseA,
      filePath: file(`${mkE('eA.fileName')}.txt`, `content ${mkE('eA.content')}\n`),
      title: mkE('eA.title'),
      description: mkE('eA.description'),
      place: mkE('eA.place'),
    });
    closeCase(ctx, caseA, mkE('caseA.closure'));

    // ---- the naive way: a plain DELETE leaves the note's words in the full-text segments
    const naive = addNote(ctx, { caseId: caseB.id, body: `naive ${M.mk('naive')}` });
    vault.db.prepare('DELETE FROM notes WHERE id = ?').run([naive.id]);
    // the team-sync change log holds the note too (its insert, and the delete with the body it
    // had): only an erasure purges that; here only the full-text segments are the point
    vault.db.prepare("DELETE FROM sync_changes WHERE kind = 'notes' AND record_id = ?").run([naive.id]);
    vault.db.pragma('wal_checkpoint(TRUNCATE)');

    const key = await databaseKeyOf(dir);
    const inContent = (l: string) => l.endsWith('content');
    const before = findIn(dir, key, M.needles([...erased, ...kept].filter((l) => !inContent(l))));
    expect([...erased, ...kept].filter((l) => !inContent(l) && !before.has(l))).toEqual([]);
    // the naive delete is still readable in the decrypted pages (an FTS segment) …
    expect(findIn(dir, key, M.needles(['naive'])).get('naive')?.length ?? 0).toBeGreaterThan(0);
    // … and file contents never are: the store encrypts them
    expect(findIn(dir, key, M.needles([...erased].filter(inContent)))).toEqual(new Map());

    const blobFile = (id: string) =>
      vault.blobs.pathFor(
        (vault.db.prepare('SELECT blob_id FROM evidence WHERE id = ?').get([id]) as { blob_id: string }).blob_id,
      );
    const erasedFiles = [blobFile(e2.id), blobFile(e2copy.id), blobFile(eA.id)];
    const keptFile = blobFile(e3.id);

    const ev = await eraseEvidence(ctx, { id: e2.id, reason: 'uploaded to the wrong case' });
    expect(ev.erased).toEqual([e2copy.id, e2.id]);
    const pe = await erasePerson(ctx, { id: p2.id, reason: 'the person asked' });
    expect(pe).toMatchObject({ consents: 2, roles: 1, enquiries: 1, partners: [] });
    const pc = await purgeCase(ctx, { id: caseA, reason: 'retention period over' });
    expect(pc).toMatchObject({ reference: null, peopleErased: [p1.id], peopleKept: [p3.id] });
    vault.lock();

    const after = findIn(dir, key, M.needles([...erased, ...kept, 'naive']));
    const leaked = [...erased, 'naive'].filter((l) => after.has(l)).map((l) => `${l}: ${after.get(l)!.join(', ')}`);
    expect(leaked).toEqual([]);
    expect([...kept].filter((l) => !after.has(l))).toEqual([]);
    for (const f of erasedFiles) expect(fs.existsSync(f), f).toBe(false);
    expect(fs.existsSync(keptFile)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'vault.db-wal')) ? fs.statSync(path.join(dir, 'vault.db-wal')).size : 0).toBe(
      0,
    );
  });
});
