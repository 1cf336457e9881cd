/**
 * Authority over what arrives (docs/bundle-format.md, "Authority"): which records a verified
 * partner's bundle may create or change here. Parsing is not authority — every rule below is
 * about bundles that are well-formed and validly signed by a key this vault verified.
 *
 * The signer S is the origin of every record it sends (read.ts refuses a record whose
 * `originVault` is not S: BUNDLE_ORIGIN_MISMATCH). Then, before anything is written:
 *
 *   an id already here whose origin is not S (ours, or a third vault's)  → BUNDLE_NOT_ORIGINATOR
 *     (per kind; evidence also counts the descriptions waiting in received_evidence_metadata and
 *     the proposed additions; a consent also by its series: a series belongs to one origin)
 *   a consent version (series, version) already here under another id,
 *     or twice in the bundle                                             → BUNDLE_RECORD_COLLISION
 *   a consent for a person or in a case that S did not originate         → BUNDLE_FOREIGN_LINK
 *   a person's role in a case that S did not originate                   → BUNDLE_FOREIGN_LINK
 *   evidence derived from an item that S did not originate               → BUNDLE_FOREIGN_LINK
 *   a note, deadline, outcome or evidence item moved to another case     → BUNDLE_RECORD_COLLISION
 *   evidence whose SHA-256 or size differs from what S declared before   → BUNDLE_EVIDENCE_CHANGED
 *
 * A note, deadline, outcome or evidence item of S on a case S did not originate is not refused:
 * it is a *proposed addition* (proposals.ts) that enters the case only when a person accepts it.
 *
 * The checks read only, and run before the import's transaction opens: a refused bundle leaves
 * the vault as it was, byte for byte.
 */
import { ADDITION_KINDS, type AdditionKind } from '../../../shared/domain/bundles.js';
import type { SharingKind } from '../../../shared/domain/partners.js';
import { VaultError } from '../../../shared/errors.js';
import { all, get, pluck, sql } from '../db/sql.js';
import type { DomainContext } from '../domain/context.js';
import type { AnyRecord } from './apply.js';
import { RECORD_TABLE } from './record-tables.js';

/** Kinds that hang on a case and may be proposed as additions to a case of another origin. */
export function isAdditionKind(kind: SharingKind): kind is AdditionKind {
  return (ADDITION_KINDS as readonly string[]).includes(kind);
}

/** The origin vault of a record already here (its own table), or undefined. */
export function originOf(ctx: DomainContext, kind: SharingKind, id: string): string | undefined {
  const here = sql`SELECT origin_vault FROM ${RECORD_TABLE[kind]} WHERE id = ${id}`;
  const proposed = sql`SELECT from_vault FROM proposed_additions WHERE record_id = ${id} AND kind = ${kind} LIMIT 1`;
  const q = isAdditionKind(kind)
    ? kind === 'evidence'
      ? sql`SELECT coalesce((${here}), (SELECT origin_vault FROM received_evidence_metadata WHERE id = ${id}), (${proposed}))`
      : sql`SELECT coalesce((${here}), (${proposed}))`
    : here;
  return pluck<string | null>(ctx.db, q) ?? undefined;
}

/** The case a record of an addition kind hangs on here (its row, a waiting description or a proposal). */
function storedCaseOf(ctx: DomainContext, kind: AdditionKind, id: string): string | undefined {
  const here = sql`SELECT case_id FROM ${RECORD_TABLE[kind]} WHERE id = ${id}`;
  const q =
    kind === 'evidence'
      ? sql`SELECT coalesce((${here}), (SELECT case_id FROM received_evidence_metadata WHERE id = ${id}))`
      : here;
  return (
    pluck<string | null>(ctx.db, q) ??
    pluck<string>(
      ctx.db,
      sql`SELECT case_id FROM proposed_additions WHERE record_id = ${id} AND kind = ${kind} ORDER BY version DESC LIMIT 1`,
    ) ??
    undefined
  );
}

