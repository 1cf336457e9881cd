/**
 * Confirmation before an erasure (evidence erase, person erase, case purge): it cannot be undone,
 * so the user types the record's id at a terminal, or says `--yes`. Without a terminal (a
 * script) or with --json, `--yes` is required: nothing is erased on a guess.
 */
import { createInterface } from 'node:readline/promises';
import type { CommandContext, OptionSpec } from './command.js';
import { boolOpt, stringOpt } from './command.js';
import { UsageError } from './io.js';
import { canPrompt } from './secrets.js';

export const ERASURE_OPTIONS: Record<string, OptionSpec> = {
  reason: {
    type: 'string',
    description: 'why (required); kept as a hash — or, for evidence, in the custody record: name no one',
    valueName: 'TEXT',
  },
  yes: { type: 'boolean', description: 'do not ask to type the id (required without a terminal and with --json)' },
};

/** The reason given with --reason; a usage error without it. */
export function erasureReason(ctx: CommandContext): string {
  const reason = stringOpt(ctx, 'reason');
  if (reason === undefined || reason.trim() === '') throw new UsageError('--reason is required: say why it is erased.');
  return reason;
}

/** Ask for the id at a terminal unless --yes; refuse when it cannot be asked. */
export async function confirmErasure(ctx: CommandContext, id: string, what: string): Promise<void> {
  if (boolOpt(ctx, 'yes')) return;
  if (ctx.out.json || !canPrompt()) {
    throw new UsageError(`erasing ${what} cannot be undone: add --yes to confirm. Nothing was erased.`);
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const typed = (await rl.question(`This erases ${what} for good. Type its id (${id}) to go on: `)).trim();
    if (typed !== id) throw new UsageError('the id typed does not match. Nothing was erased.');
  } finally {
    rl.close();
  }
}
