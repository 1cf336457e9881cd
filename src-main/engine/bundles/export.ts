/**
 * Bundle export: plan (plan.ts) → manifest → signature → tar → age → a new file next to `out`
 * → fsync → one transaction (ledger row, custody 'shared' per evidence item, audit) in which
 * the file gets its final name. If anything fails, no file is left and no row is written.
 *
 * Memory: records are small and built in memory first (the manifest, which comes first in the
 * archive, must carry their hashes); evidence files are streamed from the blob store through
 * the tar writer and the age encryption to the file, 4 MiB at a time, whatever their size.
 * Each file's SHA-256 is computed on the way out and compared with the hash recorded at intake
 * (which the manifest already carries): a stored file that no longer matches stops the export
 * with EVIDENCE_HASH_MISMATCH and the temp file is removed.
 */
import { createHash } from 'node:crypto';
import type fsp from 'node:fs/promises';
import path from 'node:path';
import { canonicalJson } from '../../../shared/canonical-json.js';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  type BundleExport,
  ExportBundleInput,
  MANIFEST_ENTRY,
  type Manifest,
  type ManifestRecipient,
  SIGNATURE_ENTRY,
} from '../../../shared/domain/bundles.js';
import { VaultError, isVaultError } from '../../../shared/errors.js';
import { type DomainContext, mutate, nowIso, parseInput } from '../domain/context.js';
import { appendCustodyEvent } from '../evidence/custody-log.js';
import { contactCardOf } from '../identity/contact-card.js';
import { keyFingerprint } from '../identity/vault-identity.js';
import { uuidv7 } from '../util/ids.js';
import { type AgeRecipient, SCRYPT_WRITE_LOG_N, ScryptRecipient, encryptAge } from '../age/index.js';
import { bundleRecipients } from './age-recipients.js';
import { insertLedgerRow } from './ledger.js';
import { writeNewFile } from '../util/new-file.js';
import { WriteBehind } from './out-file.js';
import { HashThread, localSha256, parallelHashTuning } from './parallel-hash.js';
import { type PlannedBundle, planBundleInternal, tarEntryBytes } from './plan.js';
import { TAR_END, type TarEntrySource, writeTar } from '../tar/tar.js';

export interface BundleProgress {
  (p: { phase: 'exporting'; done: number; total: number }): void;
}

const DAY_MS = 86_400_000;

/** The first blocker as the error to throw (the plan lists them all). */
function blockerError(planned: PlannedBundle): VaultError | null {
  const b = planned.plan.blockers[0];
  if (!b) return null;
  const code = b.code as ConstructorParameters<typeof VaultError>[0];
  return new VaultError(code, b.message);
}

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** The manifest for a planned bundle (everything but the archive's own bytes is known now). */
function buildManifest(ctx: DomainContext, planned: PlannedBundle, createdAt: Date, postQuantum: boolean): Manifest {
  const expiresAt = new Date(createdAt.getTime() + planned.input.expiresInDays * DAY_MS);
  const recipients: ManifestRecipient[] = [
    ...planned.keys.map((k) => ({ vaultId: k.vaultId, publicKey: k.publicKey })),
    { vaultId: ctx.vaultId, publicKey: b64(ctx.identity.publicKey) },
  ];
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    bundleId: uuidv7(createdAt.getTime()),
    createdAt: createdAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    // card version 2 (with our post-quantum key) only to partners whose own card is version 2:
    // an older Case Vault reads version 1 only (contact-card.ts)
    sender: contactCardOf(ctx, { postQuantum }),
    recipients,
    purpose: planned.input.purpose,
    consents: planned.plan.consentIds,
    redactionProfile: planned.profile,
    entries: [
      ...planned.records.map((r) => ({
        name: r.name,
        size: r.bytes.length,
        sha256: createHash('sha256').update(r.bytes).digest('hex'),
      })),
      ...planned.files.map((f) => ({ name: f.name, size: f.size, sha256: f.sha256 })),
    ],
  };
}

