/**
 * Receipts close the loop: the recipient signs what it received, the sender imports that.
 *
 * A receipt file is UTF-8 JSON `{ "receipt": R, "signature": S }` where
 *   R = { format: "case-vault/bundle-receipt", formatVersion: 1, bundleId, manifestSha256 (hex),
 *         result: "imported" | "quarantined", receivedAt, recipient: <recipient's contact card>,
 *         counts: { records: {kind: n…}, files: n } }
 *   S = base64 of XEdDSA by the recipient card's key over signatureDigest('receipt', canonicalJson(R))
 *
 * On the sender, importReceipt checks, in order (nothing written on any failure):
 *   a receipt of a newer major format version                          → BUNDLE_FORMAT_TOO_NEW
 *   the file (≤ 64 KiB, strict JSON, strict schema — a newer minor's unknown members are
 *   reported, format-version.ts —, receivedAt not more than 24 hours from now) → RECEIPT_INVALID
 *   a 'sent' ledger row with that bundle id                            → RECEIPT_UNKNOWN_BUNDLE
 *   the same manifest SHA-256 as that row                              → RECEIPT_MISMATCH
 *   the recipient card is self-signed, its key is one the bundle was
 *   encrypted to (other than ours), and S verifies with it             → RECEIPT_SIGNATURE_INVALID
 * then, for result 'imported': status 'delivered', the receipt stored, custody 'delivered' for
 * every evidence item the bundle carried (metadata or file), audit. A 'quarantined' receipt is
 * stored (the partner has the bundle but has not accepted it yet); the status stays 'sent'.
 * The same receipt twice changes nothing. A receipt is kept exactly as signed (a newer minor's
 * members included), so that its signature can be checked again from the ledger.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { canonicalJson } from '../../../shared/canonical-json.js';
import {
  BUNDLE_LIMITS,
  type KindCounts,
  Manifest,
  RECEIPT_FORMAT,
  RECEIPT_FORMAT_MINOR,
  RECEIPT_FORMAT_VERSION,
  type Receipt,
  ReceiptFile,
  type ReceiptImport,
  parseEntryName,
} from '../../../shared/domain/bundles.js';
import { VaultError, isVaultError } from '../../../shared/errors.js';
import { run, sql } from '../db/sql.js';
import { type DomainContext, mutate, nowIso } from '../domain/context.js';
import { appendCustodyEvent } from '../evidence/custody-log.js';
import { cardPublicKey, contactCardOf, parseContactCard } from '../identity/contact-card.js';
import { checkNewFileTarget, stageNewFile } from '../util/new-file.js';
import { verifySignature } from '../identity/vault-identity.js';
import { UnknownFields, documentVersion, formatTooNew, parseVersioned } from './format-version.js';
import { ledgerRow } from './ledger.js';
import { findKeyByPublicKey } from '../partners/partner-keys.js';
import { parseStrictJson } from './strict-json.js';

/** Our signed receipt for a bundle. */
export function makeReceipt(
  ctx: DomainContext,
  r: {
    bundleId: string;
    manifestSha256: string;
    result: 'imported' | 'quarantined';
    records: KindCounts;
    files: number;
  },
): ReceiptFile {
  const receipt: Receipt = {
    format: RECEIPT_FORMAT,
    formatVersion: RECEIPT_FORMAT_VERSION,
    bundleId: r.bundleId,
    manifestSha256: r.manifestSha256,
    result: r.result,
    receivedAt: nowIso(ctx),
    // version 1: a receipt needs no post-quantum key, and every partner reads version 1
    recipient: contactCardOf(ctx, { postQuantum: false }),
    counts: { records: r.records, files: r.files },
  };
  const signature = ctx.identity.sign('receipt', Buffer.from(canonicalJson(receipt), 'utf8')).toString('base64');
  return { receipt, signature };
}

/** A signed receipt as its file holds it (bundle and recall receipts alike). */
export function receiptText(file: ReceiptFile | { receipt: unknown; signature: string }): string {
  return JSON.stringify(file, null, 2) + '\n';
}

/** Write a receipt file; see writeReceiptText. */
export async function writeReceipt(file: ReceiptFile, out: string): Promise<string> {
  return writeReceiptText(receiptText(file), out);
}

