/**
 * THE CONSENT GATE (docs/consents.md, "The gate"): whether an action on a person's data is
 * allowed. Every share, bundle export, donor report and publication goes through
 * `requireConsent` (or `checkConsent`), in the engine, never only in the UI.
 *
 * `decideConsent(facts, query)` is a pure function of the facts (is the person linked to the
 * case; every consent version recorded for them) and the query; `checkConsent` loads the facts
 * from the vault and calls it. The rules (docs/consents.md has them as a table):
 *
 * 0. Only consents recorded in this vault decide (origin_vault = this vault). A consent received in
 *    a partner's bundle is the partner's record of what the person told *them*: it is kept and
 *    shown, but it never allows or denies anything here — not onward sharing, not donor
 *    reporting (docs/bundle-format.md, "Authority"). Any use here of a received person's data
 *    needs a consent recorded here.
 * 1. The person is not linked to the case → person-not-in-case.
 * 2. Matching series: same person, case and purpose, and a recipient that covers the query's: a
 *    consent naming partner P covers only P; one for the class `partner` covers every partner
 *    and the class `partner`; any other class covers only itself. None → absent.
 * 3. Each series is read as of `at`: versions decided later than `at` are ignored (a day counts
 *    from its first moment; a day `at` means the end of that day), and the series stands where
 *    its latest remaining version puts it. A series with nothing left is not yet valid → it
 *    does not count (all such → absent).
 * 4. The most recent decision across the matching series wins (given/refused: givenAt;
 *    withdrawal: withdrawnAt). A day overlaps every time in it: decisions that cannot be put in
 *    order are a tie, and a tie allows only if every tied series allows.
 * 5. The winner: withdrawn → withdrawn; refused → refused; given but expired (a day expiry
 *    covers its whole day) → expired; given but any `told` element missing → not-informed;
 *    otherwise allowed.
 */
import { endOf, startOf } from '../../../shared/domain/common.js';
import {
  CheckConsentQuery,
  type CheckConsentQuery as CheckConsentQueryT,
  type ConsentGateResult,
  type ConsentPurpose,
  type ConsentRecipient,
  type ConsentState,
  type RecipientClass,
  TOLD_ELEMENTS,
  type ToldElement,
} from '../../../shared/domain/consents.js';
import { type ConsentRow, consentFromRow } from './consent-row.js';
import { VaultError } from '../../../shared/errors.js';
import { all, pluck, sql } from '../db/sql.js';
import { type DomainContext, nowIso, parseInput } from '../domain/context.js';
import { requireCase } from '../cases/case-service.js';
import { requirePartner } from '../partners/partner-service.js';
import { requirePerson } from '../people/person-service.js';

/** One stored consent version, as far as the gate needs it. */
export interface ConsentVersionFact {
  id: string;
  seriesId: string;
  version: number;
  personId: string;
  caseId: string;
  purpose: ConsentPurpose;
  recipient: ConsentRecipient | null;
  state: ConsentState;
  told: readonly ToldElement[];
  givenAt: string;
  expiresAt: string | null;
  withdrawnAt: string | null;
}

export interface ConsentFacts {
  /** is the person linked to the case (case_people) */
  personInCase: boolean;
  /** consent versions; those of other people, cases or purposes are ignored */
  consents: readonly ConsentVersionFact[];
  /** partner names by id, to name a partner in messages (optional) */
  partnerNames?: Readonly<Record<string, string>>;
}

export interface ConsentGateQuery {
  personId: string;
  caseId: string;
  purpose: ConsentPurpose;
  /** for sharing: the partner or class; for donor-reporting, media, publication: the implied class */
  recipient: ConsentRecipient | null;
  /** a day (the end of that day) or an instant */
  at: string;
}

const CLASS_PHRASE: Record<RecipientClass, string> = {
  court: 'a court',
  'un-body': 'a UN body',
  'regional-body': 'a regional human-rights body',
  partner: 'partner organisations',
  donor: 'donors',
  media: 'the media',
  public: 'the public',
};

