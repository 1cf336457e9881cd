// Format compatibility of what travels between vaults (docs/bundle-format.md, "Format versions
// and change policy"): the committed v1 files (tests/fixtures/bundles-v1/) are imported by this
// build, into the committed vault they were made for, which this build opens (and migrates);
// documents of a newer minor, crafted and validly signed here, are accepted with their unknown
// members reported; documents of a newer major are refused with BUNDLE_FORMAT_TOO_NEW.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/canonical-json.js';
import { exportBundle, importBundle, importReceipt, verifyBundle } from '../../../src-main/engine/bundles/index.js';
import { importAnyReceipt } from '../../../src-main/engine/bundles/import-any.js';
import {
  importRecallNotice,
  importRecallReceipt,
  isRestricted,
  writeRecalls,
} from '../../../src-main/engine/bundles/recall/index.js';
import { noticeArchive } from '../../../src-main/engine/bundles/recall/notice.js';
import { withdrawConsent } from '../../../src-main/engine/consents/consent-service.js';
import { encryptAge } from '../../../src-main/engine/age/index.js';
import { get, sql } from '../../../src-main/engine/db/sql.js';
import { type DomainContext, domainContext } from '../../../src-main/engine/domain/context.js';
import { contactCardOf } from '../../../src-main/engine/identity/contact-card.js';
import { uuidv7 } from '../../../src-main/engine/util/ids.js';
import { Vault } from '../../../src-main/engine/vault/vault.js';
import {
  FIXTURE_FILES,
  FIXTURE_NOW,
  FIXTURE_PASSPHRASE,
  FIXTURE_TEXT,
  type FixtureIds,
} from '../../fixtures/bundles-v1/fixture-facts.js';
import { codeOf, collect, tempDir } from '../../helpers.js';
import {
  type Side,
  buildBundle,
  closePersistent,
  dumpTables,
  manifestFor,
  outPath,
  recipientsOf,
  recordPart,
  seedCase,
  twoVaults,
  writeTemp,
} from './bundle-helpers.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/bundles-v1');
const fixture = (name: string) => path.join(FIXTURES, name);

