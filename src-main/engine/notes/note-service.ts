/**
 * Notes: free text attached to a case, full-text indexed (notes_fts, kept in step by the
 * triggers of migration 0002; search/search-service.ts reads it).
 *
 * A note's body is personal data of the most sensitive kind: the audit trail records that a
 * note was added or changed, to which case, and its length — never a word of it.
 */
import type { NoteRecord } from '../../../shared/domain/bundles.js';
import {
  AddNoteInput,
  ListNotesQuery,
  type Note,
  type NoteList,
  UpdateNoteInput,
} from '../../../shared/domain/notes.js';
import { all, get, pluck, run, sql, type ReadableDB } from '../db/sql.js';
import { checkVersion, type DomainContext, mutate, notFound, nowIso, parseInput } from '../domain/context.js';
import { requireCase } from '../cases/case-service.js';
import { NOTES, type NoteRow } from '../records/notes.js';
import { type ReceivedWrite, receivedValues } from '../records/received.js';
import { uuidv7 } from '../util/ids.js';

function toNote(r: NoteRow): Note {
  const { seq: _seq, ...fields } = NOTES.toFields(r);
  return fields;
}

function requireNote(db: ReadableDB, id: string): NoteRow {
  const r = get(db, sql`SELECT * FROM notes WHERE id = ${id}`);
  if (!r) throw notFound('note', id);
  return NOTES.parse(r);
}

export function getNote(ctx: DomainContext, id: string): Note {
  return toNote(requireNote(ctx.db, id));
}

/** Add a note to a case (NOT_FOUND if the case does not exist). */
export function addNote(ctx: DomainContext, input: AddNoteInput): Note {
  const p = parseInput(AddNoteInput, input);
  return mutate(ctx, (audit) => {
    requireCase(ctx.db, p.caseId);
    const at = nowIso(ctx);
    const id = uuidv7(ctx.now().getTime());
    run(
      ctx.db,
      NOTES.insert({
        id,
        case_id: p.caseId,
        body: p.body,
        author: p.author ?? '',
        created_at: at,
        updated_at: at,
        version: 1,
        origin_vault: ctx.vaultId,
      }),
    );
    audit({
      action: 'note.added',
      subject: { kind: 'note', id },
      details: { caseId: p.caseId, length: [...p.body].length },
    });
    return toNote(requireNote(ctx.db, id));
  });
}

/** A case's notes, newest first (NOT_FOUND if the case does not exist). */
export function listNotes(ctx: DomainContext, query: ListNotesQuery): NoteList {
  const q = parseInput(ListNotesQuery, query);
  requireCase(ctx.db, q.caseId);
  const total = pluck<number>(ctx.db, sql`SELECT count(*) FROM notes WHERE case_id = ${q.caseId}`) ?? 0;
  const rows = NOTES.parseAll(
    all(
      ctx.db,
      sql`SELECT * FROM notes WHERE case_id = ${q.caseId} ORDER BY created_at DESC, seq DESC LIMIT ${q.limit} OFFSET ${q.offset}`,
    ),
  );
  return { items: rows.map(toNote), total, limit: q.limit, offset: q.offset };
}

/**
 * Replace a note's text. `expectedVersion` (the version the user edited) turns a concurrent
 * edit into CONFLICT instead of a silent overwrite. The same text again changes nothing.
 */
export function updateNote(ctx: DomainContext, input: UpdateNoteInput): Note {
  const p = parseInput(UpdateNoteInput, input);
  return mutate(ctx, (audit) => {
    const before = requireNote(ctx.db, p.id);
    checkVersion(before.version, p.expectedVersion, 'note');
    if (p.body === before.body) return toNote(before);
    const at = nowIso(ctx);
    const version = before.version + 1;
    run(ctx.db, NOTES.update(p.id, { body: p.body, updated_at: at, version })!);
    audit({
      action: 'note.updated',
      subject: { kind: 'note', id: p.id },
      details: { caseId: before.case_id, length: [...p.body].length, version },
    });
    return toNote(requireNote(ctx.db, p.id));
  });
}

/**
 * Write a note received in a bundle (inside the import's transaction; bundles/apply.ts decides
 * whether it is new or overwrites). A body or author the sender did not share is empty.
 */
export function applyReceivedNote(ctx: DomainContext, rec: NoteRecord, mode: ReceivedWrite, at: string): void {
  const current = mode.insert ? undefined : requireNote(ctx.db, rec.id);
  const values = {
    ...receivedValues(NOTES, 'notes', rec, current, { body: '', author: '', created_at: at }),
    updated_at: rec.updatedAt ?? at,
  };
  if (mode.insert) {
    run(
      ctx.db,
      NOTES.insert({
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
    run(ctx.db, NOTES.update(rec.id, { ...changed, version: mode.version })!);
  }
}
