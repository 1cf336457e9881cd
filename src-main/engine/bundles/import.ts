/**
 * Verify and import bundles; the quarantine.
 *
 * verifyBundle reads the whole bundle with every check (read.ts) and changes nothing.
 *
 * importBundle: one pass (read.ts) that checks everything, then —
 *   sender's key known and VERIFIED: evidence files are streamed into the evidence store
 *     (new blob per file, hash checked while streaming) during the pass and the records held
 *     in memory; then ONE transaction writes the records (apply.ts), their origins, custody
 *     'received' per stored file, the ledger row ('imported', with our signed receipt) and the
 *     audit entry. On any failure every blob written for this import is removed again: the
 *     vault folder is byte for byte what it was.
 *   sender unknown, unverified, or its key replaced: QUARANTINE. After the full pass succeeded,
 *     the bundle file — still age-encrypted to us — is copied into the evidence store as a blob
 *     (encrypted once more by the store), with a ledger row 'quarantined' and a 'quarantined'
 *     receipt. acceptQuarantined imports it from there once the sender's key is verified
 *     (every check runs again; expiry is judged as of its arrival) and deletes the blob;
 *     discardQuarantined deletes it.
 *   the same bundle again (same id and manifest): already imported → nothing changes, the
 *     stored receipt is returned; still in quarantine → the same, unless the sender has been
 *     verified since, in which case it is imported now.
 */
import fsp from 'node:fs/promises';
import { z } from 'zod';
import { Id } from '../../../shared/domain/common.js';
import { type BundleVerification, type ImportResult, ReceiptFile, zeroCounts } from '../../../shared/domain/bundles.js';
import { VaultError } from '../../../shared/errors.js';
import { canonicalJson } from '../../../shared/canonical-json.js';
import { run, sql } from '../db/sql.js';
import { type DomainContext, mutate, notFound, nowIso, parseInput } from '../domain/context.js';
import { findKeyByPublicKey } from '../partners/partner-keys.js';
import { type AnyRecord, type StagedFile, applyRecords } from './apply.js';
import { checkAuthority } from './authority.js';
import { insertLedgerRow, ledgerRow, type LedgerRow } from './ledger.js';
import { type BundleSource, type TrustedManifest, bundleError, fileSource, readBundle } from './read.js';
import { makeReceipt } from './receipts.js';

export interface ImportProgress {
  (p: { phase: 'verifying' | 'importing'; done: number; total: number }): void;
}

const PathArg = z.strictObject({
  path: z
    .string()
    .min(1)
    .max(4096)
    .refine((s) => !s.includes('\0'), 'must not contain a NUL character'),
});
const IdArg = z.strictObject({ id: Id });

