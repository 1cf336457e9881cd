/**
 * Recall notices (docs/bundle-format.md, "Recall notices"): after a consent is withdrawn here,
 * a signed notice tells each partner that received the person's data in a bundle to restrict
 * or erase it; the partner answers with a signed recall receipt.
 *
 * As in bundles.ts, two kinds of schema:
 * - WIRE schemas (RecallNotice, RecallReceipt, RecallReceiptFile) parse what comes from another
 *   machine: strict (an unknown key is refused), bounded, exact about formats.
 * - INPUT and OUTPUT schemas for the engine's answers (CLI and IPC).
 *
 * This file imports zod and shared/ only.
 */
import { z } from 'zod';
import { Id } from './common.js';
import { FormatMinor, ManifestRecipient, UnknownField } from './bundles.js';
import { ContactCard } from './identity.js';

export const RECALL_FORMAT = 'case-vault/recall-notice';
export const RECALL_FORMAT_VERSION = 1;
/** The minors this version reads and writes (a writer omits `formatMinor` when it is 0). */
export const RECALL_FORMAT_MINOR = 0;
export const RECALL_RECEIPT_FORMAT = 'case-vault/recall-receipt';
export const RECALL_RECEIPT_FORMAT_VERSION = 1;
export const RECALL_RECEIPT_FORMAT_MINOR = 0;

/** The file name suffix of a notice. */
export const RECALL_EXTENSION = '.cvrecall';

/** The two entries of a notice's archive, in this order, and nothing else. */
export const NOTICE_ENTRY = 'notice.json';
export const NOTICE_SIG_ENTRY = 'notice.sig';

/** Caps (docs/bundle-format.md, "Recall notices"). */
export const RECALL_LIMITS = {
  noticeBytes: 1024 * 1024,
  bundles: 10_000,
  records: 10_000,
  recipients: 64,
  reasonChars: 500,
  receiptBytes: 64 * 1024,
  /** when a notice has an expiry: at most this many days after it was made */
  expiryDays: 3650,
} as const;

export const RECALL_ACTIONS = ['restrict', 'erase'] as const;
export const RecallAction = z.enum(RECALL_ACTIONS);
export type RecallAction = z.infer<typeof RecallAction>;

/** The kinds of record a notice names: the person's own record and their consents (roles travel inside the person record). */
export const RECALL_RECORD_KINDS = ['people', 'consents'] as const;
export const RecallRecordKind = z.enum(RECALL_RECORD_KINDS);
export type RecallRecordKind = z.infer<typeof RecallRecordKind>;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lowercase hex');
const InstantMs = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'must be a UTC time as YYYY-MM-DDTHH:MM:SS.sssZ')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s, 'is not a real time');
const UuidV7 = Id.refine((s) => s[14] === '7', 'must be a UUIDv7');

export const RecallRecordRef = z.strictObject({ kind: RecallRecordKind, id: Id });
export type RecallRecordRef = z.infer<typeof RecallRecordRef>;

/** notice.json (docs/bundle-format.md, "Recall notices"). */
export const RecallNotice = z
  .strictObject({
    format: z.literal(RECALL_FORMAT),
    formatVersion: z.literal(RECALL_FORMAT_VERSION),
    formatMinor: FormatMinor,
    noticeId: UuidV7,
    createdAt: InstantMs,
    expiresAt: InstantMs.optional(),
    sender: ContactCard,
    recipients: z.array(ManifestRecipient).min(1).max(RECALL_LIMITS.recipients),
    action: RecallAction,
    personId: Id,
    consentId: Id,
    bundles: z.array(UuidV7).min(1).max(RECALL_LIMITS.bundles),
    records: z.array(RecallRecordRef).min(1).max(RECALL_LIMITS.records),
    reason: z.string().min(1).max(RECALL_LIMITS.reasonChars).optional(),
  })
  .superRefine((n, ctx) => {
    if (n.expiresAt !== undefined && Date.parse(n.expiresAt) <= Date.parse(n.createdAt))
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'must come after createdAt' });
    if (
      n.expiresAt !== undefined &&
      Date.parse(n.expiresAt) - Date.parse(n.createdAt) > RECALL_LIMITS.expiryDays * 86_400_000
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiresAt'],
        message: `must be at most ${RECALL_LIMITS.expiryDays} days after createdAt`,
      });
    }
    if (new Set(n.recipients.map((r) => r.publicKey)).size !== n.recipients.length)
      ctx.addIssue({ code: 'custom', path: ['recipients'], message: 'must not name a key twice' });
    if (new Set(n.bundles).size !== n.bundles.length)
      ctx.addIssue({ code: 'custom', path: ['bundles'], message: 'must not name a bundle twice' });
    if (new Set(n.records.map((r) => `${r.kind}/${r.id}`)).size !== n.records.length)
      ctx.addIssue({ code: 'custom', path: ['records'], message: 'must not name a record twice' });
    n.records.forEach((r, i) => {
      if (r.kind === 'people' && r.id !== n.personId)
        ctx.addIssue({
          code: 'custom',
          path: ['records', i, 'id'],
          message: 'a people record must be the person the notice is about (personId)',
        });
    });
  });
export type RecallNotice = z.infer<typeof RecallNotice>;

/** What happened to the listed records at the recipient. */
export const RecallCounts = z.strictObject({
  /** records of the signer's origin now restricted (or already restricted) */
  restricted: z.number().int().min(0),
  /** records of the signer's origin deleted (the person row and their consents) */
  erased: z.number().int().min(0),
  /** listed records the recipient does not hold */
  absent: z.number().int().min(0),
  /** listed records the recipient holds but that the signer did not originate (never touched) */
  ignored: z.number().int().min(0),
});
export type RecallCounts = z.infer<typeof RecallCounts>;

