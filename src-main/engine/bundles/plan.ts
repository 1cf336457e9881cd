/**
 * What goes into a bundle: the consent check for every person in the chosen cases, the
 * partner's sharing profile applied to every record, the evidence files chosen, and what
 * stands in the way (blockers). `planBundle` is the share wizard's preview; `exportBundle`
 * (export.ts) runs the same planning and writes exactly what the plan lists.
 *
 * Consent (DESIGN.md, "The consent gate"): for each person linked to a chosen case, the gate
 * is asked for purpose 'sharing', recipient = this partner, at = now (a consent naming the
 * partner's class, e.g. "partner organisations", covers it too: consent-gate.ts
 * recipientCovers). The check is per (person, case): a person is shared only with the cases in
 * which they consented.
 *
 * Leave-out mode — what is removed for a (person, case) pair the gate denies:
 *   - the person's role in that case (their `roles` list in the bundle lists only consented cases);
 *   - every consent record of that person in that case (all versions);
 *   - the person's record itself, when no chosen case remains in which they consented.
 * Nothing else is changed: notes, evidence descriptions and other free text are NOT scanned
 * for the person's name — the wizard shows this so the user can leave such records out.
 * Refuse mode: any denied pair is BUNDLE_CONSENT_MISSING, naming the person ids and the reasons.
 */
import { canonicalJson } from '../../../shared/canonical-json.js';
import {
  BUNDLE_LIMITS,
  BUNDLE_RECORD_SCHEMAS,
  type BundlePlan,
  type KindCounts,
  PlanBundleInput,
  fileEntryName,
  recordEntryName,
  zeroCounts,
} from '../../../shared/domain/bundles.js';
import { type SharingKind, type SharingProfile, SHARING_KINDS, applySharingProfile, profileAllows } from '../../../shared/domain/partners.js';
import type { PartnerKey } from '../../../shared/domain/partners.js';
import { VaultError } from '../../../shared/errors.js';
import { getCase } from '../cases/case-service.js';
import { type ConsentFactRow, checkConsent, toldFromRow } from '../consents/consent-gate.js';
import { all, get, sql, sqlIn } from '../db/sql.js';
import { type DomainContext, nowIso, parseInput } from '../domain/context.js';
import { getEvidence } from '../evidence/evidence-service.js';
import { getDeadline } from '../deadlines/deadline-service.js';
import { getNote } from '../notes/note-service.js';
import { getOutcome } from '../outcomes/outcome-service.js';
import { getSharingProfile, requirePartner } from '../partners/partner-service.js';
import { verifiedKeysOf } from '../partners/partner-keys.js';
import { getPerson } from '../people/person-service.js';
import { TAR_BLOCK } from './tar/tar.js';

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

interface ConsentRowFull extends ConsentFactRow {
  method: string;
  language: string | null;
  witness: string | null;
  refusal_reason: string | null;
  withdrawal_reason: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
  origin_vault: string;
}

