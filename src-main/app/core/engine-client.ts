/**
 * Main's handle on the engine worker: calls with ids, progress relayed, evidence reads pulled
 * chunk by chunk. If the worker dies, every pending call gets INTERNAL, the vault counts as
 * locked (its keys died with the thread) and the next call starts a fresh worker.
 */
import { Worker } from 'node:worker_threads';
import type { CallError, Result } from '../../../shared/ipc/kit.js';
import type { FromWorker, ToWorker, WorkerOptions } from '../../engine/api/worker-protocol.js';
import type { ProgressReport } from '../../engine/api/call-context.js';

const WORKER_GONE: { ok: false; error: CallError } = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The vault engine stopped unexpectedly; the vault is locked. Unlock it again.' },
};

interface PendingCall {
  resolve(r: Result<unknown>): void;
  onProgress?: (channel: string, report: ProgressReport) => void;
}
interface PendingRead {
  opened?: (r: Result<{ mediaType: string; size: number }>) => void;
  next?: (m: Extract<FromWorker, { kind: 'read-chunk' | 'read-end' | 'read-error' }>) => void;
}

export interface EngineClientOptions extends WorkerOptions {
  /** path of the built worker script (dist/app/engine-worker.mjs) */
  workerPath: string;
  /** told when the worker exits without being asked to (its keys are gone: the vault is locked) */
  onCrash?: () => void;
  /** told about unexpected engine errors, by channel and error name only */
  onUnexpected?: (channel: string, errorName: string) => void;
}

export class EngineClient {
  #worker: Worker | null = null;
  #nextId = 1;
  #calls = new Map<number, PendingCall>();
  #reads = new Map<number, PendingRead>();
  #closing = false;

  constructor(private readonly opts: EngineClientOptions) {}

  #ensure(): Worker {
    if (this.#worker) return this.#worker;
    const w = new Worker(this.opts.workerPath, {
      workerData: { vaultDir: this.opts.vaultDir } satisfies WorkerOptions,
    });
    w.on('message', (m: FromWorker) => this.#onMessage(m));
    w.on('error', () => {
      /* 'exit' follows; handled there */
    });
    w.on('exit', () => {
      this.#worker = null;
      for (const c of this.#calls.values()) c.resolve(WORKER_GONE);
      this.#calls.clear();
      for (const r of this.#reads.values()) {
        r.opened?.(WORKER_GONE);
        r.next?.({ kind: 'read-error', id: 0, error: WORKER_GONE.error });
      }
      this.#reads.clear();
      if (!this.#closing) this.opts.onCrash?.();
    });
    this.#worker = w;
    return w;
  }

  #send(msg: ToWorker): void {
    this.#ensure().postMessage(msg);
  }

  #onMessage(m: FromWorker): void {
    switch (m.kind) {
      case 'ready':
        return;
      case 'result': {
        const c = this.#calls.get(m.id);
        this.#calls.delete(m.id);
        c?.resolve(m.result);
        return;
      }
      case 'progress':
        this.#calls.get(m.id)?.onProgress?.(m.channel, m.report);
        return;
      case 'read-opened': {
        const r = this.#reads.get(m.id);
        if (!m.result.ok) this.#reads.delete(m.id);
        r?.opened?.(m.result);
        return;
      }
      case 'read-chunk':
      case 'read-end':
      case 'read-error': {
        const r = this.#reads.get(m.id);
        if (m.kind !== 'read-chunk') this.#reads.delete(m.id);
        const next = r?.next;
        if (r) r.next = undefined;
        next?.(m);
        return;
      }
      case 'unexpected':
        this.opts.onUnexpected?.(m.channel, m.errorName);
        return;
    }
  }

  /** Forward one (already validated) call. Never rejects. */
  call(
    channel: string,
    input: unknown,
    onProgress?: (channel: string, report: ProgressReport) => void,
  ): Promise<Result<unknown>> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#calls.set(id, { resolve, onProgress });
      this.#send({ kind: 'call', id, channel, input });
    });
  }

  /** Close the vault in the worker and zero its keys. */
  async lock(): Promise<void> {
    if (!this.#worker) return;
    const id = this.#nextId++;
    await new Promise<Result<unknown>>((resolve) => {
      this.#calls.set(id, { resolve });
      this.#send({ kind: 'lock', id });
    });
  }

  /**
   * Open a decrypted read of an evidence item (a 'viewed' custody event is recorded). The stream
   * pulls one chunk from the worker per read, so a large video never sits in memory whole.
   */
  async openRead(
    evidenceId: string,
  ): Promise<Result<{ mediaType: string; size: number; stream: ReadableStream<Uint8Array> }>> {
    const id = this.#nextId++;
    const read: PendingRead = {};
    this.#reads.set(id, read);
    const opened = await new Promise<Result<{ mediaType: string; size: number }>>((resolve) => {
      read.opened = resolve;
      this.#send({ kind: 'read-open', id, evidenceId });
    });
    read.opened = undefined;
    if (!opened.ok) return opened;
    const stream = new ReadableStream<Uint8Array>({
      pull: (controller) =>
        new Promise<void>((done) => {
          read.next = (m) => {
            if (m.kind === 'read-chunk') controller.enqueue(m.data);
            else if (m.kind === 'read-end') controller.close();
            else controller.error(new Error(m.error.code));
            done();
          };
          this.#send({ kind: 'read-pull', id });
        }),
      cancel: () => {
        this.#reads.delete(id);
        if (this.#worker) this.#send({ kind: 'read-cancel', id });
      },
    });
    return { ok: true, value: { ...opened.value, stream } };
  }

  /** Lock and stop the worker (app quit). */
  async close(): Promise<void> {
    this.#closing = true;
    try {
      await this.lock();
    } finally {
      await this.#worker?.terminate();
      this.#worker = null;
    }
  }
}
