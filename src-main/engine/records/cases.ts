/** The cases table. */
import { CaseStatus, Forum, Sensitivity, Stage } from '../../../shared/domain/cases.js';
import { Int, Text, describeTable, extra, neverShared, share, structural } from './table.js';

export const CASES = describeTable(
  'cases',
  {
    seq: neverShared('the local row number behind the list and search indexes', Int),
    id: structural(Text),
    reference: share('reference', Text),
    title: share('title', Text, { personal: true }),
    status: share('status', CaseStatus),
    forum: share('forum', Forum.nullable()),
    country: share('country', Text.nullable()),
    jurisdiction: share('jurisdiction', Text.nullable()),
    stage: share('stage', Stage.nullable()),
    // a handling instruction, not content: it travels with every case so that the recipient
    // takes the care the sender asks for (without it the recipient has to assume 'extreme')
    sensitivity: structural(Sensitivity),
    summary: share('summary', Text, { personal: true }),
    strategy: share('strategy', Text, { personal: true }),
    project: share('project', Text.nullable()),
    opened_on: share('opened-on', Text),
    closed_on: share('closed-on', Text.nullable()),
    closure_reason: share('closure-reason', Text.nullable(), { personal: true }),
    enquiry_id: neverShared('links to an enquiry of this vault', Text.nullable()),
    next_deadline_on: neverShared('computed here from the deadlines (triggers)', Text.nullable()),
    created_at: share('recorded-at', Text),
    updated_at: share('recorded-at', Text),
    version: structural(Int),
    origin_vault: structural(Text),
    donor_code: neverShared(
      "this organisation's own funding code; the bundle format has no place for it",
      Text.nullable(),
    ),
  },
  {
    extras: {
      tags: extra({ shareable: 'tags' }),
      team: extra({ shareable: 'team' }, { personal: true }),
    },
    // the profile field is kept for stored profiles; the sensitivity always travels (see above)
    derivedFields: ['sensitivity'],
  },
);
export type CaseRow = ReturnType<typeof CASES.parse>;
