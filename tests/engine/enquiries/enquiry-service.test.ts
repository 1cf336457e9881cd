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

  it('accepting opens an active case, optionally with the enquirer as a person; conflicts must be acknowledged', async () => {
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
    expect(c).toMatchObject({
      status: 'active',
      title: 'Omar A. v. Kenya',
      country: 'KE',
      enquiryId: e.id,
      summary: base.summary,
    });
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

  it('accepting carries the named people over as chosen: created with their role, linked when matched, or skipped', async () => {
    const d = await newDomain();
    const earlier = createCase(d.ctx, { title: 'Earlier case' });
    const kamau = createPerson(d.ctx, { fullName: 'Peter Kamau' });
    linkPerson(d.ctx, { personId: kamau.id, caseId: earlier.id, role: 'alleged-perpetrator' });
    const stranger = createPerson(d.ctx, { fullName: 'Grace Wanjiru' });
    const e = addEnquiry(d.ctx, {
      ...base,
      namesMentioned: [
        { name: 'Omar Ali', role: 'survivor' },
        { name: 'Sgt. Peter Kamau', role: 'alleged-perpetrator' },
        'Aisha Ali',
      ],
    });
    expect(e.conflicts.map((m) => m.personId)).toEqual([kamau.id]);
    const accept = (namedPeople: unknown) =>
      codeOf(() =>
        decideEnquiry(d.ctx, { id: e.id, decision: 'accept', acknowledgeConflicts: true, namedPeople } as never),
      );
    const cases = d.rows('cases');
    const people = d.rows('people');
    // only a person the check matched for that name can be linked
    expect(accept([{ index: 1, action: 'link', personId: stranger.id }])).toBe('INVALID_INPUT');
    // a name without a role needs one
    expect(accept([{ index: 2, action: 'create' }])).toBe('INVALID_INPUT');
    expect(accept([{ index: 3, action: 'create', role: 'family' }])).toBe('INVALID_INPUT');
    expect(
      accept([
        { index: 0, action: 'create' },
        { index: 0, action: 'skip' },
      ]),
    ).toBe('INVALID_INPUT');
    // nothing was half-written by the refusals
    expect([d.rows('cases'), d.rows('people')]).toEqual([cases, people]);
    const audit = d.rows('audit_log');

    const done = decideEnquiry(d.ctx, {
      id: e.id,
      decision: 'accept',
      acknowledgeConflicts: true,
      namedPeople: [
        { index: 0, action: 'create' },
        { index: 1, action: 'link', personId: kamau.id },
        { index: 2, action: 'skip' },
      ],
    });
    const c = getCase(d.ctx, done.caseId!);
    expect(c).toMatchObject({ status: 'active', summary: base.summary, title: 'Enquiry of 2026-11-21' });
    const roles = d.ctx.db
      .prepare(
        'SELECT p.full_name AS name, cp.role FROM case_people cp JOIN people p ON p.id = cp.person_id WHERE cp.case_id = ? ORDER BY p.full_name',
      )
      .all([c.id]);
    expect(roles).toEqual([
      { name: 'Omar Ali', role: 'survivor' },
      { name: 'Peter Kamau', role: 'alleged-perpetrator' },
    ]);
    expect(d.rows('people')).toBe(people + 1);
    // one transaction, audited without a name in it
    const entries = d.ctx.db
      .prepare('SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT ?')
      .all([d.rows('audit_log') - audit]) as Array<{ action: string; details: string }>;
    expect(entries.map((x) => x.action).sort()).toEqual(
      ['case.created', 'enquiry.accepted', 'person.added', 'person.linked', 'person.linked'].sort(),
    );
    const accepted = entries.find((x) => x.action === 'enquiry.accepted')!;
    expect(JSON.parse(accepted.details)).toMatchObject({ peopleCreated: 1, peopleLinked: 1, caseId: c.id });
    for (const x of entries) expect(x.details).not.toMatch(/Omar|Kamau|Aisha|detained/);
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
