// Recall notices (docs/bundle-format.md, "Recall notices"): export → withdraw → recall → the
// partner imports the notice → restricted or erased → receipt → delivered; and every refusal,
// with nothing written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PrivateKey } from '@signalapp/libsignal-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/canonical-json.js';
import { RecallNotice, type RecallReceiptFile } from '../../../shared/domain/recall.js';
import { all, get, run, sql } from '../../../src-main/engine/db/sql.js';
import { type AgeRecipient, encryptAge } from '../../../src-main/engine/age/index.js';
import { writeTar } from '../../../src-main/engine/tar/tar.js';
import { exportBundle, getBundle, importBundle } from '../../../src-main/engine/bundles/index.js';
import { importAny, importAnyReceipt, isRecallResult, peekKind } from '../../../src-main/engine/bundles/import-any.js';
import {
  importRecallNotice,
  importRecallReceipt,
  isRestricted,
  listRecalls,
  makeRecallReceipt,
  planRecall,
  recallReceiptText,
  restrictedIds,
  writeRecall,
  writeRecallReceipt,
  writeRecalls,
} from '../../../src-main/engine/bundles/recall/index.js';
import { noticeArchive } from '../../../src-main/engine/bundles/recall/notice.js';
import { addConsent, withdrawConsent } from '../../../src-main/engine/consents/consent-service.js';
import { contactCardOf } from '../../../src-main/engine/identity/contact-card.js';
import { signatureDigest } from '../../../src-main/engine/identity/vault-identity.js';
import { getPerson, createPerson, linkPerson } from '../../../src-main/engine/people/person-service.js';
import { addPartner } from '../../../src-main/engine/partners/partner-service.js';
import { importContactCard } from '../../../src-main/engine/partners/partner-keys.js';
import { cardFileText } from '../../../src-main/engine/identity/contact-card.js';
import { uuidv7 } from '../../../src-main/engine/util/ids.js';
import { consentOfCases } from '../../../src-main/engine/reports/scope.js';
import { codeOf, collect, expectSameSnapshot, tempDir } from '../../helpers.js';
import {
  type Side,
  closePersistent,
  dumpTables,
  outPath,
  recipientsOf,
  seedCase,
  twoVaults,
} from './bundle-helpers.js';

const TOLD = ['nature', 'purpose', 'use', 'consequences', 'right-to-refuse', 'right-to-withdraw'] as const;

/** sender → bundle → recipient imported it; the survivor's sharing consent then withdrawn at the sender. */
async function sharedThenWithdrawn(
  opts: { verify?: { sender?: boolean; recipient?: boolean }; persistent?: boolean } = {},
) {
  const { sender, recipient } = await twoVaults(opts);
  const seed = await seedCase(sender);
  const ex = await exportBundle(sender.ctx, {
    partnerId: sender.partnerId,
    caseIds: [seed.caseId],
    purpose: 'Referral',
    onMissingConsent: 'leave-out',
    out: outPath(),
  });
  const imported = await importBundle(recipient.ctx, ex.path);
  sender.setNow('2026-11-22T09:00:00.000Z');
  recipient.setNow('2026-11-22T09:00:00.000Z');
  withdrawConsent(sender.ctx, { id: seed.survivorConsentId, reason: 'Fears reprisals', at: '2026-11-22' });
  return { sender, recipient, seed, ex, imported };
}

function survivorConsentIds(s: Side, personId: string): string[] {
  return all<{ id: string }>(s.ctx.db, sql`SELECT id FROM consents WHERE person_id = ${personId} ORDER BY id`).map(
    (r) => r.id,
  );
}

/** Build a notice file from parts (for the refusal suite). */
async function craftNotice(o: {
  notice: Record<string, unknown> | Buffer;
  signer: Side | PrivateKey | null;
  signature?: Buffer;
  recipients: AgeRecipient[];
  entries?(json: Buffer, sig: Buffer | null): Array<{ name: string; data: Buffer }>;
  trailingPlaintext?: Buffer;
}): Promise<string> {
  const bytes = Buffer.isBuffer(o.notice) ? o.notice : Buffer.from(canonicalJson(o.notice), 'utf8');
  let sig: Buffer | null = o.signature ?? null;
  if (!sig && o.signer instanceof PrivateKey)
    sig = Buffer.from(o.signer.sign(new Uint8Array(signatureDigest('recall', bytes))));
  else if (!sig && o.signer) sig = (o.signer as Side).ctx.identity.sign('recall', bytes);
  let plain: AsyncIterable<Buffer>;
  if (o.entries) {
    const entries = o.entries(bytes, sig);
    plain = writeTar(entries.map((e) => ({ name: e.name, size: e.data.length, data: e.data })));
  } else if (sig) plain = noticeArchive(bytes, sig);
  else plain = writeTar([{ name: 'notice.json', size: bytes.length, data: bytes }]);
  let tarBytes = await collect(plain);
  if (o.trailingPlaintext) tarBytes = Buffer.concat([tarBytes, o.trailingPlaintext]);
  const file = path.join(tempDir('cv-recall-'), 'crafted.cvrecall');
  fs.writeFileSync(file, await collect(encryptAge([tarBytes], o.recipients)));
  return file;
}

