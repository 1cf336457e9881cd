/**
 * docs/security.md, "Security: the desktop app", item by item, against the real main process (lifecycle.ts and
 * its modules) running on the electron stand-in. Docs: docs/security.md "Security: the desktop app".
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FakeEvent, FakeSession, FakeWebContents, menuItem, standin } from './electron-standin.js';
import { startTestApp, type TestApp } from './app-helpers.js';
import { startApp } from '../../src-main/app/electron/lifecycle.js';
import { DEBUGGING_SWITCHES } from '../../src-main/app/electron/hardening.js';
import { LOCK_ACCELERATOR, PANIC_ACCELERATOR } from '../../src-main/app/electron/menu.js';

vi.mock('electron', async () => (await import('./electron-standin.js')).electronModule);

let t: TestApp | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

describe('the window', () => {
  test('contextIsolation, sandbox, no Node anywhere in the renderer, webSecurity, no webview, the preload', async () => {
    t = await startTestApp();
    expect(t.window.options.webPreferences).toEqual({
      preload: join(t.root, 'app', 'preload.cjs'),
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
      devTools: true,
      // no Chromium PDF viewer (and its Download and Print buttons): pdf.js draws PDFs in the page
      plugins: false,
    });
    // every renderer, not only this window's, is sandboxed: switched on before the app is ready
    expect(standin.app.sandboxEnabled).toBe(true);
    expect(standin.app.sandboxEnabledBeforeReady).toBe(true);
  });

  test('content protection is on and the window loads the app origin', async () => {
    t = await startTestApp();
    expect(t.window.contentProtection).toBe(true);
    expect(t.window.loadedUrl).toBe('app://case-vault/');
  });

  test('DevTools are off in a packaged build, closed if they open anyway, and their requests are cancelled', async () => {
    t = await startTestApp({ packaged: true });
    expect((t.window.options.webPreferences as Record<string, unknown>).devTools).toBe(false);
    t.window.webContents.emit('devtools-opened');
    expect(t.window.webContents.devToolsClosed).toBe(1);
    expect(standin.session.defaultSession.cancels('devtools://devtools/bundled/inspector.html')).toBe(true);
  });

  test.each(DEBUGGING_SWITCHES)(
    'a packaged build started with --%s exits at once, having registered nothing',
    (name) => {
      standin.reset();
      standin.app.isPackaged = true;
      standin.app.commandLine.switches.add(name);
      expect(
        startApp({
          workerPath: '/nonexistent/worker.mjs',
          preloadPath: '/nonexistent/preload.cjs',
          rendererRoot: '/nonexistent',
          vaultDir: '/nonexistent/vault',
        }),
      ).toBeNull();
      expect(standin.app.exitCodes).toEqual([1]);
      expect(standin.app.lockRequests).toBe(0);
      expect(standin.ipcMain.handlers.size).toBe(0);
      expect(standin.protocol.schemes).toEqual([]);
    },
  );

  test('a development build may be debugged', () => {
    standin.reset();
    standin.app.commandLine.switches.add('remote-debugging-port');
    standin.app.userData = '/nonexistent/user-data';
    // the worker starts on the first call only: none is made here
    const running = startApp({
      workerPath: '/nonexistent/worker.mjs',
      preloadPath: '/nonexistent/preload.cjs',
      rendererRoot: '/nonexistent',
      vaultDir: '/nonexistent/vault',
    });
    expect(running).not.toBeNull();
    expect(standin.ipcMain.handlers.size).toBeGreaterThan(20);
    expect(standin.app.exitCodes).toEqual([]);
  });

  test('in a development build DevTools stay available', async () => {
    t = await startTestApp({ packaged: false });
    expect((t.window.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
    t.window.webContents.emit('devtools-opened');
    expect(t.window.webContents.devToolsClosed).toBe(0);
    expect(standin.session.defaultSession.cancels('devtools://devtools/bundled/inspector.html')).toBe(false);
  });
});

describe('permissions', () => {
  const PERMISSIONS = [
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'openExternal',
    'fullscreen',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'midi',
    'midiSysex',
    'pointerLock',
    'fileSystem',
    'idle-detection',
    'local-fonts',
    'unknown',
  ];

  test('every permission request is refused, once', async () => {
    t = await startTestApp();
    const request = standin.session.defaultSession.permissionRequestHandler as unknown as (
      wc: unknown,
      p: string,
      cb: (granted: boolean) => void,
      d: unknown,
    ) => void;
    for (const permission of PERMISSIONS) {
      const answers: boolean[] = [];
      request(t.window.webContents, permission, (granted) => answers.push(granted), {
        requestingUrl: 'app://case-vault/',
      });
      expect(answers, permission).toEqual([false]);
    }
  });

  test('every permission check, device permission and screen capture request is refused', async () => {
    t = await startTestApp();
    const ses = standin.session.defaultSession;
    const check = ses.permissionCheckHandler as unknown as (
      wc: unknown,
      p: string,
      origin: string,
      d: unknown,
    ) => boolean;
    for (const permission of PERMISSIONS)
      expect(check(t.window.webContents, permission, 'app://case-vault', {}), permission).toBe(false);
    const device = ses.devicePermissionHandler as unknown as (d: unknown) => boolean;
    for (const deviceType of ['hid', 'serial', 'usb'])
      expect(device({ deviceType, origin: 'app://case-vault' })).toBe(false);
    const display = ses.displayMediaRequestHandler as unknown as (r: unknown, cb: (streams: unknown) => void) => void;
    const streams: unknown[] = [];
    display({ frame: null, securityOrigin: 'app://case-vault' }, (s) => streams.push(s));
    expect(streams).toEqual([null]);
  });
});

describe('network', () => {
  const CANCELLED = [
    'https://example.org/',
    'http://127.0.0.1:8080/api',
    'http://localhost/',
    'ws://127.0.0.1:9222/devtools',
    'wss://example.org/socket',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://case-vault/6f1c2f7e-0000-4000-8000-000000000000',
    'ftp://example.org/file',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop/page.html',
    // Chromium's own PDF viewer: plugins are off, nothing of it may load
    'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
    'chrome://settings/',
    'app://other-host/index.html',
    'app://case-vault:8080/index.html',
    'app://user:pw@case-vault/index.html',
    'not a url',
  ];
  const ALLOWED = ['app://case-vault/', 'app://case-vault/app.js', `case-evidence://view/${'ab'.repeat(24)}`];

  test('every request that is not the app or the evidence protocol is cancelled', async () => {
    t = await startTestApp({ packaged: true });
    const ses = standin.session.defaultSession;
    for (const url of CANCELLED) expect(ses.cancels(url), url).toBe(true);
    for (const url of ALLOWED) expect(ses.cancels(url), url).toBe(false);
  });

  test('a webContents on another session gets the same filter and permission handlers', async () => {
    t = await startTestApp({ packaged: true });
    const other = new FakeWebContents(new FakeSession(), 'chrome-extension://x/');
    standin.app.emit('web-contents-created', new FakeEvent(), other);
    expect(other.session.cancels('https://example.org/')).toBe(true);
    expect(other.session.cancels('app://case-vault/')).toBe(false);
    const answers: boolean[] = [];
    (other.session.permissionRequestHandler as unknown as (wc: unknown, p: string, cb: (g: boolean) => void) => void)(
      other,
      'media',
      (g) => answers.push(g),
    );
    expect(answers).toEqual([false]);
  });
});

describe('downloads', () => {
  test('every download is cancelled, whatever its URL, on the window’s session and on any other', async () => {
    t = await startTestApp({ packaged: true });
    for (const url of [
      `case-evidence://view/${'ab'.repeat(24)}`,
      'app://case-vault/app.js',
      'blob:app://case-vault/6f1c2f7e-0000-4000-8000-000000000000',
      'https://example.org/file.pdf',
    ])
      expect(standin.session.defaultSession.download(url), url).toEqual({ prevented: true, cancelled: true });
    const other = new FakeWebContents(new FakeSession(), 'app://case-vault/');
    standin.app.emit('web-contents-created', new FakeEvent(), other);
    expect(other.session.download('app://case-vault/x.pdf')).toEqual({ prevented: true, cancelled: true });
  });

  test('an unguarded session would let a download through (the check above can fail)', () => {
    expect(new FakeSession().download('app://case-vault/x.pdf')).toEqual({ prevented: false, cancelled: false });
  });
});

describe('navigation and new windows', () => {
  test('the page can navigate only within the app origin', async () => {
    t = await startTestApp();
    const wc = t.window.webContents;
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/',
      'case-evidence://view/abc',
      'javascript:alert(1)',
      'about:blank',
    ]) {
      expect(wc.navigate('will-navigate', url), url).toBe(true);
      expect(wc.navigate('will-frame-navigate', url, true), url).toBe(true);
      expect(wc.navigate('will-redirect', url, true), url).toBe(true);
    }
    expect(wc.navigate('will-navigate', 'app://case-vault/index.html')).toBe(false);
    expect(wc.navigate('will-redirect', 'app://case-vault/')).toBe(false);
  });

  test('a frame inside the page may show an evidence URL, nothing from elsewhere', async () => {
    t = await startTestApp();
    const wc = t.window.webContents;
    expect(wc.navigate('will-frame-navigate', `case-evidence://view/${'ab'.repeat(24)}`, false)).toBe(false);
    expect(wc.navigate('will-frame-navigate', 'https://evil.example/', false)).toBe(true);
    expect(wc.navigate('will-redirect', 'https://evil.example/', false)).toBe(true);
  });

  test('window.open is denied, whatever the URL', async () => {
    t = await startTestApp();
    const open = t.window.webContents.windowOpenHandler!;
    for (const url of ['https://evil.example/', 'app://case-vault/', 'about:blank'])
      expect(open({ url })).toEqual({ action: 'deny' });
  });

  test('a <webview> is never attached; Bluetooth device pickers are cancelled', async () => {
    t = await startTestApp();
    const wc = t.window.webContents;
    const attach = new FakeEvent();
    wc.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
    const pick = new FakeEvent();
    const chosen: string[] = [];
    wc.emit('select-bluetooth-device', pick, [{ deviceId: 'dev-1', deviceName: 'x' }], (id: string) => chosen.push(id));
    expect(pick.defaultPrevented).toBe(true);
    expect(chosen).toEqual(['']);
  });

  test('every webContents the app creates gets the guards (here: one it did not create itself)', async () => {
    t = await startTestApp({ packaged: true });
    const guest = new FakeWebContents(standin.session.defaultSession, 'chrome-extension://x/');
    standin.app.emit('web-contents-created', new FakeEvent(), guest);
    expect(guest.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(guest.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    guest.emit('devtools-opened');
    expect(guest.devToolsClosed).toBe(1);
  });
});

describe('single instance', () => {
  test('a second instance quits at once and registers nothing', () => {
    standin.reset();
    standin.app.gotLock = false;
    const running = startApp({
      workerPath: '/nonexistent/worker.mjs',
      preloadPath: '/nonexistent/preload.cjs',
      rendererRoot: '/nonexistent',
      vaultDir: '/nonexistent/vault',
    });
    expect(running).toBeNull();
    expect(standin.app.lockRequests).toBe(1);
    expect(standin.app.quitCalls).toBe(1);
    standin.app.makeReady();
    expect(standin.ipcMain.handlers.size).toBe(0);
    expect(standin.protocol.schemes).toEqual([]);
    expect(standin.protocol.handlers.size).toBe(0);
    expect(standin.app.listenerCount('second-instance')).toBe(0);
  });

  test('the first instance asks for the lock and brings its window forward when another starts', async () => {
    t = await startTestApp();
    expect(standin.app.lockRequests).toBe(1);
    t.window.minimized = true;
    standin.app.emit('second-instance', new FakeEvent(), ['case-vault'], '/');
    expect(t.window.restored).toBe(1);
    expect(t.window.focused).toBe(1);
  });
});

describe('no URL is ever handed to the operating system', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx|mjs|js|cjs)$/.test(name) ? [p] : [];
    });
  }

  test('no source calls openExternal or imports Electron shell', () => {
    const files = ['src-main', 'src-renderer', 'shared'].flatMap(sources);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => {
      const text = readFileSync(f, 'utf8');
      return (
        /openExternal|openPath|showItemInFolder/.test(text) ||
        /import\s*\{[^}]*\bshell\b[^}]*\}\s*from\s*['"]electron['"]/.test(text)
      );
    });
    expect(offenders).toEqual([]);
  });

  test('a started app, used, has not called it', async () => {
    t = await startTestApp({ unlocked: true });
    await t.ok('vault.status');
    expect(standin.shell.openExternalCalls).toEqual([]);
  });
});

describe('the menu', () => {
  test('Lock (CmdOrCtrl+L) locks the vault; there is no View menu (no reload, no DevTools)', async () => {
    t = await startTestApp({ unlocked: true });
    const lock = menuItem('lock')!;
    expect(lock.accelerator).toBe(LOCK_ACCELERATOR);
    expect(LOCK_ACCELERATOR).toBe('CmdOrCtrl+L');
    expect(lock.label).toBe('Lock');
    const roles = JSON.stringify(standin.menu.application!.template, (k, v: unknown) =>
      k === 'click' ? undefined : v,
    );
    expect(roles).not.toMatch(/viewMenu|toggleDevTools|reload|forceReload/);
    (lock.click as () => void)();
    await vi.waitFor(async () => expect(await t!.ok('vault.status')).toEqual({ state: 'locked', vaultId: null }));
    expect(t.sent()).toContainEqual({ channel: 'event:locked', payload: { reason: 'user' } });
  });

  test('Panic (CmdOrCtrl+Shift+L) locks the vault and tells every window it was a panic', async () => {
    t = await startTestApp({ unlocked: true });
    const panic = menuItem('panic')!;
    expect(panic.accelerator).toBe(PANIC_ACCELERATOR);
    expect(PANIC_ACCELERATOR).toBe('CmdOrCtrl+Shift+L');
    (panic.click as () => void)();
    await vi.waitFor(async () => expect(await t!.ok('vault.status')).toEqual({ state: 'locked', vaultId: null }));
    expect(t.sent()).toContainEqual({ channel: 'event:locked', payload: { reason: 'panic' } });
  });

  test('the menu follows the language setting', async () => {
    t = await startTestApp();
    expect(menuItem('lock')!.label).toBe('Lock');
    await t.ok('settings.set', { language: 'ar' });
    expect(menuItem('lock')!.label).toBe('قفل');
  });

  test('Chromium starts in the saved interface language, so date inputs read as its speakers write dates', async () => {
    t = await startTestApp({ savedSettings: { language: 'fr' } });
    expect(standin.app.commandLine.values.get('lang')).toBe('fr');
    t.cleanup();
    t = await startTestApp();
    expect(standin.app.commandLine.values.get('lang')).toBe('en');
  });
});
