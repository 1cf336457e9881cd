/** Placeholder: the risk commands are being written. */
import type { Command } from '../command.js';

export const riskCommands: Command[] = [];
