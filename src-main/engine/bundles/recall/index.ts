/** Recall notices after a consent withdrawal: the public surface (docs/bundle-format.md, "Recall notices"). */
export { listRecalls, ourRecallReceipt } from './ledger.js';
export { importRecallNotice } from './receive.js';
export { importRecallReceipt, makeRecallReceipt, recallReceiptText, writeRecallReceipt } from './receipts.js';
export { isRestricted, restrictedIds, restrictedRecords } from './restricted.js';
export { carriedTo, noticeFileName, planRecall, writeRecall, writeRecalls } from './send.js';
