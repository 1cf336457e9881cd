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
import type { JsonValue } from '../canonical-json.js';
import { DayOrInstant, Id, LongText, ShortText, text, type Instant, type RecordMeta } from './common.js';

/** medical-report: a medical or psychological report under the Istanbul Protocol. */
export const EVIDENCE_TYPES = ['testimony', 'medical-report', 'photo', 'video', 'audio', 'document', 'court-filing', 'other'] as const;
export const EvidenceType = z.enum(EVIDENCE_TYPES);
export type EvidenceType = z.infer<typeof EvidenceType>;

export const CUSTODY_ACTIONS = ['received', 'viewed', 'copied', 'derived', 'exported', 'shared', 'verified', 'verification-failed'] as const;
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
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;\s*[a-z0-9!#$&^_.+-]+=[a-z0-9!#$&^_.+-]+)*$/, 'must be a media type such as image/jpeg or application/pdf');

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

export interface Evidence extends RecordMeta {
  caseId: string;
  type: EvidenceType;
  title: string;
  description: string;
  /** the base name of the file taken in */
  fileName: string;
  mediaType: string;
  /** bytes of the original */
  size: number;
  /** SHA-256 (hex) of the unaltered original, computed while it was taken in */
  sha256: string;
  source: string;
  collector: string;
  method: string;
  /** a day (YYYY-MM-DD) or an instant */
  collectedAt: string | null;
  place: string;
  /** the item this one is a working copy of, and why it was made */
  derivedFrom: string | null;
  derivationReason: string | null;
  receivedAt: Instant;
  lastVerifiedAt: Instant | null;
  /** the encrypted file in the evidence store (for bundles) */
  blobId: string;
}

export interface CustodyEvent {
  seq: number;
  evidenceId: string;
  at: Instant;
  actor: string;
  action: CustodyAction;
  details: { [key: string]: JsonValue };
  /** hex SHA-256 of the event before (for the first: of the item's genesis string) */
  prevHash: string;
  hash: string;
}

export type CustodyChainVerdict = { ok: true; events: number } | { ok: false; events: number; brokenAt: number | null; reason: string };

export interface CustodyLog {
  evidence: Pick<Evidence, 'id' | 'caseId' | 'type' | 'title' | 'fileName' | 'mediaType' | 'size' | 'sha256' | 'derivedFrom' | 'receivedAt'>;
  events: CustodyEvent[];
  chain: CustodyChainVerdict;
}

/** The answer of a successful verification (a failed one throws). */
export interface EvidenceVerification {
  id: string;
  result: 'match';
  sha256: string;
  size: number;
  verifiedAt: Instant;
}

/** Where an exported, decrypted copy was written, and what it holds. */
export interface EvidenceExport {
  id: string;
  path: string;
  sha256: string;
  size: number;
  exportedAt: Instant;
}
