/**
 * identity.* — our identity (engine/identity) behind the contract's identity area.
 *
 * `target` arrives as a path (main swapped the save dialog's handle for it); answers leave it
 * out. The card file goes through the identity engine's own export; a QR code alone (PNG or
 * SVG, without the `.cvcard`) is written the same way: staged beside the target, published
 * without ever replacing a file, inside the transaction of its audit entry.
 */
import { appendAudit } from '../../audit/audit-log.js';
import { cardPublicKey, cardQr, contactCardOf, exportContactCard } from '../../identity/contact-card.js';
import { getIdentity, updateIdentity } from '../../identity/identity-service.js';
import { stageNewFile, unpublish } from '../../util/new-file.js';
import { keyFingerprint } from '../../identity/vault-identity.js';
import type { DomainContext } from '../../domain/context.js';
import type { EngineImplementation } from '../dispatch.js';

/** The card's QR code alone, to a new file; audited like the card export (`identity.card-exported`). */
async function exportCardQr(ctx: DomainContext, target: string, format: 'png' | 'svg'): Promise<string> {
  const card = contactCardOf(ctx);
  const data = format === 'png' ? await cardQr(card, 'png') : await cardQr(card, 'svg');
  const staged = stageNewFile(target, data);
  let published = false;
  try {
    ctx.db.transaction(() => {
      appendAudit(ctx.db, ctx.vaultId, {
        action: 'identity.card-exported',
        at: card.createdAt,
        subject: { kind: 'vault-identity', id: ctx.vaultId },
        details: { qr: format, card: false },
      });
      staged.publish();
      published = true;
    })();
  } catch (e) {
    if (published) unpublish(staged.dest);
    throw e;
  } finally {
    staged.discard();
  }
  return keyFingerprint(cardPublicKey(card));
}

export const identityHandlers: EngineImplementation['identity'] = {
  show: (_input, { session }) => getIdentity(session.ctx),
  update: (input, { session }) => updateIdentity(session.ctx, input),
  cardQr: async (_input, { session }) => ({ svg: await cardQr(contactCardOf(session.ctx), 'svg') }),
  exportCard: async ({ target, format }, { session }) => {
    if (format === 'card') {
      const { fingerprint } = await exportContactCard(session.ctx, { out: target });
      return { format, fingerprint };
    }
    return { format, fingerprint: await exportCardQr(session.ctx, target, format) };
  },
};
