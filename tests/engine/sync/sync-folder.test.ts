// Team sync through one shared folder (a Syncthing folder, a share, a stick): real vaults, real files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase, getCase, updateCase } from '../../../src-main/engine/cases/case-service.js';
import { removeTeamMember } from '../../../src-main/engine/sync/members.js';
import { syncFileName, syncFolder } from '../../../src-main/engine/sync/sync-folder.js';
import { listConflicts } from '../../../src-main/engine/sync/sync-service.js';
import { tempDir } from '../../helpers.js';
import { bundleFor, syncedState, team } from './sync-helpers.js';

describe('sync folder', () => {
  it('two vaults: both ways, idempotent, acknowledged files removed, a concurrent edit a conflict', async () => {
    const [a, b] = await team(2);
    const dir = tempDir('cv-syncdir-');
    const k = createCase(a!.ctx, { title: 'Detention of T.', reference: 'HLC-F-1', tags: ['detention'] });

    const r1 = await syncFolder(a!.ctx, dir);
    expect(r1.applied).toEqual([]);
    expect(r1.written).toHaveLength(1);
    expect(r1.written[0]!.name).toMatch(new RegExp(`^to-${b!.ctx.vaultId}\\.from-${a!.ctx.vaultId}\\.\\d+\\.cvsync$`));
    // nothing new: nothing written twice
    const again = await syncFolder(a!.ctx, dir);
    expect(again.written).toEqual([]);
    expect(again.notWritten).toEqual([{ memberId: a!.members.get(b!.ctx.vaultId), reason: 'already-in-folder' }]);

    const r2 = await syncFolder(b!.ctx, dir);
    expect(r2.applied).toHaveLength(1);
    expect(r2.applied[0]!.applied).toBeGreaterThan(0);
    expect(r2.refused).toEqual([]);
    expect(getCase(b!.ctx, k.id).title).toBe('Detention of T.');
    expect(syncedState(b!)).toEqual(syncedState(a!));
    // applying twice changes nothing: the file is not even opened again
    const before = syncedState(b!);
    const r3 = await syncFolder(b!.ctx, dir);
    expect(r3.applied).toEqual([]);
    expect(r3.skipped.map((s) => s.reason)).toEqual(['already-applied']);
    expect(syncedState(b!)).toEqual(before);

    // B edits; A reads B's file, which carries B's acknowledgement: A removes its own old file
    updateCase(b!.ctx, { id: k.id, expectedVersion: getCase(b!.ctx, k.id).version, summary: 'From B' });
    const r4 = await syncFolder(b!.ctx, dir);
    expect(r4.written).toHaveLength(1);
    const r5 = await syncFolder(a!.ctx, dir);
    // B's first file (its snapshot for A, written at r2) and the one with its edit
    expect(r5.applied).toHaveLength(2);
    expect(r5.removed).toEqual([r1.written[0]!.name]);
    expect(getCase(a!.ctx, k.id).summary).toBe('From B');

    // the same field on both sides between two runs: a conflict on both
    updateCase(a!.ctx, { id: k.id, expectedVersion: getCase(a!.ctx, k.id).version, title: 'Title by A' });
    updateCase(b!.ctx, { id: k.id, expectedVersion: getCase(b!.ctx, k.id).version, title: 'Title by B' });
    await syncFolder(a!.ctx, dir);
    const rb = await syncFolder(b!.ctx, dir);
    expect(rb.openConflicts).toBe(1);
    const ra = await syncFolder(a!.ctx, dir);
    expect(ra.openConflicts).toBe(1);
    expect(listConflicts(a!.ctx)[0]!.id).toBe(listConflicts(b!.ctx)[0]!.id);
    expect(syncedState(b!)).toEqual(syncedState(a!));
  });

  it('three vaults share a folder; hostile files are skipped with a reason and the rest still applies', async () => {
    const [a, b, c] = await team(3);
    const dir = tempDir('cv-syncdir-');
    createCase(a!.ctx, { title: 'Case A', reference: 'HLC-F-A' });
    createCase(b!.ctx, { title: 'Case B', reference: 'HLC-F-B' });
    createCase(c!.ctx, { title: 'Case C', reference: 'HLC-F-C' });
    const wa = await syncFolder(a!.ctx, dir);
    expect(wa.written).toHaveLength(2);
    await syncFolder(b!.ctx, dir);

    // hostile neighbours of the genuine files
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    fs.mkdirSync(path.join(dir, syncFileName(c!.ctx.vaultId, b!.ctx.vaultId, 999_999)));
    fs.writeFileSync(path.join(dir, syncFileName(c!.ctx.vaultId, a!.ctx.vaultId, 999_998)), 'not age at all');
    // a genuine bundle from A to B, renamed as if it were for C
    fs.copyFileSync(await bundleFor(a!, b!), path.join(dir, syncFileName(c!.ctx.vaultId, a!.ctx.vaultId, 999_997)));
    // a tampered copy of B's file for C
    const forC = fs
      .readdirSync(dir)
      .find((n) => n.startsWith(`to-${c!.ctx.vaultId}.from-${b!.ctx.vaultId}.`) && !n.includes('999'))!;
    const bytes = fs.readFileSync(path.join(dir, forC));
    bytes[bytes.length - 20]! ^= 0xff;
    fs.writeFileSync(path.join(dir, syncFileName(c!.ctx.vaultId, b!.ctx.vaultId, 999_996)), bytes);
    fs.writeFileSync(path.join(dir, '.syncthing.tmp'), 'partial');

    const rc = await syncFolder(c!.ctx, dir);
    // A's and B's genuine files applied
    expect(rc.applied.map((x) => x.name).sort()).toEqual(
      fs
        .readdirSync(dir)
        .filter((n) => n.startsWith(`to-${c!.ctx.vaultId}.`) && !/\.99999\d\.cvsync$/.test(n))
        .sort(),
    );
    expect(rc.applied).toHaveLength(2);
    expect(Object.fromEntries(rc.refused.map((f) => [f.name.split('.')[2], f.code]))).toEqual({
      '999998': 'AGE_HEADER_INVALID',
      '999997': 'BUNDLE_NOT_FOR_US',
      '999996': expect.stringMatching(/^(AGE_|BUNDLE_)/),
    });
    expect(rc.skipped).toEqual(
      expect.arrayContaining([
        { name: 'notes.txt', reason: 'not-a-sync-file' },
        { name: syncFileName(c!.ctx.vaultId, b!.ctx.vaultId, 999_999), reason: 'not-a-regular-file' },
      ]),
    );
    expect(rc.skipped.filter((s) => s.reason === 'for-another-vault').length).toBeGreaterThan(0);
    expect(rc.written).toHaveLength(2);
    await syncFolder(a!.ctx, dir);
    await syncFolder(b!.ctx, dir);
    await syncFolder(a!.ctx, dir);
    expect(syncedState(a!)).toEqual(syncedState(c!));
    expect(syncedState(b!)).toEqual(syncedState(c!));
    expect(syncedState(a!).cases).toHaveLength(3);

    // a removed member gets nothing and its files are refused
    removeTeamMember(a!.ctx, a!.members.get(b!.ctx.vaultId)!);
    createCase(b!.ctx, { title: 'Case B2', reference: 'HLC-F-B2' });
    createCase(a!.ctx, { title: 'Case A2', reference: 'HLC-F-A2' });
    const wb = await syncFolder(b!.ctx, dir);
    const fromB = wb.written.find((w) => w.name.startsWith(`to-${a!.ctx.vaultId}.`))!;
    const ra = await syncFolder(a!.ctx, dir);
    expect(ra.written.map((w) => w.memberId)).toEqual([a!.members.get(c!.ctx.vaultId)]);
    expect(ra.refused).toEqual([expect.objectContaining({ name: fromB.name, code: 'SYNC_MEMBER_REMOVED' })]);
  });

  it('refuses a path that is not a folder', async () => {
    const [a] = await team(1);
    const dir = tempDir('cv-syncdir-');
    await expect(syncFolder(a!.ctx, path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    fs.writeFileSync(path.join(dir, 'f'), 'x');
    await expect(syncFolder(a!.ctx, path.join(dir, 'f'))).rejects.toMatchObject({ code: 'IO_ERROR' });
  });
});
