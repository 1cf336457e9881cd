/**
 * Consents: the schemas of the consent service and of the consent gate (engine/consents), and
 * of their IPC calls. docs/consents.md explains every element and rule.
 *
 * A consent is a *series* of immutable versions: version 1 records the person's decision
 * (given or refused); a withdrawal or a renewal is a new version in the same series. The
 * series id is the id of its first version.
 *
 * Istanbul Protocol elements recorded with each decision: what the person was told (the six
 * `told` elements), how the decision was expressed (method, language, witness), when
 * (givenAt), for what (one purpose per record) and for whom (recipient).
 */
import { isKnownLanguageTag } from './iso.js';
import { z } from 'zod';
import { DayOrInstant, Id, LongText, endOf, RecordMeta, text } from './common.js';

export const CONSENT_PURPOSES = [
  'representation',
  'processing',
  'sharing',
  'donor-reporting',
  'media',
  'publication',
] as const;
export const ConsentPurpose = z.enum(CONSENT_PURPOSES);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

export const RECIPIENT_CLASSES = ['court', 'un-body', 'regional-body', 'partner', 'donor', 'media', 'public'] as const;
export const RecipientClass = z.enum(RECIPIENT_CLASSES);
export type RecipientClass = z.infer<typeof RecipientClass>;

/** The classes a `sharing` consent may name (donors, the media and the public have their own purposes). */
export const SHARING_CLASSES = [
  'court',
  'un-body',
  'regional-body',
  'partner',
] as const satisfies readonly RecipientClass[];

/** Purposes whose recipient is fixed: recorded (and checked) as this class. */
export const IMPLIED_CLASS: Readonly<Partial<Record<ConsentPurpose, RecipientClass>>> = {
  'donor-reporting': 'donor',
  media: 'media',
  publication: 'public',
};

/** Purposes that concern the organisation itself and take no recipient. */
export const NO_RECIPIENT_PURPOSES: readonly ConsentPurpose[] = ['representation', 'processing'];

export const CONSENT_METHODS = ['written', 'oral-witnessed', 'recorded'] as const;
export const ConsentMethod = z.enum(CONSENT_METHODS);
export type ConsentMethod = z.infer<typeof ConsentMethod>;

/** The decision recorded by version 1 of a series. */
export const CONSENT_DECISIONS = ['given', 'refused'] as const;
export const ConsentDecision = z.enum(CONSENT_DECISIONS);
export type ConsentDecision = z.infer<typeof ConsentDecision>;

/** What a stored version records (the `state` column). */
export const CONSENT_STATES = ['given', 'refused', 'withdrawn'] as const;
export const ConsentState = z.enum(CONSENT_STATES);
export type ConsentState = z.infer<typeof ConsentState>;

/** Where a consent stands at a moment (computed, never stored). */
export const CONSENT_STATUSES = ['given', 'expired', 'withdrawn', 'refused', 'not-yet-valid'] as const;
export const ConsentStatus = z.enum(CONSENT_STATUSES);
export type ConsentStatus = z.infer<typeof ConsentStatus>;

/**
 * What the person was told before deciding (Istanbul Protocol, informed consent):
 * the nature of the process, why the evidence is sought (purpose), how it will be used,
 * the possible consequences, that they may refuse, and that they may withdraw later.
 */
export const TOLD_ELEMENTS = [
  'nature',
  'purpose',
  'use',
  'consequences',
  'right-to-refuse',
  'right-to-withdraw',
] as const;
export const ToldElement = z.enum(TOLD_ELEMENTS);
export type ToldElement = z.infer<typeof ToldElement>;

/** The elements in their canonical order, without repeats. */
export function normaliseTold(told: readonly ToldElement[]): ToldElement[] {
  return TOLD_ELEMENTS.filter((e) => told.includes(e));
}

/** A recipient as stored and as queried: a named partner organisation, or a class of recipient. */
export const ConsentRecipient = z.union([
  z.strictObject({ partnerId: z.string() }),
  z.strictObject({ class: RecipientClass }),
]);
export type ConsentRecipient = z.infer<typeof ConsentRecipient>;

/** Exactly one of partnerId or class. */
export const RecipientInput = z
  .strictObject({ partnerId: Id.optional(), class: RecipientClass.optional() })
  .refine(
    (r) => (r.partnerId === undefined) !== (r.class === undefined),
    'give either a partner id or a class of recipient, not both and not neither',
  );
export type RecipientInput = z.input<typeof RecipientInput>;