/** A notice like ours, from `sender` to `recipient`, about `personId` (override anything). */
function noticeFor(sender: Side, recipient: Side, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'case-vault/recall-notice',
    formatVersion: 1,
    noticeId: uuidv7(sender.ctx.now().getTime()),
    createdAt: sender.ctx.now().toISOString(),
    sender: contactCardOf(sender.ctx),
    recipients: [
      { vaultId: recipient.ctx.vaultId, publicKey: recipient.ctx.identity.publicKey.toString('base64') },
      { vaultId: sender.ctx.vaultId, publicKey: sender.ctx.identity.publicKey.toString('base64') },
    ],
    action: 'restrict',
    personId: '01900000-0000-7000-8000-000000000001',
    consentId: '01900000-0000-7000-8000-000000000002',
    bundles: ['01900000-0000-7000-8000-000000000003'],
    records: [{ kind: 'people', id: '01900000-0000-7000-8000-000000000001' }],
    ...over,
  };
}

describe('recall notices: the round trip', () => {
  it('restrict: withdraw → recall → the partner restricts the person → receipt → delivered', async () => {
    const { sender, recipient, seed, ex } = await sharedThenWithdrawn();
    const consentIds = survivorConsentIds(sender, seed.survivorId);

    // the plan: one partner, the bundle, the person and the consent the bundle carried
    const plan = planRecall(sender.ctx, { consentId: seed.survivorConsentId });
    expect(plan).toMatchObject({ personId: seed.survivorId, withdrawn: true });
    expect(plan.partners).toEqual([
      {
        partnerId: sender.partnerId,
        name: expect.any(String),
        bundles: [ex.bundleId],
        records: [
          { kind: 'people', id: seed.survivorId },
          { kind: 'consents', id: seed.survivorConsentId },
        ],
        verifiedKeys: 1,
        sentBefore: 0,
      },
    ]);
    expect(consentIds).toContain(plan.consentId); // the withdrawal's version

    const dir = tempDir('cv-recall-out-');
    const written = await writeRecalls(sender.ctx, { consentId: seed.survivorConsentId, outDir: dir });
    expect(written).toHaveLength(1);
    const w = written[0]!;
    expect(w).toMatchObject({ partnerId: sender.partnerId, action: 'restrict', bundles: 1, records: 2 });
    expect(path.dirname(w.file)).toBe(path.resolve(dir));
    expect(path.basename(w.file)).toMatch(/^recall-partner-legal-aid-[0-9a-f-]{36}\.cvrecall$/);
    expect(fs.readdirSync(dir)).toEqual([path.basename(w.file)]); // no temp file left
    expect(listRecalls(sender.ctx)).toMatchObject([
      {
        id: w.noticeId,
        direction: 'sent',
        status: 'sent',
        partnerId: sender.partnerId,
        action: 'restrict',
        personId: seed.survivorId,
        bundles: 1,
        records: 2,
        counts: null,
      },
    ]);
    const sentAudit = all<{ details: string }>(
      sender.ctx.db,
      sql`SELECT details FROM audit_log WHERE action = 'recall.sent'`,
    );
    expect(sentAudit).toHaveLength(1);
    expect(sentAudit[0]!.details).not.toMatch(/Amina|AB-1|reprisals/);

    // the partner: the dispatcher recognises the notice and applies it
    expect(await peekKind(recipient.ctx, w.file)).toBe('recall');
    expect(await peekKind(recipient.ctx, ex.path)).toBe('bundle');
    expect(getPerson(recipient.ctx, seed.survivorId).restricted).toBeUndefined();
    const r = await importAny(recipient.ctx, w.file);
    expect(isRecallResult(r)).toBe(true);
    if (!isRecallResult(r)) return;
    expect(r).toMatchObject({
      noticeId: w.noticeId,
      result: 'applied',
      action: 'restrict',
      fromVault: sender.ctx.vaultId,
      partner: { id: recipient.partnerId },
      personId: seed.survivorId,
      counts: { restricted: 2, erased: 0, absent: 0, ignored: 0 },
      ignored: [],
    });
    expect(getPerson(recipient.ctx, seed.survivorId).restricted).toBe(true);
    expect(isRestricted(recipient.ctx, 'people', seed.survivorId)).toBe(true);
    expect(isRestricted(recipient.ctx, 'consents', seed.survivorConsentId)).toBe(true);
    expect(restrictedIds(recipient.ctx, 'people')).toEqual(new Set([seed.survivorId]));
    // the witness (never sent) and everything else are untouched
    expect(isRestricted(recipient.ctx, 'people', seed.witnessId)).toBe(false);
    expect(listRecalls(recipient.ctx)).toMatchObject([
      { id: w.noticeId, direction: 'received', status: 'applied', counts: { restricted: 2 } },
    ]);

    // the same notice again: nothing changes, the same receipt
    const tables = dumpTables(recipient.ctx);
    const again = await importRecallNotice(recipient.ctx, w.file);
    expect(again).toMatchObject({ result: 'already-applied', counts: r.counts });
    expect(again.receipt).toEqual(r.receipt);
    expect(dumpTables(recipient.ctx)).toEqual(tables);

    // the receipt goes back: delivered; twice changes nothing
    const receiptFile = await writeRecallReceipt(r.receipt, `${w.file}.receipt.json`);
    expect(await writeRecallReceipt(r.receipt, `${w.file}.receipt.json`)).toBe(receiptFile);
    const delivered = await importAnyReceipt(sender.ctx, receiptFile);
    expect(delivered).toEqual({ noticeId: w.noticeId, status: 'delivered', changed: true, counts: r.counts });
    expect(await importAnyReceipt(sender.ctx, receiptFile)).toMatchObject({ changed: false, status: 'delivered' });
    expect(listRecalls(sender.ctx, { direction: 'sent' })).toMatchObject([
      { id: w.noticeId, status: 'delivered', counts: r.counts },
    ]);
    // the bundle receipt path still works through the same entry point
    expect(getBundle(sender.ctx, ex.bundleId).status).toBe('sent');
    const bundleReceipt = path.join(tempDir('cv-recall-'), 'bundle.receipt.json');
    fs.writeFileSync(bundleReceipt, JSON.stringify((await importBundle(recipient.ctx, ex.path)).receipt));
    expect(await importAnyReceipt(sender.ctx, bundleReceipt)).toMatchObject({
      bundleId: ex.bundleId,
      status: 'delivered',
    });
  });

  it('erase: the person, their names, roles and consents from that origin are gone; nothing else', async () => {
    const { sender, recipient, seed } = await sharedThenWithdrawn();
    // the recipient restricted first (an earlier notice), then the erase comes
    const dir = tempDir('cv-recall-out-');
    const [first] = await writeRecalls(sender.ctx, { consentId: seed.survivorConsentId, outDir: dir });
    await importRecallNotice(recipient.ctx, first!.file);
    expect(getPerson(recipient.ctx, seed.survivorId).restricted).toBe(true);

    sender.setNow('2026-11-23T09:00:00.000Z');
    const [w] = await writeRecalls(sender.ctx, {
      consentId: seed.survivorConsentId,
      outDir: dir,
      action: 'erase',
      reason: 'The person asked for erasure',
    });
    expect(planRecall(sender.ctx, { consentId: seed.survivorConsentId }).partners[0]!.sentBefore).toBe(2);
    const before = { cases: dumpTables(recipient.ctx).cases, notes: dumpTables(recipient.ctx).notes };
    const r = await importRecallNotice(recipient.ctx, w!.file);
    expect(r).toMatchObject({
      result: 'applied',
      action: 'erase',
      counts: { erased: 2, restricted: 0, absent: 0, ignored: 0 },
      ignored: [],
    });
    const id = seed.survivorId;
    expect(get(recipient.ctx.db, sql`SELECT 1 FROM people WHERE id = ${id}`)).toBeUndefined();
    for (const q of [
      sql`SELECT count(*) AS n FROM person_names WHERE person_id = ${id}`,
      sql`SELECT count(*) AS n FROM case_people WHERE person_id = ${id}`,
      sql`SELECT count(*) AS n FROM consents WHERE person_id = ${id}`,
      sql`SELECT count(*) AS n FROM received_records WHERE record_id = ${id} OR record_id = ${seed.survivorConsentId}`,
      sql`SELECT count(*) AS n FROM restricted_records`,
      sql`SELECT count(*) AS n FROM erasure_in_progress`,
      sql`SELECT count(*) AS n FROM people WHERE pseudonym = 'AB-1'`,
    ]) {
      expect(get<{ n: number }>(recipient.ctx.db, q)!.n).toBe(0);
    }
    // the case and the rest of the bundle stay
    const after = dumpTables(recipient.ctx);
    expect(after.cases).toEqual(before.cases);
    expect(after.notes).toEqual(before.notes);
    expect(get<{ n: number }>(recipient.ctx.db, sql`SELECT count(*) AS n FROM people`)!.n).toBe(
      0 + get<{ n: number }>(recipient.ctx.db, sql`SELECT count(*) AS n FROM people WHERE id != ${id}`)!.n,
    );
    // audit: ids and counts only
    const entries = all<{ action: string; details: string }>(
      recipient.ctx.db,
      sql`SELECT action, details FROM audit_log WHERE action LIKE 'recall.%'`,
    );
    expect(entries.map((e) => e.action)).toEqual(['recall.applied', 'recall.applied']);
    for (const e of entries) expect(e.details).not.toMatch(/AB-1|Amina|erasure|reprisals/);
    // the receipt reports it, and a new notice of the same person now finds nothing here
    await writeRecallReceipt(r.receipt, `${w!.file}.receipt.json`);
    expect(await importAnyReceipt(sender.ctx, `${w!.file}.receipt.json`)).toMatchObject({
      status: 'delivered',
      counts: { erased: 2 },
    });
  });

  it("erase keeps a person that records made here still refer to (restricted instead), and never touches this vault's own consents", async () => {
    const { sender, recipient, seed } = await sharedThenWithdrawn();
    // the partner recorded its own consent for the received person
    const ours = addConsent(recipient.ctx, {
      personId: seed.survivorId,
      caseId: seed.caseId,
      purpose: 'processing',
      told: [...TOLD],
      method: 'written',
      givenAt: '2026-11-22',
    });
    const [w] = await writeRecalls(sender.ctx, {
      consentId: seed.survivorConsentId,
      outDir: tempDir('cv-recall-out-'),
      action: 'erase',
    });
    const r = await importRecallNotice(recipient.ctx, w!.file);
    expect(r).toMatchObject({
      counts: { erased: 1, restricted: 1, ignored: 0 },
      ignored: [{ kind: 'people', id: seed.survivorId, reason: 'kept-for-records-here' }],
    });
    expect(getPerson(recipient.ctx, seed.survivorId).restricted).toBe(true);
    expect(get(recipient.ctx.db, sql`SELECT id FROM consents WHERE id = ${ours.id}`)).toEqual({ id: ours.id });
    expect(get(recipient.ctx.db, sql`SELECT id FROM consents WHERE id = ${seed.survivorConsentId}`)).toBeUndefined();
  });
});

