import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../src-main/engine/audit/audit-log.js';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import { CHUNK_BYTES } from '../../../src-main/engine/evidence-store/blob-format.js';
import {
  addDerivedCopy,
  addEvidence,
  addEvidenceFromSource,
  custodyLog,
  exportEvidence,
  getEvidence,
  listEvidence,
  readEvidence,
  verifyEvidence,
} from '../../../src-main/engine/evidence/evidence-service.js';
import type { DomainContext } from '../../../src-main/engine/domain/context.js';
import { codeOf, collect, tempDir } from '../../helpers.js';
import { codeOfSync, newDomain, type TestDomain } from '../domain-helpers.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function setup() {
  const d = await newDomain();
  const c = createCase(d.ctx, { title: 'Detention case' });
  const files = tempDir('cv-evidence-in-');
  const write = (name: string, data: Buffer | string) => {
    const p = path.join(files, name);
    fs.writeFileSync(p, data);
    return p;
  };
  return { d, ctx: d.ctx, caseId: c.id, files, write };
}

async function blobFiles(ctx: DomainContext): Promise<string[]> {
  const out: string[] = [];
  for await (const f of ctx.blobs.listFiles()) out.push(f.file);
  return out;
}

function custodyRows(d: TestDomain): number {
  return d.rows('custody_events');
}

/** Everything an intake may write: rows, audit entries, blob files. */
async function state(d: TestDomain) {
  return {
    evidence: d.rows('evidence'),
    blobs: d.rows('blobs'),
    custody: custodyRows(d),
    audit: d.auditCount(),
    files: (await blobFiles(d.ctx)).length,
  };
}

