import { describe, expect, it } from 'vitest';
import { getCase } from '../../../src-main/engine/cases/case-service.js';
import { addEnquiry, checkEnquiryConflicts, decideEnquiry, listEnquiries } from '../../../src-main/engine/enquiries/enquiry-service.js';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import { createPerson, getPerson, linkPerson } from '../../../src-main/engine/people/person-service.js';
import { codeOfSync as codeOf, newDomain } from '../domain-helpers.js';

const base = { channel: 'phone' as const, summary: 'Son detained and beaten at Central police station', enquirerName: 'Fatuma Ali', namesMentioned: ['Omar Ali', 'Sgt. Peter Kamau'] };

async function withPartner() {
  const d = await newDomain();
  d.ctx.db.prepare("INSERT INTO partners (id, name, kind, dd_tier, created_at, updated_at, origin_vault) VALUES ('01900000-0000-7000-8000-0000000000aa', 'Partner NGO', 'ngo', 'small', 't', 't', 'v')").run();
  return { d, partnerId: '01900000-0000-7000-8000-0000000000aa' };
}

describe('enquiries', () => {
  it('records an enquiry and runs the conflict check at once', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Earlier case' });
    const kamau = createPerson(d.ctx, { fullName: 'Peter Kamau', aliases: ['Sgt. Kamau'] });
    linkPerson(d.ctx, { personId: kamau.id, caseId: c.id, role: 'alleged-perpetrator' });
    const e = addEnquiry(d.ctx, base);
    expect(e).toMatchObject({ status: 'open', receivedOn: '2026-11-21', channel: 'phone', conflictCheckedAt: '2026-11-21T12:00:00.000Z' });
    expect(e.conflicts).toEqual([expect.objectContaining({ query: 'Sgt. Peter Kamau', personId: kamau.id, match: 'partial', roles: [expect.objectContaining({ role: 'alleged-perpetrator' })] })]);
  });

  it('accepting opens a case in status accepted, optionally with the enquirer as a person; conflicts must be acknowledged', async () => {
    const d = await newDomain();
    createPerson(d.ctx, { fullName: 'Omar Ali' });
    const e = addEnquiry(d.ctx, base);
    expect(e.conflicts).toHaveLength(1);
    const cases = d.rows('cases');
    expect(codeOf(() => decideEnquiry(d.ctx, { id: e.id, decision: 'accept' }))).toBe('CONFLICT_CHECK_UNRESOLVED');
    expect(d.rows('cases')).toBe(cases);
    const done = decideEnquiry(d.ctx, { id: e.id, decision: 'accept', acknowledgeConflicts: true, enquirerRole: 'family', case: { title: 'Omar A. v. Kenya', country: 'KE' } });
    expect(done).toMatchObject({ status: 'accepted', decidedAt: '2026-11-21T12:00:00.000Z' });
    const c = getCase(d.ctx, done.caseId!);
    expect(c).toMatchObject({ status: 'accepted', title: 'Omar A. v. Kenya', country: 'KE', enquiryId: e.id });
    const people = d.ctx.db.prepare('SELECT person_id, role FROM case_people WHERE case_id = ?').all([c.id]) as Array<{ person_id: string; role: string }>;
    expect(people).toHaveLength(1);
    expect(getPerson(d.ctx, people[0]!.person_id)).toMatchObject({ fullName: 'Fatuma Ali' });
    expect(codeOf(() => decideEnquiry(d.ctx, { id: e.id, decision: 'decline', reason: 'x' }))).toBe('INVALID_TRANSITION');
  });

  it('refers to an existing partner with a reason, declines with a reason', async () => {
    const { d, partnerId } = await withPartner();
    const e1 = addEnquiry(d.ctx, base);
    expect(codeOf(() => decideEnquiry(d.ctx, { id: e1.id, decision: 'refer', partnerId } as never))).toBe('INVALID_INPUT');
    expect(codeOf(() => decideEnquiry(d.ctx, { id: e1.id, decision: 'refer', partnerId: '01900000-0000-7000-8000-0000000000bb', reason: 'r' }))).toBe('NOT_FOUND');
    expect(decideEnquiry(d.ctx, { id: e1.id, decision: 'refer', partnerId, reason: 'Outside our mandate; partner has a local office' })).toMatchObject({ status: 'referred', referredPartnerId: partnerId });
    const e2 = addEnquiry(d.ctx, { ...base, channel: 'email' });
    expect(codeOf(() => decideEnquiry(d.ctx, { id: e2.id, decision: 'decline' } as never))).toBe('INVALID_INPUT');
    expect(decideEnquiry(d.ctx, { id: e2.id, decision: 'decline', reason: 'Not torture-related' })).toMatchObject({ status: 'declined', decisionReason: 'Not torture-related', caseId: null });
    expect(listEnquiries(d.ctx, { status: 'declined' }).items.map((x) => x.id)).toEqual([e2.id]);
    expect(codeOf(() => decideEnquiry(d.ctx, { id: e2.id, decision: 'maybe' } as never))).toBe('INVALID_INPUT');
  });

  it('re-runs the conflict check when asked', async () => {
    const d = await newDomain();
    const e = addEnquiry(d.ctx, base);
    expect(e.conflicts).toEqual([]);
    createPerson(d.ctx, { fullName: 'Fatuma Ali' });
    expect(checkEnquiryConflicts(d.ctx, e.id).conflicts).toEqual([expect.objectContaining({ match: 'exact', matchedName: 'Fatuma Ali' })]);
  });
});