/** What the recipient signs (domain 'recallReceipt', over canonicalJson(receipt)). */
export const RecallReceipt = z.strictObject({
  format: z.literal(RECALL_RECEIPT_FORMAT),
  formatVersion: z.literal(RECALL_RECEIPT_FORMAT_VERSION),
  formatMinor: FormatMinor,
  noticeId: UuidV7,
  noticeSha256: Sha256Hex,
  action: RecallAction,
  result: z.literal('applied'),
  receivedAt: InstantMs,
  recipient: ContactCard,
  counts: RecallCounts,
});
export type RecallReceipt = z.infer<typeof RecallReceipt>;

export const RecallReceiptFile = z.strictObject({
  receipt: RecallReceipt,
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'must be a base64 64-byte signature'),
});
export type RecallReceiptFile = z.infer<typeof RecallReceiptFile>;

// ---------------------------------------------------------------------------------------------
// Inputs

const PathText = z
  .string()
  .min(1, 'must not be empty')
  .max(4096, 'must be at most 4096 characters')
  .refine((s) => !s.includes('\0'), 'must not contain a NUL character');

const RecallFields = {
  /** a version id (or the series id) of a consent whose series is withdrawn */
  consentId: Id,
  action: RecallAction.default('restrict'),
  reason: z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(RECALL_LIMITS.reasonChars, `must be at most ${RECALL_LIMITS.reasonChars} characters`),
    )
    .optional(),
};

/** Which partners received the person (the app's prompt); changes nothing. */
export const PlanRecallInput = z.strictObject({ consentId: Id });
export type PlanRecallInput = z.input<typeof PlanRecallInput>;

/** One notice per partner into a folder (CLI). */
export const WriteRecallsInput = z.strictObject({ ...RecallFields, outDir: PathText });
export type WriteRecallsInput = z.input<typeof WriteRecallsInput>;

/** One notice for one partner, to a file the user chose (the app: one save dialog per partner). */
export const WriteRecallInput = z.strictObject({ ...RecallFields, partnerId: Id, out: PathText });
export type WriteRecallInput = z.input<typeof WriteRecallInput>;

export const RECALL_DIRECTIONS = ['sent', 'received'] as const;
export const RecallDirection = z.enum(RECALL_DIRECTIONS);
export const RECALL_STATUSES = ['sent', 'delivered', 'applied'] as const;
export const RecallStatus = z.enum(RECALL_STATUSES);
export type RecallStatus = z.infer<typeof RecallStatus>;

export const ListRecallsQuery = z.strictObject({ direction: RecallDirection.optional() });
export type ListRecallsQuery = z.input<typeof ListRecallsQuery>;

// ---------------------------------------------------------------------------------------------
// Outputs

export const RecallPlan = z.strictObject({
  consentId: z.string(),
  personId: z.string(),
  /** whether the consent's series is withdrawn (a recall needs that) */
  withdrawn: z.boolean(),
  partners: z.array(
    z.strictObject({
      partnerId: z.string(),
      name: z.string(),
      bundles: z.array(z.string()),
      records: z.array(z.strictObject({ kind: RecallRecordKind, id: z.string() })),
      /** a notice can be written only to a partner with a verified key */
      verifiedKeys: z.number().int(),
      /** recalls already sent to this partner for this person */
      sentBefore: z.number().int(),
    }),
  ),
});
export type RecallPlan = z.infer<typeof RecallPlan>;

export const RecallWritten = z.strictObject({
  noticeId: z.string(),
  partnerId: z.string(),
  file: z.string(),
  action: RecallAction,
  bundles: z.number().int(),
  records: z.number().int(),
});
export type RecallWritten = z.infer<typeof RecallWritten>;

export const RecallIgnored = z.strictObject({
  kind: RecallRecordKind,
  id: z.string(),
  reason: z.enum(['other-origin', 'not-this-person', 'kept-for-records-here']),
});
export type RecallIgnored = z.infer<typeof RecallIgnored>;

export const RecallImportResult = z.strictObject({
  noticeId: z.string(),
  /** already-applied: the same notice came before; nothing changed */
  result: z.enum(['applied', 'already-applied']),
  action: RecallAction,
  fromVault: z.string(),
  partner: z.strictObject({ id: z.string(), name: z.string() }),
  personId: z.string(),
  counts: RecallCounts,
  /** listed records left as they are, and why */
  ignored: z.array(RecallIgnored),
  receipt: RecallReceiptFile,
  /** a notice of a newer minor: the members this version does not know */
  unknownFields: z.array(UnknownField).optional(),
});
export type RecallImportResult = z.infer<typeof RecallImportResult>;

export const RecallLedgerEntry = z.strictObject({
  id: z.string(),
  direction: RecallDirection,
  partnerId: z.string().nullable(),
  senderVault: z.string(),
  action: RecallAction,
  personId: z.string(),
  consentId: z.string(),
  bundles: z.number().int(),
  records: z.number().int(),
  status: RecallStatus,
  createdAt: z.string(),
  recordedAt: z.string(),
  updatedAt: z.string(),
  /** received: what applying it did; sent: what the partner's receipt reports (null before) */
  counts: RecallCounts.nullable(),
});
export type RecallLedgerEntry = z.infer<typeof RecallLedgerEntry>;

export const RecallReceiptImport = z.strictObject({
  noticeId: z.string(),
  status: RecallStatus,
  changed: z.boolean(),
  counts: RecallCounts,
  /** a receipt of a newer minor: the members this version does not know */
  unknownFields: z.array(UnknownField).optional(),
});
export type RecallReceiptImport = z.infer<typeof RecallReceiptImport>;
