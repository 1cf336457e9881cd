/**
 * What goes into a bundle: only records this vault originated, the partner gate (the
 * organisation's policy: engine/policy), the consent check for every person whose record
 * travels, the partner's sharing profile applied to every record, the evidence files chosen,
 * and what stands in the way (blockers). `planBundle` is the share wizard's preview;
 * `exportBundle` (export.ts) runs the same planning and writes exactly what the plan lists.
 *
 * Origin (docs/bundle-format.md, "Authority over what arrives"; the importer refuses anything else with
 * BUNDLE_ORIGIN_MISMATCH / BUNDLE_FOREIGN_LINK): a record goes only if `origin_vault` is this
 * vault. Received records are never forwarded — not to a third partner, not back to their
 * origin. For a chosen case a partner sent us, the case record, its people, their roles and
 * consents stay out; the notes, deadlines, outcomes and evidence made here in it go (its
 * originator receives them as proposed additions). An evidence record made here from an item
 * that was not keeps its content but not `derivedFrom`/`derivationReason`.
 *
 * Consent (docs/consents.md, "The gate"): for each person made here and linked to a chosen case
 * made here, the gate is asked for purpose 'sharing', recipient = this partner, at = now (a
 * consent naming the partner's class, e.g. "partner organisations", covers it too:
 * consent-gate.ts recipientCovers). The check is per (person, case): a person is shared only
 * with the cases in which they consented. People made elsewhere are never asked about, blocked
 * or listed as left out: their records never travel.
 *
 * Leave-out mode — what is removed for a (person, case) pair the gate denies:
 *   - the person's role in that case (their `roles` list in the bundle lists only consented cases);
 *   - every consent record of that person in that case (all versions);
 *   - the person's record itself, when no chosen case remains in which they consented.
 * Nothing else is changed: notes, evidence descriptions and other free text are NOT scanned
 * for the person's name — the wizard shows this so the user can leave such records out.
 * Refuse mode: any denied pair is BUNDLE_CONSENT_MISSING, naming the person ids and the reasons.
 *
 * Nothing to share is an error: when no record would go in, the plan has the blocker
 * BUNDLE_EMPTY, saying why (an empty sharing profile — the default —, received records, consent)
 * and how to set the profile. `withheld` counts, per kind, what stays out and why.
 */
import { canonicalJson } from '../../../shared/canonical-json.js';
import {
  BUNDLE_LIMITS,
  BUNDLE_RECORD_SCHEMAS,
  type BundlePlan,
  type KindCounts,
  PlanBundleInput,
  WITHHELD_REASONS,
  fileEntryName,
  recordEntryName,
  zeroCounts,
} from '../../../shared/domain/bundles.js';
import {
  type SharingKind,
  type SharingProfile,
  SHARING_KINDS,
  profileAllows,
} from '../../../shared/domain/partners.js';
import type { PartnerKey } from '../../../shared/domain/partners.js';
import { VaultError } from '../../../shared/errors.js';
import { getCase } from '../cases/case-service.js';
import { checkConsent } from '../consents/consent-gate.js';
import { consentFromRow, consentWire } from '../consents/consent-row.js';
import { all, get, sql, sqlIn } from '../db/sql.js';
import { type DomainContext, nowIso, parseInput } from '../domain/context.js';
import { getEvidence } from '../evidence/evidence-service.js';
import { getDeadline } from '../deadlines/deadline-service.js';
import { getNote } from '../notes/note-service.js';
import { getOutcome } from '../outcomes/outcome-service.js';
import { getSharingProfile, requirePartner } from '../partners/partner-service.js';
import { verifiedKeysOf } from '../partners/partner-keys.js';
import { notClearedMessage, partnerClearance } from '../policy/policy-service.js';
import { getPerson } from '../people/person-service.js';
import { shareableCopy } from '../records/sharing.js';
import { TAR_BLOCK } from '../tar/tar.js';

/** One record entry, its bytes final (canonical JSON of the profile-cut record). */
export interface PlannedRecord {
  kind: SharingKind;
  id: string;
  name: string;
  bytes: Buffer;
}

/** One evidence file entry: streamed from the blob store at export time. */
export interface PlannedFile {
  evidenceId: string;
  blobId: string;
  sha256: string;
  size: number;
  name: string;
}

