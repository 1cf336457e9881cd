// Refusals of issue 12 (item 7), in the style of refusals.test.ts: the strict JSON of manifests
// and records (a byte-order mark, duplicate keys, lone surrogates), the manifest's times (made
// in the future, valid for too long), receipts from the future, and refusals after a file was
// staged (no empty blobs/xx/ folder left behind). Each: the same code at verify and import, and
// the recipient's vault folder — files AND folders — byte for byte as it was.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/canonical-json.js';
import {
  acceptQuarantined,
  exportBundle,
  importBundle,
  importReceipt,
  makeReceipt,
  verifyBundle,
  writeReceipt,
} from '../../../src-main/engine/bundles/index.js';
import { uuidv7 } from '../../../src-main/engine/util/ids.js';
import { codeOf, expectSameSnapshot } from '../../helpers.js';
import {
  type Part,
  type PartsSpec,
  type Side,
  buildBundle,
  closePersistent,
  dumpTables,
  manifestFor,
  outPath,
  recipientsOf,
  recordPart,
  seedCase,
  sha256,
  twoVaults,
  verifyPartner,
  writeTemp,
} from './bundle-helpers.js';

let sender: Side;
let recipient: Side;

afterAll(() => closePersistent());

beforeAll(async () => {
  ({ sender, recipient } = await twoVaults({ persistent: true }));
});

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const DAY = 86_400_000;

/** Import `bytes` into the recipient: the code, the same at verify, with the vault proven unchanged. */
async function refused(bytes: Buffer): Promise<string> {
  const file = writeTemp(bytes);
  const before = await recipient.frozen();
  expect([...before.keys()].some((k) => k.endsWith('/'))).toBe(true); // the snapshot holds folders
  const code = await codeOf(importBundle(recipient.ctx, file));
  const verifyCode = await codeOf(verifyBundle(recipient.ctx, file));
  expectSameSnapshot(before, await recipient.frozen());
  expect(verifyCode).toBe(code);
  return code;
}

/** The message of a refusal (import and verify say the same). */
async function messageOf(bytes: Buffer): Promise<string> {
  const file = writeTemp(bytes);
  const e = (await importBundle(recipient.ctx, file).catch((x: unknown) => x)) as Error;
  const v = (await verifyBundle(recipient.ctx, file).catch((x: unknown) => x)) as Error;
  expect(v.message).toBe(e.message);
  return e.message;
}

const caseId = uuidv7();
const noteId = uuidv7();
const evidenceId = uuidv7();
const fileData = randomBytes(70_000);

function baseParts(): Part[] {
  const origin = sender.ctx.vaultId;
  return [
    recordPart('cases', {
      id: caseId,
      version: 1,
      originVault: origin,
      reference: 'CV-2026-000042',
      title: 'A case',
      status: 'active',
    }),
    recordPart('evidence', {
      id: evidenceId,
      version: 1,
      originVault: origin,
      caseId,
      type: 'photo',
      sha256: sha256(fileData),
      size: fileData.length,
    }),
    recordPart('notes', { id: noteId, version: 1, originVault: origin, caseId, body: 'A note' }),
    { name: `files/${sha256(fileData)}`, data: fileData },
  ];
}

function spec(over: Partial<PartsSpec> & { manifestOver?: Record<string, unknown>; parts?: Part[] } = {}): PartsSpec {
  const parts = over.parts ?? baseParts();
  return {
    manifest: manifestFor(sender.ctx, [recipient.ctx], parts, over.manifestOver),
    parts,
    signer: sender.ctx,
    recipients: recipientsOf(recipient.ctx, sender.ctx),
    ...over,
  };
}

/** The canonical manifest text of `parts`, edited by `edit`, as the signed bytes. */
function editedManifest(parts: Part[], edit: (text: string) => string, over: Record<string, unknown> = {}): Buffer {
  const text = canonicalJson(manifestFor(sender.ctx, [recipient.ctx], parts, over));
  const edited = edit(text);
  expect(edited).not.toBe(text);
  return Buffer.from(edited, 'utf8');
}

/** baseParts with the note replaced by these exact bytes. */
function withNoteBytes(bytes: Buffer): Part[] {
  const p = baseParts();
  p[2] = { name: p[2]!.name, data: bytes };
  return p;
}

const noteText = (body: string) =>
  `{"body":${body},"caseId":"${caseId}","id":"${noteId}","originVault":"${sender.ctx.vaultId}","version":1}`;

