/**
 * The preload (built to dist/app/preload.cjs, CommonJS: a sandboxed preload may require nothing
 * but 'electron'). It exposes exactly one object, `window.vault`: one method per call of the IPC
 * contract, grouped by area, plus `events.on`. Never ipcRenderer itself, never an IpcRendererEvent
 * (whose `sender` is ipcRenderer): listeners receive the payload alone.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CONTRACT } from '../../shared/ipc/contract.js';
import { buildVaultApi, type Invoke, type Subscribe } from '../../shared/ipc/api.js';
import { EVENTS, eventChannel, type EventName } from '../../shared/ipc/events.js';
import type { Result } from '../../shared/ipc/kit.js';

const unreachable: Result<unknown> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The app could not reach the vault. Restart the app.' },
};

const invoke: Invoke = (channel, input) =>
  ipcRenderer.invoke(channel, input).then(
    (r: Result<unknown>) => r,
    () => unreachable,
  );

const subscribe: Subscribe = (name, listener) => {
  if (!Object.hasOwn(EVENTS, name)) return () => undefined;
  const channel = eventChannel(name as EventName);
  const relay = (_event: IpcRendererEvent, payload: unknown): void =>
    listener(payload as Parameters<typeof listener>[0]);
  ipcRenderer.on(channel, relay);
  return () => {
    ipcRenderer.removeListener(channel, relay);
  };
};

contextBridge.exposeInMainWorld('vault', buildVaultApi(CONTRACT, invoke, subscribe));
