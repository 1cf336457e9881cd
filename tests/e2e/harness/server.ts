/**
 * TEST-ONLY harness (never shipped: electron-builder.yml excludes tests/): serves the built
 * renderer on 127.0.0.1 with the app's own path check and CSP, and answers the IPC contract
 * through the real Shell (the same router main uses) in front of the real engine worker.
 *
 *   GET  /…                 dist/renderer through resolveAppPath + appHeaders (CSP header)
 *   GET  /__harness/shim.js the preload stand-in (shim.ts), bundled at start
 *   POST /__ipc/<channel>   Shell.handle(sameOrigin, channel, body) → Result JSON
 *   GET  /__events          server-sent events: progress, locked
 *   GET  /__evidence/<tok>  Shell.serveEvidence(token): decrypted bytes streamed from the worker
 *
 * Native dialogs are replaced by queues the test fills (`host.openQueue.push(path)`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { build } from 'esbuild';
import { Shell, type ShellHost } from '../../../src-main/app/core/shell.js';
import type { OpenKind, SaveKind } from '../../../shared/ipc/areas/app.js';
import { EngineClient } from '../../../src-main/app/core/engine-client.js';
import { SettingsStore } from '../../../src-main/app/core/settings-store.js';
import { appCsp, appHeaders, resolveAppPath } from '../../../src-main/app/core/app-protocol.js';
import type { EventName, EventPayload } from '../../../shared/ipc/events.js';
import type { AppSettings } from '../../../shared/ipc/areas/app.js';

const ROOT = resolve(import.meta.dirname, '../../..');
export const RENDERER_DIR = join(ROOT, 'dist/renderer');
export const WORKER_PATH = join(ROOT, 'dist/app/engine-worker.mjs');

export class HarnessHost implements ShellHost {
  openQueue: Array<string | null> = [];
  saveQueue: Array<string | null> = [];
  folderQueue: Array<string | null> = [];
  clip = '';
  idleSeconds = 0;
  readonly logs: string[] = [];
  readonly clients = new Set<ServerResponse>();
  /** the kinds the app asked to open, in order (tests check the dialog was the right one) */
  readonly openKinds: OpenKind[] = [];
  async chooseOpenFile(kind: OpenKind): Promise<string | null> {
    this.openKinds.push(kind);
    return this.openQueue.shift() ?? null;
  }
  async chooseSaveFile(_n: string, _k: SaveKind): Promise<string | null> {
    return this.saveQueue.shift() ?? null;
  }
  async chooseFolder(): Promise<string | null> {
    return this.folderQueue.shift() ?? null;
  }
  clipboard = {
    writeText: (t: string) => {
      this.clip = t;
    },
    readText: () => this.clip,
    clear: () => {
      this.clip = '';
    },
  };
  broadcast<N extends EventName>(name: N, payload: EventPayload<N>): void {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const c of this.clients) c.write(frame);
  }
  systemIdleSeconds(): number {
    return this.idleSeconds;
  }
  viewerUrl(token: string): string {
    return `/__evidence/${token}`;
  }
  log(line: string): void {
    this.logs.push(line);
  }
}

export interface Harness {
  url: string;
  host: HarnessHost;
  shell: Shell;
  engine: EngineClient;
  vaultDir: string;
  close(): Promise<void>;
}

async function bundleShim(): Promise<string> {
  const r = await build({
    entryPoints: [join(import.meta.dirname, 'shim.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

function readBody(req: IncomingMessage, limit = 1 << 20): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startHarness(
  opts: { vaultDir?: string; settings?: Partial<AppSettings>; autoLockPollMs?: number } = {},
): Promise<Harness> {
  const scratch = mkdtempSync(join(tmpdir(), 'cv-harness-'));
  const vaultDir = opts.vaultDir ?? join(scratch, 'vault');
  const settings = new SettingsStore(join(scratch, 'settings.json'));
  if (opts.settings) settings.set(opts.settings);
  const host = new HarnessHost();
  const onCrash = { run: () => {} };
  const engine = new EngineClient({ workerPath: WORKER_PATH, vaultDir, onCrash: () => onCrash.run() });
  const shell = new Shell({ engine, settings, host, autoLockPollMs: opts.autoLockPollMs });
  onCrash.run = () => shell.onEngineCrash();
  const shim = await bundleShim();
  const csp = appCsp("'self'");
  let origin = '';

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      if (req.method === 'POST' && url.pathname.startsWith('/__ipc/')) {
        // The sender check of the harness: the page's own origin only.
        const trusted = req.headers.origin === origin && req.headers['sec-fetch-site'] !== 'cross-site';
        let body: unknown = {};
        try {
          body = JSON.parse((await readBody(req)) || '{}');
        } catch {
          body = undefined;
        }
        const result = await shell.handle(trusted, decodeURIComponent(url.pathname.slice('/__ipc/'.length)), body);
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(result));
        return;
      }
      if (req.method !== 'GET') {
        res.writeHead(405).end();
        return;
      }
      if (url.pathname === '/__events') {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        host.clients.add(res);
        req.on('close', () => host.clients.delete(res));
        return;
      }
      if (url.pathname === '/__harness/shim.js') {
        res.writeHead(200, {
          'content-type': 'text/javascript; charset=utf-8',
          'content-security-policy': csp,
          'cache-control': 'no-store',
        });
        res.end(shim);
        return;
      }
      if (url.pathname.startsWith('/__evidence/')) {
        const response = await shell.serveEvidence(url.pathname.slice('/__evidence/'.length));
        res.writeHead(response.status, Object.fromEntries(response.headers));
        if (response.body) Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(res);
        else res.end();
        return;
      }
      const file = resolveAppPath(RENDERER_DIR, url.pathname);
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      let content: Buffer | string = readFileSync(file);
      if (file.endsWith('index.html')) {
        // The only difference from the packaged app: the preload stand-in, loaded before the app.
        content = content
          .toString('utf8')
          .replace('<script type="module"', '<script src="/__harness/shim.js"></script>\n    <script type="module"');
      }
      res.writeHead(200, appHeaders(file, csp));
      res.end(content);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/`,
    host,
    shell,
    engine,
    vaultDir,
    close: async () => {
      for (const c of host.clients) c.end();
      shell.autoLock.disarm();
      await engine.close();
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
