// THE REFUSAL SUITE: one test per way a bundle must be refused (issue 5, "Must be refused").
//
// How "nothing written" is proven: the recipient vault is LOCKED and its whole folder
// snapshotted (vault.json, vault.db, WAL, every blob file) before the import, then locked and
// snapshotted again after the refusal, and the two must be byte for byte the same
// (expectSameSnapshot). Locking closes the database (its WAL checkpointed into vault.db) and
// signs the audit head only when it moved; so any row written — a ledger row, a record, an
// audit entry, a blob key — or any blob file left behind shows up as a difference. A control
// test checks that a successful import does change the snapshot, so the method can fail.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PrivateKey } from '@signalapp/libsignal-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/canonical-json.js';
import { exportBundle, importBundle, verifyBundle } from '../../../src-main/engine/bundles/index.js';
import { codeOf, expectSameSnapshot, snapshot } from '../../helpers.js';
import {
  type Part,
  type PartsSpec,
  type Side,
  buildBundle,
  closePersistent,
  entryOf,
  manifestFor,
  outPath,
  recipientsOf,
  recordPart,
  seedCase,
  sha256,
  twoVaults,
  writeTemp,
} from './bundle-helpers.js';
import { uuidv7 } from '../../../src-main/engine/util/ids.js';

let sender: Side;
let recipient: Side;
let stranger: Side;
/** a real exported bundle (4 payload chunks) and its bytes */
let realBundle: Buffer;

afterAll(() => closePersistent());

beforeAll(async () => {
  ({ sender, recipient } = await twoVaults({ persistent: true }));
  ({ sender: stranger } = await twoVaults({ persistent: true }));
  const seed = await seedCase(sender, 150_000);
  const ex = await exportBundle(sender.ctx, {
    partnerId: sender.partnerId,
    caseIds: [seed.caseId],
    evidenceIds: [seed.evidenceId],
    purpose: 'Referral',
    onMissingConsent: 'leave-out',
    out: outPath(),
  });
  realBundle = fs.readFileSync(ex.path);
});

/** Import `bytes` into the recipient: the code, with the vault proven unchanged. */
async function refused(bytes: Buffer): Promise<string> {
  const file = writeTemp(bytes);
  const before = await recipient.frozen();
  const code = await codeOf(importBundle(recipient.ctx, file));
  const verifyCode = await codeOf(verifyBundle(recipient.ctx, file));
  expectSameSnapshot(before, await recipient.frozen());
  expect(verifyCode).toBe(code);
  return code;
}

// A small valid bundle from parts: a case, a note, an evidence item with its file.
const caseId = uuidv7();
const noteId = uuidv7();
const evidenceId = uuidv7();
const fileData = randomBytes(70_000);