/** The SHA-256 and size an evidence item's origin declared before (stored file, waiting description, or proposal). */
function declaredFile(ctx: DomainContext, id: string): { sha256?: string; size?: number } | undefined {
  const row = get<{ sha256: string; size: number | bigint }>(
    ctx.db,
    sql`SELECT sha256, size FROM evidence WHERE id = ${id}`,
  );
  if (row) return { sha256: row.sha256, size: Number(row.size) };
  const texts = [
    pluck<string>(ctx.db, sql`SELECT record FROM received_evidence_metadata WHERE id = ${id}`),
    ...all<{ record: string }>(
      ctx.db,
      sql`SELECT record FROM proposed_additions WHERE record_id = ${id} AND kind = 'evidence' AND status IN ('pending', 'accepted') ORDER BY version`,
    ).map((r) => r.record),
  ].filter((t): t is string => typeof t === 'string');
  const declared: { sha256?: string; size?: number } = {};
  for (const t of texts) {
    const r = JSON.parse(t) as { sha256?: string; size?: number };
    if (r.sha256 !== undefined) declared.sha256 ??= r.sha256;
    if (r.size !== undefined) declared.size ??= r.size;
  }
  return texts.length > 0 ? declared : undefined;
}

const KIND_NOUN: Record<SharingKind, string> = {
  cases: 'case',
  people: 'person',
  consents: 'consent',
  evidence: 'evidence item',
  notes: 'note',
  deadlines: 'deadline',
  outcomes: 'outcome',
};

function who(ctx: DomainContext, origin: string): string {
  return origin === ctx.vaultId ? 'this vault' : 'another vault';
}

function refuse(
  code: 'BUNDLE_NOT_ORIGINATOR' | 'BUNDLE_FOREIGN_LINK' | 'BUNDLE_RECORD_COLLISION' | 'BUNDLE_EVIDENCE_CHANGED',
  message: string,
): never {
  throw new VaultError(code, `${message} Nothing was imported.`);
}

/**
 * Every rule at the top, for the records of one bundle signed by `signer`. Reads only; throws
 * the first violation.
 */
