// A vault whose donor report is known number by number (tests/engine/reports/donor-report.test.ts).
//
// Period 2026-01-01 … 2026-06-30, project P1, clock 2026-11-21.
// - A1 … A10: active, opened 2026-02-10, one consented survivor each (7 female, 3 male;
//   A1–A8 born 1990, A9 2010-05-01, A10 unknown; A1–A8 KE, A9–A10 UG); forum domestic court
//   (A10: UN treaty body); stage merits. A2 also has a witness WITHOUT consent (no story).
// - E: opened 2025-01-01, closed 2026-03-15, consented survivor (female, born 1950-01-01, KE),
//   forum domestic court, stage judgment.
// - B: survivor with no consent; C: survivor who withdrew; C2: consent expired 2026-07-01 (after
//   the period, before the report); D: only a lawyer (no survivor). All four left out.
// - F: still under assessment (not taken on); G: project P2; H: opened after the period.
// Outcomes: declaratory for A1–A10 (2026-03-10); compensation EUR 1000.50 for A1–A5 (2026-05-20),
// 500.00 paid for A1–A3; restitution KES 200 for A6 (2026-05-20); declaratory for B (not counted).
// Deadlines: met (2026-04-01) for A1–A7, missed (2026-04-02) for A8.
// Indicators (policy, 0 → 10): A1–A2 reach 10, A3–A5 reach 5 by 2026-06-01 (A3 reaches 10 in
// August: after the period); survivor: one indicator on A6.
import type { Case } from '../../../shared/domain/cases.js';
import { TOLD_ELEMENTS } from '../../../shared/domain/consents.js';
import type { Person } from '../../../shared/domain/people.js';
import { closeCase, createCase } from '../../../src-main/engine/cases/case-service.js';
import { addConsent, withdrawConsent } from '../../../src-main/engine/consents/consent-service.js';
import { addDeadline, completeDeadline } from '../../../src-main/engine/deadlines/deadline-service.js';
import type { DomainContext } from '../../../src-main/engine/domain/context.js';
import { addIndicator, addOutcome, observeIndicator } from '../../../src-main/engine/outcomes/outcome-service.js';
import { createPerson, linkPerson } from '../../../src-main/engine/people/person-service.js';
import { newDomain, type TestDomain } from '../domain-helpers.js';

export const PERIOD = { from: '2026-01-01', to: '2026-06-30' } as const;

export function giveConsent(ctx: DomainContext, personId: string, caseId: string, extra: Record<string, unknown> = {}) {
  return addConsent(ctx, {
    personId,
    caseId,
    purpose: 'donor-reporting',
    told: [...TOLD_ELEMENTS],
    method: 'written',
    givenAt: '2026-01-05',
    ...extra,
  });
}

export interface Fixture extends TestDomain {
  dir: string;
  cases: Record<string, Case>;
  people: Record<string, Person>;
}

