/**
 * The real Electron main process (src-main/app/electron/lifecycle.ts) started against the
 * electron stand-in, with the real engine in process (the worker itself is tested by
 * engine-worker.test.ts). Test files must mock 'electron' with the stand-in themselves:
 *   vi.mock('electron', async () => (await import('./electron-standin.js')).electronModule);
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src-main/app/electron/lifecycle.js';
import { InProcessEngine } from '../ipc/ipc-helpers.js';
import type { Result } from '../../shared/ipc/kit.js';
import { FakeBrowserWindow, standin, type FakeFrame } from './electron-standin.js';

/** The in-process engine, with the close() the app calls on quit. */
export class TestEngine extends InProcessEngine {
  closes = 0;
  async close(): Promise<void> {
    this.closes++;
    this.session.lock();
  }
}

export const PASSPHRASE = 'correct horse battery staple';

export interface TestApp {
  root: string;
  rendererRoot: string;
  running: RunningApp;
  engine: TestEngine;
  window: FakeBrowserWindow;
  logs: string[];
  /** a call from the window's main frame (the app's page) */
  call(channel: string, input?: unknown): Promise<Result<unknown>>;
  /** a call from another frame or page */
  callFrom(
    from: { sender: unknown; senderFrame: FakeFrame | null },
    channel: string,
    input?: unknown,
  ): Promise<Result<unknown>>;
  ok<T = unknown>(channel: string, input?: unknown): Promise<T>;
  /** events the window received: [channel, payload] */
  sent(): Array<{ channel: string; payload: unknown }>;
  cleanup(): void;
}

export interface TestAppOptions {
  packaged?: boolean;
  autoLockPollMs?: number;
  clipboardClearSeconds?: number;
  /** create the vault (unlocked) before returning */
  unlocked?: boolean;
  /** settings.json as a previous run left it */
  savedSettings?: Record<string, unknown>;
}

/** A renderer folder with an index page and a script, and a file next to it that must never be served. */
export function writeRenderer(root: string): string {
  const rendererRoot = join(root, 'renderer');
  mkdirSync(join(rendererRoot, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererRoot, 'index.html'),
    '<!doctype html><title>Case Vault</title><script type="module" src="app.js"></script>',
  );
  writeFileSync(join(rendererRoot, 'app.js'), 'console.log("app");');
  writeFileSync(join(rendererRoot, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'secret.js'), 'outside the renderer');
  return rendererRoot;
}

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  standin.reset();
  const root = mkdtempSync(join(tmpdir(), 'cv-app-'));
  const userData = join(root, 'user-data');
  mkdirSync(userData);
  const rendererRoot = writeRenderer(root);
  standin.app.userData = userData;
  if (opts.savedSettings) writeFileSync(join(userData, 'settings.json'), JSON.stringify(opts.savedSettings));
  standin.app.isPackaged = opts.packaged ?? false;
  const logs: string[] = [];
  let engine: TestEngine | undefined;
  const running = startApp({
    workerPath: join(root, 'no-worker-in-these-tests.mjs'),
    preloadPath: join(root, 'app', 'preload.cjs'),
    rendererRoot,
    vaultDir: join(userData, 'vault'),
    engine: (vaultDir) => (engine = new TestEngine(vaultDir)),
    autoLockPollMs: opts.autoLockPollMs ?? 3_600_000,
    clipboardClearSeconds: opts.clipboardClearSeconds,
    log: (line) => logs.push(line),
  });
  if (!running || !engine) throw new Error('the app did not start');
  standin.app.makeReady();
  await running.ready;
  const window = FakeBrowserWindow.instances[0];
  if (!window) throw new Error('no window');
  const e = engine;
  const callFrom = (from: { sender: unknown; senderFrame: FakeFrame | null }, channel: string, input: unknown = {}) =>
    standin.invoke(channel, input, from) as Promise<Result<unknown>>;
  const call = (channel: string, input: unknown = {}) =>
    callFrom({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, channel, input);
  const ok = async <T>(channel: string, input: unknown = {}): Promise<T> => {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${channel} failed: ${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  if (opts.unlocked) await ok('vault.create', { passphrase: PASSPHRASE });
  return {
    root,
    rendererRoot,
    running,
    engine: e,
    window,
    logs,
    call,
    callFrom,
    ok,
    sent: () => window.webContents.sent,
    cleanup: () => {
      running.shell.autoLock.disarm();
      e.session.lock();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
