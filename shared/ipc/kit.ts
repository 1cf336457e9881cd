/**
 * The building blocks of the IPC contract (docs/architecture.md, "Processes").
 *
 * The contract is a table: area → method → { input schema, output schema, who answers it }.
 * Three sides read the same table:
 * - the preload builds `window.vault.<area>.<method>` from it and exposes nothing else;
 * - main's single registration wrapper checks the sender, parses the input with `input`,
 *   forwards it (to the engine worker, or to main's own handlers for dialogs and settings)
 *   and parses the answer with `output` before it reaches the renderer;
 * - the e2e harness answers the very same table over loopback.
 *
 * Every call resolves to a `Result`: `{ ok: true, value }` or `{ ok: false, error: { code,
 * message } }`. Errors never carry stack traces, paths or secrets.
 *
 * This file imports zod only: it runs in main, the preload and the renderer.
 */
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../errors.js';

/** Who answers a call: the engine worker (vault logic) or main itself (dialogs, settings, clipboard). */
export type Handler = 'engine' | 'main';

/** Which native dialog a file handle came from. */
export type FilePurpose = 'open' | 'save';

export interface CallSpec<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  H extends Handler = Handler,
> {
  readonly input: I;
  readonly output: O;
  readonly handler: H;
  /** the call reports `progress` events while it runs (unlock, evidence intake, …) */
  readonly progress: boolean;
  /** the call needs an unlocked vault (main refuses it with VAULT_LOCKED otherwise, without a trip to the worker) */
  readonly unlocked: boolean;
  /**
   * Top-level input fields that hold a FileHandle (from a dialog in main), with the dialog each
   * must come from: 'open' (a file to read) or 'save' (a new file to write). Main swaps each for
   * the path it stands for before the call reaches the engine; the renderer never sees a path,
   * and a handle from the save dialog cannot be read in as evidence (nor an opened file
   * overwritten).
   */
  readonly fileFields: Readonly<Record<string, FilePurpose>>;
}

interface CallOptions {
  progress?: boolean;
  unlocked?: boolean;
  fileFields?: Readonly<Record<string, FilePurpose>>;
}

/** A call answered by the engine worker. Most need an unlocked vault. */
export function engineCall<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  opts: CallOptions = {},
): CallSpec<I, O, 'engine'> {
  return {
    input,
    output,
    handler: 'engine',
    progress: opts.progress ?? false,
    unlocked: opts.unlocked ?? true,
    fileFields: opts.fileFields ?? {},
  };
}

/** A call answered by main (native dialogs, app settings, clipboard, the lock). */
export function mainCall<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  opts: Omit<CallOptions, 'fileFields'> = {},
): CallSpec<I, O, 'main'> {
  return {
    input,
    output,
    handler: 'main',
    progress: opts.progress ?? false,
    unlocked: opts.unlocked ?? false,
    fileFields: {},
  };
}

/** Calls that take nothing take an empty object, so that every input is an object. */
export const NoInput = z.strictObject({});
/** Calls that answer nothing answer `null`. */
export const Nothing = z.null();

export type Area = Readonly<Record<string, CallSpec>>;
export type ContractShape = Readonly<Record<string, Area>>;

/** `'cases.list'`, `'vault.unlock'`, … */
export type ChannelOf<C extends ContractShape> = {
  [A in keyof C & string]: `${A}.${keyof C[A] & string}`;
}[keyof C & string];

export type SpecOf<C extends ContractShape, Ch extends string> = Ch extends `${infer A}.${infer M}`
  ? A extends keyof C
    ? M extends keyof C[A]
      ? C[A][M]
      : never
    : never
  : never;

export const CallError = z.strictObject({ code: z.enum(ERROR_CODES), message: z.string() });
export type CallError = { code: ErrorCode; message: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** Every (area, method, channel, spec) of a contract, in a stable order. */
export function listCalls(
  contract: ContractShape,
): Array<{ area: string; method: string; channel: string; spec: CallSpec }> {
  const out: Array<{ area: string; method: string; channel: string; spec: CallSpec }> = [];
  for (const area of Object.keys(contract).sort()) {
    for (const method of Object.keys(contract[area]!).sort()) {
      out.push({ area, method, channel: `${area}.${method}`, spec: contract[area]![method]! });
    }
  }
  return out;
}

/** Looks a channel up without trusting it: `undefined` for anything not in the contract. */
export function findCall(contract: ContractShape, channel: unknown): CallSpec | undefined {
  if (typeof channel !== 'string') return undefined;
  const dot = channel.indexOf('.');
  if (dot <= 0) return undefined;
  const area = channel.slice(0, dot);
  const method = channel.slice(dot + 1);
  if (!Object.hasOwn(contract, area)) return undefined;
  const calls = contract[area]!;
  return Object.hasOwn(calls, method) ? calls[method] : undefined;
}

/** The renderer-side shape of a contract: one async method per call. */
export type ApiOf<C extends ContractShape> = {
  readonly [A in keyof C]: {
    readonly [M in keyof C[A]]: (input: z.input<C[A][M]['input']>) => Promise<Result<z.output<C[A][M]['output']>>>;
  };
};

/** The methods of area A answered by handler H. */
export type MethodsBy<C extends ContractShape, A extends keyof C, H extends Handler> = {
  [M in keyof C[A]]: C[A][M]['handler'] extends H ? M : never;
}[keyof C[A]];

/** The implementation a side (engine or main) must provide for every call it answers. */
export type Implementation<C extends ContractShape, H extends Handler, Cx> = {
  [A in keyof C as MethodsBy<C, A, H> extends never ? never : A]: {
    [M in MethodsBy<C, A, H>]: (
      input: z.output<C[A][M]['input']>,
      cx: Cx,
    ) => Promise<z.input<C[A][M]['output']>> | z.input<C[A][M]['output']>;
  };
};
