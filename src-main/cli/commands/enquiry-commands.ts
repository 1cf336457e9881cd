/** Placeholder: the enquiry commands are being written. */
import type { Command } from '../command.js';

export const enquiryCommands: Command[] = [];
