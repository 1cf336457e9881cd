// `case-vault bundle …` through the real CLI binary: two vaults exchange cards, verify each
// other, and a case goes from one to the other and a receipt comes back. Each CLI run unlocks a
// vault (about a second here), and these stories need dozens: hence the longer timeouts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type cliVault, cliPair as pair, expectCliError } from './run-cli.js';

/** A case with a consenting survivor and an evidence file, on vault `a`, shareable with partner `p`. */
function seed(a: ReturnType<typeof cliVault>, partnerId: string) {
  a.json(
    'partner',
    'profile',
    partnerId,
    '--allow',
    'cases:reference,title,status',
    '--allow',
    'people',
    '--allow',
    'consents',
    '--allow',
    'evidence:title,type,size,sha256,file',
    '--allow',
    'notes',
  );
  const c = a.json('case', 'add', '--title', 'Detention at Kilima', '--summary', 'Not for the partner');
  const p = a.json('person', 'add', '--name', 'Amina Bekele', '--pseudonym', 'AB-1');
  a.json('person', 'link', '--person', p.id, '--case', c.id, '--role', 'survivor');
  a.json(
    'consent',
    'add',
    '--person',
    p.id,
    '--case',
    c.id,
    '--purpose',
    'sharing',
    '--recipient',
    partnerId,
    '--method',
    'written',
    '--given-at',
    '2026-01-10',
  );
  const file = path.join(a.base, 'statement.txt');
  fs.writeFileSync(file, 'The statement of AB-1.\n'.repeat(5000));
  const e = a.json('evidence', 'add', file, '--case', c.id, '--type', 'testimony');
  return { caseId: c.id as string, personId: p.id as string, evidenceId: e.id as string, file };
}

