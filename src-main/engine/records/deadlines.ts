/** The deadlines table. */
import { DeadlineKind, DeadlineStatus } from '../../../shared/domain/deadlines.js';
import { Int, Text, describeTable, share, structural } from './table.js';

export const DEADLINES = describeTable('deadlines', {
  id: structural(Text),
  case_id: structural(Text),
  kind: share('kind', DeadlineKind),
  title: share('title', Text),
  due_on: share('due-on', Text),
  notes: share('notes', Text, { personal: true }),
  status: share('status', DeadlineStatus),
  completed_on: share('completed-on', Text.nullable()),
  created_at: share('recorded-at', Text),
  updated_at: share('recorded-at', Text),
  version: structural(Int),
  origin_vault: structural(Text),
});
export type DeadlineRow = ReturnType<typeof DEADLINES.parse>;
