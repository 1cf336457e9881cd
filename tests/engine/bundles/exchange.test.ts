// Export → verify → import between two vaults that verified each other; consent modes, the
// sharing profile, quarantine, re-import, updates, conflicts and the receipt loop.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundlePlan, ImportResult, BundleVerification, BundleLedgerEntry } from '../../../shared/domain/bundles.js';
import { collect, codeOf, expectSameSnapshot } from '../../helpers.js';
import { all, get, sql } from '../../../src-main/engine/db/sql.js';
import { decryptAge } from '../../../src-main/engine/age/index.js';
import { TarReader } from '../../../src-main/engine/tar/tar.js';
import {
  acceptQuarantined,
  discardQuarantined,
  exportBundle,
  getBundle,
  importBundle,
  importReceipt,
  listBundles,
  listImportConflicts,
  planBundle,
  resolveImportConflict,
  verifyBundle,
  writeReceipt,
} from '../../../src-main/engine/bundles/index.js';
import { readEvidence } from '../../../src-main/engine/evidence/evidence-service.js';
import { listCustodyEvents, verifyCustodyChain } from '../../../src-main/engine/evidence/custody-log.js';
import { updateNote } from '../../../src-main/engine/notes/note-service.js';
import { getCase, updateCase } from '../../../src-main/engine/cases/case-service.js';
import { listAudit } from '../../../src-main/engine/audit/audit-log.js';
import { type Side, dumpTables, outPath, seedCase, sha256, twoVaults, verifyPartner } from './bundle-helpers.js';

const exportInput = (s: Side, caseId: string, extra: Record<string, unknown> = {}) => ({
  partnerId: s.partnerId,
  caseIds: [caseId],
  purpose: 'Referral to the regional commission',
  onMissingConsent: 'leave-out',
  out: outPath(),
  ...extra,
});

/** The decrypted tar of a bundle, entry by entry (with the recipient's key). */
async function entriesOf(file: string, s: Side): Promise<Array<{ name: string; data: Buffer }>> {
  const id = s.ctx.identity.bundleIdentity();
  try {
    const r = new TarReader(decryptAge(fs.createReadStream(file), [id]));
    const out: Array<{ name: string; data: Buffer }> = [];
    for (let e = await r.next(); e; e = await r.next()) out.push({ name: e.name, data: await r.readAll() });
    return out;
  } finally {
    id.dispose();
  }
}

