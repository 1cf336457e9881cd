// THE PROPERTY (issue 6): a report never contains, in any byte of any output (PDF text streams
// included), a name, alias, contact detail, exact date of birth or event, or place more precise
// than country, of anyone in the vault; nor anything from a person without donor-reporting
// consent.
//
// fast-check generates vaults (real SQLCipher files) with a unique marker planted in every
// free-text and identifying field — names and aliases as invented words ("Qzbkrtwm"), other
// free text as QZX + digits, exact dates on days 2–27 — and case summaries and outcome texts
// assembled from sentences that mention those names (in other cases, with accents), places,
// contacts and dates. Each vault's report is rendered in every format and each output searched
// in every reading: raw bytes, the HTML's text, the CSV, the PDF's inflated streams, the strings
// of its content streams, and pdftotext's extraction. A second property changes everything about
// the people and cases whose consent does not allow donor reporting and checks that the report
// does not change.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORUMS, STAGES } from '../../../shared/domain/cases.js';
import { TOLD_ELEMENTS } from '../../../shared/domain/consents.js';
import { GENDERS, type Role } from '../../../shared/domain/people.js';
import type { DonorReportModel, ReportFormat, ReportLanguage } from '../../../shared/domain/reports.js';
import { closeCase, createCase, updateCase } from '../../../src-main/engine/cases/case-service.js';
import { addConsent, withdrawConsent } from '../../../src-main/engine/consents/consent-service.js';
import { addDeadline, completeDeadline } from '../../../src-main/engine/deadlines/deadline-service.js';
import type { DomainContext } from '../../../src-main/engine/domain/context.js';
import { addEnquiry } from '../../../src-main/engine/enquiries/enquiry-service.js';
import { addEvidenceFromSource } from '../../../src-main/engine/evidence/evidence-service.js';
import { addNote } from '../../../src-main/engine/notes/note-service.js';
import {
  addIndicator,
  addOutcome,
  observeIndicator,
  upsertEvaluation,
} from '../../../src-main/engine/outcomes/outcome-service.js';
import { addPartner } from '../../../src-main/engine/partners/partner-service.js';
import { createPerson, linkPerson, updatePerson } from '../../../src-main/engine/people/person-service.js';
import { buildDonorReport, writeDonorReport } from '../../../src-main/engine/reports/donor-report.js';
import { renderPdf } from '../../../src-main/engine/reports/render-pdf.js';
import { tempDir } from '../../helpers.js';
import { newDomain } from '../domain-helpers.js';
import { findLeaks, readings } from './output-text.js';

const NOW = '2026-11-21T12:00:00.000Z';
const PERIOD = { from: '2019-01-01', to: '2026-10-31' };
const CONSONANTS = 'bcdfghjklmnpqrstvwxz';
const MONTHS = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
};
const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', c: 'ç', n: 'ñ' };

const CONSENTS = ['given', 'given', 'given', 'given', 'none', 'withdrawn', 'refused', 'expired', 'uninformed'] as const;
type ConsentKind = (typeof CONSENTS)[number];
const SUMMARY_PARTS = [
  'benign',
  'own-name',
  'own-alias',
  'own-pseudonym',
  'other-name',
  'marker',
  'numeric-date',
  'word-date',
  'contact',
  'place',
  'accented-name',
  'glued-name',
  'phone',
] as const;

const personArb = fc.record({
  role: fc.constantFrom<Role>('survivor', 'survivor', 'survivor', 'witness', 'family', 'alleged-perpetrator'),
  consent: fc.constantFrom<ConsentKind>(...CONSENTS),
  gender: fc.option(fc.constantFrom(...GENDERS), { nil: undefined }),
  birth: fc.record({
    y: fc.integer({ min: 1940, max: 2015 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 2, max: 27 }),
  }),
  country: fc.option(fc.constantFrom('KE', 'UG', 'TZ', 'SN', 'CO'), { nil: undefined }),
});

const dayArb = fc.record({
  y: fc.integer({ min: 2019, max: 2026 }),
  m: fc.integer({ min: 1, max: 10 }),
  d: fc.integer({ min: 2, max: 27 }),
});

