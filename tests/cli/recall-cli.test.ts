// `case-vault bundle recall | recalls`, and `bundle import` / `bundle receipt import` of a recall
// notice and its receipt, through the real CLI binary. Each run unlocks a vault (about a second):
// hence the long timeouts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type cliVault, cliPair as pair, expectCliError } from './run-cli.js';

type V = ReturnType<typeof cliVault>;

/** A case with a consenting survivor, sent to `b` in a bundle that b imported. */
function sent(a: V, b: V, partnerId: string) {
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
  );
  const c = a.json('case', 'add', '--title', 'Detention at Kilima');
  const p = a.json('person', 'add', '--name', 'Amina Bekele', '--pseudonym', 'AB-1');
  a.json('person', 'link', '--person', p.id, '--case', c.id, '--role', 'survivor');
  const consent = a.json(
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
  const out = path.join(a.base, 'case.cvbundle');
  const ex = a.json('bundle', 'export', '--to', partnerId, '--case', c.id, '--purpose', 'Referral', '--out', out);
  b.json('bundle', 'import', out);
  return {
    caseId: c.id as string,
    personId: p.id as string,
    consentId: consent.id as string,
    bundleId: ex.bundleId as string,
  };
}

describe('case-vault bundle recall', () => {
  it('withdraw → recall (--json: [{file, partnerId}]) → the partner imports the notice → receipt → delivered', () => {
    const { a, b, bInA, aInB } = pair();
    const s = sent(a, b, bInA);
    const dir = path.join(a.base, 'usb');
    fs.mkdirSync(dir);

    // not withdrawn yet
    expectCliError(a.raw('bundle', 'recall', '--consent', s.consentId, '--out', dir), 'INVALID_TRANSITION');
    a.json('consent', 'withdraw', s.consentId, '--reason', 'Afraid of reprisals');

    const written = a.json('bundle', 'recall', '--consent', s.consentId, '--out', dir);
    expect(written).toEqual([
      { file: expect.stringMatching(/recall-partner-legal-aid-[0-9a-f-]{36}\.cvrecall$/), partnerId: bInA },
    ]);
    const file = written[0].file as string;
    expect(path.dirname(file)).toBe(dir);
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
    expect(a.json('bundle', 'recalls')).toMatchObject([
      {
        direction: 'sent',
        status: 'sent',
        partnerId: bInA,
        action: 'restrict',
        personId: s.personId,
        bundles: 1,
        records: 2,
        counts: null,
      },
    ]);

    // the partner: the same import command applies it, and writes the receipt beside it
    const human = b.raw('bundle', 'import', file);
    expect(human.status, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^result:\s+recall notice applied \(restrict\)/m);
    expect(human.stdout).toMatch(/^done:\s+2 restricted/m);
    expect(fs.existsSync(`${file}.receipt.json`)).toBe(true);
    const again = b.json('bundle', 'import', file);
    expect(again).toMatchObject({
      result: 'already-applied',
      personId: s.personId,
      partner: { id: aInB },
      receiptPath: `${file}.receipt.json`,
    });
    expect(JSON.parse(fs.readFileSync(`${file}.receipt.json`, 'utf8'))).toEqual(again.receipt);
    expect(b.json('person', 'show', s.personId)).toMatchObject({ id: s.personId, restricted: true });
    expect(b.json('bundle', 'recalls', '--direction', 'received')).toMatchObject([
      { status: 'applied', counts: { restricted: 2 } },
    ]);

    const rec = a.json('bundle', 'receipt', 'import', `${file}.receipt.json`);
    expect(rec).toMatchObject({ status: 'delivered', changed: true, counts: { restricted: 2, erased: 0 } });
    expect(a.json('bundle', 'recalls')).toMatchObject([{ status: 'delivered' }]);
    const table = a.raw('bundle', 'recalls');
    expect(table.stdout).toMatch(/^id\s+direction\s+status\s+action/m);
    expect(table.stdout).toContain('delivered');

    // erase this time, printed for a person; never over an existing file
    const plain = a.raw('bundle', 'recall', '--consent', s.consentId, '--out', dir, '--action', 'erase');
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/^Wrote 1 recall notice \(erase\):/);
    expect(plain.stdout).toContain(dir);
    const eraseFile = fs
      .readdirSync(dir)
      .map((f) => path.join(dir, f))
      .find((f) => f.endsWith('.cvrecall') && f !== file)!;
    expect(b.json('bundle', 'import', eraseFile)).toMatchObject({
      result: 'applied',
      action: 'erase',
      counts: { erased: 2 },
    });
    expectCliError(b.raw('person', 'show', s.personId), 'NOT_FOUND');
  }, 300_000);

  it('refusals: usage, nothing to recall, an unverified sender, a notice from oneself', () => {
    const { a, b, bInA } = pair({ verifyRecipient: false });
    const dir = path.join(a.base, 'usb');
    fs.mkdirSync(dir);
    expectCliError(a.raw('bundle', 'recall', '--out', dir), 'USAGE', 2);
    expectCliError(a.raw('bundle', 'recall', '--consent', '01900000-0000-7000-8000-000000000000'), 'USAGE', 2);
    expectCliError(
      a.raw('bundle', 'recall', '--consent', '01900000-0000-7000-8000-000000000000', '--out', dir),
      'NOT_FOUND',
    );

    // a withdrawn consent of a person no bundle carried
    const c = a.json('case', 'add', '--title', 'Kept here');
    const p = a.json('person', 'add', '--name', 'Juma Otieno');
    a.json('person', 'link', '--person', p.id, '--case', c.id, '--role', 'witness');
    const k = a.json(
      'consent',
      'add',
      '--person',
      p.id,
      '--case',
      c.id,
      '--purpose',
      'sharing',
      '--recipient',
      bInA,
      '--method',
      'written',
      '--given-at',
      '2026-01-10',
    );
    a.json('consent', 'withdraw', k.id, '--reason', 'changed their mind');
    expectCliError(a.raw('bundle', 'recall', '--consent', k.id, '--out', dir), 'RECALL_NOTHING_TO_RECALL');
    expect(fs.readdirSync(dir)).toEqual([]);

    // b never verified a's key: the bundle goes to quarantine, the notice is refused outright
    a.json('partner', 'profile', bInA, '--allow', 'cases:reference,title', '--allow', 'people', '--allow', 'consents');
    const c2 = a.json('case', 'add', '--title', 'Shared');
    const p2 = a.json('person', 'add', '--name', 'Amina Bekele');
    a.json('person', 'link', '--person', p2.id, '--case', c2.id, '--role', 'survivor');
    const k2 = a.json(
      'consent',
      'add',
      '--person',
      p2.id,
      '--case',
      c2.id,
      '--purpose',
      'sharing',
      '--recipient',
      bInA,
      '--method',
      'written',
      '--given-at',
      '2026-01-10',
    );
    a.json(
      'bundle',
      'export',
      '--to',
      bInA,
      '--case',
      c2.id,
      '--purpose',
      'Referral',
      '--out',
      path.join(a.base, 'b.cvbundle'),
    );
    a.json('consent', 'withdraw', k2.id, '--reason', 'changed their mind');
    const [w] = a.json('bundle', 'recall', '--consent', k2.id, '--out', dir);
    const refused = b.raw('bundle', 'import', w.file);
    expectCliError(refused, 'BUNDLE_SENDER_NOT_VERIFIED');
    expect(refused.stderr).toMatch(/verify/);
    expect(fs.existsSync(`${w.file}.receipt.json`)).toBe(false);
    expect(b.json('bundle', 'recalls')).toEqual([]);
    expectCliError(a.raw('bundle', 'import', w.file), 'BUNDLE_FROM_SELF');
    expectCliError(a.raw('bundle', 'recalls', '--direction', 'sideways'), 'INVALID_INPUT');
  }, 300_000);
});
