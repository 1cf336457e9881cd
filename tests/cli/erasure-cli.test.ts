// `case-vault evidence erase | person erase | case purge | case retention-review` and
// `policy set --retention-years` through the real CLI binary: an erasure needs a reason and a
// confirmation (--yes without a terminal), answers in JSON, and audits without the reason.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src-main/engine/audit/audit-log.js';
import { Vault } from '../../src-main/engine/vault/vault.js';
import { PASSPHRASE, tempDir } from '../helpers.js';
import { cliVault, expectCliError } from './run-cli.js';

describe('case-vault erasure', () => {
  it('erases evidence, a person and a case with a reason and --yes, and refuses without them', async () => {
    const v = cliVault();
    const keep = v.json('case', 'add', '--title', 'Kept');
    const gone = v.json('case', 'add', '--title', 'Purged');
    const p = v.json('person', 'add', '--name', 'Amina Yusuf');
    v.json('person', 'link', '--person', p.id, '--case', keep.id, '--role', 'survivor');
    const file = path.join(tempDir(), 'statement.txt');
    fs.writeFileSync(file, 'statement');
    const e = v.json('evidence', 'add', file, '--case', keep.id);

    // no reason, no confirmation, a bad id: nothing is erased
    expectCliError(v.raw('person', 'erase', p.id, '--yes'), 'USAGE', 2);
    expectCliError(v.raw('person', 'erase', p.id, '--reason', 'she asked'), 'USAGE', 2);
    expectCliError(v.raw('person', 'erase', p.id, '--reason', 'she asked', '--json'), 'USAGE', 2);
    expectCliError(v.raw('evidence', 'erase', 'nope', '--reason', 'x', '--yes'), 'NOT_FOUND');
    expect(v.json('person', 'show', p.id).id).toBe(p.id);

    const ev = v.json('evidence', 'erase', e.id, '--reason', 'wrong file', '--yes');
    expect(ev).toMatchObject({ evidenceId: e.id, erased: [e.id], filesErased: 1, filesKept: 0 });
    expectCliError(v.raw('evidence', 'show', e.id), 'NOT_FOUND');

    const pe = v.json('person', 'erase', p.id, '--reason', 'she asked', '--yes');
    expect(pe).toMatchObject({ personId: p.id, consents: 0, roles: 1, partners: [] });
    expectCliError(v.raw('person', 'show', p.id), 'NOT_FOUND');

    const human = v.raw('case', 'purge', gone.id, '--reason', 'retention', '--yes');
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^purged:\s+\S+/m);
    expect(human.stdout).toMatch(/^reference kept:\s+CV-\d{4}-\d{6}$/m);
    expectCliError(v.raw('case', 'show', gone.id), 'NOT_FOUND');
    expect(v.json('case', 'show', keep.id).id).toBe(keep.id);

    const vault = await Vault.open(v.vault, { passphrase: PASSPHRASE });
    try {
      const entries = listAudit(vault.db).filter((a) => /\.(erased|purged)$/.test(a.action));
      expect(entries.map((a) => a.action)).toEqual(['evidence.erased', 'person.erased', 'case.purged']);
      expect(JSON.stringify(entries)).not.toMatch(/wrong file|she asked|retention"/);
    } finally {
      vault.lock();
    }
  });

  it('sets the retention period and lists closed cases past it', () => {
    const v = cliVault();
    expect(v.json('case', 'retention-review')).toEqual({ retentionYears: null, closedOnOrBefore: null, cases: [] });
    expect(v.raw('case', 'retention-review').stdout).toMatch(/No retention period is set/);
    expectCliError(v.raw('policy', 'set', '--retention-years', 'five'), 'USAGE', 2);
    expectCliError(v.raw('policy', 'set', '--retention-years', '5', '--require-agreement', 'off'), 'USAGE', 2);
    expectCliError(v.raw('policy', 'set', '--retention-years', '0'), 'INVALID_INPUT');
    expect(v.json('policy', 'set', '--retention-years', '5')).toMatchObject({ retentionYears: 5 });
    const c = v.json('case', 'add', '--title', 'Closed today');
    v.json('case', 'close', c.id, '--reason', 'done');
    const review = v.json('case', 'retention-review');
    expect(review).toMatchObject({ retentionYears: 5, cases: [] });
    expect(review.closedOnOrBefore).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(v.json('policy', 'set', '--retention-years', 'none')).toMatchObject({ retentionYears: null });
  });
});
