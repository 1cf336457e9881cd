/**
 * The app's window: its webPreferences (the renderer gets no Node, runs sandboxed and isolated),
 * content protection, and the registry of the app's windows that IPC trust and broadcasts use.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { APP_ORIGIN } from '../core/app-protocol.js';

/** What the window loads: the renderer's index page on the app:// origin. */
export const APP_START_URL = `${APP_ORIGIN}/`;

export interface WindowOptions {
  /** dist/app/preload.cjs */
  preloadPath: string;
  /** app.isPackaged */
  packaged: boolean;
}

export function mainWindowOptions(opts: WindowOptions): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !opts.packaged,
      // Only for Chromium's built-in PDF viewer, which shows PDF evidence inside the vault (from the
      // case-evidence: protocol, decrypted in memory). Without it a PDF could only be exported to
      // disk in clear to be read. No other plugin exists in Electron; the CSP's object-src 'none'
      // still keeps <object>/<embed> out of the app's own pages.
      plugins: true,
    },
  };
}

/** The windows that belong to the app: only their main frames may call the vault, and only they receive events. */
export class AppWindows {
  #windows = new Set<BrowserWindow>();

  add(win: BrowserWindow): void {
    this.#windows.add(win);
    win.on('closed', () => this.#windows.delete(win));
  }

  all(): BrowserWindow[] {
    return [...this.#windows].filter((w) => !w.isDestroyed());
  }

  /** The window dialogs are parented to. */
  main(): BrowserWindow | undefined {
    return this.all()[0];
  }

  ownerOf(contents: WebContents): BrowserWindow | undefined {
    return this.all().find((w) => w.webContents === contents);
  }

  /** A second instance was started: show the window that exists instead. */
  focus(): void {
    const win = this.main();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }
}

/** Create the window, protect its content from capture, and load the app. */
export function createMainWindow(windows: AppWindows, opts: WindowOptions): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(opts));
  // Screenshots and screen sharing see a blank window (Windows and macOS; Linux has no such API).
  win.setContentProtection(true);
  windows.add(win);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_START_URL);
  return win;
}
