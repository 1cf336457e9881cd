/**
 * SHA-256 on a second thread, for bundles. The export reads every evidence file from the store
 * (decrypt), hashes it (the check against the hash recorded at intake) and encrypts it again
 * (age); the import decrypts (age), hashes (the check against the manifest), and encrypts and
 * hashes again into the store. Those are passes of about the same cost; on one thread they
 * cannot keep up with `age`, which does one (docs/performance.md, "Budgets"). The check's hash needs no
 * key, so it is the pass that moves: the plaintext is copied (a memcpy, ~40× faster than
 * hashing) into a slot of a SharedArrayBuffer and a worker thread hashes it while the main
 * thread decrypts and encrypts the next piece. No key ever crosses threads.
 *
 * The digest is the same SHA-256 of the same bytes in the same order (message order on a port
 * is FIFO); the caller compares it exactly as before, at the end of the file and before
 * anything is committed. The slots hold evidence plaintext: they are zeroed when the hasher is
 * closed, and the worker is gone with them.
 *
 * The worker's code is a string evaluated by `new Worker(…, { eval: true })`: the engine is
 * bundled into single files (the CLI, the app's engine worker), where a separate worker script
 * would need its own build entry. It uses only node:crypto and node:worker_threads.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { VaultError } from '../../../shared/errors.js';
import type { StreamHash } from '../evidence-store/blob-store.js';

export type { StreamHash };

/** Bytes per slot (a piece of the blob store's reads: 64 chunks of 64 KiB). */
const SLOT_BYTES = 4 * 1024 * 1024;
/** Slots in flight: enough that the main thread never waits for a hash that is merely late. */
const SLOTS = 4;

/**
 * Tuning, not policy: from how many bytes of files a bundle export or import hashes on a second
 * thread (starting a worker costs tens of milliseconds; the digests and the checks are the same
 * either way, and tests lower this to cover that path).
 */
export const parallelHashTuning = { minBytes: 16 * 1024 * 1024 };

// Each hash is a lane: its own SHA-256 state in the worker, fed in the order its updates were
// posted (a port delivers messages in order).
const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const shared = new Uint8Array(workerData.shared);
const hashes = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'update') {
    let h = hashes.get(m.lane);
    if (!h) hashes.set(m.lane, (h = createHash('sha256')));
    h.update(shared.subarray(m.offset, m.offset + m.length));
    parentPort.postMessage({ op: 'free', slot: m.slot });
  } else if (m.op === 'digest') {
    const h = hashes.get(m.lane) ?? createHash('sha256');
    hashes.delete(m.lane);
    parentPort.postMessage({ op: 'digest', lane: m.lane, hex: h.digest('hex') });
  }
});
`;

type FromWorker = { op: 'free'; slot: number } | { op: 'digest'; lane: number; hex: string };

function hashFailed(cause?: unknown): VaultError {
  return new VaultError(
    'INTERNAL',
    'The hash of an evidence file could not be computed (the hashing thread stopped).',
    cause === undefined ? undefined : { cause },
  );
}

/** SHA-256 on this thread (node:crypto), as a StreamHash. */
export function localSha256(): StreamHash {
  const h = createHash('sha256');
  return {
    update(bytes) {
      h.update(bytes);
    },
    digest: () => h.digest('hex'),
  };
}

/** A worker thread computing SHA-256s; each sha256() is an independent hash (a lane). */
export class HashThread {
  readonly #shared = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
  readonly #view = new Uint8Array(this.#shared);
  readonly #worker: Worker;
  readonly #free: number[] = [];
  readonly #slotWaiters: Array<() => void> = [];
  readonly #digestWaiters = new Map<number, { resolve(hex: string): void; reject(e: Error): void }>();
  #nextLane = 1;
  #failure: VaultError | null = null;
  #closed = false;

  constructor() {
    for (let i = 0; i < SLOTS; i++) this.#free.push(i);
    // execArgv: [] — plain JavaScript, it needs none of the parent's flags or loaders (under tsx,
    // inheriting them would load a TypeScript loader into the worker for nothing)
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { shared: this.#shared }, execArgv: [] });
    this.#worker.on('message', (m: FromWorker) => {
      if (m.op === 'free') {
        this.#free.push(m.slot);
        this.#slotWaiters.shift()?.();
      } else {
        const w = this.#digestWaiters.get(m.lane);
        this.#digestWaiters.delete(m.lane);
        w?.resolve(m.hex);
      }
    });
    this.#worker.on('error', (e) => this.#fail(hashFailed(e)));
    this.#worker.on('exit', () => {
      if (!this.#closed) this.#fail(hashFailed());
    });
  }

  #fail(e: VaultError): void {
    this.#failure ??= e;
    for (const wake of this.#slotWaiters.splice(0)) wake();
    for (const w of this.#digestWaiters.values()) w.reject(this.#failure);
    this.#digestWaiters.clear();
  }

  #check(): void {
    if (this.#failure) throw this.#failure;
    if (this.#closed) throw new Error('HashThread used after close (bug)');
  }

  async #slot(): Promise<number> {
    for (;;) {
      this.#check();
      const slot = this.#free.pop();
      if (slot !== undefined) return slot;
      await new Promise<void>((resolve) => this.#slotWaiters.push(resolve));
    }
  }

  /**
   * Bytes are copied into a free slot before update() settles (the caller may reuse its buffer
   * then); it waits only when every slot is still being hashed.
   */
  async #update(lane: number, bytes: Uint8Array): Promise<void> {
    for (let at = 0; at < bytes.length;) {
      const slot = await this.#slot();
      const length = Math.min(SLOT_BYTES, bytes.length - at);
      const offset = slot * SLOT_BYTES;
      this.#view.set(bytes.subarray(at, at + length), offset);
      this.#worker.postMessage({ op: 'update', lane, slot, offset, length });
      at += length;
    }
  }

  async #digest(lane: number): Promise<string> {
    this.#check();
    const hex = new Promise<string>((resolve, reject) => this.#digestWaiters.set(lane, { resolve, reject }));
    this.#worker.postMessage({ op: 'digest', lane });
    return hex;
  }

  /** A new SHA-256 on the thread: update… then digest() once. */
  sha256(): StreamHash {
    const lane = this.#nextLane++;
    let done = false;
    return {
      update: (bytes) => {
        if (done) throw new Error('StreamHash updated after its digest (bug)');
        return this.#update(lane, bytes);
      },
      digest: () => {
        if (done) throw new Error('StreamHash digested twice (bug)');
        done = true;
        return this.#digest(lane);
      },
    };
  }

  /** Stops the worker and zeroes the slots (they held plaintext). Safe to call more than once. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#worker.terminate();
    this.#view.fill(0);
    this.#fail(hashFailed());
  }
}
