// `case-vault sync folder DIR` through the real CLI binary: two laptops share one folder.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { cliVault, expectCliError } from './run-cli.js';

describe('case-vault sync folder', () => {
  it('writes for each member, applies what is addressed here, reports a stray file, refuses a missing folder', () => {
    const a = cliVault();
    const b = cliVault();
    const aCard = path.join(a.base, 'a.cvcard');
    const bCard = path.join(b.base, 'b.cvcard');
    a.json('identity', 'export-card', '--out', aCard);
    b.json('identity', 'export-card', '--out', bCard);
    const bInA = a.json('team', 'add', '--card', bCard);
    const aInB = b.json('team', 'add', '--card', aCard);
    const digits = a.json('partner', 'safety-number', bInA.id).digits as string;
    a.json('team', 'verify', bInA.id, '--safety-number', digits, '--by', 'Asha');
    b.json('team', 'verify', aInB.id, '--safety-number', digits, '--by', 'Tomás');

    const dir = tempDir('cv-cli-syncdir-');
    const c = a.json('case', 'add', '--title', 'Detention at Kilima', '--reference', 'LAPTOP-A-1');
    const wa = a.json('sync', 'folder', dir);
    expect(wa.written).toEqual([expect.objectContaining({ memberId: bInA.id })]);
    fs.writeFileSync(path.join(dir, 'README.txt'), 'shared folder');
    const text = b.raw('sync', 'folder', dir);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/1 file applied/);
    expect(text.stdout).toMatch(/skipped README\.txt: not-a-sync-file/);
    expect(b.json('case', 'show', c.id).title).toBe('Detention at Kilima');
    expect(b.json('sync', 'folder', dir).applied).toEqual([]);
    expectCliError(b.raw('sync', 'folder', path.join(dir, 'missing')), 'NOT_FOUND');
  }, 240_000);
});
