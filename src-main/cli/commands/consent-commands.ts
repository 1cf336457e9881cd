/** Placeholder: the consent commands are being written. */
import type { Command } from '../command.js';

export const consentCommands: Command[] = [];
