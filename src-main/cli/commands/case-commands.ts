/** Placeholder: the case commands are being written. */
import type { Command } from '../command.js';

export const caseCommands: Command[] = [];
