/**
 * `case-vault demo`: fill a vault with realistic synthetic data for demonstrations and
 * benchmarks — partners, a risk register, enquiries, and N cases in six languages with people
 * in every role, consents in every state (given, expired, withdrawn, refused), notes, deadlines
 * (met, upcoming, overdue), outcomes with reparations, indicators with observations, and small
 * evidence files (text testimonies, PNG photos, PDF reports) for the first cases.
 *
 * Everything goes through the same services as real data (validation, audit entries), in
 * transactions of BATCH cases so that 100 000 cases take minutes, not hours. Names and texts are
 * fictional (demo-content.ts); the PRNG is seeded so that `--seed` reproduces a vault's content.
 */
import { deflateSync, crc32 } from 'node:zlib';
import { createCase, transitionCase } from '../cases/case-service.js';
import { addConsent, withdrawConsent } from '../consents/consent-service.js';
import { addDeadline, completeDeadline } from '../deadlines/deadline-service.js';
import { type DomainContext, mutate } from '../domain/context.js';
import { VaultError } from '../../../shared/errors.js';
import { addEnquiry, decideEnquiry } from '../enquiries/enquiry-service.js';
import { addEvidenceFromSource } from '../evidence/evidence-service.js';
import { addNote } from '../notes/note-service.js';
import { addIndicator, addOutcome, observeIndicator, upsertEvaluation } from '../outcomes/outcome-service.js';
import { addAgreement, addPartner, setSharingProfile } from '../partners/partner-service.js';
import { createPerson, linkPerson } from '../people/person-service.js';
import { addRisk } from '../risks/risk-service.js';
import { SeededRng } from '../util/seeded-rng.js';
import { appendAudit } from '../audit/audit-log.js';
import { DEMO_LANGUAGES, DEMO_PARTNERS, DEMO_RISKS, type DemoLanguage } from './demo-content.js';

export interface DemoOptions {
  cases: number;
  seed?: number;
  /** how many of the first cases get evidence files (default min(cases, 10)) */
  casesWithEvidence?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  cases: number;
  people: number;
  consents: number;
  notes: number;
  deadlines: number;
  outcomes: number;
  indicators: number;
  evidence: number;
  enquiries: number;
  partners: number;
  risks: number;
  seconds: number;
}

export const MAX_DEMO_CASES = 1_000_000;
const BATCH = 250;
const DAY_MS = 86_400_000;

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Whether a demo run began in this vault and never finished (killed, or the disk filled): its
 * first transaction records demo.started, its last demo.generated. A vault from before
 * demo.started existed is recognised by holding only the demo's partners and no demo.generated.
 */
function interruptedDemo(ctx: DomainContext): boolean {
  const has = (action: string) =>
    (ctx.db.prepare('SELECT EXISTS (SELECT 1 FROM audit_log WHERE action = ?) AS x').get([action]) as { x: number })
      .x === 1;
  if (has('demo.generated')) return false;
  if (has('demo.started')) return true;
  const names = (ctx.db.prepare('SELECT name FROM partners').all() as Array<{ name: string }>).map((r) => r.name);
  const demoNames = new Set<string>(DEMO_PARTNERS.map((p) => p.name));
  return names.length === DEMO_PARTNERS.length && names.every((n) => demoNames.has(n));
}

/**
 * Demo data must never mix with real records: it is only written into a vault that holds no
 * cases, people, partners or enquiries yet. A demo cannot be continued where it stopped (its
 * content follows one seeded sequence), so an interrupted one is told how to start again.
 */
export function assertEmptyForDemo(ctx: DomainContext): void {
  const used = ['cases', 'people', 'partners', 'enquiries'].filter(
    (t) => (ctx.db.prepare(`SELECT EXISTS (SELECT 1 FROM ${t}) AS x`).get() as { x: number }).x === 1,
  );
  if (used.length > 0 && interruptedDemo(ctx)) {
    throw new VaultError(
      'VAULT_NOT_EMPTY',
      'A demo run in this vault was stopped before it finished, and a demo cannot be continued. This vault holds only demo data: delete its folder, or make a new vault for the demo ("case-vault init --vault NEW_FOLDER", then "case-vault demo --vault NEW_FOLDER").',
    );
  }
  if (used.length > 0) {
    throw new VaultError(
      'VAULT_NOT_EMPTY',
      `This vault already holds ${used.join(', ')}; demo data goes only into a new, empty vault so that it never mixes with real records.`,
    );
  }
}

