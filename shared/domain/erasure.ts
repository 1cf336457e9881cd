/**
 * Erasure and retention (docs/erasure.md): crypto-erasing an evidence item, erasing a person,
 * purging a case, and the retention period after which closed cases come up for review.
 *
 * The engine (src-main/engine/erasure/) decides what goes and what the content-free tombstone
 * keeps; these are its inputs and answers. This file imports zod and shared/ only.
 */
import { z } from 'zod';
import { Id, text } from './common.js';

/** Why the record is erased: required, kept as a hash (person, case) or in the custody record (evidence). */
export const ErasureReason = text(500, 1);

export const EraseEvidenceInput = z.strictObject({ id: Id, reason: ErasureReason });
export type EraseEvidenceInput = z.input<typeof EraseEvidenceInput>;

/**
 * `withoutRecall`: erase although a partner received the person's data and no recall notice was
 * sent to it. Once the consent rows are gone a recall notice can no longer be written, so the
 * engine refuses (ERASURE_RECALL_PENDING) unless this says the user knows.
 */
export const ErasePersonInput = z.strictObject({
  id: Id,
  reason: ErasureReason,
  withoutRecall: z.boolean().optional(),
});
export type ErasePersonInput = z.input<typeof ErasePersonInput>;

export const PurgeCaseInput = z.strictObject({
  id: Id,
  reason: ErasureReason,
  withoutRecall: z.boolean().optional(),
});
export type PurgeCaseInput = z.input<typeof PurgeCaseInput>;

/** A partner that received records of an erased person (bundles sent), and whether a recall notice went to it. */
export const ErasurePartner = z.strictObject({
  partnerId: z.string(),
  name: z.string(),
  bundles: z.array(z.string()),
  recallSent: z.boolean(),
});
export type ErasurePartner = z.infer<typeof ErasurePartner>;

export const EvidenceErasure = z.strictObject({
  evidenceId: z.string(),
  caseId: z.string(),
  sha256: z.string(),
  erasedAt: z.string(),
  /** the item and every working copy derived from it, copies first */
  erased: z.array(z.string()),
  /** encrypted files whose key was destroyed and file removed */
  filesErased: z.number().int(),
  /** files kept because another record holds the same bytes (one file serves identical items) */
  filesKept: z.number().int(),
  /** the hash of the closing 'erased' custody event (the tombstone's) */
  custodyHash: z.string(),
});
export type EvidenceErasure = z.infer<typeof EvidenceErasure>;

export const PersonErasure = z.strictObject({
  personId: z.string(),
  erasedAt: z.string(),
  /** consent rows removed (their content-free facts stay in the tombstone) */
  consents: z.number().int(),
  /** roles in cases removed */
  roles: z.number().int(),
  /** enquiries where a name of the person was replaced by "[erased]" */
  enquiries: z.number().int(),
  /** partners that received the person: send them recall notices (or they were sent) */
  partners: z.array(ErasurePartner),
});
export type PersonErasure = z.infer<typeof PersonErasure>;

export const CasePurgeCounts = z.strictObject({
  notes: z.number().int(),
  deadlines: z.number().int(),
  outcomes: z.number().int(),
  indicators: z.number().int(),
  evidence: z.number().int(),
  filesErased: z.number().int(),
  consents: z.number().int(),
  enquiries: z.number().int(),
  risks: z.number().int(),
  proposals: z.number().int(),
});
export type CasePurgeCounts = z.infer<typeof CasePurgeCounts>;

export const CasePurge = z.strictObject({
  caseId: z.string(),
  /** the reference, kept in the tombstone when this vault numbered it (CV-YYYY-NNNNNN); null otherwise */
  reference: z.string().nullable(),
  erasedAt: z.string(),
  counts: CasePurgeCounts,
  /** people who were in this case only: erased with it */
  peopleErased: z.array(z.string()),
  /** people also in other cases: kept, with their role in this case removed */
  peopleKept: z.array(z.string()),
  partners: z.array(ErasurePartner),
});
export type CasePurge = z.infer<typeof CasePurge>;

export const RetentionPolicy = z.strictObject({
  /** years after closure before a closed case comes up for review; null: not set */
  retentionYears: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicy>;

export const SetRetentionInput = z.strictObject({
  retentionYears: z.number().int().min(1).max(100).nullable(),
});
export type SetRetentionInput = z.input<typeof SetRetentionInput>;

export const RetentionReviewCase = z.strictObject({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  closedOn: z.string(),
  /** whole years since it was closed */
  yearsClosed: z.number().int(),
});
export type RetentionReviewCase = z.infer<typeof RetentionReviewCase>;

export const RetentionReview = z.strictObject({
  retentionYears: z.number().int().nullable(),
  /** cases closed on or before this day are listed; null when no retention period is set */
  closedOnOrBefore: z.string().nullable(),
  cases: z.array(RetentionReviewCase),
});
export type RetentionReview = z.infer<typeof RetentionReview>;