describe('evidence intake', () => {
  const sizes = [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES + 5, 2 * 1024 * 1024 + 17];
  for (const size of sizes) {
    it(`takes in ${size} bytes: SHA-256 of the original, encrypted on disk, read back exactly`, async () => {
      const { ctx, caseId, write } = await setup();
      const marker = Buffer.from('Testimony of witness W-17, taken in Nairobi. ');
      const data = Buffer.alloc(size);
      for (let i = 0; i < size; i += marker.length) marker.copy(data, i, 0, Math.min(marker.length, size - i));
      const file = write('statement.txt', data);
      const seen: Array<[number, number]> = [];
      const e = await addEvidence(
        ctx,
        { caseId, filePath: file },
        { onProgress: (done, total) => seen.push([done, total]) },
      );
      expect(e).toMatchObject({
        caseId,
        size,
        sha256: sha(data),
        fileName: 'statement.txt',
        title: 'statement.txt',
        type: 'document',
        derivedFrom: null,
        version: 1,
        originVault: ctx.vaultId,
      });
      expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      if (size > 0) expect(seen.at(-1)).toEqual([size, size]);
      const onDisk = fs.readFileSync(ctx.blobs.pathFor(e.blobId));
      if (size >= 16) expect(onDisk.includes(data.subarray(0, 16))).toBe(false);
      if (size >= marker.length) expect(onDisk.includes(marker)).toBe(false);
      expect((await collect(readEvidence(ctx, e.id, { purpose: 'view' }))).equals(data)).toBe(true);
    });
  }

  it('records where it came from, a received custody event and an audit entry without contents', async () => {
    const { d, ctx, caseId, write } = await setup();
    const file = write('scan.pdf', '%PDF-1.7\nrest of a medical report');
    const before = d.auditCount();
    const e = await addEvidence(ctx, {
      caseId,
      filePath: file,
      type: 'medical-report',
      title: '  Istanbul Protocol report, Dr. Wanjiru  ',
      description: 'Findings consistent with suspension',
      source: 'Kenyatta National Hospital',
      collector: 'A. Lawyer',
      method: 'scan of the signed original',
      collectedAt: '2026-03-01T10:00+03:00',
      place: 'Nairobi',
    });
    expect(e).toMatchObject({
      type: 'medical-report',
      title: 'Istanbul Protocol report, Dr. Wanjiru',
      mediaType: 'application/pdf',
      source: 'Kenyatta National Hospital',
      collector: 'A. Lawyer',
      method: 'scan of the signed original',
      collectedAt: '2026-03-01T07:00:00.000Z',
      place: 'Nairobi',
      receivedAt: '2026-11-21T12:00:00.000Z',
      lastVerifiedAt: null,
    });
    expect(getEvidence(ctx, e.id)).toEqual(e);
    const log = custodyLog(ctx, e.id);
    expect(log.events).toEqual([
      expect.objectContaining({
        action: 'received',
        actor: 'vault-owner',
        at: '2026-11-21T12:00:00.000Z',
        details: {
          sha256: e.sha256,
          size: e.size,
          mediaType: 'application/pdf',
          fields: ['description', 'source', 'collector', 'method', 'collectedAt', 'place'],
        },
      }),
    ]);
    expect(log.chain).toEqual({ ok: true, events: 1 });
    const added = listAudit(ctx.db, { afterSeq: before }).filter((a) => a.action === 'evidence.added');
    expect(added).toHaveLength(1);
    expect(added[0]!.subject).toEqual({ kind: 'evidence', id: e.id });
    expect(added[0]!.details).toEqual({
      caseId,
      type: 'medical-report',
      mediaType: 'application/pdf',
      size: e.size,
      sha256: e.sha256,
      fields: ['description', 'source', 'collector', 'method', 'collectedAt', 'place'],
      custodyHash: log.events[0]!.hash,
    });
    expect(JSON.stringify(listAudit(ctx.db, { limit: 1000 }))).not.toMatch(
      /Wanjiru|Kenyatta|Lawyer|Nairobi|suspension|scan\.pdf/,
    );
  });

  it('detects the media type from content before the extension, and accepts one given', async () => {
    const { ctx, caseId, write } = await setup();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(100)]);
    expect((await addEvidence(ctx, { caseId, filePath: write('photo.pdf', png) })).mediaType).toBe('image/png');
    expect((await addEvidence(ctx, { caseId, filePath: write('notes.csv', 'a,b\n1,2\n') })).mediaType).toBe(
      'text/csv; charset=utf-8',
    );
    expect(
      (await addEvidence(ctx, { caseId, filePath: write('blob.bin', randomBytes(2000).fill(0, 0, 1)) })).mediaType,
    ).toBe('application/octet-stream');
    expect(
      (await addEvidence(ctx, { caseId, filePath: write('x.dat', randomBytes(10)), mediaType: 'Application/X-Custom' }))
        .mediaType,
    ).toBe('application/x-custom');
  });

  it('a failure inside the transaction leaves no row, no key, no blob file and no audit entry', async () => {
    const { d, ctx, caseId, write } = await setup();
    const before = await state(d);
    ctx.db.exec(
      "CREATE TEMP TRIGGER refuse_evidence BEFORE INSERT ON evidence BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END;",
    );
    await expect(addEvidence(ctx, { caseId, filePath: write('a.txt', 'some words') })).rejects.toThrow(
      'disk full (simulated)',
    );
    expect(await state(d)).toEqual(before);
    ctx.db.exec('DROP TRIGGER refuse_evidence');
    await addEvidence(ctx, { caseId, filePath: write('b.txt', 'more words') });
    expect(await state(d)).toMatchObject({ evidence: 1, blobs: 1, files: 1 });
  });

  it('takes in from a stream (demo data, bundle import) under the same rules', async () => {
    const { d, ctx, caseId } = await setup();
    const data = Buffer.from('%PDF-1.4 streamed report');
    const e = await addEvidenceFromSource(
      ctx,
      { caseId, fileName: 'report.pdf', type: 'medical-report', source: 'partner' },
      [data.subarray(0, 5), data.subarray(5)],
    );
    expect(e).toMatchObject({
      fileName: 'report.pdf',
      title: 'report.pdf',
      mediaType: 'application/pdf',
      sha256: sha(data),
      size: data.length,
      source: 'partner',
    });
    expect(custodyLog(ctx, e.id).events.map((x) => x.action)).toEqual(['received']);
    const before = await state(d);
    for (const fileName of ['../x.pdf', 'a/b.pdf', '..', '']) {
      expect(await addEvidenceFromSource(ctx, { caseId, fileName }, [data]).catch((x: unknown) => x)).toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('fileName'),
      });
    }
    expect(
      await addEvidenceFromSource(ctx, { caseId, fileName: 'a.pdf', filePath: '/etc/passwd' } as never, [data]).catch(
        (x: unknown) => x,
      ),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    async function* broken() {
      yield data;
      throw new Error('bundle entry cut short');
    }
    await expect(addEvidenceFromSource(ctx, { caseId, fileName: 'b.pdf' }, broken())).rejects.toThrow(
      'bundle entry cut short',
    );
    expect(await state(d)).toEqual(before);
  });

  it('takes a relative path from the working folder', async () => {
    const { ctx, caseId, write } = await setup();
    const file = write('relative.txt', 'hello');
    const e = await addEvidence(ctx, { caseId, filePath: path.relative(process.cwd(), file) });
    expect(e).toMatchObject({ fileName: 'relative.txt', sha256: sha(Buffer.from('hello')) });
  });

  it('refuses an unknown case with NOT_FOUND, writing nothing', async () => {
    const { d, ctx, write } = await setup();
    const before = await state(d);
    expect(
      await codeOf(addEvidence(ctx, { caseId: '01900000-0000-7000-8000-000000000000', filePath: write('a.txt', 'x') })),
    ).toBe('NOT_FOUND');
    expect(await state(d)).toEqual(before);
  });

  it.each([
    [{ type: 'selfie' }, 'type'],
    [{ collectedAt: '2026-13-01' }, 'collectedAt'],
    [{ collectedAt: '2026-11-23' }, 'collectedAt'],
    [{ collectedAt: '2026-11-21T12:10:00Z' }, 'collectedAt'],
    [{ mediaType: 'not a type' }, 'mediaType'],
    [{ title: 'x'.repeat(201) }, 'title'],
    [{ filePath: '' }, 'filePath'],
    [{ colour: 'red' }, 'input'],
  ])('refuses %j with INVALID_INPUT naming the field, writing nothing', async (extra, field) => {
    const { d, ctx, caseId, write } = await setup();
    const before = await state(d);
    const err = await addEvidence(ctx, { caseId, filePath: write('a.txt', 'x'), ...extra } as never).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining(field) });
    expect(await state(d)).toEqual(before);
  });

  it('accepts a collection day that is already today somewhere east of UTC', async () => {
    const { ctx, caseId, write } = await setup();
    const e = await addEvidence(ctx, { caseId, filePath: write('a.txt', 'x'), collectedAt: '2026-11-22' });
    expect(e.collectedAt).toBe('2026-11-22');
  });

  describe('a file that cannot be read is refused with EVIDENCE_UNREADABLE, leaving nothing behind', () => {
    async function refused(
      make: (s: Awaited<ReturnType<typeof setup>>) => string,
      reason: RegExp,
      onProgress?: (file: string) => void,
    ) {
      const s = await setup();
      const file = make(s);
      const before = await state(s.d);
      const err = (await addEvidence(
        s.ctx,
        { caseId: s.caseId, filePath: file },
        { onProgress: onProgress ? () => onProgress(file) : undefined },
      ).catch((e: unknown) => e)) as Error & { code: string };
      expect(err.code).toBe('EVIDENCE_UNREADABLE');
      expect(err.message).toMatch(reason);
      expect(err.message).toContain(`"${path.basename(file)}"`);
      expect(err.message).not.toContain(path.dirname(file));
      expect(await state(s.d)).toEqual(before);
      return err;
    }

    it('missing', async () => {
      await refused((s) => path.join(s.files, 'nowhere', 'missing.pdf'), /no such file/);
    });
    it('a folder', async () => {
      await refused((s) => {
        const p = path.join(s.files, 'folder.pdf');
        fs.mkdirSync(p);
        return p;
      }, /folder, not a file/);
    });
    it('a named pipe (not waited on)', async () => {
      await refused((s) => {
        const p = path.join(s.files, 'pipe');
        execFileSync('mkfifo', [p]);
        return p;
      }, /not a regular file/);
    });
    it.skipIf(process.getuid?.() === 0)('no permission to read', async () => {
      await refused((s) => {
        const p = s.write('secret.txt', 'x');
        fs.chmodSync(p, 0o000);
        return p;
      }, /permission/);
    });
    it('cut short while being read', async () => {
      let done = false;
      await refused(
        (s) => s.write('growing.mp4', randomBytes(5 * 1024 * 1024)),
        /changed while it was being read/,
        (file) => {
          if (!done) fs.truncateSync(file, 1000);
          done = true;
        },
      );
    });
    it('appended to while being read', async () => {
      let done = false;
      await refused(
        (s) => s.write('growing.mp4', randomBytes(3 * 1024 * 1024)),
        /changed while it was being read/,
        (file) => {
          if (!done) fs.appendFileSync(file, randomBytes(100));
          done = true;
        },
      );
    });
  });

  it('streams with flat memory: a 96 MiB file in, far less held', async () => {
    const { ctx, caseId, files } = await setup();
    const file = path.join(files, 'video.mp4');
    const piece = randomBytes(1024 * 1024);
    const fd = fs.openSync(file, 'w');
    for (let i = 0; i < 96; i++) fs.writeSync(fd, piece);
    fs.closeSync(fd);
    // Garbage is not what we measure: collect it before each sample (vitest runs with --expose-gc),
    // so the samples show what intake actually holds on to.
    const gc = globalThis.gc;
    expect(gc, 'tests run with --expose-gc (vitest.config.ts)').toBeTypeOf('function');
    gc!();
    const held = () => {
      const m = process.memoryUsage();
      return m.heapUsed + m.external + m.arrayBuffers;
    };
    const before = held();
    const samples: number[] = [];
    let nextSample = 0;
    const e = await addEvidence(
      ctx,
      { caseId, filePath: file },
      {
        onProgress: (done) => {
          if (done < nextSample) return;
          nextSample = done + 8 * 1024 * 1024;
          gc!();
          samples.push(held() - before);
        },
      },
    );
    expect(e.size).toBe(96 * 1024 * 1024);
    // Held memory is a few fixed buffers (read-ahead, the batches being sealed and written),
    // whose sizes and moments of allocation the platform picks: bounded well below the file at
    // every sample, and not growing with it (the typical late sample is not above the typical
    // early one by more than such a buffer or two; single samples may catch one in flight).
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const half = samples.length >> 1;
    expect(Math.max(...samples)).toBeLessThan(32 * 1024 * 1024);
    expect(median(samples.slice(half))).toBeLessThanOrEqual(median(samples.slice(0, half)) + 16 * 1024 * 1024);
  });
});

