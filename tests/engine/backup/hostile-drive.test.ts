// A drive is outside the vault: every way it can lie gives its own BACKUP_* code, and nothing
// from it is used before it is checked.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/canonical-json.js';
import { backup } from '../../../src-main/engine/index.js';
import { PASSPHRASE, codeOf, newVault, tempDir } from '../../helpers.js';

const { createBackup, restoreBackup, verifyBackup, listBackups, vaultBackupDir } = backup;

interface ManifestJson {
  snapshotId: string;
  vaultId: string;
  createdAt: string;
  blobs: Array<{ blobId: string; size: number; parts: Array<{ sha256: string; size: number }> }>;
  database: { size: number; parts: Array<{ sha256: string; size: number }> };
  vaultFile: { sha256: string; size: number };
  [k: string]: unknown;
}

async function backedUp() {
  const { vault, dir } = await newVault();
  await vault.blobs.put([Buffer.alloc(90_000, 5)]);
  const drive = tempDir('cv-drive-');
  const made = await createBackup(vault, drive);
  const vdir = vaultBackupDir(drive, vault.id);
  const manifestFile = path.join(vdir, 'snapshots', `${made.snapshotId}.json`);
  const manifest = () => JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as ManifestJson;
  const writeManifest = (m: unknown) => fs.writeFileSync(manifestFile, JSON.stringify(m));
  const objectFile = (sha: string) => path.join(vdir, 'objects', sha.slice(0, 2), sha);
  return { vault, dir, drive, made, vdir, manifestFile, manifest, writeManifest, objectFile };
}

