/**
 * The preload: window.vault holds exactly one method per contract call, grouped by area, plus
 * events.on — and nothing else (never ipcRenderer, never an IpcRendererEvent). Checked twice: the
 * source under the electron stand-in, and the bundle build-app.mjs makes of it, run the way a
 * sandboxed preload runs (a require that knows only 'electron').
 */
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { electronModule, standin } from './electron-standin.js';
import { CONTRACT } from '../../shared/ipc/contract.js';
import { listCalls } from '../../shared/ipc/kit.js';

vi.mock('electron', async () => (await import('./electron-standin.js')).electronModule);

type Api = Record<string, Record<string, (...args: unknown[]) => unknown>>;

/** area → sorted method names, from the contract */
function expectedShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = {};
  for (const { area, method } of listCalls(CONTRACT)) (shape[area] ??= []).push(method);
  for (const area of Object.keys(shape)) shape[area]!.sort();
  shape.events = ['on'];
  return shape;
}

function shapeOf(api: Api): Record<string, string[]> {
  return Object.fromEntries(Object.keys(api).map((area) => [area, Object.keys(api[area]!).sort()]));
}

/** Every value reachable from the exposed object. */
function reachable(root: unknown): unknown[] {
  const seen = new Set<unknown>();
  const walk = (v: unknown): void => {
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) return;
    seen.add(v);
    for (const key of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, key);
      if (d && 'value' in d) walk(d.value);
    }
  };
  walk(root);
  return [...seen];
}

function checkApi(exposed: Map<string, unknown>): void {
  expect([...exposed.keys()]).toEqual(['vault']);
  const api = exposed.get('vault') as Api;
  expect(shapeOf(api)).toEqual(expectedShape());
  expect(Object.isFrozen(api)).toBe(true);
  for (const area of Object.keys(api)) {
    expect(Object.isFrozen(api[area]), area).toBe(true);
    for (const fn of Object.values(api[area]!)) expect(typeof fn).toBe('function');
  }
  const ipc = electronModule.ipcRenderer as unknown as Record<string, unknown>;
  const forbidden = [ipc, ...Object.values(ipc), standin.ipcRenderer];
  expect(reachable(api).filter((v) => forbidden.includes(v))).toEqual([]);
}

async function checkCalls(api: Api): Promise<void> {
  standin.ipcRenderer.invocations = [];
  standin.ipcRenderer.answer = (channel) => ({ ok: true, value: `answer to ${channel}` });
  for (const { area, method, channel } of listCalls(CONTRACT)) {
    expect(await api[area]![method]!({ probe: channel })).toEqual({ ok: true, value: `answer to ${channel}` });
  }
  expect(standin.ipcRenderer.invocations).toEqual(
    listCalls(CONTRACT).map(({ channel }) => ({ channel, args: [{ probe: channel }] })),
  );
  standin.ipcRenderer.invocations = [];
  await api.vault!.status!();
  expect(standin.ipcRenderer.invocations).toEqual([{ channel: 'vault.status', args: [{}] }]);
  // a rejected invoke (no handler, main gone) is a Result like any other, not an exception
  standin.ipcRenderer.answer = () => Promise.reject(new Error("No handler registered for 'vault.status'"));
  expect(await api.vault!.status!()).toEqual({
    ok: false,
    error: { code: 'INTERNAL', message: 'The app could not reach the vault. Restart the app.' },
  });
  standin.ipcRenderer.answer = () => ({ ok: true, value: null });
}

function checkEvents(api: Api): void {
  const on = api.events!.on as (name: string, listener: (...args: unknown[]) => void) => () => void;
  const received: unknown[][] = [];
  const off = on('locked', (...args) => received.push(args));
  expect(standin.ipcRenderer.listenerCount('event:locked')).toBe(1);
  const ipcEvent = { sender: electronModule.ipcRenderer, senderId: 0, ports: [] };
  standin.ipcRenderer.emit('event:locked', ipcEvent, { reason: 'idle' });
  // the listener gets the payload alone: never the IpcRendererEvent (whose sender is ipcRenderer)
  expect(received).toEqual([[{ reason: 'idle' }]]);
  off();
  expect(standin.ipcRenderer.listenerCount('event:locked')).toBe(0);
  standin.ipcRenderer.emit('event:locked', ipcEvent, { reason: 'user' });
  expect(received).toHaveLength(1);
  // names that are not events subscribe to nothing
  const noop = on('vault.status', () => received.push(['wrong']));
  expect(standin.ipcRenderer.eventNames()).toEqual([]);
  noop();
}

describe('preload.ts', () => {
  let exposed: Map<string, unknown>;
  beforeAll(async () => {
    standin.reset();
    await import('../../src-main/preload/preload.js');
    exposed = new Map(standin.contextBridge.exposed);
  });

  test('exposes window.vault only: one method per contract call, by area, plus events.on', () => {
    checkApi(exposed);
  });

  test('each method invokes its own channel with its input, and nothing else', async () => {
    await checkCalls(exposed.get('vault') as Api);
  });

  test('event listeners receive the payload only, and can stop listening', () => {
    checkEvents(exposed.get('vault') as Api);
  });
});

describe('the built preload (dist/app/preload.cjs as build-app.mjs makes it)', () => {
  let code: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cv-preload-'));
    try {
      // the options of build/build-app.mjs for the preload
      await build({
        entryPoints: ['src-main/preload/preload.ts'],
        outfile: join(dir, 'preload.cjs'),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        external: ['electron'],
        target: 'es2022',
        logLevel: 'warning',
      });
      code = readFileSync(join(dir, 'preload.cjs'), 'utf8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('requires nothing but electron (a sandboxed preload can require nothing else)', () => {
    const required = new Set([...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['electron']);
  });

  test('run as a sandboxed preload, it exposes the same window.vault and it works', async () => {
    standin.reset();
    const requireInSandbox = (id: string): unknown => {
      if (id !== 'electron') throw new Error(`module not found: ${id}`);
      return electronModule;
    };
    const module = { exports: {} };
    runInNewContext(code, { require: requireInSandbox, module, exports: module.exports, console });
    checkApi(standin.contextBridge.exposed);
    const api = standin.contextBridge.exposed.get('vault') as Api;
    await checkCalls(api);
    checkEvents(api);
  });
});
