/** people.* — the person service (engine/people) behind the contract's people area. */
import {
  createPerson,
  findPossibleDuplicatesOfName,
  getPerson,
  linkPerson,
  listPeople,
  unlinkPerson,
  updatePerson,
} from '../../people/person-service.js';
import { listCasesOfPerson, listSafetyNotesOfCases } from '../../people/person-queries.js';
import { erasePerson } from '../../erasure/erasure-service.js';
import type { EngineImplementation } from '../dispatch.js';

export const peopleHandlers: EngineImplementation['people'] = {
  list: (query, { session }) => listPeople(session.ctx, query),
  get: ({ id }, { session }) => getPerson(session.ctx, id),
  create: (input, { session }) => createPerson(session.ctx, input),
  update: (input, { session }) => updatePerson(session.ctx, input),
  link: (input, { session }) => linkPerson(session.ctx, input),
  unlink: (input, { session }) => unlinkPerson(session.ctx, input),
  possibleDuplicates: (input, { session }) => findPossibleDuplicatesOfName(session.ctx, input),
  cases: (query, { session }) => listCasesOfPerson(session.ctx, query),
  safetyNotes: (query, { session }) => listSafetyNotesOfCases(session.ctx, query),
  erase: (input, { session }) => erasePerson(session.ctx, input),
};
