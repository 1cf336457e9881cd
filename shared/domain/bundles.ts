/**
 * Signed case bundles (docs/bundle-format.md): the manifest, the records inside a bundle, the
 * receipt, and what the engine answers (plan, verification, import result, ledger, conflicts).
 *
 * Two kinds of schema live here:
 * - WIRE schemas (Manifest, BUNDLE_RECORD_SCHEMAS, Receipt) parse what comes from another
 *   machine. They are strict (an unknown key is refused), bounded (every string and array has a
 *   maximum) and exact about formats (ids, days, instants, hashes). A received record keeps its
 *   structural keys (id, version, origin and the ids that link it); every other key is optional,
 *   because the sender's sharing profile may have removed it.
 * - OUTPUT schemas (BundlePlan, BundleVerification, ImportResult, BundleLedgerEntry, …) describe
 *   the engine's answers; the IPC layer can reuse them as strict output schemas.
 *
 * This file imports zod and shared/ only.
 */
import { z } from 'zod';
import { CaseStatus, Forum, Sensitivity, Stage } from './cases.js';
import { Day, Id } from './common.js';
import { ConsentMethod, ConsentPurpose, ConsentState, RecipientClass, ToldElement } from './consents.js';
import { DeadlineKind, DeadlineStatus } from './deadlines.js';
import { EvidenceType } from './evidence.js';
import { ContactCard } from './identity.js';
import { OutcomeCategory, OutcomeKind } from './outcomes.js';
import { SHARING_KINDS, SharingKind, SharingProfileSchema } from './partners.js';
import { Gender, ROLES, Vulnerability } from './people.js';
import { PartnerClearance } from './policy.js';

export const BUNDLE_FORMAT = 'case-vault/bundle';
export const BUNDLE_FORMAT_VERSION = 1;
/** The minor this version reads and writes; a writer omits `formatMinor` when it is 0. */
export const BUNDLE_FORMAT_MINOR = 0;
export const RECEIPT_FORMAT = 'case-vault/bundle-receipt';
export const RECEIPT_FORMAT_VERSION = 1;
export const RECEIPT_FORMAT_MINOR = 0;

/** The file name suffix the app proposes. */
export const BUNDLE_EXTENSION = '.cvbundle';

export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'manifest.sig';
export const SIGNATURE_BYTES = 64;

/** Caps (docs/bundle-format.md, "Limits"). */
export const BUNDLE_LIMITS = {
  manifestBytes: 1024 * 1024,
  recordBytes: 1024 * 1024,
  /** all record entries together: they are held in memory until the import commits */
  recordsTotalBytes: 256 * 1024 * 1024,
  /** the largest size a 12-digit octal ustar size field holds: 64 GiB − 1 */
  fileBytes: 8 ** 12 - 1,
  entries: 100_000,
  purposeChars: 500,
  recipients: 64,
  receiptBytes: 64 * 1024,
} as const;

export const DEFAULT_EXPIRY_DAYS = 30;

/** `records/<kind>/<uuid>.json` and `files/<sha256>`: the only entry names a bundle may have. */
export const RECORD_ENTRY_RE =
  /^records\/(cases|people|consents|evidence|notes|deadlines|outcomes)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;
export const FILE_ENTRY_RE = /^files\/([0-9a-f]{64})$/;

export function recordEntryName(kind: SharingKind, id: string): string {
  return `records/${kind}/${id}.json`;
}

export function fileEntryName(sha256: string): string {
  return `files/${sha256}`;
}

export type EntryName = { type: 'record'; kind: SharingKind; id: string } | { type: 'file'; sha256: string };

/** What an entry name stands for, or null when it is not of one of the two exact forms. */
export function parseEntryName(name: string): EntryName | null {
  const r = RECORD_ENTRY_RE.exec(name);
  if (r) return { type: 'record', kind: r[1] as SharingKind, id: r[2]! };
  const f = FILE_ENTRY_RE.exec(name);
  if (f) return { type: 'file', sha256: f[1]! };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Wire formats

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lowercase hex');
const InstantMs = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'must be a UTC time as YYYY-MM-DDTHH:MM:SS.sssZ')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s, 'is not a real time');
const UuidV7 = Id.refine((s) => s[14] === '7', 'must be a UUIDv7');
/** base64 of a 33-byte libsignal public key: 44 characters, no padding (33 is a multiple of 3) */
export const PublicKeyB64 = z.string().regex(/^[A-Za-z0-9+/]{44}$/, 'must be a base64 33-byte public key');
const DayOrInstantWire = z.union([Day, InstantMs]);
/**
 * `formatMinor` of a wire document (docs/bundle-format.md, "Format versions and change policy"):
 * absent means 0, and is how 0 is written, so that readers from before minors existed read it.
 */
