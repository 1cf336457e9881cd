/**
 * Evidence and its chain of custody: the schemas of engine/evidence and of its IPC calls.
 *
 * An evidence item is one file taken into the vault (its encrypted original lives in the
 * evidence store; the SHA-256 of the unaltered original is recorded at intake) plus what is
 * known of where it came from. Working copies (e.g. a redacted copy) are items of their own,
 * linked to the item they were made from. Every receipt, view, copy, export, share and
 * verification is an append-only, hash-chained custody event (docs/evidence.md).
 */
import { z } from 'zod';
import { DayOrInstant, Id, LongText, RecordMeta, ShortText, text } from './common.js';

/** medical-report: a medical or psychological report under the Istanbul Protocol. */
export const EVIDENCE_TYPES = [
  'testimony',
  'medical-report',
  'photo',
  'video',
  'audio',
  'document',
  'court-filing',
  'other',
] as const;
export const EvidenceType = z.enum(EVIDENCE_TYPES);
export type EvidenceType = z.infer<typeof EvidenceType>;

export const CUSTODY_ACTIONS = [
  'received',
  'viewed',
  'copied',
  'derived',
  'exported',
  'shared',
  'delivered',
  'verified',
  'verification-failed',
] as const;
export const CustodyAction = z.enum(CUSTODY_ACTIONS);
export type CustodyAction = z.infer<typeof CustodyAction>;

/** A path on this computer, as the user gave it (absolute, or relative to the working folder). */
export const FilePath = z
  .string()
  .min(1, 'must not be empty')
  .max(4096, 'must be at most 4096 characters')
  .refine((s) => !s.includes('\0'), 'must not contain a NUL character');

/** A media type such as `image/jpeg` or `text/plain; charset=utf-8`, stored in lower case. */
export const MediaType = z
  .string()
  .trim()
  .toLowerCase()
  .max(255, 'must be at most 255 characters')
  .regex(
    /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;\s*[a-z0-9!#$&^_.+-]+=[a-z0-9!#$&^_.+-]+)*$/,
    'must be a media type such as image/jpeg or application/pdf',
  );

const Provenance = text(500);

export const AddEvidenceInput = z.strictObject({
  caseId: Id,
  filePath: FilePath,
  type: EvidenceType.default('document'),
  /** default: the file's base name */
  title: ShortText.optional(),
  description: LongText.default(''),
  /** who or where it came from (a person, an organisation, a hospital, a court registry) */
  source: Provenance.default(''),
  /** who took it in */
  collector: Provenance.default(''),
  /** how it was obtained (interview recording, scan of the original, download, …) */
  method: Provenance.default(''),
  /** when it was collected: a day or a time with its zone; not in the future */
  collectedAt: DayOrInstant.optional(),
  place: Provenance.default(''),
  /** default: detected from the file's first bytes, then from its extension */
  mediaType: MediaType.optional(),
});
export type AddEvidenceInput = z.input<typeof AddEvidenceInput>;

/**
 * Intake from a stream rather than a file on disk (demo data, bundle import): the same fields,
 * with the file's name given instead of its path.
 */
export const AddEvidenceFromSourceInput = AddEvidenceInput.omit({ filePath: true }).extend({
  fileName: text(255, 1).pipe(
    z
      .string()
      .regex(/^[^/\\\0]+$/, 'must be a file name, without folders')
      .refine((s) => s !== '.' && s !== '..', 'must be a file name, without folders'),
  ),
});
export type AddEvidenceFromSourceInput = z.input<typeof AddEvidenceFromSourceInput>;

export const AddDerivedCopyInput = z.strictObject({
  /** the item the copy was made from (an original, or itself a copy) */
  originalId: Id,
  filePath: FilePath,
  /** why the copy was made, e.g. "names of witnesses redacted for the court filing" */
  reason: text(2000, 1),
  /** default: the file's base name */
  title: ShortText.optional(),
  description: LongText.default(''),
  mediaType: MediaType.optional(),
});
export type AddDerivedCopyInput = z.input<typeof AddDerivedCopyInput>;

export const ListEvidenceQuery = z.strictObject({
  caseId: Id,
  type: EvidenceType.optional(),
  /** false lists originals only (default: originals and their working copies) */
  includeCopies: z.boolean().default(true),
});
export type ListEvidenceQuery = z.input<typeof ListEvidenceQuery>;

export const READ_PURPOSES = ['view', 'copy'] as const;
export const ReadEvidenceOptions = z.strictObject({
  purpose: z.enum(READ_PURPOSES),
});
export type ReadEvidenceOptions = z.input<typeof ReadEvidenceOptions>;

export const ExportEvidenceInput = z.strictObject({
  id: Id,
  /** the decrypted copy's path, chosen by the user; must not exist yet */
  destPath: FilePath,
  /** why the item leaves the vault; recorded in its custody log */
  reason: text(2000, 1),
});
export type ExportEvidenceInput = z.input<typeof ExportEvidenceInput>;

export const CUSTODY_LOG_FORMATS = ['json', 'csv'] as const;
export const CustodyLogFormat = z.enum(CUSTODY_LOG_FORMATS);
export type CustodyLogFormat = z.infer<typeof CustodyLogFormat>;

export const Evidence = RecordMeta.extend({
  caseId: z.string(),
  type: EvidenceType,
  title: z.string(),
  description: z.string(),
  /** the base name of the file taken in */
  fileName: z.string(),
  mediaType: z.string(),
  /** bytes of the original */
  size: z.number().int(),
  /** SHA-256 (hex) of the unaltered original, computed while it was taken in */
  sha256: z.string(),
  source: z.string(),
  collector: z.string(),
  method: z.string(),
  /** a day (YYYY-MM-DD) or an instant */
  collectedAt: z.string().nullable(),
  place: z.string(),
  /** the item this one is a working copy of, and why it was made */
  derivedFrom: z.string().nullable(),
  derivationReason: z.string().nullable(),
  receivedAt: z.string(),
  lastVerifiedAt: z.string().nullable(),
  /** the encrypted file in the evidence store (for bundles) */
  blobId: z.string(),
}).strict();
export type Evidence = z.infer<typeof Evidence>;

export const CustodyEvent = z.strictObject({
  seq: z.number().int(),
  evidenceId: z.string(),
  at: z.string(),
  actor: z.string(),
  action: CustodyAction,
  /** ids, hashes, sizes, codes and short reasons (part of the legal record) */
  details: z.record(z.string(), z.json()),
  /** hex SHA-256 of the event before (for the first: of the item's genesis string) */
  prevHash: z.string(),
  hash: z.string(),
});
export type CustodyEvent = z.infer<typeof CustodyEvent>;

export const CustodyChainVerdict = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), events: z.number().int() }),
  z.strictObject({
    ok: z.literal(false),
    events: z.number().int(),
    brokenAt: z.number().int().nullable(),
    reason: z.string(),
  }),
]);
export type CustodyChainVerdict = z.infer<typeof CustodyChainVerdict>;