/** The parts of a legitimate bundle; every record's origin is its signer (`origin`). */
function baseParts(origin: string = sender.ctx.vaultId): Part[] {
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

/** Byte offsets of the parts of an age file: header lines, MAC, payload. */
function ageLayout(file: Buffer) {
  const macLine = file.indexOf('\n--- ');
  const headerEnd = file.indexOf('\n', macLine + 1) + 1;
  const stanzas: number[] = [];
  for (let i = file.indexOf('\n-> '); i >= 0 && i < macLine; i = file.indexOf('\n-> ', i + 1)) stanzas.push(i + 1);
  return { macStart: macLine + 5, headerEnd, stanzas, payload: headerEnd + 16 };
}

function flip(b: Buffer, at: number, mask = 0x01): Buffer {
  const c = Buffer.from(b);
  c[at] = c[at]! ^ mask;
  return c;
}

/** Swap a base64 character for another valid one (a flip that keeps the encoding canonical-looking). */
function flipB64(b: Buffer, at: number): Buffer {
  const c = Buffer.from(b);
  c[at] = c[at] === 0x41 ? 0x42 : 0x41; // 'A' ↔ 'B'
  return c;
}

describe('the refusal suite', () => {
  it('control: a successful import does change the snapshot (the method can fail)', async () => {
    const { sender: s2, recipient: r2 } = await twoVaults();
    const file = writeTemp(
      await buildBundle({
        manifest: manifestFor(s2.ctx, [r2.ctx], baseParts(s2.ctx.vaultId)),
        parts: baseParts(s2.ctx.vaultId),
        signer: s2.ctx,
        recipients: recipientsOf(r2.ctx, s2.ctx),
      }),
    );
    const before = await r2.frozen();
    expect((await importBundle(r2.ctx, file)).result).toBe('imported');
    expect(() => expectSameSnapshot(before, snapshotNow(r2))).toThrow(/vault files changed/);
  });

  it('control: the parts builder makes a bundle the recipient accepts (so each refusal below is about its one change)', async () => {
    const file = writeTemp(await buildBundle(spec()));
    const v = await verifyBundle(recipient.ctx, file);
    expect(v.contents).toMatchObject({ cases: 1, evidence: 1, notes: 1 });
    const r = await verifyBundle(recipient.ctx, writeTemp(realBundle));
    expect(r.files).toBe(1);
  });

  describe('the age layer', () => {
    it('a flipped byte in the header line', async () => {
      expect(await refused(flip(realBundle, 10))).toBe('AGE_HEADER_INVALID');
    });
    it('a flipped byte in the version', async () => {
      expect(await refused(flip(realBundle, 'age-encryption.org/v'.length, 0x03))).toBe('AGE_UNSUPPORTED_VERSION');
    });
    it('a flipped byte in the stanza addressed to us', async () => {
      const { stanzas } = ageLayout(realBundle);
      const ours = stanzas[0]!; // the partner (recipient) key comes first
      const body = realBundle.indexOf('\n', ours) + 1;
      expect(await refused(flipB64(realBundle, body + 3))).toBe('BUNDLE_NOT_FOR_US');
    });
    it("a flipped byte in another recipient's stanza", async () => {
      const { stanzas } = ageLayout(realBundle);
      const theirs = stanzas[1]!;
      const body = realBundle.indexOf('\n', theirs) + 1;
      expect(await refused(flipB64(realBundle, body + 3))).toBe('AGE_HEADER_MAC_INVALID');
    });
    it('a flipped byte in the header MAC', async () => {
      expect(await refused(flipB64(realBundle, ageLayout(realBundle).macStart + 2))).toBe('AGE_HEADER_MAC_INVALID');
    });
    it('a flipped byte in the payload nonce', async () => {
      expect(await refused(flip(realBundle, ageLayout(realBundle).headerEnd + 5))).toBe('AGE_PAYLOAD_CORRUPT');
    });
    it.each([
      ['the first payload chunk', 0],
      ['the second payload chunk', 1],
      ['the third payload chunk', 2],
    ])('a flipped byte in %s', async (_n, chunk) => {
      const at = ageLayout(realBundle).payload + chunk * (65536 + 16) + 1000;
      expect(await refused(flip(realBundle, at))).toBe('AGE_PAYLOAD_CORRUPT');
    });
    it('a flipped byte in the last payload chunk (its tag)', async () => {
      expect(await refused(flip(realBundle, realBundle.length - 3))).toBe('AGE_PAYLOAD_CORRUPT');
    });
    it('truncation at a chunk boundary', async () => {
      const cut = ageLayout(realBundle).payload + 2 * (65536 + 16);
      expect(await refused(realBundle.subarray(0, cut))).toBe('AGE_TRUNCATED');
    });
    it('truncation inside the header', async () => {
      expect(await refused(realBundle.subarray(0, ageLayout(realBundle).macStart))).toBe('AGE_HEADER_INVALID');
    });
    it('truncation inside the last chunk', async () => {
      expect(await refused(realBundle.subarray(0, realBundle.length - 5))).toBe('AGE_PAYLOAD_CORRUPT');
    });
    it('appended bytes', async () => {
      // the last chunk is short: bytes after it make it a longer chunk that cannot authenticate
      // (age tells "trailing data" apart only after a full-size final chunk, as below)
      expect(await refused(Buffer.concat([realBundle, Buffer.from('x')]))).toBe('AGE_PAYLOAD_CORRUPT');
    });
    it('appended bytes after a full-size final chunk', async () => {
      // a bundle whose payload is a whole number of 64 KiB chunks (a filler note sized to fit),
      // so that its final chunk is full-size and the byte after it is plainly "trailing data"
      const tarSize = (parts: Part[], manifest: Buffer) =>
        [manifest.length, 64, ...parts.map((p) => p.data.length)].reduce(
          (n, size) => n + 512 + Math.ceil(size / 512) * 512,
          1024,
        );
      const fillerId = uuidv7();
      let found: PartsSpec | null = null;
      // Tar pads every entry to 512 bytes, so only whole 512-byte steps of the filler move the
      // size: stepping by 256 meets every padded size (a cycle of 128 steps covers 64 KiB), and
      // a step of the manifest's own size at most delays the match to the next cycle.
      for (let len = 0; len < 200_000 && !found; len += 256) {
        const filler = recordPart('notes', {
          id: fillerId,
          version: 1,
          originVault: sender.ctx.vaultId,
          caseId,
          body: 'x'.repeat(len),
        });
        const p = [...baseParts().slice(0, 3), filler, baseParts()[3]!];
        const s = spec({ parts: p });
        if (tarSize(p, Buffer.from(canonicalJson(s.manifest as Record<string, unknown>))) % 65536 === 0) found = s;
      }
      const bytes = await buildBundle(found!);
      expect((bytes.length - ageLayout(bytes).payload) % (65536 + 16)).toBe(0);
      expect((await verifyBundle(recipient.ctx, writeTemp(bytes))).contents.notes).toBe(2);
      expect(await refused(Buffer.concat([bytes, Buffer.from('x')]))).toBe('AGE_TRAILING_DATA');
    });
    it('a bundle not addressed to us', async () => {
      expect(await refused(await buildBundle(spec({ recipients: recipientsOf(stranger.ctx, sender.ctx) })))).toBe(
        'BUNDLE_NOT_FOR_US',
      );
    });
  });

  describe('manifest and signature', () => {
    it('an unsigned bundle', async () => {
      expect(await refused(await buildBundle(spec({ signer: null })))).toBe('BUNDLE_UNSIGNED');
    });
    it('a signature by an unknown key', async () => {
      expect(await refused(await buildBundle(spec({ signer: PrivateKey.generate() })))).toBe(
        'BUNDLE_SIGNATURE_INVALID',
      );
    });
    it('a signature by the sender over other bytes (the manifest changed after signing)', async () => {
      const s = spec();
      const other = Buffer.from(
        canonicalJson({ ...(s.manifest as Record<string, unknown>), purpose: 'changed' }),
        'utf8',
      );
      const signature = sender.ctx.identity.sign('manifest', other);
      expect(await refused(await buildBundle({ ...s, signature }))).toBe('BUNDLE_SIGNATURE_INVALID');
    });
    it('a signature made for another purpose (a card signature is not a manifest signature)', async () => {
      const s = spec();
      const bytes = Buffer.from(canonicalJson(s.manifest as Record<string, unknown>), 'utf8');
      expect(await refused(await buildBundle({ ...s, signature: sender.ctx.identity.sign('card', bytes) }))).toBe(
        'BUNDLE_SIGNATURE_INVALID',
      );
    });
    it('a signature of the wrong length', async () => {
      expect(await refused(await buildBundle(spec({ signature: randomBytes(63) })))).toBe('BUNDLE_SIGNATURE_INVALID');
    });
    it('a valid signature whose manifest does not list us', async () => {
      const parts = baseParts();
      const m = manifestFor(sender.ctx, [stranger.ctx], parts);
      // encrypted to us all the same: only the signed list decides
      expect(
        await refused(
          await buildBundle({
            manifest: m,
            parts,
            signer: sender.ctx,
            recipients: recipientsOf(recipient.ctx, stranger.ctx, sender.ctx),
          }),
        ),
      ).toBe('BUNDLE_NOT_LISTED');
    });
    it('an expired bundle', async () => {
      const created = new Date(sender.ctx.now().getTime() - 40 * 86_400_000);
      const over = {
        createdAt: created.toISOString(),
        expiresAt: new Date(created.getTime() + 30 * 86_400_000).toISOString(),
      };
      expect(await refused(await buildBundle(spec({ manifestOver: over })))).toBe('BUNDLE_EXPIRED');
    });
    it('a bundle from this vault itself', async () => {
      const parts = baseParts();
      const m = manifestFor(recipient.ctx, [sender.ctx], parts);
      expect(
        await refused(
          await buildBundle({ manifest: m, parts, signer: recipient.ctx, recipients: recipientsOf(recipient.ctx) }),
        ),
      ).toBe('BUNDLE_FROM_SELF');
    });
    it('invalid JSON in the manifest', async () => {
      expect(await refused(await buildBundle(spec({ manifest: Buffer.from('{"format":"case-vault/bundle",') })))).toBe(
        'BUNDLE_MANIFEST_INVALID',
      );
    });
    it('a __proto__ key in the manifest', async () => {
      const s = spec();
      const text = canonicalJson(s.manifest as Record<string, unknown>).replace('{', '{"__proto__":{"polluted":true},');
      expect(await refused(await buildBundle({ ...s, manifest: Buffer.from(text) }))).toBe('BUNDLE_MANIFEST_INVALID');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
    it('an unknown field in the manifest (strict schema)', async () => {
      expect(await refused(await buildBundle(spec({ manifestOver: { extra: 1 } })))).toBe('BUNDLE_MANIFEST_INVALID');
    });
    it('a manifest over 1 MiB', async () => {
      expect(await refused(await buildBundle(spec({ manifestOver: { purpose: 'x'.repeat(1024 * 1024) } })))).toBe(
        'BUNDLE_MANIFEST_INVALID',
      );
    });
    it('an archive that does not begin with the manifest', async () => {
      expect(
        await refused(await buildBundle(spec({ archive: (m, s, parts) => [parts[0]!, m, s!, ...parts.slice(1)] }))),
      ).toBe('BUNDLE_MANIFEST_INVALID');
    });
    it('a sender card that is not validly self-signed', async () => {
      const s = spec();
      const m = s.manifest as Record<string, { organisation: string }>;
      const forged = { ...m, sender: { ...m.sender!, organisation: 'Someone else' } };
      expect(await refused(await buildBundle({ ...s, manifest: forged }))).toBe('BUNDLE_SIGNATURE_INVALID');
    });
  });

  describe('entries', () => {
    it('an entry missing', async () => {
      expect(
        await refused(await buildBundle(spec({ archive: (m, s, parts) => [m, s!, parts[0]!, parts[1]!, parts[3]!] }))),
      ).toBe('BUNDLE_ENTRY_MISSING');
    });
    it('the last entry missing', async () => {
      expect(await refused(await buildBundle(spec({ archive: (m, s, parts) => [m, s!, ...parts.slice(0, 3)] })))).toBe(
        'BUNDLE_ENTRY_MISSING',
      );
    });
    it('an extra entry', async () => {
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
    it('an extra entry in the middle', async () => {
      const extra = recordPart('notes', {
        id: uuidv7(),
        version: 1,
        originVault: sender.ctx.vaultId,
        caseId,
        body: 'smuggled',
      });
      expect(
        await refused(
          await buildBundle(spec({ archive: (m, s, parts) => [m, s!, parts[0]!, extra, ...parts.slice(1)] })),
        ),
      ).toBe('BUNDLE_ENTRY_UNEXPECTED');
    });
    it('an entry twice', async () => {
      expect(
        await refused(
          await buildBundle(spec({ archive: (m, s, parts) => [m, s!, parts[0]!, parts[0]!, ...parts.slice(1)] })),
        ),
      ).toBe('BUNDLE_ENTRY_UNEXPECTED');
    });
    it('entries reordered', async () => {
      expect(
        await refused(
          await buildBundle(spec({ archive: (m, s, parts) => [m, s!, parts[0]!, parts[2]!, parts[1]!, parts[3]!] })),
        ),
      ).toBe('BUNDLE_ENTRY_ORDER');
    });
    it('a record not matching its hash', async () => {
      const parts = baseParts();
      const tampered = recordPart('notes', {
        id: noteId,
        version: 1,
        originVault: sender.ctx.vaultId,
        caseId,
        body: 'A nute',
      });
      expect(
        await refused(
          await buildBundle(spec({ parts, archive: (m, s) => [m, s!, parts[0]!, parts[1]!, tampered, parts[3]!] })),
        ),
      ).toBe('BUNDLE_ENTRY_HASH');
    });
    it('a file not matching its hash (refused after its bytes were streamed into the store: the blob is removed)', async () => {
      const parts = baseParts();
      const other = { name: parts[3]!.name, data: randomBytes(fileData.length) };
      expect(
        await refused(await buildBundle(spec({ parts, archive: (m, s) => [m, s!, ...parts.slice(0, 3), other] }))),
      ).toBe('BUNDLE_ENTRY_HASH');
    });
    it('an entry of another size than listed', async () => {
      const parts = baseParts();
      const longer = { name: parts[2]!.name, data: Buffer.concat([parts[2]!.data, Buffer.from(' ')]) };
      expect(
        await refused(
          await buildBundle(spec({ parts, archive: (m, s) => [m, s!, parts[0]!, parts[1]!, longer, parts[3]!] })),
        ),
      ).toBe('BUNDLE_ENTRY_HASH');
    });
    it.each([
      ['../', '../records/notes/x.json'],
      ['an absolute path', '/etc/passwd'],
      ['a backslash', 'records\\notes\\x.json'],
      ['a nested ../', `records/notes/../../${noteId}.json`],
      ['an upper-case id', `records/notes/${'A'.repeat(8)}-0000-7000-8000-000000000000.json`],
      ['an unknown kind', `records/risks/${uuidv7()}.json`],
      ['a file name that is not a hash', 'files/statement.pdf'],
    ])('an entry name with %s', async (_what, name) => {
      const parts = [...baseParts(), { name, data: Buffer.from('{}') }];
      // listed in the signed manifest too: the name itself is what is refused
      expect(await refused(await buildBundle(spec({ parts })))).toBe('BUNDLE_ENTRY_NAME');
    });
    it('an entry name with ../ that only the archive has', async () => {
      expect(
        await refused(
          await buildBundle(
            spec({ archive: (m, s, parts) => [m, s!, { name: '../evil', data: Buffer.from('x') }, ...parts] }),
          ),
        ),
      ).toBe('BUNDLE_ENTRY_NAME');
    });
    it('an oversized record', async () => {
      const big = recordPart('notes', {
        id: uuidv7(),
        version: 1,
        originVault: sender.ctx.vaultId,
        caseId,
        body: 'x'.repeat(1024 * 1024),
      });
      expect(
        await refused(await buildBundle(spec({ parts: [...baseParts().slice(0, 3), big, baseParts()[3]!] }))),
      ).toBe('BUNDLE_ENTRY_TOO_LARGE');
    });
    it('an entry larger in the archive than the cap although the manifest lists it small', async () => {
      const parts = baseParts();
      const big = { name: parts[2]!.name, data: Buffer.alloc(1024 * 1024 + 1, 0x20) };
      expect(
        await refused(
          await buildBundle(spec({ parts, archive: (m, s) => [m, s!, parts[0]!, parts[1]!, big, parts[3]!] })),
        ),
      ).toBe('BUNDLE_ENTRY_TOO_LARGE');
    });
    it('invalid JSON in a record', async () => {
      const bad = { name: `records/notes/${uuidv7()}.json`, data: Buffer.from('{"id":') };
      expect(
        await refused(await buildBundle(spec({ parts: [...baseParts().slice(0, 3), bad, baseParts()[3]!] }))),
      ).toBe('BUNDLE_RECORD_INVALID');
    });
    it('a __proto__ key in a record', async () => {
      const id = uuidv7();
      const bad = {
        name: `records/notes/${id}.json`,
        data: Buffer.from(
          `{"__proto__":{"isAdmin":true},"id":"${id}","version":1,"originVault":"${sender.ctx.vaultId}","caseId":"${caseId}"}`,
        ),
      };
      expect(
        await refused(await buildBundle(spec({ parts: [...baseParts().slice(0, 3), bad, baseParts()[3]!] }))),
      ).toBe('BUNDLE_RECORD_INVALID');
    });
    it('a constructor key deep in a record', async () => {
      const bad = recordPart('cases', {
        id: uuidv7(),
        version: 1,
        originVault: sender.ctx.vaultId,
        team: [{ member: 'a', role: 'b', constructor: { prototype: 1 } }],
      });
      expect(await refused(await buildBundle(spec({ parts: [bad, ...baseParts()] })))).toBe('BUNDLE_RECORD_INVALID');
    });
    it.each([
      ['an unknown field', { body: 'x', secretField: 1 }],
      ['a wrong type', { body: 42 }],
      ['a missing structural field', { caseId: undefined }],
      ['a bad enum', { kind: 'nope' }],
    ])('a record failing its schema: %s', async (_what, over) => {
      const id = uuidv7();
      const kind = 'kind' in over ? 'deadlines' : 'notes';
      const rec = JSON.parse(
        JSON.stringify({ id, version: 1, originVault: sender.ctx.vaultId, caseId, ...over }),
      ) as Record<string, unknown>;
      expect(
        await refused(
          await buildBundle(spec({ parts: [...baseParts().slice(0, 3), recordPart(kind, rec), baseParts()[3]!] })),
        ),
      ).toBe('BUNDLE_RECORD_INVALID');
    });
    it('a record whose id is not the one in its name', async () => {
      const rec = { id: uuidv7(), version: 1, originVault: sender.ctx.vaultId, caseId, body: 'x' };
      const part = { name: `records/notes/${uuidv7()}.json`, data: Buffer.from(canonicalJson(rec)) };
      expect(
        await refused(await buildBundle(spec({ parts: [...baseParts().slice(0, 3), part, baseParts()[3]!] }))),
      ).toBe('BUNDLE_RECORD_INVALID');
    });
    it('a file no evidence record names', async () => {
      const orphan = randomBytes(100);
      expect(
        await refused(
          await buildBundle(spec({ parts: [...baseParts(), { name: `files/${sha256(orphan)}`, data: orphan }] })),
        ),
      ).toBe('BUNDLE_RECORD_INVALID');
    });
    it('a record after a file in the manifest', async () => {
      const p = baseParts();
      expect(await refused(await buildBundle(spec({ parts: [p[0]!, p[1]!, p[3]!, p[2]!] })))).toBe(
        'BUNDLE_MANIFEST_INVALID',
      );
    });
    it('an archive entry that is a symlink (the strict tar layer)', async () => {
      const s = spec();
      // built by hand with a hand-made header: typeflag '2'
      const { TAR_END, tarHeader } = await import('../../../src-main/engine/tar/tar.js');
      const { encryptAge } = await import('../../../src-main/engine/age/index.js');
      const { collect } = await import('../../helpers.js');
      const mBytes = Buffer.from(canonicalJson(s.manifest as Record<string, unknown>));
      const sig = sender.ctx.identity.sign('manifest', mBytes);
      const pad = (n: number) => Buffer.alloc((512 - (n % 512)) % 512);
      const link = tarHeader(baseParts()[0]!.name, 0);
      link[156] = 0x32;
      let sum = 0;
      for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : link[i]!;
      link.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
      const tar = Buffer.concat([
        tarHeader('manifest.json', mBytes.length),
        mBytes,
        pad(mBytes.length),
        tarHeader('manifest.sig', 64),
        sig,
        pad(64),
        link,
        TAR_END,
      ]);
      expect(await refused(await collect(encryptAge([tar], recipientsOf(recipient.ctx, sender.ctx))))).toBe(
        'BUNDLE_TAR_INVALID',
      );
    });
  });

  it('a failure inside the final transaction removes the staged blobs and leaves no row', async () => {
    const { sender: s2, recipient: r2 } = await twoVaults();
    const file = writeTemp(
      await buildBundle({
        manifest: manifestFor(s2.ctx, [r2.ctx], baseParts(s2.ctx.vaultId)),
        parts: baseParts(s2.ctx.vaultId),
        signer: s2.ctx,
        recipients: recipientsOf(r2.ctx, s2.ctx),
      }),
    );
    const before = await r2.frozen();
    // a temporary trigger (connection-only: nothing of it reaches the vault files) makes the
    // note insert fail after the evidence file was staged and committed in the transaction
    r2.ctx.db.exec(
      "CREATE TEMP TRIGGER fail_notes BEFORE INSERT ON main.notes BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
    );
    await expect(importBundle(r2.ctx, file)).rejects.toThrow(/injected failure/);
    r2.ctx.db.exec('DROP TRIGGER temp.fail_notes');
    expectSameSnapshot(before, await r2.frozen());
  });

  it('the manifest lists entries by exact name, size and hash (entryOf sanity)', () => {
    const p = baseParts()[0]!;
    expect(entryOf(p)).toEqual({ name: p.name, size: p.data.length, sha256: sha256(p.data) });
  });
});

function snapshotNow(s: Side): Map<string, Buffer> {
  s.vault.lock();
  return snapshot(s.dir);
}
