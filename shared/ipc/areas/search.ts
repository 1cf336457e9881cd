/** Global search over notes, cases and evidence, with snippets whose matches the UI highlights. */
import { SearchQuery, SearchResult } from '../../domain/search.js';
import { engineCall } from '../kit.js';

export const searchArea = {
  query: engineCall(SearchQuery, SearchResult),
} as const;
