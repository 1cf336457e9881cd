/**
 * A record cut down for a partner: the partner's profile (applySharingProfile, the allow-list
 * of shared/domain/partners.ts), plus the keys its table description declares structural —
 * which every copy carries whatever the profile says (ids, links, origin, and a case's
 * sensitivity). A key of the record that its description does not declare is refused: a new
 * field is never shared, nor silently dropped, before someone has said which it is.
 */
import { VaultError } from '../../../shared/errors.js';
import { type SharingKind, type SharingProfile, applySharingProfile } from '../../../shared/domain/partners.js';
import { RECORD_DESCRIPTIONS } from './index.js';
import { camelOf } from './table.js';

const DECLARED: Readonly<Record<SharingKind, ReadonlySet<string>>> = Object.fromEntries(
  Object.entries(RECORD_DESCRIPTIONS).map(([kind, d]) => [
    kind,
    new Set([...Object.keys(d.columns).map(camelOf), ...Object.keys(d.extras)]),
  ]),
) as unknown as Record<SharingKind, ReadonlySet<string>>;

export function shareableCopy(
  profile: SharingProfile,
  kind: SharingKind,
  full: Readonly<Record<string, unknown>>,
): Record<string, unknown> | null {
  const undeclared = Object.keys(full).filter((k) => !DECLARED[kind].has(k));
  if (undeclared.length > 0) {
    throw new VaultError(
      'INTERNAL',
      `The ${kind} record has a field (${undeclared.join(', ')}) that its table description (engine/records) does not declare; nothing was written.`,
    );
  }
  const cut = applySharingProfile(profile, kind, full);
  if (!cut) return null;
  for (const k of RECORD_DESCRIPTIONS[kind].structuralKeys) {
    if (full[k] !== undefined && !(k in cut)) cut[k] = full[k];
  }
  return cut;
}