const MAX_RECEIPT_COMPARE = 64 * 1024;

function sameJson(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return canonicalJson(JSON.parse(a)) === canonicalJson(JSON.parse(b));
  } catch {
    return false;
  }
}

/**
 * Write the text of a receipt file (never over another file; the same receipt already there is
 * fine, so that importing a bundle or a recall notice twice can write its receipt twice).
 */
export async function writeReceiptText(text: string, out: string): Promise<string> {
  try {
    const st = await fsp.lstat(out);
    // the same receipt: compared as canonical JSON, since the copy kept in the ledger is read
    // back through its schema and may list a member in another order than when it was made
    if (st.isFile() && st.size <= MAX_RECEIPT_COMPARE && sameJson(await fsp.readFile(out, 'utf8'), text))
      return path.resolve(out);
  } catch {
    // absent (or unreadable): write it, which reports the problem if there is one
  }
  checkNewFileTarget(out);
  const staged = stageNewFile(out, text);
  try {
    staged.publish();
  } finally {
    staged.discard();
  }
  return staged.dest;
}

/** How far a receipt's `receivedAt` may lie ahead of now (clocks drift). */
const RECEIPT_FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

function receiptInvalid(why: string): VaultError {
  return new VaultError('RECEIPT_INVALID', `This is not a valid Case Vault bundle receipt: ${why}.`);
}