describe('working copies', () => {
  it('links a copy to its original, with custody events on both and the reason in the record only', async () => {
    const { d, ctx, caseId, write } = await setup();
    const original = await addEvidence(ctx, {
      caseId,
      filePath: write('statement.pdf', '%PDF-1.4 full statement'),
      type: 'testimony',
      source: 'survivor',
    });
    d.setNow('2026-11-22T09:00:00.000Z');
    const auditBefore = d.auditCount();
    const copy = await addDerivedCopy(ctx, {
      originalId: original.id,
      filePath: write('statement-redacted.pdf', '%PDF-1.4 redacted'),
      reason: 'names of witnesses redacted for filing',
    });
    expect(copy).toMatchObject({
      caseId,
      type: 'testimony',
      derivedFrom: original.id,
      derivationReason: 'names of witnesses redacted for filing',
      title: 'statement-redacted.pdf',
      source: '',
      sha256: sha(Buffer.from('%PDF-1.4 redacted')),
      receivedAt: '2026-11-22T09:00:00.000Z',
    });
    expect(custodyLog(ctx, copy.id).events.map((e) => [e.action, e.details])).toEqual([
      ['received', { sha256: copy.sha256, size: copy.size, mediaType: 'application/pdf', derivedFrom: original.id }],
    ]);
    const originalLog = custodyLog(ctx, original.id);
    expect(originalLog.events.map((e) => [e.action, e.details])).toEqual([
      ['received', expect.any(Object)],
      ['derived', { copyId: copy.id, sha256: copy.sha256 }],
    ]);
    expect(originalLog.chain.ok).toBe(true);
    const audit = listAudit(ctx.db, { afterSeq: auditBefore });
    expect(audit.map((a) => a.action)).toEqual(['evidence.copy-added', 'evidence.derived']);
    expect(JSON.stringify(audit)).not.toMatch(/redacted for filing/);

    // A copy of a copy links to the item it was made from.
    const second = await addDerivedCopy(ctx, {
      originalId: copy.id,
      filePath: write('statement-redacted-2.pdf', '%PDF-1.4 more redacted'),
      reason: 'addresses removed too',
    });
    expect(second.derivedFrom).toBe(copy.id);

    expect(listEvidence(ctx, { caseId }).map((e) => e.id)).toEqual([original.id, copy.id, second.id]);
    expect(listEvidence(ctx, { caseId, includeCopies: false }).map((e) => e.id)).toEqual([original.id]);
  });

  it('refuses an unknown original, a missing reason and an unreadable file, writing nothing', async () => {
    const { d, ctx, caseId, write, files } = await setup();
    const original = await addEvidence(ctx, { caseId, filePath: write('a.txt', 'a') });
    const before = await state(d);
    expect(
      await codeOf(
        addDerivedCopy(ctx, {
          originalId: '01900000-0000-7000-8000-000000000000',
          filePath: write('b.txt', 'b'),
          reason: 'r',
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await addDerivedCopy(ctx, { originalId: original.id, filePath: write('c.txt', 'c'), reason: '  ' }).catch(
        (e: unknown) => e,
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('reason') });
    expect(
      await codeOf(
        addDerivedCopy(ctx, { originalId: original.id, filePath: path.join(files, 'nope.txt'), reason: 'r' }),
      ),
    ).toBe('EVIDENCE_UNREADABLE');
    expect(await state(d)).toEqual(before);
  });
});

describe('listing', () => {
  it('filters by type and refuses an unknown case', async () => {
    const { ctx, caseId, write } = await setup();
    const other = createCase(ctx, { title: 'Other' });
    const photo = await addEvidence(ctx, {
      caseId,
      filePath: write('p.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2])),
      type: 'photo',
    });
    await addEvidence(ctx, { caseId, filePath: write('d.txt', 'd') });
    await addEvidence(ctx, { caseId: other.id, filePath: write('o.txt', 'o') });
    expect(listEvidence(ctx, { caseId, type: 'photo' }).map((e) => e.id)).toEqual([photo.id]);
    expect(listEvidence(ctx, { caseId })).toHaveLength(2);
    expect(codeOfSync(() => listEvidence(ctx, { caseId: '01900000-0000-7000-8000-000000000000' }))).toBe('NOT_FOUND');
    expect(codeOfSync(() => listEvidence(ctx, { caseId, type: 'selfie' as never }))).toBe('INVALID_INPUT');
    expect(codeOfSync(() => getEvidence(ctx, '01900000-0000-7000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(codeOfSync(() => getEvidence(ctx, 'not-an-id'))).toBe('INVALID_INPUT');
  });
});

describe('verification', () => {
  async function stored(size = 3 * CHUNK_BYTES + 100) {
    const s = await setup();
    const data = randomBytes(size);
    const e = await addEvidence(s.ctx, { caseId: s.caseId, filePath: s.write('photo.jpg', data), type: 'photo' });
    return { ...s, e, data, blobFile: s.ctx.blobs.pathFor(e.blobId) };
  }

  it('a match is recorded as a verified custody event and in last_verified_at', async () => {
    const { d, ctx, e } = await stored();
    d.setNow('2026-12-01T08:00:00.000Z');
    const r = await verifyEvidence(ctx, e.id);
    expect(r).toEqual({
      id: e.id,
      result: 'match',
      sha256: e.sha256,
      size: e.size,
      verifiedAt: '2026-12-01T08:00:00.000Z',
    });
    expect(getEvidence(ctx, e.id)).toMatchObject({ lastVerifiedAt: '2026-12-01T08:00:00.000Z', version: 1 });
    const last = custodyLog(ctx, e.id).events.at(-1)!;
    expect(last).toMatchObject({
      action: 'verified',
      at: '2026-12-01T08:00:00.000Z',
      details: { sha256: e.sha256, result: 'match' },
    });
    expect(listAudit(ctx.db, { limit: 1000 }).at(-1)).toMatchObject({
      action: 'evidence.verified',
      subject: { kind: 'evidence', id: e.id },
      details: { result: 'match', custodyHash: last.hash },
    });
  });

  const tamperings: Array<[string, (blobFile: string) => void, string]> = [
    [
      'a flipped byte',
      (f) => {
        const b = fs.readFileSync(f);
        b[100]! ^= 0x01;
        fs.writeFileSync(f, b);
      },
      'BLOB_TAMPERED',
    ],
    ['a truncated file', (f) => fs.truncateSync(f, fs.statSync(f).size - 10), 'BLOB_TRUNCATED'],
    ['a deleted file', (f) => fs.rmSync(f), 'BLOB_MISSING'],
  ];
  for (const [what, tamper, code] of tamperings) {
    it(`${what}: ${code} thrown and a verification-failed event committed`, async () => {
      const { d, ctx, e, blobFile } = await stored();
      tamper(blobFile);
      const eventsBefore = custodyRows(d);
      const err = (await verifyEvidence(ctx, e.id).catch((x: unknown) => x)) as Error & { code: string };
      expect(err.code).toBe(code);
      expect(err.message).toContain(`Evidence ${e.id} failed verification`);
      expect(custodyRows(d)).toBe(eventsBefore + 1);
      const log = custodyLog(ctx, e.id);
      expect(log.events.at(-1)).toMatchObject({ action: 'verification-failed', details: { code, during: 'verify' } });
      expect(log.chain.ok).toBe(true);
      expect(listAudit(ctx.db, { limit: 1000 }).at(-1)).toMatchObject({
        action: 'evidence.verification-failed',
        details: { code, during: 'verify' },
      });
      expect(getEvidence(ctx, e.id).lastVerifiedAt).toBeNull();
    });
  }

  it('a recorded hash that differs from the content: EVIDENCE_HASH_MISMATCH', async () => {
    const { ctx, e } = await stored(1000);
    // the evidence row (not append-only) edited with the key in hand
    ctx.db.prepare('UPDATE evidence SET sha256 = ? WHERE id = ?').run(['0'.repeat(64), e.id]);
    expect(await codeOf(verifyEvidence(ctx, e.id))).toBe('EVIDENCE_HASH_MISMATCH');
    expect(custodyLog(ctx, e.id).events.at(-1)).toMatchObject({
      action: 'verification-failed',
      details: { code: 'EVIDENCE_HASH_MISMATCH' },
    });
  });

  it("the store's hash edited: reported as EVIDENCE_HASH_MISMATCH too", async () => {
    const { ctx, e } = await stored(1000);
    ctx.db.prepare('UPDATE blobs SET sha256 = ? WHERE id = ?').run(['1'.repeat(64), e.blobId]);
    const err = (await verifyEvidence(ctx, e.id).catch((x: unknown) => x)) as Error & { code: string };
    expect(err.code).toBe('EVIDENCE_HASH_MISMATCH');
    expect(err.message).toMatch(/does not match the SHA-256 recorded/);
  });

  it('an unknown id: NOT_FOUND and no event', async () => {
    const { d, ctx } = await stored(10);
    const before = custodyRows(d);
    expect(await codeOf(verifyEvidence(ctx, '01900000-0000-7000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(custodyRows(d)).toBe(before);
  });
});

describe('reading for the viewer', () => {
  it('records viewed or copied before the first byte, and streams the plaintext', async () => {
    const { ctx, caseId, write } = await setup();
    const data = randomBytes(200_000);
    const e = await addEvidence(ctx, { caseId, filePath: write('v.bin', data) });
    const stream = readEvidence(ctx, e.id, { purpose: 'view' });
    expect(custodyLog(ctx, e.id).events.at(-1)!.action).toBe('viewed');
    expect((await collect(stream)).equals(data)).toBe(true);
    await collect(readEvidence(ctx, e.id, { purpose: 'copy' }));
    expect(custodyLog(ctx, e.id).events.map((x) => x.action)).toEqual(['received', 'viewed', 'copied']);
    expect(
      listAudit(ctx.db, { limit: 1000 })
        .slice(-2)
        .map((a) => a.action),
    ).toEqual(['evidence.viewed', 'evidence.copied']);
    expect(codeOfSync(() => readEvidence(ctx, e.id, { purpose: 'print' as never }))).toBe('INVALID_INPUT');
  });

  it('a tampered item fails mid-stream and the failure is recorded', async () => {
    const { ctx, caseId, write } = await setup();
    const e = await addEvidence(ctx, { caseId, filePath: write('v.bin', randomBytes(3 * CHUNK_BYTES)) });
    const f = ctx.blobs.pathFor(e.blobId);
    const b = fs.readFileSync(f);
    b[b.length - 5]! ^= 0x80;
    fs.writeFileSync(f, b);
    expect(await codeOf(collect(readEvidence(ctx, e.id, { purpose: 'view' })))).toBe('BLOB_TAMPERED');
    expect(custodyLog(ctx, e.id).events.map((x) => [x.action, x.details])).toEqual([
      ['received', expect.any(Object)],
      ['viewed', {}],
      ['verification-failed', { code: 'BLOB_TAMPERED', during: 'read' }],
    ]);
  });
});

describe('export of a decrypted copy', () => {
  async function exported() {
    const s = await setup();
    const data = randomBytes(CHUNK_BYTES * 2 + 333);
    const e = await addEvidence(s.ctx, { caseId: s.caseId, filePath: s.write('photo.jpg', data) });
    const outDir = tempDir('cv-export-');
    return { ...s, e, data, outDir };
  }

  it('writes the exact bytes, private to the user, and records it', async () => {
    const { d, ctx, e, data, outDir } = await exported();
    const dest = path.join(outDir, 'for-court.jpg');
    const auditBefore = d.auditCount();
    const r = await exportEvidence(ctx, e.id, dest, { reason: 'filed with the court, exhibit 4' });
    expect(r).toEqual({
      id: e.id,
      path: dest,
      sha256: e.sha256,
      size: data.length,
      exportedAt: '2026-11-21T12:00:00.000Z',
    });
    expect(fs.readFileSync(dest).equals(data)).toBe(true);
    expect(fs.statSync(dest).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(outDir)).toEqual(['for-court.jpg']);
    expect(custodyLog(ctx, e.id).events.at(-1)).toMatchObject({
      action: 'exported',
      details: { sha256: e.sha256, size: data.length, reason: 'filed with the court, exhibit 4' },
    });
    const audit = listAudit(ctx.db, { afterSeq: auditBefore });
    expect(audit.map((a) => a.action)).toEqual(['evidence.exported']);
    expect(Object.keys(audit[0]!.details).sort()).toEqual(['custodyHash', 'sha256', 'size']);
  });

  it('refuses an existing file (and a dangling link), leaving it as it was', async () => {
    const { d, ctx, e, outDir } = await exported();
    const dest = path.join(outDir, 'exists.jpg');
    fs.writeFileSync(dest, 'keep me');
    const link = path.join(outDir, 'link.jpg');
    fs.symlinkSync(path.join(outDir, 'nowhere'), link);
    const before = await state(d);
    expect(await codeOf(exportEvidence(ctx, e.id, dest, { reason: 'r' }))).toBe('EXPORT_TARGET_EXISTS');
    expect(await codeOf(exportEvidence(ctx, e.id, link, { reason: 'r' }))).toBe('EXPORT_TARGET_EXISTS');
    expect(fs.readFileSync(dest, 'utf8')).toBe('keep me');
    expect(fs.readdirSync(outDir).sort()).toEqual(['exists.jpg', 'link.jpg']);
    expect(fs.existsSync(path.join(outDir, 'nowhere'))).toBe(false);
    expect(await state(d)).toEqual(before);
  });

  it('refuses a folder that does not exist, and needs a reason', async () => {
    const { d, ctx, e, outDir } = await exported();
    const before = await state(d);
    expect(await codeOf(exportEvidence(ctx, e.id, path.join(outDir, 'no', 'x.jpg'), { reason: 'r' }))).toBe('IO_ERROR');
    expect(
      await exportEvidence(ctx, e.id, path.join(outDir, 'x.jpg'), { reason: '' }).catch((x: unknown) => x),
    ).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('reason') });
    expect(
      await codeOf(
        exportEvidence(ctx, '01900000-0000-7000-8000-000000000000', path.join(outDir, 'x.jpg'), { reason: 'r' }),
      ),
    ).toBe('NOT_FOUND');
    expect(fs.readdirSync(outDir)).toEqual([]);
    expect(await state(d)).toEqual(before);
  });

  it('a tampered item: nothing left in the folder, the failure recorded, no export event', async () => {
    const { ctx, e, outDir } = await exported();
    const f = ctx.blobs.pathFor(e.blobId);
    const b = fs.readFileSync(f);
    b[b.length - 3]! ^= 0x01; // the final chunk: the first chunks were already written out
    fs.writeFileSync(f, b);
    expect(await codeOf(exportEvidence(ctx, e.id, path.join(outDir, 'x.jpg'), { reason: 'r' }))).toBe('BLOB_TAMPERED');
    expect(fs.readdirSync(outDir)).toEqual([]);
    expect(custodyLog(ctx, e.id).events.map((x) => x.action)).toEqual(['received', 'verification-failed']);
  });
});