describe('the committed v1 fixtures import into this build', () => {
  let vault: Vault;
  let ctx: DomainContext;
  const ids = JSON.parse(fs.readFileSync(fixture(FIXTURE_FILES.ids), 'utf8')) as FixtureIds;

  beforeAll(async () => {
    const dir = path.join(tempDir('cv-compat-'), 'vault');
    fs.cpSync(fixture('vault'), dir, { recursive: true });
    vault = await Vault.open(dir, { passphrase: FIXTURE_PASSPHRASE });
    ctx = { ...domainContext(vault), now: () => new Date(FIXTURE_NOW.imported) };
  });
  afterAll(() => vault?.lock());

  it('they are written as format version 1 with no minor (what readers from before minors read)', async () => {
    for (const name of [FIXTURE_FILES.receipt, FIXTURE_FILES.recallReceipt]) {
      const { receipt } = JSON.parse(fs.readFileSync(fixture(name), 'utf8')) as { receipt: Record<string, unknown> };
      expect(receipt.formatVersion).toBe(1);
      expect(receipt).not.toHaveProperty('formatMinor');
    }
    const v = await verifyBundle(ctx, fixture(FIXTURE_FILES.bundle));
    expect(v.unknownFields).toBeUndefined();
    expect(v.contents).toEqual({ cases: 1, people: 1, consents: 1, evidence: 1, notes: 1, deadlines: 1, outcomes: 1 });
  });

  it('the bundle: a case with a person, consent, note, deadline, outcome and evidence file', async () => {
    const r = await importBundle(ctx, fixture(FIXTURE_FILES.bundle));
    expect(r.result).toBe('imported');
    expect(r.unknownFields).toBeUndefined();
    expect(r.counts.created).toEqual({
      cases: 1,
      people: 1,
      consents: 1,
      evidence: 1,
      notes: 1,
      deadlines: 1,
      outcomes: 1,
    });
    expect(r.counts.files).toBe(1);
    const row = <T = unknown>(q: Parameters<typeof get>[1]) => get<T>(ctx.db, q);
    expect(row(sql`SELECT title FROM cases WHERE id = ${ids.caseId}`)).toEqual({ title: FIXTURE_TEXT.caseTitle });
    expect(row(sql`SELECT pseudonym FROM people WHERE id = ${ids.personId}`)).toEqual({
      pseudonym: FIXTURE_TEXT.pseudonym,
    });
    expect(row(sql`SELECT person_id, state FROM consents WHERE id = ${ids.consentId}`)).toEqual({
      person_id: ids.personId,
      state: 'given',
    });
    expect(row(sql`SELECT body FROM notes WHERE id = ${ids.noteId}`)).toEqual({ body: FIXTURE_TEXT.noteBody });
    expect(row(sql`SELECT due_on FROM deadlines WHERE id = ${ids.deadlineId}`)).toEqual({
      due_on: FIXTURE_TEXT.deadlineDue,
    });
    expect(row(sql`SELECT description FROM outcomes WHERE id = ${ids.outcomeId}`)).toEqual({
      description: FIXTURE_TEXT.outcomeDescription,
    });
    const ev = row<{ sha256: string; size: number; blob_id: string }>(
      sql`SELECT sha256, size, blob_id FROM evidence WHERE id = ${ids.evidenceId}`,
    )!;
    expect(ev).toMatchObject({ sha256: ids.fileSha256, size: Buffer.byteLength(FIXTURE_TEXT.fileContent) });
    const stored = await collect(ctx.blobs.get(ev.blob_id, { verifyHash: true }));
    expect(stored.toString('utf8')).toBe(FIXTURE_TEXT.fileContent);
  });

  it('the recall notice restricts the person it names', async () => {
    const r = await importRecallNotice(ctx, fixture(FIXTURE_FILES.notice));
    expect(r).toMatchObject({ result: 'applied', action: 'restrict', personId: ids.personId });
    expect(r.unknownFields).toBeUndefined();
    expect(isRestricted(ctx, 'people', ids.personId)).toBe(true);
  });

  it('the receipt delivers the bundle this vault sent; the recall receipt its notice', async () => {
    const b = await importReceipt(ctx, fixture(FIXTURE_FILES.receipt));
    expect(b).toMatchObject({ status: 'delivered', changed: true });
    expect(b.unknownFields).toBeUndefined();
    const n = await importRecallReceipt(ctx, fs.readFileSync(fixture(FIXTURE_FILES.recallReceipt)));
    expect(n).toMatchObject({ status: 'delivered', changed: true });
    // the same files through the command's entry point: nothing changes the second time
    expect(await importAnyReceipt(ctx, fixture(FIXTURE_FILES.recallReceipt))).toMatchObject({ changed: false });
  });
});