describe('bundle export and import', () => {
  it('round trip: records, evidence bytes, origins, custody, ledger, audit, receipt loop', async () => {
    const { sender, recipient } = await twoVaults();
    const seed = await seedCase(sender);
    const input = exportInput(sender, seed.caseId, { evidenceIds: [seed.evidenceId] });

    const plan = planBundle(sender.ctx, input);
    expect(BundlePlan.parse(plan)).toEqual(plan);
    expect(plan.blockers).toEqual([]);
    expect(plan.included).toEqual({
      cases: 1,
      people: 1,
      consents: 1,
      evidence: 2,
      notes: 1,
      deadlines: 1,
      outcomes: 1,
    });
    expect(plan.leftOut).toEqual([
      {
        personId: seed.witnessId,
        pseudonym: 'W-2',
        caseId: seed.caseId,
        reason: 'withdrawn',
        message: expect.stringContaining('withdrew') as string,
      },
    ]);
    expect(plan.consentIds).toEqual([seed.survivorConsentId]);
    expect(plan.evidenceFiles).toEqual([{ id: seed.evidenceId, size: seed.fileBytes.length }]);

    const progress: number[] = [];
    const ex = await exportBundle(sender.ctx, input, (p) => progress.push(p.done));
    expect(ex.files).toBe(1);
    expect(fs.statSync(ex.path).size).toBe(ex.bytes);
    expect(progress.at(-1)).toBeGreaterThan(seed.fileBytes.length);
    expect(ex.recipients.map((r) => r.vaultId)).toEqual([recipient.ctx.vaultId, sender.ctx.vaultId]);

    // the sender's ledger, custody and audit
    const sent = listBundles(sender.ctx);
    expect(sent).toHaveLength(1);
    expect(BundleLedgerEntry.parse(sent[0])).toMatchObject({
      id: ex.bundleId,
      direction: 'sent',
      status: 'sent',
      partnerId: sender.partnerId,
      manifestSha256: ex.manifestSha256,
      bytes: ex.bytes,
    });
    const shared = listCustodyEvents(sender.ctx.db, seed.evidenceId).filter((e) => e.action === 'shared');
    expect(shared.map((e) => e.details)).toEqual([{ bundleId: ex.bundleId, partnerId: sender.partnerId, file: true }]);
    expect(
      listCustodyEvents(sender.ctx.db, seed.metaOnlyEvidenceId)
        .filter((e) => e.action === 'shared')
        .map((e) => e.details),
    ).toEqual([{ bundleId: ex.bundleId, partnerId: sender.partnerId, file: false }]);
    const exported = listAudit(sender.ctx.db).filter((a) => a.action === 'bundle.exported');
    expect(exported).toHaveLength(1);
    expect(JSON.stringify(exported[0]!.details)).not.toMatch(/Amina|AB-1|Kilima|Referral/);

    // verify changes nothing
    const before = dumpTables(recipient.ctx);
    const v = await verifyBundle(recipient.ctx, ex.path);
    expect(BundleVerification.parse(v)).toEqual(v);
    expect(v).toMatchObject({
      bundleId: ex.bundleId,
      purpose: 'Referral to the regional commission',
      expired: false,
      files: 1,
      alreadyImported: false,
      consentIds: [seed.survivorConsentId],
    });
    expect(v.sender).toMatchObject({
      keyStatus: 'verified',
      partner: { id: recipient.partnerId },
      card: { vaultId: sender.ctx.vaultId, organisation: 'Haki Litigation Centre' },
    });
    expect(v.contents).toEqual(plan.included);
    expect(dumpTables(recipient.ctx)).toEqual(before);

    // import
    const r = await importBundle(recipient.ctx, ex.path);
    expect(ImportResult.parse(r)).toEqual(r);
    expect(r.result).toBe('imported');
    expect(r.counts.created).toEqual({
      cases: 1,
      people: 1,
      consents: 1,
      evidence: 2,
      notes: 1,
      deadlines: 1,
      outcomes: 1,
    });
    expect(r.counts.files).toBe(1);
    expect(r.conflicts).toEqual([]);
    expect(r.skipped).toEqual([]);

    const db = recipient.ctx.db;
    const c = get<Record<string, unknown>>(db, sql`SELECT * FROM cases WHERE id = ${seed.caseId}`)!;
    expect(c).toMatchObject({
      title: 'Detention of A.B. at Kilima station',
      summary: '',
      strategy: '',
      sensitivity: 'extreme',
      origin_vault: sender.ctx.vaultId,
      version: 1,
      country: 'KE',
    });
    const p = get<Record<string, unknown>>(db, sql`SELECT * FROM people WHERE id = ${seed.survivorId}`)!;
    expect(p).toMatchObject({
      full_name: 'AB-1',
      pseudonym: 'AB-1',
      birth_date: null,
      contact: '',
      safety_notes: '',
      gender: 'female',
      origin_vault: sender.ctx.vaultId,
    });
    expect(get(db, sql`SELECT count(*) AS n FROM people WHERE id = ${seed.witnessId}`)).toEqual({ n: 0 });
    expect(all(db, sql`SELECT role FROM case_people WHERE case_id = ${seed.caseId}`)).toEqual([{ role: 'survivor' }]);
    expect(
      get(db, sql`SELECT state, recipient_partner_id, told_nature FROM consents WHERE id = ${seed.survivorConsentId}`),
    ).toEqual({ state: 'given', recipient_partner_id: null, told_nature: 1 });

    // the file: same bytes, custody 'received', chain intact
    const got = await collect(
      readEvidence(recipient.ctx, seed.evidenceId, { purpose: 'view' }) as AsyncIterable<Buffer>,
    );
    expect(got.equals(seed.fileBytes)).toBe(true);
    const received = listCustodyEvents(db, seed.evidenceId);
    expect(received[0]).toMatchObject({
      action: 'received',
      details: { bundleId: ex.bundleId, fromVault: sender.ctx.vaultId, size: seed.fileBytes.length },
    });
    expect(verifyCustodyChain(db, seed.evidenceId).ok).toBe(true);
    // metadata only: waits for its file
    expect(get(db, sql`SELECT count(*) AS n FROM evidence WHERE id = ${seed.metaOnlyEvidenceId}`)).toEqual({ n: 0 });
    expect(
      JSON.parse(
        get<{ record: string }>(
          db,
          sql`SELECT record FROM received_evidence_metadata WHERE id = ${seed.metaOnlyEvidenceId}`,
        )!.record,
      ),
    ).toMatchObject({ title: 'Cell photo', type: 'photo' });

    expect(
      all(
        db,
        sql`SELECT kind, origin_vault, bundle_id, received_version, local_version FROM received_records ORDER BY kind`,
      ),
    ).toHaveLength(8);
    expect(listBundles(recipient.ctx, { direction: 'received' })[0]).toMatchObject({
      id: ex.bundleId,
      status: 'imported',
      partnerId: recipient.partnerId,
      hasReceipt: true,
    });
    const imported = listAudit(db).filter((a) => a.action === 'bundle.imported');
    expect(imported).toHaveLength(1);
    expect(JSON.stringify(imported[0]!.details)).not.toMatch(/Amina|AB-1|Kilima|Referral/);

    // the receipt loop
    expect(r.receipt.receipt).toMatchObject({
      bundleId: ex.bundleId,
      manifestSha256: ex.manifestSha256,
      result: 'imported',
      counts: { files: 1 },
    });
    const receiptFile = path.join(path.dirname(ex.path), 'receipt.json');
    await writeReceipt(r.receipt, receiptFile);
    const ri = await importReceipt(sender.ctx, receiptFile);
    expect(ri).toEqual({ bundleId: ex.bundleId, status: 'delivered', changed: true, custodyEvents: 2 });
    expect(listCustodyEvents(sender.ctx.db, seed.evidenceId).at(-1)).toMatchObject({
      action: 'delivered',
      details: { bundleId: ex.bundleId },
    });
    expect(getBundle(sender.ctx, ex.bundleId)).toMatchObject({ status: 'delivered', hasReceipt: true });
    expect(verifyCustodyChain(sender.ctx.db, seed.evidenceId).ok).toBe(true);
    // twice: nothing changes
    const senderBefore = dumpTables(sender.ctx);
    expect(await importReceipt(sender.ctx, receiptFile)).toEqual({
      bundleId: ex.bundleId,
      status: 'delivered',
      changed: false,
      custodyEvents: 0,
    });
    expect(dumpTables(sender.ctx)).toEqual(senderBefore);
  });

  it('a field the profile excludes never appears in the decrypted archive', async () => {
    const { sender, recipient } = await twoVaults();
    const seed = await seedCase(sender);
    const ex = await exportBundle(sender.ctx, exportInput(sender, seed.caseId, { evidenceIds: [seed.evidenceId] }));
    const entries = await entriesOf(ex.path, recipient);
    expect(entries.map((e) => e.name)).toEqual([
      'manifest.json',
      'manifest.sig',
      `records/cases/${seed.caseId}.json`,
      `records/people/${seed.survivorId}.json`,
      `records/consents/${seed.survivorConsentId}.json`,
      ...[seed.evidenceId, seed.metaOnlyEvidenceId].sort().map((id) => `records/evidence/${id}.json`),
      `records/notes/${seed.noteId}.json`,
      `records/deadlines/${seed.deadlineId}.json`,
      `records/outcomes/${seed.outcomeId}.json`,
      `files/${sha256(seed.fileBytes)}`,
    ]);
    const text = Buffer.concat(entries.filter((e) => !e.name.startsWith('files/')).map((e) => e.data)).toString('utf8');
    for (const secret of [
      'Amina',
      'Bekele',
      'Juma',
      'W-2',
      '+254',
      'border',
      'Secret summary',
      'Secret strategy',
      'Names the officers',
      'Interview at the clinic',
      '1990-04-02',
      'juma@example.org',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('AB-1');
    const person = JSON.parse(entries[3]!.data.toString('utf8')) as Record<string, unknown>;
    expect(person).toEqual({
      id: seed.survivorId,
      version: 1,
      originVault: sender.ctx.vaultId,
      pseudonym: 'AB-1',
      gender: 'female',
      birthYear: 1990,
      country: 'KE',
      roles: [{ caseId: seed.caseId, role: 'survivor' }],
    });
  });

  it('refuse mode names who did not consent and writes nothing', async () => {
    const { sender } = await twoVaults();
    const seed = await seedCase(sender);
    const input = exportInput(sender, seed.caseId, { onMissingConsent: 'refuse' });
    expect(planBundle(sender.ctx, input).blockers.map((b) => b.code)).toEqual(['BUNDLE_CONSENT_MISSING']);
    const before = dumpTables(sender.ctx);
    let message = '';
    try {
      await exportBundle(sender.ctx, input);
    } catch (e) {
      expect((e as { code: string }).code).toBe('BUNDLE_CONSENT_MISSING');
      message = (e as Error).message;
    }
    expect(message).toContain(seed.witnessId);
    expect(message).toContain('withdrew');
    expect(message).not.toContain('Juma');
    expect(fs.existsSync(input.out)).toBe(false);
    expect(fs.readdirSync(path.dirname(input.out))).toEqual([]);
    expect(dumpTables(sender.ctx)).toEqual(before);
  });

  it('refuses a partner without a verified key', async () => {
    const { sender } = await twoVaults({ verify: { sender: false } });
    const seed = await seedCase(sender);
    const input = exportInput(sender, seed.caseId);
    expect(planBundle(sender.ctx, input).blockers[0]!.code).toBe('BUNDLE_PARTNER_NOT_VERIFIED');
    expect(await codeOf(exportBundle(sender.ctx, input))).toBe('BUNDLE_PARTNER_NOT_VERIFIED');
    expect(fs.readdirSync(path.dirname(input.out))).toEqual([]);
  });

  it('never overwrites the output file', async () => {
    const { sender } = await twoVaults();
    const seed = await seedCase(sender);
    const input = exportInput(sender, seed.caseId);
    fs.writeFileSync(input.out, 'precious');
    const before = dumpTables(sender.ctx);
    expect(await codeOf(exportBundle(sender.ctx, input))).toBe('EXPORT_TARGET_EXISTS');
    expect(fs.readFileSync(input.out, 'utf8')).toBe('precious');
    expect(fs.readdirSync(path.dirname(input.out))).toEqual([path.basename(input.out)]);
    expect(dumpTables(sender.ctx)).toEqual(before);
  });

  it('a stored file that no longer matches its hash stops the export; no file, no row', async () => {
    const { sender } = await twoVaults();
    const seed = await seedCase(sender);
    const blobId = get<{ blob_id: string }>(
      sender.ctx.db,
      sql`SELECT blob_id FROM evidence WHERE id = ${seed.evidenceId}`,
    )!.blob_id;
    const file = sender.ctx.blobs.pathFor(blobId);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 40] = bytes[bytes.length - 40]! ^ 1;
    fs.writeFileSync(file, bytes);
    const input = exportInput(sender, seed.caseId, { evidenceIds: [seed.evidenceId] });
    const before = dumpTables(sender.ctx);
    expect(await codeOf(exportBundle(sender.ctx, input))).toBe('EVIDENCE_HASH_MISMATCH');
    expect(fs.readdirSync(path.dirname(input.out))).toEqual([]);
    expect(dumpTables(sender.ctx)).toEqual(before);
  });

  it('plan blockers: unknown case, evidence not in the chosen cases', async () => {
    const { sender } = await twoVaults();
    const seed = await seedCase(sender);
    const other = await seedCase(sender);
    const plan = planBundle(
      sender.ctx,
      exportInput(sender, seed.caseId, {
        caseIds: [seed.caseId, '01900000-0000-7000-8000-000000000000'],
        evidenceIds: [other.evidenceId],
      }),
    );
    expect(plan.blockers.map((b) => b.code)).toEqual(['NOT_FOUND', 'INVALID_INPUT']);
  });

  it('an unverified sender goes to quarantine; verify, then accept imports it', async () => {
    const { sender, recipient } = await twoVaults({ verify: { recipient: false } });
    const seed = await seedCase(sender);
    const ex = await exportBundle(sender.ctx, exportInput(sender, seed.caseId, { evidenceIds: [seed.evidenceId] }));
    const q = await importBundle(recipient.ctx, ex.path);
    expect(q.result).toBe('quarantined');
    expect(q.receipt.receipt.result).toBe('quarantined');
    const db = recipient.ctx.db;
    expect(get(db, sql`SELECT count(*) AS n FROM cases`)).toEqual({ n: 0 });
    const row = get<{ status: string; quarantine_blob: string }>(
      db,
      sql`SELECT status, quarantine_blob FROM bundles WHERE id = ${ex.bundleId}`,
    )!;
    expect(row.status).toBe('quarantined');
    // the quarantined copy is the bundle file, byte for byte (still age-encrypted inside the store)
    expect((await collect(recipient.ctx.blobs.get(row.quarantine_blob))).equals(fs.readFileSync(ex.path))).toBe(true);
    expect(await codeOf(acceptQuarantined(recipient.ctx, ex.bundleId))).toBe('BUNDLE_SENDER_NOT_VERIFIED');
    // importing it again while unverified: nothing changes
    const again = await importBundle(recipient.ctx, ex.path);
    expect(again.result).toBe('quarantined');
    expect(again.receipt).toEqual(q.receipt);

    verifyPartner(recipient, sender);
    recipient.setNow('2027-06-01'); // long after the expiry: judged as of its arrival
    const a = await acceptQuarantined(recipient.ctx, ex.bundleId);
    expect(a.result).toBe('imported');
    expect(a.counts.created.cases).toBe(1);
    expect(get(db, sql`SELECT status, quarantine_blob FROM bundles WHERE id = ${ex.bundleId}`)).toEqual({
      status: 'imported',
      quarantine_blob: null,
    });
    expect(get(db, sql`SELECT count(*) AS n FROM blobs WHERE id = ${row.quarantine_blob}`)).toEqual({ n: 0 });
    expect(fs.existsSync(recipient.ctx.blobs.pathFor(row.quarantine_blob))).toBe(false);
    expect(await codeOf(acceptQuarantined(recipient.ctx, ex.bundleId))).toBe('INVALID_TRANSITION');
  });

  it('discard removes the quarantined copy', async () => {
    const { sender, recipient } = await twoVaults({ verify: { recipient: false } });
    const seed = await seedCase(sender);
    const ex = await exportBundle(sender.ctx, exportInput(sender, seed.caseId));
    await importBundle(recipient.ctx, ex.path);
    const blob = get<{ quarantine_blob: string }>(
      recipient.ctx.db,
      sql`SELECT quarantine_blob FROM bundles`,
    )!.quarantine_blob;
    expect(await discardQuarantined(recipient.ctx, ex.bundleId)).toEqual({
      bundleId: ex.bundleId,
      status: 'discarded',
    });
    expect(get(recipient.ctx.db, sql`SELECT count(*) AS n FROM blobs`)).toEqual({ n: 0 });
    expect(fs.existsSync(recipient.ctx.blobs.pathFor(blob))).toBe(false);
    expect(listAudit(recipient.ctx.db).at(-1)!.action).toBe('bundle.discarded');
  });

  it('the same bundle twice changes nothing and returns the same receipt', async () => {
    const { sender, recipient } = await twoVaults();
    const seed = await seedCase(sender);
    const ex = await exportBundle(sender.ctx, exportInput(sender, seed.caseId, { evidenceIds: [seed.evidenceId] }));
    const first = await importBundle(recipient.ctx, ex.path);
    const frozen = await recipient.frozen();
    const second = await importBundle(recipient.ctx, ex.path);
    expect(second.result).toBe('already-imported');
    expect(second.receipt).toEqual(first.receipt);
    expectSameSnapshot(frozen, await recipient.frozen());
    expect((await verifyBundle(recipient.ctx, ex.path)).alreadyImported).toBe(true);
  });

  it('a newer version updates the record; a local edit makes a conflict', async () => {
    const { sender, recipient } = await twoVaults();
    const seed = await seedCase(sender);
    await importBundle(recipient.ctx, (await exportBundle(sender.ctx, exportInput(sender, seed.caseId))).path);

    // newer version, no local edit → update
    updateNote(sender.ctx, { id: seed.noteId, body: 'Hearing moved to March.' });
    updateCase(sender.ctx, { id: seed.caseId, title: 'Detention at Kilima (amended)' });
    const r2 = await importBundle(
      recipient.ctx,
      (await exportBundle(sender.ctx, exportInput(sender, seed.caseId))).path,
    );
    expect(r2.counts.updated).toMatchObject({ cases: 1, notes: 1 });
    expect(r2.counts.unchanged).toMatchObject({ people: 1, consents: 1, deadlines: 1, outcomes: 1 });
    expect(get(recipient.ctx.db, sql`SELECT body, version FROM notes WHERE id = ${seed.noteId}`)).toEqual({
      body: 'Hearing moved to March.',
      version: 2,
    });
    expect(get(recipient.ctx.db, sql`SELECT title, version FROM cases WHERE id = ${seed.caseId}`)).toEqual({
      title: 'Detention at Kilima (amended)',
      version: 2,
    });

    // a local edit, then a newer version from the sender → conflict, local row untouched
    updateNote(recipient.ctx, { id: seed.noteId, body: 'Our own reading of the hearing.' });
    updateNote(sender.ctx, { id: seed.noteId, body: 'Hearing moved to April.' });
    const r3 = await importBundle(
      recipient.ctx,
      (await exportBundle(sender.ctx, exportInput(sender, seed.caseId))).path,
    );
    expect(r3.counts.conflicts).toBe(1);
    expect(r3.conflicts).toEqual([
      { id: expect.any(String) as string, kind: 'notes', recordId: seed.noteId, incomingVersion: 3, localVersion: 3 },
    ]);
    expect(get(recipient.ctx.db, sql`SELECT body FROM notes WHERE id = ${seed.noteId}`)).toEqual({
      body: 'Our own reading of the hearing.',
    });
    expect(listImportConflicts(recipient.ctx)).toHaveLength(1);

    // take the incoming side: a new local version, no longer in conflict
    const resolved = resolveImportConflict(recipient.ctx, { id: r3.conflicts[0]!.id, resolution: 'took-incoming' });
    expect(resolved).toMatchObject({ resolution: 'took-incoming' });
    expect(get(recipient.ctx.db, sql`SELECT body, version FROM notes WHERE id = ${seed.noteId}`)).toEqual({
      body: 'Hearing moved to April.',
      version: 4,
    });
    expect(listImportConflicts(recipient.ctx)).toEqual([]);
    expect(
      await codeOf(
        Promise.resolve().then(() =>
          resolveImportConflict(recipient.ctx, { id: r3.conflicts[0]!.id, resolution: 'kept-local' }),
        ),
      ),
    ).toBe('INVALID_TRANSITION');

    // the sender moves on again: an ordinary update now
    updateNote(sender.ctx, { id: seed.noteId, body: 'Hearing on 3 May.' });
    const r4 = await importBundle(
      recipient.ctx,
      (await exportBundle(sender.ctx, exportInput(sender, seed.caseId))).path,
    );
    expect(r4.counts.updated.notes).toBe(1);
    expect(get(recipient.ctx.db, sql`SELECT body, version FROM notes WHERE id = ${seed.noteId}`)).toEqual({
      body: 'Hearing on 3 May.',
      version: 4,
    });
    expect(getCase(recipient.ctx, seed.caseId).version).toBe(2);
  });

  it('evidence described first, its file in a later bundle; a reference already taken here; records whose links are missing are skipped', async () => {
    const { sender, recipient } = await twoVaults();
    const seed = await seedCase(sender);
    // the recipient already has a case with the sender's reference
    const ref = getCase(sender.ctx, seed.caseId).reference;
    const { createCase } = await import('../../../src-main/engine/cases/case-service.js');
    createCase(recipient.ctx, { title: 'Our own case', reference: ref });
    const r1 = await importBundle(
      recipient.ctx,
      (await exportBundle(sender.ctx, exportInput(sender, seed.caseId))).path,
    );
    expect(r1.counts.created.evidence).toBe(2);
    expect(get(recipient.ctx.db, sql`SELECT reference FROM cases WHERE id = ${seed.caseId}`)).toEqual({
      reference: `${sender.ctx.vaultId.slice(-8)}-${ref}`,
    });
    expect(get(recipient.ctx.db, sql`SELECT count(*) AS n FROM received_evidence_metadata`)).toEqual({ n: 2 });
    // this vault's own numbering still works
    expect(createCase(recipient.ctx, { title: 'Next' }).reference).toMatch(/^CV-\d{4}-\d{6}$/);

    const r2 = await importBundle(
      recipient.ctx,
      (await exportBundle(sender.ctx, exportInput(sender, seed.caseId, { evidenceIds: [seed.evidenceId] }))).path,
    );
    expect(r2.counts.files).toBe(1);
    expect(get(recipient.ctx.db, sql`SELECT count(*) AS n FROM received_evidence_metadata`)).toEqual({ n: 1 });
    expect(
      get(recipient.ctx.db, sql`SELECT title, type, sha256, size FROM evidence WHERE id = ${seed.evidenceId}`),
    ).toEqual({
      title: 'Statement of AB-1',
      type: 'testimony',
      sha256: sha256(seed.fileBytes),
      size: seed.fileBytes.length,
    });

    // a profile without people: the consents have no person here and are skipped, by name
    const { sender: s2, recipient: r2v } = await twoVaults();
    const seed2 = await seedCase(s2);
    const { getPartner, setSharingProfile } = await import('../../../src-main/engine/partners/partner-service.js');
    setSharingProfile(s2.ctx, {
      partnerId: s2.partnerId,
      expectedVersion: getPartner(s2.ctx, s2.partnerId).version,
      allow: [{ kind: 'cases' }, { kind: 'consents' }],
    });
    const r3 = await importBundle(r2v.ctx, (await exportBundle(s2.ctx, exportInput(s2, seed2.caseId))).path);
    expect(r3.counts.created).toMatchObject({ cases: 1, consents: 0 });
    expect(r3.skipped).toEqual([
      { kind: 'consents', id: seed2.survivorConsentId, reason: 'the person it belongs to is not in this vault' },
    ]);
  });

  it('import progress counts the file bytes up to its size', async () => {
    const { sender, recipient } = await twoVaults();
    const seed = await seedCase(sender);
    const ex = await exportBundle(sender.ctx, exportInput(sender, seed.caseId, { evidenceIds: [seed.evidenceId] }));
    const seen: Array<{ done: number; total: number }> = [];
    await importBundle(recipient.ctx, ex.path, (p) => seen.push({ done: p.done, total: p.total }));
    expect(seen.at(-1)).toEqual({ done: ex.bytes, total: ex.bytes });
    expect(seen.every((p, i) => i === 0 || p.done >= seen[i - 1]!.done)).toBe(true);
  });

  it('the file decrypts with the stock age tool and its plaintext is a tar in manifest order', async () => {
    // Debian's age (1.1.1) predates the post-quantum type: a bundle between vaults without it
    const { sender, recipient } = await twoVaults({ classic: true });
    const seed = await seedCase(sender);
    const ex = await exportBundle(sender.ctx, exportInput(sender, seed.caseId, { evidenceIds: [seed.evidenceId] }));
    const dir = path.dirname(ex.path);
    const idFile = path.join(dir, 'recipient.key');
    const identity = recipient.ctx.identity.ageIdentity();
    fs.writeFileSync(idFile, identity.toString() + '\n', { mode: 0o600 });
    identity.dispose();
    const tarFile = path.join(dir, 'plain.tar');
    execFileSync('age', ['-d', '-i', idFile, '-o', tarFile, ex.path]);
    const listed = execFileSync('tar', ['-tf', tarFile], { encoding: 'utf8' }).trim().split('\n');
    const manifest = JSON.parse(execFileSync('tar', ['-xOf', tarFile, 'manifest.json'], { encoding: 'utf8' })) as {
      entries: Array<{ name: string }>;
    };
    expect(listed).toEqual(['manifest.json', 'manifest.sig', ...manifest.entries.map((e) => e.name)]);
    expect(execFileSync('tar', ['-xOf', tarFile, `files/${sha256(seed.fileBytes)}`]).equals(seed.fileBytes)).toBe(true);
  });
});