const caseArb = fc.record({
  closed: fc.boolean(),
  opened: dayArb,
  forum: fc.option(fc.constantFrom(...FORUMS), { nil: undefined }),
  stage: fc.option(fc.constantFrom(...STAGES), { nil: undefined }),
  country: fc.option(fc.constantFrom('KE', 'UG', 'TZ'), { nil: undefined }),
  sensitivity: fc.constantFrom('standard', 'high', 'high', 'extreme'),
  people: fc.array(personArb, { minLength: 1, maxLength: 3 }),
  summary: fc.array(fc.constantFrom(...SUMMARY_PARTS), { minLength: 2, maxLength: 7 }),
  outcomes: fc.array(
    fc.record({
      kind: fc.constantFrom('declaratory', 'truth-telling', 'compensation', 'movement', 'attitudes'),
      day: dayArb,
      parts: fc.array(fc.constantFrom(...SUMMARY_PARTS), { minLength: 1, maxLength: 3 }),
    }),
    { maxLength: 3 },
  ),
  deadlines: fc.array(fc.record({ met: fc.boolean(), day: dayArb }), { maxLength: 2 }),
  evidence: fc.boolean(),
});

const vaultArb = fc
  .record({
    salt: fc.integer({ min: 0, max: 1_000_000 }),
    cases: fc.array(caseArb, { minLength: 3, maxLength: 8 }),
    enquiries: fc.integer({ min: 0, max: 3 }),
    k: fc.integer({ min: 5, max: 7 }),
    language: fc.constantFrom<ReportLanguage>('en', 'fr', 'es', 'ar'),
  })
  // every vault has at least one case whose story may be told (everyone consented, a survivor,
  // not extreme) with some harmless text, so that no run is vacuous
  .map((v) => {
    const [first, ...rest] = v.cases;
    const people = first!.people.map((p, i) => ({
      ...p,
      consent: 'given' as const,
      role: i === 0 ? ('survivor' as const) : p.role,
    }));
    return {
      ...v,
      cases: [{ ...first!, sensitivity: 'high', people, summary: ['benign' as const, ...first!.summary] }, ...rest],
    };
  });
type VaultSpec = typeof vaultArb extends fc.Arbitrary<infer T> ? T : never;

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (x: { y: number; m: number; d: number }) => `${x.y}-${pad(x.m)}-${pad(Math.min(x.d, 27))}`;
/** fast-check's seed: fixed, so that CI is reproducible; REPORT_LEAK_SEED=… explores others. */
const SEED = Number(process.env.REPORT_LEAK_SEED ?? 20261121);

/** Never after the fixed clock (services refuse the future). */
const pastDay = (x: { y: number; m: number; d: number }) => (dayOf(x) > NOW.slice(0, 10) ? '2026-10-15' : dayOf(x));

/** Everything a report must never show: names as words, free-text markers, exact dates. */
interface Planted {
  names: string[];
  markers: string[];
  dates: string[];
}

class Markers {
  private n = 0;
  readonly planted: Planted = { names: [], markers: [], dates: [] };
  constructor(private readonly salt: number) {}
  /** an invented word ("Qzbkrtwm"), unique in this vault */
  name(): string {
    let x = this.salt * 1000 + this.n++;
    let s = 'Qz';
    for (let i = 0; i < 6; i++) {
      s += CONSONANTS[x % CONSONANTS.length];
      x = Math.floor(x / CONSONANTS.length);
    }
    this.planted.names.push(s);
    return s;
  }
  /** a free-text marker, QZX + digits */
  marker(): string {
    const s = `QZX${this.salt}${String(this.n++).padStart(3, '0')}`;
    this.planted.markers.push(s);
    return s;
  }
  /** an exact date, remembered in every way it could be written */
  date(day: string): string {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    this.planted.dates.push(
      day,
      `${pad(d)}/${pad(m)}/${y}`,
      `${d}/${m}/${y}`,
      `${pad(d)}.${pad(m)}.${y}`,
      `${d} ${MONTHS.en[m - 1]} ${y}`,
      `${MONTHS.en[m - 1]} ${d} ${y}`,
      `${d} ${MONTHS.fr[m - 1]} ${y}`,
      `${d} de ${MONTHS.es[m - 1]} de ${y}`,
    );
    return day;
  }
}

interface BuiltPerson {
  id: string;
  fullName: string;
  alias: string;
  pseudonym: string;
  consent: ConsentKind;
}

