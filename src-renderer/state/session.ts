/**
 * The session: is there a vault, is it unlocked, which language, and the progress of long calls.
 * It listens to main's `locked` event: whatever locked the vault (the button, Ctrl+L, idle time,
 * sleep, screen lock), every store that holds record data is emptied and the unlock screen shows.
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
  /** the latest progress event per channel ('vault.unlock', 'evidence.add', …) */
  progress: Record<string, ProgressEvent | undefined>;
  start(): Promise<void>;
  unlocked(): void;
  lock(): Promise<void>;
  setLanguage(language: Locale): Promise<void>;
  setAutoLock(minutes: number): Promise<void>;
  clearProgress(channel: string): void;
}

export const useSession = create<SessionState>((set) => ({
  phase: 'starting',
  language: 'en',
  autoLockMinutes: 5,
  lockedReason: null,
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

/** Wire main's events to the session (once, at start-up). */
export function listenToMain(): () => void {
  const offLocked = window.vault.events.on('locked', ({ reason }) => {
    runLockResets();
    useSession.setState({ phase: 'locked', lockedReason: reason, progress: {} });
  });
  const offProgress = window.vault.events.on('progress', (p) => {
    useSession.setState((s) => ({ progress: { ...s.progress, [p.channel]: p } }));
  });
  return () => {
    offLocked();
    offProgress();
  };
}

export function useProgress(channel: string): ProgressEvent | undefined {
  return useSession((s) => s.progress[channel]);
}
