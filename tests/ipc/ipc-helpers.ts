/**
 * IPC tests without Electron and without a worker thread: the real Shell (router) in front of
 * the real engine dispatch, in process, on a real vault file. What a call returns here is what
 * the renderer would receive (input parsed, output parsed with the contract's schema).
 * The worker itself is exercised by tests/app/engine-worker.test.ts and by the e2e harness.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineSession } from '../../src-main/engine/api/session.js';
import { dispatch } from '../../src-main/engine/api/dispatch.js';
import { getEvidence, readEvidence } from '../../src-main/engine/evidence/evidence-service.js';
import { Shell, type EngineLink, type ShellHost } from '../../src-main/app/core/shell.js';
import type { OpenKind, SaveKind } from '../../shared/ipc/areas/app.js';
import { SettingsStore } from '../../src-main/app/core/settings-store.js';
import type { Result } from '../../shared/ipc/kit.js';
import type { EventName, EventPayload } from '../../shared/ipc/events.js';
import type { Channel } from '../../shared/ipc/contract.js';
import { isVaultError } from '../../shared/errors.js';

export class InProcessEngine implements EngineLink {
  readonly session: EngineSession;
  constructor(vaultDir: string, now?: () => Date) {
    this.session = new EngineSession(vaultDir, now);
  }
  call(
    channel: string,
    input: unknown,
    onProgress?: (
      channel: string,
      report: { phase: string; done?: number; total?: number | null; expectedMs?: number },
    ) => void,
  ): Promise<Result<unknown>> {
    return dispatch(channel, input, { session: this.session, progress: (r) => onProgress?.(channel, r) });
  }
  async lock(): Promise<void> {
    this.session.lock();
  }
  async openRead(
    evidenceId: string,
  ): Promise<Result<{ mediaType: string; size: number; stream: ReadableStream<Uint8Array> }>> {
    try {
      const ctx = this.session.ctx;
      const item = getEvidence(ctx, evidenceId);
      const it = readEvidence(ctx, evidenceId, { purpose: 'view' })[Symbol.asyncIterator]();
      const stream = new ReadableStream<Uint8Array>({
        async pull(c) {
          const n = await it.next();
          if (n.done) c.close();
          else c.enqueue(new Uint8Array(n.value));
        },
      });
      return { ok: true, value: { mediaType: item.mediaType, size: item.size, stream } };
    } catch (e) {
      if (isVaultError(e)) return { ok: false, error: { code: e.code, message: e.message } };
      throw e;
    }
  }
}

/** A host whose dialogs answer what the test queued, with a clipboard in memory. */
export class TestHost implements ShellHost {
  readonly events: Array<{ name: EventName; payload: unknown }> = [];
  readonly logs: string[] = [];
  openQueue: Array<string | null> = [];
  saveQueue: Array<string | null> = [];
  folderQueue: Array<string | null> = [];
  clip = '';
  idleSeconds = 0;
  /** the kinds the app asked to open, in order (tests check the dialog was the right one) */
  readonly openKinds: OpenKind[] = [];
  async chooseOpenFile(kind: OpenKind): Promise<string | null> {
    this.openKinds.push(kind);
    return this.openQueue.shift() ?? null;
  }
  async chooseSaveFile(_name: string, _kind: SaveKind): Promise<string | null> {
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
    this.events.push({ name, payload });
  }
  systemIdleSeconds(): number {
    return this.idleSeconds;
  }
  viewerUrl(token: string): string {
    return `case-evidence://view/${token}`;
  }
  log(line: string): void {
    this.logs.push(line);
  }
}

export interface IpcVault {
  dir: string;
  shell: Shell;
  host: TestHost;
  engine: InProcessEngine;
  /** a call as the renderer makes it (trusted sender) */
  call(channel: Channel, input?: unknown): Promise<Result<unknown>>;
  /** a call that must succeed: returns its value */
  ok<T = unknown>(channel: Channel, input?: unknown): Promise<T>;
  cleanup(): void;
}

/** A fresh, unlocked vault behind the real router. Passphrase: 'correct horse battery staple'. */
export async function ipcVault(opts: { unlocked?: boolean; now?: () => Date } = {}): Promise<IpcVault> {
  const root = mkdtempSync(join(tmpdir(), 'cv-ipc-'));
  const dir = join(root, 'vault');
  const host = new TestHost();
  const engine = new InProcessEngine(dir, opts.now);
  const shell = new Shell({
    engine,
    settings: new SettingsStore(join(root, 'settings.json')),
    host,
    autoLockPollMs: 3_600_000,
  });
  const call = (channel: Channel, input: unknown = {}) => shell.handle(true, channel, input);
  const ok = async <T>(channel: Channel, input: unknown = {}): Promise<T> => {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${channel} failed: ${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  if (opts.unlocked !== false) await ok('vault.create', { passphrase: 'correct horse battery staple' });
  return {
    dir,
    shell,
    host,
    engine,
    call,
    ok,
    cleanup: () => {
      shell.autoLock.disarm();
      engine.session.lock();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
