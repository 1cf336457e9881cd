/**
 * The Electron hardening of docs/security.md, "Security: the desktop app", one named function per rule so that
 * tests/app/hardening.test.ts can assert each. Window options (contextIsolation, sandbox, no Node,
 * webSecurity, DevTools) are in window.ts; the CSP and the path check in protocols.ts; the IPC
 * sender check in ipc.ts.
 *
 * Nothing here ever hands a URL to the operating system: the app has no "open in browser" path at
 * all (tests/app/hardening.test.ts greps the sources for the Electron call that would do it).
 */
import { app, type Session, type WebContents } from 'electron';
import { APP_HOST, APP_SCHEME, EVIDENCE_SCHEME } from '../core/app-protocol.js';

export interface HardeningOptions {
  /** app.isPackaged: DevTools (and their devtools: requests) only exist in development builds */
  packaged: boolean;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Is this URL the app's own origin (`app://case-vault`, no port, no credentials)? */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return (
    u !== undefined && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === ''
  );
}

/** Is this URL one of the evidence viewer's one-time URLs? */
export function isEvidenceUrl(url: string): boolean {
  const u = parse(url);
  return u !== undefined && u.protocol === `${EVIDENCE_SCHEME}:`;
}

/**
 * The session's whole network policy: the app's own protocol, the evidence protocol, and
 * devtools: in development builds. Everything else — http(s), ws(s), file:, ftp:, data:, blob:,
 * any extension (Chromium's own PDF viewer included: plugins are off, PDFs are drawn by pdf.js in
 * the page) — is cancelled, so no request can leave the machine.
 */
export function isAllowedRequest(url: string, opts: HardeningOptions): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:`) return isAppUrl(url);
  if (u.protocol === `${EVIDENCE_SCHEME}:`) return true;
  if (u.protocol === 'devtools:') return !opts.packaged;
  return false;
}

/** Every permission request and check is refused: camera, microphone, geolocation, notifications, HID, USB, serial, screen capture, … */
export function denyAllPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Screen capture: answer "no stream" (Electron versions without the API have nothing to deny).
  if (typeof ses.setDisplayMediaRequestHandler === 'function') {
    ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  }
}

/** Cancel every request whose URL `isAllowedRequest` refuses. */
export function blockNetwork(ses: Session, opts: HardeningOptions): void {
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, opts) }));
}

/**
 * Nothing is ever downloaded: a decrypted copy leaves the vault only through "Export a copy",
 * which asks why and records it in the item's custody log. A download — a link with `download`,
 * a navigation to something the page cannot show, a viewer's own save button — would write the
 * decrypted bytes to disk with no reason and no custody event, so every one is cancelled.
 */
export function denyDownloads(ses: Session): void {
  ses.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
  });
}

const hardenedSessions = new WeakSet<Session>();

/** The session's guards, once per session. */
export function hardenSession(ses: Session, opts: HardeningOptions): void {
  if (hardenedSessions.has(ses)) return;
  hardenedSessions.add(ses);
  denyAllPermissions(ses);
  blockNetwork(ses, opts);
  denyDownloads(ses);
}

/**
 * Navigation: the top-level page may only ever be the app; a frame inside it may also show an
 * evidence URL (the viewer). Redirects are held to the same rule.
 */
export function guardNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    const allowed = event.isMainFrame ? isAppUrl(event.url) : isAppUrl(event.url) || isEvidenceUrl(event.url);
    if (!allowed) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    const allowed = event.isMainFrame ? isAppUrl(event.url) : isAppUrl(event.url) || isEvidenceUrl(event.url);
    if (!allowed) event.preventDefault();
  });
}

/** window.open, target=_blank links and the like: never a new window. */
export function denyNewWindows(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** <webview> is off in webPreferences; should one be attached anyway, it is refused here. */
export function denyWebviews(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Web Bluetooth's device picker picks the first device unless told otherwise: cancel it. */
export function denyDevicePickers(contents: WebContents): void {
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}

/** In packaged builds DevTools are disabled in webPreferences; if they open anyway, they are closed at once. */
export function closeDevToolsWhenPackaged(contents: WebContents, opts: HardeningOptions): void {
  if (!opts.packaged) return;
  contents.on('devtools-opened', () => contents.closeDevTools());
}

/**
 * Command-line switches that open a debugger onto the renderer or main (Chromium's remote
 * debugging, Node's inspector). The fuses switch off Node's; Chromium's are refused here.
 */
export const DEBUGGING_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'inspect',
  'inspect-brk',
  'inspect-port',
] as const;

/** Was a packaged build started with a debugging switch? (Then it must not start at all.) */
export function debuggingRequested(opts: HardeningOptions): boolean {
  return opts.packaged && DEBUGGING_SWITCHES.some((name) => app.commandLine.hasSwitch(name));
}

/** Every guard for one webContents (and its session). */
export function guardWebContents(contents: WebContents, opts: HardeningOptions): void {
  guardNavigation(contents);
  denyNewWindows(contents);
  denyWebviews(contents);
  denyDevicePickers(contents);
  closeDevToolsWhenPackaged(contents, opts);
  hardenSession(contents.session, opts);
}

/** Apply the guards to every webContents the app ever creates (windows and anything else). */
export function guardAllWebContents(opts: HardeningOptions): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, opts));
}
