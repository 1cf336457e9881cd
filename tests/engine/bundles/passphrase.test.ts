// Passphrase bundles (docs/bundle-format.md, "Passphrase bundles"): sealed with one age scrypt
// stanza for a partner whose key is not known yet; `age -d` opens them with the passphrase, and
// the partner's vault imports them with it. The partner gate, the sharing profile and the
// consent gate apply as to any bundle. Each scrypt at 2^18 costs about a second: this file
// computes five.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encryptAge, readAgeHeader } from '../../../src-main/engine/age/index.js';
import {
  exportBundle,
  importBundle,
  importReceipt,
  planBundle,
  verifyBundle,
  writeReceipt,
} from '../../../src-main/engine/bundles/index.js';
import { listAudit } from '../../../src-main/engine/audit/audit-log.js';
import { AGE, requireAgeCli, run } from '../age/age-helpers.js';
import { codeOf, collect, tempDir } from '../../helpers.js';
import { type Side, outPath, seedCase, twoVaults, verifyPartner } from './bundle-helpers.js';

const PTY_RUN = path.resolve('tests/fixtures/pty_run.py');
const PASS = 'river lantern copper 42 orchid';

const exportInput = (s: Side, caseId: string, extra: Record<string, unknown> = {}) => ({
  partnerId: s.partnerId,
  caseIds: [caseId],
  purpose: 'Hand-over to counsel',
  onMissingConsent: 'leave-out',
  out: outPath(),
  ...extra,
});

