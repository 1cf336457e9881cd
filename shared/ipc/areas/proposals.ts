/**
 * Proposals: a partner's note, deadline, outcome or evidence item on a case the partner did not
 * create waits here for a person's decision (docs/bundle-format.md, "Authority"). Accepting
 * writes it into the case, attributed to the partner; rejecting drops its content and erases a
 * file it brought. The import inbox shows them.
 */
import { z } from 'zod';
import { Id } from '../../domain/common.js';
import { DecideProposalInput, ListProposalsQuery, ProposedAddition } from '../../domain/bundles.js';
import { engineCall } from '../kit.js';

export const proposalsArea = {
  /** proposals, newest first (default: those waiting for a decision) */
  list: engineCall(ListProposalsQuery, z.array(ProposedAddition)),
  /** one proposal */
  get: engineCall(z.strictObject({ id: Id }), ProposedAddition),
  /** the addition enters its case as a record of the partner's origin */
  accept: engineCall(DecideProposalInput, ProposedAddition),
  /** the addition is refused: its content is dropped, a file it brought is erased */
  reject: engineCall(DecideProposalInput, ProposedAddition),
} as const;