describe('strict JSON in manifests and records', () => {
  it('control: the parts builder makes a bundle the recipient accepts', async () => {
    const v = await verifyBundle(recipient.ctx, writeTemp(await buildBundle(spec())));
    expect(v.contents).toMatchObject({ cases: 1, evidence: 1, notes: 1 });
    // and the note as written by hand is the canonical one
    expect(noteText('"A note"')).toBe(baseParts()[2]!.data.toString());
  });

  it('a byte-order mark before the manifest (signed with it): BUNDLE_MANIFEST_INVALID at verify and import, never INTERNAL', async () => {
    const parts = baseParts();
    const manifest = Buffer.concat([
      BOM,
      Buffer.from(canonicalJson(manifestFor(sender.ctx, [recipient.ctx], parts)), 'utf8'),
    ]);
    const bytes = await buildBundle(spec({ parts, manifest }));
    expect(await refused(bytes)).toBe('BUNDLE_MANIFEST_INVALID');
    expect(await messageOf(bytes)).toMatch(/byte-order mark/);
  });

  it('a byte-order mark before a record: BUNDLE_RECORD_INVALID', async () => {
    const bytes = await buildBundle(
      spec({ parts: withNoteBytes(Buffer.concat([BOM, Buffer.from(noteText('"A note"'))])) }),
    );
    expect(await refused(bytes)).toBe('BUNDLE_RECORD_INVALID');
    expect(await messageOf(bytes)).toMatch(/byte-order mark/);
  });

  it('a duplicate key in the manifest (a second purpose, signed): BUNDLE_MANIFEST_INVALID', async () => {
    const parts = baseParts();
    const manifest = editedManifest(parts, (t) => t.replace('{', '{"purpose":"Something else entirely",'));
    const bytes = await buildBundle(spec({ parts, manifest }));
    expect(await refused(bytes)).toBe('BUNDLE_MANIFEST_INVALID');
    const message = await messageOf(bytes);
    expect(message).toMatch(/a key that appears twice/);
    expect(message).not.toContain('Something else');
  });

  it('a duplicate key deep in the manifest (in the sender card): BUNDLE_MANIFEST_INVALID', async () => {
    const parts = baseParts();
    const manifest = editedManifest(parts, (t) => t.replace('"sender":{', '"sender":{"name":"Impostor",'));
    expect(await refused(await buildBundle(spec({ parts, manifest })))).toBe('BUNDLE_MANIFEST_INVALID');
  });

  it('a duplicate key in a record: BUNDLE_RECORD_INVALID', async () => {
    const bytes = Buffer.from(noteText('"A note"').replace('{', '{"body":"Hidden text",'));
    expect(await refused(await buildBundle(spec({ parts: withNoteBytes(bytes) })))).toBe('BUNDLE_RECORD_INVALID');
  });

  it('a lone surrogate in the manifest: BUNDLE_MANIFEST_INVALID', async () => {
    const parts = baseParts();
    const manifest = editedManifest(parts, (t) =>
      t.replace('"purpose":"Referral for litigation"', '"purpose":"Referral \\ud800 for litigation"'),
    );
    expect(await refused(await buildBundle(spec({ parts, manifest })))).toBe('BUNDLE_MANIFEST_INVALID');
  });

  it('a lone surrogate in a record, high or low: BUNDLE_RECORD_INVALID', async () => {
    for (const body of ['"A \\ud83d note"', '"A \\ude00 note"']) {
      expect(await refused(await buildBundle(spec({ parts: withNoteBytes(Buffer.from(noteText(body))) })))).toBe(
        'BUNDLE_RECORD_INVALID',
      );
    }
  });

  it('a proper surrogate pair in a record is fine', async () => {
    const v = await verifyBundle(
      recipient.ctx,
      writeTemp(await buildBundle(spec({ parts: withNoteBytes(Buffer.from(noteText('"A \\ud83d\\ude00 note"'))) }))),
    );
    expect(v.contents.notes).toBe(1);
  });
});

describe('manifest times', () => {
  it('made more than 24 hours after now: BUNDLE_NOT_YET_VALID, with a sentence about the clocks', async () => {
    const created = new Date(recipient.ctx.now().getTime() + DAY + 60_000);
    const over = { createdAt: created.toISOString(), expiresAt: new Date(created.getTime() + 30 * DAY).toISOString() };
    const bytes = await buildBundle(spec({ manifestOver: over }));
    expect(await refused(bytes)).toBe('BUNDLE_NOT_YET_VALID');
    expect(await messageOf(bytes)).toMatch(/made in the future.*check this computer's clock and the sender's/i);
  });

  it('made up to 24 hours ahead (clocks drift): accepted', async () => {
    const created = new Date(recipient.ctx.now().getTime() + DAY - 60_000);
    const over = { createdAt: created.toISOString(), expiresAt: new Date(created.getTime() + 30 * DAY).toISOString() };
    expect(
      (await verifyBundle(recipient.ctx, writeTemp(await buildBundle(spec({ manifestOver: over }))))).createdAt,
    ).toBe(created.toISOString());
  });

  it('expiring more than 3650 days after it was made: BUNDLE_MANIFEST_INVALID; exactly 3650 days is the limit', async () => {
    const created = recipient.ctx.now();
    const tooLong = {
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + 3650 * DAY + 1).toISOString(),
    };
    const bytes = await buildBundle(spec({ manifestOver: tooLong }));
    expect(await refused(bytes)).toBe('BUNDLE_MANIFEST_INVALID');
    expect(await messageOf(bytes)).toMatch(/more than 3650 days after its createdAt/);
    const limit = {
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + 3650 * DAY).toISOString(),
    };
    expect(
      (await verifyBundle(recipient.ctx, writeTemp(await buildBundle(spec({ manifestOver: limit }))))).expiresAt,
    ).toBe(limit.expiresAt);
  });

  it('a quarantined bundle is judged as of its arrival, when it is accepted later too', async () => {
    const { sender: s, recipient: r } = await twoVaults({ verify: { recipient: false } });
    const parts = baseParts().map((p) =>
      p.name.startsWith('records/')
        ? { ...p, data: Buffer.from(p.data.toString().replaceAll(sender.ctx.vaultId, s.ctx.vaultId)) }
        : p,
    );
    const created = new Date(r.ctx.now().getTime() + 12 * 3_600_000); // within the tolerance at arrival
    const over = { createdAt: created.toISOString(), expiresAt: new Date(created.getTime() + 30 * DAY).toISOString() };
    const file = writeTemp(
      await buildBundle({
        manifest: manifestFor(s.ctx, [r.ctx], parts, over),
        parts,
        signer: s.ctx,
        recipients: recipientsOf(r.ctx, s.ctx),
      }),
    );
    const q = await importBundle(r.ctx, file);
    expect(q.result).toBe('quarantined');
    // accepted two days later: the same judgement (as of the arrival), so the same answer
    r.setNow(new Date(r.ctx.now().getTime() + 2 * DAY).toISOString());
    verifyPartner(r, s);
    expect((await acceptQuarantined(r.ctx, q.bundleId)).result).toBe('imported');
  });
});

