/**
 * The CLI's one door into the engine: the same contract (shared/ipc/contract.ts) and the same
 * handlers (engine/api/handlers) the app reaches through main and the engine worker, called in
 * this process. What a command gathered from its options is parsed once, here, with the call's
 * contract input schema; a bad value is INVALID_INPUT naming the field, worded as the app words
 * it (shared/zod-message.ts).
 *
 * Two differences from the app's door, both because a terminal is not a renderer:
 * - a call's file fields (`file`, `target`) take the path the user typed: there is no dialog,
 *   so there is no file handle to swap for one;
 * - errors are not flattened: they reach the CLI's error line (io.ts describeFailure), which
 *   prints a VaultError's code and sentence and says plainly when something else went wrong.
 */
import { z } from 'zod';
import { CONTRACT } from '../../shared/ipc/contract.js';
import { findCall, type CallSpec } from '../../shared/ipc/kit.js';
import { VaultError } from '../../shared/errors.js';
import { describeZodError } from '../../shared/zod-message.js';
import { handlerFor, type EngineImplementation } from '../engine/api/dispatch.js';
import type { CallContext, ProgressReport } from '../engine/api/call-context.js';
import { EngineSession } from '../engine/api/session.js';
import type { DomainContext } from '../engine/domain/context.js';
import type { CommandContext } from './command.js';
import type { Progress } from './io.js';

export type EngineArea = keyof EngineImplementation & string;
export type EngineMethod<A extends EngineArea> = keyof EngineImplementation[A] & string;
/** What the handler of `area.method` answers. */
export type EngineAnswer<A extends EngineArea, M extends EngineMethod<A>> = EngineImplementation[A][M] extends (
  ...args: never[]
) => infer R
  ? Awaited<R>
  : never;

/** Options a command gathered: raw values, checked by the contract, not by the command. */
export type RawInput = Record<string, unknown>;

/** A path typed on the command line where the app passes a file handle from a dialog. */
const PathArgument = z.string().min(1, 'is required');

function inputSchema(spec: CallSpec): z.ZodType {
  const fields = Object.keys(spec.fileFields);
  if (fields.length === 0) return spec.input;
  const object = spec.input as z.ZodObject;
  return object.extend(
    Object.fromEntries(
      fields.map((f) => [f, object.shape[f]!.safeParse(undefined).success ? PathArgument.optional() : PathArgument]),
    ),
  );
}

/** The call's input, parsed with its contract schema (INVALID_INPUT naming the field otherwise). */
export function parseEngineInput(area: EngineArea, method: string, input: RawInput): unknown {
  const spec = findCall(CONTRACT, `${area}.${method}`);
  if (!spec || spec.handler !== 'engine') throw new Error(`no engine call ${area}.${method} in the contract`);
  const parsed = inputSchema(spec).safeParse(input);
  if (!parsed.success) throw new VaultError('INVALID_INPUT', describeZodError(parsed.error));
  return parsed.data;
}

export interface CallOptions {
  /** label of the progress bar the call's progress reports drive (a terminal only) */
  progress?: string;
  /** how a report reads beside the bar, e.g. bytes done of total */
  progressDetail?: (report: ProgressReport) => string | undefined;
}

/** An unlocked vault, reached through the contract's handlers. */
export interface Engine {
  call<A extends EngineArea, M extends EngineMethod<A>>(
    area: A,
    method: M,
    input: RawInput,
    opts?: CallOptions,
  ): Promise<EngineAnswer<A, M>>;
  /** for what the contract does not offer (those few commands call the services directly) */
  readonly domain: DomainContext;
}

async function run(
  session: EngineSession,
  ctx: CommandContext,
  area: EngineArea,
  method: string,
  parsed: unknown,
  opts: CallOptions,
): Promise<unknown> {
  const handler = handlerFor(`${area}.${method}`)!;
  // the bar appears with the call's first progress report (most calls send none)
  const shown: { bar?: Progress } = {};
  const cx: CallContext = {
    session,
    progress: (report) => {
      if (!opts.progress) return;
      shown.bar ??= ctx.out.progress(opts.progress);
      shown.bar.update(report.done ?? 0, report.total ?? undefined, opts.progressDetail?.(report));
    },
  };
  try {
    return await handler(parsed, cx);
  } finally {
    shown.bar?.done();
  }
}

/** Unlock with the user's credential, run `fn` in an engine session, lock again whatever happens. */
async function inSession<T>(ctx: CommandContext, fn: (session: EngineSession) => Promise<T> | T): Promise<T> {
  const session = new EngineSession(ctx.vaultDir);
  session.adopt(await ctx.openVault());
  try {
    return await fn(session);
  } finally {
    session.lock();
  }
}

/** Several calls on one unlock: `fn` gets the engine, the vault is locked again whatever happens. */
export function withEngine<T>(ctx: CommandContext, fn: (engine: Engine) => Promise<T> | T): Promise<T> {
  return inSession(ctx, (session) =>
    fn({
      call: <A extends EngineArea, M extends EngineMethod<A>>(area: A, method: M, input: RawInput, opts = {}) =>
        run(session, ctx, area, method, parseEngineInput(area, method, input), opts) as Promise<EngineAnswer<A, M>>,
      get domain() {
        return session.ctx;
      },
    }),
  );
}

/**
 * One contract call: the input is parsed before the vault is unlocked (a mistake costs no
 * passphrase prompt and no key derivation), then the handler runs on the unlocked vault.
 */
export async function callEngine<A extends EngineArea, M extends EngineMethod<A>>(
  ctx: CommandContext,
  area: A,
  method: M,
  input: RawInput,
  opts: CallOptions = {},
): Promise<EngineAnswer<A, M>> {
  const parsed = parseEngineInput(area, method, input);
  return inSession(ctx, (session) => run(session, ctx, area, method, parsed, opts) as Promise<EngineAnswer<A, M>>);
}
