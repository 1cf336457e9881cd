/**
 * case-vault — the vault engine from a terminal.
 *
 *   case-vault <command> [subcommand] [args] [--vault DIR] [--json]
 *              [--passphrase-file FILE | --recovery-key-file FILE]
 *
 * Contract (scripts rely on it; keep it stable):
 * - --vault DIR, else $CASE_VAULT_DIR, else the OS's app-data folder.
 * - Secrets never as argument values: files, the environment, or a hidden prompt on a TTY.
 * - --json prints exactly one JSON document on stdout and nothing else there.
 * - A failure prints one line on stderr, `error: CODE: sentence`, and exits 1; usage errors exit 2.
 */
import { parseArgs } from 'node:util';
import { Vault, defaultVaultDir } from '../engine/index.js';
import type { Command, CommandContext, OptionSpec } from './command.js';
import { UsageError, describeFailure, makeOutput, reportRemovedTempFiles } from './io.js';
import { readCredential } from './secrets.js';
import { initCommand, passphraseChangeCommand, statusCommand } from './commands/vault-commands.js';
import { doctorCommand } from './commands/doctor-command.js';
import { caseCommands } from './commands/case-commands.js';
import { consentCommands } from './commands/consent-commands.js';
import { deadlineCommands } from './commands/deadline-commands.js';
import { demoCommands } from './commands/demo-commands.js';
import { enquiryCommands } from './commands/enquiry-commands.js';
import { evidenceCommands } from './commands/evidence-commands.js';
import { noteSearchCommands } from './commands/note-search-commands.js';
import { outcomeCommands } from './commands/outcome-commands.js';
import { partnerCommands } from './commands/partner/index.js';
import { policyCommands } from './commands/policy-commands.js';
import { panicCommand } from './commands/panic-command.js';
import { bundleCommands } from './commands/bundle-commands.js';
import { proposalCommands } from './commands/proposal-commands.js';
import { identityCommands } from './commands/identity-commands.js';
import { personCommands } from './commands/person-commands.js';
import { riskCommands } from './commands/risk-commands.js';
import { reportCommands } from './commands/report-commands.js';
import { backupCommands } from './commands/backup-commands.js';
import { importCommands } from './commands/import-commands.js';
import { syncCommands } from './commands/sync-commands.js';

export const COMMANDS: Command[] = [
  initCommand,
  statusCommand,
  doctorCommand,
  passphraseChangeCommand,
  ...enquiryCommands,
  ...caseCommands,
  ...personCommands,
  ...consentCommands,
  ...evidenceCommands,
  ...noteSearchCommands,
  ...deadlineCommands,
  ...outcomeCommands,
  ...partnerCommands,
  ...policyCommands,
  panicCommand,
  ...bundleCommands,
  ...proposalCommands,
  ...identityCommands,
  ...riskCommands,
  ...reportCommands,
  ...backupCommands,
  ...importCommands,
  ...syncCommands,
  ...demoCommands,
];

const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  vault: {
    type: 'string',
    description: 'vault folder (default: $CASE_VAULT_DIR, else the app-data folder)',
    valueName: 'DIR',
  },
  json: { type: 'boolean', description: 'print one JSON document on stdout, no progress' },
  'passphrase-file': {
    type: 'string',
    description: 'file whose first line is the passphrase (else $CASE_VAULT_PASSPHRASE, else asked)',
    valueName: 'FILE',
  },
  'recovery-key-file': {
    type: 'string',
    description: 'unlock with the recovery key in FILE instead of the passphrase',
    valueName: 'FILE',
  },
  help: { type: 'boolean', short: 'h', description: 'show help' },
};

function optionLines(opts: Record<string, OptionSpec>): string[] {
  return Object.entries(opts).map(([name, o]) => {
    const flag = `--${name}${o.type === 'string' ? ` ${o.valueName ?? 'VALUE'}` : ''}`;
    return `  ${flag.padEnd(28)} ${o.description}`;
  });
}

export function helpText(cmd?: Command): string {
  if (cmd) {
    return [
      `usage: case-vault ${cmd.path.join(' ')}${cmd.args ? ' ' + cmd.args : ''} [options]`,
      '',
      cmd.summary,
      '',
      ...(cmd.options && Object.keys(cmd.options).length ? ['Options:', ...optionLines(cmd.options), ''] : []),
      'Global options:',
      ...optionLines(GLOBAL_OPTIONS),
    ].join('\n');
  }
  return [
    'usage: case-vault <command> [subcommand] [args] [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.path.join(' ').padEnd(20)} ${c.summary}`),
    '',
    'Global options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    'Exit status: 0 success, 1 error (one line on stderr: "error: CODE: message"), 2 usage error.',
  ].join('\n');
}

