/** The shape of a CLI command, and what every command gets to work with. */
import type { Output } from './io.js';
import type { Vault } from '../engine/index.js';

export type OptionSpec = {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  description: string;
  valueName?: string;
};

export interface CommandContext {
  vaultDir: string;
  out: Output;
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  /** unlock with the credential the user supplied (file, environment, or prompt); shows progress */
  openVault(): Promise<Vault>;
}

export interface Command {
  /** words after `case-vault`, e.g. ['passphrase', 'change'] */
  path: string[];
  summary: string;
  /** the positional arguments, as shown in usage, e.g. '[QUERY]' */
  args?: string;
  minArgs?: number;
  maxArgs?: number;
  options?: Record<string, OptionSpec>;
  run(ctx: CommandContext): Promise<void>;
}

export function stringOpt(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function boolOpt(ctx: CommandContext, name: string): boolean {
  return ctx.values[name] === true;
}

/**
 * The values an option takes, for its help line, from the shared enum the engine checks:
 * `choices(DEADLINE_KINDS)` → "limitation, filing, …"; a note follows a value in brackets
 * (`{ met: 'default' }` → "met (default)").
 */
export function choices<V extends string>(values: readonly V[], notes: Partial<Record<V, string>> = {}): string {
  return values.map((v) => (notes[v] ? `${v} (${notes[v]})` : v)).join(', ');
}
