/**
 * The entry (src-main/app/electron/main.ts, built to dist/app/main.js): importing it starts the
 * app with the worker, the preload and the renderer found next to it.
 */
import { afterAll, describe, expect, test, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeBrowserWindow, standin } from './electron-standin.js';

vi.mock('electron', async () => (await import('./electron-standin.js')).electronModule);

const userData = mkdtempSync(join(tmpdir(), 'cv-main-'));
// The entry uses the CLI's default vault folder: keep it inside this test's temp folder.
process.env.CASE_VAULT_DIR = join(userData, 'vault');
afterAll(() => {
  delete process.env.CASE_VAULT_DIR;
  rmSync(userData, { recursive: true, force: true });
});

describe('main.ts', () => {
  test('starts the app: single-instance lock, schemes and IPC before ready, the window after, with the preload beside main', async () => {
    standin.reset();
    standin.app.userData = userData;
    await import('../../src-main/app/electron/main.js');
    expect(standin.app.lockRequests).toBe(1);
    expect(standin.protocol.schemes.map((s) => s.scheme)).toEqual(['app', 'case-evidence']);
    expect(standin.ipcMain.handlers.size).toBeGreaterThan(20);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    standin.app.makeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    const mainDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src-main/app/electron');
    expect((FakeBrowserWindow.instances[0]!.options.webPreferences as { preload: string }).preload).toBe(
      join(mainDir, 'preload.cjs'),
    );
    expect(FakeBrowserWindow.instances[0]!.loadedUrl).toBe('app://case-vault/');
  });
});