/** A consent version in the keys the sharing profile knows (FIELD_KEYS of shared/domain/partners.ts). */
function consentWire(r: ConsentRowFull): Record<string, unknown> {
  return {
    id: r.id,
    seriesId: r.series_id,
    version: Number(r.version),
    originVault: r.origin_vault,
    personId: r.person_id,
    caseId: r.case_id,
    purpose: r.purpose,
    recipientPartnerId: r.recipient_partner_id,
    recipientClass: r.recipient_class,
    state: r.state,
    told: toldFromRow(r),
    method: r.method,
    language: r.language,
    witness: r.witness,
    givenAt: r.given_at,
    expiresAt: r.expires_at,
    refusalReason: r.refusal_reason,
    withdrawnAt: r.withdrawn_at,
    withdrawalReason: r.withdrawal_reason,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Bytes an entry takes in the tar: header, content, padding. */
export function tarEntryBytes(size: number): number {
  return TAR_BLOCK + Math.ceil(size / TAR_BLOCK) * TAR_BLOCK;
}

/**
 * Cut a record down with the profile and serialise it; the result is parsed with the receiving
 * side's strict schema first, so this vault never writes a record another vault would refuse.
 */
function cutRecord(profile: SharingProfile, kind: SharingKind, full: Record<string, unknown>, extra?: (cut: Record<string, unknown>) => void): PlannedRecord | null {
  const cut = applySharingProfile(profile, kind, full);
  if (!cut) return null;
  extra?.(cut);
  const checked = BUNDLE_RECORD_SCHEMAS[kind].safeParse(cut);
  if (!checked.success) {
    throw new VaultError('INTERNAL', `A ${kind} record (${String(full.id)}) does not fit the bundle record format; nothing was written.`);
  }
  const bytes = Buffer.from(canonicalJson(cut), 'utf8');
  return { kind, id: String(full.id), name: recordEntryName(kind, String(full.id)), bytes };
}

function personLabel(pseudonym: string | null, personId: string): string {
  return pseudonym ? `${personId} (“${pseudonym}”)` : personId;
}

/** Plan a bundle: what would go in, what is left out and why, and what blocks it. Reads only. */
export function planBundleInternal(ctx: DomainContext, rawInput: unknown): PlannedBundle {
  const input = parseInput(PlanBundleInput, rawInput);
  const partner = requirePartner(ctx.db, input.partnerId);
  const keys = verifiedKeysOf(ctx, partner.id);
  const profile = getSharingProfile(ctx, partner.id);
  const blockers: BundlePlan['blockers'] = [];
  if (keys.length === 0) {
    blockers.push({
      code: 'BUNDLE_PARTNER_NOT_VERIFIED',
      message: `The partner “${partner.name}” has no verified key. Import their contact card and compare the safety number with them before sharing (partner safety-number, partner verify).`,
    });
  }

  const caseIds = [...new Set(input.caseIds)];
  const cases: Array<{ id: string; reference: string }> = [];
  for (const id of caseIds) {
    const row = get<{ id: string; reference: string }>(ctx.db, sql`SELECT id, reference FROM cases WHERE id = ${id}`);
    if (row) cases.push(row);
    else blockers.push({ code: 'NOT_FOUND', message: `No case with id ${id} in this vault.` });
  }
  const foundCaseIds = cases.map((c) => c.id);
  const chosenCases = new Set(foundCaseIds);

  const fileIds = [...new Set(input.evidenceIds)];
  const fileRows: Array<{ id: string; case_id: string; blob_id: string; sha256: string; size: number }> = [];
  for (const id of fileIds) {
    const row = get<{ id: string; case_id: string; blob_id: string; sha256: string; size: number }>(ctx.db, sql`SELECT id, case_id, blob_id, sha256, size FROM evidence WHERE id = ${id}`);
    if (!row) blockers.push({ code: 'NOT_FOUND', message: `No evidence item with id ${id} in this vault.` });
    else if (!chosenCases.has(row.case_id)) blockers.push({ code: 'INVALID_INPUT', message: `evidenceIds: the evidence item ${id} does not belong to any of the chosen cases.` });
    else fileRows.push({ ...row, size: Number(row.size) });
  }
  if (fileRows.length > 0 && !profileAllows(profile, 'evidence', 'file')) {
    blockers.push({ code: 'INVALID_INPUT', message: `evidenceIds: the sharing profile of “${partner.name}” does not allow evidence files; leave the files out or change the profile.` });
  }

  // Consent: every (person, case) link of the chosen cases.
  const at = nowIso(ctx);
  const links = all<Pair>(ctx.db, sql`SELECT person_id AS personId, case_id AS caseId, role FROM case_people WHERE case_id IN ${sqlIn(foundCaseIds)} ORDER BY case_id, person_id, role`);
  const pairKey = (personId: string, caseId: string) => `${personId}\u0000${caseId}`;
  const decided = new Map<string, boolean>();
  const leftOut: BundlePlan['leftOut'] = [];
  const consentIds = new Set<string>();
  for (const l of links) {
    const k = pairKey(l.personId, l.caseId);
    if (decided.has(k)) continue;
    const r = checkConsent(ctx, { purpose: 'sharing', personId: l.personId, caseId: l.caseId, recipient: { partnerId: partner.id }, at });
    decided.set(k, r.allowed);
    if (r.allowed) consentIds.add(r.consentId);
    else {
      const pseudonym = get<{ pseudonym: string | null }>(ctx.db, sql`SELECT pseudonym FROM people WHERE id = ${l.personId}`)?.pseudonym ?? null;
      leftOut.push({ personId: l.personId, pseudonym, caseId: l.caseId, reason: r.reason, message: r.message });
    }
  }
  if (leftOut.length > 0 && input.onMissingConsent === 'refuse') {
    const refs = new Map(cases.map((c) => [c.id, c.reference]));
    const who = leftOut
      .slice(0, 5)
      .map((l) => `person ${personLabel(l.pseudonym, l.personId)} in case ${refs.get(l.caseId) ?? l.caseId} (${l.reason}: ${l.message})`)
      .join('; ');
    const more = leftOut.length > 5 ? `; and ${leftOut.length - 5} more` : '';
    blockers.push({
      code: 'BUNDLE_CONSENT_MISSING',
      message: `${leftOut.length === 1 ? 'One person' : `${leftOut.length} people`} in the chosen cases did not consent to sharing with “${partner.name}”: ${who}${more}. Record their consent, or leave them out (--leave-out).`,
    });
  }
  const allowedPairs = links.filter((l) => decided.get(pairKey(l.personId, l.caseId)) === true);

  // Records, in entry order: kinds in SHARING_KINDS order, ids in order within a kind.
  const records: PlannedRecord[] = [];
  const push = (r: PlannedRecord | null) => {
    if (r) records.push(r);
  };
  const included: KindCounts = zeroCounts();
  const sharedEvidence: Array<{ id: string; file: boolean }> = [];
  const fileIdSet = new Set(fileRows.map((f) => f.id));

  for (const kind of SHARING_KINDS) {
    if (!Array.isArray(profile[kind])) continue;
    const before = records.length;
    switch (kind) {
      case 'cases':
        for (const id of [...foundCaseIds].sort()) push(cutRecord(profile, kind, getCase(ctx, id) as unknown as Record<string, unknown>));
        break;
      case 'people': {
        const rolesOf = new Map<string, Array<{ caseId: string; role: string }>>();
        for (const p of allowedPairs) {
          const list = rolesOf.get(p.personId) ?? [];
          list.push({ caseId: p.caseId, role: p.role });
          rolesOf.set(p.personId, list);
        }
        for (const personId of [...rolesOf.keys()].sort()) {
          const person = getPerson(ctx, personId) as unknown as Record<string, unknown>;
          // only the roles in the consented, chosen cases: never other cases the person is in
          push(cutRecord(profile, kind, { ...person, roles: rolesOf.get(personId)! }));
        }
        break;
      }
      case 'consents': {
        const pairs = new Set(allowedPairs.map((p) => pairKey(p.personId, p.caseId)));
        const rows = all<ConsentRowFull>(ctx.db, sql`SELECT * FROM consents WHERE case_id IN ${sqlIn(foundCaseIds)} ORDER BY id`);
        for (const r of rows) if (pairs.has(pairKey(r.person_id, r.case_id))) push(cutRecord(profile, kind, consentWire(r)));
        break;
      }
      case 'evidence': {
        const ids = all<{ id: string }>(ctx.db, sql`SELECT id FROM evidence WHERE case_id IN ${sqlIn(foundCaseIds)} ORDER BY id`);
        for (const { id } of ids) {
          const e = getEvidence(ctx, id) as unknown as Record<string, unknown>;
          const withFile = fileIdSet.has(id);
          // a file travels under its SHA-256 (files/<sha256>): the record names the hash and
          // size it must have even when the profile leaves those fields out (they are in the
          // manifest anyway), so the recipient can tie the file to its record
          push(cutRecord(profile, kind, e, withFile ? (cut) => Object.assign(cut, { sha256: e.sha256, size: e.size }) : undefined));
          sharedEvidence.push({ id, file: withFile });
        }
        break;
      }
      case 'notes':
      case 'deadlines':
      case 'outcomes': {
        const rows =
          kind === 'notes'
            ? all<{ id: string }>(ctx.db, sql`SELECT id FROM notes WHERE case_id IN ${sqlIn(foundCaseIds)} ORDER BY id`)
            : kind === 'deadlines'
              ? all<{ id: string }>(ctx.db, sql`SELECT id FROM deadlines WHERE case_id IN ${sqlIn(foundCaseIds)} ORDER BY id`)
              : all<{ id: string }>(ctx.db, sql`SELECT id FROM outcomes WHERE case_id IN ${sqlIn(foundCaseIds)} ORDER BY id`);
        for (const { id } of rows) {
          const rec = kind === 'notes' ? getNote(ctx, id) : kind === 'deadlines' ? getDeadline(ctx, id) : getOutcome(ctx, id);
          push(cutRecord(profile, kind, rec as unknown as Record<string, unknown>));
        }
        break;
      }
    }
    included[kind] = records.length - before;
  }

  for (const r of records) {
    if (r.bytes.length > BUNDLE_LIMITS.recordBytes) {
      blockers.push({ code: 'BUNDLE_ENTRY_TOO_LARGE', message: `The ${r.kind} record ${r.id} is larger than ${BUNDLE_LIMITS.recordBytes} bytes, the most a bundle record may be.` });
    }
  }
  if (records.reduce((n, r) => n + r.bytes.length, 0) > BUNDLE_LIMITS.recordsTotalBytes) {
    blockers.push({ code: 'BUNDLE_ENTRY_TOO_LARGE', message: `The records of this bundle come to more than ${BUNDLE_LIMITS.recordsTotalBytes} bytes; share fewer cases at a time.` });
  }
  if (records.length + fileRows.length + 2 > BUNDLE_LIMITS.entries) {
    blockers.push({ code: 'BUNDLE_ENTRY_TOO_LARGE', message: `This bundle would have more than ${BUNDLE_LIMITS.entries} entries; share fewer cases at a time.` });
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
    included,
    leftOut,
    consentIds: [...consentIds].sort(),
    evidenceFiles: fileRows.map((f) => ({ id: f.id, size: f.size })),
    totalBytes,
    blockers,
  };
  return { input, plan, profile, keys, records, files, sharedEvidence };
}

/** The share wizard's preview (and `bundle export --dry-run`): changes nothing. */
export function planBundle(ctx: DomainContext, input: unknown): BundlePlan {
  return planBundleInternal(ctx, input).plan;
}