export const FormatMinor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional();

/** A member of a newer-minor document that this version does not know and left out: reported, never stored. */
export const UnknownField = z.strictObject({
  /** manifest, a record kind (cases, people, …), receipt, notice or recall-receipt */
  kind: z.string(),
  /** the member's path, array positions left out: `priority`, `entries[].note` */
  field: z.string(),
});
export type UnknownField = z.infer<typeof UnknownField>;

export const ManifestEntry = z.strictObject({
  /** checked against the two exact forms after the signature (BUNDLE_ENTRY_NAME) */
  name: z.string().min(1).max(100),
  /** checked against the caps after the signature (BUNDLE_ENTRY_TOO_LARGE) */
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  sha256: Sha256Hex,
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export const ManifestRecipient = z.strictObject({ vaultId: Id, publicKey: PublicKeyB64 });
export type ManifestRecipient = z.infer<typeof ManifestRecipient>;

/** manifest.json (docs/bundle-format.md, "The manifest"). */
export const Manifest = z
  .strictObject({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
    formatMinor: FormatMinor,
    bundleId: UuidV7,
    createdAt: InstantMs,
    expiresAt: InstantMs,
    sender: ContactCard,
    recipients: z.array(ManifestRecipient).min(1).max(BUNDLE_LIMITS.recipients),
    purpose: z.string().min(1).max(BUNDLE_LIMITS.purposeChars),
    consents: z.array(Id).max(BUNDLE_LIMITS.entries),
    redactionProfile: SharingProfileSchema,
    entries: z.array(ManifestEntry).max(BUNDLE_LIMITS.entries),
  })
  .superRefine((m, ctx) => {
    if (Date.parse(m.expiresAt) <= Date.parse(m.createdAt))
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'must come after createdAt' });
    const keys = new Set(m.recipients.map((r) => r.publicKey));
    if (keys.size !== m.recipients.length)
      ctx.addIssue({ code: 'custom', path: ['recipients'], message: 'must not name a key twice' });
    const names = new Set(m.entries.map((e) => e.name));
    if (names.size !== m.entries.length)
      ctx.addIssue({ code: 'custom', path: ['entries'], message: 'must not name an entry twice' });
    if (new Set(m.consents).size !== m.consents.length)
      ctx.addIssue({ code: 'custom', path: ['consents'], message: 'must not name a consent twice' });
  });
export type Manifest = z.infer<typeof Manifest>;

// Records, as they travel. Bounds: text fields at most 20 000 characters (LongText), short
// ones 1 000; the record file itself at most BUNDLE_LIMITS.recordBytes.
const Short = z.string().max(1000);
const Long = z.string().max(20_000);
const Version = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const Country = z.string().regex(/^[A-Z]{2}$/);
const opt = <T extends z.ZodType>(s: T) => s.optional();
const optNull = <T extends z.ZodType>(s: T) => s.nullable().optional();

const Base = { id: Id, version: Version, originVault: Id, createdAt: opt(InstantMs), updatedAt: opt(InstantMs) };

