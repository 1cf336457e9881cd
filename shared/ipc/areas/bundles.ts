/**
 * Bundles: sharing cases with a partner as a signed, encrypted `.cvbundle` file, and receiving
 * them (docs/bundle-format.md). The renderer never names or sees a path: the bundle file, the
 * receipt file and their targets travel as FileHandles from main's dialogs (main swaps them for
 * paths), and answers leave paths out.
 *
 * Sending: `plan` is the share wizard's preview (the consent gate's verdict per person, what
 * the partner's sharing profile lets through, the sizes) and changes nothing; `export` writes
 * the bundle (progress 'exporting', bytes) to a new file the user chose — usually on a
 * removable drive. The partner's signed receipt comes back through `importReceipt`, which marks
 * the bundle delivered.
 *
 * Recall notices (docs/bundle-format.md, "Recall notices"): after a consent withdrawal,
 * `recallPlan` says which partners received the person and `writeRecall` writes each partner's
 * signed notice; `import` applies a partner's notice (restrict or erase what that partner sent
 * us) and `saveRecallReceipt` writes our receipt; `recalls` lists both directions.
 *
 * Receiving: `verify` checks a bundle and shows who sent it and what it holds without changing
 * anything; `import` imports it (progress) — or puts it in quarantine when the sender's key is
 * not verified — and answers with the signed receipt, which `saveReceipt` writes to a file for
 * the sender. Quarantined bundles are accepted (once the sender's key is verified) or discarded;
 * records changed on both sides wait in `conflicts` for the user to choose.
 */
import { z } from 'zod';
import { Id } from '../../domain/common.js';
import {
  BundleDetail,
  BundleExport,
  BundleLedgerEntry,
  BundlePlan,
  BundleVerification,
  ExportBundleInput,
  ImportConflict,
  ImportResult,
  ListBundlesQuery,
  Manifest,
  PlanBundleInput,
  ReceiptImport,
  ResolveImportConflictInput,
} from '../../domain/bundles.js';
import { CardImportResult } from '../../domain/partners.js';
import {
  ListRecallsQuery,
  PlanRecallInput,
  RecallImportResult,
  RecallLedgerEntry,
  RecallPlan,
  RecallReceiptImport,
  RecallWritten,
  WriteRecallInput,
} from '../../domain/recall.js';
import { engineCall } from '../kit.js';
import { FileHandle } from './app.js';

const ById = z.strictObject({ id: Id });
const AFile = z.strictObject({ file: FileHandle });
/** what opens a passphrase bundle (docs/bundle-format.md, "Passphrase bundles"): the one line its sender gave */
const OpeningPassphrase = z.string().min(1).max(1024);
const ABundleFile = AFile.extend({ passphrase: OpeningPassphrase.optional() });

export const bundlesArea = {
  /** the share wizard's preview: who is included, who is left out and why, sizes; changes nothing */
  plan: engineCall(PlanBundleInput.omit({ out: true }), BundlePlan),
  /** write the bundle to a new file (`target` from files.chooseSaveTarget({kind: 'bundle'})); progress: 'exporting', bytes */
  export: engineCall(
    ExportBundleInput.omit({ out: true }).extend({ target: FileHandle }),
    BundleExport.omit({ path: true }),
    {
      progress: true,
      fileFields: { target: 'save' },
    },
  ),
  /** check a bundle (`file` from files.chooseOpen({kind: 'bundle'})) and show what it holds; changes nothing */
  verify: engineCall(ABundleFile, BundleVerification, { fileFields: { file: 'open' } }),
  /** what a file from a partner is, by its first archive entry (decrypts only its start): a bundle or a recall notice */
  peek: engineCall(AFile, z.strictObject({ kind: z.enum(['bundle', 'recall']) }), { fileFields: { file: 'open' } }),
  /**
   * import a bundle, or put it in quarantine when its sender's key is not verified; or apply a
   * recall notice from a verified partner (the answer then has `noticeId`); answers with our
   * signed receipt; progress (bundles): 'verifying' then 'importing', bytes
   */
  import: engineCall(ABundleFile, z.union([ImportResult, RecallImportResult]), {
    progress: true,
    fileFields: { file: 'open' },
  }),
  /** our signed receipt for a received bundle, to a new file for the sender */
  saveReceipt: engineCall(
    z.strictObject({ bundleId: Id, target: FileHandle }),
    z.strictObject({ bundleId: z.string() }),
    { fileFields: { target: 'save' } },
  ),
  /**
   * the partner's receipt for a bundle or a recall notice we sent (`file` from
   * files.chooseOpen({kind: 'receipt'})): it becomes delivered (a recall receipt's answer has `noticeId`)
   */
  importReceipt: engineCall(AFile, z.union([ReceiptImport, RecallReceiptImport]), { fileFields: { file: 'open' } }),
  /** the ledger of sent and received bundles, newest first */
  list: engineCall(ListBundlesQuery, z.array(BundleLedgerEntry)),
  /** one bundle with its signed manifest and receipt */
  get: engineCall(ById, BundleDetail.extend({ manifest: Manifest })),
  /** import a quarantined bundle once its sender's key is verified (else BUNDLE_SENDER_NOT_VERIFIED) */
  acceptQuarantined: engineCall(ById.extend({ passphrase: OpeningPassphrase.optional() }), ImportResult, {
    progress: true,
  }),
  /**
   * add the sender of a quarantined bundle as an UNVERIFIED partner key, from the contact card
   * the bundle carries (or to an existing partner), so that its safety number can be compared
   */
  addSender: engineCall(z.strictObject({ bundleId: Id, partnerId: Id.optional() }), CardImportResult),
  /** delete a quarantined bundle without importing it (the ledger keeps it as 'discarded') */
  discardQuarantined: engineCall(ById, z.strictObject({ bundleId: z.string(), status: z.literal('discarded') })),
  /** open conflicts between received and local versions of records (all of them with `all`) */
  conflicts: engineCall(z.strictObject({ all: z.boolean().optional() }), z.array(ImportConflict)),
  /** keep our version or take the partner's */
  resolveConflict: engineCall(ResolveImportConflictInput, ImportConflict),
  /** after a consent withdrawal: which partners received the person in a bundle (the prompt); changes nothing */
  recallPlan: engineCall(PlanRecallInput, RecallPlan),
  /** write one signed recall notice for one partner (`target` from files.chooseSaveTarget({kind: 'recall'})) */
  writeRecall: engineCall(
    WriteRecallInput.omit({ out: true }).extend({ target: FileHandle }),
    RecallWritten.omit({ file: true }),
    { fileFields: { target: 'save' } },
  ),
  /** recall notices sent (sent, delivered) and received (applied), newest first */
  recalls: engineCall(ListRecallsQuery, z.array(RecallLedgerEntry)),
  /** our signed receipt for a recall notice we applied, to a new file for its sender */
  saveRecallReceipt: engineCall(
    z.strictObject({ noticeId: Id, target: FileHandle }),
    z.strictObject({ noticeId: z.string() }),
    { fileFields: { target: 'save' } },
  ),
} as const;
