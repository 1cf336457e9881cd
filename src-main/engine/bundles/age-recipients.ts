/**
 * Whom a bundle (or a recall notice) is encrypted to, and with which stanzas
 * (docs/bundle-format.md, "What we write"):
 *
 * - every recipient has a post-quantum key — each of the partner's verified keys whose card
 *   (version 2) carries one, and this vault's own — → one `mlkem768x25519` stanza each;
 * - otherwise → one `X25519` stanza each.
 *
 * Never a mix: a file with both is only as strong as its classical stanzas (the age spec says
 * such a file SHOULD NOT be made; the age layer refuses to write or open one,
 * AGE_MIXED_PQ_RECIPIENTS). So one partner vault without a post-quantum key makes the whole
 * file classical, and the result says so.
 */
import type { PartnerKey } from '../../../shared/domain/partners.js';
import { type AgeRecipient, HybridRecipient, X25519Recipient } from '../age/index.js';
import type { DomainContext } from '../domain/context.js';
import { partnerKeyBytes, partnerPqKeyBytes } from '../partners/partner-keys.js';

export interface BundleRecipients {
  /** the partner's keys, then this vault's own (so that the sender can open what it sent) */
  recipients: AgeRecipient[];
  /** true when the stanzas are mlkem768x25519 (all of them) */
  postQuantum: boolean;
}

export function bundleRecipients(ctx: DomainContext, keys: readonly PartnerKey[]): BundleRecipients {
  const own = ctx.identity.hybridRecipient();
  const theirs = keys.map((k) => partnerPqKeyBytes(ctx, k.id));
  if (own && theirs.length > 0 && theirs.every((k) => k !== null)) {
    return { recipients: [...theirs.map((k) => new HybridRecipient(k!)), own], postQuantum: true };
  }
  return {
    recipients: [...keys.map((k) => X25519Recipient.fromLibsignal(partnerKeyBytes(k))), ctx.identity.ageRecipient()],
    postQuantum: false,
  };
}
