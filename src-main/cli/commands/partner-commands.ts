/** Placeholder: the partner commands are being written. */
import type { Command } from '../command.js';

export const partnerCommands: Command[] = [];