function recipientPhrase(r: ConsentRecipient, names: Readonly<Record<string, string>> | undefined): string {
  if ('class' in r) return CLASS_PHRASE[r.class];
  const name = names?.[r.partnerId];
  return name ? `the partner “${name}” (${r.partnerId})` : `the partner ${r.partnerId}`;
}

/** "representation", "sharing with a court", "donor reporting", … */
export function describeConsentScope(
  purpose: ConsentPurpose,
  recipient: ConsentRecipient | null,
  names?: Readonly<Record<string, string>>,
): string {
  switch (purpose) {
    case 'representation':
      return 'legal representation';
    case 'processing':
      return 'processing of their data';
    case 'sharing':
      return recipient ? `sharing with ${recipientPhrase(recipient, names)}` : 'sharing';
    case 'donor-reporting':
      return 'reporting to donors';
    case 'media':
      return 'use in the media';
    case 'publication':
      return 'publication';
  }
}

const TOLD_PHRASE: Record<ToldElement, string> = {
  nature: 'the nature of the process',
  purpose: 'why the evidence is sought',
  use: 'how it will be used',
  consequences: 'the possible consequences',
  'right-to-refuse': 'their right to refuse',
  'right-to-withdraw': 'their right to withdraw',
};

function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

/** Does a consent's recipient cover the query's? */
export function recipientCovers(consent: ConsentRecipient | null, query: ConsentRecipient | null): boolean {
  if (consent === null || query === null) return consent === null && query === null;
  if ('partnerId' in consent) return 'partnerId' in query && query.partnerId === consent.partnerId;
  if (consent.class === 'partner') return 'partnerId' in query || query.class === 'partner';
  return 'class' in query && query.class === consent.class;
}

/** The moment a version's decision was taken: givenAt, or withdrawnAt for a withdrawal. */
function decisionTime(v: ConsentVersionFact): string {
  return v.state === 'withdrawn' && v.withdrawnAt ? v.withdrawnAt : v.givenAt;
}

/** The last millisecond covered by `at`: a day means the end of that day. */
function atMs(at: string): number {
  return endOf(at) - 1;
}

/** The first moment a consent is no longer valid: after a day expiry's whole day, at an instant expiry. */
export function expiryMs(expiresAt: string): number {
  return expiresAt.length === 10 ? endOf(expiresAt) : startOf(expiresAt);
}

/** Has the expiry passed as of `at` (a day `at` means the end of that day)? */
export function isExpired(expiresAt: string | null, at: string): boolean {
  return expiresAt !== null && expiryMs(expiresAt) <= atMs(at);
}

/** As of `at`, the latest version of a series not decided after `at` (undefined: none yet). */
export function seriesStateAt(versions: readonly ConsentVersionFact[], at: string): ConsentVersionFact | undefined {
  const t = atMs(at);
  let best: ConsentVersionFact | undefined;
  for (const v of versions) {
    if (startOf(decisionTime(v)) <= t && (!best || v.version > best.version)) best = v;
  }
  return best;
}

type Outcome =
  | { allowed: true; v: ConsentVersionFact }
  | {
      allowed: false;
      reason: 'withdrawn' | 'refused' | 'expired' | 'not-informed';
      v: ConsentVersionFact;
      missing?: ToldElement[];
    };

/** What one series' standing version says for `at` (rule 5). */
function outcomeOf(v: ConsentVersionFact, at: string): Outcome {
  if (v.state === 'withdrawn') return { allowed: false, reason: 'withdrawn', v };
  if (v.state === 'refused') return { allowed: false, reason: 'refused', v };
  if (isExpired(v.expiresAt, at)) return { allowed: false, reason: 'expired', v };
  const missing = TOLD_ELEMENTS.filter((e) => !v.told.includes(e));
  if (missing.length > 0) return { allowed: false, reason: 'not-informed', v, missing };
  return { allowed: true, v };
}

