/**
 * evidence.* — the evidence service (engine/evidence) behind the contract's evidence area.
 *
 * `file` and `target` arrive as paths: main swapped the renderer's FileHandles for the paths
 * its dialogs chose. Answers leave paths out (the renderer never sees one). Long calls relay
 * the service's byte progress, thinned to about one report per percent.
 */
import {
  addDerivedCopy,
  addEvidence,
  custodyLog,
  exportCustodyLogToFile,
  exportEvidence,
  getEvidence,
  listEvidence,
  verifyEvidence,
  type EvidenceProgress,
} from '../../evidence/evidence-service.js';
import { listReceivedDescriptions } from '../../evidence/received-descriptions.js';
import { eraseEvidence } from '../../erasure/erasure-service.js';
import type { CallContext } from '../call-context.js';
import type { EngineImplementation } from '../dispatch.js';

/** The service's (done, total) in bytes as `progress` reports: the first, each further percent, and the last. */
function relay(cx: CallContext, phase: 'encrypting' | 'verifying' | 'exporting'): EvidenceProgress {
  let last = -1;
  return (done, total) => {
    if (last >= 0 && done < total && (done - last) * 100 < total) return;
    last = done;
    cx.progress({ phase, done, total });
  };
}

export const evidenceHandlers: EngineImplementation['evidence'] = {
  list: (query, { session }) => listEvidence(session.ctx, query),
  get: ({ id }, { session }) => getEvidence(session.ctx, id),
  add: ({ file, ...input }, cx) =>
    addEvidence(cx.session.ctx, { ...input, filePath: file }, { onProgress: relay(cx, 'encrypting') }),
  addCopy: ({ file, ...input }, cx) =>
    addDerivedCopy(cx.session.ctx, { ...input, filePath: file }, { onProgress: relay(cx, 'encrypting') }),
  verify: ({ id }, cx) => verifyEvidence(cx.session.ctx, id, { onProgress: relay(cx, 'verifying') }),
  export: async ({ id, target, reason }, cx) => {
    const { path: _path, ...exported } = await exportEvidence(cx.session.ctx, id, target, {
      reason,
      onProgress: relay(cx, 'exporting'),
    });
    return exported;
  },
  custodyLog: ({ id }, { session }) => custodyLog(session.ctx, id),
  exportCustodyLog: async ({ id, format, target }, { session }) => {
    const { path: _path, ...written } = await exportCustodyLogToFile(session.ctx, id, format, target);
    return written;
  },
  receivedDescriptions: (query, { session }) => listReceivedDescriptions(session.ctx, query),
  erase: (input, { session }) => eraseEvidence(session.ctx, input),
};
