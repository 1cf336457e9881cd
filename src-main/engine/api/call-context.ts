/** What an engine handler gets besides its input: the session and a way to report progress. */
import type { EngineSession } from './session.js';

export interface ProgressReport {
  phase: string;
  done?: number;
  total?: number | null;
  expectedMs?: number;
}

export interface CallContext {
  readonly session: EngineSession;
  /** Report progress of this call (relayed to the renderer as a `progress` event). */
  progress(p: ProgressReport): void;
}