export async function generateDemo(ctx: DomainContext, opts: DemoOptions): Promise<DemoSummary> {
  if (!Number.isInteger(opts.cases) || opts.cases < 1 || opts.cases > MAX_DEMO_CASES) {
    throw new VaultError('INVALID_INPUT', `cases: must be a whole number from 1 to ${MAX_DEMO_CASES}.`);
  }
  assertEmptyForDemo(ctx);
  const t0 = performance.now();
  const rng = new SeededRng(opts.seed ?? 20261121);
  const now = ctx.now().getTime();
  const counts: Omit<DemoSummary, 'seconds'> = {
    cases: 0,
    people: 0,
    consents: 0,
    notes: 0,
    deadlines: 0,
    outcomes: 0,
    indicators: 0,
    evidence: 0,
    enquiries: 0,
    partners: 0,
    risks: 0,
  };

  const partnerIds = ctx.db.transaction(() => {
    // with the first demo records, so that a run stopped after them is recognised (interruptedDemo)
    appendAudit(ctx.db, ctx.vaultId, { action: 'demo.started', subject: null, details: { cases: opts.cases } });
    return DEMO_PARTNERS.map((p, i) => {
      const partner = addPartner(ctx, {
        ...p,
        ddReviewOn: day(now - (30 + i * 60) * DAY_MS),
        ddOutcome: i === 4 ? 'approved-with-conditions' : 'approved',
      });
      addAgreement(ctx, {
        partnerId: partner.id,
        kind: 'mou',
        signedOn: day(now - 400 * DAY_MS),
        expiresOn: day(now + (i - 1) * 200 * DAY_MS),
      });
      addAgreement(ctx, { partnerId: partner.id, kind: 'confidentiality', signedOn: day(now - 390 * DAY_MS) });
      setSharingProfile(ctx, {
        partnerId: partner.id,
        allow: [{ kind: 'cases' }, { kind: 'people' }, { kind: 'consents' }, { kind: 'evidence' }],
      });
      counts.partners++;
      return partner.id;
    });
  })();

  ctx.db.transaction(() => {
    DEMO_RISKS.forEach((r, i) => {
      addRisk(ctx, {
        ...r,
        owner: 'Security focal point',
        reviewOn: day(now + (i - 2) * 45 * DAY_MS),
        status: i === 5 ? 'accepted' : 'open',
      });
      counts.risks++;
    });
  })();

  // A pool of alleged perpetrators who appear in several cases, so conflict checks find them.
  const perpetrators: string[] = [];
  const perpetratorNames: string[] = [];
  const withEvidence = Math.min(opts.cases, opts.casesWithEvidence ?? 10);

  for (let start = 0; start < opts.cases; start += BATCH) {
    const end = Math.min(opts.cases, start + BATCH);
    const evidenceJobs: Array<{ caseId: string; lang: DemoLanguage; i: number }> = [];
    ctx.db.transaction(() => {
      for (let i = start; i < end; i++) {
        const lang = rng.pick(DEMO_LANGUAGES);
        const caseId = oneCase(ctx, rng, lang, i, now, partnerIds, perpetrators, perpetratorNames, counts);
        if (i < withEvidence) evidenceJobs.push({ caseId, lang, i });
      }
    })();
    for (const job of evidenceJobs) {
      for (const file of demoFiles(job.lang, job.i)) {
        await addEvidenceFromSource(
          ctx,
          {
            caseId: job.caseId,
            fileName: file.name,
            type: file.type,
            title: file.title,
            description: file.description,
            source: 'Demo data',
            collector: 'Case Vault demo',
            method: 'Synthetic',
            mediaType: file.mediaType,
          },
          [file.bytes],
        );
        counts.evidence++;
      }
    }
    opts.onProgress?.(end, opts.cases);
  }

  ctx.db.transaction(() => {
    // Enquiries: a few open ones (one naming a known alleged perpetrator), one of each decision.
    for (let i = 0; i < Math.min(8, Math.max(2, Math.ceil(opts.cases / 1000))); i++) {
      const lang = rng.pick(DEMO_LANGUAGES);
      const e = addEnquiry(ctx, {
        channel: rng.pick(['phone', 'email', 'in-person', 'messaging', 'referral'] as const),
        summary: rng.pick(lang.summaries),
        enquirerName: personName(rng, lang),
        receivedOn: day(now - rng.int(0, 60) * DAY_MS),
        namesMentioned: i === 0 && perpetratorNames[0] ? [perpetratorNames[0]] : [],
      });
      counts.enquiries++;
      if (i === 1) decideEnquiry(ctx, { id: e.id, decision: 'decline', reason: 'Outside the organisation’s mandate.' });
      if (i === 2)
        decideEnquiry(ctx, {
          id: e.id,
          decision: 'refer',
          partnerId: partnerIds[0]!,
          reason: 'The partner has an office in the region.',
        });
    }
  })();

  mutate(ctx, (audit) => audit({ action: 'demo.generated', subject: null, details: { ...counts } }));
  return { ...counts, seconds: Math.round((performance.now() - t0) / 100) / 10 };
}

