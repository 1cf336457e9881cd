/**
 * Deadlines of cases: add, complete (open → met | missed | cancelled, once), and the list that
 * answers "what is coming up" and "what have we let slip", measured from the context's clock.
 */
import {
  AddDeadlineInput,
  CompleteDeadlineInput,
  type Deadline,
  type DeadlineItem,
  ListDeadlinesQuery,
  type ListDeadlinesQuery as ListDeadlinesQueryT,
  addDays,
  daysBetween,
} from '../../../shared/domain/deadlines.js';
import type { DeadlineRecord } from '../../../shared/domain/bundles.js';
import { VaultError } from '../../../shared/errors.js';
import { requireCase } from '../cases/case-service.js';
import { all, get, run, sql, sqlJoin, type ReadableDB, type SqlFragment } from '../db/sql.js';
import { checkVersion, type DomainContext, mutate, notFound, nowIso, parseInput, today } from '../domain/context.js';
import { DEADLINES, type DeadlineRow } from '../records/deadlines.js';
import { NOT_SHARED, type ReceivedWrite, receivedValues } from '../records/received.js';
import { uuidv7 } from '../util/ids.js';

function toDeadline(r: DeadlineRow): Deadline {
  return DEADLINES.toFields(r);
}

function requireDeadline(db: ReadableDB, id: string): DeadlineRow {
  const r = get(db, sql`SELECT * FROM deadlines WHERE id = ${id}`);
  if (!r) throw notFound('deadline', id);
  return DEADLINES.parse(r);
}

export function getDeadline(ctx: DomainContext, id: string): Deadline {
  return toDeadline(requireDeadline(ctx.db, id));
}

export function addDeadline(ctx: DomainContext, input: AddDeadlineInput): Deadline {
  const p = parseInput(AddDeadlineInput, input);
  return mutate(ctx, (audit) => {
    requireCase(ctx.db, p.caseId);
    const at = nowIso(ctx);
    const id = uuidv7(ctx.now().getTime());
    run(
      ctx.db,
      DEADLINES.insert({
        id,
        case_id: p.caseId,
        kind: p.kind,
        title: p.title,
        due_on: p.dueOn,
        notes: p.notes,
        status: 'open',
        completed_on: null,
        created_at: at,
        updated_at: at,
        version: 1,
        origin_vault: ctx.vaultId,
      }),
    );
    audit({ action: 'deadline.added', subject: { kind: 'deadline', id }, details: { caseId: p.caseId, kind: p.kind } });
    return getDeadline(ctx, id);
  });
}

/** Close an open deadline as met, missed or cancelled; a closed one cannot be closed again. */
export function completeDeadline(ctx: DomainContext, input: CompleteDeadlineInput): Deadline {
  const p = parseInput(CompleteDeadlineInput, input);
  return mutate(ctx, (audit) => {
    const before = requireDeadline(ctx.db, p.id);
    checkVersion(before.version, p.expectedVersion, 'deadline');
    if (before.status !== 'open') {
      throw new VaultError(
        'INVALID_TRANSITION',
        `This deadline is already ${before.status}${before.completed_on ? ` (since ${before.completed_on})` : ''}; only an open deadline can be marked ${p.status}.`,
      );
    }
    const day = today(ctx);
    const completedOn = p.completedOn ?? day;
    if (completedOn > day) throw new VaultError('INVALID_INPUT', `completedOn: ${completedOn} is in the future.`);
    const at = nowIso(ctx);
    const version = before.version + 1;
    run(ctx.db, DEADLINES.update(p.id, { status: p.status, completed_on: completedOn, updated_at: at, version })!);
    audit({
      action: 'deadline.completed',
      subject: { kind: 'deadline', id: p.id },
      details: { caseId: before.case_id, from: 'open', to: p.status, version },
    });
    return getDeadline(ctx, p.id);
  });
}

/**
 * Deadlines, soonest first, each with its case and the days until it is due (negative when
 * past). `upcomingDays` and `overdue` select open deadlines only.
 */
export function listDeadlines(ctx: DomainContext, query: ListDeadlinesQueryT = {}): DeadlineItem[] {
  const q = parseInput(ListDeadlinesQuery, query);
  const wantsWindow = q.upcomingDays !== undefined || q.overdue === true;
  if (wantsWindow && q.status !== undefined && q.status !== 'open') {
    throw new VaultError(
      'INVALID_INPUT',
      `status: upcoming and overdue deadlines are open ones; ${q.status} cannot be combined with them.`,
    );
  }
  const day = today(ctx);
  const where: SqlFragment[] = [];
  if (q.caseId) {
    requireCase(ctx.db, q.caseId);
    where.push(sql`d.case_id = ${q.caseId}`);
  }
  if (q.status) where.push(sql`d.status = ${q.status}`);
  if (wantsWindow) {
    const windows: SqlFragment[] = [];
    if (q.upcomingDays !== undefined)
      windows.push(sql`(d.due_on >= ${day} AND d.due_on <= ${addDays(day, q.upcomingDays)})`);
    if (q.overdue) windows.push(sql`d.due_on < ${day}`);
    where.push(sql`d.status = 'open'`, sql`(${sqlJoin(windows, ' OR ')})`);
  }
  const whereSql = where.length ? sql` WHERE ${sqlJoin(where, ' AND ')}` : sql``;
  const rows = all<{ case_reference: string; case_title: string }>(
    ctx.db,
    sql`SELECT d.*, c.reference AS case_reference, c.title AS case_title FROM deadlines d JOIN cases c ON c.id = d.case_id${whereSql}
        ORDER BY d.due_on, c.reference, d.title, d.id`,
  );
  return rows.map((raw) => {
    const r = DEADLINES.parse(raw);
    return {
      ...toDeadline(r),
      caseReference: raw.case_reference,
      caseTitle: raw.case_title,
      daysUntilDue: daysBetween(day, r.due_on),
      overdue: r.status === 'open' && r.due_on < day,
    };
  });
}

/**
 * Write a deadline received in a bundle (inside the import's transaction; bundles/apply.ts
 * decides whether it is new or overwrites; one without its due date is never written).
 * Placeholders: kind other, title "Not shared", status open.
 */
export function applyReceivedDeadline(ctx: DomainContext, rec: DeadlineRecord, mode: ReceivedWrite, at: string): void {
  const current = mode.insert ? undefined : requireDeadline(ctx.db, rec.id);
  const values = {
    ...receivedValues(DEADLINES, 'deadlines', rec, current, {
      kind: 'other',
      title: NOT_SHARED,
      due_on: '',
      status: 'open',
      notes: '',
    }),
    updated_at: rec.updatedAt ?? at,
  };
  if (mode.insert) {
    run(
      ctx.db,
      DEADLINES.insert({
        ...values,
        id: rec.id,
        case_id: rec.caseId,
        created_at: rec.createdAt ?? at,
        version: rec.version,
        origin_vault: rec.originVault,
      }),
    );
  } else {
    const { created_at: _kept, ...changed } = values;
    run(ctx.db, DEADLINES.update(rec.id, { ...changed, version: mode.version })!);
  }
}
