/** The audit log: read it page by page, and verify its hash chain. */
import { z } from 'zod';
import { engineCall, NoInput } from '../kit.js';

export const AuditEntryOutput = z.strictObject({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.strictObject({ kind: z.string(), id: z.string() }).nullable(),
  /** ids, enum values and field names only (the engine never puts personal data here) */
  details: z.record(z.string(), z.json()),
  hash: z.string(),
});
export type AuditEntryOutput = z.infer<typeof AuditEntryOutput>;

export const AuditPage = z.strictObject({
  items: z.array(AuditEntryOutput),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type AuditPage = z.infer<typeof AuditPage>;

/** The signed checkpoints of the log (engine/identity/audit-checkpoints.ts). */
export const CheckpointReportOutput = z.strictObject({
  count: z.number().int(),
  lastSeq: z.number().int().nullable(),
  problems: z.array(
    z.strictObject({
      seq: z.number().int(),
      problem: z.enum(['foreign-key', 'bad-signature', 'missing-entry', 'hash-mismatch']),
      message: z.string(),
    }),
  ),
});

export const ChainVerdictOutput = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    entries: z.number().int(),
    headHash: z.string().nullable(),
    checkpoints: CheckpointReportOutput,
  }),
  z.strictObject({
    ok: z.literal(false),
    entries: z.number().int(),
    firstBrokenSeq: z.number().int(),
    reason: z.string(),
    checkpoints: CheckpointReportOutput,
  }),
]);
export type ChainVerdictOutput = z.infer<typeof ChainVerdictOutput>;

export const auditArea = {
  /** newest first */
  list: engineCall(
    z.strictObject({
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
      subject: z.strictObject({ kind: z.string().min(1).max(40), id: z.string().min(1).max(100) }).optional(),
    }),
    AuditPage,
  ),
  verify: engineCall(NoInput, ChainVerdictOutput, { progress: true }),
} as const;
