// team.* and sync.* through the real router: two vaults add and verify each other as members
// (cards through the open dialog), sync through a folder chosen in the folder dialog, a
// concurrent edit becomes a conflict settled through sync.resolveConflict; change events go out.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SafetyNumber } from '../../shared/domain/identity.js';
import type { SyncConflict, SyncFolderResult, SyncStatus, TeamMember } from '../../shared/ipc/areas/team.js';
import { type IpcVault } from './ipc-helpers.js';
import { exportCard, namedVault, stick } from './exchange-ipc-helpers.js';

const vaults: IpcVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.cleanup();
});

async function openFile(v: IpcVault, path: string, kind: 'contact-card' | 'sync'): Promise<string> {
  v.host.openQueue.push(path);
  return (await v.ok<{ handle: string }>('files.chooseOpen', { kind })).handle;
}

async function folder(v: IpcVault, path: string): Promise<string> {
  v.host.folderQueue.push(path);
  return (await v.ok<{ handle: string; name: string }>('files.chooseSyncFolder')).handle;
}

async function addMember(v: IpcVault, card: string, verifiedBy: string, digits: () => Promise<string>) {
  const m = await v.ok<TeamMember>('team.add', { file: await openFile(v, card, 'contact-card') });
  expect(m.keyStatus).toBe('unverified');
  const wrong = await v.call('team.verifyMember', { id: m.id, safetyNumber: '1'.repeat(60), verifiedBy });
  expect(wrong).toMatchObject({ ok: false, error: { code: 'SAFETY_NUMBER_MISMATCH' } });
  const ok = await v.ok<TeamMember>('team.verifyMember', { id: m.id, safetyNumber: await digits(), verifiedBy });
  expect(ok.keyStatus).toBe('verified');
  return ok;
}

describe('team.* and sync.* through the router', () => {
  it('members, a shared folder both ways, a conflict settled, status and change events', async () => {
    const a = await namedVault('Asha Njeri', 'Haki Litigation Centre');
    const b = await namedVault('Tomás Ruiz', 'Haki Litigation Centre');
    vaults.push(a, b);
    const dir = stick();
    const aCard = await exportCard(a, dir, 'a.cvcard');
    const bCard = await exportCard(b, dir, 'b.cvcard');
    const bInA = await addMember(a, bCard, 'Asha', async () => {
      const list = await a.ok<TeamMember[]>('team.list');
      return (await a.ok<SafetyNumber>('partners.safetyNumber', { keyId: list[0]!.keyId })).digits;
    });
    const aInB = await addMember(b, aCard, 'Tomás', async () => {
      const list = await b.ok<TeamMember[]>('team.list');
      return (await b.ok<SafetyNumber>('partners.safetyNumber', { keyId: list[0]!.keyId })).digits;
    });
    expect(a.host.events.filter((e) => e.name === 'changed').map((e) => e.payload)).toContainEqual(
      expect.objectContaining({ areas: ['team', 'partners'] }),
    );

    // A paths for a folder is refused: only a handle from the folder dialog
    expect(await a.call('sync.folder', { folder: dir })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // the folder dialog cancelled
    a.host.folderQueue.push(null);
    expect(await a.ok('files.chooseSyncFolder')).toBeNull();

    const shared = stick();
    const c = await a.ok<{ id: string; version: number }>('cases.create', {
      title: 'Detention of T.',
      reference: 'HLC-I-1',
    });
    const wa = await a.ok<SyncFolderResult>('sync.folder', { folder: await folder(a, shared) });
    expect(wa.written).toEqual([expect.objectContaining({ memberId: bInA.id })]);
    expect(JSON.stringify(wa)).not.toContain(shared);
    writeFileSync(join(shared, 'stray.cvsync'), 'nothing');
    b.host.events.length = 0;
    const rb = await b.ok<SyncFolderResult>('sync.folder', { folder: await folder(b, shared) });
    expect(rb.applied).toEqual([expect.objectContaining({ memberId: aInB.id })]);
    expect(rb.skipped).toContainEqual({ name: 'stray.cvsync', reason: 'not-a-sync-file' });
    expect(b.host.events.filter((e) => e.name === 'changed').map((e) => e.payload)).toContainEqual(
      expect.objectContaining({ areas: expect.arrayContaining(['team', 'cases']) }),
    );
    const inB = await b.ok<{ title: string; version: number }>('cases.get', { id: c.id });
    expect(inB.title).toBe('Detention of T.');

    // both edit the title between two runs: a conflict on both, settled on B
    await a.ok('cases.update', {
      id: c.id,
      expectedVersion: (await a.ok<{ version: number }>('cases.get', { id: c.id })).version,
      title: 'Title by A',
    });
    await b.ok('cases.update', { id: c.id, expectedVersion: inB.version, title: 'Title by B' });
    await a.ok('sync.folder', { folder: await folder(a, shared) });
    expect((await b.ok<SyncFolderResult>('sync.folder', { folder: await folder(b, shared) })).openConflicts).toBe(1);
    const [conflict] = await b.ok<SyncConflict[]>('sync.conflicts', {});
    expect(conflict).toMatchObject({ kind: 'cases', recordId: c.id, field: 'title' });
    expect(conflict!.sides.map((s) => [s.value, s.local]).sort()).toEqual([
      ['Title by A', false],
      ['Title by B', true],
    ]);
    const status = await b.ok<SyncStatus>('sync.status');
    expect(status).toMatchObject({ openConflicts: 1, conflictCaseIds: [c.id] });
    expect(status.members[0]).toMatchObject({ id: aInB.id, keyStatus: 'verified' });
    expect(status.members[0]!.lastReceivedAt).not.toBeNull();
    expect(status.lastSyncAt).not.toBeNull();

    expect(await b.call('sync.resolveConflict', { id: conflict!.id, keep: 'sideways' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const settled = await b.ok<SyncConflict>('sync.resolveConflict', { id: conflict!.id, keep: 'incoming' });
    expect(settled.resolvedAt).not.toBeNull();
    expect((await b.ok<{ title: string }>('cases.get', { id: c.id })).title).toBe('Title by A');
    await b.ok('sync.folder', { folder: await folder(b, shared) });
    await a.ok('sync.folder', { folder: await folder(a, shared) });
    expect(await a.ok('sync.conflicts', {})).toEqual([]);
    expect((await a.ok<SyncStatus>('sync.status')).openConflicts).toBe(0);

    // export to a file and import it; a removed member's bundle is refused with its code
    const out = join(dir, 'to-b.cvsync');
    a.host.saveQueue.push(out);
    const target = (await a.ok<{ handle: string }>('files.chooseSaveTarget', { suggestedName: 'x', kind: 'sync' }))
      .handle;
    await a.ok('cases.update', {
      id: c.id,
      expectedVersion: (await a.ok<{ version: number }>('cases.get', { id: c.id })).version,
      summary: 'S',
    });
    const ex = await a.ok<{ changes: number }>('sync.export', { to: bInA.id, target });
    expect(ex.changes).toBeGreaterThan(0);
    expect(await b.ok('sync.import', { file: await openFile(b, out, 'sync') })).toMatchObject({ memberId: aInB.id });
    await b.ok<TeamMember>('team.remove', { id: aInB.id });
    expect(await b.call('sync.import', { file: await openFile(b, out, 'sync') })).toMatchObject({
      ok: false,
      error: { code: 'SYNC_MEMBER_REMOVED' },
    });
    expect((await b.ok<TeamMember[]>('team.list'))[0]!.removedAt).not.toBeNull();
  }, 120_000);
});