describe('passphrase bundles', () => {
  it('one scrypt stanza at 2^18, without a verified key; `age -d` opens it; the partner imports it with the passphrase', async () => {
    requireAgeCli();
    // the sender has the partner's card but has not verified it: a keyed bundle is blocked
    const { sender, recipient } = await twoVaults({ verify: { sender: false } });
    const seed = await seedCase(sender, 10_000);
    const keyed = planBundle(sender.ctx, exportInput(sender, seed.caseId));
    expect(keyed.blockers.map((b) => b.code)).toEqual(['BUNDLE_PARTNER_NOT_VERIFIED']);
    const plan = planBundle(sender.ctx, exportInput(sender, seed.caseId, { byPassphrase: true }));
    expect(plan.blockers).toEqual([]);
    // the profile and the consent gate as for any bundle: the withdrawn witness stays out
    expect(plan.leftOut.map((l) => l.personId)).toEqual([seed.witnessId]);

    expect(await codeOf(exportBundle(sender.ctx, exportInput(sender, seed.caseId, { passphrase: 'too short' })))).toBe(
      'INVALID_INPUT',
    );
    expect(await codeOf(exportBundle(sender.ctx, exportInput(sender, seed.caseId, { byPassphrase: true })))).toBe(
      'INVALID_INPUT',
    );
    const ex = await exportBundle(
      sender.ctx,
      exportInput(sender, seed.caseId, { passphrase: PASS, evidenceIds: [seed.evidenceId] }),
    );
    expect(ex.files).toBe(1);
    expect(ex.leftOut.map((l) => l.personId)).toEqual([seed.witnessId]);
    // the manifest names only the sender: the passphrase is the address
    expect(ex.recipients.map((r) => r.vaultId)).toEqual([sender.ctx.vaultId]);

    const header = await readAgeHeader(fs.createReadStream(ex.path));
    expect(header.stanzas).toHaveLength(1);
    expect(header.stanzas[0]!.type).toBe('scrypt');
    expect(header.stanzas[0]!.args[1]).toBe('18');

    const exported = listAudit(sender.ctx.db).filter((a) => a.action === 'bundle.exported');
    expect(exported).toHaveLength(1);
    expect(exported[0]!.details).toMatchObject({ sealed: 'passphrase', partnerId: sender.partnerId });
    expect(JSON.stringify(exported[0]!.details)).not.toContain(PASS);

    // the stock tool, with only the passphrase (it reads it from a terminal)
    const tarFile = path.join(tempDir(), 'bundle.tar');
    const r = run('python3', [
      PTY_RUN,
      JSON.stringify([['Enter passphrase', PASS]]),
      AGE,
      '-d',
      '-o',
      tarFile,
      ex.path,
    ]);
    expect(r.status, r.stdout.toString()).toBe(0);
    const tarList = run('tar', ['-tf', tarFile]).stdout.toString().split('\n');
    expect(tarList.slice(0, 2)).toEqual(['manifest.json', 'manifest.sig']);

    // without the passphrase, with a wrong one, then with the right one
    expect(await codeOf(importBundle(recipient.ctx, ex.path))).toBe('BUNDLE_PASSPHRASE_REQUIRED');
    expect(await codeOf(importBundle(recipient.ctx, ex.path, undefined, `${PASS}!`))).toBe('BUNDLE_PASSPHRASE_WRONG');
    const imported = await importBundle(recipient.ctx, ex.path, undefined, PASS);
    expect(imported.result).toBe('imported');
    expect(imported.counts.files).toBe(1);
    expect(imported.counts.created.cases).toBe(1);

    // the receipt: from a verified key of the partner the bundle was made for, once it is verified
    const receiptFile = path.join(tempDir(), 'receipt.json');
    await writeReceipt(imported.receipt, receiptFile);
    expect(await codeOf(importReceipt(sender.ctx, receiptFile))).toBe('RECEIPT_SIGNATURE_INVALID');
    verifyPartner(sender, recipient);
    expect(await importReceipt(sender.ctx, receiptFile)).toMatchObject({ status: 'delivered', changed: true });

    // a file someone made with `age -p` from the same contents opens too (the signed bundle is inside)
    const again = path.join(tempDir(), 'again.age');
    const p = run('python3', [
      PTY_RUN,
      JSON.stringify([
        ['Enter passphrase', 'another passphrase 77'],
        ['Confirm passphrase', 'another passphrase 77'],
      ]),
      AGE,
      '-p',
      '-o',
      again,
      tarFile,
    ]);
    expect(p.status, p.stdout.toString()).toBe(0);
    const v = await verifyBundle(recipient.ctx, again, { passphrase: 'another passphrase 77' });
    expect(v).toMatchObject({ bundleId: ex.bundleId, alreadyImported: true });
  });

  it('the partner gate and the consent gate still refuse, before any scrypt', async () => {
    const { sender } = await twoVaults({ verify: { sender: false }, clear: false });
    const seed = await seedCase(sender, 1000);
    expect(await codeOf(exportBundle(sender.ctx, exportInput(sender, seed.caseId, { passphrase: PASS })))).toBe(
      'PARTNER_NOT_CLEARED',
    );
    const { sender: cleared } = await twoVaults({ verify: { sender: false } });
    const seed2 = await seedCase(cleared, 1000);
    const out = outPath();
    expect(
      await codeOf(
        exportBundle(
          cleared.ctx,
          exportInput(cleared, seed2.caseId, { passphrase: PASS, onMissingConsent: 'refuse', out }),
        ),
      ),
    ).toBe('BUNDLE_CONSENT_MISSING');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('a passphrase is refused for a keyed file, and a hostile work factor before any scrypt', async () => {
    const { sender, recipient } = await twoVaults();
    const keyed = path.join(tempDir(), 'keyed.cvbundle');
    fs.writeFileSync(keyed, await collect(encryptAge([Buffer.from('x')], [recipient.ctx.identity.ageRecipient()])));
    expect(await codeOf(importBundle(recipient.ctx, keyed, undefined, PASS))).toBe('BUNDLE_NOT_PASSPHRASE');

    // a scrypt stanza asking for 2^23 (8 GiB): refused from the header alone
    const seed = await seedCase(sender, 1000);
    const ex = await exportBundle(sender.ctx, exportInput(sender, seed.caseId, { passphrase: PASS }));
    const bytes = fs.readFileSync(ex.path);
    const at = bytes.indexOf(' 18\n');
    expect(at).toBeGreaterThan(0);
    bytes.write(' 23\n', at, 'latin1');
    const hostile = path.join(tempDir(), 'hostile.cvbundle');
    fs.writeFileSync(hostile, bytes);
    expect(await codeOf(importBundle(recipient.ctx, hostile, undefined, PASS))).toBe('AGE_SCRYPT_WORK_FACTOR');
  });
});