describe('recall notices: what a restriction prevents here', () => {
  it('a restricted person counts as not consenting in donor reports, even with a consent recorded here', async () => {
    const { sender, recipient, seed } = await sharedThenWithdrawn();
    // the partner recorded its own donor-reporting consent for the received person
    addConsent(recipient.ctx, {
      personId: seed.survivorId,
      caseId: seed.caseId,
      purpose: 'donor-reporting',
      recipient: { class: 'donor' },
      told: [...TOLD],
      method: 'written',
      givenAt: '2026-11-22',
    });
    const kase = {
      id: seed.caseId,
      reference: 'x',
      status: 'active',
      forum: null,
      country: null,
      stage: null,
      sensitivity: 'high' as const,
      openedOn: '2026-01-01',
      closedOn: null,
      takenOn: true,
    };
    const survivorIn = () =>
      consentOfCases(recipient.ctx.db, [kase], '2026-11-22T12:00:00.000Z')
        .get(seed.caseId)!
        .people.find((p) => p.personId === seed.survivorId)!;
    expect(survivorIn()).toMatchObject({ allowed: true });
    const [w] = await writeRecalls(sender.ctx, {
      consentId: seed.survivorConsentId,
      outDir: tempDir('cv-recall-out-'),
    });
    await importRecallNotice(recipient.ctx, w!.file);
    expect(survivorIn()).toMatchObject({ allowed: false, denial: 'withdrawn' });
  });
});

