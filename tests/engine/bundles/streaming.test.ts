// The fast paths of bundle export and import (docs/performance.md, "Bundles"): buffers lent
// from one piece to the next, reads and writes in 4 MiB blocks, hashing on a second thread.
// Every test checks exact bytes; the lending sources scribble over what they lent before each
// new piece, so a consumer that kept a lent piece too long would see garbage, not pass.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ByteReader } from '../../../src-main/engine/age/byte-reader.js';
import {
  CHUNK_BYTES,
  X25519Identity,
  decryptAge,
  encryptAge,
  readAgeHeader,
} from '../../../src-main/engine/age/index.js';
import { exportBundle, importBundle } from '../../../src-main/engine/bundles/index.js';
import { WriteBehind } from '../../../src-main/engine/bundles/out-file.js';
import { HashThread, parallelHashTuning } from '../../../src-main/engine/bundles/parallel-hash.js';
import { TarReader, writeTar } from '../../../src-main/engine/tar/tar.js';
import { get, run, sql } from '../../../src-main/engine/db/sql.js';
import { readEvidence } from '../../../src-main/engine/evidence/evidence-service.js';
import {
  PREFIX_BYTES,
  SEALED_CHUNK_BYTES as BLOB_SEALED,
  expectedFileSize,
} from '../../../src-main/engine/evidence-store/blob-format.js';
import { chunksOf, codeOf, collect, newVault, tempDir } from '../../helpers.js';
import { type Side, dumpTables, outPath, seedCase, twoVaults } from './bundle-helpers.js';

const MIB = 1024 * 1024;
const AGE_SEALED = CHUNK_BYTES + 16;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Lends `data` in pieces of the given sizes (cycled) from one buffer, poisoned before each refill. */
async function* lending(data: Buffer, sizes: number[]): AsyncGenerator<Buffer> {
  const buf = Buffer.alloc(Math.max(...sizes));
  let at = 0;
  for (let i = 0; at < data.length; i++) {
    buf.fill(0xa5);
    const n = Math.min(sizes[i % sizes.length]!, data.length - at);
    data.copy(buf, 0, at, at + n);
    at += n;
    yield buf.subarray(0, n);
  }
  buf.fill(0xa5);
}

/** Lends `data` cut at the given offsets (then in 64 KiB pieces), from one buffer poisoned before each refill. */
async function* lendingAt(data: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  const ends = [...cuts.filter((c) => c > 0 && c < data.length)];
  for (let at = Math.max(0, ...ends) + 65_536; at < data.length; at += 65_536) ends.push(at);
  ends.push(data.length);
  const buf = Buffer.alloc(Math.max(...ends.map((e, i) => e - (i === 0 ? 0 : ends[i - 1]!))));
  let start = 0;
  for (const end of ends) {
    buf.fill(0xa5);
    data.copy(buf, 0, start, end);
    yield buf.subarray(0, end - start);
    start = end;
  }
  buf.fill(0xa5);
}

/** Every piece copied the moment it arrives, as a lent stream requires. */
async function copied(stream: AsyncIterable<Uint8Array>, onPiece?: (p: Uint8Array) => void): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of stream) {
    onPiece?.(p);
    parts.push(Buffer.from(p));
  }
  return Buffer.concat(parts);
}

const PATTERNS: number[][] = [[1], [7, 3], [511, 513, 1], [4096], [AGE_SEALED + 1, 17], [3 * MIB + 5]];

describe('ByteReader over a lending source', () => {
  for (const sizes of PATTERNS) {
    it(`returns the exact bytes for pieces of ${sizes.join('/')}`, async () => {
      const data = randomBytes(200_000);
      const r = new ByteReader(lending(data, sizes), { lent: true });
      const parts: Buffer[] = [];
      // reads of every awkward size, each copied before the next fill (which may pull)
      const reads = [1, 512, 3, AGE_SEALED, 700, 4096, 65_535];
      for (let i = 0; ; i++) {
        const have = await r.fill(reads[i % reads.length]!);
        if (have === 0) break;
        parts.push(Buffer.from(r.take(Math.min(have, reads[i % reads.length]!))));
      }
      expect(Buffer.concat(parts).equals(data)).toBe(true);
      expect(r.position).toBe(data.length);
    });
  }
});

