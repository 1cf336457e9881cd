/**
 * A stand-in for the `electron` module (its binary cannot be downloaded here). It does nothing
 * Electron does; it records what the app registered and called, and lets a test play Electron's
 * part: make the app ready, send a navigation, fire a power event, answer a dialog, invoke an IPC
 * handler from a chosen frame.
 *
 * Use: vi.mock('electron', async () => (await import('./electron-standin.js')).electronModule)
 * and standin.reset() before each test.
 */
import { EventEmitter } from 'node:events';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Electron's Event: preventDefault plus the event's own fields. */
export class FakeEvent {
  defaultPrevented = false;
  [key: string]: unknown;
  constructor(fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  constructor(
    public url: string,
    public readonly parent: FakeFrame | null,
    public readonly processId: number,
    public readonly routingId: number,
  ) {}
}

type Handler = (...args: never[]) => unknown;

export class FakeSession extends EventEmitter {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  displayMediaRequestHandler: Handler | null = null;
  beforeRequest: ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: FakeSession['beforeRequest']) => {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(h: Handler | null): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: Handler | null): void {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: Handler | null): void {
    this.devicePermissionHandler = h;
  }
  setDisplayMediaRequestHandler(h: Handler | null): void {
    this.displayMediaRequestHandler = h;
  }
  /** A download starts (a link with `download`, a viewer's save button): was it cancelled, and how? */
  download(url: string): { prevented: boolean; cancelled: boolean } {
    const event = new FakeEvent();
    const item = { cancelled: false, getURL: () => url, cancel: () => void (item.cancelled = true) };
    this.emit('will-download', event, item, null);
    return { prevented: event.defaultPrevented, cancelled: item.cancelled };
  }
  /** What the session's request filter decides for a URL: true when cancelled. */
  cancels(url: string): boolean {
    if (!this.beforeRequest) throw new Error('no request filter installed');
    let cancel: boolean | undefined;
    this.beforeRequest({ url }, (r) => (cancel = r.cancel === true));
    if (cancel === undefined) throw new Error('the request filter did not answer');
    return cancel;
  }
}

let nextProcessId = 100;

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  devToolsClosed = 0;
  constructor(
    public session: FakeSession,
    url = 'about:blank',
  ) {
    super();
    this.mainFrame = new FakeFrame(url, null, nextProcessId++, 1);
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(h: FakeWebContents['windowOpenHandler']): void {
    this.windowOpenHandler = h;
  }
  closeDevTools(): void {
    this.devToolsClosed++;
  }
  isDestroyed(): boolean {
    return false;
  }
  /** A frame inside this page (an iframe). */
  subframe(url: string): FakeFrame {
    return new FakeFrame(url, this.mainFrame, this.mainFrame.processId, this.mainFrame.routingId + 1);
  }
  /** Emit a navigation event as Electron does; returns whether the app prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string, isMainFrame = true): boolean {
    const e = new FakeEvent({ url, isMainFrame });
    this.emit(event, e, url);
    return e.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents: FakeWebContents;
  contentProtection: boolean | null = null;
  loadedUrl: string | null = null;
  shown = 0;
  focused = 0;
  restored = 0;
  minimized = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    this.webContents = new FakeWebContents(standin.session.defaultSession);
    FakeBrowserWindow.instances.push(this);
    standin.app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }
  setContentProtection(on: boolean): void {
    this.contentProtection = on;
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.restored++;
    this.minimized = false;
  }
  show(): void {
    this.shown++;
  }
  focus(): void {
    this.focused++;
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  gotLock = true;
  userData = '';
  lockRequests = 0;
  quitCalls = 0;
  exitCodes: number[] = [];
  sandboxEnabled = false;
  sandboxEnabledBeforeReady = false;
  ready = false;
  readonly commandLine = {
    switches: new Set<string>(),
    values: new Map<string, string>(),
    hasSwitch: (name: string) => this.commandLine.switches.has(name),
    appendSwitch: (name: string, value?: string) => {
      this.commandLine.switches.add(name);
      if (value !== undefined) this.commandLine.values.set(name, value);
    },
  };
  #ready = deferred<void>();
  reset(): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.gotLock = true;
    this.userData = '';
    this.lockRequests = 0;
    this.quitCalls = 0;
    this.exitCodes = [];
    this.commandLine.switches.clear();
    this.commandLine.values.clear();
    this.sandboxEnabled = false;
    this.sandboxEnabledBeforeReady = false;
    this.ready = false;
    this.#ready = deferred<void>();
  }
  requestSingleInstanceLock(): boolean {
    this.lockRequests++;
    return this.gotLock;
  }
  quit(): void {
    this.quitCalls++;
  }
  exit(code = 0): void {
    this.exitCodes.push(code);
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
    this.sandboxEnabledBeforeReady = !this.ready;
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`stand-in: app.getPath(${name}) is not expected`);
    return this.userData;
  }
  whenReady(): Promise<void> {
    return this.#ready.promise;
  }
  isReady(): boolean {
    return this.ready;
  }
  /** Play Electron: the app is ready. */
  makeReady(): void {
    this.ready = true;
    this.emit('ready');
    this.#ready.resolve();
  }
}

export interface DialogCall {
  kind: 'open' | 'save';
  window: unknown;
  options: Record<string, unknown>;
  answer: Deferred<Record<string, unknown>>;
}