describe('case-vault bundle', () => {
  it('export → verify → import → receipt import, with the shapes scripts rely on', () => {
    const { a, b, bInA, aInB } = pair();
    const s = seed(a, bInA);
    const out = path.join(a.base, 'case.cvbundle');

    const dry = a.json(
      'bundle',
      'export',
      '--to',
      bInA,
      '--case',
      s.caseId,
      '--evidence',
      s.evidenceId,
      '--purpose',
      'Referral',
      '--dry-run',
    );
    expect(dry).toMatchObject({
      blockers: [],
      leftOut: [],
      included: { cases: 1, people: 1, consents: 1, evidence: 1, notes: 0 },
      evidenceFiles: [{ id: s.evidenceId }],
    });
    expect(fs.existsSync(out)).toBe(false);

    const ex = a.json(
      'bundle',
      'export',
      '--to',
      bInA,
      '--case',
      s.caseId,
      '--evidence',
      s.evidenceId,
      '--purpose',
      'Referral to the commission',
      '--out',
      out,
    );
    expect(ex).toMatchObject({ path: out, files: 1, included: { cases: 1, people: 1 }, entries: 5 });
    expect(fs.statSync(out).size).toBe(ex.bytes);
    expectCliError(
      a.raw('bundle', 'export', '--to', bInA, '--case', s.caseId, '--purpose', 'again', '--out', out),
      'EXPORT_TARGET_EXISTS',
    );

    const v = b.json('bundle', 'verify', out);
    expect(v).toMatchObject({
      bundleId: ex.bundleId,
      purpose: 'Referral to the commission',
      files: 1,
      alreadyImported: false,
      sender: { keyStatus: 'verified', partner: { id: aInB } },
    });
    const human = b.raw('bundle', 'verify', out);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^sender key:\s+VERIFIED/m);
    expect(human.stdout).toMatch(/^from:\s+Haki Litigation Centre/m);

    const imp = b.json('bundle', 'import', out);
    expect(imp).toMatchObject({
      bundleId: ex.bundleId,
      result: 'imported',
      counts: { files: 1, created: { cases: 1, people: 1, consents: 1, evidence: 1 } },
      receiptPath: `${out}.receipt.json`,
    });
    expect(JSON.parse(fs.readFileSync(`${out}.receipt.json`, 'utf8'))).toEqual(imp.receipt);
    const again = b.json('bundle', 'import', out);
    expect(again).toMatchObject({ result: 'already-imported', receipt: imp.receipt });

    // the imported evidence reads back byte for byte (with its custody log)
    const copy = path.join(b.base, 'copy.txt');
    b.json('evidence', 'export', s.evidenceId, '--out', copy, '--reason', 'check');
    expect(fs.readFileSync(copy).equals(fs.readFileSync(s.file))).toBe(true);

    const rec = a.json('bundle', 'receipt', 'import', `${out}.receipt.json`);
    expect(rec).toEqual({ bundleId: ex.bundleId, status: 'delivered', changed: true, custodyEvents: 1 });
    expect(a.json('bundle', 'list')).toMatchObject([
      { id: ex.bundleId, direction: 'sent', status: 'delivered', hasReceipt: true },
    ]);
    expect(b.json('bundle', 'list', '--direction', 'received')).toMatchObject([
      { id: ex.bundleId, status: 'imported' },
    ]);
    expect(b.json('bundle', 'show', ex.bundleId)).toMatchObject({
      id: ex.bundleId,
      manifest: { format: 'case-vault/bundle', purpose: 'Referral to the commission' },
    });
    expect(b.json('bundle', 'conflicts')).toEqual([]);
    const table = a.raw('bundle', 'list');
    expect(table.stdout).toMatch(/^id\s+direction\s+status/m);
    expect(table.stdout).toContain('delivered');
  }, 240_000);

  it('refusals: consent missing names the person; usage errors; a tampered file; unknown ids', () => {
    const { a, b, bInA } = pair();
    const s = seed(a, bInA);
    const w = a.json('person', 'add', '--name', 'Juma Otieno', '--pseudonym', 'W-2');
    a.json('person', 'link', '--person', w.id, '--case', s.caseId, '--role', 'witness');
    const out = path.join(a.base, 'x.cvbundle');
    const refused = a.raw('bundle', 'export', '--to', bInA, '--case', s.caseId, '--purpose', 'Referral', '--out', out);
    expectCliError(refused, 'BUNDLE_CONSENT_MISSING');
    expect(refused.stderr).toContain(w.id);
    expect(refused.stderr).not.toContain('Juma');
    expect(fs.existsSync(out)).toBe(false);
    const left = a.json(
      'bundle',
      'export',
      '--to',
      bInA,
      '--case',
      s.caseId,
      '--purpose',
      'Referral',
      '--out',
      out,
      '--leave-out',
    );
    expect(left.leftOut).toMatchObject([{ personId: w.id, pseudonym: 'W-2', reason: 'absent' }]);

    expectCliError(a.raw('bundle', 'export', '--case', s.caseId, '--purpose', 'x', '--out', out), 'USAGE', 2);
    expectCliError(a.raw('bundle', 'export', '--to', bInA, '--case', s.caseId, '--purpose', 'x'), 'USAGE', 2);
    expectCliError(
      a.raw('bundle', 'export', '--to', bInA, '--purpose', 'x', '--out', path.join(a.base, 'y')),
      'INVALID_INPUT',
    );
    expectCliError(a.raw('bundle', 'conflict', 'resolve', '01900000-0000-7000-8000-000000000000'), 'USAGE', 2);

    const bad = Buffer.from(fs.readFileSync(out));
    bad[bad.length - 100] = bad[bad.length - 100]! ^ 1;
    const tampered = path.join(b.base, 'tampered.cvbundle');
    fs.writeFileSync(tampered, bad);
    expectCliError(b.raw('bundle', 'import', tampered), 'AGE_PAYLOAD_CORRUPT');
    expect(fs.existsSync(`${tampered}.receipt.json`)).toBe(false);
    expect(b.json('bundle', 'list')).toEqual([]);
    expectCliError(b.raw('bundle', 'quarantine', 'accept', '01900000-0000-7000-8000-000000000000'), 'NOT_FOUND');
    expectCliError(a.raw('bundle', 'verify', out), 'BUNDLE_FROM_SELF');
    expectCliError(b.raw('bundle', 'receipt', 'import', tampered), 'RECEIPT_INVALID');
  }, 240_000);

  it('refuses a partner the policy does not clear (PARTNER_NOT_CLEARED) and a bundle with nothing in it (BUNDLE_EMPTY); no file either time', () => {
    const { a, bInA } = pair({ clear: false });
    const c = a.json('case', 'add', '--title', 'Detention at Kilima');
    const out = path.join(a.base, 'x.cvbundle');
    const exportArgs = ['bundle', 'export', '--to', bInA, '--case', c.id, '--purpose', 'Referral', '--out', out];

    // due diligence pending, no agreement
    const notCleared = a.raw(...exportArgs);
    expectCliError(notCleared, 'PARTNER_NOT_CLEARED');
    expect(notCleared.stderr).toContain('“Partner Legal Aid”');
    expect(notCleared.stderr).toContain('due diligence of “Partner Legal Aid” is still pending');
    expect(notCleared.stderr).toContain(`case-vault partner update ${bInA} --dd-outcome approved`);
    expect(notCleared.stderr).toContain('no confidentiality or data-sharing agreement');
    expect(notCleared.stderr).toContain(`case-vault partner agreement add ${bInA} --kind confidentiality`);
    expect(fs.existsSync(out)).toBe(false);
    const dry = a.json('bundle', 'export', ...exportArgs.slice(2, -2), '--dry-run');
    expect(dry.clearance).toMatchObject({
      cleared: false,
      reasons: [{ reason: 'due-diligence-pending' }, { reason: 'agreement-missing' }],
    });
    expect(dry.blockers.map((b: { code: string }) => b.code)).toEqual(['PARTNER_NOT_CLEARED', 'BUNDLE_EMPTY']);

    // approved with conditions, agreement signed: still refused until the conditions are cleared
    a.json('partner', 'update', bInA, '--dd-outcome', 'approved-with-conditions');
    a.json('partner', 'agreement', 'add', bInA, '--kind', 'data-sharing', '--signed-on', '2025-03-01');
    const conditions = a.raw(...exportArgs);
    expectCliError(conditions, 'PARTNER_NOT_CLEARED');
    expect(conditions.stderr).toMatch(/approved with conditions\. The conditions must be cleared first/);
    expect(fs.existsSync(out)).toBe(false);

    // cleared, but the sharing profile is empty (the default): nothing to share
    a.json('partner', 'update', bInA, '--dd-outcome', 'approved');
    const empty = a.raw(...exportArgs);
    expectCliError(empty, 'BUNDLE_EMPTY');
    expect(empty.stderr).toContain(
      'The sharing profile of “Partner Legal Aid” lets nothing of the chosen cases through',
    );
    expect(empty.stderr).toContain(`case-vault partner profile ${bInA} --allow`);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(a.base).filter((f) => f.includes('cvbundle'))).toEqual([]);
    expect(a.json('bundle', 'list')).toEqual([]);
    const human = a.raw(...exportArgs.slice(0, -2), '--dry-run');
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^partner gate:\s+cleared$/m);
    expect(human.stdout).toMatch(/^withheld:\s+1 cases: not in the partner’s sharing profile$/m);
    expect(human.stdout).toMatch(/^blockers:\s+BUNDLE_EMPTY: /m);

    // with a profile, the bundle is written
    a.json('partner', 'profile', bInA, '--allow', 'cases');
    expect(a.json(...exportArgs)).toMatchObject({ path: out, included: { cases: 1 } });
    expect(fs.existsSync(out)).toBe(true);
  }, 240_000);

  it('quarantine: an unverified sender, then verify and accept (receipt written)', () => {
    const { a, b, bInA, aInB, digits } = pair({ verifyRecipient: false });
    const s = seed(a, bInA);
    const out = path.join(a.base, 'q.cvbundle');
    const ex = a.json('bundle', 'export', '--to', bInA, '--case', s.caseId, '--purpose', 'Referral', '--out', out);
    const human = b.raw('bundle', 'import', out);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^result:\s+QUARANTINED/m);
    expect(b.json('bundle', 'list', '--status', 'quarantined')).toMatchObject([{ id: ex.bundleId }]);
    expectCliError(b.raw('bundle', 'quarantine', 'accept', ex.bundleId), 'BUNDLE_SENDER_NOT_VERIFIED');
    b.json('partner', 'verify', aInB, '--safety-number', digits);
    const receipt = path.join(b.base, 'accepted.receipt.json');
    const acc = b.json('bundle', 'quarantine', 'accept', ex.bundleId, '--receipt-out', receipt);
    expect(acc).toMatchObject({ result: 'imported', counts: { created: { cases: 1 } }, receiptPath: receipt });
    expect(a.json('bundle', 'receipt', 'import', receipt)).toMatchObject({ status: 'delivered', changed: true });
    expectCliError(b.raw('bundle', 'quarantine', 'discard', ex.bundleId), 'INVALID_TRANSITION');
  }, 240_000);
  it('a passphrase bundle: --for and --bundle-passphrase-file on both sides, also to accept it from quarantine', () => {
    const { a, b, bInA, aInB, digits } = pair({ verifyRecipient: false });
    const s = seed(a, bInA);
    const pass = path.join(a.base, 'bundle-passphrase.txt');
    fs.writeFileSync(pass, 'lantern river copper 42\n');
    const wrong = path.join(b.base, 'wrong.txt');
    fs.writeFileSync(wrong, 'lantern river copper 43\n');
    const out = path.join(a.base, 'p.cvbundle');
    const common = ['--case', s.caseId, '--purpose', 'Hand-over to counsel', '--out', out];
    expectCliError(a.raw('bundle', 'export', '--to', bInA, '--bundle-passphrase-file', pass, ...common), 'USAGE', 2);
    expectCliError(a.raw('bundle', 'export', '--bundle-passphrase-file', pass, ...common), 'USAGE', 2);
    expectCliError(a.raw('bundle', 'export', '--for', bInA, ...common), 'USAGE', 2);
    const ex = a.json('bundle', 'export', '--for', bInA, '--bundle-passphrase-file', pass, ...common);
    expect(ex.recipients).toHaveLength(1);

    expectCliError(b.raw('bundle', 'import', out), 'BUNDLE_PASSPHRASE_REQUIRED');
    expectCliError(b.raw('bundle', 'import', out, '--bundle-passphrase-file', wrong), 'BUNDLE_PASSPHRASE_WRONG');
    const q = b.json('bundle', 'import', out, '--bundle-passphrase-file', pass);
    expect(q).toMatchObject({ bundleId: ex.bundleId, result: 'quarantined' });
    b.json('partner', 'verify', aInB, '--safety-number', digits);
    expectCliError(b.raw('bundle', 'quarantine', 'accept', ex.bundleId), 'BUNDLE_PASSPHRASE_REQUIRED');
    const acc = b.json('bundle', 'quarantine', 'accept', ex.bundleId, '--bundle-passphrase-file', pass);
    expect(acc).toMatchObject({ result: 'imported', counts: { created: { cases: 1 } } });
  }, 240_000);
});
