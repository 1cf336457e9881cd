/**
 * The app's protocols as registered by the real main process: app:// (the renderer, the path
 * check, the CSP as a header) and case-evidence:// (one decrypted item from memory, once).
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { standin } from './electron-standin.js';
import { startTestApp, type TestApp } from './app-helpers.js';
import { appCsp } from '../../src-main/app/core/app-protocol.js';

vi.mock('electron', async () => (await import('./electron-standin.js')).electronModule);

let t: TestApp | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

function fetchApp(url: string, method = 'GET'): Promise<Response> {
  const handler = standin.protocol.handlers.get('app');
  if (!handler) throw new Error('app: not handled');
  return Promise.resolve(handler({ url, method } as Request));
}

function fetchEvidence(url: string, method = 'GET'): Promise<Response> {
  const handler = standin.protocol.handlers.get('case-evidence');
  if (!handler) throw new Error('case-evidence: not handled');
  return Promise.resolve(handler({ url, method } as Request));
}

describe('scheme registration', () => {
  test('app and case-evidence are privileged before the app is ready, with exactly these privileges', async () => {
    t = await startTestApp();
    expect(standin.protocol.schemesRegisteredBeforeReady).toBe(true);
    expect(standin.protocol.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
      { scheme: 'case-evidence', privileges: { secure: true, stream: true, supportFetchAPI: true } },
    ]);
    expect([...standin.protocol.handlers.keys()].sort()).toEqual(['app', 'case-evidence']);
  });
});

describe('app://', () => {
  test('serves the index page and the script with the CSP as a response header', async () => {
    t = await startTestApp();
    const index = await fetchApp('app://case-vault/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Case Vault</title>');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(appCsp());
    expect(index.headers.get('content-security-policy')!.split('; ')[0]).toBe("default-src 'self'");
    expect(index.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await fetchApp('app://case-vault/app.js');
    expect(script.status).toBe(200);
    expect(await script.text()).toBe('console.log("app");');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(appCsp());
    expect((await fetchApp('app://case-vault/assets/logo.svg')).status).toBe(200);
  });

  test('nothing outside the renderer folder is served: dot segments, encoded separators, backslashes', async () => {
    t = await startTestApp();
    // secret.js sits right next to the renderer folder (writeRenderer), and /etc/passwd exists
    const escapes = [
      'app://case-vault/../../etc/passwd',
      'app://case-vault/../secret.js',
      'app://case-vault/%2e%2e/secret.js',
      'app://case-vault/%2e%2e%2fsecret.js',
      'app://case-vault/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://case-vault/..%2fsecret.js',
      'app://case-vault/assets%2f..%2f..%2fsecret.js',
      'app://case-vault/..\\secret.js',
      'app://case-vault/assets\\..\\..\\secret.js',
      'app://case-vault/..%5csecret.js',
      'app://case-vault/%00index.html',
      'app://case-vault/index.html%00.js',
      `app://case-vault/${join(t.root, 'secret.js')}`,
      'app://case-vault/%E0%A4%A',
    ];
    for (const url of escapes) {
      const r = await fetchApp(url);
      expect(r.status, url).toBe(404);
      expect(await r.text(), url).toBe('Not found');
    }
  });

  test('another host, a port, credentials, another scheme or another method get nothing', async () => {
    t = await startTestApp();
    for (const url of [
      'app://evil/index.html',
      'app://case-vault.evil/index.html',
      'app://case-vault:8080/index.html',
      'app://user:pw@case-vault/index.html',
      'https://case-vault/index.html',
    ]) {
      expect((await fetchApp(url)).status, url).toBe(404);
    }
    expect((await fetchApp('app://case-vault/index.html', 'POST')).status).toBe(405);
  });

  test('files the app does not ship (no known type) are not served even inside the folder', async () => {
    t = await startTestApp();
    writeFileSync(join(t.rendererRoot, 'notes.txt'), 'x');
    writeFileSync(join(t.rendererRoot, 'app.js.map'), '{}');
    expect((await fetchApp('app://case-vault/notes.txt')).status).toBe(404);
    expect((await fetchApp('app://case-vault/app.js.map')).status).toBe(404);
    expect((await fetchApp('app://case-vault/missing.js')).status).toBe(404);
  });
});

describe('case-evidence://', () => {
  async function withEvidence(app: TestApp, body: string): Promise<string> {
    const file = join(app.root, 'statement.txt');
    writeFileSync(file, body);
    const created = await app.ok<{ id: string }>('cases.create', { title: 'Test case' });
    const choosing = app.ok<{ handle: string }>('files.chooseEvidence');
    await vi.waitFor(() => expect(standin.dialog.calls).toHaveLength(1));
    standin.dialog.calls[0]!.answer.resolve({ canceled: false, filePaths: [file] });
    const { handle } = await choosing;
    const evidence = await app.ok<{ id: string; mediaType: string }>('evidence.add', {
      caseId: created.id,
      file: handle,
    });
    expect(evidence.mediaType).toBe('text/plain; charset=utf-8');
    return evidence.id;
  }

  test('a viewer URL streams the decrypted item once, with locked-down headers; then it is gone', async () => {
    t = await startTestApp({ unlocked: true });
    const evidenceId = await withEvidence(t, 'The witness statement, in full.');
    const { url, mediaType } = await t.ok<{ url: string; mediaType: string }>('viewer.open', { evidenceId });
    expect(mediaType).toBe('text/plain; charset=utf-8');
    expect(url).toMatch(/^case-evidence:\/\/view\/[0-9a-f]{48}$/);
    const r = await fetchEvidence(url);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('The witness statement, in full.');
    expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    expect((await fetchEvidence(url)).status).toBe(404);
  });

  test('a viewer URL is worthless after a lock, and malformed ones get nothing', async () => {
    t = await startTestApp({ unlocked: true });
    const evidenceId = await withEvidence(t, 'secret');
    const { url } = await t.ok<{ url: string }>('viewer.open', { evidenceId });
    const token = url.slice('case-evidence://view/'.length);
    for (const bad of [
      `case-evidence://other/${token}`,
      `case-evidence://view/${token}?x=1`,
      `case-evidence://view/${token}/x`,
      `case-evidence://view/${token.toUpperCase()}`,
      'case-evidence://view/',
      'case-evidence://view/../x',
    ]) {
      expect((await fetchEvidence(bad)).status, bad).toBe(404);
    }
    expect((await fetchEvidence(url, 'POST')).status).toBe(404);
    await t.ok('session.lock');
    expect((await fetchEvidence(url)).status).toBe(404);
  });
});
