/** Notes and full-text search: the schemas of the note and search services and their IPC calls. */
import { z } from 'zod';
import { ExpectedVersion, Id, pageOf, RecordMeta, text } from './common.js';

// ---------------------------------------------------------------------------------------------
// Notes

/** A note's text: required, up to 20 000 characters (trimmed, NFC). */
export const NoteBody = text(20_000, 1);

export const AddNoteInput = z.strictObject({
  caseId: Id,
  body: NoteBody,
  /** who wrote it (free text, e.g. initials); empty when not given */
  author: text(200).optional(),
});
export type AddNoteInput = z.input<typeof AddNoteInput>;

export const ListNotesQuery = z.strictObject({
  caseId: Id,
  limit: z.number().int().min(1).max(1000).default(50),
  offset: z.number().int().min(0).default(0),
});
export type ListNotesQuery = z.input<typeof ListNotesQuery>;

export const UpdateNoteInput = z.strictObject({
  id: Id,
  body: NoteBody,
  /** the version the user edited: a stale edit is refused (CONFLICT) instead of lost */
  expectedVersion: ExpectedVersion,
});
export type UpdateNoteInput = z.input<typeof UpdateNoteInput>;

export const Note = RecordMeta.extend({
  caseId: z.string(),
  body: z.string(),
  author: z.string(),
}).strict();
export type Note = z.infer<typeof Note>;

/** Newest first. */
export const NoteList = pageOf(Note);
export type NoteList = z.infer<typeof NoteList>;

// ---------------------------------------------------------------------------------------------
// Search

export const SEARCH_KINDS = ['note', 'case', 'evidence', 'person'] as const;
export const SearchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof SearchKind>;

/** Results are paged up to this offset; past it, a narrower query is the answer. */
export const MAX_SEARCH_OFFSET = 1000;

export const SearchQuery = z.strictObject({
  /** words as typed: every word must occur; "a phrase" in double quotes; the last word also as a prefix */
  query: text(500, 1),
  /** which records to search; all kinds when absent */
  kinds: z.array(SearchKind).min(1).max(SEARCH_KINDS.length).optional(),
  /** only this case's records */
  caseId: Id.optional(),
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).max(MAX_SEARCH_OFFSET).default(0),
});
export type SearchQuery = z.input<typeof SearchQuery>;

/**
 * A piece of a snippet. The snippet is plain text cut into pieces; `match` marks the words the
 * query found, for the UI to highlight (as text nodes: never as HTML).
 */
export const SnippetSegment = z.strictObject({
  text: z.string(),
  match: z.boolean(),
});
export type SnippetSegment = z.infer<typeof SnippetSegment>;

export const SearchHit = z.strictObject({
  kind: SearchKind,
  /** the note's, the case's, the evidence item's or the person's id */
  id: z.string(),
  /** the record's case; for a person, the first case they were added to ('' when in none) */
  caseId: z.string(),
  caseReference: z.string(),
  caseTitle: z.string(),
  /** the case's title for a case, the item's title for evidence, the full name for a person; absent for a note */
  title: z.string().optional(),
  snippet: z.array(SnippetSegment),
  /** bm25 score, lower is better (FTS5's convention: negative numbers) */
  rank: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.strictObject({
  items: z.array(SearchHit),
  /** how many records match in all, when it could be counted cheaply (see docs/search.md) */
  total: z.number().int().optional(),
  /** whether a next page exists */
  hasMore: z.boolean(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type SearchResult = z.infer<typeof SearchResult>;
