/** Signed case bundles: the public surface (docs/bundle-format.md). */
export { type BundleProgress, exportBundle } from './export.js';
export { type ImportProgress, acceptQuarantined, discardQuarantined, importBundle, verifyBundle } from './import.js';
export { getBundle, listBundles, listImportConflicts, resolveImportConflict } from './ledger.js';
export { planBundle } from './plan.js';
export { type AdoptSenderInput, adoptQuarantinedSender } from './quarantine-sender.js';
export { importReceipt, makeReceipt, receiptText, writeReceipt } from './receipts.js';
export { acceptProposal, getProposal, listProposals, rejectProposal } from './proposals.js';