describe('a newer minor is read and its unknown members reported; a newer major is refused', () => {
  let sender: Side;
  let recipient: Side;
  beforeAll(async () => {
    ({ sender, recipient } = await twoVaults({ persistent: true }));
  });
  afterAll(() => closePersistent());

  function caseRecord(over: Record<string, unknown> = {}) {
    return { id: uuidv7(), version: 1, originVault: sender.ctx.vaultId, title: 'From a newer partner', ...over };
  }

  async function bundleOf(manifestOver: Record<string, unknown>, record = caseRecord()): Promise<string> {
    const parts = [recordPart('cases', record)];
    const bytes = await buildBundle({
      manifest: manifestFor(sender.ctx, [recipient.ctx], parts, manifestOver),
      parts,
      signer: sender.ctx,
      recipients: recipientsOf(recipient.ctx, sender.ctx),
    });
    return writeTemp(bytes);
  }

  it('minor 1 with unknown members in the manifest, its entries and a record: verified, imported, reported', async () => {
    const record = caseRecord({ colourCode: 'amber', team: [{ member: 'A', role: 'lead', since: '2027' }] });
    const parts = [recordPart('cases', record)];
    const manifest = manifestFor(sender.ctx, [recipient.ctx], parts, { formatMinor: 1, priority: 'urgent' });
    (manifest.entries as Array<Record<string, unknown>>)[0]!.compressed = false;
    const file = writeTemp(
      await buildBundle({ manifest, parts, signer: sender.ctx, recipients: recipientsOf(recipient.ctx, sender.ctx) }),
    );
    const expected = [
      { kind: 'manifest', field: 'entries[].compressed' },
      { kind: 'manifest', field: 'priority' },
      { kind: 'cases', field: 'colourCode' },
      { kind: 'cases', field: 'team[].since' },
    ];
    const sortFields = (l: Array<{ kind: string; field: string }> | undefined) =>
      [...(l ?? [])].sort((a, b) => `${a.kind}/${a.field}`.localeCompare(`${b.kind}/${b.field}`));
    expect(sortFields((await verifyBundle(recipient.ctx, file)).unknownFields)).toEqual(sortFields(expected));
    const r = await importBundle(recipient.ctx, file);
    expect(r.result).toBe('imported');
    expect(sortFields(r.unknownFields)).toEqual(sortFields(expected));
    // what this version knows arrived; what it does not know was left out
    expect(get(recipient.ctx.db, sql`SELECT title, version FROM cases WHERE id = ${String(record.id)}`)).toEqual({
      title: 'From a newer partner',
      version: 1,
    });
  });

  it('the same or an older minor: an unknown member is still refused, in the manifest and in a record', async () => {
    for (const minor of [{}, { formatMinor: 0 }]) {
      expect(await codeOf(verifyBundle(recipient.ctx, await bundleOf({ ...minor, priority: 'urgent' })))).toBe(
        'BUNDLE_MANIFEST_INVALID',
      );
      expect(
        await codeOf(verifyBundle(recipient.ctx, await bundleOf(minor, caseRecord({ colourCode: 'amber' })))),
      ).toBe('BUNDLE_RECORD_INVALID');
    }
  });

  it('a newer minor loosens nothing else: wrong types, odd member names and the sender card stay refused', async () => {
    const newer = { formatMinor: 3 };
    expect(await codeOf(verifyBundle(recipient.ctx, await bundleOf({ ...newer, purpose: 42 })))).toBe(
      'BUNDLE_MANIFEST_INVALID',
    );
    expect(await codeOf(verifyBundle(recipient.ctx, await bundleOf(newer, caseRecord({ title: 7, extra: 1 }))))).toBe(
      'BUNDLE_RECORD_INVALID',
    );
    expect(await codeOf(verifyBundle(recipient.ctx, await bundleOf({ ...newer, 'odd-name': 1 })))).toBe(
      'BUNDLE_MANIFEST_INVALID',
    );
    const card = { ...contactCardOf(sender.ctx), nickname: 'x' };
    expect(await codeOf(verifyBundle(recipient.ctx, await bundleOf({ ...newer, sender: card })))).toBe(
      'BUNDLE_MANIFEST_INVALID',
    );
  });

  it('a newer major: BUNDLE_FORMAT_TOO_NEW, with the way out, at verify and import; nothing changes', async () => {
    const file = await bundleOf({ formatVersion: 2, entries: 'in a shape this version cannot know' });
    const before = dumpTables(recipient.ctx);
    // one at a time: a second call started early could fail before anything awaits it
    for (const attempt of [() => verifyBundle(recipient.ctx, file), () => importBundle(recipient.ctx, file)]) {
      await expect(attempt()).rejects.toMatchObject({
        code: 'BUNDLE_FORMAT_TOO_NEW',
        message: expect.stringContaining('Update Case Vault'),
      });
    }
    expect(dumpTables(recipient.ctx)).toEqual(before);
  });

  async function noticeFile(over: Record<string, unknown>): Promise<string> {
    const notice = {
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
      personId: uuidv7(),
      consentId: uuidv7(),
      bundles: [uuidv7()],
      records: [] as unknown[],
      ...over,
    };
    if (notice.records.length === 0) notice.records = [{ kind: 'people', id: notice.personId }];
    const bytes = Buffer.from(canonicalJson(notice), 'utf8');
    const tar = await collect(noticeArchive(bytes, sender.ctx.identity.sign('recall', bytes)));
    return writeTemp(await collect(encryptAge([tar], recipientsOf(recipient.ctx, sender.ctx))), 'n.cvrecall');
  }

  it('recall notices: a newer minor is applied and reported, the same minor refused, a newer major refused', async () => {
    const r = await importRecallNotice(recipient.ctx, await noticeFile({ formatMinor: 1, urgency: 'high' }));
    expect(r.result).toBe('applied');
    expect(r.unknownFields).toEqual([{ kind: 'notice', field: 'urgency' }]);
    expect(await codeOf(importRecallNotice(recipient.ctx, await noticeFile({ urgency: 'high' })))).toBe(
      'RECALL_INVALID',
    );
    await expect(importRecallNotice(recipient.ctx, await noticeFile({ formatVersion: 2 }))).rejects.toMatchObject({
      code: 'BUNDLE_FORMAT_TOO_NEW',
    });
  });
});

