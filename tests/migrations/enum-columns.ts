// The enum columns of migration 0002 owned by the other areas' schemas (consents, evidence,
// deadlines, outcomes, partners, risks), checked by 0002-case-domain.test.ts.
import { CONSENT_METHODS, CONSENT_PURPOSES, CONSENT_STATES, RECIPIENT_CLASSES } from '../../shared/domain/consents.js';
import { DEADLINE_KINDS, DEADLINE_STATUSES } from '../../shared/domain/deadlines.js';
import { CUSTODY_ACTIONS, EVIDENCE_TYPES } from '../../shared/domain/evidence.js';
import { DIMENSIONS, OUTCOME_KINDS } from '../../shared/domain/outcomes.js';
import { AGREEMENT_KINDS, DD_OUTCOMES, DD_TIERS, PARTNER_KINDS } from '../../shared/domain/partners.js';
import { RISK_CATEGORIES, RISK_STATUSES } from '../../shared/domain/risks.js';

export const ENUM_COLUMNS: Array<[string, string, readonly string[]]> = [
  ['consents', 'purpose', CONSENT_PURPOSES],
  ['consents', 'recipient_class', RECIPIENT_CLASSES],
  ['consents', 'state', CONSENT_STATES],
  ['consents', 'method', CONSENT_METHODS],
  ['evidence', 'type', EVIDENCE_TYPES],
  // 0003 rebuilt custody_events to add 'delivered' (checked by 0003-partner-exchange.test.ts)
  ['custody_events', 'action', CUSTODY_ACTIONS.filter((a) => a !== 'delivered')],
  ['deadlines', 'kind', DEADLINE_KINDS],
  ['deadlines', 'status', DEADLINE_STATUSES],
  ['outcomes', 'kind', OUTCOME_KINDS],
  ['indicators', 'dimension', DIMENSIONS],
  ['partners', 'kind', PARTNER_KINDS],
  ['partners', 'dd_tier', DD_TIERS],
  ['partners', 'dd_outcome', DD_OUTCOMES],
  ['partner_agreements', 'kind', AGREEMENT_KINDS],
  ['risks', 'category', RISK_CATEGORIES],
  ['risks', 'status', RISK_STATUSES],
];
