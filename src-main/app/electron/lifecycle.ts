/**
 * Wiring: the core (Shell, EngineClient, SettingsStore) to Electron's app lifecycle. Order matters:
 * the single-instance lock, the sandbox switch and the privileged schemes come before the app is
 * ready; the session, protocols, menu, power events and the window once it is.
 */
import { defaultVaultDir } from '../../engine/paths.js';
import { app, powerMonitor, session } from 'electron';
import { join } from 'node:path';
import { Shell, type EngineLink } from '../core/shell.js';
import { EngineClient } from '../core/engine-client.js';
import { SettingsStore } from '../core/settings-store.js';
import { debuggingRequested, guardAllWebContents, hardenSession } from './hardening.js';
import { ElectronHost } from './host.js';
import { registerIpc } from './ipc.js';
import { installMenu } from './menu.js';
import { installProtocols, registerPrivilegedSchemes } from './protocols.js';
import { AppWindows, createMainWindow } from './window.js';

/** The engine as the app uses it: the shell's link plus a way to stop it on quit. */
export interface AppEngine extends EngineLink {
  close(): Promise<void>;
}

export interface AppOptions {
  /** dist/app/engine-worker.mjs */
  workerPath: string;
  /** dist/app/preload.cjs */
  preloadPath: string;
  /** dist/renderer */
  rendererRoot: string;
  /** the vault folder; default: the CLI's default ($CASE_VAULT_DIR, else the OS's app-data folder) */
  vaultDir?: string;
  /** another engine than the worker (tests run the engine in process) */
  engine?: (vaultDir: string, onCrash: () => void) => AppEngine;
  autoLockPollMs?: number;
  clipboardClearSeconds?: number;
  /** where log lines go (stderr by default) */
  log?: (line: string) => void;
  /** how long quitting waits for the lock and the worker's exit before quitting anyway */
  quitTimeoutMs?: number;
}

export interface RunningApp {
  shell: Shell;
  engine: AppEngine;
  host: ElectronHost;
  windows: AppWindows;
  vaultDir: string;
  settingsFile: string;
  /** settles once the window is created (rejects if startup failed) */
  ready: Promise<void>;
}

/** Start the app; null when another instance already runs (this one quits) or a packaged build was asked to open a debugger (it exits). */
export function startApp(opts: AppOptions): RunningApp | null {
  const packaged = app.isPackaged;
  if (debuggingRequested({ packaged })) {
    app.exit(1);
    return null;
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  // Before ready: every renderer sandboxed, the app's schemes privileged, every webContents guarded.
  app.enableSandbox();
  registerPrivilegedSchemes();
  guardAllWebContents({ packaged });

  const userData = app.getPath('userData');
  // The same default as the CLI ($CASE_VAULT_DIR, else the OS's app-data folder), so that both
  // tools open the same vault (one at a time: the database is held exclusively).
  const vaultDir = opts.vaultDir ?? defaultVaultDir();
  const settingsFile = join(userData, 'settings.json');
  const settings = new SettingsStore(settingsFile);
  // Chromium draws date and number inputs in the locale it starts with; starting it in the
  // interface language shows dates as a reader of that language writes them. It reads the
  // switch once, so a language chosen later applies to those inputs from the next start.
  app.commandLine.appendSwitch('lang', settings.get().language);
  const windows = new AppWindows();
  const host = new ElectronHost({ windows, language: () => settings.get().language, write: opts.log });
  // The engine exists before the shell it reports a crash to (a dead worker took the keys with it: locked).
  const link: { shell?: Shell } = {};
  const onCrash = (): void => link.shell?.onEngineCrash();
  const engine: AppEngine =
    opts.engine?.(vaultDir, onCrash) ??
    new EngineClient({
      workerPath: opts.workerPath,
      vaultDir,
      onCrash,
      onUnexpected: (channel, errorName) => host.log(`engine ${channel}: unexpected ${errorName}`),
    });
  const shell = new Shell({
    engine,
    settings,
    host,
    autoLockPollMs: opts.autoLockPollMs,
    clipboardClearSeconds: opts.clipboardClearSeconds,
  });
  link.shell = shell;
  const lockNow = (): void => void shell.lock('user');
  const panicNow = (): void => void shell.lock('panic');

  registerIpc(shell, windows, {
    afterCall: (channel, result) => {
      if (channel === 'settings.set' && result.ok) installMenu(settings.get().language, lockNow, panicNow);
    },
  });

  app.on('second-instance', () => windows.focus());
  // The vault never stays open without a window (also on macOS, where apps usually linger).
  app.on('window-all-closed', () => app.quit());

  // Quitting locks first: keys zeroed in the worker, every window told, the worker stopped.
  let quitReady = false;
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitReady) return;
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    const done = (async () => {
      await shell.lock('shutdown');
      await engine.close();
    })();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, opts.quitTimeoutMs ?? 5000).unref());
    void Promise.race([done.catch(() => undefined), timeout]).then(() => {
      quitReady = true;
      app.quit();
    });
  });

  const ready = app.whenReady().then(() => {
    hardenSession(session.defaultSession, { packaged });
    installProtocols(opts.rendererRoot, shell);
    installMenu(settings.get().language, lockNow, panicNow);
    // Idle is polled by the core (AutoLock, from the system's idle time); these two are pushed.
    powerMonitor.on('suspend', () => shell.autoLock.onSuspend());
    powerMonitor.on('lock-screen', () => shell.autoLock.onScreenLock());
    createMainWindow(windows, { preloadPath: opts.preloadPath, packaged });
  });
  ready.catch(() => {
    host.log('startup failed');
    app.quit();
  });

  return { shell, engine, host, windows, vaultDir, settingsFile, ready };
}
