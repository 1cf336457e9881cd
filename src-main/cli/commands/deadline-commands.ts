/** Placeholder: the deadline commands are being written. */
import type { Command } from '../command.js';

export const deadlineCommands: Command[] = [];
