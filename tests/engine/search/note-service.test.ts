import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../src-main/engine/audit/audit-log.js';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import { addNote, getNote, listNotes, updateNote } from '../../../src-main/engine/notes/note-service.js';
import { codeOfSync as codeOf, newDomain } from '../domain-helpers.js';

const MISSING = '01900000-0000-7000-8000-000000000000';

describe('notes', () => {
  it('adds a note to a case and audits ids and length only', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Case' });
    const before = d.auditCount();
    const n = addNote(d.ctx, {
      caseId: c.id,
      body: '  Met the witness at the clinic; bruises photographed.  ',
      author: 'AK',
    });
    expect(n).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      caseId: c.id,
      body: 'Met the witness at the clinic; bruises photographed.',
      author: 'AK',
      createdAt: '2026-11-21T12:00:00.000Z',
      updatedAt: '2026-11-21T12:00:00.000Z',
      version: 1,
      originVault: d.ctx.vaultId,
    });
    expect(getNote(d.ctx, n.id)).toEqual(n);
    expect(d.auditCount()).toBe(before + 1);
    const entry = listAudit(d.ctx.db, { afterSeq: before })[0]!;
    expect(entry.action).toBe('note.added');
    expect(entry.subject).toEqual({ kind: 'note', id: n.id });
    expect(entry.details).toEqual({
      caseId: c.id,
      length: 'Met the witness at the clinic; bruises photographed.'.length,
    });
    expect(JSON.stringify(entry)).not.toMatch(/witness|clinic|AK/);
  });

  it('author defaults to empty', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Case' });
    expect(addNote(d.ctx, { caseId: c.id, body: 'x' }).author).toBe('');
  });

  it.each([
    [{ body: '' }, 'body: must not be empty'],
    [{ body: '   ' }, 'body: must not be empty'],
    [{ body: 'x'.repeat(20_001) }, 'body: must be at most 20000 characters'],
    [{ body: 'ok', author: 'a'.repeat(201) }, 'author'],
    [{ body: 'ok', caseId: 'not-an-id' }, 'caseId'],
    [{ body: 'ok', colour: 'red' }, 'unknown field(s): colour'],
  ])('refuses %j with INVALID_INPUT naming the field, writing nothing', async (patch, message) => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Case' });
    const audit = d.auditCount();
    expect(() => addNote(d.ctx, { caseId: c.id, ...patch } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining(message) }),
    );
    expect(d.rows('notes')).toBe(0);
    expect(d.auditCount()).toBe(audit);
  });

  it('accepts exactly 20 000 characters', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Case' });
    expect(addNote(d.ctx, { caseId: c.id, body: 'é'.repeat(20_000) }).body).toHaveLength(20_000);
  });

  it('refuses a note on a case that does not exist with NOT_FOUND, writing nothing', async () => {
    const d = await newDomain();
    const audit = d.auditCount();
    expect(codeOf(() => addNote(d.ctx, { caseId: MISSING, body: 'x' }))).toBe('NOT_FOUND');
    expect(d.rows('notes')).toBe(0);
    expect(d.auditCount()).toBe(audit);
  });

  it('lists a case’s notes newest first, paged, with the total', async () => {
    const d = await newDomain();
    const a = createCase(d.ctx, { title: 'A' });
    const b = createCase(d.ctx, { title: 'B' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      d.setNow(`2026-11-2${i + 1}T10:00:00.000Z`);
      ids.push(addNote(d.ctx, { caseId: a.id, body: `note ${i}` }).id);
    }
    addNote(d.ctx, { caseId: b.id, body: 'other case' });
    const page = listNotes(d.ctx, { caseId: a.id, limit: 2, offset: 1 });
    expect(page.total).toBe(5);
    expect(page.limit).toBe(2);
    expect(page.offset).toBe(1);
    expect(page.items.map((n) => n.body)).toEqual(['note 3', 'note 2']);
    expect(listNotes(d.ctx, { caseId: a.id }).items.map((n) => n.id)).toEqual([...ids].reverse());
    expect(listNotes(d.ctx, { caseId: b.id }).items.map((n) => n.body)).toEqual(['other case']);
    expect(codeOf(() => listNotes(d.ctx, { caseId: MISSING }))).toBe('NOT_FOUND');
    expect(codeOf(() => listNotes(d.ctx, { caseId: a.id, limit: 0 }))).toBe('INVALID_INPUT');
  });

  it('notes written in the same millisecond keep their order', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'A' });
    for (const body of ['first', 'second', 'third']) addNote(d.ctx, { caseId: c.id, body });
    expect(listNotes(d.ctx, { caseId: c.id }).items.map((n) => n.body)).toEqual(['third', 'second', 'first']);
  });

  it('updates the text, bumps the version, audits without contents, and refuses a stale version with CONFLICT', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Case' });
    const n = addNote(d.ctx, { caseId: c.id, body: 'first draft' });
    d.setNow('2026-11-22T09:00:00.000Z');
    const audit = d.auditCount();
    const u = updateNote(d.ctx, { id: n.id, body: 'second draft, longer', expectedVersion: 1 });
    expect(u).toMatchObject({
      id: n.id,
      body: 'second draft, longer',
      version: 2,
      createdAt: n.createdAt,
      updatedAt: '2026-11-22T09:00:00.000Z',
    });
    const entry = listAudit(d.ctx.db, { afterSeq: audit })[0]!;
    expect(entry).toMatchObject({
      action: 'note.updated',
      subject: { kind: 'note', id: n.id },
      details: { caseId: c.id, length: 20, version: 2 },
    });
    expect(JSON.stringify(entry)).not.toMatch(/draft/);

    const after = d.auditCount();
    expect(() => updateNote(d.ctx, { id: n.id, body: 'lost edit', expectedVersion: 1 })).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: expect.stringContaining('version 2, you edited version 1'),
      }),
    );
    expect(getNote(d.ctx, n.id)).toMatchObject({ body: 'second draft, longer', version: 2 });
    expect(d.auditCount()).toBe(after);
  });

  it('an update with the same text changes nothing', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Case' });
    const n = addNote(d.ctx, { caseId: c.id, body: 'same' });
    const audit = d.auditCount();
    expect(updateNote(d.ctx, { id: n.id, body: ' same ' })).toEqual(n);
    expect(d.auditCount()).toBe(audit);
  });

  it('refuses updates of unknown notes and empty bodies', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'Case' });
    const n = addNote(d.ctx, { caseId: c.id, body: 'keep' });
    expect(codeOf(() => updateNote(d.ctx, { id: MISSING, body: 'x' }))).toBe('NOT_FOUND');
    expect(codeOf(() => updateNote(d.ctx, { id: n.id, body: '' }))).toBe('INVALID_INPUT');
    expect(codeOf(() => updateNote(d.ctx, { id: n.id, body: 'x', expectedVersion: 0 }))).toBe('INVALID_INPUT');
    expect(getNote(d.ctx, n.id).body).toBe('keep');
    expect(codeOf(() => getNote(d.ctx, MISSING))).toBe('NOT_FOUND');
  });
});
