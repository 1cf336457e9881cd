/**
 * Recall receipts: the partner signs what applying our notice did; we import that.
 *
 * A recall receipt file is UTF-8 JSON `{ "receipt": R, "signature": S }` where
 *   R = { format: "case-vault/recall-receipt", formatVersion: 1, noticeId, noticeSha256 (hex),
 *         action, result: "applied", receivedAt, recipient: <recipient's contact card>,
 *         counts: { restricted, erased, absent, ignored } }
 *   S = base64 of XEdDSA by the recipient card's key over signatureDigest('recallReceipt', canonicalJson(R))
 *
 * On the sender, importRecallReceipt checks, in order (nothing written on any failure):
 *   a receipt of a newer major format version                          → BUNDLE_FORMAT_TOO_NEW
 *   the file (≤ 64 KiB, strict JSON, strict schema — a newer minor's unknown members are
 *   reported, format-version.ts —, receivedAt at most 24 hours from now) → RECEIPT_INVALID
 *   a notice this vault sent with that id                              → RECALL_UNKNOWN
 *   the same notice SHA-256 and action as that notice                  → RECEIPT_MISMATCH
 *   the recipient card is self-signed, its key is one the notice was
 *   encrypted to (other than ours), and S verifies with it             → RECEIPT_SIGNATURE_INVALID
 * then the notice becomes 'delivered' with the receipt and its counts stored, audited
 * (`recall.delivered`). The same receipt twice changes nothing. The receipt is kept exactly as
 * signed (a newer minor's members included).
 */
import { canonicalJson } from '../../../../shared/canonical-json.js';
import {
  RECALL_LIMITS,
  RECALL_RECEIPT_FORMAT,
  RECALL_RECEIPT_FORMAT_MINOR,
  RECALL_RECEIPT_FORMAT_VERSION,
  type RecallAction,
  type RecallCounts,
  RecallNotice,
  type RecallReceipt,
  RecallReceiptFile,
  type RecallReceiptImport,
  type RecallStatus,
} from '../../../../shared/domain/recall.js';
import { VaultError } from '../../../../shared/errors.js';
import { get, run, sql } from '../../db/sql.js';
import { type DomainContext, mutate, nowIso } from '../../domain/context.js';
import { cardPublicKey, contactCardOf, parseContactCard } from '../../identity/contact-card.js';
import { verifySignature } from '../../identity/vault-identity.js';
import { UnknownFields, documentVersion, formatTooNew, parseVersioned } from '../format-version.js';
import { receiptText, signedPart, writeReceiptText } from '../receipts.js';
import { parseStrictJson } from '../strict-json.js';

/** Our signed receipt for a notice we applied. */
export function makeRecallReceipt(
  ctx: DomainContext,
  r: { noticeId: string; noticeSha256: string; action: RecallAction; counts: RecallCounts },
): RecallReceiptFile {
  const receipt: RecallReceipt = {
    format: RECALL_RECEIPT_FORMAT,
    formatVersion: RECALL_RECEIPT_FORMAT_VERSION,
    noticeId: r.noticeId,
    noticeSha256: r.noticeSha256,
    action: r.action,
    result: 'applied',
    receivedAt: nowIso(ctx),
    // version 1: a receipt needs no post-quantum key, and every partner reads version 1
    recipient: contactCardOf(ctx, { postQuantum: false }),
    counts: r.counts,
  };
  const signature = ctx.identity.sign('recallReceipt', Buffer.from(canonicalJson(receipt), 'utf8')).toString('base64');
  return { receipt, signature };
}

export function recallReceiptText(file: RecallReceiptFile): string {
  return receiptText(file);
}

/** Write a recall receipt file (never over another file; the same receipt again is fine). */
export async function writeRecallReceipt(file: RecallReceiptFile, out: string): Promise<string> {
  return writeReceiptText(recallReceiptText(file), out);
}

function receiptInvalid(why: string): VaultError {
  return new VaultError('RECEIPT_INVALID', `This is not a valid Case Vault recall receipt: ${why}.`);
}

interface SentNoticeRow {
  id: string;
  direction: 'sent' | 'received';
  partner_id: string | null;
  notice_hash: Uint8Array;
  notice: string;
  action: RecallAction;
  status: RecallStatus;
  receipt: string | null;
  counts: string | null;
}