describe('recall notices: sending', () => {
  it('needs a withdrawn consent and a bundle that carried the person', async () => {
    const { sender, seed } = await sharedThenWithdrawn();
    const dir = tempDir('cv-recall-out-');
    // a given consent: not withdrawn
    const other = createPerson(sender.ctx, { fullName: 'Neema Wanjiru' });
    linkPerson(sender.ctx, { personId: other.id, caseId: seed.caseId, role: 'family' });
    const given = addConsent(sender.ctx, {
      personId: other.id,
      caseId: seed.caseId,
      purpose: 'sharing',
      recipient: { class: 'partner' },
      told: [...TOLD],
      method: 'written',
      givenAt: '2026-11-01',
    });
    expect(await codeOf(writeRecalls(sender.ctx, { consentId: given.id, outDir: dir }))).toBe('INVALID_TRANSITION');
    // the witness withdrew before the export and was left out: nothing to recall
    expect(await codeOf(writeRecalls(sender.ctx, { consentId: seed.witnessConsentId, outDir: dir }))).toBe(
      'RECALL_NOTHING_TO_RECALL',
    );
    expect(
      await codeOf(writeRecalls(sender.ctx, { consentId: '01900000-0000-7000-8000-00000000dead', outDir: dir })),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(writeRecalls(sender.ctx, { consentId: seed.survivorConsentId, outDir: path.join(dir, 'missing') })),
    ).toBe('IO_ERROR');
    expect(
      await codeOf(writeRecalls(sender.ctx, { consentId: seed.survivorConsentId, outDir: dir, action: 'shred' })),
    ).toBe('INVALID_INPUT');
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(listRecalls(sender.ctx)).toEqual([]);
  });

  it('refuses (naming it) a partner without a verified key, before writing anything; one file per partner otherwise', async () => {
    const { sender, recipient, seed, ex } = await sharedThenWithdrawn();
    // a second partner that received the person (its bundle in the ledger), key not verified
    const third = await twoVaults();
    const p2 = importContactCard(sender.ctx, { card: cardFileText(contactCardOf(third.recipient.ctx)), kind: 'ngo' });
    const manifest = JSON.parse(
      get<{ manifest: string }>(sender.ctx.db, sql`SELECT manifest FROM bundles WHERE id = ${ex.bundleId}`)!.manifest,
    ) as Record<string, unknown>;
    const fakeId = uuidv7(Date.parse('2026-11-21T13:00:00.000Z'));
    run(
      sender.ctx.db,
      sql`INSERT INTO bundles (id, direction, partner_id, sender_vault, sender_key, manifest_hash, manifest, purpose, created_at, expires_at, status, entries, bytes, recorded_at, updated_at)
          SELECT ${fakeId}, 'sent', ${p2.partner.id}, sender_vault, sender_key, randomblob(32), ${JSON.stringify({ ...manifest, bundleId: fakeId })}, purpose, created_at, expires_at, 'sent', entries, bytes, '2026-11-21T13:00:00.000Z', updated_at FROM bundles WHERE id = ${ex.bundleId}`,
    );
    const dir = tempDir('cv-recall-out-');
    const err = await writeRecalls(sender.ctx, { consentId: seed.survivorConsentId, outDir: dir }).catch(
      (e: Error & { code: string }) => e,
    );
    expect(err).toMatchObject({ code: 'BUNDLE_PARTNER_NOT_VERIFIED' });
    expect((err as Error).message).toContain(p2.partner.id);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(listRecalls(sender.ctx)).toEqual([]);
    expect(
      planRecall(sender.ctx, { consentId: seed.survivorConsentId }).partners.map((p) => [p.partnerId, p.verifiedKeys]),
    ).toEqual([
      [sender.partnerId, 1],
      [p2.partner.id, 0],
    ]);
    // one notice for the verified partner alone (the app's per-partner write)
    const one = await writeRecall(sender.ctx, {
      consentId: seed.survivorConsentId,
      partnerId: sender.partnerId,
      out: path.join(dir, 'for-partner.cvrecall'),
    });
    expect(one).toMatchObject({ partnerId: sender.partnerId, file: path.join(dir, 'for-partner.cvrecall') });
    expect(
      await codeOf(
        writeRecall(sender.ctx, {
          consentId: seed.survivorConsentId,
          partnerId: sender.partnerId,
          out: path.join(dir, 'for-partner.cvrecall'),
        }),
      ),
    ).toBe('EXPORT_TARGET_EXISTS');
    const unrelated = addPartner(sender.ctx, { name: 'Unrelated', kind: 'ngo', ddTier: 'small' });
    expect(
      await codeOf(
        writeRecall(sender.ctx, {
          consentId: seed.survivorConsentId,
          partnerId: unrelated.id,
          out: path.join(dir, 'x.cvrecall'),
        }),
      ),
    ).toBe('RECALL_NOTHING_TO_RECALL');
    expect(fs.readdirSync(dir)).toEqual(['for-partner.cvrecall']);
    void recipient;
  });
});

