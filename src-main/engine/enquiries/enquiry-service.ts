/**
 * Enquiries: the path from first contact to a case. Record the enquiry, check it for conflicts
 * against everyone already in the vault (names and aliases, including alleged perpetrators, and
 * the names given in every other enquiry, whatever was decided on it; across scripts and
 * spellings: engine/names/, docs/names.md), then decide once: accept (opens a case), refer (to a
 * partner, with a reason) or decline (with a reason). A decided enquiry cannot be decided again.
 * Every name an enquiry gives is kept in enquiry_names (with the role it gives a name mentioned),
 * so that later enquiries are checked against it.
 */
import {
  type ConflictMatch,
  CreateEnquiryInput,
  DecideEnquiryInput,
  type Enquiry,
  type EnquiryStatus,
  ListEnquiriesQuery,
  type ListEnquiriesQuery as ListEnquiriesQueryT,
  ACCEPTED_CASE_STATUS,
  type NamedPersonChoice,
} from '../../../shared/domain/enquiries.js';
import type { Page } from '../../../shared/domain/common.js';
import { VaultError } from '../../../shared/errors.js';
import type { Role } from '../../../shared/domain/people.js';
import { all, get, pluck, run, sql, sqlIn, type ReadableDB } from '../db/sql.js';
import { createCase } from '../cases/case-service.js';
import { type DomainContext, jsonArray, mutate, notFound, nowIso, parseInput, today } from '../domain/context.js';
import { createPerson, linkPerson } from '../people/person-service.js';
import { ensureNameKeys, findNameMatches, writeEnquiryNames } from '../names/store.js';
import { uuidv7 } from '../util/ids.js';
import type { z } from 'zod';

interface EnquiryRow {
  id: string;
  received_on: string;
  channel: Enquiry['channel'];
  summary: string;
  enquirer_name: string;
  enquirer_contact: string;
  names_mentioned: string;
  status: EnquiryStatus;
  decision_reason: string | null;
  decided_at: string | null;
  case_id: string | null;
  referred_partner_id: string | null;
  conflict_checked_at: string | null;
  conflict_matches: string;
  created_at: string;
  updated_at: string;
  version: number;
  origin_vault: string;
}

/**
 * A stored conflict match, brought to the current shape: checks stored before migration 0007
 * have no score, reason, word pairs or enquiry (they only ever matched people).
 */
function storedMatch(
  m: Partial<ConflictMatch> & Pick<ConflictMatch, 'query' | 'matchedName' | 'match'>,
): ConflictMatch {
  return {
    query: m.query,
    personId: m.personId ?? null,
    matchedName: m.matchedName,
    matchedKind: m.matchedKind ?? 'name',
    match: m.match,
    score: m.score ?? (m.match === 'exact' ? 1 : 0.92),
    reason: m.reason ?? m.match,
    pairs: m.pairs ?? [],
    roles: m.roles ?? [],
    enquiry: m.enquiry ?? null,
  };
}

/** The roles each enquiry gave the names it mentions, by enquiry and position. */
function namedRoles(db: ReadableDB, ids: readonly string[]): Map<string, Map<number, Role | null>> {
  const out = new Map<string, Map<number, Role | null>>();
  if (ids.length === 0) return out;
  for (const r of all<{ enquiry_id: string; position: number; role: Role | null }>(
    db,
    sql`SELECT enquiry_id, position, role FROM enquiry_names WHERE enquiry_id IN ${sqlIn(ids)} AND position > 0`,
  )) {
    const m = out.get(r.enquiry_id) ?? new Map<number, Role | null>();
    m.set(r.position, r.role);
    out.set(r.enquiry_id, m);
  }
  return out;
}

function toEnquiry(r: EnquiryRow, roles: Map<number, Role | null> | undefined): Enquiry {
  const names = jsonArray<string>(r.names_mentioned);
  return {
    id: r.id,
    receivedOn: r.received_on,
    channel: r.channel,
    summary: r.summary,
    enquirerName: r.enquirer_name,
    enquirerContact: r.enquirer_contact,
    namesMentioned: names,
    namedPeople: names.map((name, i) => ({ name, role: roles?.get(i + 1) ?? null })),
    status: r.status,
    decisionReason: r.decision_reason,
    decidedAt: r.decided_at,
    caseId: r.case_id,
    referredPartnerId: r.referred_partner_id,
    conflictCheckedAt: r.conflict_checked_at,
    conflicts: jsonArray<ConflictMatch>(r.conflict_matches).map(storedMatch),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    originVault: r.origin_vault,
  };
}

