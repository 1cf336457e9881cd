// Team sync between real vaults: capture, signed and encrypted bundles, merge, conflicts.
import { describe, expect, it } from 'vitest';
import { createCase, getCase, updateCase } from '../../../src-main/engine/cases/case-service.js';
import { addNote } from '../../../src-main/engine/notes/note-service.js';
import { createPerson, linkPerson } from '../../../src-main/engine/people/person-service.js';
import { listConflicts, purgeChangesFor, resolveConflict } from '../../../src-main/engine/sync/sync-service.js';
import { bundleFor, deliver, openConflicts, syncedState, team } from './sync-helpers.js';
import { importSync } from '../../../src-main/engine/sync/sync-service.js';

describe('team sync between two vaults', () => {
  it('carries cases, tags, team, people, names, roles and notes; edits merge field by field; a conflict is the same on both', async () => {
    const [a, b] = await team(2);
    const c = createCase(a!.ctx, {
      title: 'Detention of T.',
      reference: 'HLC-A-1',
      tags: ['detention', 'torture'],
      team: [{ member: 'Asha', role: 'lead' }],
    });
    const p = createPerson(a!.ctx, { fullName: 'Amina Yusuf', aliases: ['Umm Ali'] });
    linkPerson(a!.ctx, { caseId: c.id, personId: p.id, role: 'survivor' });
    addNote(a!.ctx, { caseId: c.id, body: 'First interview held.' });

    const r1 = await deliver(a!, b!);
    expect(r1.held).toBe(0);
    expect(r1.applied).toBeGreaterThan(5);
    expect(syncedState(b!)).toEqual(syncedState(a!));

    // different fields on each side: both edits everywhere
    updateCase(a!.ctx, { id: c.id, expectedVersion: getCase(a!.ctx, c.id).version, summary: 'Summary from A' });
    updateCase(b!.ctx, {
      id: c.id,
      expectedVersion: getCase(b!.ctx, c.id).version,
      strategy: 'Strategy from B',
      tags: ['detention'],
    });
    await deliver(a!, b!);
    await deliver(b!, a!);
    expect(syncedState(b!)).toEqual(syncedState(a!));
    expect(getCase(a!.ctx, c.id).strategy).toBe('Strategy from B');
    expect(getCase(b!.ctx, c.id).summary).toBe('Summary from A');
    expect(getCase(a!.ctx, c.id).tags).toEqual(['detention']);
    expect(listConflicts(a!.ctx)).toEqual([]);

    // the same field on both sides: a conflict, recorded alike, the same value shown
    updateCase(a!.ctx, { id: c.id, expectedVersion: getCase(a!.ctx, c.id).version, title: 'Title by A' });
    updateCase(b!.ctx, { id: c.id, expectedVersion: getCase(b!.ctx, c.id).version, title: 'Title by B' });
    const fromA = await bundleFor(a!, b!);
    await deliver(b!, a!);
    const r = await importSync(b!.ctx, fromA);
    expect(r.openConflicts).toBe(1);
    expect(syncedState(b!)).toEqual(syncedState(a!));
    expect(openConflicts(a!)).toEqual(openConflicts(b!));
    const [conflict] = listConflicts(a!.ctx);
    expect(conflict!.field).toBe('title');
    expect(conflict!.sides.map((s) => s.value).sort()).toEqual(['Title by A', 'Title by B']);
    expect(conflict!.sides.find((s) => s.local)!.value).toBe('Title by A');

    // importing the same bundle again changes nothing
    const before = syncedState(b!);
    const again = await importSync(b!.ctx, fromA);
    expect(again.applied).toBe(0);
    expect(again.duplicates).toBe(again.received);
    expect(syncedState(b!)).toEqual(before);

    // settled on A (keep A's own title): settled on B by the next bundle
    resolveConflict(a!.ctx, { id: conflict!.id, keep: 'local' });
    expect(getCase(a!.ctx, c.id).title).toBe('Title by A');
    await deliver(a!, b!);
    expect(getCase(b!.ctx, c.id).title).toBe('Title by A');
    expect(listConflicts(b!.ctx)).toEqual([]);
    expect(listConflicts(a!.ctx)).toEqual([]);
    expect(syncedState(b!)).toEqual(syncedState(a!));
  });
});

describe('purgeChangesFor (the erasure hook)', () => {
  it("removes every logged change that holds a person's values: the record, names, roles, the deletions", async () => {
    const [a] = await team(1);
    const c = createCase(a!.ctx, { title: 'Case', reference: 'HLC-P-1' });
    const p = createPerson(a!.ctx, { fullName: 'Zainab Purgeable', aliases: ['Umm Purge'] });
    linkPerson(a!.ctx, { caseId: c.id, personId: p.id, role: 'witness' });
    const mentions = () =>
      (
        a!.ctx.db
          .prepare("SELECT count(*) AS n FROM sync_changes WHERE instr(fields || previous || record_id, 'Purge') > 0")
          .get() as { n: number }
      ).n;
    expect(mentions()).toBeGreaterThan(2);
    const db = a!.ctx.db;
    db.transaction(() => {
      db.prepare('DELETE FROM case_people WHERE person_id = ?').run([p.id]);
      db.prepare('DELETE FROM person_names WHERE person_id = ?').run([p.id]);
      db.prepare('DELETE FROM people WHERE id = ?').run([p.id]);
      purgeChangesFor(db, 'people', p.id);
    })();
    expect(mentions()).toBe(0);
    expect(
      (db.prepare('SELECT count(*) AS n FROM sync_changes WHERE instr(record_id, ?) > 0').get([p.id]) as { n: number })
        .n,
    ).toBe(0);
    // the case's own changes stay
    expect((db.prepare("SELECT count(*) AS n FROM sync_changes WHERE kind = 'cases'").get() as { n: number }).n).toBe(
      1,
    );
  });
});