export const CaseRecord = z.strictObject({
  ...Base,
  reference: opt(z.string().min(1).max(200)),
  title: opt(Short),
  status: opt(CaseStatus),
  forum: optNull(Forum),
  country: optNull(Country),
  jurisdiction: optNull(Short),
  stage: optNull(Stage),
  sensitivity: opt(Sensitivity),
  summary: opt(Long),
  strategy: opt(Long),
  project: optNull(Short),
  openedOn: opt(Day),
  closedOn: optNull(Day),
  closureReason: optNull(Long),
  tags: opt(z.array(z.string().min(1).max(60)).max(200)),
  team: opt(z.array(z.strictObject({ member: z.string().min(1).max(200), role: z.string().max(200) })).max(200)),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

export const PersonRecord = z.strictObject({
  ...Base,
  fullName: opt(z.string().min(1).max(1000)),
  aliases: opt(z.array(z.string().min(1).max(1000)).max(100)),
  pseudonym: optNull(z.string().max(1000)),
  gender: optNull(Gender),
  birthDate: optNull(Day),
  /** derived from the birth date when the profile shares the year only */
  birthYear: optNull(z.number().int().min(1000).max(9999)),
  country: optNull(Country),
  contact: opt(Long),
  safetyNotes: opt(Long),
  vulnerabilities: opt(z.array(Vulnerability).max(50)),
  notes: opt(Long),
  /** the person's roles in the cases of this bundle (never in other cases) */
  roles: opt(z.array(z.strictObject({ caseId: Id, role: z.enum(ROLES) })).max(1000)),
});
export type PersonRecord = z.infer<typeof PersonRecord>;

export const ConsentRecord = z.strictObject({
  ...Base,
  seriesId: Id,
  personId: Id,
  caseId: Id,
  purpose: opt(ConsentPurpose),
  /** a partner of the SENDER's vault: kept as information only (see docs/bundle-format.md) */
  recipientPartnerId: optNull(Id),
  recipientClass: optNull(RecipientClass),
  state: opt(ConsentState),
  told: opt(z.array(ToldElement).max(6)),
  method: opt(ConsentMethod),
  language: optNull(Short),
  witness: optNull(Short),
  givenAt: opt(DayOrInstantWire),
  expiresAt: optNull(DayOrInstantWire),
  refusalReason: optNull(Long),
  withdrawnAt: optNull(DayOrInstantWire),
  withdrawalReason: optNull(Long),
  notes: opt(Long),
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;

export const EvidenceRecord = z.strictObject({
  ...Base,
  caseId: Id,
  title: opt(Short),
  description: opt(Long),
  type: opt(EvidenceType),
  fileName: opt(z.string().min(1).max(1000)),
  mediaType: opt(z.string().min(1).max(255)),
  size: opt(z.number().int().min(0).max(BUNDLE_LIMITS.fileBytes)),
  sha256: opt(Sha256Hex),
  source: opt(Long),
  collector: opt(Short),
  method: opt(Long),
  collectedAt: optNull(DayOrInstantWire),
  place: opt(Short),
  receivedAt: opt(InstantMs),
  lastVerifiedAt: optNull(InstantMs),
  derivedFrom: optNull(Id),
  derivationReason: optNull(Long),
});
export type EvidenceRecord = z.infer<typeof EvidenceRecord>;

export const NoteRecord = z.strictObject({
  ...Base,
  caseId: Id,
  body: opt(z.string().max(100_000)),
  author: opt(Short),
});
export type NoteRecord = z.infer<typeof NoteRecord>;

export const DeadlineRecord = z.strictObject({
  ...Base,
  caseId: Id,
  kind: opt(DeadlineKind),
  title: opt(Short),
  dueOn: opt(Day),
  status: opt(DeadlineStatus),
  completedOn: optNull(Day),
  notes: opt(Long),
});
export type DeadlineRecord = z.infer<typeof DeadlineRecord>;

export const OutcomeRecord = z.strictObject({
  ...Base,
  caseId: Id,
  kind: opt(OutcomeKind),
  category: opt(OutcomeCategory),
  description: opt(Long),
  achievedOn: optNull(Day),
  currency: optNull(z.string().regex(/^[A-Z]{3}$/)),
  amountAwardedMinor: optNull(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)),
  amountPaidMinor: optNull(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)),
  amountAwarded: optNull(z.string().max(40)),
  amountPaid: optNull(z.string().max(40)),
});
export type OutcomeRecord = z.infer<typeof OutcomeRecord>;

/** The strict schema of each kind's record file. */
export const BUNDLE_RECORD_SCHEMAS = {
  cases: CaseRecord,
  people: PersonRecord,
  consents: ConsentRecord,
  evidence: EvidenceRecord,
  notes: NoteRecord,
  deadlines: DeadlineRecord,
  outcomes: OutcomeRecord,
} as const satisfies Record<SharingKind, z.ZodType>;

export interface BundleRecordOf {
  cases: CaseRecord;
  people: PersonRecord;
  consents: ConsentRecord;
  evidence: EvidenceRecord;
  notes: NoteRecord;
  deadlines: DeadlineRecord;
  outcomes: OutcomeRecord;
}

/** Counts per kind (every kind present, zero when none). */
export const KindCounts = z.strictObject(
  Object.fromEntries(SHARING_KINDS.map((k) => [k, z.number().int().min(0)])) as Record<SharingKind, z.ZodNumber>,
);
export type KindCounts = z.infer<typeof KindCounts>;

export function zeroCounts(): KindCounts {
  return Object.fromEntries(SHARING_KINDS.map((k) => [k, 0])) as KindCounts;
}

export const RECEIPT_RESULTS = ['imported', 'quarantined'] as const;
export const ReceiptResult = z.enum(RECEIPT_RESULTS);

/** What the recipient signs (domain 'receipt', over canonicalJson(receipt)). */
export const Receipt = z.strictObject({
  format: z.literal(RECEIPT_FORMAT),
  formatVersion: z.literal(RECEIPT_FORMAT_VERSION),
  formatMinor: FormatMinor,
  bundleId: UuidV7,
  manifestSha256: Sha256Hex,
  result: ReceiptResult,
  receivedAt: InstantMs,
  recipient: ContactCard,
  counts: z.strictObject({ records: KindCounts, files: z.number().int().min(0) }),
});
export type Receipt = z.infer<typeof Receipt>;

/** The receipt file: `{ receipt, signature }`, the signature base64 of 64 bytes. */
export const ReceiptFile = z.strictObject({
  receipt: Receipt,
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'must be a base64 64-byte signature'),
});
export type ReceiptFile = z.infer<typeof ReceiptFile>;

// ---------------------------------------------------------------------------------------------
// Inputs

export const MISSING_CONSENT_MODES = ['refuse', 'leave-out'] as const;
export const MissingConsentMode = z.enum(MISSING_CONSENT_MODES);
export type MissingConsentMode = z.infer<typeof MissingConsentMode>;

const PathText = z
  .string()
  .min(1, 'must not be empty')
  .max(4096, 'must be at most 4096 characters')
  .refine((s) => !s.includes('\0'), 'must not contain a NUL character');

const PlanFields = {
  partnerId: Id,
  caseIds: z.array(Id).min(1, 'choose at least one case').max(1000),
  /** which evidence FILES go in (metadata of every item of the cases goes in when the profile allows) */
  evidenceIds: z.array(Id).max(10_000).default([]),
  purpose: z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(BUNDLE_LIMITS.purposeChars, `must be at most ${BUNDLE_LIMITS.purposeChars} characters`),
    ),
  expiresInDays: z
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(3650, 'must be at most 3650 days')
    .default(DEFAULT_EXPIRY_DAYS),
  onMissingConsent: MissingConsentMode.default('refuse'),
  /**
   * sealed with a passphrase (one age scrypt stanza) instead of the partner's keys, for a
   * hand-over before their key is known: the partner's keys need not be verified; its partner
   * gate, sharing profile and the consent gate apply as for any bundle
   */
  byPassphrase: z.boolean().default(false),
};

