/** The outcomes table. */
import { OutcomeKind } from '../../../shared/domain/outcomes.js';
import { Int, Text, describeTable, extra, share, structural } from './table.js';

export const OUTCOMES = describeTable(
  'outcomes',
  {
    id: structural(Text),
    case_id: structural(Text),
    kind: share('kind', OutcomeKind),
    description: share('description', Text, { personal: true }),
    achieved_on: share('achieved-on', Text.nullable()),
    currency: share('amount-awarded', Text.nullable()),
    amount_awarded_minor: share('amount-awarded', Int.nullable()),
    amount_paid_minor: share('amount-paid', Int.nullable()),
    created_at: share('recorded-at', Text),
    updated_at: share('recorded-at', Text),
    version: structural(Int),
    origin_vault: structural(Text),
  },
  {
    extras: {
      // derived from the kind and from the minor units with the currency
      category: extra({ shareable: 'kind' }),
      amountAwarded: extra({ shareable: 'amount-awarded' }),
      amountPaid: extra({ shareable: 'amount-paid' }),
    },
  },
);
export type OutcomeRow = ReturnType<typeof OUTCOMES.parse>;
