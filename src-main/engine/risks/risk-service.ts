/**
 * The digital-security risk register: each threat with its likelihood and impact (1–5), a
 * score (their product) and level, its mitigations, an owner and a review date. The list puts
 * the highest scores first and flags every risk whose review date has passed.
 */
import {
  AddRiskInput,
  ListRisksQuery,
  type ListRisksQuery as ListRisksQueryT,
  type Risk,
  type RiskCategory,
  type RiskStatus,
  riskLevel,
  UpdateRiskInput,
} from '../../../shared/domain/risks.js';
import { requireCase } from '../cases/case-service.js';
import { all, get, run, sql, sqlJoin, type ReadableDB, type SqlFragment, type SqlValue } from '../db/sql.js';
import {
  changedFields,
  checkVersion,
  type DomainContext,
  mutate,
  notFound,
  nowIso,
  parseInput,
  today,
} from '../domain/context.js';
import { uuidv7 } from '../util/ids.js';

interface RiskRow {
  id: string;
  threat: string;
  description: string;
  category: RiskCategory;
  likelihood: number;
  impact: number;
  mitigations: string;
  owner: string;
  review_on: string;
  status: RiskStatus;
  case_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  origin_vault: string;
}

function toRisk(r: RiskRow, day: string): Risk {
  const score = r.likelihood * r.impact;
  return {
    id: r.id,
    threat: r.threat,
    description: r.description,
    category: r.category,
    likelihood: r.likelihood,
    impact: r.impact,
    score,
    level: riskLevel(score),
    mitigations: r.mitigations,
    owner: r.owner,
    reviewOn: r.review_on,
    status: r.status,
    caseId: r.case_id,
    reviewOverdue: r.status !== 'closed' && r.review_on < day,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    originVault: r.origin_vault,
  };
}

function requireRisk(db: ReadableDB, id: string): RiskRow {
  const r = get<RiskRow>(db, sql`SELECT * FROM risks WHERE id = ${id}`);
  if (!r) throw notFound('risk', id);
  return r;
}

export function getRisk(ctx: DomainContext, id: string): Risk {
  return toRisk(requireRisk(ctx.db, id), today(ctx));
}

export function addRisk(ctx: DomainContext, input: AddRiskInput): Risk {
  const p = parseInput(AddRiskInput, input);
  return mutate(ctx, (audit) => {
    if (p.caseId) requireCase(ctx.db, p.caseId);
    const at = nowIso(ctx);
    const id = uuidv7(ctx.now().getTime());
    run(
      ctx.db,
      sql`INSERT INTO risks (id, threat, description, category, likelihood, impact, mitigations, owner, review_on, status, case_id, created_at, updated_at, version, origin_vault)
          VALUES (${id}, ${p.threat}, ${p.description}, ${p.category}, ${p.likelihood}, ${p.impact}, ${p.mitigations}, ${p.owner}, ${p.reviewOn}, ${p.status}, ${p.caseId ?? null}, ${at}, ${at}, 1, ${ctx.vaultId})`,
    );
    const risk = getRisk(ctx, id);
    audit({
      action: 'risk.added',
      subject: { kind: 'risk', id },
      details: {
        category: p.category,
        likelihood: p.likelihood,
        impact: p.impact,
        level: risk.level,
        status: p.status,
        caseId: p.caseId ?? null,
      },
    });
    return risk;
  });
}

const RISK_SET: Record<string, (v: SqlValue) => SqlFragment> = {
  threat: (v) => sql`threat = ${v}`,
  description: (v) => sql`description = ${v}`,
  category: (v) => sql`category = ${v}`,
  likelihood: (v) => sql`likelihood = ${v}`,
  impact: (v) => sql`impact = ${v}`,
  mitigations: (v) => sql`mitigations = ${v}`,
  owner: (v) => sql`owner = ${v}`,
  reviewOn: (v) => sql`review_on = ${v}`,
  status: (v) => sql`status = ${v}`,
  caseId: (v) => sql`case_id = ${v}`,
};

/** Re-rate, review (a new review date), mitigate, accept, close or reopen a risk. */
export function updateRisk(ctx: DomainContext, input: UpdateRiskInput): Risk {
  const p = parseInput(UpdateRiskInput, input);
  return mutate(ctx, (audit) => {
    const before = getRisk(ctx, p.id);
    checkVersion(before.version, p.expectedVersion, 'risk');
    if (p.caseId) requireCase(ctx.db, p.caseId);
    const { id, expectedVersion: _v, ...fields } = p;
    const changed = changedFields(before, fields);
    if (changed.length === 0) return before;
    const at = nowIso(ctx);
    const version = before.version + 1;
    const sets = changed.map((f) => RISK_SET[f]!(fields[f as keyof typeof fields] as SqlValue));
    sets.push(sql`updated_at = ${at}`, sql`version = ${version}`);
    run(ctx.db, sql`UPDATE risks SET ${sqlJoin(sets)} WHERE id = ${id}`);
    const after = getRisk(ctx, id);
    // enum values and numbers only; the threat and mitigation texts stay out of the log
    audit({
      action: 'risk.updated',
      subject: { kind: 'risk', id },
      details: { fields: changed, version, level: after.level, status: after.status },
    });
    return after;
  });
}

/**
 * Risks, highest score first (then the earliest review). `reviewDue`: not closed, and the
 * review date is today or past.
 */
export function listRisks(ctx: DomainContext, query: ListRisksQueryT = {}): Risk[] {
  const q = parseInput(ListRisksQuery, query);
  const day = today(ctx);
  const where: SqlFragment[] = [];
  if (q.status) where.push(sql`status = ${q.status}`);
  if (q.category) where.push(sql`category = ${q.category}`);
  if (q.caseId) {
    requireCase(ctx.db, q.caseId);
    where.push(sql`case_id = ${q.caseId}`);
  }
  if (q.reviewDue) where.push(sql`status <> 'closed'`, sql`review_on <= ${day}`);
  const whereSql = where.length ? sql` WHERE ${sqlJoin(where, ' AND ')}` : sql``;
  return all<RiskRow>(ctx.db, sql`SELECT * FROM risks${whereSql} ORDER BY likelihood * impact DESC, review_on, id`).map(
    (r) => toRisk(r, day),
  );
}
