// `case-vault policy show | set` through the real CLI binary: the partner policy is on by
// default, a change is audited without personal data, usage errors exit 2, and turning a
// rule off lets a share through that it refused.
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src-main/engine/audit/audit-log.js';
import { Vault } from '../../src-main/engine/vault/vault.js';
import { PASSPHRASE } from '../helpers.js';
import { cliVault, expectCliError } from './run-cli.js';

describe('case-vault policy', () => {
  it('shows the default, changes it (audited), and refuses a change that says nothing or says it wrongly', async () => {
    const v = cliVault();
    const shown = v.raw('policy', 'show', '--json');
    expect(shown.status).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual({
      requireDueDiligence: true,
      requireAgreement: true,
      updatedAt: null,
      updatedBy: null,
      wipeAfterFailedUnlocks: null,
    });
    expect(Object.keys(JSON.parse(shown.stdout))).toEqual([
      'requireDueDiligence',
      'requireAgreement',
      'updatedAt',
      'updatedBy',
      'wipeAfterFailedUnlocks',
    ]);
    const human = v.raw('policy', 'show');
    expect(human.stdout).toMatch(/^require due diligence:\s+on \(/m);
    expect(human.stdout).toMatch(/^require agreement:\s+on \(/m);
    expect(human.stdout).toMatch(/^changed:\s+never \(the default\)$/m);

    expectCliError(v.raw('policy', 'set'), 'USAGE', 2);
    expectCliError(v.raw('policy', 'set', '--require-agreement', 'maybe'), 'USAGE', 2);
    expectCliError(v.raw('policy', 'set', '--require-agreement'), 'USAGE', 2);
    expectCliError(v.raw('policy', 'show', 'extra'), 'USAGE', 2);

    const set = v.json('policy', 'set', '--require-agreement', 'off', '--by', 'Programme director');
    expect(set).toEqual({
      requireDueDiligence: true,
      requireAgreement: false,
      updatedAt: expect.stringMatching(/Z$/) as string,
      updatedBy: 'Programme director',
    });
    expect(v.json('policy', 'show')).toEqual({ ...set, wipeAfterFailedUnlocks: null });
    expect(v.raw('policy', 'show').stdout).toMatch(/^require agreement:\s+off$/m);
    const both = v.json('policy', 'set', '--require-due-diligence', 'off', '--require-agreement', 'on');
    expect(both).toMatchObject({ requireDueDiligence: false, requireAgreement: true, updatedBy: null });

    const vault = await Vault.open(v.vault, { passphrase: PASSPHRASE });
    try {
      const changes = listAudit(vault.db).filter((e) => e.action === 'policy.changed');
      expect(changes.map((e) => e.details)).toEqual([
        {
          changed: ['requireAgreement'],
          requireDueDiligence: true,
          requireAgreement: false,
          was: { requireDueDiligence: true, requireAgreement: true },
        },
        {
          changed: ['requireDueDiligence', 'requireAgreement'],
          requireDueDiligence: false,
          requireAgreement: true,
          was: { requireDueDiligence: true, requireAgreement: false },
        },
      ]);
      expect(JSON.stringify(changes)).not.toContain('Programme director');
    } finally {
      vault.lock();
    }
  }, 120_000);

  it('with the due-diligence rule off, a partner with a pending due diligence but an agreement in force is cleared', () => {
    const v = cliVault();
    const p = v.json('partner', 'add', '--name', 'Kilima Legal Aid', '--kind', 'ngo');
    v.json('partner', 'agreement', 'add', p.id, '--kind', 'confidentiality', '--signed-on', '2025-01-05');
    v.json('partner', 'profile', p.id, '--allow', 'cases');
    const c = v.json('case', 'add', '--title', 'A case');
    const dry = () => v.json('bundle', 'export', '--to', p.id, '--case', c.id, '--purpose', 'x', '--dry-run');
    expect(dry().blockers.map((b: { code: string }) => b.code)).toEqual([
      'PARTNER_NOT_CLEARED',
      'BUNDLE_PARTNER_NOT_VERIFIED',
    ]);
    expect(v.raw('partner', 'show', p.id).stdout).toMatch(
      /^partner gate:\s+NOT CLEARED: The due diligence of “Kilima Legal Aid” is still pending\./m,
    );
    expect(v.json('partner', 'show', p.id)).not.toHaveProperty('clearance');
    v.json('policy', 'set', '--require-due-diligence', 'off');
    expect(v.raw('partner', 'show', p.id).stdout).toMatch(
      /^partner gate:\s+cleared \(the partner policy allows sharing\)$/m,
    );
    expect(dry().clearance).toEqual({
      partnerId: p.id,
      cleared: true,
      policy: { requireDueDiligence: false, requireAgreement: true },
      reasons: [],
    });
    expect(dry().blockers.map((b: { code: string }) => b.code)).toEqual(['BUNDLE_PARTNER_NOT_VERIFIED']);
  }, 120_000);
});
