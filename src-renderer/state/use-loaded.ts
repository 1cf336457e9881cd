/**
 * The one way a screen loads what it shows: call the engine, keep the answer or the error, read
 * again when the record's kinds change (changes.ts) or when asked, and never let a late answer
 * overwrite a newer one (a quick switch between two cases must not show the first case's rows).
 */
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type DependencyList,
  type Dispatch,
  type SetStateAction,
} from 'react';
import type { ChangeArea } from '../../shared/ipc/events.js';
import type { CallError } from '../../shared/ipc/kit.js';
import { asCallError } from '../vault.js';
import { useRefreshOn } from './changes.js';

export interface Loaded<T> {
  /** the last answer; null until the first one arrives */
  value: T | null;
  /** the last failure; cleared by the next answer */
  error: CallError | null;
  /** read again now */
  reload: () => Promise<void>;
  /** replace the value shown (an update the engine answered with) */
  setValue: Dispatch<SetStateAction<T | null>>;
}

export function useLoaded<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  refreshOn: readonly ChangeArea[] = [],
): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const generation = useRef(0);
  // the caller names in `deps` what `load` reads
  const loadNow = useCallback(load, deps);
  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const answer = await loadNow();
      if (generation.current !== mine) return;
      setValue(answer);
      setError(null);
    } catch (e) {
      if (generation.current === mine) setError(asCallError(e));
    }
  }, [loadNow]);
  useEffect(() => {
    setValue(null); // another record: never show the previous one's rows while reading
    void reload();
    return () => {
      generation.current++;
    };
  }, [reload]);
  useRefreshOn(refreshOn, () => void reload());
  return { value, error, reload, setValue };
}

/** One page of a list as the engine answers it. */
export interface ListPage<T> {
  items: T[];
  total: number;
}

export interface LoadedPages<T> extends Loaded<ListPage<T>> {
  /** append the next page (rows already shown are not repeated) */
  loadMore: () => Promise<void>;
  loadingMore: boolean;
}

/**
 * A list read a page at a time, newest first: the first page as `useLoaded` reads it (again on a
 * change, from the top), and "load more" appending the next.
 */
export function useLoadedPages<T extends { id: string }>(
  loadPage: (offset: number) => Promise<ListPage<T>>,
  deps: DependencyList,
  refreshOn: readonly ChangeArea[] = [],
): LoadedPages<T> {
  const loaded = useLoaded(() => loadPage(0), deps, refreshOn);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<CallError | null>(null);
  const { value, setValue } = loaded;
  const loadMore = async () => {
    if (!value) return;
    setLoadingMore(true);
    try {
      const next = await loadPage(value.items.length);
      setMoreError(null);
      setValue((shown) => {
        if (!shown) return shown;
        const seen = new Set(shown.items.map((x) => x.id));
        return { items: [...shown.items, ...next.items.filter((x) => !seen.has(x.id))], total: next.total };
      });
    } catch (e) {
      setMoreError(asCallError(e));
    } finally {
      setLoadingMore(false);
    }
  };
  return { ...loaded, error: loaded.error ?? moreError, loadMore, loadingMore };
}
