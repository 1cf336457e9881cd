/**
 * Labels for the values of the shared enums: `labelOf('cases.status', c.status)` instead of a
 * computed key cast to MessageKey. Each entry names the message prefix and the enum whose values
 * follow it; the compiler refuses an entry with a value that has no English message (and
 * define.ts makes every catalogue carry the same keys), tests/renderer/enum-labels.test.ts checks
 * the four languages at run time.
 */
import { CASE_SORTS, CASE_STATUSES, FORUMS, SENSITIVITIES, STAGES } from '../../shared/domain/cases.js';
import {
  CONSENT_DECISIONS,
  CONSENT_DENIAL_REASONS,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  CONSENT_STATUSES,
  RECIPIENT_CLASSES,
  TOLD_ELEMENTS,
} from '../../shared/domain/consents.js';
import { COMPLETED_DEADLINE_STATUSES, DEADLINE_KINDS } from '../../shared/domain/deadlines.js';
import { CHANNELS, ENQUIRY_STATUSES, MATCH_KINDS } from '../../shared/domain/enquiries.js';
import { CUSTODY_ACTIONS, EVIDENCE_TYPES } from '../../shared/domain/evidence.js';
import { DIMENSIONS, EVALUATION_FIELDS, OUTCOME_CATEGORIES, OUTCOME_KINDS } from '../../shared/domain/outcomes.js';
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATES,
  CARD_IMPORT_CHANGES,
  DD_OUTCOMES,
  DD_TIERS,
  KEY_VERIFICATION_METHODS,
  PARTNER_KEY_STATES,
  PARTNER_KEY_STATUSES,
  PARTNER_KINDS,
  SHARING_FIELDS,
  SHARING_KINDS,
  SHARING_PRESETS,
} from '../../shared/domain/partners.js';
import { GENDERS, ROLES, VULNERABILITIES } from '../../shared/domain/people.js';
import { CLEARANCE_REASONS } from '../../shared/domain/policy.js';
import { RECALL_ACTIONS, RECALL_DIRECTIONS, RECALL_STATUSES } from '../../shared/domain/recall.js';
import { LEFT_OUT_REASONS, REDACTION_KINDS, REPORT_FORMATS, REPORT_LANGUAGES } from '../../shared/domain/reports.js';
import { RISK_CATEGORIES, RISK_LEVELS, RISK_STATUSES } from '../../shared/domain/risks.js';
import { SEARCH_KINDS } from '../../shared/domain/search.js';
import {
  ADDITION_KINDS,
  BUNDLE_STATUSES,
  MISSING_CONSENT_MODES,
  PROPOSAL_STATUSES,
  SENDER_KEY_STATUSES,
  WITHHELD_REASONS,
} from '../../shared/domain/bundles.js';
import { LOCK_REASONS } from '../../shared/ipc/events.js';
import type { MessageKey } from './catalogue.js';

export const ENUM_LABELS = {
  'cases.status': CASE_STATUSES,
  'cases.sort': CASE_SORTS,
  'cases.forum': FORUMS,
  'caseDetail.stage': STAGES,
  'cases.sensitivity': SENSITIVITIES,
  'consents.purpose': CONSENT_PURPOSES,
  'consents.decision': CONSENT_DECISIONS,
  'consents.method': CONSENT_METHODS,
  'consents.told': TOLD_ELEMENTS,
  'consents.class': RECIPIENT_CLASSES,
  'consents.state': CONSENT_STATUSES,
  'consents.deny': CONSENT_DENIAL_REASONS,
  'deadlines.kind': DEADLINE_KINDS,
  'deadlines.complete.as': COMPLETED_DEADLINE_STATUSES,
  'enquiries.status': ENQUIRY_STATUSES,
  'enquiries.channel': CHANNELS,
  'enquiries.role': ROLES,
  'enquiry.conflicts.match': MATCH_KINDS,
  'evidence.type': EVIDENCE_TYPES,
  'evidence.custody.action': CUSTODY_ACTIONS,
  'outcomes.kind': OUTCOME_KINDS,
  'outcomes.category': OUTCOME_CATEGORIES,
  'outcomes.dimension': DIMENSIONS,
  'partners.kind': PARTNER_KINDS,
  'partners.tier': DD_TIERS,
  'partners.outcome': DD_OUTCOMES,
  'partners.agreementKind': AGREEMENT_KINDS,
  // a partner with no agreement at all reads as 'none' in the lists
  'partners.agreementState': [...AGREEMENT_STATES, 'none'] as const,
  'partners.sharingKind': SHARING_KINDS,
  // one label per profile field, whatever kind of record it belongs to
  'partners.field': [...new Set(Object.values(SHARING_FIELDS).flat())] as Array<
    (typeof SHARING_FIELDS)[keyof typeof SHARING_FIELDS][number]
  >,
  'keys.status': PARTNER_KEY_STATUSES,
  'keys.state': PARTNER_KEY_STATES,
  'keys.how': KEY_VERIFICATION_METHODS,
  'keys.imported': CARD_IMPORT_CHANGES,
  'verify.how': KEY_VERIFICATION_METHODS,
  'people.role': ROLES,
  'people.gender': GENDERS,
  'people.vuln': VULNERABILITIES,
  'share.gate.reason': CLEARANCE_REASONS,
  'share.missing': MISSING_CONSENT_MODES,
  'inbox.status': BUNDLE_STATUSES,
  'inbox.keyStatus': SENDER_KEY_STATUSES,
  'inbox.recalls.action': RECALL_ACTIONS,
  'inbox.recalls.direction': RECALL_DIRECTIONS,
  'inbox.recalls.status': RECALL_STATUSES,
  'proposals.status': PROPOSAL_STATUSES,
  'proposals.filter': PROPOSAL_STATUSES,
  'proposals.accepted': ADDITION_KINDS,
  'proposals.acceptItem': ADDITION_KINDS,
  'proposals.rejectItem': ADDITION_KINDS,
  'share.plan.withheld': WITHHELD_REASONS,
  'share.preset.name': SHARING_PRESETS,
  'share.preset.desc': SHARING_PRESETS,
  'outcomes.evaluation': EVALUATION_FIELDS,
  'reports.save': REPORT_FORMATS,
  'reports.language': REPORT_LANGUAGES,
  'reports.format': REPORT_FORMATS,
  'reports.redaction': REDACTION_KINDS,
  'reports.leftOut.reason': LEFT_OUT_REASONS,
  'risks.category': RISK_CATEGORIES,
  'risks.status': RISK_STATUSES,
  'risks.level': RISK_LEVELS,
  'search.group': SEARCH_KINDS,
  'search.more': SEARCH_KINDS,
  locked: LOCK_REASONS,
} as const;

type Registry = typeof ENUM_LABELS;
export type LabelledEnum = keyof Registry;
export type EnumValue<P extends LabelledEnum> = Registry[P][number];

/** The keys some entry would need and the English catalogue lacks; `never` when there are none. */
type MissingLabels = { [P in LabelledEnum]: Exclude<`${P}.${EnumValue<P>}`, MessageKey> }[LabelledEnum];
export const EVERY_ENUM_VALUE_HAS_A_LABEL: [MissingLabels] extends [never] ? true : MissingLabels = true;

/** The message key of one enum value's label. */
export function labelKey<P extends LabelledEnum>(prefix: P, value: EnumValue<P>): MessageKey {
  return `${prefix}.${String(value)}` as MessageKey;
}