function requireEnquiry(db: ReadableDB, id: string): EnquiryRow {
  const r = get<EnquiryRow>(db, sql`SELECT * FROM enquiries WHERE id = ${id}`);
  if (!r) throw notFound('enquiry', id);
  return r;
}

export function getEnquiry(ctx: DomainContext, id: string): Enquiry {
  return toEnquiry(requireEnquiry(ctx.db, id), namedRoles(ctx.db, [id]).get(id));
}

function namesToCheck(r: Pick<EnquiryRow, 'enquirer_name' | 'names_mentioned'>): string[] {
  return [...new Set([r.enquirer_name, ...jsonArray(r.names_mentioned)])];
}

/** Store a fresh conflict check on the enquiry (inside the caller's transaction). */
function storeConflictCheck(ctx: DomainContext, r: EnquiryRow, version: number): ConflictMatch[] {
  ensureNameKeys(ctx.db);
  const matches = findNameMatches(ctx.db, namesToCheck(r), { excludeEnquiryId: r.id });
  const at = nowIso(ctx);
  run(
    ctx.db,
    sql`UPDATE enquiries SET conflict_checked_at = ${at}, conflict_matches = ${JSON.stringify(matches)}, updated_at = ${at}, version = ${version} WHERE id = ${r.id}`,
  );
  return matches;
}

/** Record an enquiry; the conflict check runs at once and its result comes back with it. */
export function addEnquiry(ctx: DomainContext, input: CreateEnquiryInput): Enquiry {
  const p = parseInput(CreateEnquiryInput, input);
  const named = p.namesMentioned.map((n) => (typeof n === 'string' ? { name: n, role: null } : n));
  return mutate(ctx, (audit) => {
    const at = nowIso(ctx);
    const id = uuidv7(ctx.now().getTime());
    run(
      ctx.db,
      sql`INSERT INTO enquiries (id, received_on, channel, summary, enquirer_name, enquirer_contact, names_mentioned, status, created_at, updated_at, version, origin_vault)
          VALUES (${id}, ${p.receivedOn ?? today(ctx)}, ${p.channel}, ${p.summary}, ${p.enquirerName}, ${p.enquirerContact}, ${JSON.stringify(named.map((n) => n.name))}, 'open', ${at}, ${at}, 1, ${ctx.vaultId})`,
    );
    writeEnquiryNames(ctx.db, id, p.enquirerName, named);
    const matches = storeConflictCheck(ctx, requireEnquiry(ctx.db, id), 1);
    audit({
      action: 'enquiry.added',
      subject: { kind: 'enquiry', id },
      details: { channel: p.channel, conflicts: matches.length },
    });
    return getEnquiry(ctx, id);
  });
}

/** Run the conflict check again (people may have been added since the enquiry came in). */
export function checkEnquiryConflicts(ctx: DomainContext, id: string): Enquiry {
  return mutate(ctx, (audit) => {
    const r = requireEnquiry(ctx.db, id);
    const matches = storeConflictCheck(ctx, r, r.version + 1);
    audit({
      action: 'enquiry.conflict-checked',
      subject: { kind: 'enquiry', id },
      details: { conflicts: matches.length },
    });
    return getEnquiry(ctx, id);
  });
}

interface CarriedPeople {
  peopleCreated: number;
  peopleLinked: number;
}

/**
 * The names the enquiry mentions, brought into the case it opens as the accept dialog chose
 * (inside the decision's transaction). A person is linked only when the conflict check matched
 * them for that very name: the choice is between "this is someone we know" and "someone new".
 */
function carryNamedPeople(
  ctx: DomainContext,
  r: EnquiryRow,
  matches: readonly ConflictMatch[],
  caseId: string,
  choices: readonly z.output<typeof NamedPersonChoice>[],
): CarriedPeople {
  const named = jsonArray<string>(r.names_mentioned);
  const roles = namedRoles(ctx.db, [r.id]).get(r.id);
  const seen = new Set<number>();
  const out: CarriedPeople = { peopleCreated: 0, peopleLinked: 0 };
  for (const choice of choices) {
    const name = named[choice.index];
    if (name === undefined) {
      throw new VaultError(
        'INVALID_INPUT',
        `This enquiry mentions ${named.length} names; there is no name number ${choice.index + 1}.`,
      );
    }
    if (seen.has(choice.index)) {
      throw new VaultError('INVALID_INPUT', `Name number ${choice.index + 1} was given two choices; give one.`);
    }
    seen.add(choice.index);
    if (choice.action === 'skip') continue;
    const role = choice.role ?? roles?.get(choice.index + 1) ?? null;
    if (!role) {
      throw new VaultError(
        'INVALID_INPUT',
        `Name number ${choice.index + 1} has no role in this enquiry; choose the role it has in the case.`,
      );
    }
    let personId: string;
    if (choice.action === 'create') {
      personId = createPerson(ctx, { fullName: name }).id;
      out.peopleCreated++;
    } else {
      if (!matches.some((m) => m.query === name && m.personId === choice.personId)) {
        throw new VaultError(
          'INVALID_INPUT',
          `The conflict check did not match name number ${choice.index + 1} with that person; only a matched person can be linked.`,
        );
      }
      personId = choice.personId;
      out.peopleLinked++;
    }
    // The same person chosen for two names (or already the enquirer) keeps one role of each kind.
    if (
      !pluck(
        ctx.db,
        sql`SELECT 1 FROM case_people WHERE case_id = ${caseId} AND person_id = ${personId} AND role = ${role}`,
      )
    )
      linkPerson(ctx, { personId, caseId, role });
  }
  return out;
}

