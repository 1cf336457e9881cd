/** Notes of a case. */
import { z } from 'zod';
import { Id } from '../../domain/common.js';
import { AddNoteInput, ListNotesQuery, Note, NoteList, UpdateNoteInput } from '../../domain/notes.js';
import { engineCall } from '../kit.js';

export const notesArea = {
  /** a case's notes, newest first */
  list: engineCall(ListNotesQuery, NoteList),
  get: engineCall(z.strictObject({ id: Id }), Note),
  add: engineCall(AddNoteInput, Note),
  /** CONFLICT when expectedVersion is stale */
  update: engineCall(UpdateNoteInput, Note),
} as const;