describe('TarReader over a lending source', () => {
  const entries = [
    { name: 'manifest.json', data: randomBytes(1000) },
    { name: 'manifest.sig', data: randomBytes(64) },
    { name: 'files/empty', data: Buffer.alloc(0) },
    { name: 'files/a', data: randomBytes(70_000) },
    { name: 'files/b', data: randomBytes(512) },
    { name: 'files/c', data: randomBytes(200_001) },
  ];
  for (const sizes of PATTERNS) {
    it(`reads every entry exactly for pieces of ${sizes.join('/')}`, async () => {
      const archive = await collect(
        writeTar(entries.map((e) => ({ name: e.name, size: e.data.length, data: e.data }))),
      );
      const r = new TarReader(lending(archive, sizes), { lent: true });
      const out: Array<{ name: string; data: Buffer }> = [];
      for (let e = await r.next(), i = 0; e; e = await r.next(), i++) {
        // alternately streamed (pieces valid until the next is pulled) and read whole
        out.push({ name: e.name, data: i % 2 === 0 ? await copied(r.content()) : await r.readAll() });
      }
      expect(out).toEqual(entries);
    });
  }

  it('is as strict: non-zero padding and data after the end are refused', async () => {
    const archive = await collect(writeTar([{ name: 'files/a', data: Buffer.alloc(100, 1), size: 100 }]));
    const badPad = Buffer.from(archive);
    badPad[512 + 300] = 1;
    const trailing = Buffer.concat([archive, Buffer.from([0])]);
    for (const bytes of [badPad, trailing]) {
      const r = new TarReader(lending(bytes, [7, 512]), { lent: true });
      expect(
        await codeOf(
          (async () => {
            for (let e = await r.next(); e; e = await r.next()) await copied(r.content());
          })(),
        ),
      ).toBe('BUNDLE_TAR_INVALID');
    }
  });
});

describe('age with lent buffers', () => {
  const me = X25519Identity.generate();
  const data = randomBytes(9 * MIB + 12_345); // more than two batches of 64 chunks

  it('encrypts from a lending source into two output buffers in turn; each piece holds while the next is pulled', async () => {
    const buffers = new Set<ArrayBufferLike>();
    const parts: Buffer[] = [];
    let held: { piece: Uint8Array; copy: Buffer } | null = null;
    for await (const p of encryptAge(lending(data, [MIB + 3, 4 * MIB, 17]), [me.recipient()], { reuseBuffer: true })) {
      if (held) expect(Buffer.from(held.piece).equals(held.copy)).toBe(true);
      held = { piece: p, copy: Buffer.from(p) };
      parts.push(held.copy);
      buffers.add(p.buffer);
    }
    // the header piece, then every batch from one of two buffers
    expect(buffers.size).toBe(3);
    expect((await collect(decryptAge([Buffer.concat(parts)], [me]))).equals(data)).toBe(true);
  });

  it('decrypts into one lent buffer; a damaged chunk in the second batch releases exactly the chunks before it', async () => {
    const file = await collect(encryptAge([data], [me.recipient()]));
    const buffers = new Set<ArrayBufferLike>();
    const out = await copied(decryptAge(chunksOf(file, MIB + 7), [me], { reuseBuffer: true }), (p) =>
      buffers.add(p.buffer),
    );
    expect(out.equals(data)).toBe(true);
    expect(buffers.size).toBe(1);

    const headerEnd = file.length - (data.length + 16 + Math.ceil(data.length / CHUNK_BYTES) * 16);
    const damaged = Buffer.from(file);
    damaged[headerEnd + 16 + 70 * AGE_SEALED + 5]! ^= 1;
    const parts: Buffer[] = [];
    let code = '';
    try {
      for await (const p of decryptAge(chunksOf(damaged, 4 * MIB), [me], { reuseBuffer: true }))
        parts.push(Buffer.from(p));
    } catch (e) {
      code = (e as { code: string }).code;
    }
    expect(code).toBe('AGE_PAYLOAD_CORRUPT');
    expect(Buffer.concat(parts).equals(data.subarray(0, 70 * CHUNK_BYTES))).toBe(true);
  });
});

