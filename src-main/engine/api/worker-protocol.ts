/**
 * Messages between main (src-main/app/core/engine-client.ts) and the engine worker (worker.ts).
 * Plain structured-clone objects; chunks of evidence travel as transferred ArrayBuffers.
 */
import type { CallError, Result } from '../../../shared/ipc/kit.js';
import type { ProgressReport } from './call-context.js';

export interface WorkerOptions {
  /** the vault folder this worker serves */
  vaultDir: string;
}

export type ToWorker =
  | { kind: 'call'; id: number; channel: string; input: unknown }
  /** open a decrypted read of an evidence item for the viewer (records a 'viewed' custody event) */
  | { kind: 'read-open'; id: number; evidenceId: string }
  /** ask for the next chunk of an open read (main pulls, so memory stays flat) */
  | { kind: 'read-pull'; id: number }
  | { kind: 'read-cancel'; id: number }
  | { kind: 'lock'; id: number };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'progress'; id: number; channel: string; report: ProgressReport }
  | { kind: 'read-opened'; id: number; result: Result<{ mediaType: string; size: number }> }
  | { kind: 'read-chunk'; id: number; data: Uint8Array }
  | { kind: 'read-end'; id: number }
  | { kind: 'read-error'; id: number; error: CallError }
  | { kind: 'unexpected'; channel: string; errorName: string };
