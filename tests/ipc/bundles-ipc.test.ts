/**
 * bundles.* through the real router, between two vaults (two ipcVault instances) that met
 * through their contact cards (files) and verified each other's safety number:
 *
 * - the share wizard's preview (`plan`) names who is left out and why; refuse mode refuses the
 *   export (no file); leave-out mode writes the bundle with progress events;
 * - the recipient previews it (`verify`: nothing changes), imports it with progress, gets the
 *   signed receipt, saves it through the save dialog; the sender imports the receipt and the
 *   sent bundle is delivered — the loop closed; a second import of either changes nothing;
 * - a sender not verified yet: the bundle waits in quarantine, cannot be accepted until the key
 *   is verified, then is accepted; another is discarded;
 * - a refused import (a flipped byte, a bundle for another vault) leaves the vault folder byte
 *   for byte as it was: the vault is locked and its whole folder snapshotted before and after
 *   (locking checkpoints the database into vault.db and signs the audit head only if it moved,
 *   so any row or blob written would show).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TOLD_ELEMENTS } from '../../shared/domain/consents.js';
import { SHARING_KINDS } from '../../shared/domain/partners.js';
import type {
  BundleLedgerEntry,
  BundlePlan,
  BundleVerification,
  ImportConflict,
  ImportResult,
  ReceiptImport,
} from '../../shared/domain/bundles.js';
import { CONTRACT } from '../../shared/ipc/contract.js';
import { expectSameSnapshot, snapshot } from '../helpers.js';
import type { IpcVault } from './ipc-helpers.js';
import {
  PASSPHRASE,
  auditActions,
  auditTotal,
  namedVault,
  openHandle,
  pair,
  saveHandle,
  stick,
  exportCard,
  importCard,
  safetyNumberOf,
  type Pair,
} from './exchange-ipc-helpers.js';

const open: IpcVault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.cleanup();
});
function keep(p: Pair): Pair {
  open.push(p.a, p.b);
  return p;
}

interface Seed {
  caseId: string;
  reference: string;
  survivorId: string;
  witnessId: string;
  evidenceId: string;
  fileBytes: Buffer;
}

/**
 * On A: a case with a survivor who consented to sharing with B, a witness who did not, and a
 * piece of evidence with its file; B's sharing profile lets cases, people (no names), consents
 * and evidence with the file through.
 */
async function seed(p: Pair): Promise<Seed> {
  const { a, aSeesB } = p;
  const partner = await a.ok<{ version: number }>('partners.get', { id: aSeesB.partner.id });
  await a.ok('partners.setSharingProfile', {
    partnerId: aSeesB.partner.id,
    expectedVersion: partner.version,
    allow: [
      { kind: 'cases' },
      { kind: 'people' },
      { kind: 'consents' },
      { kind: 'evidence', fields: ['title', 'type', 'media-type', 'size', 'sha256', 'received-at', 'file'] },
    ],
  });
  const c = await a.ok<{ id: string; reference: string }>('cases.create', {
    title: 'Detention at Kilima station',
    reference: 'KE-2026-7',
  });
  const survivor = await a.ok<{ id: string }>('people.create', { fullName: 'Amina Bekele', pseudonym: 'AB-1' });
  const witness = await a.ok<{ id: string }>('people.create', { fullName: 'Juma Otieno', pseudonym: 'W-2' });
  await a.ok('people.link', { personId: survivor.id, caseId: c.id, role: 'survivor' });
  await a.ok('people.link', { personId: witness.id, caseId: c.id, role: 'witness' });
  await a.ok('consents.add', {
    personId: survivor.id,
    caseId: c.id,
    purpose: 'sharing',
    recipient: { partnerId: aSeesB.partner.id },
    told: [...TOLD_ELEMENTS],
    method: 'written',
    givenAt: '2026-01-10',
  });
  const fileBytes = Buffer.from('%PDF-1.4\n' + 'statement of AB-1\n'.repeat(5000));
  const src = join(p.dir, 'statement.pdf');
  writeFileSync(src, fileBytes);
  const ev = await a.ok<{ id: string }>('evidence.add', {
    caseId: c.id,
    file: await evidenceHandle(a, src),
    type: 'testimony',
    title: 'Statement of AB-1',
  });
  return {
    caseId: c.id,
    reference: c.reference,
    survivorId: survivor.id,
    witnessId: witness.id,
    evidenceId: ev.id,
    fileBytes,
  };
}

