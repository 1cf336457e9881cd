/**
 * The organisation's partner policy (docs/partners.md, "The partner policy"): whether a share
 * needs the partner's due diligence approved and a confidentiality or data-sharing agreement in
 * force. On by default; a change is audited (`policy.changed`). A partner's clearance under it
 * is `partners.clearance` (the share wizard asks as soon as a partner is chosen), and the
 * bundle plan carries the same answer.
 */
import { OrgPolicy, SetPolicyInput } from '../../domain/policy.js';
import { RetentionPolicy, SetRetentionInput } from '../../domain/erasure.js';
import { engineCall, NoInput } from '../kit.js';

export const policyArea = {
  /** the policy as it stands, with when and by whom it was last changed */
  show: engineCall(NoInput, OrgPolicy),
  /** change one or both rules (audited); setting what is already set changes nothing */
  set: engineCall(SetPolicyInput, OrgPolicy),
  /** the retention period after which closed cases come up for review */
  retention: engineCall(NoInput, RetentionPolicy),
  /** set it (1 to 100 years) or clear it (null); audited `policy.retention-changed` */
  setRetention: engineCall(SetRetentionInput, RetentionPolicy),
} as const;
