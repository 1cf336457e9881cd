/** The notes table. */
import { Int, Text, describeTable, neverShared, share, structural } from './table.js';

export const NOTES = describeTable('notes', {
  seq: neverShared('the local row number behind the search index', Int),
  id: structural(Text),
  case_id: structural(Text),
  body: share('body', Text, { personal: true }),
  author: share('author', Text, { personal: true }),
  created_at: share('recorded-at', Text),
  updated_at: share('recorded-at', Text),
  version: structural(Int),
  origin_vault: structural(Text),
});
export type NoteRow = ReturnType<typeof NOTES.parse>;
