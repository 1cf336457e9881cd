/**
 * Partners: organisations we work with (NGOs, national preventive mechanisms, national human
 * rights institutions, lawyers), their due diligence, their agreements, and the sharing
 * profile that says which kinds of records — and which fields of them — a partner may receive.
 *
 * `applySharingProfile` is the one place a record is cut down for a partner; the bundle export
 * calls it for every record it writes. It works on an allow-list: a field that no profile
 * names, or that a later version adds to a record, is never shared by accident.
 */
import { z } from 'zod';
import { CountryCode, Day, ExpectedVersion, Id, LongText, RecordMeta, ShortText, text } from './common.js';
import { MAX_CARD_BYTES } from './identity.js';

export const PARTNER_KINDS = ['ngo', 'npm', 'nhri', 'lawyer', 'other'] as const;
export const PartnerKind = z.enum(PARTNER_KINDS);
export type PartnerKind = z.infer<typeof PartnerKind>;

/** Due-diligence tiers by the amount involved: small ≤ £2,000, medium ≤ £10,000, large above. */
export const DD_TIERS = ['small', 'medium', 'large'] as const;
export const DdTier = z.enum(DD_TIERS);
export type DdTier = z.infer<typeof DdTier>;

export const DD_TIER_LIMITS_GBP = { small: 2_000, medium: 10_000 } as const;

/** The tier an amount (whole pounds) falls in. */
export function tierForAmount(amountGbp: number): DdTier {
  if (amountGbp <= DD_TIER_LIMITS_GBP.small) return 'small';
  if (amountGbp <= DD_TIER_LIMITS_GBP.medium) return 'medium';
  return 'large';
}

export const DD_OUTCOMES = ['pending', 'approved', 'approved-with-conditions', 'rejected'] as const;
export const DdOutcome = z.enum(DD_OUTCOMES);
export type DdOutcome = z.infer<typeof DdOutcome>;

export const AGREEMENT_KINDS = ['mou', 'confidentiality', 'data-sharing', 'other'] as const;
export const AgreementKind = z.enum(AGREEMENT_KINDS);
export type AgreementKind = z.infer<typeof AgreementKind>;

/**
 * not-signed: no signature date yet; expired: the day after `expiresOn` or later (an agreement
 * is in force through its expiry day); active: signed and not expired.
 */
export const AGREEMENT_STATES = ['active', 'expired', 'not-signed'] as const;
export const AgreementState = z.enum(AGREEMENT_STATES);
export type AgreementState = z.infer<typeof AgreementState>;

export function agreementState(
  a: { signedOn: string | null; expiresOn: string | null },
  today: string,
): AgreementState {
  if (a.signedOn === null) return 'not-signed';
  if (a.expiresOn !== null && a.expiresOn < today) return 'expired';
  return 'active';
}

