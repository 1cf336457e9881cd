/** The consents table (immutable versions of a series). */
import { ConsentMethod, ConsentPurpose, ConsentState, RecipientClass } from '../../../shared/domain/consents.js';
import { Flag, Int, Text, describeTable, extra, share, structural } from './table.js';

export const CONSENTS = describeTable(
  'consents',
  {
    id: structural(Text),
    series_id: structural(Text),
    version: structural(Int),
    person_id: structural(Text),
    case_id: structural(Text),
    purpose: share('purpose', ConsentPurpose),
    recipient_partner_id: share('recipient', Text.nullable()),
    recipient_class: share('recipient', RecipientClass.nullable()),
    state: share('state', ConsentState),
    told_nature: share('told', Flag),
    told_purpose: share('told', Flag),
    told_use: share('told', Flag),
    told_consequences: share('told', Flag),
    told_right_to_refuse: share('told', Flag),
    told_right_to_withdraw: share('told', Flag),
    method: share('method', ConsentMethod),
    language: share('language', Text.nullable()),
    witness: share('witness', Text.nullable(), { personal: true }),
    given_at: share('given-at', Text),
    expires_at: share('expires-at', Text.nullable()),
    refusal_reason: share('refusal-reason', Text.nullable(), { personal: true }),
    withdrawn_at: share('withdrawn-at', Text.nullable()),
    withdrawal_reason: share('withdrawal-reason', Text.nullable(), { personal: true }),
    notes: share('notes', Text, { personal: true }),
    created_at: share('recorded-at', Text),
    updated_at: share('recorded-at', Text),
    origin_vault: structural(Text),
  },
  { extras: { told: extra({ shareable: 'told' }) } },
);
export type ConsentRow = ReturnType<typeof CONSENTS.parse>;
