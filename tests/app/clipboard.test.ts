/**
 * Copying a secret (the recovery key) through the real main process and Electron's (stand-in)
 * clipboard: it is cleared after 30 seconds — unless the user has copied something else since —
 * and at once when the vault locks.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { standin } from './electron-standin.js';
import { startTestApp, type TestApp } from './app-helpers.js';

vi.mock('electron', async () => (await import('./electron-standin.js')).electronModule);

let t: TestApp | undefined;
afterEach(() => {
  vi.useRealTimers();
  t?.cleanup();
  t = undefined;
});

const SECRET = 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567';

describe('clipboard', () => {
  test('a copied secret is cleared after 30 seconds, not before', async () => {
    t = await startTestApp();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    expect(await t.call('clipboard.copySecret', { text: SECRET })).toEqual({
      ok: true,
      value: { clearsInSeconds: 30 },
    });
    expect(standin.clipboard.text).toBe(SECRET);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(standin.clipboard.text).toBe(SECRET);
    expect(standin.clipboard.clears).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(standin.clipboard.text).toBe('');
    expect(standin.clipboard.clears).toBe(1);
  });

  test('what the user copied after the secret is left alone', async () => {
    t = await startTestApp();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await t.ok('clipboard.copySecret', { text: SECRET });
    standin.clipboard.text = 'a sentence the user copied from elsewhere';
    await vi.advanceTimersByTimeAsync(60_000);
    expect(standin.clipboard.text).toBe('a sentence the user copied from elsewhere');
    expect(standin.clipboard.clears).toBe(0);
  });

  test('copying a second secret restarts the delay and clears only once', async () => {
    t = await startTestApp();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await t.ok('clipboard.copySecret', { text: SECRET });
    await vi.advanceTimersByTimeAsync(20_000);
    await t.ok('clipboard.copySecret', { text: `${SECRET}-2` });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(standin.clipboard.text).toBe(`${SECRET}-2`);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(standin.clipboard.text).toBe('');
    expect(standin.clipboard.clears).toBe(1);
  });

  test('locking clears a copied secret at once', async () => {
    t = await startTestApp({ unlocked: true });
    await t.ok('clipboard.copySecret', { text: SECRET });
    await t.ok('session.lock');
    expect(standin.clipboard.text).toBe('');
    expect(standin.clipboard.clears).toBe(1);
  });
});
