/** agenda.* — the agenda read (engine/agenda) behind the contract's agenda area. */
import { readAgenda } from '../../agenda/agenda-service.js';
import type { EngineImplementation } from '../dispatch.js';

export const agendaHandlers: EngineImplementation['agenda'] = {
  get: (query, { session }) => readAgenda(session.ctx, query),
};