describe('a hostile or damaged drive', () => {
  it('a manifest edited after signing: BACKUP_SIGNATURE_INVALID; re-signed by another key: BACKUP_MAC_INVALID', async () => {
    const b = await backedUp();
    const m = b.manifest();
    b.writeManifest({ ...m, createdAt: '2020-01-01T00:00:00.000Z' });
    expect(await codeOf(verifyBackup(b.drive))).toBe('BACKUP_SIGNATURE_INVALID');
    // list shows it as unreadable instead of failing
    expect((await listBackups(b.drive, { vault: b.vault }))[0]).toMatchObject({
      readable: false,
      problem: 'BACKUP_SIGNATURE_INVALID',
    });

    // another vault signs a forged body with its own key: the signature holds, the MAC cannot
    const other = await newVault();
    const body = Object.fromEntries(Object.entries(m).filter(([k]) => k !== 'mac' && k !== 'signature'));
    const forged = {
      ...body,
      identityKey: other.vault.identity.publicKey.toString('base64'),
    };
    const signature = other.vault.identity.sign('backupManifest', Buffer.from(canonicalJson(forged), 'utf8'));
    b.writeManifest({ ...forged, mac: m.mac, signature: signature.toString('base64') });
    // without a key it verifies (only the MAC binds it to the vault)...
    expect((await verifyBackup(b.drive))[0]!.mac).toBe('not-checked');
    // ...the unlocked vault knows the key is not one it ever had...
    expect(await codeOf(verifyBackup(b.drive, { vault: b.vault }))).toBe('BACKUP_MAC_INVALID');
    expect((await listBackups(b.drive, { vault: b.vault }))[0]).toMatchObject({
      readable: false,
      problem: 'BACKUP_MAC_INVALID',
    });
    // ...and with the passphrase of the snapshot's time it does not verify either
    expect(await codeOf(verifyBackup(b.drive, { credential: { passphrase: PASSPHRASE } }))).toBe('BACKUP_MAC_INVALID');
    // and restore always checks it
    b.vault.lock();
    const target = path.join(tempDir(), 'r');
    expect(await codeOf(restoreBackup(b.drive, target, { credential: { passphrase: PASSPHRASE } }))).toBe(
      'BACKUP_MAC_INVALID',
    );
    expect(fs.existsSync(target)).toBe(false);
  });

  it('a planted "newest" snapshot signed by another key does not make prune remove a real one', async () => {
    const b = await backedUp();
    const other = await newVault();
    const m = b.manifest();
    const snapshotId = 'ffffffff-ffff-7fff-bfff-ffffffffffff';
    const body = Object.fromEntries(Object.entries(m).filter(([k]) => k !== 'mac' && k !== 'signature'));
    const forged = {
      ...body,
      snapshotId,
      createdAt: '2099-01-01T00:00:00.000Z',
      identityKey: other.vault.identity.publicKey.toString('base64'),
    };
    const signature = other.vault.identity.sign('backupManifest', Buffer.from(canonicalJson(forged), 'utf8'));
    fs.writeFileSync(
      path.join(b.vdir, 'snapshots', `${snapshotId}.json`),
      JSON.stringify({ ...forged, mac: m.mac, signature: signature.toString('base64') }),
    );
    expect(await backup.pruneBackups(b.vault, b.drive, 1)).toMatchObject({ removed: [], kept: 1, collected: false });
    expect(fs.existsSync(b.manifestFile)).toBe(true);
  });

  it('a swapped evidence file, a truncated one and a missing one each have their code', async () => {
    const b = await backedUp();
    const sha = b.manifest().blobs[0]!.parts[0]!.sha256;
    const file = b.objectFile(sha);
    const good = fs.readFileSync(file);

    const swapped = Buffer.from(good);
    swapped[good.length - 1] = swapped[good.length - 1]! ^ 0xff;
    fs.writeFileSync(file, swapped);
    expect(await codeOf(verifyBackup(b.drive))).toBe('BACKUP_FILE_MISMATCH');

    fs.writeFileSync(file, good.subarray(0, good.length - 10));
    expect(await codeOf(verifyBackup(b.drive))).toBe('BACKUP_FILE_TRUNCATED');

    fs.writeFileSync(file, Buffer.concat([good, Buffer.alloc(1)]));
    expect(await codeOf(verifyBackup(b.drive))).toBe('BACKUP_FILE_MISMATCH');

    fs.rmSync(file);
    expect(await codeOf(verifyBackup(b.drive))).toBe('BACKUP_FILE_MISSING');

    // the next backup notices the missing file by its size and copies it again
    const again = await createBackup(b.vault, b.drive);
    expect(again.blobsReused).toBe(0);
    expect((await verifyBackup(b.drive, { snapshotId: again.snapshotId, vault: b.vault }))[0]!.mac).toBe('vault-key');
  });

  it('a path in the manifest is refused before any file is touched: BACKUP_MANIFEST_INVALID', async () => {
    const b = await backedUp();
    const m = b.manifest();
    for (const evil of [
      { ...m, blobs: [{ ...m.blobs[0]!, blobId: '../../../../etc/passwd' }] },
      { ...m, vaultFile: { sha256: '../../vault.json', size: 10 } },
      { ...m, database: { size: 4, parts: [{ sha256: '/etc/shadow', size: 4 }] } },
      { ...m, extra: 'field' },
      { ...m, blobs: [m.blobs[0], m.blobs[0]] },
    ]) {
      b.writeManifest(evil);
      expect(await codeOf(verifyBackup(b.drive))).toBe('BACKUP_MANIFEST_INVALID');
    }
    fs.writeFileSync(b.manifestFile, '{"format": "case-vault/backup", "formatVer');
    expect(await codeOf(verifyBackup(b.drive))).toBe('BACKUP_MANIFEST_INVALID');
    b.writeManifest({ ...m, formatVersion: 9 });
    expect(await codeOf(verifyBackup(b.drive))).toBe('BACKUP_FORMAT_TOO_NEW');
  });

  it("a snapshot of another vault, put in this vault's folder or asked for by id: BACKUP_OTHER_VAULT", async () => {
    const b = await backedUp();
    const other = await newVault();
    const otherMade = await createBackup(other.vault, b.drive);
    // the other vault's manifest copied into our folder
    fs.copyFileSync(
      path.join(vaultBackupDir(b.drive, other.vault.id), 'snapshots', `${otherMade.snapshotId}.json`),
      path.join(b.vdir, 'snapshots', `${otherMade.snapshotId}.json`),
    );
    expect(await codeOf(verifyBackup(b.drive, { vault: b.vault }))).toBe('BACKUP_OTHER_VAULT');
    fs.rmSync(path.join(b.vdir, 'snapshots', `${otherMade.snapshotId}.json`));
    // asking the open vault to check the other vault's snapshot
    expect(await codeOf(verifyBackup(b.drive, { vault: b.vault, snapshotId: otherMade.snapshotId }))).toBe(
      'BACKUP_OTHER_VAULT',
    );
    // the other vault's passphrase does not make it ours, and ours does not open it
    expect(
      await codeOf(
        verifyBackup(b.drive, {
          snapshotId: otherMade.snapshotId,
          credential: { passphrase: 'wrong passphrase here' },
        }),
      ),
    ).toBe('BAD_PASSPHRASE');
  });

  it('a drive folder that does not exist: BACKUP_NOT_FOUND; an empty one has no snapshot', async () => {
    const { vault } = await newVault();
    expect(await codeOf(createBackup(vault, path.join(tempDir(), 'unplugged')))).toBe('BACKUP_NOT_FOUND');
    expect(await codeOf(verifyBackup(tempDir()))).toBe('BACKUP_NOT_FOUND');
  });
});
