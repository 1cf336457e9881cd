/**
 * One "import" for everything a partner sends on a USB stick: a case bundle (`.cvbundle`) or a
 * recall notice (`.cvrecall`); and one "receipt import" for both kinds of receipt.
 *
 * Both files are age files holding a strict ustar archive; what the first entry is named says
 * what the file is: `manifest.json` → a bundle (import.ts), `notice.json` → a recall notice
 * (recall/receive.ts). peekKind decrypts only the start of the file — the file is read in
 * 64 KiB pieces and decryption stops after the chunk that holds the first tar header — so a
 * large bundle is not decrypted twice. Anything the peek cannot read (not for us, damaged, not
 * an archive, another first entry) goes to the bundle import, which refuses it with its own
 * code, exactly as before notices existed.
 *
 * Receipts are JSON; the `format` of the signed receipt decides: `case-vault/recall-receipt`
 * → recall/receipts.ts, anything else → the bundle receipt import (receipts.ts), which refuses
 * what it does not know.
 */
import fsp from 'node:fs/promises';
import type { ImportResult, ReceiptImport } from '../../../shared/domain/bundles.js';
import {
  NOTICE_ENTRY,
  RECALL_LIMITS,
  RECALL_RECEIPT_FORMAT,
  type RecallImportResult,
  type RecallReceiptImport,
} from '../../../shared/domain/recall.js';
import { isVaultError } from '../../../shared/errors.js';
import type { DomainContext } from '../domain/context.js';
import { decryptAge } from '../age/index.js';
import { type ImportProgress, importBundle } from './import.js';
import { importRecallNotice } from './recall/receive.js';
import { importRecallReceipt } from './recall/receipts.js';
import { importReceipt } from './receipts.js';
import { parseStrictJson } from './strict-json.js';
import { TarReader } from '../tar/tar.js';

export type AnyImportResult = ImportResult | RecallImportResult;
export type AnyReceiptImport = ReceiptImport | RecallReceiptImport;

export function isRecallResult(r: AnyImportResult): r is RecallImportResult {
  return 'noticeId' in r;
}

const PEEK_PIECE = 64 * 1024;

async function* startOf(file: string): AsyncGenerator<Buffer> {
  const fh = await fsp.open(file, 'r');
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(PEEK_PIECE);
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

/** What the file is, by the name of its first archive entry; 'bundle' when that cannot be read. */
export async function peekKind(ctx: DomainContext, file: string): Promise<'bundle' | 'recall'> {
  let identity;
  try {
    identity = ctx.identity.bundleIdentity();
  } catch {
    return 'bundle';
  }
  const tar = new TarReader(decryptAge(startOf(file), [identity]));
  try {
    const first = await tar.next();
    return first?.name === NOTICE_ENTRY ? 'recall' : 'bundle';
  } catch {
    return 'bundle';
  } finally {
    await tar.close().catch(() => {});
    identity.dispose();
  }
}

/** Import a bundle or apply a recall notice, whichever the file is. */
export async function importAny(
  ctx: DomainContext,
  file: string,
  onProgress?: ImportProgress,
  /** a passphrase bundle's passphrase (recall notices are never sealed with one) */
  passphrase?: string,
): Promise<AnyImportResult> {
  if (passphrase !== undefined) return importBundle(ctx, file, onProgress, passphrase);
  const kind = await peekKind(ctx, file).catch(() => 'bundle' as const);
  if (kind === 'recall') return importRecallNotice(ctx, file);
  return importBundle(ctx, file, onProgress);
}

/** Import a bundle receipt or a recall receipt, by the receipt's `format`. */
export async function importAnyReceipt(ctx: DomainContext, file: string): Promise<AnyReceiptImport> {
  let bytes: Buffer | null = null;
  try {
    const fh = await fsp.open(file, 'r');
    try {
      const st = await fh.stat();
      if (st.isFile() && st.size <= RECALL_LIMITS.receiptBytes) {
        const buf = Buffer.alloc(RECALL_LIMITS.receiptBytes + 1);
        let n = 0;
        for (;;) {
          const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
          if (bytesRead === 0) break;
          n += bytesRead;
          if (n === buf.length) break;
        }
        if (n <= RECALL_LIMITS.receiptBytes) bytes = buf.subarray(0, n);
      }
    } finally {
      await fh.close();
    }
  } catch (e) {
    if (isVaultError(e)) throw e;
    // unreadable: the bundle receipt import reports it in its own words
  }
  if (bytes !== null) {
    const json = parseStrictJson(bytes);
    const format = json.ok ? formatOf(json.value) : undefined;
    if (format === RECALL_RECEIPT_FORMAT) return importRecallReceipt(ctx, bytes);
  }
  return importReceipt(ctx, file);
}

function formatOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const receipt = Object.prototype.hasOwnProperty.call(value, 'receipt')
    ? (value as { receipt: unknown }).receipt
    : undefined;
  if (receipt === null || typeof receipt !== 'object' || Array.isArray(receipt)) return undefined;
  return Object.prototype.hasOwnProperty.call(receipt, 'format') ? (receipt as { format: unknown }).format : undefined;
}

export function isRecallReceiptImport(r: AnyReceiptImport): r is RecallReceiptImport {
  return 'noticeId' in r;
}
