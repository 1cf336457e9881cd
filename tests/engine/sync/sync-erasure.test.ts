// Erasure travels and wins: a person erased and a case purged on one laptop are erased on every
// member, whatever the order of delivery and whatever was edited meanwhile elsewhere; no marker
// of the erased records stays in any byte of any of the three vaults (pages, free space, WAL,
// files), decrypted page by page (tests/engine/erasure/vault-bytes.ts). A consent withdrawal
// travels as a new version and denies everywhere.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCase, getCase, updateCase } from '../../../src-main/engine/cases/case-service.js';
import { addConsent, getConsent, withdrawConsent } from '../../../src-main/engine/consents/consent-service.js';
import { erasePerson, purgeCase } from '../../../src-main/engine/erasure/erasure-service.js';
import { addNote, getNote, updateNote } from '../../../src-main/engine/notes/note-service.js';
import { createPerson, linkPerson } from '../../../src-main/engine/people/person-service.js';
import { databaseKeyOf, findIn } from '../erasure/vault-bytes.js';
import { type Member, deliver, syncedState, team } from './sync-helpers.js';

const TOLD = ['nature', 'purpose', 'use', 'consequences', 'right-to-refuse', 'right-to-withdraw'] as const;

function markers() {
  const all = new Map<string, string>();
  return {
    mk(label: string) {
      const m = `zq${randomBytes(7).toString('hex')}`;
      all.set(label, m);
      return m;
    },
    needles(labels: Iterable<string>) {
      return new Map([...labels].map((l) => [l, [Buffer.from(all.get(l)!), Buffer.from(all.get(l)!.slice(-9))]]));
    },
    labels: () => [...all.keys()],
  };
}

async function leaks(m: Member, needles: Map<string, Buffer[]>): Promise<string[]> {
  const key = await databaseKeyOf(m.dir);
  await m.frozen();
  return [...findIn(m.dir, key, needles).entries()].map(([l, where]) => `${l}: ${where.join(', ')}`);
}

describe('erasure travels and wins', () => {
  it('a person erased and a case purged on A are gone from A, B and C, edits from B and C notwithstanding', async () => {
    const [a, b, c] = await team(3);
    const M = markers();
    const kept = createCase(a!.ctx, { title: 'Kept case', reference: 'HLC-E-K' });
    const k = createCase(a!.ctx, { title: `case ${M.mk('case.title')}`, reference: 'HLC-E-1' });
    const p = createPerson(a!.ctx, { fullName: `${M.mk('person.name')} Person`, aliases: [M.mk('person.alias')] });
    linkPerson(a!.ctx, { caseId: k.id, personId: p.id, role: 'survivor' });
    linkPerson(a!.ctx, { caseId: kept.id, personId: p.id, role: 'witness' });
    const n = addNote(a!.ctx, { caseId: k.id, body: `note ${M.mk('note.body')}` });
    // a person erased alone; the withdrawal of a consent of someone who stays
    const q = createPerson(a!.ctx, { fullName: 'Stays Here' });
    linkPerson(a!.ctx, { caseId: kept.id, personId: q.id, role: 'survivor' });
    const consent = addConsent(a!.ctx, {
      personId: q.id,
      caseId: kept.id,
      purpose: 'media',
      told: [...TOLD],
      method: 'written',
      givenAt: '2026-11-02',
    } as never);
    for (const to of [b, c]) await deliver(a!, to!);
    for (const m of [b, c]) expect(getNote(m!.ctx, n.id).body).toContain('note');

    // meanwhile, not yet knowing of the erasure: B edits the note and the case, C adds a note
    updateNote(b!.ctx, { id: n.id, expectedVersion: getNote(b!.ctx, n.id).version, body: `by B ${M.mk('b.edit')}` });
    updateCase(b!.ctx, { id: k.id, expectedVersion: getCase(b!.ctx, k.id).version, summary: M.mk('b.summary') });
    addNote(c!.ctx, { caseId: k.id, body: `by C ${M.mk('c.note')}` });

    await erasePerson(a!.ctx, { id: p.id, reason: 'asked', withoutRecall: true });
    await purgeCase(a!.ctx, { id: k.id, reason: 'retention over', withoutRecall: true });
    withdrawConsent(a!.ctx, { id: consent.id, reason: 'changed her mind' });

    // B's and C's edits reach A after the erasure; C hears of it from A before B's edit arrives;
    // B hears of it last, from C first
    await deliver(b!, a!);
    await deliver(c!, a!);
    await deliver(a!, c!);
    await deliver(b!, c!);
    await deliver(c!, b!);
    await deliver(a!, b!);
    for (const [from, to] of [
      [b, a],
      [c, a],
      [a, c],
      [b, c],
      [a, b],
      [c, b],
    ] as const)
      await deliver(from!, to!);

    for (const m of [a, b, c]) {
      const db = m!.ctx.db;
      expect(db.prepare('SELECT count(*) AS n FROM cases WHERE id = ?').get([k.id])).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM people WHERE id = ?').get([p.id])).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });
      expect(db.prepare("SELECT count(*) AS n FROM sync_changes WHERE state = 'held'").get()).toEqual({ n: 0 });
      expect(getConsent(m!.ctx, consent.id).status).toBe('withdrawn');
    }
    expect(syncedState(b!)).toEqual(syncedState(a!));
    expect(syncedState(c!)).toEqual(syncedState(a!));

    const needles = M.needles(M.labels());
    for (const m of [a, b, c]) expect(await leaks(m!, needles)).toEqual([]);
  });

  it('the bytes test can fail: before the erasure the markers are found', async () => {
    const [a, b] = await team(2);
    const M = markers();
    createPerson(a!.ctx, { fullName: `${M.mk('name')} Person` });
    await deliver(a!, b!);
    expect((await leaks(b!, M.needles(M.labels()))).length).toBe(1);
  });
});
