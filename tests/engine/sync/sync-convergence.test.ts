// Three real vaults edit cases, people and notes at random and exchange sync bundles with
// drops, duplicates and late (reordered) deliveries; once every pair has exchanged until
// nothing moves, all three hold the same records and the same open conflicts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, getCase, updateCase } from '../../../src-main/engine/cases/case-service.js';
import { addNote, getNote, updateNote } from '../../../src-main/engine/notes/note-service.js';
import { createPerson, getPerson, updatePerson } from '../../../src-main/engine/people/person-service.js';
import { importSync } from '../../../src-main/engine/sync/sync-service.js';
import { closePersistent } from '../bundles/bundle-helpers.js';
import { type Member, bundleFor, deliver, openConflicts, syncedState, team } from './sync-helpers.js';

let vaults: Member[] = [];
beforeAll(async () => {
  vaults = await team(3, true);
}, 60_000);
afterAll(() => closePersistent());

const Edit = fc.record({
  at: fc.integer({ min: 0, max: 2 }),
  what: fc.constantFrom(
    'case.title',
    'case.summary',
    'case.tags',
    'person.fullName',
    'person.notes',
    'note.body',
    'note.add',
  ),
});
const Delivery = fc.record({
  from: fc.integer({ min: 0, max: 2 }),
  to: fc.integer({ min: 0, max: 2 }),
  how: fc.constantFrom('deliver', 'drop', 'twice', 'late'),
});
const Step = fc.oneof(
  Edit.map((e) => ({ kind: 'edit' as const, ...e })),
  Delivery.map((d) => ({ kind: 'delivery' as const, ...d })),
);

let unique = 0;

describe('team sync convergence (three vaults)', () => {
  it('same records and same open conflicts once quiescent, whatever the delivery', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(Step, { minLength: 4, maxLength: 14 }), async (steps) => {
        const [a] = vaults as [Member];
        const c = createCase(a.ctx, { title: 'Case', reference: `P-${++unique}`, tags: ['t0'] });
        const p = createPerson(a.ctx, { fullName: `Person ${unique}` });
        const n = addNote(a.ctx, { caseId: c.id, body: 'note' });
        for (const v of vaults.slice(1)) await deliver(a, v);
        const late: Array<{ to: Member; file: string }> = [];
        for (const s of steps) {
          if (s.kind === 'edit') {
            const v = vaults[s.at]!;
            const value = `${s.what} ${++unique}`;
            if (s.what === 'case.title' || s.what === 'case.summary' || s.what === 'case.tags') {
              const cur = getCase(v.ctx, c.id);
              const field =
                s.what === 'case.title'
                  ? { title: value }
                  : s.what === 'case.summary'
                    ? { summary: value }
                    : { tags: [`t${unique}`] };
              updateCase(v.ctx, { id: c.id, expectedVersion: cur.version, ...field });
            } else if (s.what === 'person.fullName' || s.what === 'person.notes') {
              const cur = getPerson(v.ctx, p.id);
              updatePerson(v.ctx, {
                id: p.id,
                expectedVersion: cur.version,
                ...(s.what === 'person.fullName' ? { fullName: value } : { notes: value }),
              });
            } else if (s.what === 'note.body') {
              updateNote(v.ctx, { id: n.id, expectedVersion: getNote(v.ctx, n.id).version, body: value });
            } else {
              addNote(v.ctx, { caseId: c.id, body: value });
            }
          } else {
            if (s.from === s.to) continue;
            const from = vaults[s.from]!;
            const to = vaults[s.to]!;
            if (s.how === 'drop') {
              await bundleFor(from, to);
            } else if (s.how === 'late') {
              late.push({ to, file: await bundleFor(from, to) });
            } else {
              const file = await bundleFor(from, to);
              await importSync(to.ctx, file);
              if (s.how === 'twice') await importSync(to.ctx, file);
            }
          }
        }
        for (const l of late.reverse()) await importSync(l.to.ctx, l.file);
        // until quiescent: every pair, both ways, twice (acknowledgements travel back)
        for (let round = 0; round < 2; round++)
          for (const from of vaults) for (const to of vaults) if (from !== to) await deliver(from, to);
        const states = vaults.map(syncedState);
        expect(states[1]).toEqual(states[0]);
        expect(states[2]).toEqual(states[0]);
        const conflicts = vaults.map(openConflicts);
        expect(conflicts[1]).toEqual(conflicts[0]);
        expect(conflicts[2]).toEqual(conflicts[0]);
      }),
      { numRuns: 12 },
    );
  }, 600_000);
});