function personName(rng: SeededRng, lang: DemoLanguage): string {
  return lang.code === 'zh'
    ? rng.pick(lang.familyNames) + rng.pick(lang.givenNames) + rng.pick(lang.givenNames)
    : `${rng.pick(lang.givenNames)}${lang.nameJoin}${rng.pick(lang.familyNames)}`;
}

const STATUS_PLAN = [
  ['active', 50],
  ['closed', 15],
  ['assessment', 10],
  ['accepted', 10],
  ['enquiry', 5],
  ['referred', 5],
  ['declined', 5],
] as const;

function pickStatus(rng: SeededRng): (typeof STATUS_PLAN)[number][0] {
  let x = rng.int(1, 100);
  for (const [s, w] of STATUS_PLAN) {
    if ((x -= w) <= 0) return s;
  }
  return 'active';
}

const DEMO_PROJECTS = ['EU-2025-ACT', 'UNVFVT-26', 'OAK-LIT-3'] as const;
const DONOR_CODE_OF_PROJECT: Readonly<Record<(typeof DEMO_PROJECTS)[number], string>> = {
  'EU-2025-ACT': 'EIDHR-2025-014',
  'UNVFVT-26': 'UNVFVT-G26-118',
  'OAK-LIT-3': 'OAK-OCAY-2024-7',
};

/** Each demo project is funded under one donor code (what donor reports select by). */
function fundedBy(project: (typeof DEMO_PROJECTS)[number]): { project: string; donorCode: string } {
  return { project, donorCode: DONOR_CODE_OF_PROJECT[project] };
}

