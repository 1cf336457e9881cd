/**
 * The list store every filtered list is made from: a late answer never overwrites a newer one,
 * a failure is kept as the error (the rows stay), an update shows at once, and the lock empties
 * the list.
 */
import { describe, expect, it } from 'vitest';
import { createListStore } from '../../../src-renderer/state/list-store.js';
import { runLockResets } from '../../../src-renderer/state/lock-reset.js';
import { CallFailure } from '../../../src-renderer/vault.js';

interface Row {
  id: string;
  name: string;
}

/** A list function whose answers the test releases one by one, in any order. */
function controlled() {
  const pending: { filters: { q: string }; resolve: (rows: Row[]) => void; reject: (e: unknown) => void }[] = [];
  const list = (filters: { q: string }) =>
    new Promise<Row[]>((resolve, reject) => pending.push({ filters, resolve, reject }));
  return { pending, list };
}

describe('createListStore', () => {
  it('keeps the answer to the newest filters when an older one arrives last', async () => {
    const c = controlled();
    const store = createListStore<{ q: string }, Row, null>({
      filters: () => ({ q: '' }),
      extra: () => null,
      list: c.list,
      refreshOn: [],
    });
    store.getState().setFilters({ q: 'old' });
    store.getState().setFilters({ q: 'new' });
    const [older, newer] = c.pending;
    newer!.resolve([{ id: '2', name: 'new' }]);
    await Promise.resolve();
    older!.resolve([{ id: '1', name: 'old' }]);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().rows).toEqual([{ id: '2', name: 'new' }]);
  });

  it('keeps the rows and reports the error of a failed read; enriches after the rows', async () => {
    const c = controlled();
    const store = createListStore<{ q: string }, Row, Record<string, number>>({
      filters: () => ({ q: '' }),
      extra: () => ({}),
      list: c.list,
      enrich: async (rows, known) => ({ ...known, ...Object.fromEntries(rows.map((r) => [r.id, r.name.length])) }),
      refreshOn: [],
    });
    const first = store.getState().refresh();
    c.pending[0]!.resolve([{ id: 'a', name: 'alpha' }]);
    await first;
    expect(store.getState().extra).toEqual({ a: 5 });
    const second = store.getState().refresh();
    c.pending[1]!.reject(new CallFailure({ code: 'VAULT_LOCKED', message: 'locked' }));
    await second;
    expect(store.getState().error?.code).toBe('VAULT_LOCKED');
    expect(store.getState().rows).toEqual([{ id: 'a', name: 'alpha' }]);
  });

  it('shows a replaced row at once, and the lock empties the list', async () => {
    const c = controlled();
    const store = createListStore<{ q: string }, Row, null>({
      filters: () => ({ q: '' }),
      extra: () => null,
      list: c.list,
      refreshOn: [],
    });
    const read = store.getState().refresh();
    c.pending[0]!.resolve([
      { id: 'a', name: 'alpha' },
      { id: 'b', name: 'beta' },
    ]);
    await read;
    store.getState().replace({ id: 'b', name: 'beta 2' });
    expect(store.getState().rows?.map((r) => r.name)).toEqual(['alpha', 'beta 2']);
    runLockResets();
    expect(store.getState().rows).toBeNull();
    // the read the replace started answers after the lock: it must not bring the rows back
    c.pending[1]!.resolve([{ id: 'a', name: 'alpha' }]);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().rows).toBeNull();
  });
});
