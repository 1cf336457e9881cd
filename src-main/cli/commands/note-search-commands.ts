/** Placeholder: the note-search commands are being written. */
import type { Command } from '../command.js';

export const noteSearchCommands: Command[] = [];