/** Decision a is strictly later than b: a's first moment comes after b's last one. */
function laterThan(a: ConsentVersionFact, b: ConsentVersionFact): boolean {
  return startOf(decisionTime(a)) >= endOf(decisionTime(b));
}

const DENIAL_ORDER = ['withdrawn', 'refused', 'expired', 'not-informed'] as const;

/** The gate itself: a pure function of the facts and the query. */
export function decideConsent(facts: ConsentFacts, query: ConsentGateQuery): ConsentGateResult {
  const scope = describeConsentScope(query.purpose, query.recipient, facts.partnerNames);
  if (!facts.personInCase) {
    return {
      allowed: false,
      reason: 'person-not-in-case',
      message: `This person is not linked to this case, so no consent recorded in it can cover ${scope}; link them to the case first.`,
    };
  }
  const series = new Map<string, ConsentVersionFact[]>();
  for (const c of facts.consents) {
    if (c.personId !== query.personId || c.caseId !== query.caseId || c.purpose !== query.purpose) continue;
    if (!recipientCovers(c.recipient, query.recipient)) continue;
    const list = series.get(c.seriesId) ?? [];
    list.push(c);
    series.set(c.seriesId, list);
  }
  const absent = `There is no consent from this person in this case for ${scope}. Record their informed consent before going ahead.`;
  if (series.size === 0) return { allowed: false, reason: 'absent', message: absent };

  const standing: ConsentVersionFact[] = [];
  const future: string[] = [];
  for (const versions of series.values()) {
    const v = seriesStateAt(versions, query.at);
    if (v) standing.push(v);
    else future.push(versions.reduce((a, b) => (b.version < a.version ? b : a)).givenAt);
  }
  if (standing.length === 0) {
    const from = future.sort((a, b) => startOf(a) - startOf(b))[0]!;
    return {
      allowed: false,
      reason: 'absent',
      message: `There is no consent from this person in this case for ${scope} as of ${query.at}: the consent recorded for it takes effect only on ${from}.`,
    };
  }

  // rule 4: the most recent decision; those that cannot be ordered against it are tied with it
  const latest = standing.filter((a) => !standing.some((b) => laterThan(b, a)));
  const outcomes = latest.map((v) => outcomeOf(v, query.at));
  const disagree = new Set(outcomes.map((o) => (o.allowed ? 'allowed' : o.reason))).size > 1;
  const tieNote = disagree
    ? ` (${latest.length} consent records for this were decided at the same time and do not agree, so the stricter one applies)`
    : '';
  for (const reason of DENIAL_ORDER) {
    const o = outcomes.find((x) => !x.allowed && x.reason === reason);
    if (!o || o.allowed) continue;
    const v = o.v;
    const ids = { consentId: v.id, seriesId: v.seriesId };
    switch (o.reason) {
      case 'withdrawn':
        return {
          allowed: false,
          reason: 'withdrawn',
          ...ids,
          message: `The person withdrew their consent to ${scope} on ${v.withdrawnAt ?? '?'}${tieNote}. Their data may not be used for this.`,
        };
      case 'refused':
        return {
          allowed: false,
          reason: 'refused',
          ...ids,
          message: `The person refused consent to ${scope} on ${v.givenAt}${tieNote}. Their data may not be used for this.`,
        };
      case 'expired':
        return {
          allowed: false,
          reason: 'expired',
          ...ids,
          message: `The consent to ${scope} given on ${v.givenAt} expired ${v.expiresAt!.length === 10 ? `at the end of ${v.expiresAt!}` : `at ${v.expiresAt!}`}${tieNote}. Ask the person again and record a renewed consent.`,
        };
      case 'not-informed': {
        const missing = o.missing ?? [];
        return {
          allowed: false,
          reason: 'not-informed',
          ...ids,
          missing,
          message: `The consent to ${scope} given on ${v.givenAt} is not informed consent: the record does not show that the person was told ${listPhrase(missing.map((m) => TOLD_PHRASE[m]))}${tieNote}. Explain it to them and record their consent again.`,
        };
      }
    }
  }
  // every tied outcome allows: take the one that lasts longest (no expiry first), then the newest series
  const allowed = outcomes
    .map((o) => o.v)
    .sort(
      (a, b) =>
        (a.expiresAt === null ? Infinity : expiryMs(a.expiresAt)) -
          (b.expiresAt === null ? Infinity : expiryMs(b.expiresAt)) || a.seriesId.localeCompare(b.seriesId),
    );
  const v = allowed[allowed.length - 1]!;
  const until =
    v.expiresAt === null
      ? 'has no expiry date'
      : v.expiresAt.length === 10
        ? `is valid until the end of ${v.expiresAt}`
        : `is valid until ${v.expiresAt}`;
  return {
    allowed: true,
    consentId: v.id,
    seriesId: v.seriesId,
    expiresAt: v.expiresAt,
    message: `Consent to ${scope} was given on ${v.givenAt} and ${until}.`,
  };
}