/** Whole pounds (the command line turns typed digits into a number; anything else is refused here). */
const WholePounds = z
  .number({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a whole number of pounds, e.g. 5000') })
  .int('must be a whole number of pounds, e.g. 5000')
  .min(0, 'must not be negative')
  .max(1_000_000_000_000, 'is too large');

export const CreatePartnerInput = z.strictObject({
  name: ShortText,
  kind: PartnerKind,
  country: CountryCode.optional(),
  contact: text(2000).optional(),
  notes: LongText.default(''),
  /** derived from ddAmountGbp when that is given (a contradicting tier is refused); else small */
  ddTier: DdTier.optional(),
  ddAmountGbp: WholePounds.optional(),
  ddReviewOn: Day.optional(),
  ddOutcome: DdOutcome.default('pending'),
  ddNotes: LongText.default(''),
});
export type CreatePartnerInput = z.input<typeof CreatePartnerInput>;

export const UpdatePartnerInput = z.strictObject({
  id: Id,
  expectedVersion: ExpectedVersion,
  name: ShortText.optional(),
  kind: PartnerKind.optional(),
  country: CountryCode.nullable().optional(),
  contact: text(2000).nullable().optional(),
  notes: LongText.optional(),
  ddTier: DdTier.optional(),
  ddAmountGbp: WholePounds.nullable().optional(),
  ddReviewOn: Day.nullable().optional(),
  ddOutcome: DdOutcome.optional(),
  ddNotes: LongText.optional(),
});
export type UpdatePartnerInput = z.input<typeof UpdatePartnerInput>;

export const ListPartnersQuery = z.strictObject({
  kind: PartnerKind.optional(),
  country: CountryCode.optional(),
  tier: DdTier.optional(),
});
export type ListPartnersQuery = z.input<typeof ListPartnersQuery>;

export const AddAgreementInput = z.strictObject({
  partnerId: Id,
  kind: AgreementKind,
  /** absent: drafted, not signed yet; may not lie in the future */
  signedOn: Day.optional(),
  /** must come after signedOn */
  expiresOn: Day.optional(),
  notes: LongText.default(''),
});
export type AddAgreementInput = z.input<typeof AddAgreementInput>;

export const UpdateAgreementInput = z.strictObject({
  id: Id,
  expectedVersion: ExpectedVersion,
  kind: AgreementKind.optional(),
  signedOn: Day.nullable().optional(),
  expiresOn: Day.nullable().optional(),
  notes: LongText.optional(),
});
export type UpdateAgreementInput = z.input<typeof UpdateAgreementInput>;

// ---------------------------------------------------------------------------------------------
// Sharing profile

export const SHARING_KINDS = ['cases', 'people', 'consents', 'evidence', 'notes', 'deadlines', 'outcomes'] as const;
export const SharingKind = z.enum(SHARING_KINDS);
export type SharingKind = z.infer<typeof SharingKind>;

/**
 * The fields a profile may name, per kind. Each stands for one or more keys of the engine's
 * record of that kind (FIELD_KEYS); `recorded-at` is when the record was created and changed.
 */
export const SHARING_FIELDS = {
  cases: [
    'reference',
    'title',
    'status',
    'forum',
    'country',
    'jurisdiction',
    'stage',
    'sensitivity',
    'summary',
    'strategy',
    'project',
    'opened-on',
    'closed-on',
    'closure-reason',
    'tags',
    'team',
    'recorded-at',
  ],
  people: [
    'full-name',
    'aliases',
    'pseudonym',
    'gender',
    'birth-date',
    'birth-year',
    'country',
    'contact',
    'safety-notes',
    'vulnerabilities',
    'notes',
    'roles',
    'recorded-at',
  ],
  consents: [
    'purpose',
    'recipient',
    'state',
    'told',
    'method',
    'language',
    'witness',
    'given-at',
    'expires-at',
    'refusal-reason',
    'withdrawn-at',
    'withdrawal-reason',
    'notes',
    'recorded-at',
  ],
  evidence: [
    'title',
    'description',
    'type',
    'file-name',
    'media-type',
    'size',
    'sha256',
    'source',
    'collector',
    'method',
    'collected-at',
    'place',
    'received-at',
    'last-verified-at',
    'derivation',
    'file',
    'recorded-at',
  ],
  notes: ['body', 'author', 'recorded-at'],
  deadlines: ['kind', 'title', 'due-on', 'status', 'completed-on', 'notes', 'recorded-at'],
  outcomes: ['kind', 'description', 'achieved-on', 'amount-awarded', 'amount-paid', 'recorded-at'],
} as const satisfies Record<SharingKind, readonly string[]>;

export type SharingField<K extends SharingKind = SharingKind> = (typeof SHARING_FIELDS)[K][number];

/**
 * What `--allow KIND` without a field list shares: enough to work with, nothing that names,
 * locates or endangers anyone. People: no name, contact, safety notes or exact birth date;
 * cases: no title or free text (titles often carry a survivor's name); evidence: the
 * description of the item, not its content or provenance. Everything else must be listed.
 */
export const DEFAULT_SHARING_FIELDS = {
  cases: ['reference', 'status', 'forum', 'country', 'jurisdiction', 'stage', 'opened-on', 'closed-on'],
  people: ['pseudonym', 'gender', 'birth-year', 'country', 'roles'],
  consents: ['purpose', 'recipient', 'state', 'told', 'method', 'given-at', 'expires-at', 'withdrawn-at'],
  evidence: ['type', 'media-type', 'size', 'sha256', 'received-at'],
  notes: ['body'],
  deadlines: ['kind', 'title', 'due-on', 'status', 'completed-on'],
  outcomes: ['kind', 'description', 'achieved-on', 'amount-awarded', 'amount-paid'],
} as const satisfies { [K in SharingKind]: ReadonlyArray<SharingField<K>> };

/** Keys every shared record keeps: its identity, and the ids that link it to the others. */
const STRUCTURAL_KEYS: Readonly<Record<SharingKind, readonly string[]>> = {
  cases: ['id', 'version', 'originVault'],
  people: ['id', 'version', 'originVault'],
  consents: ['id', 'seriesId', 'version', 'originVault', 'personId', 'caseId'],
  evidence: ['id', 'version', 'originVault', 'caseId'],
  notes: ['id', 'version', 'originVault', 'caseId'],
  deadlines: ['id', 'version', 'originVault', 'caseId'],
  outcomes: ['id', 'version', 'originVault', 'caseId'],
};

const RECORDED_AT = ['createdAt', 'updatedAt'];

/** The record keys each profile field lets through (`birth-year` is derived, see below). */
const FIELD_KEYS: { [K in SharingKind]: Record<SharingField<K>, readonly string[]> } = {
  cases: {
    reference: ['reference'],
    title: ['title'],
    status: ['status'],
    forum: ['forum'],
    country: ['country'],
    jurisdiction: ['jurisdiction'],
    stage: ['stage'],
    sensitivity: ['sensitivity'],
    summary: ['summary'],
    strategy: ['strategy'],
    project: ['project'],
    'opened-on': ['openedOn'],
    'closed-on': ['closedOn'],
    'closure-reason': ['closureReason'],
    tags: ['tags'],
    team: ['team'],
    'recorded-at': RECORDED_AT,
  },
  people: {
    'full-name': ['fullName'],
    aliases: ['aliases'],
    pseudonym: ['pseudonym'],
    gender: ['gender'],
    'birth-date': ['birthDate'],
    'birth-year': [],
    country: ['country'],
    contact: ['contact'],
    'safety-notes': ['safetyNotes'],
    vulnerabilities: ['vulnerabilities'],
    notes: ['notes'],
    roles: ['roles'],
    'recorded-at': RECORDED_AT,
  },
  consents: {
    purpose: ['purpose'],
    recipient: ['recipientPartnerId', 'recipientClass'],
    state: ['state'],
    told: [
      'told',
      'toldNature',
      'toldPurpose',
      'toldUse',
      'toldConsequences',
      'toldRightToRefuse',
      'toldRightToWithdraw',
    ],
    method: ['method'],
    language: ['language'],
    witness: ['witness'],
    'given-at': ['givenAt'],
    'expires-at': ['expiresAt'],
    'refusal-reason': ['refusalReason'],
    'withdrawn-at': ['withdrawnAt'],
    'withdrawal-reason': ['withdrawalReason'],
    notes: ['notes'],
    'recorded-at': RECORDED_AT,
  },
  evidence: {
    title: ['title'],
    description: ['description'],
    type: ['type'],
    'file-name': ['fileName'],
    'media-type': ['mediaType'],
    size: ['size'],
    sha256: ['sha256'],
    source: ['source'],
    collector: ['collector'],
    method: ['method'],
    'collected-at': ['collectedAt'],
    place: ['place'],
    'received-at': ['receivedAt'],
    'last-verified-at': ['lastVerifiedAt'],
    derivation: ['derivedFrom', 'derivationReason'],
    /** the evidence file itself: the bundle export checks it with profileAllows() */
    file: [],
    'recorded-at': RECORDED_AT,
  },
  notes: { body: ['body'], author: ['author'], 'recorded-at': RECORDED_AT },
  deadlines: {
    kind: ['kind'],
    title: ['title'],
    'due-on': ['dueOn'],
    status: ['status'],
    'completed-on': ['completedOn'],
    notes: ['notes'],
    'recorded-at': RECORDED_AT,
  },
  outcomes: {
    kind: ['kind', 'category'],
    description: ['description'],
    'achieved-on': ['achievedOn'],
    'amount-awarded': ['currency', 'amountAwarded', 'amountAwardedMinor'],
    'amount-paid': ['currency', 'amountPaid', 'amountPaidMinor'],
    'recorded-at': RECORDED_AT,
  },
};

/** A stored profile: for each kind the partner may receive, the fields it may see. */
export type SharingProfile = { [K in SharingKind]?: Array<SharingField<K>> };

function fieldList<K extends SharingKind>(kind: K) {
  return z
    .array(z.enum(SHARING_FIELDS[kind] as unknown as [SharingField<K>, ...Array<SharingField<K>>]))
    .max(SHARING_FIELDS[kind].length);
}

/** The stored form, as read back from the database (anything else is treated as "share nothing"). */
export const SharingProfileSchema = z.strictObject({
  cases: fieldList('cases').optional(),
  people: fieldList('people').optional(),
  consents: fieldList('consents').optional(),
  evidence: fieldList('evidence').optional(),
  notes: fieldList('notes').optional(),
  deadlines: fieldList('deadlines').optional(),
  outcomes: fieldList('outcomes').optional(),
});

function allowEntry<K extends SharingKind>(kind: K) {
  return z.strictObject({
    kind: z.literal(kind),
    /** absent: DEFAULT_SHARING_FIELDS of the kind */
    fields: fieldList(kind).min(1, 'list at least one field, or leave the list out for the default fields').optional(),
  });
}

/**
 * Set a partner's profile (it replaces the previous one). Each entry allows one kind; several
 * entries of the same kind add up. An empty list shares nothing.
 */
export const SetSharingProfileInput = z.strictObject({
  partnerId: Id,
  expectedVersion: ExpectedVersion,
  allow: z
    .array(
      z.discriminatedUnion(
        'kind',
        [
          allowEntry('cases'),
          allowEntry('people'),
          allowEntry('consents'),
          allowEntry('evidence'),
          allowEntry('notes'),
          allowEntry('deadlines'),
          allowEntry('outcomes'),
        ],
        { error: `must be one of: ${SHARING_KINDS.join(', ')}` },
      ),
    )
    .max(100),
});
export type SetSharingProfileInput = z.input<typeof SetSharingProfileInput>;

/**
 * Turn `allow` entries into a stored profile: defaults resolved now (so that a later change
 * of the defaults never widens an existing profile), fields de-duplicated, in list order.
 */
export function buildSharingProfile(
  allow: ReadonlyArray<{ kind: SharingKind; fields?: readonly string[] | undefined }>,
): SharingProfile {
  const profile: Partial<Record<SharingKind, Set<string>>> = {};
  for (const entry of allow) {
    const set = (profile[entry.kind] ??= new Set<string>());
    for (const f of entry.fields ?? DEFAULT_SHARING_FIELDS[entry.kind]) set.add(f);
  }
  const out: Record<string, string[]> = {};
  for (const kind of SHARING_KINDS) {
    const set = profile[kind];
    if (set) out[kind] = (SHARING_FIELDS[kind] as readonly string[]).filter((f) => set.has(f));
  }
  return out as SharingProfile;
}

/** Read a stored profile; a malformed one (never written by this code) shares nothing. */
export function parseSharingProfile(value: unknown): SharingProfile {
  const r = SharingProfileSchema.safeParse(value);
  return r.success ? (r.data as SharingProfile) : {};
}

/** Whether a profile lets `field` of `kind` through (e.g. evidence `file`, the bytes themselves). */
export function profileAllows<K extends SharingKind>(
  profile: SharingProfile,
  kind: K,
  field: SharingField<K>,
): boolean {
  const fields = profile[kind] as readonly string[] | undefined;
  return fields !== undefined && fields.includes(field) && (SHARING_FIELDS[kind] as readonly string[]).includes(field);
}

/**
 * Ready profiles to start from (the share wizard and the partner's page offer them; each can be
 * adjusted field by field afterwards). From the narrowest to the widest:
 * - case-facts: the cases' default fields, their deadlines and outcomes — no person, no free text;
 * - pseudonymised: also people (pseudonym, gender, year of birth, country, role), consents and
 *   the description of each evidence item, all with their default fields — no name, no file;
 * - full-with-files: every field of every kind, names and evidence files included, except a
 *   person's contact details and safety notes, which locate and endanger and are never preset.
 */
export const SHARING_PRESETS = ['case-facts', 'pseudonymised', 'full-with-files'] as const;
export type SharingPreset = (typeof SHARING_PRESETS)[number];

const PRESET_NEVER: { [K in SharingKind]?: ReadonlyArray<SharingField<K>> } = { people: ['contact', 'safety-notes'] };

export const SHARING_PRESET_ALLOW: Readonly<Record<SharingPreset, SetSharingProfileInput['allow']>> = {
  'case-facts': [{ kind: 'cases' }, { kind: 'deadlines' }, { kind: 'outcomes' }],
  pseudonymised: [
    { kind: 'cases' },
    { kind: 'people' },
    { kind: 'consents' },
    { kind: 'evidence' },
    { kind: 'deadlines' },
    { kind: 'outcomes' },
  ],
  'full-with-files': SHARING_KINDS.map((kind) => {
    const never = (PRESET_NEVER[kind] ?? []) as readonly string[];
    return { kind, fields: SHARING_FIELDS[kind].filter((f) => !never.includes(f)) };
  }) as SetSharingProfileInput['allow'],
};

/** The profile a preset stores. */
export function presetProfile(preset: SharingPreset): SharingProfile {
  return buildSharingProfile(SHARING_PRESET_ALLOW[preset] as Parameters<typeof buildSharingProfile>[0]);
}

/** The preset a stored profile is exactly, or null (nothing, or adjusted by hand). */
export function presetOf(profile: SharingProfile): SharingPreset | null {
  const same = (a: SharingProfile, b: SharingProfile) =>
    SHARING_KINDS.every((k) => JSON.stringify(a[k] ?? null) === JSON.stringify(b[k] ?? null));
  return SHARING_PRESETS.find((p) => same(presetProfile(p), profile)) ?? null;
}

/**
 * The record cut down to what the partner may receive: its id and linking ids, and the keys of
 * the allowed fields — or null when the partner may not receive this kind at all. Pure: the
 * record is not changed, and values are copied, not shared.
 */
export function applySharingProfile(
  profile: SharingProfile,
  kind: SharingKind,
  record: Readonly<Record<string, unknown>>,
): Record<string, unknown> | null {
  if (!(SHARING_KINDS as readonly string[]).includes(kind)) return null;
  const fields = profile[kind] as readonly string[] | undefined;
  if (!Array.isArray(fields)) return null;
  const known = SHARING_FIELDS[kind] as readonly string[];
  const keysOf = FIELD_KEYS[kind] as Record<string, readonly string[]>;
  const out: Record<string, unknown> = {};
  const copy = (key: string) => {
    if (Object.prototype.hasOwnProperty.call(record, key) && record[key] !== undefined)
      out[key] = structuredClone(record[key]);
  };
  for (const key of STRUCTURAL_KEYS[kind]) copy(key);
  for (const field of fields) {
    if (!known.includes(field)) continue;
    for (const key of keysOf[field] ?? []) copy(key);
    if (kind === 'people' && field === 'birth-year') {
      const birth = record.birthDate;
      out.birthYear = typeof birth === 'string' && /^\d{4}/.test(birth) ? Number(birth.slice(0, 4)) : null;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Records

export const PartnerAgreement = RecordMeta.extend({
  partnerId: z.string(),
  kind: AgreementKind,
  signedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  notes: z.string(),
  /** computed for today */
  state: AgreementState,
}).strict();
export type PartnerAgreement = z.infer<typeof PartnerAgreement>;

export const Partner = RecordMeta.extend({
  name: z.string(),
  country: z.string().nullable(),
  kind: PartnerKind,
  contact: z.string().nullable(),
  notes: z.string(),
  ddTier: DdTier,
  ddAmountGbp: z.number().int().nullable(),
  ddReviewOn: z.string().nullable(),
  ddOutcome: DdOutcome,
  ddNotes: z.string(),
  /** a review date that has passed */
  ddReviewOverdue: z.boolean(),
  sharingProfile: SharingProfileSchema,
}).strict();
export type Partner = z.infer<typeof Partner>;

// ---------------------------------------------------------------------------------------------
// Partner keys: the identity keys a partner's vaults presented in contact cards, and how each
// was verified (engine/partners/partner-keys.ts; docs/security.md "Identity keys and
// verification").

/** unverified: known from a card, safety number not compared; replaced: superseded by a newer key of the same vault */
export const PARTNER_KEY_STATUSES = ['unverified', 'verified', 'replaced'] as const;
export const PartnerKeyStatus = z.enum(PARTNER_KEY_STATUSES);
export type PartnerKeyStatus = z.infer<typeof PartnerKeyStatus>;

/** How the safety number was compared. */
export const KEY_VERIFICATION_METHODS = ['read-aloud', 'scanned', 'in-person'] as const;
export const KeyVerificationMethod = z.enum(KEY_VERIFICATION_METHODS);
export type KeyVerificationMethod = z.infer<typeof KeyVerificationMethod>;

/**
 * A partner's key state at a glance: none (no key yet), verified (every current key
 * verified), changed (a current key is unverified and replaced an earlier key of the same
 * vault: the partner's key CHANGED and must be verified again), unverified (otherwise).
 */
export const PARTNER_KEY_STATES = ['none', 'unverified', 'verified', 'changed'] as const;
export const PartnerKeyState = z.enum(PARTNER_KEY_STATES);
export type PartnerKeyState = z.infer<typeof PartnerKeyState>;

export const PartnerKey = z.strictObject({
  id: z.string(),
  partnerId: z.string(),
  /** the partner vault that presented the key */
  vaultId: z.string(),
  /** base64 of the 33-byte libsignal public key */
  publicKey: z.string(),
  /** first 16 bytes of SHA-256(public key), hex in groups of 4 */
  fingerprint: z.string(),
  /** as the partner's card said */
  name: z.string(),
  organisation: z.string(),
  cardCreatedAt: z.string(),
  status: PartnerKeyStatus,
  addedAt: z.string(),
  verifiedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  verifiedHow: KeyVerificationMethod.nullable(),
  replacedAt: z.string().nullable(),
  /** the card carries a post-quantum key (card version 2): bundles to this vault can use hybrid stanzas */
  postQuantum: z.boolean(),
});
export type PartnerKey = z.infer<typeof PartnerKey>;

/** The state of a partner's keys (newest last or in any order). */
export function partnerKeyState(keys: ReadonlyArray<Pick<PartnerKey, 'vaultId' | 'status'>>): PartnerKeyState {
  const current = keys.filter((k) => k.status !== 'replaced');
  if (current.length === 0) return 'none';
  const unverified = current.filter((k) => k.status === 'unverified');
  if (unverified.length === 0) return 'verified';
  const changed = unverified.some((k) => keys.some((o) => o.status === 'replaced' && o.vaultId === k.vaultId));
  return changed ? 'changed' : 'unverified';
}

/**
 * Import a partner's contact card (the text of a `.cvcard` file). `partnerId` attaches an
 * unknown vault's key to an existing partner; `kind` and `ddTier` are used only when a new
 * partner is created for it.
 */
export const ImportContactCardInput = z.strictObject({
  card: z.string().max(4 * MAX_CARD_BYTES, 'is far too large to be a contact card'),
  partnerId: Id.optional(),
  kind: PartnerKind.optional(),
  ddTier: DdTier.optional(),
});
export type ImportContactCardInput = z.input<typeof ImportContactCardInput>;

export const CARD_IMPORT_CHANGES = ['new-partner', 'new-key', 'unchanged', 'key-changed'] as const;
export const CardImportChange = z.enum(CARD_IMPORT_CHANGES);
export type CardImportChange = z.infer<typeof CardImportChange>;

/**
 * Mark a key verified after comparing the safety number: typed (`safetyNumber`, 60 digits;
 * spaces and line breaks ignored) or scanned from the other side's screen (`scanned`, base64
 * of its scannable code). Exactly one of the two. `how` defaults to 'scanned' for a scanned
 * code and 'read-aloud' otherwise; `verifiedBy` names the person who compared.
 */
export const VerifyPartnerKeyInput = z
  .strictObject({
    keyId: Id,
    safetyNumber: z.string().max(400).optional(),
    scanned: z.string().max(1000).optional(),
    how: KeyVerificationMethod.optional(),
    verifiedBy: ShortText,
  })
  .refine((v) => (v.safetyNumber === undefined) !== (v.scanned === undefined), {
    message: 'give the safety number you compared, or the scanned code (one of the two)',
    path: ['safetyNumber'],
  });
export type VerifyPartnerKeyInput = z.input<typeof VerifyPartnerKeyInput>;

export const PartnerDetail = Partner.extend({
  agreements: z.array(PartnerAgreement),
  /** every key, current and replaced, oldest first */
  keys: z.array(PartnerKey),
  keyState: PartnerKeyState,
}).strict();
export type PartnerDetail = z.infer<typeof PartnerDetail>;

export const CardImportResult = z.strictObject({
  partner: Partner,
  key: PartnerKey,
  change: CardImportChange,
});
export type CardImportResult = z.infer<typeof CardImportResult>;
