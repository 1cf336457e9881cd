/**
 * A consents row and the domain Consent, mapped once: the service answers with it, the gate
 * reads its facts from it, and a bundle's consent record is derived from it (bundles/plan.ts).
 * Rows are checked against the table description (engine/records/consents.ts) on the way in.
 */
import {
  type Consent,
  type ConsentRecipient,
  TOLD_ELEMENTS,
  type ToldElement,
} from '../../../shared/domain/consents.js';
import { CONSENTS, type ConsentRow } from '../records/consents.js';

export type { ConsentRow };

const TOLD_COLUMN = {
  nature: 'told_nature',
  purpose: 'told_purpose',
  use: 'told_use',
  consequences: 'told_consequences',
  'right-to-refuse': 'told_right_to_refuse',
  'right-to-withdraw': 'told_right_to_withdraw',
} as const satisfies Record<ToldElement, keyof ConsentRow>;

/** The `told_*` columns back to the list of elements. */
export function toldFromRow(r: Pick<ConsentRow, (typeof TOLD_COLUMN)[ToldElement]>): ToldElement[] {
  return TOLD_ELEMENTS.filter((e) => Number(r[TOLD_COLUMN[e]]) === 1);
}

/** The list of elements as `told_*` columns (each 0 or 1). */
export function toldColumns(told: Iterable<ToldElement>): Pick<ConsentRow, (typeof TOLD_COLUMN)[ToldElement]> {
  const set = new Set(told);
  return Object.fromEntries(TOLD_ELEMENTS.map((e) => [TOLD_COLUMN[e], set.has(e) ? 1 : 0])) as Pick<
    ConsentRow,
    (typeof TOLD_COLUMN)[ToldElement]
  >;
}

export function recipientFromRow(
  r: Pick<ConsentRow, 'recipient_partner_id' | 'recipient_class'>,
): ConsentRecipient | null {
  if (r.recipient_partner_id !== null) return { partnerId: r.recipient_partner_id };
  if (r.recipient_class !== null) return { class: r.recipient_class };
  return null;
}

export function recipientColumns(
  recipient: ConsentRecipient | null | undefined,
): Pick<ConsentRow, 'recipient_partner_id' | 'recipient_class'> {
  return {
    recipient_partner_id: recipient && 'partnerId' in recipient ? recipient.partnerId : null,
    recipient_class: recipient && 'class' in recipient ? recipient.class : null,
  };
}

/** A stored row (SELECT * FROM consents), checked, as the domain record. */
export function consentFromRow(raw: unknown): Consent {
  const r = CONSENTS.parse(raw);
  const f = CONSENTS.toFields(r);
  return {
    id: f.id,
    seriesId: f.seriesId,
    version: f.version,
    personId: f.personId,
    caseId: f.caseId,
    purpose: f.purpose,
    recipient: recipientFromRow(r),
    state: f.state,
    told: toldFromRow(r),
    method: f.method,
    language: f.language,
    witness: f.witness,
    givenAt: f.givenAt,
    expiresAt: f.expiresAt,
    refusalReason: f.refusalReason,
    withdrawnAt: f.withdrawnAt,
    withdrawalReason: f.withdrawalReason,
    notes: f.notes,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    originVault: f.originVault,
  };
}

/** The domain record as a row, for an INSERT of a new version. */
export function rowFromConsent(c: Consent): ConsentRow {
  return {
    id: c.id,
    series_id: c.seriesId,
    version: c.version,
    person_id: c.personId,
    case_id: c.caseId,
    purpose: c.purpose,
    ...recipientColumns(c.recipient),
    state: c.state,
    ...toldColumns(c.told),
    method: c.method,
    language: c.language,
    witness: c.witness,
    given_at: c.givenAt,
    expires_at: c.expiresAt,
    refusal_reason: c.refusalReason,
    withdrawn_at: c.withdrawnAt,
    withdrawal_reason: c.withdrawalReason,
    notes: c.notes,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    origin_vault: c.originVault,
  };
}

/**
 * A consent version in the keys of a bundle's consent record: the domain record with its
 * recipient in the two columns' keys (the record names the sender's partner only as information).
 */
export function consentWire(c: Consent): Record<string, unknown> {
  const { recipient, ...rest } = c;
  const cols = recipientColumns(recipient);
  return { ...rest, recipientPartnerId: cols.recipient_partner_id, recipientClass: cols.recipient_class };
}
