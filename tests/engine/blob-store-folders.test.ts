// The evidence store's fan-out folders (blobs/xx/): a write that is abandoned — a failing
// source, or a pending blob released uncommitted (a refused bundle import) — leaves no empty
// folder behind, so that "nothing changed" holds for folders too; a folder that existed before
// is never removed; and a write racing such a clean-up in the same folder still succeeds.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BlobStore, PendingBlob } from '../../src-main/engine/evidence-store/blob-store.js';
import { expectSameSnapshot, newVault, snapshot } from '../helpers.js';

/** When set, new blob ids start with these two characters (their fan-out folder). */
let forcedShard: string | null = null;
vi.mock('../../src-main/engine/util/ids.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src-main/engine/util/ids.js')>();
  return {
    ...real,
    newBlobId: () => (forcedShard === null ? real.newBlobId() : forcedShard + real.newBlobId().slice(2)),
  };
});

afterEach(() => {
  vi.restoreAllMocks();
  forcedShard = null;
});

function entriesOf(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

describe('evidence store folders', () => {
  it('the snapshot helper sees folders (an empty folder is a difference)', async () => {
    const { dir } = await newVault();
    const before = snapshot(dir);
    fs.mkdirSync(path.join(dir, 'blobs', 'zz'));
    expect(() => expectSameSnapshot(before, snapshot(dir))).toThrow(/vault files changed: blobs\/zz\//);
  });

  it('a pending blob released uncommitted takes its new fan-out folder with it', async () => {
    const { vault } = await newVault();
    const blobs = vault.blobs.dir;
    expect(entriesOf(blobs)).toEqual([]);
    const pending = await vault.blobs.write([randomBytes(70_000)]);
    expect(entriesOf(blobs)).toEqual([pending.blobId.slice(0, 2)]);
    expect(pending.createdDir).toBe(path.dirname(pending.file));
    await vault.blobs.release(pending, false);
    expect(entriesOf(blobs)).toEqual([]);
  });

  it('a failing source leaves no folder either', async () => {
    const { vault } = await newVault();
    async function* broken() {
      yield randomBytes(200_000);
      throw new Error('disk unplugged');
    }
    await expect(vault.blobs.write(broken())).rejects.toThrow('disk unplugged');
    expect(entriesOf(vault.blobs.dir)).toEqual([]);
  });

  it('a committed blob keeps its folder; a folder that held another blob, or existed empty, stays', async () => {
    const { vault } = await newVault();
    const kept = await vault.blobs.put([randomBytes(1000)]);
    const shard = kept.blobId.slice(0, 2);
    // the next write goes into the same folder (forced), then is abandoned
    const pending = await writeInto(vault.blobs, shard);
    expect(pending.createdDir).toBeNull();
    await vault.blobs.release(pending, false);
    expect(entriesOf(vault.blobs.dir)).toEqual([shard]);
    expect(entriesOf(path.join(vault.blobs.dir, shard))).toEqual([kept.blobId]);
    // an empty folder that was there before the write is left as it was
    const emptyShard = shard === 'ff' ? 'fe' : 'ff';
    fs.mkdirSync(path.join(vault.blobs.dir, emptyShard));
    await vault.blobs.release(await writeInto(vault.blobs, emptyShard), false);
    expect(entriesOf(vault.blobs.dir)).toEqual([shard, emptyShard].sort());
  });

  it('a write whose folder is removed under it (by a clean-up racing it) creates it again and succeeds', async () => {
    const { vault } = await newVault();
    const realMkdir = fsp.mkdir.bind(fsp);
    let raced = 0;
    vi.spyOn(fsp, 'mkdir').mockImplementation((async (p: fs.PathLike, opts?: fs.MakeDirectoryOptions) => {
      const made = await realMkdir(p, opts as fs.MakeDirectoryOptions & { recursive: true });
      // the first time: another blob's release removes the (empty) folder right after
      if (raced++ === 0) await fsp.rmdir(p);
      return made;
    }) as typeof fsp.mkdir);
    const data = randomBytes(100_000);
    const stored = await vault.blobs.put([data]);
    expect(raced).toBe(2);
    expect(fs.existsSync(vault.blobs.pathFor(stored.blobId))).toBe(true);
  });

  it('many writes and releases at once in few folders: none fails, and nothing is left behind', async () => {
    const { vault } = await newVault();
    const shards = ['a0', 'a1'];
    const jobs = Array.from({ length: 40 }, async (_, i) => {
      const p = await writeInto(vault.blobs, shards[i % 2]!);
      await new Promise((r) => setImmediate(r));
      await vault.blobs.release(p, false);
    });
    await Promise.all(jobs);
    expect(entriesOf(vault.blobs.dir)).toEqual([]);
  });
});

/** A write into the fan-out folder `shard`. */
async function writeInto(store: BlobStore, shard: string): Promise<PendingBlob> {
  forcedShard = shard;
  const p = store.write([randomBytes(5000)]);
  forcedShard = null; // the id is drawn before the first await
  return p;
}
