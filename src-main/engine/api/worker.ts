/**
 * The engine worker's entry (a `worker_threads` worker owned by main). Everything slow — the
 * KDF, hashing, encryption, queries — happens on this thread, so main's event loop never waits.
 * Main talks to it with the messages of worker-protocol.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EngineSession } from './session.js';
import { dispatch } from './dispatch.js';
import type { FromWorker, ToWorker, WorkerOptions } from './worker-protocol.js';
import { getEvidence, readEvidence } from '../evidence/evidence-service.js';
import { isVaultError } from '../../../shared/errors.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { INTERNAL_MESSAGE } from './dispatch.js';
import { classifyFailure } from '../util/system-errors.js';
import type { CallContext } from './call-context.js';

if (!parentPort) throw new Error('engine worker: must run as a worker thread');
const port = parentPort;
const opts = workerData as WorkerOptions;
const session = new EngineSession(opts.vaultDir);
const reads = new Map<number, AsyncIterator<Buffer>>();

function post(msg: FromWorker, transfer: ArrayBuffer[] = []): void {
  port.postMessage(msg, transfer);
}

function errorOf(caught: unknown): CallError {
  const e = classifyFailure(caught);
  return isVaultError(e) ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: INTERNAL_MESSAGE };
}

async function onMessage(msg: ToWorker): Promise<void> {
  switch (msg.kind) {
    case 'call': {
      const cx: CallContext = {
        session,
        progress: (report) => post({ kind: 'progress', id: msg.id, channel: msg.channel, report }),
      };
      const result = await dispatch(msg.channel, msg.input, cx, (channel, errorName) =>
        post({ kind: 'unexpected', channel, errorName }),
      );
      post({ kind: 'result', id: msg.id, result });
      return;
    }
    case 'read-open': {
      try {
        const ctx = session.ctx;
        const item = getEvidence(ctx, msg.evidenceId);
        reads.set(msg.id, readEvidence(ctx, msg.evidenceId, { purpose: 'view' })[Symbol.asyncIterator]());
        post({
          kind: 'read-opened',
          id: msg.id,
          result: { ok: true, value: { mediaType: item.mediaType, size: item.size } },
        });
      } catch (e) {
        post({ kind: 'read-opened', id: msg.id, result: { ok: false, error: errorOf(e) } });
      }
      return;
    }
    case 'read-pull': {
      const it = reads.get(msg.id);
      if (!it)
        return post({
          kind: 'read-error',
          id: msg.id,
          error: { code: 'NOT_FOUND', message: 'That evidence view is no longer open.' },
        });
      try {
        const next = await it.next();
        if (next.done) {
          reads.delete(msg.id);
          return post({ kind: 'read-end', id: msg.id });
        }
        // A fresh buffer of its own, so it can be transferred rather than copied again.
        const data = new Uint8Array(next.value.byteLength);
        data.set(next.value);
        post({ kind: 'read-chunk', id: msg.id, data }, [data.buffer]);
      } catch (e) {
        reads.delete(msg.id);
        post({ kind: 'read-error', id: msg.id, error: errorOf(e) });
      }
      return;
    }
    case 'read-cancel': {
      const it = reads.get(msg.id);
      reads.delete(msg.id);
      await it?.return?.();
      return;
    }
    case 'lock': {
      for (const [id, it] of reads) {
        reads.delete(id);
        void it.return?.();
      }
      session.lock();
      post({ kind: 'result', id: msg.id, result: { ok: true, value: null } });
      return;
    }
  }
}

port.on('message', (msg: ToWorker) => {
  void onMessage(msg);
});
post({ kind: 'ready' });
