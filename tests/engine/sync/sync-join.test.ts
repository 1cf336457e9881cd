// A new laptop joins by a full first bundle; a restored copy of a vault neither joins itself nor
// reuses change numbers its members already hold; relayed changes of a non-member are left out.
import { describe, expect, it } from 'vitest';
import { createCase, getCase, updateCase } from '../../../src-main/engine/cases/case-service.js';
import { cardFileText, contactCardOf } from '../../../src-main/engine/identity/contact-card.js';
import { addNote, getNote, updateNote } from '../../../src-main/engine/notes/note-service.js';
import { createPerson, linkPerson } from '../../../src-main/engine/people/person-service.js';
import { addTeamMember, removeTeamMember } from '../../../src-main/engine/sync/members.js';
import { deliver, syncedState, team } from './sync-helpers.js';

const count = (
  m: { ctx: { db: { prepare(s: string): { get(...a: unknown[]): unknown } } } },
  q: string,
  ...a: unknown[]
) => (m.ctx.db.prepare(q).get(a.length ? a : undefined) as { n: number }).n;

describe('joining by a full first bundle', () => {
  it('gives a new laptop every record held by the sender: those older than the change log and those received from others', async () => {
    const [a, b, c] = await team(3);
    const fromB = createCase(b!.ctx, { title: 'From B', reference: 'HLC-J-B' });
    await deliver(b!, a!);
    const k = createCase(a!.ctx, { title: 'Old case', reference: 'HLC-J-1', tags: ['land'] });
    const p = createPerson(a!.ctx, { fullName: 'Old Person', aliases: ['Alias'] });
    linkPerson(a!.ctx, { caseId: k.id, personId: p.id, role: 'witness' });
    addNote(a!.ctx, { caseId: k.id, body: 'old note' });
    // these records predate the change log (made before migration 0012)
    a!.ctx.db.prepare('DELETE FROM sync_changes WHERE origin = ?').run([a!.ctx.vaultId]);

    const first = await deliver(a!, c!);
    expect(first.held).toBe(0);
    expect(syncedState(c!)).toEqual(syncedState(a!));
    expect(getCase(c!.ctx, fromB.id).title).toBe('From B');

    // the snapshot is taken once per member
    const logged = count(a!, 'SELECT count(*) AS n FROM sync_changes WHERE origin = ?', a!.ctx.vaultId);
    await deliver(a!, c!);
    expect(count(a!, 'SELECT count(*) AS n FROM sync_changes WHERE origin = ?', a!.ctx.vaultId)).toBe(logged);

    // and the three converge afterwards, B's own changes arriving late at C
    updateCase(c!.ctx, { id: k.id, expectedVersion: getCase(c!.ctx, k.id).version, summary: 'by C' });
    for (const [from, to] of [
      [c, a],
      [b, c],
      [c, b],
      [a, b],
      [b, a],
      [a, c],
    ] as const)
      await deliver(from!, to!);
    expect(syncedState(b!)).toEqual(syncedState(a!));
    expect(syncedState(c!)).toEqual(syncedState(a!));
    expect(getCase(b!.ctx, k.id).summary).toBe('by C');
  });

  it('a snapshot does not outvote an edit made elsewhere that its sender had not seen', async () => {
    const [a, b, c] = await team(3);
    const k = createCase(a!.ctx, { title: 'Original', reference: 'HLC-J-2' });
    const n = addNote(a!.ctx, { caseId: k.id, body: 'from A' });
    await deliver(a!, b!);
    updateNote(b!.ctx, { id: n.id, expectedVersion: getNote(b!.ctx, n.id).version, body: 'edited by B' });
    await deliver(a!, c!); // A's snapshot, taken after B's edit, which A has not seen
    await deliver(b!, c!);
    await deliver(a!, b!);
    await deliver(b!, a!);
    for (const m of [a, b, c]) expect(getNote(m!.ctx, n.id).body).toBe('edited by B');
    expect(syncedState(c!)).toEqual(syncedState(a!));
    expect(syncedState(b!)).toEqual(syncedState(a!));
  });

  it('a relayed change of a vault that is not a member here is left out', async () => {
    const [a, b, c] = await team(3);
    removeTeamMember(b!.ctx, b!.members.get(c!.ctx.vaultId)!);
    await deliver(a!, b!); // A's snapshot for B goes first, while A holds nothing of C
    const k = createCase(c!.ctx, { title: 'From C', reference: 'HLC-J-3' });
    await deliver(c!, a!);
    const r = await deliver(a!, b!);
    expect(r.notFromMembers).toBeGreaterThan(0);
    expect(b!.ctx.db.prepare('SELECT count(*) AS n FROM cases WHERE id = ?').get([k.id])).toEqual({ n: 0 });
    expect(b!.ctx.db.prepare('SELECT count(*) AS n FROM sync_changes WHERE origin = ?').get([c!.ctx.vaultId])).toEqual({
      n: 0,
    });
  });

  it("refuses a vault's own card as a member, and a restored copy moves its counter past what members hold", async () => {
    const [a, b] = await team(2);
    expect(() => addTeamMember(a!.ctx, { card: cardFileText(contactCardOf(a!.ctx)) })).toThrow(
      expect.objectContaining({ code: 'CARD_IS_OWN' }),
    );
    createCase(a!.ctx, { title: 'One', reference: 'HLC-R-1' });
    createCase(a!.ctx, { title: 'Two', reference: 'HLC-R-2' });
    await deliver(a!, b!);
    await deliver(b!, a!);
    const head = count(a!, 'SELECT last_seq AS n FROM sync_clock');
    // as if restored from a backup taken before those changes
    a!.ctx.db.prepare('UPDATE sync_clock SET last_seq = 1').run();
    await deliver(b!, a!);
    expect(count(a!, 'SELECT last_seq AS n FROM sync_clock')).toBeGreaterThanOrEqual(head);
    const three = createCase(a!.ctx, { title: 'Three', reference: 'HLC-R-3' });
    const r = await deliver(a!, b!);
    expect(r.applied).toBeGreaterThan(0);
    expect(getCase(b!.ctx, three.id).title).toBe('Three');
  });
});