/** A stored consents row (SELECT *); consent-row.ts maps it, once. */
export type ConsentFactRow = ConsentRow;

/** The facts the gate reads from a stored row: the domain record of consent-row.ts. */
export function factFromRow(r: ConsentFactRow): ConsentVersionFact {
  return consentFromRow(r);
}

export function personInCase(ctx: DomainContext, personId: string, caseId: string): boolean {
  return (
    pluck(ctx.db, sql`SELECT 1 FROM case_people WHERE case_id = ${caseId} AND person_id = ${personId} LIMIT 1`) !==
    undefined
  );
}

/**
 * Load the facts for a query and decide. Unknown person, case or partner → NOT_FOUND (thrown);
 * every other outcome is the returned decision.
 */
export function checkConsent(ctx: DomainContext, query: CheckConsentQueryT): ConsentGateResult {
  const q = parseInput(CheckConsentQuery, query);
  requirePerson(ctx.db, q.personId);
  requireCase(ctx.db, q.caseId);
  const partnerNames: Record<string, string> = {};
  if (q.recipient && 'partnerId' in q.recipient)
    partnerNames[q.recipient.partnerId] = requirePartner(ctx.db, q.recipient.partnerId).name;
  const linked = personInCase(ctx, q.personId, q.caseId);
  // only consents recorded here decide (rule 0 at the top); a received one is the partner's record
  const rows = linked
    ? all<ConsentFactRow>(
        ctx.db,
        sql`SELECT * FROM consents WHERE person_id = ${q.personId} AND case_id = ${q.caseId} AND purpose = ${q.purpose} AND origin_vault = ${ctx.vaultId} ORDER BY series_id, version`,
      )
    : [];
  const decision = decideConsent(
    { personInCase: linked, consents: rows.map(factFromRow), partnerNames },
    { personId: q.personId, caseId: q.caseId, purpose: q.purpose, recipient: q.recipient, at: q.at ?? nowIso(ctx) },
  );
  if (!decision.allowed && decision.reason === 'absent' && linked) {
    const received = pluck(
      ctx.db,
      sql`SELECT 1 FROM consents WHERE person_id = ${q.personId} AND case_id = ${q.caseId} AND purpose = ${q.purpose} AND origin_vault != ${ctx.vaultId} LIMIT 1`,
    );
    if (received !== undefined) {
      return {
        ...decision,
        message: `${decision.message} A consent received from a partner organisation is their record and never decides anything in this vault.`,
      };
    }
  }
  return decision;
}

/** checkConsent, or CONSENT_DENIED with the gate's sentence. Bundles, donor reports and publication call this. */
export function requireConsent(
  ctx: DomainContext,
  query: CheckConsentQueryT,
): Extract<ConsentGateResult, { allowed: true }> {
  const r = checkConsent(ctx, query);
  if (!r.allowed) throw new VaultError('CONSENT_DENIED', r.message);
  return r;
}