describe('age over a lending source', () => {
  const me = X25519Identity.generate();
  const data = randomBytes(5 * 64 * 1024 + 1000);

  for (const sizes of [[1], [13, 64], [AGE_SEALED - 1], [AGE_SEALED], [AGE_SEALED + 1], [4 * MIB]]) {
    it(`opens a file lent in pieces of ${sizes.join('/')}, header included`, async () => {
      const file = await collect(encryptAge([data], [me.recipient()]));
      const out = await copied(
        decryptAge(lending(file, sizes), [me], { lentSource: true, reuseBuffer: sizes[0] !== 13 }),
      );
      expect(out.equals(data)).toBe(true);
    });
  }

  it('pieces that end exactly where a header line or a chunk ends', async () => {
    const file = await collect(encryptAge([data], [me.recipient()]));
    const header = await readAgeHeader([file]);
    const headerEnd = header.macInput.length + 1 + 43 + 1;
    const lineEnds: number[] = [];
    for (let i = 0; i < headerEnd; i++) if (file[i] === 0x0a) lineEnds.push(i + 1);
    const chunkEnds = [1, 2, 3].map((k) => headerEnd + 16 + k * AGE_SEALED);
    // armor: false, else the armor check reads the first KiB ahead (the whole header)
    for (const armor of [false, 'auto'] as const) {
      const out = await copied(
        decryptAge(lendingAt(file, [...lineEnds, headerEnd + 16, ...chunkEnds]), [me], {
          armor,
          lentSource: true,
          reuseBuffer: true,
        }),
      );
      expect(out.equals(data)).toBe(true);
    }
  });

  it('an armored file, lent', async () => {
    const file = await collect(encryptAge([data], [me.recipient()], { armor: true }));
    expect((await copied(decryptAge(lending(file, [100, 7]), [me], { lentSource: true }))).equals(data)).toBe(true);
  });

  it('still refuses a file cut at a chunk boundary and one with a byte appended', async () => {
    const file = await collect(encryptAge([data], [me.recipient()]));
    const cut = file.subarray(0, file.length - (1000 + 16)); // the final (short) chunk gone
    const appended = Buffer.concat([file, Buffer.from([0])]);
    const code = async (bytes: Buffer) =>
      codeOf(copied(decryptAge(lending(bytes, [AGE_SEALED + 1, 4096]), [me], { lentSource: true, reuseBuffer: true })));
    expect(await code(cut)).toBe('AGE_TRUNCATED');
    expect(await code(appended)).toBe('AGE_PAYLOAD_CORRUPT');
  });
});

