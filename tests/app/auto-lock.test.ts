/**
 * Auto-lock in the real main process: idle (the system's idle time, polled by the core), suspend
 * and screen lock (powerMonitor), quitting — and no open dialog can hold any of them off.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeEvent, standin } from './electron-standin.js';
import { PASSPHRASE, startTestApp, type TestApp } from './app-helpers.js';

vi.mock('electron', async () => (await import('./electron-standin.js')).electronModule);

let t: TestApp | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const LOCKED = { ok: true, value: { state: 'locked', vaultId: null } };

function lockedEvents(app: TestApp): unknown[] {
  return app
    .sent()
    .filter((s) => s.channel === 'event:locked')
    .map((s) => s.payload);
}

describe('auto-lock', () => {
  test('locks once the machine has been idle for the configured minutes (5 by default), not before', async () => {
    t = await startTestApp({ unlocked: true, autoLockPollMs: 10 });
    standin.powerMonitor.idleSeconds = 5 * 60 - 1;
    await new Promise((r) => setTimeout(r, 100));
    expect(t.running.shell.isUnlocked).toBe(true);
    expect(lockedEvents(t)).toEqual([]);
    standin.powerMonitor.idleSeconds = 5 * 60;
    await vi.waitFor(() => expect(lockedEvents(t!)).toEqual([{ reason: 'idle' }]));
    expect(await t.call('vault.status')).toEqual(LOCKED);
    expect(await t.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });

  test('the idle time follows the setting', async () => {
    t = await startTestApp({ unlocked: true, autoLockPollMs: 10 });
    await t.ok('settings.set', { autoLockMinutes: 1 });
    standin.powerMonitor.idleSeconds = 60;
    await vi.waitFor(() => expect(lockedEvents(t!)).toEqual([{ reason: 'idle' }]));
    expect(await t.call('vault.status')).toEqual(LOCKED);
  });

  test.each([
    ['suspend', 'suspend'],
    ['lock-screen', 'screen-lock'],
  ])('locks on %s', async (event, reason) => {
    t = await startTestApp({ unlocked: true });
    standin.powerMonitor.emit(event);
    await vi.waitFor(async () => expect(await t!.call('vault.status')).toEqual(LOCKED));
    expect(lockedEvents(t)).toEqual([{ reason }]);
  });

  test('power events while locked change nothing', async () => {
    t = await startTestApp();
    standin.powerMonitor.emit('suspend');
    standin.powerMonitor.emit('lock-screen');
    expect(t.sent()).toEqual([]);
  });

  test.each(['suspend', 'lock-screen', 'idle'])(
    'an open file dialog does not hold off the lock (%s); when it closes, no handle is issued',
    async (trigger) => {
      t = await startTestApp({ unlocked: true, autoLockPollMs: 10 });
      const file = join(t.root, 'evidence.pdf');
      writeFileSync(file, '%PDF-1.4');
      const choosing = t.call('files.chooseEvidence');
      await vi.waitFor(() => expect(standin.dialog.calls).toHaveLength(1));
      if (trigger === 'idle') standin.powerMonitor.idleSeconds = 3600;
      else standin.powerMonitor.emit(trigger);
      await vi.waitFor(() => expect(lockedEvents(t!)).toHaveLength(1));
      expect(await t.call('vault.status')).toEqual(LOCKED);
      // the user picks a file in the dialog that stayed open
      standin.dialog.calls[0]!.answer.resolve({ canceled: false, filePaths: [file] });
      expect(await choosing).toEqual({ ok: true, value: null });
      expect(t.running.shell.handles.size).toBe(0);
    },
  );

  test('a dialog opened before a lock yields no handle even if the vault was unlocked again meanwhile', async () => {
    t = await startTestApp({ unlocked: true });
    const file = join(t.root, 'evidence.pdf');
    writeFileSync(file, '%PDF-1.4');
    const saving = t.call('files.chooseSaveTarget', { suggestedName: 'x.json', kind: 'custody-json' });
    const choosing = t.call('files.chooseEvidence');
    await vi.waitFor(() => expect(standin.dialog.calls).toHaveLength(2));
    standin.powerMonitor.emit('suspend');
    await vi.waitFor(async () => expect(await t!.call('vault.status')).toEqual(LOCKED));
    await t.ok('vault.unlock', { passphrase: PASSPHRASE });
    standin.dialog.calls[0]!.answer.resolve({ canceled: false, filePath: join(t.root, 'out.json') });
    standin.dialog.calls[1]!.answer.resolve({ canceled: false, filePaths: [file] });
    expect(await saving).toEqual({ ok: true, value: null });
    expect(await choosing).toEqual({ ok: true, value: null });
    expect(t.running.shell.handles.size).toBe(0);
  });
});

describe('quitting', () => {
  test('before-quit locks the vault, tells the window and stops the engine, then quits', async () => {
    t = await startTestApp({ unlocked: true });
    const first = new FakeEvent();
    standin.app.emit('before-quit', first);
    expect(first.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(standin.app.quitCalls).toBe(1));
    expect(t.engine.closes).toBe(1);
    expect(t.running.shell.isUnlocked).toBe(false);
    expect(lockedEvents(t)).toEqual([{ reason: 'shutdown' }]);
    // Electron emits before-quit again for the app.quit() that follows: this time it goes through
    const second = new FakeEvent();
    standin.app.emit('before-quit', second);
    expect(second.defaultPrevented).toBe(false);
    expect(t.engine.closes).toBe(1);
  });

  test('closing the last window quits (the vault never stays open without a window)', async () => {
    t = await startTestApp({ unlocked: true });
    standin.app.emit('window-all-closed');
    expect(standin.app.quitCalls).toBe(1);
  });
});
