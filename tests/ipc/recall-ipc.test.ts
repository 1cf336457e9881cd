/**
 * Recall notices through the real router, as the app does it: A shares a case with B; the
 * survivor withdraws at A; `bundles.recallPlan` names B; A saves B's notice through a save
 * dialog (`bundles.writeRecall`, kind 'recall'); B opens it in the inbox (`bundles.peek` says
 * 'recall'), applies it with `bundles.import` (the answer has `noticeId`), saves the receipt;
 * A imports the receipt (`bundles.importReceipt`) and `bundles.recalls` shows it delivered. A
 * refused notice (an unverified sender) leaves B's vault folder byte for byte as it was.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TOLD_ELEMENTS } from '../../shared/domain/consents.js';
import type { RecallImportResult, RecallLedgerEntry, RecallPlan } from '../../shared/domain/recall.js';
import { expectSameSnapshot, snapshot } from '../helpers.js';
import type { IpcVault } from './ipc-helpers.js';
import { PASSPHRASE, openHandle, pair, saveHandle, type Pair } from './exchange-ipc-helpers.js';

const open: IpcVault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.cleanup();
});
function keep(p: Pair): Pair {
  open.push(p.a, p.b);
  return p;
}

async function frozen(v: IpcVault): Promise<Map<string, Buffer>> {
  await v.ok('session.lock');
  const snap = snapshot(v.dir);
  await v.ok('vault.unlock', { passphrase: PASSPHRASE });
  return snap;
}

/** A shares a case with a consenting survivor with B, B imports it, the survivor withdraws at A. */
async function sharedThenWithdrawn(p: Pair) {
  const { a, b, aSeesB } = p;
  const partner = await a.ok<{ version: number }>('partners.get', { id: aSeesB.partner.id });
  await a.ok('partners.setSharingProfile', {
    partnerId: aSeesB.partner.id,
    expectedVersion: partner.version,
    allow: [{ kind: 'cases' }, { kind: 'people', fields: ['pseudonym'] }, { kind: 'consents' }],
  });
  const c = await a.ok<{ id: string }>('cases.create', { title: 'Detention at Kilima station' });
  const survivor = await a.ok<{ id: string }>('people.create', { fullName: 'Amina Bekele', pseudonym: 'AB-1' });
  await a.ok('people.link', { personId: survivor.id, caseId: c.id, role: 'survivor' });
  const consent = await a.ok<{ id: string }>('consents.add', {
    personId: survivor.id,
    caseId: c.id,
    purpose: 'sharing',
    recipient: { partnerId: aSeesB.partner.id },
    told: [...TOLD_ELEMENTS],
    method: 'written',
    givenAt: '2026-01-10',
  });
  const bundlePath = join(p.dir, 'case.cvbundle');
  await a.ok('bundles.export', {
    partnerId: aSeesB.partner.id,
    caseIds: [c.id],
    purpose: 'Referral',
    target: await saveHandle(a, bundlePath, 'bundle'),
  });
  await b.ok('bundles.import', { file: await openHandle(b, bundlePath, 'bundle') });
  const withdrawn = await a.ok<{ id: string }>('consents.withdraw', { id: consent.id, reason: 'Afraid of reprisals' });
  return { survivorId: survivor.id, consentId: consent.id, withdrawnId: withdrawn.id, bundlePath };
}

