import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runDoctor } from '../../src-main/engine/index.js';
import { run, sql } from '../../src-main/engine/db/sql.js';
import { newVault, openVault } from '../helpers.js';

/** The passphrase slot's KDF parameters as held in memory (what doctor reads). */
const kdfOf = (vault: Awaited<ReturnType<typeof newVault>>['vault']) =>
  (vault.file.slots.find((s) => s.kind === 'passphrase') as { kdf: { opsLimit: number; memLimitBytes: number } }).kdf;

const finding = (r: Awaited<ReturnType<typeof runDoctor>>, check: string) => r.findings.find((f) => f.check === check)!;

describe('doctor', () => {
  it('passes a healthy vault, shallow and deep', async () => {
    const { vault } = await newVault();
    // test vaults are made with one pass (FAST_KDF), below the floor; a real slot has at least 3
    kdfOf(vault).opsLimit = 3;
    await vault.blobs.put([randomBytes(200_000)]);
    for (const deep of [false, true]) {
      const r = await runDoctor(vault, { deep });
      expect(r.ok).toBe(true);
      expect(r.findings.map((f) => f.check)).toEqual([
        'key-file',
        'cipher',
        'sqlite',
        'schema',
        'audit-chain',
        'blobs',
        'orphans',
      ]);
      expect(r.findings.every((f) => f.level === 'ok')).toBe(true);
    }
  });

  it('names the first broken audit entry', async () => {
    const { vault } = await newVault();
    vault.audit('a');
    vault.audit('b');
    vault.db.exec('DROP TRIGGER audit_log_no_update');
    run(vault.db, sql`UPDATE audit_log SET action = ${'forged'} WHERE seq = 2`);
    const r = await runDoctor(vault);
    expect(r.ok).toBe(false);
    expect(finding(r, 'audit-chain')).toMatchObject({ level: 'fail', details: { firstBrokenSeq: 2 } });
    expect(finding(r, 'audit-chain').message).toMatch(/broken at entry 2/);
  });

  it('finds a missing and a cut-short blob without --deep, and an altered one with --deep', async () => {
    const { vault } = await newVault();
    const a = await vault.blobs.put([randomBytes(100_000)]);
    const b = await vault.blobs.put([randomBytes(100_000)]);
    const c = await vault.blobs.put([randomBytes(100_000)]);
    fs.rmSync(vault.blobs.pathFor(a.blobId));
    fs.truncateSync(vault.blobs.pathFor(b.blobId), 1000);
    const fc = vault.blobs.pathFor(c.blobId);
    const bytes = fs.readFileSync(fc);
    bytes[5000]! ^= 0xff;
    fs.writeFileSync(fc, bytes);

    const shallow = await runDoctor(vault);
    expect(finding(shallow, 'blobs')).toMatchObject({
      level: 'fail',
      details: { missing: [a.blobId], wrongSize: [b.blobId], unreadable: [] },
    });
    const deep = await runDoctor(vault, { deep: true });
    expect(finding(deep, 'blobs').details).toMatchObject({ unreadable: [{ blobId: c.blobId, code: 'BLOB_TAMPERED' }] });
  });

  it('--deep notices a recorded hash that no longer matches the content', async () => {
    const { vault } = await newVault();
    const a = await vault.blobs.put([randomBytes(1000)]);
    run(vault.db, sql`UPDATE blobs SET sha256 = ${'0'.repeat(64)} WHERE id = ${a.blobId}`);
    const r = await runDoctor(vault, { deep: true });
    expect(finding(r, 'blobs').details).toMatchObject({
      unreadable: [{ blobId: a.blobId, code: 'BLOB_HASH_MISMATCH' }],
    });
  });

  it('lists orphan files, and --repair removes them (with an audit entry)', async () => {
    const { vault, dir } = await newVault();
    const kept = await vault.blobs.put([randomBytes(1000)]);
    const pending = await vault.blobs.write([randomBytes(1000)]); // a crash after the file, before the row
    await vault.blobs.release({ ...pending, key: pending.key }, true); // zero the key, keep the file
    fs.mkdirSync(path.join(dir, 'blobs', 'zz'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'blobs', 'zz', 'stray.tmp'), 'x');

    const r = await runDoctor(vault);
    expect(r.ok).toBe(true); // orphans are a warning: nothing recorded is lost
    expect(finding(r, 'orphans')).toMatchObject({ level: 'warn' });
    expect((finding(r, 'orphans').details as { orphans: string[] }).orphans.sort()).toEqual(
      [path.join('blobs', pending.blobId.slice(0, 2), pending.blobId), path.join('blobs', 'zz', 'stray.tmp')].sort(),
    );

    const fixed = await runDoctor(vault, { repair: true });
    expect(fixed.repaired.orphansRemoved).toBe(2);
    expect(fs.existsSync(pending.file)).toBe(false);
    expect(fs.existsSync(vault.blobs.pathFor(kept.blobId))).toBe(true);
    expect(finding(await runDoctor(vault, { deep: true }), 'orphans').level).toBe('ok');
  });

  it('detects a damaged database page (cipher HMAC)', async () => {
    const { vault, dir } = await newVault();
    vault.db.transaction(() => {
      for (let i = 0; i < 300; i++) vault.audit('filler', { i });
    })();
    vault.lock();
    const file = path.join(dir, 'vault.db');
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBeGreaterThan(4096 * 4);
    bytes[4096 * 3 + 100]! ^= 0xff; // a page in the middle, not the first
    fs.writeFileSync(file, bytes);
    const v = await openVault(dir);
    const r = await runDoctor(v);
    expect(r.ok).toBe(false);
    expect(finding(r, 'cipher').level).toBe('fail');
  });

  it('warns about weak key-stretching parameters', async () => {
    const { vault } = await newVault();
    (vault.file.slots[0] as { kdf: { memLimitBytes: number } }).kdf.memLimitBytes = 8 * 1024 * 1024;
    expect(finding(await runDoctor(vault), 'key-file').level).toBe('warn');
  });

  it("warns about a slot below RFC 9106's floor (64 MiB × 3 passes), not about more memory for fewer passes", async () => {
    const { vault } = await newVault();
    const MiB = 1024 * 1024;
    const cases: Array<[number, number, 'ok' | 'warn']> = [
      [1, 64 * MiB, 'warn'], // what calibration chose on a slow machine before the floor
      [2, 64 * MiB, 'warn'],
      [3, 64 * MiB, 'ok'],
      [2, 128 * MiB, 'ok'],
      [1, 256 * MiB, 'ok'],
      [8, 32 * MiB, 'warn'],
    ];
    for (const [opsLimit, memLimitBytes, level] of cases) {
      Object.assign(kdfOf(vault), { opsLimit, memLimitBytes });
      expect(finding(await runDoctor(vault), 'key-file').level, `${memLimitBytes / MiB} MiB × ${opsLimit}`).toBe(level);
    }
  });
});