/**
 * The passphrase of a passphrase bundle (docs/bundle-format.md, "Passphrase bundles"): it is
 * all that protects the bundle in transit, so at least 12 characters; its first line only.
 */
export const BundlePassphrase = z
  .string()
  .min(12, 'must be at least 12 characters: it is all that protects the bundle')
  .max(1024, 'must be at most 1024 characters')
  .refine((s) => !/[\r\n\0]/.test(s), 'must be one line');

export const PlanBundleInput = z.strictObject({ ...PlanFields, out: PathText.optional() });
export type PlanBundleInput = z.input<typeof PlanBundleInput>;

/** `passphrase` seals the bundle with it (and needs `byPassphrase`, which a passphrase implies) */
export const ExportBundleInput = z.strictObject({
  ...PlanFields,
  out: PathText,
  passphrase: BundlePassphrase.optional(),
});
export type ExportBundleInput = z.input<typeof ExportBundleInput>;

export const BUNDLE_DIRECTIONS = ['sent', 'received'] as const;
export const BundleDirection = z.enum(BUNDLE_DIRECTIONS);
export const BUNDLE_STATUSES = ['sent', 'delivered', 'quarantined', 'imported', 'discarded'] as const;
export const BundleStatus = z.enum(BUNDLE_STATUSES);
export type BundleStatus = z.infer<typeof BundleStatus>;

export const ListBundlesQuery = z.strictObject({
  direction: BundleDirection.optional(),
  status: BundleStatus.optional(),
});
export type ListBundlesQuery = z.input<typeof ListBundlesQuery>;

export const CONFLICT_RESOLUTIONS = ['kept-local', 'took-incoming'] as const;
export const ConflictResolution = z.enum(CONFLICT_RESOLUTIONS);
export const ResolveImportConflictInput = z.strictObject({ id: Id, resolution: ConflictResolution });
export type ResolveImportConflictInput = z.input<typeof ResolveImportConflictInput>;

