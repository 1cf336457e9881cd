/** Notes on a case: the schemas of the note service and its IPC calls. */
import { z } from 'zod';
import { ExpectedVersion, Id, pageOf, RecordMeta, text } from './common.js';

/** A note's text: required, up to 20 000 characters (trimmed, NFC). */
export const NoteBody = text(20_000, 1);

export const AddNoteInput = z.strictObject({
  caseId: Id,
  body: NoteBody,
  /** who wrote it (free text, e.g. initials); empty when not given */
  author: text(200).optional(),
});
export type AddNoteInput = z.input<typeof AddNoteInput>;

export const ListNotesQuery = z.strictObject({
  caseId: Id,
  limit: z.number().int().min(1).max(1000).default(50),
  offset: z.number().int().min(0).default(0),
});
export type ListNotesQuery = z.input<typeof ListNotesQuery>;

export const UpdateNoteInput = z.strictObject({
  id: Id,
  body: NoteBody,
  /** the version the user edited: a stale edit is refused (CONFLICT) instead of lost */
  expectedVersion: ExpectedVersion,
});
export type UpdateNoteInput = z.input<typeof UpdateNoteInput>;

export const Note = RecordMeta.extend({
  caseId: z.string(),
  body: z.string(),
  author: z.string(),
}).strict();
export type Note = z.infer<typeof Note>;

/** Newest first. */
export const NoteList = pageOf(Note);
export type NoteList = z.infer<typeof NoteList>;