async function buildVault(ctx: DomainContext, spec: VaultSpec, mk: Markers) {
  const built: Array<{ id: string; people: BuiltPerson[]; place: string; contact: string }> = [];
  // people first, so that summaries can name people of other cases
  const plannedPeople = spec.cases.map((c) =>
    c.people.map((p) => {
      const fullName = `${mk.name()} ${mk.name()}`;
      return {
        spec: p,
        fullName,
        alias: mk.name(),
        pseudonym: mk.name(),
        contact: `${mk.marker()} Road, +254 7${String(spec.salt).padStart(8, '0')}, ${mk.name().toLowerCase()}@example.org`,
      };
    }),
  );
  const everyone = plannedPeople.flat();
  const sentence = (part: (typeof SUMMARY_PARTS)[number], own: (typeof everyone)[number], place: string): string => {
    const other = everyone[(everyone.indexOf(own) + 1) % everyone.length]!;
    const first = own.fullName.split(' ')[0]!;
    switch (part) {
      case 'benign':
        return 'The court heard the complaint.';
      case 'own-name':
        return `The police beat ${own.fullName.toLowerCase()} in custody.`;
      case 'own-alias':
        return `The family calls him ${own.alias.toUpperCase()}.`;
      case 'own-pseudonym':
        return `In the file the survivor is ${own.pseudonym}.`;
      case 'other-name':
        return `The witness ${other.fullName} saw it.`;
      case 'marker':
        return `The officer ${mk.marker()} signed the order.`;
      case 'numeric-date':
        return `The arrest was on ${mk
          .date(pastDay({ y: 2018, m: 3, d: 2 + (spec.salt % 25) }))
          .split('-')
          .reverse()
          .join('/')}.`;
      case 'word-date': {
        const day = mk.date(`2017-0${1 + (spec.salt % 9)}-${pad(2 + (spec.salt % 25))}`);
        const [y, m, d] = day.split('-').map(Number) as [number, number, number];
        return `The hearing of ${MONTHS.en[m - 1]} ${d}, ${y} was adjourned.`;
      }
      case 'contact':
        return `Reach the family at ${own.contact}.`;
      case 'place':
        return `The detention took place in ${place.toLowerCase()}.`;
      case 'accented-name':
        return `The judge heard ${[...first].map((ch, i) => (i > 0 && ACCENTED[ch] ? ACCENTED[ch] : ch)).join('')} in camera.`;
      case 'glued-name':
        return `The statement of ${first}'s brother was read.`;
      case 'phone':
        return `Call 07${String(spec.salt).padStart(8, '0')} for the file.`;
    }
  };

  const partner = addPartner(ctx, {
    name: `${mk.name()} Human Rights Centre`,
    kind: 'ngo',
    contact: `${mk.marker()} Street`,
  });
  void partner;
  for (let i = 0; i < spec.enquiries; i++) {
    addEnquiry(ctx, {
      receivedOn: mk.date(pastDay({ y: 2024, m: 2 + i, d: 3 + i })),
      channel: 'phone',
      summary: `Caller ${mk.marker()} asked for help.`,
      enquirerName: mk.name(),
      enquirerContact: mk.marker(),
      namesMentioned: [mk.name()],
    });
  }

  for (const [ci, c] of spec.cases.entries()) {
    const place = `${mk.name()} Town`;
    const opened = mk.date(pastDay(c.opened));
    const created = createCase(ctx, {
      title: `${mk.marker()} v. State`,
      reference: `${mk.marker()}-${ci}`,
      openedOn: opened,
      forum: c.forum,
      stage: c.stage,
      country: c.country,
      sensitivity: c.sensitivity as never,
      jurisdiction: `High Court at ${place}`,
      strategy: `Strategy ${mk.marker()}`,
      tags: [`t${mk.marker().toLowerCase()}`],
      team: [{ member: `${mk.name()} ${mk.name()}`, role: 'lead' }],
    });
    const people: BuiltPerson[] = [];
    for (const pp of plannedPeople[ci]!) {
      const p = createPerson(ctx, {
        fullName: pp.fullName,
        aliases: [pp.alias],
        pseudonym: pp.pseudonym,
        gender: pp.spec.gender,
        birthDate: mk.date(dayOf(pp.spec.birth)),
        country: pp.spec.country,
        contact: pp.contact,
        safetyNotes: `Safety ${mk.marker()}`,
        notes: `Notes ${mk.marker()}`,
      });
      linkPerson(ctx, { personId: p.id, caseId: created.id, role: pp.spec.role });
      const base = {
        personId: p.id,
        caseId: created.id,
        purpose: 'donor-reporting' as const,
        method: 'oral-witnessed' as const,
        witness: `${mk.name()} ${mk.name()}`,
        givenAt: '2019-01-05',
        notes: `Consent ${mk.marker()}`,
      };
      const told = [...TOLD_ELEMENTS];
      switch (pp.spec.consent) {
        case 'given':
          addConsent(ctx, { ...base, told });
          break;
        case 'withdrawn':
          withdrawConsent(ctx, {
            id: addConsent(ctx, { ...base, told }).id,
            reason: `Withdrawn ${mk.marker()}`,
            at: '2026-01-10',
          });
          break;
        case 'refused':
          addConsent(ctx, { ...base, told, decision: 'refused', refusalReason: `Refused ${mk.marker()}` });
          break;
        case 'expired':
          addConsent(ctx, { ...base, told, expiresAt: '2026-06-30' });
          break;
        case 'uninformed':
          addConsent(ctx, { ...base, told: told.slice(1) });
          break;
        case 'none':
          break;
      }
      people.push({
        id: p.id,
        fullName: pp.fullName,
        alias: pp.alias,
        pseudonym: pp.pseudonym,
        consent: pp.spec.consent,
      });
    }
    const own = plannedPeople[ci]![0]!;
    updateCase(ctx, { id: created.id, summary: c.summary.map((part) => sentence(part, own, place)).join(' ') });
    for (const o of c.outcomes) {
      addOutcome(ctx, {
        caseId: created.id,
        kind: o.kind as never,
        description: o.parts.map((part) => sentence(part, own, place)).join(' '),
        achievedOn: mk.date(pastDay(o.day)),
        ...(o.kind === 'compensation' ? { currency: 'EUR', amountAwarded: '1000', amountPaid: '250' } : {}),
      });
    }
    for (const dl of c.deadlines) {
      const d = addDeadline(ctx, {
        caseId: created.id,
        kind: 'hearing',
        title: `Hearing ${mk.marker()}`,
        dueOn: mk.date(pastDay(dl.day)),
        notes: mk.marker(),
      });
      completeDeadline(ctx, { id: d.id, status: dl.met ? 'met' : 'missed', completedOn: mk.date(pastDay(dl.day)) });
    }
    const ind = addIndicator(ctx, {
      caseId: created.id,
      name: `Indicator ${mk.marker()}`,
      dimension: 'policy',
      baseline: 0,
      target: 4,
    });
    observeIndicator(ctx, {
      indicatorId: ind.id,
      observedOn: mk.date(pastDay({ y: 2025, m: 3, d: 2 + ci })),
      value: 2,
      note: mk.marker(),
    });
    upsertEvaluation(ctx, {
      caseId: created.id,
      survivor: mk.marker(),
      community: mk.marker(),
      policy: mk.marker(),
      society: mk.marker(),
      summary: mk.marker(),
    });
    addNote(ctx, { caseId: created.id, body: `Note ${mk.marker()} about ${own.fullName}`, author: mk.name() });
    if (c.evidence) {
      await addEvidenceFromSource(
        ctx,
        {
          caseId: created.id,
          fileName: `${mk.marker()}.txt`,
          type: 'testimony',
          title: `Statement ${mk.marker()}`,
          description: mk.marker(),
          source: `${mk.name()} Clinic`,
          collector: `${mk.name()} ${mk.name()}`,
          place: `${mk.name()} Village`,
          collectedAt: mk.date(pastDay({ y: 2023, m: 4, d: 2 + ci })),
        },
        [Buffer.from(`Testimony of ${own.fullName} ${mk.marker()}`)],
      );
    }
    if (c.closed) closeCase(ctx, created.id, `Closed ${mk.marker()}`);
    built.push({ id: created.id, people, place, contact: own.contact });
  }
  return built;
}