// ---------------------------------------------------------------------------------------------
// Outputs

/** How the sender's key stands with this vault when a bundle arrives. */
export const SENDER_KEY_STATUSES = ['unknown', 'unverified', 'verified', 'replaced'] as const;
const KeyStatus = z.enum(SENDER_KEY_STATUSES);

export const BundleBlocker = z.strictObject({ code: z.string(), message: z.string() });

/**
 * Why records of the chosen cases stay out of a bundle (besides consent: `leftOut`):
 * - received: they came from another vault; received records are never forwarded;
 * - received-case: this vault's own people and consents in a case a partner sent us (only
 *   notes, deadlines, outcomes and evidence made here go back to the case's originator);
 * - not-in-profile: the partner's sharing profile does not let this kind through.
 */
export const WITHHELD_REASONS = ['received', 'received-case', 'not-in-profile'] as const;
export const WithheldReason = z.enum(WITHHELD_REASONS);
export type WithheldReason = z.infer<typeof WithheldReason>;

export const BundlePlan = z.strictObject({
  partner: z.strictObject({ id: z.string(), name: z.string() }),
  verifiedKeys: z.array(z.strictObject({ id: z.string(), vaultId: z.string(), publicKey: z.string() })),
  /** the chosen cases; `originatedHere` false: a case a partner sent us (only our additions to it go) */
  cases: z.array(z.strictObject({ id: z.string(), reference: z.string(), originatedHere: z.boolean() })),
  /** the organisation's partner gate for this partner (a refusal is also the blocker PARTNER_NOT_CLEARED) */
  clearance: PartnerClearance,
  /** records that will be written, per kind */
  included: KindCounts,
  /** records of the chosen cases that stay out, per kind and reason (counts only) */
  withheld: z.array(z.strictObject({ kind: SharingKind, reason: WithheldReason, count: z.number().int() })),
  /** people whose consent does not allow this share, and why (the gate's words) */
  leftOut: z.array(
    z.strictObject({
      personId: z.string(),
      pseudonym: z.string().nullable(),
      caseId: z.string(),
      reason: z.string(),
      message: z.string(),
    }),
  ),
  consentIds: z.array(z.string()),
  evidenceFiles: z.array(z.strictObject({ id: z.string(), size: z.number().int() })),
  /** the bundle's plaintext size (tar), before encryption */
  totalBytes: z.number().int(),
  blockers: z.array(BundleBlocker),
});
export type BundlePlan = z.infer<typeof BundlePlan>;

export const BundleExport = z.strictObject({
  bundleId: z.string(),
  path: z.string(),
  bytes: z.number().int(),
  manifestSha256: z.string(),
  entries: z.number().int(),
  included: KindCounts,
  files: z.number().int(),
  leftOut: BundlePlan.shape.leftOut,
  recipients: z.array(ManifestRecipient),
  /** encrypted with post-quantum (mlkem768x25519) stanzas: every recipient's card carries a post-quantum key */
  postQuantum: z.boolean(),
});
export type BundleExport = z.infer<typeof BundleExport>;

export const BundleVerification = z.strictObject({
  bundleId: z.string(),
  manifestSha256: z.string(),
  sender: z.strictObject({
    card: ContactCard,
    partner: z.strictObject({ id: z.string(), name: z.string() }).optional(),
    keyStatus: KeyStatus,
  }),
  purpose: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
  contents: KindCounts,
  files: z.number().int(),
  bytes: z.number().int(),
  consentIds: z.array(z.string()),
  alreadyImported: z.boolean(),
  /** a bundle of a newer minor: the members this version does not know (left out on import) */
  unknownFields: z.array(UnknownField).optional(),
});
export type BundleVerification = z.infer<typeof BundleVerification>;

export const ImportConflictItem = z.strictObject({
  id: z.string(),
  kind: SharingKind,
  recordId: z.string(),
  incomingVersion: z.number().int(),
  localVersion: z.number().int(),
});

export const ADDITION_KINDS = ['notes', 'deadlines', 'outcomes', 'evidence'] as const;
export const AdditionKind = z.enum(ADDITION_KINDS);
export type AdditionKind = z.infer<typeof AdditionKind>;

/** A partner's note, deadline, outcome or evidence item on a case it did not create, waiting for a person (import result). */
export const ProposedAdditionItem = z.strictObject({
  id: z.string(),
  kind: AdditionKind,
  recordId: z.string(),
  caseId: z.string(),
  version: z.number().int(),
});

