// `case-vault team …` and `sync …` through the real CLI binary: two laptops of one organisation
// add and verify each other, exchange a sync bundle, and refuse a removed member.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliVault, expectCliError } from './run-cli.js';

describe('case-vault team and sync', () => {
  it('team add / verify / list, sync export / import, conflicts, team remove', () => {
    const a = cliVault();
    const b = cliVault();
    const aCard = path.join(a.base, 'a.cvcard');
    const bCard = path.join(b.base, 'b.cvcard');
    a.json('identity', 'export-card', '--out', aCard);
    b.json('identity', 'export-card', '--out', bCard);
    const bInA = a.json('team', 'add', '--card', bCard);
    expect(bInA.keyStatus).toBe('unverified');
    const aInB = b.json('team', 'add', '--card', aCard);
    const digits = a.json('partner', 'safety-number', bInA.id).digits as string;
    expect(a.json('team', 'verify', bInA.id, '--safety-number', digits, '--by', 'Asha').keyStatus).toBe('verified');
    b.json('team', 'verify', aInB.id, '--safety-number', digits, '--by', 'Tomás');
    expect(a.json('team', 'list').map((m: { id: string }) => m.id)).toEqual([bInA.id]);

    const c = a.json('case', 'add', '--title', 'Detention at Kilima', '--reference', 'LAPTOP-A-1');
    const out = path.join(a.base, 'to-b.cvsync');
    const ex = a.json('sync', 'export', '--to', bInA.id, '--out', out);
    expect(ex.changes).toBeGreaterThan(0);
    const im = b.json('sync', 'import', out);
    expect(im).toMatchObject({ memberId: aInB.id, held: 0, openConflicts: 0 });
    expect(b.json('case', 'show', c.id).title).toBe('Detention at Kilima');
    expect(b.json('sync', 'import', out)).toMatchObject({ applied: 0, duplicates: im.received });
    expect(b.json('sync', 'conflicts')).toEqual([]);
    // a sync bundle is not a partner bundle
    expect(b.raw('bundle', 'import', out).status).not.toBe(0);

    b.json('team', 'remove', aInB.id);
    expectCliError(b.raw('sync', 'import', out), 'SYNC_MEMBER_REMOVED');
    expectCliError(
      b.raw('sync', 'export', '--to', aInB.id, '--out', path.join(b.base, 'x.cvsync')),
      'SYNC_MEMBER_REMOVED',
    );
    expectCliError(b.raw('sync', 'conflict', 'resolve', 'f'.repeat(64), '--keep', 'local'), 'NOT_FOUND');
  }, 240_000);
});
