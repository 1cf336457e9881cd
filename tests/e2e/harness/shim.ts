/**
 * TEST-ONLY stand-in for the preload: builds `window.vault` from the same contract with the same
 * builder, but invokes over loopback HTTP (POST /__ipc/<channel>) and hears events over SSE.
 * Bundled by the harness at start; never part of a packaged app.
 */
import { buildVaultApi, type Subscribe } from '../../../shared/ipc/api.js';
import { CONTRACT } from '../../../shared/ipc/contract.js';
import { EVENTS, type EventName } from '../../../shared/ipc/events.js';
import type { Result } from '../../../shared/ipc/kit.js';

const listeners = new Map<string, Set<(payload: unknown) => void>>();
const source = new EventSource('/__events');
for (const name of Object.keys(EVENTS)) {
  source.addEventListener(name, (e) => {
    const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
    for (const l of listeners.get(name) ?? []) l(payload);
  });
}

const subscribe: Subscribe = (name: EventName, listener) => {
  const set = listeners.get(name) ?? new Set();
  listeners.set(name, set);
  const l = listener as (payload: unknown) => void;
  set.add(l);
  return () => set.delete(l);
};

async function invoke(channel: string, input: unknown): Promise<Result<unknown>> {
  const res = await fetch(`/__ipc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  return (await res.json()) as Result<unknown>;
}

Object.defineProperty(window, 'vault', {
  value: buildVaultApi(CONTRACT, invoke, subscribe),
  writable: false,
  configurable: false,
});