export const CustodyLog = z.strictObject({
  evidence: Evidence.pick({
    id: true,
    caseId: true,
    type: true,
    title: true,
    fileName: true,
    mediaType: true,
    size: true,
    sha256: true,
    derivedFrom: true,
    receivedAt: true,
  }).strict(),
  events: z.array(CustodyEvent),
  chain: CustodyChainVerdict,
});
export type CustodyLog = z.infer<typeof CustodyLog>;

/** The answer of a successful verification (a failed one throws). */
export const EvidenceVerification = z.strictObject({
  id: z.string(),
  result: z.literal('match'),
  sha256: z.string(),
  size: z.number().int(),
  verifiedAt: z.string(),
});
export type EvidenceVerification = z.infer<typeof EvidenceVerification>;

/** Where an exported, decrypted copy was written, and what it holds. */
export const EvidenceExport = z.strictObject({
  id: z.string(),
  path: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  exportedAt: z.string(),
});
export type EvidenceExport = z.infer<typeof EvidenceExport>;

/** Where an exported custody log was written, and how big it is. */
export const CustodyLogExport = z.strictObject({
  path: z.string(),
  format: CustodyLogFormat,
  bytes: z.number().int(),
});
export type CustodyLogExport = z.infer<typeof CustodyLogExport>;

/** Which case's received descriptions to list (evidence.receivedDescriptions). */
export const ListReceivedDescriptionsQuery = z.strictObject({ caseId: Id });
export type ListReceivedDescriptionsQuery = z.input<typeof ListReceivedDescriptionsQuery>;

/**
 * An evidence item a partner described without sending its file (docs/bundle-format.md,
 * "Evidence without its file"): read-only, as received. Each field of the description is
 * present only when the sender's sharing profile let it through; an absent key means "not
 * shared", never a placeholder.
 */
export const ReceivedEvidenceDescription = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  /** the vault that created the item (and holds its file) */
  originVault: z.string(),
  /** the partner one of whose keys belongs to that vault, when there is one in this vault */
  originPartner: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  /** the sender's version of the description */
  version: z.number().int(),
  /** when this vault received the description (the import of the bundle that last wrote it) */
  receivedAt: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  type: EvidenceType.optional(),
  fileName: z.string().optional(),
  mediaType: z.string().optional(),
  size: z.number().int().optional(),
  sha256: z.string().optional(),
  source: z.string().optional(),
  collector: z.string().optional(),
  method: z.string().optional(),
  /** a day (YYYY-MM-DD) or an instant; null: the sender does not know it */
  collectedAt: z.string().nullable().optional(),
  place: z.string().optional(),
  /** when the sender took the item in (their record's `receivedAt`) */
  senderReceivedAt: z.string().optional(),
  lastVerifiedAt: z.string().nullable().optional(),
  /** the item (in the sender's vault) this one is a working copy of, and why it was made */
  derivedFrom: z.string().nullable().optional(),
  derivationReason: z.string().nullable().optional(),
  /** when the sender recorded and last changed it (profile field `recorded-at`) */
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type ReceivedEvidenceDescription = z.infer<typeof ReceivedEvidenceDescription>;
