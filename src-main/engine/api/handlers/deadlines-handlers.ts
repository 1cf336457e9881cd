/** deadlines.* — the deadline service (engine/deadlines) behind the contract's deadlines area. */
import { addDeadline, completeDeadline, getDeadline, listDeadlines } from '../../deadlines/deadline-service.js';
import type { EngineImplementation } from '../dispatch.js';

export const deadlinesHandlers: EngineImplementation['deadlines'] = {
  list: (query, { session }) => listDeadlines(session.ctx, query),
  get: ({ id }, { session }) => getDeadline(session.ctx, id),
  add: (input, { session }) => addDeadline(session.ctx, input),
  complete: (input, { session }) => completeDeadline(session.ctx, input),
};
