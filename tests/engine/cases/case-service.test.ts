import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, CASE_TRANSITIONS, type CaseStatus } from '../../../shared/domain/cases.js';
import {
  caseHistory,
  closeCase,
  createCase,
  getCase,
  listCases,
  transitionCase,
  updateCase,
} from '../../../src-main/engine/cases/case-service.js';
import { listAudit } from '../../../src-main/engine/audit/audit-log.js';
import { codeOfSync as codeOf, newDomain } from '../domain-helpers.js';

describe('cases', () => {
  it('creates a case with a generated reference, defaults, tags and team, and audits it without contents', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, {
      title: 'Torture in Kamiti prison',
      forum: 'un-treaty-body',
      country: 'ke',
      tags: ['UNCAT', 'detention', 'uncat'],
      team: [{ member: 'A. Lawyer', role: 'lead' }],
      summary: 'Beaten in custody',
    });
    expect(c).toMatchObject({
      reference: 'CV-2026-000001',
      title: 'Torture in Kamiti prison',
      status: 'active',
      forum: 'un-treaty-body',
      country: 'KE',
      sensitivity: 'high',
      openedOn: '2026-11-21',
      tags: ['detention', 'uncat'],
      team: [{ member: 'A. Lawyer', role: 'lead' }],
      version: 1,
      originVault: d.ctx.vaultId,
    });
    expect(createCase(d.ctx, { title: 'Second' }).reference).toBe('CV-2026-000002');
    const entry = listAudit(d.ctx.db, { limit: 10 }).find((e) => e.action === 'case.created')!;
    expect(entry.subject).toEqual({ kind: 'case', id: c.id });
    expect(JSON.stringify(entry.details)).not.toMatch(/Kamiti|Beaten|Lawyer/);
  });

  it.each([
    [{ title: '' }, 'title'],
    [{ title: 'x'.repeat(201) }, 'title'],
    [{ title: 'T', forum: 'the moon' }, 'forum'],
    [{ title: 'T', country: 'Kenya' }, 'country'],
    [{ title: 'T', status: 'closed' }, 'status'],
    [{ title: 'T', openedOn: '2026-02-30' }, 'openedOn'],
    [{ title: 'T', tags: ['a,b'] }, 'tags.0'],
    [{ title: 'T', colour: 'red' }, 'input'],
  ])('refuses %j naming the field, writing nothing', async (input, field) => {
    const d = await newDomain();
    const before = d.auditCount();
    expect(() => createCase(d.ctx, input as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining(field) }),
    );
    expect(d.rows('cases')).toBe(0);
    expect(d.auditCount()).toBe(before);
  });

  it('refuses a duplicate reference with DUPLICATE', async () => {
    const d = await newDomain();
    createCase(d.ctx, { title: 'A', reference: 'KE-1' });
    expect(codeOf(() => createCase(d.ctx, { title: 'B', reference: 'KE-1' }))).toBe('DUPLICATE');
    expect(d.rows('cases')).toBe(1);
  });

  it('updates fields, bumps the version, keeps a history of what changed, and refuses a stale version', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'A', tags: ['x'] });
    d.setNow('2026-11-22');
    const u = updateCase(d.ctx, { id: c.id, expectedVersion: 1, stage: 'filed', tags: ['y', 'x'], title: 'A' });
    expect(u).toMatchObject({ version: 2, stage: 'filed', tags: ['x', 'y'], updatedAt: '2026-11-22T12:00:00.000Z' });
    expect(caseHistory(d.ctx, c.id)).toEqual([
      expect.objectContaining({ version: 1, changes: { status: { from: null, to: 'active' } } }),
      expect.objectContaining({
        version: 2,
        changes: { stage: { from: null, to: 'filed' }, tags: { from: ['x'], to: ['x', 'y'] } },
      }),
    ]);
    expect(codeOf(() => updateCase(d.ctx, { id: c.id, expectedVersion: 1, title: 'B' }))).toBe('CONFLICT');
    expect(getCase(d.ctx, c.id).title).toBe('A');
    expect(updateCase(d.ctx, { id: c.id, title: 'A' }).version).toBe(2); // no change, no new version
    expect(codeOf(() => updateCase(d.ctx, { id: '01900000-0000-7000-8000-000000000000', title: 'B' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('follows the status workflow and refuses every other transition', async () => {
    const d = await newDomain();
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        const c = createCase(d.ctx, { title: `${from}->${to}`, status: 'enquiry' });
        // walk to `from` along allowed transitions
        const path: Record<CaseStatus, CaseStatus[]> = {
          enquiry: [],
          assessment: ['assessment'],
          accepted: ['accepted'],
          referred: ['referred'],
          declined: ['declined'],
          active: ['accepted', 'active'],
          closed: ['accepted', 'closed'],
        };
        for (const step of path[from]) transitionCase(d.ctx, { id: c.id, to: step, reason: 'r' });
        const allowed = CASE_TRANSITIONS[from].includes(to);
        const code = codeOf(() => transitionCase(d.ctx, { id: c.id, to, reason: 'because' }));
        expect(code, `${from} -> ${to}`).toBe(allowed ? undefined : 'INVALID_TRANSITION');
      }
    }
  });

  it('needs a reason to close, records closure, and can reopen', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'A' });
    expect(codeOf(() => transitionCase(d.ctx, { id: c.id, to: 'closed' }))).toBe('INVALID_INPUT');
    const closed = closeCase(d.ctx, c.id, 'Judgment implemented');
    expect(closed).toMatchObject({
      status: 'closed',
      closedOn: '2026-11-21',
      closureReason: 'Judgment implemented',
      version: 2,
    });
    expect(codeOf(() => closeCase(d.ctx, c.id, 'again'))).toBe('INVALID_TRANSITION');
    expect(transitionCase(d.ctx, { id: c.id, to: 'active', reason: 'new evidence' })).toMatchObject({
      status: 'active',
      closedOn: null,
    });
  });

  it('lists with each filter, paging and a total', async () => {
    const d = await newDomain();
    const a = createCase(d.ctx, {
      title: 'Beating at the border',
      forum: 'domestic-court',
      country: 'KE',
      tags: ['border'],
      summary: 'Le détenu a été frappé',
    });
    d.setNow('2026-11-22');
    const b = createCase(d.ctx, {
      title: 'Enforced disappearance',
      forum: 'un-treaty-body',
      country: 'MX',
      tags: ['border', 'disappearance'],
    });
    d.setNow('2026-11-23');
    const c = createCase(d.ctx, {
      title: 'Police custody death',
      forum: 'regional-court',
      country: 'KE',
      status: 'assessment',
    });
    d.ctx.db
      .prepare(
        "INSERT INTO deadlines (id, case_id, kind, title, due_on, status, created_at, updated_at, origin_vault) VALUES ('d1', ?, 'filing', 'File', '2026-12-01', 'open', 't', 't', 'v'), ('d2', ?, 'hearing', 'Hear', '2026-11-25', 'met', 't', 't', 'v')",
      )
      .run([b.id, c.id]);
    const ids = (q: object) => listCases(d.ctx, q).items.map((i) => i.id);
    expect(ids({})).toEqual([c.id, b.id, a.id]);
    expect(ids({ status: ['assessment'] })).toEqual([c.id]);
    expect(ids({ forum: 'domestic-court' })).toEqual([a.id]);
    expect(ids({ country: 'ke' })).toEqual([c.id, a.id]);
    expect(ids({ tag: 'BORDER' })).toEqual([b.id, a.id]);
    expect(ids({ deadlineDueBy: '2026-12-31' })).toEqual([b.id]);
    expect(ids({ deadlineDueBy: '2026-11-30' })).toEqual([]);
    expect(ids({ text: 'detenu' })).toEqual([a.id]);
    expect(ids({ text: 'custody' })).toEqual([c.id]);
    expect(ids({ country: 'KE', text: 'border' })).toEqual([a.id]);
    expect(ids({ sort: 'reference' })).toEqual([a.id, b.id, c.id]);
    const page = listCases(d.ctx, { limit: 2, offset: 1 });
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.items.map((i) => i.id)).toEqual([b.id, a.id]);
    expect(page.items[0]).toMatchObject({ nextDeadline: '2026-12-01', tags: ['border', 'disappearance'] });
    expect(codeOf(() => listCases(d.ctx, { limit: 0 }))).toBe('INVALID_INPUT');
    expect(codeOf(() => listCases(d.ctx, { text: '"" ***' }))).toBe('INVALID_INPUT');
    expect(ids({ text: 'NOT OR AND "' })).toEqual([]); // FTS syntax is read as words
  });
});