describe('recall notices through the router', () => {
  it('plan → write (save dialog) → peek → import (apply) → save receipt → import receipt → delivered', async () => {
    const p = keep(await pair());
    const { a, b } = p;
    const s = await sharedThenWithdrawn(p);

    const plan = await a.ok<RecallPlan>('bundles.recallPlan', { consentId: s.withdrawnId });
    expect(plan).toEqual({
      consentId: s.withdrawnId,
      personId: s.survivorId,
      withdrawn: true,
      partners: [
        {
          partnerId: p.aSeesB.partner.id,
          name: 'Partner Legal Aid',
          bundles: [expect.any(String)],
          records: [
            { kind: 'people', id: s.survivorId },
            { kind: 'consents', id: s.consentId },
          ],
          verifiedKeys: 1,
          sentBefore: 0,
        },
      ],
    });

    const noticePath = join(p.dir, 'partner-legal-aid.cvrecall');
    const written = await a.ok<Record<string, unknown>>('bundles.writeRecall', {
      consentId: s.consentId,
      partnerId: p.aSeesB.partner.id,
      target: await saveHandle(a, noticePath, 'recall'),
    });
    expect(Object.keys(written).sort()).toEqual(['action', 'bundles', 'noticeId', 'partnerId', 'records']); // no path in the answer
    expect(written).toMatchObject({ partnerId: p.aSeesB.partner.id, action: 'restrict', bundles: 1, records: 2 });
    expect(existsSync(noticePath)).toBe(true);
    // a path instead of a handle is refused
    expect(
      await a.call('bundles.writeRecall', {
        consentId: s.consentId,
        partnerId: p.aSeesB.partner.id,
        target: noticePath,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const file = await openHandle(b, noticePath, 'bundle');
    expect(await b.ok('bundles.peek', { file })).toEqual({ kind: 'recall' });
    expect(await b.ok('bundles.peek', { file: await openHandle(b, s.bundlePath, 'bundle') })).toEqual({
      kind: 'bundle',
    });
    const applied = await b.ok<RecallImportResult>('bundles.import', { file });
    expect(applied).toMatchObject({
      noticeId: written.noticeId,
      result: 'applied',
      action: 'restrict',
      personId: s.survivorId,
      partner: { id: p.bSeesA.partner.id, name: 'Haki Litigation Centre' },
      counts: { restricted: 2, erased: 0, absent: 0, ignored: 0 },
    });
    expect(await b.ok('people.get', { id: s.survivorId })).toMatchObject({ restricted: true });
    expect(await b.ok<RecallLedgerEntry[]>('bundles.recalls', {})).toMatchObject([
      { id: written.noticeId, direction: 'received', status: 'applied' },
    ]);

    const receiptPath = join(p.dir, 'recall.receipt.json');
    expect(
      await b.ok('bundles.saveRecallReceipt', {
        noticeId: written.noticeId,
        target: await saveHandle(b, receiptPath, 'receipt'),
      }),
    ).toEqual({ noticeId: written.noticeId });
    expect(
      await b.call('bundles.saveRecallReceipt', {
        noticeId: '01900000-0000-7000-8000-000000000000',
        target: await saveHandle(b, join(p.dir, 'no.json'), 'receipt'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await a.ok('bundles.importReceipt', { file: await openHandle(a, receiptPath, 'receipt') })).toEqual({
      noticeId: written.noticeId,
      status: 'delivered',
      changed: true,
      counts: applied.counts,
    });
    expect(await a.ok<RecallLedgerEntry[]>('bundles.recalls', { direction: 'sent' })).toMatchObject([
      { id: written.noticeId, status: 'delivered', counts: applied.counts },
    ]);
  });

  it('refuses: no withdrawal, nothing to recall, an unverified sender (nothing written)', async () => {
    const p = keep(await pair({ verifyOnB: false }));
    const { a, b } = p;
    const s = await sharedThenWithdrawn(p);
    const other = await a.ok<{ id: string }>('people.create', { fullName: 'Juma Otieno' });
    const c = await a.ok<{ id: string }>('cases.create', { title: 'Kept here' });
    await a.ok('people.link', { personId: other.id, caseId: c.id, role: 'witness' });
    const given = await a.ok<{ id: string }>('consents.add', {
      personId: other.id,
      caseId: c.id,
      purpose: 'sharing',
      recipient: { class: 'partner' },
      told: [...TOLD_ELEMENTS],
      method: 'written',
      givenAt: '2026-01-10',
    });
    let n = 0;
    const target = () => saveHandle(a, join(p.dir, `x-${++n}.cvrecall`), 'recall');
    expect(
      await a.call('bundles.writeRecall', {
        consentId: given.id,
        partnerId: p.aSeesB.partner.id,
        target: await target(),
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    await a.ok('consents.withdraw', { id: given.id, reason: 'changed their mind' });
    expect(
      await a.call('bundles.writeRecall', {
        consentId: given.id,
        partnerId: p.aSeesB.partner.id,
        target: await target(),
      }),
    ).toMatchObject({ ok: false, error: { code: 'RECALL_NOTHING_TO_RECALL' } });
    expect((await a.ok<RecallPlan>('bundles.recallPlan', { consentId: given.id })).partners).toEqual([]);
    expect(readdirSync(p.dir).filter((f) => f.endsWith('.cvrecall'))).toEqual([]);

    const noticePath = join(p.dir, 'n.cvrecall');
    await a.ok('bundles.writeRecall', {
      consentId: s.consentId,
      partnerId: p.aSeesB.partner.id,
      target: await saveHandle(a, noticePath, 'recall'),
    });
    const before = await frozen(b);
    expect(await b.call('bundles.import', { file: await openHandle(b, noticePath, 'bundle') })).toMatchObject({
      ok: false,
      error: { code: 'BUNDLE_SENDER_NOT_VERIFIED' },
    });
    expectSameSnapshot(before, await frozen(b));
  });
});