function parseOptionsFor(opts: Record<string, OptionSpec>) {
  return Object.fromEntries(
    Object.entries(opts).map(([k, o]) => [
      k,
      { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) },
    ]),
  );
}

function findCommand(words: string[]): { cmd: Command; rest: string[] } | null {
  let best: Command | null = null;
  for (const c of COMMANDS) {
    if (c.path.every((w, i) => words[i] === w) && (!best || c.path.length > best.path.length)) best = c;
  }
  return best ? { cmd: best, rest: words.slice(best.path.length) } : null;
}

export async function main(argv: string[]): Promise<number> {
  const wantsJson = argv.includes('--json');
  const out = makeOutput(wantsJson);
  try {
    // Find the command words among the positionals, wherever global options stand
    // (`case-vault --vault DIR status` and `case-vault status --vault DIR` are the same).
    const { tokens } = parseArgs({
      args: argv,
      options: parseOptionsFor(GLOBAL_OPTIONS),
      strict: false,
      allowPositionals: true,
      tokens: true,
    });
    const positionalTokens = tokens.filter((t) => t.kind === 'positional');
    const words = positionalTokens.map((t) => t.value);
    const helpAsked = argv.includes('--help') || argv.includes('-h');
    if (argv.length === 0 || (words.length === 0 && helpAsked)) {
      process.stdout.write(helpText() + '\n');
      return argv.length === 0 ? 2 : 0;
    }
    if (words[0] === 'help') {
      const found = findCommand(words.slice(1));
      process.stdout.write(helpText(found?.cmd) + '\n');
      return 0;
    }
    const found = findCommand(words);
    if (!found) {
      const group = COMMANDS.filter((c) => c.path[0] === words[0]);
      if (group.length > 0)
        throw new UsageError(
          `"${words.join(' ')}" needs one of: ${group.map((c) => c.path.slice(1).join(' ')).join(', ')}.`,
        );
      throw new UsageError(
        words.length
          ? `unknown command "${words[0]}". Run "case-vault --help" for the list.`
          : 'no command given. Run "case-vault --help" for the list.',
      );
    }
    const { cmd } = found;
    const options = { ...GLOBAL_OPTIONS, ...(cmd.options ?? {}) };
    const commandWordIndexes = new Set(positionalTokens.slice(0, cmd.path.length).map((t) => t.index));
    const rest = argv.filter((_, i) => !commandWordIndexes.has(i));
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: parseOptionsFor(options), allowPositionals: true, strict: true });
    } catch (e) {
      if (!String((e as { code?: string }).code ?? '').startsWith('ERR_PARSE_ARGS')) throw e;
      throw new UsageError(`${(e as Error).message.split('\n')[0]} (see "case-vault help ${cmd.path.join(' ')}")`);
    }
    if (parsed.values.help) {
      process.stdout.write(helpText(cmd) + '\n');
      return 0;
    }
    const positionals = parsed.positionals;
    if (positionals.length < (cmd.minArgs ?? 0) || positionals.length > (cmd.maxArgs ?? 0)) {
      throw new UsageError(
        cmd.maxArgs
          ? `"${cmd.path.join(' ')}" takes ${cmd.args}; got ${positionals.length} argument(s).`
          : `"${cmd.path.join(' ')}" takes no arguments; got "${positionals.join(' ')}".`,
      );
    }
    const values = parsed.values as CommandContext['values'];
    const vaultDir = typeof values.vault === 'string' ? values.vault : defaultVaultDir();
    const ctx: CommandContext = {
      vaultDir,
      out,
      values,
      positionals,
      openVault: async () => {
        const credential = await readCredential({
          passphraseFile: typeof values['passphrase-file'] === 'string' ? values['passphrase-file'] : undefined,
          recoveryKeyFile: typeof values['recovery-key-file'] === 'string' ? values['recovery-key-file'] : undefined,
        });
        const progress = out.progress('Unlocking');
        const t0 = Date.now();
        try {
          return await Vault.open(vaultDir, credential, {
            onProgress: (p) =>
              progress.update(p.expectedMs ? Math.min(Date.now() - t0, p.expectedMs) : 0, p.expectedMs, p.phase),
          });
        } finally {
          progress.done();
        }
      },
    };
    await cmd.run(ctx);
    reportRemovedTempFiles(out);
    return 0;
  } catch (e) {
    const { line, exitCode } = describeFailure(e);
    if (process.env.CASE_VAULT_DEBUG && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
    process.stderr.write(line + '\n');
    return exitCode;
  }
}
