/**
 * The engine side of the IPC contract: one handler per call whose `handler` is 'engine'.
 *
 * Main has already checked the sender, parsed the input with the contract's schema and swapped
 * file handles for paths; it parses the answer with the output schema after this returns. The
 * domain services parse their input once more with their own schemas (a second line, because the
 * services are also called by the CLI).
 *
 * Failures become `{ ok: false, error: { code, message } }`: a VaultError keeps its code and
 * sentence; anything else is INTERNAL with a fixed sentence — never a stack, a path or a value.
 */
import { CONTRACT, type Contract } from '../../../shared/ipc/contract.js';
import { findCall, type Implementation, type Result } from '../../../shared/ipc/kit.js';
import { isVaultError } from '../../../shared/errors.js';
import { classifyFailure } from '../util/system-errors.js';
import type { CallContext } from './call-context.js';
import { vaultHandlers } from './handlers/vault-handlers.js';
import { auditHandlers } from './handlers/audit-handlers.js';
// case-domain handlers (one import per area)
import { casesHandlers } from './handlers/cases-handlers.js';
import { peopleHandlers } from './handlers/people-handlers.js';
import { enquiriesHandlers } from './handlers/enquiries-handlers.js';
import { consentsHandlers } from './handlers/consents-handlers.js';
import { evidenceHandlers } from './handlers/evidence-handlers.js';
import { notesHandlers } from './handlers/notes-handlers.js';
import { searchHandlers } from './handlers/search-handlers.js';
import { deadlinesHandlers } from './handlers/deadlines-handlers.js';
import { outcomesHandlers } from './handlers/outcomes-handlers.js';
import { partnersHandlers } from './handlers/partners-handlers.js';
import { risksHandlers } from './handlers/risks-handlers.js';
import { identityHandlers } from './handlers/identity-handlers.js';
import { bundlesHandlers } from './handlers/bundles-handlers.js';
import { proposalsHandlers } from './handlers/proposals-handlers.js';
import { reportsHandlers } from './handlers/reports-handlers.js';
import { policyHandlers } from './handlers/policy-handlers.js';
import { agendaHandlers } from './handlers/agenda-handlers.js';
import { backupHandlers } from './handlers/backup-handlers.js';
import { importHandlers } from './handlers/import-handlers.js';
import { syncHandlers, teamHandlers } from './handlers/team-handlers.js';

export type EngineImplementation = Implementation<Contract, 'engine', CallContext>;

export const ENGINE_HANDLERS: EngineImplementation = {
  vault: vaultHandlers,
  audit: auditHandlers,
  // case-domain handlers (one line per area)
  cases: casesHandlers,
  people: peopleHandlers,
  enquiries: enquiriesHandlers,
  consents: consentsHandlers,
  evidence: evidenceHandlers,
  notes: notesHandlers,
  search: searchHandlers,
  deadlines: deadlinesHandlers,
  outcomes: outcomesHandlers,
  partners: partnersHandlers,
  risks: risksHandlers,
  identity: identityHandlers,
  bundles: bundlesHandlers,
  proposals: proposalsHandlers,
  reports: reportsHandlers,
  policy: policyHandlers,
  agenda: agendaHandlers,
  backup: backupHandlers,
  import: importHandlers,
  team: teamHandlers,
  sync: syncHandlers,
};

export const INTERNAL_MESSAGE =
  'Something went wrong inside the vault engine. Try again; if it happens again, run the vault check (doctor).';

export type AnyHandler = (input: unknown, cx: CallContext) => unknown;

/** The engine handler of a contract call, or undefined (also the CLI's in-process door: src-main/cli/engine-call.ts). */
export function handlerFor(channel: string): AnyHandler | undefined {
  const spec = findCall(CONTRACT, channel);
  if (!spec || spec.handler !== 'engine') return undefined;
  const [area, method] = channel.split('.') as [string, string];
  const calls = (ENGINE_HANDLERS as unknown as Record<string, Record<string, AnyHandler>>)[area];
  return calls && Object.hasOwn(calls, method) ? calls[method] : undefined;
}

/** Run one call. Never throws. `onUnexpected` hears about bugs (by error name only, never the message). */
export async function dispatch(
  channel: string,
  input: unknown,
  cx: CallContext,
  onUnexpected?: (channel: string, errorName: string) => void,
): Promise<Result<unknown>> {
  const handler = handlerFor(channel);
  if (!handler)
    return {
      ok: false,
      error: { code: 'USAGE', message: `The vault engine has no call named "${String(channel).slice(0, 60)}".` },
    };
  try {
    return { ok: true, value: await handler(input, cx) };
  } catch (caught) {
    // a full or failing disk is the user's to fix, not a bug (util/system-errors.ts)
    const e = classifyFailure(caught);
    if (isVaultError(e)) return { ok: false, error: { code: e.code, message: e.message } };
    onUnexpected?.(channel, e instanceof Error ? e.name : typeof e);
    return { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
  }
}
