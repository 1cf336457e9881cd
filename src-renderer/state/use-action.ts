/**
 * The busy/error state of a form or button that calls the vault: `run(work)` marks it busy,
 * clears the last error, runs the work, and keeps the failure (as a CallError for <ErrorNotice>)
 * instead of throwing. One place for what every form of the app does.
 */
import { useCallback, useState } from 'react';
import type { CallError } from '../../shared/ipc/kit.js';
import { asCallError } from '../vault.js';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const run = useCallback(async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(asCallError(e));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
