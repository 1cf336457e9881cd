/**
 * Lists stay true: main announces every call that changed the vault with a `changed` event
 * naming the kinds of record it changed (shared/ipc/events.ts). A store or screen that shows one
 * of those kinds reads it again — whoever made the change (this window, an import, a proposal
 * accepted elsewhere in the app).
 */
import { useEffect, useRef } from 'react';
import type { ChangeArea, ChangedEvent } from '../../shared/ipc/events.js';

/** Listen for changes to any of `areas`; returns the function that stops listening. */
export function onChanged(areas: readonly ChangeArea[], listener: (change: ChangedEvent) => void): () => void {
  // The preload (or the test harness) defines window.vault before the app starts; a unit test
  // of a store may run without it.
  const events = typeof window === 'undefined' ? undefined : window.vault?.events;
  if (!events) return () => undefined;
  return events.on('changed', (change) => {
    if (change.areas.some((a) => areas.includes(a))) listener(change);
  });
}

/** In a component: call `reload` whenever one of `areas` changes, for as long as it is mounted. */
export function useRefreshOn(areas: readonly ChangeArea[], reload: (change: ChangedEvent) => void): void {
  const latest = useRef(reload);
  latest.current = reload;
  const key = areas.join(' ');
  useEffect(() => onChanged(key.split(' ') as ChangeArea[], (change) => latest.current(change)), [key]);
}
