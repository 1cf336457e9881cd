/** notes.* — the note service (engine/notes) behind the contract's notes area. */
import { addNote, getNote, listNotes, updateNote } from '../../notes/note-service.js';
import type { EngineImplementation } from '../dispatch.js';

export const notesHandlers: EngineImplementation['notes'] = {
  list: (query, { session }) => listNotes(session.ctx, query),
  get: ({ id }, { session }) => getNote(session.ctx, id),
  add: (input, { session }) => addNote(session.ctx, input),
  update: (input, { session }) => updateNote(session.ctx, input),
};
