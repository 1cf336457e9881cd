import { describe, expect, it } from 'vitest';
import { getCase } from '../../../src-main/engine/cases/case-service.js';
import {
  addEnquiry,
  checkEnquiryConflicts,
  decideEnquiry,
  listEnquiries,
} from '../../../src-main/engine/enquiries/enquiry-service.js';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import { createPerson, getPerson, linkPerson } from '../../../src-main/engine/people/person-service.js';
import { codeOfSync as codeOf, newDomain } from '../domain-helpers.js';

const base = {
  channel: 'phone' as const,
  summary: 'Son detained and beaten at Central police station',
  enquirerName: 'Fatuma Ali',
  namesMentioned: ['Omar Ali', 'Sgt. Peter Kamau'],
};

async function withPartner() {
  const d = await newDomain();
  d.ctx.db
    .prepare(
      "INSERT INTO partners (id, name, kind, dd_tier, created_at, updated_at, origin_vault) VALUES ('01900000-0000-7000-8000-0000000000aa', 'Partner NGO', 'ngo', 'small', 't', 't', 'v')",
    )
    .run();
  return { d, partnerId: '01900000-0000-7000-8000-0000000000aa' };
}

describe('enquiries', () => {
  it('records an enquiry and runs the conflict check at once', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Earlier case' });
    const kamau = createPerson(d.ctx, { fullName: 'Peter Kamau', aliases: ['Sgt. Kamau'] });
    linkPerson(d.ctx, { personId: kamau.id, caseId: c.id, role: 'alleged-perpetrator' });
    const e = addEnquiry(d.ctx, base);
    expect(e).toMatchObject({
      status: 'open',
      receivedOn: '2026-11-21',
      channel: 'phone',
      conflictCheckedAt: '2026-11-21T12:00:00.000Z',
    });
    expect(e.conflicts).toEqual([
      expect.objectContaining({
        query: 'Sgt. Peter Kamau',
        personId: kamau.id,
        match: 'partial',
        roles: [expect.objectContaining({ role: 'alleged-perpetrator' })],
      }),
    ]);
  });

  it('accepting opens a case in status accepted, optionally with the enquirer as a person; conflicts must be acknowledged', async () => {
    const d = await newDomain();
    createPerson(d.ctx, { fullName: 'Omar Ali' });
    const e = addEnquiry(d.ctx, base);
    expect(e.conflicts).toHaveLength(1);
    const cases = d.rows('cases');
    expect(codeOf(() => decideEnquiry(d.ctx, { id: e.id, decision: 'accept' }))).toBe('CONFLICT_CHECK_UNRESOLVED');
    expect(d.rows('cases')).toBe(cases);
    const done = decideEnquiry(d.ctx, {
      id: e.id,
      decision: 'accept',
      acknowledgeConflicts: true,
      enquirerRole: 'family',
      case: { title: 'Omar A. v. Kenya', country: 'KE' },
    });
    expect(done).toMatchObject({ status: 'accepted', decidedAt: '2026-11-21T12:00:00.000Z' });
    const c = getCase(d.ctx, done.caseId!);
    expect(c).toMatchObject({ status: 'accepted', title: 'Omar A. v. Kenya', country: 'KE', enquiryId: e.id });
    const people = d.ctx.db.prepare('SELECT person_id, role FROM case_people WHERE case_id = ?').all([c.id]) as Array<{
      person_id: string;
      role: string;
    }>;
    expect(people).toHaveLength(1);
    expect(getPerson(d.ctx, people[0]!.person_id)).toMatchObject({ fullName: 'Fatuma Ali' });
    expect(codeOf(() => decideEnquiry(d.ctx, { id: e.id, decision: 'decline', reason: 'x' }))).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('refers to an existing partner with a reason, declines with a reason', async () => {
    const { d, partnerId } = await withPartner();
    const e1 = addEnquiry(d.ctx, base);
    expect(codeOf(() => decideEnquiry(d.ctx, { id: e1.id, decision: 'refer', partnerId } as never))).toBe(
      'INVALID_INPUT',
    );
    expect(
      codeOf(() =>
        decideEnquiry(d.ctx, {
          id: e1.id,
          decision: 'refer',
          partnerId: '01900000-0000-7000-8000-0000000000bb',
          reason: 'r',
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      decideEnquiry(d.ctx, {
        id: e1.id,
        decision: 'refer',
        partnerId,
        reason: 'Outside our mandate; partner has a local office',
      }),
    ).toMatchObject({ status: 'referred', referredPartnerId: partnerId });
    const e2 = addEnquiry(d.ctx, { ...base, channel: 'email' });
    expect(codeOf(() => decideEnquiry(d.ctx, { id: e2.id, decision: 'decline' } as never))).toBe('INVALID_INPUT');
    expect(decideEnquiry(d.ctx, { id: e2.id, decision: 'decline', reason: 'Not torture-related' })).toMatchObject({
      status: 'declined',
      decisionReason: 'Not torture-related',
      caseId: null,
    });
    expect(listEnquiries(d.ctx, { status: 'declined' }).items.map((x) => x.id)).toEqual([e2.id]);
    expect(codeOf(() => decideEnquiry(d.ctx, { id: e2.id, decision: 'maybe' } as never))).toBe('INVALID_INPUT');
  });

  it('re-runs the conflict check when asked', async () => {
    const d = await newDomain();
    const e = addEnquiry(d.ctx, base);
    expect(e.conflicts).toEqual([]);
    createPerson(d.ctx, { fullName: 'Fatuma Ali' });
    expect(checkEnquiryConflicts(d.ctx, e.id).conflicts).toEqual([
      expect.objectContaining({ match: 'exact', matchedName: 'Fatuma Ali' }),
    ]);
  });

  it('checks every name against the names of earlier enquiries, whatever was decided, with the role each gave', async () => {
    const { d } = await withPartner();
    const first = addEnquiry(d.ctx, {
      ...base,
      enquirerName: 'Amina Yusuf',
      namesMentioned: ['Omar Ali', { name: 'Sgt. Youssef El-Amrani', role: 'alleged-perpetrator' }],
    });
    expect(first.namedPeople).toEqual([
      { name: 'Omar Ali', role: null },
      { name: 'Sgt. Youssef El-Amrani', role: 'alleged-perpetrator' },
    ]);
    expect(first.namesMentioned).toEqual(['Omar Ali', 'Sgt. Youssef El-Amrani']);
    // its own names are not conflicts with itself
    expect(first.conflicts).toEqual([]);
    decideEnquiry(d.ctx, { id: first.id, decision: 'decline', reason: 'Outside our mandate' });
    d.setNow('2026-11-22');
    const second = addEnquiry(d.ctx, { ...base, enquirerName: 'امينة يوسف', namesMentioned: ['Yousef Elamrani'] });
    expect(second.conflicts).toEqual([
      expect.objectContaining({
        query: 'Yousef Elamrani',
        personId: null,
        matchedName: 'Sgt. Youssef El-Amrani',
        matchedKind: 'named',
        match: 'transliteration',
        roles: [],
        enquiry: { id: first.id, receivedOn: '2026-11-21', status: 'declined', role: 'alleged-perpetrator' },
      }),
      expect.objectContaining({
        query: 'امينة يوسف',
        matchedName: 'Amina Yusuf',
        matchedKind: 'enquirer',
        match: 'transliteration',
        enquiry: expect.objectContaining({ id: first.id, role: null }),
      }),
    ]);
    for (const m of second.conflicts) expect(m.reason).toMatch(/^transliteration: /);
    expect(listEnquiries(d.ctx, {}).items.find((x) => x.id === first.id)?.namedPeople[1]).toEqual({
      name: 'Sgt. Youssef El-Amrani',
      role: 'alleged-perpetrator',
    });
  });

  it('reads conflict checks stored before scores and reasons existed', async () => {
    const d = await newDomain();
    const e = addEnquiry(d.ctx, base);
    const old = [
      {
        query: 'Omar Ali',
        personId: '01900000-0000-7000-8000-000000000001',
        matchedName: 'Omar Ali',
        matchedKind: 'name',
        match: 'exact',
        roles: [],
      },
    ];
    d.ctx.db.prepare('UPDATE enquiries SET conflict_matches = ? WHERE id = ?').run([JSON.stringify(old), e.id]);
    expect(listEnquiries(d.ctx, {}).items[0]!.conflicts).toEqual([
      { ...old[0], score: 1, reason: 'exact', pairs: [], enquiry: null },
    ]);
  });
});