async function evidenceHandle(v: IpcVault, path: string): Promise<string> {
  v.host.openQueue.push(path);
  const chosen = await v.ok<{ handle: string }>('files.chooseEvidence');
  return chosen.handle;
}

function progressOf(v: IpcVault, channel: string): Array<{ phase: string; done: number; total: number | null }> {
  return v.host.events
    .filter((e) => e.name === 'progress' && (e.payload as { channel: string }).channel === channel)
    .map((e) => e.payload as { phase: string; done: number; total: number | null });
}

/** Lock, snapshot the whole vault folder, unlock again. */
async function frozen(v: IpcVault): Promise<Map<string, Buffer>> {
  await v.ok('session.lock');
  const snap = snapshot(v.dir);
  await v.ok('vault.unlock', { passphrase: PASSPHRASE });
  return snap;
}

async function shareInput(p: Pair, s: Seed, mode: 'refuse' | 'leave-out') {
  return {
    partnerId: p.aSeesB.partner.id,
    caseIds: [s.caseId],
    evidenceIds: [s.evidenceId],
    purpose: '  Joint submission to the Special Rapporteur  ',
    expiresInDays: 14,
    onMissingConsent: mode,
  };
}

describe('bundles.* through the router', () => {
  it('plans, refuses without consent, exports leaving out, imports with progress, and closes the receipt loop', async () => {
    const p = keep(await pair());
    const { a, b } = p;
    const s = await seed(p);

    // --- the plan (the wizard's consent check): changes nothing
    const before = await auditTotal(a);
    const plan = await a.ok<BundlePlan>('bundles.plan', await shareInput(p, s, 'refuse'));
    expect(plan.partner).toEqual({ id: p.aSeesB.partner.id, name: 'Partner Legal Aid' });
    expect(plan.verifiedKeys.map((k) => k.id)).toEqual([p.aSeesB.key.id]);
    expect(plan.cases).toEqual([{ id: s.caseId, reference: 'KE-2026-7', originatedHere: true }]);
    expect(plan.clearance).toEqual({
      partnerId: p.aSeesB.partner.id,
      cleared: true,
      policy: { requireDueDiligence: true, requireAgreement: true },
      reasons: [],
    });
    expect(plan.withheld).toEqual([]);
    expect(plan.leftOut).toEqual([
      { personId: s.witnessId, pseudonym: 'W-2', caseId: s.caseId, reason: 'absent', message: expect.any(String) },
    ]);
    expect(plan.included).toEqual({
      cases: 1,
      people: 1,
      consents: 1,
      evidence: 1,
      notes: 0,
      deadlines: 0,
      outcomes: 0,
    });
    expect(plan.evidenceFiles).toEqual([{ id: s.evidenceId, size: s.fileBytes.length }]);
    expect(plan.blockers.map((x) => x.code)).toEqual(['BUNDLE_CONSENT_MISSING']);
    expect(await auditTotal(a)).toBe(before);
    expect((await a.ok<BundlePlan>('bundles.plan', await shareInput(p, s, 'leave-out'))).blockers).toEqual([]);
    // the plan takes no path, and no file field
    expect(
      await a.call('bundles.plan', { ...(await shareInput(p, s, 'leave-out')), out: '/tmp/x.cvbundle' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    // --- refuse mode: refused, no file
    const refusedPath = join(p.dir, 'refused.cvbundle');
    const refused = await a.call('bundles.export', {
      ...(await shareInput(p, s, 'refuse')),
      target: await saveHandle(a, refusedPath, 'bundle'),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BUNDLE_CONSENT_MISSING' } });
    expect(existsSync(refusedPath)).toBe(false);
    expect(await a.ok<BundleLedgerEntry[]>('bundles.list', {})).toEqual([]);

    // --- leave-out mode: written, with progress
    const bundlePath = join(p.dir, 'ke-2026-7.cvbundle');
    const exported = await a.ok<Record<string, unknown>>('bundles.export', {
      ...(await shareInput(p, s, 'leave-out')),
      target: await saveHandle(a, bundlePath, 'bundle'),
    });
    expect(Object.keys(exported).sort()).toEqual([
      'bundleId',
      'bytes',
      'entries',
      'files',
      'included',
      'leftOut',
      'manifestSha256',
      'postQuantum',
      'recipients',
    ]);
    // entries: the manifest's (4 records and 1 file), manifest.json and manifest.sig aside
    expect(exported).toMatchObject({ files: 1, entries: 4 + 1, bytes: readFileSync(bundlePath).length });
    const bundleId = exported.bundleId as string;
    const exportProgress = progressOf(a, 'bundles.export');
    expect(exportProgress.length).toBeGreaterThanOrEqual(2);
    expect(exportProgress.every((e) => e.phase === 'exporting')).toBe(true);
    expect(exportProgress.at(-1)!.done).toBe(exportProgress.at(-1)!.total);
    expect(readFileSync(bundlePath).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    const sent = await a.ok<BundleLedgerEntry[]>('bundles.list', { direction: 'sent' });
    expect(sent).toEqual([
      expect.objectContaining({
        id: bundleId,
        status: 'sent',
        partnerId: p.aSeesB.partner.id,
        purpose: 'Joint submission to the Special Rapporteur',
        hasReceipt: false,
      }),
    ]);

    // --- B previews it: nothing changes
    const bTotal = await auditTotal(b);
    const v = await b.ok<BundleVerification>('bundles.verify', { file: await openHandle(b, bundlePath, 'bundle') });
    expect(v).toMatchObject({
      bundleId,
      sender: {
        card: { name: 'Asha Njeri', organisation: 'Haki Litigation Centre' },
        partner: { id: p.bSeesA.partner.id, name: 'Haki Litigation Centre' },
        keyStatus: 'verified',
      },
      purpose: 'Joint submission to the Special Rapporteur',
      expired: false,
      contents: { cases: 1, people: 1, consents: 1, evidence: 1, notes: 0, deadlines: 0, outcomes: 0 },
      files: 1,
      alreadyImported: false,
    });
    expect(v.consentIds).toHaveLength(1);
    expect(Date.parse(v.expiresAt) - Date.parse(v.createdAt)).toBe(14 * 86_400_000);
    expect(await auditTotal(b)).toBe(bTotal);
    expect(await b.ok<BundleLedgerEntry[]>('bundles.list', {})).toEqual([]);

    // --- B imports it, with progress; the answer carries our signed receipt
    const bundleHandle = await openHandle(b, bundlePath, 'bundle');
    const imported = await b.ok<ImportResult>('bundles.import', { file: bundleHandle });
    expect(imported).toMatchObject({ bundleId, result: 'imported', conflicts: [], counts: { files: 1, conflicts: 0 } });
    expect(SHARING_KINDS.reduce((n, k) => n + imported.counts.created[k], 0)).toBe(4);
    expect(imported.receipt.receipt).toMatchObject({ bundleId, result: 'imported', recipient: { name: 'Tomás Ruiz' } });
    // bytes of the bundle file: 'importing' for a verified sender ('verifying' while it is only checked for quarantine)
    const importProgress = progressOf(b, 'bundles.import');
    expect(importProgress.length).toBeGreaterThanOrEqual(2);
    expect(new Set(importProgress.map((e) => e.phase))).toEqual(new Set(['importing']));
    const fileSize = readFileSync(bundlePath).length;
    const last = importProgress.at(-1)!;
    expect(last.total).toBe(fileSize);
    // the engine counts what it has read past the age header: the last report is within a percent of the end
    expect(last.done).toBeGreaterThan(fileSize * 0.99);
    expect(last.done).toBeLessThanOrEqual(fileSize);
    const received = await b.ok<BundleLedgerEntry[]>('bundles.list', { direction: 'received' });
    expect(received).toEqual([
      expect.objectContaining({ id: bundleId, status: 'imported', hasReceipt: true, partnerId: p.bSeesA.partner.id }),
    ]);
    // the evidence file arrived intact (its bytes verified by the recipient's own check)
    const cases = await b.ok<{ items: Array<{ id: string; reference: string }> }>('cases.list', {});
    expect(cases.items.map((c) => c.reference)).toEqual(['KE-2026-7']);
    const items = await b.ok<Array<{ id: string; sha256: string; size: number }>>('evidence.list', {
      caseId: cases.items[0]!.id,
    });
    expect(items.map((e) => e.size)).toEqual([s.fileBytes.length]);
    expect(await b.ok('evidence.verify', { id: items[0]!.id })).toMatchObject({
      result: 'match',
      sha256: createHash('sha256').update(s.fileBytes).digest('hex'),
      size: s.fileBytes.length,
    });

    // --- the same bundle again: nothing changes
    const again = await b.ok<ImportResult>('bundles.import', { file: bundleHandle });
    expect(again.result).toBe('already-imported');

    // --- B saves the receipt for A; A imports it: delivered
    const receiptPath = join(p.dir, `${bundleId}.receipt.json`);
    expect(
      await b.ok('bundles.saveReceipt', { bundleId, target: await saveHandle(b, receiptPath, 'receipt') }),
    ).toEqual({ bundleId });
    expect(JSON.parse(readFileSync(receiptPath, 'utf8'))).toEqual(imported.receipt);
    // a receipt for a bundle this vault sent is not ours to write
    expect(
      await a.call('bundles.saveReceipt', {
        bundleId,
        target: await saveHandle(a, join(p.dir, 'mine.json'), 'receipt'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(existsSync(join(p.dir, 'mine.json'))).toBe(false);

    const delivered = await a.ok<ReceiptImport>('bundles.importReceipt', {
      file: await openHandle(a, receiptPath, 'receipt'),
    });
    expect(delivered).toEqual({ bundleId, status: 'delivered', changed: true, custodyEvents: 1 });
    expect((await a.ok<BundleLedgerEntry[]>('bundles.list', { direction: 'sent' }))[0]).toMatchObject({
      id: bundleId,
      status: 'delivered',
      hasReceipt: true,
    });
    expect(
      (await a.ok<ReceiptImport>('bundles.importReceipt', { file: await openHandle(a, receiptPath, 'receipt') }))
        .changed,
    ).toBe(false);
    const custody = await a.ok<{ events: Array<{ action: string }> }>('evidence.custodyLog', { id: s.evidenceId });
    expect(custody.events.map((e) => e.action).slice(-2)).toEqual(['shared', 'delivered']);

    // --- one bundle in full, its manifest through a strict schema
    const detail = await a.ok<{ manifest: { bundleId: string; entries: unknown[] }; receipt: unknown }>('bundles.get', {
      id: bundleId,
    });
    expect(detail.manifest.bundleId).toBe(bundleId);
    expect(detail.manifest.entries).toHaveLength(5);
    expect(detail.receipt).toEqual(imported.receipt);
    expect(await b.ok<ImportConflict[]>('bundles.conflicts', {})).toEqual([]);
    expect(await b.call('bundles.resolveConflict', { id: bundleId, resolution: 'kept-local' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('puts a bundle from a sender not verified yet in quarantine; accepts it once the key is verified; discards another', async () => {
    const p = keep(await pair({ verifyOnB: false }));
    const { a, b } = p;
    const s = await seed(p);
    const write = async (name: string) => {
      const path = join(p.dir, name);
      await a.ok('bundles.export', {
        ...(await shareInput(p, s, 'leave-out')),
        target: await saveHandle(a, path, 'bundle'),
      });
      return path;
    };
    const first = await write('first.cvbundle');
    const second = await write('second.cvbundle');

    const v = await b.ok<BundleVerification>('bundles.verify', { file: await openHandle(b, first, 'bundle') });
    expect(v.sender.keyStatus).toBe('unverified');
    const q1 = await b.ok<ImportResult>('bundles.import', { file: await openHandle(b, first, 'bundle') });
    const q2 = await b.ok<ImportResult>('bundles.import', { file: await openHandle(b, second, 'bundle') });
    expect([q1.result, q2.result]).toEqual(['quarantined', 'quarantined']);
    expect(q1.receipt.receipt.result).toBe('quarantined');
    expect((await b.ok<{ total: number }>('cases.list', {})).total).toBe(0);
    expect(
      (await b.ok<BundleLedgerEntry[]>('bundles.list', { status: 'quarantined' })).map((x) => x.id).sort(),
    ).toEqual([q1.bundleId, q2.bundleId].sort());

    // the sender is a partner here already (its card was imported): adding it from the card the
    // bundle carries finds the same key, unverified, and changes nothing
    expect(await b.ok('bundles.addSender', { bundleId: q1.bundleId })).toMatchObject({
      change: 'unchanged',
      key: { id: p.bSeesA.key.id, status: 'unverified' },
    });

    // not verified yet: accept refused, nothing written
    const total = await auditTotal(b);
    expect(await b.call('bundles.acceptQuarantined', { id: q1.bundleId })).toMatchObject({
      ok: false,
      error: { code: 'BUNDLE_SENDER_NOT_VERIFIED' },
    });
    expect(await auditTotal(b)).toBe(total);

    // discard the second (after the user confirmed in the app)
    expect(await b.ok('bundles.discardQuarantined', { id: q2.bundleId })).toEqual({
      bundleId: q2.bundleId,
      status: 'discarded',
    });
    expect(await auditActions(b, 1)).toEqual(['bundle.discarded']);

    // verify the sender's key (A reads out the number), then accept the first
    const readOut = (await safetyNumberOf(a, p.aSeesB.key.id)).groups.join(' ');
    await b.ok('partners.verifyKey', {
      keyId: p.bSeesA.key.id,
      safetyNumber: readOut,
      how: 'read-aloud',
      verifiedBy: 'Tomás',
    });
    const accepted = await b.ok<ImportResult>('bundles.acceptQuarantined', { id: q1.bundleId });
    expect(accepted).toMatchObject({ bundleId: q1.bundleId, result: 'imported' });
    expect(progressOf(b, 'bundles.acceptQuarantined').length).toBeGreaterThan(0);
    const statuses = Object.fromEntries(
      (await b.ok<BundleLedgerEntry[]>('bundles.list', {})).map((x) => [x.id, x.status]),
    );
    expect(statuses).toEqual({ [q1.bundleId]: 'imported', [q2.bundleId]: 'discarded' });
    expect((await b.ok<{ total: number }>('cases.list', {})).total).toBe(1);
  });

  it('a refused import leaves the vault byte for byte as it was: a flipped byte, a bundle for another vault', async () => {
    const p = keep(await pair());
    const { a, b } = p;
    const s = await seed(p);
    const good = join(p.dir, 'good.cvbundle');
    await a.ok('bundles.export', {
      ...(await shareInput(p, s, 'leave-out')),
      target: await saveHandle(a, good, 'bundle'),
    });
    const bytes = readFileSync(good);

    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 100]! ^= 0x01;
    writeFileSync(join(p.dir, 'flipped.cvbundle'), flipped);
    writeFileSync(join(p.dir, 'truncated.cvbundle'), bytes.subarray(0, bytes.length - 1000));

    for (const [name, code] of [
      ['flipped.cvbundle', 'AGE_PAYLOAD_CORRUPT'],
      // cut inside the last chunk: that chunk no longer authenticates
      ['truncated.cvbundle', 'AGE_PAYLOAD_CORRUPT'],
    ] as const) {
      const before = await frozen(b);
      const r = await b.call('bundles.import', { file: await openHandle(b, join(p.dir, name), 'bundle') });
      expect(r, name).toMatchObject({ ok: false, error: { code } });
      expectSameSnapshot(before, await frozen(b));
    }

    // a third vault, not a recipient: the bundle is not for it
    const c = await namedVault('Chen Wei', 'Third Party');
    open.push(c);
    const before = await frozen(c);
    const r = await c.call('bundles.verify', { file: await openHandle(c, good, 'bundle') });
    expect(r).toMatchObject({
      ok: false,
      error: { code: expect.stringMatching(/^(BUNDLE_NOT_FOR_US|AGE_NO_IDENTITY_MATCHED)$/) },
    });
    const r2 = await c.call('bundles.import', { file: await openHandle(c, good, 'bundle') });
    expect(r2).toMatchObject({ ok: false, error: { code: (r as { error: { code: string } }).error.code } });
    expectSameSnapshot(before, await frozen(c));

    // control: the method can fail — a real import changes the snapshot
    const control = await frozen(b);
    await b.ok('bundles.import', { file: await openHandle(b, good, 'bundle') });
    expect(() => expectSameSnapshot(control, snapshot(b.dir))).toThrow(/vault files changed/);
    // and the sender cannot import its own bundle
    expect(await a.call('bundles.import', { file: await openHandle(a, good, 'bundle') })).toMatchObject({
      ok: false,
      error: { code: 'BUNDLE_FROM_SELF' },
    });
  });

  it('takes files only as handles from the right dialog, and answers through strict schemas', async () => {
    const p = keep(await pair());
    const { a } = p;
    const s = await seed(p);
    // a save-dialog handle is not a bundle to read; an open-dialog handle is not a target
    const path = join(p.dir, 'x.cvbundle');
    expect(await a.call('bundles.verify', { file: await saveHandle(a, path, 'bundle') })).toMatchObject({
      ok: false,
      error: { code: 'FILE_HANDLE_INVALID' },
    });
    const cardPath = await exportCard(a, stick());
    expect(
      await a.call('bundles.export', {
        ...(await shareInput(p, s, 'leave-out')),
        target: await openHandle(a, cardPath, 'contact-card'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'FILE_HANDLE_INVALID' } });
    expect(await a.call('bundles.import', { file: path })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    // the answer of an export never carries the path
    const out = await a.ok<Record<string, unknown>>('bundles.export', {
      ...(await shareInput(p, s, 'leave-out')),
      target: await saveHandle(a, path, 'bundle'),
    });
    expect(JSON.stringify(out)).not.toContain(p.dir);
    const raw = await a.engine.call('bundles.list', {});
    if (!raw.ok) throw new Error(raw.error.code);
    const list = raw.value as BundleLedgerEntry[];
    expect(CONTRACT.bundles.list.output.safeParse(list).success).toBe(true);
    expect(CONTRACT.bundles.list.output.safeParse([{ ...list[0], quarantineBlob: 'x' }]).success).toBe(false);
    // a partner whose key is not verified cannot be chosen: the plan says why (and that the
    // partner policy does not clear them yet, and that their empty profile lets nothing through)
    const stranger = await importCard(
      a,
      await exportCard(await keepVault(await namedVault('Chen Wei', 'Third Party')), stick()),
    );
    const plan = await a.ok<BundlePlan>('bundles.plan', {
      ...(await shareInput(p, s, 'leave-out')),
      partnerId: stranger.partner.id,
      evidenceIds: [],
    });
    expect(plan.blockers.map((x) => x.code)).toEqual([
      'PARTNER_NOT_CLEARED',
      'BUNDLE_PARTNER_NOT_VERIFIED',
      'BUNDLE_EMPTY',
    ]);
  });
});

async function keepVault(v: IpcVault): Promise<IpcVault> {
  open.push(v);
  return v;
}