export const ImportResult = z.strictObject({
  bundleId: z.string(),
  /** already-imported: the same bundle came before; nothing changed */
  result: z.enum(['imported', 'quarantined', 'already-imported']),
  counts: z.strictObject({
    created: KindCounts,
    updated: KindCounts,
    unchanged: KindCounts,
    skipped: KindCounts,
    conflicts: z.number().int(),
    files: z.number().int(),
    /** additions to cases the sender did not create: they wait in the inbox for a person's decision */
    proposed: z.number().int(),
  }),
  /** records not stored, with why (e.g. the case they belong to is not in the vault) */
  skipped: z.array(z.strictObject({ kind: SharingKind, id: z.string(), reason: z.string() })),
  conflicts: z.array(ImportConflictItem),
  proposed: z.array(ProposedAdditionItem),
  receipt: ReceiptFile,
  /** a bundle of a newer minor: the members this version does not know (left out) */
  unknownFields: z.array(UnknownField).optional(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const BundleLedgerEntry = z.strictObject({
  id: z.string(),
  direction: BundleDirection,
  partnerId: z.string().nullable(),
  senderVault: z.string(),
  senderKey: z.string(),
  manifestSha256: z.string(),
  purpose: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  status: BundleStatus,
  entries: z.number().int(),
  bytes: z.number().int(),
  recordedAt: z.string(),
  updatedAt: z.string(),
  hasReceipt: z.boolean(),
});
export type BundleLedgerEntry = z.infer<typeof BundleLedgerEntry>;

export const BundleDetail = BundleLedgerEntry.extend({
  manifest: z.unknown(),
  receipt: ReceiptFile.nullable(),
}).strict();
export type BundleDetail = z.infer<typeof BundleDetail>;

export const ImportConflict = z.strictObject({
  id: z.string(),
  kind: SharingKind,
  recordId: z.string(),
  bundleId: z.string(),
  incomingVersion: z.number().int(),
  localVersion: z.number().int(),
  detectedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: ConflictResolution.nullable(),
});
export type ImportConflict = z.infer<typeof ImportConflict>;

/** delivered after an 'imported' receipt; a 'quarantined' receipt is stored and the status stays 'sent' */
export const ReceiptImport = z.strictObject({
  bundleId: z.string(),
  status: BundleStatus,
  changed: z.boolean(),
  custodyEvents: z.number().int(),
  /** a receipt of a newer minor: the members this version does not know */
  unknownFields: z.array(UnknownField).optional(),
});
export type ReceiptImport = z.infer<typeof ReceiptImport>;

// ---------------------------------------------------------------------------------------------
// Proposed additions (docs/bundle-format.md, "Authority")

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected', 'superseded'] as const;
export const ProposalStatus = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

export const ListProposalsQuery = z.strictObject({ status: ProposalStatus.optional(), caseId: Id.optional() });
export type ListProposalsQuery = z.input<typeof ListProposalsQuery>;

export const DecideProposalInput = z.strictObject({
  id: Id,
  /** who decided (shown in the inbox and the audit log as given; default "Vault owner") */
  decidedBy: z.string().trim().min(1).max(200).optional(),
});
export type DecideProposalInput = z.input<typeof DecideProposalInput>;

/** What a proposal carries, in the words a person reads before deciding (absent: not shared or not of this kind). */
export const ProposalPreview = z.strictObject({
  title: z.string().nullable(),
  text: z.string().nullable(),
  /** the deadline's kind, the outcome's kind, the evidence type */
  subtype: z.string().nullable(),
  /** a deadline's due day, an outcome's day achieved, evidence collected at */
  day: z.string().nullable(),
  fileName: z.string().nullable(),
  size: z.number().int().nullable(),
  hasFile: z.boolean(),
  currency: z.string().nullable(),
  amountAwardedMinor: z.number().int().nullable(),
});
export type ProposalPreview = z.infer<typeof ProposalPreview>;

export const ProposedAddition = z.strictObject({
  id: z.string(),
  kind: AdditionKind,
  recordId: z.string(),
  version: z.number().int(),
  caseId: z.string(),
  caseReference: z.string(),
  caseTitle: z.string(),
  fromVault: z.string(),
  partner: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  bundleId: z.string(),
  status: ProposalStatus,
  receivedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  /** a later version of a record already accepted into the case */
  isUpdate: z.boolean(),
  preview: ProposalPreview.nullable(),
});
export type ProposedAddition = z.infer<typeof ProposedAddition>;