/** undefined: no recipient given; null: a malformed one (RecipientInput reports it). */
function asRecipient(r: z.output<typeof RecipientInput> | undefined): ConsentRecipient | undefined | null {
  if (!r) return undefined;
  if (r.partnerId !== undefined && r.class === undefined) return { partnerId: r.partnerId };
  if (r.class !== undefined && r.partnerId === undefined) return { class: r.class };
  return null;
}

function checkRecipient(
  purpose: ConsentPurpose,
  given: z.output<typeof RecipientInput> | undefined,
  ctx: z.RefinementCtx,
): void {
  const recipient = asRecipient(given);
  if (recipient === null) return;
  const r = resolveRecipient(purpose, recipient);
  if (!r.ok) ctx.addIssue({ code: 'custom', path: ['recipient'], message: r.message });
}

function resolvedRecipient(
  purpose: ConsentPurpose,
  given: z.output<typeof RecipientInput> | undefined,
): ConsentRecipient | null {
  const recipient = asRecipient(given);
  const r = recipient === null ? null : resolveRecipient(purpose, recipient);
  // only reached when the refinements passed
  if (!r || !r.ok) throw new Error('consent recipient: unchecked input');
  return r.recipient;
}

const PURPOSE_NOUN: Record<ConsentPurpose, string> = {
  representation: 'representation',
  processing: 'processing',
  sharing: 'sharing',
  'donor-reporting': 'donor reporting',
  media: 'media use',
  publication: 'publication',
};

/**
 * The recipient rules: representation and processing take none; sharing needs a partner id or
 * one of the sharing classes; donor-reporting, media and publication imply donor, media and
 * public (given or not). Returns the recipient to store/match, or a message about `recipient`.
 */
export function resolveRecipient(
  purpose: ConsentPurpose,
  recipient: ConsentRecipient | undefined,
): { ok: true; recipient: ConsentRecipient | null } | { ok: false; message: string } {
  if (NO_RECIPIENT_PURPOSES.includes(purpose)) {
    if (recipient) return { ok: false, message: `consent to ${PURPOSE_NOUN[purpose]} has no recipient; leave it out` };
    return { ok: true, recipient: null };
  }
  const implied = IMPLIED_CLASS[purpose];
  if (implied) {
    if (recipient && !('class' in recipient && recipient.class === implied)) {
      return {
        ok: false,
        message: `${PURPOSE_NOUN[purpose]} is always to the class ${implied}; leave the recipient out or give ${implied}`,
      };
    }
    return { ok: true, recipient: { class: implied } };
  }
  // sharing
  if (!recipient)
    return {
      ok: false,
      message: `consent to sharing must name a partner (its id) or a class of recipient: ${SHARING_CLASSES.join(', ')}`,
    };
  if ('class' in recipient && !(SHARING_CLASSES as readonly string[]).includes(recipient.class)) {
    return {
      ok: false,
      message: `sharing is with a partner or one of: ${SHARING_CLASSES.join(', ')}; for ${recipient.class} record a ${recipient.class === 'donor' ? 'donor-reporting' : recipient.class === 'media' ? 'media' : 'publication'} consent`,
    };
  }
  return { ok: true, recipient };
}

const LanguageTag = text(35, 1).pipe(
  z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/, 'must be a language tag such as en, fr, ar or pt-BR')
    .refine(isKnownLanguageTag, 'is not an ISO 639 language'),
);

export const AddConsentInput = z
  .strictObject({
    personId: Id,
    caseId: Id,
    purpose: ConsentPurpose,
    /** a partner id or a class; see resolveRecipient for which purposes take which */
    recipient: RecipientInput.optional(),
    decision: ConsentDecision.default('given'),
    /** required for a refusal, refused otherwise */
    refusalReason: text(2000, 1).optional(),
    /** the elements the person was told; any missing one makes the consent uninformed (the gate denies) */
    told: z.array(ToldElement).max(TOLD_ELEMENTS.length * 2),
    method: ConsentMethod,
    language: LanguageTag.optional(),
    /** required when the method is oral-witnessed */
    witness: text(200, 1).optional(),
    /** the date (or time) of the decision */
    givenAt: DayOrInstant,
    /** a day expiry covers the whole day; must be after givenAt */
    expiresAt: DayOrInstant.optional(),
    notes: LongText.default(''),
  })
  .superRefine((v, ctx) => {
    if (v.method === 'oral-witnessed' && !v.witness) {
      ctx.addIssue({
        code: 'custom',
        path: ['witness'],
        message: 'is required when consent is given orally before a witness (method oral-witnessed)',
      });
    }
    if (v.decision === 'refused' && !v.refusalReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['refusalReason'],
        message: 'is required for a refusal: say why the person refused',
      });
    }
    if (v.decision === 'given' && v.refusalReason !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['refusalReason'],
        message: 'only a refusal has a reason; leave it out when consent is given',
      });
    }
    if (v.expiresAt !== undefined) {
      if (v.decision === 'refused')
        ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'a refusal does not expire; leave it out' });
      else if (endOf(v.expiresAt) <= endOf(v.givenAt))
        ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: `must be after givenAt (${v.givenAt})` });
    }
    checkRecipient(v.purpose, v.recipient, ctx);
  })
  .transform((v) => {
    return { ...v, told: normaliseTold(v.told), recipient: resolvedRecipient(v.purpose, v.recipient) };
  });