/** Import a partner's receipt for a bundle we sent (see the rules at the top). */
export async function importReceipt(ctx: DomainContext, file: string): Promise<ReceiptImport> {
  let bytes: Buffer;
  try {
    const fh = await fsp.open(file, 'r');
    try {
      const st = await fh.stat();
      if (!st.isFile()) throw receiptInvalid('it is not a file');
      if (st.size > BUNDLE_LIMITS.receiptBytes)
        throw receiptInvalid(`it is larger than ${BUNDLE_LIMITS.receiptBytes} bytes`);
      // read at most the cap (and one byte more): a file that grows meanwhile is refused too
      const buf = Buffer.alloc(BUNDLE_LIMITS.receiptBytes + 1);
      let n = 0;
      for (;;) {
        const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
        if (bytesRead === 0) break;
        n += bytesRead;
        if (n === buf.length) throw receiptInvalid(`it is larger than ${BUNDLE_LIMITS.receiptBytes} bytes`);
      }
      bytes = buf.subarray(0, n);
    } finally {
      await fh.close();
    }
  } catch (e) {
    if (isVaultError(e)) throw e;
    throw new VaultError('IO_ERROR', 'The receipt file cannot be read.', { cause: e });
  }
  const json = parseStrictJson(bytes);
  if (!json.ok) throw receiptInvalid(json.problem);
  const signed = signedPart(json.value);
  const version = documentVersion(signed, RECEIPT_FORMAT, RECEIPT_FORMAT_VERSION);
  if (version.tooNew) throw formatTooNew('receipt', version.major, RECEIPT_FORMAT_VERSION, 'Nothing was changed.');
  const unknownFields = new UnknownFields();
  const parsed = parseVersioned(ReceiptFile, json.value, {
    minor: version.minor,
    readerMinor: RECEIPT_FORMAT_MINOR,
    kind: 'receipt',
    exact: ['receipt.recipient'],
    unknown: unknownFields,
  });
  if (!parsed.ok) throw receiptInvalid(parsed.problem);
  const { receipt, signature } = parsed.data;
  const reported = unknownFields.list.length > 0 ? { unknownFields: unknownFields.list } : {};
  if (Date.parse(receipt.receivedAt) - ctx.now().getTime() > RECEIPT_FUTURE_TOLERANCE_MS) {
    throw receiptInvalid(
      `it says the bundle was received on ${receipt.receivedAt}, more than a day from now: it was made in the future. Check this computer's clock and the partner's`,
    );
  }

  const row = ledgerRow(ctx, receipt.bundleId);
  if (!row || row.direction !== 'sent')
    throw new VaultError(
      'RECEIPT_UNKNOWN_BUNDLE',
      `This receipt is for bundle ${receipt.bundleId}, which this vault did not send.`,
    );
  if (Buffer.from(row.manifest_hash).toString('hex') !== receipt.manifestSha256) {
    throw new VaultError(
      'RECEIPT_MISMATCH',
      `This receipt names bundle ${receipt.bundleId} but a different manifest than the one this vault sent; it is not a receipt for that bundle.`,
    );
  }
  const manifest = Manifest.parse(JSON.parse(row.manifest));
  const sigInvalid = (why: string) =>
    new VaultError('RECEIPT_SIGNATURE_INVALID', `This receipt's signature cannot be trusted: ${why}.`);
  let card;
  try {
    card = parseContactCard(receipt.recipient);
  } catch {
    throw sigInvalid("the recipient's contact card in it is not validly signed");
  }
  const ours = ctx.identity.publicKey.toString('base64');
  if (card.publicKey === ours) throw sigInvalid('it was signed by a key the bundle was not sent to');
  if (manifest.recipients.length === 1) {
    // a passphrase bundle names no key but ours: the receipt must come from a verified key of
    // the partner it was made for (their card imported and compared since)
    const found = findKeyByPublicKey(ctx, cardPublicKey(card));
    if (
      !found ||
      found.partner.id !== row.partner_id ||
      found.key.status !== 'verified' ||
      found.key.vaultId !== card.vaultId
    ) {
      throw sigInvalid(
        'this bundle was sealed with a passphrase, and the key that signed the receipt is not a verified key of the partner it was made for: import their contact card and compare the safety number (partner verify), then import the receipt again',
      );
    }
  } else if (!manifest.recipients.some((r) => r.publicKey === card.publicKey && r.vaultId === card.vaultId)) {
    throw sigInvalid('it was signed by a key the bundle was not sent to');
  }
  if (
    !verifySignature(
      cardPublicKey(card),
      'receipt',
      Buffer.from(canonicalJson(signed), 'utf8'),
      Buffer.from(signature, 'base64'),
    )
  ) {
    throw sigInvalid('it does not verify with the recipient key');
  }

  const stored = row.receipt === null ? null : (JSON.parse(row.receipt) as unknown);
  const incoming = canonicalJson(json.value);
  if (stored !== null && canonicalJson(stored) === incoming)
    return { bundleId: row.id, status: row.status, changed: false, custodyEvents: 0, ...reported };
  if (row.status === 'delivered' && receipt.result === 'quarantined')
    return { bundleId: row.id, status: row.status, changed: false, custodyEvents: 0, ...reported };

  return mutate(ctx, (audit) => {
    const at = nowIso(ctx);
    let events = 0;
    if (receipt.result === 'imported' && row.status !== 'delivered') {
      run(
        ctx.db,
        sql`UPDATE bundles SET status = 'delivered', receipt = ${incoming}, updated_at = ${at} WHERE id = ${row.id}`,
      );
      for (const e of manifest.entries) {
        const n = parseEntryName(e.name);
        if (!n || n.type !== 'record' || n.kind !== 'evidence') continue;
        const event = appendCustodyEvent(ctx, n.id, 'delivered', {
          bundleId: row.id,
          partnerId: row.partner_id,
          receivedAt: receipt.receivedAt,
        });
        audit({
          action: 'evidence.delivered',
          subject: { kind: 'evidence', id: n.id },
          details: { bundleId: row.id, custodyHash: event.hash },
        });
        events++;
      }
    } else {
      run(ctx.db, sql`UPDATE bundles SET receipt = ${incoming}, updated_at = ${at} WHERE id = ${row.id}`);
    }
    audit({
      action: 'bundle.receipt-imported',
      subject: { kind: 'bundle', id: row.id },
      details: { result: receipt.result, partnerId: row.partner_id, custodyEvents: events },
    });
    const status = receipt.result === 'imported' ? 'delivered' : row.status;
    return { bundleId: row.id, status, changed: true, custodyEvents: events, ...reported };
  });
}

/**
 * The signed object of a receipt file, as received: the signature covers its canonical JSON,
 * members of a newer minor included (undefined when the file has no such object: the schema
 * then refuses it).
 */
export function signedPart(file: unknown): unknown {
  if (typeof file !== 'object' || file === null || Array.isArray(file)) return undefined;
  return (file as { receipt?: unknown }).receipt;
}
