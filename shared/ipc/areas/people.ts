/** People and their roles in cases. */
import { z } from 'zod';
import { Id } from '../../domain/common.js';
import { ConflictMatch } from '../../domain/enquiries.js';
import {
  CreatePersonInput,
  LinkPersonInput,
  ListPeopleQuery,
  Person,
  PersonList,
  PossibleDuplicatesInput,
  UpdatePersonInput,
} from '../../domain/people.js';
import { PersonCase, PersonCasesQuery, PersonSafetyNote, SafetyNotesQuery } from '../../domain/person-queries.js';
import { ErasePersonInput, PersonErasure } from '../../domain/erasure.js';
import { engineCall } from '../kit.js';

export const peopleArea = {
  /** by name, case or role; contact and safety notes stay on the detail (`get`) */
  list: engineCall(ListPeopleQuery, PersonList),
  get: engineCall(z.strictObject({ id: Id }), Person),
  create: engineCall(CreatePersonInput, Person),
  update: engineCall(UpdatePersonInput, Person),
  /** give the person a role in a case */
  link: engineCall(LinkPersonInput, Person),
  /** take that role away again (NOT_FOUND if they do not hold it) */
  unlink: engineCall(LinkPersonInput, Person),
  /**
   * before adding a person: the people already in the vault whose name or alias matches the name
   * or an alias given (the conflict check's matching, docs/names.md), one match per person, best
   * first. Nothing is written but the name index keys the check may still need to compute.
   */
  possibleDuplicates: engineCall(PossibleDuplicatesInput, z.array(ConflictMatch)),
  /** the cases a person is in, with each case's title and status and their roles there */
  cases: engineCall(PersonCasesQuery, z.array(PersonCase)),
  /** the people of these cases who have safety notes, with the notes (NOT_FOUND for an unknown case) */
  safetyNotes: engineCall(SafetyNotesQuery, z.array(PersonSafetyNote)),
  /** erase every personal field, name, role and consent of the person (docs/erasure.md) */
  erase: engineCall(ErasePersonInput, PersonErasure),
} as const;
