import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VaultError } from '../../shared/errors.js';
import { CHUNK_BYTES, expectedFileSize } from '../../src-main/engine/evidence-store/blob-format.js';
import { chunksOf, codeOf, collect, newVault } from '../helpers.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('evidence store', () => {
  const sizes = [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES, 1_000_003];
  for (const size of sizes) {
    it(`round-trips ${size} bytes, fed in odd-sized pieces`, async () => {
      const { vault } = await newVault();
      const data = randomBytes(size);
      const stored = await vault.blobs.put(chunksOf(data, 7919));
      expect(stored).toEqual({ blobId: expect.stringMatching(/^[0-9a-f]{32}$/), sha256: sha(data), size });
      const file = vault.blobs.pathFor(stored.blobId);
      expect(fs.statSync(file).size).toBe(expectedFileSize(size));
      expect((await collect(vault.blobs.get(stored.blobId))).equals(data)).toBe(true);
    });
  }

  it('stores each file under its own key: same content, different ciphertext', async () => {
    const { vault } = await newVault();
    const data = Buffer.alloc(100_000, 7);
    const a = await vault.blobs.put([data]);
    const b = await vault.blobs.put([data]);
    expect(a.sha256).toBe(b.sha256);
    expect(fs.readFileSync(vault.blobs.pathFor(a.blobId)).equals(fs.readFileSync(vault.blobs.pathFor(b.blobId)))).toBe(
      false,
    );
  });

  it('records the put in the audit log with hash and size only', async () => {
    const { vault } = await newVault();
    const { blobId } = await vault.blobs.put([Buffer.from('hello')]);
    const { listAudit } = await import('../../src-main/engine/audit/audit-log.js');
    const last = listAudit(vault.db).at(-1)!;
    expect(last.action).toBe('blob.stored');
    expect(last.subject).toEqual({ kind: 'blob', id: blobId });
    expect(Object.keys(last.details).sort()).toEqual(['sha256', 'size']);
  });

  it('reports progress in bytes', async () => {
    const { vault } = await newVault();
    const seen: number[] = [];
    await vault.blobs.put(chunksOf(randomBytes(300_000), 100_000), (n) => seen.push(n));
    expect(seen).toEqual([100_000, 200_000, 300_000]);
  });

  it('a failing source leaves no file and no row', async () => {
    const { vault } = await newVault();
    async function* broken() {
      yield randomBytes(200_000);
      throw new Error('disk unplugged');
    }
    await expect(vault.blobs.put(broken())).rejects.toThrow('disk unplugged');
    const files = [];
    for await (const f of vault.blobs.listFiles()) files.push(f);
    expect(files).toEqual([]);
    expect(vault.status().counts.blobs).toBe(0);
  });

  describe('tampering and truncation fail with a clear error', () => {
    async function stored(size = 3 * CHUNK_BYTES + 100) {
      const { vault } = await newVault();
      const data = randomBytes(size);
      const { blobId } = await vault.blobs.put([data]);
      return { vault, blobId, file: vault.blobs.pathFor(blobId), data };
    }
    const flipAt = (file: string, pos: number) => {
      const b = fs.readFileSync(file);
      b[pos]! ^= 0x01;
      fs.writeFileSync(file, b);
    };

    it('a flipped byte in the magic, the header, and each chunk', async () => {
      const { vault, blobId, file } = await stored();
      const original = fs.readFileSync(file);
      const positions = [0, 10, 40, 40 + CHUNK_BYTES, original.length - 1, original.length - 20];
      for (const pos of positions) {
        fs.writeFileSync(file, original);
        flipAt(file, pos);
        expect(await codeOf(collect(vault.blobs.get(blobId)))).toBe('BLOB_TAMPERED');
      }
    });

    it('chunks swapped', async () => {
      const { vault, blobId, file } = await stored();
      const b = fs.readFileSync(file);
      const c1 = Buffer.from(b.subarray(32, 32 + CHUNK_BYTES + 17));
      const c2 = Buffer.from(b.subarray(32 + CHUNK_BYTES + 17, 32 + 2 * (CHUNK_BYTES + 17)));
      c2.copy(b, 32);
      c1.copy(b, 32 + CHUNK_BYTES + 17);
      fs.writeFileSync(file, b);
      expect(await codeOf(collect(vault.blobs.get(blobId)))).toBe('BLOB_TAMPERED');
    });

    it('cut short, at a chunk boundary and mid-chunk', async () => {
      const { vault, blobId, file } = await stored();
      const b = fs.readFileSync(file);
      for (const len of [32 + CHUNK_BYTES + 17, b.length - 5, 10]) {
        fs.writeFileSync(file, b.subarray(0, len));
        expect(await codeOf(collect(vault.blobs.get(blobId)))).toBe('BLOB_TRUNCATED');
      }
    });

    it('bytes appended', async () => {
      const { vault, blobId, file } = await stored();
      fs.appendFileSync(file, Buffer.from([1, 2, 3]));
      expect(await codeOf(collect(vault.blobs.get(blobId)))).toBe('BLOB_TAMPERED');
    });

    it('a file swapped for another blob of the same length', async () => {
      const { vault, blobId, file } = await stored(1000);
      const other = await vault.blobs.put([randomBytes(1000)]);
      fs.copyFileSync(vault.blobs.pathFor(other.blobId), file);
      expect(await codeOf(collect(vault.blobs.get(blobId)))).toBe('BLOB_TAMPERED');
    });

    it('a missing file', async () => {
      const { vault, blobId, file } = await stored(10);
      fs.rmSync(file);
      expect(await codeOf(collect(vault.blobs.get(blobId)))).toBe('BLOB_MISSING');
    });

    it('an unknown or malformed id', async () => {
      const { vault } = await newVault();
      expect(await codeOf(collect(vault.blobs.get('0'.repeat(32))))).toBe('BLOB_NOT_FOUND');
      expect(await codeOf(collect(vault.blobs.get('../../vault.json')))).toBe('BLOB_NOT_FOUND');
      expect(() => vault.blobs.pathFor('../../etc/passwd')).toThrow(VaultError);
    });
  });

  it('erase removes the key row, then the file; the content is gone for good', async () => {
    const { vault } = await newVault();
    const { blobId } = await vault.blobs.put([Buffer.from('to be erased')]);
    const file = vault.blobs.pathFor(blobId);
    await vault.blobs.erase(blobId, 'consent withdrawn');
    expect(fs.existsSync(file)).toBe(false);
    expect(await codeOf(collect(vault.blobs.get(blobId)))).toBe('BLOB_NOT_FOUND');
    expect(await codeOf(vault.blobs.erase(blobId, 'again'))).toBe('BLOB_NOT_FOUND');
    const { listAudit } = await import('../../src-main/engine/audit/audit-log.js');
    expect(listAudit(vault.db).at(-1)).toMatchObject({
      action: 'blob.erased',
      details: { reason: 'consent withdrawn' },
    });
  });

  it('streams with flat memory: 256 MiB in, far less held', async () => {
    const { vault } = await newVault();
    const piece = randomBytes(1024 * 1024);
    const total = 256;
    async function* source() {
      for (let i = 0; i < total; i++) yield piece;
    }
    global.gc?.();
    const before = process.memoryUsage();
    let peak = 0;
    const { blobId } = await vault.blobs.put(source(), () => {
      const m = process.memoryUsage();
      peak = Math.max(
        peak,
        m.heapUsed + m.external + m.arrayBuffers - (before.heapUsed + before.external + before.arrayBuffers),
      );
    });
    // 256 MiB passed through; what is held at any moment is a few buffers.
    expect(peak).toBeLessThan(64 * 1024 * 1024);
    let n = 0;
    for await (const c of vault.blobs.get(blobId)) n += c.length;
    expect(n).toBe(total * 1024 * 1024);
  });
});