export async function reportFixture(): Promise<Fixture> {
  const d = await newDomain('2026-11-21T12:00:00.000Z');
  const ctx = d.ctx;
  const cases: Record<string, Case> = {};
  const people: Record<string, Person> = {};
  const addCase = (name: string, extra: Record<string, unknown>) => {
    cases[name] = createCase(ctx, {
      title: `Case ${name}`,
      reference: `REF-${name}`,
      project: 'P1',
      openedOn: '2026-02-10',
      forum: 'domestic-court',
      stage: 'merits',
      ...extra,
    });
    return cases[name]!;
  };
  const addPerson = (
    name: string,
    caseId: string,
    role: 'survivor' | 'witness' | 'lawyer',
    extra: Record<string, unknown>,
  ) => {
    people[name] = createPerson(ctx, { fullName: `${name} Zed`, ...extra });
    linkPerson(ctx, { personId: people[name]!.id, caseId, role });
    return people[name]!;
  };

  for (let i = 1; i <= 10; i++) {
    const c = addCase(`A${i}`, i === 10 ? { forum: 'un-treaty-body' } : {});
    const p = addPerson(`S${i}`, c.id, 'survivor', {
      gender: i <= 7 ? 'female' : 'male',
      birthDate: i <= 8 ? '1990' : i === 9 ? '2010-05-01' : undefined,
      country: i <= 8 ? 'KE' : 'UG',
    });
    giveConsent(ctx, p.id, c.id);
  }
  addPerson('W2', cases.A2!.id, 'witness', { gender: 'male' });

  d.setNow('2026-03-15');
  const e = addCase('E', { openedOn: '2025-01-01', stage: 'judgment' });
  const se = addPerson('SE', e.id, 'survivor', { gender: 'female', birthDate: '1950-01-01', country: 'KE' });
  giveConsent(ctx, se.id, e.id);
  closeCase(ctx, e.id, 'Judgment implemented.');
  d.setNow('2026-11-21');

  const b = addCase('B', {});
  addPerson('SB', b.id, 'survivor', { gender: 'male', birthDate: '1980', country: 'TZ' });
  const c = addCase('C', {});
  const sc = addPerson('SC', c.id, 'survivor', { gender: 'female', country: 'TZ' });
  withdrawConsent(ctx, { id: giveConsent(ctx, sc.id, c.id).id, reason: 'Changed her mind.', at: '2026-09-01' });
  const c2 = addCase('C2', {});
  const sc2 = addPerson('SC2', c2.id, 'survivor', { gender: 'female', country: 'TZ' });
  giveConsent(ctx, sc2.id, c2.id, { expiresAt: '2026-07-01' });
  const dd = addCase('D', {});
  addPerson('LD', dd.id, 'lawyer', {});
  const f = addCase('F', { status: 'assessment' });
  giveConsent(ctx, addPerson('SF', f.id, 'survivor', {}).id, f.id);
  const g = addCase('G', { project: 'P2' });
  giveConsent(ctx, addPerson('SG', g.id, 'survivor', {}).id, g.id);
  const h = addCase('H', { openedOn: '2026-08-01' });
  giveConsent(ctx, addPerson('SH', h.id, 'survivor', {}).id, h.id);

  for (let i = 1; i <= 10; i++)
    addOutcome(ctx, {
      caseId: cases[`A${i}`]!.id,
      kind: 'declaratory',
      description: `The court declared the detention unlawful.`,
      achievedOn: '2026-03-10',
    });
  for (let i = 1; i <= 5; i++) {
    addOutcome(ctx, {
      caseId: cases[`A${i}`]!.id,
      kind: 'compensation',
      description: 'The state was ordered to pay compensation.',
      achievedOn: '2026-05-20',
      currency: 'EUR',
      amountAwarded: '1000.50',
      ...(i <= 3 ? { amountPaid: '500' } : {}),
    });
  }
  addOutcome(ctx, {
    caseId: cases.A6!.id,
    kind: 'restitution',
    description: 'Land was returned.',
    achievedOn: '2026-05-20',
    currency: 'KES',
    amountAwarded: '200',
  });
  addOutcome(ctx, { caseId: b.id, kind: 'declaratory', description: 'Not counted.', achievedOn: '2026-03-01' });

  for (let i = 1; i <= 8; i++) {
    const dl = addDeadline(ctx, {
      caseId: cases[`A${i}`]!.id,
      kind: 'filing',
      title: 'File the reply',
      dueOn: '2026-04-01',
    });
    completeDeadline(ctx, {
      id: dl.id,
      status: i <= 7 ? 'met' : 'missed',
      completedOn: i <= 7 ? '2026-04-01' : '2026-04-02',
    });
  }

  for (let i = 1; i <= 5; i++) {
    const ind = addIndicator(ctx, {
      caseId: cases[`A${i}`]!.id,
      name: 'Detention centres inspected',
      dimension: 'policy',
      baseline: 0,
      target: 10,
    });
    observeIndicator(ctx, { indicatorId: ind.id, observedOn: '2026-06-01', value: i <= 2 ? 10 : 5 });
    if (i === 3) observeIndicator(ctx, { indicatorId: ind.id, observedOn: '2026-08-01', value: 10 });
  }
  addIndicator(ctx, {
    caseId: cases.A6!.id,
    name: 'Survivor wellbeing',
    dimension: 'survivor',
    baseline: 0,
    target: 5,
  });

  return { ...d, cases, people };
}
