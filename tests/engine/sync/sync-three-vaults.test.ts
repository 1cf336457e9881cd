// Three vaults, deliveries in an awkward order: a member relays another's changes with its own;
// a settlement that arrives before the conflict it settles leaves nothing open.
import { describe, expect, it } from 'vitest';
import { createCase, getCase, updateCase } from '../../../src-main/engine/cases/case-service.js';
import { addNote, getNote, updateNote } from '../../../src-main/engine/notes/note-service.js';
import { listConflicts, resolveConflict } from '../../../src-main/engine/sync/sync-service.js';
import { deliver, openConflicts, syncedState, team } from './sync-helpers.js';

describe('team sync between three vaults', () => {
  it("relays another member's changes, and settles a conflict it learns of late", async () => {
    const [a, b, c] = await team(3);
    // B's first bundle to C (a full snapshot of B) goes while B holds nothing yet
    await deliver(b!, c!);
    const k = createCase(a!.ctx, { title: 'Original', reference: 'HLC-3-1' });
    const n = addNote(a!.ctx, { caseId: k.id, body: 'from A' });
    await deliver(a!, b!);
    updateNote(b!.ctx, { id: n.id, expectedVersion: getNote(b!.ctx, n.id).version, body: 'edited by B' });
    // B relays A's case and note (signed by A) with its own edit: nothing waits
    const early = await deliver(b!, c!);
    expect(early.held).toBe(0);
    expect(getNote(c!.ctx, n.id).body).toBe('edited by B');
    const late = await deliver(a!, c!);
    expect(late.held).toBe(0);
    expect(getNote(c!.ctx, n.id).body).toBe('edited by B');

    // A and B rename the case at once; A learns of it, keeps B's title, and tells C first
    updateCase(a!.ctx, { id: k.id, expectedVersion: getCase(a!.ctx, k.id).version, title: 'Title A' });
    updateCase(b!.ctx, { id: k.id, expectedVersion: getCase(b!.ctx, k.id).version, title: 'Title B' });
    await deliver(b!, a!);
    const [conflict] = listConflicts(a!.ctx);
    expect(conflict).toBeDefined();
    resolveConflict(a!.ctx, { id: conflict!.id, keep: 'incoming' });
    expect(getCase(a!.ctx, k.id).title).toBe('Title B');
    await deliver(a!, c!);
    await deliver(b!, c!);
    expect(listConflicts(c!.ctx)).toEqual([]);
    await deliver(a!, b!);
    expect(listConflicts(b!.ctx)).toEqual([]);
    for (const [from, to] of [
      [c, a],
      [c, b],
      [b, a],
      [a, c],
    ] as const)
      await deliver(from!, to!);
    expect(syncedState(b!)).toEqual(syncedState(a!));
    expect(syncedState(c!)).toEqual(syncedState(a!));
    expect(getCase(c!.ctx, k.id).title).toBe('Title B');
    expect(openConflicts(c!)).toEqual([]);
    expect(listConflicts(c!.ctx, { all: true }).map((x) => x.id)).toEqual([conflict!.id]);
  });
});