describe('refusals after a file was staged leave no folder behind', () => {
  it('a second file that does not match its hash, after the first was stored: BUNDLE_ENTRY_HASH', async () => {
    const other = randomBytes(5000);
    const parts = [
      ...baseParts(),
      recordPart('evidence', {
        id: uuidv7(),
        version: 1,
        originVault: sender.ctx.vaultId,
        caseId,
        type: 'photo',
        sha256: sha256(other),
        size: other.length,
      }),
    ];
    // records first, then the files: the good one is staged, the next one's bytes are changed
    const ordered = [
      parts[0]!,
      parts[1]!,
      parts[2]!,
      parts[4]!,
      parts[3]!,
      { name: `files/${sha256(other)}`, data: other },
    ];
    const s = spec({ parts: ordered });
    const tampered = { name: `files/${sha256(other)}`, data: randomBytes(other.length) };
    expect(
      await refused(await buildBundle({ ...s, archive: (m, sig, p) => [m, sig!, ...p.slice(0, 5), tampered] })),
    ).toBe('BUNDLE_ENTRY_HASH');
  });

  it('an entry after the staged file that the manifest does not list: BUNDLE_ENTRY_UNEXPECTED', async () => {
    const extra = recordPart('notes', {
      id: uuidv7(),
      version: 1,
      originVault: sender.ctx.vaultId,
      caseId,
      body: 'smuggled',
    });
    expect(await refused(await buildBundle(spec({ archive: (m, s, parts) => [m, s!, ...parts, extra] })))).toBe(
      'BUNDLE_ENTRY_UNEXPECTED',
    );
  });

  it('the only file not matching its hash (the write itself fails): BUNDLE_ENTRY_HASH', async () => {
    const parts = baseParts();
    const other = { name: parts[3]!.name, data: randomBytes(fileData.length) };
    expect(
      await refused(await buildBundle(spec({ parts, archive: (m, s) => [m, s!, ...parts.slice(0, 3), other] }))),
    ).toBe('BUNDLE_ENTRY_HASH');
  });
});

describe('receipts from the future', () => {
  it('a receipt received more than 24 hours from now: RECEIPT_INVALID, nothing written; within a day: accepted', async () => {
    const { sender: s, recipient: r } = await twoVaults();
    const seed = await seedCase(s);
    const ex = await exportBundle(s.ctx, {
      partnerId: s.partnerId,
      caseIds: [seed.caseId],
      purpose: 'Referral',
      onMissingConsent: 'leave-out',
      out: outPath(),
    });
    const imported = await importBundle(r.ctx, ex.path);
    const at = (ms: number) => {
      r.setNow(new Date(s.ctx.now().getTime() + ms).toISOString());
      return makeReceipt(r.ctx, {
        bundleId: ex.bundleId,
        manifestSha256: ex.manifestSha256,
        result: 'imported',
        records: imported.receipt.receipt.counts.records,
        files: imported.receipt.receipt.counts.files,
      });
    };
    const dir = path.dirname(ex.path);
    const future = path.join(dir, 'future.json');
    await writeReceipt(at(DAY + 60_000), future);
    const before = dumpTables(s.ctx);
    expect(await codeOf(importReceipt(s.ctx, future))).toBe('RECEIPT_INVALID');
    expect((await importReceipt(s.ctx, future).catch((e: Error) => e)) as Error).toMatchObject({
      message: expect.stringMatching(/made in the future/),
    });
    expect(dumpTables(s.ctx)).toEqual(before);
    const soon = path.join(dir, 'soon.json');
    await writeReceipt(at(DAY - 60_000), soon);
    expect((await importReceipt(s.ctx, soon)).status).toBe('delivered');
    expect(fs.existsSync(soon)).toBe(true);
  });
});