function oneCase(
  ctx: DomainContext,
  rng: SeededRng,
  lang: DemoLanguage,
  i: number,
  now: number,
  partnerIds: string[],
  perpetrators: string[],
  perpetratorNames: string[],
  counts: Omit<DemoSummary, 'seconds'>,
): string {
  const status = pickStatus(rng);
  const openedMs = now - rng.int(10, 6 * 365) * DAY_MS;
  const forum = rng.pick([
    'domestic-court',
    'regional-commission',
    'regional-court',
    'un-treaty-body',
    'un-special-procedure',
  ] as const);
  const c = createCase(ctx, {
    title: rng.pick(lang.titles),
    status:
      status === 'enquiry' || status === 'assessment' || status === 'accepted'
        ? status
        : status === 'referred' || status === 'declined'
          ? 'assessment'
          : 'active',
    forum,
    country: rng.pick(lang.countries),
    stage: rng.pick([
      'preparation',
      'filed',
      'admissibility',
      'merits',
      'judgment',
      'implementation',
      'follow-up',
    ] as const),
    sensitivity: rng.pick(['standard', 'high', 'high', 'extreme'] as const),
    summary: rng.pick(lang.summaries),
    strategy:
      'Exhaust domestic remedies, then petition the competent international body; seek rehabilitation as well as compensation.',
    // picked where the project always was, so the random sequence (and every demo vault) is unchanged
    ...fundedBy(rng.pick(DEMO_PROJECTS)),
    openedOn: day(openedMs),
    tags: [
      lang.code,
      forum === 'un-treaty-body' ? 'uncat' : 'domestic',
      rng.pick(['detention', 'protest', 'border', 'custody-death', 'disappearance']),
    ],
    team: [{ member: rng.pick(['Lead counsel A', 'Lead counsel B', 'Lead counsel C']), role: 'lead' }],
  });
  counts.cases++;
  if (status === 'closed') transitionCase(ctx, { id: c.id, to: 'closed', reason: 'Proceedings concluded.' });
  if (status === 'referred' || status === 'declined')
    transitionCase(ctx, { id: c.id, to: status, reason: 'Assessment completed.' });

  // People: a survivor, often a witness or family member, sometimes a known alleged perpetrator.
  const survivor = createPerson(ctx, {
    fullName: personName(rng, lang),
    pseudonym: `Client ${c.reference.slice(-6)}`,
    gender: rng.pick(['female', 'male', 'female', 'male', 'non-binary', 'undisclosed'] as const),
    birthDate: String(rng.int(1950, 2008)),
    country: rng.pick(lang.countries),
    contact: 'Through the community paralegal only.',
    safetyNotes: rng.int(0, 2) === 0 ? 'Do not call: phone may be monitored.' : '',
    vulnerabilities: rng.int(0, 3) === 0 ? ['trauma', 'reprisal-risk'] : ['trauma'],
  });
  linkPerson(ctx, { personId: survivor.id, caseId: c.id, role: 'survivor' });
  counts.people++;
  if (rng.int(0, 1) === 1) {
    const w = createPerson(ctx, { fullName: personName(rng, lang), pseudonym: `Witness ${c.reference.slice(-6)}` });
    linkPerson(ctx, { personId: w.id, caseId: c.id, role: rng.pick(['witness', 'family'] as const) });
    counts.people++;
  }
  if (perpetrators.length < 50 || rng.int(0, 3) === 0) {
    let pid: string;
    if (perpetrators.length < 50 || rng.int(0, 1) === 0) {
      const name = `${rng.pick(['Sgt.', 'Capt.', 'Cmdr.', 'Lt.'])} ${personName(rng, lang)}`;
      pid = createPerson(ctx, { fullName: name }).id;
      perpetrators.push(pid);
      perpetratorNames.push(name);
      counts.people++;
    } else {
      pid = rng.pick(perpetrators);
    }
    linkPerson(ctx, { personId: pid, caseId: c.id, role: 'alleged-perpetrator' });
  }

  // Consents of the survivor: representation always; sharing and donor reporting in every state.
  const told = ['nature', 'purpose', 'use', 'consequences', 'right-to-refuse', 'right-to-withdraw'] as const;
  const givenMs = openedMs + rng.int(0, 5) * DAY_MS;
  const base = {
    personId: survivor.id,
    caseId: c.id,
    told: [...told],
    method: rng.pick(['written', 'recorded'] as const),
    language: lang.code,
    givenAt: day(Math.min(givenMs, now)),
  };
  addConsent(ctx, { ...base, purpose: 'representation' });
  counts.consents++;
  const state = rng.pick(['given', 'given', 'expired', 'withdrawn', 'refused'] as const);
  const sharingRecipient =
    rng.int(0, 1) === 0
      ? { partnerId: rng.pick(partnerIds) }
      : { class: rng.pick(['partner', 'court', 'un-body'] as const) };
  if (state === 'refused') {
    addConsent(ctx, {
      ...base,
      purpose: 'sharing',
      recipient: sharingRecipient,
      decision: 'refused',
      refusalReason: 'Fears reprisals if the file leaves the office.',
    });
  } else {
    const sharing = addConsent(ctx, {
      ...base,
      purpose: 'sharing',
      recipient: sharingRecipient,
      ...(state === 'expired'
        ? { expiresAt: day(Math.min(givenMs + 365 * DAY_MS, now - DAY_MS)) }
        : { expiresAt: day(now + rng.int(30, 900) * DAY_MS) }),
    });
    if (state === 'withdrawn')
      withdrawConsent(ctx, {
        id: sharing.id,
        reason: 'The client changed their mind after a threat.',
        at: day(now - rng.int(0, 5) * DAY_MS),
      });
  }
  counts.consents++;
  if (rng.int(0, 2) > 0) {
    addConsent(ctx, { ...base, purpose: 'donor-reporting' });
    counts.consents++;
  }

  // Notes, deadlines, outcomes.
  for (let n = rng.int(1, 3); n > 0; n--) {
    addNote(ctx, { caseId: c.id, body: rng.pick(lang.notes), author: 'Demo' });
    counts.notes++;
  }
  for (let n = rng.int(0, 2); n > 0; n--) {
    const offset = rng.int(-30, 120);
    const d = addDeadline(ctx, {
      caseId: c.id,
      kind: rng.pick(['limitation', 'filing', 'hearing', 'response'] as const),
      title: rng.pick([
        'File the communication',
        'Hearing on admissibility',
        'Reply to the State’s observations',
        'Limitation period ends',
      ]),
      dueOn: day(now + offset * DAY_MS),
    });
    if (offset < -10) completeDeadline(ctx, { id: d.id, status: rng.int(0, 4) === 0 ? 'missed' : 'met' });
    counts.deadlines++;
  }
  if (status === 'closed' || (status === 'active' && rng.int(0, 2) === 0)) {
    const kind = rng.pick([
      'declaratory',
      'truth-telling',
      'compensation',
      'rehabilitation',
      'non-repetition',
      'movement',
      'attitudes',
    ] as const);
    const money =
      kind === 'compensation'
        ? { currency: 'EUR', amountAwarded: String(rng.int(5, 80) * 1000), amountPaid: String(rng.int(0, 5) * 1000) }
        : {};
    const o = addOutcome(ctx, {
      caseId: c.id,
      kind,
      description: 'Finding of a violation and an order to investigate.',
      achievedOn: day(now - rng.int(0, 300) * DAY_MS),
      ...money,
    });
    counts.outcomes++;
    if (rng.int(0, 1) === 0) {
      const ind = addIndicator(ctx, {
        caseId: c.id,
        outcomeId: o.id,
        name: 'Officers trained on the absolute prohibition of torture',
        dimension: 'policy',
        unit: 'officers',
        baseline: 0,
        target: 200,
      });
      observeIndicator(ctx, { indicatorId: ind.id, observedOn: day(now - 90 * DAY_MS), value: rng.int(0, 120) });
      observeIndicator(ctx, { indicatorId: ind.id, observedOn: day(now - 10 * DAY_MS), value: rng.int(60, 200) });
      counts.indicators++;
    }
    if (status === 'closed')
      upsertEvaluation(ctx, {
        caseId: c.id,
        survivor: 'Recognition of what happened; access to rehabilitation.',
        policy: 'Custody safeguards reviewed.',
        summary: 'Impact beyond the judgment is being followed.',
      });
  }
  return c.id;
}