export type AddConsentInput = z.input<typeof AddConsentInput>;

export const WithdrawConsentInput = z.strictObject({
  /** any version id of the series (or the series id); the withdrawal acts on the latest version */
  id: Id,
  reason: text(2000, 1),
  /** when the person withdrew; default now. Not in the future, not before the consent was given */
  at: DayOrInstant.optional(),
});
export type WithdrawConsentInput = z.input<typeof WithdrawConsentInput>;

export const RenewConsentInput = z.strictObject({
  id: Id,
  /** the new expiry; must be after the renewal */
  expiresAt: DayOrInstant,
  /** when the person renewed their consent; default now. Not in the future */
  at: DayOrInstant.optional(),
});
export type RenewConsentInput = z.input<typeof RenewConsentInput>;

export const ListConsentsQuery = z.strictObject({
  personId: Id.optional(),
  caseId: Id.optional(),
  /** every version of every series, instead of the latest version of each */
  allVersions: z.boolean().default(false),
});
export type ListConsentsQuery = z.input<typeof ListConsentsQuery>;

export const CheckConsentQuery = z
  .strictObject({
    purpose: ConsentPurpose,
    personId: Id,
    caseId: Id,
    recipient: RecipientInput.optional(),
    /** the moment to decide for; default now. A day means the end of that day */
    at: DayOrInstant.optional(),
  })
  .superRefine((v, ctx) => {
    checkRecipient(v.purpose, v.recipient, ctx);
  })
  .transform((v) => {
    return { ...v, recipient: resolvedRecipient(v.purpose, v.recipient) };
  });
export type CheckConsentQuery = z.input<typeof CheckConsentQuery>;

export const Consent = RecordMeta.extend({
  /** the id of version 1; every version of the consent shares it */
  seriesId: z.string(),
  personId: z.string(),
  caseId: z.string(),
  purpose: ConsentPurpose,
  recipient: ConsentRecipient.nullable(),
  /** what this version records */
  state: ConsentState,
  /** the elements the person was told, in canonical order */
  told: z.array(ToldElement),
  method: ConsentMethod,
  language: z.string().nullable(),
  witness: z.string().nullable(),
  givenAt: z.string(),
  expiresAt: z.string().nullable(),
  refusalReason: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  notes: z.string(),
}).strict();
export type Consent = z.infer<typeof Consent>;

/** A consent version with where its series stands now, and whether it is the series' latest version. */
export const ConsentWithStatus = Consent.extend({
  status: ConsentStatus,
  current: z.boolean(),
  /**
   * recorded by a partner and received in a bundle: their record of what the person told them.
   * It decides nothing in this vault and cannot be withdrawn or renewed here.
   */
  received: z.boolean(),
}).strict();
export type ConsentWithStatus = z.infer<typeof ConsentWithStatus>;

export const CONSENT_DENIAL_REASONS = [
  'absent',
  'withdrawn',
  'refused',
  'expired',
  'not-informed',
  'person-not-in-case',
] as const;
export const ConsentDenialReason = z.enum(CONSENT_DENIAL_REASONS);
export type ConsentDenialReason = z.infer<typeof ConsentDenialReason>;

/** The consent gate's decision (engine/consents/consent-gate.ts). */
export const ConsentGateResult = z.discriminatedUnion('allowed', [
  z.strictObject({
    allowed: z.literal(true),
    consentId: z.string(),
    seriesId: z.string(),
    expiresAt: z.string().nullable(),
    message: z.string(),
  }),
  z.strictObject({
    allowed: z.literal(false),
    reason: ConsentDenialReason,
    message: z.string(),
    /** the version that decided the denial, when one did (withdrawn, refused, expired, not-informed) */
    consentId: z.string().optional(),
    seriesId: z.string().optional(),
    /** not-informed: the elements the person was not told */
    missing: z.array(ToldElement).optional(),
  }),
]);
export type ConsentGateResult = z.infer<typeof ConsentGateResult>;
