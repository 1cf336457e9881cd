/**
 * consents.* — the consent service and the consent gate (engine/consents).
 *
 * Main has parsed the input with the contract's schema, which resolves the recipient (null for
 * purposes that take none, the implied class for donor reporting, media and publication). The
 * service parses its input again with the same schema, which takes a recipient as given, not
 * as resolved: so a null recipient goes back to "none given" here.
 */
import type { ConsentRecipient } from '../../../../shared/domain/consents.js';
import {
  addConsent,
  consentHistory,
  getConsent,
  listConsents,
  renewConsent,
  withdrawConsent,
} from '../../consents/consent-service.js';
import { checkConsent } from '../../consents/consent-gate.js';
import type { EngineImplementation } from '../dispatch.js';

function given(recipient: ConsentRecipient | null): { recipient?: ConsentRecipient } {
  return recipient ? { recipient } : {};
}

export const consentsHandlers: EngineImplementation['consents'] = {
  list: (query, { session }) => listConsents(session.ctx, query),
  get: ({ id }, { session }) => getConsent(session.ctx, id),
  history: ({ id }, { session }) => consentHistory(session.ctx, id),
  add: ({ recipient, ...input }, { session }) => addConsent(session.ctx, { ...input, ...given(recipient) }),
  withdraw: (input, { session }) => withdrawConsent(session.ctx, input),
  renew: (input, { session }) => renewConsent(session.ctx, input),
  check: ({ recipient, ...query }, { session }) => checkConsent(session.ctx, { ...query, ...given(recipient) }),
};
