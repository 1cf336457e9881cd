/** Placeholder: the demo commands are being written. */
import type { Command } from '../command.js';

export const demoCommands: Command[] = [];
