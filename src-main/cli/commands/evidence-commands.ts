/** Placeholder: the evidence commands are being written. */
import type { Command } from '../command.js';

export const evidenceCommands: Command[] = [];
