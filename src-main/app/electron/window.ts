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
      // No plugins, so no Chromium PDF viewer with its own Download and Print buttons (a way to
      // write a decrypted copy to disk without "Export a copy" and its custody event): PDF
      // evidence is drawn page by page to a canvas by pdf.js inside the app's own page.
      plugins: false,
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