export function decideEnquiry(ctx: DomainContext, input: DecideEnquiryInput): Enquiry {
  const p = parseInput(DecideEnquiryInput, input);
  return mutate(ctx, (audit) => {
    const r = requireEnquiry(ctx.db, p.id);
    if (r.status !== 'open') {
      throw new VaultError(
        'INVALID_TRANSITION',
        `This enquiry was already ${r.status}${r.decided_at ? ` on ${r.decided_at.slice(0, 10)}` : ''}; a decision cannot be changed.`,
      );
    }
    // The decision is taken on a current conflict check, never on a stale one.
    const matches = storeConflictCheck(ctx, r, r.version + 1);
    const at = nowIso(ctx);
    let caseId: string | null = null;
    let partnerId: string | null = null;
    let carried: CarriedPeople | null = null;
    let status: EnquiryStatus;
    if (p.decision === 'accept') {
      if (matches.length > 0 && !p.acknowledgeConflicts) {
        throw new VaultError(
          'CONFLICT_CHECK_UNRESOLVED',
          `The conflict check found ${matches.length} possible match${matches.length === 1 ? '' : 'es'} with people already in the vault. Review them, then accept again confirming that you have.`,
        );
      }
      const opened = createCase(
        ctx,
        {
          title: `Enquiry of ${r.received_on}`,
          ...(p.case ?? {}),
          // an empty summary (the schema's default) takes the enquiry's account
          summary: p.case?.summary || r.summary,
          status: ACCEPTED_CASE_STATUS,
          openedOn: p.case?.openedOn ?? today(ctx),
        },
        { enquiryId: r.id },
      );
      caseId = opened.id;
      if (p.enquirerRole) {
        const person = createPerson(ctx, { fullName: r.enquirer_name, contact: r.enquirer_contact });
        linkPerson(ctx, { personId: person.id, caseId, role: p.enquirerRole });
      }
      carried = carryNamedPeople(ctx, r, matches, caseId, p.namedPeople);
      status = 'accepted';
    } else if (p.decision === 'refer') {
      if (!pluck(ctx.db, sql`SELECT 1 FROM partners WHERE id = ${p.partnerId}`)) throw notFound('partner', p.partnerId);
      partnerId = p.partnerId;
      status = 'referred';
    } else {
      status = 'declined';
    }
    run(
      ctx.db,
      sql`UPDATE enquiries SET status = ${status}, decision_reason = ${p.reason ?? null}, decided_at = ${at}, case_id = ${caseId}, referred_partner_id = ${partnerId},
          updated_at = ${at}, version = ${r.version + 2} WHERE id = ${r.id}`,
    );
    audit({
      action: `enquiry.${status}`,
      subject: { kind: 'enquiry', id: r.id },
      details: {
        conflicts: matches.length,
        ...(caseId ? { caseId } : {}),
        ...(carried ?? {}),
        ...(partnerId ? { partnerId } : {}),
      },
    });
    return getEnquiry(ctx, r.id);
  });
}

export function listEnquiries(ctx: DomainContext, query: ListEnquiriesQueryT = {}): Page<Enquiry> {
  const q = parseInput(ListEnquiriesQuery, query);
  const where = q.status ? sql` WHERE status = ${q.status}` : sql``;
  const total = pluck<number>(ctx.db, sql`SELECT count(*) FROM enquiries${where}`) ?? 0;
  const rows = all<EnquiryRow>(
    ctx.db,
    sql`SELECT * FROM enquiries${where} ORDER BY received_on DESC, id DESC LIMIT ${q.limit} OFFSET ${q.offset}`,
  );
  const roles = namedRoles(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toEnquiry(r, roles.get(r.id))), total, limit: q.limit, offset: q.offset };
}
