/**
 * Notes: free text attached to a case, full-text indexed (notes_fts, kept in step by the
 * triggers of migration 0002; search/search-service.ts reads it).
 *
 * A note's body is personal data of the most sensitive kind: the audit trail records that a
 * note was added or changed, to which case, and its length — never a word of it.
 */
import {
  AddNoteInput,
  ListNotesQuery,
  type Note,
  type NoteList,
  UpdateNoteInput,
} from '../../../shared/domain/search.js';
import { all, get, pluck, run, sql, type ReadableDB } from '../db/sql.js';
import { checkVersion, type DomainContext, mutate, notFound, nowIso, parseInput } from '../domain/context.js';
import { requireCase } from '../cases/case-service.js';
import { uuidv7 } from '../util/ids.js';

interface NoteRow {
  id: string;
  case_id: string;
  body: string;
  author: string;
  created_at: string;
  updated_at: string;
  version: number;
  origin_vault: string;
}

function toNote(r: NoteRow): Note {
  return {
    id: r.id,
    caseId: r.case_id,
    body: r.body,
    author: r.author,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    originVault: r.origin_vault,
  };
}

const NOTE_COLUMNS = sql`id, case_id, body, author, created_at, updated_at, version, origin_vault`;

function requireNote(db: ReadableDB, id: string): NoteRow {
  const r = get<NoteRow>(db, sql`SELECT ${NOTE_COLUMNS} FROM notes WHERE id = ${id}`);
  if (!r) throw notFound('note', id);
  return r;
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
      sql`INSERT INTO notes (id, case_id, body, author, created_at, updated_at, version, origin_vault)
          VALUES (${id}, ${p.caseId}, ${p.body}, ${p.author ?? ''}, ${at}, ${at}, 1, ${ctx.vaultId})`,
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
  const rows = all<NoteRow>(
    ctx.db,
    sql`SELECT ${NOTE_COLUMNS} FROM notes WHERE case_id = ${q.caseId} ORDER BY created_at DESC, seq DESC LIMIT ${q.limit} OFFSET ${q.offset}`,
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
    run(ctx.db, sql`UPDATE notes SET body = ${p.body}, updated_at = ${at}, version = ${version} WHERE id = ${p.id}`);
    audit({
      action: 'note.updated',
      subject: { kind: 'note', id: p.id },
      details: { caseId: before.case_id, length: [...p.body].length, version },
    });
    return toNote(requireNote(ctx.db, p.id));
  });
}
