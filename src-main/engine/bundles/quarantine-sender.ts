/**
 * Adopting the sender of a quarantined bundle as a partner key.
 *
 * A bundle from a vault we do not know goes to quarantine with its signature checked against
 * the contact card inside its manifest. To accept it, the user must verify that sender — which
 * needs the sender's key among the partner keys. Rather than asking for the card again in a
 * separate file, the user can take the card the bundle carries: it is self-signed and it is the
 * key that signed the manifest, so it is exactly the key the safety number must then be compared
 * for. The key is added UNVERIFIED, like any imported card: nothing is trusted until the two
 * sides compare safety numbers (partner verify), and the bundle stays in quarantine until then.
 *
 * This is an explicit step (never done by the import itself), so an unsolicited bundle cannot
 * create partners on its own.
 */
import { z } from 'zod';
import { VaultError } from '../../../shared/errors.js';
import { Id } from '../../../shared/domain/common.js';
import type { CardImportResult } from '../../../shared/domain/partners.js';
import { canonicalJson, type JsonValue } from '../../../shared/canonical-json.js';
import { type DomainContext, parseInput } from '../domain/context.js';
import { importContactCard } from '../partners/partner-keys.js';
import { ledgerRow } from './ledger.js';

export const AdoptSenderInput = z.strictObject({
  bundleId: Id,
  /** attach the sender's key to this existing partner instead of creating a new one */
  partnerId: Id.optional(),
});
export type AdoptSenderInput = z.input<typeof AdoptSenderInput>;

export function adoptQuarantinedSender(ctx: DomainContext, input: AdoptSenderInput): CardImportResult {
  const p = parseInput(AdoptSenderInput, input);
  const row = ledgerRow(ctx, p.bundleId);
  if (!row || row.direction !== 'received')
    throw new VaultError('NOT_FOUND', `No received bundle ${p.bundleId} in this vault.`);
  if (row.status !== 'quarantined') {
    throw new VaultError(
      'INVALID_TRANSITION',
      `This bundle is not in quarantine (it is ${row.status}); its sender needs no adding from it.`,
    );
  }
  // The stored manifest passed every check when the bundle was quarantined (signature by this
  // card's key included); the card is parsed and its self-signature checked again all the same.
  const manifest = JSON.parse(row.manifest) as { sender?: JsonValue };
  if (manifest.sender === undefined)
    throw new VaultError('VAULT_CORRUPT', 'The stored manifest of this bundle has no sender card.');
  return importContactCard(ctx, {
    card: canonicalJson(manifest.sender),
    ...(p.partnerId !== undefined ? { partnerId: p.partnerId } : {}),
  });
}