interface DemoFile {
  name: string;
  title: string;
  description: string;
  type: 'testimony' | 'photo' | 'medical-report';
  mediaType: string;
  bytes: Buffer;
}

/** Three small files per case: a testimony (text), a photo (PNG), a medical report (PDF). */
function demoFiles(lang: DemoLanguage, i: number): DemoFile[] {
  return [
    {
      name: `testimony-${i + 1}.txt`,
      title: 'Testimony (transcript)',
      description: lang.summaries[0]!,
      type: 'testimony',
      mediaType: 'text/plain; charset=utf-8',
      bytes: Buffer.from(lang.notes.join('\n\n') + '\n', 'utf8'),
    },
    {
      name: `injury-photo-${i + 1}.png`,
      title: 'Photograph of injuries (synthetic)',
      description: 'Synthetic image for the demo.',
      type: 'photo',
      mediaType: 'image/png',
      bytes: demoPng(160, 120, i),
    },
    {
      name: `medical-report-${i + 1}.pdf`,
      title: 'Istanbul Protocol medical report (synthetic)',
      description: 'Synthetic one-page report for the demo.',
      type: 'medical-report',
      mediaType: 'application/pdf',
      bytes: demoPdf(`Synthetic medical report ${i + 1} - Case Vault demo`),
    },
  ];
}

/** A valid RGB PNG: a diagonal gradient, different for each i. */
export function demoPng(width: number, height: number, i: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      raw[o] = (x * 255) / width;
      raw[o + 1] = (y * 255) / height;
      raw[o + 2] = (i * 47) & 0xff;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A valid one-page PDF with one line of ASCII text, with a correct cross-reference table. */
export function demoPdf(line: string): Buffer {
  const text = line.replace(/[()\\]/g, '');
  const stream = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, k) => {
    offsets.push(out.length);
    out += `${k + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
