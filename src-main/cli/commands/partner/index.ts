/** Every `partner …` command: the partner records, and the partner's keys. */
import type { Command } from '../../command.js';
import { partnerRecordCommands } from './partner-commands.js';
import { partnerKeyCommands } from './partner-key-commands.js';

export const partnerCommands: Command[] = [...partnerRecordCommands, ...partnerKeyCommands];
export { printCardImport } from './partner-key-commands.js';