describe('recall notices: what the partner refuses, with nothing written', () => {
  let ctx: Awaited<ReturnType<typeof sharedThenWithdrawn>>;
  let good: string;
  let outDir: string;
  let snapshotBefore: Map<string, Buffer>;
  beforeAll(async () => {
    ctx = await sharedThenWithdrawn({ persistent: true });
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-recall-suite-'));
    const [w] = await writeRecalls(ctx.sender.ctx, { consentId: ctx.seed.survivorConsentId, outDir });
    good = w!.file;
  });
  afterAll(() => {
    closePersistent();
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  async function refused(file: string, side: Side = ctx.recipient): Promise<string> {
    snapshotBefore = await side.frozen();
    const code = await codeOf(importAny(side.ctx, file));
    expectSameSnapshot(snapshotBefore, await side.frozen());
    return code;
  }

  it('a damaged or extended file (age layer)', async () => {
    const bytes = fs.readFileSync(good);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 20]! ^= 0x01;
    const f1 = path.join(tempDir(), 'flip.cvrecall');
    fs.writeFileSync(f1, flipped);
    expect(await refused(f1)).toBe('AGE_PAYLOAD_CORRUPT');
    const f2 = path.join(tempDir(), 'trailing.cvrecall');
    fs.writeFileSync(f2, Buffer.concat([bytes, Buffer.from('more')]));
    expect(await refused(f2)).toBe('AGE_PAYLOAD_CORRUPT');
  });

  it('not for us, not listed, from ourselves', async () => {
    const { sender, recipient } = ctx;
    const n = noticeFor(sender, recipient);
    const stranger = await twoVaults();
    expect(
      await refused(
        await craftNotice({ notice: n, signer: sender, recipients: recipientsOf(stranger.sender.ctx, sender.ctx) }),
      ),
    ).toBe('BUNDLE_NOT_FOR_US');
    const notListed = noticeFor(sender, recipient, {
      recipients: [{ vaultId: sender.ctx.vaultId, publicKey: sender.ctx.identity.publicKey.toString('base64') }],
    });
    expect(
      await refused(
        await craftNotice({ notice: notListed, signer: sender, recipients: recipientsOf(recipient.ctx, sender.ctx) }),
      ),
    ).toBe('BUNDLE_NOT_LISTED');
    expect(await refused(good, sender)).toBe('BUNDLE_FROM_SELF');
  });

  it('archive: unsigned, a wrong-sized signature, a third entry, data after the end', async () => {
    const { sender, recipient } = ctx;
    const n = noticeFor(sender, recipient);
    const to = recipientsOf(recipient.ctx, sender.ctx);
    expect(await refused(await craftNotice({ notice: n, signer: null, recipients: to }))).toBe('BUNDLE_UNSIGNED');
    expect(
      await refused(await craftNotice({ notice: n, signer: null, signature: Buffer.alloc(63), recipients: to })),
    ).toBe('BUNDLE_SIGNATURE_INVALID');
    expect(
      await refused(
        await craftNotice({
          notice: n,
          signer: sender,
          recipients: to,
          entries: (j, s) => [
            { name: 'notice.json', data: j },
            { name: 'notice.sig', data: s! },
            { name: 'extra', data: Buffer.from('x') },
          ],
        }),
      ),
    ).toBe('BUNDLE_ENTRY_UNEXPECTED');
    expect(
      await refused(
        await craftNotice({
          notice: n,
          signer: sender,
          recipients: to,
          entries: (j, s) => [
            { name: 'notice.sig', data: s! },
            { name: 'notice.json', data: j },
          ],
        }),
      ),
    ).toBe('BUNDLE_MANIFEST_INVALID');
    expect(
      await refused(
        await craftNotice({ notice: n, signer: sender, recipients: to, trailingPlaintext: Buffer.alloc(512, 1) }),
      ),
    ).toBe('BUNDLE_TAR_INVALID');
  });

  it('notice.json: not strict JSON, not the schema', async () => {
    const { sender, recipient } = ctx;
    const to = recipientsOf(recipient.ctx, sender.ctx);
    const n = noticeFor(sender, recipient);
    expect(
      await refused(await craftNotice({ notice: Buffer.from('{"format":'), signer: sender, recipients: to })),
    ).toBe('RECALL_INVALID');
    expect(
      await refused(
        await craftNotice({
          notice: Buffer.from(`{"__proto__":{},${canonicalJson(n).slice(1)}`),
          signer: sender,
          recipients: to,
        }),
      ),
    ).toBe('RECALL_INVALID');
    expect(await refused(await craftNotice({ notice: { ...n, extra: 1 }, signer: sender, recipients: to }))).toBe(
      'RECALL_INVALID',
    );
    expect(
      await refused(await craftNotice({ notice: { ...n, action: 'shred' }, signer: sender, recipients: to })),
    ).toBe('RECALL_INVALID');
    expect(
      await refused(
        await craftNotice({
          notice: { ...n, records: [{ kind: 'people', id: '01900000-0000-7000-8000-0000000000ff' }] },
          signer: sender,
          recipients: to,
        }),
      ),
    ).toBe('RECALL_INVALID');
    expect(
      await refused(
        await craftNotice({
          notice: { ...n, records: [{ kind: 'notes', id: '01900000-0000-7000-8000-0000000000ff' }] },
          signer: sender,
          recipients: to,
        }),
      ),
    ).toBe('RECALL_INVALID');
    expect(await refused(await craftNotice({ notice: { ...n, bundles: [] }, signer: sender, recipients: to }))).toBe(
      'RECALL_INVALID',
    );
    expect(
      await refused(await craftNotice({ notice: { ...n, expiresAt: n.createdAt }, signer: sender, recipients: to })),
    ).toBe('RECALL_INVALID');
    expect(RecallNotice.safeParse(n).success).toBe(true);
  });

  it('signatures: tampered after signing, signed by another key, expired', async () => {
    const { sender, recipient } = ctx;
    const to = recipientsOf(recipient.ctx, sender.ctx);
    const n = noticeFor(sender, recipient);
    const sig = sender.ctx.identity.sign('recall', Buffer.from(canonicalJson(n)));
    const tampered = { ...n, action: 'erase' };
    expect(await refused(await craftNotice({ notice: tampered, signer: null, signature: sig, recipients: to }))).toBe(
      'BUNDLE_SIGNATURE_INVALID',
    );
    // a signature made for a manifest is not a notice's
    const asManifest = sender.ctx.identity.sign('manifest', Buffer.from(canonicalJson(n)));
    expect(await refused(await craftNotice({ notice: n, signer: null, signature: asManifest, recipients: to }))).toBe(
      'BUNDLE_SIGNATURE_INVALID',
    );
    // the sender's card, but another key signed
    expect(await refused(await craftNotice({ notice: n, signer: PrivateKey.generate(), recipients: to }))).toBe(
      'BUNDLE_SIGNATURE_INVALID',
    );
    const expiring = noticeFor(sender, recipient, {
      createdAt: '2026-11-01T00:00:00.000Z',
      expiresAt: '2026-11-02T00:00:00.000Z',
    });
    expect(await refused(await craftNotice({ notice: expiring, signer: sender, recipients: to }))).toBe(
      'BUNDLE_EXPIRED',
    );
    const future = noticeFor(sender, recipient, { createdAt: '2026-11-25T00:00:00.000Z' });
    expect(await refused(await craftNotice({ notice: future, signer: sender, recipients: to }))).toBe(
      'BUNDLE_NOT_YET_VALID',
    );
    const forever = noticeFor(sender, recipient, { expiresAt: '2040-01-01T00:00:00.000Z' });
    expect(await refused(await craftNotice({ notice: forever, signer: sender, recipients: to }))).toBe(
      'RECALL_INVALID',
    );
  });

  it('a signer that is not a verified partner: unknown vault, unverified key', async () => {
    // a self-consistent notice from a vault the recipient does not know
    const stranger = await twoVaults();
    const { recipient } = ctx;
    const n = noticeFor(stranger.sender, recipient);
    expect(
      await refused(
        await craftNotice({
          notice: n,
          signer: stranger.sender,
          recipients: recipientsOf(recipient.ctx, stranger.sender.ctx),
        }),
      ),
    ).toBe('BUNDLE_SENDER_NOT_VERIFIED');
    // a partner whose key was imported but never verified
    const unverified = await sharedThenWithdrawn({ verify: { recipient: false } });
    const [w] = await writeRecalls(unverified.sender.ctx, {
      consentId: unverified.seed.survivorConsentId,
      outDir: tempDir('cv-recall-out-'),
    });
    const err = await importAny(unverified.recipient.ctx, w!.file).catch((e: Error & { code: string }) => e);
    expect(err).toMatchObject({ code: 'BUNDLE_SENDER_NOT_VERIFIED', message: expect.stringMatching(/verify/i) });
    expect(await refused(w!.file, unverified.recipient)).toBe('BUNDLE_SENDER_NOT_VERIFIED');
  });

  it("a verified partner's notice never reaches records it did not originate", async () => {
    const { sender, recipient, seed } = ctx;
    // the recipient's own person and consent, and the received witness-free case
    const mine = createPerson(recipient.ctx, { fullName: 'Local Client', pseudonym: 'LC-1' });
    linkPerson(recipient.ctx, { personId: mine.id, caseId: seed.caseId, role: 'survivor' });
    const myConsent = addConsent(recipient.ctx, {
      personId: mine.id,
      caseId: seed.caseId,
      purpose: 'sharing',
      recipient: { class: 'partner' },
      told: [...TOLD],
      method: 'written',
      givenAt: '2026-11-01',
    });
    const tables = dumpTables(recipient.ctx);
    for (const action of ['restrict', 'erase'] as const) {
      const n = noticeFor(sender, recipient, {
        action,
        personId: mine.id,
        records: [
          { kind: 'people', id: mine.id },
          { kind: 'consents', id: myConsent.id },
        ],
      });
      const file = await craftNotice({
        notice: n,
        signer: sender,
        recipients: recipientsOf(recipient.ctx, sender.ctx),
      });
      const r = await importRecallNotice(recipient.ctx, file);
      expect(r).toMatchObject({ result: 'applied', counts: { restricted: 0, erased: 0, absent: 0, ignored: 2 } });
      expect(r.ignored).toEqual([
        { kind: 'people', id: mine.id, reason: 'other-origin' },
        { kind: 'consents', id: myConsent.id, reason: 'other-origin' },
      ]);
    }
    // the sender's own consent record listed under another person: not this person's
    const n = noticeFor(sender, recipient, {
      personId: mine.id,
      records: [{ kind: 'consents', id: seed.survivorConsentId }],
    });
    const r = await importRecallNotice(
      recipient.ctx,
      await craftNotice({ notice: n, signer: sender, recipients: recipientsOf(recipient.ctx, sender.ctx) }),
    );
    expect(r.ignored).toEqual([{ kind: 'consents', id: seed.survivorConsentId, reason: 'not-this-person' }]);
    const after = dumpTables(recipient.ctx);
    for (const t of ['people', 'person_names', 'case_people', 'consents', 'restricted_records', 'received_records'])
      expect(after[t], t).toEqual(tables[t]);
    expect(getPerson(recipient.ctx, mine.id).restricted).toBeUndefined();
  });

  it('the same notice id with other content is refused', async () => {
    const { sender, recipient } = ctx;
    const n = noticeFor(sender, recipient);
    const to = recipientsOf(recipient.ctx, sender.ctx);
    await importRecallNotice(recipient.ctx, await craftNotice({ notice: n, signer: sender, recipients: to }));
    expect(
      await refused(await craftNotice({ notice: { ...n, reason: 'changed' }, signer: sender, recipients: to })),
    ).toBe('DUPLICATE');
  });
});

describe('recall receipts: what the sender refuses', () => {
  it('unknown notice, another notice, a bad signature, not a receipt', async () => {
    const { sender, recipient, seed } = await sharedThenWithdrawn();
    const [w] = await writeRecalls(sender.ctx, {
      consentId: seed.survivorConsentId,
      outDir: tempDir('cv-recall-out-'),
    });
    const r = await importRecallNotice(recipient.ctx, w!.file);
    const dir = tempDir('cv-recall-rc-');
    const file = (name: string, value: unknown) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, typeof value === 'string' ? value : recallReceiptText(value as RecallReceiptFile));
      return f;
    };
    const refusedOn = async (f: string) => {
      const before = dumpTables(sender.ctx);
      const code = await codeOf(importAnyReceipt(sender.ctx, f));
      expect(dumpTables(sender.ctx)).toEqual(before);
      return code;
    };
    const good = r.receipt;
    const unknown = makeRecallReceipt(recipient.ctx, {
      noticeId: '01900000-0000-7000-8000-000000000000',
      noticeSha256: good.receipt.noticeSha256,
      action: 'restrict',
      counts: good.receipt.counts,
    });
    expect(await refusedOn(file('a.json', unknown))).toBe('RECALL_UNKNOWN');
    const mismatch = makeRecallReceipt(recipient.ctx, {
      noticeId: w!.noticeId,
      noticeSha256: '0'.repeat(64),
      action: 'restrict',
      counts: good.receipt.counts,
    });
    expect(await refusedOn(file('b.json', mismatch))).toBe('RECEIPT_MISMATCH');
    const changed = { ...good, receipt: { ...good.receipt, counts: { ...good.receipt.counts, erased: 9 } } };
    expect(await refusedOn(file('c.json', changed))).toBe('RECEIPT_SIGNATURE_INVALID');
    const self = makeRecallReceipt(sender.ctx, {
      noticeId: w!.noticeId,
      noticeSha256: good.receipt.noticeSha256,
      action: 'restrict',
      counts: good.receipt.counts,
    });
    expect(await refusedOn(file('d.json', self))).toBe('RECEIPT_SIGNATURE_INVALID');
    expect(await refusedOn(file('e.json', { ...good, extra: 1 }))).toBe('RECEIPT_INVALID');
    expect(await refusedOn(file('f.json', `{"__proto__":{},${recallReceiptText(good).slice(1)}`))).toBe(
      'RECEIPT_INVALID',
    );
    // a recall receipt for a notice the recipient received is not one we can import: ours, not theirs
    expect(() => importRecallReceipt(recipient.ctx, Buffer.from(recallReceiptText(good)))).toThrow(
      expect.objectContaining({ code: 'RECALL_UNKNOWN' }),
    );
    expect(listRecalls(sender.ctx)).toMatchObject([{ status: 'sent' }]);
  });
});