export interface PlannedBundle {
  input: ReturnType<typeof PlanBundleInput.parse>;
  plan: BundlePlan;
  profile: SharingProfile;
  keys: PartnerKey[];
  records: PlannedRecord[];
  files: PlannedFile[];
  /** evidence items whose metadata or file goes out: their custody logs get 'shared' */
  sharedEvidence: Array<{ id: string; file: boolean }>;
}

interface Pair {
  personId: string;
  caseId: string;
  role: string;
}

/** Bytes an entry takes in the tar: header, content, padding. */
export function tarEntryBytes(size: number): number {
  return TAR_BLOCK + Math.ceil(size / TAR_BLOCK) * TAR_BLOCK;
}

/**
 * Cut a record down with the profile (records/sharing.ts: the profile's fields and the keys the
 * table description declares structural) and serialise it; the result is parsed with the receiving
 * side's strict schema first, so this vault never writes a record another vault would refuse.
 */
function cutRecord(
  profile: SharingProfile,
  kind: SharingKind,
  full: Record<string, unknown>,
  extra?: (cut: Record<string, unknown>) => void,
): PlannedRecord | null {
  const cut = shareableCopy(profile, kind, full);
  if (!cut) return null;
  extra?.(cut);
  const checked = BUNDLE_RECORD_SCHEMAS[kind].safeParse(cut);
  if (!checked.success) {
    throw new VaultError(
      'INTERNAL',
      `A ${kind} record (${String(full.id)}) does not fit the bundle record format; nothing was written.`,
    );
  }
  const bytes = Buffer.from(canonicalJson(cut), 'utf8');
  return { kind, id: String(full.id), name: recordEntryName(kind, String(full.id)), bytes };
}

function personLabel(pseudonym: string | null, personId: string): string {
  return pseudonym ? `${personId} (“${pseudonym}”)` : personId;
}

type Withheld = BundlePlan['withheld'];

const KIND_WORDS: Record<SharingKind, [string, string]> = {
  cases: ['case', 'cases'],
  people: ['person', 'people'],
  consents: ['consent', 'consents'],
  evidence: ['evidence item', 'evidence items'],
  notes: ['note', 'notes'],
  deadlines: ['deadline', 'deadlines'],
  outcomes: ['outcome', 'outcomes'],
};

function countOf(n: number, kind: SharingKind): string {
  return `${n} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}`;
}

function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/**
 * The sentence of BUNDLE_EMPTY: nothing of the chosen cases would go in. Says why (the
 * profile, received records, consent) and how to let more through.
 */
function emptyMessage(
  partner: { id: string; name: string },
  profile: SharingProfile,
  withheld: Withheld,
  leftOut: number,
  cases: Array<{ reference: string; originatedHere: boolean }>,
): string {
  const setProfile = `case-vault partner profile ${partner.id} --allow KIND[:FIELD,…] (for example --allow cases --allow notes; in the app: Partners → ${partner.name} → Sharing profile)`;
  if (!SHARING_KINDS.some((k) => Array.isArray(profile[k]))) {
    return `The sharing profile of “${partner.name}” lets nothing of the chosen cases through: it is empty, as it is for every new partner until someone decides what they may receive. Set what they may receive: ${setProfile}.`;
  }
  const why: string[] = [];
  const total = (reason: Withheld[number]['reason']) => withheld.filter((w) => w.reason === reason);
  const notInProfile = total('not-in-profile');
  if (notInProfile.length > 0)
    why.push(
      `the sharing profile of “${partner.name}” does not let ${listWords(notInProfile.map((w) => countOf(w.count, w.kind)))} through`,
    );
  const received = total('received').reduce((n, w) => n + w.count, 0);
  if (received > 0)
    why.push(
      `${received === 1 ? 'one record was' : `${received} records were`} received from partners, and received records are never forwarded`,
    );
  const foreign = cases.filter((c) => !c.originatedHere).map((c) => c.reference);
  if (foreign.length > 0) {
    why.push(
      `${foreign.length === 1 ? `the case ${foreign[0]!} came` : `the cases ${listWords(foreign)} came`} from a partner: only notes, deadlines, outcomes and evidence added in this vault go back to it`,
    );
  }
  if (leftOut > 0)
    why.push(`${leftOut === 1 ? 'one person was' : `${leftOut} people were`} left out for want of consent`);
  if (why.length === 0) why.push('the chosen cases hold nothing this vault could share');
  return `Nothing of the chosen cases would go to “${partner.name}”: ${why.join('; ')}. If they should receive more, set what they may receive: ${setProfile}.`;
}

