/**
 * bundles.* — signed case bundles (engine/bundles) behind the contract's bundles area.
 *
 * `target` and `file` arrive as paths (main swapped the dialogs' handles for them); answers
 * leave paths out. Long calls relay the engine's byte progress, thinned to about one report per
 * percent (the first and the last always go out).
 */
import { Manifest } from '../../../../shared/domain/bundles.js';
import { VaultError } from '../../../../shared/errors.js';
import {
  acceptQuarantined,
  adoptQuarantinedSender,
  discardQuarantined,
  exportBundle,
  getBundle,
  listBundles,
  listImportConflicts,
  planBundle,
  resolveImportConflict,
  verifyBundle,
  writeReceipt,
} from '../../bundles/index.js';
import { importAny, importAnyReceipt, peekKind } from '../../bundles/import-any.js';
import {
  listRecalls,
  ourRecallReceipt,
  planRecall,
  writeRecall,
  writeRecallReceipt,
} from '../../bundles/recall/index.js';
import type { CallContext } from '../call-context.js';
import type { EngineImplementation } from '../dispatch.js';

/** The engine's { phase, done, total } as `progress` reports, about one per percent per phase. */
function relay(cx: CallContext): (p: { phase: string; done: number; total: number }) => void {
  let phase = '';
  let last = -1;
  return ({ phase: ph, done, total }) => {
    if (ph === phase && last >= 0 && done < total && (done - last) * 100 < total) return;
    phase = ph;
    last = done;
    cx.progress({ phase: ph, done, total });
  };
}

export const bundlesHandlers: EngineImplementation['bundles'] = {
  plan: (input, { session }) => planBundle(session.ctx, input),
  export: async ({ target, ...input }, cx) => {
    const { path: _path, ...written } = await exportBundle(cx.session.ctx, { ...input, out: target }, relay(cx));
    return written;
  },
  verify: ({ file, passphrase }, { session }) => verifyBundle(session.ctx, file, { passphrase }),
  peek: async ({ file }, { session }) => ({ kind: await peekKind(session.ctx, file) }),
  // a bundle or a partner's recall notice (import-any.ts tells them apart)
  import: ({ file, passphrase }, cx) => importAny(cx.session.ctx, file, relay(cx), passphrase),
  saveReceipt: async ({ bundleId, target }, { session }) => {
    const bundle = getBundle(session.ctx, bundleId);
    // our receipt exists for bundles we received (imported or quarantined); a sent bundle holds
    // the partner's receipt, which is theirs to give, not ours to write out
    if (bundle.direction !== 'received' || bundle.receipt === null) {
      throw new VaultError(
        'NOT_FOUND',
        'This vault holds no receipt of its own for that bundle: receipts are written for bundles received here.',
      );
    }
    await writeReceipt(bundle.receipt, target);
    return { bundleId: bundle.id };
  },
  importReceipt: ({ file }, { session }) => importAnyReceipt(session.ctx, file),
  list: (query, { session }) => listBundles(session.ctx, query),
  get: ({ id }, { session }) => {
    // the ledger keeps the exact signed manifest text; the answer gives it its schema
    const bundle = getBundle(session.ctx, id);
    return { ...bundle, manifest: Manifest.parse(bundle.manifest) };
  },
  acceptQuarantined: ({ id, passphrase }, cx) => acceptQuarantined(cx.session.ctx, id, relay(cx), passphrase),
  discardQuarantined: ({ id }, { session }) => discardQuarantined(session.ctx, id),
  addSender: (input, { session }) => adoptQuarantinedSender(session.ctx, input),
  conflicts: ({ all }, { session }) => listImportConflicts(session.ctx, all !== undefined ? { all } : {}),
  resolveConflict: (input, { session }) => resolveImportConflict(session.ctx, input),
  recallPlan: (input, { session }) => planRecall(session.ctx, input),
  writeRecall: async ({ target, ...input }, { session }) => {
    const { file: _file, ...written } = await writeRecall(session.ctx, { ...input, out: target });
    return written;
  },
  recalls: (query, { session }) => listRecalls(session.ctx, query),
  saveRecallReceipt: async ({ noticeId, target }, { session }) => {
    await writeRecallReceipt(ourRecallReceipt(session.ctx, noticeId), target);
    return { noticeId };
  },
};
