/**
 * The escape hatch for longevity (`identity export-age-key`): the vault's private key written
 * out as an age identity file, so that the stock `age` tool can open every bundle sent to this
 * vault even if Case Vault is gone. The file is exactly what `age-keygen` writes:
 *
 *   # created: 2026-11-21T12:00:00Z
 *   # public key: age1…
 *   AGE-SECRET-KEY-1…
 *
 * (the X25519 scalar is the libsignal private key as it stands, see
 * engine/age/x25519.ts). With `postQuantum`, the vault's post-quantum key instead
 * (`AGE-SECRET-KEY-PQ-1…`, public key `age1pq1…`), which opens the bundles sent to this vault
 * with post-quantum stanzas; it needs age 1.3 or later (engine/age/mlkem768x25519.ts). WHOEVER HOLDS THIS FILE CAN READ EVERY BUNDLE SENT TO THIS
 * VAULT, and it is not protected by the vault passphrase. It is written mode 0600, never over an
 * existing file, and the export is audited (`identity.age-key-exported`). The key passes through
 * the JavaScript heap as a string on its way to the file; the byte copy is zeroed.
 */
import { VaultError } from '../../../shared/errors.js';
import { wipe } from '../crypto/secure-memory.js';
import { appendAudit } from '../audit/audit-log.js';
import { type DomainContext, nowIso } from '../domain/context.js';
import { checkNewFileTarget, stageNewFile, unpublish } from '../util/new-file.js';
import { keyFingerprint } from './vault-identity.js';

export const AGE_KEY_WARNING =
  'WARNING: this file is the private key of this vault. Whoever holds it can read every bundle sent to this vault, ' +
  'and it is NOT protected by the vault passphrase. Keep it offline (a safe, an encrypted drive) and never send it to anyone.';

export interface AgeKeyExport {
  out: string;
  /** the matching age recipient (age1…) */
  recipient: string;
  fingerprint: string;
  warning: string;
}

export function exportAgeKey(ctx: DomainContext, opts: { out: string; postQuantum?: boolean }): AgeKeyExport {
  // Refuse an existing file before the key is touched at all.
  checkNewFileTarget(opts.out);
  const postQuantum = opts.postQuantum === true;
  const identity = postQuantum ? ctx.identity.pqIdentityForExport() : ctx.identity.ageIdentity();
  if (!identity)
    throw new VaultError(
      'IDENTITY_MISSING',
      'This vault has no post-quantum key yet; unlock it with this version of Case Vault to create one.',
    );
  let bytes: Buffer | null = null;
  try {
    const recipient = identity.recipient().toString();
    // age-keygen writes the time in RFC 3339 without fractions.
    const created = nowIso(ctx).replace(/\.\d{3}Z$/, 'Z');
    bytes = Buffer.from(`# created: ${created}\n# public key: ${recipient}\n${identity.toString()}\n`, 'utf8');
    const staged = stageNewFile(opts.out, bytes, 0o600);
    let published = false;
    try {
      ctx.db.transaction(() => {
        appendAudit(ctx.db, ctx.vaultId, {
          action: 'identity.age-key-exported',
          at: nowIso(ctx),
          subject: { kind: 'vault-identity', id: ctx.vaultId },
          details: postQuantum ? { postQuantum: true } : {},
        });
        // last, so that a refused or failed publish rolls the audit entry back
        staged.publish();
        published = true;
      })();
    } catch (e) {
      // the file went out but the commit failed: take it back
      if (published) unpublish(staged.dest);
      throw e;
    } finally {
      staged.discard();
    }
    return {
      out: staged.dest,
      recipient,
      fingerprint: keyFingerprint(ctx.identity.publicKey),
      warning: AGE_KEY_WARNING,
    };
  } finally {
    wipe(bytes);
    identity.dispose();
  }
}
