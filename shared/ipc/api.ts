/**
 * `window.vault`: the object the preload exposes (and the e2e harness imitates). Built from the
 * contract so that it holds exactly one method per call and nothing else.
 */
import type { ContractShape, ApiOf, Result } from './kit.js';
import { listCalls } from './kit.js';
import type { EventName, EventPayload } from './events.js';
import type { Contract } from './contract.js';

export type Invoke = (channel: string, input: unknown) => Promise<Result<unknown>>;
export type Subscribe = <N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void) => () => void;

export interface VaultEvents {
  /** Listen to an event from main; returns the function that stops listening. */
  on: Subscribe;
}

export type VaultApi = ApiOf<Contract> & { readonly events: VaultEvents };

/** One frozen object per area, one function per call; the functions only ever call `invoke`. */
export function buildVaultApi<C extends ContractShape>(
  contract: C,
  invoke: Invoke,
  subscribe: Subscribe,
): ApiOf<C> & { readonly events: VaultEvents } {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const { area, method, channel } of listCalls(contract)) {
    (api[area] ??= {})[method] = (input: unknown) => invoke(channel, input ?? {});
  }
  for (const area of Object.keys(api)) Object.freeze(api[area]);
  return Object.freeze({ ...api, events: Object.freeze({ on: subscribe }) }) as unknown as ApiOf<C> & {
    readonly events: VaultEvents;
  };
}
