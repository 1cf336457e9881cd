/** Placeholder: the person commands are being written. */
import type { Command } from '../command.js';

export const personCommands: Command[] = [];
