/**
 * panic --destroy-keys — destroy the vault's key slots now (docs/security.md, "Panic and key
 * destruction"). No passphrase is asked: in a hurry it may not be at hand, and anyone who can
 * run this could delete vault.json anyway. A terminal must type the confirmation word; a
 * script passes --yes. Afterwards only a backup restores the vault.
 */
import { createInterface } from 'node:readline/promises';
import { destroyKeySlots } from '../../engine/vault/unlock-guard.js';
import type { Command } from '../command.js';
import { boolOpt } from '../command.js';
import { UsageError } from '../io.js';
import { canPrompt } from '../secrets.js';

export const PANIC_CONFIRMATION_WORD = 'DESTROY';

async function confirmed(vaultDir: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    process.stderr.write(
      [
        `This destroys the keys of the vault at ${vaultDir}.`,
        'Nothing can open it afterwards (not the passphrase, not the recovery key); only a backup restores it.',
        '',
      ].join('\n'),
    );
    const answer = await rl.question(`Type ${PANIC_CONFIRMATION_WORD} to go on: `);
    return answer.trim() === PANIC_CONFIRMATION_WORD;
  } finally {
    rl.close();
  }
}

export const panicCommand: Command = {
  path: ['panic'],
  summary: 'Destroy the vault’s key slots now (--destroy-keys): only a backup restores it afterwards.',
  maxArgs: 0,
  options: {
    'destroy-keys': {
      type: 'boolean',
      description: 'overwrite vault.json without its key slots (the database and files can no longer be opened)',
    },
    yes: { type: 'boolean', description: `do not ask to type ${PANIC_CONFIRMATION_WORD} (for scripts)` },
  },
  async run(ctx) {
    if (!boolOpt(ctx, 'destroy-keys'))
      throw new UsageError(
        'say --destroy-keys: the CLI holds no unlocked vault to lock, so its panic destroys the key slots (in the app, Ctrl+Shift+L locks and clears the window).',
      );
    if (!boolOpt(ctx, 'yes')) {
      if (!canPrompt())
        throw new UsageError(
          `not a terminal: pass --yes to destroy the keys without typing ${PANIC_CONFIRMATION_WORD}.`,
        );
      if (!(await confirmed(ctx.vaultDir)))
        throw new UsageError(`cancelled: the word typed was not ${PANIC_CONFIRMATION_WORD}. Nothing was changed.`);
    }
    const { vaultId, alreadyDestroyed } = await destroyKeySlots(ctx.vaultDir, 'panic');
    if (ctx.out.json) {
      ctx.out.printJson({ vaultId, keysDestroyed: true, alreadyDestroyed });
      return;
    }
    ctx.out.print(
      alreadyDestroyed
        ? `The keys of vault ${vaultId} were already destroyed. Only a backup restores it.`
        : `The keys of vault ${vaultId} are destroyed. Nothing can open it any more; only a backup restores it.`,
    );
  },
};
