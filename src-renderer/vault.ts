/**
 * The renderer's only door to the vault: `window.vault`, built by the preload from the IPC
 * contract (or by the e2e harness's stand-in). `call()` unwraps a Result into a value or a
 * thrown CallFailure that screens show with <ErrorNotice>.
 */
import type { VaultApi } from '../shared/ipc/api.js';
import type { Contract } from '../shared/ipc/contract.js';
import type { CallError, Result } from '../shared/ipc/kit.js';
import type { z } from 'zod';

declare global {
  interface Window {
    readonly vault: VaultApi;
  }
}

export class CallFailure extends Error {
  constructor(readonly error: CallError) {
    super(error.message);
    this.name = 'CallFailure';
  }
  get code(): CallError['code'] {
    return this.error.code;
  }
}

type Areas = keyof Contract;
export type Input<A extends Areas, M extends keyof Contract[A]> = Contract[A][M] extends {
  input: infer I extends z.ZodType;
}
  ? z.input<I>
  : never;
export type Output<A extends Areas, M extends keyof Contract[A]> = Contract[A][M] extends {
  output: infer O extends z.ZodType;
}
  ? z.output<O>
  : never;

/** Call `area.method` and return its value, or throw a CallFailure. */
export async function call<A extends Areas, M extends keyof Contract[A] & string>(
  area: A,
  method: M,
  input: Input<A, M>,
): Promise<Output<A, M>> {
  const fn = (window.vault[area] as unknown as Record<string, (i: unknown) => Promise<Result<unknown>>>)[method]!;
  const r = await fn(input);
  if (!r.ok) throw new CallFailure(r.error);
  return r.value as Output<A, M>;
}

export function asCallError(e: unknown): CallError {
  if (e instanceof CallFailure) return e.error;
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}
