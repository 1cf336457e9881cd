// Prune (what stays, what goes, what blocks collection), erasures since a snapshot, and the
// re-keying restore, on real vaults.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backup, runDoctor } from '../../../src-main/engine/index.js';
import { verifyAuditLog } from '../../../src-main/engine/identity/audit-checkpoints.js';
import { pluck, sql, type ReadableDB } from '../../../src-main/engine/db/sql.js';
import { PASSPHRASE, codeOf, collect, newVault, openVault, tempDir } from '../../helpers.js';

const { createBackup, listBackups, pruneBackups, restoreBackup, verifyBackup, vaultBackupDir } = backup;

describe('backup prune and erasures', () => {
  it('keeps the newest N, removes the files only the others used, and says which snapshots predate an erasure', async () => {
    const { vault } = await newVault();
    const drive = tempDir('cv-drive-');
    const gone = await vault.blobs.put([Buffer.alloc(50_000, 1)]);
    const first = await createBackup(vault, drive);
    // the evidence is erased in the vault (the erasure feature records `evidence.erased`)
    vault.db.transaction(() => vault.db.prepare('DELETE FROM blobs WHERE id = ?').run([gone.blobId]))();
    vault.audit('evidence.erased', {}, { kind: 'evidence', id: 'e1' });
    const second = await createBackup(vault, drive);
    const listed = await listBackups(drive, { vault });
    expect(listed.map((s) => [s.snapshotId, s.erasuresAfter])).toEqual([
      [first.snapshotId, 1],
      [second.snapshotId, 0],
    ]);

    const vdir = vaultBackupDir(drive, vault.id);
    const firstManifest = JSON.parse(
      fs.readFileSync(path.join(vdir, 'snapshots', `${first.snapshotId}.json`), 'utf8'),
    ) as { blobs: Array<{ parts: Array<{ sha256: string }> }> };
    const erasedObject = firstManifest.blobs[0]!.parts[0]!.sha256;
    const objectFile = path.join(vdir, 'objects', erasedObject.slice(0, 2), erasedObject);
    expect(fs.existsSync(objectFile)).toBe(true);

    // an unreadable manifest blocks collection (it might name any file)
    const junk = path.join(vdir, 'snapshots', '01900000-0000-7000-8000-000000000000.json');
    fs.writeFileSync(junk, '{');
    const blocked = await pruneBackups(vault, drive, 1);
    expect(blocked).toMatchObject({ removed: [first.snapshotId], kept: 1, collected: false, objectsRemoved: 0 });
    expect(fs.existsSync(objectFile)).toBe(true);
    fs.rmSync(junk);

    const pruned = await pruneBackups(vault, drive, 1);
    expect(pruned).toMatchObject({ removed: [], kept: 1, collected: true });
    // the erased evidence and the first database copy are gone from the drive
    expect(pruned.objectsRemoved).toBe(2);
    expect(fs.existsSync(objectFile)).toBe(false);
    expect(await verifyBackup(drive, { vault })).toHaveLength(1);
    expect(await codeOf(pruneBackups(vault, drive, 0))).toBe('INVALID_INPUT');
  });
});

describe('restore --rekey', () => {
  it('new master key, passphrase, recovery key and identity; the old credentials open nothing; doctor passes', async () => {
    const { vault, recoveryKey } = await newVault();
    const blob = await vault.blobs.put([Buffer.alloc(70_000, 4)]);
    for (let i = 0; i < 3; i++) vault.audit('test.tick', { i });
    const oldKey = Buffer.from(vault.identity.publicKey);
    const pqPublicKey = (db: ReadableDB) => pluck<Uint8Array>(db, sql`SELECT public_key FROM vault_pq_key`);
    const oldPq = Buffer.from(pqPublicKey(vault.db)!);
    const drive = tempDir('cv-drive-');
    await createBackup(vault, drive);
    vault.lock(); // signs a checkpoint: the re-key must carry it over
    const target = path.join(tempDir(), 'rekeyed');
    const newPassphrase = 'the passphrase of the day after';
    const restored = await restoreBackup(drive, target, {
      credential: { recoveryKey },
      rekey: { passphrase: newPassphrase, kdf: { opsLimit: 1, memLimitBytes: 64 * 1024 * 1024 } },
    });
    expect(restored.rekeyed).toBe(true);
    expect(restored.recoveryKey).not.toBeNull();
    expect(restored.doctor.ok).toBe(true);

    expect(await codeOf(openVault(target, { passphrase: PASSPHRASE }))).toBe('BAD_PASSPHRASE');
    expect(await codeOf(openVault(target, { recoveryKey }))).toBe('BAD_PASSPHRASE');
    const v = await openVault(target, { recoveryKey: restored.recoveryKey! });
    expect(v.id).toBe(vault.id);
    expect(v.identity.publicKey.equals(oldKey)).toBe(false);
    // the post-quantum key is new too, sealed under the new master key (the unlock above opened it)
    expect(Buffer.from(pqPublicKey(v.db)!).equals(oldPq)).toBe(false);
    expect((await collect(v.blobs.get(blob.blobId))).length).toBe(70_000);
    const chain = verifyAuditLog(v.db, v.id, v.identity.publicKey);
    expect(chain.ok).toBe(true);
    expect(chain.checkpoints.count).toBeGreaterThan(0);
    expect((await runDoctor(v, { deep: true })).ok).toBe(true);
    // a backup of the re-keyed vault sits beside the old snapshots, which it reports as made under an earlier key
    const made = await createBackup(v, drive);
    const listed = await listBackups(drive, { vault: v });
    expect(listed.map((s) => s.ownKey)).toEqual([false, true]);
    const verified = await verifyBackup(drive, { vault: v });
    expect(verified.map((s) => [s.snapshotId === made.snapshotId, s.mac])).toEqual([
      [false, 'earlier-key'],
      [true, 'vault-key'],
    ]);
    // the rekey needs a strong new passphrase, checked before anything is read
    expect(
      await codeOf(
        restoreBackup(drive, path.join(tempDir(), 'x'), {
          credential: { recoveryKey },
          rekey: { passphrase: 'short' },
        }),
      ),
    ).toBe('WEAK_PASSPHRASE');
  });
});
