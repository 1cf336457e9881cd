/**
 * Helpers shared by the case-domain commands (case, person, consent, evidence, …): open the
 * vault, run one engine call, print the result as JSON (--json) or as lines for a person.
 *
 * Output contract (docs/cli.md): with --json an `add` prints the new record (with its `id`),
 * `show` prints the record, `list` and `search` print an array.
 */
import type { Vault } from '../engine/index.js';
import { type DomainContext, domainContext, notFound } from '../engine/domain/context.js';
import { Id } from '../../shared/domain/common.js';
import { stringOpt, type CommandContext } from './command.js';
import { UsageError } from './io.js';
import { terminalSafe, terminalText } from './terminal-text.js';

/** Unlock, run `fn` with a domain context, lock again whatever happens. */
export async function withDomain<T>(
  ctx: CommandContext,
  fn: (d: DomainContext, vault: Vault) => Promise<T> | T,
): Promise<T> {
  const vault = await ctx.openVault();
  try {
    return await fn(domainContext(vault), vault);
  } finally {
    vault.lock();
  }
}

/** A repeatable option (`--tag a --tag b`), also accepting `--tag a,b`. */
export function listOpt(ctx: CommandContext, name: string): string[] {
  const v = ctx.values[name];
  const raw = Array.isArray(v)
    ? (v as unknown[]).filter((x): x is string => typeof x === 'string')
    : typeof v === 'string'
      ? [v]
      : [];
  return raw
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A whole-number option, or a usage error naming it. */
export function intOpt(ctx: CommandContext, name: string): number | undefined {
  const v = ctx.values[name];
  if (typeof v !== 'string') return undefined;
  if (!/^-?\d+$/.test(v)) throw new UsageError(`--${name} takes a whole number; got "${v}".`);
  return Number(v);
}

/** The one positional argument a command takes (an id, a file, a query). */
export function arg(ctx: CommandContext, i = 0): string {
  const v = ctx.positionals[i];
  if (v === undefined) throw new UsageError('a required argument is missing.');
  return v;
}

/**
 * A positional record id. Text that is not an id names no record: NOT_FOUND, as the engine
 * says for an id it does not hold (the contract would call it invalid input, but on a command
 * line it reads as a lookup that found nothing).
 */
export function idArg(ctx: CommandContext, kind: string, i = 0): string {
  const v = arg(ctx, i);
  if (!Id.safeParse(v).success) throw notFound(kind, v);
  return v;
}

/**
 * Text from the vault or from outside shown on a terminal (terminal-text.ts): controls,
 * bidi and invisible format characters neutralised; terminalSafe makes one line of it.
 */
export { terminalSafe, terminalText } from './terminal-text.js';

/**
 * Print one record: JSON as is, or `label: value` lines. Every value is made terminal-safe;
 * a value of several lines (a note's text) has its further lines indented under the value, so
 * that no value can begin a line of its own that reads like another label.
 */
export function printRecord(ctx: CommandContext, record: unknown, lines: Array<[string, unknown]>): void {
  if (ctx.out.json) return ctx.out.printJson(record);
  const width = Math.max(...lines.map(([k]) => k.length));
  const indent = '\n' + ' '.repeat(width + 2);
  ctx.out.print(
    lines
      .filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
      .map(
        ([k, v]) =>
          `${(k + ':').padEnd(width + 1)} ${terminalText(Array.isArray(v) ? v.join(', ') : String(v)).replace(/\r?\n/g, indent)}`,
      )
      .join('\n'),
  );
}

/** Print a list: a JSON array, or a table with the given columns (empty: a short note). */
export function printTable<T>(
  ctx: CommandContext,
  items: T[],
  columns: Array<[string, (item: T) => unknown]>,
  empty = 'Nothing found.',
): void {
  if (ctx.out.json) return ctx.out.printJson(items);
  if (items.length === 0) return ctx.out.print(empty);
  const cells = items.map((it) =>
    columns.map(([, f]) => {
      const v = f(it);
      // one line per row: newlines and tabs in a cell become spaces too
      return v === undefined || v === null ? '' : terminalSafe(Array.isArray(v) ? v.join(',') : String(v));
    }),
  );
  const widths = columns.map(([h], i) => Math.min(60, Math.max(h.length, ...cells.map((r) => r[i]!.length))));
  const fmt = (row: string[]) =>
    row
      .map((c, i) => (c.length > widths[i]! ? c.slice(0, widths[i]! - 1) + '…' : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  ctx.out.print([fmt(columns.map(([h]) => h)), ...cells.map(fmt)].join('\n'));
}

/** Options the user did not give are left out, so the engine's defaults apply. */
export function dropUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A numeric option as the engine wants it: typed digits become a number; anything else is
 * passed on as typed, so that the engine's schema refuses it naming the field.
 */
export function numberOpt(ctx: CommandContext, name: string): number | string | undefined {
  const v = stringOpt(ctx, name);
  if (v === undefined) return undefined;
  return /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v;
}

/** `--field ""` clears a field on update. */
export function nullableOpt(ctx: CommandContext, name: string): string | null | undefined {
  const v = stringOpt(ctx, name);
  return v === undefined ? undefined : v === '' ? null : v;
}

/** An update with nothing to change is a usage error rather than a silent no-op. */
export function requireSomeChange(
  input: Record<string, unknown>,
  keys: number,
  example: string,
  command: string,
): void {
  if (Object.keys(input).length <= keys)
    throw new UsageError(`say what to change, e.g. ${example} (see "case-vault help ${command}").`);
}
