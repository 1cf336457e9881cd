/**
 * The session: is there a vault, is it unlocked, which language, and the progress of long calls.
 * It listens to main's `locked` event: whatever locked the vault (the button, Ctrl+L, idle time,
 * sleep, screen lock, the panic), every store that holds record data is emptied, the whole React
 * tree is dropped and built again (`epoch`), and the unlock screen shows.
 *
 * The panic (the button, Ctrl/Cmd+Shift+L from anywhere in the window) does the same clearing
 * HERE FIRST, synchronously, before asking main to lock: the window is empty before the call
 * even leaves. No confirmation; the clipboard is left alone.
 */
import { create } from 'zustand';
import type { ProgressEvent, LockedEvent } from '../../shared/ipc/events.js';
import type { Locale } from '../i18n/define.js';
import { runLockResets } from './lock-reset.js';
import { call } from '../vault.js';

export type Phase = 'starting' | 'absent' | 'locked' | 'unlocked';

interface SessionState {
  phase: Phase;
  language: Locale;
  autoLockMinutes: number;
  lockedReason: LockedEvent['reason'] | null;
  /** bumped by every lock: the root of the tree is keyed by it, so nothing of before survives */
  epoch: number;
  /** the latest progress event per channel ('vault.unlock', 'evidence.add', …) */
  progress: Record<string, ProgressEvent | undefined>;
  start(): Promise<void>;
  unlocked(): void;
  lock(): Promise<void>;
  panic(): void;
  setLanguage(language: Locale): Promise<void>;
  setAutoLock(minutes: number): Promise<void>;
  clearProgress(channel: string): void;
}

export const useSession = create<SessionState>((set) => ({
  phase: 'starting',
  language: 'en',
  autoLockMinutes: 5,
  lockedReason: null,
  epoch: 0,
  progress: {},

  start: async () => {
    const settings = await call('settings', 'get', {});
    set({ language: settings.language, autoLockMinutes: settings.autoLockMinutes });
    const status = await call('vault', 'status', {});
    set({ phase: status.state });
  },

  unlocked: () => set({ phase: 'unlocked', lockedReason: null }),

  lock: async () => {
    await call('session', 'lock', {});
  },

  panic: () => {
    clearWindow('panic');
    void call('session', 'panic', {}).catch(() => {
      // main's answer changes nothing here: the window is already cleared, and the lock in main
      // (keys zeroed) does not depend on the renderer hearing back.
    });
  },

  setLanguage: async (language) => {
    const s = await call('settings', 'set', { language });
    set({ language: s.language });
  },

  setAutoLock: async (minutes) => {
    const s = await call('settings', 'set', { autoLockMinutes: minutes });
    set({ autoLockMinutes: s.autoLockMinutes });
  },

  clearProgress: (channel) => set((s) => ({ progress: { ...s.progress, [channel]: undefined } })),
}));

/**
 * Drop everything the window shows or holds: every store's records, the selection and the
 * focused element, and the whole tree (a new epoch). Idempotent: the panic runs it, then the
 * `locked` event from main runs it again.
 */
function clearWindow(reason: LockedEvent['reason']): void {
  runLockResets();
  (document.activeElement as HTMLElement | null)?.blur?.();
  window.getSelection?.()?.removeAllRanges();
  useSession.setState((s) => ({
    phase: 'locked',
    lockedReason: reason,
    progress: {},
    epoch: s.epoch + 1,
  }));
}

/** Ctrl/Cmd+Shift+L: the panic, from anywhere in the window (captured before any field or dialog sees it). */
export function isPanicKey(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'l';
}

/** Wire main's events and the panic key to the session (once, at start-up). */
export function listenToMain(): () => void {
  const offLocked = window.vault.events.on('locked', ({ reason }) => clearWindow(reason));
  const onKey = (e: KeyboardEvent) => {
    if (!isPanicKey(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (useSession.getState().phase === 'unlocked') useSession.getState().panic();
  };
  window.addEventListener('keydown', onKey, true);
  const offProgress = window.vault.events.on('progress', (p) => {
    useSession.setState((s) => ({ progress: { ...s.progress, [p.channel]: p } }));
  });
  return () => {
    window.removeEventListener('keydown', onKey, true);
    offLocked();
    offProgress();
  };
}

export function useProgress(channel: string): ProgressEvent | undefined {
  return useSession((s) => s.progress[channel]);
}
