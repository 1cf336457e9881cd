/** Placeholder: the outcome commands are being written. */
import type { Command } from '../command.js';

export const outcomeCommands: Command[] = [];
