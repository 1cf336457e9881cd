/**
 * Auto-lock (docs/security.md, "Security: the desktop app"): lock after N idle minutes, on suspend and on
 * screen lock. Idleness is the *system's* idle time (keyboard and mouse anywhere), polled from
 * main, so nothing in the renderer — an open dialog, a modal, a stuck page — can hold it off.
 */
import type { LockedEvent } from '../../../shared/ipc/events.js';

export interface AutoLockDeps {
  /** seconds since the last keyboard or mouse input on this machine (Electron: powerMonitor.getSystemIdleTime) */
  systemIdleSeconds(): number;
  /** the lock itself; called at most once per unlocked period */
  lock(reason: LockedEvent['reason']): void;
  /** polling period; 5 s by default */
  pollMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (t: unknown) => void;
}

export class AutoLock {
  #minutes: number;
  #timer: unknown = null;
  #armed = false;

  constructor(
    private readonly deps: AutoLockDeps,
    minutes: number,
  ) {
    this.#minutes = minutes;
  }

  setMinutes(minutes: number): void {
    this.#minutes = minutes;
  }

  get minutes(): number {
    return this.#minutes;
  }

  /** Start watching (when the vault unlocks). */
  arm(): void {
    this.#armed = true;
    if (this.#timer !== null) return;
    const every = this.deps.pollMs ?? 5000;
    const setI = this.deps.setInterval ?? ((fn, ms) => setInterval(fn, ms));
    this.#timer = setI(() => this.check(), every);
  }

  /** Stop watching (when the vault locks). */
  disarm(): void {
    this.#armed = false;
    if (this.#timer !== null) (this.deps.clearInterval ?? ((t) => clearInterval(t as NodeJS.Timeout)))(this.#timer);
    this.#timer = null;
  }

  /** One poll: lock when the machine has been idle for the configured time. */
  check(): void {
    if (!this.#armed) return;
    if (this.deps.systemIdleSeconds() >= this.#minutes * 60) this.#fire('idle');
  }

  onSuspend(): void {
    if (this.#armed) this.#fire('suspend');
  }

  onScreenLock(): void {
    if (this.#armed) this.#fire('screen-lock');
  }

  #fire(reason: LockedEvent['reason']): void {
    this.disarm();
    this.deps.lock(reason);
  }
}
