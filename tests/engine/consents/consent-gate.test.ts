// The consent gate as a pure function: a table over every purpose × recipient × state, then the
// time rules (as-of, day expiry, latest decision across series, ties).
import { describe, expect, it } from 'vitest';
import {
  type ConsentPurpose,
  type ConsentRecipient,
  TOLD_ELEMENTS,
  type ToldElement,
} from '../../../shared/domain/consents.js';
import {
  type ConsentFacts,
  type ConsentGateQuery,
  type ConsentVersionFact,
  decideConsent,
  recipientCovers,
} from '../../../src-main/engine/consents/consent-gate.js';

const PERSON = '01900000-0000-7000-8000-00000000000a';
const OTHER_PERSON = '01900000-0000-7000-8000-00000000000b';
const CASE = '01900000-0000-7000-8000-0000000000c1';
const OTHER_CASE = '01900000-0000-7000-8000-0000000000c2';
const PARTNER_A = '01900000-0000-7000-8000-0000000000a1';
const PARTNER_B = '01900000-0000-7000-8000-0000000000b1';
const AT = '2026-06-15T12:00:00.000Z';

let n = 0;
function nextId(): string {
  n += 1;
  return `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A series: version 1 as given (overrides apply), then the later versions. */
function series(v1: Partial<ConsentVersionFact>, ...later: Array<Partial<ConsentVersionFact>>): ConsentVersionFact[] {
  const seriesId = nextId();
  const first: ConsentVersionFact = {
    id: seriesId,
    seriesId,
    version: 1,
    personId: PERSON,
    caseId: CASE,
    purpose: 'representation',
    recipient: null,
    state: 'given',
    told: [...TOLD_ELEMENTS],
    givenAt: '2026-01-10',
    expiresAt: null,
    withdrawnAt: null,
    ...v1,
  };
  const out = [first];
  for (const l of later) out.push({ ...out[out.length - 1]!, id: nextId(), version: out.length + 1, ...l });
  return out;
}

function facts(consents: ConsentVersionFact[], personInCase = true): ConsentFacts {
  return { personInCase, consents };
}

function query(purpose: ConsentPurpose, recipient: ConsentRecipient | null, at = AT): ConsentGateQuery {
  return { personId: PERSON, caseId: CASE, purpose, recipient, at };
}

// Every purpose with each recipient it can have (sharing: each class and a named partner).
const TARGETS: Array<{ purpose: ConsentPurpose; recipient: ConsentRecipient | null; scope: string }> = [
  { purpose: 'representation', recipient: null, scope: 'legal representation' },
  { purpose: 'processing', recipient: null, scope: 'processing of their data' },
  { purpose: 'sharing', recipient: { class: 'court' }, scope: 'sharing with a court' },
  { purpose: 'sharing', recipient: { class: 'un-body' }, scope: 'sharing with a UN body' },
  { purpose: 'sharing', recipient: { class: 'regional-body' }, scope: 'sharing with a regional human-rights body' },
  { purpose: 'sharing', recipient: { class: 'partner' }, scope: 'sharing with partner organisations' },
  { purpose: 'sharing', recipient: { partnerId: PARTNER_A }, scope: `sharing with the partner ${PARTNER_A}` },
  { purpose: 'donor-reporting', recipient: { class: 'donor' }, scope: 'reporting to donors' },
  { purpose: 'media', recipient: { class: 'media' }, scope: 'use in the media' },
  { purpose: 'publication', recipient: { class: 'public' }, scope: 'publication' },
];

/** A recipient of the same purpose that must NOT match the target's. */
function wrongRecipient(r: ConsentRecipient | null): ConsentRecipient | null | undefined {
  if (r === null) return undefined;
  if ('partnerId' in r) return { partnerId: PARTNER_B };
  if (r.class === 'court') return { class: 'un-body' };
  if (r.class === 'un-body') return { class: 'court' };
  if (r.class === 'regional-body') return { class: 'court' };
  if (r.class === 'partner') return { partnerId: PARTNER_A }; // a named partner does not cover "partners" in general
  return undefined; // donor, media, public: the class is implied, no other is possible
}

type Expect =
  | { allowed: true; v: 'first' | 'last' }
  | { allowed: false; reason: string; v?: 'first' | 'last'; messageHas: string[] };

interface Row {
  state: string;
  build: (t: (typeof TARGETS)[number]) => { consents: ConsentVersionFact[]; personInCase?: boolean } | null;
  expect: Expect;
}

const ROWS: Row[] = [
  {
    state: 'given',
    build: (t) => ({ consents: series({ purpose: t.purpose, recipient: t.recipient, expiresAt: '2026-12-31' }) }),
    expect: { allowed: true, v: 'first' },
  },
  {
    state: 'given, no expiry',
    build: (t) => ({ consents: series({ purpose: t.purpose, recipient: t.recipient }) }),
    expect: { allowed: true, v: 'first' },
  },
  {
    state: 'expired',
    build: (t) => ({ consents: series({ purpose: t.purpose, recipient: t.recipient, expiresAt: '2026-06-14' }) }),
    expect: {
      allowed: false,
      reason: 'expired',
      v: 'first',
      messageHas: ['2026-01-10', 'expired at the end of 2026-06-14'],
    },
  },
  {
    state: 'withdrawn',
    build: (t) => ({
      consents: series(
        { purpose: t.purpose, recipient: t.recipient },
        { state: 'withdrawn', withdrawnAt: '2026-03-01T09:00:00.000Z' },
      ),
    }),
    expect: { allowed: false, reason: 'withdrawn', v: 'last', messageHas: ['withdrew', '2026-03-01T09:00:00.000Z'] },
  },
  {
    state: 'refused',
    build: (t) => ({ consents: series({ purpose: t.purpose, recipient: t.recipient, state: 'refused' }) }),
    expect: { allowed: false, reason: 'refused', v: 'first', messageHas: ['refused', '2026-01-10'] },
  },
  {
    state: 'absent',
    build: () => ({ consents: [] }),
    expect: { allowed: false, reason: 'absent', messageHas: ['no consent'] },
  },
  {
    state: 'wrong case',
    build: (t) => ({ consents: series({ purpose: t.purpose, recipient: t.recipient, caseId: OTHER_CASE }) }),
    expect: { allowed: false, reason: 'absent', messageHas: ['no consent'] },
  },
  {
    state: 'other person',
    build: (t) => ({ consents: series({ purpose: t.purpose, recipient: t.recipient, personId: OTHER_PERSON }) }),
    expect: { allowed: false, reason: 'absent', messageHas: ['no consent'] },
  },
  {
    state: 'wrong purpose',
    build: (t) => ({
      consents: series({ purpose: t.purpose === 'processing' ? 'representation' : 'processing', recipient: null }),
    }),
    expect: { allowed: false, reason: 'absent', messageHas: ['no consent'] },
  },
  {
    state: 'wrong partner / recipient',
    build: (t) => {
      const w = wrongRecipient(t.recipient);
      return w === undefined ? null : { consents: series({ purpose: t.purpose, recipient: w }) };
    },
    expect: { allowed: false, reason: 'absent', messageHas: ['no consent'] },
  },
  {
    state: 'consent for partners in general (covers any partner)',
    build: (t) =>
      t.purpose === 'sharing' && t.recipient && ('partnerId' in t.recipient || t.recipient.class === 'partner')
        ? { consents: series({ purpose: 'sharing', recipient: { class: 'partner' } }) }
        : null,
    expect: { allowed: true, v: 'first' },
  },
  {
    state: 'consent for partners in general (does not cover a court or a body)',
    build: (t) =>
      t.purpose === 'sharing' && t.recipient && 'class' in t.recipient && t.recipient.class !== 'partner'
        ? { consents: series({ purpose: 'sharing', recipient: { class: 'partner' } }) }
        : null,
    expect: { allowed: false, reason: 'absent', messageHas: ['no consent'] },
  },
  {
    state: 'not-informed',
    build: (t) => ({
      consents: series({
        purpose: t.purpose,
        recipient: t.recipient,
        told: TOLD_ELEMENTS.filter((e) => e !== 'consequences' && e !== 'right-to-withdraw'),
      }),
    }),
    expect: {
      allowed: false,
      reason: 'not-informed',
      v: 'first',
      messageHas: ['not informed consent', 'the possible consequences and their right to withdraw'],
    },
  },
  {
    state: 'person-not-in-case',
    build: (t) => ({ consents: series({ purpose: t.purpose, recipient: t.recipient }), personInCase: false }),
    expect: { allowed: false, reason: 'person-not-in-case', messageHas: ['not linked to this case'] },
  },
];

describe('decideConsent: every purpose × recipient × state', () => {
  const cases = TARGETS.flatMap((t) =>
    ROWS.map((r) => ({
      t,
      r,
      name: `${t.purpose} → ${t.recipient ? JSON.stringify(t.recipient) : 'no recipient'}: ${r.state}`,
    })),
  );
  it.each(cases)('$name', ({ t, r }) => {
    const built = r.build(t);
    if (built === null) return; // no "other recipient" exists for this purpose
    const result = decideConsent(facts(built.consents, built.personInCase ?? true), query(t.purpose, t.recipient));
    const e = r.expect;
    expect(result.allowed).toBe(e.allowed);
    if (e.allowed) {
      const v = e.v === 'first' ? built.consents[0]! : built.consents[built.consents.length - 1]!;
      expect(result).toEqual({
        allowed: true,
        consentId: v.id,
        seriesId: v.seriesId,
        expiresAt: v.expiresAt,
        message: `Consent to ${t.scope} was given on 2026-01-10 and ${v.expiresAt ? `is valid until the end of ${v.expiresAt}` : 'has no expiry date'}.`,
      });
      return;
    }
    if (result.allowed) throw new Error('expected a denial');
    expect(result.reason).toBe(e.reason);
    expect(result.message).toContain(t.scope);
    for (const m of e.messageHas) expect(result.message).toContain(m);
    if (e.v) {
      const v = e.v === 'first' ? built.consents[0]! : built.consents[built.consents.length - 1]!;
      expect(result.consentId).toBe(v.id);
      expect(result.seriesId).toBe(v.seriesId);
    } else {
      expect(result.consentId).toBeUndefined();
    }
    if (e.reason === 'not-informed') expect(result.missing).toEqual(['consequences', 'right-to-withdraw']);
  });

  it('covers every purpose and every recipient class', () => {
    expect(new Set(TARGETS.map((t) => t.purpose)).size).toBe(6);
    const classes = TARGETS.flatMap((t) => (t.recipient && 'class' in t.recipient ? [t.recipient.class] : []));
    expect(new Set(classes)).toEqual(
      new Set(['court', 'un-body', 'regional-body', 'partner', 'donor', 'media', 'public']),
    );
  });
});

describe('decideConsent: recipients', () => {
  it('a consent for the class partner covers any named partner and the class; a named one only itself', () => {
    expect(recipientCovers({ class: 'partner' }, { partnerId: PARTNER_A })).toBe(true);
    expect(recipientCovers({ class: 'partner' }, { partnerId: PARTNER_B })).toBe(true);
    expect(recipientCovers({ class: 'partner' }, { class: 'partner' })).toBe(true);
    expect(recipientCovers({ partnerId: PARTNER_A }, { partnerId: PARTNER_A })).toBe(true);
    expect(recipientCovers({ partnerId: PARTNER_A }, { partnerId: PARTNER_B })).toBe(false);
    expect(recipientCovers({ partnerId: PARTNER_A }, { class: 'partner' })).toBe(false);
    expect(recipientCovers({ class: 'partner' }, { class: 'court' })).toBe(false);
    expect(recipientCovers({ class: 'court' }, { partnerId: PARTNER_A })).toBe(false);
    expect(recipientCovers(null, null)).toBe(true);
    expect(recipientCovers(null, { class: 'court' })).toBe(false);
    expect(recipientCovers({ class: 'court' }, null)).toBe(false);
  });

  it('names the partner when its name is known', () => {
    const r = decideConsent(
      { personInCase: true, consents: [], partnerNames: { [PARTNER_A]: 'Legal Aid Nairobi' } },
      query('sharing', { partnerId: PARTNER_A }),
    );
    expect(r).toEqual({
      allowed: false,
      reason: 'absent',
      message: `There is no consent from this person in this case for sharing with the partner “Legal Aid Nairobi” (${PARTNER_A}). Record their informed consent before going ahead.`,
    });
  });

  it('a class-partner consent allows a named partner; a later refusal for that partner wins for it only', () => {
    const general = series({ purpose: 'sharing', recipient: { class: 'partner' }, givenAt: '2026-01-10' });
    const refusalA = series({
      purpose: 'sharing',
      recipient: { partnerId: PARTNER_A },
      givenAt: '2026-02-01',
      state: 'refused',
    });
    const f = facts([...general, ...refusalA]);
    expect(decideConsent(f, query('sharing', { partnerId: PARTNER_A }))).toMatchObject({
      allowed: false,
      reason: 'refused',
      consentId: refusalA[0]!.id,
    });
    expect(decideConsent(f, query('sharing', { partnerId: PARTNER_B }))).toMatchObject({
      allowed: true,
      consentId: general[0]!.id,
    });
    expect(decideConsent(f, query('sharing', { class: 'partner' }))).toMatchObject({
      allowed: true,
      consentId: general[0]!.id,
    });
  });
});

describe('decideConsent: time', () => {
  it('reads a series as of `at`: before the withdrawal it allows, from it on it denies', () => {
    const s = series({ givenAt: '2026-01-10' }, { state: 'withdrawn', withdrawnAt: '2026-03-01T09:00:00.000Z' });
    expect(decideConsent(facts(s), query('representation', null, '2026-03-01T08:59:59.999Z'))).toMatchObject({
      allowed: true,
      consentId: s[0]!.id,
    });
    expect(decideConsent(facts(s), query('representation', null, '2026-03-01T09:00:00.000Z'))).toMatchObject({
      allowed: false,
      reason: 'withdrawn',
      consentId: s[1]!.id,
    });
    // a day `at` means the end of that day: the withdrawal during it counts
    expect(decideConsent(facts(s), query('representation', null, '2026-03-01'))).toMatchObject({
      allowed: false,
      reason: 'withdrawn',
    });
    expect(decideConsent(facts(s), query('representation', null, '2026-02-28'))).toMatchObject({ allowed: true });
  });

  it('before the consent was given there is none (and the message says when it starts)', () => {
    const s = series({ givenAt: '2026-07-01' });
    const r = decideConsent(facts(s), query('representation', null, AT));
    expect(r).toEqual({
      allowed: false,
      reason: 'absent',
      message: `There is no consent from this person in this case for legal representation as of ${AT}: the consent recorded for it takes effect only on 2026-07-01.`,
    });
    expect(decideConsent(facts(s), query('representation', null, '2026-07-01'))).toMatchObject({ allowed: true });
  });

  it('a day given-at counts from the first moment of that day', () => {
    const s = series({ givenAt: '2026-06-15' });
    expect(decideConsent(facts(s), query('representation', null, '2026-06-15T00:00:00.000Z'))).toMatchObject({
      allowed: true,
    });
    expect(decideConsent(facts(s), query('representation', null, '2026-06-14T23:59:59.999Z'))).toMatchObject({
      allowed: false,
      reason: 'absent',
    });
  });

  it('a day expiry covers its whole day; an instant expiry ends at that instant', () => {
    const day = series({ expiresAt: '2026-06-15' });
    expect(decideConsent(facts(day), query('representation', null, '2026-06-15T23:59:59.999Z'))).toMatchObject({
      allowed: true,
    });
    expect(decideConsent(facts(day), query('representation', null, '2026-06-15'))).toMatchObject({ allowed: true });
    expect(decideConsent(facts(day), query('representation', null, '2026-06-16T00:00:00.000Z'))).toMatchObject({
      allowed: false,
      reason: 'expired',
    });
    const instant = series({ expiresAt: '2026-06-15T10:00:00.000Z' });
    expect(decideConsent(facts(instant), query('representation', null, '2026-06-15T09:59:59.999Z'))).toMatchObject({
      allowed: true,
    });
    const r = decideConsent(facts(instant), query('representation', null, '2026-06-15T10:00:00.000Z'));
    expect(r).toMatchObject({ allowed: false, reason: 'expired' });
    expect(r.message).toBe(
      'The consent to legal representation given on 2026-01-10 expired at 2026-06-15T10:00:00.000Z. Ask the person again and record a renewed consent.',
    );
  });

  it('a renewal (a later version with a later given-at) applies only from the renewal', () => {
    const s = series(
      { givenAt: '2026-01-10', expiresAt: '2026-03-01' },
      { givenAt: '2026-04-01', expiresAt: '2027-03-31' },
    );
    expect(decideConsent(facts(s), query('representation', null, '2026-02-01'))).toMatchObject({
      allowed: true,
      consentId: s[0]!.id,
      expiresAt: '2026-03-01',
    });
    expect(decideConsent(facts(s), query('representation', null, '2026-03-15'))).toMatchObject({
      allowed: false,
      reason: 'expired',
      consentId: s[0]!.id,
    });
    expect(decideConsent(facts(s), query('representation', null, '2026-05-01'))).toMatchObject({
      allowed: true,
      consentId: s[1]!.id,
      expiresAt: '2027-03-31',
    });
  });

  it('the most recent decision across series wins, whichever way it goes', () => {
    const refused = series({ state: 'refused', givenAt: '2026-01-10' });
    const givenLater = series({ givenAt: '2026-02-10' });
    expect(decideConsent(facts([...refused, ...givenLater]), query('representation', null))).toMatchObject({
      allowed: true,
      consentId: givenLater[0]!.id,
    });
    const given = series({ givenAt: '2026-01-10' });
    const refusedLater = series({ state: 'refused', givenAt: '2026-02-10' });
    expect(decideConsent(facts([...given, ...refusedLater]), query('representation', null))).toMatchObject({
      allowed: false,
      reason: 'refused',
      consentId: refusedLater[0]!.id,
    });
    // a withdrawal is decided when it was made, not when the consent was given
    const withdrawnLate = series({ givenAt: '2026-01-01' }, { state: 'withdrawn', withdrawnAt: '2026-05-01' });
    const givenBetween = series({ givenAt: '2026-03-01' });
    expect(decideConsent(facts([...withdrawnLate, ...givenBetween]), query('representation', null))).toMatchObject({
      allowed: false,
      reason: 'withdrawn',
    });
    // the latest series being expired denies even if an older one would still allow
    const old = series({ givenAt: '2026-01-01' });
    const newer = series({ givenAt: '2026-02-01', expiresAt: '2026-03-01' });
    expect(decideConsent(facts([...old, ...newer]), query('representation', null))).toMatchObject({
      allowed: false,
      reason: 'expired',
      consentId: newer[0]!.id,
    });
  });

  it('decisions that cannot be put in order tie, and a tie denies when the tied records disagree', () => {
    const given = series({ givenAt: '2026-02-01' });
    const refused = series({ state: 'refused', givenAt: '2026-02-01' });
    const r = decideConsent(facts([...given, ...refused]), query('representation', null));
    expect(r).toMatchObject({ allowed: false, reason: 'refused', consentId: refused[0]!.id });
    expect(r.message).toContain('decided at the same time and do not agree');
    // a day and a time within it cannot be ordered either
    const givenAtNoon = series({ givenAt: '2026-02-01T12:00:00.000Z' });
    const refusedThatDay = series({ state: 'refused', givenAt: '2026-02-01' });
    expect(decideConsent(facts([...givenAtNoon, ...refusedThatDay]), query('representation', null))).toMatchObject({
      allowed: false,
      reason: 'refused',
    });
    // two instants a millisecond apart can
    const g = series({ givenAt: '2026-02-01T12:00:00.001Z' });
    const rf = series({ state: 'refused', givenAt: '2026-02-01T12:00:00.000Z' });
    expect(decideConsent(facts([...g, ...rf]), query('representation', null))).toMatchObject({
      allowed: true,
      consentId: g[0]!.id,
    });
    // tied and uninformed: denied as not-informed
    const informed = series({ givenAt: '2026-02-01' });
    const uninformed = series({ givenAt: '2026-02-01', told: ['nature'] as ToldElement[] });
    expect(decideConsent(facts([...informed, ...uninformed]), query('representation', null))).toMatchObject({
      allowed: false,
      reason: 'not-informed',
      consentId: uninformed[0]!.id,
    });
  });

  it('tied records that all allow: allowed by the one that lasts longest', () => {
    const shortOne = series({
      purpose: 'sharing',
      recipient: { class: 'partner' },
      givenAt: '2026-02-01',
      expiresAt: '2026-12-31',
    });
    const named = series({ purpose: 'sharing', recipient: { partnerId: PARTNER_A }, givenAt: '2026-02-01' });
    const r = decideConsent(facts([...shortOne, ...named]), query('sharing', { partnerId: PARTNER_A }));
    expect(r).toMatchObject({ allowed: true, consentId: named[0]!.id, expiresAt: null });
    expect(r.message).not.toContain('do not agree');
  });

  it('not-informed lists every missing element in order', () => {
    const s = series({ told: [] });
    const r = decideConsent(facts(s), query('representation', null));
    expect(r).toMatchObject({ allowed: false, reason: 'not-informed', missing: [...TOLD_ELEMENTS] });
    expect(r.message).toBe(
      'The consent to legal representation given on 2026-01-10 is not informed consent: the record does not show that the person was told the nature of the process, why the evidence is sought, how it will be used, the possible consequences, their right to refuse and their right to withdraw. Explain it to them and record their consent again.',
    );
  });

  it('person-not-in-case comes before anything else', () => {
    expect(decideConsent(facts([], false), query('publication', { class: 'public' }))).toEqual({
      allowed: false,
      reason: 'person-not-in-case',
      message:
        'This person is not linked to this case, so no consent recorded in it can cover publication; link them to the case first.',
    });
  });
});