/**
 * Plan a bundle: what would go in, what is left out and why, and what blocks it. Reads only.
 *
 * Origin rules (docs/bundle-format.md, "What goes into a bundle"): only records this vault
 * originated are written. Received records are never forwarded. For a chosen case a partner
 * sent us, its case record, people, roles and consents stay out, and only the notes, deadlines,
 * outcomes and evidence made here in it go (the case's originator receives them as proposed
 * additions). The consent gate is asked only for people whose records travel: people made
 * here, in the chosen cases made here.
 */
export function planBundleInternal(ctx: DomainContext, rawInput: unknown): PlannedBundle {
  const input = parseInput(PlanBundleInput, rawInput);
  const partner = requirePartner(ctx.db, input.partnerId);
  // a passphrase bundle is sealed with no key of theirs: it needs none verified
  const keys = input.byPassphrase ? [] : verifiedKeysOf(ctx, partner.id);
  const profile = getSharingProfile(ctx, partner.id);
  const clearance = partnerClearance(ctx, partner.id);
  const ours = ctx.vaultId;
  const blockers: BundlePlan['blockers'] = [];
  if (!clearance.cleared)
    blockers.push({ code: 'PARTNER_NOT_CLEARED', message: notClearedMessage(partner.name, clearance) });
  if (keys.length === 0 && !input.byPassphrase) {
    blockers.push({
      code: 'BUNDLE_PARTNER_NOT_VERIFIED',
      message: `The partner “${partner.name}” has no verified key. Import their contact card and compare the safety number with them before sharing (partner safety-number, partner verify).`,
    });
  }

  const caseIds = [...new Set(input.caseIds)];
  const cases: BundlePlan['cases'] = [];
  for (const id of caseIds) {
    const row = get<{ id: string; reference: string; origin_vault: string }>(
      ctx.db,
      sql`SELECT id, reference, origin_vault FROM cases WHERE id = ${id}`,
    );
    if (row) cases.push({ id: row.id, reference: row.reference, originatedHere: row.origin_vault === ours });
    else blockers.push({ code: 'NOT_FOUND', message: `No case with id ${id} in this vault.` });
  }
  const foundCaseIds = cases.map((c) => c.id);
  const ownCaseIds = cases.filter((c) => c.originatedHere).map((c) => c.id);
  const chosenCases = new Set(foundCaseIds);
  const ownCases = new Set(ownCaseIds);

  const fileIds = [...new Set(input.evidenceIds)];
  const fileRows: Array<{ id: string; case_id: string; blob_id: string; sha256: string; size: number }> = [];
  for (const id of fileIds) {
    const row = get<{
      id: string;
      case_id: string;
      blob_id: string;
      sha256: string;
      size: number;
      origin_vault: string;
    }>(ctx.db, sql`SELECT id, case_id, blob_id, sha256, size, origin_vault FROM evidence WHERE id = ${id}`);
    if (!row) blockers.push({ code: 'NOT_FOUND', message: `No evidence item with id ${id} in this vault.` });
    else if (!chosenCases.has(row.case_id))
      blockers.push({
        code: 'INVALID_INPUT',
        message: `evidenceIds: the evidence item ${id} does not belong to any of the chosen cases.`,
      });
    else if (row.origin_vault !== ours) {
      blockers.push({
        code: 'INVALID_INPUT',
        message: `evidenceIds: the evidence item ${id} was received from a partner, and received records are never forwarded; leave its file out.`,
      });
    } else
      fileRows.push({
        id: row.id,
        case_id: row.case_id,
        blob_id: row.blob_id,
        sha256: row.sha256,
        size: Number(row.size),
      });
  }
  if (fileRows.length > 0 && !profileAllows(profile, 'evidence', 'file')) {
    blockers.push({
      code: 'INVALID_INPUT',
      message: `evidenceIds: the sharing profile of “${partner.name}” does not allow evidence files; leave the files out or change the profile.`,
    });
  }

  // Every (person, case) link of the chosen cases, with the person's origin. Only links of
  // people made here to cases made here travel, and only those are put to the consent gate.
  const links = all<Pair & { personOrigin: string }>(
    ctx.db,
    sql`SELECT cp.person_id AS personId, cp.case_id AS caseId, cp.role AS role, p.origin_vault AS personOrigin
        FROM case_people cp JOIN people p ON p.id = cp.person_id
        WHERE cp.case_id IN ${sqlIn(foundCaseIds)} ORDER BY cp.case_id, cp.person_id, cp.role`,
  );
  const travelling = links.filter((l) => l.personOrigin === ours && ownCases.has(l.caseId));

  // Consent: every travelling (person, case) pair.
  const at = nowIso(ctx);
  const pairKey = (personId: string, caseId: string) => `${personId}\u0000${caseId}`;
  const decided = new Map<string, boolean>();
  const leftOut: BundlePlan['leftOut'] = [];
  const consentIds = new Set<string>();
  for (const l of travelling) {
    const k = pairKey(l.personId, l.caseId);
    if (decided.has(k)) continue;
    const r = checkConsent(ctx, {
      purpose: 'sharing',
      personId: l.personId,
      caseId: l.caseId,
      recipient: { partnerId: partner.id },
      at,
    });
    decided.set(k, r.allowed);
    if (r.allowed) consentIds.add(r.consentId);
    else {
      const pseudonym =
        get<{ pseudonym: string | null }>(ctx.db, sql`SELECT pseudonym FROM people WHERE id = ${l.personId}`)
          ?.pseudonym ?? null;
      leftOut.push({ personId: l.personId, pseudonym, caseId: l.caseId, reason: r.reason, message: r.message });
    }
  }
  if (leftOut.length > 0 && input.onMissingConsent === 'refuse') {
    const refs = new Map(cases.map((c) => [c.id, c.reference]));
    const who = leftOut
      .slice(0, 5)
      .map(
        (l) =>
          `person ${personLabel(l.pseudonym, l.personId)} in case ${refs.get(l.caseId) ?? l.caseId} (${l.reason}: ${l.message})`,
      )
      .join('; ');
    const more = leftOut.length > 5 ? `; and ${leftOut.length - 5} more` : '';
    blockers.push({
      code: 'BUNDLE_CONSENT_MISSING',
      message: `${leftOut.length === 1 ? 'One person' : `${leftOut.length} people`} in the chosen cases did not consent to sharing with “${partner.name}”: ${who}${more}. Record their consent, or leave them out (--leave-out).`,
    });
  }
  const allowedPairs = travelling.filter((l) => decided.get(pairKey(l.personId, l.caseId)) === true);

  // What may go, per kind (ids in entry order), and what stays out because of its origin.
  const withheld: Withheld = [];
  const withhold = (kind: SharingKind, reason: Withheld[number]['reason'], count: number) => {
    if (count > 0) withheld.push({ kind, reason, count });
  };
  const eligible: Record<SharingKind, string[]> = {
    cases: [],
    people: [],
    consents: [],
    evidence: [],
    notes: [],
    deadlines: [],
    outcomes: [],
  };

  eligible.cases = [...ownCaseIds].sort();
  withhold('cases', 'received', foundCaseIds.length - ownCaseIds.length);

  const rolesOf = new Map<string, Array<{ caseId: string; role: string }>>();
  for (const p of allowedPairs) {
    const list = rolesOf.get(p.personId) ?? [];
    list.push({ caseId: p.caseId, role: p.role });
    rolesOf.set(p.personId, list);
  }
  eligible.people = [...rolesOf.keys()].sort();
  const linkedPeople = new Set(links.map((l) => l.personId));
  const receivedPeople = new Set(links.filter((l) => l.personOrigin !== ours).map((l) => l.personId));
  const travellingPeople = new Set(travelling.map((l) => l.personId));
  withhold('people', 'received', receivedPeople.size);
  withhold(
    'people',
    'received-case',
    [...linkedPeople].filter((id) => !receivedPeople.has(id) && !travellingPeople.has(id)).length,
  );

  const consentRows = all<{ id: string; person_id: string; case_id: string; origin_vault: string }>(
    ctx.db,
    sql`SELECT c.id, c.person_id, c.case_id, c.origin_vault FROM consents c WHERE c.case_id IN ${sqlIn(foundCaseIds)} ORDER BY c.id`,
  );
  const pairs = new Set(allowedPairs.map((p) => pairKey(p.personId, p.caseId)));
  let consentsReceived = 0;
  let consentsInReceivedCase = 0;
  for (const r of consentRows) {
    if (r.origin_vault !== ours || receivedPeople.has(r.person_id)) consentsReceived++;
    else if (!ownCases.has(r.case_id)) consentsInReceivedCase++;
    else if (pairs.has(pairKey(r.person_id, r.case_id))) eligible.consents.push(r.id);
  }
  withhold('consents', 'received', consentsReceived);
  withhold('consents', 'received-case', consentsInReceivedCase);

  // notes, deadlines, outcomes, evidence: in every chosen case, those made here
  const caseRecords = (kind: 'evidence' | 'notes' | 'deadlines' | 'outcomes') => {
    const rows =
      kind === 'evidence'
        ? all<{ id: string; origin_vault: string }>(
            ctx.db,
            sql`SELECT id, origin_vault FROM evidence WHERE case_id IN ${sqlIn(foundCaseIds)} ORDER BY id`,
          )
        : kind === 'notes'
          ? all<{ id: string; origin_vault: string }>(
              ctx.db,
              sql`SELECT id, origin_vault FROM notes WHERE case_id IN ${sqlIn(foundCaseIds)} ORDER BY id`,
            )
          : kind === 'deadlines'
            ? all<{ id: string; origin_vault: string }>(
                ctx.db,
                sql`SELECT id, origin_vault FROM deadlines WHERE case_id IN ${sqlIn(foundCaseIds)} ORDER BY id`,
              )
            : all<{ id: string; origin_vault: string }>(
                ctx.db,
                sql`SELECT id, origin_vault FROM outcomes WHERE case_id IN ${sqlIn(foundCaseIds)} ORDER BY id`,
              );
    eligible[kind] = rows.filter((r) => r.origin_vault === ours).map((r) => r.id);
    withhold(kind, 'received', rows.length - eligible[kind].length);
  };
  caseRecords('evidence');
  caseRecords('notes');
  caseRecords('deadlines');
  caseRecords('outcomes');

  // Records, in entry order: kinds in SHARING_KINDS order, ids in order within a kind.
  const records: PlannedRecord[] = [];
  const push = (r: PlannedRecord | null) => {
    if (r) records.push(r);
  };
  const included: KindCounts = zeroCounts();
  const sharedEvidence: Array<{ id: string; file: boolean }> = [];
  const fileIdSet = new Set(fileRows.map((f) => f.id));
  const consentSeries = new Set<string>();

  for (const kind of SHARING_KINDS) {
    if (!Array.isArray(profile[kind])) {
      withhold(kind, 'not-in-profile', eligible[kind].length);
      continue;
    }
    const before = records.length;
    switch (kind) {
      case 'cases':
        for (const id of eligible.cases)
          push(cutRecord(profile, kind, getCase(ctx, id) as unknown as Record<string, unknown>));
        break;
      case 'people':
        for (const personId of eligible.people) {
          const person = getPerson(ctx, personId) as unknown as Record<string, unknown>;
          // only the roles in the consented, chosen cases made here: never other cases the person is in
          push(cutRecord(profile, kind, { ...person, roles: rolesOf.get(personId)! }));
        }
        break;
      case 'consents':
        for (const id of eligible.consents) {
          const consent = consentFromRow(get(ctx.db, sql`SELECT * FROM consents WHERE id = ${id}`));
          consentSeries.add(consent.seriesId);
          push(cutRecord(profile, kind, consentWire(consent)));
        }
        break;
      case 'evidence':
        for (const id of eligible.evidence) {
          const e = { ...(getEvidence(ctx, id) as unknown as Record<string, unknown>) };
          // a derivation names the item it was made from: only when that item was made here too
          if (typeof e.derivedFrom === 'string') {
            const from = get<{ origin_vault: string }>(
              ctx.db,
              sql`SELECT origin_vault FROM evidence WHERE id = ${e.derivedFrom}`,
            );
            if (from?.origin_vault !== ours) {
              delete e.derivedFrom;
              delete e.derivationReason;
            }
          }
          const withFile = fileIdSet.has(id);
          // a file travels under its SHA-256 (files/<sha256>): the record names the hash and
          // size it must have even when the profile leaves those fields out (they are in the
          // manifest anyway), so the recipient can tie the file to its record
          push(
            cutRecord(
              profile,
              kind,
              e,
              withFile ? (cut) => Object.assign(cut, { sha256: e.sha256, size: e.size }) : undefined,
            ),
          );
          sharedEvidence.push({ id, file: withFile });
        }
        break;
      case 'notes':
      case 'deadlines':
      case 'outcomes':
        for (const id of eligible[kind]) {
          const rec =
            kind === 'notes' ? getNote(ctx, id) : kind === 'deadlines' ? getDeadline(ctx, id) : getOutcome(ctx, id);
          push(cutRecord(profile, kind, rec as unknown as Record<string, unknown>));
        }
        break;
    }
    // a consent is counted once, however many versions of it go in (a withdrawal is the second
    // version of the consent it withdraws): the count is the consents the person gave or refused
    included[kind] = kind === 'consents' ? consentSeries.size : records.length - before;
  }

  for (const r of records) {
    if (r.bytes.length > BUNDLE_LIMITS.recordBytes) {
      blockers.push({
        code: 'BUNDLE_ENTRY_TOO_LARGE',
        message: `The ${r.kind} record ${r.id} is larger than ${BUNDLE_LIMITS.recordBytes} bytes, the most a bundle record may be.`,
      });
    }
  }
  if (records.reduce((n, r) => n + r.bytes.length, 0) > BUNDLE_LIMITS.recordsTotalBytes) {
    blockers.push({
      code: 'BUNDLE_ENTRY_TOO_LARGE',
      message: `The records of this bundle come to more than ${BUNDLE_LIMITS.recordsTotalBytes} bytes; share fewer cases at a time.`,
    });
  }
  if (records.length + fileRows.length + 2 > BUNDLE_LIMITS.entries) {
    blockers.push({
      code: 'BUNDLE_ENTRY_TOO_LARGE',
      message: `This bundle would have more than ${BUNDLE_LIMITS.entries} entries; share fewer cases at a time.`,
    });
  }
  // Nothing to share is an error (docs/bundle-format.md): after the origin rules, the consent gate and the profile.
  if (records.length === 0 && cases.length > 0) {
    blockers.push({ code: 'BUNDLE_EMPTY', message: emptyMessage(partner, profile, withheld, leftOut.length, cases) });
  }

  // Files: one entry per distinct content (two items with the same bytes share one file).
  const files: PlannedFile[] = [];
  const seenHashes = new Set<string>();
  for (const f of [...fileRows].sort((a, b) => a.id.localeCompare(b.id))) {
    if (seenHashes.has(f.sha256)) continue;
    seenHashes.add(f.sha256);
    files.push({ evidenceId: f.id, blobId: f.blob_id, sha256: f.sha256, size: f.size, name: fileEntryName(f.sha256) });
  }
  const totalBytes = records.reduce((n, r) => n + r.bytes.length, 0) + files.reduce((n, f) => n + f.size, 0);

  const plan: BundlePlan = {
    partner: { id: partner.id, name: partner.name },
    verifiedKeys: keys.map((k) => ({ id: k.id, vaultId: k.vaultId, publicKey: k.publicKey })),
    cases,
    clearance,
    included,
    withheld,
    leftOut,
    consentIds: [...consentIds].sort(),
    evidenceFiles: fileRows.map((f) => ({ id: f.id, size: f.size })),
    totalBytes,
    blockers,
  };
  plan.withheld.sort(
    (a, b) =>
      SHARING_KINDS.indexOf(a.kind) - SHARING_KINDS.indexOf(b.kind) ||
      WITHHELD_REASONS.indexOf(a.reason) - WITHHELD_REASONS.indexOf(b.reason),
  );
  return { input, plan, profile, keys, records, files, sharedEvidence };
}

/** The share wizard's preview (and `bundle export --dry-run`): changes nothing. */
export function planBundle(ctx: DomainContext, input: unknown): BundlePlan {
  return planBundleInternal(ctx, input).plan;
}
