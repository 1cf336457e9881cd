/** Cases: the case list (filters, paging), a case, its creation, edits, status workflow and history. */
import { z } from 'zod';
import { Id, text } from '../../domain/common.js';
import {
  Case,
  CaseHistoryEntry,
  CaseList,
  CreateCaseInput,
  ListCasesQuery,
  TransitionCaseInput,
  UpdateCaseInput,
} from '../../domain/cases.js';
import { CasePurge, PurgeCaseInput, RetentionReview } from '../../domain/erasure.js';
import { engineCall, NoInput } from '../kit.js';

const ById = z.strictObject({ id: Id });

export const casesArea = {
  /** a page of case summaries, filtered and sorted (fast at 100 000 cases) */
  list: engineCall(ListCasesQuery, CaseList),
  get: engineCall(ById, Case),
  create: engineCall(CreateCaseInput, Case),
  /** fields only; the status changes through `transition` */
  update: engineCall(UpdateCaseInput, Case),
  /** along the status workflow; anything else is INVALID_TRANSITION */
  transition: engineCall(TransitionCaseInput, Case),
  /** transition to closed, with the reason */
  close: engineCall(z.strictObject({ id: Id, reason: text(2000, 1) }), Case),
  /** every version's changes, oldest first */
  history: engineCall(ById, z.array(CaseHistoryEntry)),
  /** purge the case and everything under it, leaving a content-free tombstone (docs/erasure.md) */
  purge: engineCall(PurgeCaseInput, CasePurge),
  /** closed cases past the retention period, for review (nothing is deleted) */
  retentionReview: engineCall(NoInput, RetentionReview),
} as const;