/**
 * Write a bundle for a partner. Refuses (nothing written) on any blocker of the plan —
 * PARTNER_NOT_CLEARED (the organisation's partner gate), BUNDLE_PARTNER_NOT_VERIFIED,
 * NOT_FOUND, BUNDLE_CONSENT_MISSING in refuse mode, BUNDLE_EMPTY (nothing would go in), … —
 * and when `out` exists (EXPORT_TARGET_EXISTS).
 */
export async function exportBundle(
  ctx: DomainContext,
  rawInput: unknown,
  onProgress?: BundleProgress,
): Promise<BundleExport> {
  const { passphrase, ...input } = parseInput(ExportBundleInput, rawInput);
  if (input.byPassphrase && passphrase === undefined)
    throw new VaultError('INVALID_INPUT', 'A passphrase bundle needs its passphrase.');
  const byPassphrase = passphrase !== undefined;
  const planned = planBundleInternal(ctx, { ...input, byPassphrase });
  const blocked = blockerError(planned);
  if (blocked) throw blocked;

  const createdAt = ctx.now();
  // A passphrase bundle (no partner key: planned.keys is empty) carries a version-1 card.
  const sealed = byPassphrase ? { recipients: [], postQuantum: false } : bundleRecipients(ctx, planned.keys);
  const { postQuantum } = sealed;
  const manifest = buildManifest(ctx, planned, createdAt, postQuantum);
  const manifestBytes = Buffer.from(canonicalJson(manifest), 'utf8');
  const manifestSha256 = createHash('sha256').update(manifestBytes).digest('hex');
  const signature = ctx.identity.sign('manifest', manifestBytes);
  // A passphrase bundle has one scrypt stanza and nothing else (age allows no other beside
  // it): not even our own key, so we cannot open it without the passphrase either. Its manifest
  // lists only us as recipient (planned.keys is empty), which is what marks it as addressed to
  // whoever holds the passphrase (docs/bundle-format.md, "Passphrase bundles").
  const recipients = (): AgeRecipient[] =>
    passphrase !== undefined ? [new ScryptRecipient(passphrase, { logN: SCRYPT_WRITE_LOG_N })] : sealed.recipients;

  const total =
    tarEntryBytes(manifestBytes.length) +
    tarEntryBytes(signature.length) +
    planned.records.reduce((n, r) => n + tarEntryBytes(r.bytes.length), 0) +
    planned.files.reduce((n, f) => n + tarEntryBytes(f.size), 0) +
    TAR_END.length;
  let done = 0;
  const report = (n: number) => {
    done += n;
    onProgress?.({ phase: 'exporting', done, total });
  };

  // Large exports hash on a second thread (parallel-hash.ts), small ones here: starting a
  // worker costs tens of milliseconds.
  const fileBytes = planned.files.reduce((n, f) => n + f.size, 0);
  let thread: HashThread | null = null; // started by fill, which also stops it

  // The evidence file, streamed from the store and hashed on the way out. Its pieces are lent
  // (valid until the next is pulled): hashed (or copied to the hashing thread) and encrypted
  // downstream before the next is read.
  async function* evidenceFile(f: PlannedBundle['files'][number]): AsyncGenerator<Buffer> {
    const hash = thread ? thread.sha256() : localSha256();
    let size = 0;
    let sha256: string;
    try {
      // the store's own hash check is redundant with ours (one SHA-256 pass is enough)
      for await (const piece of ctx.blobs.get(f.blobId, { verifyHash: false, reuseBuffer: true })) {
        await hash.update(piece);
        size += piece.length;
        yield piece;
      }
      sha256 = await hash.digest();
    } catch (e) {
      if (isVaultError(e) && e.code.startsWith('BLOB_')) {
        throw new VaultError(
          'EVIDENCE_HASH_MISMATCH',
          `The stored file of evidence ${f.evidenceId} cannot be read intact (${e.code}); nothing was exported. Run "evidence verify ${f.evidenceId}".`,
        );
      }
      throw e;
    }
    if (size !== f.size || sha256 !== f.sha256) {
      throw new VaultError(
        'EVIDENCE_HASH_MISMATCH',
        `The stored file of evidence ${f.evidenceId} no longer matches the SHA-256 recorded when it was taken in; nothing was exported. Run "evidence verify ${f.evidenceId}".`,
      );
    }
  }

  function* entries(): Generator<TarEntrySource> {
    yield { name: MANIFEST_ENTRY, size: manifestBytes.length, data: manifestBytes };
    yield { name: SIGNATURE_ENTRY, size: signature.length, data: signature };
    for (const r of planned.records) yield { name: r.name, size: r.bytes.length, data: r.bytes };
    for (const f of planned.files) yield { name: f.name, size: f.size, data: evidenceFile(f) };
  }

  async function* counted(): AsyncGenerator<Buffer> {
    for await (const piece of writeTar(entries())) {
      yield piece;
      report(piece.length);
    }
  }

  let bytes = 0;
  // The pieces are lent: the blob's plaintext is hashed and encrypted before the next is read;
  // the age batches come from two buffers in turn, so one is written while the next is sealed.
  const fill = async (fh: fsp.FileHandle) => {
    const writer = new WriteBehind(fh);
    if (fileBytes >= parallelHashTuning.minBytes) thread = new HashThread();
    const sealedTo = recipients();
    try {
      for await (const piece of encryptAge(counted(), sealedTo, { reuseBuffer: true })) await writer.write(piece);
      await writer.end();
      bytes = writer.bytes;
    } finally {
      // never leave an operation running on a handle the caller is about to close
      await writer.settle();
      await thread?.close();
      for (const r of sealedTo) if (r instanceof ScryptRecipient) r.dispose(); // the passphrase, wiped
    }
  };

  return writeNewFile(input.out, fill, (publish) =>
    mutate(ctx, (audit) => {
      const at = nowIso(ctx);
      insertLedgerRow(ctx, {
        id: manifest.bundleId,
        direction: 'sent',
        partnerId: planned.plan.partner.id,
        senderVault: ctx.vaultId,
        senderKey: ctx.identity.publicKey,
        manifestSha256,
        manifestText: manifestBytes.toString('utf8'),
        purpose: manifest.purpose,
        createdAt: manifest.createdAt,
        expiresAt: manifest.expiresAt,
        status: 'sent',
        entries: manifest.entries.length,
        bytes,
        recordedAt: at,
        receipt: null,
        quarantineBlob: null,
      });
      for (const e of planned.sharedEvidence) {
        const event = appendCustodyEvent(ctx, e.id, 'shared', {
          bundleId: manifest.bundleId,
          partnerId: planned.plan.partner.id,
          file: e.file,
        });
        audit({
          action: 'evidence.shared',
          subject: { kind: 'evidence', id: e.id },
          details: {
            bundleId: manifest.bundleId,
            partnerId: planned.plan.partner.id,
            file: e.file,
            custodyHash: event.hash,
          },
        });
      }
      audit({
        action: 'bundle.exported',
        subject: { kind: 'bundle', id: manifest.bundleId },
        details: {
          partnerId: planned.plan.partner.id,
          manifestSha256,
          // how it is sealed: to the partner's keys, or with a passphrase handed over apart
          sealed: byPassphrase ? 'passphrase' : 'keys',
          recipients: manifest.recipients.map((r) => keyFingerprint(Buffer.from(r.publicKey, 'base64'))),
          records: { ...planned.plan.included },
          files: planned.files.length,
          leftOut: planned.plan.leftOut.length,
          consents: manifest.consents.length,
          bytes,
          postQuantum,
        },
      });
      publish();
      return {
        bundleId: manifest.bundleId,
        path: path.resolve(input.out),
        bytes,
        manifestSha256,
        entries: manifest.entries.length,
        included: planned.plan.included,
        files: planned.files.length,
        leftOut: planned.plan.leftOut,
        recipients: manifest.recipients,
        postQuantum,
      } satisfies BundleExport;
    }),
  );
}
