/** Full-text search: the schemas of the search service and its IPC calls. */
import { z } from 'zod';
import { Id, text } from './common.js';

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
