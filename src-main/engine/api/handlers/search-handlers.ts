/** search.* — global search (engine/search) behind the contract's search area. */
import { search } from '../../search/search-service.js';
import type { EngineImplementation } from '../dispatch.js';

export const searchHandlers: EngineImplementation['search'] = {
  query: (input, { session }) => search(session.ctx, input),
};