describe('evidence store: block reads and batched writes', () => {
  const size = 9 * MIB + 5; // three read blocks, more than two write batches

  async function stored() {
    const { vault } = await newVault();
    const data = randomBytes(size);
    const put = await vault.blobs.put(chunksOf(data, 1_000_003));
    return { vault, data, put, file: vault.blobs.pathFor(put.blobId) };
  }

  it('round-trips a multi-block file, fresh pieces and lent ones; the lent buffer is zeroed at the end', async () => {
    const { vault, data, put, file } = await stored();
    expect(put.sha256).toBe(sha256(data));
    expect(fs.statSync(file).size).toBe(expectedFileSize(size));
    expect((await collect(vault.blobs.get(put.blobId))).equals(data)).toBe(true);
    const buffers = new Set<ArrayBufferLike>();
    let last: Uint8Array | null = null;
    const out = await copied(vault.blobs.get(put.blobId, { reuseBuffer: true }), (p) => {
      buffers.add(p.buffer);
      last = p;
    });
    expect(out.equals(data)).toBe(true);
    expect(buffers.size).toBe(1);
    expect(last!.every((b) => b === 0)).toBe(true);
  });

  it('a consumer that stops early leaves nothing running: the lent buffer is zeroed, the file can go', async () => {
    const { vault, put, file } = await stored();
    let first: Uint8Array | null = null;
    for await (const p of vault.blobs.get(put.blobId, { reuseBuffer: true })) {
      first = p;
      break;
    }
    expect(first!.length).toBe(64 * CHUNK_BYTES);
    expect(first!.every((b) => b === 0)).toBe(true);
    await vault.blobs.erase(put.blobId, 'test');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('damage in a later block: a flipped byte, chunks swapped across blocks, a cut at a block boundary', async () => {
    const { vault, put, file } = await stored();
    const original = fs.readFileSync(file);
    const chunkAt = (i: number) => PREFIX_BYTES + i * BLOB_SEALED;

    const flipped = Buffer.from(original);
    flipped[chunkAt(100) + 9]! ^= 1;
    fs.writeFileSync(file, flipped);
    expect(await codeOf(collect(vault.blobs.get(put.blobId)))).toBe('BLOB_TAMPERED');

    const swapped = Buffer.from(original);
    original.copy(swapped, chunkAt(63), chunkAt(64), chunkAt(65));
    original.copy(swapped, chunkAt(64), chunkAt(63), chunkAt(64));
    fs.writeFileSync(file, swapped);
    expect(await codeOf(collect(vault.blobs.get(put.blobId, { reuseBuffer: true })))).toBe('BLOB_TAMPERED');

    fs.writeFileSync(file, original.subarray(0, chunkAt(128)));
    expect(await codeOf(collect(vault.blobs.get(put.blobId)))).toBe('BLOB_TRUNCATED');

    fs.writeFileSync(file, original);
    expect(sha256(await collect(vault.blobs.get(put.blobId)))).toBe(put.sha256);
  });
});

describe('WriteBehind', () => {
  it("writes pieces of every size in order, each from the caller's buffer until the next write returns", async () => {
    const file = path.join(tempDir(), 'out.bin');
    const fh = await fsp.open(file, 'wx', 0o600);
    const sizes = [0, 1, 4 * MIB - 1, 4 * MIB, 4 * MIB + 1, 9 * MIB, 3, 70 * MIB];
    const pieces = sizes.map((n) => randomBytes(n));
    // two buffers in turn, as the age stream lends them; the one freed by each write() is scribbled over
    const buffers = [Buffer.alloc(70 * MIB), Buffer.alloc(70 * MIB)];
    const w = new WriteBehind(fh);
    try {
      for (let i = 0; i < pieces.length; i++) {
        const b = buffers[i % 2]!;
        pieces[i]!.copy(b);
        await w.write(b.subarray(0, pieces[i]!.length));
        buffers[(i + 1) % 2]!.fill(0xa5);
      }
      await w.end();
    } finally {
      await w.settle();
      await fh.close();
    }
    expect(w.bytes).toBe(sizes.reduce((a, b) => a + b, 0));
    expect(fs.readFileSync(file).equals(Buffer.concat(pieces))).toBe(true);
  });

  it('a failed write is thrown by the writer, never left as an unhandled rejection', async () => {
    const file = path.join(tempDir(), 'out.bin');
    const fh = await fsp.open(file, 'wx', 0o600);
    await fh.close(); // every write now fails
    const w = new WriteBehind(fh);
    const attempt = (async () => {
      for (let i = 0; i < 4; i++) await w.write(Buffer.alloc(3 * MIB));
      await w.end();
    })();
    await expect(attempt).rejects.toThrow();
    await w.settle();
  });
});

describe('HashThread', () => {
  it('gives the SHA-256 of what each hash was given, hashes interleaved, whatever the piece sizes', async () => {
    const t = new HashThread();
    try {
      expect(await t.sha256().digest()).toBe(sha256(Buffer.alloc(0)));
      const patterns = [[1], [4 * MIB], [4 * MIB + 1], [13 * MIB + 3, 5, 0, 4 * MIB - 1], [17 * MIB]];
      const hashes = patterns.map(() => t.sha256());
      const pieces = patterns.map((sizes) => sizes.map((n) => randomBytes(n)));
      // interleaved: piece i of every hash, then piece i + 1 …
      for (let i = 0; i < 4; i++) {
        for (let k = 0; k < patterns.length; k++) {
          const p = pieces[k]![i];
          if (!p) continue;
          const lent = Buffer.from(p);
          await hashes[k]!.update(lent);
          lent.fill(0xa5); // copied before update settles
        }
      }
      const digests = await Promise.all(hashes.map((h) => h.digest()));
      expect(digests).toEqual(pieces.map((ps) => sha256(Buffer.concat(ps))));
      expect(() => hashes[0]!.digest()).toThrow();
    } finally {
      await t.close();
      await t.close();
    }
    await expect(Promise.resolve().then(() => t.sha256().update(Buffer.alloc(1)))).rejects.toThrow();
  });

  it('the evidence store hashes on it: the same digest as here', async () => {
    const { vault } = await newVault();
    const data = randomBytes(9 * MIB + 1);
    const t = new HashThread();
    try {
      const pending = await vault.blobs.write(chunksOf(data, 3 * MIB + 7), undefined, { hash: t.sha256() });
      expect(pending.sha256).toBe(sha256(data));
      await vault.blobs.release(pending, false);
    } finally {
      await t.close();
    }
  });
});

describe('export and import of a bundle larger than one read', () => {
  const saved = parallelHashTuning.minBytes;
  afterEach(() => {
    parallelHashTuning.minBytes = saved;
  });
  const exportInput = (s: Side, caseId: string, evidenceId: string) => ({
    partnerId: s.partnerId,
    caseIds: [caseId],
    evidenceIds: [evidenceId],
    purpose: 'Referral to the regional commission',
    onMissingConsent: 'leave-out',
    out: outPath(),
  });

  for (const parallel of [true, false]) {
    it(`round trip, hashing ${parallel ? 'on a second thread' : 'inline'}: the evidence arrives byte for byte`, async () => {
      parallelHashTuning.minBytes = parallel ? 0 : Number.MAX_SAFE_INTEGER;
      const { sender, recipient } = await twoVaults();
      const seed = await seedCase(sender, 9 * MIB + 12_345);
      const ex = await exportBundle(sender.ctx, exportInput(sender, seed.caseId, seed.evidenceId));
      expect(fs.statSync(ex.path).size).toBe(ex.bytes);
      const seen: number[] = [];
      const r = await importBundle(recipient.ctx, ex.path, (p) => seen.push(p.done));
      expect(r.result).toBe('imported');
      expect(r.counts.files).toBe(1);
      expect(seen[0]).toBe(0);
      expect(seen.at(-1)).toBe(ex.bytes);
      const got = await collect(readEvidence(recipient.ctx, seed.evidenceId, { purpose: 'view' }));
      expect(got.equals(seed.fileBytes)).toBe(true);
    });
  }

  it('second thread: a stored file that does not match its recorded hash stops the export; no file, no row', async () => {
    parallelHashTuning.minBytes = 0;
    const { sender } = await twoVaults();
    const seed = await seedCase(sender, 5 * MIB);
    run(sender.ctx.db, sql`UPDATE evidence SET sha256 = ${'0'.repeat(64)} WHERE id = ${seed.evidenceId}`);
    const input = exportInput(sender, seed.caseId, seed.evidenceId);
    const before = dumpTables(sender.ctx);
    expect(await codeOf(exportBundle(sender.ctx, input))).toBe('EVIDENCE_HASH_MISMATCH');
    expect(fs.readdirSync(path.dirname(input.out))).toEqual([]);
    expect(dumpTables(sender.ctx)).toEqual(before);
  });

  it('a bundle damaged in its second read block is refused; nothing is stored', async () => {
    const { sender, recipient } = await twoVaults();
    const seed = await seedCase(sender, 9 * MIB);
    const ex = await exportBundle(sender.ctx, exportInput(sender, seed.caseId, seed.evidenceId));
    const bytes = fs.readFileSync(ex.path);
    bytes[6 * MIB]! ^= 1;
    fs.writeFileSync(ex.path, bytes);
    const before = dumpTables(recipient.ctx);
    expect(await codeOf(importBundle(recipient.ctx, ex.path))).toBe('AGE_PAYLOAD_CORRUPT');
    expect(dumpTables(recipient.ctx)).toEqual(before);
    const left: string[] = [];
    for await (const f of recipient.ctx.blobs.listFiles()) left.push(f.file);
    expect(left).toEqual([]);
    expect(get(recipient.ctx.db, sql`SELECT count(*) AS n FROM blobs`)).toEqual({ n: 0 });
  });
});
