/**
 * IPC in the real main process: one handler per contract call, the sender check on every one of
 * them, events to the app's windows, and the native dialogs behind files.*.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeFrame, FakeSession, FakeWebContents, standin } from './electron-standin.js';
import { PASSPHRASE, startTestApp, type TestApp } from './app-helpers.js';
import { CONTRACT } from '../../shared/ipc/contract.js';
import { listCalls, type Result } from '../../shared/ipc/kit.js';

vi.mock('electron', async () => (await import('./electron-standin.js')).electronModule);

let t: TestApp | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN', message: 'This window is not allowed to call the vault.' } };

/** Every way a call can come from somewhere other than the app's own page. */
function foreignSenders(app: TestApp): Array<{ name: string; sender: unknown; senderFrame: FakeFrame | null }> {
  const wc = app.window.webContents;
  const main = wc.mainFrame;
  const stranger = new FakeWebContents(new FakeSession(), 'app://case-vault/');
  return [
    {
      name: 'the main frame after navigating elsewhere',
      sender: wc,
      senderFrame: new FakeFrame('https://evil.example/', null, main.processId, main.routingId),
    },
    {
      name: 'the main frame on a look-alike host',
      sender: wc,
      senderFrame: new FakeFrame('app://case-vault.evil/', null, main.processId, main.routingId),
    },
    {
      name: 'the main frame on the evidence protocol',
      sender: wc,
      senderFrame: new FakeFrame('case-evidence://view/00', null, main.processId, main.routingId),
    },
    { name: 'a subframe showing the app origin', sender: wc, senderFrame: wc.subframe('app://case-vault/') },
    {
      name: 'a frame of another document in the same window',
      sender: wc,
      senderFrame: new FakeFrame('app://case-vault/', null, main.processId, main.routingId + 7),
    },
    { name: 'a frame that is gone', sender: wc, senderFrame: null },
    { name: 'a webContents that is not an app window', sender: stranger, senderFrame: stranger.mainFrame },
  ];
}

/** A plausible input for every call: a refusal must come from the sender check, not from the input. */
function inputFor(channel: string): unknown {
  const inputs: Record<string, unknown> = {
    'vault.create': { passphrase: PASSPHRASE },
    'vault.unlock': { passphrase: PASSPHRASE },
    'vault.changePassphrase': { current: PASSPHRASE, next: 'another long passphrase here' },
    'settings.set': { language: 'fr', autoLockMinutes: 30 },
    'clipboard.copySecret': { text: 'RECOVERY-KEY-SECRET' },
    'files.chooseSaveTarget': { suggestedName: 'custody.csv', kind: 'custody-csv' },
    'files.chooseOpen': { kind: 'bundle' },
    'cases.create': { title: 'Should never exist' },
  };
  return inputs[channel] ?? {};
}

