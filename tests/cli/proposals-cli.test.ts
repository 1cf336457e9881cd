// A partner's additions to our case come back as proposals (docs/bundle-format.md, "Authority"):
// through the real CLI, vault A shares a case with B; B adds a note and a deadline to it and
// sends the case back; A's import writes nothing into the case but lists two proposals; A
// accepts one and rejects the other. Each CLI run unlocks a vault (about a second here).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPair, expectCliError } from './run-cli.js';

function pair() {
  const p = cliPair();
  p.a.json(
    'partner',
    'profile',
    p.bInA,
    '--allow',
    'cases:reference,title,status',
    '--allow',
    'notes',
    '--allow',
    'deadlines',
  );
  p.b.json(
    'partner',
    'profile',
    p.aInB,
    '--allow',
    'cases:reference,title,status',
    '--allow',
    'notes',
    '--allow',
    'deadlines',
  );
  return p;
}

describe('case-vault bundle proposals', () => {
  it("a partner's note and deadline on our case wait for a decision; accept and reject", () => {
    const { a, b, bInA, aInB } = pair();
    const c = a.json('case', 'add', '--title', 'Detention at Kilima');
    const toB = path.join(a.base, 'to-b.cvbundle');
    a.json('bundle', 'export', '--to', bInA, '--case', c.id, '--purpose', 'Referral', '--out', toB);
    b.json('bundle', 'import', toB);

    const note = b.json('note', 'add', '--case', c.id, '--text', 'We spoke to the witness on Monday.');
    const deadline = b.json(
      'deadline',
      'add',
      '--case',
      c.id,
      '--kind',
      'hearing',
      '--title',
      'Hearing in Nairobi',
      '--due',
      '2027-03-01',
    );
    const toA = path.join(b.base, 'to-a.cvbundle');
    b.json('bundle', 'export', '--to', aInB, '--case', c.id, '--purpose', 'Our work on your case', '--out', toA);

    const imported = a.json('bundle', 'import', toA);
    expect(imported.counts.proposed).toBe(2);
    expect(imported.counts.created).toMatchObject({ cases: 0, notes: 0, deadlines: 0 });
    expect(a.json('note', 'list', '--case', c.id)).toEqual([]);

    const waiting = a.json('bundle', 'proposals') as Array<{
      id: string;
      kind: string;
      recordId: string;
      partner: { id: string };
    }>;
    expect(waiting.map((p) => [p.kind, p.recordId]).sort()).toEqual([
      ['deadlines', deadline.id],
      ['notes', note.id],
    ]);
    expect(waiting.every((p) => p.partner.id === bInA)).toBe(true);
    const human = a.raw('bundle', 'proposals');
    expect(human.stdout).toMatch(/note/);
    expect(human.stdout).toMatch(/We spoke to the witness/);

    const noteProposal = waiting.find((p) => p.kind === 'notes')!;
    const deadlineProposal = waiting.find((p) => p.kind === 'deadlines')!;
    expect(a.json('bundle', 'proposal', 'accept', noteProposal.id, '--by', 'Asha')).toMatchObject({
      status: 'accepted',
      decidedBy: 'Asha',
    });
    expect(a.json('bundle', 'proposal', 'reject', deadlineProposal.id)).toMatchObject({
      status: 'rejected',
      preview: null,
    });
    expect((a.json('note', 'list', '--case', c.id) as Array<{ body: string }>).map((n) => n.body)).toEqual([
      'We spoke to the witness on Monday.',
    ]);
    expect(a.json('bundle', 'proposals')).toEqual([]);
    expectCliError(a.raw('bundle', 'proposal', 'accept', deadlineProposal.id), 'INVALID_TRANSITION');
    expect(fs.existsSync(toA)).toBe(true);
  });
});
