import { afterEach, describe, expect, it } from 'vitest';
import { ipcVault, type IpcVault } from './ipc-helpers.js';

let v: IpcVault | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
});

describe('vault.* through the router', () => {
  it('reports absent, then creates (recovery key once), then unlocked', async () => {
    v = await ipcVault({ unlocked: false });
    expect(await v.ok('vault.status')).toEqual({ state: 'absent', vaultId: null });
    const { recoveryKey } = await v.ok<{ recoveryKey: string }>('vault.create', {
      passphrase: 'correct horse battery staple',
    });
    expect(recoveryKey).toMatch(/\w/);
    const s = await v.ok<{ state: string; vaultId: string }>('vault.status');
    expect(s.state).toBe('unlocked');
    expect(s.vaultId).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      v.host.events.some((e) => e.name === 'progress' && (e.payload as { channel: string }).channel === 'vault.create'),
    ).toBe(true);
  });

  it('refuses calls that need an unlocked vault while locked, without reaching the engine', async () => {
    v = await ipcVault();
    await v.ok('session.lock');
    expect(v.host.events.at(-1)).toEqual({ name: 'locked', payload: { reason: 'user' } });
    const r = await v.call('vault.info');
    expect(r).toEqual({ ok: false, error: { code: 'VAULT_LOCKED', message: expect.any(String) } });
    expect(await v.ok('vault.status')).toEqual({ state: 'locked', vaultId: null });
  });

  it('unlocks with the passphrase and with the recovery key; a wrong one is BAD_PASSPHRASE', async () => {
    v = await ipcVault({ unlocked: false });
    const { recoveryKey } = await v.ok<{ recoveryKey: string }>('vault.create', {
      passphrase: 'correct horse battery staple',
    });
    await v.ok('session.lock');
    expect(await v.call('vault.unlock', { passphrase: 'wrong horse battery staple' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_PASSPHRASE' },
    });
    await v.ok('vault.unlock', { passphrase: 'correct horse battery staple' });
    await v.ok('session.lock');
    await v.ok('vault.unlockWithRecoveryKey', { recoveryKey });
    expect((await v.ok<{ state: string }>('vault.status')).state).toBe('unlocked');
  });

  it('changes the passphrase only when the current one is right', async () => {
    v = await ipcVault();
    expect(
      await v.call('vault.changePassphrase', { current: 'not the passphrase at all', next: 'a brand new passphrase' }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_PASSPHRASE' } });
    await v.ok('vault.changePassphrase', { current: 'correct horse battery staple', next: 'a brand new passphrase' });
    await v.ok('session.lock');
    expect(await v.call('vault.unlock', { passphrase: 'correct horse battery staple' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_PASSPHRASE' },
    });
    await v.ok('vault.unlock', { passphrase: 'a brand new passphrase' });
  });

  it('refuses untrusted senders, unknown channels and bad input with specific codes', async () => {
    v = await ipcVault();
    expect(await v.shell.handle(false, 'vault.status', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await v.shell.handle(true, 'vault.__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CALL' },
    });
    expect(await v.shell.handle(true, 'constructor.name', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CALL' },
    });
    expect(await v.shell.handle(true, 'vault.unlock', { passphrase: 42 })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^passphrase: /) },
    });
    expect(await v.shell.handle(true, 'vault.status', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('extra') },
    });
  });

  it('lists the audit log newest first and verifies its chain', async () => {
    v = await ipcVault();
    const page = await v.ok<{ items: Array<{ seq: number; action: string }>; total: number }>('audit.list', {
      limit: 10,
    });
    expect(page.total).toBeGreaterThan(0);
    expect(page.items[0]!.seq).toBe(page.total);
    expect(await v.ok('audit.verify')).toEqual({
      ok: true,
      entries: page.total,
      headHash: expect.any(String),
      checkpoints: { count: expect.any(Number), lastSeq: expect.toBeOneOf([null, expect.any(Number)]), problems: [] },
    });
  });
});

describe('file handles', () => {
  it('a handle from the save dialog cannot be read in as evidence, nor an opened file be an export target', async () => {
    v = await ipcVault();
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'cv-handles-'));
    const secretFile = join(dir, 'not-evidence.txt');
    writeFileSync(secretFile, 'some file the user meant to overwrite');
    const c = await v.ok<{ id: string }>('cases.create', { title: 'Handles' });
    v.host.saveQueue.push(secretFile);
    const save = await v.ok<{ handle: string }>('files.chooseSaveTarget', {
      suggestedName: 'x.json',
      kind: 'custody-json',
    });
    const before = (await v.ok<{ total: number }>('audit.list', {})).total;
    expect(await v.call('evidence.add', { caseId: c.id, file: save.handle })).toMatchObject({
      ok: false,
      error: { code: 'FILE_HANDLE_INVALID' },
    });
    v.host.openQueue.push(secretFile);
    const opened = await v.ok<{ handle: string }>('files.chooseEvidence');
    const added = await v.ok<{ id: string }>('evidence.add', { caseId: c.id, file: opened.handle });
    expect(await v.call('evidence.export', { id: added.id, target: opened.handle, reason: 'court' })).toMatchObject({
      ok: false,
      error: { code: 'FILE_HANDLE_INVALID' },
    });
    // only the one successful intake was recorded
    expect((await v.ok<{ total: number }>('audit.list', {})).total).toBe(before + 1);
  });

  it('forgets every handle when the vault locks', async () => {
    v = await ipcVault();
    v.host.openQueue.push(__filename);
    await v.ok('files.chooseEvidence');
    expect(v.shell.handles.size).toBe(1);
    await v.ok('session.lock');
    expect(v.shell.handles.size).toBe(0);
  });
});