describe('receipts of a newer minor or major', () => {
  afterAll(() => closePersistent());

  it('a bundle receipt and a recall receipt of a newer minor deliver and are kept as signed; a newer major is refused', async () => {
    const { sender, recipient } = await twoVaults({ persistent: true });
    const seed = await seedCase(sender, 1000);
    const ex = await exportBundle(sender.ctx, {
      partnerId: sender.partnerId,
      caseIds: [seed.caseId],
      purpose: 'Referral',
      onMissingConsent: 'leave-out',
      out: outPath(),
    });
    const imported = await importBundle(recipient.ctx, ex.path);
    withdrawConsent(sender.ctx, { id: seed.survivorConsentId, reason: 'Fears reprisals', at: '2026-11-21' });
    const [notice] = await writeRecalls(sender.ctx, { consentId: seed.survivorConsentId, outDir: tempDir() });
    const applied = await importRecallNotice(recipient.ctx, notice!.file);

    const signed = (domain: 'receipt' | 'recallReceipt', receipt: Record<string, unknown>) => {
      const signature = recipient.ctx.identity.sign(domain, Buffer.from(canonicalJson(receipt), 'utf8'));
      return writeTemp(
        Buffer.from(JSON.stringify({ receipt, signature: signature.toString('base64') }), 'utf8'),
        'r.json',
      );
    };
    const bundleReceipt = { ...imported.receipt.receipt } as Record<string, unknown>;
    const recallReceipt = { ...applied.receipt.receipt } as Record<string, unknown>;

    // a newer major, and an unknown member under the same minor: refused, nothing changes
    expect(await codeOf(importReceipt(sender.ctx, signed('receipt', { ...bundleReceipt, formatVersion: 2 })))).toBe(
      'BUNDLE_FORMAT_TOO_NEW',
    );
    expect(await codeOf(importReceipt(sender.ctx, signed('receipt', { ...bundleReceipt, via: 'courier' })))).toBe(
      'RECEIPT_INVALID',
    );
    const recallBytes = (r: Record<string, unknown>) => fs.readFileSync(signed('recallReceipt', r));
    expect(() => importRecallReceipt(sender.ctx, recallBytes({ ...recallReceipt, formatVersion: 2 }))).toThrow(
      expect.objectContaining({ code: 'BUNDLE_FORMAT_TOO_NEW' }),
    );
    expect(() => importRecallReceipt(sender.ctx, recallBytes({ ...recallReceipt, via: 'courier' }))).toThrow(
      expect.objectContaining({ code: 'RECEIPT_INVALID' }),
    );

    // a newer minor: delivered, the unknown member reported, the receipt kept as signed
    const newer = { ...bundleReceipt, formatMinor: 2, via: 'courier' };
    const b = await importReceipt(sender.ctx, signed('receipt', newer));
    expect(b).toMatchObject({ status: 'delivered', changed: true });
    expect(b.unknownFields).toEqual([{ kind: 'receipt', field: 'receipt.via' }]);
    const kept = get<{ receipt: string }>(sender.ctx.db, sql`SELECT receipt FROM bundles WHERE id = ${ex.bundleId}`)!;
    expect((JSON.parse(kept.receipt) as { receipt: unknown }).receipt).toEqual(newer);
    const n = importRecallReceipt(sender.ctx, recallBytes({ ...recallReceipt, formatMinor: 1, via: 'courier' }));
    expect(n).toMatchObject({ status: 'delivered', changed: true });
    expect(n.unknownFields).toEqual([{ kind: 'recall-receipt', field: 'receipt.via' }]);
  });
});