describe('registration', () => {
  test('exactly one handler per contract call, nothing else', async () => {
    t = await startTestApp();
    const channels = listCalls(CONTRACT).map((c) => c.channel);
    expect(channels.length).toBeGreaterThan(20);
    expect([...standin.ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
  });

  test('the app page’s main frame is trusted', async () => {
    t = await startTestApp();
    expect(await t.call('vault.status')).toEqual({ ok: true, value: { state: 'absent', vaultId: null } });
  });
});

describe('the sender check, on every call', () => {
  test('before a vault exists: every channel from every foreign sender is FORBIDDEN, and no vault is made', async () => {
    t = await startTestApp();
    const vaultDir = t.running.vaultDir;
    for (const from of foreignSenders(t)) {
      for (const { channel } of listCalls(CONTRACT)) {
        expect(await t.callFrom(from, channel, inputFor(channel)), `${channel} from ${from.name}`).toEqual(FORBIDDEN);
      }
    }
    expect(existsSync(vaultDir)).toBe(false);
    expect(existsSync(t.running.settingsFile)).toBe(false);
    expect(standin.dialog.calls).toEqual([]);
    expect(standin.clipboard.writes).toEqual([]);
    expect(t.sent()).toEqual([]);
    expect(await t.call('vault.status')).toEqual({ ok: true, value: { state: 'absent', vaultId: null } });
  });

  test('with an unlocked vault: every channel from every foreign sender is FORBIDDEN, and nothing changes', async () => {
    t = await startTestApp({ unlocked: true });
    const auditBefore = (await t.ok<{ total: number }>('audit.list', { limit: 1 })).total;
    const casesBefore = await t.ok('cases.list', {});
    const sentBefore = t.sent().length;
    for (const from of foreignSenders(t)) {
      for (const { channel } of listCalls(CONTRACT)) {
        expect(await t.callFrom(from, channel, inputFor(channel)), `${channel} from ${from.name}`).toEqual(FORBIDDEN);
      }
    }
    // still unlocked (session.lock was refused), same audit log, same cases, no settings, no dialog, no clipboard
    expect(t.running.shell.isUnlocked).toBe(true);
    expect((await t.ok<{ total: number }>('audit.list', { limit: 1 })).total).toBe(auditBefore);
    expect(await t.ok('cases.list', {})).toEqual(casesBefore);
    expect(existsSync(t.running.settingsFile)).toBe(false);
    expect(standin.dialog.calls).toEqual([]);
    expect(standin.clipboard.writes).toEqual([]);
    expect(t.running.shell.handles.size).toBe(0);
    expect(t.sent().length).toBe(sentBefore);
  });

  test('a refused call is logged without its input', async () => {
    t = await startTestApp();
    const [from] = foreignSenders(t);
    await t.callFrom(from!, 'vault.create', { passphrase: 'my very private passphrase' });
    expect(t.logs).toHaveLength(1);
    expect(t.logs[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z ipc refused: untrusted sender\n$/);
  });
});

describe('events', () => {
  test('progress and locked events reach the app window on their event channels', async () => {
    t = await startTestApp({ unlocked: true });
    const progress = t.sent().filter((s) => s.channel === 'event:progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]!.payload).toMatchObject({ channel: 'vault.create' });
    expect(t.sent().every((s) => s.channel === 'event:progress')).toBe(true);
    await t.ok('session.lock');
    expect(t.sent().at(-1)).toEqual({ channel: 'event:locked', payload: { reason: 'user' } });
  });

  test('a closed window receives nothing', async () => {
    t = await startTestApp({ unlocked: true });
    const before = t.sent().length;
    t.window.close();
    await t.running.shell.lock('user');
    expect(t.sent().length).toBe(before);
  });
});

describe('native dialogs', () => {
  test('choosing evidence: an open dialog on the app window, files only, no default path; cancel gives null', async () => {
    t = await startTestApp({ unlocked: true });
    const choosing = t.call('files.chooseEvidence');
    await vi.waitFor(() => expect(standin.dialog.calls).toHaveLength(1));
    const call = standin.dialog.calls[0]!;
    expect(call.kind).toBe('open');
    expect(call.window).toBe(t.window);
    expect(call.options).toEqual({ title: 'Choose evidence', properties: ['openFile'] });
    call.answer.resolve({ canceled: true, filePaths: [] });
    expect(await choosing).toEqual({ ok: true, value: null });
    expect(t.running.shell.handles.size).toBe(0);
  });

  test('choosing evidence: the chosen file becomes a handle, never a path', async () => {
    t = await startTestApp({ unlocked: true });
    const file = join(t.root, 'photo.png');
    writeFileSync(file, Buffer.alloc(1234));
    const choosing = t.call('files.chooseEvidence');
    await vi.waitFor(() => expect(standin.dialog.calls).toHaveLength(1));
    standin.dialog.calls[0]!.answer.resolve({ canceled: false, filePaths: [file] });
    const r = (await choosing) as Result<{ handle: string; name: string; size: number }>;
    expect(r.ok && r.value.name).toBe('photo.png');
    expect(r.ok && r.value.size).toBe(1234);
    expect(r.ok && r.value.handle).toMatch(/^fh_[0-9a-f]{32}$/);
    expect(JSON.stringify(r)).not.toContain(t.root);
  });

  test('a save dialog takes only a bare file name from the renderer, never a folder', async () => {
    t = await startTestApp({ unlocked: true });
    const choosing = t.call('files.chooseSaveTarget', {
      suggestedName: '../../../home/user/.bashrc',
      kind: 'custody-csv',
    });
    await vi.waitFor(() => expect(standin.dialog.calls).toHaveLength(1));
    const call = standin.dialog.calls[0]!;
    expect(call.kind).toBe('save');
    expect(call.window).toBe(t.window);
    expect(call.options).toEqual({
      title: 'Save as',
      filters: [{ name: 'CSV files', extensions: ['csv'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
      defaultPath: '_.._.._home_user_.bashrc',
    });
    expect(String(call.options.defaultPath)).not.toMatch(/[\\/]|^\./);
    call.answer.resolve({ canceled: false, filePath: join(t.root, 'custody.csv') });
    const r = (await choosing) as Result<{ handle: string; name: string }>;
    expect(r).toEqual({ ok: true, value: { handle: expect.stringMatching(/^fh_[0-9a-f]{32}$/), name: 'custody.csv' } });
  });

  test('opening a bundle, a card or a receipt: its own title and file filter; the answer is a handle', async () => {
    t = await startTestApp({ unlocked: true });
    const file = join(t.root, 'from-partner.cvbundle');
    writeFileSync(file, Buffer.alloc(10));
    const expected = {
      bundle: {
        title: 'Choose a case bundle',
        filters: [{ name: 'Case bundles', extensions: ['cvbundle', 'cvrecall', 'age'] }],
        properties: ['openFile'],
      },
      'contact-card': {
        title: 'Choose a contact card',
        filters: [{ name: 'Contact cards', extensions: ['cvcard', 'json'] }],
        properties: ['openFile'],
      },
      receipt: {
        title: 'Choose a bundle receipt',
        filters: [{ name: 'JSON files', extensions: ['json'] }],
        properties: ['openFile'],
      },
    };
    for (const [kind, options] of Object.entries(expected)) {
      standin.dialog.calls.length = 0;
      const choosing = t.call('files.chooseOpen', { kind });
      await vi.waitFor(() => expect(standin.dialog.calls).toHaveLength(1));
      expect(standin.dialog.calls[0]!.options).toEqual(options);
      standin.dialog.calls[0]!.answer.resolve({ canceled: false, filePaths: [file] });
      expect(await choosing).toEqual({
        ok: true,
        value: { handle: expect.stringMatching(/^fh_[0-9a-f]{32}$/), name: 'from-partner.cvbundle', size: 10 },
      });
    }
    expect(await t.call('files.chooseOpen', { kind: '../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  test('saving a bundle or a report: the filter names its file type', async () => {
    t = await startTestApp({ unlocked: true });
    for (const [kind, filter] of [
      ['bundle', { name: 'Case bundles', extensions: ['cvbundle'] }],
      ['recall', { name: 'Recall notices', extensions: ['cvrecall'] }],
      ['report-pdf', { name: 'PDF documents', extensions: ['pdf'] }],
      ['report-html', { name: 'Web pages', extensions: ['html'] }],
      ['qr-png', { name: 'PNG images', extensions: ['png'] }],
    ] as const) {
      standin.dialog.calls.length = 0;
      const choosing = t.call('files.chooseSaveTarget', { suggestedName: 'x', kind });
      await vi.waitFor(() => expect(standin.dialog.calls).toHaveLength(1));
      expect(standin.dialog.calls[0]!.options.filters).toEqual([filter]);
      standin.dialog.calls[0]!.answer.resolve({ canceled: true });
      expect(await choosing).toEqual({ ok: true, value: null });
    }
  });

  test('dialog titles follow the language setting', async () => {
    t = await startTestApp({ unlocked: true });
    await t.ok('settings.set', { language: 'es' });
    const choosing = t.call('files.chooseEvidence');
    await vi.waitFor(() => expect(standin.dialog.calls).toHaveLength(1));
    expect(standin.dialog.calls[0]!.options.title).toBe('Elegir una prueba');
    standin.dialog.calls[0]!.answer.resolve({ canceled: true, filePaths: [] });
    await choosing;
  });
});