async function renderAll(ctx: DomainContext, model: DonorReportModel): Promise<Array<[ReportFormat, Buffer]>> {
  const dir = tempDir('cv-leak-');
  const out: Array<[ReportFormat, Buffer]> = [];
  for (const format of ['html', 'csv', 'pdf'] as const) {
    const file = path.join(dir, `r.${format}`);
    await writeDonorReport(ctx, model, { format, out: file });
    out.push([format, fs.readFileSync(file)]);
  }
  return out;
}

describe('the leak property', () => {
  it('no name, alias, pseudonym, contact, marker or exact date reaches any byte of any format', async () => {
    let storiesWithText = 0;
    let benignSeen = 0;
    await fc.assert(
      fc.asyncProperty(vaultArb, async (spec) => {
        const d = await newDomain(NOW);
        const mk = new Markers(spec.salt);
        await buildVault(d.ctx, spec, mk);
        const input = { ...PERIOD, k: spec.k, language: spec.language };
        let preview;
        try {
          preview = buildDonorReport(d.ctx, input);
        } catch (e) {
          // a generated vault may have nothing to report; that is a refusal, not a leak
          expect((e as { code?: string }).code).toBe('REPORT_NO_DATA');
          return;
        }
        let outputs: Array<[ReportFormat, Buffer]>;
        try {
          outputs = await renderAll(d.ctx, preview.model);
        } catch (e) {
          expect((e as { code?: string }).code).toBe('REPORT_NO_DATA');
          return;
        }
        storiesWithText += preview.model.vignettes.filter((v) => v.paragraphs.length > 0).length;
        for (const [format, bytes] of outputs) {
          const texts = readings(bytes, format);
          expect(findLeaks(texts, mk.planted.names, { glued: true }), `${format}: names`).toEqual([]);
          expect(findLeaks(texts, mk.planted.markers, { glued: true }), `${format}: markers`).toEqual([]);
          expect(findLeaks(texts, mk.planted.dates, { punct: true }), `${format}: dates`).toEqual([]);
          // contact details: the phone number and the e-mail domain part of every contact
          expect(
            findLeaks(texts, [`7${String(spec.salt).padStart(8, '0')}`, '@example.org'], { punct: true }),
            `${format}: contacts`,
          ).toEqual([]);
          if (format === 'html' && texts.text!.includes('The court heard the complaint.')) benignSeen++;
        }
      }),
      { numRuns: 8, endOnFailure: true, seed: SEED },
    );
    // the property is not vacuous: stories were told, and harmless text got through
    expect(storiesWithText).toBeGreaterThan(0);
    expect(benignSeen).toBeGreaterThan(0);
  }, 600_000);

  it('nothing from a person or case without consent: changing all of it changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(vaultArb, async (spec) => {
        const d = await newDomain(NOW);
        const mk = new Markers(spec.salt);
        const built = await buildVault(d.ctx, spec, mk);
        const input = { ...PERIOD, k: spec.k, language: spec.language };
        let before;
        try {
          before = buildDonorReport(d.ctx, input);
        } catch (e) {
          expect((e as { code?: string }).code).toBe('REPORT_NO_DATA');
          return;
        }
        const leftOutOfReport = new Set(before.leftOut.filter((l) => l.from === 'report').map((l) => l.caseId));
        for (const c of built) {
          for (const p of c.people) {
            if (p.consent !== 'given')
              updatePerson(d.ctx, {
                id: p.id,
                gender: 'other',
                birthDate: '1941-02-03',
                country: 'FR',
                fullName: mk.name(),
              });
          }
          // a case left out of the report: everything about it may change
          if (leftOutOfReport.has(c.id)) {
            updateCase(d.ctx, { id: c.id, forum: 'other', stage: 'follow-up', country: 'FR', summary: 'Changed.' });
            addOutcome(d.ctx, { caseId: c.id, kind: 'movement', description: 'Changed.', achievedOn: '2024-05-05' });
          }
        }
        const after = buildDonorReport(d.ctx, input);
        expect(after.model).toEqual(before.model);
      }),
      { numRuns: 5, endOnFailure: true, seed: SEED + 1 },
    );
  }, 600_000);

  it('the search itself finds a marker in each reading of each format (it can fail)', async () => {
    const d = await newDomain(NOW);
    const mk = new Markers(424242);
    const spec = fc.sample(vaultArb, { seed: 7, numRuns: 1 })[0]!;
    await buildVault(
      d.ctx,
      {
        ...spec,
        salt: 424242,
        cases: spec.cases.map((c) => ({ ...c, people: c.people.map((p) => ({ ...p, consent: 'given' as const })) })),
      },
      mk,
    );
    const { model } = buildDonorReport(d.ctx, { ...PERIOD, language: 'en' });
    const name = mk.planted.names[0]!;
    const marker = mk.planted.markers[0]!;
    // bypass the engine's guard: render directly a model that carries a name and a marker
    const leaky = {
      ...model,
      vignettes: [{ heading: 'X', facts: [], paragraphs: [`It was ${name} and ${marker} on 14/03/1987.`] }],
    };
    const pdf = readings(await renderPdf(leaky), 'pdf');
    // the PDF's text is hex-encoded and compressed: only the decoding readings see it
    expect(pdf.latin1!.includes(name)).toBe(false);
    for (const reading of ['strings', 'pdftotext'] as const) {
      expect(findLeaks({ [reading]: pdf[reading]! }, [name], { glued: true })).toEqual([`${name} (in ${reading})`]);
      expect(findLeaks({ [reading]: pdf[reading]! }, [marker], { glued: true })).toEqual([`${marker} (in ${reading})`]);
      expect(findLeaks({ [reading]: pdf[reading]! }, ['14/03/1987'], { punct: true })).toEqual([
        `14/03/1987 (in ${reading})`,
      ]);
    }
    const html = readings(Buffer.from(`<p>${name.toLowerCase()}</p><p>x${marker}y</p>`), 'html');
    expect(findLeaks(html, [name], { glued: true })).toContain(`${name} (in text)`);
    expect(findLeaks(html, [marker], { glued: true })).toContain(`${marker} (in utf8)`);
  }, 120_000);
});
