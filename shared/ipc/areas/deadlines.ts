/** Deadlines: what is coming up, what has slipped, and marking one met, missed or cancelled. */
import { z } from 'zod';
import { Id } from '../../domain/common.js';
import {
  AddDeadlineInput,
  CompleteDeadlineInput,
  Deadline,
  DeadlineItem,
  ListDeadlinesQuery,
} from '../../domain/deadlines.js';
import { engineCall } from '../kit.js';

export const deadlinesArea = {
  /** soonest first, each with its case and the days until it is due */
  list: engineCall(ListDeadlinesQuery, z.array(DeadlineItem)),
  get: engineCall(z.strictObject({ id: Id }), Deadline),
  add: engineCall(AddDeadlineInput, Deadline),
  /** open → met | missed | cancelled, once (INVALID_TRANSITION after) */
  complete: engineCall(CompleteDeadlineInput, Deadline),
} as const;