export function checkAuthority(ctx: DomainContext, signer: string, items: readonly AnyRecord[]): void {
  // what the bundle itself brings counts as the signer's (its records are all of origin S)
  const inBundle: Record<SharingKind, Set<string>> = {
    cases: new Set(),
    people: new Set(),
    consents: new Set(),
    evidence: new Set(),
    notes: new Set(),
    deadlines: new Set(),
    outcomes: new Set(),
  };
  for (const { kind, record } of items) inBundle[kind].add(record.id);
  /** is the record `id` of `kind` the signer's: brought by this bundle, or here with origin S (undefined: not here at all) */
  const signers = (kind: SharingKind, id: string): boolean | undefined => {
    if (inBundle[kind].has(id)) return true;
    const o = originOf(ctx, kind, id);
    return o === undefined ? undefined : o === signer;
  };
  const consentVersions = new Map<string, string>();

  for (const item of items) {
    const r = item.record;
    const noun = KIND_NOUN[item.kind];
    const origin = originOf(ctx, item.kind, r.id);
    if (origin !== undefined && origin !== signer) {
      refuse(
        'BUNDLE_NOT_ORIGINATOR',
        `This bundle changes the ${noun} ${r.id}, which ${who(ctx, origin)} created: a partner may only change what it created itself.`,
      );
    }
    switch (item.kind) {
      case 'cases':
        break;
      case 'people':
        for (const role of item.record.roles ?? []) {
          if (signers('cases', role.caseId) === false) {
            refuse(
              'BUNDLE_FOREIGN_LINK',
              `This bundle links the person ${r.id} into the case ${role.caseId}, which the sender did not create: a partner cannot add people to another organisation's case.`,
            );
          }
        }
        break;
      case 'consents': {
        const c = item.record;
        const seriesOrigin = pluck<string>(
          ctx.db,
          sql`SELECT origin_vault FROM consents WHERE series_id = ${c.seriesId} AND origin_vault != ${signer} LIMIT 1`,
        );
        if (seriesOrigin !== undefined) {
          refuse(
            'BUNDLE_NOT_ORIGINATOR',
            `This bundle adds a version to the consent series ${c.seriesId}, which ${who(ctx, seriesOrigin)} recorded: consents are only ever recorded by the vault that holds them.`,
          );
        }
        const key = `${c.seriesId}\u0000${c.version}`;
        const sameVersion = get<{ id: string; person_id: string; case_id: string }>(
          ctx.db,
          sql`SELECT id, person_id, case_id FROM consents WHERE series_id = ${c.seriesId} AND version = ${c.version}`,
        );
        if (
          (sameVersion && sameVersion.id !== c.id) ||
          (consentVersions.has(key) && consentVersions.get(key) !== c.id)
        ) {
          refuse(
            'BUNDLE_RECORD_COLLISION',
            `This bundle has a consent ${c.id} for version ${c.version} of the series ${c.seriesId}, which is already here as another record.`,
          );
        }
        consentVersions.set(key, c.id);
        const series = get<{ person_id: string; case_id: string }>(
          ctx.db,
          sql`SELECT person_id, case_id FROM consents WHERE series_id = ${c.seriesId} LIMIT 1`,
        );
        if (series && (series.person_id !== c.personId || series.case_id !== c.caseId)) {
          refuse(
            'BUNDLE_RECORD_COLLISION',
            `This bundle's consent ${c.id} belongs to the series ${c.seriesId} but names another person or case than that series.`,
          );
        }
        if (signers('people', c.personId) === false) {
          refuse(
            'BUNDLE_FOREIGN_LINK',
            `This bundle's consent ${c.id} speaks for the person ${c.personId}, whom the sender did not record: a partner's consent speaks only for its own people.`,
          );
        }
        if (signers('cases', c.caseId) === false) {
          refuse(
            'BUNDLE_FOREIGN_LINK',
            `This bundle's consent ${c.id} is in the case ${c.caseId}, which the sender did not create: a partner's consent never decides anything in another organisation's case.`,
          );
        }
        break;
      }
      case 'evidence':
      case 'notes':
      case 'deadlines':
      case 'outcomes': {
        const rec = item.record;
        const storedCase = storedCaseOf(ctx, item.kind, rec.id);
        if (storedCase !== undefined && storedCase !== rec.caseId) {
          refuse(
            'BUNDLE_RECORD_COLLISION',
            `This bundle moves the ${noun} ${rec.id} to another case than the one it belongs to here.`,
          );
        }
        if (item.kind === 'evidence') {
          const e = item.record;
          if (e.derivedFrom != null && e.derivedFrom !== e.id && signers('evidence', e.derivedFrom) === false) {
            refuse(
              'BUNDLE_FOREIGN_LINK',
              `This bundle's evidence item ${e.id} says it was derived from the item ${e.derivedFrom}, which the sender did not create: a partner cannot attach copies under another organisation's originals.`,
            );
          }
          const before = declaredFile(ctx, e.id);
          if (
            before &&
            ((before.sha256 !== undefined && e.sha256 !== undefined && before.sha256 !== e.sha256) ||
              (before.size !== undefined && e.size !== undefined && before.size !== e.size))
          ) {
            refuse(
              'BUNDLE_EVIDENCE_CHANGED',
              `This bundle declares another file (SHA-256 or size) for the evidence item ${e.id} than was declared for it before: an evidence file never changes once described.`,
            );
          }
        }
        break;
      }
    }
  }
}

/** Does the case exist here with an origin other than `signer` (ours or a third vault's)? */
export function isForeignCase(ctx: DomainContext, caseId: string, signer: string): boolean {
  const o = originOf(ctx, 'cases', caseId);
  return o !== undefined && o !== signer;
}
