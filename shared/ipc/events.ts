/**
 * Events main pushes to the renderer (the only traffic that is not a call/answer).
 * The preload exposes them as `window.vault.events.on(name, listener)`.
 */
import { z } from 'zod';

export const ProgressEvent = z.strictObject({
  /** the call that reports, e.g. 'vault.unlock' or 'evidence.add' */
  channel: z.string(),
  /** a short machine name for the step: 'deriving-key', 'hashing', 'encrypting', … */
  phase: z.string(),
  /** work done and total work in the call's own unit (bytes, records); total null when unknown */
  done: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
  /** for steps of known duration but no countable work (the KDF): how long it should take */
  expectedMs: z.number().nonnegative().optional(),
});
export type ProgressEvent = z.infer<typeof ProgressEvent>;

export const LOCK_REASONS = ['user', 'idle', 'suspend', 'screen-lock', 'shutdown'] as const;
export const LockedEvent = z.strictObject({ reason: z.enum(LOCK_REASONS) });
export type LockedEvent = z.infer<typeof LockedEvent>;

export const EVENTS = {
  progress: ProgressEvent,
  locked: LockedEvent,
} as const;
export type EventName = keyof typeof EVENTS;
export type EventPayload<N extends EventName> = z.infer<(typeof EVENTS)[N]>;

/** The IPC channel an event travels on (main → renderer). */
export function eventChannel(name: EventName): string {
  return `event:${name}`;
}
