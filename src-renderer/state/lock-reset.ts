/**
 * Every store that holds record data registers its reset here; the lock runs them all, so that
 * nothing a survivor said stays in the renderer's memory (or on screen) after the vault locks.
 */
const resets = new Set<() => void>();

export function resetOnLock(reset: () => void): void {
  resets.add(reset);
}

export function runLockResets(): void {
  for (const r of resets) r();
}