export const standin = {
  app: new FakeApp(),
  session: { defaultSession: new FakeSession() },
  protocol: {
    schemes: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
    schemesRegisteredBeforeReady: false,
    handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  },
  ipcMain: { handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>() },
  menu: { application: null as null | { template: Array<Record<string, unknown>> } },
  powerMonitor: Object.assign(new EventEmitter(), { idleSeconds: 0 }),
  dialog: { calls: [] as DialogCall[] },
  clipboard: { text: '', writes: [] as string[], clears: 0 },
  contextBridge: { exposed: new Map<string, unknown>() },
  ipcRenderer: Object.assign(new EventEmitter(), {
    invocations: [] as Array<{ channel: string; args: unknown[] }>,
    answer: (_channel: string, ..._args: unknown[]): unknown => ({ ok: true, value: null }),
  }),
  shell: { openExternalCalls: [] as string[] },

  reset(): void {
    this.app.reset();
    this.session.defaultSession = new FakeSession();
    this.protocol.schemes = [];
    this.protocol.schemesRegisteredBeforeReady = false;
    this.protocol.handlers.clear();
    this.ipcMain.handlers.clear();
    this.menu.application = null;
    this.powerMonitor.removeAllListeners();
    this.powerMonitor.idleSeconds = 0;
    this.dialog.calls = [];
    this.clipboard.text = '';
    this.clipboard.writes = [];
    this.clipboard.clears = 0;
    this.contextBridge.exposed.clear();
    this.ipcRenderer.removeAllListeners();
    this.ipcRenderer.invocations = [];
    this.ipcRenderer.answer = () => ({ ok: true, value: null });
    this.shell.openExternalCalls = [];
    FakeBrowserWindow.instances = [];
  },

  /** Invoke a registered ipcMain handler as Electron would, from `frame` of `sender`. */
  async invoke(
    channel: string,
    input: unknown,
    from: { sender: unknown; senderFrame: FakeFrame | null },
  ): Promise<unknown> {
    const h = this.ipcMain.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return h({ sender: from.sender, senderFrame: from.senderFrame, processId: 0, frameId: 0 }, input);
  },
};

function menuItems(template: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? menuItems(item.submenu as Array<Record<string, unknown>>) : []),
  ]);
}

/** A menu item of the application menu, by id. */
export function menuItem(id: string): Record<string, unknown> | undefined {
  return standin.menu.application ? menuItems(standin.menu.application.template).find((i) => i.id === id) : undefined;
}

const electron = {
  app: standin.app,
  BrowserWindow: FakeBrowserWindow,
  session: {
    get defaultSession() {
      return standin.session.defaultSession;
    },
  },
  protocol: {
    registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>) {
      standin.protocol.schemes.push(...schemes);
      standin.protocol.schemesRegisteredBeforeReady = !standin.app.ready;
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
      if (!standin.app.ready) throw new Error('stand-in: protocol.handle before the app is ready');
      standin.protocol.handlers.set(scheme, handler);
    },
  },
  ipcMain: {
    handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) {
      if (standin.ipcMain.handlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      standin.ipcMain.handlers.set(channel, handler);
    },
  },
  Menu: {
    buildFromTemplate(template: Array<Record<string, unknown>>) {
      return { template };
    },
    setApplicationMenu(menu: { template: Array<Record<string, unknown>> } | null) {
      standin.menu.application = menu;
    },
  },
  powerMonitor: new Proxy(standin.powerMonitor, {
    get(target, key) {
      if (!standin.app.ready) throw new Error('stand-in: powerMonitor used before the app is ready');
      if (key === 'getSystemIdleTime') return () => target.idleSeconds;
      const v = Reflect.get(target, key) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  }),
  dialog: {
    showOpenDialog(...args: unknown[]) {
      return record('open', args);
    },
    showSaveDialog(...args: unknown[]) {
      return record('save', args);
    },
  },
  clipboard: {
    async writeText(text: string) {
      standin.clipboard.text = text;
      standin.clipboard.writes.push(text);
    },
    async readText() {
      return standin.clipboard.text;
    },
    clear() {
      standin.clipboard.text = '';
      standin.clipboard.clears++;
    },
  },
  contextBridge: {
    exposeInMainWorld(key: string, api: unknown) {
      standin.contextBridge.exposed.set(key, api);
    },
  },
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]) {
      standin.ipcRenderer.invocations.push({ channel, args });
      return Promise.resolve(standin.ipcRenderer.answer(channel, ...args));
    },
    on(channel: string, listener: (...args: unknown[]) => void) {
      standin.ipcRenderer.on(channel, listener);
      return this;
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      standin.ipcRenderer.removeListener(channel, listener);
      return this;
    },
  },
  shell: {
    async openExternal(url: string) {
      standin.shell.openExternalCalls.push(url);
    },
  },
};

function record(kind: 'open' | 'save', args: unknown[]): Promise<Record<string, unknown>> {
  const [window, options] = args.length === 2 ? args : [null, args[0]];
  const answer = deferred<Record<string, unknown>>();
  standin.dialog.calls.push({ kind, window, options: options as Record<string, unknown>, answer });
  return answer.promise;
}

export const electronModule = { ...electron, default: electron };