async function fileSize(path: string): Promise<number> {
  try {
    const st = await fsp.stat(path);
    if (!st.isFile()) throw new VaultError('IO_ERROR', 'That is not a file.');
    return st.size;
  } catch (e) {
    if (e instanceof VaultError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new VaultError('NOT_FOUND', 'There is no file at that path.');
    throw new VaultError('IO_ERROR', 'The bundle file cannot be read.', { cause: e });
  }
}

type SenderState = { keyStatus: BundleVerification['sender']['keyStatus']; partner?: { id: string; name: string } };

function senderState(ctx: DomainContext, t: TrustedManifest): SenderState {
  const found = findKeyByPublicKey(ctx, t.senderKey);
  if (!found) return { keyStatus: 'unknown' };
  // a key on file for another vault id than the card claims is not this sender's key
  if (found.key.vaultId !== t.card.vaultId) return { keyStatus: 'unknown' };
  return { keyStatus: found.key.status, partner: { id: found.partner.id, name: found.partner.name } };
}

/** Every check, nothing changed: who sent it, whether we trust them, what is inside. */
export async function verifyBundle(
  ctx: DomainContext,
  path: string,
  opts: { passphrase?: string } = {},
): Promise<BundleVerification> {
  const p = parseInput(PathArg, { path });
  await fileSize(p.path);
  const s = await readBundle(ctx, fileSource(p.path), { passphrase: opts.passphrase });
  const sender = senderState(ctx, s);
  const row = ledgerRow(ctx, s.manifest.bundleId);
  return {
    bundleId: s.manifest.bundleId,
    manifestSha256: s.manifestSha256,
    sender: { card: s.card, ...(sender.partner ? { partner: sender.partner } : {}), keyStatus: sender.keyStatus },
    purpose: s.manifest.purpose,
    createdAt: s.manifest.createdAt,
    expiresAt: s.manifest.expiresAt,
    expired: ctx.now().getTime() >= Date.parse(s.manifest.expiresAt),
    contents: s.contents,
    files: s.files,
    bytes: s.bytes,
    consentIds: s.manifest.consents,
    alreadyImported:
      row !== undefined &&
      row.status === 'imported' &&
      Buffer.from(row.manifest_hash).toString('hex') === s.manifestSha256,
    ...unknownFieldsOf(s),
  };
}

/** The members of a newer minor that were left out, when there were any. */
function unknownFieldsOf(t: TrustedManifest): { unknownFields?: BundleVerification['unknownFields'] } {
  return t.unknownFields.list.length > 0 ? { unknownFields: t.unknownFields.list } : {};
}

function noCounts(): ImportResult['counts'] {
  return {
    created: zeroCounts(),
    updated: zeroCounts(),
    unchanged: zeroCounts(),
    skipped: zeroCounts(),
    conflicts: 0,
    files: 0,
    proposed: 0,
  };
}

function storedReceipt(row: LedgerRow): ReceiptFile {
  return ReceiptFile.parse(JSON.parse(row.receipt!));
}

function sameBundleResult(row: LedgerRow, result: 'already-imported' | 'quarantined'): ImportResult {
  return {
    bundleId: row.id,
    result,
    counts: noCounts(),
    skipped: [],
    conflicts: [],
    proposed: [],
    receipt: storedReceipt(row),
  };
}

/** Remove a blob row (in the caller's transaction); the file goes after the commit. */
function dropBlobRow(ctx: DomainContext, blobId: string): void {
  run(ctx.db, sql`DELETE FROM blobs WHERE id = ${blobId}`);
}

async function removeBlobFile(ctx: DomainContext, blobId: string): Promise<void> {
  // as BlobStore.erase: the freed key page reaches the main file (secure_delete), then the file goes
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  await fsp.rm(ctx.blobs.pathFor(blobId), { force: true });
}

interface RunOptions {
  source: BundleSource;
  bytes: number;
  onProgress?: ImportProgress;
  /** accepting from quarantine: the ledger row it is in (the manifest must be the same) */
  fromQuarantine?: LedgerRow;
  /** a passphrase bundle's passphrase */
  passphrase?: string;
}

async function runImport(ctx: DomainContext, opts: RunOptions): Promise<ImportResult> {
  const records: AnyRecord[] = [];
  const files = new Map<string, StagedFile>();
  // set by beforeEntries (a callback: an object, so the type checker does not narrow it away)
  const st: { mode: 'import' | 'quarantine' | 'same' } = { mode: 'import' };
  let existing: LedgerRow | undefined;
  let sender: SenderState = { keyStatus: 'unknown' };
  let committed = false;
  const phase = () => (st.mode === 'import' ? 'importing' : 'verifying');
  // a first report at once: a small bundle is read in one piece, and the caller should know
  // the work has started before its end
  opts.onProgress?.({ phase: phase(), done: 0, total: opts.bytes });
  try {
    const summary = await readBundle(ctx, opts.source, {
      passphrase: opts.passphrase,
      expiryAt: opts.fromQuarantine ? new Date(opts.fromQuarantine.recorded_at) : undefined,
      onProgress: (done) => opts.onProgress?.({ phase: phase(), done, total: opts.bytes }),
      beforeEntries: (t) => {
        existing = ledgerRow(ctx, t.manifest.bundleId);
        if (existing) {
          const sameManifest = Buffer.from(existing.manifest_hash).toString('hex') === t.manifestSha256;
          if (existing.direction !== 'received' || !sameManifest) {
            throw new VaultError(
              'DUPLICATE',
              `A different bundle with the same id (${t.manifest.bundleId}) is already in the ledger; this one cannot be trusted. Nothing was imported.`,
            );
          }
        }
        if (opts.fromQuarantine && opts.fromQuarantine.id !== t.manifest.bundleId) {
          throw new VaultError(
            'VAULT_CORRUPT',
            'The quarantined copy of this bundle is not the bundle the ledger names.',
          );
        }
        sender = senderState(ctx, t);
        const verified = sender.keyStatus === 'verified';
        if (existing?.status === 'imported') st.mode = 'same';
        else if (existing?.status === 'quarantined' && !verified) st.mode = 'same';
        else st.mode = verified ? 'import' : 'quarantine';
        return st.mode === 'same' ? 'stop' : 'continue';
      },
      onRecord: (item) => {
        if (st.mode === 'import') records.push(item);
      },
      onFile: async (entry, content, newHash) => {
        if (st.mode !== 'import' || files.has(entry.sha256)) {
          for await (const piece of content) void piece;
          return;
        }
        // the store computes its own SHA-256 of what it encrypts (on the reader's hashing thread)
        const pending = await ctx.blobs.write(content, undefined, { hash: newHash() });
        files.set(entry.sha256, { pending, used: false });
      },
    });
    const t = summary;
    if (st.mode === 'same')
      return sameBundleResult(existing!, existing!.status === 'imported' ? 'already-imported' : 'quarantined');

    if (st.mode === 'quarantine') {
      if (opts.fromQuarantine)
        throw bundleError(
          'BUNDLE_SENDER_NOT_VERIFIED',
          'The sender of this bundle is not verified; verify their key first.',
        );
      const receipt = makeReceipt(ctx, {
        bundleId: t.manifest.bundleId,
        manifestSha256: t.manifestSha256,
        result: 'quarantined',
        records: t.contents,
        files: t.files,
      });
      const pending = await ctx.blobs.write(opts.source());
      let done = false;
      try {
        mutate(ctx, (audit) => {
          const at = nowIso(ctx);
          ctx.blobs.commit(ctx.db, pending, at);
          if (existing) run(ctx.db, sql`DELETE FROM bundles WHERE id = ${existing.id} AND status = 'discarded'`);
          insertLedgerRow(ctx, {
            id: t.manifest.bundleId,
            direction: 'received',
            partnerId: sender.partner?.id ?? null,
            senderVault: t.card.vaultId,
            senderKey: t.senderKey,
            manifestSha256: t.manifestSha256,
            manifestText: t.manifestBytes.toString('utf8'),
            purpose: t.manifest.purpose,
            createdAt: t.manifest.createdAt,
            expiresAt: t.manifest.expiresAt,
            status: 'quarantined',
            entries: t.manifest.entries.length,
            bytes: opts.bytes,
            recordedAt: at,
            receipt: canonicalJson(receipt),
            quarantineBlob: pending.blobId,
          });
          audit({
            action: 'bundle.quarantined',
            subject: { kind: 'bundle', id: t.manifest.bundleId },
            details: {
              fromVault: t.card.vaultId,
              partnerId: sender.partner?.id ?? null,
              keyStatus: sender.keyStatus,
              manifestSha256: t.manifestSha256,
              blobId: pending.blobId,
            },
          });
        });
        done = true;
      } finally {
        await ctx.blobs.release(pending, done);
      }
      return {
        bundleId: t.manifest.bundleId,
        result: 'quarantined',
        counts: noCounts(),
        skipped: [],
        conflicts: [],
        proposed: [],
        receipt,
        ...unknownFieldsOf(t),
      };
    }

    // import: authority first (reads only, so a refusal leaves the vault as it was)
    checkAuthority(ctx, t.card.vaultId, records);
    const oldBlob = existing?.quarantine_blob ?? null;
    const result = mutate(ctx, (audit) => {
      const at = nowIso(ctx);
      // the ledger row first: received_records and import_conflicts name it
      if (existing) {
        run(
          ctx.db,
          sql`UPDATE bundles SET status = 'imported', partner_id = ${sender.partner?.id ?? null}, quarantine_blob = NULL, updated_at = ${at} WHERE id = ${existing.id}`,
        );
        if (oldBlob) dropBlobRow(ctx, oldBlob);
      } else {
        insertLedgerRow(ctx, {
          id: t.manifest.bundleId,
          direction: 'received',
          partnerId: sender.partner?.id ?? null,
          senderVault: t.card.vaultId,
          senderKey: t.senderKey,
          manifestSha256: t.manifestSha256,
          manifestText: t.manifestBytes.toString('utf8'),
          purpose: t.manifest.purpose,
          createdAt: t.manifest.createdAt,
          expiresAt: t.manifest.expiresAt,
          status: 'imported',
          entries: t.manifest.entries.length,
          bytes: opts.bytes,
          recordedAt: at,
          receipt: null,
          quarantineBlob: null,
        });
      }
      const outcome = applyRecords(
        {
          ctx,
          bundleId: t.manifest.bundleId,
          senderVault: t.card.vaultId,
          senderPartner: sender.partner?.id ?? null,
          at,
          audit,
          files,
        },
        records,
      );
      const receipt = makeReceipt(ctx, {
        bundleId: t.manifest.bundleId,
        manifestSha256: t.manifestSha256,
        result: 'imported',
        records: t.contents,
        files: t.files,
      });
      run(ctx.db, sql`UPDATE bundles SET receipt = ${canonicalJson(receipt)} WHERE id = ${t.manifest.bundleId}`);
      audit({
        action: 'bundle.imported',
        subject: { kind: 'bundle', id: t.manifest.bundleId },
        details: {
          fromVault: t.card.vaultId,
          partnerId: sender.partner?.id ?? null,
          manifestSha256: t.manifestSha256,
          created: { ...outcome.created },
          updated: { ...outcome.updated },
          unchanged: { ...outcome.unchanged },
          skipped: { ...outcome.skipped },
          conflicts: outcome.conflicts.length,
          proposed: outcome.proposed.length,
          files: outcome.files,
          fromQuarantine: opts.fromQuarantine !== undefined,
        },
      });
      return {
        bundleId: t.manifest.bundleId,
        result: 'imported' as const,
        counts: {
          created: outcome.created,
          updated: outcome.updated,
          unchanged: outcome.unchanged,
          skipped: outcome.skipped,
          conflicts: outcome.conflicts.length,
          files: outcome.files,
          proposed: outcome.proposed.length,
        },
        skipped: outcome.skippedList,
        conflicts: outcome.conflicts,
        proposed: outcome.proposed,
        receipt,
        ...unknownFieldsOf(t),
      };
    });
    committed = true;
    if (oldBlob) await removeBlobFile(ctx, oldBlob).catch(() => {});
    return result;
  } finally {
    for (const f of files.values()) await ctx.blobs.release(f.pending, committed && f.used);
  }
}

/** Import a bundle file (see the rules at the top). */
export async function importBundle(
  ctx: DomainContext,
  path: string,
  onProgress?: ImportProgress,
  passphrase?: string,
): Promise<ImportResult> {
  const p = parseInput(PathArg, { path });
  const bytes = await fileSize(p.path);
  return runImport(ctx, { source: fileSource(p.path), bytes, onProgress, passphrase });
}

function requireQuarantined(ctx: DomainContext, bundleId: string): LedgerRow {
  const row = ledgerRow(ctx, bundleId);
  if (!row || row.direction !== 'received') throw notFound('received bundle', bundleId);
  if (row.status !== 'quarantined' || row.quarantine_blob === null) {
    throw new VaultError('INVALID_TRANSITION', `This bundle is not in quarantine (it is ${row.status}).`);
  }
  return row;
}

/** Import a quarantined bundle now that its sender's key is verified; the quarantined copy is deleted. */
export async function acceptQuarantined(
  ctx: DomainContext,
  bundleId: string,
  onProgress?: ImportProgress,
  /** a passphrase bundle's passphrase: its quarantined copy is the file as it came */
  passphrase?: string,
): Promise<ImportResult> {
  const id = parseInput(IdArg, { id: bundleId }).id;
  const row = requireQuarantined(ctx, id);
  const key = findKeyByPublicKey(ctx, row.sender_key);
  if (!key || key.key.status !== 'verified' || key.key.vaultId !== row.sender_vault) {
    throw new VaultError(
      'BUNDLE_SENDER_NOT_VERIFIED',
      'The sender of this bundle is not verified yet. Import their contact card if needed and compare the safety number with them (partner verify), then accept it.',
    );
  }
  const blobId = row.quarantine_blob!;
  const size = ctx.blobs.info(blobId).size;
  return runImport(ctx, {
    source: () => ctx.blobs.get(blobId, { reuseBuffer: true }),
    bytes: size,
    onProgress,
    fromQuarantine: row,
    passphrase,
  });
}

/** Delete a quarantined bundle (its encrypted copy); the ledger keeps the row as 'discarded'. */
export async function discardQuarantined(
  ctx: DomainContext,
  bundleId: string,
): Promise<{ bundleId: string; status: 'discarded' }> {
  const id = parseInput(IdArg, { id: bundleId }).id;
  const row = requireQuarantined(ctx, id);
  const blobId = row.quarantine_blob!;
  mutate(ctx, (audit) => {
    run(
      ctx.db,
      sql`UPDATE bundles SET status = 'discarded', quarantine_blob = NULL, updated_at = ${nowIso(ctx)} WHERE id = ${id}`,
    );
    dropBlobRow(ctx, blobId);
    audit({
      action: 'bundle.discarded',
      subject: { kind: 'bundle', id },
      details: { fromVault: row.sender_vault, blobId },
    });
  });
  await removeBlobFile(ctx, blobId);
  return { bundleId: id, status: 'discarded' };
}