/** Import a partner's receipt for a notice we sent, from the file's bytes (see the rules at the top). */
export function importRecallReceipt(ctx: DomainContext, bytes: Uint8Array): RecallReceiptImport {
  if (bytes.length > RECALL_LIMITS.receiptBytes)
    throw receiptInvalid(`it is larger than ${RECALL_LIMITS.receiptBytes} bytes`);
  const json = parseStrictJson(bytes);
  if (!json.ok) throw receiptInvalid(json.problem);
  const signed = signedPart(json.value);
  const version = documentVersion(signed, RECALL_RECEIPT_FORMAT, RECALL_RECEIPT_FORMAT_VERSION);
  if (version.tooNew)
    throw formatTooNew('recall receipt', version.major, RECALL_RECEIPT_FORMAT_VERSION, 'Nothing was changed.');
  const unknownFields = new UnknownFields();
  const parsed = parseVersioned(RecallReceiptFile, json.value, {
    minor: version.minor,
    readerMinor: RECALL_RECEIPT_FORMAT_MINOR,
    kind: 'recall-receipt',
    exact: ['receipt.recipient'],
    unknown: unknownFields,
  });
  if (!parsed.ok) throw receiptInvalid(parsed.problem);
  const { receipt, signature } = parsed.data;
  const reported = unknownFields.list.length > 0 ? { unknownFields: unknownFields.list } : {};
  if (Date.parse(receipt.receivedAt) - ctx.now().getTime() > 24 * 60 * 60 * 1000)
    throw receiptInvalid('it says it was made more than a day from now');

  const row = get<SentNoticeRow>(
    ctx.db,
    sql`SELECT id, direction, partner_id, notice_hash, notice, action, status, receipt, counts FROM recall_notices WHERE id = ${receipt.noticeId}`,
  );
  if (!row || row.direction !== 'sent')
    throw new VaultError(
      'RECALL_UNKNOWN',
      `This receipt is for recall notice ${receipt.noticeId}, which this vault did not send.`,
    );
  if (Buffer.from(row.notice_hash).toString('hex') !== receipt.noticeSha256 || row.action !== receipt.action) {
    throw new VaultError(
      'RECEIPT_MISMATCH',
      `This receipt names recall notice ${receipt.noticeId} but a different notice than the one this vault sent; it is not a receipt for that notice.`,
    );
  }
  const notice = RecallNotice.parse(JSON.parse(row.notice));
  const sigInvalid = (why: string) =>
    new VaultError('RECEIPT_SIGNATURE_INVALID', `This receipt's signature cannot be trusted: ${why}.`);
  let card;
  try {
    card = parseContactCard(receipt.recipient);
  } catch {
    throw sigInvalid("the recipient's contact card in it is not validly signed");
  }
  const ours = ctx.identity.publicKey.toString('base64');
  if (
    card.publicKey === ours ||
    !notice.recipients.some((r) => r.publicKey === card.publicKey && r.vaultId === card.vaultId)
  ) {
    throw sigInvalid('it was signed by a key the notice was not sent to');
  }
  if (
    !verifySignature(
      cardPublicKey(card),
      'recallReceipt',
      Buffer.from(canonicalJson(signed), 'utf8'),
      Buffer.from(signature, 'base64'),
    )
  ) {
    throw sigInvalid('it does not verify with the recipient key');
  }

  const incoming = canonicalJson(json.value);
  if (row.receipt !== null && canonicalJson(JSON.parse(row.receipt) as never) === incoming) {
    return { noticeId: row.id, status: row.status, changed: false, counts: receipt.counts, ...reported };
  }
  return mutate(ctx, (audit) => {
    const at = nowIso(ctx);
    run(
      ctx.db,
      sql`UPDATE recall_notices SET status = 'delivered', receipt = ${incoming}, counts = ${JSON.stringify(receipt.counts)}, updated_at = ${at} WHERE id = ${row.id}`,
    );
    audit({
      action: 'recall.delivered',
      subject: { kind: 'recall', id: row.id },
      details: { partnerId: row.partner_id, action: row.action, ...receipt.counts },
    });
    return { noticeId: row.id, status: 'delivered' as const, changed: true, counts: receipt.counts, ...reported };
  });
}
